"""Coverage of A/B/C accounts against their visit-frequency targets, and the overdue list;
meeting → deal conversion within its window."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from support.kpi_world import (
    MONTREAL,
    NOW,
    KpiWorld,
    local,
)

from fieldapp.kpi import figure, period_containing, scope_for
from fieldapp.kpi.conversion import ConversionFigure
from fieldapp.kpi.coverage import CoverageFigure

WEEK = period_containing("week", date(2026, 11, 16), MONTREAL)  # as of Sunday the 22nd


def coverage_of(world: KpiWorld, **scope: str) -> CoverageFigure:
    result = figure(world.store, WEEK, scope_for(world.store, **scope), "coverage", now=NOW)
    assert isinstance(result, CoverageFigure)
    return result


def held(world: KpiWorld, account: str, day: date, hour: int = 10, rep: str = "julie") -> str:
    return world.visit(account, rep=rep, start=local(day, hour))


def nov(day: int) -> date:
    return date(2026, 11, day)


@pytest.fixture
def accounts(org: KpiWorld) -> dict[str, str]:
    """Julie's accounts, each at a known distance from its target on Sunday the 22nd."""
    a = {}
    a["A, 14 days ago"] = org.account("A14", owner="julie", tier="A")
    held(org, a["A, 14 days ago"], nov(8))  # D - L = 14: still within
    a["A, 15 days ago at 20:00"] = org.account("A15", owner="julie", tier="A")
    # 20:00 in Montréal on the 7th is the 8th in UTC: the local day counts.
    held(org, a["A, 15 days ago at 20:00"], nov(7), hour=20)
    a["A, only after the as-of day"] = org.account("A-late", owner="julie", tier="A")
    held(org, a["A, only after the as-of day"], date(2026, 10, 1))
    held(org, a["A, only after the as-of day"], nov(23))
    a["B every 7, 7 days ago"] = org.account("B7", owner="julie", tier="B", frequency=7)
    held(org, a["B every 7, 7 days ago"], nov(15))
    a["B every 7, 8 days ago"] = org.account("B8", owner="julie", tier="B", frequency=7)
    held(org, a["B every 7, 8 days ago"], nov(14))
    a["B, visited by Marc"] = org.account("B-marc", owner="julie", tier="B")
    held(org, a["B, visited by Marc"], nov(20), rep="marc")
    a["B, never, old"] = org.account("B-never", owner="julie", tier="B")
    a["B, never, new"] = org.account("B-new", owner="julie", tier="B", created_at=local(nov(10), 9))
    a["B, created after"] = org.account(
        "B-after", owner="julie", tier="B", created_at=local(nov(24), 9)
    )
    a["C, cancelled lately"] = org.account("C-cancel", owner="julie", tier="C")
    held(org, a["C, cancelled lately"], date(2026, 5, 1))
    org.visit(a["C, cancelled lately"], rep="julie", start=local(nov(20), 9), status="cancelled")
    a["C, no-show lately"] = org.account("C-noshow", owner="julie", tier="C")
    org.visit(a["C, no-show lately"], rep="julie", start=local(nov(20), 11), status="no_show")
    a["marc: A never"] = org.account("M-never", owner="marc", tier="A")
    a["paul: C"] = org.account("P-C", owner="paul", tier="C", country="FR")
    held(org, a["paul: C"], nov(1), rep="paul")
    return a


