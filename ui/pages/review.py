"""The inside rep's Review page: the queue of unreviewed visit reports and a reading pane.

Filters (rep, period, outcome, tier) reload the queue; selecting a report shows it with
its account's context (pinned notes, open follow-ups). "Mark reviewed" (Ctrl+Enter)
removes it from the queue and selects the next one (a notice offers Undo); feedback, a
follow-up or a note pinned for the field are written through the same use cases as
everywhere else.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records import TIERS, VISIT_OUTCOMES, Note, User
from fieldapp.status import Delivery
from fieldapp.usecases.briefing import Briefing, account_briefing
from fieldapp.usecases.notes import reply_to_visit_report
from fieldapp.usecases.people import list_users
from fieldapp.usecases.reviews import (
    ReviewItem,
    mark_reviewed,
    unmark_reviewed,
    unreviewed_count,
)
from ui.changes import Changes
from ui.context import AppContext
from ui.delivery import DeliveryWatch
from ui.dialogs.review_dialogs import FollowUpDialog, PinNoteDialog
from ui.formatting import fill
from ui.labels import outcome_label
from ui.models.review_queue import ITEM_ROLE, QueueFilter, ReviewQueueModel
from ui.tasks import describe
from ui.widgets.chip import Chip, chip, show_chip, tier_chip
from ui.widgets.empty_state import EmptyState, ListOrEmpty
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.styling import card, primary, secondary, text_role

PERIODS = (0, 1, 7, 30)  # days back; 0: any time
REVIEWER_ROLES = ("inside", "manager")  # as fieldapp.usecases.reviews.mark_reviewed


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # people's words are never markup
    label.setWordWrap(True)
    return label


class ReviewPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        self.context = context
        self.model = ReviewQueueModel()
        self.current: ReviewItem | None = None
        self._want_note: str | None = None

        self.rep_filter = QComboBox()
        self.rep_filter.setObjectName("repFilter")
        self.rep_filter.addItem(self.tr("All reps"), None)
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("periodFilter")
        for days in PERIODS:
            self.period_filter.addItem(
                self.tr("Any time") if days == 0 else self.tr("Last %n day(s)", "", days), days
            )
        self.outcome_filter = QComboBox()
        self.outcome_filter.setObjectName("outcomeFilter")
        self.outcome_filter.addItem(self.tr("All outcomes"), None)
        for outcome in VISIT_OUTCOMES:
            self.outcome_filter.addItem(outcome_label(outcome), outcome)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier in TIERS:
            self.tier_filter.addItem(tier, tier)
        for combo in (self.rep_filter, self.period_filter, self.outcome_filter, self.tier_filter):
            combo.currentIndexChanged.connect(self.reload)

        self.count_label = QLabel()
        self.queue = QListView()
        self.queue.setObjectName("reviewQueue")
        self.queue.setModel(self.model)
        self.queue.setUniformItemSizes(True)
        self.queue.setSpacing(3)
        self.queue.setAlternatingRowColors(True)
        self.queue.selectionModel().currentChanged.connect(self._on_current)
        self.queue.verticalScrollBar().valueChanged.connect(self._maybe_fetch_more)

        self.title = text_role(_plain(), "title")
        self.title.setObjectName("reportAccount")
        self.tier_chip = chip()
        self.tier_chip.setObjectName("reportTier")
        self.outcome_chip = chip(tone="muted")
        self.outcome_chip.setObjectName("reportOutcome")
        self.header = text_role(_plain(), "secondary")
        self.header.setObjectName("reportHeader")
        self.body = QPlainTextEdit()
        self.body.setObjectName("reportBody")
        self.body.setReadOnly(True)
        self.context_heading = text_role(QLabel(self.tr("About the account")), "heading")
        self.context_label = _plain()
        self.context_label.setObjectName("reportContext")
        self.reply_box = QPlainTextEdit()
        self.reply_box.setObjectName("feedbackBox")
        self.reply_box.setPlaceholderText(self.tr("Feedback for the field rep…"))
        self.reply_box.setTabChangesFocus(True)
        self.reply_box.setMaximumHeight(90)
        self.message = _plain()
        self.message.setObjectName("reviewMessage")
        self.notice = NoticeBar()  # "Marked reviewed", with its Undo
        self.notice.setObjectName("reviewNotice")
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"))
        self.reviewed_button.setObjectName("markReviewed")
        self.reviewed_button.setToolTip(self.tr("Mark reviewed and go to the next (Ctrl+Enter)"))
        self.reply_button = QPushButton(self.tr("Send feedback"))
        self.reply_button.setObjectName("sendFeedback")
        self.follow_up_button = QPushButton(self.tr("Follow-up…"))
        self.follow_up_button.setObjectName("newFollowUp")
        self.pin_button = QPushButton(self.tr("Pin note for the field…"))
        self.pin_button.setObjectName("pinNote")
        self.account_button = QPushButton(self.tr("Open account"))
        self.reviewed_button.clicked.connect(self.mark_current_reviewed)
        self.reply_button.clicked.connect(self.send_feedback)
        self.follow_up_button.clicked.connect(self._new_follow_up)
        self.pin_button.clicked.connect(self._pin_note)
        self.account_button.clicked.connect(self._open_account)
        # Reviewing, feedback and pinning are the inside team's (the core and the server
        # refuse them from a field rep): a field rep is not offered them at all.
        self.reviewer = context.user.role in REVIEWER_ROLES
        self.role_label = _plain(
            self.tr(
                "Visit reports are reviewed by the inside team; here you can read them,"
                " add a follow-up and open the account."
            )
        )
        self.role_label.setObjectName("reviewRoleNote")
        if self.reviewer:
            for keys in ("Ctrl+Return", "Ctrl+Enter"):
                QShortcut(QKeySequence(keys), self, self.mark_current_reviewed)
        # One primary action: the reviewer's "Mark reviewed", a field rep's "Open account".
        for button in (self.reviewed_button, self.reply_button, self.follow_up_button,
                       self.pin_button, self.account_button):  # fmt: skip
            secondary(button)
        primary(self.reviewed_button if self.reviewer else self.account_button)
        self.empty = EmptyState("clipboard-check")
        self.empty.acted.connect(self._empty_action)
        self._layout()
        self.role_label.setVisible(not self.reviewer)
        for widget in (self.reviewed_button, self.pin_button, self.reply_box, self.reply_button):
            widget.setVisible(self.reviewer)
        context.notices.changed.connect(self._on_changed)
        self._feedback_to = ""
        self.delivery = DeliveryWatch(context, self)
        self.delivery.settled.connect(self._feedback_delivered)
        self._set_reading(None)
        # Read when first shown: a field rep may never open this page (launch time).
        self._started = False

    def showEvent(self, event: QShowEvent) -> None:
        self.start()
        super().showEvent(event)

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.context.tasks.read(lambda store: list_users(store, "field"), self._fill_reps)
            self.reload()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for combo in (self.rep_filter, self.period_filter, self.outcome_filter, self.tier_filter):
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.reviewed_button, self.follow_up_button, self.pin_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.account_button)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_box, 1)
        reply_row.addWidget(self.reply_button)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        chips.addWidget(self.tier_chip)
        chips.addWidget(self.outcome_chip)
        chips.addWidget(self.header, 1)
        # The report as a card (account, tier and outcome, who wrote it, the words), the
        # account's context as a second card under it, then what to do.
        report = card(self.title)
        report.setObjectName("reportCard")
        report_layout = report.layout()
        assert isinstance(report_layout, QVBoxLayout)
        report_layout.addLayout(chips)
        report_layout.addWidget(self.body, 1)
        about = card(self.context_heading, self.context_label)
        about.setObjectName("reportContextCard")
        pane = QWidget()
        reading = QVBoxLayout(pane)
        reading.setSpacing(10)
        reading.addWidget(self.role_label)
        reading.addWidget(report, 1)
        reading.addWidget(about)
        reading.addLayout(actions)
        reading.addLayout(reply_row)
        reading.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(self.queue)
        splitter.addWidget(pane)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 840])
        # An empty queue shows why and what next in place of the list and the pane.
        self.listing = ListOrEmpty(splitter, self.model, self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(filters)
        layout.addWidget(self.listing, 1)

    # -- the queue --------------------------------------------------------------------
    def _fill_reps(self, reps: list[User]) -> None:
        for rep in reps:
            self.rep_filter.addItem(rep.display_name, rep.id)

    def queue_filter(self) -> QueueFilter:
        days = int(self.period_filter.currentData())
        since = self.context.now().date() - timedelta(days=days - 1) if days else None
        return QueueFilter(
            rep_id=self.rep_filter.currentData(),
            since=since,
            outcome=self.outcome_filter.currentData(),
            tier=self.tier_filter.currentData(),
        )

    def reload(self) -> None:
        wanted = queue_filter = self.queue_filter()
        self.context.tasks.read(
            lambda store: (queue_filter.page(store, 0), unreviewed_count(store)),
            lambda result: self._loaded(wanted, *result),
            key="review-queue",
        )

    def _loaded(self, wanted: QueueFilter, items: list[ReviewItem], total: int) -> None:
        if wanted != self.queue_filter():
            return  # the filters moved on; that read's newer twin is on its way
        keep = self._want_note or (self.current.note_id if self.current else None)
        self._say_empty()
        self.model.reset(items)
        self.count_label.setText(
            self.tr("%n visit report(s) to review", "", total)
            if self.reviewer
            else self.tr("%n visit report(s) not reviewed yet", "", total)
        )
        row = self.model.row_of(keep) if keep else None
        self._select(row if row is not None else 0)

    def _filtered(self) -> bool:
        combos = (self.rep_filter, self.period_filter, self.outcome_filter, self.tier_filter)
        return any(combo.currentIndex() != 0 for combo in combos)

    def _say_empty(self) -> None:
        if self._filtered():
            self.empty.set_message(
                self.tr("No visit report matches these filters."), self.tr("Clear filters")
            )
        elif self.reviewer:
            self.empty.set_message(
                self.tr("All caught up: every visit report has been reviewed."),
                self.tr("Open the work queue"),
            )
        else:
            self.empty.set_message(
                self.tr("Every visit report you wrote has been reviewed."), self.tr("Open Today")
            )

    def _empty_action(self) -> None:
        if self._filtered():
            for combo in (
                self.rep_filter, self.period_filter, self.outcome_filter, self.tier_filter
            ):  # fmt: skip
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.reload()
        else:
            self.context.navigator.page_requested.emit("queue" if self.reviewer else "today")

    def _maybe_fetch_more(self, value: int) -> None:
        bar = self.queue.verticalScrollBar()
        if self.model.complete or value < bar.maximum() - 2:
            return
        queue_filter, offset = self.queue_filter(), len(self.model.items)
        self.context.tasks.read(
            lambda store: queue_filter.page(store, offset),
            self.model.append_page,
            key="review-more",
        )

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.queue.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._set_reading(None)

    def show_note(self, note_id: str) -> None:
        """Select one report (from elsewhere in the app), widening the filters if needed."""
        self.start()
        row = self.model.row_of(note_id)
        if row is not None:
            self._select(row)
            return
        self._want_note = note_id
        for combo in (self.rep_filter, self.period_filter, self.outcome_filter, self.tier_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if self._started and changes.touches("notes", "reviews", "visits", "accounts"):
            self.reload()

    # -- the reading pane -------------------------------------------------------------
    def _on_current(self) -> None:
        index = self.queue.currentIndex()
        item = index.data(ITEM_ROLE) if index.isValid() else None
        self._set_reading(item)

    def _set_reading(self, item: ReviewItem | None) -> None:
        self.current = item
        self._want_note = None
        for widget in (
            self.reviewed_button,
            self.reply_button,
            self.follow_up_button,
            self.pin_button,
            self.account_button,
            self.reply_box,
        ):
            widget.setEnabled(item is not None)
        if item is None:
            self.title.setText(self.tr("Nothing to review."))
            show_chip(self.tier_chip, None)
            show_chip(self.outcome_chip, None)
            self.header.setText("")
            self.body.setPlainText("")
            self.context_label.setText("")
            return
        self.title.setText(item.account_name)
        show_chip(self.tier_chip, tier_chip(item.tier))
        show_chip(self.outcome_chip, Chip(outcome_label(item.outcome), "muted"))
        by = fill(self.tr("by %1"), item.author_name or "?")
        self.header.setText(" · ".join(part for part in (by, item.city or "") if part))
        steps = fill(self.tr("Next steps: %1"), item.next_steps) if item.next_steps else ""
        self.body.setPlainText(item.body + (f"\n\n{steps}" if steps else ""))
        account_id = item.account_id
        self.context.tasks.read(
            lambda store: account_briefing(store, account_id),
            self._show_context,
            key="review-context",
        )

    def _show_context(self, briefing: Briefing) -> None:
        if self.current is None or briefing.account.id != self.current.account_id:
            return
        lines = [fill(self.tr("Phone: %1"), briefing.account.phone or "—")]
        for note in briefing.pinned_notes[:3]:
            lines.append(fill(self.tr("Pinned: %1"), note.body))
        for follow_up in briefing.open_follow_ups[:5]:
            lines.append(
                fill(self.tr("Open follow-up: %1 (due %2)"), follow_up.title, follow_up.due_date)
            )
        self.context_label.setText("\n".join(lines))

    # -- actions ----------------------------------------------------------------------
    def mark_current_reviewed(self) -> None:
        item = self.current
        if item is None:
            return
        self.context.tasks.write(
            lambda store: mark_reviewed(store, item.note_id),
            lambda _r: self._reviewed(item),
            failed=self._failed,
        )

    def _reviewed(self, item: ReviewItem) -> None:
        row = self.model.remove(item.note_id)
        self.message.clear()
        self.notice.tell(
            fill(self.tr("Marked reviewed: %1"), item.account_name),
            action=(self.tr("Undo"), lambda: self.unmark(item)),
        )
        if row is not None:
            self._select(min(row, self.model.rowCount() - 1))

    def unmark(self, item: ReviewItem) -> None:
        """Undo "Mark reviewed": the review is taken back (and the server told so) and the
        report is selected again in the queue."""
        self.context.tasks.write(
            lambda store: unmark_reviewed(store, item.note_id),
            lambda _none: self._unmarked(item),
            failed=self._failed,
        )

    def _unmarked(self, item: ReviewItem) -> None:
        self._want_note = item.note_id
        self.message.setText(fill(self.tr("Back in the queue: %1"), item.account_name))
        self.reload()

    def send_feedback(self) -> None:
        item, text = self.current, self.reply_box.toPlainText()
        if item is None:
            return
        self.context.tasks.write(
            lambda store: reply_to_visit_report(store, item.note_id, text),
            lambda note: self._feedback_saved(item, note),
            failed=self._failed,
        )

    def _feedback_saved(self, item: ReviewItem, note: Note) -> None:
        # Saved here, not sent: "sent" waits for the server's acknowledgement.
        self.reply_box.clear()
        self._feedback_to = item.author_name or "?"
        self.message.setText(
            fill(
                self.tr("Feedback saved; it will be sent to %1 at the next sync."),
                self._feedback_to,
            )
        )
        self.delivery.watch([note.id])

    def _feedback_delivered(self, delivery: Delivery) -> None:
        if delivery.sent:
            self.message.setText(fill(self.tr("Feedback sent to %1."), self._feedback_to))
        else:
            self.message.setText(
                fill(
                    self.tr("The server refused the feedback to %1: see the Sync page."),
                    self._feedback_to,
                )
            )

    def _failed(self, error: Exception) -> None:
        self.message.setText(describe(error))

    def _new_follow_up(self) -> None:
        if self.current is not None:
            FollowUpDialog(self.context, self.current.account_id, self.current.note_id, self).open()

    def _pin_note(self) -> None:
        if self.current is not None:
            PinNoteDialog(self.context, self.current.account_id, self).open()

    def _open_account(self) -> None:
        if self.current is not None:
            self.context.navigator.account_requested.emit(self.current.account_id)
