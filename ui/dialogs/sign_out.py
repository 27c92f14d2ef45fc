"""Signing out: forget the sign-in, and optionally this laptop's copy of the data.

Signing out never silently discards work. The dialog says how many changes have not been
sent; keeping the data keeps them (they are sent after the next sign-in as the same
user); removing the data with unsent changes needs an explicit "discard" tick, and the
Sign out button stays disabled until it is ticked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.profiles import remove_local_copy
from fieldapp.status import SyncStatus, sync_status
from sync.session import SignedIn, end_sign_in, signed_in_as
from ui.context import AppContext
from ui.formatting import fill
from ui.tasks import describe


class SignOutDialog(QDialog):
    def __init__(self, status: SyncStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOutDialog")
        self.setWindowTitle(self.tr("Sign out"))
        self.pending = status.pending_mutations
        who = status.signed_in_as or "?"
        intro = QLabel(fill(self.tr("You are signed in as %1."), who))
        self.pending_label = QLabel(
            self.tr(
                "%n change(s) have not been sent to the server yet. Sync first to send them.",
                "",
                self.pending,
            )
        )
        self.pending_label.setWordWrap(True)
        self.pending_label.setVisible(self.pending > 0)
        self.remove_data = QCheckBox(
            self.tr("Also remove this laptop's copy of the accounts, visits and notes")
        )
        self.remove_data.setObjectName("removeData")
        self.discard = QCheckBox(self.tr("Discard the %n unsent change(s)", "", self.pending))
        self.discard.setObjectName("discardUnsent")
        self.discard.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sync_button = QPushButton(self.tr("Sync first"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("confirmSignOut")
        self.buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.sync_button.setVisible(self.pending > 0)
        self.buttons.rejected.connect(self.reject)
        self.sign_out_button.clicked.connect(self.accept)
        self.remove_data.toggled.connect(self._update)
        self.discard.toggled.connect(self._update)
        self.error = QLabel()
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (intro, self.pending_label, self.remove_data, self.discard, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self._update()

    @property
    def loses_changes(self) -> bool:
        return self.remove_data.isChecked() and self.pending > 0

    def _update(self) -> None:
        self.discard.setVisible(self.loses_changes)
        self.sign_out_button.setEnabled(not self.loses_changes or self.discard.isChecked())


class SignOutFlow:
    """Read the unsent count, ask, then sign out (and remove the data if asked)."""

    def __init__(
        self, context: AppContext, parent: QWidget | None, on_signed_out: Callable[[], None]
    ) -> None:
        self._context = context
        self._parent = parent
        self._on_signed_out = on_signed_out
        self.dialog: SignOutDialog | None = None

    def start(self) -> None:
        self._context.tasks.read(sync_status, self._ask)

    def _ask(self, status: SyncStatus) -> None:
        dialog = SignOutDialog(status, self._parent)
        dialog.sync_button.clicked.connect(self._sync_first)
        dialog.accepted.connect(self._confirmed)
        self.dialog = dialog
        dialog.open()

    def _sync_first(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self._context.sync.sync_now()

    def _confirmed(self) -> None:
        assert self.dialog is not None
        remove = self.dialog.remove_data.isChecked()
        self._context.tasks.read(
            signed_in_as, lambda account: self._end(account, remove), failed=self._failed
        )

    def _end(self, account: SignedIn | None, remove: bool) -> None:
        if account is None:
            self._signed_out(remove)
            return
        # The revoke waits on the server (timeouts, retries): never on the store thread.
        self._context.tasks.network(
            lambda: end_sign_in(account), lambda _r: self._signed_out(remove), failed=self._failed
        )

    def _failed(self, error: Exception) -> None:
        if self.dialog is not None:
            self.dialog.error.setText(describe(error))
            self.dialog.open()

    def _signed_out(self, remove: bool) -> None:
        if remove:
            # Every connection closes first: the workers hold the file open.
            self._context.close()
            remove_local_copy(self._context.profile_dir)
        self._on_signed_out()
