"""The inside team's review queue: visit reports as they arrive, until someone reads them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fieldapp import validation as check
from fieldapp.catalogue import NoteKind
from fieldapp.clock import to_text
from fieldapp.errors import InvalidStateError, PermissionDeniedError, ValidationError
from fieldapp.records import TIERS, VISIT_OUTCOMES, Review
from fieldapp.store.changes import create_record, delete_record
from fieldapp.store.database import Store
from fieldapp.usecases.notes import get_note
from fieldapp.usecases.people import current_user, require_role


@dataclass(frozen=True, slots=True)
class ReviewItem:
    note_id: str
    body: str
    written_at: str
    author_id: str
    author_name: str | None
    visit_id: str | None
    outcome: str | None
    next_steps: str | None
    account_id: str
    account_name: str
    tier: str
    city: str | None


def mark_reviewed(store: Store, note_id: str) -> Review:
    """Acknowledge that a visit report was read."""
    with store.transaction():
        me = current_user(store)
        require_role(me, "inside", "manager", action="review visit reports")
        note = get_note(store, note_id)
        if note.kind != NoteKind.VISIT_REPORT:
            raise ValidationError("note_id", "reviews.only_visit_reports_reviewed")
        if store.scalar("SELECT 1 FROM reviews WHERE note_id = ?", (note_id,)):
            raise InvalidStateError("reviews.visit_report_has_already_been_reviewed")
        return Review.from_row(
            create_record(
                store,
                "reviews",
                {
                    "note_id": note_id,
                    "reviewer_id": me.id,
                    "reviewed_at": to_text(store.clock()),
                },
            )
        )


def unmark_reviewed(store: Store, note_id: str) -> None:
    """Take back one's own review (the undo of "Mark reviewed"): the report is back in the
    queue. The review is deleted through the outbox; the server accepts that deletion
    when its reviewer asks, and only then (the catalogue's owner rule), as here."""
    with store.transaction():
        me = current_user(store)
        row = store.query_one("SELECT id, reviewer_id FROM reviews WHERE note_id = ?", (note_id,))
        if row is None:
            raise InvalidStateError("reviews.visit_report_not_reviewed")
        if row["reviewer_id"] != me.id:
            raise PermissionDeniedError("records.only_reviewer_may_change_or_withdraw")
        delete_record(store, "reviews", str(row["id"]))


def review_queue(
    store: Store,
    *,
    rep_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outcome: str | None = None,
    tier: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ReviewItem]:
    """Visit reports nobody has reviewed yet, newest first; ``until`` is inclusive."""
    where = [
        "n.kind = 'visit_report'",
        "NOT EXISTS (SELECT 1 FROM reviews r WHERE r.note_id = n.id)",
    ]
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if rep_id is not None:
        where.append("n.author_id = :rep")
        params["rep"] = rep_id
    if since is not None:
        where.append("n.created_at >= :since")
        params["since"] = check.day("since", since, label="From").isoformat()
    if until is not None:
        where.append("n.created_at < :until")
        params["until"] = (check.day("until", until, label="To") + timedelta(days=1)).isoformat()
    if since is not None and until is not None and until < since:
        raise ValidationError("until", "reviews.end_period_before_start")
    if outcome is not None:
        where.append("v.outcome = :outcome")
        params["outcome"] = check.choice("outcome", outcome, VISIT_OUTCOMES, label="Outcome")
    if tier is not None:
        where.append("a.tier = :tier")
        params["tier"] = check.choice("tier", tier, TIERS, label="Tier")
    rows = store.query(
        f"""
        SELECT n.id AS note_id, n.body, n.created_at AS written_at, n.author_id,
               u.display_name AS author_name, n.visit_id, v.outcome, v.next_steps,
               a.id AS account_id, a.name AS account_name, a.tier, a.city
        FROM notes n
        JOIN accounts a ON a.id = n.account_id
        LEFT JOIN visits v ON v.id = n.visit_id
        LEFT JOIN users u ON u.id = n.author_id
        WHERE {" AND ".join(where)}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT :limit OFFSET :offset
        """,
        params,
    )
    return [ReviewItem(**row) for row in rows]


def unreviewed_count(store: Store) -> int:
    return int(
        store.scalar(
            "SELECT count(*) FROM notes n WHERE n.kind = 'visit_report'"
            " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.note_id = n.id)"
        )
    )
