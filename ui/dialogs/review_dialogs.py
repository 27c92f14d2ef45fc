"""Two small forms the inside rep opens from a visit report: a follow-up, a note for the field.

Each calls one use case through the store worker; a validation error is shown under the
form and the dialog stays open with what was typed.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldapp.records import TEAMS
from fieldapp.usecases.follow_ups import create_follow_up
from fieldapp.usecases.notes import pin_note_for_field
from ui.context import AppContext
from ui.dialogs.form_dialog import FormDialog
from ui.formatting import date_pattern
from ui.labels import team_label


class FollowUpDialog(FormDialog):
    """A follow-up on the report's account, for a team or oneself, with a due date."""

    def __init__(
        self,
        context: AppContext,
        account_id: str,
        origin_note_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("New follow-up"), parent)
        self.setObjectName("followUpDialog")
        self._account_id = account_id
        self._origin_note_id = origin_note_id
        self.title = QLineEdit()
        self.title.setObjectName("followUpTitle")
        self.assignee = QComboBox()
        self.assignee.setObjectName("followUpAssignee")
        self.assignee.addItem(self.tr("Me"), None)
        for team in TEAMS:
            self.assignee.addItem(team_label(team), team)
        self.due = QDateEdit()
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(date_pattern())  # the month in letters, as elsewhere
        # Two working days: the hand-off SLA the product is built around.
        today = context.now().date()
        due = today + timedelta(days=4 if today.weekday() >= 3 else 2)
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.details = QPlainTextEdit()
        self.details.setTabChangesFocus(True)
        self.form.addRow(self.tr("What needs doing"), self.title)
        self.form.addRow(self.tr("For"), self.assignee)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Details"), self.details)

    def submit(self) -> None:
        due = self.due.date()
        team = self.assignee.currentData()
        title, details = self.title.text(), self.details.toPlainText().strip() or None
        account_id, note_id = self._account_id, self._origin_note_id
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: create_follow_up(
                store,
                account_id,
                title=title,
                due_date=date(due.year(), due.month(), due.day()),
                assignee_team=team,
                details=details,
                origin_note_id=note_id,
            ),
            lambda _f: self.accept(),
            failed=self.failed,
        )


class PinNoteDialog(FormDialog):
    """A note the field rep will see first in the account's briefing."""

    def __init__(self, context: AppContext, account_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Pin a note for the field"), parent)
        self.setObjectName("pinNoteDialog")
        self._account_id = account_id
        self.body = QPlainTextEdit()
        self.body.setObjectName("pinNoteBody")
        self.body.setTabChangesFocus(True)
        self.form.addRow(self.tr("Note for the next visit"), self.body)

    def submit(self) -> None:
        body, account_id = self.body.toPlainText(), self._account_id
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: pin_note_for_field(store, account_id, body),
            lambda _n: self.accept(),
            failed=self.failed,
        )
