"""The product's story through two main windows and a real server process.

A field rep logs a visit while the server is unreachable and sees it pending; the
connection returns and the report goes out by itself; the inside rep's window receives
it, marks it reviewed and replies; the field rep's next sync shows the reply in the
account's briefing.
"""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.server import seed_server
from support.visit_crash_child import type_text
from support.windows import open_window, press_f5

from sync.server.launcher import BackgroundServer, start_server
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.sync_worker import Connection

SUMMARY = "Met the owner; trial order of 40 cases, wants a visit from the chef in March"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _window(
    tmp_path: Path, url: str, username: str, contexts: list[AppContext], qtbot: QtBot
) -> MainWindow:
    return open_window(tmp_path, url, username, contexts, qtbot)


def _press_f5(window: MainWindow, qtbot: QtBot) -> object:
    return press_f5(window, qtbot)


def _pending(window: MainWindow) -> str:
    return window.status_area.pending_label.text()


def test_a_visit_logged_offline_reaches_the_inside_rep_and_the_reply_comes_back(
    tmp_path: Path, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    server_dir = tmp_path / "server"
    seed_server(server_dir, accounts=40, seed=11)
    port = _free_port()
    server: BackgroundServer = start_server(server_dir, port)
    try:
        field = _window(tmp_path, server.url, "field", contexts, qtbot)
        assert field.current_page == "today"  # a field rep lands on the day's route
        assert _press_f5(field, qtbot).error is None  # type: ignore[attr-defined]
        today = field.today
        qtbot.waitUntil(lambda: today.model.rowCount() > 0, timeout=10_000)

        # Offline: the server goes away; the rep logs the first planned visit anyway.
        server.stop()
        today.table.setFocus()
        today.table.selectRow(0)
        qtbot.keyClick(today.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(field._visit_windows), timeout=5000)
        visit_window = next(iter(field._visit_windows.values()))
        qtbot.mouseClick(visit_window.header.check_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(visit_window.complete_button.isEnabled, timeout=5000)
        qtbot.keyClick(visit_window.report.outcome, Qt.Key.Key_Down)
        type_text(visit_window.report.summary, SUMMARY)
        qtbot.mouseClick(visit_window.complete_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: visit_window.header.status_label.text().startswith("Completed"), timeout=5000
        )
        qtbot.waitUntil(lambda: not _pending(field).startswith("0 "), timeout=5000)
        assert _press_f5(field, qtbot).error is not None  # type: ignore[attr-defined]
        assert field.status_area.connection_label.text() == "Offline"
        assert not _pending(field).startswith("0 ")

        # The connection returns: the probe notices and the report goes out unasked.
        with qtbot.waitSignal(field.context.sync.finished, timeout=60_000):
            server = start_server(server_dir, port)
        qtbot.waitUntil(lambda: _pending(field).startswith("0 "), timeout=5000)
        assert field.context.sync.connection is Connection.ONLINE

        # The inside rep's window lands on the work queue; the report comes to Review.
        inside = _window(tmp_path, server.url, "inside", contexts, qtbot)
        assert inside.current_page == "queue"
        assert _press_f5(inside, qtbot).error is None  # type: ignore[attr-defined]
        inside.show_page("review")
        review = inside.review
        qtbot.waitUntil(
            lambda: any(item.body == SUMMARY for item in review.model.items), timeout=10_000
        )
        report = next(item for item in review.model.items if item.body == SUMMARY)
        review.show_note(report.note_id)
        qtbot.waitUntil(lambda: review.current is not None and review.current.body == SUMMARY)
        qtbot.keyClicks(review.reply_box, "Great news - the chef can come on March 3")
        qtbot.mouseClick(review.reply_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: review.reply_box.toPlainText() == "", timeout=5000)
        review.queue.setFocus()
        qtbot.keyClick(review.queue, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: review.model.row_of(report.note_id) is None, timeout=5000)
        assert _press_f5(inside, qtbot).error is None  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: _pending(inside).startswith("0 "), timeout=5000)

        # Back on the road: the field rep's next sync brings the reply into the briefing.
        assert _press_f5(field, qtbot).error is None  # type: ignore[attr-defined]
        field.context.navigator.account_requested.emit(report.account_id)
        assert field.current_page == "accounts"
        briefing = field.accounts.briefing
        qtbot.waitUntil(
            lambda: any(
                "the chef can come on March 3" in text and "reviewed" in text
                for text in briefing.reports.texts()
            ),
            timeout=10_000,
        )
    finally:
        server.stop()
