"""The inbox: what is new for me, newest first, with what I have not read yet.

Feedback on my visit reports, notes pinned for the field on my accounts, leads handed to me
(and the answers to the leads I handed), follow-ups handed to me, completed or claimed for
me, and comments on the hand-offs I am part of: everything someone else did, from the last
30 days (the inbox is what is new; older items live with their account). Read marks are
records of their own (``inbox_reads``), one per person and item with an id derived from
both, synced to that person's laptops only: a second laptop agrees on what was read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from fieldapp import validation as check
from fieldapp.catalogue import InboxSource
from fieldapp.clock import to_text
from fieldapp.errors import ValidationError
from fieldapp.ids import derived_id
from fieldapp.store.changes import create_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.follow_ups import TEAM_OF_ROLE
from fieldapp.usecases.people import current_user
from fieldapp.usecases.server_time import trusted_now

HORIZON = timedelta(days=30)
MAX_ITEMS = 5000
# What the inbox reads: a change to any of these may change what it shows or counts.
READS = ("notes", "handoff_events", "leads", "follow_ups", "inbox_reads", "accounts", "users")


class InboxKind(StrEnum):
    FEEDBACK = "feedback"  # an inside rep answered one of my visit reports
    PINNED_NOTE = "pinned_note"  # a note pinned for the field on one of my accounts
    LEAD_HANDED = "lead_handed"  # a lead handed (or handed again) to me
    LEAD_ANSWERED = "lead_answered"  # a lead I handed was accepted or returned
    LEAD_WITHDRAWN = "lead_withdrawn"  # a lead handed to me was withdrawn
    FOLLOW_UP_ASSIGNED = "follow_up_assigned"  # a follow-up handed to me
    FOLLOW_UP_CLAIMED = "follow_up_claimed"  # someone took a follow-up I handed over
    FOLLOW_UP_COMPLETED = "follow_up_completed"  # ... and completed it, with its outcome
    COMMENT = "comment"  # a comment on a hand-off I am part of


@dataclass(frozen=True, slots=True)
class InboxItem:
    kind: InboxKind
    source: InboxSource  # the record the item is (a note, a step of a hand-off)
    item_id: str
    at: str  # UTC text: when it reached the server (when it was pinned, for a pinned note)
    account_id: str
    account_name: str
    from_id: str | None
    from_name: str | None
    text: str | None  # the note, the comment, the outcome, a lead's "why"
    lead_id: str | None
    follow_up_id: str | None
    action: str | None  # the step of a hand-off (handed, returned, completed...)
    read: bool


# One statement. Each source is reached from what is mine, through an index, so the cost
# follows the size of my inbox, not of the profile (an inside rep's laptop holds a whole
# team's history): feedback from my visit reports (notes_author, then notes_reply_to),
# pinned notes from my accounts (accounts_owner, notes_pinned), steps from the hand-offs
# handed to me or by me (handoff_events_to_user, leads_*, follow_ups_*, then
# handoff_events_lead / _follow_up). CROSS JOIN keeps SQLite to that order. The kind of a
# step is decided in SQL so that LIMIT keeps the newest.
_ITEMS = """
WITH my_leads AS (
    SELECT id FROM leads WHERE handed_by = :me
    UNION SELECT id FROM leads WHERE assignee_id = :me
), my_follow_ups AS (
    SELECT id FROM follow_ups WHERE created_by = :me
    UNION SELECT id FROM follow_ups WHERE claimed_by = :me
    UNION SELECT id FROM follow_ups WHERE assignee_user_id = :me
), my_accounts AS (
    SELECT id FROM accounts WHERE owner_id = :me
), steps AS (
    SELECT e.* FROM handoff_events e WHERE e.to_user_id = :me AND e.at >= :since
    UNION
    SELECT e.* FROM my_leads m CROSS JOIN handoff_events e
    WHERE e.lead_id = m.id AND e.at >= :since
    UNION
    SELECT e.* FROM my_follow_ups m CROSS JOIN handoff_events e
    WHERE e.follow_up_id = m.id AND e.at >= :since
    UNION
    SELECT e.* FROM my_accounts m CROSS JOIN handoff_events e
    WHERE e.account_id = m.id AND e.to_team = :my_team AND e.at >= :since
), items AS (
    SELECT 'feedback' AS kind, 'notes' AS source, n.id AS item_id,
           coalesce(n.arrived_at, n.created_at) AS at, n.account_id, n.author_id AS from_id,
           n.body AS text, NULL AS lead_id, NULL AS follow_up_id, NULL AS action
    FROM notes r CROSS JOIN notes n
    WHERE r.author_id = :me AND r.kind = 'visit_report' AND n.reply_to_id = r.id
          AND n.kind = 'feedback' AND n.author_id <> :me
          AND coalesce(n.arrived_at, n.created_at) >= :since
    UNION ALL
    SELECT 'pinned_note', 'notes', n.id, coalesce(n.pinned_at, n.arrived_at, n.created_at),
           n.account_id, n.author_id, n.body, NULL, NULL, NULL
    FROM my_accounts a CROSS JOIN notes n
    WHERE n.pinned = 1 AND n.account_id = a.id AND n.author_id <> :me
          AND coalesce(n.pinned_at, n.arrived_at, n.created_at) >= :since
    UNION ALL
    SELECT CASE
             WHEN e.lead_id IS NOT NULL AND e.action IN ('handed', 'reassigned')
                  AND e.to_user_id = :me THEN 'lead_handed'
             WHEN e.lead_id IS NOT NULL AND e.action IN ('accepted', 'returned')
                  AND l.handed_by = :me THEN 'lead_answered'
             WHEN e.lead_id IS NOT NULL AND e.action = 'withdrawn'
                  AND l.assignee_id = :me THEN 'lead_withdrawn'
             WHEN e.follow_up_id IS NOT NULL AND e.action IN ('handed', 'reassigned', 'reopened')
                  AND (e.to_user_id = :me
                       OR (e.to_team = :my_team AND a.owner_id = :me)) THEN 'follow_up_assigned'
             WHEN e.follow_up_id IS NOT NULL AND e.action = 'claimed'
                  AND f.created_by = :me THEN 'follow_up_claimed'
             WHEN e.follow_up_id IS NOT NULL AND e.action = 'completed'
                  AND f.created_by = :me THEN 'follow_up_completed'
             WHEN e.action = 'commented'
                  AND (l.handed_by = :me OR l.assignee_id = :me OR f.created_by = :me
                       OR f.claimed_by = :me OR f.assignee_user_id = :me) THEN 'comment'
           END,
           'handoff_events', e.id, e.at, e.account_id, e.actor_id,
           coalesce(e.note, l.why, f.title), e.lead_id, e.follow_up_id, e.action
    FROM steps e
    JOIN accounts a ON a.id = e.account_id
    LEFT JOIN leads l ON l.id = e.lead_id
    LEFT JOIN follow_ups f ON f.id = e.follow_up_id
    WHERE e.actor_id <> :me
)
SELECT i.*, a.name AS account_name, u.display_name AS from_name,
       coalesce(r.read, 0) AS read
