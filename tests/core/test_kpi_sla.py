"""The SLA of a period: reports written within 24 hours of the visit's end, reviewed within
a working day of their arrival, the breaches and the medians; the fast arithmetic against
fieldapp.team's; and a hand-off source plugging in."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from support.kpi_world import (
    MONTREAL,
    NOW,
    PARIS,
    KpiWorld,
    local,
)

from fieldapp.kpi import Period, Settings, figure, period_containing, scope_for
from fieldapp.kpi.commitments import SOURCES, Commitment, team_regions
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.sla import SlaFigure
from fieldapp.kpi.timeline import WorkingTimeline
from fieldapp.team.policies import DEFAULT_POLICIES, AllowanceUnit, CommitmentKind, SlaPolicy
from fieldapp.team.regions import REGIONS, Region
from fieldapp.team.sla import due_at
from fieldapp.team.working_days import calendar_for

WEEK = period_containing("week", date(2026, 11, 16), MONTREAL)
HOUR = 3600
WRITTEN, REVIEWED = CommitmentKind.REPORT_WRITTEN, CommitmentKind.REPORT_REVIEWED


def nov(day: int) -> date:
    return date(2026, 11, day)


def epoch(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


@dataclass
class Loop:
    world: KpiWorld
    ids: dict[str, str]


@pytest.fixture
def loop(org: KpiWorld) -> Loop:
    w = org
    shop = w.account("Shop", owner="julie")
    paris = w.account("Paris shop", owner="paul", country="FR")
    ids: dict[str, str] = {}

    def visit(name: str, day: date, hour: int, rep: str = "julie", **kw: object) -> str:
        zone = PARIS if rep == "paul" else MONTREAL
        ids[name] = w.visit(
            paris if rep == "paul" else shop, rep=rep, start=local(day, hour, zone=zone), **kw
        )
        return ids[name]

    def report(name: str, visit_name: str, at: str, synced: bool = True) -> str:
        ids[name] = w.report(ids[visit_name], at=at, synced=synced)
        return ids[name]

    # Visits end 45 minutes after they start.
    visit("w1", nov(16), 9)
    report("r1", "w1", local(nov(16), 11, 45))  # 2 h after
    w.review(ids["r1"], at=local(nov(17), 11, 45), reviewer="ines")  # one working day
    visit("w2", nov(17), 9)
    report("r2", "w2", local(nov(18), 15, 45))  # 30 h after: 6 h late
    w.review(ids["r2"], at=local(nov(20), 9), reviewer="ines")  # due Thursday 15:45
    visit("w3", nov(20), 14)
    report("r3", "w3", local(nov(21), 14, 45))  # exactly 24 h: on time
    w.review(ids["r3"], at=local(nov(23), 16), reviewer="ines")  # arrived on a Saturday
    visit("w4", nov(19), 10)  # no report
    visit("w6", nov(16), 14)
    report("r6", "w6", local(nov(16), 15), synced=False)  # still in the outbox
    visit("w7", nov(18), 9, status="cancelled")
    visit("w8", nov(18), 11)
    report("r8", "w8", local(nov(18), 12))
    w.review(ids["r8"], at=local(nov(18), 13), reviewer="ines", synced=False)
    # The report of the week before's visit arrives this Monday, and nobody reviews it.
    visit("w0", nov(13), 14)
    report("r0", "w0", local(nov(16), 8))
    visit("wp", nov(19), 10, rep="paul")
    report("rp", "wp", local(nov(19), 12, 45, zone=PARIS))
    w.review(ids["rp"], at=local(nov(20), 12, 45, zone=PARIS), reviewer="ivan")
    return Loop(w, ids)


def sla_of(
    world: KpiWorld, *, now: datetime = NOW, period: Period = WEEK, **scope: str
) -> SlaFigure:
    result = figure(world.store, period, scope_for(world.store, **scope), "sla", now=now)
    assert isinstance(result, SlaFigure)
    return result


def test_reports_written_within_24_hours_of_the_visits_end(loop: Loop) -> None:
    written = sla_of(loop.world).kind(WRITTEN)
    i = loop.ids
    # 2 h, 24 h exactly, Paul's 2 h, w8's 15 minutes: on time; 30 h: late.
    assert set(written.on_time) == {i["w1"], i["w3"], i["wp"], i["w8"]}
    assert set(written.late) == {i["w2"]}
    # No report, and a report still on this laptop: both overdue by now.
    assert set(written.overdue) == {i["w4"], i["w6"]}
    assert written.pending == ()
    assert written.on_time_share == pytest.approx(4 / 7)
    # Elapsed time from check-out to the report: 2 h, 30 h, 24 h, 2 h, and w8's 15 min.
    assert written.median_seconds == pytest.approx(2 * HOUR)
    assert written.median_unit is AllowanceUnit.HOURS
    assert written.measured and written.policy == "24 hours"


def test_a_report_on_its_way_is_pending_until_its_due_time(loop: Loop) -> None:
    # Tuesday 17th at 07:00 in Montréal: w6's report is due at 14:45, w4's visit is Thursday.
    early = sla_of(loop.world, now=datetime(2026, 11, 17, 12, tzinfo=UTC))
    written = early.kind(WRITTEN)
    assert loop.ids["w6"] in written.pending
    assert loop.ids["w4"] in written.pending


def test_reports_reviewed_within_one_working_day_of_their_arrival(loop: Loop) -> None:
    reviewed = sla_of(loop.world).kind(REVIEWED)
    i = loop.ids
    # r1: exactly one working day; r3 arrived on Saturday and was due at the end of Monday;
    # Paul's, in Paris, the next day.
    assert set(reviewed.on_time) == {i["r1"], i["r3"], i["rp"]}
    assert set(reviewed.late) == {i["r2"]}
    # r0 never reviewed; r8's review is still on the reviewer's laptop. r6 never reached
    # the server, so its review is not owed yet.
    assert set(reviewed.overdue) == {i["r0"], i["r8"]}
    assert i["r6"] not in reviewed.on_time + reviewed.late + reviewed.overdue + reviewed.pending
    assert reviewed.on_time_share == pytest.approx(3 / 6)
    # Working time to the review: 24 h, 41 h 15, 16 h (Monday only), 24 h: median 24 h.
    assert reviewed.median_seconds == pytest.approx(24 * HOUR)
    assert reviewed.median_unit is AllowanceUnit.WORKING_DAYS


def test_the_breach_list_says_who_what_and_how_late(loop: Loop) -> None:
    breaches = sla_of(loop.world).breaches
    i = loop.ids
    by_record = {b.record_id: b for b in breaches}
    assert set(by_record) == {i["w2"], i["w4"], i["w6"], i["r2"], i["r0"], i["r8"]}
    late_report = by_record[i["w2"]]
    assert (late_report.kind, late_report.owner, late_report.collection) == (
        WRITTEN,
        "julie",
        "visits",
    )
    assert late_report.late_seconds == 6 * HOUR
    assert late_report.account_name == "Shop"
    assert late_report.done_at == local(nov(18), 15, 45)
    assert late_report.due_at == local(nov(18), 9, 45)
    late_review = by_record[i["r2"]]
    assert (late_review.owner, late_review.late_seconds) == ("ines", 17 * HOUR + 15 * 60)
    waiting = by_record[i["r0"]]
    assert waiting.owner == "inside team, quebec" and waiting.done_at is None
    assert waiting.due_at == local(nov(17), 8)
    assert waiting.late_seconds == epoch("2026-11-25T15:00:00Z") - epoch(local(nov(17), 8))
    # The latest first.
    assert [b.late_seconds for b in breaches] == sorted(
        (b.late_seconds for b in breaches), reverse=True
    )


def test_working_days_follow_the_owners_region(loop: Loop) -> None:
    w = loop.world
    # In Paris, Wednesday November 11th is a public holiday; in Montréal it is not.
    visit = w.visit(
        w.account("Lyon", owner="paul", country="FR"),
        rep="paul",
        start=local(nov(10), 10, zone=PARIS),
    )
    report = w.report(visit, at=local(nov(10), 12, 45, zone=PARIS))
    w.review(report, at=local(nov(12), 12, zone=PARIS), reviewer="ivan")
    before = period_containing("week", nov(10), MONTREAL)
    reviewed = sla_of(w, period=before).kind(REVIEWED)
    assert reviewed.on_time == (report,)  # due Thursday 12:45, the holiday skipped
    assert reviewed.median_seconds == pytest.approx((11 + 15 / 60 + 12) * HOUR)
    assert team_regions(w.store) == {
        None: REGIONS["QC"],
        "quebec": REGIONS["QC"],
        "france": REGIONS["FR"],
    }


def test_every_kind_is_measured_and_one_no_source_reads_is_marked(loop: Loop) -> None:
    assert all(k.measured for k in sla_of(loop.world).kinds)
    reports_only = Settings(sources=tuple(s for s in SOURCES if REVIEWED in s.kinds))
    result = figure(
        loop.world.store, WEEK, scope_for(loop.world.store), "sla", now=NOW, settings=reports_only
    )
    assert isinstance(result, SlaFigure)
    waiting = [k.kind for k in result.kinds if not k.measured]
    assert set(waiting) == set(CommitmentKind) - {REVIEWED}
    for kind in waiting:
        assert result.kind(kind).on_time_share is None
        assert result.kind(kind).median_seconds is None


class LeadHandOffs:
    """What a source of lead hand-offs will look like once their collection lands."""

    kinds = (CommitmentKind.LEAD_VISIT_HELD,)

    def __init__(self, items: list[Commitment]) -> None:
        self.items = items

    def commitments(self, reading: Reading) -> Iterator[Commitment]:
        return iter(self.items)


def test_a_hand_off_source_plugs_in_without_changing_the_figure(loop: Loop) -> None:
    monday = epoch(local(nov(16), 9))
    kind = CommitmentKind.LEAD_VISIT_HELD  # 10 working days
    items = [
        Commitment(
            kind, "hand_offs", "h1", None, "julie", "quebec", monday, monday + 7 * 24 * HOUR
        ),  # the next Monday: 5 working days
        Commitment(
            kind, "hand_offs", "h2", None, "marc", "quebec", monday, monday + 21 * 24 * HOUR
        ),  # 15 working days: late
        Commitment(kind, "hand_offs", "h3", None, "marc", "quebec", monday, None),
    ]
    settings = Settings(sources=(*SOURCES, LeadHandOffs(items)))
    result = figure(
        loop.world.store, WEEK, scope_for(loop.world.store), "sla", now=NOW, settings=settings
    )
    assert isinstance(result, SlaFigure)
    held = result.kind(kind)
    assert (held.measured, held.on_time, held.late, held.pending) == (
        True,
        ("h1",),
        ("h2",),
        ("h3",),
    )
    assert held.median_seconds == pytest.approx((5 + 15) / 2 * 24 * HOUR)
    assert "h2" in {b.record_id for b in result.breaches}


def test_a_team_sees_its_own_commitments(loop: Loop) -> None:
    france = sla_of(loop.world, team_name="france")
    assert france.kind(WRITTEN).on_time == (loop.ids["wp"],)
    assert france.kind(REVIEWED).on_time == (loop.ids["rp"],)
    assert france.breaches == ()
    empty = sla_of(loop.world, username="rita")
    assert all(k.judged == 0 for k in empty.kinds) and empty.breaches == ()


# -- the fast arithmetic is fieldapp.team's -----------------------------------------------


def instants(seed: int, count: int) -> Iterator[datetime]:
    rng = random.Random(seed)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for _ in range(count):
        yield base + timedelta(seconds=rng.randrange(700 * 86_400))
    # Midnights, clock changes and holidays, on purpose.
    for zone in (MONTREAL, PARIS):
        for day in (
            date(2026, 3, 8),
            date(2026, 3, 29),
            date(2026, 10, 25),
            date(2026, 11, 1),
            date(2026, 6, 24),
            date(2026, 12, 25),
            date(2027, 1, 1),
        ):
            for hour in (0, 1, 2, 3, 9, 23):
                local_time = datetime(day.year, day.month, day.day, hour, tzinfo=zone)
                yield local_time.astimezone(UTC)


# A region that works every day, so that the clock changes fall on working days.
EVERY_DAY = Region("QC7", "CA", "QC", "America/Toronto", frozenset(range(7)))


@pytest.mark.parametrize("place", [REGIONS["QC"], REGIONS["FR"], EVERY_DAY], ids=lambda r: r.code)
def test_due_times_and_working_time_match_the_reference(place: Region) -> None:
    line = WorkingTimeline(place, date(2025, 12, 30), date(2027, 12, 31))
    calendar = calendar_for(place)
    rng = random.Random(7)
    policies = [
        SlaPolicy(CommitmentKind.FOLLOW_UP_HANDLED, n, AllowanceUnit.WORKING_DAYS)
        for n in (1, 2, 3, 10)
    ] + [DEFAULT_POLICIES[WRITTEN]]
    checked = 0
    for start in instants(11, 1500):
        for policy in policies:
            expected = due_at(start, policy, place)
            assert line.due(int(start.timestamp()), policy) == int(expected.timestamp()), (
                start,
                policy,
            )
        end = start + timedelta(seconds=rng.randrange(20 * 86_400))
        reference = calendar.working_time_between(start, end).total_seconds()
        assert line.working_seconds(int(start.timestamp()), int(end.timestamp())) == reference
        checked += 1
    # Outside the table of days, the reference answers.
    far = datetime(2029, 6, 22, 15, tzinfo=UTC)
    policy = policies[1]
    assert line.due(int(far.timestamp()), policy) == int(due_at(far, policy, place).timestamp())
    assert checked > 1500


def test_each_team_is_judged_by_the_agreement_the_server_synced(loop: Loop) -> None:
    # Québec's team agreed 36 hours for a report (the server's sla_policies record): w2's
    # report, 30 h after its visit, is on time for it; France keeps the default 24 hours.
    w, i = loop.world, loop.ids
    agreed = DEFAULT_POLICIES.replace(SlaPolicy(WRITTEN, 36, AllowanceUnit.HOURS))
    w._put(
        "sla_policies",
        {"id": w.new_id(9), "team": "quebec", "region": "QC", "policies": agreed.to_data()},
    )
    quebec = sla_of(w, team_name="quebec").kind(WRITTEN)
    assert i["w2"] in quebec.on_time and not quebec.late
    assert quebec.policy == "36 hours"
    everyone = sla_of(w).kind(WRITTEN)
    assert everyone.policy == "24 hours / 36 hours"
    assert set(everyone.on_time) == {i["w1"], i["w2"], i["w3"], i["wp"], i["w8"]}
    # The same for every team when a manager asks for it (a what-if from the command line).
    same = figure(
        w.store,
        WEEK,
        scope_for(w.store),
        "sla",
        now=NOW,
        settings=Settings(policies=DEFAULT_POLICIES),
    )
    assert isinstance(same, SlaFigure)
    assert set(same.kind(WRITTEN).late) == {i["w2"]} and same.kind(WRITTEN).policy == "24 hours"
