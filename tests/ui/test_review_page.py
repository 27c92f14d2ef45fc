"""The inside rep's Review page, driven through its widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.store.database import open_store
from fieldapp.usecases.reviews import review_queue, unreviewed_count
from ui.dialogs.review_dialogs import FollowUpDialog, PinNoteDialog
from ui.pages.review import ReviewPage


def _page(make_context, qtbot: QtBot) -> ReviewPage:
    context = make_context("inside")
    page = ReviewPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    return page


def _read(page: ReviewPage, qtbot: QtBot, work):
    box: list[object] = []
    page.context.tasks.read(work, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_inside_rep_reads_the_newest_report_first_and_marks_it_reviewed(make_context, qtbot):
    page = _page(make_context, qtbot)
    before = _read(page, qtbot, unreviewed_count)
    assert before > 1
    newest = _read(page, qtbot, lambda store: review_queue(store, limit=2))
    assert page.current.note_id == newest[0].note_id
    assert newest[0].body in page.body.toPlainText()
    assert str(before) in page.count_label.text()

    page.queue.setFocus()
    qtbot.keyClick(page.queue, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.current is not None and page.current.note_id == newest[1].note_id)
    assert _read(page, qtbot, unreviewed_count) == before - 1
    queued = _read(
        page,
        qtbot,
        lambda store: store.scalar("SELECT count(*) FROM outbox WHERE collection = 'reviews'"),
    )
    assert queued == 1
    assert newest[0].account_name in page.notice.message.text()


def test_filters_narrow_the_queue_to_one_outcome_and_tier(make_context, qtbot):
    page = _page(make_context, qtbot)
    everything = len(page.model.items)
    page.outcome_filter.setCurrentIndex(page.outcome_filter.findData("negative"))
    qtbot.waitUntil(lambda: all(i.outcome == "negative" for i in page.model.items))
    negatives = len(page.model.items)
    page.tier_filter.setCurrentIndex(page.tier_filter.findData("A"))
    qtbot.waitUntil(
        lambda: all(i.outcome == "negative" and i.tier == "A" for i in page.model.items)
    )
    assert len(page.model.items) <= negatives < everything
    expected = _read(page, qtbot, lambda s: review_queue(s, outcome="negative", tier="A"))
    assert [i.note_id for i in page.model.items] == [i.note_id for i in expected]


def test_feedback_reaches_the_report_and_an_empty_one_is_refused(make_context, qtbot):
    page = _page(make_context, qtbot)
    report = page.current
    qtbot.mouseClick(page.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert "empty" in page.message.text().lower() or "required" in page.message.text().lower()

    qtbot.keyClicks(page.reply_box, "Great visit - <b>call them Friday</b>")
    qtbot.mouseClick(page.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.reply_box.toPlainText() == "")
    feedback = _read(
        page,
        qtbot,
        lambda store: store.query(
            "SELECT body, kind FROM notes WHERE reply_to_id = ?", (report.note_id,)
        ),
    )
    assert {"body": "Great visit - <b>call them Friday</b>", "kind": "feedback"} in feedback


def test_follow_up_and_pinned_note_from_a_report(make_context, qtbot):
    page = _page(make_context, qtbot)
    report = page.current
    dialog = FollowUpDialog(page.context, report.account_id, report.note_id, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()  # empty title: refused, dialog stays open
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Send the spring price list")
    dialog.assignee.setCurrentIndex(dialog.assignee.findData("inside"))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.submit()
    rows = _read(
        page,
        qtbot,
        lambda store: store.query(
            "SELECT title, assignee_team, origin_note_id FROM follow_ups WHERE title = ?",
            ("Send the spring price list",),
        ),
    )
    assert rows == [
        {
            "title": "Send the spring price list",
            "assignee_team": "inside",
            "origin_note_id": report.note_id,
        }
    ]

    pin = PinNoteDialog(page.context, report.account_id, page)
    qtbot.addWidget(pin)
    pin.show()
    # keyClicks types ASCII only (QTest's key table); the accent is pasted, as a user might.
    qtbot.keyClicks(pin.body, "Ask for <i>")
    pin.body.insertPlainText("Élise</i> at the front desk")
    with qtbot.waitSignal(pin.accepted, timeout=5000):
        pin.submit()
    pinned = _read(
        page,
        qtbot,
        lambda store: store.query(
            "SELECT body FROM notes WHERE account_id = ? AND pinned = 1 AND kind = 'for_field'",
            (report.account_id,),
        ),
    )
    assert {"body": "Ask for <i>Élise</i> at the front desk"} in pinned
    # The reading pane shows the pinned note as text, tags included.
    qtbot.waitUntil(lambda: "<i>Élise</i>" in page.context_label.text())
    assert page.context_label.textFormat() == Qt.TextFormat.PlainText


def test_a_field_rep_sees_only_what_a_field_rep_can_do(make_context, qtbot, ui_profile):
    context = make_context("field")
    page = ReviewPage(context)
    qtbot.addWidget(page)
    page.show()  # the queue is read when the page is first shown
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    # Reviewing, feedback and pinning are the inside team's: not offered, not just refused.
    for widget in (page.reviewed_button, page.reply_button, page.reply_box, page.pin_button):
        assert not widget.isVisible()
    assert page.account_button.isVisible() and page.account_button.isEnabled()
    assert "inside team" in page.role_label.text()
    assert "to review" not in page.count_label.text()
    # Ctrl+Enter does nothing either: no message, nothing queued.
    page.queue.setFocus()
    qtbot.keyClick(page.queue, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(100)
    assert page.message.text() == ""
    with open_store(ui_profile) as store:
        assert store.scalar("SELECT count(*) FROM outbox") == 0


def test_an_inside_rep_is_offered_every_review_action(make_context, qtbot):
    page = _page(make_context, qtbot)
    for widget in (page.reviewed_button, page.reply_button, page.reply_box, page.pin_button):
        assert widget.isVisible() and widget.isEnabled()
    assert not page.role_label.isVisible()


def test_a_field_rep_cannot_mark_reports_reviewed(make_context, qtbot, ui_profile):
    context = make_context("field")
    page = ReviewPage(context)
    qtbot.addWidget(page)
    page.show()  # the queue is read when the page is first shown
    qtbot.waitUntil(lambda: page.current is not None, timeout=5000)
    page.mark_current_reviewed()
    qtbot.waitUntil(lambda: bool(page.message.text()))
    assert "inside" in page.message.text()
    with open_store(ui_profile) as store:
        assert store.scalar("SELECT count(*) FROM outbox") == 0
    assert QApplication.instance() is not None


def test_undo_after_mark_reviewed_puts_the_report_back_and_tells_the_server(make_context, qtbot):
    page = _page(make_context, qtbot)
    before = _read(page, qtbot, unreviewed_count)
    item = page.current
    qtbot.mouseClick(page.reviewed_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.isVisible())
    assert item.account_name in page.notice.message.text()
    assert _read(page, qtbot, unreviewed_count) == before - 1

    assert page.notice.action_button.text() == "Undo"
    qtbot.mouseClick(page.notice.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.current is not None and page.current.note_id == item.note_id)
    assert _read(page, qtbot, unreviewed_count) == before
    assert not page.notice.isVisible()
    queued = _read(
        page,
        qtbot,
        lambda store: [
            row["op"]
            for row in store.query(
                "SELECT op FROM outbox WHERE collection = 'reviews' ORDER BY rowid"
            )
        ],
    )
    assert queued == ["create", "delete"]
