"""An SLA clock in a person's words: "due today 16:00", "3 hours left", "overdue by 2 days".

Durations are the clock's own (wall-clock time between instants, fieldapp/team/sla.py),
rounded down to the unit a person reads at that size: minutes under an hour, hours under
two days, then days. Times are the laptop's local time, which is the reader's.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject

from fieldapp.team.policies import AllowanceUnit, SlaPolicy
from fieldapp.team.sla import ClockState, SlaClock
from ui.formatting import clock_time, fill, short_date

HOUR = timedelta(hours=1)
TWO_DAYS = timedelta(days=2)


class ClockWords(QObject):
    """Plural phrases live in ``tr`` calls with a plain count (lupdate's rule)."""

    def left(self, span: timedelta) -> str:
        if span < HOUR:
            minutes = max(1, int(span.total_seconds() // 60))
            return self.tr("%n minute(s) left", "", minutes)
        if span < TWO_DAYS:
            hours = int(span.total_seconds() // 3600)
            return self.tr("%n hour(s) left", "", hours)
        days = span.days
        return self.tr("%n day(s) left", "", days)

    def overdue(self, span: timedelta) -> str:
        if span < HOUR:
            minutes = max(1, int(span.total_seconds() // 60))
            return self.tr("overdue by %n minute(s)", "", minutes)
        if span < TWO_DAYS:
            hours = int(span.total_seconds() // 3600)
            return self.tr("overdue by %n hour(s)", "", hours)
        days = span.days
        return self.tr("overdue by %n day(s)", "", days)

    def allowance(self, policy: SlaPolicy) -> str:
        """An agreement's allowance: "24 hours", "3 working days"."""
        if policy.unit == AllowanceUnit.HOURS:
            return self.tr("%n hour(s)", "", policy.amount)
        return self.tr("%n working day(s)", "", policy.amount)

    def due(self, due_at: datetime, now: datetime) -> str:
        """When it falls due, in local time: today and tomorrow by name, else the date."""
        day, today = due_at.astimezone().date(), now.astimezone().date()
        time = clock_time(due_at)
        if day == today:
            return fill(self.tr("today %1"), time)
        if day == today + timedelta(days=1):
            return fill(self.tr("tomorrow %1"), time)
        if day == today - timedelta(days=1):
            return fill(self.tr("yesterday %1"), time)
        return fill(self.tr("%1 %2"), short_date(day), time)

    def state(self, clock: SlaClock | None, waiting_to_sync: bool) -> str:
        """The clock column: time left or overdue by, and whether the server has it yet."""
        if clock is None:
            return self.tr("waiting to sync (the clock starts on the server)")
        if clock.state is ClockState.OVERDUE and clock.overdue_by is not None:
            words = self.overdue(clock.overdue_by)
        elif clock.time_left is not None:
            words = self.left(clock.time_left)
        else:
            words = ""
        if waiting_to_sync:
            return fill(self.tr("%1 · waiting to sync"), words)
        return words
