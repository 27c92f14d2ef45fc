"""Signing a profile in: server address, username, password.

The check with the server runs on a thread (the dialog stays responsive and can be
cancelled); the password lives only in the field and the request, never in a file or a
log. The refresh token goes to the OS keyring; without one the dialog says, in one
sentence, that the sign-in lasts until the app quits, and the signed-in backend is kept
in memory for the sync worker.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.store.database import open_store
from sync.errors import AuthenticationError, OfflineError
from sync.http_backend import HttpBackend
from sync.session import (
    SERVER_URL_KEY,
    USERNAME_KEY,
    Authenticated,
    authenticate,
    check_profile_is_free,
    remember_sign_in,
)
from ui import error_words
from ui.formatting import fill
from ui.network_lane import NetworkLane

log = logging.getLogger(__name__)

# "(ConnectionError)", "(KeyringError)": a class name the core adds for the log's reader.
_CLASS_NAME = re.compile(r"\s*\((?:[A-Za-z_.]+(?:Error|Exception|Warning))\)")


def without_class_names(text: str) -> str:
    return _CLASS_NAME.sub("", text)


class SignInDialog(QDialog):
    signed_in = Signal(object)  # the signed-in HttpBackend

    def __init__(
        self, profile_dir: Path, parent: QWidget | None = None, *, reason: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to FieldApp"))
        self._profile_dir = profile_dir
        self.backend: HttpBackend | None = None
        self.warning: str | None = None
        # Before any window there is no Tasks: the dialog has a network lane of its own.
        self._lane = NetworkLane(self)
        self._url = ""

        self.server_field = QLineEdit()
        self.server_field.setObjectName("serverUrl")
        self.server_field.setPlaceholderText("https://crm.example.com")
        self.username_field = QLineEdit()
        self.username_field.setObjectName("username")
        self.password_field = QLineEdit()
        self.password_field.setObjectName("password")
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.server_field, self.username_field, self.password_field):
            field.setMinimumWidth(280)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        # The message takes the height it needs (a wrapped label), and the dialog grows
        # for it: the fields keep their own height whatever the message says.
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server_field)
        form.addRow(self.tr("Username"), self.username_field)
        form.addRow(self.tr("Password"), self.password_field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._prefill()
        if reason:
            self.show_message(reason)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.adjustSize()  # grow (never shrink the fields) to show the whole sentence

    def error_text(self, error: Exception, url: str) -> str:
        """What went wrong, in the window's words: never a class name or a CLI command."""
        if isinstance(error, AuthenticationError):
            # The server answers a wrong password and an unknown user alike (no probing).
            return self.tr("The username or password is wrong.")
        if isinstance(error, OfflineError):
            return fill(
                self.tr(
                    "Cannot reach the server at %1. Check the address and your connection,"
                    " then try again."
                ),
                url,
            )
        if isinstance(error, FieldAppError):
            return without_class_names(error_words.sentence(error))
        log.error("signing in failed", exc_info=error)
        return self.tr("Signing in failed unexpectedly. Details are in the log file.")

    def _prefill(self) -> None:
        # What the profile already knows (never a secret); a quick read of a small table.
        try:
            with open_store(self._profile_dir, create=True) as store:
                self.server_field.setText(store.profile_value(SERVER_URL_KEY) or "")
                self.username_field.setText(store.profile_value(USERNAME_KEY) or "")
        except Exception as exc:  # a damaged profile: say so, the button will say it again
            self.show_message(self.error_text(exc, ""))
        (self.password_field if self.username_field.text() else self.server_field).setFocus()

    def _sign_in(self) -> None:
        if self.backend is not None:  # signed in, the user has read the warning
            self.accept()
            return
        url = self.server_field.text().strip().rstrip("/")
        username = self.username_field.text().strip()
        password = self.password_field.text()
        if not url or not username or not password:
            self.show_message(self.tr("Give the server address, your username and password."))
            return
        try:  # a quick read of a small table, as _prefill does
            with open_store(self._profile_dir, create=True) as store:
                check_profile_is_free(store, url, username)
        except Exception as exc:
            self.show_message(self.error_text(exc, url))
            return
        self.sign_in_button.setEnabled(False)
        self._url = url
        self.show_message(self.tr("Signing in…"))
        # The server's half on the network lane; the result comes back as a value.
        self._lane.run(
            lambda: authenticate(HttpBackend(url), username, password),
            self._authenticated,
            failed=self._failed,
        )

    def _authenticated(self, done: Authenticated) -> None:
        try:
            with open_store(self._profile_dir, create=True) as store:
                result = remember_sign_in(store, self._url, done)
        except Exception as exc:
            self._failed(exc)
            return
        self.password_field.clear()
        self.sign_in_button.setEnabled(True)
        self.backend = done.backend
        self._finished(result.warning)

    def _failed(self, error: Exception) -> None:
        self.password_field.clear()
        self.sign_in_button.setEnabled(True)
        self.show_message(self.error_text(error, self._url))
        self.password_field.setFocus()

    def _finished(self, warning: str | None) -> None:
        self.signed_in.emit(self.backend)
        if warning:
            self.warning = warning
            # The only warning a sign-in gives: no keyring (sync.credentials.NO_KEYRING),
            # said in the window's language and in what the window will do.
            self.show_message(
                self.tr(
                    "This computer has no secure password store (keyring), so FieldApp"
                    " cannot remember your sign-in: it will ask for your password when it"
                    " syncs after a restart."
                )
            )
            self.sign_in_button.setText(self.tr("Continue"))
            return
        self.accept()
