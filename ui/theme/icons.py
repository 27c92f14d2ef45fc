"""Icons of the window: Lucide SVGs (ISC licence, see ui/theme/icons/README.md), tinted.

Lucide draws with ``stroke="currentColor"``; the icon is rendered after replacing it with
the palette's colour, so the same file works on the light and the dark palette.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).with_name("icons")


def icon_path(name: str) -> Path:
    return ICON_DIR / f"{name}.svg"


def tinted_pixmap(name: str, colour: str, size: int = 20, ratio: float = 1.0) -> QPixmap:
    svg = icon_path(name).read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def tinted_icon(name: str, colour: str, selected_colour: str | None = None) -> QIcon:
    """An icon in ``colour``; in ``selected_colour`` where the item is selected."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(tinted_pixmap(name, colour, 20, ratio), QIcon.Mode.Normal)
        if selected_colour is not None:
            icon.addPixmap(tinted_pixmap(name, selected_colour, 20, ratio), QIcon.Mode.Selected)
    return icon
