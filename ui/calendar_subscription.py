"""The always-current calendar file: ``<profile>/calendar/fieldapp.ics``, rewritten after
each local change to a visit (or to an account a visit names), after each sync, and when
the window opens (the 60 days it keeps slide with the date).

A calendar app subscribed to the file (``fieldapp.exports.ics``) sees every visit this
laptop holds, as the store has it, whether or not a server was reached. The file is
written on the figures worker (its own thread and read connection), never on the GUI
thread and never ahead of the store worker's saves; bursts of changes (a sync writes
page by page) are gathered into one rewrite, and unchanged content is not rewritten.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.exports.ics import refresh_subscribed_calendar, subscribed_calendar_path
from fieldapp.store.database import Store
from ui.changes import Changes
from ui.context import AppContext

log = logging.getLogger(__name__)

# What the file shows: the visits, and the account name and address of each.
SHOWN = ("visits", "accounts")
DELAY_MS = 1000


class CalendarSubscription(QObject):
    written = Signal(bool)  # after each refresh: True when the file's content changed

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: Path = subscribed_calendar_path(context.profile_dir)
        self.problem: str | None = None  # why the last write failed, for the dialog
        self.name = self.tr("FieldApp visits")  # the calendar's name in the calendar app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        context.notices.changed.connect(self._on_changed)
        context.sync.finished.connect(self._on_synced)
        self.timer.start()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.timer.start()

    def _on_synced(self, _outcome: object) -> None:
        self.timer.start()

    def refresh(self) -> None:
        """Rewrite the file now (on the figures worker) if its visits changed."""
        self.timer.stop()
        profile, name = self.context.profile_dir, self.name

        def work(store: Store) -> bool:
            return refresh_subscribed_calendar(store, profile, name=name)

        self.context.figures.read(work, self._written, failed=self._failed, key="calendar-file")

    def _written(self, changed: bool) -> None:
        self.problem = None
        self.written.emit(changed)

    def _failed(self, error: Exception) -> None:
        # A full disk or a read-only folder: said in the subscription dialog, and logged;
        # the next change tries again.
        self.problem = (
            error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        )
        log.warning("the subscribed calendar %s could not be written: %s", self.path, error)
        self.written.emit(False)
