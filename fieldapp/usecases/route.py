"""The rep's route through a day: its stops with distances, reordering, optimising, adding.

A day's route shows the visits already under way or over (checked in, completed, no-show)
first, in the order they happened, then the planned visits in the order the rep will
drive them. Only planned visits move; where the rep has been is history.

Reordering keeps the day's time slots and moves the visits through them: the visit put
first takes the earliest slot, and so on, so the times on screen always read in route
order. See docs/decisions.md, "Today page".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from fieldapp import validation as check
from fieldapp.catalogue import VisitStatus
from fieldapp.clock import from_text
from fieldapp.errors import ValidationError
from fieldapp.records import Account, Visit
from fieldapp.routing import Point, distance_km, legs_km, optimise_order, route_km
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.planning import PlannedStop, plan
from fieldapp.usecases.visits import get_visit, plan_visit, reorder_plan, reschedule_visit

VISIT_LENGTH = timedelta(minutes=45)  # a visit added from the Today page
DAY_STARTS_AT = time(9, 0)  # local time of the first visit of an empty day
# Travel between stops: great-circle km at an urban average speed (the great-circle
# distance is shorter than the road, the speed a little generous; the two roughly cancel).
TRAVEL_SPEED_KMH = 30.0
UNKNOWN_TRAVEL = timedelta(minutes=15)  # when either end has no coordinates
ROUND_TO = timedelta(minutes=5)  # nobody books a visit at 10:47


@dataclass(frozen=True, slots=True)
class RouteStop:
    visit: Visit
    account: Account
    leg_km: float | None  # from the previous stop with coordinates; None for the first

    @property
    def point(self) -> Point | None:
        return account_point(self.account)

    @property
    def movable(self) -> bool:
        """Only planned visits change place in the route."""
        return self.visit.status == VisitStatus.PLANNED


@dataclass(frozen=True, slots=True)
class DayRoute:
    day: date
    stops: tuple[RouteStop, ...]

    @property
    def total_km(self) -> float:
        return route_km([stop.point for stop in self.stops])


@dataclass(frozen=True, slots=True)
class PlannedSlot:
    """Where one planned visit stood in a day's route: enough to put it back there."""

    visit_id: str
    planned_start: str
    planned_end: str


@dataclass(frozen=True, slots=True)
class RouteChange:
    """What "optimise order" (or "times from the drive") did: the day's total distance
    before and after, and the planned visits as they were, for an undo."""

    before_km: float
    after_km: float
    visit_ids: tuple[str, ...]  # the planned visits, in their new order
    before: tuple[PlannedSlot, ...] = ()  # the planned visits before, in their old order

    @property
    def changed(self) -> bool:
        return self.after_km < self.before_km


def account_point(account: Account) -> Point | None:
    if account.latitude is None or account.longitude is None:
        return None
    return Point(account.latitude, account.longitude)


def _zone(tz: tzinfo | None) -> tzinfo:
    return tz or datetime.now().astimezone().tzinfo  # type: ignore[return-value]


def local_day(visit: Visit, tz: tzinfo | None = None) -> date:
    return from_text(visit.planned_start).astimezone(_zone(tz)).date()


def route_stops(stops: Sequence[PlannedStop]) -> tuple[RouteStop, ...]:
    """One day's stops (as ``plan`` orders them) in route order, with their legs."""
    ordered = [s for s in stops if s.visit.status != VisitStatus.PLANNED]
    ordered += [s for s in stops if s.visit.status == VisitStatus.PLANNED]
    legs = legs_km([account_point(s.account) for s in ordered])
    return tuple(RouteStop(s.visit, s.account, leg) for s, leg in zip(ordered, legs, strict=True))


def day_route(store: Store, day: date, *, tz: tzinfo | None = None) -> DayRoute:
    day = check.day("day", day, label="Day")
    return DayRoute(day, route_stops(plan(store, day, tz=_zone(tz))))


def week_route(
    store: Store, first_day: date, *, days: int = 7, tz: tzinfo | None = None
) -> list[DayRoute]:
    """One route per day from ``first_day``, empty days included."""
    zone = _zone(tz)
    by_day: dict[date, list[PlannedStop]] = {}
    for stop in plan(store, first_day, days=days, tz=zone):
        by_day.setdefault(local_day(stop.visit, zone), []).append(stop)
    every_day = (first_day + timedelta(days=n) for n in range(days))
    return [DayRoute(day, route_stops(by_day.get(day, []))) for day in every_day]


