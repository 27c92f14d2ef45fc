"""The Sync page's four lists as table models: pending changes, conflicts, rejected changes,
the sync log.

Each model holds rows read by ``fieldapp.usecases.sync_overview`` and turns them into the
words a person reads once, when the rows arrive (a table asks for its cells far more often
than they change). A reload is applied as the difference from what is shown — rows removed,
inserted, changed — so the selection and the scroll position survive a refresh.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fieldapp.catalogue import CATALOGUE, MutationOp
from fieldapp.catalogue.kinds import Choice, Day, Moment
from fieldapp.clock import from_text
from fieldapp.usecases.sync_overview import (
    ConflictItem,
    PendingChange,
    RecordLabel,
    RejectionItem,
    SyncRun,
)
from ui.error_words import refusal
from ui.formatting import clock_time, fill, short_date
from ui.labels import choice_label, collection_label, field_labels, operation_label

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's item (PendingChange, ConflictItem…)
Index = QModelIndex | QPersistentModelIndex

# Fields a person does not read: links between records, kept by the app.
HIDDEN_FIELDS = frozenset({"contacts_met", "created_by", "created_at"})


def is_readable_field(name: str) -> bool:
    return name not in HIDDEN_FIELDS and not name.endswith("_id")


# -- words ----------------------------------------------------------------------------
def value_text(value: Any, collection: str = "", field: str = "") -> str:
    """A field's value as a person reads it (the full text: a tooltip, a dialog). Given
    the field, a code reads as its word ("Checked in") and a moment or a day in the
    user's locale ("23 nov. 2026 8 h 00"), as the catalogue declares the field."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncLabels", "(empty)")
    if isinstance(value, str) and collection in CATALOGUE and field in CATALOGUE[collection].names:
        kind = CATALOGUE[collection].field(field).kind
        if isinstance(kind, Choice):
            return choice_label(collection, field, value)
        if isinstance(kind, Moment):
            return moment_text(value)
        if isinstance(kind, Day):
            return short_date(date.fromisoformat(value[:10]))
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncLabels", "Yes")
            if value
            else QCoreApplication.translate("SyncLabels", "No")
        )
    if isinstance(value, float):
        return QLocale().toString(value, "g", 12)
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def one_line(text: str) -> str:
    """A cell shows one line; the tooltip and the dialogs show the whole text."""
    return " ".join(text.split())


def moment_text(stamp: str | None) -> str:
    if not stamp:
        return ""
    moment = from_text(stamp)
    return f"{short_date(moment.astimezone().date())} {clock_time(moment)}"


def record_text(record: RecordLabel) -> str:
    if record.name and record.account_name:
        return fill(
            QCoreApplication.translate("SyncLabels", "%1 — %2"), record.name, record.account_name
        )
    return record.name or record.account_name or "—"


