"""The Sync page: what waits to be sent, what sync could not settle, and what each cycle did.

A header says whether the app is online, when it last synced and why the last cycle
failed, with "Sync now" (F5 anywhere) and Cancel while a cycle runs. Four tabs follow:
pending changes (the outbox), conflicts, rejected changes and the sync log, each a table
over ``fieldapp.usecases.sync_overview`` with its count in the tab's title. Enter or a
double-click on a conflict or a rejected change opens the dialog that settles it.

Every read runs on the store worker; each list reloads when a change notice says its
data changed (a sync ends with notices for all of them).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.status import sync_status
from fieldapp.store.database import Store
from fieldapp.store.schema import COLLECTIONS
from fieldapp.store.syncbook import outbox_size
from fieldapp.usecases.sync_overview import (
    ConflictItem,
    PendingChange,
    RejectionItem,
    SyncRun,
    conflicts_to_resolve,
    pending_changes,
    rejections_to_handle,
    sync_log,
)
from sync.engine import Progress
from ui.changes import CONFLICTS, OUTBOX, REJECTIONS, SYNC_LOG, Changes
from ui.context import AppContext
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.rejection_dialog import RejectionDialog
from ui.formatting import fill, relative_time
from ui.labels import connection_words, plain_label
from ui.models.sync_models import (
    C_MINE,
    C_RECORD,
    C_THEIRS,
    FIELDS,
    ITEM_ROLE,
    L_ERROR,
    R_REASON,
    R_RECORD,
    RECORD,
    ConflictsModel,
    PendingChangesModel,
    RejectionsModel,
    SyncLogModel,
    SyncTableModel,
)
from ui.sync_worker import SyncOutcome
from ui.widgets.styling import primary

PAGE_SIZE = 500  # pending changes read at a time; more as the list is scrolled
PENDING_TAB, CONFLICTS_TAB, REJECTIONS_TAB, LOG_TAB = range(4)


def _table(name: str, model: SyncTableModel, stretch: tuple[int, ...]) -> QTableView:
    """A read-only table; the ``stretch`` columns (people's words) share the width, the
    others (kinds, times, counts) take what their contents need."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return view


class SyncPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.context = context
        self.dialog: QDialog | None = None
        self._syncing = context.sync.running
        self._last_error: str | None = None
        self._cancelled = False  # the last cycle was stopped by the user, not by a failure
        self._heard_outcome = False  # once a cycle ended here, its error is the one to show
        self._last_sync_at: str | None = None
        self._pending_total = 0

        self.connection_label = plain_label(name="syncConnection")
        heading = QFont(self.connection_label.font())
        heading.setBold(True)
        self.connection_label.setFont(heading)
        self.connection_detail = plain_label(name="syncConnectionDetail")
        self.last_sync_label = plain_label(name="syncLastSuccess")
        self.progress_label = plain_label(name="syncProgress")
        # Also says that the last sync was cancelled, which is no error: not in red.
        self.error_label = plain_label(name="syncError")
        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setToolTip(self.tr("Send pending changes and receive others' (F5)"))
        self.sync_button.clicked.connect(context.sync.sync_now)
        primary(self.sync_button)  # the page's one primary action
        self.cancel_button = QPushButton(self.tr("&Cancel sync"))
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.setToolTip(self.tr("Stop this sync; what was received stays saved"))
        self.cancel_button.clicked.connect(self._cancel)

        self.pending_model = PendingChangesModel()
        self.conflicts_model = ConflictsModel()
        self.rejections_model = RejectionsModel()
        self.log_model = SyncLogModel()
        self.pending_view = _table("pendingChanges", self.pending_model, (RECORD, FIELDS))
        self.conflicts_view = _table(
            "conflicts", self.conflicts_model, (C_RECORD, C_MINE, C_THEIRS)
        )
        self.rejections_view = _table(
            "rejectedChanges", self.rejections_model, (R_RECORD, R_REASON)
        )
        self.log_view = _table("syncLog", self.log_model, (L_ERROR,))
        self.pending_view.verticalScrollBar().valueChanged.connect(self._maybe_fetch_more)
        self.conflicts_view.activated.connect(self.open_conflict)
        self.rejections_view.activated.connect(self.open_rejection)
        self.resolve_button = QPushButton(self.tr("&Resolve…"))
        self.resolve_button.setObjectName("resolveConflict")
        self.resolve_button.clicked.connect(
            lambda: self.open_conflict(self.conflicts_view.currentIndex())
        )
        self.handle_button = QPushButton(self.tr("Correct or &discard…"))
        self.handle_button.setObjectName("handleRejection")
        self.handle_button.clicked.connect(
            lambda: self.open_rejection(self.rejections_view.currentIndex())
        )
        self.pending_summary = plain_label()
        self.conflicts_summary = plain_label()
        self.rejections_summary = plain_label()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self._layout()

        context.notices.changed.connect(self._on_changed)
        context.sync.started.connect(self._on_sync_started)
        context.sync.progress.connect(self._on_progress)
        context.sync.finished.connect(self._on_sync_finished)
        context.sync.connection_changed.connect(lambda _c: self._show_header())
        self._show_header()
        self._show_counts()
        self.reload()

    def _layout(self) -> None:
        status = QVBoxLayout()
        status.addWidget(self.connection_label)
        status.addWidget(self.connection_detail)
        status.addWidget(self.last_sync_label)
        status.addWidget(self.progress_label)
        status.addWidget(self.error_label)
        header = QHBoxLayout()
        header.addLayout(status, 1)
        header.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)

        def tab(summary: QLabel, view: QTableView, button: QPushButton | None = None) -> QWidget:
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.addWidget(summary)
            layout.addWidget(view, 1)
            if button is not None:
                row = QHBoxLayout()
                row.addStretch(1)
                row.addWidget(button)
                layout.addLayout(row)
            return page

        self.tabs.addTab(tab(self.pending_summary, self.pending_view), "")
        self.tabs.addTab(tab(self.conflicts_summary, self.conflicts_view, self.resolve_button), "")
        self.tabs.addTab(tab(self.rejections_summary, self.rejections_view, self.handle_button), "")
        log_page = QWidget()
        QVBoxLayout(log_page).addWidget(self.log_view)
        self.tabs.addTab(log_page, "")
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        self._load_pending()
        self._load_conflicts()
        self._load_rejections()
        self._load_log()

    def _on_changed(self, changes: Changes) -> None:
        records = changes.touches(*COLLECTIONS)  # names in the lists may have changed
        if records or changes.touches(OUTBOX):
            self._load_pending()
        if records or changes.touches(CONFLICTS):
            self._load_conflicts()
        if records or changes.touches(REJECTIONS):
            self._load_rejections()
        if changes.touches(SYNC_LOG):
            self._load_log()

    def _load_pending(self) -> None:
        # Keep as many rows as are shown, so a refresh does not shorten a scrolled list.
        limit = max(PAGE_SIZE, self.pending_model.rowCount())

        def read(store: Store) -> tuple[list[PendingChange], int]:
            return pending_changes(store, limit), outbox_size(store)

        self.context.tasks.read(read, self._pending_loaded, key="sync-page-pending")

    def _pending_loaded(self, loaded: tuple[list[PendingChange], int]) -> None:
        items, self._pending_total = loaded
        self.pending_model.set_items(items)
        self._show_counts()

    def _maybe_fetch_more(self, value: int) -> None:
        bar = self.pending_view.verticalScrollBar()
        shown = self.pending_model.rowCount()
        if shown >= self._pending_total or value < bar.maximum() - 2:
            return
        after = self.pending_model.last_seq
        self.context.tasks.read(
            lambda store: pending_changes(store, PAGE_SIZE, after),
            self._more_pending,
            key="sync-page-more",
        )

    def _more_pending(self, page: list[PendingChange]) -> None:
        known = {item.mutation_id for item in self.pending_model.items}
        fresh = [item for item in page if item.mutation_id not in known]
        self.pending_model.set_items([*self.pending_model.items, *fresh])

    def _load_conflicts(self) -> None:
        self.context.tasks.read(
            conflicts_to_resolve, self._conflicts_loaded, key="sync-page-conflicts"
        )

    def _conflicts_loaded(self, items: list[ConflictItem]) -> None:
        self.conflicts_model.set_items(items)
        self._select_some_row(self.conflicts_view)
        self._show_counts()

    def _load_rejections(self) -> None:
        self.context.tasks.read(
            rejections_to_handle, self._rejections_loaded, key="sync-page-rejections"
        )

    def _rejections_loaded(self, items: list[RejectionItem]) -> None:
        self.rejections_model.set_items(items)
        self._select_some_row(self.rejections_view)
        self._show_counts()

    def _load_log(self) -> None:
        def read(store: Store) -> tuple[list[SyncRun], str | None]:
            return sync_log(store), sync_status(store).last_sync_at

        self.context.tasks.read(read, self._log_loaded, key="sync-page-log")

    def _log_loaded(self, loaded: tuple[list[SyncRun], str | None]) -> None:
        runs, self._last_sync_at = loaded
        self.log_model.set_items(runs)
        if not self._heard_outcome and runs and runs[0].finished_at is not None:
            # Before any cycle ran in this session, the log tells why the last one failed.
            self._last_error = runs[0].error
        self._show_header()

    @staticmethod
    def _select_some_row(view: QTableView) -> None:
        """Keep a current row, so Enter and the action button work without a click."""
        model = view.model()
        if model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))

    # -- what the page says -----------------------------------------------------------
    def _show_counts(self) -> None:
        pending = self._pending_total
        conflicts = self.conflicts_model.rowCount()
        rejections = self.rejections_model.rowCount()
        titles = (
            fill(self.tr("Pending changes (%1)"), pending)
            if pending
            else self.tr("Pending changes"),
            fill(self.tr("Conflicts (%1)"), conflicts) if conflicts else self.tr("Conflicts"),
            fill(self.tr("Rejected changes (%1)"), rejections)
            if rejections
            else self.tr("Rejected changes"),
            self.tr("Sync log"),
        )
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.pending_summary.setText(
            self.tr("%n change(s) wait to be sent, in this order.", "", pending)
            if pending
            else self.tr("Nothing waits to be sent: every change reached the server.")
        )
        self.conflicts_summary.setText(
            self.tr(
                "Someone else changed the same field. Press Enter or double-click to"
                " choose which value stays."
            )
            if conflicts
            else self.tr("No conflicts.")
        )
        self.rejections_summary.setText(
            self.tr(
                "The server refused these changes. Press Enter or double-click to correct"
                " and retry, or discard."
            )
            if rejections
            else self.tr("No refused changes.")
        )
        self.resolve_button.setEnabled(conflicts > 0)
        self.handle_button.setEnabled(rejections > 0)

    def _show_header(self) -> None:
        words = connection_words(self.context.sync.connection, self._syncing)
        self.connection_label.setText(words.short)
        self.connection_detail.setText(words.detail)
        if self._last_sync_at:
            moment = from_text(self._last_sync_at)
            self.last_sync_label.setText(
                fill(self.tr("Last successful sync: %1"), relative_time(moment, self.context.now()))
            )
        else:
            self.last_sync_label.setText(self.tr("Never synced"))
        if self._cancelled:
            problem = self.tr("The last sync was cancelled; everything received so far is saved.")
        elif self._last_error:
            problem = fill(self.tr("Last sync failed: %1"), self._last_error)
        else:
            problem = ""
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        self.progress_label.setVisible(self._syncing)
        self.sync_button.setEnabled(not self._syncing)
        self.cancel_button.setVisible(self._syncing)

    # -- sync -------------------------------------------------------------------------
    def _cancel(self) -> None:
        self.context.sync.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))

    def _on_sync_started(self) -> None:
        self._syncing = True
        self.cancel_button.setEnabled(True)
        self.progress_label.setText(self.tr("Starting…"))
        self._show_header()

    def _on_progress(self, progress: Progress) -> None:
        if not self.cancel_button.isEnabled():
            return  # "Cancelling…" stays until the cycle stops
        phase = self.tr("Sending") if progress.phase == "push" else self.tr("Receiving")
        if progress.total:
            text = fill(self.tr("%1 %2 of %3"), phase, progress.done, progress.total)
        else:
            text = fill(self.tr("%1 %2"), phase, progress.done)
        self.progress_label.setText(text)

    def _on_sync_finished(self, outcome: SyncOutcome) -> None:
        self._syncing = False
        self._heard_outcome = True
        self._cancelled = outcome.cancelled
        self._last_error = None if outcome.cancelled else outcome.error
        self._show_header()

    # -- settling issues --------------------------------------------------------------
    def open_conflict(self, index: QModelIndex) -> None:
        """The conflict dialog for the record of the conflict at ``index``, its other
        conflicting fields after it."""
        chosen = index.data(ITEM_ROLE) if index.isValid() else None
        if not isinstance(chosen, ConflictItem):
            return
        conflict = chosen.conflict
        same_record = [
            item
            for item in self.conflicts_model.items
            if item.conflict.collection == conflict.collection
            and item.conflict.record_id == conflict.record_id
            and item.conflict.id != conflict.id
        ]
        self._open(ConflictDialog(self.context, [chosen, *same_record], self), self.conflicts_view)

    def open_rejection(self, index: QModelIndex) -> None:
        chosen = index.data(ITEM_ROLE) if index.isValid() else None
        if isinstance(chosen, RejectionItem):
            self._open(RejectionDialog(self.context, chosen, self), self.rejections_view)

    def _open(self, dialog: QDialog, view: QTableView) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()  # the last one is closed; keep one at a time
        self.dialog = dialog
        dialog.finished.connect(lambda _result: view.setFocus())
        dialog.open()
