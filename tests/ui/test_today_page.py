"""The field rep's Today page, driven through its widgets like a rep on a Monday morning.

The demo rep ("field") has five visits planned today (T0's date) and six tomorrow, and a
few accounts overdue for a visit.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from support.core_world import T0

from fieldapp.clock import from_text
from fieldapp.routing import route_km
from fieldapp.store.database import Store
from fieldapp.usecases.planning import accounts_due_for_visit
from fieldapp.usecases.route import DayRoute, day_route
from fieldapp.usecases.visits import cancel_visit, check_in, plan_visit
from ui.formatting import distance
from ui.models.due_model import ACCOUNT as DUE_ACCOUNT
from ui.models.due_model import OVERDUE as DUE_OVERDUE
from ui.models.due_model import TIER as DUE_TIER
from ui.models.plan_model import ACCOUNT, DISTANCE, STATUS, TIME
from ui.pages.today import TodayPage
from ui.widgets.chip import CHIPS_ROLE, LABEL_ROLE, Chip, ChipDelegate

T = TypeVar("T")
TODAY = T0.astimezone().date()


def open_page(make_context: Callable[..., Any], qtbot: QtBot) -> TodayPage:
    page = TodayPage(make_context("field"))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and bool(page.additions.due_names()))
    return page


def ask(page: TodayPage, qtbot: QtBot, work: Callable[[Store], T]) -> T:
    answers: list[T] = []
    page.context.tasks.read(work, answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    return answers[0]


def stored_route(page: TodayPage, qtbot: QtBot, day=TODAY) -> DayRoute:
    return ask(page, qtbot, lambda store: day_route(store, day))


def shown(page: TodayPage, column: int = ACCOUNT) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def select_row(page: TodayPage, row: int) -> None:
    page.table.setFocus()
    page.table.selectRow(row)


def test_the_rep_sees_todays_route_in_order_with_the_distance_between_stops(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    route = stored_route(page, qtbot)
    assert len(route.stops) == 5
    assert shown(page) == [stop.account.name for stop in route.stops]
    assert [from_text(s.visit.planned_start) for s in route.stops] == sorted(
        from_text(s.visit.planned_start) for s in route.stops
    )
    distances = shown(page, DISTANCE)
    assert distances[0] == "—"
    assert distances[1:] == [distance(stop.leg_km) for stop in route.stops[1:]]
    assert page.day_label.text().startswith("Today, ")
    # English shows Qt's source text: plural forms come with an English catalogue.
    assert page.summary_label.text() == f"5 visit(s) · {distance(route.total_km)} in all"
    assert page.table.isVisible() and not page.week.isVisible()


def test_the_due_table_shows_the_tier_and_how_overdue_as_chips_like_the_accounts_list(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    due = ask(page, qtbot, lambda store: accounts_due_for_visit(store, as_of=TODAY))
    table = page.additions.due_list
    model = table.model()
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, DUE_ACCOUNT).data() == due[0].account.name
    )
    late = due[0].days_overdue
    assert late is not None and late > 0  # the demo's most overdue account was visited once
    assert model.index(row, DUE_TIER).data(CHIPS_ROLE) == (Chip(due[0].account.tier),)
    assert model.index(row, DUE_OVERDUE).data(CHIPS_ROLE) == (Chip(f"{late} d", "danger"),)
    assert model.index(row, DUE_OVERDUE).data(LABEL_ROLE) == ""  # the chip alone in the cell
    assert model.index(row, DUE_ACCOUNT).data(CHIPS_ROLE) is None  # the name stays words
    for column in (DUE_TIER, DUE_OVERDUE):
        assert isinstance(table.itemDelegateForColumn(column), ChipDelegate)
    # The words stay for screen readers, sorting and the tool tip.
    assert model.index(row, DUE_OVERDUE).data() == f"{late} day(s) overdue"


def test_planning_the_day_from_the_accounts_due_for_a_visit(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    due = ask(page, qtbot, lambda store: accounts_due_for_visit(store, as_of=TODAY))
    first = due[0].account
    table = page.additions.due_list
    assert [table.model().index(0, column).data() for column in range(3)] == [
        first.name,
        first.tier,
        f"{due[0].days_overdue} day(s) overdue",
    ]

    table.selectRow(0)
    qtbot.mouseClick(page.additions.add_due_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    route = stored_route(page, qtbot)
    added = route.stops[-1]
    assert added.account.id == first.id and added.visit.route_position == 5
    last_end = from_text(route.stops[-2].visit.planned_end)
    assert from_text(added.visit.planned_start) > last_end  # after the last stop and the drive
    assert shown(page)[-1] == first.name
    assert page.current_stop() is not None and page.current_stop().visit.id == added.visit.id
    assert page.message_label.text().startswith(f"{first.name} added at ")
    qtbot.waitUntil(lambda: first.name not in page.additions.due_names())


def test_adding_an_account_found_by_name(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    finder = page.additions.find_field
    finder.setFocus()
    with qtbot.waitSignal(page.additions.results_shown) as found:
        qtbot.keyClicks(finder, "Reid Print")
    assert found.args == [1]
    assert page.additions.results.item(0).text().startswith("Reid Printing Ltd.")
    qtbot.keyClick(finder, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "Reid Printing Ltd." in shown(page))
    route = stored_route(page, qtbot)
    assert [s.account.name for s in route.stops][-1] == "Reid Printing Ltd."
    outbox = ask(
        page,
        qtbot,
        lambda s: s.scalar(
            "SELECT count(*) FROM outbox WHERE collection = 'visits' AND op = 'create'"
        ),
    )
    assert outbox == 1


def test_an_account_already_in_the_plan_is_refused_with_a_sentence(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    first = page.model.stops[0].account.name
    qtbot.keyClicks(page.additions.find_field, first)
    qtbot.waitUntil(lambda: page.additions.add_found_button.isEnabled())
    qtbot.mouseClick(page.additions.add_found_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.message_label.text()))
    assert page.message_label.text() == f"{first} is already in this day's plan."
    assert page.model.rowCount() == 5
    assert len(stored_route(page, qtbot).stops) == 5


def test_moving_a_stop_earlier_with_the_keyboard_saves_the_new_route(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    before = stored_route(page, qtbot)
    last = before.stops[-1]
    select_row(page, 4)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert shown(page)[3] == last.account.name  # moved at once, before the store answers

    qtbot.waitUntil(lambda: stored_route(page, qtbot).stops[3].visit.id == last.visit.id)
    after = stored_route(page, qtbot)
    assert [s.visit.route_position for s in after.stops] == [0, 1, 2, 3, 4]
    # The visits traded time slots: the moved one now has the fourth stop's time.
    assert after.stops[3].visit.planned_start == before.stops[3].visit.planned_start
    qtbot.waitUntil(lambda: shown(page, TIME) == [time_of(s) for s in after.stops])
    assert page.current_stop().visit.id == last.visit.id  # the selection followed it


def time_of(stop) -> str:
    start = from_text(stop.visit.planned_start).astimezone().strftime("%H:%M")
    return f"{start}\N{EN DASH}{from_text(stop.visit.planned_end).astimezone().strftime('%H:%M')}"


def drag_row(page: TodayPage, source: int, onto: int, *, lower_half: bool = False) -> None:
    """Drag a row with the mouse and drop it on the upper (or lower) edge of another row:
    the events Qt sends the table while the rep drags."""
    table, model = page.table, page.model
    data = model.mimeData([model.index(source, ACCOUNT)])
    target = table.visualRect(model.index(onto, ACCOUNT))
    at = QPointF(target.center().x(), target.bottom() - 1 if lower_half else target.top() + 1)
    move, no_keys = Qt.DropAction.MoveAction, Qt.KeyboardModifier.NoModifier
    left = Qt.MouseButton.LeftButton
    with warnings.catch_warnings():
        # PySide offers only the QPoint constructor, which Qt marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        # PySide 6.11 offers only QPoint for the move event too.
        enter = QDragEnterEvent(at.toPoint(), move, data, left, no_keys)
        drag_move = QDragMoveEvent(at.toPoint(), move, data, left, no_keys)
    for event in (enter, drag_move, QDropEvent(at, move, data, left, no_keys)):
        QApplication.sendEvent(table.viewport(), event)


def test_dragging_a_stop_to_the_top_of_the_route(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    dragged = page.model.stops[3]
    drag_row(page, 3, onto=0)
    assert shown(page)[0] == dragged.account.name  # on screen at once

    qtbot.waitUntil(lambda: stored_route(page, qtbot).stops[0].visit.id == dragged.visit.id)
    route = stored_route(page, qtbot)
    assert [s.visit.route_position for s in route.stops] == [0, 1, 2, 3, 4]
    qtbot.waitUntil(lambda: shown(page, TIME) == [time_of(s) for s in route.stops])
    assert shown(page) == [s.account.name for s in route.stops]
    assert shown(page, DISTANCE) == ["—", *(distance(s.leg_km) for s in route.stops[1:])]


def test_a_visit_already_made_stays_where_it_is(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    first = page.model.stops[0]
    page.context.tasks.write(lambda store: check_in(store, first.visit.id))
    qtbot.waitUntil(lambda: page.model.stops[0].visit.status == "checked_in")
    assert shown(page, STATUS)[0] == "Checked in"
    last = page.model.stops[4]
    drag_row(page, 0, onto=4, lower_half=True)  # history does not move
    assert shown(page)[0] == first.account.name
    drag_row(page, 4, onto=0)  # nothing goes before it: the stop lands second
    assert shown(page)[:2] == [first.account.name, last.account.name]
    qtbot.waitUntil(lambda: stored_route(page, qtbot).stops[1].visit.id == last.visit.id)
    assert stored_route(page, qtbot).stops[0].visit.id == first.visit.id


def test_optimising_the_order_shows_the_distance_before_and_after(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    planned_by_the_office = stored_route(page, qtbot)
    # The demo day is already well ordered: the rep first drags its second stop to the end.
    second = planned_by_the_office.stops[1].visit.id
    drag_row(page, 1, onto=4, lower_half=True)
    qtbot.waitUntil(lambda: stored_route(page, qtbot).stops[-1].visit.id == second)
    before = stored_route(page, qtbot)
    assert before.total_km > planned_by_the_office.total_km

    qtbot.mouseClick(page.optimise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.optimise_label.text()))

    after = stored_route(page, qtbot)
    assert after.total_km < before.total_km
    assert after.total_km == pytest.approx(planned_by_the_office.total_km)
    assert page.optimise_label.text() == (
        f"Total distance {distance(before.total_km)} → {distance(after.total_km)}"
    )
    assert after.stops[0].visit.id == before.stops[0].visit.id  # the day starts where it did
    assert [s.visit.route_position for s in after.stops] == [0, 1, 2, 3, 4]
    assert sorted(s.visit.planned_start for s in after.stops) == [
        s.visit.planned_start for s in after.stops
    ]
    qtbot.waitUntil(lambda: shown(page) == [s.account.name for s in after.stops])
    assert route_km([s.point for s in after.stops]) == after.total_km

    qtbot.mouseClick(page.optimise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already the shortest" in page.optimise_label.text())


def test_switching_between_the_day_and_the_week(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.week.topLevelItemCount() > 0)
    assert page.week.isVisible() and not page.table.isVisible()
    assert not page.additions.isVisible() and not page.optimise_button.isVisible()
    days = page.week.day_items()
    assert len(days) == 5  # Monday to Friday; the weekend holds no visit
    monday = TODAY - timedelta(days=TODAY.weekday())
    assert page.day_label.text().startswith("Week of ")
    counts = [d.childCount() for d in days]
    assert counts[TODAY.weekday()] == 5
    assert sum(counts) == len(ask(page, qtbot, lambda s: _week_visits(s, monday)))

    tomorrow = days[TODAY.weekday() + 1]
    page.week.setCurrentItem(tomorrow)
    page.week.setFocus()
    qtbot.keyClick(page.week, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.mode == "day" and page.model.rowCount() == 6)
    assert page.day == TODAY + timedelta(days=1) and page.table.isVisible()

    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == len(stored_route(page, qtbot, page.day).stops))
    assert page.day == TODAY + timedelta(days=2)
    qtbot.mouseClick(page.today_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and page.day == TODAY)
    assert page.day_label.text().startswith("Today, ")


def _week_visits(store: Store, monday) -> list[dict[str, Any]]:
    start = datetime.combine(monday, datetime.min.time()).astimezone(UTC)
    end = start + timedelta(days=7)
    return store.query(
        "SELECT id FROM visits WHERE status != 'cancelled' AND planned_start >= ? "
        "AND planned_start < ? AND rep_id = (SELECT value FROM profile "
        "WHERE key = 'current_user_id')",
        (start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")),
    )


def test_the_route_follows_visits_planned_or_cancelled_in_another_view(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    due = ask(page, qtbot, lambda store: accounts_due_for_visit(store, as_of=TODAY))
    evening = T0.replace(hour=21)
    page.context.tasks.write(lambda store: plan_visit(store, due[1].account.id, evening))
    qtbot.waitUntil(lambda: shown(page)[-1:] == [due[1].account.name])
    first = page.model.stops[0].visit.id
    page.context.tasks.write(lambda store: cancel_visit(store, first))
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and first not in page.model.visit_ids())


def test_enter_opens_the_visit_and_ctrl_b_the_accounts_briefing(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    qtbot.waitUntil(page.isActiveWindow)
    stop = page.model.stops[2]
    select_row(page, 2)
    navigator = page.context.navigator
    with qtbot.waitSignal(navigator.visit_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [stop.visit.id]
    with qtbot.waitSignal(navigator.account_requested) as briefing:
        qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert briefing.args == [stop.account.id]


def test_cancelling_a_visit_asks_first_then_takes_it_off_the_route(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    qtbot.waitUntil(page.isActiveWindow)
    stop = page.model.stops[1]
    select_row(page, 1)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    assert stop.account.name in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert not box.isVisible()
    assert (
        ask(
            page,
            qtbot,
            lambda s: s.scalar("SELECT count(*) FROM outbox WHERE record_id = ?", (stop.visit.id,)),
        )
        == 0
    )

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    box = page.confirm_box
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: stop.visit.id not in page.model.visit_ids())
    status = ask(
        page, qtbot, lambda s: s.scalar("SELECT status FROM visits WHERE id = ?", (stop.visit.id,))
    )
    assert status == "cancelled"


def test_rescheduling_a_visit_to_tomorrow_moves_it_off_today(make_context, qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    qtbot.waitUntil(page.isActiveWindow)
    stop = page.model.stops[4]
    select_row(page, 4)
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.reschedule_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)  # Enter is OK

    qtbot.waitUntil(lambda: stop.visit.id not in page.model.visit_ids())
    assert not dialog.isVisible()
    tomorrow = stored_route(page, qtbot, TODAY + timedelta(days=1))
    moved = next(s for s in tomorrow.stops if s.visit.id == stop.visit.id)
    assert moved.visit.planned_start == (
        from_text(stop.visit.planned_start) + timedelta(days=1)
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert len(tomorrow.stops) == 7


def test_a_week_with_nothing_planned_shows_an_empty_state_instead_of_crashing(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    qtbot.mouseClick(page.week_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.week.topLevelItemCount() > 0)
    # Far ahead: the demo plans only the weeks around today.
    page.show_day(TODAY + timedelta(weeks=20))
    qtbot.waitUntil(lambda: "Nothing planned" in page.summary_label.text())
    assert page.summary_label.text() == "Nothing planned this week."
    assert page.message_label.text() == ""
    assert all(d.childCount() == 0 for d in page.week.day_items())


def test_a_refused_reschedule_says_why_in_the_dialog_and_changes_nothing(
    make_context, qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    qtbot.waitUntil(page.isActiveWindow)
    stop = page.model.stops[4]
    select_row(page, 4)
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = page.reschedule_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.date_edit.setDate(QDate(1900, 1, 1))  # a year the core refuses
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert dialog.error.text() and "Traceback" not in dialog.error.text()
    assert stop.visit.id in page.model.visit_ids()
