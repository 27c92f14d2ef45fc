"""The accounts list as a Qt table model: every row in memory, loaded and kept current off
the GUI thread.

One background read per filter or sort change loads compact rows (``AccountListRow``);
``data()`` only formats what is already in memory, so scrolling 50,000 rows never waits on
SQLite. Change notices update the list in place: the rows of the accounts a change set
names (and of the accounts of the visits it names) are read again and replaced, inserted
or removed where they belong; a set with too many rows to name, or a deleted visit (whose
account is gone with it), reloads the list in the background and applies only the
difference, so the view keeps its selection and scroll position.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from fieldapp.clock import from_text
from fieldapp.store.database import Store
from fieldapp.usecases.account_list import (
    AccountFilter,
    AccountListRow,
    accounts_of_visits,
    list_accounts,
    overdue_days,
    sort_key,
)
from ui.changes import ChangeNotices, Changes
from ui.formatting import fill, short_date
from ui.labels import tier_label
from ui.tasks import Tasks, describe
from ui.theme.style import current_palette
from ui.widgets.chip import CHIPS_ROLE, LABEL_ROLE, overdue_chip, tier_chip

NAME, TIER, CITY, LAST_VISIT, NEXT_VISIT = range(5)
COLUMN_COUNT = 5
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the raw value a column sorts by
OBJECT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the AccountListRow itself
# data() runs seven times per visible cell: roles compared as plain ints, and the roles
# this model never answers turned away first.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset(
    {_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, SORT_ROLE, OBJECT_ROLE, CHIPS_ROLE, LABEL_ROLE}
)
COLUMN_SORTS = {
    NAME: "name",
    TIER: "tier",
    CITY: "city",
    LAST_VISIT: "last_visit",
    NEXT_VISIT: "next_visit",
}
# Past this many records named by one change, one reload costs less than row-by-row reads.
TARGETED_LIMIT = 200

Index = QModelIndex | QPersistentModelIndex


class _Descending:
    """Inverts a sort key, so ``bisect`` can search a list sorted high to low."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[Any, ...]) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key


@dataclass(frozen=True)
class _Update:
    """How to go from the rows shown to a fresh read: worked out off the GUI thread."""

    rows: list[AccountListRow]
    by_id: dict[str, AccountListRow]
    based_on: list[AccountListRow] | None  # the rows it was compared with
    reset: bool = True
    leaving: list[int] = field(default_factory=list)  # positions in the old rows
    coming: list[int] = field(default_factory=list)  # positions in the new rows
    changed: list[tuple[int, int]] = field(default_factory=list)  # spans of new rows

    @classmethod
    def between(cls, old: list[AccountListRow] | None, new: list[AccountListRow]) -> _Update:
        by_id = {row.id: row for row in new}
        if not old:
            return cls(new, by_id, old)
        old_ids = {row.id for row in old}
        leaving = [p for p, row in enumerate(old) if row.id not in by_id]
        coming = [p for p, row in enumerate(new) if row.id not in old_ids]
        kept_old = [row.id for row in old if row.id in by_id]
        kept_new = [row.id for row in new if row.id in old_ids]
        if len(leaving) + len(coming) > TARGETED_LIMIT or kept_old != kept_new:
            return cls(new, by_id, old)
        # Old rows where they stay, new rows where they come: then compare with ``new``.
        previous = {row.id: row for row in old}
        between = [previous.get(row.id, row) for row in new]
        return cls(new, by_id, old, False, leaving, coming, _spans(between, new))


def _spans(old: Sequence[AccountListRow], new: Sequence[AccountListRow]) -> list[tuple[int, int]]:
    """Runs of positions where the two lists hold different rows."""
    spans: list[tuple[int, int]] = []
    start = None
    for position, (before, after) in enumerate(zip(old, new, strict=True)):
        if before != after and start is None:
            start = position
        elif before == after and start is not None:
            spans.append((start, position - 1))
            start = None
    if start is not None:
        spans.append((start, len(new) - 1))
    return spans


