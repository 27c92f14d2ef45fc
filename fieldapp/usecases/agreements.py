"""The teams' SLA agreements on this laptop: read by every clock, set by a manager.

Each team has one ``sla_policies`` record (its policies and its region), kept by the server
and sent to every laptop; a team without one follows the defaults of docs/team-loop.md. A
manager's edit changes one commitment's allowance and goes through the outbox like any
other change; the server checks it again (managers only, their own team).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fieldapp.catalogue import Role
from fieldapp.errors import PermissionDeniedError, ValidationError
from fieldapp.records import SlaAgreement
from fieldapp.store.changes import create_record, update_record
from fieldapp.store.database import Store
from fieldapp.team.commitments import DEFAULT_AGREEMENT, Agreement, agreement_from
from fieldapp.team.policies import AllowanceUnit, SlaPolicy, commitment_kind
from fieldapp.team.regions import region as known_region
from fieldapp.usecases.people import current_user


def agreements(store: Store) -> dict[str, Agreement]:
    """Every team's agreement this laptop holds, by team."""
    found: dict[str, Agreement] = {}
    for row in store.query("SELECT * FROM sla_policies ORDER BY team"):
        record = SlaAgreement.from_row(row)
        found[record.team] = agreement_from(
            {"team": record.team, "region": record.region, "policies": record.policies}
        )
    return found


def agreement_for(held: Mapping[str, Agreement], team: str | None) -> Agreement:
    """``team``'s agreement, or the defaults (a team with none, or nobody's team)."""
    if team is not None and team in held:
        return held[team]
    return DEFAULT_AGREEMENT


def set_sla_policy(
    store: Store,
    team: str,
    kind: str,
    *,
    hours: int | None = None,
    working_days: int | None = None,
    region: str | None = None,
) -> SlaAgreement:
    """A manager's edit of one commitment's allowance (exactly one of ``hours`` or
    ``working_days``) for ``team``; the first edit of a team also names its region."""
    commitment = commitment_kind(kind)
    if (hours is None) == (working_days is None):
        raise ValidationError("allowance", "agreements.give_allowance_in_hours_or_in")
    unit = AllowanceUnit.HOURS if hours is not None else AllowanceUnit.WORKING_DAYS
    amount = hours if hours is not None else working_days
    policy = SlaPolicy(commitment, amount, unit)  # type: ignore[arg-type]
    code = known_region(region).code if region is not None else None
    with store.transaction():
        me = current_user(store)
        if me.role != Role.MANAGER:
            raise PermissionDeniedError("agreements.only_managers_set_teams_sla_policies")
        if me.team is not None and team != me.team:
            raise PermissionDeniedError("agreements.set_sla_policies_team_only", team=me.team)
        row = store.query_one("SELECT * FROM sla_policies WHERE team = ?", (team,))
        if row is None:
            if code is None:
                raise ValidationError(
                    "region", "agreements.team_has_no_sla_policies_yet", team=team
                )
            policies = DEFAULT_AGREEMENT.policies.replace(policy)
            values: dict[str, Any] = {
                "team": team,
                "region": code,
                "policies": policies.to_data(),
                "changed_by": me.id,
            }
            return SlaAgreement.from_row(create_record(store, "sla_policies", values))
        current = SlaAgreement.from_row(row)
        # The stored object as it is, so a commitment a newer server added survives.
        raw = _stored_policies(row)
        raw[str(commitment)] = policy.to_data()
        changes: dict[str, Any] = {"policies": raw, "changed_by": me.id}
        if code is not None:
            changes["region"] = code
        return SlaAgreement.from_row(update_record(store, "sla_policies", current.id, changes))


def _stored_policies(row: Mapping[str, Any]) -> dict[str, Any]:
    value = row["policies"]
    return dict(json.loads(value) if isinstance(value, str) else value)
