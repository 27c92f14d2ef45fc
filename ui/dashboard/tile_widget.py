"""One headline figure on the dashboard: its caption, its number, one line of detail; a
double-click or Enter opens the records behind it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.dashboard.figures import Tile
from ui.labels import plain_label
from ui.theme.palette import LIGHT, Palette
from ui.theme.style import current_palette
from ui.widgets.styling import follow_palette

WARN_COLOUR = LIGHT.warning  # amber: "look here", not an error (as the light palette has it)
FRAME_STYLE = """
QFrame#dashboardTile {{ background: palette(base); border: 1px solid {border};
                       border-radius: 6px; }}
QFrame#dashboardTile:focus {{ border: 2px solid {accent}; }}
"""


# The narrowest a tile is made, whatever its words.
TILE_MIN_WIDTH = 150


class TileWidget(QFrame):
    drill_requested = Signal(object)  # the Tile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTile")
        self._warn = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Every tile as wide as the others, whatever its words: the grid shares the width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(TILE_MIN_WIDTH)
        self.tile: Tile | None = None
        self.caption = plain_label(name="tileCaption")
        self.value = plain_label(name="tileValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setWordWrap(False)
        self.detail = plain_label(name="tileDetail")
        self.detail.setStyleSheet("border: none;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # The caption beside the number, the detail under both: three rows of tiles and the
        # charts fit a 1366x768 laptop's screen.
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.value, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        # The frame's and the number's colours are this widget's own sheets: set again on
        # each light/dark switch, or a dark window would keep light borders.
        follow_palette(self, self._paint)

    def _paint(self, palette: Palette) -> None:
        self.setStyleSheet(FRAME_STYLE.format(border=palette.border, accent=palette.accent))
        self.caption.setStyleSheet(f"color: {palette.text_secondary}; border: none;")
        colour = palette.warning if self._warn else "palette(text)"
        self.value.setStyleSheet(f"color: {colour}; border: none;")

    def needed_width(self) -> int:
        """The width its words need: the number whole, the caption's longest word."""
        layout = self.layout()
        fitted = layout.minimumSize().width() if layout is not None else 0
        return max(TILE_MIN_WIDTH, fitted)

    def set_tile(self, tile: Tile) -> None:
        self.tile = tile
        self.caption.setText(tile.caption)
        self.value.setText(tile.value)
        self._warn = tile.warn
        self._paint(current_palette())
        self.detail.setText(tile.detail)
        self.setToolTip(
            self.tr("%1: double-click or press Enter to see the records behind it").replace(
                "%1", tile.caption
            )
        )
        self.setAccessibleName(f"{tile.caption}: {tile.value}")

    def _drill(self) -> None:
        if self.tile is not None:
            self.drill_requested.emit(self.tile)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._drill()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._drill()
            event.accept()
            return
        super().keyPressEvent(event)
