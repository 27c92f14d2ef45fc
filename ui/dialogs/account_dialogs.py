"""The forms the account briefing opens: plan a visit, add a note, new contact, edit account.

Each runs one use case through the store worker (which announces what it committed). A
validation error is shown under the field it is about (or under the form when it is about
no one field), and the dialog stays open with what was typed. Enter saves, Escape cancels
(in a multi-line note Enter is a new line and Ctrl+Enter saves).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError
from fieldapp.records import TIERS, Account
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import create_contact, edit_account
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.visits import plan_visit
from ui import error_words
from ui.context import AppContext
from ui.formatting import date_pattern, fill
from ui.labels import error_label, tier_label
from ui.tasks import describe

Work = Callable[[Store], Any]


class UseCaseForm(QDialog):
    """A form that runs one use case; subclasses lay out fields and say what to run."""

    saved = Signal(object)  # what the use case returned

    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = QFormLayout()
        self.form_error = error_label("formError")
        self._field_errors: dict[str, tuple[QLabel, QWidget]] = {}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

    def add_row(self, caption: str, widget: QWidget, *fields: str) -> None:
        """A labelled field, with room under it for the errors of the use case's ``fields``."""
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        for field in fields:
            error = error_label(f"{field}Error")
            column.addWidget(error)
            self._field_errors[field] = (error, widget)
        self.form.addRow(caption, cell)

    def show_error_for(self, field: str, message: str) -> None:
        """Say ``message`` under ``field`` and put the cursor there."""
        label, widget = self._field_errors[field]
        label.setText(message)
        label.show()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_for(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is shown)."""
        label, _widget = self._field_errors[field]
        return label.text() if not label.isHidden() else ""

    # -- saving -----------------------------------------------------------------------
    def work(self) -> Work | None:
        """The use case to run; None: nothing to save."""
        raise NotImplementedError

    def refusal(self) -> tuple[str, str] | None:
        """A field left wrong before anything is run: (field, what to say), or None."""
        return None

    def submit(self) -> None:
        self._clear_errors()
        refused = self.refusal()
        if refused is not None:
            self.show_error_for(*refused)
            return
        planned = self.work()
        if planned is None:
            self.accept()
            return
        self.buttons.setEnabled(False)
        self.context.tasks.write(planned, self._saved, failed=self._failed)

    def _saved(self, result: object) -> None:
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, ValidationError) and error.field in self._field_errors:
            self.show_error_for(error.field, error_words.sentence(error))
        else:
            self.form_error.setText(describe(error))
            self.form_error.show()

    def _clear_errors(self) -> None:
        self.form_error.hide()
        for label, _widget in self._field_errors.values():
            label.clear()
            label.hide()


class PlanVisitDialog(UseCaseForm):
    """A visit to the account in the rep's own plan: day, start time, how long."""

    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(context, fill(self.tr("Plan a visit — %1"), account.name), parent)
        self.setObjectName("planVisitDialog")
        self._account_id = account.id
        start = self._suggested_start(context.now().astimezone())
        self.day = QDateEdit(QDate(start.year, start.month, start.day))
        self.day.setObjectName("visitDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_pattern())  # the month in letters, as elsewhere
        self.start_time = QTimeEdit(QTime(start.hour, start.minute))
        self.start_time.setObjectName("visitStart")
        self.duration = QSpinBox()
        self.duration.setObjectName("visitDuration")
        self.duration.setRange(15, 12 * 60)
        self.duration.setSingleStep(15)
        self.duration.setValue(60)
        self.duration.setSuffix(self.tr(" min"))
        self.add_row(self.tr("Day"), self.day)
        self.add_row(self.tr("Starts at"), self.start_time, "planned_start")
        self.add_row(self.tr("Duration"), self.duration, "planned_end")

    @staticmethod
    def _suggested_start(now: datetime) -> datetime:
        # The next full hour today; after 17:00, tomorrow at 9:00.
        start = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        if start.hour >= 18 or start.date() != now.date():
            start = (now + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
        return start

    def starts_at(self) -> datetime:
        """The start typed, in the computer's time zone."""
        day, time = self.day.date(), self.start_time.time()
        naive = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return naive.astimezone()

    def work(self) -> Work:
        account_id, start = self._account_id, self.starts_at()
        end = start + timedelta(minutes=self.duration.value())
        return lambda store: plan_visit(store, account_id, start, end)


class AddNoteDialog(UseCaseForm):
    """A note on the account; the inside team can pin it for the field rep's next visit."""

    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(context, fill(self.tr("Add a note — %1"), account.name), parent)
        self.setObjectName("addNoteDialog")
        self._account_id = account.id
        self.body = QPlainTextEdit()
        self.body.setObjectName("noteBody")
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Ctrl+Enter saves"))
        self.pinned = QCheckBox(self.tr("Pin for the field rep's next visit"))
        self.pinned.setObjectName("notePinned")
        # Only the inside team and managers pin notes; they usually write them to be read.
        may_pin = context.user.role in ("inside", "manager")
        self.pinned.setVisible(may_pin)
        self.pinned.setChecked(context.user.role == "inside")
        self.add_row(self.tr("Note"), self.body, "body")
        self.form.addRow("", self.pinned)
        # Not a QShortcut: the editor would take Ctrl+Enter first as a line break.
        self.body.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.body
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def work(self) -> Work:
        account_id, body = self._account_id, self.body.toPlainText()
        pinned = self.pinned.isVisible() and self.pinned.isChecked()
        return lambda store: add_note(store, account_id, body, pinned=pinned)


class NewContactDialog(UseCaseForm):
    """A person met at the account."""

    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(context, fill(self.tr("New contact — %1"), account.name), parent)
        self.setObjectName("newContactDialog")
        self._account_id = account.id
        self.first_name = _line("", "firstName")
        self.last_name = _line("", "lastName")
        self.job_title = _line("", "jobTitle")
        self.email = _line("", "email")
        self.phone = _line("", "phone")
        self.add_row(self.tr("First name"), self.first_name, "first_name")
        self.add_row(self.tr("Last name"), self.last_name, "last_name")
        self.add_row(self.tr("Job title"), self.job_title, "job_title")
        self.add_row(self.tr("E-mail"), self.email, "email")
        self.add_row(self.tr("Phone"), self.phone, "phone")

    def work(self) -> Work:
        account_id = self._account_id
        values = {
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "job_title": self.job_title.text(),
            "email": self.email.text(),
            "phone": self.phone.text(),
        }
        return lambda store: create_contact(store, account_id, **values)


class EditAccountDialog(UseCaseForm):
    """The account's own fields; only what the rep changed is saved (and synced)."""

    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(context, fill(self.tr("Edit account — %1"), account.name), parent)
        self.setObjectName("editAccountDialog")
        self.account = account
        self.name = _line(account.name, "accountName")
        self.tier = QComboBox()
        self.tier.setObjectName("accountTier")
        for tier in TIERS:
            self.tier.addItem(tier_label(tier), tier)
        self.tier.setCurrentIndex(TIERS.index(account.tier))
        self.address = _line(account.address or "", "address")
        self.postal_code = _line(account.postal_code or "", "postalCode")
        self.city = _line(account.city or "", "city")
        self.country = _line(account.country or "", "country")
        self.phone = _line(account.phone or "", "phone")
        self.latitude = _line(_number(account.latitude), "latitude")
        self.longitude = _line(_number(account.longitude), "longitude")
        self.frequency = QSpinBox()
        self.frequency.setObjectName("visitFrequency")
        self.frequency.setRange(0, 730)
        self.frequency.setSuffix(self.tr(" days"))
        # 0 shows as "tier default": the account then follows its tier's target.
        self.frequency.setSpecialValueText(self.tr("Tier default"))
        self.frequency.setValue(account.visit_frequency_days or 0)
        self.add_row(self.tr("Name"), self.name, "name")
        self.add_row(self.tr("Tier"), self.tier, "tier")
        self.add_row(self.tr("Address"), self.address, "address")
        self.add_row(self.tr("Postal code"), self.postal_code, "postal_code")
        self.add_row(self.tr("City"), self.city, "city")
        self.add_row(self.tr("Country"), self.country, "country")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_row(self.tr("Latitude"), self.latitude, "latitude")
        self.add_row(self.tr("Longitude"), self.longitude, "longitude")
        self.add_row(self.tr("Visit every"), self.frequency, "visit_frequency_days")

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the account's (the use case checks them)."""
        account = self.account
        typed: dict[str, tuple[Any, Any]] = {
            "name": (self.name.text().strip(), account.name),
            "tier": (self.tier.currentData(), account.tier),
            "address": (self.address.text().strip(), account.address or ""),
            "postal_code": (self.postal_code.text().strip(), account.postal_code or ""),
            "city": (self.city.text().strip(), account.city or ""),
            "country": (self.country.text().strip(), account.country or ""),
            "phone": (self.phone.text().strip(), account.phone or ""),
            "latitude": (self.latitude.text().strip(), _number(account.latitude)),
            "longitude": (self.longitude.text().strip(), _number(account.longitude)),
            "visit_frequency_days": (
                self.frequency.value() or None,
                account.visit_frequency_days,
            ),
        }
        return {field: new for field, (new, old) in typed.items() if new != old}

    def work(self) -> Work | None:
        changed = self.changes()
        if not changed:
            return None
        account_id = self.account.id
        return lambda store: edit_account(store, account_id, **changed)


def _line(text: str, name: str) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