def test_each_tier_counts_accounts_within_their_target(
    org: KpiWorld, accounts: dict[str, str]
) -> None:
    result = coverage_of(org)
    assert result.as_of == nov(22)
    tiers = {t.tier: t for t in result.tiers}
    a = accounts
    assert set(tiers["A"].covered) == {a["A, 14 days ago"]}
    assert set(tiers["A"].overdue) == {
        a["A, 15 days ago at 20:00"],
        a["A, only after the as-of day"],
        a["marc: A never"],
    }
    assert set(tiers["B"].covered) == {a["B every 7, 7 days ago"], a["B, visited by Marc"]}
    assert set(tiers["B"].overdue) == {a["B every 7, 8 days ago"], a["B, never, old"]}
    assert set(tiers["B"].not_due_yet) == {a["B, never, new"]}
    assert set(tiers["C"].covered) == {a["paul: C"]}
    # A cancelled visit or a no-show is not a visit.
    assert set(tiers["C"].overdue) == {a["C, cancelled lately"], a["C, no-show lately"]}
    assert tiers["A"].share == pytest.approx(1 / 4)
    assert tiers["B"].share == pytest.approx(2 / 4)  # the new account is left out
    assert result.total.share == pytest.approx(4 / 11)
    every = set(result.total.covered) | set(result.total.overdue) | set(result.total.not_due_yet)
    assert a["B, created after"] not in every  # it did not exist yet
    assert len(every) == len(accounts) - 1


def test_the_overdue_list_says_since_when_and_by_how_much(
    org: KpiWorld, accounts: dict[str, str]
) -> None:
    result = coverage_of(org, username="julie")
    rows = {a.account_id: a for a in result.overdue}
    a = accounts
    late = rows[a["A, 15 days ago at 20:00"]]
    assert (late.last_visit_on, late.due_on, late.days_overdue) == (nov(7), nov(21), 1)
    weekly = rows[a["B every 7, 8 days ago"]]
    assert (weekly.frequency_days, weekly.due_on, weekly.days_overdue) == (7, nov(21), 1)
    never = rows[a["B, never, old"]]
    assert (never.last_visit_on, never.due_on) == (None, date(2025, 2, 5))  # created + 30
    cancelled = rows[a["C, cancelled lately"]]
    assert (cancelled.last_visit_on, cancelled.due_on, cancelled.days_overdue) == (
        date(2026, 5, 1),
        date(2026, 7, 30),
        115,
    )
    # Tier A first, then the most overdue first.
    order = [(x.tier, x.days_overdue) for x in result.overdue]
    assert order == sorted(order, key=lambda t: (t[0], -t[1]))
    assert result.overdue[0].tier == "A"
    assert {x.owner.username for x in result.overdue if x.owner} == {"julie"}
    assert len(result.overdue_table().rows) == len(result.total.overdue)


def test_coverage_of_a_team_is_the_accounts_its_reps_own(
    org: KpiWorld, accounts: dict[str, str]
) -> None:
    france = coverage_of(org, team_name="france")
    assert france.total.covered == (accounts["paul: C"],)
    assert france.total.overdue == ()
    records = coverage_of(org, team_name="quebec").records()
    assert accounts["paul: C"] not in {row[1] for row in records.rows}
    assert len(records.rows) == len(accounts) - 2  # Paul's, and the one created after


def test_a_rep_with_no_accounts_has_no_share(org: KpiWorld, accounts: dict[str, str]) -> None:
    rita = coverage_of(org, username="rita")
    assert rita.total.share is None and rita.overdue == ()


# -- conversion ---------------------------------------------------------------------------

OCTOBER = period_containing("week", date(2026, 10, 5), MONTREAL)  # Mon 5 to Sun 11


def oct_(day: int) -> date:
    return date(2026, 10, day)


