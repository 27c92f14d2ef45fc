"""The loop between the teams through two main windows and a real server process.

A field rep writes a visit report with a follow-up for the inside team and syncs; the
inside rep's window lands on the work queue, which shows the report to review and the
follow-up; the inside rep claims it and completes it with an outcome from the keyboard,
and syncs; the field rep's next sync brings the outcome back.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.server import running_server
from support.team_windows import complete_in_queue, held_visit_with_report
from support.windows import open_window, press_f5, run_in

from fieldapp.clock import from_text
from fieldapp.store.database import Store
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.follow_ups import create_follow_up, get_follow_up
from fieldapp.usecases.inbox import inbox
from ui.context import AppContext
from ui.models.work_queue import OWNER

SUMMARY = "Met the buyer; they want the organic range listed before the spring fair"
ASKED = "Send the organic range price list"
OUTCOME = "Price list sent by e-mail; the buyer confirmed the listing for March"


def _write_report_with_follow_up(store: Store) -> tuple[str, str]:
    """The field rep's visit, held and written up, with a follow-up for the inside team."""
    visit, report = held_visit_with_report(store, SUMMARY)
    account_id = visit.account_id
    follow_up = create_follow_up(
        store,
        account_id,
        title=ASKED,
        due_date=(from_text(visit.planned_start) + timedelta(days=2)).date(),
        assignee_team="inside",
        origin_visit_id=visit.id,
        origin_note_id=report.id,
    )
    return report.id, follow_up.id


def test_a_follow_up_from_the_field_is_completed_in_the_inside_queue_and_answered(
    tmp_path: Path, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with running_server(tmp_path / "server", accounts=30, seed=5) as server:
        field = open_window(tmp_path, server.url, "field", contexts, qtbot)
        assert press_f5(field, qtbot).error is None
        report_id, follow_up_id = run_in(field, qtbot, _write_report_with_follow_up, write=True)
        assert press_f5(field, qtbot).error is None

        inside = open_window(tmp_path, server.url, "inside", contexts, qtbot)
        assert inside.current_page == "queue"
        assert press_f5(inside, qtbot).error is None
        queue = inside.work_queue
        assert queue is not None
        qtbot.waitUntil(
            lambda: (
                queue.model.row_of(("follow_ups", follow_up_id)) is not None
                and queue.model.row_of(("notes", report_id)) is not None
            ),
            timeout=10_000,
        )
        row = queue.model.row_of(("follow_ups", follow_up_id))
        item = queue.model.items[row]
        assert item.kind == CommitmentKind.FOLLOW_UP_HANDLED and item.title == ASKED
        assert item.clock is not None and not item.waiting_to_sync  # the server started it
        assert queue.model.data(queue.model.index(row, OWNER)) == "Unclaimed"

        # The report: Enter opens it in the Review page.
        queue.select_record("notes", report_id)
        inside.activateWindow()
        qtbot.waitUntil(inside.isActiveWindow, timeout=5000)
        queue.table.setFocus()
        qtbot.keyClick(queue.table, Qt.Key.Key_Return)
        assert inside.current_page == "review"
        qtbot.waitUntil(
            lambda: (
                inside.review.current is not None and inside.review.current.note_id == report_id
            ),
            timeout=10_000,
        )

        # The follow-up: claim (C), then complete (Ctrl+Enter) with its outcome.
        complete_in_queue(inside, qtbot, follow_up_id, OUTCOME)
        assert press_f5(inside, qtbot).error is None
        # Accepted by the server: done, nothing owed any more.
        qtbot.waitUntil(
            lambda: queue.model.row_of(("follow_ups", follow_up_id)) is None, timeout=10_000
        )
        history = run_in(inside, qtbot, lambda s: get_follow_up(s, follow_up_id))
        assert history.completed_at is not None and history.claimed_by == inside.context.user.id

        # Back in the field: the outcome comes back, in the follow-up and in the inbox.
        assert press_f5(field, qtbot).error is None
        answered = run_in(field, qtbot, lambda s: get_follow_up(s, follow_up_id))
        assert answered.status == "done" and answered.outcome == OUTCOME
        news = run_in(field, qtbot, lambda s: inbox(s))
        assert any(entry.follow_up_id == follow_up_id and entry.text == OUTCOME for entry in news)
        # ... and the briefing no longer lists it as open.
        field.context.navigator.account_requested.emit(item.account_id)
        briefing = field.accounts.briefing
        qtbot.waitUntil(
            lambda: any(SUMMARY in text for text in briefing.reports.texts()), timeout=10_000
        )
        assert all(ASKED not in text for text in briefing.follow_ups.texts())
