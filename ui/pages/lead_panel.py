"""The lead on an account, at the top of its briefing: what the inside team handed over
(why, who to see, what was promised), by whom and to whom, its SLA clocks (due at, time
left or overdue by, who owes it), the planned visit and every step of its history.

The field rep it was handed to answers here: Accept (plans the visit, AcceptLeadDialog) or
Return (with a reason). Both are local changes that sync; the panel says so until the
server has them. The panel takes no room on an account without a lead that is still owed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import LeadStatus
from fieldapp.clock import from_text
from fieldapp.records import Account
from fieldapp.store.change_set import OUTBOX
from fieldapp.store.database import Store
from fieldapp.team.sla import ClockState
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.lead_brief import LeadBrief, LeadClock, account_lead
from ui.changes import Changes
from ui.clock_words import ClockWords
from ui.context import AppContext
from ui.dialogs.lead_dialogs import AcceptLeadDialog, ReturnLeadDialog
from ui.formatting import clock_time, fill, short_date
from ui.handoff_history import HistoryWords, history_line
from ui.labels import owed_label, plain_label
from ui.theme.palette import Palette
from ui.theme.style import current_palette
from ui.widgets.styling import follow_palette

TICK_MS = 60_000  # the clock moves by the minute
SHOWN = ("leads", "handoff_events", "visits", "users", "sla_policies", "accounts", OUTBOX)

LeadRead = tuple[str, LeadBrief | None, Account | None]


def read_lead(store: Store, account_id: str) -> LeadRead:
    brief = account_lead(store, account_id)
    account = get_account(store, account_id) if brief is not None else None
    return account_id, brief, account


class LeadPanel(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lead handed over"), parent)
        self.setObjectName("leadPanel")
        self.context = context
        self.account_id: str | None = None
        self.brief: LeadBrief | None = None
        self.account: Account | None = None
        self._words = ClockWords()

        self.status = plain_label(name="leadStatus", selectable=True)
        bold = self.status.font()
        bold.setBold(True)
        self.status.setFont(bold)
        self.clocks = plain_label(name="leadClocks", selectable=True)
        self._clocks_overdue = False
        follow_palette(self.clocks, self._paint_clocks)
        self.why = plain_label(name="leadWhyText", selectable=True)
        self.who_to_see = plain_label(name="leadWhoToSeeText", selectable=True)
        self.promised = plain_label(name="leadPromisedText", selectable=True)
        facts = QFormLayout()
        facts.addRow(self.tr("Why"), self.why)
        facts.addRow(self.tr("Who to see"), self.who_to_see)
        facts.addRow(self.tr("What was promised"), self.promised)
        self.history = QListWidget()
        self.history.setObjectName("leadHistory")
        self.history.setWordWrap(True)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setMaximumHeight(self.history.fontMetrics().lineSpacing() * 4 + 12)
        self.accept_button = QPushButton(self.tr("&Accept and plan the visit…"))
        self.accept_button.setObjectName("acceptLead")
        self.accept_button.clicked.connect(self.accept_lead)
        self.return_button = QPushButton(self.tr("Re&turn…"))
        self.return_button.setObjectName("returnLead")
        self.return_button.setToolTip(self.tr("Give the lead back to the inside team, saying why"))
        self.return_button.clicked.connect(self.return_lead)
        self.message = plain_label(name="leadMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.clocks)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.hide()

        context.notices.changed.connect(self._on_changed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    # -- reading ----------------------------------------------------------------------
    def show_account(self, account_id: str) -> None:
        if account_id != self.account_id:
            self.message.setText("")
            self.brief = None
            self.hide()
        self.account_id = account_id
        self.refresh()

    def refresh(self) -> None:
        account_id = self.account_id
        if account_id is None:
            return
        self.context.tasks.read(
            lambda store: read_lead(store, account_id), self._show, key="lead-panel"
        )

    def _on_changed(self, changes: Changes) -> None:
        if self.account_id is not None and changes.touches(*SHOWN):
            self.refresh()

    def _tick(self) -> None:
        if self.brief is not None and self.isVisible():
            self.refresh()

    # -- showing ----------------------------------------------------------------------
    def _show(self, answer: LeadRead) -> None:
        account_id, brief, account = answer
        if account_id != self.account_id:
            return  # the rep has moved on to another account
        self.brief, self.account = brief, account
        if brief is None:
            self.hide()
            return
        lead = brief.lead
        mine = lead.assignee_id == self.context.user.id
        waiting = lead.status == LeadStatus.HANDED and mine
        self.status.setText(self._status_text(brief, mine))
        self.clocks.setText("\n".join(self._clock_line(c, brief, mine) for c in brief.clocks))
        overdue = any(c.clock and c.clock.state is ClockState.OVERDUE for c in brief.clocks)
        self._clocks_overdue = overdue
        self._paint_clocks(current_palette())
        self.why.setText(lead.why)
        self.who_to_see.setText(lead.who_to_see or "—")
        self.promised.setText(lead.promised or "—")
        self.history.clear()
        for entry in brief.history:
            self.history.addItem(history_line(entry))
        if not brief.history:
            self.history.addItem(HistoryWords().empty())
        self.accept_button.setVisible(waiting)
        self.return_button.setVisible(waiting)
        self.show()

    def _paint_clocks(self, palette: Palette) -> None:
        # A clock past due reads in the danger colour of the palette on screen now.
        self.clocks.setStyleSheet(f"color: {palette.danger};" if self._clocks_overdue else "")

    def _status_text(self, brief: LeadBrief, mine: bool) -> str:
        lead, by = brief.lead, brief.handed_by_name or "?"
        to = brief.assignee_name or "?"
        if lead.status == LeadStatus.HANDED:
            text = (
                fill(self.tr("Handed to you by %1: plan a visit, or return it."), by)
                if mine
                else fill(self.tr("Handed to %1 by %2, waiting for their answer."), to, by)
            )
        elif lead.status == LeadStatus.ACCEPTED:
            visit = brief.visit
            if visit is not None:
                start = from_text(visit.planned_start)
                when = fill(
                    self.tr("%1 at %2"), short_date(start.astimezone().date()), clock_time(start)
                )
                text = fill(self.tr("Accepted by %1: visit planned %2."), to, when)
            else:
                text = fill(self.tr("Accepted by %1."), to)
        else:
            text = fill(self.tr("Returned by %1: %2"), to, lead.reason or "—")
        if brief.waiting_to_sync:
            text = fill(self.tr("%1 (waiting to sync)"), text)
        return text

    def _clock_line(self, lead_clock: LeadClock, brief: LeadBrief, mine: bool) -> str:
        what = owed_label(lead_clock.kind)
        clock = lead_clock.clock
        if clock is None:
            return fill(self.tr("%1: the clock starts when the server has the hand-off."), what)
        if clock.state is ClockState.MET_ON_TIME:
            return fill(self.tr("%1: done on time."), what)
        if clock.state is ClockState.MET_LATE and clock.late_by is not None:
            return fill(self.tr("%1: done, %2."), what, self._words.overdue(clock.late_by))
        owner = self.tr("you") if mine else (brief.assignee_name or "?")
        return fill(
            self.tr("%1 — due %2 · %3 · owed by %4"),
            what,
            self._words.due(clock.due_at, brief.now),
            self._words.state(clock, brief.waiting_to_sync),
            owner,
        )

    # -- answering --------------------------------------------------------------------
    def accept_lead(self) -> None:
        if self.brief is None or self.account is None:
            return
        dialog = AcceptLeadDialog(self.context, self.account, self.brief.lead.id, self)
        dialog.saved.connect(self._accepted)
        self._open(dialog)

    def return_lead(self) -> None:
        if self.brief is None or self.account is None:
            return
        dialog = ReturnLeadDialog(self.context, self.account, self.brief.lead.id, self)
        dialog.saved.connect(self._returned)
        self._open(dialog)

    def _open(self, dialog: AcceptLeadDialog | ReturnLeadDialog) -> None:
        self.message.setText("")
        dialog.open()

    def _accepted(self, _result: object) -> None:
        self.message.setText(
            self.tr("Accepted: the visit is in your plan; the inside rep hears at the next sync.")
        )

    def _returned(self, _result: object) -> None:
        self.message.setText(
            self.tr("Returned: the inside rep reads your reason after the next sync.")
        )
