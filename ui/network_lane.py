"""Network calls off the GUI thread and off the store thread: one worker of their own.

Signing in, revoking a sign-in and probing the server each wait on the network, for up
to a request's timeouts and retries. On the store thread they would hold up every read
and write queued behind them (the window froze on "Sign out" while the server was
unreachable); in a raw thread of their own, nothing would join them at exit and they
would hand results back by setting attributes the GUI thread reads. The lane runs them
one at a time, in order, on a daemon thread, and hands each result (or error) to a
callback on the GUI thread through a queued Qt signal.

``Tasks`` owns the window's lane (``Tasks.network``); a dialog that runs before any
window (the first sign-in) makes one of its own.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from fieldapp.errors import FieldAppError

log = logging.getLogger(__name__)

T = TypeVar("T")
Failed = Callable[[Exception], None]


@dataclass
class _Call:
    work: Callable[[], Any]
    done: Callable[[Any], None] | None
    failed: Failed | None


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    finished = Signal(object, object, object)  # call, result, error


class NetworkLane(QObject):
    """One worker thread for the window's network calls."""

    # A failure no callback handles (the owner turns it into a sentence for the window).
    unhandled = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[_Call | None] = queue.Queue()
        self._outstanding = 0
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._work, name="fieldapp-network", daemon=True)
        self._thread.start()

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Failed | None = None,
    ) -> None:
        """Run ``work`` on the lane; ``done(result)`` or ``failed(error)`` on the GUI thread."""
        self._outstanding += 1
        self._queue.put(_Call(work, done, failed))

    @property
    def outstanding(self) -> int:
        """Calls queued or running whose callbacks have not run yet."""
        return self._outstanding

    def close(self, timeout: float = 10.0) -> None:
        """Let the queued calls finish (each is bounded by its own timeouts), then stop."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    def _deliver(self, call: _Call, result: Any, error: Exception | None) -> None:
        self._outstanding -= 1
        if error is None:
            if call.done is not None:
                call.done(result)
        elif call.failed is not None:
            call.failed(error)
        else:
            self.unhandled.emit(error)

    def _work(self) -> None:
        while (call := self._queue.get()) is not None:
            try:
                result = call.work()
            except Exception as exc:
                if not isinstance(exc, FieldAppError):
                    log.exception("a network call failed")
                self._relay.finished.emit(call, None, exc)
            else:
                self._relay.finished.emit(call, result, None)
