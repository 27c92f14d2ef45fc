"""Breaches as the server knows them: every commitment under an SLA, judged from the
server's own instants and clock (fieldapp.team.commitments, fieldapp.team.sla).

The laptops compute the same clocks from the same instants; here nothing a laptop's clock
said plays any part, so a breach is a fact the server knows (``fieldapp server sla
breaches``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fieldapp.team.commitments import (
    DEFAULT_AGREEMENT,
    Agreement,
    Commitment,
    agreement_from,
    follow_up_commitment,
    lead_commitments,
    report_reviewed_commitment,
    report_written_commitment,
)
from fieldapp.team.sla import SlaClock
from sync.server.feed import wire_record
from sync.server.tables import records

# What is judged: every open hand-off (a follow-up, a lead), however old; a commitment done
# within this many days; visit reports (written, reviewed) of this many days, since
# reports are many and one older than that is history for a manager's report.
DEFAULT_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class Judged:
    commitment: Commitment
    clock: SlaClock
    account_name: str
    owner_name: str | None  # None: owed by a team (``commitment.owner_team``)


def agreements(conn: Connection) -> dict[str, Agreement]:
    rows = conn.execute(
        sa.select(records.c.data).where(records.c.collection == "sla_policies", ~records.c.deleted)
    ).all()
    found = [agreement_from(json.loads(row.data)) for row in rows]
    return {a.team: a for a in found if a.team is not None}


def _records(conn: Connection, collection: str, since: str | None) -> Iterator[dict[str, Any]]:
    query = sa.select(records).where(records.c.collection == collection, ~records.c.deleted)
    if since is not None:
        # updated_at is the server's own time of the last change: a commitment started in
        # the window was created or changed in it.
        query = query.where(records.c.updated_at >= since)
    for row in conn.execute(query):
        yield wire_record(row)


def judge(
    conn: Connection,
    server_now: datetime,
    *,
    team: str | None = None,
    window: timedelta | None = DEFAULT_WINDOW,
) -> list[Judged]:
    """Every commitment open, or done within ``window`` (None: all, whenever), with its
    clock at ``server_now``; of one team's agreement only, if ``team`` is given."""
    since = None
    if window is not None:
        since = (server_now - window).strftime("%Y-%m-%dT%H:%M:%SZ")
    people = {r["id"]: r for r in _records(conn, "users", None)}

    def team_of(user_id: str | None) -> str | None:
        person = people.get(user_id) if user_id is not None else None
        return person.get("team") if person is not None else None

    found: list[Commitment] = []
    for follow_up in _records(conn, "follow_ups", None):
        commitment = follow_up_commitment(follow_up, team_of)
        if commitment is not None:
            found.append(commitment)
    leads = list(_records(conn, "leads", None))
    visit_ids = {lead["visit_id"] for lead in leads if lead.get("visit_id")}
    visits = {v["id"]: v for v in _by_ids(conn, "visits", visit_ids)}
    for lead in leads:
        found.extend(lead_commitments(lead, visits.get(lead.get("visit_id") or ""), team_of))
    reports = [n for n in _records(conn, "notes", since) if n.get("kind") == "visit_report"]
    reviews = {r["note_id"]: r for r in _records(conn, "reviews", since)}
    for report in reports:
        commitment = report_reviewed_commitment(report, reviews.get(report["id"]), team_of)
        if commitment is not None:
            found.append(commitment)
    report_of = {n["visit_id"]: n for n in reports if n.get("visit_id")}
    for visit in _records(conn, "visits", since):
        commitment = report_written_commitment(visit, report_of.get(visit["id"]), team_of)
        if commitment is not None:
            found.append(commitment)
    held = agreements(conn)
    names = _account_names(conn, {c.account_id for c in found})
    judged = []
    for commitment in found:
        if team is not None and commitment.team != team:
            continue
        agreement = held.get(commitment.team or "", DEFAULT_AGREEMENT)
        clock = commitment.clock(agreement, server_now)
        if clock is None:
            continue
        if window is not None and clock.done_at is not None and clock.done_at < server_now - window:
            continue  # done long ago: history
        owner = people.get(commitment.owner_id or "")
        judged.append(
            Judged(
                commitment,
                clock,
                names.get(commitment.account_id, ""),
                owner.get("display_name") if owner is not None else None,
            )
        )
    return sorted(judged, key=lambda j: (j.clock.due_at, j.commitment.record_id))


def breaches(
    conn: Connection,
    server_now: datetime,
    *,
    team: str | None = None,
    window: timedelta | None = DEFAULT_WINDOW,
) -> list[Judged]:
    """The commitments breached at ``server_now``: still open past their due time, or done
    late (``fieldapp.team.sla.is_breached``, from server instants only)."""
    return [j for j in judge(conn, server_now, team=team, window=window) if j.clock.breached]


def _by_ids(conn: Connection, collection: str, ids: set[str]) -> Iterator[dict[str, Any]]:
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        rows = conn.execute(
            sa.select(records).where(
                records.c.collection == collection, records.c.id.in_(wanted[start : start + 500])
            )
        )
        for row in rows:
            yield wire_record(row)


def _account_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    return {a["id"]: str(a.get("name") or "") for a in _by_ids(conn, "accounts", ids)}
