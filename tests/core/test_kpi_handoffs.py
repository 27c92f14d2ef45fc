"""The hand-off commitments in the dashboard's SLA: follow-ups handled within 2 working days,
leads planned within 3 and held within 10, on a controlled clock across a weekend and a
Québec holiday; and the server's instants deciding when a laptop's clock was wrong."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from support.kpi_world import MONTREAL, NOW, KpiWorld, local

from fieldapp.kpi import Period, figure, period_containing, scope_for
from fieldapp.kpi.sla import SlaFigure
from fieldapp.team.policies import AllowanceUnit, CommitmentKind
from fieldapp.usecases import work_queue

HOUR = 3600
HANDLED = CommitmentKind.FOLLOW_UP_HANDLED
PLANNED, HELD = CommitmentKind.LEAD_VISIT_PLANNED, CommitmentKind.LEAD_VISIT_HELD
WRITTEN, REVIEWED = CommitmentKind.REPORT_WRITTEN, CommitmentKind.REPORT_REVIEWED


def nov(day: int) -> date:
    return date(2026, 11, day)


def oct_(day: int) -> date:
    return date(2026, 10, day)


def sla_of(world: KpiWorld, period: Period, **scope: str) -> SlaFigure:
    result = figure(world.store, period, scope_for(world.store, **scope), "sla", now=NOW)
    assert isinstance(result, SlaFigure)
    return result


def epoch(text: str) -> int:
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def test_follow_ups_handled_within_two_working_days_across_a_weekend(org: KpiWorld) -> None:
    w = org
    shop = w.account("Shop", owner="julie")
    week = period_containing("week", nov(16), MONTREAL)  # Monday 16 to Sunday 22
    # Handed on Friday at 16:00: due on Tuesday at 16:00, the weekend skipped.
    on_time = w.hand_off(
        shop,
        by="julie",
        handed_at=local(nov(20), 16),
        claimed_by="ines",
        completed_at=local(nov(24), 15),
    )
    late = w.hand_off(
        shop,
        by="julie",
        handed_at=local(nov(20), 16),
        claimed_by="ines",
        completed_at=local(nov(25), 9),
    )
    # Handed on Saturday: the clock starts on Monday, due when Tuesday ends.
    weekend = w.hand_off(shop, by="julie", handed_at=local(nov(21), 11))
    # Nobody claimed it since Monday: the inside team owes it, overdue since Wednesday.
    waiting = w.hand_off(shop, by="julie", handed_at=local(nov(16), 10))
    # Not hand-offs, or not of this week: one's own reminder, a cancelled one, last week's.
    w.hand_off(shop, by="julie", to="julie", handed_at=local(nov(17), 10))
    w.hand_off(shop, by="julie", handed_at=local(nov(17), 10), status="cancelled")
    w.hand_off(shop, by="julie", handed_at=local(nov(13), 10))

    result = sla_of(w, week)
    handled = result.kind(HANDLED)
    assert handled.measured and handled.policy == "2 working days"
    assert (handled.on_time, handled.late, handled.pending) == ((on_time,), (late,), ())
    assert set(handled.overdue) == {weekend, waiting}
    assert handled.on_time_share == pytest.approx(1 / 4)
    # Working time to the answer: Friday 8 h + Monday + Tuesday 15 h = 47 h; and 65 h.
    assert handled.median_seconds == pytest.approx(56 * HOUR)
    assert handled.median_unit is AllowanceUnit.WORKING_DAYS

    breaches = {b.record_id: b for b in result.breaches if b.kind is HANDLED}
    assert breaches[late].owner == "ines"
    assert breaches[late].due_at == local(nov(24), 16)
    assert breaches[late].late_seconds == 17 * HOUR
    assert breaches[weekend].due_at == local(nov(25), 0)
    assert breaches[weekend].late_seconds == epoch(NOW.isoformat()) - epoch(local(nov(25), 0))
    assert (breaches[waiting].owner, breaches[waiting].due_at) == (
        "inside team, quebec",
        local(nov(18), 10),
    )
    assert breaches[waiting].account_name == "Shop"
    # The team sees the follow-ups its reps handed; France none of them.
    assert set(sla_of(w, week, team_name="quebec").kind(HANDLED).overdue) == {weekend, waiting}
    assert sla_of(w, week, team_name="france").kind(HANDLED).judged == 0


def test_leads_planned_within_three_and_held_within_ten_working_days_around_a_holiday(
    org: KpiWorld,
) -> None:
    w = org
    october = period_containing("month", oct_(1), MONTREAL)
    # Thanksgiving (Monday October 12th) is a Québec holiday: a lead handed on Friday 9th
    # at 10:00 is due planned on Thursday 15th at 10:00 and held on Monday 26th at 10:00.
    first = w.account("Boulangerie", owner="julie")
    visit = w.visit(first, rep="julie", start=local(oct_(26), 9, 30))
    accepted = w.lead(
        first,
        to="julie",
        by="ines",
        handed_at=local(oct_(9), 10),
        status="accepted",
        accepted_at=local(oct_(15), 9),
        visit_id=visit,
    )
    # Returned an hour after its due time: an answer, but a late one; no visit is owed.
    returned = w.lead(
        w.account("Fromagerie", owner="marc"),
        to="marc",
        by="ines",
        handed_at=local(oct_(9), 10),
        status="returned",
        returned_at=local(oct_(15), 11),
    )
    # Handed on Tuesday 20th and never answered: overdue since Friday 23rd at 10:00.
    silent = w.lead(
        w.account("Épicerie", owner="marc"), to="marc", by="ines", handed_at=local(oct_(20), 10)
    )
    w.lead(
        w.account("Quincaillerie", owner="marc"),
        to="marc",
        by="ines",
        handed_at=local(oct_(20), 10),
        status="withdrawn",
    )

    result = sla_of(w, october)
    planned, held = result.kind(PLANNED), result.kind(HELD)
    assert (planned.on_time, planned.late, planned.overdue) == ((accepted,), (returned,), (silent,))
    assert (held.on_time, held.late, held.overdue, held.pending) == ((accepted,), (), (), ())
    # Friday 14 h, Tuesday, Wednesday, then 9 h or 11 h on Thursday: 71 h and 73 h.
    assert planned.median_seconds == pytest.approx(72 * HOUR)
    # hand-off → first visit: Friday 14 h, nine working days, Monday 26th 9 h 30.
    assert held.median_seconds == pytest.approx((14 + 9 * 24 + 9.5) * HOUR)
    breaches = {b.record_id: b for b in result.breaches}
    assert (breaches[returned].owner, breaches[returned].late_seconds) == ("marc", HOUR)
    assert breaches[returned].due_at == local(oct_(15), 10)
    assert breaches[silent].due_at == local(oct_(23), 10)
    assert breaches[silent].done_at is None
    # Julie's own dashboard holds her lead, not Marc's.
    mine = sla_of(w, october, username="julie")
    assert mine.kind(PLANNED).on_time == (accepted,) and mine.kind(PLANNED).judged == 1


def test_the_servers_instants_decide_when_a_laptops_clock_is_wrong(org: KpiWorld) -> None:
    w = org
    week = period_containing("week", nov(16), MONTREAL)
    shop = w.account("Shop", owner="julie")
    # Julie's laptop ran 20 hours behind: it saved her report 2 h after the visit by its
    # own clock, but the report reached the server 30 h after the visit's end.
    visit = w.visit(shop, rep="julie", start=local(nov(16), 9))
    report = w.report(visit, at=local(nov(16), 11, 45), arrived_at=local(nov(17), 15, 45))
    # Inès's review says Tuesday 16:00 (her clock), the server had it on Thursday.
    w.review(report, at=local(nov(17), 16), reviewer="ines", arrived_at=local(nov(19), 16))
    # A follow-up completed on a laptop offline: done there, not on the server yet.
    offline = w.hand_off(shop, by="julie", handed_at=local(nov(16), 10), status="done")
    # A lead whose visit was checked in on a laptop and not synced yet.
    lead_visit = w.visit(shop, rep="julie", start=local(nov(18), 9))
    with w.store.transaction():
        w.store.execute(
            "INSERT INTO outbox (mutation_id, collection, record_id, op, fields, previous,"
            " created_at) VALUES ('m1', 'visits', ?, 'update', '{}', '{}', ?)",
            (lead_visit, local(nov(18), 9)),
        )
    lead = w.lead(
        shop,
        to="julie",
        by="ines",
        handed_at=local(nov(16), 8),
        status="accepted",
        accepted_at=local(nov(16), 12),
        visit_id=lead_visit,
    )

    result = sla_of(w, week)
    assert result.kind(WRITTEN).late == (visit,)
    breaches = {(b.kind, b.record_id): b for b in result.breaches}
    assert breaches[(WRITTEN, visit)].late_seconds == 6 * HOUR
    assert breaches[(WRITTEN, visit)].done_at == local(nov(17), 15, 45)
    # The report's clock started when it arrived (Tuesday 15:45): due Wednesday 15:45.
    assert result.kind(REVIEWED).late == (report,)
    assert breaches[(REVIEWED, report)].late_seconds == 24 * HOUR + 15 * 60
    assert result.kind(HANDLED).overdue == (offline,)
    assert result.kind(PLANNED).on_time == (lead,)
    assert result.kind(HELD).pending == (lead,)  # due on the 30th: its clock still runs


def test_the_dashboard_and_the_work_queue_agree_on_a_hand_offs_clock(org: KpiWorld) -> None:
    w = org
    shop = w.account("Shop", owner="julie")
    follow_up = w.hand_off(shop, by="julie", handed_at=local(nov(20), 16), claimed_by="ines")
    w.sign_in("ines")
    queued = next(i for i in work_queue.work_queue(w.store, now=NOW) if i.record_id == follow_up)
    assert queued.clock is not None and queued.overdue
    result = sla_of(w, period_containing("week", nov(16), MONTREAL))
    breach = next(b for b in result.breaches if b.record_id == follow_up)
    assert breach.due_epoch == int(queued.clock.due_at.timestamp())
    assert breach.late_seconds == int(queued.clock.overdue_by.total_seconds())  # type: ignore[union-attr]