class AccountListModel(QAbstractTableModel):
    loaded = Signal()  # a full load was applied (the page restores its selection on it)
    updated = Signal()  # rows a change named were refreshed
    failed = Signal(str)  # a load failed: a sentence for the user

    def __init__(
        self,
        tasks: Tasks,
        notices: ChangeNotices,
        today: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._today = today
        # Never changed in place: a reload compares the list it started from on the worker.
        self._rows: list[AccountListRow] = []
        self._by_id: dict[str, AccountListRow] = {}
        self._filter = AccountFilter()
        self._sort = "name"
        self._descending = False
        # The order the rows held are in (a new sort applies once its rows arrive).
        self._order: tuple[Callable[[AccountListRow], Any], bool] = (sort_key("name"), False)
        # Results of a read started for an older filter or sort are dropped on arrival.
        self._generation = 0
        self._loading = False
        self._ever_loaded = False
        self._day_texts: dict[str, str] = {}
        # The day the rows' "due" was worked out for; the cells count overdue days from it.
        self._as_of = today()
        self._key = f"account-list-{id(self)}"
        notices.changed.connect(self._on_changed)

    # -- what the list shows ----------------------------------------------------------
    @property
    def account_filter(self) -> AccountFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def sort_order(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, account_filter: AccountFilter) -> None:
        if account_filter != self._filter:
            self._filter = account_filter
            self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = COLUMN_SORTS.get(column)
        descending = order == Qt.SortOrder.DescendingOrder
        if sort is not None and (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self.reload()

    def reload(self, *, in_place: bool = False) -> None:
        """Read every row in the background (one read, whatever the list's size).

        ``in_place``: the same list read again after a change, applied as a difference;
        else a new filter or order, shown afresh.
        """
        self._generation += 1
        generation = self._generation
        wanted, sort, descending, today = self._filter, self._sort, self._descending, self._today()
        shown = self._rows if in_place and self._ever_loaded else None
        self._loading = True

        def read(store: Store) -> _Update:
            rows = list_accounts(store, wanted, sort, descending=descending, as_of=today)
            # Worked out on the worker: comparing 50,000 rows would stall the GUI thread.
            return _Update.between(shown, rows)

        def done(update: _Update) -> None:
            self._on_loaded(generation, update, (sort_key(sort), descending), today)

        self._tasks.read(read, done, failed=self._on_failed, key=self._key)

    def row_of(self, account_id: str) -> int | None:
        row = self._by_id.get(account_id)
        if row is None:
            return None
        # Sort keys end with the id, so they are unique: the search lands on the row.
        return bisect.bisect_left(self._rows, self._ordered_key(row), key=self._ordered_key)

    def account_at(self, row: int) -> AccountListRow:
        return self._rows[row]

    # -- Qt's model interface ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        return {
            NAME: self.tr("Account"),
            TIER: self.tr("Tier"),
            CITY: self.tr("City"),
            LAST_VISIT: self.tr("Last visit"),
            NEXT_VISIT: self.tr("Next visit"),
        }.get(section)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED:
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None  # also an invalid index (row -1)
        row = self._rows[number]
        column = index.column()
        if role == _DISPLAY:
            return self._display(row, column)
        if role == OBJECT_ROLE:
            return row
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role in (CHIPS_ROLE, LABEL_ROLE):
            return self._chips(row, column, role)
        if column == TIER and role == _TOOLTIP:
            return tier_label(row.tier)
        if column == NEXT_VISIT and role in (_TOOLTIP, _FOREGROUND):
            late = overdue_days(row, self._as_of) or 0
            if role == _FOREGROUND:
                return QColor(current_palette().danger) if late > 0 else None
            return (
                self.tr("%n day(s) overdue", "", late) if late > 0 else self._display(row, column)
            )
        if role == _ALIGNMENT and column == TIER:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: AccountListRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == TIER:
            return row.tier
        if column == CITY:
            return row.city or ""
        if column == LAST_VISIT:
            return self._day(row.last_visit_at) if row.last_visit_at else self.tr("Never")
        if row.next_visit_at:
            return fill(self.tr("Planned %1"), self._day(row.next_visit_at))
        if row.due_on is None:
            return self.tr("Never visited")
        due = short_date(date.fromisoformat(row.due_on))
        late = overdue_days(row, self._as_of)
        if late is None:
            return fill(self.tr("Due %1"), due)
        return self.tr("Due today") if late == 0 else fill(self.tr("Overdue since %1"), due)

    def _chips(self, row: AccountListRow, column: int, role: int) -> Any:
        """The tier as a chip; a visit past due as "overdue 12 d" (or "due today")."""
        if column == TIER:
            return (tier_chip(row.tier, short=True),) if role == CHIPS_ROLE else ""
        if column != NEXT_VISIT or row.next_visit_at or row.due_on is None:
            return None
        late = overdue_days(row, self._as_of)
        chip = overdue_chip(late)
        if chip is None:
            return None
        # The chip alone: the column is narrow; the display text and tool tip keep the date.
        return (chip,) if role == CHIPS_ROLE else ""

    def _sort_value(self, row: AccountListRow, column: int) -> Any:
        return {
            NAME: row.sort_name,
            TIER: row.tier,
            CITY: row.city or "",
            LAST_VISIT: row.last_visit_at or "",
            NEXT_VISIT: row.next_visit_at or row.due_on or "",
        }[column]

    def _day(self, moment: str) -> str:
        # A screenful of rows repeats a few dozen days: format each once.
        text = self._day_texts.get(moment)
        if text is None:
            text = short_date(from_text(moment).astimezone().date())
            self._day_texts[moment] = text
        return text

    # -- loading ----------------------------------------------------------------------
    def _on_failed(self, error: Exception) -> None:
        self._loading = False
        self.failed.emit(describe(error))

    def _on_loaded(
        self,
        generation: int,
        update: _Update,
        order: tuple[Callable[[AccountListRow], Any], bool],
        as_of: date,
    ) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._as_of = as_of
        self._day_texts.clear()
        self._order = order
        if update.based_on is not self._rows or update.reset:
            self.beginResetModel()
            self._rows, self._by_id = update.rows, update.by_id
            self.endResetModel()
        else:
            # The order of the rows both lists hold is the same: the view keeps its
            # selection and scroll position through these few removals and insertions.
            self._rows = rows = list(self._rows)
            for position in reversed(update.leaving):
                self.beginRemoveRows(QModelIndex(), position, position)
                del rows[position]
                self.endRemoveRows()
            for position in update.coming:
                self.beginInsertRows(QModelIndex(), position, position)
                rows.insert(position, update.rows[position])
                self.endInsertRows()
            self._rows, self._by_id = update.rows, update.by_id
            for first, last in update.changed:
                self._emit_changed(first, last)
        self._ever_loaded = True
        self.loaded.emit()

    def _emit_changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

    # -- change notices ---------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches("accounts", "visits"):
            return
        if not self._ever_loaded:
            if self._loading:
                self.reload()  # the first read may have run before this change
            return
        account_ids, visit_ids = changes.ids("accounts"), changes.ids("visits")
        if (
            account_ids is None
            or visit_ids is None
            or changes.deleted("visits")  # its account's last or next visit is unknown now
            or len(account_ids) + len(visit_ids) > TARGETED_LIMIT
        ):
            self.reload(in_place=True)
        else:
            self._refresh(account_ids, visit_ids)

    def _refresh(self, account_ids: Iterable[str], visit_ids: Iterable[str]) -> None:
        """Read again the rows of these accounts and of the accounts of these visits."""
        generation = self._generation
        wanted, sort, descending, today = self._filter, self._sort, self._descending, self._as_of
        named, visits = list(account_ids), list(visit_ids)

        def read(store: Store) -> tuple[list[str], list[AccountListRow]]:
            account_ids = list(dict.fromkeys([*named, *accounts_of_visits(store, visits)]))
            rows = list_accounts(
                store, wanted, sort, descending=descending, as_of=today, ids=account_ids
            )
            return account_ids, rows

        self._tasks.read(
            read,
            lambda found: self._on_refreshed(generation, *found),
            failed=self._on_failed,
        )

    def _on_refreshed(
        self, generation: int, account_ids: list[str], rows: list[AccountListRow]
    ) -> None:
        if generation != self._generation:
            return
        fresh = {row.id: row for row in rows}
        for account_id in account_ids:
            self._place(account_id, fresh.get(account_id))
        self.updated.emit()

    def _place(self, account_id: str, row: AccountListRow | None) -> None:
        """Put one account's new row where the order wants it (or take it out)."""
        position = self.row_of(account_id)
        rows = list(self._rows)  # a new list: a reload may be comparing against the old one
        if position is not None:
            if row is not None and self._fits(position, row):
                rows[position] = row
                self._rows, self._by_id[account_id] = rows, row
                self._emit_changed(position, position)
                return
            self.beginRemoveRows(QModelIndex(), position, position)
            del rows[position]
            self._rows = rows
            del self._by_id[account_id]
            self.endRemoveRows()
        if row is None:
            return
        target = bisect.bisect_left(rows, self._ordered_key(row), key=self._ordered_key)
        self.beginInsertRows(QModelIndex(), target, target)
        rows.insert(target, row)
        self._rows = rows
        self._by_id[account_id] = row
        self.endInsertRows()

    def _ordered_key(self, row: AccountListRow) -> Any:
        key_of, descending = self._order
        return _Descending(key_of(row)) if descending else key_of(row)

    def _fits(self, position: int, row: AccountListRow) -> bool:
        key = self._ordered_key(row)
        before = position == 0 or self._ordered_key(self._rows[position - 1]) < key
        after = position == len(self._rows) - 1 or key < self._ordered_key(self._rows[position + 1])
        return before and after
