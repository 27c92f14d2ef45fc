"""The rep's route through a day: reorder, optimise, add a stop, move a visit."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from support.core_world import World

from fieldapp.clock import from_text
from fieldapp.errors import InvalidStateError, ValidationError
from fieldapp.store.database import Store
from fieldapp.usecases import accounts, visits
from fieldapp.usecases.route import (
    add_to_plan,
    arrange_route,
    day_route,
    move_visit,
    optimise_day,
    week_route,
)

MONTREAL = ZoneInfo("America/Montreal")
MONDAY = date(2026, 11, 23)  # T0 is 08:00 that morning in Montréal


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), MONTREAL)


def local(text: str) -> str:
    return from_text(text).astimezone(MONTREAL).strftime("%H:%M")


def shop_on_the_street(world: World, block: float, name: str | None = None) -> str:
    """An account on one east-west street, ``block`` hundredths of a degree from its end."""
    return accounts.create_account(
        world.store,
        name=name or f"Shop {block}",
        tier="B",
        latitude=45.5,
        longitude=-73.6 + block / 100,
    ).id


def day_of_shops(world: World, *blocks: float) -> list[str]:
    """One planned visit per shop, an hour apart from 09:00, in the order given."""
    return [
        visits.plan_visit(world.store, shop_on_the_street(world, b), at(9 + n), at(9 + n, 45)).id
        for n, b in enumerate(blocks)
    ]


def route_of(store: Store, day: date = MONDAY) -> list[tuple[str, str, int | None]]:
    return [
        (s.account.name, local(s.visit.planned_start), s.visit.route_position)
        for s in day_route(store, day, tz=MONTREAL).stops
    ]


def test_the_days_route_shows_where_the_rep_has_been_then_where_they_will_go(
    world: World,
) -> None:
    first, second, third = day_of_shops(world, 0, 2, 5)
    visits.reorder_plan(world.store, [third, first, second])
    visits.check_in(world.store, second)  # the rep went there first, whatever the plan said
    route = day_route(world.store, MONDAY, tz=MONTREAL)
    assert [s.account.name for s in route.stops] == ["Shop 2", "Shop 5", "Shop 0"]
    assert [s.movable for s in route.stops] == [False, True, True]
    assert route.stops[0].leg_km is None
    assert route.stops[1].leg_km == pytest.approx(2.34, abs=0.01)  # 3/100 degree east
    assert route.total_km == pytest.approx(sum(s.leg_km or 0 for s in route.stops))


def test_reordering_keeps_the_days_time_slots_and_moves_the_visits_through_them(
    world: World,
) -> None:
    first, second, third = day_of_shops(world, 0, 2, 5)
    arrange_route(world.store, [third, first, second], tz=MONTREAL)
    assert route_of(world.store) == [
        ("Shop 5", "09:00", 0),
        ("Shop 0", "10:00", 1),
        ("Shop 2", "11:00", 2),
    ]
    moved = visits.get_visit(world.store, third)
    assert (local(moved.planned_start), local(moved.planned_end)) == ("09:00", "09:45")


def test_a_visit_added_meanwhile_by_another_view_keeps_its_place_after_the_rest(
    world: World,
) -> None:
    first, second = day_of_shops(world, 0, 2)
    newcomer = visits.plan_visit(world.store, shop_on_the_street(world, 9), at(15)).id
    arrange_route(world.store, [second, first], tz=MONTREAL)
    assert [name for name, _, _ in route_of(world.store)] == ["Shop 2", "Shop 0", "Shop 9"]
    assert visits.get_visit(world.store, newcomer).route_position == 2


def test_a_route_is_one_days_planned_visits_or_nothing_changes(world: World) -> None:
    first, second = day_of_shops(world, 0, 2)
    tomorrow = visits.plan_visit(world.store, world.account_id, at(9, day=MONDAY + timedelta(1)))
    with pytest.raises(ValidationError, match="one day"):
        arrange_route(world.store, [second, tomorrow.id, first], tz=MONTREAL)
    visits.check_in(world.store, first)
    with pytest.raises(InvalidStateError, match="checked in"):
        arrange_route(world.store, [second, first], tz=MONTREAL)
    assert [name for name, _, _ in route_of(world.store)] == ["Shop 0", "Shop 2"]
    assert local(visits.get_visit(world.store, second).planned_start) == "10:00"


def test_optimising_a_zigzag_straightens_it_and_reports_the_distance_saved(
    world: World,
) -> None:
    day_of_shops(world, 0, 3, 1, 4, 2)
    change = optimise_day(world.store, MONDAY, tz=MONTREAL)
    assert change.changed
    block = 0.78  # km: a hundredth of a degree of longitude at 45.5° N
    assert change.before_km == pytest.approx(10 * block, rel=0.01)  # 3 + 2 + 3 + 2 blocks
    assert change.after_km == pytest.approx(4 * block, rel=0.01)
    assert route_of(world.store) == [
        ("Shop 0", "09:00", 0),
        ("Shop 1", "10:00", 1),
        ("Shop 2", "11:00", 2),
        ("Shop 3", "12:00", 3),
        ("Shop 4", "13:00", 4),
    ]
    again = optimise_day(world.store, MONDAY, tz=MONTREAL)
    assert not again.changed and again.before_km == again.after_km == change.after_km


def test_optimising_starts_from_where_the_rep_last_was(world: World) -> None:
    been_there, *_ = day_of_shops(world, 3, 0, 4, 2)
    visits.check_in(world.store, been_there)  # at block 3 now
    optimise_day(world.store, MONDAY, tz=MONTREAL)
    assert [name for name, _, _ in route_of(world.store)] == [
        "Shop 3",
        "Shop 4",
        "Shop 2",
        "Shop 0",
    ]


def test_a_new_stop_goes_after_the_last_one_plus_the_drive(world: World) -> None:
    day_of_shops(world, 0, 2)  # the last visit ends at 10:45
    far = shop_on_the_street(world, 32, "Far away")  # 30 blocks on: 23.4 km, 47 minutes
    added = add_to_plan(world.store, far, MONDAY, tz=MONTREAL)
    assert (local(added.planned_start), local(added.planned_end)) == ("11:35", "12:20")
    assert added.route_position == 2 and added.status == "planned"
    assert route_of(world.store)[-1] == ("Far away", "11:35", 2)


def test_an_empty_day_starts_at_nine_but_today_never_before_now(world: World) -> None:
    tuesday = add_to_plan(world.store, world.account_id, MONDAY + timedelta(1), tz=MONTREAL)
    assert local(tuesday.planned_start) == "09:00"
    world.clock.advance(hours=3, minutes=2)  # 11:02 in Montréal
    today = add_to_plan(world.store, world.other_account_id, MONDAY, tz=MONTREAL)
    assert local(today.planned_start) == "11:05"


def test_a_stop_without_coordinates_allows_a_quarter_hour_of_driving(world: World) -> None:
    day_of_shops(world, 0)
    nowhere = accounts.create_account(world.store, name="No map yet", tier="C").id
    added = add_to_plan(world.store, nowhere, MONDAY, tz=MONTREAL)
    assert local(added.planned_start) == "10:00"  # 09:45 + 15 minutes


def test_what_cannot_be_added_to_a_day_says_why(world: World) -> None:
    add_to_plan(world.store, world.account_id, MONDAY, tz=MONTREAL)
    with pytest.raises(ValidationError, match="Boulangerie Saint-Laurent is already in"):
        add_to_plan(world.store, world.account_id, MONDAY, tz=MONTREAL)
    with pytest.raises(ValidationError, match="This day is over"):
        add_to_plan(world.store, world.other_account_id, MONDAY - timedelta(1), tz=MONTREAL)
    late = visits.plan_visit(world.store, world.account_id, at(23, 0, MONDAY + timedelta(1)))
    with pytest.raises(ValidationError, match="no time left"):
        add_to_plan(world.store, world.other_account_id, MONDAY + timedelta(1), tz=MONTREAL)
    assert [
        s.visit.id for s in day_route(world.store, MONDAY + timedelta(1), tz=MONTREAL).stops
    ] == [late.id]


def test_a_moved_visit_takes_its_place_by_time_on_its_new_day(world: World) -> None:
    tuesday = MONDAY + timedelta(1)
    early, late = (
        visits.plan_visit(world.store, shop_on_the_street(world, b), at(h, day=tuesday)).id
        for b, h in ((1, 9), (2, 15))
    )
    moving = visits.plan_visit(world.store, world.account_id, at(10), at(10, 30)).id
    moved = move_visit(world.store, moving, at(13, day=tuesday), tz=MONTREAL)
    assert (local(moved.planned_start), local(moved.planned_end)) == ("13:00", "13:30")
    assert [s.visit.id for s in day_route(world.store, tuesday, tz=MONTREAL).stops] == [
        early,
        moving,
        late,
    ]
    assert day_route(world.store, MONDAY, tz=MONTREAL).stops == ()


def test_the_week_has_one_route_per_day_empty_days_included(world: World) -> None:
    day_of_shops(world, 0, 1)
    visits.plan_visit(world.store, world.account_id, at(9, day=MONDAY + timedelta(3)))
    week = week_route(world.store, MONDAY, days=7, tz=MONTREAL)
    assert [len(d.stops) for d in week] == [2, 0, 0, 1, 0, 0, 0]
    assert [d.day for d in week] == [MONDAY + timedelta(n) for n in range(7)]
