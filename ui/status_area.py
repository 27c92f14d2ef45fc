"""The permanent, honest status at the bottom of the window.

Online / Offline / Syncing (with a progress bar and counts), how many changes wait to be
sent, how many conflicts and rejected changes need the user (a button that opens the Sync
page), and when the last successful sync finished. It rereads the small sync summary after
every change notice, on the store worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from fieldapp.clock import from_text
from fieldapp.status import SyncStatus, sync_status
from sync.engine import Progress
from ui.changes import CONFLICTS, OUTBOX, REJECTIONS, SYNC_LOG, SYNC_STATE, Changes
from ui.context import AppContext
from ui.formatting import clock_time, fill, relative_time, short_date
from ui.labels import connection_words
from ui.sync_worker import SyncOutcome
from ui.widgets.connection_pill import ConnectionPill


class StatusArea(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._syncing = False
        self._status: SyncStatus | None = None
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connection")
        # The same state as a pill, for the window's header (placed by the main window).
        self.pill = ConnectionPill()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this sync; what was received stays saved"))
        self.cancel_button.clicked.connect(context.sync.cancel)
        self.cancel_button.hide()
        self.pending_label = QLabel()
        self.issues_button = QPushButton()
        self.issues_button.setFlat(True)
        self.issues_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.issues_button.clicked.connect(lambda: context.navigator.page_requested.emit("sync"))
        self.last_sync_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (
            self.connection_label,
            self.progress_bar,
            self.progress_label,
            self.cancel_button,
            self.pending_label,
            self.issues_button,
            self.last_sync_label,
        ):
            layout.addWidget(widget)
        context.notices.changed.connect(self._on_changed)
        context.sync.started.connect(self._on_sync_started)
        context.sync.progress.connect(self._on_progress)
        context.sync.finished.connect(self._on_sync_finished)
        context.sync.connection_changed.connect(lambda _c: self._show())
        # A damaged database is the state that matters: never "Online" as if all were well.
        self.damaged = False
        context.tasks.database_damaged.connect(self._on_damaged)
        context.sync.database_damaged.connect(self._on_damaged)
        self._show()
        self.refresh()

    def refresh(self) -> None:
        self._context.tasks.read(sync_status, self._on_status, key="status-area")

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(OUTBOX, CONFLICTS, REJECTIONS, SYNC_LOG, SYNC_STATE):
            self.refresh()

    def _on_status(self, status: SyncStatus) -> None:
        self._status = status
        self._show()

    def _on_sync_started(self) -> None:
        self._syncing = True
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.progress_label.setText("")
        self._show()

    def _on_progress(self, progress: Progress) -> None:
        phase = self.tr("Sending") if progress.phase == "push" else self.tr("Receiving")
        if progress.total:
            self.progress_bar.setRange(0, progress.total)
            self.progress_bar.setValue(min(progress.done, progress.total))
            self.progress_label.setText(
                fill(self.tr("%1 %2 of %3"), phase, progress.done, progress.total)
            )
        else:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(fill(self.tr("%1 %2"), phase, progress.done))

    def _on_sync_finished(self, outcome: SyncOutcome) -> None:
        self._syncing = False
        self.progress_label.setText(
            "" if outcome.error is None else fill(self.tr("Last sync failed: %1"), outcome.error)
        )
        self.progress_label.setToolTip(outcome.error or "")
        self._show()

    def _on_damaged(self, detail: str) -> None:
        self.damaged = True
        self._syncing = False
        self.connection_label.setToolTip(detail)
        self._show()

    def _show(self) -> None:
        if self.damaged:
            self.connection_label.setText(self.tr("Database damaged"))
            self.connection_label.setProperty("role", "error")
            self.connection_label.style().polish(self.connection_label)
            self.pill.show_state(self._context.sync.connection, syncing=False, damaged=True)
            for widget in (self.progress_bar, self.cancel_button, self.progress_label):
                widget.hide()
            return
        words = connection_words(self._context.sync.connection, self._syncing)
        self.connection_label.setText(words.short)
        self.connection_label.setToolTip(words.detail)
        self.pill.show_state(self._context.sync.connection, syncing=self._syncing)
        self.progress_bar.setVisible(self._syncing)
        self.cancel_button.setVisible(self._syncing)
        status = self._status
        if status is None:
            return
        self.pending_label.setText(self.tr("%n change(s) to send", "", status.pending_mutations))
        issues = status.open_conflicts + status.open_rejections
        self.issues_button.setVisible(issues > 0)
        self.issues_button.setText(self.tr("%n need(s) your attention", "", issues))
        if status.last_sync_at:
            moment = from_text(status.last_sync_at)
            self.last_sync_label.setText(
                fill(self.tr("Last sync: %1"), relative_time(moment, self._context.now()))
            )
            self.last_sync_label.setToolTip(
                f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
            )
        else:
            self.last_sync_label.setText(self.tr("Never synced"))