FROM items i
JOIN accounts a ON a.id = i.account_id
LEFT JOIN users u ON u.id = i.from_id
LEFT JOIN inbox_reads r
       ON r.user_id = :me AND r.item_id = i.item_id AND r.item_collection = i.source
WHERE i.kind IS NOT NULL {where}
ORDER BY i.at DESC, i.item_id DESC
LIMIT :limit
"""


def _params(store: Store, now: datetime | None, limit: int) -> dict[str, Any]:
    me = current_user(store)
    moment = now if now is not None else trusted_now(store)
    return {
        "me": me.id,
        "my_team": TEAM_OF_ROLE[me.role],
        "since": to_text(moment - HORIZON),
        "limit": limit,
    }


def _items(store: Store, where: str, params: dict[str, Any]) -> list[InboxItem]:
    return [
        InboxItem(
            kind=InboxKind(row["kind"]),
            source=InboxSource(row["source"]),
            item_id=row["item_id"],
            at=row["at"],
            account_id=row["account_id"],
            account_name=row["account_name"],
            from_id=row["from_id"],
            from_name=row["from_name"],
            text=row["text"],
            lead_id=row["lead_id"],
            follow_up_id=row["follow_up_id"],
            action=row["action"],
            read=bool(row["read"]),
        )
        for row in store.query(_ITEMS.format(where=where), params)
    ]


_UNREAD = "AND coalesce(r.read, 0) = 0"


def inbox(
    store: Store, *, unread_only: bool = False, limit: int = 1000, now: datetime | None = None
) -> list[InboxItem]:
    """My inbox, newest first (``now``: the trusted now, for tests)."""
    limit = check.whole_number("limit", limit, label="Limit", minimum=1, maximum=MAX_ITEMS)
    return _items(store, _UNREAD if unread_only else "", _params(store, now, limit))


def inbox_items_among(
    store: Store,
    *,
    notes: Sequence[str] = (),
    events: Sequence[str] = (),
    now: datetime | None = None,
) -> list[InboxItem]:
    """The items of my inbox that are these notes or steps of a hand-off (what one sync
    cycle brought, for its notification): the inbox's own rules decide what is mine."""
    if not notes and not events:
        return []
    params = _params(store, now, MAX_ITEMS)
    params["notes"] = json.dumps(list(notes))
    params["events"] = json.dumps(list(events))
    where = (
        "AND ((i.source = 'notes' AND i.item_id IN (SELECT value FROM json_each(:notes)))"
        " OR (i.source = 'handoff_events'"
        " AND i.item_id IN (SELECT value FROM json_each(:events))))"
    )
    return _items(store, where, params)


