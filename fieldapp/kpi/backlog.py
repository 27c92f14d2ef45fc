"""What waits, by age, as of the period's last day (today while it runs): visit reports
awaiting review, and follow-ups open.

Taken at the end of the as-of day: a report written before it and not reviewed before it
is awaiting review; a follow-up created before it and not done (nor cancelled) before it
is open, and past due when its due date is before the as-of day. The age of an item is
the number of local days from the day it was written to the as-of day (0: that day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from fieldapp.kpi.period import LocalDays
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.table import Cell, Ids, Table, bucket_sql, ids_data, split_ids

# (youngest, oldest) age in days of each bucket, youngest first; None: no upper bound.
AGE_BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 1),
    (2, 3),
    (4, 7),
    (8, 14),
    (15, 30),
    (31, None),
)


def bucket_label(youngest: int, oldest: int | None) -> str:
    return f"{youngest}+ days" if oldest is None else f"{youngest}-{oldest} days"


@dataclass(frozen=True, slots=True)
class AgeBucket:
    youngest: int
    oldest: int | None
    items: Ids
    past_due: Ids = ()  # follow-ups only: those whose due date has passed

    @property
    def label(self) -> str:
        return bucket_label(self.youngest, self.oldest)


@dataclass(frozen=True, slots=True)
class BacklogFigure:
    name: ClassVar[str] = "backlog"
    title: ClassVar[str] = "Awaiting review and follow-ups open, by age"

    as_of: date
    awaiting_review: tuple[AgeBucket, ...]  # visit report (note) ids
    follow_ups_open: tuple[AgeBucket, ...]  # follow-up ids

    @property
    def awaiting_review_ids(self) -> Ids:
        return tuple(i for b in self.awaiting_review for i in b.items)

    @property
    def follow_up_ids(self) -> Ids:
        return tuple(i for b in self.follow_ups_open for i in b.items)

    def table(self) -> Table:
        rows: list[tuple[Cell, ...]] = [
            ("awaiting review", b.label, len(b.items), None, self.as_of.isoformat())
            for b in self.awaiting_review
        ]
        rows += [
            ("follow-ups open", b.label, len(b.items), len(b.past_due), self.as_of.isoformat())
            for b in self.follow_ups_open
        ]
        return Table(("what", "age", "count", "past_due", "as_of"), tuple(rows))

    def records(self) -> Table:
        rows: list[tuple[Any, ...]] = [
            ("notes", note_id, "awaiting review", b.label, None)
            for b in self.awaiting_review
            for note_id in sorted(b.items)
        ]
        rows += [
            ("follow_ups", f, "follow-up open", b.label, f in set(b.past_due))
            for b in self.follow_ups_open
            for f in sorted(b.items)
        ]
        return Table(("collection", "id", "what", "age", "past_due"), tuple(rows))

    def to_data(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "awaiting_review": [
                {"age": b.label, **ids_data(b.items)} for b in self.awaiting_review
            ],
            "follow_ups_open": [
                {"age": b.label, **ids_data(b.items), "past_due": ids_data(b.past_due)}
                for b in self.follow_ups_open
            ],
        }


def backlog(reading: Reading) -> BacklogFigure:
    store, period, scope, as_of = reading.store, reading.period, reading.scope, reading.as_of
    oldest = [b[1] for b in AGE_BUCKETS[:-1] if b[1] is not None]  # 1, 3, 7, 14, 30
    days = LocalDays(as_of - timedelta(days=max(oldest)), as_of, period.zone)
    cut = days.start_text(as_of + timedelta(days=1))
    # An item is at most k days old when it was written on day D - k or later. Bucket n of
    # the SQL holds AGE_BUCKETS[-1 - n]: the bounds are where each younger bucket begins,
    # the oldest first.
    bounds = [days.start_text(as_of - timedelta(days=k)) for k in reversed(oldest)]
    age_sql, age_params = bucket_sql("created_at", bounds)

    where, params = scope.where("author_id")
    reports = {
        bucket: split_ids(ids)
        for bucket, ids in store.rows(
            f"""SELECT {age_sql}, group_concat(id, ',') FROM notes
                WHERE kind = 'visit_report' AND created_at < ? AND {where}
                  AND NOT EXISTS (SELECT 1 FROM reviews r
                                  WHERE r.note_id = notes.id AND r.reviewed_at < ?)
                GROUP BY 1""",
            [*age_params, cut, *params, cut],
        )
    }
    owner_where, owner_params = scope.where("a.owner_id")
    assignee_where, assignee_params = scope.where("f.assignee_user_id")
    follow_age_sql, _ = bucket_sql("f.created_at", bounds)
    follow_ups: dict[int, tuple[list[str], list[str]]] = {}
    for bucket, follow_up_id, due_date in store.rows(
        f"""SELECT {follow_age_sql}, f.id, f.due_date
            FROM follow_ups f JOIN accounts a ON a.id = f.account_id
            WHERE f.created_at < ?
              AND (f.status = 'open'
                   OR (f.status = 'done' AND coalesce(f.completed_at, f.updated_at) >= ?)
                   OR (f.status = 'cancelled' AND f.updated_at >= ?))
              AND ({owner_where} OR {assignee_where})""",
        [*age_params, cut, cut, cut, *owner_params, *assignee_params],
    ):
        items, past_due = follow_ups.setdefault(bucket, ([], []))
        items.append(follow_up_id)
        if due_date < as_of.isoformat():
            past_due.append(follow_up_id)
    count = len(AGE_BUCKETS)
    return BacklogFigure(
        as_of,
        tuple(
            AgeBucket(young, old, reports.get(count - 1 - n, ()))
            for n, (young, old) in enumerate(AGE_BUCKETS)
        ),
        tuple(
            AgeBucket(
                young,
                old,
                tuple(follow_ups.get(count - 1 - n, ([], []))[0]),
                tuple(follow_ups.get(count - 1 - n, ([], []))[1]),
            )
            for n, (young, old) in enumerate(AGE_BUCKETS)
        ),
    )
