"""Small helpers that give widgets the style sheet's roles (ui/theme/style.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def set_property(widget: QWidget, name: str, value: str) -> None:
    """Set a style property and re-polish: Qt does not restyle on a property change."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def text_role(label: QLabel, role: str) -> QLabel:
    """title, heading, secondary: the type scale of docs/desktop-app.md."""
    set_property(label, "role", role)
    return label


def card(*widgets: QWidget, parent: QWidget | None = None) -> QFrame:
    """A card (surface background, border, rounded corners) holding ``widgets``."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    for widget in widgets:
        layout.addWidget(widget)
    return frame
