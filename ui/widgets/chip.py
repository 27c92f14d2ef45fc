"""Chips: a short word on a rounded background (tier "A", "overdue 12 d")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.widgets.styling import set_property


def chip(text: str = "", *, danger: bool = False, parent: QWidget | None = None) -> QLabel:
    made = QLabel(text, parent)
    made.setProperty("role", "chip")
    set_property(made, "tone", "danger" if danger else "normal")
    return made
