"""Cheap time arithmetic for the demo generator: day numbers, office hours, store text.

A million timestamps are produced per 50,000 accounts, so they are built from integers
(days relative to ``today``, minutes after local midnight, UTC epoch seconds) and turned
into the store's '2026-11-23T14:05:00Z' text with a per-day cache, never by parsing or
formatting datetimes one by one.
"""

from __future__ import annotations

from datetime import date, timedelta

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
DAY_SECONDS = 86_400
# "HH:MM" of every minute of a day and "SS" of every second: a lookup beats formatting.
_HH_MM = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(24 * 60))
_SS = tuple(f"{s:02d}" for s in range(60))


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _last_sunday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def utc_offset_minutes(clock: str, day: date) -> int:
    """Local time minus UTC at midday on ``day``, for "america" (Montréal) or "europe" (Paris).

    The daylight-saving rules are written out (North America since 2007, the EU since
    1996) rather than read from zoneinfo: Windows has no time-zone database without the
    tzdata package, and a tzdata update must never change the generator's output.
    """
    if clock == "america":
        summer = _nth_sunday(day.year, 3, 2) <= day < _nth_sunday(day.year, 11, 1)
        return -240 if summer else -300
    if clock == "europe":
        summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
        return 120 if summer else 60
    raise ValueError(f"unknown clock {clock!r}")


class Calendar:
    """Days counted from ``today`` (0 = today, -1 = yesterday) and their UTC moments."""

    def __init__(self, today: date) -> None:
        self.day0 = today.toordinal() - _EPOCH_ORDINAL  # today, in days since 1970-01-01
        self._weekday0 = today.weekday()
        self._offsets: dict[tuple[str, int], int] = {}
        self._day_text: dict[int, str] = {}

    def is_workday(self, day: int) -> bool:
        return (self._weekday0 + day) % 7 < 5

    def local(self, day: int, minute: int, clock: str) -> int:
        """UTC epoch seconds of ``minute`` minutes after local midnight on ``day``."""
        offset = self._offsets.get((clock, day))
        if offset is None:
            offset = utc_offset_minutes(clock, date.fromordinal(self.day0 + day + _EPOCH_ORDINAL))
            self._offsets[(clock, day)] = offset
        return (self.day0 + day) * DAY_SECONDS + (minute - offset) * 60

    def day_of(self, ts: int) -> int:
        """The (UTC) day number of an epoch second."""
        return ts // DAY_SECONDS - self.day0

    def _date_text(self, epoch_day: int) -> str:
        text = self._day_text.get(epoch_day)
        if text is None:
            text = date.fromordinal(epoch_day + _EPOCH_ORDINAL).isoformat()
            self._day_text[epoch_day] = text
        return text

    def date_text(self, day: int) -> str:
        """'YYYY-MM-DD' of a day number."""
        return self._date_text(self.day0 + day)

    def stamp(self, ts: int) -> str:
        """Epoch seconds -> the store's UTC text, '2026-11-23T14:05:00Z'."""
        epoch_day, second = divmod(ts, DAY_SECONDS)
        minute, second = divmod(second, 60)
        day_text = self._day_text.get(epoch_day) or self._date_text(epoch_day)
        return f"{day_text}T{_HH_MM[minute]}:{_SS[second]}Z"
