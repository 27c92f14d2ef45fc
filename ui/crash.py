"""Unexpected errors: logged with their traceback, then shown as a readable dialog.

Without this, an exception raised in a Qt slot is printed to a console the user never
sees, and the window may carry on in a half-broken state or vanish. The hook writes the
traceback to the log file and tells the user what happened and where the details are.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.logs import FILE_ONLY, log_dir
from ui.formatting import fill

log = logging.getLogger(__name__)


class _Relay(QObject):
    show = Signal(str)


class CrashReporter:
    """Installs ``sys.excepthook`` and ``threading.excepthook``; ``uninstall`` restores them."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._relay = _Relay()
        self._relay.show.connect(self._show)
        self._previous = sys.excepthook, threading.excepthook
        self._open: list[QMessageBox] = []
        self.shown: list[str] = []  # what the user was told, in order (tests read it)

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _hook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._app.quit()
            return
        log.error("unexpected error", exc_info=(kind, error, traceback), extra=FILE_ONLY)
        # Queued: the hook may run on any thread, the dialog must open on the GUI thread.
        self._relay.show.emit(f"{kind.__name__}: {error}")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self._hook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str) -> None:
        self.shown.append(summary)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("CrashReporter", "FieldApp ran into a problem"),
            fill(
                QCoreApplication.translate(
                    "CrashReporter",
                    "Something unexpected happened. Your saved work is safe in the local"
                    " database; if a form was open, its draft is kept.\n\n%1\n\n"
                    "The details are in the log file in %2.",
                ),
                summary,
                log_dir(),
            ),
        )
        box.setObjectName("crashDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _r, b=box: self._open.remove(b))
        self._open.append(box)  # a parentless dialog lives only while referenced
        box.open()  # not exec(): a modal loop inside a failing slot could fail again
