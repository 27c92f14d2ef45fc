"""Flag an account as a priority for a field rep's day, with one line of why; and see the
account's priorities to come, removing those one flagged oneself.

The inside rep or the manager chooses the rep (the account's owner first), the day (today
first) and says why; fieldapp/usecases/priorities.py checks the rest (a field rep covering
the account, not twice the same day) and a refusal is said under its field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Role
from fieldapp.records import Account, User
from fieldapp.usecases.people import list_users
from fieldapp.usecases.priorities import (
    AccountPriority,
    account_priorities,
    flag_priority,
    remove_priority,
)
from ui.context import AppContext
from ui.dialogs.account_dialogs import UseCaseForm, Work
from ui.formatting import date_pattern, fill, short_date
from ui.labels import error_label, plain_label, show_error
from ui.tasks import describe

PRIORITY_ROLE = Qt.ItemDataRole.UserRole + 1


class PriorityDialog(UseCaseForm):
    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(context, fill(self.tr("Flag as a priority — %1"), account.name), parent)
        self.setObjectName("priorityDialog")
        self.setMinimumWidth(520)
        self._account = account
        today = context.now().astimezone().date()
        self._today = today
        self.rep = QComboBox()
        self.rep.setObjectName("priorityRep")
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setObjectName("priorityDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_pattern())  # the month in letters, as elsewhere
        self.day.setMinimumDate(QDate(today.year, today.month, today.day))
        self.why = QLineEdit()
        self.why.setObjectName("priorityWhy")
        self.why.setPlaceholderText(self.tr("One line the rep reads on Today"))
        self.add_row(self.tr("Field rep"), self.rep, "rep_id")
        self.add_row(self.tr("Day"), self.day, "day")
        self.add_row(self.tr("Why"), self.why, "why")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Flag as priority"))
        self.buttons.setEnabled(False)

        # The account's priorities to come, and removing one's own.
        self.flagged = QListWidget()
        self.flagged.setObjectName("accountPriorities")
        self.flagged.setWordWrap(True)  # a why is a whole line: read it, do not scroll it
        self.flagged.setMaximumHeight(self.flagged.fontMetrics().lineSpacing() * 5 + 12)
        self.flagged.currentItemChanged.connect(self._enable_remove)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removePriority")
        self.remove_button.setToolTip(self.tr("Remove a priority you flagged"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.remove_error = error_label("removePriorityError")
        self.none_label = plain_label(self.tr("None flagged from today on."), name="noPriorities")
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(QLabel(self.tr("Already flagged for this account")))
        column.addWidget(self.none_label)
        column.addWidget(self.flagged)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        column.addLayout(row)
        column.addWidget(self.remove_error)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, listing)

        context.tasks.read(lambda store: list_users(store, Role.FIELD), self._add_reps)
        self.reload()

    # -- the form ---------------------------------------------------------------------
    def _add_reps(self, reps: list[User]) -> None:
        for rep in reps:
            self.rep.addItem(rep.display_name, rep.id)
        self.rep.setCurrentIndex(max(self.rep.findData(self._account.owner_id), 0))
        self.buttons.setEnabled(True)

    def chosen_day(self) -> date:
        day = self.day.date()
        return date(day.year(), day.month(), day.day())

    def refusal(self) -> tuple[str, str] | None:
        if self.rep.currentData() is None:
            return "rep_id", self.tr("Choose the field rep whose day it is.")
        if not self.why.text().strip():
            return "why", self.tr("Say why in one line: the rep reads it on Today.")
        return None

    def work(self) -> Work:
        account_id, rep_id = self._account.id, str(self.rep.currentData())
        day, why = self.chosen_day(), self.why.text()
        return lambda store: flag_priority(store, account_id, rep_id=rep_id, day=day, why=why)

    # -- the account's priorities -----------------------------------------------------
    def reload(self) -> None:
        account_id, since = self._account.id, self._today
        self.context.tasks.read(
            lambda store: account_priorities(store, account_id, since=since),
            self._show_priorities,
            key=f"account-priorities-{account_id}",
        )

    def _show_priorities(self, found: list[AccountPriority]) -> None:
        self.flagged.clear()
        for entry in found:
            day = short_date(date.fromisoformat(entry.priority.day))
            text = fill(
                self.tr("%1 · %2 · %3 (flagged by %4)"),
                day,
                entry.rep_name or "?",
                entry.priority.why,
                entry.flagged_by_name or "?",
            )
            item = QListWidgetItem(text)
            item.setData(PRIORITY_ROLE, entry.priority)
            self.flagged.addItem(item)
        self.flagged.setVisible(bool(found))
        self.none_label.setVisible(not found)
        self._enable_remove()

    def _enable_remove(self) -> None:
        item = self.flagged.currentItem()
        priority = item.data(PRIORITY_ROLE) if item is not None else None
        mine = priority is not None and priority.flagged_by == self.context.user.id
        self.remove_button.setEnabled(mine)

    def remove_current(self) -> None:
        item = self.flagged.currentItem()
        if item is None:
            return
        priority_id = item.data(PRIORITY_ROLE).id
        show_error(self.remove_error, "")
        self.remove_button.setEnabled(False)
        self.context.tasks.write(
            lambda store: remove_priority(store, priority_id),
            self._removed,
            failed=self._remove_failed,
        )

    def _removed(self, _result: object) -> None:
        self.reload()

    def _remove_failed(self, error: Exception) -> None:
        show_error(self.remove_error, describe(error))
        self._enable_remove()
