"""The refresh token lives in the OS keyring, and only there.

Where no keyring backend exists (a headless Linux box without Secret Service, say), we
say so in one sentence and keep the token in memory for this run only: never in the
database, a settings file or a log.
"""

from __future__ import annotations

import logging

import keyring
import keyring.backends.fail
import keyring.errors

from sync.errors import NoKeyringError

log = logging.getLogger(__name__)

SERVICE = "FieldApp"
NO_KEYRING = (
    "This computer has no secure password store (keyring), so FieldApp cannot remember"
    " your sign-in: you will be asked for your password each time you sync."
)


def _account(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, keyring.backends.fail.Keyring) and backend.priority > 0


def save_refresh_token(server_url: str, username: str, token: str) -> None:
    if not keyring_available():
        raise NoKeyringError("sync.no_keyring")
    try:
        keyring.set_password(SERVICE, _account(server_url, username), token)
    except keyring.errors.KeyringError as exc:
        raise NoKeyringError("sync.no_keyring_because", problem=type(exc).__name__) from None


def load_refresh_token(server_url: str, username: str) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, _account(server_url, username))
    except keyring.errors.KeyringError:
        log.warning("the keyring could not be read")
        return None


def forget_refresh_token(server_url: str, username: str) -> None:
    if not keyring_available():
        return
    try:
        keyring.delete_password(SERVICE, _account(server_url, username))
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already forgotten
    except keyring.errors.KeyringError:
        log.warning("the keyring could not be cleared")
