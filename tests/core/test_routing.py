"""Distances between stops and the order that drives them shortest (pure, no store)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.routing import Point, distance_km, legs_km, optimise_order, route_km

MONTREAL = Point(45.5019, -73.5674)
QUEBEC = Point(46.8139, -71.2080)
SHERBROOKE = Point(45.4042, -71.8929)


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(Point(45.0, -73.0), Point(46.0, -73.0)) == pytest.approx(111.2, abs=0.1)


def test_montreal_to_quebec_city_as_the_crow_flies() -> None:
    assert distance_km(MONTREAL, QUEBEC) == pytest.approx(233, abs=2)
    assert distance_km(QUEBEC, MONTREAL) == distance_km(MONTREAL, QUEBEC)
    assert distance_km(MONTREAL, MONTREAL) == 0


def test_antipodes_are_half_the_earth_around() -> None:
    assert distance_km(Point(0, 0), Point(0, 180)) == pytest.approx(math.pi * 6371.0088)


def test_each_leg_is_measured_from_the_previous_stop_that_has_coordinates() -> None:
    legs = legs_km([MONTREAL, None, QUEBEC, SHERBROOKE])
    assert legs[0] is None and legs[1] is None  # nothing before the first stop
    assert legs[2] == distance_km(MONTREAL, QUEBEC)
    assert legs[3] == distance_km(QUEBEC, SHERBROOKE)
    assert legs_km([QUEBEC], start=MONTREAL) == [distance_km(MONTREAL, QUEBEC)]


def test_a_route_is_open_and_counts_the_drive_from_its_start() -> None:
    assert route_km([MONTREAL, QUEBEC]) == distance_km(MONTREAL, QUEBEC)
    assert route_km([QUEBEC], start=MONTREAL) == distance_km(MONTREAL, QUEBEC)
    assert route_km([None, None]) == 0
    assert route_km([]) == 0


def on_a_street(*blocks: float) -> list[Point | None]:
    """Stops along one east-west street, ``blocks`` hundredths of a degree apart."""
    return [Point(45.5, -73.6 + b / 100) for b in blocks]


def test_a_zigzag_along_one_street_is_driven_straight() -> None:
    stops = on_a_street(0, 3, 1, 4, 2)
    order = optimise_order(stops)
    assert order == [0, 2, 4, 1, 3]  # blocks 0, 1, 2, 3, 4
    driven = route_km([stops[i] for i in order])
    assert driven == pytest.approx(route_km(on_a_street(0, 4)))
    assert driven < route_km(stops)


def test_without_a_start_point_the_first_stop_stays_first() -> None:
    # Starting at block 2 of a street 0..4: the first stop is where the rep begins.
    stops = on_a_street(2, 0, 4, 1, 3)
    order = optimise_order(stops)
    assert order[0] == 0
    assert sorted(order) == [0, 1, 2, 3, 4]
    assert route_km([stops[i] for i in order]) == pytest.approx(route_km(on_a_street(2, 1, 0, 4)))


def test_from_a_start_point_the_nearest_stop_comes_first() -> None:
    stops = on_a_street(4, 3, 0, 2, 1)
    start = on_a_street(-1)[0]
    assert optimise_order(stops, start) == [2, 4, 3, 1, 0]


def test_stops_without_coordinates_stay_at_the_end_in_their_order() -> None:
    a, b, c = on_a_street(0, 2, 1)
    order = optimise_order([None, a, b, None, c])
    assert order == [1, 4, 2, 0, 3]


def test_an_order_already_shortest_is_kept_as_it_is() -> None:
    stops = on_a_street(0, 1, 2, 3)
    assert optimise_order(stops) == [0, 1, 2, 3]
    assert optimise_order([]) == []
    assert optimise_order([None]) == [0]
    assert optimise_order(on_a_street(5), start=MONTREAL) == [0]


# Stops on a grid about 1 km apart over a territory of 200 x 200 km: integers spread more
# evenly than Hypothesis' floats, which favour the edges of their range. Duplicates happen
# (two shops in one mall) and must not confuse the search.
coordinates = st.builds(
    lambda row, column: Point(45.0 + row / 100, -74.0 + column / 70),
    st.integers(0, 180),
    st.integers(0, 180),
)
stop_lists = st.lists(st.one_of(coordinates, coordinates, coordinates, st.none()), max_size=12)


@settings(max_examples=300, deadline=None)
@given(stops=stop_lists, start=st.one_of(st.none(), coordinates))
def test_the_optimised_route_is_a_reordering_never_longer_than_the_rep_s(
    stops: list[Point | None], start: Point | None
) -> None:
    order = optimise_order(stops, start)
    assert sorted(order) == list(range(len(stops)))
    assert route_km([stops[i] for i in order], start) <= route_km(stops, start)
    unlocated = [i for i in order if stops[i] is None]
    assert order[len(order) - len(unlocated) :] == sorted(unlocated)
    located = [i for i, p in enumerate(stops) if p is not None]
    if start is None and located:
        assert order[0] == located[0]
