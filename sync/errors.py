"""What can go wrong while syncing, each as a code of ``fieldapp.error_codes``."""

from __future__ import annotations

from fieldapp.error_codes import Given, Param
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
    """The server asked us to wait longer than one cycle is willing to.

    ``refused_as`` is the error body's coarse code when it gave one: ``rate_limited`` at a
    sign-in means too many failed sign-ins, not a busy server."""

    def __init__(
        self, code: str, retry_after: float, refused_as: str | None = None, /, **params: Given
    ) -> None:
        super().__init__(code, retry_after=retry_after, **params)
        self.retry_after = retry_after
        self.refused_as = refused_as


class SyncAlreadyRunningError(SyncError):
    """Another process (the window, a terminal) is syncing this profile right now."""


class ServerRefusedError(SyncError):
    """The server refused a request with a 4xx answer (other than 401, 429).

    The error's own code frames it (``sync.server_refused_request``: "The server refused the
    request (400): ..."), with the server's English sentence as ``value`` for the CLI and
    logs; ``reason_code`` and ``reason_params`` are the server's reason as a code of the
    catalogue, for the window to word the reason too in its user's language. They are None
    and {} when the server sent only a sentence (an older server) or a code this version
    does not know."""

    def __init__(
        self,
        code: str,
        status: int,
        reason_code: str | None,
        reason_params: dict[str, Param],
        /,
        **params: Given,
    ) -> None:
        super().__init__(code, status=status, **params)
        self.status = status
        self.reason_code = reason_code
        self.reason_params = reason_params


class InvalidCursorError(ServerRefusedError):
    """The server cannot continue the feed from our cursor (e.g. the user's scope changed)."""


class NoKeyringError(FieldAppError):
    """No secure credential store exists on this computer."""
