"""What can go wrong while syncing, each as a code of ``fieldapp.error_codes``."""

from __future__ import annotations

from fieldapp.error_codes import Given
from fieldapp.errors import FieldAppError


class SyncError(FieldAppError):
    """A sync cycle could not finish; local data is intact and the next cycle retries."""


class OfflineError(SyncError):
    """The server could not be reached (no network, DNS, refused, timed out)."""


class AuthenticationError(SyncError):
    """The server does not accept our credentials: the user must sign in again."""


class ProtocolError(SyncError):
    """The server's answer is malformed, truncated, wrongly typed or too large."""


class ServerBusyError(SyncError):
    """The server asked us to wait longer than one cycle is willing to."""

    def __init__(self, code: str, retry_after: float, /, **params: Given) -> None:
        super().__init__(code, retry_after=retry_after, **params)
        self.retry_after = retry_after


class SyncAlreadyRunningError(SyncError):
    """Another process (the window, a terminal) is syncing this profile right now."""


class InvalidCursorError(SyncError):
    """The server cannot continue the feed from our cursor (e.g. the user's scope changed)."""


class NoKeyringError(FieldAppError):
    """No secure credential store exists on this computer."""
