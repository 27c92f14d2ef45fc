"""The week at a glance: each working day's route, read-only.

Monday to Friday are always shown, Saturday and Sunday only when they hold a visit.
Reordering happens in the day view, where the distances of one route are in front of the
rep: activating a day opens it there, activating a visit opens the visit.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from fieldapp.usecases.route import DayRoute
from ui.formatting import distance, fill, long_date
from ui.labels import visit_status_label
from ui.models.plan_model import ACCOUNT, ADDRESS, DISTANCE, STATUS, TIME, address_text, time_text

DAY_ROLE = Qt.ItemDataRole.UserRole + 1
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
WORKING_DAYS = 5


class WeekPlan(QTreeWidget):
    day_chosen = Signal(object)  # date
    visit_chosen = Signal(str)  # visit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekPlan")
        self.setColumnCount(STATUS + 1)
        headers = {
            TIME: self.tr("Time"),
            ACCOUNT: self.tr("Account"),
            ADDRESS: self.tr("Address"),
            DISTANCE: self.tr("Distance"),
            STATUS: self.tr("Status"),
        }
        self.setHeaderLabels([headers[column] for column in range(STATUS + 1)])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        for column in range(STATUS + 1):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == ADDRESS
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.itemActivated.connect(self._activated)

    def show_week(self, routes: list[DayRoute]) -> None:
        self.clear()
        for number, route in enumerate(routes):
            if number >= WORKING_DAYS and not route.stops:
                continue
            day_item = QTreeWidgetItem(self)
            day_item.setData(0, DAY_ROLE, route.day)
            day_item.setText(TIME, long_date(route.day))
            if route.stops:
                day_item.setText(ACCOUNT, self.tr("%n visit(s)", "", len(route.stops)))
            else:
                day_item.setText(ACCOUNT, self.tr("No visit planned"))
            if route.stops:
                day_item.setText(DISTANCE, distance(route.total_km))
            font = day_item.font(TIME)
            font.setBold(True)
            for column in range(STATUS + 1):
                day_item.setFont(column, font)
            for stop in route.stops:
                item = QTreeWidgetItem(day_item)
                item.setData(0, VISIT_ID_ROLE, stop.visit.id)
                item.setText(TIME, time_text(stop))
                item.setText(ACCOUNT, stop.account.name)
                item.setText(ADDRESS, address_text(stop))
                item.setText(DISTANCE, "—" if stop.leg_km is None else distance(stop.leg_km))
                item.setTextAlignment(DISTANCE, Qt.AlignmentFlag.AlignRight)
                if not stop.movable:
                    item.setText(STATUS, visit_status_label(stop.visit.status))
            day_item.setToolTip(
                TIME, fill(self.tr("Open %1 in the day view"), long_date(route.day))
            )
        self.expandAll()

    def day_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        visit_id = item.data(0, VISIT_ID_ROLE)
        if visit_id:
            self.visit_chosen.emit(visit_id)
            return
        day = item.data(0, DAY_ROLE)
        if isinstance(day, date):
            self.day_chosen.emit(day)
