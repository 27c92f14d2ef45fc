"""What the manager's Service levels dialog reads and writes: the teams' agreements a
manager may set, and a set of allowance edits saved all at once or not at all."""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.kpi.commitments import team_regions
from fieldapp.store.database import Store
from fieldapp.team.commitments import Agreement
from fieldapp.team.policies import AllowanceUnit, CommitmentKind
from fieldapp.usecases.agreements import agreements, set_sla_policy
from fieldapp.usecases.people import current_user


@dataclass(frozen=True)
class Agreements:
    """What the dialog needs, read on the store worker."""

    teams: tuple[str, ...]  # the teams this manager may set
    held: dict[str, Agreement]  # the agreements the laptop holds, by team
    regions: dict[str, str]  # each team's region code (its agreement's, else the guess)


def read_agreements(store: Store) -> Agreements:
    me = current_user(store)
    everyone = sorted(
        {row[0] for row in store.rows("SELECT DISTINCT team FROM users WHERE team IS NOT NULL")}
    )
    teams = tuple(everyone if me.team is None else [me.team])
    held = agreements(store)
    guessed = team_regions(store)
    regions = {
        team: (held[team].region.code if team in held else guessed.get(team, guessed[None]).code)
        for team in teams
    }
    return Agreements(teams, held, regions)


@dataclass(frozen=True)
class Edit:
    kind: CommitmentKind
    amount: int
    unit: AllowanceUnit


def save_edits(store: Store, team: str, region: str | None, edits: list[Edit]) -> int:
    """Every edit, or none: one transaction (the use case's own nest as savepoints)."""
    with store.transaction():
        for edit in edits:
            hours = edit.amount if edit.unit is AllowanceUnit.HOURS else None
            days = edit.amount if edit.unit is AllowanceUnit.WORKING_DAYS else None
            set_sla_policy(
                store, team, str(edit.kind), hours=hours, working_days=days, region=region
            )
    return len(edits)
