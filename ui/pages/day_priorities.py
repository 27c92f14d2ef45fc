"""The day's priorities on the field rep's Today page: the accounts the inside team or a
manager flagged for this day, why, and who flagged them; "Add to route" plans the visit
at the end of the day (fieldapp/usecases/priorities.py, add_priority_to_route).

The section takes no room on a day with no priority. It reads again when a change touches
priorities, visits (a priority already on the route says when) or the names it shows.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.records import Visit
from fieldapp.usecases.priorities import DayPriority, add_priority_to_route, priorities_for
from ui.changes import Changes
from ui.context import AppContext
from ui.formatting import clock_time, fill
from ui.labels import error_label, show_error, visit_status_label
from ui.tasks import describe
from ui.widgets.row_tables import read_only_rows

ACCOUNT, WHY, FLAGGED_BY, ROUTE = range(4)
SHOWN = ("priorities", "visits", "accounts", "users")
PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 1


class DayPriorities(QGroupBox):
    added = Signal(object, str)  # the visit planned, the account's name

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Priorities for this day"), parent)
        self.setObjectName("dayPriorities")
        self.context = context
        self.day: date | None = None
        self.priorities: list[DayPriority] = []
        self._adding = ""  # the account being added, for the page's message
        self._day_view = True  # the week view is an overview: no priorities there

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("priorityTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Why"), self.tr("Flagged by"), self.tr("On the route")]
        )
        read_only_rows(self.table, alternating=False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in ((ACCOUNT, 200), (FLAGGED_BY, 130), (ROUTE, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.itemActivated.connect(self.add_current)
        self.add_button = QPushButton(self.tr("Add to &route"))
        self.add_button.setObjectName("addPriorityToRoute")
        self.add_button.setToolTip(
            self.tr("Plan a visit to the selected priority at the end of the day")
        )
        self.add_button.clicked.connect(self.add_current)
        self.error = error_label("priorityError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.hide()
        context.notices.changed.connect(self._on_changed)

    # -- reading ----------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        if day != self.day:
            show_error(self.error, "")
        self.day = day
        self.reload()

    def set_shown(self, day_view: bool) -> None:
        self._day_view = day_view
        self.setVisible(day_view and bool(self.priorities))

    def reload(self) -> None:
        day, me = self.day, self.context.user.id
        if day is None:
            return
        self.context.tasks.read(
            lambda store: (day, priorities_for(store, me, day)),
            self._show,
            failed=self._failed,
            key="day-priorities",
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.reload()

    def _show(self, answer: tuple[date, list[DayPriority]]) -> None:
        day, found = answer
        if day != self.day:
            return  # the rep has moved to another day
        chosen = self.current()
        keep = chosen.priority.id if chosen is not None else None
        self.priorities = found
        self.table.setRowCount(len(found))
        for row, entry in enumerate(found):
            cells = (
                entry.account.name,
                entry.priority.why,
                entry.flagged_by_name or "?",
                self._route_text(entry.visit),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(PRIORITY_ROLE, entry.priority.id)
                self.table.setItem(row, column, item)
        # Up to four rows when there is room, down to one (the table scrolls) on a short
        # screen: fixed at four it made the Today page taller than a 125 % laptop screen.
        rows = self.table.verticalHeader()
        top = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        self.table.setMinimumHeight(top + rows.defaultSectionSize())
        self.table.setMaximumHeight(top + rows.defaultSectionSize() * max(1, min(len(found), 4)))
        row = next((r for r, e in enumerate(found) if e.priority.id == keep), 0)
        if found:
            self.table.selectRow(row)
        self.setVisible(bool(found) and self._day_view)
        self._enable()

    def _route_text(self, visit: Visit | None) -> str:
        if visit is None:
            return self.tr("Not yet")
        start = clock_time(from_text(visit.planned_start))
        return fill(self.tr("%1 · %2"), start, visit_status_label(visit.status))

    def current(self) -> DayPriority | None:
        row = self.table.currentRow()
        return self.priorities[row] if 0 <= row < len(self.priorities) else None

    def _enable(self) -> None:
        chosen = self.current()
        self.add_button.setEnabled(chosen is not None and chosen.visit is None)

    # -- adding -----------------------------------------------------------------------
    def add_current(self) -> None:
        chosen = self.current()
        if chosen is None or chosen.visit is not None:
            return
        priority_id = chosen.priority.id
        self._adding = chosen.account.name
        show_error(self.error, "")
        self.add_button.setEnabled(False)
        self.context.tasks.write(
            lambda store: add_priority_to_route(store, priority_id),
            self._added,
            failed=self._failed,
        )

    def _added(self, visit: Visit) -> None:
        self.added.emit(visit, self._adding)

    def _failed(self, error: Exception) -> None:
        show_error(self.error, describe(error))
        self._enable()
