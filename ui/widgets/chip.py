"""Chips: a short word on a rounded background (tier "A", "overdue 12 d").

Two forms with one look: ``chip()`` is a label for a widget layout (the briefing's header);
``ChipDelegate`` paints the same chips inside a list or table cell from the item's
``CHIPS_ROLE`` data, so a list of 50,000 accounts holds no widget per row. Colours come
from the tone's palette roles (``ui.theme.style.CHIP_TONES``), read at paint time, so a
light/dark switch repaints them right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.formatting import overdue_days, overdue_short
from ui.labels import tier_label
from ui.theme.style import CHIP_TONES, current_palette
from ui.widgets.styling import set_property

# An item's chips (a sequence of ``Chip``) and, where it differs from the display text,
# the words painted before them ("" for chips alone). The display text stays the full
# sentence: it is what screen readers, sorting and the tests read.
CHIPS_ROLE = int(Qt.ItemDataRole.UserRole) + 40
LABEL_ROLE = int(Qt.ItemDataRole.UserRole) + 41

PADDING_X = 7  # inside a chip, each side of the text
GAP = 5  # between the text and a chip, and between chips


@dataclass(frozen=True)
class Chip:
    text: str
    tone: str = "normal"  # a key of CHIP_TONES


def tier_chip(tier: str, *, short: bool = False) -> Chip:
    """The account's tier: "A" in a list's narrow column, "Tier A" / its French elsewhere."""
    return Chip(tier if short else tier_label(tier))


def overdue_chip(days: int | None, *, short: bool = False) -> Chip | None:
    """ "overdue 12 d" in the danger tone ("12 d" in a column titled "Overdue"); None when
    the visit is not due (or never made)."""
    if days is None or days < 0:
        return None
    text = overdue_days(days) if short else overdue_short(days)
    return Chip(text, "danger" if days > 0 else "warning")


def chip(text: str = "", *, tone: str = "normal", parent: QWidget | None = None) -> QLabel:
    made = QLabel(text, parent)
    made.setProperty("role", "chip")
    set_property(made, "tone", tone)
    return made


def show_chip(label: QLabel, value: Chip | None) -> None:
    """Make a chip label show ``value``, or hide it for None."""
    if value is None:
        label.clear()
        label.hide()
        return
    label.setText(value.text)
    set_property(label, "tone", value.tone)
    label.show()


def chip_colours(tone: str) -> tuple[QColor, QColor]:
    roles = current_palette().roles()
    back, fore = CHIP_TONES.get(tone, CHIP_TONES["normal"])
    return QColor(roles[back]), QColor(roles[fore])


def chips_width(metrics: QFontMetrics, chips: Sequence[Chip]) -> int:
    return sum(metrics.horizontalAdvance(c.text) + 2 * PADDING_X + GAP for c in chips)


class ChipDelegate(QStyledItemDelegate):
    """Paints an item's text (``LABEL_ROLE`` when given) and then its chips."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        chips = index.data(CHIPS_ROLE) or ()
        if not chips:
            return hint
        metrics = option.fontMetrics
        label = index.data(LABEL_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "") if label is None else label
        width = metrics.horizontalAdvance(text) + chips_width(metrics, chips) + 2 * GAP
        # The width of what is painted: the display text is not, when a label is given (the
        # due table's "12 days overdue" is only the tool tip's and the sort's words).
        return QSize(width, max(hint.height(), metrics.height() + 6))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        chips: Sequence[Chip] = index.data(CHIPS_ROLE) or ()
        if not chips:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        label = index.data(LABEL_ROLE)
        text = item.text if label is None else str(label)
        item.text = ""  # the background, selection and focus only; the words follow
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)

        metrics = item.fontMetrics
        area = item.rect.adjusted(GAP + 1, 0, -GAP, 0)
        room = max(0, area.width() - chips_width(metrics, chips))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = area.left()
        if not text and len(chips) == 1:  # a column of chips alone: each one centred
            x += max(0, (area.width() - chips_width(metrics, chips) + GAP) // 2)
        if text:
            selected = bool(item.state & QStyle.StateFlag.State_Selected)
            group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(item.palette.color(group))
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            text_rect = QRect(x, area.top(), room, area.height())
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, int(align), shown)
            x += metrics.horizontalAdvance(shown) + GAP
        height = min(area.height() - 2, metrics.height() + 2)
        top = area.top() + (area.height() - height) // 2
        for each in chips:
            width = metrics.horizontalAdvance(each.text) + 2 * PADDING_X
            if x + width > area.right() + 1:
                break  # no room left in a narrow column: the tool tip still says it
            back, fore = chip_colours(each.tone)
            box = QRect(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, height / 2, height / 2)
            painter.setPen(fore)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), each.text)
            x += width + GAP
        painter.restore()