@pytest.fixture
def deals(org: KpiWorld) -> dict[str, str]:
    def account(name: str, owner: str = "julie", country: str = "CA") -> str:
        return org.account(name, owner=owner, country=country)

    x, y, z, w, lost, n = (account(name) for name in ("X", "Y", "Z", "W", "L", "N"))
    p = account("P", owner="paul", country="FR")
    v = {
        "v1": held(org, x, oct_(5)),
        "v2": held(org, y, oct_(6)),
        "v3": held(org, z, oct_(7)),
        "v4": held(org, w, oct_(8)),
        "v5": held(org, x, oct_(8), hour=15),
        "v6": held(org, lost, oct_(9)),
        "v7": org.visit(y, rep="julie", start=local(oct_(9), 15), status="cancelled"),
        "v9": held(org, y, oct_(8), rep="marc"),
        "v10": held(org, n, oct_(10)),
        "vp": held(org, p, oct_(6), rep="paul"),
    }
    won = "closed_won"
    v["X"] = org.opportunity(x, stage=won, amount=1000, close_date="2026-10-05")
    v["Y"] = org.opportunity(y, stage=won, amount=2000, close_date="2026-11-05")  # v2 + 30
    v["Z"] = org.opportunity(z, stage=won, amount=4000, close_date="2026-11-07")  # v3 + 31
    v["W"] = org.opportunity(w, stage=won, amount=800, close_date="2026-10-07")  # before v4
    v["L"] = org.opportunity(lost, stage="closed_lost", amount=9999, close_date="2026-10-10")
    # No close date: won on the local day of its last change, Friday evening in Montréal.
    v["N"] = org.opportunity(
        n, stage=won, amount=300, close_date=None, updated_at="2026-10-10T02:00:00Z"
    )
    v["P"] = org.opportunity(p, stage=won, amount=500, close_date="2026-10-20", currency="EUR")
    return v


def conversion_of(
    world: KpiWorld, *, window: int = 30, now: datetime = NOW, **scope: str
) -> ConversionFigure:
    from fieldapp.kpi.dashboard import Settings

    result = figure(
        world.store,
        OCTOBER,
        scope_for(world.store, **scope),
        "conversion",
        now=now,
        settings=Settings(window_days=window),
    )
    assert isinstance(result, ConversionFigure)
    return result


def test_a_held_visit_converts_when_a_deal_is_won_within_the_window(
    org: KpiWorld, deals: dict[str, str]
) -> None:
    result = conversion_of(org)
    d = deals
    assert set(result.total.held) == {
        d[k] for k in ("v1", "v2", "v3", "v4", "v5", "v6", "v9", "v10", "vp")
    }
    assert set(result.total.converted) == {d["v1"], d["v2"], d["v9"], d["vp"]}
    assert result.total.share == pytest.approx(4 / 9)
    assert set(result.total.deals) == {d["X"], d["Y"], d["P"]}
    assert result.total.amounts == (("CAD", 3000.0), ("EUR", 500.0))  # Y counted once
    assert result.total.waiting == ()  # every window ended before November 25th
    by_rep = {c.rep.username: c for c in result.by_rep if c.rep}
    assert (len(by_rep["julie"].held), set(by_rep["julie"].converted)) == (7, {d["v1"], d["v2"]})
    assert by_rep["julie"].amounts == (("CAD", 3000.0),)
    assert by_rep["marc"].amounts == (("CAD", 2000.0),)  # the deal Julie's visit also led to
    assert by_rep["rita"].share is None
    deal_y = next(x for x in result.deals if x.opportunity_id == d["Y"])
    assert set(deal_y.visits) == {d["v2"], d["v9"]}


def test_a_longer_window_reaches_later_deals(org: KpiWorld, deals: dict[str, str]) -> None:
    result = conversion_of(org, window=31)
    assert deals["v3"] in result.total.converted  # Z, won 31 days after
    assert deals["v10"] not in result.total.converted  # N was won the evening before


def test_visits_whose_window_is_still_open_are_waiting(
    org: KpiWorld, deals: dict[str, str]
) -> None:
    # On November 8th a visit of October 9th or later may still convert (d + 30 >= Nov 8).
    result = conversion_of(org, now=datetime(2026, 11, 8, 17, tzinfo=UTC))
    assert set(result.total.waiting) == {deals["v6"], deals["v10"]}
    records = {row[1]: row[2] for row in result.records().rows}
    assert records[deals["v6"]] == "waiting"
    assert records[deals["v3"]] == "not converted"
    assert records[deals["X"]] == "won"


def test_the_window_is_checked(org: KpiWorld) -> None:
    from fieldapp.errors import ValidationError
    from fieldapp.kpi.dashboard import Settings

    with pytest.raises(ValidationError, match="between 1 and 365"):
        Settings(window_days=0)
