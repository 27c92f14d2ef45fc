"""Starting Qt, and stopping it cleanly on SIGTERM/SIGINT.

``start_qt`` creates the ``QApplication`` before anything else runs (before the profile
is opened, before ``fieldapp demo`` starts its server). When Qt cannot start, because a
system library is missing (the PySide6 import fails) or no platform plugin loads (Qt
would print a long message and ``abort()``), the user gets one line naming the packages
to install and the README section, exit code 1, no traceback and no core dump.

``QuitOnSignals`` turns SIGTERM and SIGINT into a normal end of the event loop, so the
window's drafts are saved, the profile is closed and the demo server stops. Python runs a
signal handler only when the interpreter gets control, which it does not while Qt waits
for events; ``signal.set_wakeup_fd`` writes a byte to a socket that a ``QSocketNotifier``
watches, which wakes the loop and lets the handler run at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any

from fieldapp.error_codes import Param, english
from fieldapp.errors import FieldAppError
from fieldapp.logs import FILE_ONLY

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QSocketNotifier, QtMsgType
    from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

# What PySide6's xcb platform plugin and its libraries need on Debian/Ubuntu beyond a
# desktop's usual set (ldd of plugins/platforms/libqxcb.so and libQt6XcbQpa.so.6 with
# PySide6 6.11, and Qt's "Qt for X11 Requirements"). README.md lists the same packages.
QT_PACKAGES = (
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-randr0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxcb-util1",
    "libx11-xcb1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
)
README_SECTION = 'README.md, "If the window does not open"'
EX_QT_FAILED = 1


class QtUnavailableError(FieldAppError):
    """Qt cannot start on this computer; the message names what to install."""


def qt_problem(detail: str) -> str:
    """The one line the user reads when the window cannot open."""
    return english("startup.qt_could_not_start", _qt_params(detail))


def _qt_params(detail: str) -> dict[str, Param]:
    return {"detail": detail, "packages": " ".join(QT_PACKAGES), "section": README_SECTION}


def import_qt() -> None:
    """Import PySide6's widgets, or raise ``QtUnavailableError`` naming what is missing."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as exc:
        log.info("PySide6 cannot be imported: %s", exc, extra=FILE_ONLY)
        raise QtUnavailableError(
            "startup.qt_could_not_start", **_qt_params(str(exc).splitlines()[0])
        ) from None


def start_qt(argv: list[str] | None = None) -> QApplication:
    """The app's ``QApplication``, created now; on failure one line and exit 1.

    Qt reports a platform plugin it cannot load as a fatal message and then aborts the
    process: the message handler below runs first, logs Qt's details to the log file,
    prints the line and leaves with ``os._exit`` (an exception cannot cross Qt's abort).
    """
    import_qt()
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    said: list[tuple[QtMsgType, str]] = []

    def during_start(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        said.append((kind, message))
        if kind == QtMsgType.QtFatalMsg:
            for _kind, line in said:
                log.error("Qt: %s", line, extra=FILE_ONLY)
            detail = "no Qt platform plugin could be loaded"
            plugin = os.environ.get("QT_QPA_PLATFORM")
            if plugin:
                detail += f"; QT_QPA_PLATFORM={plugin}"
            print(f"fieldapp: error: {qt_problem(detail)}", file=sys.stderr, flush=True)
            logging.shutdown()
            os._exit(EX_QT_FAILED)

    qInstallMessageHandler(during_start)
    try:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    finally:
        qInstallMessageHandler(None)  # Qt's own handler again once it runs
    for kind, message in said:  # a warning while starting still reaches the log
        level = logging.WARNING if kind != QtMsgType.QtInfoMsg else logging.INFO
        log.log(level, "Qt: %s", message)
    return app


class QuitOnSignals:
    """While entered, SIGTERM and SIGINT end the Qt event loop (exit code 128 + signal).

    Outside an event loop (the demo preparing its server, the profile being read) the
    signal raises ``KeyboardInterrupt`` instead, which every caller already cleans up
    after; inside one, the loop ends and ``exit_code`` reports the signal.
    """

    SIGNALS = (signal.SIGTERM, signal.SIGINT)

    def __init__(self) -> None:
        self.received: int | None = None
        self._previous: dict[int, Any] = {}
        self._previous_fd = -1
        self._pair: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None

    def __enter__(self) -> QuitOnSignals:
        from PySide6.QtCore import QSocketNotifier

        reader, writer = socket.socketpair()
        reader.setblocking(False)
        writer.setblocking(False)
        self._pair = reader, writer
        self._previous_fd = signal.set_wakeup_fd(writer.fileno())
        self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        for number in self.SIGNALS:
            self._previous[number] = signal.signal(number, self._handle)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for number, previous in self._previous.items():
            signal.signal(number, previous)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._pair is not None:
            for end in self._pair:
                end.close()
            self._pair = None

    def exit_code(self, code: int) -> int:
        return 128 + self.received if self.received is not None else code

    def _handle(self, number: int, _frame: FrameType | None) -> None:
        from PySide6.QtCore import QThread
        from PySide6.QtWidgets import QApplication

        self.received = number
        log.info("%s received: closing FieldApp", signal.Signals(number).name)
        app = QApplication.instance()
        thread = QThread.currentThread()
        if app is not None and thread is not None and thread.loopLevel() > 0:
            app.exit(128 + number)  # every running loop ends, dialogs' too
        else:
            raise KeyboardInterrupt

    def _drain(self) -> None:
        # The byte's only job was to wake the loop; the Python handler has already run.
        if self._pair is not None:
            with contextlib.suppress(BlockingIOError, InterruptedError):
                while self._pair[0].recv(512):
                    pass
