"""The work queue: what I owe, ordered by SLA clock (overdue first) — the inside rep's
landing page, and the manager's.

Each row is a report to review, a follow-up handed to me or to my team, or a lead that
came back; the pane beside it shows the item, its hand-off's history and the steps it
allows. The keyboard flow is the review queue's: up/down (or j/k) moves, Enter opens the
item where it lives, Ctrl+Enter takes its main step (review the report, complete the
follow-up, hand the lead again), and one letter each for the other steps. The queue is
read again when a change touches what it shows, and every minute so the clocks tick.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import NotFoundError
from fieldapp.records import FollowUp, Lead, Note
from fieldapp.store.change_set import OUTBOX
from fieldapp.store.database import Store
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.follow_ups import TEAM_OF_ROLE, claim_follow_up, get_follow_up
from fieldapp.usecases.handoffs import HistoryEntry, get_lead, handoff_history
from fieldapp.usecases.notes import get_note
from fieldapp.usecases.people import get_user
from fieldapp.usecases.reviews import mark_reviewed
from fieldapp.usecases.server_time import trusted_now
from fieldapp.usecases.work_queue import LEAD_RETURNED, QueueItem, work_queue
from ui.changes import Changes
from ui.context import AppContext
from ui.dialogs.follow_up_dialogs import (
    CommentDialog,
    CompleteFollowUpDialog,
    ReassignFollowUpDialog,
)
from ui.dialogs.returned_lead_dialogs import HandLeadAgainDialog, WithdrawLeadDialog
from ui.formatting import fill
from ui.handoff_history import HistoryWords, history_line
from ui.labels import (
    error_label,
    owed_label,
    plain_label,
    show_error,
    team_label,
)
from ui.models.work_queue import (
    ACCOUNT,
    CLOCK,
    DUE,
    ITEM_ROLE,
    OWNER,
    TITLE,
    WHAT,
    Key,
    WorkQueueModel,
    item_key,
)
from ui.tasks import describe
from ui.widgets.empty_state import EmptyState, ListOrEmpty
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.row_tables import read_only_rows
from ui.widgets.styling import primary, secondary, text_role

TICK_MS = 60_000  # the clocks move by the minute
# The item pane's width at least: its row of steps (French: four buttons) and a readable
# line of history.
PANE_WIDTH = 380
# What the queue is made of: a change to any of these may add, remove or move an item.
SHOWN = (
    "notes",
    "reviews",
    "follow_ups",
    "leads",
    "visits",
    "accounts",
    "users",
    "sla_policies",
    "handoff_events",
    OUTBOX,  # "waiting to sync" ends when the server accepts the change
)


@dataclass(frozen=True)
class Detail:
    """What the pane shows of one item, read off the GUI thread."""

    key: Key
    follow_up: FollowUp | None = None
    lead: Lead | None = None
    report: Note | None = None
    names: dict[str, str] | None = None  # user id -> name, for the people it mentions
    history: tuple[HistoryEntry, ...] = ()


def read_detail(store: Store, item: QueueItem) -> Detail:
    key = item_key(item)
    names: dict[str, str] = {}

    def name(user_id: str | None) -> None:
        if user_id is not None and user_id not in names:
            try:
                names[user_id] = get_user(store, user_id).display_name
            except NotFoundError:
                names[user_id] = "?"

    if item.collection == "follow_ups":
        follow_up = get_follow_up(store, item.record_id)
        for person in (follow_up.created_by, follow_up.assignee_user_id, follow_up.claimed_by):
            name(person)
        history = handoff_history(store, follow_up_id=item.record_id)
        return Detail(key, follow_up=follow_up, names=names, history=tuple(history))
    if item.collection == "leads":
        lead = get_lead(store, item.record_id)
        for person in (lead.handed_by, lead.assignee_id):
            name(person)
        history = handoff_history(store, lead_id=item.record_id)
        return Detail(key, lead=lead, names=names, history=tuple(history))
    if item.collection == "notes":
        report = get_note(store, item.record_id)
        name(report.author_id)
        return Detail(key, report=report, names=names)
    return Detail(key, names=names)


def read_queue(store: Store) -> tuple[list[QueueItem], datetime]:
    """The queue and the trusted now its clocks were read at (the due times' "today")."""
    now = trusted_now(store)
    return work_queue(store, now=now), now


class WorkQueuePage(QWidget):
    overdue_changed = Signal(int)  # the rail's count

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workQueuePage")
        self.context = context
        self.model = WorkQueueModel(context.user.id, TEAM_OF_ROLE[context.user.role])
        self.current: QueueItem | None = None
        self.detail: Detail | None = None
        self._keep: Key | None = None  # the item to keep selected across a re-read
        self._row = 0  # where the selection was, for when its item leaves
        self.loaded = False

        self.count_label = plain_label(name="queueCount")
        self.keys_label = plain_label(
            self.tr(
                "↑↓ or J/K: move · Enter: open · Ctrl+Enter: review, complete or hand again"
                " · C: claim · M: comment · R: reassign · W: withdraw"
            ),
            name="queueKeys",
        )
        self.table = self._build_table()
        self.header = text_role(plain_label(name="queueItemHeader"), "heading")
        self.facts = plain_label(name="queueItemFacts", selectable=True)
        self.history_heading = text_role(QLabel(self.tr("History")), "heading")
        self.history = QListWidget()
        self.history.setObjectName("handoffHistory")
        self.history.setWordWrap(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = plain_label(name="queueMessage")
        self.error = error_label("queueError")

        self.open_button = self._button("queueOpen", self.tr("Open"), self.open_current)
        self.review_button = self._button(
            "queueReview", self.tr("Mark reviewed"), self.review_current
        )
        self.claim_button = self._button("queueClaim", self.tr("Claim"), self.claim_current)
        self.comment_button = self._button(
            "queueComment", self.tr("Comment…"), self.comment_current
        )
        self.complete_button = self._button(
            "queueComplete", self.tr("Complete…"), self.complete_current
        )
        self.reassign_button = self._button(
            "queueReassign", self.tr("Reassign…"), self.reassign_current
        )
        self.hand_again_button = self._button(
            "queueHandAgain", self.tr("Hand again…"), self.hand_again_current
        )
        self.withdraw_button = self._button(
            "queueWithdraw", self.tr("Withdraw…"), self.withdraw_current
        )
        self.review_button.setToolTip(self.tr("Mark the report reviewed (Ctrl+Enter)"))
        self.claim_button.setToolTip(self.tr("Take it from the team's queue (C)"))
        self.comment_button.setToolTip(self.tr("Add a comment to its history (M)"))
        self.complete_button.setToolTip(self.tr("Done, with the outcome (Ctrl+Enter)"))
        self.reassign_button.setToolTip(self.tr("Hand it to another person or team (R)"))
        self.hand_again_button.setToolTip(self.tr("Hand it to a field rep again (Ctrl+Enter)"))
        self.withdraw_button.setToolTip(self.tr("Close the lead: nobody is to visit (W)"))
        # The item's main step (Ctrl+Enter) is the primary button; one of the three shows
        # at a time, by the kind of item. The rest are secondary.
        for button in (self.open_button, self.claim_button, self.comment_button,
                       self.reassign_button, self.withdraw_button):  # fmt: skip
            secondary(button)
        for button in (self.review_button, self.complete_button, self.hand_again_button):
            primary(button)
        self.empty = EmptyState(
            "list-todo",
            self.tr("Nothing is waiting on you or your team: well done."),
            self.tr("Open the inbox"),
        )
        self.empty.acted.connect(lambda: context.navigator.page_requested.emit("inbox"))
        self._shortcuts()
        self._split = False
        self._layout()
        self._show_item(None)

        context.notices.changed.connect(self._on_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        # Read at once, not when first shown: the rail counts what is overdue from launch.
        self.reload()

    # -- building -----------------------------------------------------------------------
    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("workQueue")
        table.setModel(self.model)
        read_only_rows(table)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # Wide enough for the French words ("Compte rendu à lire", "23/06/2026 14:06"),
        # and narrow enough that the title still shows in a 1366-pixel window.
        widths = ((CLOCK, 150), (DUE, 118), (WHAT, 128), (OWNER, 95))
        for column, width in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            table.setColumnWidth(column, width)
        # The account and the title share what is left: both stay readable in a window
        # narrower than a laptop's screen.
        for column in (ACCOUNT, TITLE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Never narrower than their titles: a narrow window scrolls the table sideways
        # instead of cutting "Compte" to "C…" (1093-px screen at 125 %).
        header.ensurePolished()
        titles = max(header.sectionSizeHint(column) for column in (ACCOUNT, TITLE))
        header.setMinimumSectionSize(max(header.minimumSectionSize(), titles))
        table.selectionModel().currentRowChanged.connect(self._on_current)
        table.doubleClicked.connect(self.open_current)
        return table

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self) -> None:
        def on_table(keys: str, slot: Callable[[], None]) -> None:
            shortcut = QShortcut(QKeySequence(keys), self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        # Letters only while the queue has the focus: typing elsewhere stays typing.
        on_table("J", lambda: self._move(1))
        on_table("K", lambda: self._move(-1))
        on_table("Return", self.open_current)
        on_table("Enter", self.open_current)
        on_table("C", self.claim_current)
        on_table("M", self.comment_current)
        on_table("R", self.reassign_current)
        on_table("W", self.withdraw_current)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, self.main_step)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _split_evenly(self) -> None:
        width = self.splitter.width()
        pane = max(PANE_WIDTH, width // 3)
        self.splitter.setSizes([width - pane, pane])

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        # The steps wrap onto a second row rather than widen the pane: before the first
        # item is read every step shows, and in French at 125 % they pushed the window to
        # 1217 px on a 1093-px screen (tests/ui/test_fit_laptop_screen.py).
        actions = FlowLayout()
        for button in (
            self.review_button,
            self.claim_button,
            self.complete_button,
            self.hand_again_button,
            self.reassign_button,
            self.withdraw_button,
            self.comment_button,
        ):
            actions.addWidget(button)
        # Opening sits with the heading: the row of steps must fit a narrow pane.
        heading = QHBoxLayout()
        heading.addWidget(self.header, 1)
        heading.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        pane = QFrame()
        pane.setObjectName("queueItemPane")
        pane.setProperty("role", "card")
        reading = QVBoxLayout(pane)
        reading.setContentsMargins(12, 10, 12, 10)
        reading.addLayout(heading)
        reading.addWidget(self.facts)
        reading.addWidget(self.history_heading)
        reading.addWidget(self.history, 1)
        reading.addLayout(actions)
        reading.addWidget(self.error)
        reading.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        # The queue takes what the window grows by; the pane keeps its reading width.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        self.splitter = splitter
        self.listing = ListOrEmpty(splitter, self.model, self.empty)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.keys_label)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._split:
            # Sizes given before the first layout are not kept (QSplitter spreads its
            # width by the children's hints then): so the split is set once it has one.
            self._split = True
            QTimer.singleShot(0, self._split_evenly)
        if self.current is None and self.model.rowCount():
            self._select(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    # -- the queue ----------------------------------------------------------------------
    def reload(self) -> None:
        self.context.tasks.read(read_queue, lambda result: self._loaded(*result), key="work-queue")

    def _loaded(self, items: list[QueueItem], now: datetime) -> None:
        keep = self._keep
        self.model.set_items(items, now)
        self.loaded = True
        overdue = self.model.overdue_count
        self.count_label.setText(
            fill(
                self.tr("%1 · %2"),
                self.tr("%n item(s) waiting on you or your team", "", len(items)),
                self.tr("%n overdue", "", overdue),
            )
        )
        self.overdue_changed.emit(overdue)
        row = self.model.row_of(keep)
        if row is None:
            row = min(self._row, self.model.rowCount() - 1)
        self._select(row)

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, WHAT)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            # The same row after a re-read: the item's words may still have changed.
            self._show_item(self.model.items[row])
        else:
            self._show_item(None)

    def _move(self, step: int) -> None:
        self._select(max(0, min(self.table.currentIndex().row() + step, self.model.rowCount() - 1)))

    def _on_current(self) -> None:
        index = self.table.currentIndex()
        self._show_item(index.data(ITEM_ROLE) if index.isValid() else None)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*SHOWN):
            self.reload()

    def select_record(self, collection: str, record_id: str) -> bool:
        """Select one item (from elsewhere in the app); False when it is not in the queue."""
        row = self.model.row_of((collection, record_id))
        if row is None:
            return False
        self._select(row)
        return True

    # -- the pane -----------------------------------------------------------------------
    def _show_item(self, item: QueueItem | None) -> None:
        same = (
            item is not None
            and self.current is not None
            and item_key(item) == item_key(self.current)
        )
        self.current = item
        if item is not None:
            self._keep = item_key(item)
            self._row = self.table.currentIndex().row()
        kind = item.kind if item is not None else None
        follow_up = kind == CommitmentKind.FOLLOW_UP_HANDLED
        report = kind == CommitmentKind.REPORT_REVIEWED
        returned = kind == LEAD_RETURNED
        self.review_button.setVisible(report)
        for button in (self.claim_button, self.complete_button, self.reassign_button):
            button.setVisible(follow_up)
        self.claim_button.setEnabled(follow_up and item is not None and item.owner_id is None)
        self.hand_again_button.setVisible(returned)
        self.withdraw_button.setVisible(returned)
        self.comment_button.setVisible(follow_up or returned)
        self.open_button.setVisible(item is not None)
        self.open_button.setText(self.tr("Open in Review") if report else self.tr("Open account"))
        self.history_heading.setVisible(follow_up or returned)
        self.history.setVisible(follow_up or returned)
        if item is None:
            self.header.setText(
                self.tr("Nothing waiting on you.") if self.loaded else self.tr("Loading…")
            )
            self.facts.setText("")
            self.history.clear()
            self.detail = None
            return
        self.header.setText(fill(self.tr("%1 — %2"), owed_label(item.kind), item.account_name))
        if not same or self.detail is None:
            self.facts.setText(item.title)
            self.history.clear()
        self.context.tasks.read(
            lambda store: read_detail(store, item), self._show_detail, key="work-queue-detail"
        )

    def _clock_line(self, item: QueueItem) -> str:
        due = self.model.due_text(item)
        clock = self.model.clock_text(item)
        owner = self.model.owner_text(item, in_column=False)
        if item.clock is None:
            return fill(self.tr("Owed by %1 · %2"), owner, clock)
        return fill(self.tr("Owed by %1 · due %2 · %3"), owner, due, clock)

    def _show_detail(self, detail: Detail) -> None:
        item = self.current
        if item is None or detail.key != item_key(item):
            return  # the selection moved on
        self.detail = detail
        names = detail.names or {}
        lines = [self._clock_line(item)]
        if detail.follow_up is not None:
            lines += self._follow_up_lines(detail.follow_up, names)
        elif detail.lead is not None:
            lines += self._lead_lines(detail.lead, names)
        elif detail.report is not None:
            author = names.get(detail.report.author_id or "", "?")
            lines += [fill(self.tr("Written by %1"), author), "", detail.report.body]
        self.facts.setText("\n".join(lines))
        self.history.clear()
        for entry in detail.history:
            self.history.addItem(history_line(entry))
        if not detail.history and (detail.follow_up or detail.lead):
            self.history.addItem(HistoryWords().empty())

    def _follow_up_lines(self, follow_up: FollowUp, names: dict[str, str]) -> list[str]:
        lines = [fill(self.tr("Follow-up: %1"), follow_up.title)]
        if follow_up.created_by:
            lines.append(fill(self.tr("Handed over by %1"), names.get(follow_up.created_by, "?")))
        if follow_up.claimed_by:
            lines.append(fill(self.tr("Claimed by %1"), names.get(follow_up.claimed_by, "?")))
        elif follow_up.assignee_team:
            lines.append(fill(self.tr("Not claimed yet (%1)"), team_label(follow_up.assignee_team)))
        if follow_up.details:
            lines += ["", follow_up.details]
        if follow_up.outcome:
            lines += ["", fill(self.tr("Outcome: %1"), follow_up.outcome)]
        return lines

    def _lead_lines(self, lead: Lead, names: dict[str, str]) -> list[str]:
        lines = [
            fill(self.tr("Returned by %1"), names.get(lead.assignee_id, "?")),
            fill(self.tr("Their reason: %1"), lead.reason or "—"),
            "",
            fill(self.tr("Why this lead: %1"), lead.why),
        ]
        if lead.who_to_see:
            lines.append(fill(self.tr("Who to see: %1"), lead.who_to_see))
        if lead.promised:
            lines.append(fill(self.tr("What was promised: %1"), lead.promised))
        return lines

    # -- the steps ----------------------------------------------------------------------
    def main_step(self) -> None:
        """Ctrl+Enter: the step the item is there for."""
        kind = self.current.kind if self.current is not None else None
        if kind == CommitmentKind.REPORT_REVIEWED:
            self.review_current()
        elif kind == CommitmentKind.FOLLOW_UP_HANDLED:
            self.complete_current()
        elif kind == LEAD_RETURNED:
            self.hand_again_current()

    def open_current(self) -> None:
        item = self.current
        if item is None:
            return
        if item.collection == "notes":
            self.context.navigator.note_requested.emit(item.record_id)
        elif item.collection == "visits":
            self.context.navigator.visit_requested.emit(item.record_id)
        else:
            self.context.navigator.account_requested.emit(item.account_id)

    def _write(self, work: Callable[[Store], object], said: str) -> None:
        show_error(self.error, "")
        self.context.tasks.write(work, lambda _r: self.message.setText(said), failed=self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText("")
        show_error(self.error, describe(error))

    def review_current(self) -> None:
        item = self.current
        if item is None or item.kind != CommitmentKind.REPORT_REVIEWED:
            return
        note_id = item.record_id
        self._write(
            lambda store: mark_reviewed(store, note_id),
            fill(self.tr("Marked reviewed: %1"), item.account_name),
        )

    def claim_current(self) -> None:
        item = self.current
        if item is None or item.kind != CommitmentKind.FOLLOW_UP_HANDLED:
            return
        follow_up_id = item.record_id
        self._write(
            lambda store: claim_follow_up(store, follow_up_id),
            fill(self.tr("Claimed: %1 — it is yours now."), item.title),
        )

    def _open_dialog(self, dialog: QDialog, said: str) -> None:
        show_error(self.error, "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.setText(said))
        dialog.open()

    def complete_current(self) -> None:
        item = self.current
        if item is None or item.kind != CommitmentKind.FOLLOW_UP_HANDLED:
            return
        self._open_dialog(
            CompleteFollowUpDialog(self.context, item.record_id, item.title, self),
            fill(self.tr("Completed: %1 — the outcome goes back at the next sync."), item.title),
        )

    def reassign_current(self) -> None:
        item = self.current
        if item is None or item.kind != CommitmentKind.FOLLOW_UP_HANDLED:
            return
        self._open_dialog(
            ReassignFollowUpDialog(self.context, item.record_id, item.title, self),
            fill(self.tr("Reassigned: %1"), item.title),
        )

    def comment_current(self) -> None:
        item = self.current
        if item is None:
            return
        if item.kind == CommitmentKind.FOLLOW_UP_HANDLED:
            dialog = CommentDialog(self.context, follow_up_id=item.record_id, parent=self)
        elif item.kind == LEAD_RETURNED:
            dialog = CommentDialog(self.context, lead_id=item.record_id, parent=self)
        else:
            return
        self._open_dialog(dialog, self.tr("Comment saved; it is sent at the next sync."))

    def hand_again_current(self) -> None:
        item = self.current
        if item is None or item.kind != LEAD_RETURNED:
            return
        detail = self.detail
        known = detail is not None and detail.key == item_key(item) and detail.lead is not None
        returned_by = detail.lead.assignee_id if known and detail and detail.lead else None
        self._open_dialog(
            HandLeadAgainDialog(self.context, item.record_id, returned_by, self),
            fill(self.tr("Handed again: %1"), item.account_name),
        )

    def withdraw_current(self) -> None:
        item = self.current
        if item is None or item.kind != LEAD_RETURNED:
            return
        self._open_dialog(
            WithdrawLeadDialog(self.context, item.record_id, self),
            fill(self.tr("Withdrawn: %1"), item.account_name),
        )
