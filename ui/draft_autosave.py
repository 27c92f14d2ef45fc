"""Autosave of a form's draft: a few seconds after a change, on every focus change, on close.

The promise is "a crash loses at most the last few seconds of typing". A timer started by
the first unsaved change (not restarted by later ones, so steady typing still saves every
interval) bounds that; leaving a field or the window saves at once. Writes go through the
store worker like every other write, so saving never blocks typing.

A revision number tells what is unsaved: each change bumps it, a save records the revision
it captured, so a keystroke typed while a save is under way is still unsaved afterwards.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.store.database import Store
from ui.tasks import Tasks, describe

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 3000
# The work that saves the draft, built on the GUI thread from the form's current values.
DraftWork = Callable[[Store], Any]


class Autosave(QObject):
    saved = Signal(object)  # what the write returned
    failed = Signal(str)  # a sentence for the user

    def __init__(
        self,
        tasks: Tasks,
        window: QWidget,
        snapshot: Callable[[], DraftWork],
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self._tasks = tasks
        self._window = window
        self._snapshot = snapshot
        self._revision = 0
        self._saved_revision = 0
        self._in_flight = 0
        self._paused = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def dirty(self) -> bool:
        return self._revision != self._saved_revision

    @property
    def saving(self) -> bool:
        """A draft write is queued or running."""
        return self._in_flight > 0

    def mark_changed(self) -> None:
        self._revision += 1
        if not self._paused and not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        """Save now if anything is unsaved."""
        self.timer.stop()
        if self._paused or not self.dirty:
            return
        revision = self._revision
        work = self._snapshot()
        self._saved_revision = revision
        self._in_flight += 1
        self._tasks.write(
            work,
            lambda result: self._done(result),
            failed=lambda error: self._failed(revision, error),
        )

    def claim(self) -> int:
        """The form is being saved for real: nothing to autosave until it changes again.

        Returns a token for ``release`` should that save be refused.
        """
        self.timer.stop()
        self._saved_revision = self._revision
        return self._revision

    def release(self, token: int) -> None:
        """The real save was refused: what it covered is unsaved again."""
        if self._saved_revision == token:
            self._saved_revision = -1
            if not self._paused:
                self.timer.start()

    def pause(self) -> None:
        self._paused = True
        self.timer.stop()

    def resume(self) -> None:
        self._paused = False
        if self.dirty:
            self.timer.start()

    def _done(self, result: Any) -> None:
        self._in_flight -= 1
        self.saved.emit(result)

    def _failed(self, revision: int, error: Exception) -> None:
        self._in_flight -= 1
        log.warning("a draft could not be saved: %s", error)
        if self._saved_revision == revision:
            self._saved_revision = -1  # still unsaved: the next change or focus move retries
        self.failed.emit(describe(error))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving any input of the window (for another field, or another application).
        if old is not None and old is not self._window and self._window.isAncestorOf(old):
            self.flush()
