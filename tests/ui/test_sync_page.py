"""The Sync page, driven through its widgets: what waits to be sent, what each sync did, and
a field rep settling conflicts and refused changes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support.sync_issue_world import (
    SERVER_VERSION,
    ScriptedServer,
    account_conflict,
    conflict_answer,
    log_run,
    reject_latest,
)

from fieldapp.store.database import Store
from fieldapp.usecases.accounts import edit_account
from fieldapp.usecases.notes import add_note
from sync.errors import OfflineError
from ui.dialogs.conflict_dialog import ConflictDialog
from ui.dialogs.rejection_dialog import RejectionDialog
from ui.formatting import clock_time
from ui.models.sync_models import (
    C_FIELD,
    C_MINE,
    C_THEIRS,
    CHANGE,
    FIELDS,
    L_CONFLICTS,
    L_ERROR,
    L_RESULT,
    L_SENT,
    QUEUED,
    R_REASON,
    RECORD,
    WHAT,
)
from ui.pages.sync_page import (
    CONFLICTS_TAB,
    LOG_TAB,
    PAGE_SIZE,
    PENDING_TAB,
    REJECTIONS_TAB,
    SyncPage,
)
from ui.sync_worker import SyncOutcome

LEFT = Qt.MouseButton.LeftButton


def _page(make_context: Callable[..., Any], qtbot: QtBot, **options: object) -> SyncPage:
    page = SyncPage(make_context("field", **options))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.context.tasks.outstanding == 0, timeout=5000)
    return page


def _run(page: SyncPage, qtbot: QtBot, work: Callable[[Store], Any]) -> Any:
    """Run ``work`` on the store worker (which announces what it wrote), wait for it."""
    box: list[Any] = []
    failures: list[Exception] = []
    page.context.tasks.write(work, box.append, failed=failures.append)
    qtbot.waitUntil(lambda: bool(box or failures), timeout=5000)
    if failures:
        raise failures[0]
    return box[0]


def _account(page: SyncPage, qtbot: QtBot) -> dict[str, Any]:
    return _run(
        page,
        qtbot,
        lambda store: store.query(
            "SELECT id, name, phone, city, visit_frequency_days FROM accounts"
            " WHERE phone IS NOT NULL ORDER BY name LIMIT 1"
        )[0],
    )


def _cell(view: Any, row: int, column: int) -> str:
    return view.model().index(row, column).data()


def _outbox(page: SyncPage, qtbot: QtBot) -> list[dict[str, Any]]:
    return _run(
        page, qtbot, lambda s: s.query("SELECT op, fields, base_version FROM outbox ORDER BY seq")
    )


def _conflict_rows(page: SyncPage, qtbot: QtBot) -> list[dict[str, Any]]:
    return _run(
        page,
        qtbot,
        lambda s: s.query("SELECT field, status, resolution FROM conflicts ORDER BY id"),
    )


# -- pending changes and the sync log --------------------------------------------------
def test_a_note_written_offline_is_listed_as_pending_with_what_and_when(
    make_context, qtbot: QtBot, ui_clock
) -> None:
    page = _page(make_context, qtbot)
    assert page.pending_model.rowCount() == 0
    assert page.tabs.tabText(PENDING_TAB) == "Pending changes"
    account = _account(page, qtbot)
    ui_clock.advance(minutes=10)

    note = _run(
        page,
        qtbot,
        lambda s: add_note(s, account["id"], "Owner asks for the\nspring catalogue"),
    )

    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1, timeout=5000)
    view = page.pending_view
    assert _cell(view, 0, WHAT) == "Note"
    assert _cell(view, 0, RECORD) == f"Owner asks for the spring catalogue — {account['name']}"
    assert _cell(view, 0, CHANGE) == "New"
    assert clock_time(ui_clock.now) in _cell(view, 0, QUEUED)
    assert page.tabs.tabText(PENDING_TAB) == "Pending changes (1)"
    assert "1 change" in page.pending_summary.text()
    [queued] = _run(page, qtbot, lambda s: s.query("SELECT record_id, op FROM outbox"))
    assert queued == {"record_id": note.id, "op": "create"}

    _run(page, qtbot, lambda s: edit_account(s, account["id"], city="Laval"))
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 2, timeout=5000)
    assert (_cell(view, 1, CHANGE), _cell(view, 1, FIELDS)) == ("Edit", "City: Laval")
    assert page.tabs.tabText(PENDING_TAB) == "Pending changes (2)"


def test_a_long_outbox_is_counted_whole_and_loaded_as_the_list_scrolls(
    make_context, qtbot: QtBot
) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)
    total = PAGE_SIZE + 20

    def a_week_offline(store: Store) -> None:
        with store.transaction():
            for n in range(total):
                edit_account(store, account["id"], city=f"Stop {n}")

    _run(page, qtbot, a_week_offline)
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == PAGE_SIZE, timeout=10_000)
    assert page.tabs.tabText(PENDING_TAB) == f"Pending changes ({total})"

    bar = page.pending_view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the rep scrolls to the end of what is shown
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == total, timeout=10_000)
    assert _cell(page.pending_view, total - 1, FIELDS) == f"City: Stop {total - 1}"


def test_the_sync_log_lists_runs_and_the_header_says_why_the_last_one_failed(
    make_context, qtbot: QtBot, ui_clock
) -> None:
    page = _page(make_context, qtbot)
    assert page.log_model.rowCount() == 0 and page.error_label.isHidden()
    assert page.last_sync_label.text() == "Never synced"

    _run(page, qtbot, lambda s: log_run(s, pushed=4, pulled=120, conflicts=1))
    ui_clock.advance(hours=2)
    _run(
        page,
        qtbot,
        lambda s: log_run(s, error="The server did not answer in time."),
    )

    qtbot.waitUntil(lambda: page.log_model.rowCount() == 2, timeout=5000)
    view = page.log_view
    assert [_cell(view, r, L_RESULT) for r in (0, 1)] == ["Failed", "Succeeded"]
    assert _cell(view, 0, L_ERROR) == "The server did not answer in time."
    assert (_cell(view, 1, L_SENT), _cell(view, 1, L_CONFLICTS)) == ("4", "1")
    assert page.error_label.text() == "Last sync failed: The server did not answer in time."
    assert page.last_sync_label.text().startswith("Last successful sync: 2 hour")
    assert page.tabs.tabText(LOG_TAB) == "Sync log"


def test_sync_now_sends_the_outbox_and_brings_back_a_conflict(make_context, qtbot: QtBot) -> None:
    server = ScriptedServer(conflict_answer({"phone": "514 555 0777"}))
    page = _page(make_context, qtbot, backend_factory=lambda _store: server)
    account = _account(page, qtbot)
    _run(
        page,
        qtbot,
        lambda s: edit_account(s, account["id"], phone="514 555 0100"),
    )
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1, timeout=5000)

    with qtbot.waitSignal(page.context.sync.finished, timeout=10_000) as finished:
        qtbot.mouseClick(page.sync_button, LEFT)
    assert finished.args[0].error is None

    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=5000)
    assert page.pending_model.rowCount() == 0
    assert page.tabs.tabText(PENDING_TAB) == "Pending changes"
    assert page.tabs.tabText(CONFLICTS_TAB) == "Conflicts (1)"
    assert [_cell(page.conflicts_view, 0, c) for c in (C_FIELD, C_MINE, C_THEIRS)] == [
        "Phone",
        "514 555 0100",
        "514 555 0777",
    ]
    assert (_cell(page.log_view, 0, L_SENT), _cell(page.log_view, 0, L_CONFLICTS)) == ("1", "1")
    assert page.connection_label.text() == "Online"
    assert page.connection_detail.text() == "Changes are sent as you save them."
    assert page.last_sync_label.text() == "Last successful sync: just now"
    assert page.error_label.isHidden() and page.sync_button.isEnabled()
    assert [m.fields for m in server.pushed] == [{"phone": "514 555 0100"}]


def test_an_unreachable_server_shows_offline_and_the_reason_in_the_header(
    make_context, qtbot: QtBot
) -> None:
    server = ScriptedServer()
    server.failure = OfflineError("The server could not be reached.")
    page = _page(make_context, qtbot, backend_factory=lambda _store: server)

    with qtbot.waitSignal(page.context.sync.finished, timeout=10_000):
        qtbot.mouseClick(page.sync_button, LEFT)

    assert page.connection_label.text() == "Offline"
    assert page.connection_detail.text() == (
        "Changes are kept here and sent when the server answers."
    )
    assert page.error_label.text() == "Last sync failed: The server could not be reached."
    assert not page.error_label.isHidden()
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=5000)
    assert _cell(page.log_view, 0, L_RESULT) == "Failed"


def test_cancel_stops_a_running_sync_and_keeps_what_was_answered(
    make_context, qtbot: QtBot
) -> None:
    gate = threading.Event()
    server = ScriptedServer(gate=gate)
    page = _page(make_context, qtbot, backend_factory=lambda _store: server)
    account = _account(page, qtbot)
    _run(page, qtbot, lambda s: edit_account(s, account["id"], city="Laval"))
    try:
        qtbot.mouseClick(page.sync_button, LEFT)
        qtbot.waitUntil(server.push_waiting.is_set, timeout=10_000)
        assert page.cancel_button.isVisible() and not page.sync_button.isEnabled()
        assert page.connection_label.text() == "Syncing…"
        with qtbot.waitSignal(page.context.sync.finished, timeout=10_000) as finished:
            qtbot.mouseClick(page.cancel_button, LEFT)
            assert page.progress_label.text() == "Cancelling…"
            gate.set()  # the server answers the push it was holding
    finally:
        gate.set()
    outcome: SyncOutcome = finished.args[0]
    assert outcome.cancelled
    assert page.error_label.text() == (
        "The last sync was cancelled; everything received so far is saved."
    )
    assert page.cancel_button.isHidden() and page.sync_button.isEnabled()
    # The push the server answered before the cancel counts: it left the outbox.
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 0, timeout=5000)
    assert _outbox(page, qtbot) == []


# -- conflicts -------------------------------------------------------------------------
def _phone_conflict(page: SyncPage, qtbot: QtBot, account: dict[str, Any]) -> str:
    [conflict_id] = _run(
        page,
        qtbot,
        lambda s: account_conflict(
            s, account["id"], {"phone": "514 555 0100"}, {"phone": "514 555 0777"}
        ),
    )
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=5000)
    page.tabs.setCurrentIndex(CONFLICTS_TAB)
    return conflict_id


def _opened(page: SyncPage, qtbot: QtBot, kind: type) -> Any:
    dialog = page.dialog
    assert isinstance(dialog, kind)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_keep_mine_sends_my_phone_again_over_the_servers_version(make_context, qtbot) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)
    _phone_conflict(page, qtbot, account)
    assert page.tabs.tabText(CONFLICTS_TAB) == "Conflicts (1)"

    page.conflicts_view.setFocus()
    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_Return)
    dialog = _opened(page, qtbot, ConflictDialog)
    assert dialog.field_label.text() == "Field: Phone"
    assert account["name"] in dialog.record_label.text()
    assert dialog.mine_box.toPlainText() == "514 555 0100"
    assert dialog.theirs_box.toPlainText() == "514 555 0777"
    assert dialog.base_box.toPlainText() == account["phone"]
    qtbot.mouseClick(dialog.keep_mine_button, LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=5000)
    assert page.tabs.tabText(CONFLICTS_TAB) == "Conflicts"
    assert _conflict_rows(page, qtbot) == [
        {"field": "phone", "status": "resolved", "resolution": "mine"}
    ]
    assert _outbox(page, qtbot) == [
        {"op": "update", "fields": '{"phone":"514 555 0100"}', "base_version": SERVER_VERSION}
    ]
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1, timeout=5000)


def test_take_theirs_keeps_the_servers_phone_and_sends_nothing(make_context, qtbot) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)
    _phone_conflict(page, qtbot, account)

    view = page.conflicts_view
    where = view.visualRect(view.model().index(0, C_MINE)).center()
    # A double-click is a press and release, then the double-click itself (as Qt sees a hand).
    qtbot.mouseClick(view.viewport(), LEFT, pos=where)
    qtbot.mouseDClick(view.viewport(), LEFT, pos=where)
    dialog = _opened(page, qtbot, ConflictDialog)
    qtbot.mouseClick(dialog.take_theirs_button, LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=5000)
    phone = _run(
        page, qtbot, lambda s: s.scalar("SELECT phone FROM accounts WHERE id = ?", (account["id"],))
    )
    assert phone == "514 555 0777"
    assert _outbox(page, qtbot) == []
    assert _conflict_rows(page, qtbot)[0]["resolution"] == "theirs"


def test_a_merged_value_settles_one_field_then_the_dialog_shows_the_next(
    make_context, qtbot
) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)
    _run(
        page,
        qtbot,
        lambda s: account_conflict(
            s,
            account["id"],
            {"phone": "514 555 0100", "city": "Laval"},
            {"phone": "514 555 0777", "city": "Terrebonne"},
        ),
    )
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 2, timeout=5000)
    page.tabs.setCurrentIndex(CONFLICTS_TAB)
    view = page.conflicts_view
    phone_row = next(r for r in range(2) if _cell(view, r, C_FIELD) == "Phone")
    qtbot.mouseClick(
        view.viewport(), LEFT, pos=view.visualRect(view.model().index(phone_row, C_MINE)).center()
    )
    qtbot.mouseClick(page.resolve_button, LEFT)
    dialog = _opened(page, qtbot, ConflictDialog)
    assert dialog.field_label.text().startswith("Field: Phone")
    assert "1 more field" in dialog.field_label.text()

    editor = dialog.merged.line
    assert editor.text() == "514 555 0100"  # a merge starts from what I typed
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "514 555 0100 or 514 555 0777")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter sends the merged value

    qtbot.waitUntil(lambda: dialog.field_label.text() == "Field: City", timeout=5000)
    assert dialog.isVisible() and dialog.theirs_box.toPlainText() == "Terrebonne"
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=5000)
    qtbot.mouseClick(dialog.take_theirs_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    record = _run(
        page,
        qtbot,
        lambda s: s.query_one("SELECT phone, city FROM accounts WHERE id = ?", (account["id"],)),
    )
    assert record == {"phone": "514 555 0100 or 514 555 0777", "city": "Terrebonne"}
    assert _outbox(page, qtbot) == [
        {
            "op": "update",
            "fields": '{"phone":"514 555 0100 or 514 555 0777"}',
            "base_version": SERVER_VERSION,
        }
    ]
    assert {(r["field"], r["resolution"]) for r in _conflict_rows(page, qtbot)} == {
        ("phone", "merged"),
        ("city", "theirs"),
    }
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 0, timeout=5000)


def test_the_dialog_explains_a_value_it_cannot_use_and_a_conflict_settled_meanwhile(
    make_context, qtbot
) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)
    mine = (account["visit_frequency_days"] or 0) + 7  # differs from what it holds
    [conflict_id] = _run(
        page,
        qtbot,
        lambda s: account_conflict(
            s, account["id"], {"visit_frequency_days": mine}, {"visit_frequency_days": mine + 7}
        ),
    )
    qtbot.waitUntil(lambda: page.conflicts_model.rowCount() == 1, timeout=5000)
    page.tabs.setCurrentIndex(CONFLICTS_TAB)
    page.conflicts_view.setFocus()
    qtbot.keyClick(page.conflicts_view, Qt.Key.Key_Return)
    dialog = _opened(page, qtbot, ConflictDialog)

    qtbot.keyClick(dialog.merged.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.merged.line, "every month")
    qtbot.mouseClick(dialog.merge_button, LEFT)
    assert dialog.error.text() == "Visit every (days) must be a whole number."

    # Settled elsewhere (another window) while this dialog was open.
    from fieldapp.usecases.sync_issues import take_theirs

    _run(page, qtbot, lambda s: take_theirs(s, conflict_id))
    qtbot.mouseClick(dialog.keep_mine_button, LEFT)
    qtbot.waitUntil(lambda: "already resolved" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible() and dialog.keep_mine_button.isEnabled()
    assert _outbox(page, qtbot) == []


# -- rejected changes ------------------------------------------------------------------
def test_a_refused_city_is_corrected_and_sent_again(make_context, qtbot) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)

    def refused_city(store: Store) -> str:
        edit_account(store, account["id"], city="Laval")
        return reject_latest(store, "City is not in this territory")

    rejection_id = _run(page, qtbot, refused_city)
    qtbot.waitUntil(lambda: page.rejections_model.rowCount() == 1, timeout=5000)
    assert page.tabs.tabText(REJECTIONS_TAB) == "Rejected changes (1)"
    assert _cell(page.rejections_view, 0, R_REASON) == "City is not in this territory"
    page.tabs.setCurrentIndex(REJECTIONS_TAB)
    qtbot.mouseClick(page.handle_button, LEFT)
    dialog = _opened(page, qtbot, RejectionDialog)
    assert "City is not in this territory" in dialog.reason_label.text()
    assert list(dialog.editors) == ["city"]

    city = dialog.editors["city"].line
    assert city.text() == "Laval"
    qtbot.keyClick(city, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(city, "Laval-des-Rapides")
    qtbot.keyClick(city, Qt.Key.Key_Return)  # Enter retries with the corrected value

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.rejections_model.rowCount() == 0, timeout=5000)
    assert page.tabs.tabText(REJECTIONS_TAB) == "Rejected changes"
    [queued] = _outbox(page, qtbot)
    assert (queued["op"], queued["fields"]) == ("update", '{"city":"Laval-des-Rapides"}')
    status = _run(
        page,
        qtbot,
        lambda s: s.scalar("SELECT status FROM rejected_mutations WHERE id = ?", (rejection_id,)),
    )
    assert status == "retried"
    qtbot.waitUntil(lambda: page.pending_model.rowCount() == 1, timeout=5000)
    assert _cell(page.pending_view, 0, FIELDS) == "City: Laval-des-Rapides"


def test_a_refused_note_is_discarded_only_after_confirming(make_context, qtbot) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)

    def refused_note(store: Store) -> str:
        note = add_note(store, account["id"], "Prices for next year: -20%")
        reject_latest(store, "Notes may not quote prices")
        return note.id

    note_id = _run(page, qtbot, refused_note)
    qtbot.waitUntil(lambda: page.rejections_model.rowCount() == 1, timeout=5000)
    page.tabs.setCurrentIndex(REJECTIONS_TAB)
    page.rejections_view.setFocus()
    qtbot.keyClick(page.rejections_view, Qt.Key.Key_Return)
    dialog = _opened(page, qtbot, RejectionDialog)
    assert dialog.editors["body"].text() == "Prices for next year: -20%"

    def note_count() -> int:
        return _run(
            page, qtbot, lambda s: s.scalar("SELECT count(*) FROM notes WHERE id = ?", (note_id,))
        )

    qtbot.mouseClick(dialog.discard_button, LEFT)
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert "removed from this computer" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), LEFT)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
    assert dialog.isVisible() and note_count() == 1

    qtbot.mouseClick(dialog.discard_button, LEFT)
    box = dialog.confirmation
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), LEFT)

    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: page.rejections_model.rowCount() == 0, timeout=5000)
    assert note_count() == 0
    assert _outbox(page, qtbot) == []
    status = _run(page, qtbot, lambda s: s.scalar("SELECT status FROM rejected_mutations"))
    assert status == "discarded"


def test_a_correction_the_record_cannot_take_is_explained_in_the_dialog(
    make_context, qtbot
) -> None:
    page = _page(make_context, qtbot)
    account = _account(page, qtbot)

    def refused_tier(store: Store) -> str:
        tier = store.scalar("SELECT tier FROM accounts WHERE id = ?", (account["id"],))
        edit_account(store, account["id"], tier="C" if tier != "C" else "B")
        return reject_latest(store, "Only a manager may change the tier")

    _run(page, qtbot, refused_tier)
    qtbot.waitUntil(lambda: page.rejections_model.rowCount() == 1, timeout=5000)
    page.tabs.setCurrentIndex(REJECTIONS_TAB)
    qtbot.mouseClick(page.handle_button, LEFT)
    dialog = _opened(page, qtbot, RejectionDialog)

    tier = dialog.editors["tier"].line
    qtbot.keyClick(tier, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(tier, "Z")
    qtbot.mouseClick(dialog.retry_button, LEFT)

    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=5000)
    assert "tier" in dialog.error.text().lower()
    assert dialog.isVisible() and dialog.retry_button.isEnabled()
    assert _outbox(page, qtbot) == []
    assert page.rejections_model.rowCount() == 1
