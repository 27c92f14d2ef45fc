"""The inbox as a table model: what is new for me, newest first, unread in bold.

The model holds every item the page loaded (at most ``PAGE_LIMIT``: the inbox is 30 days of
what others did for me) and shows those the filter keeps. Marking an item read or unread
changes its row in place (a targeted ``dataChanged``), so the selection and the scroll stay
where they are; an item read under the "unread" filter stays until the filter is chosen
again, as in a mail client, rather than vanishing under the cursor.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from fieldapp.clock import from_text
from fieldapp.usecases.inbox import InboxItem, InboxKind
from ui.formatting import clock_time, short_date
from ui.labels import inbox_kind_label

PAGE_LIMIT = 1000
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN, WHAT, FROM, ACCOUNT, TEXT = range(5)
EXCERPT = 160  # characters of the words shown in the row; the pane below shows them all
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class InboxFilter:
    unread_only: bool = False
    kinds: frozenset[InboxKind] | None = None  # None: every kind

    def keeps(self, item: InboxItem) -> bool:
        if self.unread_only and item.read:
            return False
        return self.kinds is None or item.kind in self.kinds


def when_text(at: str) -> str:
    """Local date and time of an item, e.g. 2026-11-20 15:45."""
    moment = from_text(at)
    return f"{short_date(moment.astimezone().date())} {clock_time(moment)}"


def excerpt(text: str | None) -> str:
    words = " ".join((text or "").split())  # one line: a note's line breaks, folded
    return words if len(words) <= EXCERPT else words[: EXCERPT - 1] + "…"


class InboxModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[InboxItem] = []  # everything loaded, newest first
        self.shown: list[InboxItem] = []  # what the filter keeps
        self.filter = InboxFilter()
        self._bold = QFont()
        self._bold.setBold(True)
        self._headers = (
            self.tr("When"),
            self.tr("What"),
            self.tr("From"),
            self.tr("Account"),
            self.tr("Text"),
        )

    # -- loading and filtering --------------------------------------------------------
    def reset(self, items: list[InboxItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.shown = [item for item in self.items if self.filter.keeps(item)]
        self.endResetModel()

    def set_filter(self, chosen: InboxFilter) -> None:
        self.filter = chosen
        self.reset(self.items)

    @property
    def unread(self) -> int:
        return sum(not item.read for item in self.items)

    def unread_of(self, kinds: Collection[InboxKind] | None) -> list[InboxItem]:
        return [i for i in self.items if not i.read and (kinds is None or i.kind in kinds)]

    def set_read(self, item_ids: Collection[str], read: bool) -> None:
        """Show items read (or unread) in place, where they are."""
        wanted = set(item_ids)
        self.items = [replace(i, read=read) if i.item_id in wanted else i for i in self.items]
        for row, item in enumerate(self.shown):
            if item.item_id in wanted:
                self.shown[row] = replace(item, read=read)
                self.dataChanged.emit(self.index(row, 0), self.index(row, TEXT))

    def row_of(self, item_id: str) -> int | None:
        return next((r for r, item in enumerate(self.shown) if item.item_id == item_id), None)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.shown):
            return None
        item = self.shown[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return when_text(item.at)
            if column == WHAT:
                return inbox_kind_label(item.kind, item.action)
            if column == FROM:
                return item.from_name or "—"
            if column == ACCOUNT:
                return item.account_name
            return excerpt(item.text)
        if role == Qt.ItemDataRole.FontRole and not item.read:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return (item.text or "")[:500]
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and not item.read:
            return self.tr("Unread")
        if role == ITEM_ROLE:
            return item
        return None
