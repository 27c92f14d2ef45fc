"""The main window: landing page by role, global search, shortcuts, layout, crashes."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.crash import CrashReporter
from ui.main_window import MainWindow
from ui.settings import LAST_PAGE
from ui.sync_worker import Connection
from ui.widgets.nav_rail import badge_count


def _window(context, qtbot: QtBot) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def test_each_role_lands_where_its_work_is(make_context, qtbot: QtBot) -> None:
    field = _window(make_context("field"), qtbot)
    assert field.current_page == "today"
    inside_context = make_context("inside")
    inside = _window(inside_context, qtbot)
    assert inside.current_page == "queue"
    # The inside rep's rail holds no route planner; it counts what is overdue in the
    # work queue and how many reports wait.
    assert "today" not in inside.pages
    assert inside.pages[:2] == ("queue", "review")
    qtbot.waitUntil(lambda: badge_count(inside.rail.item(1)) > 0, timeout=5000)
    assert inside.rail.item(1).text() == "Review"
    qtbot.waitUntil(lambda: badge_count(inside.rail.item(0)) > 0, timeout=5000)
    assert inside.rail.item(0).text() == "Work queue"
    assert inside.rail.item(0).toolTip().endswith("overdue")


def test_typing_in_the_global_search_finds_an_account_and_enter_opens_its_briefing(
    make_context, qtbot: QtBot
) -> None:
    window = _window(make_context("field"), qtbot)
    names: list[str] = []
    window.context.tasks.read(
        lambda store: store.scalar("SELECT name FROM accounts ORDER BY name LIMIT 1"),
        names.append,
    )
    qtbot.waitUntil(lambda: bool(names))
    word = next(w for w in names[0].split() if w.isascii() and len(w) > 3)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    with qtbot.waitSignal(window.search.results_shown, timeout=5000) as shown:
        qtbot.keyClicks(window.search, word)
    assert shown.args[0] > 0
    assert window.search.results.isVisible()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.current_page == "accounts"
    qtbot.waitUntil(lambda: window.accounts.briefing.account_id is not None, timeout=5000)
    assert not window.search.results.isVisible()


def test_a_search_with_query_syntax_or_html_shows_plain_text_and_no_error(
    make_context, qtbot: QtBot
) -> None:
    window = _window(make_context("field"), qtbot)
    for text in ('"', "NEAR(", "a* OR b", "<b>bold</b>"):
        window.search.clear()
        with qtbot.waitSignal(window.search.results_shown, timeout=5000):
            qtbot.keyClicks(window.search, text)
    assert window.search.results.list.count() >= 1  # at least "No match for …"


def test_ctrl_numbers_switch_pages_and_the_last_page_is_remembered(
    make_context, qtbot: QtBot
) -> None:
    context = make_context("field")
    window = _window(context, qtbot)

    def ctrl_number_of(page: str) -> Qt.Key:
        # Ctrl+1 is the rail's first entry: the number follows the page's place in it.
        return Qt.Key(Qt.Key.Key_1.value + window.pages.index(page))

    qtbot.keyClick(window, ctrl_number_of("sync"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "sync"
    qtbot.keyClick(window, ctrl_number_of("accounts"), Qt.KeyboardModifier.ControlModifier)
    assert window.current_page == "accounts"
    window.resize(1003, 707)
    window.close()
    assert context.settings.get(LAST_PAGE) == "accounts"
    again = _window(context, qtbot)
    assert again.current_page == "accounts"
    # Only the height: the off-screen display is 800 px wide, narrower than the window's
    # minimum width, so Qt fits the restored width to the screen.
    assert again.height() == 707
    assert context.settings.layout("main_window/geometry") is not None


def test_f5_on_a_profile_never_signed_in_says_so_in_the_status_area(
    make_context, qtbot: QtBot
) -> None:
    window = _window(make_context("field"), qtbot)
    with qtbot.waitSignal(window.context.sync.finished, timeout=10_000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert "fieldapp login" in finished.args[0].error or "sign" in finished.args[0].error.lower()
    assert window.context.sync.connection is Connection.SIGNED_OUT
    assert window.status_area.connection_label.text() == "Signed out"
    assert "Last sync failed" in window.status_area.progress_label.text()


def test_an_unexpected_error_is_logged_and_shown_instead_of_vanishing(
    make_context, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    reporter = CrashReporter(app)
    reporter.install()
    try:
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # what Qt does with an error in a slot
        qtbot.waitUntil(lambda: bool(reporter.shown), timeout=5000)
    finally:
        reporter.uninstall()
    assert reporter.shown == ["RuntimeError: the printer caught fire"]
    dialogs = [w for w in app.topLevelWidgets() if w.objectName() == "crashDialog"]
    assert dialogs and "log file" in dialogs[-1].text()
    for dialog in dialogs:
        dialog.close()


def test_each_profile_keeps_its_own_last_page_and_window_size(
    ui_profile, demo_data, ui_clock, tmp_path, qapp, qtbot: QtBot
) -> None:
    import shutil

    from support.ui_world import sign_profile_in

    from ui.context import build_context
    from ui.settings import AppSettings

    # Two people's profiles on one computer, one settings file (the app's default).
    inside_profile = tmp_path / "inside-profile"
    shutil.copytree(ui_profile, inside_profile)  # no connection is open on either yet
    field_user = sign_profile_in(ui_profile, demo_data, "field")
    inside_user = sign_profile_in(inside_profile, demo_data, "inside")
    settings_file = tmp_path / "shared.ini"

    def open_window(profile, user) -> MainWindow:
        context = build_context(profile, user, AppSettings(settings_file), now=ui_clock)
        window = _window(context, qtbot)
        return window

    field = open_window(ui_profile, field_user)
    field.show_page("sync")
    field.resize(1003, 611)
    field.close()
    field.context.close()

    inside = open_window(inside_profile, inside_user)
    try:
        assert inside.current_page == "queue"  # the field rep's "sync" is not theirs
        assert inside.height() != 611
    finally:
        inside.close()
        inside.context.close()

    again = open_window(ui_profile, field_user)
    try:
        assert again.current_page == "sync"
        assert again.height() == 611
    finally:
        again.close()
        again.context.close()


def test_a_first_window_fits_the_screen_it_opens_on(make_context, qtbot: QtBot) -> None:
    # Off screen the screen is 800x800: lower than the window's preferred 1280x800 once
    # its frame is counted, as a 1366x768 laptop is. Too tall, the status bar (which says
    # whether work was sent) was below the screen's edge.
    window = _window(make_context("field"), qtbot)
    room = window.screen().availableGeometry()
    assert window.height() + 40 <= room.height(), (window.height(), room)
    assert window.width() <= max(room.width(), window.minimumWidth())
    assert window.status_area.isVisible()
