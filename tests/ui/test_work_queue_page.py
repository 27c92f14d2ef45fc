"""The inside rep's work queue, driven through its widgets on the demo profile: what is owed
in the order of the SLA clock, the keyboard flow of the review queue, and each step of a
follow-up's and a returned lead's hand-off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.follow_ups import get_follow_up
from fieldapp.usecases.handoffs import get_lead
from fieldapp.usecases.work_queue import LEAD_RETURNED, QueueItem
from ui.dialogs.follow_up_dialogs import (
    CommentDialog,
    CompleteFollowUpDialog,
    ReassignFollowUpDialog,
)
from ui.dialogs.returned_lead_dialogs import HandLeadAgainDialog, WithdrawLeadDialog
from ui.labels import ERROR_COLOUR
from ui.models.work_queue import CLOCK, DUE, OWNER, TITLE, WHAT, item_key
from ui.pages.work_queue import WorkQueuePage

OUTBOX = "SELECT count(*) FROM outbox"


def _page(make_context: Callable[..., Any], qtbot: QtBot) -> WorkQueuePage:
    page = WorkQueuePage(make_context("inside"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: page.loaded and page.current is not None, timeout=5000)
    page.table.setFocus()
    return page


def _read(page: WorkQueuePage, qtbot: QtBot, work: Callable[[Any], Any]) -> Any:
    box: list[object] = []
    page.context.tasks.read(work, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def _cell(page: WorkQueuePage, row: int, column: int, role: Any = None) -> Any:
    index = page.model.index(row, column)
    return page.model.data(index, role if role is not None else Qt.ItemDataRole.DisplayRole)


def _go_to(page: WorkQueuePage, qtbot: QtBot, kind: str) -> QueueItem:
    row = next(r for r, item in enumerate(page.model.items) if item.kind == kind)
    page._select(row)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.key == page._keep)
    assert page.current is not None
    return page.current


def _press(page: WorkQueuePage, qtbot: QtBot, key: Qt.Key, modifier: Any = None) -> None:
    # Shortcuts reach only the active window, as on a desktop (a dialog just closed).
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.table.setFocus()
    if modifier is None:
        qtbot.keyClick(page.table, key)
    else:
        qtbot.keyClick(page.table, key, modifier)


def _ok(dialog: Any, qtbot: QtBot) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_queue_shows_what_is_owed_overdue_first_and_the_clocks_tick(
    make_context, qtbot: QtBot, ui_clock
) -> None:
    page = _page(make_context, qtbot)
    items = page.model.items
    kinds = {item.kind for item in items}
    assert {
        CommitmentKind.REPORT_REVIEWED,
        CommitmentKind.FOLLOW_UP_HANDLED,
        LEAD_RETURNED,
    } <= kinds
    overdue = [item.overdue for item in items]
    assert overdue[0] and sum(overdue) >= 2 and not overdue[-1]
    assert overdue == sorted(overdue, reverse=True)  # every overdue item before the rest
    first = page.model.items[0]
    assert _cell(page, 0, CLOCK).startswith("overdue by ")
    assert _cell(page, 0, CLOCK, Qt.ItemDataRole.ForegroundRole).color().name() == ERROR_COLOUR
    assert _cell(page, 0, WHAT) in {"Report to review", "Follow-up"}
    soon = next(r for r, item in enumerate(items) if item.clock and item.clock.state == "due_soon")
    assert _cell(page, soon, CLOCK).endswith(" left")
    assert _cell(page, soon, DUE).startswith("today ")
    colour = _cell(page, soon, DUE, Qt.ItemDataRole.ForegroundRole).color().name()
    assert colour not in (ERROR_COLOUR, "#000000")
    returned = next(r for r, item in enumerate(items) if item.kind == LEAD_RETURNED)
    assert _cell(page, returned, CLOCK) == "an answer is owed"
    assert _cell(page, returned, OWNER) == "Me"
    assert f"{sum(overdue)} overdue" in page.count_label.text()

    # Three days later (the timer's next read), everything with a clock is overdue, the
    # most overdue first, and the selection stays on the item the rep was reading.
    page._select(soon)
    reading = item_key(page.model.items[soon])
    with qtbot.waitSignal(page.overdue_changed, timeout=5000) as counted:
        ui_clock.advance(days=3)
        page.timer.timeout.emit()
    clocked = [item for item in page.model.items if item.clock is not None]
    assert all(item.overdue for item in clocked) and counted.args == [len(clocked)]
    lateness = [item.clock.overdue_by for item in clocked if item.clock is not None]
    assert lateness == sorted(lateness, reverse=True)
    assert page.model.items[0] != first or len(clocked) == 1 or lateness[0] > lateness[1]
    assert page.current is not None and item_key(page.current) == reading
    # Past two days the clock counts in days (the plural's words are the catalogue's).
    assert _cell(page, 0, CLOCK).startswith("overdue by ") and "day" in _cell(page, 0, CLOCK)


def test_the_keyboard_moves_opens_and_reviews_like_the_review_queue(
    make_context, qtbot: QtBot
) -> None:
    page = _page(make_context, qtbot)
    assert page.table.currentIndex().row() == 0
    _press(page, qtbot, Qt.Key.Key_J)
    assert page.table.currentIndex().row() == 1
    _press(page, qtbot, Qt.Key.Key_K)
    assert page.table.currentIndex().row() == 0
    _press(page, qtbot, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1

    report = _go_to(page, qtbot, CommitmentKind.REPORT_REVIEWED)
    assert page.review_button.isVisible() and not page.claim_button.isVisible()
    assert page.open_button.text() == "Open in Review"
    with qtbot.waitSignal(page.context.navigator.note_requested, timeout=2000) as opened:
        _press(page, qtbot, Qt.Key.Key_Return)
    assert opened.args == [report.record_id]

    # Ctrl+Enter reviews it in place; it stays, waiting to sync, its clock running.
    _press(page, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Marked reviewed" in page.message.text(), timeout=5000)
    row = page.model.row_of(item_key(report))
    assert row is not None
    qtbot.waitUntil(lambda: _cell(page, row, CLOCK).endswith("waiting to sync"), timeout=5000)
    queued = _read(
        page,
        qtbot,
        lambda s: s.scalar("SELECT count(*) FROM reviews WHERE note_id = ?", (report.record_id,)),
    )
    assert queued == 1


def test_a_follow_up_is_claimed_commented_and_completed_with_its_outcome(
    make_context, qtbot: QtBot
) -> None:
    page = _page(make_context, qtbot)
    item = _go_to(page, qtbot, CommitmentKind.FOLLOW_UP_HANDLED)
    assert item.owner_id is None and page.claim_button.isEnabled()
    # Nobody took it yet: the column says so, the sentence names the team that owes it.
    row = page.model.row_of(item_key(item))
    assert _cell(page, row, OWNER) == "Unclaimed"
    assert page.facts.text().startswith("Owed by Inside team · due ")
    assert page.history.count() >= 1  # the server's "handed over" step
    assert "Handed over" in page.history.item(0).text()

    _press(page, qtbot, Qt.Key.Key_C)
    row = page.model.row_of(item_key(item))
    qtbot.waitUntil(lambda: _cell(page, row, OWNER) == "Me", timeout=5000)
    assert not page.claim_button.isEnabled()
    follow_up = _read(page, qtbot, lambda s: get_follow_up(s, item.record_id))
    assert follow_up.claimed_by == page.context.user.id

    _press(page, qtbot, Qt.Key.Key_M)
    comment = page.findChild(CommentDialog)
    assert comment is not None
    qtbot.keyClicks(comment.note, "Called them, waiting for the buyer")
    _ok(comment, qtbot)
    qtbot.waitUntil(
        lambda: any(
            "waiting for the buyer" in page.history.item(i).text()
            for i in range(page.history.count())
        ),
        timeout=5000,
    )

    # Completing with no outcome: said plainly, nothing written, the dialog stays.
    before = _read(page, qtbot, lambda s: s.scalar(OUTBOX))
    _press(page, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(CompleteFollowUpDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.outcome, "   ")
    _ok(dialog, qtbot)
    assert dialog.error.isVisible() and "outcome" in dialog.error.text()
    assert dialog.isVisible()
    assert _read(page, qtbot, lambda s: s.scalar(OUTBOX)) == before
    assert _read(page, qtbot, lambda s: get_follow_up(s, item.record_id)).status == "open"

    dialog.outcome.setPlainText("Sent the spring price list; they order on Monday")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _ok(dialog, qtbot)
    done = _read(page, qtbot, lambda s: get_follow_up(s, item.record_id))
    assert done.status == "done" and done.outcome.startswith("Sent the spring price list")
    assert "Completed" in page.message.text()
    # Done here, not on the server yet: it stays in the queue, marked so.
    qtbot.waitUntil(
        lambda: _cell(page, page.model.row_of(item_key(item)), CLOCK).endswith("waiting to sync"),
        timeout=5000,
    )


def test_a_follow_up_reassigned_to_the_field_team_leaves_my_queue(
    make_context, qtbot: QtBot
) -> None:
    page = _page(make_context, qtbot)
    item = _go_to(page, qtbot, CommitmentKind.FOLLOW_UP_HANDLED)
    _press(page, qtbot, Qt.Key.Key_R)
    dialog = page.findChild(ReassignFollowUpDialog)
    assert dialog is not None
    # Its own team again is no reassignment: refused, nothing changed.
    dialog.to.setCurrentIndex(dialog.to.findData("team:inside"))
    _ok(dialog, qtbot)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert "already" in dialog.error.text()
    assert _read(page, qtbot, lambda s: get_follow_up(s, item.record_id)).assignee_team == "inside"
    dialog.to.setCurrentIndex(dialog.to.findData("team:field"))
    _ok(dialog, qtbot)
    qtbot.waitUntil(lambda: page.model.row_of(item_key(item)) is None, timeout=5000)
    assert _read(page, qtbot, lambda s: get_follow_up(s, item.record_id)).assignee_team == "field"
    assert page.current is not None  # the next item is selected


def test_a_returned_lead_shows_its_reason_and_is_handed_again_or_withdrawn(
    make_context, qtbot: QtBot
) -> None:
    page = _page(make_context, qtbot)
    item = _go_to(page, qtbot, LEAD_RETURNED)
    lead = _read(page, qtbot, lambda s: get_lead(s, item.record_id))
    assert lead.reason and lead.reason in page.facts.text()
    assert page.hand_again_button.isVisible() and page.withdraw_button.isVisible()
    assert not page.complete_button.isVisible()
    assert any("Returned" in page.history.item(i).text() for i in range(page.history.count()))

    _press(page, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    again = page.findChild(HandLeadAgainDialog)
    assert again is not None
    qtbot.waitUntil(lambda: again.rep.count() > 0, timeout=5000)
    assert again.rep.currentData() == lead.assignee_id  # the rep who returned it first
    again.reject()

    _press(page, qtbot, Qt.Key.Key_W)
    withdraw = page.findChild(WithdrawLeadDialog)
    assert withdraw is not None
    qtbot.keyClicks(withdraw.reason, "They signed with a competitor")
    _ok(withdraw, qtbot)
    qtbot.waitUntil(lambda: page.model.row_of(item_key(item)) is None, timeout=5000)
    closed = _read(page, qtbot, lambda s: get_lead(s, item.record_id))
    assert closed.status == "withdrawn" and closed.reason == "They signed with a competitor"


def test_the_clocks_read_as_words_in_english_and_french(qapp: object) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QApplication

    from ui.clock_words import ClockWords
    from ui.i18n import Languages

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        assert languages.apply("en") == "en"
        words = ClockWords()
        assert words.overdue(timedelta(days=3, hours=5)) == "overdue by 3 days"
        assert words.left(timedelta(hours=3, minutes=59)) == "3 hours left"
        assert words.left(timedelta(minutes=1)) == "1 minute left"
        assert languages.apply("fr") == "fr"
        assert words.overdue(timedelta(hours=26)) == "en retard de 26 heures"
        assert words.left(timedelta(days=2)) == "2 jours restants"
    finally:
        languages.clear()


def test_every_column_fits_beside_the_pane_in_a_laptop_window(make_context, qtbot: QtBot) -> None:
    # The page's share of a 1366-pixel window (the rail takes the rest): the queue shows
    # every column, its title included, without scrolling sideways, and the pane keeps
    # room for its row of steps.
    page = _page(make_context, qtbot)
    qtbot.waitUntil(lambda: page.splitter.sizes()[1] >= 380, timeout=5000)
    assert page.table.horizontalScrollBar().maximum() == 0
    assert page.table.columnWidth(TITLE) >= 100
