"""Visits as iCalendar (RFC 5545), with the maintained ``icalendar`` library.

Two uses: one file for a chosen range of days (``fieldapp export-calendar``), and the
always-current ``calendar.ics`` in the profile folder that a calendar app subscribes to
(``refresh_subscribed_calendar``, run after each change and each sync).

Each visit keeps its UID for life (its UUIDv7 at ``fieldapp.invalid``, a domain reserved
never to exist), so a calendar updates the event rather than adding a second one.
Times are written in UTC (the store's own instants; every calendar app shows them in its
user's zone), SEQUENCE grows with each local change and LAST-MODIFIED is the record's own
``updated_at``. A cancelled visit stays in the file as STATUS:CANCELLED so that a
subscribed calendar removes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from fieldapp.clock import from_text
from fieldapp.errors import ValidationError
from fieldapp.exports.files import write_atomically
from fieldapp.store.database import Store

UID_DOMAIN = "fieldapp.invalid"
PRODUCT_ID = "-//FieldApp//Visits//EN"
SUBSCRIBED_FILE = "calendar.ics"
# The subscribed file holds the visits of the last SUBSCRIBED_PAST_DAYS days and every
# later one: enough for "what did I do last month", small enough to poll.
SUBSCRIBED_PAST_DAYS = 60
MAX_RANGE_DAYS = 3660


@dataclass(frozen=True, slots=True)
class CalendarVisit:
    """What an event says about one visit."""

    id: str
    status: str
    planned_start: str
    planned_end: str
    created_at: str
    updated_at: str
    summary: str | None
    account_name: str
    address: str | None
    city: str | None
    postal_code: str | None
    country: str | None
    previous_next_steps: str | None  # what was promised at the account's last visit

    @property
    def uid(self) -> str:
        return f"{self.id}@{UID_DOMAIN}"

    @property
    def location(self) -> str | None:
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        parts = [part for part in (self.address, town, self.country) if part]
        return ", ".join(parts) or None

    @property
    def description(self) -> str | None:
        # A completed visit says what happened; a planned one what was promised last time
        # (the briefing's first line a rep needs before walking in).
        return (
            self.summary
            if self.status == "completed" and self.summary
            else (self.previous_next_steps)
        )

    @property
    def sequence(self) -> int:
        # RFC 5545 wants SEQUENCE to grow with every significant change. The store keeps
        # no revision counter, but updated_at only moves forward for a record, so whole
        # seconds since its creation grow with it, without a table of their own.
        age = from_text(self.updated_at) - from_text(self.created_at)
        return max(0, int(age.total_seconds()))


_VISITS = """
SELECT v.id, v.status, v.planned_start, v.planned_end, v.created_at, v.updated_at,
       v.summary, a.name AS account_name, a.address, a.city, a.postal_code, a.country,
       (SELECT p.next_steps FROM visits p WHERE p.account_id = v.account_id
         AND p.status = 'completed' AND p.planned_start < v.planned_start
         ORDER BY p.planned_start DESC LIMIT 1) AS previous_next_steps
FROM visits v JOIN accounts a ON a.id = v.account_id
WHERE v.planned_start >= :start AND (:end IS NULL OR v.planned_start < :end)
ORDER BY v.planned_start, v.id
"""


def calendar_visits(store: Store, first: date, last: date | None) -> list[CalendarVisit]:
    """Visits starting on ``first`` to ``last`` (inclusive, UTC days; None: no end)."""
    if last is not None and last < first:
        raise ValidationError("to", "export.last_day_range_before_first_day")
    if last is not None and (last - first).days > MAX_RANGE_DAYS:
        raise ValidationError("to", "export.range_at_most_days", max_days=MAX_RANGE_DAYS)
    end = None if last is None else (last + timedelta(days=1)).isoformat()
    rows = store.query(_VISITS, {"start": first.isoformat(), "end": end})
    return [CalendarVisit(**row) for row in rows]


def _status(status: str) -> str:
    return "CANCELLED" if status == "cancelled" else "CONFIRMED"


def build_calendar(visits: Iterable[CalendarVisit], *, name: str = "FieldApp visits") -> bytes:
    """The ``.ics`` bytes for ``visits`` (the same visits give the same bytes)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for visit in visits:
        event = icalendar.Event()
        modified = from_text(visit.updated_at)
        fields: dict[str, Any] = {
            "uid": visit.uid,
            # DTSTAMP of a published event is when its information last changed.
            "dtstamp": modified,
            "last-modified": modified,
            "created": from_text(visit.created_at),
            "sequence": visit.sequence,
            "dtstart": from_text(visit.planned_start),
            "dtend": from_text(visit.planned_end),
            "summary": visit.account_name,
            "status": _status(visit.status),
            "transp": "OPAQUE",
        }
        if visit.location:
            fields["location"] = visit.location
        if visit.description:
            fields["description"] = visit.description
        for key, value in fields.items():
            event.add(key, value)
        calendar.add_component(event)
    # icalendar's to_ical is untyped; it returns the calendar's bytes.
    content: bytes = calendar.to_ical()
    return content


def export_calendar(
    store: Store, path: Path, first: date, last: date, *, name: str = "FieldApp visits"
) -> int:
    """Write the visits of ``first``..``last`` to ``path``; the number of events."""
    visits = calendar_visits(store, first, last)
    write_atomically(path, build_calendar(visits, name=name))
    return len(visits)


def subscribed_calendar_path(profile_dir: Path) -> Path:
    return profile_dir / SUBSCRIBED_FILE


def refresh_subscribed_calendar(
    store: Store, profile_dir: Path, *, today: date | None = None, name: str = "FieldApp visits"
) -> bool:
    """Rewrite the profile's ``calendar.ics`` if the visits changed; True when rewritten."""
    now: datetime = store.clock()
    first = (today or now.date()) - timedelta(days=SUBSCRIBED_PAST_DAYS)
    with store.reading():
        visits = calendar_visits(store, first, None)
    return write_atomically(
        subscribed_calendar_path(profile_dir), build_calendar(visits, name=name)
    )
