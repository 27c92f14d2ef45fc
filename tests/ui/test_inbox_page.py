"""The Inbox page and the visit window's reminders, driven through the widgets.

On the demo profile: newest first, unread in bold, the rail's count, the keyboard flow
(arrows, M, Enter), the filters, "mark all read" and the empty state. Against a real
server process: feedback written on the inside rep's laptop reaches the field rep's inbox
after a sync, and a read mark made on one of the field rep's laptops reaches the other;
a note pinned from the inside shows at the top of the visit window at check-in.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.replicas import Client, open_client
from support.server import ServerProcess, running_server
from support.windows import open_window, press_f5

from fieldapp.records import Visit
from fieldapp.store.database import Store
from fieldapp.usecases import notes, visits
from fieldapp.usecases.briefing import account_briefing, check_in_reminders
from fieldapp.usecases.inbox import InboxItem, InboxKind, inbox
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.inbox_model import WHAT
from ui.pages.inbox import InboxPage
from ui.visit_form import VisitWindow
from ui.widgets.nav_rail import badge_count


@pytest.fixture(autouse=True)
def english(qapp: Any) -> Iterator[None]:
    """The English catalogue: it holds the plural forms ("1 unread item")."""
    from ui.i18n import Languages

    languages = Languages(qapp)
    languages.apply("en")
    yield
    languages.clear()


def read_now(context: Any, qtbot: QtBot, work: Any) -> Any:
    """What ``work(store)`` returns, read on the window's own store worker."""
    found: list[Any] = []
    context.tasks.read(work, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


def core_inbox(context: Any, qtbot: QtBot) -> list[InboxItem]:
    items: list[InboxItem] = read_now(context, qtbot, lambda store: inbox(store))
    return items


def is_read(context: Any, qtbot: QtBot, item_id: str) -> bool:
    return next(i.read for i in core_inbox(context, qtbot) if i.item_id == item_id)


def is_bold(page: InboxPage, row: int) -> bool:
    font = page.model.data(page.model.index(row, WHAT), Qt.ItemDataRole.FontRole)
    return font is not None and font.bold()


def shown_inbox(window: MainWindow, qtbot: QtBot) -> InboxPage:
    window.show_page("inbox")
    page = window.inbox
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


def test_the_inbox_shows_what_is_new_newest_first_with_unread_in_bold(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert window.pages[:2] == ("today", "inbox")  # right after the landing page
    expected = core_inbox(context, qtbot)
    unread = sum(not i.read for i in expected)
    assert 0 < unread < len(expected), "the demo's inbox holds read and unread items"
    qtbot.waitUntil(lambda: window._counts.get("inbox") == unread, timeout=5000)
    entry = window.rail.item(window.pages.index("inbox"))
    assert entry.text() == "Inbox"
    assert badge_count(entry) == unread  # painted as the rail's badge
    assert entry.toolTip() == f"{unread} unread items"

    page = shown_inbox(window, qtbot)
    shown = page.model.shown
    assert [i.item_id for i in shown] == [i.item_id for i in expected]
    assert [i.at for i in shown] == sorted((i.at for i in shown), reverse=True)
    assert [is_bold(page, row) for row in range(len(shown))] == [not i.read for i in shown]
    kinds = {page.model.data(page.model.index(r, WHAT)) for r in range(len(shown))}
    assert {"Lead handed to you", "New feedback on your report", "Note pinned for you"} <= kinds
    assert page.count_label.text() == f"{unread} unread items"
    # The newest is shown below the list, whole, with who and the account.
    assert page.current is not None and page.current.item_id == shown[0].item_id
    assert page.body.text() == (shown[0].text or "")
    assert shown[0].account_name in page.heading.text()


def test_the_keyboard_reads_marks_and_opens_items_and_the_rail_count_follows(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = shown_inbox(window, qtbot)
    page.dwell.setInterval(50)
    first = page.model.shown[0]
    assert not first.read
    qtbot.wait(300)  # the row the page chose itself is not read by being there
    assert not is_read(context, qtbot, first.item_id)

    unread = page.model.unread
    qtbot.waitUntil(lambda: window._counts.get("inbox") == unread, timeout=5000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_M)  # M: read
    qtbot.waitUntil(lambda: is_read(context, qtbot, first.item_id), timeout=5000)
    assert not is_bold(page, 0) and page.read_button.text() == "Mark unread"
    qtbot.waitUntil(lambda: window._counts.get("inbox") == unread - 1, timeout=5000)
    qtbot.keyClick(page.table, Qt.Key.Key_M)  # M again: unread
    qtbot.waitUntil(lambda: not is_read(context, qtbot, first.item_id), timeout=5000)
    assert is_bold(page, 0)
    qtbot.waitUntil(lambda: window._counts.get("inbox") == unread, timeout=5000)

    # Down to the next unread row, chosen by the person: after a moment there, read.
    target = next(r for r, i in enumerate(page.model.shown) if r > 0 and not i.read)
    for _ in range(target):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == target
    chosen = page.model.shown[target]
    qtbot.waitUntil(lambda: is_read(context, qtbot, chosen.item_id), timeout=5000)

    # Up to the first, Enter: its account's briefing opens, and it is read.
    for _ in range(target):
        qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.current_page == "accounts"
    qtbot.waitUntil(lambda: window.accounts.briefing.account_id == first.account_id)
    qtbot.waitUntil(lambda: is_read(context, qtbot, first.item_id), timeout=5000)
    qtbot.waitUntil(lambda: window._counts.get("inbox") == unread - 2, timeout=5000)


def test_filters_mark_all_read_and_the_empty_state(make_context: Any, qtbot: QtBot) -> None:
    context = make_context("field")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = shown_inbox(window, qtbot)
    everything = len(page.model.shown)
    page.show_filter.setCurrentIndex(1)  # unread only
    assert page.model.shown and all(not i.read for i in page.model.shown)
    page.show_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findText("Leads"))
    leads = {InboxKind.LEAD_HANDED, InboxKind.LEAD_ANSWERED, InboxKind.LEAD_WITHDRAWN}
    assert page.model.shown and {i.kind for i in page.model.shown} <= leads
    assert len(page.model.shown) < everything

    # "Mark all read" marks what the filter shows, nothing else.
    others = [i for i in page.model.items if not i.read and i.kind not in leads]
    assert others, "the demo has unread items that are not leads"
    qtbot.mouseClick(page.mark_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.mark_all_button.isEnabled(), timeout=5000)
    state = {i.item_id: i.read for i in core_inbox(context, qtbot)}
    assert all(state[i.item_id] for i in page.model.shown)
    assert not any(state[i.item_id] for i in others)
    qtbot.waitUntil(lambda: window._counts.get("inbox") == len(others), timeout=5000)

    page.kind_filter.setCurrentIndex(0)
    qtbot.mouseClick(page.mark_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._counts.get("inbox") == 0, timeout=5000)
    assert page.count_label.text() == "0 unread items"
    assert window.rail.item(window.pages.index("inbox")).text() == "Inbox"
    page.show_filter.setCurrentIndex(1)
    assert page.model.rowCount() == 0
    assert page.list_stack.currentWidget() is page.empty_state
    assert "Every kind" in page.empty_label.text()


def test_an_empty_inbox_says_what_will_come_there(make_context: Any, qtbot: QtBot) -> None:
    context = make_context("manager")
    page = InboxPage(context)
    qtbot.addWidget(page)
    assert core_inbox(context, qtbot) == []
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.show()
    assert page.list_stack.currentWidget() is page.empty_state
    assert page.empty_label.text().startswith("Nothing new in the last 30 days")
    assert not page.open_button.isEnabled() and not page.mark_all_button.isEnabled()


def test_a_visit_without_pins_or_feedback_has_no_reminder_panel(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")

    def a_quiet_planned_visit(store: Store) -> str:
        for row in store.query(
            "SELECT id, account_id FROM visits WHERE status = 'planned' AND rep_id = ?",
            (context.user.id,),
        ):
            if not check_in_reminders(account_briefing(store, row["account_id"])):
                return str(row["id"])
        raise AssertionError("the demo has a planned visit with nothing pinned")

    visit_id = read_now(context, qtbot, a_quiet_planned_visit)
    window = VisitWindow(context, visit_id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    assert window.reminders.isHidden() and window.reminders.texts() == []


# -- against a real server ----------------------------------------------------------------
@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    with running_server(tmp_path / "server") as started:
        yield started


@pytest.fixture
def desk(server: ServerProcess, tmp_path: Path) -> Iterator[Client]:
    """The inside rep's laptop, synced once."""
    client = open_client(tmp_path / "laptop-desk", server.url, "inside")
    client.sync()
    yield client
    client.close()


def row_of(page: InboxPage, item_id: str) -> int | None:
    return page.model.row_of(item_id)


def test_feedback_from_another_laptop_reaches_the_inbox_and_a_read_mark_my_other_laptop(
    server: ServerProcess,
    desk: Client,
    tmp_path: Path,
    qtbot: QtBot,
    contexts: list[AppContext],
) -> None:
    laptop = open_window(tmp_path, server.url, "field", contexts, qtbot, laptop="field-laptop")
    desktop = open_window(tmp_path, server.url, "field", contexts, qtbot, laptop="field-desktop")
    for window in (laptop, desktop):
        assert press_f5(window, qtbot).error is None
    me = laptop.context.user.id
    report_id = str(
        desk.store.scalar(
            "SELECT id FROM notes WHERE kind = 'visit_report' AND author_id = ?"
            " ORDER BY created_at DESC LIMIT 1",
            (me,),
        )
    )
    before = {}
    for window in (laptop, desktop):
        unread = sum(not i.read for i in core_inbox(window.context, qtbot))
        qtbot.waitUntil(lambda w=window, n=unread: w._counts.get("inbox") == n, timeout=5000)
        before[window] = unread
    feedback = notes.reply_to_visit_report(desk.store, report_id, "The chef loved the samples.")
    assert desk.sync().pushed == 1

    pages = {}
    for window in (laptop, desktop):
        assert press_f5(window, qtbot).error is None
        page = shown_inbox(window, qtbot)
        qtbot.waitUntil(lambda p=page: row_of(p, feedback.id) is not None, timeout=10_000)
        row = row_of(page, feedback.id)
        assert row is not None
        assert page.model.data(page.model.index(row, WHAT)) == "New feedback on your report"
        assert is_bold(page, row)
        qtbot.waitUntil(lambda w=window: w._counts["inbox"] == before[w] + 1, timeout=5000)
        pages[window] = page

    # Read on the laptop, with the keyboard.
    page = pages[laptop]
    row = row_of(page, feedback.id)
    assert row is not None
    laptop.activateWindow()  # shortcuts reach the active window only
    qtbot.waitUntil(laptop.isActiveWindow, timeout=5000)
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: is_read(laptop.context, qtbot, feedback.id), timeout=5000)
    assert press_f5(laptop, qtbot).error is None
    # The desktop agrees after its sync: not bold any more, one fewer on the rail.
    assert press_f5(desktop, qtbot).error is None
    other = pages[desktop]
    qtbot.waitUntil(
        lambda: (r := row_of(other, feedback.id)) is not None and not is_bold(other, r),
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: desktop._counts["inbox"] == before[desktop], timeout=5000)


def test_a_note_pinned_from_the_inside_shows_in_the_visit_window_at_check_in(
    server: ServerProcess,
    desk: Client,
    tmp_path: Path,
    qtbot: QtBot,
    contexts: list[AppContext],
) -> None:
    field = open_window(tmp_path, server.url, "field", contexts, qtbot)
    assert press_f5(field, qtbot).error is None
    me = field.context.user.id
    account_id = str(
        desk.store.scalar("SELECT id FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 1", (me,))
    )
    text = "Ask for Julie at the loading dock; the front desk will send you away."
    notes.pin_note_for_field(desk.store, account_id, text)
    assert desk.sync().pushed == 1
    assert press_f5(field, qtbot).error is None

    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    planned: list[Visit] = []
    field.context.tasks.write(
        lambda store: visits.plan_visit(store, account_id, start), planned.append
    )
    qtbot.waitUntil(lambda: bool(planned), timeout=5000)
    visit = planned[0]
    window = VisitWindow(field.context, visit.id, field)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.show()
    assert window.reminders.isVisible()
    assert any(text in line and "Pinned" in line for line in window.reminders.texts())
    # Checked in: still there, on the way in.
    qtbot.mouseClick(window.header.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.complete_button.isEnabled, timeout=5000)
    assert any(text in line for line in window.reminders.texts())
