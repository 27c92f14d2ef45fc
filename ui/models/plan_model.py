"""A day's route as a table model: time, account, address, distance from the previous stop.

Rows are the ``RouteStop``s of ``fieldapp.usecases.route.day_route``: visits under way or
over first (they cannot move), then the planned ones in route order. A planned row can be
dragged (or moved with ``moveRows``) among the planned rows; the model moves it at once,
recomputes the distances, and emits ``order_changed`` with the planned visits' new order.
It writes nothing: the page saves that order through the store worker, and the reload that
follows the change notice brings the new times.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from fieldapp.clock import from_text
from fieldapp.routing import legs_km, route_km
from fieldapp.usecases.route import DayRoute, RouteStop, travel_time
from ui.addresses import one_line
from ui.formatting import clock_time, distance, fill
from ui.labels import tier_label, visit_status_label

TIME, ACCOUNT, ADDRESS, DISTANCE, STATUS = range(5)
STOP_ROLE = Qt.ItemDataRole.UserRole + 1  # the RouteStop
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-fieldapp-visit-ids"
Index = QModelIndex | QPersistentModelIndex


def address_text(stop: RouteStop) -> str:
    account = stop.account
    return one_line(account.address, account.city, account.postal_code, account.country)


def time_text(stop: RouteStop) -> str:
    start = clock_time(from_text(stop.visit.planned_start))
    return f"{start}\N{EN DASH}{clock_time(from_text(stop.visit.planned_end))}"


class PlanModel(QAbstractTableModel):
    # The planned visits' ids in their new order, after a drag or a move.
    order_changed = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.stops: list[RouteStop] = []

    # -- loading ----------------------------------------------------------------------
    def set_route(self, route: DayRoute) -> None:
        """Show a reloaded route: only the changed rows when the stops are the same ones in
        the same order (the usual case after a reorder), else the whole table."""
        fresh = list(route.stops)
        if [s.visit.id for s in fresh] != self.visit_ids():
            self.beginResetModel()
            self.stops = fresh
            self.endResetModel()
            return
        changed = [
            row for row, (old, new) in enumerate(zip(self.stops, fresh, strict=True)) if old != new
        ]
        self.stops = fresh
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), STATUS))

    def visit_ids(self) -> list[str]:
        return [stop.visit.id for stop in self.stops]

    def planned_ids(self) -> list[str]:
        return [stop.visit.id for stop in self.stops if stop.movable]

    def row_of(self, visit_id: str) -> int:
        return self.visit_ids().index(visit_id) if visit_id in self.visit_ids() else -1

    def stop(self, row: int) -> RouteStop | None:
        return self.stops[row] if 0 <= row < len(self.stops) else None

    @property
    def total_km(self) -> float:
        return route_km([stop.point for stop in self.stops])

    @property
    def first_movable_row(self) -> int:
        """Rows above this one are visits under way or over: nothing moves above them."""
        return sum(1 for stop in self.stops if not stop.movable)

    # -- table ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stops)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else STATUS + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            TIME: self.tr("Time"),
            ACCOUNT: self.tr("Account"),
            ADDRESS: self.tr("Address"),
            DISTANCE: self.tr("Distance"),
            STATUS: self.tr("Status"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        stop = self.stop(index.row()) if index.isValid() else None
        if stop is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(stop, column)
        if role == STOP_ROLE:
            return stop
        if role == VISIT_ID_ROLE:
            return stop.visit.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TIME and index.row() > 0:
                return self._drive_tip(self.stops[index.row() - 1], stop)
            return self._tooltip(stop, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DISTANCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not stop.movable:
            # Where the rep has already been reads as history, not as the plan.
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _display(self, stop: RouteStop, column: int) -> str:
        if column == TIME:
            return time_text(stop)
        if column == ACCOUNT:
            return stop.account.name
        if column == ADDRESS:
            return address_text(stop)
        if column == DISTANCE:
            return "—" if stop.leg_km is None else distance(stop.leg_km)
        return "" if stop.movable else visit_status_label(stop.visit.status)

    def _drive_tip(self, previous: RouteStop, stop: RouteStop) -> str:
        """How long the drive from the previous stop takes: what "Recompute times" uses."""
        minutes = math.ceil(travel_time(previous.point, stop.point).total_seconds() / 60)
        return fill(
            self.tr("%1 · drive from the previous stop: %2"),
            time_text(stop),
            self.tr("%n min", "", minutes),
        )

    def _tooltip(self, stop: RouteStop, column: int) -> str:
        if column == DISTANCE:
            if stop.point is None:
                return self.tr("This account has no map position: no distance to it.")
            if stop.leg_km is None:
                return self.tr("First stop of the day")
            return self.tr("As the crow flies from the previous stop")
        if column == ACCOUNT:
            return fill(self.tr("%1 · %2"), stop.account.name, tier_label(stop.account.tier))
        return self._display(stop, column)

    # -- moving -----------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows (on the table's root), never onto a stop.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        stop = self.stop(index.row())
        if stop is not None and stop.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self.stops[row].visit.id for row in rows if self.stops[row].movable]
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray(json.dumps(ids).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self._dragged_rows(data))

    def _dragged_rows(self, data: QMimeData) -> list[int]:
        """The rows of this route's stops named in a drag (none from any other source)."""
        if not data.hasFormat(MIME_TYPE):
            return []
        try:
            ids = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        except (UnicodeDecodeError, json.JSONDecodeError):
            return []
        if not isinstance(ids, list):
            return []
        return sorted(self.row_of(i) for i in ids if isinstance(i, str) and self.row_of(i) >= 0)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged stop to where it was dropped.

        The rows are moved here, so the view has nothing left to remove afterwards (this
        model has no ``removeRows``: the view's removal after a move does nothing).
        """
        rows = self._dragged_rows(data)
        if action != Qt.DropAction.MoveAction or not rows:
            return False
        if rows != list(range(rows[0], rows[0] + len(rows))):
            return False  # one stop, or one unbroken run of stops, moves at a time
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.stops)
        return self.moveRows(QModelIndex(), rows[0], len(rows), QModelIndex(), row)

    def moveRows(
        self,
        source_parent: Index,
        source_row: int,
        count: int,
        destination_parent: Index,
        destination_child: int,
    ) -> bool:
        """Move planned stops so they come before ``destination_child`` (Qt's convention)."""
        last = source_row + count - 1
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or last >= len(self.stops):
            return False
        if not all(stop.movable for stop in self.stops[source_row : last + 1]):
            return False
        destination = max(self.first_movable_row, min(destination_child, len(self.stops)))
        if source_row <= destination <= last + 1:
            return False  # dropped where it already is
        if not self.beginMoveRows(QModelIndex(), source_row, last, QModelIndex(), destination):
            return False
        moving = self.stops[source_row : last + 1]
        rest = self.stops[:source_row] + self.stops[last + 1 :]
        at = destination if destination < source_row else destination - count
        self.stops = rest[:at] + moving + rest[at:]
        self._measure_legs()
        self.endMoveRows()
        self.dataChanged.emit(self.index(0, DISTANCE), self.index(len(self.stops) - 1, DISTANCE))
        self.order_changed.emit(self.planned_ids())
        return True

    def _measure_legs(self) -> None:
        legs = legs_km([stop.point for stop in self.stops])
        self.stops = [
            dataclasses.replace(stop, leg_km=leg)
            for stop, leg in zip(self.stops, legs, strict=True)
        ]
