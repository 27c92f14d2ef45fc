"""The loop between the teams through two main windows and a real server process.

A field rep writes a visit report with a follow-up for the inside team and syncs; the
inside rep's window lands on the work queue, which shows the report to review and the
follow-up; the inside rep claims it and completes it with an outcome from the keyboard,
and syncs; the field rep's next sync brings the outcome back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.server import DEMO_PASSWORD, running_server

from fieldapp.clock import utc_now
from fieldapp.store.database import Store, open_store
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.follow_ups import create_follow_up, get_follow_up
from fieldapp.usecases.inbox import inbox
from fieldapp.usecases.people import current_user
from fieldapp.usecases.visits import check_in, complete_visit, plan_visit
from sync.session import sign_in
from ui.context import AppContext, build_context
from ui.dialogs.follow_up_dialogs import CompleteFollowUpDialog
from ui.main_window import MainWindow
from ui.models.work_queue import OWNER
from ui.settings import AppSettings

SUMMARY = "Met the buyer; they want the organic range listed before the spring fair"
ASKED = "Send the organic range price list"
OUTCOME = "Price list sent by e-mail; the buyer confirmed the listing for March"


@pytest.fixture
def contexts() -> Iterator[list[AppContext]]:
    made: list[AppContext] = []
    yield made
    for context in made:
        context.close()


def _window(
    tmp_path: Path, url: str, username: str, contexts: list[AppContext], qtbot: QtBot
) -> MainWindow:
    profile = tmp_path / f"laptop-{username}"
    with open_store(profile, create=True) as store:
        sign_in(store, url, username, DEMO_PASSWORD)
        user = current_user(store)
    context = build_context(profile, user, AppSettings(tmp_path / f"{username}.ini"))
    contexts.append(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _activate(window: Any, qtbot: QtBot) -> None:
    # Shortcuts reach only the active window, as on a real desktop.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _sync(window: MainWindow, qtbot: QtBot) -> None:
    _activate(window, qtbot)
    with qtbot.waitSignal(window.context.sync.finished, timeout=60_000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert finished.args[0].error is None


def _run(
    window: MainWindow, qtbot: QtBot, work: Callable[[Store], Any], write: bool = False
) -> Any:
    box: list[Any] = []
    tasks = window.context.tasks
    (tasks.write if write else tasks.read)(work, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def _write_report_with_follow_up(store: Store) -> tuple[str, str]:
    """The field rep's visit, held and written up, with a follow-up for the inside team."""
    me = current_user(store)
    account_id = store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 1", (me.id,)
    )
    start = utc_now() - timedelta(hours=1)
    visit = plan_visit(store, account_id, start, start + timedelta(minutes=45))
    check_in(store, visit.id)
    _, report = complete_visit(store, visit.id, outcome="positive", summary=SUMMARY)
    follow_up = create_follow_up(
        store,
        account_id,
        title=ASKED,
        due_date=(start + timedelta(days=2)).date(),
        assignee_team="inside",
        origin_visit_id=visit.id,
        origin_note_id=report.id,
    )
    return report.id, follow_up.id


def test_a_follow_up_from_the_field_is_completed_in_the_inside_queue_and_answered(
    tmp_path: Path, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with running_server(tmp_path / "server", accounts=30, seed=5) as server:
        field = _window(tmp_path, server.url, "field", contexts, qtbot)
        _sync(field, qtbot)
        report_id, follow_up_id = _run(field, qtbot, _write_report_with_follow_up, write=True)
        _sync(field, qtbot)

        inside = _window(tmp_path, server.url, "inside", contexts, qtbot)
        assert inside.current_page == "queue"
        _sync(inside, qtbot)
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
        _activate(inside, qtbot)
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
        inside.show_page("queue")
        queue.select_record("follow_ups", follow_up_id)
        _activate(inside, qtbot)
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
        _sync(inside, qtbot)
        # Accepted by the server: done, nothing owed any more.
        qtbot.waitUntil(
            lambda: queue.model.row_of(("follow_ups", follow_up_id)) is None, timeout=10_000
        )
        history = _run(inside, qtbot, lambda s: get_follow_up(s, follow_up_id))
        assert history.completed_at is not None and history.claimed_by == inside.context.user.id

        # Back in the field: the outcome comes back, in the follow-up and in the inbox.
        _sync(field, qtbot)
        answered = _run(field, qtbot, lambda s: get_follow_up(s, follow_up_id))
        assert answered.status == "done" and answered.outcome == OUTCOME
        news = _run(field, qtbot, lambda s: inbox(s))
        assert any(entry.follow_up_id == follow_up_id and entry.text == OUTCOME for entry in news)
        # ... and the briefing no longer lists it as open.
        field.context.navigator.account_requested.emit(item.account_id)
        briefing = field.accounts.briefing
        qtbot.waitUntil(
            lambda: any(SUMMARY in text for text in briefing.reports.texts()), timeout=10_000
        )
        assert all(ASKED not in text for text in briefing.follow_ups.texts())
