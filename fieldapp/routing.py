"""Distances between stops and the order to drive them in: pure geometry, no store.

Distances are great-circle (haversine) kilometres: a rep's day covers a city and its
suburbs, where the road distance is a steady multiple of it, so comparing two orders by
great-circle length picks the same winner as comparing them by road.

A route is open: it starts at a start point (or at its first stop) and ends at its last
stop; where the rep sleeps is not in the data, so the drive home is not counted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
# A route of a few dozen stops converges in a handful of 2-opt passes; the cap only guards
# against a pathological float cycle ever spinning forever.
_MAX_PASSES = 200
_EPSILON = 1e-9


@dataclass(frozen=True, slots=True)
class Point:
    latitude: float
    longitude: float


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance between two points, in kilometres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat = lat2 - lat1
    dlon = math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    # min(): rounding can push h a hair above 1 for antipodal points.
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def legs_km(stops: Sequence[Point | None], start: Point | None = None) -> list[float | None]:
    """For each stop, the distance from the previous stop that has coordinates.

    None for a stop without coordinates, and for the first located stop when there is no
    start point (nothing came before it).
    """
    legs: list[float | None] = []
    previous = start
    for point in stops:
        if point is None:
            legs.append(None)
            continue
        legs.append(None if previous is None else distance_km(previous, point))
        previous = point
    return legs


def route_km(stops: Sequence[Point | None], start: Point | None = None) -> float:
    """Length of the route from ``start`` (if any) through the stops that have coordinates."""
    return sum(leg for leg in legs_km(stops, start) if leg is not None)


def optimise_order(stops: Sequence[Point | None], start: Point | None = None) -> list[int]:
    """A short order to drive the stops in, as indices into ``stops``.

    Nearest neighbour from the start builds a first tour, 2-opt then removes its crossings;
    the input order, improved by 2-opt too, is the other candidate, and the shortest of the
    three (input order included) wins — so the answer is never longer than the input.

    Without a start point the first stop with coordinates is where the day begins: it stays
    first. Stops without coordinates cannot be placed on a map; they keep their relative
    order at the end of the route, where the rep sees them last and places them by hand.
    """
    located = [i for i, point in enumerate(stops) if point is not None]
    unlocated = [i for i, point in enumerate(stops) if point is None]
    if start is None and located:
        anchor: list[int] = [located[0]]
        start = stops[located[0]]
        movable = located[1:]
    else:
        anchor, movable = [], located
    if len(movable) < 2 or start is None:
        return [*anchor, *movable, *unlocated]

    points = {i: p for i, p in enumerate(stops) if p is not None}

    def length(order: Sequence[int]) -> float:
        return route_km([points[i] for i in order], start)

    candidates = [
        list(movable),
        _two_opt(list(movable), points, start),
        _two_opt(_nearest_neighbour(movable, points, start), points, start),
    ]
    best = min(candidates, key=length)  # min() keeps the first of equals: the input order
    if length(best) >= length(movable):
        best = list(movable)
    return [*anchor, *best, *unlocated]


def _nearest_neighbour(indices: Sequence[int], points: dict[int, Point], start: Point) -> list[int]:
    left = list(indices)
    order: list[int] = []
    here = start
    while left:
        # Ties go to the earlier stop in the input, so the result is deterministic.
        nearest = min(left, key=lambda i: distance_km(here, points[i]))
        left.remove(nearest)
        order.append(nearest)
        here = points[nearest]
    return order


def _two_opt(order: list[int], points: dict[int, Point], start: Point) -> list[int]:
    """Reverse any stretch of the route that makes it shorter, until none does."""
    path = [start, *(points[i] for i in order)]
    for _ in range(_MAX_PASSES):
        improved = False
        # Reversing path[i..j] replaces the legs (i-1 → i) and (j → j+1) by (i-1 → j) and
        # (i → j+1); the route is open, so past the last stop there is no leg to replace.
        for i in range(1, len(path) - 1):
            for j in range(i + 1, len(path)):
                before = distance_km(path[i - 1], path[i])
                after = distance_km(path[i - 1], path[j])
                if j + 1 < len(path):
                    before += distance_km(path[j], path[j + 1])
                    after += distance_km(path[i], path[j + 1])
                if after < before - _EPSILON:
                    path[i : j + 1] = reversed(path[i : j + 1])
                    order[i - 1 : j] = reversed(order[i - 1 : j])
                    improved = True
        if not improved:
            break
    return order
