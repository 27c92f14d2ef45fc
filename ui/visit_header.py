"""The top of the visit window: which account, when, where the visit stands, and Check in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fieldapp.catalogue import VisitStatus
from fieldapp.clock import from_text
from fieldapp.records import Visit
from ui.formatting import clock_time, fill, long_date
from ui.labels import plain_label, visit_status_label
from ui.widgets.styling import primary, text_role


def form_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    # Return in a field must never check in or complete a visit by accident.
    button.setAutoDefault(False)
    button.setDefault(False)
    return button


class VisitHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The visit's subject as a title card: the account, when, and where it stands.
        self.setProperty("role", "card")
        self.account_label = text_role(plain_label(name="accountName"), "title")
        self.planned_label = text_role(plain_label(name="plannedTime"), "secondary")
        self.status_label = plain_label(name="visitStatus")
        self.check_in_button = form_button(self.tr("Check &in"), "checkInButton")
        # Shown only while the visit is planned, when it is the window's one primary action.
        primary(self.check_in_button)
        self.check_in_button.setToolTip(self.tr("Record that you arrived, now (Alt+I)"))
        # Checking in records a time: a click or Alt+I, never a Space meant for a field
        # that happened to land on the button (Tab skips it; the report has the focus).
        self.check_in_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.check_in_button.hide()

        titles = QVBoxLayout()
        for label in (self.account_label, self.planned_label, self.status_label):
            titles.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(titles, 1)
        layout.addWidget(self.check_in_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_visit(self, visit: Visit, account_name: str, *, busy: bool) -> None:
        self.account_label.setText(account_name)
        start, end = from_text(visit.planned_start), from_text(visit.planned_end)
        self.planned_label.setText(
            fill(
                self.tr("Planned %1, from %2 to %3"),
                long_date(start.astimezone().date()),
                clock_time(start),
                clock_time(end),
            )
        )
        self.status_label.setText(self._status(visit))
        self.check_in_button.setVisible(visit.status == VisitStatus.PLANNED)
        self.check_in_button.setEnabled(not busy)

    def _status(self, visit: Visit) -> str:
        if visit.status == VisitStatus.PLANNED:
            return self.tr("Planned — check in when you arrive; you can write the report now.")
        if visit.status == VisitStatus.CHECKED_IN and visit.checked_in_at:
            return fill(self.tr("Checked in at %1"), clock_time(from_text(visit.checked_in_at)))
        if visit.status == VisitStatus.COMPLETED and visit.checked_out_at:
            return fill(
                self.tr("Completed — checked out at %1"),
                clock_time(from_text(visit.checked_out_at)),
            )
        return visit_status_label(visit.status)