# -- the shared table -----------------------------------------------------------------
class SyncTableModel(QAbstractTableModel):
    """Rows of items keyed by id, each with its cells' texts computed once."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []
        self._cells: list[tuple[str, ...]] = []
        self._tips: list[tuple[str, ...]] = []

    # What subclasses say.
    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def key(self, item: Any) -> Hashable:
        raise NotImplementedError

    def texts(self, item: Any, fields: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The cells' full texts and their tooltips."""
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------------
    def set_items(self, fresh: Sequence[Any]) -> None:
        """Show ``fresh``: remove the rows that left, insert those that came, refresh those
        that changed; a reordering (rare: the lists are in a fixed order) resets. Adjacent
        rows leave and arrive together, so a page of 500 is one insertion, not 500."""
        fresh = list(fresh)
        fields = field_labels()
        keys = [self.key(item) for item in fresh]
        wanted = set(keys)
        row = len(self.items)
        while row > 0:  # from the bottom, so the rows above keep their numbers
            row -= 1
            if self.key(self.items[row]) in wanted:
                continue
            first = row
            while first > 0 and self.key(self.items[first - 1]) not in wanted:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, row)
            del self.items[first : row + 1], self._cells[first : row + 1]
            del self._tips[first : row + 1]
            self.endRemoveRows()
            row = first
        kept = [self.key(item) for item in self.items]
        still_here = set(kept)
        if [k for k in keys if k in still_here] != kept:
            self._reset(fresh, fields)
            return
        row = 0
        while row < len(fresh):
            if row < len(self.items) and self.key(self.items[row]) == keys[row]:
                cells, tips = self._prepared(fresh[row], fields)
                if self.items[row] != fresh[row] or self._cells[row] != cells:
                    self.items[row], self._cells[row], self._tips[row] = fresh[row], cells, tips
                    last = self.columnCount() - 1
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                row += 1
                continue
            # Kept rows come in the same order, so this one and the next new ones arrive here.
            end = row
            while end < len(fresh) and keys[end] not in still_here:
                end += 1
            texts = [self._prepared(item, fields) for item in fresh[row:end]]
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self.items[row:row] = fresh[row:end]
            self._cells[row:row] = [cells for cells, _tips in texts]
            self._tips[row:row] = [tips for _cells, tips in texts]
            self.endInsertRows()
            row = end

    def _reset(self, fresh: list[Any], fields: dict[str, str]) -> None:
        self.beginResetModel()
        self.items = fresh
        texts = [self._prepared(item, fields) for item in fresh]
        self._cells = [cells for cells, _tips in texts]
        self._tips = [tips for _cells, tips in texts]
        self.endResetModel()

    def _prepared(
        self, item: Any, fields: dict[str, str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        full, tips = self.texts(item, fields)
        cells = tuple(one_line(text) for text in full)
        return cells, tuple(tip or text for tip, text in zip(tips, full, strict=True))

    def row_of(self, key: Hashable) -> int | None:
        return next((r for r, item in enumerate(self.items) if self.key(item) == key), None)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[row][column] or None
        if role == ITEM_ROLE:
            return self.items[row]
        return None


def _changes_text(collection: str, values: dict[str, Any], fields: dict[str, str]) -> str:
    return "; ".join(
        fill(
            QCoreApplication.translate("SyncLabels", "%1: %2"),
            fields.get(name, name),
            value_text(v, collection, name),
        )
        for name, v in values.items()
        if is_readable_field(name)
    )


# -- the four lists -------------------------------------------------------------------
WHAT, RECORD, CHANGE, FIELDS, QUEUED = range(5)


class PendingChangesModel(SyncTableModel):
    """The outbox: what waits to be sent, in the order it will go."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("What"),
            self.tr("Record"),
            self.tr("Change"),
            self.tr("Values"),
            self.tr("Queued"),
        )

    def key(self, item: PendingChange) -> Hashable:
        return item.mutation_id

    def texts(
        self, item: PendingChange, fields: dict[str, str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        queued_tip = (
            self.tr("Sent %n time(s) without an answer yet", "", item.attempts)
            if item.attempts
            else self.tr("Not sent yet")
        )
        cells = (
            collection_label(item.collection),
            record_text(item.record),
            operation_label(item.op),
            (
                _changes_text(item.collection, item.fields, fields)
                if item.op == MutationOp.UPDATE
                else ""
            ),
            moment_text(item.queued_at),
        )
        return cells, ("", "", "", "", queued_tip)

    @property
    def last_seq(self) -> int:
        return self.items[-1].seq if self.items else 0


C_WHAT, C_RECORD, C_FIELD, C_MINE, C_THEIRS, C_SINCE = range(6)


class ConflictsModel(SyncTableModel):
    """Fields changed here and on the server: both values, until a person decides."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("What"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Mine"),
            self.tr("Theirs"),
            self.tr("Since"),
        )

    def key(self, item: ConflictItem) -> Hashable:
        return item.conflict.id

    def texts(
        self, item: ConflictItem, fields: dict[str, str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        conflict = item.conflict
        cells = (
            collection_label(conflict.collection),
            record_text(item.record),
            fields.get(conflict.field, conflict.field),
            value_text(conflict.local_value, conflict.collection, conflict.field),
            value_text(conflict.remote_value, conflict.collection, conflict.field),
            moment_text(conflict.created_at),
        )
        return cells, ("",) * len(cells)


R_WHAT, R_RECORD, R_CHANGE, R_REASON, R_REJECTED = range(5)


class RejectionsModel(SyncTableModel):
    """Changes the server refused, with its reason, until a person retries or discards."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("What"),
            self.tr("Record"),
            self.tr("Change"),
            self.tr("Server's reason"),
            self.tr("Refused"),
        )

    def key(self, item: RejectionItem) -> Hashable:
        return item.rejection.id

    def texts(
        self, item: RejectionItem, fields: dict[str, str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rejection = item.rejection
        cells = (
            collection_label(rejection.collection),
            record_text(item.record),
            operation_label(rejection.op),
            refusal(rejection.reason, rejection.reason_code, rejection.reason_params),
            moment_text(rejection.rejected_at),
        )
        change_tip = _changes_text(rejection.collection, rejection.fields, fields)
        return cells, ("", "", change_tip, "", "")


L_STARTED, L_RESULT, L_SENT, L_RECEIVED, L_CONFLICTS, L_REJECTED, L_ERROR = range(7)


class SyncLogModel(SyncTableModel):
    """Recent sync cycles, newest first."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Started"),
            self.tr("Result"),
            self.tr("Sent"),
            self.tr("Received"),
            self.tr("Conflicts"),
            self.tr("Refused"),
            self.tr("Error"),
        )

    def key(self, item: SyncRun) -> Hashable:
        return item.id

    def texts(
        self, item: SyncRun, fields: dict[str, str]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if item.succeeded:
            result = self.tr("Succeeded")
        elif item.finished_at is None:
            result = self.tr("Not finished")
        else:
            result = self.tr("Failed")
        locale = QLocale()
        cells = (
            moment_text(item.started_at),
            result,
            locale.toString(item.pushed),
            locale.toString(item.pulled),
            locale.toString(item.conflicts),
            locale.toString(item.rejected),
            item.error or "",
        )
        finished = fill(self.tr("Finished %1"), moment_text(item.finished_at))
        return cells, (finished if item.finished_at else "", "", "", "", "", "", "")
