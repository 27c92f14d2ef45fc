"""Move a planned visit to another day or time, from the Today page.

The visit keeps its length, and on its new day takes the place in the route that its
time gives it (``fieldapp.usecases.route.move_visit``). A refusal is shown under the form
and the dialog stays open.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QTimeEdit,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.records import Visit
from fieldapp.usecases.route import RouteStop, move_visit
from ui.context import AppContext
from ui.dialogs.form_dialog import FormDialog
from ui.formatting import date_pattern, fill


class RescheduleDialog(FormDialog):
    def __init__(self, context: AppContext, stop: RouteStop, parent: QWidget | None) -> None:
        super().__init__(
            context, fill(self.tr("Reschedule the visit to %1"), stop.account.name), parent
        )
        self.setObjectName("rescheduleVisit")
        self._visit_id = stop.visit.id
        start = from_text(stop.visit.planned_start).astimezone()
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_pattern())  # the month in letters
        self.time_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.form.addRow(self.tr("&Day"), self.date_edit)
        self.form.addRow(self.tr("&Time"), self.time_edit)
        self.date_edit.setFocus()

    def chosen_start(self) -> datetime:
        day, moment = self.date_edit.date(), self.time_edit.time()
        naive = datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute())
        return naive.astimezone()  # the rep's local time

    def submit(self) -> None:
        start = self.chosen_start()
        visit_id = self._visit_id
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: move_visit(store, visit_id, start),
            self._done,
            failed=self.failed,
        )

    def _done(self, _visit: Visit) -> None:
        self.accept()
