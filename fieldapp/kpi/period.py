"""The period a dashboard covers: a week, a month or a quarter containing a day, or two days
given; whole local days of one time zone, and fast answers to "which day is this instant".

Instants in the store are UTC text ('2026-11-23T14:05:00Z'), whose text order is time
order, so a period's bounds are texts too and an instant is placed in a day by bisecting
the texts of the day starts: no parsing per record.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fieldapp import validation as check
from fieldapp.clock import from_text, to_text
from fieldapp.errors import ValidationError

MAX_DAYS = 366  # an explicit period of a year at most: a dashboard, not an archive
_DAY = timedelta(days=1)


class PeriodKind(StrEnum):
    WEEK = "week"  # Monday to Sunday (ISO 8601)
    MONTH = "month"
    QUARTER = "quarter"  # January-March, April-June, July-September, October-December
    DAYS = "days"  # explicit first and last days


def computer_zone() -> tzinfo:
    """The computer's own time zone, with its daylight-saving rules when they can be found.

    ``datetime.now().astimezone()`` gives only today's fixed offset, which puts the day
    boundaries of a quarter that crosses a daylight-saving change an hour off.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo or UTC


def time_zone(name: str) -> ZoneInfo:
    """An IANA time zone by name, or a ValidationError a person can read."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "time_zone", "period.unknown_time_zone_iana_name_such", name=repr(name)
        ) from None


def day_start(day: date, zone: tzinfo) -> datetime:
    """Local midnight at the beginning of ``day``, as a UTC instant."""
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class LocalDays:
    """The local days from ``first`` to ``last`` of a zone, for placing instants in them.

    ``day_of`` answers by bisecting the day starts (UTC text); an instant outside the range
    is converted the slow way, so the answer is always right.
    """

    first: date
    last: date
    zone: tzinfo
    starts: tuple[str, ...] = field(init=False)  # len = days + 1: the last is the end

    def __post_init__(self) -> None:
        count = (self.last - self.first).days + 2
        starts = tuple(to_text(day_start(self.first + n * _DAY, self.zone)) for n in range(count))
        object.__setattr__(self, "starts", starts)

    def day_of(self, instant: str) -> date:
        index = bisect.bisect_right(self.starts, instant) - 1
        if 0 <= index < len(self.starts) - 1:
            return self.first + index * _DAY
        return from_text(instant).astimezone(self.zone).date()

    def start_text(self, day: date) -> str:
        """Local midnight of ``day`` as store text."""
        index = (day - self.first).days
        if 0 <= index < len(self.starts):
            return self.starts[index]
        return to_text(day_start(day, self.zone))


@dataclass(frozen=True, slots=True)
class Period:
    """Whole local days, ``first_day`` to ``last_day`` included, in ``zone``."""

    kind: PeriodKind
    first_day: date
    last_day: date
    zone: tzinfo
    days: LocalDays = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "days", LocalDays(self.first_day, self.last_day, self.zone))

    @property
    def start(self) -> str:
        """The first instant of the period (store text)."""
        return self.days.starts[0]

    @property
    def end(self) -> str:
        """The first instant after the period (store text): bounds are [start, end)."""
        return self.days.starts[-1]

    @property
    def day_count(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def contains(self, instant: str) -> bool:
        return self.start <= instant < self.end

    @property
    def weeks(self) -> tuple[date, ...]:
        """The Monday of every week the period touches, in order (the first and the last
        week of a month or a quarter may be partly outside it)."""
        first = monday_of(self.first_day)
        count = (monday_of(self.last_day) - first).days // 7 + 1
        return tuple(first + timedelta(weeks=n) for n in range(count))

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.WEEK:
            year, week, _ = self.first_day.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind is PeriodKind.MONTH:
            return self.first_day.strftime("%Y-%m")
        if self.kind is PeriodKind.QUARTER:
            return f"{self.first_day.year}-Q{(self.first_day.month - 1) // 3 + 1}"
        return f"{self.first_day} to {self.last_day}"

    def as_of(self, now: datetime) -> date:
        """The day the snapshot figures (coverage, what waits) are taken on: the period's
        last day, or today while the period has not ended."""
        today = now.astimezone(self.zone).date()
        return today if today < self.last_day else self.last_day


def period_containing(kind: str, day: date, zone: tzinfo) -> Period:
    """The week (Monday to Sunday), month or quarter that contains ``day``."""
    day = check.day("date", day, label="Date")
    if kind == PeriodKind.WEEK:
        first = monday_of(day)
        return Period(PeriodKind.WEEK, first, first + timedelta(days=6), zone)
    if kind == PeriodKind.MONTH:
        first = day.replace(day=1)
        return Period(PeriodKind.MONTH, first, _next_month(first) - _DAY, zone)
    if kind == PeriodKind.QUARTER:
        first = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        return Period(PeriodKind.QUARTER, first, _next_month(first, 3) - _DAY, zone)
    raise ValidationError("period", "period.period_week_month_or_quarter_got", kind=repr(kind))


def period_between(first_day: date, last_day: date, zone: tzinfo) -> Period:
    """The days from ``first_day`` to ``last_day``, both included."""
    first_day = check.day("from", first_day, label="First day")
    last_day = check.day("to", last_day, label="Last day")
    if last_day < first_day:
        raise ValidationError("to", "period.last_day_period_before_first_day")
    if (last_day - first_day).days + 1 > MAX_DAYS:
        raise ValidationError("to", "period.period_at_most_days_long", MAX_DAYS=MAX_DAYS)
    return Period(PeriodKind.DAYS, first_day, last_day, zone)


def _next_month(first: date, months: int = 1) -> date:
    index = first.month - 1 + months
    return date(first.year + index // 12, index % 12 + 1, 1)
