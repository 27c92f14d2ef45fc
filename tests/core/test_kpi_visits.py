"""Visits planned vs held per rep and week, and the kilometres of the routes behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from support.kpi_world import (
    MONTREAL,
    NOW,
    PARIS,
    KpiWorld,
    local,
)

from fieldapp.kpi import Period, figure, period_containing, scope_for
from fieldapp.kpi.travel import TravelFigure
from fieldapp.kpi.visits import VisitsFigure
from fieldapp.routing import Point, distance_km
from fieldapp.usecases.route import day_route

MON, TUE, WED, THU = (date(2026, 11, d) for d in (16, 17, 18, 19))
SUN = date(2026, 11, 22)
WEEK = period_containing("week", MON, MONTREAL)


@dataclass
class Week:
    """Julie's busy week, Marc's one visit, Paul's one in Paris, Rita's none."""

    world: KpiWorld
    accounts: dict[str, str]
    visits: dict[int, str]
    marc: str
    paul: str

    def ids(self, *numbers: int) -> set[str]:
        return {self.visits[n] for n in numbers}


def shop(world: KpiWorld, block: float | None, owner: str = "julie") -> str:
    """An account on one street, ``block`` hundredths of a degree east (None: no place)."""
    return world.account(
        f"Shop {block}",
        owner=owner,
        latitude=None if block is None else 45.5,
        longitude=None if block is None else -73.6 + block / 100,
    )


@pytest.fixture
def week(org: KpiWorld) -> Week:
    a = {name: shop(org, block) for name, block in [("A", 0), ("B", 10), ("C", 5), ("D", 20)]}
    a["E"] = shop(org, None)
    plan = [
        # (number, account, day, hour, minute, status, route position)
        (1, "A", MON, 9, 0, "completed", 0),
        (2, "D", MON, 10, 0, "completed", 1),
        (3, "B", MON, 11, 0, "cancelled", 2),
        (4, "B", TUE, 9, 0, "no_show", 0),
        (5, "E", TUE, 10, 0, "completed", 1),
        (6, "D", TUE, 11, 0, "completed", 2),
        (7, "A", WED, 9, 0, "planned", 0),
        (8, "B", WED, 10, 0, "completed", 1),
        (9, "C", WED, 11, 0, "checked_in", 2),
        (10, "C", SUN, 23, 30, "completed", 0),  # Sunday evening: still this week
        (11, "A", date(2026, 11, 23), 0, 10, "completed", 0),  # Monday after: next week
        (12, "A", date(2026, 11, 15), 23, 50, "completed", 0),  # Sunday before
    ]
    visits = {
        n: org.visit(a[name], rep="julie", start=local(day, h, m), status=status, position=pos)
        for n, name, day, h, m, status, pos in plan
    }
    marc = org.visit(shop(org, 30, "marc"), rep="marc", start=local(WED, 14))
    paris = org.account("Boulangerie", owner="paul", latitude=48.85, longitude=2.35, country="FR")
    paul = org.visit(paris, rep="paul", start=local(THU, 10, zone=PARIS))
    return Week(org, a, visits, marc, paul)


def visits_of(world: KpiWorld, period: Period = WEEK, **scope: str) -> VisitsFigure:
    chosen = scope_for(world.store, **scope)
    result = figure(world.store, period, chosen, "visits", now=NOW)
    assert isinstance(result, VisitsFigure)
    return result


def test_planned_held_cancelled_no_show_and_open_per_rep(week: Week) -> None:
    result = visits_of(week.world)
    by_rep = {rep.username: tally for rep, tally in result.by_rep}
    julie = by_rep["julie"]
    assert set(julie.planned) == week.ids(*range(1, 11))
    assert set(julie.held) == week.ids(1, 2, 5, 6, 8, 10)
    assert set(julie.cancelled) == week.ids(3)
    assert set(julie.no_show) == week.ids(4)
    assert set(julie.open) == week.ids(7, 9)  # still planned, and checked in but not out
    assert julie.counts() == (10, 6, 1, 1, 2)
    assert julie.held_share == pytest.approx(0.6)
    assert (by_rep["marc"].held, by_rep["paul"].held) == ((week.marc,), (week.paul,))
    assert by_rep["rita"].counts() == (0, 0, 0, 0, 0)  # a rep with no visits still shows
    assert by_rep["rita"].held_share is None
    assert result.total.counts() == (12, 8, 1, 1, 2)
    assert set(result.total.planned) == week.ids(*range(1, 11)) | {week.marc, week.paul}


def test_weeks_of_a_month_split_at_monday_midnight(week: Week) -> None:
    month = period_containing("month", MON, MONTREAL)
    result = visits_of(week.world, month, username="julie")
    by_week = {monday: tally for monday, tally in result.by_week}
    assert list(by_week) == [date(2026, 10, 26), *(date(2026, 11, d) for d in (2, 9, 16, 23, 30))]
    assert set(by_week[date(2026, 11, 9)].held) == week.ids(12)  # Sunday 15th, 23:50
    assert set(by_week[date(2026, 11, 16)].planned) == week.ids(*range(1, 11))
    assert set(by_week[date(2026, 11, 23)].held) == week.ids(11)  # Monday 23rd, 00:10
    assert by_week[date(2026, 10, 26)].planned == ()
    assert result.total.counts() == (12, 8, 1, 1, 2)


def test_every_cell_drills_down_to_exactly_the_visits_it_counts(week: Week) -> None:
    result = visits_of(week.world)
    cells = {(c.rep.username, c.week): c.tally for c in result.cells}
    assert set(cells) == {(r, MON) for r in ("julie", "marc", "rita", "paul")}
    for tally in cells.values():
        assert len(set(tally.planned)) == len(tally.planned)  # nobody counted twice
    records = result.records()
    assert {row[1] for row in records.rows} == set(result.total.planned)
    became = {row[1]: row[4] for row in records.rows}
    assert became[week.visits[3]] == "cancelled" and became[week.visits[9]] == "open"
    table = result.table()
    assert table.rows[-1][:8] == ("all", "", "all", 12, 8, 1, 1, 2)


def test_a_team_and_a_rep_see_only_their_visits(week: Week) -> None:
    quebec = visits_of(week.world, team_name="quebec")
    assert [rep.username for rep, _ in quebec.by_rep] == ["julie", "marc", "rita"]
    assert week.paul not in quebec.total.planned
    assert quebec.total.counts() == (11, 7, 1, 1, 2)
    paul = visits_of(week.world, username="paul")
    assert paul.total.held == (week.paul,)


def test_an_empty_period_counts_zero_and_still_lists_the_reps(week: Week) -> None:
    later = period_containing("week", date(2026, 12, 9), MONTREAL)
    result = visits_of(week.world, later)
    assert result.total.counts() == (0, 0, 0, 0, 0)
    assert result.total.held_share is None
    assert {rep.username for rep, _ in result.by_rep} == {"julie", "marc", "rita", "paul"}


def travel_of(world: KpiWorld, **scope: str) -> TravelFigure:
    result = figure(world.store, WEEK, scope_for(world.store, **scope), "travel", now=NOW)
    assert isinstance(result, TravelFigure)
    return result


def test_each_days_route_is_the_one_the_today_page_shows(week: Week) -> None:
    result = travel_of(week.world)
    julie = {r.day: r for r in result.routes if r.rep.username == "julie"}
    assert set(julie) == {MON, TUE, WED, SUN}  # Monday's cancelled stop is no day of its own
    week.world.sign_in("julie")
    for day, route in julie.items():
        today_page = day_route(week.world.store, day, tz=MONTREAL)
        assert route.stops == tuple(s.visit.id for s in today_page.stops)
        assert route.km == pytest.approx(today_page.total_km)
    # Wednesday: those under way or over first (8, 9), then the planned one (7).
    assert julie[WED].stops == (week.visits[8], week.visits[9], week.visits[7])
    # Tuesday: the no-show is on the route, the stop without a place adds nothing.
    assert julie[TUE].stops == (week.visits[4], week.visits[5], week.visits[6])


def test_km_per_day_in_the_field_and_per_held_visit(week: Week) -> None:
    def spot(block: float) -> Point:
        return Point(45.5, -73.6 + block / 100)

    expected = {
        MON: distance_km(spot(0), spot(20)),
        TUE: distance_km(spot(10), spot(20)),
        WED: distance_km(spot(10), spot(5)) + distance_km(spot(5), spot(0)),
        SUN: 0.0,
    }
    result = travel_of(week.world)
    julie = next(t for t in result.by_rep if t.rep and t.rep.username == "julie")
    assert julie.days == 4
    assert julie.km == pytest.approx(sum(expected.values()))
    assert set(julie.held) == week.ids(1, 2, 5, 6, 8, 10)
    assert julie.km_per_day == pytest.approx(sum(expected.values()) / 4)
    assert julie.km_per_held_visit == pytest.approx(sum(expected.values()) / 6)
    assert set(julie.stops) == week.ids(1, 2, 4, 5, 6, 7, 8, 9, 10)  # all but the cancelled
    rita = next(t for t in result.by_rep if t.rep and t.rep.username == "rita")
    assert (rita.days, rita.km, rita.km_per_day, rita.km_per_held_visit) == (0, 0, None, None)
    marc = next(t for t in result.by_rep if t.rep and t.rep.username == "marc")
    assert (marc.days, marc.km, marc.km_per_held_visit) == (1, 0, 0)
    assert result.total.days == 6  # Julie's four, Marc's and Paul's one each
    assert set(result.total.held) == week.ids(1, 2, 5, 6, 8, 10) | {week.marc, week.paul}


def test_travel_records_list_every_stop_in_route_order(week: Week) -> None:
    records = travel_of(week.world, username="julie").records()
    wednesday = [row for row in records.rows if row[3] == WED.isoformat()]
    assert [row[1] for row in wednesday] == [week.visits[n] for n in (8, 9, 7)]
    assert [row[4] for row in wednesday] == [0, 1, 2]
    assert [row[5] for row in wednesday] == [True, False, False]


def test_an_organisation_with_no_activity_has_a_dashboard_of_zeros(org: KpiWorld) -> None:
    from fieldapp.kpi import dashboard
    from fieldapp.kpi.summary import summary

    board = dashboard(org.store, WEEK, scope_for(org.store), now=NOW)
    assert board.visits.total.counts() == (0, 0, 0, 0, 0)
    assert board.coverage.total.share is None and board.coverage.overdue == ()
    assert board.conversion.total.share is None and board.conversion.deals == ()
    assert (board.travel.total.days, board.travel.total.km_per_day) == (0, None)
    assert all(k.on_time_share is None and k.median_seconds is None for k in board.sla.kinds)
    assert board.backlog.awaiting_review_ids == () and board.backlog.follow_up_ids == ()
    values = {(row[0], row[1], row[2]): row[3] for row in summary(board).rows}
    assert values[("visits", "all", "planned")] == 0
    assert values[("visits", "rita", "held_share")] is None
