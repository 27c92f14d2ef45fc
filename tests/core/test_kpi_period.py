"""The period and the scope of a dashboard: whole local days, weeks from Monday, quarters,
daylight-saving changes, and who may see whose figures."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from support.kpi_world import MONTREAL, PARIS, KpiWorld

from fieldapp.errors import NoCurrentUserError, PermissionDeniedError, ValidationError
from fieldapp.kpi import ScopeKind, period_between, period_containing, scope_for
from fieldapp.kpi.period import LocalDays, PeriodKind, time_zone
from fieldapp.store import Store


def test_a_week_runs_from_monday_midnight_to_the_next_monday_in_local_time() -> None:
    week = period_containing("week", date(2026, 11, 19), MONTREAL)  # a Thursday
    assert (week.first_day, week.last_day) == (date(2026, 11, 16), date(2026, 11, 22))
    assert (week.start, week.end) == ("2026-11-16T05:00:00Z", "2026-11-23T05:00:00Z")
    assert week.contains("2026-11-23T04:59:59Z")  # Sunday 23:59:59 in Montréal
    assert not week.contains("2026-11-23T05:00:00Z")  # Monday 00:00
    assert week.weeks == (date(2026, 11, 16),)
    assert week.label == "2026-W47"


def test_a_sunday_belongs_to_the_week_that_started_on_the_monday_before() -> None:
    week = period_containing("week", date(2026, 11, 22), MONTREAL)
    assert week.first_day == date(2026, 11, 16)


def test_a_quarter_crossing_the_autumn_clock_change_keeps_local_midnights() -> None:
    quarter = period_containing("quarter", date(2026, 11, 5), MONTREAL)
    assert (quarter.first_day, quarter.last_day) == (date(2026, 10, 1), date(2026, 12, 31))
    # October 1st is on daylight time (UTC-4), January 1st on standard time (UTC-5).
    assert (quarter.start, quarter.end) == ("2026-10-01T04:00:00Z", "2027-01-01T05:00:00Z")
    assert quarter.days.day_of("2026-11-01T04:30:00Z") == date(2026, 11, 1)  # 00:30 EDT
    assert quarter.days.day_of("2026-11-02T04:30:00Z") == date(2026, 11, 1)  # 23:30 EST
    assert quarter.label == "2026-Q4"
    # The weeks it touches start on the Monday before October 1st and end in December.
    assert quarter.weeks[0] == date(2026, 9, 28) and quarter.weeks[-1] == date(2026, 12, 28)
    assert len(quarter.weeks) == 14


def test_months_and_quarters_of_every_length() -> None:
    assert period_containing("month", date(2028, 2, 10), PARIS).last_day == date(2028, 2, 29)
    assert period_containing("month", date(2026, 12, 31), PARIS).last_day == date(2026, 12, 31)
    first = period_containing("quarter", date(2027, 3, 31), PARIS)
    assert (first.first_day, first.last_day, first.day_count) == (
        date(2027, 1, 1),
        date(2027, 3, 31),
        90,
    )
    assert period_containing("month", date(2026, 3, 15), PARIS).label == "2026-03"


def test_an_explicit_period_is_checked() -> None:
    days = period_between(date(2026, 11, 3), date(2026, 11, 5), MONTREAL)
    assert (days.kind, days.day_count) == (PeriodKind.DAYS, 3)
    with pytest.raises(ValidationError, match="before its first day"):
        period_between(date(2026, 11, 5), date(2026, 11, 3), MONTREAL)
    with pytest.raises(ValidationError, match="at most 366 days"):
        period_between(date(2025, 1, 1), date(2026, 1, 2), MONTREAL)
    with pytest.raises(ValidationError, match="between 2000 and 2099"):
        period_between(date(1999, 12, 31), date(2000, 1, 2), MONTREAL)
    with pytest.raises(ValidationError, match="week, month or quarter"):
        period_containing("year", date(2026, 1, 1), MONTREAL)
    with pytest.raises(ValidationError, match="Unknown time zone"):
        time_zone("Mars/Olympus")


def test_the_snapshot_day_is_the_last_day_or_today_while_the_period_runs() -> None:
    week = period_containing("week", date(2026, 11, 19), MONTREAL)
    assert week.as_of(datetime(2026, 11, 25, 15, tzinfo=UTC)) == date(2026, 11, 22)
    # Wednesday 02:00 UTC is still Tuesday evening in Montréal.
    assert week.as_of(datetime(2026, 11, 18, 2, tzinfo=UTC)) == date(2026, 11, 17)


def test_placing_instants_outside_the_table_of_days_still_gives_the_local_day() -> None:
    days = LocalDays(date(2026, 11, 16), date(2026, 11, 17), MONTREAL)
    assert days.day_of("2026-06-01T03:00:00Z") == date(2026, 5, 31)
    assert days.start_text(date(2026, 7, 1)) == "2026-07-01T04:00:00Z"


def test_a_manager_sees_the_organisation_and_may_choose_a_team_or_a_rep(org: KpiWorld) -> None:
    everyone = scope_for(org.store)
    assert everyone.kind is ScopeKind.ORGANISATION
    assert {p.username for p in everyone.field_reps} == {"julie", "marc", "rita", "paul"}
    quebec = scope_for(org.store, team_name="quebec")
    assert {p.username for p in quebec.people} == {"julie", "marc", "rita", "ines"}
    assert scope_for(org.store, username="paul").people[0].team == "france"
    with pytest.raises(ValidationError, match=r"No team named 'lyon'.*france, quebec"):
        scope_for(org.store, team_name="lyon")
    with pytest.raises(ValidationError, match="Nobody with the username 'zoe'"):
        scope_for(org.store, username="zoe")
    with pytest.raises(ValidationError, match="not both"):
        scope_for(org.store, team_name="quebec", username="julie")


def test_an_inside_rep_sees_their_own_team_by_default(org: KpiWorld) -> None:
    org.sign_in("ines")
    assert (scope_for(org.store).kind, scope_for(org.store).name) == (ScopeKind.TEAM, "quebec")
    assert scope_for(org.store, team_name="france").name == "france"


def test_a_field_rep_sees_only_their_own_figures(org: KpiWorld) -> None:
    org.sign_in("julie")
    mine = scope_for(org.store)
    assert (mine.kind, mine.name) == (ScopeKind.REP, "julie")
    assert scope_for(org.store, username="julie") == mine
    with pytest.raises(PermissionDeniedError, match="about themselves"):
        scope_for(org.store, team_name="quebec")
    with pytest.raises(PermissionDeniedError, match="about themselves"):
        scope_for(org.store, username="marc")


def test_a_profile_nobody_signed_in_to_has_no_dashboard(kpi_store: Store) -> None:
    with pytest.raises(NoCurrentUserError):
        scope_for(kpi_store)
