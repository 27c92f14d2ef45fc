"""The navigation rail's entries: an icon, the page's name, and a count badge at the right.

The count is kept in the item (``BADGE_ROLE``) and painted as a pill by ``BadgeDelegate``,
so the page's name stays one word the rail can fit; the tool tip says what is counted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.theme.style import current_palette

BADGE_ROLE = Qt.ItemDataRole.UserRole + 1

# The icon of each page (Lucide names, ui/theme/icons/).
PAGE_ICONS: dict[str, str] = {
    "today": "calendar-days",
    "inbox": "inbox",
    "accounts": "building-2",
    "review": "clipboard-check",
    "figures": "chart-column",
    "dashboard": "layout-dashboard",
    "queue": "list-todo",
    "sync": "refresh-cw",
}


def badge_count(item: QListWidgetItem) -> int:
    value = item.data(BADGE_ROLE)
    return int(value) if value else 0


class BadgeDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 28, max(hint.height(), 34))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not count:
            return
        palette = current_palette()
        text = str(count) if int(count) < 100 else "99+"
        metrics = option.fontMetrics
        width = max(20, metrics.horizontalAdvance(text) + 10)
        height = 18
        rect = option.rect
        badge = QRect(rect.right() - width - 6, rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.danger))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor(palette.surface))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
