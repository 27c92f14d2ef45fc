"""The route's times follow the drive, and an optimise or a retime can be taken back."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta

import pytest
from support.core_world import World
from test_route import MONDAY, MONTREAL, at, day_of_shops, local, route_of, shop_on_the_street

from fieldapp.clock import from_text
from fieldapp.errors import ValidationError
from fieldapp.usecases import accounts, visits
from fieldapp.usecases.route import (
    day_route,
    optimise_day,
    restore_route,
    retime_day,
    travel_time,
)


def test_each_planned_stop_starts_when_the_drive_from_the_previous_one_ends(
    world: World,
) -> None:
    day_of_shops(world, 0, 10, 30)  # 09:00, 10:00, 11:00, 45 minutes each
    retime_day(world.store, MONDAY, tz=MONTREAL)
    stops = day_route(world.store, MONDAY, tz=MONTREAL).stops
    # 10 blocks = 7.8 km = 15.6 min at 30 km/h: 10:00.6, rounded up to 10:05; 20: 31 min.
    assert [local(s.visit.planned_start) for s in stops] == ["09:00", "10:05", "11:25"]
    assert [local(s.visit.planned_end) for s in stops] == ["09:45", "10:50", "12:10"]
    for previous, stop in itertools.pairwise(stops):
        earliest = from_text(previous.visit.planned_end) + travel_time(previous.point, stop.point)
        start = from_text(stop.visit.planned_start)
        assert earliest <= start < earliest + timedelta(minutes=5)


def test_a_stop_without_coordinates_is_fifteen_minutes_away(world: World) -> None:
    first = day_of_shops(world, 0)[0]
    somewhere = accounts.create_account(world.store, name="No map position", tier="C").id
    nowhere = visits.plan_visit(world.store, somewhere, at(14), at(15)).id
    retime_day(world.store, MONDAY, tz=MONTREAL)
    assert local(visits.get_visit(world.store, nowhere).planned_start) == "10:00"
    assert local(visits.get_visit(world.store, first).planned_start) == "09:00"


def test_a_visit_already_made_never_moves_and_the_next_starts_after_its_check_out(
    world: World,
) -> None:
    done, planned = day_of_shops(world, 0, 0)
    visits.check_in(world.store, done, at=at(8))
    visits.log_visit(world.store, done, outcome="positive", summary="Met the buyer.")
    visits.check_out(world.store, done, at=at(8, 30))
    retime_day(world.store, MONDAY, tz=MONTREAL)
    assert local(visits.get_visit(world.store, done).planned_start) == "09:00"
    # Out at 08:30, next door: it starts at 08:30, never before now (08:00 at T0).
    assert local(visits.get_visit(world.store, planned).planned_start) == "08:30"


def test_retiming_goes_through_the_outbox(world: World) -> None:
    day_of_shops(world, 0, 30)
    before = world.store.scalar("SELECT count(*) FROM outbox")
    retime_day(world.store, MONDAY, tz=MONTREAL)
    rows = world.store.query("SELECT collection, fields FROM outbox")[before:]
    assert [row["collection"] for row in rows] == ["visits"]
    assert set(json.loads(rows[0]["fields"])) == {"planned_start", "planned_end"}


def test_a_day_that_would_run_past_midnight_is_refused_whole(world: World) -> None:
    visits.plan_visit(world.store, shop_on_the_street(world, 0), at(12), at(23, 30))
    late = visits.plan_visit(world.store, shop_on_the_street(world, 30), at(23, 35), at(23, 50)).id
    with pytest.raises(ValidationError):
        retime_day(world.store, MONDAY, tz=MONTREAL)
    assert local(visits.get_visit(world.store, late).planned_start) == "23:35"


def test_undoing_an_optimise_puts_back_the_order_and_the_times(world: World) -> None:
    day_of_shops(world, 0, 3, 1)
    before = route_of(world.store)
    change = optimise_day(world.store, MONDAY, tz=MONTREAL)
    assert route_of(world.store) != before
    queued = world.store.scalar("SELECT count(*) FROM outbox")
    restore_route(world.store, change.before, tz=MONTREAL)
    assert [(n, t) for n, t, _ in route_of(world.store)] == [(n, t) for n, t, _ in before]
    assert world.store.scalar("SELECT count(*) FROM outbox") > queued


def test_undo_leaves_a_visit_checked_in_since_where_it_is(world: World) -> None:
    third = day_of_shops(world, 0, 3, 1)[2]
    change = optimise_day(world.store, MONDAY, tz=MONTREAL)
    visits.check_in(world.store, third)
    restore_route(world.store, change.before, tz=MONTREAL)
    assert visits.get_visit(world.store, third).status == "checked_in"
    assert [name for name, _, _ in route_of(world.store)] == ["Shop 1", "Shop 0", "Shop 3"]
