"""Small helpers that give widgets the style sheet's roles (ui/theme/style.py).

Widgets pick a look by dynamic property (``role``, ``tone``), never by a colour of their
own: the application's style sheet is rebuilt on a light/dark switch and every property
then resolves to the new palette. What must paint a colour itself (an icon's tint, a
pixmap) follows the switch through ``follow_palette``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QVBoxLayout, QWidget

from ui.theme.palette import Palette
from ui.theme.style import current_palette, theme

# The two kinds of button (docs/decisions.md, "Cards, chips, empty states, notices"): one
# primary per view, the action the view is for; every other button is secondary.
PRIMARY = "primary"
SECONDARY = "secondary"


def set_property(widget: QWidget, name: str, value: str) -> None:
    """Set a style property and re-polish: Qt does not restyle on a property change."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    repolish(widget)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again to ``widget`` (after a property or palette change)."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def text_role(label: QLabel, role: str) -> QLabel:
    """title, heading, caption, secondary: the type scale of ui/theme/style.py."""
    set_property(label, "role", role)
    return label


def set_tone(label: QLabel, tone: str) -> QLabel:
    """danger, warning, success, or "" for the body colour: a label's colour by meaning."""
    set_property(label, "tone", tone)
    return label


def button_role(button: QAbstractButton, role: str) -> QAbstractButton:
    """PRIMARY (the accent, one per view) or SECONDARY (the plain button)."""
    set_property(button, "role", role)
    return button


def primary(button: QAbstractButton) -> QAbstractButton:
    return button_role(button, PRIMARY)


def secondary(button: QAbstractButton) -> QAbstractButton:
    return button_role(button, SECONDARY)


def card(*widgets: QWidget, parent: QWidget | None = None) -> QFrame:
    """A card (surface background, border, rounded corners) holding ``widgets``."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(6)
    for widget in widgets:
        layout.addWidget(widget)
    return frame


class _PaletteFollower(QObject):
    """Calls ``paint`` with each new palette; a child of the widget it paints, so the
    connection ends with the widget (a lambda on the theme would outlive it)."""

    def __init__(self, widget: QWidget, paint: Callable[[Palette], None]) -> None:
        super().__init__(widget)
        self._paint = paint

    def repaint(self, palette: Palette) -> None:
        self._paint(palette)


def follow_palette(widget: QWidget, paint: Callable[[Palette], None]) -> None:
    """Paint ``widget`` for the current palette now and again on every light/dark switch.

    ``paint`` should only set what the style sheet cannot (a tinted pixmap, a widget's own
    sheet); the widget is re-polished after it, so a property-based look is redone too.
    """

    def paint_and_polish(palette: Palette) -> None:
        paint(palette)
        repolish(widget)

    follower = _PaletteFollower(widget, paint_and_polish)
    paint(current_palette())
    active = theme()
    if active is not None:
        active.changed.connect(follower.repaint)
