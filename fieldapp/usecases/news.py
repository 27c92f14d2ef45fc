"""What a sync brought that is for me: the one summary a desktop notification gives.

Read from the change set the cycle committed (fieldapp/store/change_set.py), so only rows
that arrived in this cycle count, and only those someone else wrote: feedback on my visit
reports, notes written pinned for my accounts, follow-ups handed to me or my team, and
follow-ups I handed over that were completed. A first download (the cycle that saved the
laptop's first feed position) is no news, and nor is a collection the set names as a
whole (thousands of rows): each is everything at once. An older note pinned later is not
told apart from a note read again (a full re-read after a scope change), so only notes
that arrive pinned count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.records import FollowUpStatus, Role, Team, User
from fieldapp.store.change_set import SYNC_STATE, ChangeSet, Kind
from fieldapp.store.database import Store

# Bound the look-ups: a cycle that brings more than this of one collection is summarised
# from the first ones (the notification says "at least" nothing; it counts what it read).
MAX_LOOKED_UP = 500


@dataclass(frozen=True)
class News:
    feedback: int = 0  # replies and reviews on my visit reports
    pinned: int = 0  # notes pinned for accounts I own
    handed_to_me: int = 0  # follow-ups for me, or for my team
    completed_for_me: int = 0  # follow-ups I handed over, now completed

    @property
    def total(self) -> int:
        return self.feedback + self.pinned + self.handed_to_me + self.completed_for_me


def _ids(changes: ChangeSet, collection: str, kinds: Iterable[Kind]) -> list[str]:
    wanted = set(kinds)
    found = [i for i, kind in changes.kinds(collection).items() if kind in wanted]
    return sorted(found)[:MAX_LOOKED_UP]


def _marks(ids: list[str]) -> str:
    return ",".join("?" * len(ids))


def news_in(store: Store, changes: ChangeSet, user: User) -> News:
    """What of ``changes`` (one sync cycle's) is for ``user``, written by someone else."""
    me = user.id
    fresh = (Kind.CREATED,)
    if Kind.CREATED in changes.kinds(SYNC_STATE).values():
        return News()  # the first download: everything is new, nothing is news
    feedback = pinned = handed = completed = 0
    if notes := _ids(changes, "notes", fresh):
        feedback += int(
            store.scalar(
                f"SELECT count(*) FROM notes AS reply JOIN notes AS mine"
                f" ON mine.id = reply.reply_to_id"
                f" WHERE reply.id IN ({_marks(notes)}) AND mine.author_id = ?"
                f" AND reply.author_id != ?",
                (*notes, me, me),
            )
        )
    if reviews := _ids(changes, "reviews", fresh):
        feedback += int(
            store.scalar(
                f"SELECT count(*) FROM reviews JOIN notes ON notes.id = reviews.note_id"
                f" WHERE reviews.id IN ({_marks(reviews)}) AND notes.author_id = ?"
                f" AND reviews.reviewer_id != ?",
                (*reviews, me, me),
            )
        )
    if notes := _ids(changes, "notes", fresh):
        pinned = int(
            store.scalar(
                f"SELECT count(*) FROM notes JOIN accounts ON accounts.id = notes.account_id"
                f" WHERE notes.id IN ({_marks(notes)}) AND notes.pinned = 1"
                f" AND accounts.owner_id = ? AND notes.author_id != ?",
                (*notes, me, me),
            )
        )
    team = {Role.FIELD: Team.FIELD, Role.INSIDE: Team.INSIDE}.get(user.role)
    if follow_ups := _ids(changes, "follow_ups", fresh):
        handed = int(
            store.scalar(
                f"SELECT count(*) FROM follow_ups WHERE id IN ({_marks(follow_ups)})"
                " AND (assignee_user_id = ? OR (assignee_user_id IS NULL AND assignee_team = ?))"
                " AND coalesce(created_by, '') != ?",
                (*follow_ups, me, team, me),
            )
        )
    if follow_ups := _ids(changes, "follow_ups", (Kind.UPDATED,)):
        completed = int(
            store.scalar(
                f"SELECT count(*) FROM follow_ups WHERE id IN ({_marks(follow_ups)})"
                " AND status = ? AND created_by = ? AND coalesce(assignee_user_id, '') != ?",
                (*follow_ups, FollowUpStatus.DONE, me, me),
            )
        )
    return News(feedback, pinned, handed, completed)