def unread_counts(store: Store, *, now: datetime | None = None) -> dict[InboxKind, int]:
    """How many unread items of each kind (every kind listed, zero included): the numbers
    on the navigation rail."""
    counted = Counter(item.kind for item in _items(store, _UNREAD, _params(store, now, MAX_ITEMS)))
    return {kind: counted.get(kind, 0) for kind in InboxKind}


def read_mark_id(user_id: str, source: str, item_id: str) -> str:
    """The id of a person's read mark on an item: the same on each of their laptops."""
    return derived_id("inbox_reads", user_id, source, item_id)


def set_read(store: Store, source: str, item_id: str, read: bool = True) -> None:
    """Mark an inbox item read (or unread again); synced to my other laptops."""
    kind = check.choice("source", source, tuple(InboxSource), label="Kind of item")
    if not isinstance(item_id, str) or not item_id or len(item_id) > 100:
        raise ValidationError("item_id", "inbox.name_inbox_item_mark")
    with store.transaction():
        me = current_user(store)
        mark = read_mark_id(me.id, kind, item_id)
        if store.scalar("SELECT 1 FROM inbox_reads WHERE id = ?", (mark,)) is None:
            create_record(
                store,
                "inbox_reads",
                {"user_id": me.id, "item_collection": kind, "item_id": item_id, "read": read},
                record_id=mark,
            )
        else:
            update_record(store, "inbox_reads", mark, {"read": read})


def mark_read(store: Store, source: str, item_id: str) -> None:
    set_read(store, source, item_id, True)


def mark_unread(store: Store, source: str, item_id: str) -> None:
    set_read(store, source, item_id, False)


def mark_items_read(store: Store, items: Iterable[tuple[str, str]]) -> int:
    """Mark these items (source, id) read, in one transaction: "mark all read" of what the
    person sees, never of an item a sync brought meanwhile that they have not seen."""
    marks = list(items)
    with store.transaction():
        for source, item_id in marks:
            set_read(store, source, item_id, True)
    return len(marks)


def mark_all_read(
    store: Store, *, kind: InboxKind | None = None, now: datetime | None = None
) -> int:
    """Mark every unread item (of one kind) read, in one transaction; returns how many."""
    with store.transaction():
        items = [
            i
            for i in inbox(store, unread_only=True, limit=MAX_ITEMS, now=now)
            if kind is None or i.kind == kind
        ]
        for item in items:
            set_read(store, item.source, item.item_id, True)
    return len(items)
