"""What a sync brought that is for me: the one summary a desktop notification gives.

Read from the change set the cycle committed (fieldapp/store/change_set.py), so only rows
that arrived in this cycle count, and only those someone else wrote. What is mine is the
inbox's rule (fieldapp/usecases/inbox.py), applied to the notes and the steps of hand-offs
the cycle created: feedback on my visit reports, notes written pinned for my accounts,
leads handed to me (or withdrawn), the answers to leads I handed, follow-ups handed to me
or my team on my accounts, claimed or completed for me, comments on my hand-offs; plus
the reviews of my reports. A first download (the cycle that saved the laptop's first
feed position) is no news, and nor is a collection the set names as a whole (thousands
of rows): each is everything at once. An older note pinned later is not told apart from
a note read again (a full re-read after a scope change), so only notes that arrive
pinned count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields

from fieldapp.records import User
from fieldapp.store.change_set import SYNC_STATE, ChangeSet, Kind
from fieldapp.store.database import Store
from fieldapp.usecases.inbox import InboxKind, inbox_items_among

# Bound the look-ups: a cycle that brings more than this of one collection is summarised
# from the first ones (the notification says "at least" nothing; it counts what it read).
MAX_LOOKED_UP = 500


@dataclass(frozen=True)
class News:
    feedback: int = 0  # replies and reviews on my visit reports
    pinned: int = 0  # notes pinned for accounts I own
    handed_to_me: int = 0  # follow-ups for me, or for my team on my accounts
    completed_for_me: int = 0  # follow-ups I handed over, now completed
    leads_handed: int = 0  # leads handed (or handed again, reassigned) to me
    lead_answers: int = 0  # leads I handed, accepted or returned
    leads_withdrawn: int = 0  # leads handed to me, withdrawn
    claimed_for_me: int = 0  # follow-ups I handed over, taken by someone
    comments: int = 0  # comments on the hand-offs I am part of

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in fields(self))


def _ids(changes: ChangeSet, collection: str, kinds: Iterable[Kind]) -> list[str]:
    wanted = set(kinds)
    found = [i for i, kind in changes.kinds(collection).items() if kind in wanted]
    return sorted(found)[:MAX_LOOKED_UP]


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def news_in(store: Store, changes: ChangeSet, user: User) -> News:
    """What of ``changes`` (one sync cycle's) is for ``user``, written by someone else.

    ``user`` is the profile's signed-in person (the inbox is theirs)."""
    me = user.id
    fresh = (Kind.CREATED,)
    if Kind.CREATED in changes.kinds(SYNC_STATE).values():
        return News()  # the first download: everything is new, nothing is news
    items = inbox_items_among(
        store, notes=_ids(changes, "notes", fresh), events=_ids(changes, "handoff_events", fresh)
    )
    kinds = Counter(item.kind for item in items)
    reviewed = 0
    if reviews := _ids(changes, "reviews", fresh):
        reviewed = int(
            store.scalar(
                f"SELECT count(*) FROM reviews JOIN notes ON notes.id = reviews.note_id"
                f" WHERE reviews.id IN ({_marks(reviews)}) AND notes.author_id = ?"
                f" AND reviews.reviewer_id != ?",
                (*reviews, me, me),
            )
        )
    return News(
        feedback=kinds[InboxKind.FEEDBACK] + reviewed,
        pinned=kinds[InboxKind.PINNED_NOTE],
        handed_to_me=kinds[InboxKind.FOLLOW_UP_ASSIGNED],
        completed_for_me=kinds[InboxKind.FOLLOW_UP_COMPLETED],
        leads_handed=kinds[InboxKind.LEAD_HANDED],
        lead_answers=kinds[InboxKind.LEAD_ANSWERED],
        leads_withdrawn=kinds[InboxKind.LEAD_WITHDRAWN],
        claimed_for_me=kinds[InboxKind.FOLLOW_UP_CLAIMED],
        comments=kinds[InboxKind.COMMENT],
    )
