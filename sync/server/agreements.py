"""The teams' SLA agreements on the server: shown, and set by a manager from the command line
(``fieldapp server sla show|set``). An edit is a change of the team's ``sla_policies``
record like any other, so every laptop receives it with its next sync; a manager's edit
from a laptop goes through the mutation rules (sync/server/handoffs.py) instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fieldapp.catalogue import ChangeOp
from fieldapp.errors import ValidationError
from fieldapp.ids import new_id
from fieldapp.team.commitments import DEFAULT_AGREEMENT, Agreement, agreement_from
from fieldapp.team.policies import AllowanceUnit, SlaPolicy, commitment_kind
from fieldapp.team.regions import region as known_region
from sync.server.feed import SequenceWriter, insert_organisation_record, record_change
from sync.server.handoffs import agreement_of
from sync.server.scope import EVERYONE
from sync.server.tables import records, territories


@dataclass(frozen=True)
class TeamAgreement:
    team: str
    agreement: Agreement
    set: bool  # False: the team follows the defaults (no agreement of its own yet)
    changed_at: str | None


def teams(conn: Connection) -> list[str]:
    """The teams the server knows: of its territories and of its people."""
    named = {r.team for r in conn.execute(sa.select(territories.c.team)) if r.team}
    for row in conn.execute(
        sa.select(records.c.data).where(records.c.collection == "users", ~records.c.deleted)
    ):
        team = json.loads(row.data).get("team")
        if team:
            named.add(team)
    return sorted(named)


def show(conn: Connection, team: str | None = None) -> list[TeamAgreement]:
    known = teams(conn)
    if team is not None:
        _check_team(known, team)
        known = [team]
    shown = []
    for name in known:
        stored = agreement_of(conn, name)
        if stored is None:
            shown.append(TeamAgreement(name, DEFAULT_AGREEMENT, False, None))
        else:
            changed = conn.execute(
                sa.select(records.c.updated_at).where(
                    records.c.collection == "sla_policies", records.c.id == stored["id"]
                )
            ).scalar_one()
            shown.append(TeamAgreement(name, agreement_from(stored), True, str(changed)))
    return shown


def _check_team(known: list[str], team: str) -> None:
    if team not in known:
        listed = ", ".join(known) or "none yet"
        raise ValidationError("team", "server.no_team_teams", team=repr(team), listed=listed)


def set_policy(
    conn: Connection,
    seqs: SequenceWriter,
    *,
    team: str,
    kind: str,
    hours: int | None,
    working_days: int | None,
    region: str | None,
    now: float,
) -> TeamAgreement:
    """Change one commitment's allowance for ``team`` (and its region, if given); a team's
    first agreement starts from the defaults and needs its region. Raises
    ValidationError, having changed nothing."""
    _check_team(teams(conn), team)
    commitment = commitment_kind(kind)
    if (hours is None) == (working_days is None):
        raise ValidationError("allowance", "server.give_exactly_one___hours_or___working_days")
    unit = AllowanceUnit.HOURS if hours is not None else AllowanceUnit.WORKING_DAYS
    policy = SlaPolicy(commitment, hours if hours is not None else working_days, unit)  # type: ignore[arg-type]
    code = known_region(region).code if region is not None else None
    stamp = datetime.fromtimestamp(int(now), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    stored = agreement_of(conn, team)
    if stored is None and code is None:
        raise ValidationError("region", "server.team_has_no_sla_policies_yet", team=team)
    seq = seqs.next()
    if stored is None:
        data: dict[str, Any] = {
            "team": team,
            "region": code,
            "policies": DEFAULT_AGREEMENT.policies.replace(policy).to_data(),
            "changed_by": None,
        }
        record_id = new_id()
        insert_organisation_record(
            conn, seq, "sla_policies", record_id, data, created_at=stamp, updated_at=stamp
        )
    else:
        record_id = stored.pop("id")
        row = conn.execute(
            sa.select(records.c.field_versions).where(
                records.c.collection == "sla_policies", records.c.id == record_id
            )
        ).one()
        versions = json.loads(row.field_versions)
        data = dict(stored)
        data["policies"] = {**stored["policies"], str(commitment): policy.to_data()}
        data["changed_by"] = None  # the server's administrator, not a person of the team
        changed = ["policies", "changed_by"]
        if code is not None:
            data["region"] = code
            changed.append("region")
        for name in changed:
            versions[name] = [seq, None]
        conn.execute(
            sa.update(records)
            .where(records.c.collection == "sla_policies", records.c.id == record_id)
            .values(
                data=json.dumps(data),
                field_versions=json.dumps(versions),
                version=seq,
                updated_at=stamp,
            )
        )
    record_change(conn, seq, "sla_policies", record_id, EVERYONE, ChangeOp.UPSERT)
    return TeamAgreement(team, agreement_from(data), True, stamp)
