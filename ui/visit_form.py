"""The visit window: check in, write the report (autosaved as a draft), save, check out.

One non-modal window per visit (the main window keeps them). Everything it reads or writes
goes through the store worker; it refreshes from change notices. What is typed is kept as
a local draft a few seconds after each change, on every focus change and on close, so
reopening the visit, even after a crash, brings it back.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from fieldapp.catalogue import VisitStatus
from fieldapp.clock import from_text
from fieldapp.errors import ValidationError
from fieldapp.records import Visit
from fieldapp.status import Delivery
from fieldapp.store.database import Store
from fieldapp.usecases.briefing import check_in_reminders
from fieldapp.usecases.drafts import (
    OPEN_STATUSES,
    CompletedReport,
    VisitReportForm,
    complete_visit_report,
    save_report_draft,
    save_visit_report,
    visit_report_form,
)
from fieldapp.usecases.visits import check_in
from ui import error_words
from ui.changes import Changes
from ui.context import AppContext
from ui.delivery import DeliveryWatch
from ui.draft_autosave import DEFAULT_INTERVAL_MS, Autosave, DraftWork
from ui.formatting import clock_time, fill
from ui.labels import error_label, plain_label
from ui.screen_fit import resize_to_fit
from ui.tasks import describe
from ui.visit_header import VisitHeader, form_button
from ui.visit_reminders import VisitReminders
from ui.visit_report import ReportForm
from ui.widgets.styling import primary, secondary, text_role

GEOMETRY_KEY = "visit_window/geometry"
# What the form may change besides the visit itself; the window reloads its choices when
# any of these change (a contact pulled by sync, an opportunity moved by a colleague, a
# note pinned for the account).
SHOWN = ("visits", "accounts", "contacts", "opportunities", "follow_ups", "users", "notes")


def follow_up_due(today: date) -> date:
    """Two working days: the hand-off SLA for a follow-up asked by the field."""
    day, left = today, 2
    while left:
        day += timedelta(days=1)
        left -= day.weekday() < 5
    return day


class VisitWindow(QDialog):
    loaded = Signal()  # the visit and its form are on screen
    draft_saved = Signal(str)  # when (UTC text) the draft was written

    def __init__(
        self,
        context: AppContext,
        visit_id: str,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitWindow")
        self.setModal(False)
        self.context = context
        self.visit_id = visit_id
        self.form_data: VisitReportForm | None = None
        self.visit: Visit | None = None
        self._busy = False  # a save or completion is under way
        self.setWindowTitle(self.tr("Visit"))

        self.header = VisitHeader()
        self.header.check_in_button.clicked.connect(self.check_in)
        self.reminders = VisitReminders()
        self.draft_notice = plain_label(name="draftNotice")
        self.draft_notice.hide()

        self.report = ReportForm()
        self.report.setEnabled(False)  # until the visit is loaded
        self.report.changed.connect(self._on_edited)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.report)

        self.error_label = error_label("visitError")
        self.draft_status = text_role(plain_label(name="draftStatus"), "secondary")
        self.save_button = form_button(self.tr("&Save"), "saveButton")
        self.save_button.setToolTip(self.tr("Save the report; the visit stays checked in (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.complete_button = form_button(self.tr("Complete and check &out"), "completeButton")
        self.complete_button.setToolTip(
            self.tr("Check out: the report goes to the inside team (Ctrl+Enter)")
        )
        self.complete_button.clicked.connect(self.complete)
        self.close_button = form_button(self.tr("Close"), "closeButton")
        self.close_button.clicked.connect(self.close)
        for button in (self.save_button, self.complete_button):
            button.setEnabled(False)
        # Completing is what the window is for once checked in (checking in before, in the
        # header); saving and closing are secondary.
        primary(self.complete_button)
        for button in (self.save_button, self.close_button):
            secondary(button)

        buttons = QHBoxLayout()
        buttons.addWidget(self.draft_status, 1)
        for button in (self.save_button, self.complete_button, self.close_button):
            buttons.addWidget(button)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.reminders)
        layout.addWidget(self.draft_notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Save), self.save),
            (QKeySequence("Ctrl+Return"), self.complete),
            (QKeySequence("Ctrl+Enter"), self.complete),
        ):
            QShortcut(keys, self, slot)

        self.autosave = Autosave(
            context.tasks,
            self,
            self._draft_work,
            interval_ms=autosave_ms,
        )
        self.delivery = DeliveryWatch(context, self)
        self.delivery.settled.connect(self._report_delivered)
        self.autosave.saved.connect(self._on_draft_saved)
        self.autosave.failed.connect(self._on_draft_failed)
        self.report.follow_ups.set_default_due(follow_up_due(context.now().astimezone().date()))
        context.notices.changed.connect(self._on_changed)

        resize_to_fit(self, 720, 820)
        geometry = context.settings.layout(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._reload(first=True)

    # -- loading ----------------------------------------------------------------------
    def _reload(self, first: bool = False) -> None:
        visit_id = self.visit_id
        self.context.tasks.read(
            lambda store: visit_report_form(store, visit_id),
            lambda form: self._show(form, first),
            failed=self._show_failure,
            # Refreshes may replace one another; the first load, which fills the form, not.
            key=None if first else f"visit-window:{visit_id}",
        )

    def _show(self, form: VisitReportForm, first: bool) -> None:
        self.form_data = form
        self.report.set_choices(form.contacts, form.opportunities, form.people)
        self.report.set_saved_follow_ups(form.saved_follow_ups)
        if first:
            self.report.set_value(form.report)
            if form.draft_saved_at is not None:
                saved = clock_time(from_text(form.draft_saved_at))
                self.draft_notice.setText(
                    fill(self.tr("Restored your unsaved draft from %1."), saved)
                )
                self.draft_notice.show()
        self._show_visit(form.visit)
        self._show_reminders(form)
        self.report.setEnabled(True)
        if first:
            # The report is what the rep came to write; checking in is a separate,
            # deliberate step (ui/visit_header.py).
            if form.visit.status in OPEN_STATUSES:
                self.report.summary.setFocus(Qt.FocusReason.OtherFocusReason)
            self.loaded.emit()

    def _show_visit(self, visit: Visit) -> None:
        self.visit = visit
        account = self.form_data.briefing.account.name if self.form_data else ""
        self.setWindowTitle(fill(self.tr("Visit — %1"), account))
        self.header.show_visit(visit, account, busy=self._busy)
        ready = visit.status == VisitStatus.CHECKED_IN and not self._busy
        self.save_button.setEnabled(ready)
        self.complete_button.setEnabled(ready)
        is_open = visit.status in OPEN_STATUSES
        self.report.set_editable(is_open)
        if not is_open:
            self.autosave.pause()

    def _show_reminders(self, form: VisitReportForm) -> None:
        # On the way in only: once the visit is over, the briefing keeps them.
        if form.is_open:
            names = {person.id: person.display_name for person in form.people}
            self.reminders.show_reminders(check_in_reminders(form.briefing), names)
        else:
            self.reminders.hide()

    def _on_changed(self, changes: Changes) -> None:
        if not self.isVisible() or not changes.touches(*SHOWN):
            return
        only_visits = not changes.touches(*SHOWN[1:])
        visit_ids = changes.ids("visits")
        if only_visits and visit_ids is not None and self.visit_id not in visit_ids:
            return  # another visit
        self._reload()

    # -- check in ---------------------------------------------------------------------
    def check_in(self) -> None:
        visit_id = self.visit_id
        self.error_label.hide()
        self.header.check_in_button.setEnabled(False)
        self.context.tasks.write(
            lambda store: check_in(store, visit_id),
            self._on_checked_in,
            failed=self._on_check_in_refused,
        )

    def _on_checked_in(self, visit: Visit) -> None:
        self._show_visit(visit)
        self.report.contacts.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_check_in_refused(self, error: Exception) -> None:
        self.header.check_in_button.setEnabled(True)
        self._show_failure(error)

    # -- drafts -----------------------------------------------------------------------
    def _on_edited(self) -> None:
        self.autosave.mark_changed()

    def _draft_work(self) -> DraftWork:
        visit_id, report = self.visit_id, self.report.value()  # taken on the GUI thread
        return lambda store: save_report_draft(store, visit_id, report)

    def _on_draft_saved(self, saved_at: str | None) -> None:
        if saved_at is not None:
            when = clock_time(from_text(saved_at))
            self.draft_status.setText(fill(self.tr("Draft saved at %1"), when))
            self.draft_saved.emit(saved_at)

    def _on_draft_failed(self, message: str) -> None:
        self.draft_status.setText(fill(self.tr("The draft could not be saved: %1"), message))

    # -- save and complete ------------------------------------------------------------
    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        report = self.report.value()
        self._start(self.tr("Saving…"))
        token = self.autosave.claim()
        visit_id = self.visit_id

        def work(store: Store) -> VisitReportForm:
            return save_visit_report(store, visit_id, report)

        def saved(form: VisitReportForm) -> None:
            self._busy = False
            self.form_data = form
            self.report.follow_ups.drop_first(len(report.follow_ups))
            self.report.set_saved_follow_ups(form.saved_follow_ups)
            self.draft_notice.hide()
            self.draft_status.setText(
                fill(
                    self.tr("Report saved at %1; the visit is still checked in."),
                    clock_time(self.context.now()),
                )
            )
            self._show_visit(form.visit)

        self.context.tasks.write(
            work,
            saved,
            failed=lambda error: self._refused(error, token),
        )

    def complete(self) -> None:
        if not self.complete_button.isEnabled():
            return
        self.report.clear_errors()
        self.error_label.hide()
        missing = self.report.missing_required()
        if missing:
            focus = [self.report.show_error(field, message) for field, message in missing]
            if focus[0] is not None:
                focus[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        report = self.report.value()
        self._start(self.tr("Completing the visit…"))
        token = self.autosave.claim()
        self.autosave.pause()  # the draft is discarded with the completion
        visit_id = self.visit_id

        def work(store: Store) -> CompletedReport:
            return complete_visit_report(store, visit_id, report)

        self.context.tasks.write(
            work,
            self._completed,
            failed=lambda error: self._refused(error, token),
        )

    def _completed(self, done: CompletedReport) -> None:
        self._busy = False
        self.report.follow_ups.drop_first(len(done.follow_ups))
        self.draft_notice.hide()
        # Saved here, not sent: "sent" waits for the server's acknowledgement.
        self.draft_status.setText(
            self.tr(
                "Visit completed: the report is saved and will be sent to the inside team"
                " at the next sync."
            )
        )
        self.delivery.watch(
            [done.visit.id, done.report.id, *(follow_up.id for follow_up in done.follow_ups)]
        )
        self._show_visit(done.visit)
        self._reload()  # the created follow-ups now show as saved
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _report_delivered(self, delivery: Delivery) -> None:
        if delivery.sent:
            self.draft_status.setText(
                self.tr("Visit completed: the report was sent to the inside team.")
            )
        else:
            self.draft_status.setText(
                self.tr("Visit completed, but the server refused part of it: see the Sync page.")
            )

    def _start(self, doing: str) -> None:
        self._busy = True
        self.report.clear_errors()
        self.error_label.hide()
        self.draft_status.setText(doing)
        for button in (self.save_button, self.complete_button):
            button.setEnabled(False)
        # Completing is what the window is for once checked in (checking in before, in the
        # header); saving and closing are secondary.
        primary(self.complete_button)
        for button in (self.save_button, self.close_button):
            secondary(button)

    def _refused(self, error: Exception, token: int) -> None:
        self._busy = False
        self.autosave.resume()
        self.autosave.release(token)
        self.draft_status.clear()
        if self.visit is not None:
            self._show_visit(self.visit)
        self._show_failure(error)

    def _show_failure(self, error: Exception) -> None:
        """A refused value goes under its field (and the focus there); anything else below."""
        target = None
        if isinstance(error, ValidationError):
            target = self.report.show_error(error.field, error_words.sentence(error))
        if target is None:
            self.error_label.setText(describe(error))
            self.error_label.show()
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- closing ----------------------------------------------------------------------
    def done(self, result: int) -> None:
        # Close, Escape and the main window closing all end here: keep what was typed.
        self.autosave.flush()
        self.context.settings.save_layout(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)