def arrange_route(
    store: Store, visit_ids: Sequence[str], *, tz: tzinfo | None = None
) -> list[Visit]:
    """Put a day's planned visits in this order; they trade time slots to follow it.

    Planned visits of that day missing from ``visit_ids`` (another view added one while the
    rep was dragging) keep their order after the others. All or nothing.
    """
    if not visit_ids:
        return []
    zone = _zone(tz)
    with store.transaction():
        visits = [get_visit(store, visit_id) for visit_id in visit_ids]
        days = {local_day(visit, zone) for visit in visits}
        if len(days) > 1:
            raise ValidationError("visit_ids", "route.route_holds_visits_one_day_only")
        wanted = set(visit_ids)
        others = [
            stop.visit
            for stop in day_route(store, days.pop(), tz=zone).stops
            if stop.movable and stop.visit.id not in wanted
        ]
        visits += others
        slots = sorted((visit.planned_start, visit.planned_end) for visit in visits)
        for visit, (start, end) in zip(visits, slots, strict=True):
            if (visit.planned_start, visit.planned_end) != (start, end):
                reschedule_visit(store, visit.id, from_text(start), from_text(end))
        return reorder_plan(store, [visit.id for visit in visits])


def planned_slots(route: DayRoute) -> tuple[PlannedSlot, ...]:
    return tuple(
        PlannedSlot(s.visit.id, s.visit.planned_start, s.visit.planned_end)
        for s in route.stops
        if s.movable
    )


def restore_route(
    store: Store, slots: Sequence[PlannedSlot], *, tz: tzinfo | None = None
) -> list[Visit]:
    """Put planned visits back in the order and at the times they had (the undo of an
    optimise or a retime), through the same reschedule and reorder as any other change,
    so the undo reaches the outbox and syncs.

    A visit no longer planned (checked in or cancelled since) stays as it is; planned
    visits of that day the snapshot does not name keep their order after the others.
    """
    zone = _zone(tz)
    with store.transaction():
        still = [s for s in slots if get_visit(store, s.visit_id).status == VisitStatus.PLANNED]
        if not still:
            return []
        for slot in still:
            visit = get_visit(store, slot.visit_id)
            if (visit.planned_start, visit.planned_end) != (slot.planned_start, slot.planned_end):
                reschedule_visit(
                    store, slot.visit_id, from_text(slot.planned_start), from_text(slot.planned_end)
                )
        named = {slot.visit_id for slot in still}
        day = local_day(get_visit(store, still[0].visit_id), zone)
        others = [
            stop.visit.id
            for stop in day_route(store, day, tz=zone).stops
            if stop.movable and stop.visit.id not in named
        ]
        return reorder_plan(store, [*(slot.visit_id for slot in still), *others])


def retime_day(store: Store, day: date, *, tz: tzinfo | None = None) -> RouteChange:
    """Plan each planned visit to start when the drive from the previous stop ends.

    Each planned stop starts at the previous stop's end (its check-out if it has one,
    else its planned end) plus the drive at 30 km/h (15 minutes when either end has no
    coordinates), rounded up to 5 minutes and never before now; it keeps its length. The
    day's first stop, when planned, keeps its start: that is when the rep sets off.
    Visits under way or over never move. The route's order does not change.
    """
    day = check.day("day", day, label="Day")
    zone = _zone(tz)
    now = store.clock().astimezone(zone)
    with store.transaction():
        route = day_route(store, day, tz=zone)
        before = planned_slots(route)
        previous: RouteStop | None = None
        previous_end: datetime | None = None
        for stop in route.stops:
            start, end = from_text(stop.visit.planned_start), from_text(stop.visit.planned_end)
            if stop.movable and previous is not None and previous_end is not None:
                length = end - start
                start = _round_up(max(previous_end + travel_time(previous.point, stop.point), now))
                end = start + length
                if end.astimezone(zone).date() != day:
                    raise ValidationError("day", "route.no_time_left_on_day_plan")
                if (start, end) != (
                    from_text(stop.visit.planned_start),
                    from_text(stop.visit.planned_end),
                ):
                    reschedule_visit(store, stop.visit.id, start, end)
            elif not stop.movable and stop.visit.checked_out_at:
                end = from_text(stop.visit.checked_out_at)
            previous, previous_end = stop, end
        ids = tuple(slot.visit_id for slot in before)
        return RouteChange(route.total_km, route.total_km, ids, before)


