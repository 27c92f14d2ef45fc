"""What the team-loop story tests do through the windows, each in one place: open a lead
from the inbox, claim and complete a follow-up in the work queue, wait for the dashboard's
figures; and the field rep's visit of an hour ago, held and written up, for the stories
that start from a report."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fieldapp.clock import utc_now
from fieldapp.kpi import Dashboard
from fieldapp.records import Note, Visit
from fieldapp.store.database import Store
from fieldapp.usecases.inbox import InboxKind
from fieldapp.usecases.people import current_user
from fieldapp.usecases.visits import check_in, complete_visit, plan_visit
from support.windows import lead_shown
from ui.dialogs.follow_up_dialogs import CompleteFollowUpDialog
from ui.main_window import MainWindow
from ui.pages.dashboard import DashboardPage
from ui.pages.lead_panel import LeadPanel


def open_lead_from_inbox(field: MainWindow, qtbot: QtBot, account_id: str) -> LeadPanel:
    """The inbox's row of the lead handed for ``account_id``, opened with Enter: the lead
    panel on the account's briefing."""
    field.show_page("inbox")
    inbox = field.inbox

    def row() -> int | None:
        return next(
            (
                r
                for r, item in enumerate(inbox.model.shown)
                if item.kind == InboxKind.LEAD_HANDED and item.account_id == account_id
            ),
            None,
        )

    qtbot.waitUntil(lambda: row() is not None, timeout=10_000)
    found = row()
    assert found is not None
    inbox._select(found)
    inbox.table.setFocus()
    qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert field.current_page == "accounts"
    panel = field.accounts.briefing.lead
    lead_shown(panel, qtbot, "handed")
    return panel


def complete_in_queue(inside: MainWindow, qtbot: QtBot, follow_up_id: str, outcome: str) -> None:
    """From the work queue's keyboard: claim the follow-up (C), then complete it with
    ``outcome`` (Ctrl+Enter, the outcome typed, OK)."""
    queue = inside.work_queue
    assert queue is not None
    inside.show_page("queue")
    qtbot.waitUntil(lambda: queue.model.row_of(("follow_ups", follow_up_id)) is not None)
    queue.select_record("follow_ups", follow_up_id)
    inside.activateWindow()
    qtbot.waitUntil(inside.isActiveWindow, timeout=5000)
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
    qtbot.keyClicks(dialog.outcome, outcome)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def settled_board(page: DashboardPage, qtbot: QtBot) -> Dashboard:
    """The figures the dashboard shows once nothing is left to compute."""
    context = page.context
    qtbot.waitUntil(
        lambda: (
            page.board is not None
            and not page.computing
            and not page.refresh_timer.isActive()
            and context.tasks.outstanding == 0
            and context.figures.outstanding == 0
        ),
        timeout=60_000,
    )
    assert page.board is not None
    return page.board


def held_visit_with_report(store: Store, summary: str) -> tuple[Visit, Note]:
    """The signed-in field rep's visit of an hour ago at their first account by name,
    checked in and completed with ``summary``: the visit and its report."""
    me = current_user(store)
    account_id = store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 1", (me.id,)
    )
    start = utc_now() - timedelta(hours=1)
    visit = plan_visit(store, account_id, start, start + timedelta(minutes=45))
    check_in(store, visit.id)
    done, report = complete_visit(store, visit.id, outcome="positive", summary=summary)
    return done, report
