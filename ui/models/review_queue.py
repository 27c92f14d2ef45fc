"""The review queue as a list model: visit reports not yet reviewed, newest first.

The model holds the loaded ``ReviewItem`` rows (pages of ``PAGE_SIZE`` fetched on demand,
so a queue of thousands costs one page until the user scrolls), and removes a row when it
is reviewed, so the selection can move to the next one without a reload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from fieldapp.clock import from_text
from fieldapp.store.database import Store
from fieldapp.usecases.reviews import ReviewItem, review_queue
from ui.formatting import clock_time, short_date
from ui.labels import outcome_label

PAGE_SIZE = 100
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class QueueFilter:
    rep_id: str | None = None
    since: date | None = None
    until: date | None = None
    outcome: str | None = None
    tier: str | None = None

    def page(self, store: Store, offset: int) -> list[ReviewItem]:
        return review_queue(
            store,
            rep_id=self.rep_id,
            since=self.since,
            until=self.until,
            outcome=self.outcome,
            tier=self.tier,
            limit=PAGE_SIZE,
            offset=offset,
        )


class ReviewQueueModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[ReviewItem] = []
        self.complete = True  # False while more pages may exist

    # -- loading ----------------------------------------------------------------------
    def reset(self, first_page: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = list(first_page)
        self.complete = len(first_page) < PAGE_SIZE
        self.endResetModel()

    def append_page(self, page: list[ReviewItem]) -> None:
        known = {item.note_id for item in self.items}
        fresh = [item for item in page if item.note_id not in known]
        if fresh:
            first = len(self.items)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.items.extend(fresh)
            self.endInsertRows()
        self.complete = len(page) < PAGE_SIZE

    def remove(self, note_id: str) -> int | None:
        """Drop a reviewed report; returns the row it held."""
        for row, item in enumerate(self.items):
            if item.note_id == note_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.items[row]
                self.endRemoveRows()
                return row
        return None

    def row_of(self, note_id: str) -> int | None:
        return next((r for r, item in enumerate(self.items) if item.note_id == note_id), None)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            written = from_text(item.written_at)
            when = f"{short_date(written.astimezone().date())} {clock_time(written)}"
            who = item.author_name or "?"
            outcome = outcome_label(item.outcome)
            return f"{item.account_name} ({item.tier})\n{who} · {when} · {outcome}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.body[:300]
        if role == ITEM_ROLE:
            return item
        return None
