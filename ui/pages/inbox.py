"""The Inbox page: what is new for me (feedback, pinned notes, hand-offs), newest first.

Each row says what happened in plain words, from whom, on which account, when, and the
first words; unread rows are bold. Enter (or a double-click) opens the item where it lives
— the account's briefing, which shows the report and its feedback, the pinned notes, the
lead and the follow-ups — and marks it read; so does staying on a row for
``DWELL_MS`` after choosing it. M marks the current item read or unread again. Marks go
through the inbox's use cases and sync to the person's other laptops.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import HandoffAction
from fieldapp.usecases.inbox import (
    READS,
    InboxItem,
    InboxKind,
    inbox,
    mark_items_read,
    set_read,
)
from ui.changes import Changes
from ui.context import AppContext
from ui.formatting import fill
from ui.labels import error_label, inbox_kind_label, plain_label, show_error
from ui.models.inbox_model import (
    ACCOUNT,
    FROM,
    ITEM_ROLE,
    PAGE_LIMIT,
    WHAT,
    WHEN,
    InboxFilter,
    InboxModel,
    when_text,
)
from ui.tasks import describe
from ui.widgets.empty_state import EmptyState
from ui.widgets.row_tables import read_only_rows
from ui.widgets.styling import primary, secondary, text_role

# How long a row chosen by the person stays current before it counts as read: long
# enough that running down the list with the arrow keys reads nothing.
DWELL_MS = 2000

# The kind filter's groups: a lead's steps are one subject for the reader, a follow-up's too.
KIND_GROUPS: tuple[tuple[str, frozenset[InboxKind]], ...] = (
    ("feedback", frozenset({InboxKind.FEEDBACK})),
    ("pinned", frozenset({InboxKind.PINNED_NOTE})),
    (
        "leads",
        frozenset({InboxKind.LEAD_HANDED, InboxKind.LEAD_ANSWERED, InboxKind.LEAD_WITHDRAWN}),
    ),
    (
        "follow_ups",
        frozenset(
            {
                InboxKind.FOLLOW_UP_ASSIGNED,
                InboxKind.FOLLOW_UP_CLAIMED,
                InboxKind.FOLLOW_UP_COMPLETED,
            }
        ),
    ),
    ("comments", frozenset({InboxKind.COMMENT})),
)


class InboxPage(QWidget):
    loaded = Signal()  # the rows of a load are in the model

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxPage")
        self.context = context
        self.model = InboxModel()
        self.current: InboxItem | None = None
        self._selecting = False  # the page moves the selection, not the person
        self._started = False

        self.show_filter = QComboBox()
        self.show_filter.setObjectName("inboxShowFilter")
        self.show_filter.addItem(self.tr("All items"), False)
        self.show_filter.addItem(self.tr("Unread only"), True)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("inboxKindFilter")
        self.kind_filter.addItem(self.tr("Every kind"), None)
        group_names = {
            "feedback": self.tr("Feedback"),
            "pinned": self.tr("Pinned notes"),
            "leads": self.tr("Leads"),
            "follow_ups": self.tr("Follow-ups"),
            "comments": self.tr("Comments"),
        }
        for name, kinds in KIND_GROUPS:
            self.kind_filter.addItem(group_names[name], kinds)
        for combo in (self.show_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.count_label = plain_label(name="inboxCount")
        self.count_label.setWordWrap(False)
        self.mark_all_button = QPushButton(self.tr("Mark all read"))
        self.mark_all_button.setObjectName("markAllRead")
        self.mark_all_button.setToolTip(self.tr("Mark every item the filter shows read"))
        self.mark_all_button.clicked.connect(self.mark_all_read)

        self.table = self._build_table()
        self.empty_state = EmptyState("inbox")
        self.empty_state.setObjectName("inboxEmpty")
        self.empty_state.acted.connect(self._empty_action)
        self.empty_label = self.empty_state.text
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_state)

        self.heading = text_role(plain_label(name="inboxItemHeading"), "heading")
        self.meta = text_role(plain_label(name="inboxItemMeta"), "secondary")
        self.body = plain_label(name="inboxItemText", selectable=True)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openInboxItem")
        self.open_button.setToolTip(self.tr("Open the account this is about (Enter)"))
        self.open_button.clicked.connect(self.open_current)
        self.read_button = QPushButton()
        self.read_button.setObjectName("toggleRead")
        # Opening what arrived is the inbox's one primary action.
        primary(self.open_button)
        secondary(self.read_button)
        secondary(self.mark_all_button)
        self.read_button.clicked.connect(self.toggle_read)
        self.error_label = error_label("inboxError")

        self.dwell = QTimer(self)
        self.dwell.setSingleShot(True)
        self.dwell.setInterval(DWELL_MS)
        self.dwell.timeout.connect(self._dwelt)

        self._layout()
        self._build_actions()
        context.notices.changed.connect(self._on_changed)
        self._show_item(None)
        self._show_counts()

    # -- building ---------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        view = QTableView()
        view.setObjectName("inboxList")
        view.setModel(self.model)
        read_only_rows(view)
        view.setTabKeyNavigation(False)
        view.setSortingEnabled(False)  # newest first is the order of an inbox
        # Fixed row heights and column widths: the view never measures 1,000 rows.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        bold = view.font()
        bold.setBold(True)  # unread rows are bold: the widths are measured as they show
        metrics = QFontMetrics(bold)
        # "What" fits its longest words in the window's language, so none is cut.
        what = max(
            metrics.horizontalAdvance(inbox_kind_label(kind, action))
            for kind in InboxKind
            for action in (None, HandoffAction.RETURNED)
        )
        view.setColumnWidth(WHEN, metrics.horizontalAdvance(when_text("2026-12-31T23:59:00Z")) + 20)
        view.setColumnWidth(WHAT, what + 20)
        view.setColumnWidth(FROM, metrics.horizontalAdvance("M" * 9) + 16)
        view.setColumnWidth(ACCOUNT, metrics.horizontalAdvance("M" * 15) + 16)
        view.selectionModel().currentRowChanged.connect(self._on_current)
        view.activated.connect(self._on_activated)  # Enter, and a double-click
        return view

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.show_filter)
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.mark_all_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.read_button)
        buttons.addStretch(1)
        pane = QFrame()
        pane.setObjectName("inboxItemPane")
        pane.setProperty("role", "card")
        reading = QVBoxLayout(pane)
        reading.setContentsMargins(12, 10, 12, 10)
        reading.addWidget(self.heading)
        reading.addWidget(self.meta)
        reading.addWidget(self.body)
        reading.addLayout(buttons)
        reading.addWidget(self.error_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(pane)

    def _build_actions(self) -> None:
        toggle = QAction(self.tr("Mark read or unread"), self)
        toggle.setShortcut(QKeySequence(Qt.Key.Key_M))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.triggered.connect(self.toggle_read)
        self.addAction(toggle)

    # -- loading ----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        self.start()
        super().showEvent(event)

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.reload()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        self.context.tasks.read(
            lambda store: inbox(store, limit=PAGE_LIMIT),
            self._loaded,
            failed=self._failed,
            key="inbox-page",
        )

    def _loaded(self, items: list[InboxItem]) -> None:
        keep = self.current.item_id if self.current is not None else None
        self.model.reset(items)
        self._after_rows(keep)
        self.loaded.emit()

    def _apply_filter(self) -> None:
        keep = self.current.item_id if self.current is not None else None
        self.model.set_filter(
            InboxFilter(
                unread_only=bool(self.show_filter.currentData()),
                kinds=self.kind_filter.currentData(),
            )
        )
        self._after_rows(keep)

    def _after_rows(self, keep: str | None) -> None:
        row = self.model.row_of(keep) if keep is not None else None
        self._select(row if row is not None else 0)
        self._show_counts()

    def _on_changed(self, changes: Changes) -> None:
        if not self._started or not changes.touches(*READS):
            return
        if changes.collections == {"inbox_reads"} and not changes.from_sync:
            return  # this page's own mark: its row already shows it
        self.reload()

    # -- what the page shows ----------------------------------------------------------
    def _show_counts(self) -> None:
        unread = self.model.unread
        self.count_label.setText(self.tr("%n unread item(s)", "", unread))
        kinds = self.model.filter.kinds
        self.mark_all_button.setEnabled(bool(self.model.unread_of(kinds)))
        if self.model.rowCount():
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.model.items:
            self.empty_state.set_message(
                self.tr(
                    "Nothing here with this filter. Choose “All items” and “Every kind”"
                    " to see the rest of your inbox."
                ),
                self.tr("Show all items"),
            )
        else:
            self.empty_state.set_message(
                self.tr(
                    "Nothing new in the last 30 days: feedback on your reports, pinned notes,"
                    " leads and follow-ups for you arrive here with each sync."
                ),
                self.tr("Sync now"),
            )
        self.list_stack.setCurrentWidget(self.empty_state)

    def _empty_action(self) -> None:
        if self.model.items:  # a filter hides them: show them all
            for combo in (self.show_filter, self.kind_filter):
                combo.setCurrentIndex(0)
        else:
            self.context.sync.sync_now()

    def _select(self, row: int) -> None:
        self._selecting = True
        try:
            if 0 <= row < self.model.rowCount():
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
            else:
                self._show_item(None)
        finally:
            self._selecting = False

    def _on_current(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        self._show_item(item)
        self.dwell.stop()
        # Only a row the person chose counts: the row the page selects on opening is not
        # read yet.
        if item is not None and not item.read and not self._selecting:
            self.dwell.start()

    def _show_item(self, item: InboxItem | None) -> None:
        self.current = item
        show_error(self.error_label, "")
        for button in (self.open_button, self.read_button):
            button.setEnabled(item is not None)
        if item is None:
            self.heading.setText("")
            self.meta.setText("")
            self.body.setText("")
            self.read_button.setText(self.tr("Mark read"))
            return
        self.heading.setText(
            fill(self.tr("%1 — %2"), inbox_kind_label(item.kind, item.action), item.account_name)
        )
        self.meta.setText(fill(self.tr("From %1, %2"), item.from_name or "—", when_text(item.at)))
        self.body.setText(item.text or "")
        self.read_button.setText(self.tr("Mark unread") if item.read else self.tr("Mark read"))
        self.read_button.setToolTip(self.tr("Mark read or unread (M)"))

    # -- actions ----------------------------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_current()

    def open_current(self) -> None:
        """Open the item where it lives: the briefing of its account, and count it read."""
        item = self.current
        if item is None:
            return
        self.dwell.stop()
        if not item.read:
            self._write_read(item, True)
        self.context.navigator.account_requested.emit(item.account_id)

    def toggle_read(self) -> None:
        item = self.current
        if item is not None:
            self.dwell.stop()
            self._write_read(item, not item.read)

    def _dwelt(self) -> None:
        item = self.current
        if item is not None and not item.read and self.isVisible():
            self._write_read(item, True)

    def _write_read(self, item: InboxItem, read: bool) -> None:
        source, item_id = item.source, item.item_id
        self.context.tasks.write(
            lambda store: set_read(store, source, item_id, read),
            lambda _r: self._marked([item_id], read),
            failed=self._failed,
        )

    def mark_all_read(self) -> None:
        unread = self.model.unread_of(self.model.filter.kinds)
        if not unread:
            return
        marks = [(item.source, item.item_id) for item in unread]
        self.context.tasks.write(
            lambda store: mark_items_read(store, marks),
            lambda _count: self._marked([item_id for _, item_id in marks], True),
            failed=self._failed,
        )

    def _marked(self, item_ids: list[str], read: bool) -> None:
        self.model.set_read(item_ids, read)
        if self.current is not None and self.current.item_id in item_ids:
            row = self.model.row_of(self.current.item_id)
            if row is not None:
                self._show_item(self.model.shown[row])
        self._show_counts()

    def _failed(self, error: Exception) -> None:
        show_error(self.error_label, describe(error))
