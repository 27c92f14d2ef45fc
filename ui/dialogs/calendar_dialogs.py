"""The calendar's two dialogs: the days to export as an ``.ics`` file, and where the
always-current calendar file is (to subscribe to it from a calendar app)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import fill
from ui.labels import error_label, plain_label, show_error

# What a rep usually wants in another calendar: the last month and the next quarter.
DEFAULT_DAYS_BEFORE = 30
DEFAULT_DAYS_AFTER = 90


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class CalendarRangeDialog(QDialog):
    """The first and last day of the visits to export (both included)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarRangeDialog")
        self.setWindowTitle(self.tr("Export calendar"))
        self.first_edit = self._date_edit("calendarFrom", today - timedelta(DEFAULT_DAYS_BEFORE))
        self.last_edit = self._date_edit("calendarTo", today + timedelta(DEFAULT_DAYS_AFTER))
        self.error = error_label("calendarRangeError")
        form = QFormLayout()
        form.addRow(self.tr("From"), self.first_edit)
        form.addRow(self.tr("To (included)"), self.last_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Export…"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("The visits planned on these days go into an .ics file."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)  # the locale's own date format, as everywhere else
        return edit

    @property
    def first(self) -> date:
        return _day(self.first_edit)

    @property
    def last(self) -> date:
        return _day(self.last_edit)

    def set_range(self, first: date, last: date) -> None:
        self.first_edit.setDate(_qdate(first))
        self.last_edit.setDate(_qdate(last))

    def _accept_if_valid(self) -> None:
        if self.last < self.first:
            show_error(self.error, self.tr("The last day is before the first day."))
            return
        show_error(self.error, "")
        self.accept()


class SubscriptionDialog(QDialog):
    """Where the always-current calendar file is, and how to subscribe to it."""

    def __init__(self, path: Path, problem: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarSubscriptionDialog")
        self.setWindowTitle(self.tr("Subscribe to your visits"))
        self.path = path
        self.url = QUrl.fromLocalFile(str(path)).toString()
        explanation = plain_label(
            self.tr(
                "FieldApp keeps this file up to date after each change to a visit and each"
                " sync: the visits of the last 60 days and every later one. Add it to a"
                " calendar app that reads a file address (in Thunderbird: New Calendar,"
                " On the Network, with the address below) and your visits appear there; a"
                " cancelled visit is removed. A web calendar needs a web address: share"
                " this folder with a sync service to get one."
            )
        )
        self.path_field = QLineEdit(str(path))
        self.path_field.setObjectName("calendarPath")
        self.path_field.setReadOnly(True)
        self.path_field.setCursorPosition(0)
        self.url_field = QLineEdit(self.url)
        self.url_field.setObjectName("calendarUrl")
        self.url_field.setReadOnly(True)
        self.url_field.setCursorPosition(0)
        copy = QPushButton(self.tr("Copy the address"))
        copy.setObjectName("calendarCopy")
        copy.clicked.connect(self.copy_address)
        open_folder = QPushButton(self.tr("Open the folder"))
        open_folder.setObjectName("calendarOpenFolder")
        open_folder.clicked.connect(self.open_folder)
        self.problem = error_label("calendarProblem")
        if problem:
            show_error(self.problem, fill(self.tr("The file could not be written: %1"), problem))
        form = QFormLayout()
        form.addRow(self.tr("File"), self.path_field)
        form.addRow(self.tr("Address"), self.url_field)
        actions = QHBoxLayout()
        actions.addWidget(copy)
        actions.addWidget(open_folder)
        actions.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def copy_address(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.url)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
