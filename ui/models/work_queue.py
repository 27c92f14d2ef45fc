"""The work queue as a table model: what I owe, one row per item, in the order of the use
case (overdue first, then by due time, then what has no clock yet).

Columns: what, account, title, who owes it, due, clock. Overdue rows read in the error
colour, those due soon in amber. A re-read with the same items in the same order (the
minute timer, a change elsewhere) refreshes the cells in place, so the selection and the
scroll position stay where the person left them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from fieldapp.team.sla import ClockState
from fieldapp.usecases.work_queue import QueueItem
from ui.clock_words import ClockWords
from ui.labels import owed_label, team_label
from ui.theme.palette import LIGHT
from ui.theme.style import current_palette

# The clock first: it is what the queue is ordered by and what a rep scans for.
CLOCK, DUE, WHAT, ACCOUNT, OWNER, TITLE = range(6)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Amber, dark enough to read on white (4.6:1), for what falls due soon. The cells take the
# current palette's value when painted, so they follow a light/dark switch.
DUE_SOON_COLOUR = LIGHT.warning
Index = QModelIndex | QPersistentModelIndex
Key = tuple[str, str]


def item_key(item: QueueItem) -> Key:
    return (item.collection, item.record_id)


class WorkQueueModel(QAbstractTableModel):
    def __init__(self, me_id: str, my_team: str) -> None:
        super().__init__()
        self.items: list[QueueItem] = []
        self.now: datetime | None = None
        self._me, self._team = me_id, my_team
        self._words = ClockWords()
        headings = {
            CLOCK: self.tr("Clock"),
            DUE: self.tr("Due"),
            WHAT: self.tr("What"),
            ACCOUNT: self.tr("Account"),
            OWNER: self.tr("Owed by"),
            TITLE: self.tr("Title"),
        }
        self._headings = tuple(headings[column] for column in range(len(headings)))

    # -- loading ----------------------------------------------------------------------
    def set_items(self, items: Sequence[QueueItem], now: datetime) -> None:
        fresh = list(items)
        same_rows = [item_key(i) for i in fresh] == [item_key(i) for i in self.items]
        self.now = now
        if same_rows and fresh:
            self.items = fresh
            last = self.index(len(fresh) - 1, len(self._headings) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.items = fresh
        self.endResetModel()

    def row_of(self, key: Key | None) -> int | None:
        if key is None:
            return None
        return next((r for r, item in enumerate(self.items) if item_key(item) == key), None)

    @property
    def overdue_count(self) -> int:
        return sum(item.overdue for item in self.items)

    # -- words --------------------------------------------------------------------------
    def owner_text(self, item: QueueItem, *, in_column: bool = True) -> str:
        """Who owes ``item``: in the column, "Unclaimed" for a follow-up nobody took yet;
        in a sentence ("Owed by ..."), the team that owes it until someone does."""
        if item.owner_id == self._me:
            return self.tr("Me")
        if item.owner_id is None:
            # A follow-up nobody claimed yet is the team's until someone takes it.
            if item.collection == "follow_ups" and in_column:
                return self.tr("Unclaimed")
            return team_label(self._team)
        return item.owner_name or "?"

    def due_text(self, item: QueueItem) -> str:
        if item.clock is None or self.now is None:
            return "—"
        return self._words.due(item.clock.due_at, self.now)

    def clock_text(self, item: QueueItem) -> str:
        if item.clock is None and not item.waiting_to_sync:
            return self.tr("an answer is owed")  # a returned lead: no SLA, an answer
        return self._words.state(item.clock, item.waiting_to_sync)

    def _cell(self, item: QueueItem, column: int) -> str:
        if column == WHAT:
            return owed_label(item.kind)
        if column == ACCOUNT:
            return item.account_name
        if column == TITLE:
            return item.title
        if column == OWNER:
            return self.owner_text(item)
        if column == DUE:
            return self.due_text(item)
        return self.clock_text(item)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headings)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headings[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (DUE, CLOCK):
            state = item.clock.state if item.clock is not None else None
            if state is ClockState.OVERDUE:
                return QBrush(QColor(current_palette().danger))
            if state is ClockState.DUE_SOON:
                return QBrush(QColor(current_palette().warning))
            return None
        if role == ITEM_ROLE:
            return item
        return None
