"""Travel: planned kilometres per day in the field and per held visit, from the routes.

A rep's route for a day is what the Today page shows (``usecases.route``): the day's
visits that were not cancelled (no-shows included: the rep drove there), those under way
or over first, then the planned ones, each group in route order (route position, then
planned start); its length is the great-circle distance from stop to stop
(``fieldapp.routing``), open at both ends (the drive from home is not in the data), and a
stop without coordinates adds nothing. A *day in the field* is a local day with at least
one such visit; a *held visit* is a completed one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from fieldapp.catalogue import VisitStatus
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import Person, person_of
from fieldapp.kpi.table import Ids, Table, ids_data
from fieldapp.routing import route_km

_UNPLACED = 10**6  # as planning orders a visit without a route position: last


@dataclass(frozen=True, slots=True)
class DayRouteKm:
    rep: Person
    day: date
    km: float
    stops: Ids  # visit ids in route order
    held: Ids


@dataclass(frozen=True, slots=True)
class Travel:
    """One rep's travel (``rep`` None: everyone in scope)."""

    rep: Person | None
    days: int
    km: float
    stops: Ids
    held: Ids

    @property
    def km_per_day(self) -> float | None:
        return None if self.days == 0 else self.km / self.days

    @property
    def km_per_held_visit(self) -> float | None:
        return None if not self.held else self.km / len(self.held)

    def to_data(self) -> dict[str, Any]:
        return {
            "rep": self.rep.username if self.rep else None,
            "days_in_field": self.days,
            "km": self.km,
            "km_per_day": self.km_per_day,
            "km_per_held_visit": self.km_per_held_visit,
            "stops": ids_data(self.stops),
            "held": ids_data(self.held),
        }


@dataclass(frozen=True, slots=True)
class TravelFigure:
    name: ClassVar[str] = "travel"
    title: ClassVar[str] = "Travel (planned km)"

    routes: tuple[DayRouteKm, ...]  # by rep, then day
    by_rep: tuple[Travel, ...]
    total: Travel

    def table(self) -> Table:
        return Table(
            ("rep", "days_in_field", "km", "held", "km_per_day", "km_per_held_visit"),
            tuple(
                (
                    t.rep.username if t.rep else "all",
                    t.days,
                    round(t.km, 3),
                    len(t.held),
                    None if t.km_per_day is None else round(t.km_per_day, 3),
                    None if t.km_per_held_visit is None else round(t.km_per_held_visit, 3),
                )
                for t in (*self.by_rep, self.total)
            ),
        )

    def records(self) -> Table:
        return Table(
            ("collection", "id", "rep", "day", "position", "held", "day_km"),
            tuple(
                (
                    "visits",
                    visit_id,
                    r.rep.username,
                    r.day.isoformat(),
                    n,
                    visit_id in r.held,
                    round(r.km, 3),
                )
                for r in self.routes
                for n, visit_id in enumerate(r.stops)
            ),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "total": self.total.to_data(),
            "by_rep": [t.to_data() for t in self.by_rep],
            "routes": [
                {
                    "rep": r.rep.username,
                    "day": r.day.isoformat(),
                    "km": r.km,
                    "stops": list(r.stops),
                    "held": sorted(r.held),
                }
                for r in self.routes
            ],
        }


def travel(reading: Reading) -> TravelFigure:
    first = reading.period.first_day
    cancelled, planned = VisitStatus.CANCELLED.value, VisitStatus.PLANNED.value
    completed = VisitStatus.COMPLETED.value
    # Per rep and local day: (planned, route position, planned start, visit, account, held).
    stops: dict[tuple[str, int], list[tuple[bool, int, str, str, str, bool]]] = defaultdict(list)
    for v in reading.visits:
        if v.status == cancelled:
            continue
        stops[(v.rep_id, v.day)].append(
            (
                v.status == planned,  # the planned ones after those under way or over
                _UNPLACED if v.route_position is None else v.route_position,
                v.planned_start,
                v.id,
                v.account_id,
                v.status == completed,
            )
        )
    points = reading.points({s[4] for day in stops.values() for s in day})
    people = reading.people
    routes = []
    for (rep_id, day), day_stops in stops.items():
        day_stops.sort(key=_route_order)
        routes.append(
            DayRouteKm(
                person_of(people, rep_id),
                first + timedelta(days=day),
                route_km([points.get(s[4]) for s in day_stops]),
                tuple(s[3] for s in day_stops),
                tuple(s[3] for s in day_stops if s[5]),
            )
        )
    routes.sort(key=lambda r: (r.rep.display_name, r.rep.username, r.day))
    by_rep_routes: dict[str, list[DayRouteKm]] = defaultdict(list)
    for route in routes:
        by_rep_routes[route.rep.id].append(route)
    reps = {p.id: p for p in reading.scope.field_reps} | {r.rep.id: r.rep for r in routes}
    ordered = sorted(reps.values(), key=lambda p: (p.display_name, p.username))
    by_rep = tuple(_travel(rep, by_rep_routes.get(rep.id, [])) for rep in ordered)
    return TravelFigure(tuple(routes), by_rep, _travel(None, routes))


def _route_order(stop: tuple[bool, int, str, str, str, bool]) -> tuple[bool, int, str]:
    return stop[0], stop[1], stop[2]


def _travel(rep: Person | None, routes: list[DayRouteKm]) -> Travel:
    return Travel(
        rep,
        len(routes),
        sum(r.km for r in routes),
        tuple(v for r in routes for v in r.stops),
        tuple(v for r in routes for v in r.held),
    )
