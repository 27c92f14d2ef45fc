"""The whole loop between the teams, through three laptops' main windows and a real server
process: an inside rep, a field rep, their manager.

The inside rep hands a prospect over to the field rep from the Accounts page; the field
rep, the server out of reach, opens the lead from the inbox, accepts it with a visit planned
today, holds that visit from Today and writes the report with a follow-up for the inside
team, closing the account's opportunity as won; back online, one sync sends it all. The
inside rep's work queue shows the report to review and the follow-up: the report is marked
reviewed, the follow-up claimed and completed with an outcome. The field rep's next sync
brings the outcome, announced by one desktop notification. The manager's dashboard, open
from the start, shows each figure moving by what happened: the visit planned and held, the
account covered, the deal converted, the SLA of every commitment met on time with its
median, nothing left waiting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.faults import Fault, FaultProxy
from support.server import running_server
from support.visit_crash_child import type_text
from support.windows import (
    dialog_of,
    lead_shown,
    open_account,
    open_window,
    press_f5,
    run_in,
    save,
)

from fieldapp.kpi import Dashboard
from fieldapp.store.database import Store
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.follow_ups import get_follow_up
from fieldapp.usecases.handoffs import get_lead
from fieldapp.usecases.inbox import InboxKind
from ui.context import AppContext
from ui.dialogs.follow_up_dialogs import CompleteFollowUpDialog
from ui.dialogs.lead_dialogs import AcceptLeadDialog, HandOverLeadDialog
from ui.main_window import MainWindow
from ui.notifier import SyncNotifier
from ui.pages.dashboard import DashboardPage
from ui.visit_form import VisitWindow

# The English catalogue holds the plurals of the notification.
pytestmark = pytest.mark.usefixtures("english")

WHY = "Asked for a tasting of the organic range at the trade show; budget approved"
WHO = "Claire Gagnon, the buyer, mornings before 11"
PROMISED = "Samples of the three new coffees and the spring price list"
SUMMARY = "Tasting went well; they sign for the organic range, first delivery in March"
ASKED = "Send the signed contract and set up the account for delivery"
OUTCOME = "Contract countersigned and sent; delivery account opened"


def _prospect(store: Store) -> dict[str, Any]:
    """An account of the field rep's with no lead yet and an open opportunity whose close
    date (the day a won deal counts as won) falls within the conversion window."""
    row = store.query_one(
        """SELECT a.id, o.id AS opportunity_id FROM accounts a
           JOIN users u ON u.id = a.owner_id AND u.username = 'field'
           JOIN opportunities o ON o.account_id = a.id
           WHERE a.id NOT IN (SELECT account_id FROM leads)
             AND o.stage NOT IN ('closed_won', 'closed_lost')
             AND (o.close_date IS NULL
                  OR o.close_date BETWEEN date('now') AND date('now', '+20 days'))
           ORDER BY a.name LIMIT 1"""
    )
    assert row is not None, "the demo data holds such an account for the field rep"
    return dict(row)


def _board(page: DashboardPage, qtbot: QtBot) -> Dashboard:
    """The figures the dashboard shows once nothing is left to compute."""
    tasks = page.context.tasks
    qtbot.waitUntil(
        lambda: (
            page.board is not None
            and not page.computing
            and not page.refresh_timer.isActive()
            and tasks.outstanding == 0
        ),
        timeout=60_000,
    )
    assert page.board is not None
    return page.board


def _kind(board: Dashboard, kind: CommitmentKind) -> Any:
    return next(k for k in board.sla.kinds if k.kind == kind)


def _hand_over(inside: MainWindow, qtbot: QtBot, account_id: str) -> None:
    inside.show_page("accounts")
    open_account(inside, qtbot, account_id)
    actions = inside.accounts.team_actions
    assert actions is not None
    qtbot.mouseClick(actions.hand_over_button, Qt.MouseButton.LeftButton)
    dialog = dialog_of(actions, HandOverLeadDialog, qtbot)
    qtbot.keyClicks(dialog.why, WHY)
    qtbot.keyClicks(dialog.who_to_see, WHO)
    qtbot.keyClicks(dialog.promised, PROMISED)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        save(dialog, qtbot)


def _accept_from_the_inbox(field: MainWindow, qtbot: QtBot, account_id: str) -> str:
    """Opens the lead from the inbox and accepts it, the visit planned half an hour ago
    (the rep is at the door): the visit's id."""
    field.show_page("inbox")
    inbox = field.inbox
    qtbot.waitUntil(
        lambda: any(
            i.kind == InboxKind.LEAD_HANDED and i.account_id == account_id
            for i in inbox.model.shown
        ),
        timeout=10_000,
    )
    row = next(
        r
        for r, i in enumerate(inbox.model.shown)
        if i.kind == InboxKind.LEAD_HANDED and i.account_id == account_id
    )
    inbox._select(row)
    inbox.table.setFocus()
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    panel = field.accounts.briefing.lead
    lead_shown(panel, qtbot, "handed")
    assert panel.why.text() == WHY
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    accept = dialog_of(panel, AcceptLeadDialog, qtbot)
    start = datetime.now().astimezone() - timedelta(minutes=30)
    accept.day.setDate(QDate(start.year, start.month, start.day))
    accept.start_time.setTime(QTime(start.hour, start.minute))
    with qtbot.waitSignal(accept.accepted, timeout=10_000):
        save(accept, qtbot)
    lead_shown(panel, qtbot, "accepted")
    assert panel.brief is not None
    lead_id = panel.brief.lead.id
    return str(run_in(field, qtbot, lambda s: get_lead(s, lead_id).visit_id))