def optimise_day(store: Store, day: date, *, tz: tzinfo | None = None) -> RouteChange:
    """Reorder the day's planned visits for a shorter drive (nearest neighbour + 2-opt).

    The route starts where the rep last was today (the last visit under way or over that
    has coordinates); before any visit, at the first planned stop, which stays first.
    """
    zone = _zone(tz)
    with store.transaction():
        route = day_route(store, day, tz=zone)
        done = [stop for stop in route.stops if not stop.movable]
        planned = [stop for stop in route.stops if stop.movable]
        start = next((s.point for s in reversed(done) if s.point is not None), None)
        order = optimise_order([stop.point for stop in planned], start)
        better = [planned[i] for i in order]
        after = route_km([stop.point for stop in (*done, *better)])
        visit_ids = tuple(stop.visit.id for stop in better)
        if [stop.visit.id for stop in planned] != list(visit_ids):
            arrange_route(store, visit_ids, tz=zone)
        return RouteChange(route.total_km, after, visit_ids, planned_slots(route))


def _round_up(moment: datetime) -> datetime:
    step = ROUND_TO.total_seconds()
    seconds = math.ceil(moment.timestamp() / step) * step
    return datetime.fromtimestamp(seconds, moment.tzinfo)


def travel_time(origin: Point | None, destination: Point | None) -> timedelta:
    if origin is None or destination is None:
        return UNKNOWN_TRAVEL
    return timedelta(hours=distance_km(origin, destination) / TRAVEL_SPEED_KMH)


def add_to_plan(store: Store, account_id: str, day: date, *, tz: tzinfo | None = None) -> Visit:
    """Plan a visit to an account at the end of a day's route.

    It starts after the day's last visit ends plus the drive from there (at 09:00 on an
    empty day, and never before now), lasts 45 minutes, and goes last in the route.
    """
    day = check.day("day", day, label="Day")
    zone = _zone(tz)
    now = store.clock().astimezone(zone)
    if day < now.date():
        raise ValidationError("day", "route.day_over_plan_visit_today_or")
    with store.transaction():
        account = get_account(store, account_id)
        route = day_route(store, day, tz=zone)
        if any(
            s.account.id == account_id
            and s.visit.status in (VisitStatus.PLANNED, VisitStatus.CHECKED_IN)
            for s in route.stops
        ):
            raise ValidationError("account_id", "route.already_in_days_plan", account=account.name)
        if route.stops:
            last = max(route.stops, key=lambda s: s.visit.planned_end)
            start = from_text(last.visit.planned_end) + travel_time(
                last.point, account_point(account)
            )
        else:
            start = datetime.combine(day, DAY_STARTS_AT, zone)
        start = _round_up(max(start, now))
        end = start + VISIT_LENGTH
        if end.astimezone(zone).date() != day:
            raise ValidationError("day", "route.no_time_left_on_day_plan")
        visit = plan_visit(store, account_id, start, end)
        planned = [s.visit.id for s in route.stops if s.movable]
        reorder_plan(store, [*planned, visit.id])
        return get_visit(store, visit.id)


def move_visit(store: Store, visit_id: str, start: datetime, *, tz: tzinfo | None = None) -> Visit:
    """Reschedule a planned visit, keeping its length; on its new day it takes the place in
    the route that its time gives it among the other planned visits."""
    start = check.moment("planned_start", start, label="Start")
    zone = _zone(tz)
    with store.transaction():
        visit = get_visit(store, visit_id)
        length = from_text(visit.planned_end) - from_text(visit.planned_start)
        moved = reschedule_visit(store, visit_id, start, start + length)
        others = [
            stop.visit
            for stop in day_route(store, local_day(moved, zone), tz=zone).stops
            if stop.movable and stop.visit.id != visit_id
        ]
        place = next(
            (n for n, other in enumerate(others) if other.planned_start > moved.planned_start),
            len(others),
        )
        ids = [other.id for other in others]
        ids[place:place] = [visit_id]
        reorder_plan(store, ids)
        return get_visit(store, visit_id)
