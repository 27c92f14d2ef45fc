"""Working days of a region: which local days count, and time measured on them only.

The model (docs/team-loop.md, "SLA model"): a working-day clock runs on working days only,
each a whole local calendar day from midnight to midnight; weekends and public holidays do
not count. "Within N working days" therefore means: at the same local time of day on the
Nth working day after the start; a start on a weekend or holiday counts from midnight at
the beginning of the next working day, so it is due at the end of the Nth working day.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType

import holidays

from fieldapp.team.regions import Region

_DAY = timedelta(days=1)


@functools.lru_cache(maxsize=256)
def _public_holidays(country: str, subdivision: str | None, year: int) -> Mapping[date, str]:
    # One year at a time, computed once: a HolidayBase fills itself lazily on lookup, which
    # is not safe from the window's thread and the sync worker's at once; a frozen copy is.
    calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    return MappingProxyType(dict(calendar.items()))


def as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: SLA times are instants (UTC from the server)")
    return moment.astimezone(UTC)


class WorkingCalendar:
    """The working days of one region, in its time zone."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.zone = region.zone
        # Per-day answers, kept: a work queue asks about the same few weeks for every item.
        # Filling a dict from two threads at once only computes an entry twice.
        self._working: dict[date, bool] = {}
        self._starts: dict[date, datetime] = {}

    def holiday(self, day: date) -> str | None:
        """The public holiday's name on ``day`` (English, as the holidays library says)."""
        return _public_holidays(self.region.country, self.region.subdivision, day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        working = self._working.get(day)
        if working is None:
            working = day.weekday() in self.region.working_weekdays and self.holiday(day) is None
            self._working[day] = working
        return working

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += _DAY
        while not self.is_working_day(day):
            day += _DAY
        return day

    def local_day(self, moment: datetime) -> date:
        return as_utc(moment).astimezone(self.zone).date()

    def day_start(self, day: date) -> datetime:
        """Local midnight at the beginning of ``day``, as a UTC instant."""
        start = self._starts.get(day)
        if start is None:
            start = self._starts[day] = self._instant(day, time(0))
        return start

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The UTC instant ``days`` working days of clock time after ``start`` (see module)."""
        if days < 1:
            raise ValueError("a working-day allowance is at least one day")
        local = as_utc(start).astimezone(self.zone)
        day, time_of_day = local.date(), local.time()
        if not self.is_working_day(day):
            day, time_of_day = self.next_working_day(day), time(0)
        if time_of_day == time(0):
            # Starting at the very beginning of a working day: that day is the first of the
            # N, and the allowance ends at midnight closing the Nth.
            for _ in range(days - 1):
                day = self.next_working_day(day)
            return self.day_start(day + _DAY)
        for _ in range(days):
            day = self.next_working_day(day)
        return self._instant(day, time_of_day)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Elapsed time between two instants that fell on working days (zero if end <= start)."""
        start, end = as_utc(start), as_utc(end)
        total = timedelta(0)
        day, last = self.local_day(start), self.local_day(end)
        while day <= last:
            if self.is_working_day(day):
                overlap = min(end, self.day_start(day + _DAY)) - max(start, self.day_start(day))
                total += max(overlap, timedelta(0))
            day += _DAY
        return total

    def _instant(self, day: date, time_of_day: time) -> datetime:
        # fold=0: a wall time a spring-forward change skips is read with the offset before
        # the change (an hour later on the new clock); one a fall-back repeats is the first.
        return datetime.combine(day, time_of_day, tzinfo=self.zone).astimezone(UTC)


@functools.lru_cache(maxsize=64)
def calendar_for(region: Region) -> WorkingCalendar:
    return WorkingCalendar(region)