def _hold_the_visit(field: MainWindow, qtbot: QtBot, visit_id: str, opportunity_id: str) -> None:
    """From Today: the visit opened with Enter, checked in, written up with a follow-up
    for the inside team and the opportunity won, completed."""
    field.show_page("today")
    today = field.today
    assert today is not None
    table = today.table
    qtbot.waitUntil(lambda: visit_id in today.model.visit_ids(), timeout=10_000)
    table.select_visit(visit_id)
    field.activateWindow()
    qtbot.waitUntil(field.isActiveWindow, timeout=5000)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visit_id in field._visit_windows, timeout=5000)
    window: VisitWindow = field._visit_windows[visit_id]
    qtbot.waitUntil(lambda: window.form_data is not None, timeout=10_000)
    qtbot.mouseClick(window.header.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.complete_button.isEnabled, timeout=10_000)
    report = window.report
    qtbot.keyClick(report.outcome, Qt.Key.Key_Down)  # "Order placed"
    type_text(report.summary, SUMMARY)
    qtbot.mouseClick(report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(report.follow_ups.rows[0].title, ASKED)  # for the inside team
    stage = report.stage_combos[opportunity_id]
    stage.setCurrentIndex(stage.findData("closed_won"))
    stage.activated.emit(stage.currentIndex())
    qtbot.mouseClick(window.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.header.status_label.text().startswith("Completed"), timeout=10_000
    )
    qtbot.waitUntil(lambda: field.context.tasks.outstanding == 0, timeout=10_000)
    window.close()


def _review_and_complete(
    inside: MainWindow, qtbot: QtBot, report_id: str, follow_up_id: str
) -> None:
    queue = inside.work_queue
    assert queue is not None
    inside.show_page("queue")
    qtbot.waitUntil(
        lambda: (
            queue.model.row_of(("notes", report_id)) is not None
            and queue.model.row_of(("follow_ups", follow_up_id)) is not None
        ),
        timeout=10_000,
    )
    # The report: Enter opens it in Review, Ctrl+Enter marks it reviewed.
    queue.select_record("notes", report_id)
    inside.activateWindow()
    qtbot.waitUntil(inside.isActiveWindow, timeout=5000)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    review = inside.review
    qtbot.waitUntil(
        lambda: review.current is not None and review.current.note_id == report_id,
        timeout=10_000,
    )
    qtbot.mouseClick(review.reviewed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.model.row_of(report_id) is None, timeout=10_000)

    # The follow-up: claimed (C), completed with its outcome (Ctrl+Enter).
    inside.show_page("queue")
    qtbot.waitUntil(lambda: queue.model.row_of(("notes", report_id)) is None, timeout=10_000)
    queue.select_record("follow_ups", follow_up_id)
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_C)
    qtbot.waitUntil(
        lambda: queue.current is not None and queue.current.owner_id == inside.context.user.id,
        timeout=10_000,
    )
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = queue.findChild(CompleteFollowUpDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.outcome, OUTCOME)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_lead_goes_round_the_loop_and_the_managers_dashboard_follows_it(
    tmp_path: Path, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with (
        running_server(tmp_path / "server", accounts=40, seed=5) as server,
        FaultProxy(server.url) as network,  # the field rep's road to the server
    ):
        manager = open_window(tmp_path, server.url, "manager", contexts, qtbot)
        inside = open_window(tmp_path, server.url, "inside", contexts, qtbot)
        field = open_window(tmp_path, network.url, "field", contexts, qtbot)
        shown: list[tuple[str, str]] = []
        notifier = SyncNotifier(field.context, lambda title, text: shown.append((title, text)))
        for window in (manager, inside, field):
            assert press_f5(window, qtbot).error is None
        assert manager.current_page == "dashboard"
        dashboard = manager.dashboard
        assert dashboard is not None
        before = _board(dashboard, qtbot)
        prospect = run_in(field, qtbot, _prospect)
        account_id, opportunity_id = prospect["id"], prospect["opportunity_id"]

        # Inside: the hand-over, synced.
        _hand_over(inside, qtbot, account_id)
        assert press_f5(inside, qtbot).error is None

        # Field: the lead arrives; then, out of reach of the server, accepted and held.
        assert press_f5(field, qtbot).error is None
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert shown == [("FieldApp", "1 lead handed to you")]
        shown.clear()
        network.set_fault(Fault.RESET_BEFORE_REQUEST)
        visit_id = _accept_from_the_inbox(field, qtbot, account_id)
        lead_id = str(
            run_in(
                field,
                qtbot,
                lambda s: s.scalar("SELECT id FROM leads WHERE visit_id = ?", (visit_id,)),
            )
        )
        _hold_the_visit(field, qtbot, visit_id, opportunity_id)
        assert press_f5(field, qtbot).error is not None  # still offline: all kept
        report_id, follow_up_id = run_in(field, qtbot, lambda s: _report_and_follow_up(s, visit_id))
        network.clear()
        assert press_f5(field, qtbot).error is None

        # Inside: the report reviewed, the follow-up completed, synced.
        assert press_f5(inside, qtbot).error is None
        _review_and_complete(inside, qtbot, report_id, follow_up_id)
        assert press_f5(inside, qtbot).error is None

        # Field: the outcome comes back, with one notification.
        assert press_f5(field, qtbot).error is None
        done = run_in(field, qtbot, lambda s: get_follow_up(s, follow_up_id))
        assert (done.status, done.outcome) == ("done", OUTCOME)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        # One summary for the sync: the review, the follow-up taken on and completed.
        assert shown == [
            (
                "FieldApp",
                "1 reply or review of your reports · 1 of your follow-ups completed"
                " · 1 of your follow-ups taken on",
            )
        ]

        # Manager: one sync, and the dashboard (left open) recomputes by itself.
        assert press_f5(manager, qtbot).error is None
        qtbot.waitUntil(lambda: dashboard.board is not before, timeout=30_000)
        after = _board(dashboard, qtbot)
        _assert_the_figures_moved(
            before, after, Story(account_id, lead_id, visit_id, report_id, follow_up_id)
        )
        del notifier


def _report_and_follow_up(store: Store, visit_id: str) -> tuple[str, str]:
    report_id = store.scalar(
        "SELECT id FROM notes WHERE visit_id = ? AND kind = 'visit_report'", (visit_id,)
    )
    follow_up_id = store.scalar(
        "SELECT id FROM follow_ups WHERE origin_visit_id = ? AND title = ?", (visit_id, ASKED)
    )
    assert report_id is not None and follow_up_id is not None
    return str(report_id), str(follow_up_id)


@dataclass(frozen=True)
class Story:
    """The records this story made, by the ids the dashboard's figures hold."""

    account_id: str
    lead_id: str
    visit_id: str
    report_id: str
    follow_up_id: str


def _gained(before: Sequence[str], after: Sequence[str]) -> set[str]:
    return set(after) - set(before)


def _assert_the_figures_moved(before: Dashboard, after: Dashboard, story: Story) -> None:
    # Visits planned vs held: one more of each, this story's, and nothing else moved.
    assert _gained(before.visits.total.planned, after.visits.total.planned) == {story.visit_id}
    assert _gained(before.visits.total.held, after.visits.total.held) == {story.visit_id}
    rep = {person.username: tally for person, tally in after.visits.by_rep}["field"]
    assert story.visit_id in rep.held
    # Coverage: the account visited today is within its frequency target.
    assert story.account_id in after.coverage.total.covered
    assert story.account_id not in {a.account_id for a in after.coverage.overdue}
    # Conversion: the held visit was followed by its opportunity won.
    assert story.visit_id in after.conversion.total.converted
    assert story.visit_id not in before.conversion.total.held
    # Travel: the visit is a stop of the day's planned route, and a held one.
    assert story.visit_id in after.travel.total.stops
    assert story.visit_id in after.travel.total.held
    # The SLA: every commitment of the loop met on time, and none in the breaches.
    met = {
        CommitmentKind.LEAD_VISIT_PLANNED: story.lead_id,
        CommitmentKind.LEAD_VISIT_HELD: story.lead_id,
        CommitmentKind.REPORT_WRITTEN: story.visit_id,
        CommitmentKind.REPORT_REVIEWED: story.report_id,
        CommitmentKind.FOLLOW_UP_HANDLED: story.follow_up_id,
    }
    for kind, record_id in met.items():
        was, now = _kind(before, kind), _kind(after, kind)
        assert _gained(was.on_time, now.on_time) == {record_id}, kind
        assert now.median_seconds is not None, kind
    ours = set(met.values())
    assert not ours & {b.record_id for b in after.sla.breaches}
    # Nothing of the story waits: the report reviewed, the follow-up done.
    waiting = {i for bucket in after.backlog.awaiting_review for i in bucket.items}
    still_open = {i for bucket in after.backlog.follow_ups_open for i in bucket.items}
    assert story.report_id not in waiting and story.follow_up_id not in still_open
