"""The work queue: what I owe, ordered by SLA clock, overdue first.

An inside rep (or a manager) owes the review of every visit report waiting for one, the
follow-ups claimed by or handed to them and those of the inside team nobody claimed yet, and
an answer to each lead they handed that came back. A field rep owes the leads handed to them
(plan the visit, then hold it), the follow-ups handed to them or claimed by them (and the
field team's on their accounts), and the report of each visit they checked out until it
reaches the server. Reports are those of the last 30 days (LOOKED_BACK).

Clocks come from fieldapp/team (commitments.py for the instants, sla.py for the clock) with
the trusted now of the laptop (server_time.py), so a laptop's wrong clock cannot hide a
breach. Work done here and not yet synced is "waiting to sync": its clock keeps running
until the server has it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fieldapp.catalogue import INSIDE_ROLES, Role
from fieldapp.clock import to_text
from fieldapp.records import User
from fieldapp.store.codec import decode_row
from fieldapp.store.database import Store
from fieldapp.team.commitments import (
    Commitment,
    follow_up_commitment,
    lead_commitments,
    report_reviewed_commitment,
    report_written_commitment,
)
from fieldapp.team.sla import ClockState, SlaClock
from fieldapp.usecases.agreements import agreement_for, agreements
from fieldapp.usecases.follow_ups import TEAM_OF_ROLE
from fieldapp.usecases.people import StaffNames, current_user
from fieldapp.usecases.server_time import trusted_now

# A lead that came back: the inside rep who handed it owes an answer (hand it again or
# withdraw it), with no SLA of its own.
LEAD_RETURNED = "lead_returned"
# Reports owed (to write, to review) are looked for among those of the last 30 days: an
# older one is long breached, and belongs to the review queue (every report waiting, page
# by page) and to the manager's list of breaches, not to today's queue, where thousands of
# them would bury the work of the day.
LOOKED_BACK = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class QueueItem:
    kind: str  # a CommitmentKind, or LEAD_RETURNED
    collection: str
    record_id: str
    account_id: str
    account_name: str
    title: str
    owner_id: str | None  # None: the team, until someone claims it
    owner_name: str | None
    clock: SlaClock | None  # None: not started (the server has not received it yet)
    waiting_to_sync: bool  # changed here and not yet accepted by the server

    @property
    def overdue(self) -> bool:
        return self.clock is not None and self.clock.state is ClockState.OVERDUE


def _order(item: QueueItem) -> tuple[int, float, str]:
    """Overdue first (the most overdue first), then by due time, then what has no clock."""
    clock = item.clock
    if clock is None:
        return (2, 0.0, item.record_id)
    if clock.overdue_by is not None:
        return (0, -clock.overdue_by.total_seconds(), item.record_id)
    return (1, clock.due_at.timestamp(), item.record_id)


def work_queue(store: Store, *, now: datetime | None = None) -> list[QueueItem]:
    """What the signed-in person owes now, ordered by SLA clock (``now``: the trusted now
    of this laptop unless given)."""
    me = current_user(store)
    moment = now if now is not None else trusted_now(store)
    staff = StaffNames(store)
    team_of, name_of = staff.team_of, staff.name_of
    held = agreements(store)
    pending = _pending(store)
    owed = []
    for commitment, title in _owed(store, me, team_of, moment):
        clock = commitment.clock(agreement_for(held, commitment.team), moment)
        if clock is None or clock.is_open:  # done on the server: nothing is owed any more
            owed.append((commitment, title, clock))
    returned = (
        store.query("SELECT * FROM leads WHERE handed_by = ? AND status = 'returned'", (me.id,))
        if me.role in INSIDE_ROLES
        else []
    )
    accounts = _account_names(
        store, {c.account_id for c, _, _ in owed} | {r["account_id"] for r in returned}
    )
    items: list[QueueItem] = []
    for commitment, title, clock in owed:
        items.append(
            QueueItem(
                kind=commitment.kind,
                collection=commitment.collection,
                record_id=commitment.record_id,
                account_id=commitment.account_id,
                account_name=accounts.get(commitment.account_id, ""),
                title=title,
                owner_id=commitment.owner_id,
                owner_name=name_of(commitment.owner_id),
                clock=clock,
                waiting_to_sync=clock is None
                or (commitment.collection, commitment.record_id) in pending,
            )
        )
    for row in returned:
        items.append(
            QueueItem(
                kind=LEAD_RETURNED,
                collection="leads",
                record_id=row["id"],
                account_id=row["account_id"],
                account_name=accounts.get(row["account_id"], ""),
                title=_excerpt(row["reason"] or row["why"]),
                owner_id=me.id,
                owner_name=me.display_name,
                clock=None,
                waiting_to_sync=("leads", row["id"]) in pending,
            )
        )
    return sorted(items, key=_order)


def _account_names(store: Store, account_ids: set[str]) -> dict[str, str]:
    wanted = sorted(account_ids)
    names: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for record_id, name in store.rows(
            f"SELECT id, name FROM accounts WHERE id IN ({marks})", chunk
        ):
            names[record_id] = name
    return names


def _pending(store: Store) -> set[tuple[str, str]]:
    """Records with changes this laptop has not had accepted yet (the outbox, and what a
    pending change of a related record means for them: a review waiting to sync is the
    report's, a report waiting to sync is its visit's)."""
    found = {
        (row["collection"], row["record_id"])
        for row in store.query("SELECT DISTINCT collection, record_id FROM outbox")
    }
    for row in store.query(
        "SELECT r.note_id FROM outbox o JOIN reviews r ON r.id = o.record_id"
        " WHERE o.collection = 'reviews'"
    ):
        found.add(("notes", row["note_id"]))
    for row in store.query(
        "SELECT n.visit_id FROM outbox o JOIN notes n ON n.id = o.record_id"
        " WHERE o.collection = 'notes' AND n.visit_id IS NOT NULL"
    ):
        found.add(("visits", row["visit_id"]))
    return found


def _rows(
    store: Store, collection: str, sql: str, params: Sequence[Any] | Mapping[str, Any]
) -> Iterator[dict[str, Any]]:
    for row in store.query(sql, params):
        yield decode_row(collection, row)


TeamOf = Callable[[str | None], str | None]


def _owed(
    store: Store, me: User, team_of: TeamOf, now: datetime
) -> Iterator[tuple[Commitment, str]]:
    """Every open commitment of mine (and of my sales team, unclaimed), with a title."""
    my_team = TEAM_OF_ROLE[me.role]
    for follow_up in _rows(
        store,
        "follow_ups",
        """SELECT f.* FROM follow_ups f WHERE f.status = 'open' AND (
               f.claimed_by = :me
            OR (f.claimed_by IS NULL AND f.assignee_user_id = :me)
            OR (f.claimed_by IS NULL AND f.assignee_team = :team AND (
                    :inside OR EXISTS (SELECT 1 FROM accounts a
                                       WHERE a.id = f.account_id AND a.owner_id = :me))))
           UNION
           SELECT f.* FROM follow_ups f JOIN outbox o
                  ON o.collection = 'follow_ups' AND o.record_id = f.id
           WHERE f.status = 'done' AND (f.claimed_by = :me OR f.assignee_user_id = :me)""",
        {"me": me.id, "team": my_team, "inside": me.role in INSIDE_ROLES},
    ):
        commitment = follow_up_commitment(follow_up, team_of)
        if commitment is not None:
            yield commitment, follow_up["title"]
    if me.role == Role.FIELD:
        yield from _owed_in_the_field(store, me, team_of, now)
    else:
        # Only what the clock and the title need: a report may be ten pages long.
        for report in store.query(
            """SELECT n.id, n.account_id, n.author_id, n.kind, n.arrived_at, n.version,
                      n.created_at, substr(n.body, 1, 400) AS body
               FROM notes n WHERE n.kind = 'visit_report' AND n.created_at >= ?
               AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.note_id = n.id
                               AND (r.arrived_at IS NOT NULL OR r.version IS NOT NULL))""",
            (to_text(now - LOOKED_BACK),),
        ):
            # A review waiting to sync leaves the report in the queue, its clock running.
            commitment = report_reviewed_commitment(report, None, team_of)
            if commitment is not None:
                yield commitment, _excerpt(report["body"])


def _owed_in_the_field(
    store: Store, me: User, team_of: TeamOf, now: datetime
) -> Iterator[tuple[Commitment, str]]:
    for lead in _rows(
        store,
        "leads",
        "SELECT * FROM leads WHERE assignee_id = ? AND status IN ('handed', 'accepted')",
        (me.id,),
    ):
        visit = None
        if lead["visit_id"] is not None:
            row = store.query_one("SELECT * FROM visits WHERE id = ?", (lead["visit_id"],))
            visit = decode_row("visits", row) if row is not None else None
        for owed in lead_commitments(lead, visit, team_of):
            yield owed, _excerpt(lead["why"])
    # Reports: a visit checked out recently whose report the server has not received.
    for visit in _rows(
        store,
        "visits",
        """SELECT v.* FROM visits v WHERE v.rep_id = ? AND v.status = 'completed'
           AND v.checked_out_at >= ?
           AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.visit_id = v.id
                           AND n.kind = 'visit_report'
                           AND (n.arrived_at IS NOT NULL OR n.version IS NOT NULL))""",
        (me.id, to_text(now - LOOKED_BACK)),
    ):
        report = report_written_commitment(visit, None, team_of)
        if report is not None:
            yield report, visit["summary"] or ""


def _excerpt(text: str | None, length: int = 120) -> str:
    if not text:
        return ""
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
