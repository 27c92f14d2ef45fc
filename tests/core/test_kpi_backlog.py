"""What waits at the end of the period, by age: visit reports awaiting review, and the
follow-ups still open (and past due)."""

from __future__ import annotations

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
from fieldapp.kpi.backlog import BacklogFigure

WEEK = period_containing("week", date(2026, 11, 16), MONTREAL)  # as of Sunday the 22nd


def nov(day: int) -> date:
    return date(2026, 11, day)


@pytest.fixture
def waiting(org: KpiWorld) -> dict[str, str]:
    w = org
    shop = w.account("Shop", owner="julie")
    paris = w.account("Paris", owner="paul", country="FR")
    ids: dict[str, str] = {}

    def report(name: str, written: str, rep: str = "julie", reviewed: str | None = None) -> None:
        visit = w.visit(paris if rep == "paul" else shop, rep=rep, start=written)
        ids[name] = w.report(visit, at=written)
        if reviewed is not None:
            w.review(ids[name], at=reviewed, reviewer="ines")

    report("b1", local(nov(22), 10))  # written on the as-of day: age 0
    report("b2", local(nov(21), 23, 30))  # age 1
    report("b3", local(nov(20), 0, 30))  # age 2
    report("b4", local(nov(16), 9), reviewed=local(nov(24), 9))  # reviewed after the 22nd
    report("b5", local(nov(10), 9), reviewed=local(nov(12), 9))
    report("b6", local(date(2026, 10, 1), 9))  # age 52
    report("b7", local(nov(23), 1))  # the day after
    report("bp", local(nov(20), 10, zone=PARIS), rep="paul")

    def follow_up(name: str, created: str, due: str, **kw: object) -> None:
        ids[name] = w.follow_up(kw.pop("account", shop), created_at=created, due_date=due, **kw)  # type: ignore[arg-type]

    follow_up("f1", local(nov(22), 9), "2026-11-24")
    follow_up("f2", local(nov(18), 9), "2026-11-20")
    follow_up("f3", local(nov(10), 9), "2026-11-12", status="done", completed_at=local(nov(24), 9))
    follow_up("f4", local(nov(10), 9), "2026-11-12", status="done", completed_at=local(nov(15), 10))
    follow_up(
        "f5", local(nov(1), 9), "2026-11-05", status="cancelled", updated_at=local(nov(23), 12)
    )
    follow_up(
        "f6", local(nov(1), 9), "2026-11-05", status="cancelled", updated_at=local(nov(2), 12)
    )
    follow_up("f7", local(nov(24), 9), "2026-11-26")
    follow_up("f8", local(nov(19), 9), "2026-11-22", account=paris, assignee="marc")
    follow_up("f9", local(nov(21), 9), "2026-11-21")
    return ids


def backlog_of(world: KpiWorld, period: Period = WEEK, **scope: str) -> BacklogFigure:
    result = figure(world.store, period, scope_for(world.store, **scope), "backlog", now=NOW)
    assert isinstance(result, BacklogFigure)
    return result


def buckets(
    result: BacklogFigure,
) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    return (
        {b.label: set(b.items) for b in result.awaiting_review},
        {b.label: set(b.items) for b in result.follow_ups_open},
        {b.label: set(b.past_due) for b in result.follow_ups_open},
    )


def test_reports_awaiting_review_at_the_end_of_the_period_by_age(
    org: KpiWorld, waiting: dict[str, str]
) -> None:
    result = backlog_of(org)
    assert result.as_of == nov(22)
    reports, _, _ = buckets(result)
    i = waiting
    assert reports == {
        "0-1 days": {i["b1"], i["b2"]},
        "2-3 days": {i["b3"], i["bp"]},
        "4-7 days": {i["b4"]},  # reviewed on the 24th: still waiting on the 22nd
        "8-14 days": set(),
        "15-30 days": set(),
        "31+ days": {i["b6"]},
    }
    assert set(result.awaiting_review_ids) == {i[n] for n in ("b1", "b2", "b3", "b4", "b6", "bp")}


def test_follow_ups_open_at_the_end_of_the_period_by_age_and_past_due(
    org: KpiWorld, waiting: dict[str, str]
) -> None:
    _, open_, past_due = buckets(backlog_of(org))
    i = waiting
    assert open_ == {
        "0-1 days": {i["f1"], i["f9"]},
        "2-3 days": {i["f8"]},
        "4-7 days": {i["f2"]},
        "8-14 days": {i["f3"]},  # done on the 24th: open on the 22nd
        "15-30 days": {i["f5"]},  # cancelled on the 23rd
        "31+ days": set(),
    }
    assert set().union(*past_due.values()) == {i["f9"], i["f2"], i["f3"], i["f5"]}
    assert i["f8"] not in set().union(*past_due.values())  # due on the 22nd itself


def test_a_team_sees_what_waits_on_its_side(org: KpiWorld, waiting: dict[str, str]) -> None:
    i = waiting
    quebec = backlog_of(org, team_name="quebec")
    assert i["bp"] not in quebec.awaiting_review_ids
    assert i["f8"] in quebec.follow_up_ids  # handed to Marc, on Paul's account
    france = backlog_of(org, team_name="france")
    assert france.awaiting_review_ids == (i["bp"],)
    assert france.follow_up_ids == (i["f8"],)
    assert backlog_of(org, username="rita").follow_up_ids == ()


def test_a_past_period_is_seen_as_it_was_on_its_last_day(
    org: KpiWorld, waiting: dict[str, str]
) -> None:
    before = period_containing("week", nov(9), MONTREAL)  # as of Sunday the 15th
    result = backlog_of(org, before)
    i = waiting
    assert set(result.awaiting_review_ids) == {i["b6"]}  # b5 was reviewed on the 12th
    assert set(result.follow_up_ids) == {i["f3"], i["f5"]}
    rows = {row[1]: row for row in result.records().rows}
    assert rows[i["f3"]][4] is True  # past due since the 12th
    assert len(result.table().rows) == 12
