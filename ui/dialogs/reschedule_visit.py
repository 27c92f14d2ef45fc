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
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.records import Visit
from fieldapp.usecases.route import RouteStop, move_visit
from ui.context import AppContext
from ui.formatting import fill
from ui.tasks import describe


class RescheduleDialog(QDialog):
    def __init__(self, context: AppContext, stop: RouteStop, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("rescheduleVisit")
        self._context = context
        self._visit_id = stop.visit.id
        self.setWindowTitle(fill(self.tr("Reschedule the visit to %1"), stop.account.name))
        start = from_text(stop.visit.planned_start).astimezone()
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_edit.setCalendarPopup(True)
        self.time_edit = QTimeEdit(QTime(start.hour, start.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Day"), self.date_edit)
        form.addRow(self.tr("&Time"), self.time_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.date_edit.setFocus()

    def chosen_start(self) -> datetime:
        day, moment = self.date_edit.date(), self.time_edit.time()
        naive = datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute())
        return naive.astimezone()  # the rep's local time

    def submit(self) -> None:
        start = self.chosen_start()
        visit_id = self._visit_id
        self.buttons.setEnabled(False)
        self._context.tasks.write(
            lambda store: move_visit(store, visit_id, start),
            self._done,
            failed=self._failed,
        )

    def _done(self, _visit: Visit) -> None:
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.error.setText(describe(error))
        self.buttons.setEnabled(True)
