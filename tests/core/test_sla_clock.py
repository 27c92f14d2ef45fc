"""The clock of an item under an SLA, with a controlled "now"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.team.policies import DEFAULT_POLICIES, AllowanceUnit, CommitmentKind, SlaPolicy
from fieldapp.team.regions import REGIONS
from fieldapp.team.sla import ClockState, SlaClock, due_at, is_breached, sla_clock

MONTREAL = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
QC, FR = REGIONS["QC"], REGIONS["FR"]
REPORT = DEFAULT_POLICIES[CommitmentKind.REPORT_WRITTEN]  # 24 h
FOLLOW_UP = DEFAULT_POLICIES[CommitmentKind.FOLLOW_UP_HANDLED]  # 2 working days
REVIEW = DEFAULT_POLICIES[CommitmentKind.REPORT_REVIEWED]  # 1 working day
LEAD_PLANNED = DEFAULT_POLICIES[CommitmentKind.LEAD_VISIT_PLANNED]  # 3 working days
LEAD_HELD = DEFAULT_POLICIES[CommitmentKind.LEAD_VISIT_HELD]  # 10 working days
H = timedelta(hours=1)


def montreal(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=MONTREAL)


def clock_at(
    now: datetime,
    *,
    policy: SlaPolicy = FOLLOW_UP,
    started_at: datetime,
    done_at: datetime | None = None,
    region: str = "QC",
) -> SlaClock:
    return sla_clock(
        policy=policy,
        region=REGIONS[region],
        owner="inside",
        started_at=started_at,
        done_at=done_at,
        now=now,
    )


def test_a_visit_report_is_due_24_hours_after_the_visit_even_on_a_saturday() -> None:
    visit_end = montreal(2026, 11, 20, 16, 0)  # Friday
    clock = clock_at(visit_end + 2 * H, policy=REPORT, started_at=visit_end)
    assert clock.due_at == datetime(2026, 11, 21, 21, 0, tzinfo=UTC)  # Saturday 16:00
    assert (clock.state, clock.time_left, clock.overdue_by, clock.late_by) == (
        ClockState.ON_TIME,
        22 * H,
        None,
        None,
    )
    assert clock.owner == "inside" and clock.kind is CommitmentKind.REPORT_WRITTEN
    assert clock.started_at.tzinfo is UTC and clock.is_open and not clock.breached


def test_24_hours_are_elapsed_hours_across_a_dst_change() -> None:
    visit_end = montreal(2026, 3, 7, 20, 0)  # Saturday, EST; the clocks jump that night
    due = due_at(visit_end, REPORT, QC)
    assert due - visit_end == 24 * H
    assert due.astimezone(MONTREAL) == montreal(2026, 3, 8, 21, 0)  # 21:00 EDT


def test_report_clock_goes_due_soon_then_overdue_at_the_second() -> None:
    end = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)
    due = end + 24 * H
    assert clock_at(due - 6 * H - timedelta(seconds=1), policy=REPORT, started_at=end).state is (
        ClockState.ON_TIME
    )
    assert clock_at(due - 6 * H, policy=REPORT, started_at=end).state is ClockState.DUE_SOON
    at_due = clock_at(due, policy=REPORT, started_at=end)
    assert (at_due.state, at_due.time_left) == (ClockState.DUE_SOON, timedelta(0))  # "within"
    late = clock_at(due + timedelta(seconds=1), policy=REPORT, started_at=end)
    assert (late.state, late.overdue_by, late.time_left) == (
        ClockState.OVERDUE,
        timedelta(seconds=1),
        None,
    )
    assert late.breached and late.is_open


def test_a_follow_up_handed_on_friday_is_due_tuesday_and_the_weekend_is_not_due_soon() -> None:
    handed = montreal(2026, 11, 20, 16, 0)  # Friday
    saturday = clock_at(montreal(2026, 11, 21, 12, 0), started_at=handed)
    assert saturday.due_at.astimezone(MONTREAL) == montreal(2026, 11, 24, 16, 0)
    assert saturday.state is ClockState.ON_TIME
    # A quarter of two working days is 12 h of working time: Tuesday 04:00, not Monday.
    monday = clock_at(montreal(2026, 11, 23, 15, 0), started_at=handed)
    assert (monday.state, monday.time_left) == (ClockState.ON_TIME, 25 * H)
    tuesday = clock_at(montreal(2026, 11, 24, 4, 0), started_at=handed)
    assert tuesday.state is ClockState.DUE_SOON
    assert clock_at(montreal(2026, 11, 24, 3, 59), started_at=handed).state is ClockState.ON_TIME


def test_due_monday_morning_is_due_soon_on_friday_evening() -> None:
    handed = montreal(2026, 11, 19, 8, 0)  # Thursday: due Monday 08:00
    friday = clock_at(montreal(2026, 11, 20, 20, 0), started_at=handed)
    # 60 h on the wall, but only 4 h of Friday and 8 h of Monday left to work in.
    assert (friday.time_left, friday.state) == (60 * H, ClockState.DUE_SOON)
    assert clock_at(montreal(2026, 11, 20, 19, 59), started_at=handed).state is (ClockState.ON_TIME)


def test_a_review_of_a_report_arriving_before_the_fete_nationale() -> None:
    arrived = montreal(2026, 6, 23, 11, 0)  # Tuesday
    clock = clock_at(montreal(2026, 6, 24, 20, 0), policy=REVIEW, started_at=arrived)
    assert clock.due_at.astimezone(MONTREAL) == montreal(2026, 6, 25, 11, 0)
    assert clock.state is ClockState.ON_TIME  # the holiday does not eat the allowance


def test_a_lead_handed_before_canada_day_is_planned_within_3_and_held_within_10() -> None:
    handed = montreal(2026, 6, 29, 9, 30)  # Monday; Canada Day is Wednesday
    planned = due_at(handed, LEAD_PLANNED, QC).astimezone(MONTREAL)
    held = due_at(handed, LEAD_HELD, QC).astimezone(MONTREAL)
    assert planned == montreal(2026, 7, 3, 9, 30)  # Tue 30, Thu 2, Fri 3
    assert held == montreal(2026, 7, 14, 9, 30)  # 30, 2, 3, 6, 7, 8, 9, 10, 13, 14


def test_thanksgiving_monday_gives_a_quebec_follow_up_a_day_more() -> None:
    handed = montreal(2026, 10, 9, 14, 0)  # Friday before Thanksgiving
    assert due_at(handed, FOLLOW_UP, QC).astimezone(MONTREAL) == montreal(2026, 10, 14, 14, 0)


def test_french_holidays_in_may_for_a_team_in_paris() -> None:
    handed = datetime(2026, 5, 7, 15, 0, tzinfo=PARIS)  # Thursday; 8 May is Victory Day
    # Fri 8 (holiday), Mon 11, Tue 12: due Tuesday; Ascension Thursday 14 is after.
    assert due_at(handed, FOLLOW_UP, FR).astimezone(PARIS) == datetime(
        2026, 5, 12, 15, 0, tzinfo=PARIS
    )
    lead = datetime(2026, 5, 12, 10, 0, tzinfo=PARIS)  # Tuesday
    # Wed 13, (Thu 14 Ascension), Fri 15, Mon 18.
    assert due_at(lead, LEAD_PLANNED, FR).astimezone(PARIS) == datetime(
        2026, 5, 18, 10, 0, tzinfo=PARIS
    )


def test_a_follow_up_handed_on_a_saturday_is_due_when_tuesday_ends() -> None:
    handed = montreal(2026, 11, 21, 10, 0)
    clock = clock_at(montreal(2026, 11, 24, 23, 0), started_at=handed)
    assert clock.due_at.astimezone(MONTREAL) == montreal(2026, 11, 25, 0, 0)
    assert (clock.state, clock.time_left) == (ClockState.DUE_SOON, H)


def test_done_in_time_or_late_is_judged_by_the_done_time_alone() -> None:
    handed = montreal(2026, 11, 16, 9, 0)
    due = montreal(2026, 11, 18, 9, 0)
    on_time = clock_at(montreal(2027, 1, 1), started_at=handed, done_at=due)
    assert (on_time.state, on_time.late_by, on_time.time_left, on_time.overdue_by) == (
        ClockState.MET_ON_TIME,
        timedelta(0),
        None,
        None,
    )
    assert not on_time.breached and not on_time.is_open
    late = clock_at(handed, started_at=handed, done_at=due + timedelta(minutes=1))
    assert (late.state, late.late_by) == (ClockState.MET_LATE, timedelta(minutes=1))
    assert late.breached


def test_the_server_decides_a_breach_from_its_own_times_only() -> None:
    handed = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)  # Friday 16:00 in Montréal
    due = due_at(handed, FOLLOW_UP, QC)

    def breached(done_at: datetime | None, server_now: datetime) -> bool:
        return is_breached(
            policy=FOLLOW_UP, region=QC, started_at=handed, done_at=done_at, server_now=server_now
        )

    assert not breached(None, due)
    assert breached(None, due + timedelta(seconds=1))
    assert breached(due + H, due + H)
    assert not breached(due - H, due + 9 * H)


def test_the_policy_in_force_changes_the_clock() -> None:
    handed = montreal(2026, 11, 16, 9, 0)
    hours = SlaPolicy(CommitmentKind.FOLLOW_UP_HANDLED, 4, AllowanceUnit.HOURS)
    assert clock_at(montreal(2026, 11, 16, 14, 0), policy=hours, started_at=handed).breached
    assert not clock_at(montreal(2026, 11, 16, 14, 0), started_at=handed).breached


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        clock_at(datetime(2026, 11, 16, 9, 0), started_at=montreal(2026, 11, 16, 9, 0))


instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)
policies = st.sampled_from(list(DEFAULT_POLICIES))
regions = st.sampled_from(["QC", "FR"])


@settings(deadline=None)
@given(
    policies,
    regions,
    instants,
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
    instants,
)
def test_the_state_always_agrees_with_due_at(
    policy: SlaPolicy, region: str, start: datetime, to_done: timedelta, now: datetime
) -> None:
    due = due_at(start, policy, REGIONS[region])
    assert due > start
    open_clock = clock_at(now, policy=policy, started_at=start, region=region)
    assert open_clock.breached == (now > due)
    if now > due:
        assert open_clock.overdue_by == now - due
    else:
        assert open_clock.time_left == due - now
        assert open_clock.state in (ClockState.ON_TIME, ClockState.DUE_SOON)
    done = start + to_done
    closed = clock_at(now, policy=policy, started_at=start, done_at=done, region=region)
    assert closed.state is (ClockState.MET_LATE if done > due else ClockState.MET_ON_TIME)
    assert closed.late_by == max(done - due, timedelta(0))


@settings(deadline=None)
@given(policies, regions, instants, st.floats(min_value=0, max_value=1))
def test_due_soon_comes_once_and_stays_until_due(
    policy: SlaPolicy, region: str, start: datetime, share: float
) -> None:
    due = due_at(start, policy, REGIONS[region])
    earlier = start + (due - start) * share
    later = earlier + (due - earlier) / 2
    states = [
        clock_at(t, policy=policy, started_at=start, region=region).state
        for t in (
            earlier,
            later,
            due,
        )
    ]
    assert states[-1] is ClockState.DUE_SOON
    if states[0] is ClockState.DUE_SOON:
        assert states[1] is ClockState.DUE_SOON
