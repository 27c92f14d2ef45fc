"""SLA arithmetic for many items at once: due times and working time, from precomputed days.

``fieldapp.team`` is the reference (``due_at``, ``WorkingCalendar.working_time_between``);
a dashboard judges a quarter's tens of thousands of commitments, so this module computes
the same answers from a table of local days (their starts, whether they are worked, the
working time before each) with a bisection per instant, and falls back to the reference
for an instant outside the table or a due time on a day whose clocks change.
tests/core/test_kpi_sla.py checks both give the same answers on random instants.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta

from fieldapp.team.policies import AllowanceUnit, SlaPolicy
from fieldapp.team.regions import Region
from fieldapp.team.sla import due_at
from fieldapp.team.working_days import calendar_for

DAY_SECONDS = 86_400


def instant(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def text_of(seconds: int) -> str:
    """UTC epoch seconds as store text ('2026-11-23T14:05:00Z')."""
    return instant(seconds).strftime("%Y-%m-%dT%H:%M:%SZ")


class WorkingTimeline:
    """The local days ``first`` to ``last`` of a region: due times and working time fast."""

    def __init__(self, region: Region, first: date, last: date) -> None:
        self.region = region
        self.calendar = calendar_for(region)
        count = (last - first).days + 1
        days = [first + timedelta(days=n) for n in range(count + 1)]
        self.starts = [int(self.calendar.day_start(d).timestamp()) for d in days]
        self.working = [self.calendar.is_working_day(d) for d in days[:-1]]
        self.count = count
        # Working seconds from the first day's start to each day's start.
        self.before = [0]
        for n, worked in enumerate(self.working):
            length = self.starts[n + 1] - self.starts[n]
            self.before.append(self.before[-1] + (length if worked else 0))
        # The next working day after each day (``count``: none in the table).
        self.next_working = [count] * count
        following = count
        for n in range(count - 1, -1, -1):
            self.next_working[n] = following
            if self.working[n]:
                following = n
        self._tables: dict[int, tuple[list[int | None], list[int | None]]] = {}

    def _advance(self, index: int, days: int) -> int:
        for _ in range(days):
            if index >= self.count:
                return -1
            index = self.next_working[index]
        return index if index < self.count else -1

    def _table(self, amount: int) -> tuple[list[int | None], list[int | None]]:
        """Per day, for an allowance of ``amount`` working days: the due time of a start at
        its midnight or on it when it is not worked (fixed), and the shift to add to a start
        later in a working day (None where a clock change needs the reference)."""
        found = self._tables.get(amount)
        if found is not None:
            return found
        fixed: list[int | None] = []
        shift: list[int | None] = []
        starts = self.starts
        for day in range(self.count):
            first = day if self.working[day] else self._advance(day, 1)
            last = -1 if first < 0 else self._advance(first, amount - 1)
            fixed.append(None if last < 0 else starts[last + 1])
            target = self._advance(day, amount) if self.working[day] else -1
            # The same local time of day on the target day is the same time elapsed since
            # its midnight, unless either day has a clock change (a region working Sundays).
            regular = (
                target >= 0
                and starts[day + 1] - starts[day] == DAY_SECONDS
                and starts[target + 1] - starts[target] == DAY_SECONDS
            )
            shift.append(starts[target] - starts[day] if regular else None)
        found = self._tables[amount] = (fixed, shift)
        return found

    def due(self, start: int, policy: SlaPolicy) -> int:
        """When a commitment started at ``start`` (epoch seconds) falls due (``due_at``)."""
        if policy.unit is AllowanceUnit.HOURS:
            return start + policy.amount * 3600
        day = bisect_right(self.starts, start) - 1
        if 0 <= day < self.count:
            fixed, shift = self._table(policy.amount)
            if not self.working[day] or start == self.starts[day]:
                due = fixed[day]
            else:
                step = shift[day]  # None: a clock change, the reference answers
                due = None if step is None else start + step
            if due is not None:
                return due
        return int(due_at(instant(start), policy, self.region).timestamp())

    def working_seconds(self, start: int, end: int) -> int:
        """Working time between two instants (``WorkingCalendar.working_time_between``)."""
        if end <= start:
            return 0
        starts = self.starts
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end) - 1
        if not (0 <= first < self.count and 0 <= last < self.count):
            span = self.calendar.working_time_between(instant(start), instant(end))
            return int(span.total_seconds())
        worked_end = self.before[last] + (end - starts[last] if self.working[last] else 0)
        worked_start = self.before[first] + (start - starts[first] if self.working[first] else 0)
        return worked_end - worked_start
