"""Working days: weekends, Québec and French public holidays, daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.team.regions import REGIONS, parse_region, region
from fieldapp.team.working_days import WorkingCalendar, calendar_for

MONTREAL = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
QC = calendar_for(REGIONS["QC"])
FR = calendar_for(REGIONS["FR"])


def montreal(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=MONTREAL)


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


def local(calendar: WorkingCalendar, moment: datetime) -> datetime:
    return moment.astimezone(calendar.zone)


# --- Which days count ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2026, 6, 24), "Saint John the Baptist Day"),  # Fête nationale du Québec
        (date(2026, 7, 1), "Canada Day"),
        (date(2026, 10, 12), "Thanksgiving Day"),  # second Monday of October
        (date(2026, 5, 18), "National Patriots' Day"),
        (date(2026, 4, 3), "Good Friday"),
        (date(2029, 6, 25), "Saint John the Baptist Day (observed)"),  # the 24th is a Sunday
    ],
)
def test_quebec_public_holidays_are_not_working_days(day: date, name: str) -> None:
    assert QC.holiday(day) == name
    assert not QC.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 7, 14),  # 14 juillet
        date(2026, 5, 1),  # 1er mai
        date(2026, 5, 14),  # Ascension (39 days after Easter)
        date(2027, 5, 6),  # Ascension the next year: computed, not a fixed date
        date(2026, 5, 8),
        date(2026, 11, 11),
    ],
)
def test_french_public_holidays_are_not_working_days(day: date) -> None:
    assert FR.holiday(day) is not None
    assert not FR.is_working_day(day)


def test_a_holiday_of_one_region_is_a_working_day_in_the_other() -> None:
    assert QC.is_working_day(date(2026, 7, 14)) and not FR.is_working_day(date(2026, 7, 14))
    assert FR.is_working_day(date(2026, 6, 24)) and not QC.is_working_day(date(2026, 6, 24))
    # Boxing Day is not a statutory holiday in Québec (it is in Alsace-Moselle, below).
    assert QC.is_working_day(date(2026, 12, 28)) and QC.holiday(date(2026, 12, 26)) is None


def test_weekends_are_not_working_days() -> None:
    assert [QC.is_working_day(date(2026, 11, d)) for d in range(16, 23)] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
    ]


# --- "Within N working days" --------------------------------------------------------------


def test_due_at_the_same_local_time_n_working_days_later() -> None:
    handed = montreal(2026, 11, 16, 16, 0)  # Monday
    assert local(QC, QC.add_working_days(handed, 2)) == montreal(2026, 11, 18, 16, 0)


def test_a_weekend_does_not_count() -> None:
    handed = montreal(2026, 11, 20, 16, 0)  # Friday
    assert local(QC, QC.add_working_days(handed, 2)) == montreal(2026, 11, 24, 16, 0)  # Tuesday


def test_fete_nationale_pushes_a_quebec_deadline_by_a_day() -> None:
    handed = montreal(2026, 6, 23, 10, 0)  # Tuesday; Wednesday the 24th is the holiday
    assert local(QC, QC.add_working_days(handed, 2)) == montreal(2026, 6, 26, 10, 0)


def test_canada_day_and_thanksgiving_are_skipped() -> None:
    assert local(QC, QC.add_working_days(montreal(2026, 6, 30, 15, 0), 1)) == montreal(
        2026, 7, 2, 15, 0
    )
    # Friday before Thanksgiving Monday: due Tuesday.
    assert local(QC, QC.add_working_days(montreal(2026, 10, 9, 11, 0), 1)) == montreal(
        2026, 10, 13, 11, 0
    )


def test_an_observed_holiday_counts_too() -> None:
    # 2029: June 24 is a Sunday, so Monday June 25 is the Fête nationale's day off.
    assert local(QC, QC.add_working_days(montreal(2029, 6, 22, 14, 0), 1)) == montreal(
        2029, 6, 26, 14, 0
    )


def test_ten_working_days_across_christmas_and_new_year() -> None:
    handed = montreal(2026, 12, 21, 9, 0)  # Monday
    # 22, 23, 24, (25 Christmas), 28, 29, 30, 31, (Jan 1), Jan 4, 5, 6.
    assert local(QC, QC.add_working_days(handed, 10)) == montreal(2027, 1, 6, 9, 0)


def test_french_holidays_push_french_deadlines() -> None:
    # Thursday before 1er mai (a Friday): due the Tuesday after.
    assert local(FR, FR.add_working_days(paris(2026, 4, 30, 17, 0), 2)) == paris(2026, 5, 5, 17, 0)
    # The day before Ascension Thursday: due Friday.
    assert local(FR, FR.add_working_days(paris(2026, 5, 13, 10, 0), 1)) == paris(2026, 5, 15, 10, 0)
    # Monday 13 July: the 14th does not count.
    assert local(FR, FR.add_working_days(paris(2026, 7, 13, 12, 0), 1)) == paris(2026, 7, 15, 12, 0)


def test_the_same_hand_off_is_due_on_different_days_in_each_region() -> None:
    moment = datetime(2026, 7, 13, 14, 0, tzinfo=UTC)
    assert QC.add_working_days(moment, 1) == moment + timedelta(days=1)
    assert FR.add_working_days(moment, 1) == moment + timedelta(days=2)


def test_a_start_on_a_weekend_counts_from_the_next_working_day_at_midnight() -> None:
    saturday = montreal(2026, 11, 21, 10, 0)
    # Monday and Tuesday are the two days: due when Tuesday ends.
    assert local(QC, QC.add_working_days(saturday, 2)) == montreal(2026, 11, 25, 0, 0)


def test_a_start_on_a_holiday_counts_from_the_next_working_day_at_midnight() -> None:
    fete_nationale = montreal(2026, 6, 24, 9, 0)
    assert local(QC, QC.add_working_days(fete_nationale, 1)) == montreal(2026, 6, 26, 0, 0)


def test_a_start_at_midnight_ends_when_the_nth_day_ends_even_before_a_holiday() -> None:
    # Tuesday June 23 00:00, one working day: the 23rd is that day; it ends at midnight,
    # which is the start of the holiday, not the end of the next working day.
    assert local(QC, QC.add_working_days(montreal(2026, 6, 23, 0, 0), 1)) == montreal(
        2026, 6, 24, 0, 0
    )


def test_a_dst_change_over_the_weekend_keeps_the_local_time() -> None:
    # Québec springs forward on Sunday March 8, 2026.
    due = QC.add_working_days(montreal(2026, 3, 6, 16, 0), 2)  # Friday, 21:00 UTC
    assert local(QC, due) == montreal(2026, 3, 10, 16, 0)
    assert due == datetime(2026, 3, 10, 20, 0, tzinfo=UTC)  # an hour less elapsed
    # France falls back on Sunday October 25, 2026.
    due = FR.add_working_days(paris(2026, 10, 23, 9, 0), 1)  # Friday, 07:00 UTC
    assert due == datetime(2026, 10, 26, 8, 0, tzinfo=UTC)  # Monday 09:00, an hour more


def _every_day_region() -> WorkingCalendar:
    return WorkingCalendar(
        parse_region(
            {
                "code": "XX",
                "country": "CA",
                "subdivision": "QC",
                "time_zone": "America/Toronto",
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
            }
        )
    )


def test_a_due_time_a_spring_forward_skips_is_read_in_the_offset_before_the_change() -> None:
    # Only a region that works on Sundays can fall due inside the skipped hour.
    calendar = _every_day_region()
    due = calendar.add_working_days(montreal(2026, 3, 7, 2, 30), 1)
    assert due == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 02:30 EST, shown as 03:30 EDT
    assert local(calendar, due).hour == 3


def test_a_due_time_a_fall_back_repeats_is_its_first_occurrence() -> None:
    calendar = _every_day_region()
    due = calendar.add_working_days(montreal(2026, 10, 31, 1, 30), 1)
    assert due == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT, not EST


def test_naive_times_and_empty_allowances_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="naive"):
        QC.add_working_days(datetime(2026, 1, 5, 9, 0), 1)
    with pytest.raises(ValueError, match="at least one day"):
        QC.add_working_days(montreal(2026, 1, 5, 9, 0), 0)


# --- Working time -------------------------------------------------------------------------


def test_working_time_stops_over_weekends_and_holidays() -> None:
    friday = montreal(2026, 6, 19, 16, 0)
    tuesday = montreal(2026, 6, 23, 16, 0)
    assert QC.working_time_between(friday, tuesday) == timedelta(hours=8 + 24 + 16)
    thursday = montreal(2026, 6, 25, 16, 0)  # over the Fête nationale
    assert QC.working_time_between(friday, thursday) == timedelta(hours=8 + 24 + 24 + 16)
    assert QC.working_time_between(tuesday, friday) == timedelta(0)
    sunday = montreal(2026, 6, 21, 12, 0)
    assert QC.working_time_between(friday, sunday) == timedelta(hours=8)


# --- Properties, over years of instants in both regions ------------------------------------

instants = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2031, 12, 31), timezones=st.just(UTC)
)
calendars = st.sampled_from([QC, FR])
allowances = st.integers(min_value=1, max_value=15)


@settings(deadline=None)
@given(calendars, instants, allowances, allowances)
def test_allowances_add_up(calendar: WorkingCalendar, start: datetime, a: int, b: int) -> None:
    # Running N days and then M more is running N + M: no day is lost or counted twice.
    assert calendar.add_working_days(calendar.add_working_days(start, a), b) == (
        calendar.add_working_days(start, a + b)
    )


@settings(deadline=None)
@given(calendars, instants, allowances)
def test_n_working_days_are_n_whole_days_of_working_time(
    calendar: WorkingCalendar, start: datetime, days: int
) -> None:
    # Daylight-saving changes fall on Sundays in both regions, so a working day is 24 h.
    due = calendar.add_working_days(start, days)
    assert calendar.working_time_between(start, due) == timedelta(days=days)


@settings(deadline=None)
@given(calendars, instants, allowances)
def test_a_deadline_ends_on_a_working_day(
    calendar: WorkingCalendar, start: datetime, days: int
) -> None:
    due = local(calendar, calendar.add_working_days(start, days))
    if due.time() == datetime.min.time():  # midnight closing a working day
        assert calendar.is_working_day(due.date() - timedelta(days=1))
    else:
        assert calendar.is_working_day(due.date())
        assert due.time() == local(calendar, start).time()


@settings(deadline=None)
@given(calendars, instants, instants, allowances)
def test_a_later_start_is_never_due_earlier(
    calendar: WorkingCalendar, first: datetime, second: datetime, days: int
) -> None:
    first, second = sorted((first, second))
    assert calendar.add_working_days(first, days) <= calendar.add_working_days(second, days)


# --- Regions as data ----------------------------------------------------------------------


def test_known_regions_by_code() -> None:
    assert region("qc") is REGIONS["QC"] and region(" FR ") is REGIONS["FR"]
    assert (REGIONS["QC"].country, REGIONS["QC"].subdivision) == ("CA", "QC")
    with pytest.raises(ValidationError, match="Region must be one of BE, FR, QC") as caught:
        region("ON")
    assert caught.value.field == "region"


def test_a_new_region_is_data_alsace_moselle_keeps_good_friday_and_boxing_day() -> None:
    alsace = WorkingCalendar(
        parse_region(
            {"code": "FR-57", "country": "FR", "subdivision": "57", "time_zone": "Europe/Paris"}
        )
    )
    for day in (date(2026, 4, 3), date(2026, 12, 26)):
        assert not alsace.is_working_day(day) and FR.is_working_day(day) == (day.weekday() < 5)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ("QC", "region", "must be an object"),
        ({"code": "qc", "country": "CA", "time_zone": "UTC"}, "region.code", "like 'QC'"),
        ({"code": "XX", "country": "ZZ", "time_zone": "UTC"}, "region.country", "'ZZ'"),
        (
            {"code": "XX", "country": "CA", "subdivision": "XY", "time_zone": "UTC"},
            "region.subdivision",
            "CA has no subdivision 'XY'",
        ),
        ({"code": "XX", "country": "CA", "time_zone": "America"}, "region.time_zone", "IANA"),
        ({"code": "XX", "country": "CA", "time_zone": "Mars/Olympus"}, "region.time_zone", ""),
        ({"code": "XX", "country": "CA", "time_zone": 5}, "region.time_zone", ""),
        (
            {"code": "XX", "country": "CA", "time_zone": "UTC", "weekdays": []},
            "region.weekdays",
            "non-empty",
        ),
        (
            {"code": "XX", "country": "CA", "time_zone": "UTC", "weekdays": [1, 7]},
            "region.weekdays",
            "0 (Monday) to 6",
        ),
        (
            {"code": "XX", "country": "CA", "time_zone": "UTC", "weekdays": [True]},
            "region.weekdays",
            "",
        ),
        (
            {"code": "XX", "country": "CA", "time_zone": "UTC", "zone": "x"},
            "region",
            "Unknown region field(s): ['zone']",
        ),
    ],
)
def test_a_bad_region_is_refused_with_its_field_named(data: object, field: str, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_region(data)
    assert caught.value.field == field and words in caught.value.message
