"""What a dashboard reads from the store, read once and shared by its figures.

A quarter of an organisation is some 100,000 visits and as many visit reports; reading
them costs more than anything done with them, so the visits of the period (for the visit,
travel, conversion and report figures), the accounts in scope (coverage and travel), the
visit reports around the period and their reviews (the SLA) are each read at most once,
when a figure first asks, and only through the store's read API.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from datetime import date, datetime, timedelta
from functools import cached_property
from typing import NamedTuple

from fieldapp.kpi.period import Period
from fieldapp.kpi.scope import Person, Scope, directory
from fieldapp.routing import Point
from fieldapp.store.database import Store

# Reports written from a day before the period to a month after it are read as a batch;
# the few held visits whose report is not among them are looked up one by one.
REPORTS_AFTER = timedelta(days=31)
REPORTS_BEFORE = timedelta(days=1)
# Below this many reports, their reviews are looked up by note; above, the reviews table
# is read whole (a scan of small rows beats tens of thousands of look-ups).
_REVIEWS_BY_NOTE = 20_000
# When a note or a review reached the server: the server's stamp, else (a record from
# before the stamps) its creation. Never a time a laptop typed (``reviewed_at``, or a
# note's ``created_at`` on a laptop whose clock is wrong): docs/team-loop.md.
ARRIVAL = "coalesce(arrived_at, created_at)"


def _epoch(column: str) -> str:
    """SQL for a store-text instant as UTC epoch seconds (NULL stays NULL)."""
    return f"CAST(strftime('%s', {column}) AS INTEGER)"


_new = tuple.__new__


class VisitRow(NamedTuple):
    id: str
    rep_id: str
    account_id: str
    planned_start: str
    status: str
    route_position: int | None
    checked_out_at: str | None
    checked_out_epoch: int | None
    day: int  # the local day of the planned start, counted from the period's first day


class AccountRow(NamedTuple):
    id: str
    name: str
    tier: str
    visit_frequency_days: int | None
    created_at: str
    owner_id: str | None
    latitude: float | None
    longitude: float | None
    last_held: str | None  # planned start of the last held visit before the as-of day ends


class ReportRow(NamedTuple):
    id: str
    account_id: str
    author_id: str
    created_epoch: int


class Reading:
    """The store, period, scope and moment of one dashboard, and what it read."""

    def __init__(self, store: Store, period: Period, scope: Scope, now: datetime) -> None:
        self.store = store
        self.period = period
        self.scope = scope
        self.now = now

    @cached_property
    def people(self) -> dict[str, Person]:
        return directory(self.store)

    @cached_property
    def as_of(self) -> date:
        return self.period.as_of(self.now)

    @cached_property
    def visits(self) -> list[VisitRow]:
        """Every visit of the period in scope (by planned start), whatever became of it."""
        period = self.period
        where, params = self.scope.where("rep_id")
        starts = period.days.starts
        # tuple.__new__ builds the named tuple in C: its own __new__ is Python, and this
        # runs once per visit.
        return [
            _new(VisitRow, (*row, bisect_right(starts, row[3]) - 1))
            for row in self.store.rows(
                f"""SELECT id, rep_id, account_id, planned_start, status, route_position,
                           checked_out_at, {_epoch("checked_out_at")}
                    FROM visits
                    WHERE planned_start >= ? AND planned_start < ? AND {where}""",
                [period.start, period.end, *params],
            )
        ]

    @cached_property
    def accounts(self) -> list[AccountRow]:
        """The accounts in scope (by owner) that existed by the end of the as-of day, each
        with its last held visit by then."""
        end = self.period.days.start_text(self.as_of + timedelta(days=1))
        where, params = self.scope.where("a.owner_id")
        return [
            _new(AccountRow, row)
            for row in self.store.rows(
                f"""SELECT a.id, a.name, a.tier, a.visit_frequency_days, a.created_at,
                           a.owner_id, a.latitude, a.longitude,
                           (SELECT max(v.planned_start) FROM visits v
                            WHERE v.account_id = a.id AND v.status = 'completed'
                              AND v.planned_start < ?)
                    FROM accounts a
                    WHERE a.created_at < ? AND {where}""",
                [end, end, *params],
            )
        ]

    def points(self, account_ids: set[str]) -> dict[str, Point]:
        """Where each of these accounts is (those with coordinates), one Point each."""
        points = {
            a.id: Point(a.latitude, a.longitude)
            for a in self.accounts
            if a.id in account_ids and a.latitude is not None and a.longitude is not None
        }
        # A visit to an account outside the scope's own (a colleague's, or one created
        # after the as-of day) still has its place on the route.
        missing = sorted(account_ids - {a.id for a in self.accounts})
        if missing:
            for account_id, latitude, longitude in self.store.rows(
                "SELECT id, latitude, longitude FROM accounts"
                " WHERE id IN (SELECT value FROM json_each(?))"
                " AND latitude IS NOT NULL AND longitude IS NOT NULL",
                (json.dumps(missing),),
            ):
                points[account_id] = Point(latitude, longitude)
        return points

    def first_reports(self, visit_ids: list[str]) -> dict[str, int]:
        """For each of these visits, when its first visit report arrived on the server
        (epoch seconds); a visit without one is left out."""
        period = self.period
        where, params = self.scope.where("author_id")
        # Reports arrive after the visit: those from a day before the period to a
        # month after it, by the scope's reps, are read as a batch (the first of each
        # visit found by SQL: a bare column beside min() comes from the row of the min);
        # the few visits left are looked up one by one.
        found: dict[str, int] = dict(
            self.store.rows(
                f"""SELECT visit_id, min({_epoch(ARRIVAL)}) FROM notes
                    WHERE kind = 'visit_report' AND version IS NOT NULL
                      AND {ARRIVAL} >= ? AND {ARRIVAL} < ? AND visit_id IS NOT NULL
                      AND {where}
                    GROUP BY visit_id""",
                [_shift(period.start, -REPORTS_BEFORE), _shift(period.end, REPORTS_AFTER), *params],
            )
        )
        missing = [v for v in visit_ids if v not in found]
        if missing:
            found.update(
                self.store.rows(
                    f"""SELECT visit_id, min({_epoch(ARRIVAL)}) FROM notes
                        WHERE visit_id IN (SELECT value FROM json_each(?))
                          AND kind = 'visit_report' AND version IS NOT NULL
                        GROUP BY visit_id""",
                    (json.dumps(missing),),
                )
            )
        return found

    def reports_arrived(self) -> list[ReportRow]:
        """The visit reports by the scope's reps that reached the server in the period."""
        period = self.period
        where, params = self.scope.where("author_id")
        return [
            _new(ReportRow, row)
            for row in self.store.rows(
                f"""SELECT id, account_id, author_id, {_epoch(ARRIVAL)} FROM notes
                    WHERE kind = 'visit_report' AND version IS NOT NULL
                      AND {ARRIVAL} >= ? AND {ARRIVAL} < ? AND {where}""",
                [period.start, period.end, *params],
            )
        ]

    def first_reviews(self, note_ids: list[str]) -> dict[str, tuple[int, str]]:
        """For each of these notes, its first review on the server: (epoch, reviewer id)."""
        if not note_ids:
            return {}
        if len(note_ids) < _REVIEWS_BY_NOTE:
            rows = self.store.rows(
                f"""SELECT note_id, {_epoch(ARRIVAL)}, reviewer_id FROM reviews
                    WHERE note_id IN (SELECT value FROM json_each(?)) AND version IS NOT NULL""",
                (json.dumps(note_ids),),
            )
        else:
            # A scan of the reviews since the period began (none of its reports was
            # reviewed before), the first of each note kept here: cheaper than sorting
            # them in SQL.
            rows = self.store.rows(
                f"""SELECT note_id, {_epoch(ARRIVAL)}, reviewer_id FROM reviews
                    WHERE version IS NOT NULL AND {ARRIVAL} >= ?""",
                (self.period.start,),
            )
        first: dict[str, tuple[int, str]] = {}
        for note_id, reviewed, reviewer in rows:
            seen = first.get(note_id)
            if seen is None or reviewed < seen[0]:
                first[note_id] = (reviewed, reviewer)
        return first


def _shift(instant: str, by: timedelta) -> str:
    moment = datetime.fromisoformat(instant.replace("Z", "+00:00")) + by
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
