"""The SLA of the period: per kind of commitment, the on-time share, the breaches (who,
what, how late) and the median time to the answer.

Each commitment that started in the period is judged as ``fieldapp.team.sla`` judges it,
with its team's agreement (the ``sla_policies`` the server syncs: the policy of its kind
and the working days of the team's region), as the work queue and the server judge it; a
team with no agreement yet has the default policies and the provisional region of
``team_regions``:

- done at or before its due time: **on time**; done after it: **late** (by done - due);
- still open after its due time: **overdue** (by now - due); open before it: **pending**.

On-time share = on time / (on time + late + overdue): pending items have no answer yet.
Breaches = late + overdue. The median time to the answer is taken over done items,
measured as the allowance is: elapsed time for an allowance in hours, working time of the
region for one in working days. Where teams in scope agreed different allowances for a
kind, its policy reads as each of them ("24 hours / 36 hours") and its median is in the
unit most of its items were judged in.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, ClassVar, NamedTuple

from fieldapp.kpi.commitments import (
    DEFAULT_REGION,
    SOURCES,
    Commitment,
    CommitmentSource,
    team_regions,
)
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import ScopeKind
from fieldapp.kpi.table import Ids, Table, ids_data, share
from fieldapp.kpi.timeline import WorkingTimeline, text_of
from fieldapp.team.commitments import Agreement
from fieldapp.team.policies import AllowanceUnit, CommitmentKind, SlaPolicies, SlaPolicy
from fieldapp.team.regions import Region
from fieldapp.usecases.agreements import agreement_for, agreements

# What a manager reads each median as.
MEDIAN_LABELS: Mapping[CommitmentKind, str] = {
    CommitmentKind.REPORT_WRITTEN: "visit end → report",
    CommitmentKind.REPORT_REVIEWED: "report → review",
    CommitmentKind.LEAD_VISIT_PLANNED: "hand-off → first visit planned",
    CommitmentKind.LEAD_VISIT_HELD: "hand-off → first visit",
    CommitmentKind.FOLLOW_UP_HANDLED: "follow-up handed → handled",
}
# A due time more than this far after the period needs no working-day table beyond it.
_HORIZON = timedelta(days=120)


class Breach(NamedTuple):
    """One breached commitment: who owed what, and how late. A tuple: a quarter of an
    organisation can hold tens of thousands."""

    kind: CommitmentKind
    collection: str
    record_id: str
    account_id: str | None
    account_name: str | None
    owner: str
    started_epoch: int  # UTC epoch seconds
    due_epoch: int
    done_epoch: int | None  # None: still open (overdue)
    late_seconds: int  # done - due, or now - due while open

    @property
    def started_at(self) -> str:
        return text_of(self.started_epoch)

    @property
    def due_at(self) -> str:
        return text_of(self.due_epoch)

    @property
    def done_at(self) -> str | None:
        return None if self.done_epoch is None else text_of(self.done_epoch)


@dataclass(frozen=True, slots=True)
class KindSla:
    kind: CommitmentKind
    policy: str  # "24 hours", "1 working day"
    measured: bool  # False: no source reads this kind yet (the hand-off collections)
    on_time: Ids
    late: Ids
    overdue: Ids
    pending: Ids
    median_seconds: float | None  # time to the answer, over done items
    median_unit: AllowanceUnit

    @property
    def judged(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.overdue)

    @property
    def on_time_share(self) -> float | None:
        return share(len(self.on_time), self.judged)

    def to_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "policy": self.policy,
            "measured": self.measured,
            "on_time": ids_data(self.on_time),
            "late": ids_data(self.late),
            "overdue": ids_data(self.overdue),
            "pending": ids_data(self.pending),
            "on_time_share": self.on_time_share,
            "median": MEDIAN_LABELS[self.kind],
            "median_seconds": self.median_seconds,
            "median_measured_in": "working time"
            if self.median_unit is AllowanceUnit.WORKING_DAYS
            else "elapsed time",
        }


@dataclass(frozen=True, slots=True)
class SlaFigure:
    name: ClassVar[str] = "sla"
    title: ClassVar[str] = "SLA: on-time share, breaches, medians"

    kinds: tuple[KindSla, ...]  # every kind, measured or not
    breaches: tuple[Breach, ...]  # the latest first

    def kind(self, kind: CommitmentKind) -> KindSla:
        return next(k for k in self.kinds if k.kind is kind)

    def table(self) -> Table:
        return Table(
            (
                "commitment",
                "policy",
                "measured",
                "on_time",
                "late",
                "overdue",
                "pending",
                "on_time_share",
                "median",
                "median_hours",
                "median_measured_in",
            ),
            tuple(
                (
                    k.kind,
                    k.policy,
                    k.measured,
                    len(k.on_time),
                    len(k.late),
                    len(k.overdue),
                    len(k.pending),
                    k.on_time_share,
                    MEDIAN_LABELS[k.kind],
                    None if k.median_seconds is None else round(k.median_seconds / 3600, 3),
                    "working time"
                    if k.median_unit is AllowanceUnit.WORKING_DAYS
                    else "elapsed time",
                )
                for k in self.kinds
            ),
        )

    def breach_table(self) -> Table:
        return Table(
            (
                "commitment",
                "collection",
                "id",
                "account_id",
                "account",
                "owner",
                "started_at",
                "due_at",
                "done_at",
                "late_hours",
            ),
            tuple(
                (
                    b.kind,
                    b.collection,
                    b.record_id,
                    b.account_id,
                    b.account_name,
                    b.owner,
                    b.started_at,
                    b.due_at,
                    b.done_at,
                    round(b.late_seconds / 3600, 2),
                )
                for b in self.breaches
            ),
        )

    def records(self) -> Table:
        rows = [
            (k.kind, state, record_id)
            for k in self.kinds
            for state in ("on_time", "late", "overdue", "pending")
            for record_id in sorted(getattr(k, state))
        ]
        return Table(("commitment", "state", "id"), tuple(rows))

    def to_data(self) -> dict[str, Any]:
        return {
            "by_kind": [k.to_data() for k in self.kinds],
            "breaches": [
                {
                    "kind": b.kind,
                    "collection": b.collection,
                    "id": b.record_id,
                    "account_id": b.account_id,
                    "account": b.account_name,
                    "owner": b.owner,
                    "started_at": b.started_at,
                    "due_at": b.due_at,
                    "done_at": b.done_at,
                    "late_seconds": b.late_seconds,
                }
                for b in self.breaches
            ],
        }


def policy_text(policies: SlaPolicies, kind: CommitmentKind) -> str:
    return allowance_text(policies[kind])


def allowance_text(policy: SlaPolicy) -> str:
    unit = "hour" if policy.unit is AllowanceUnit.HOURS else "working day"
    return f"{policy.amount} {unit}{'' if policy.amount == 1 else 's'}"


def sla(
    reading: Reading,
    *,
    policies: SlaPolicies | None = None,
    sources: Sequence[CommitmentSource] = SOURCES,
    regions: Mapping[str | None, Region] | None = None,
    held: Mapping[str, Agreement] | None = None,
) -> SlaFigure:
    """``policies``: the same for every team instead of each team's agreement (``held``,
    read from the store unless given); ``regions``: the region of each team with no
    agreement (``team_regions`` unless given)."""
    held = agreements(reading.store) if held is None else held
    regions = team_regions(reading.store) if regions is None else regions
    period = reading.period
    now = int(reading.now.timestamp())
    last_day = max(period.last_day, reading.now.astimezone(period.zone).date()) + _HORIZON
    by_region: dict[Region, WorkingTimeline] = {}
    by_team: dict[str | None, tuple[SlaPolicies, WorkingTimeline]] = {}

    def terms(team: str | None) -> tuple[SlaPolicies, WorkingTimeline]:
        found = by_team.get(team)
        if found is not None:
            return found
        agreement = agreement_for(held, team)
        if agreement.is_default:
            region = regions.get(team) or regions.get(None) or DEFAULT_REGION
        else:
            region = agreement.region
        line = by_region.get(region)
        if line is None:
            first = period.first_day - timedelta(days=1)
            line = by_region[region] = WorkingTimeline(region, first, last_day)
        found = by_team[team] = (policies or agreement.policies, line)
        return found

    states: dict[CommitmentKind, tuple[list[str], list[str], list[str], list[str]]] = {
        kind: ([], [], [], []) for kind in CommitmentKind
    }
    durations: dict[CommitmentKind, list[int]] = {kind: [] for kind in CommitmentKind}
    # The allowances each kind was judged by, and how many items each judged.
    used: dict[CommitmentKind, dict[SlaPolicy, int]] = {kind: {} for kind in CommitmentKind}
    breaches: list[tuple[Commitment, int, int]] = []
    measured = {kind for source in sources for kind in source.kinds}
    for source in sources:
        for item in source.commitments(reading):
            kind, _, record_id, _, _, team, start, done = item
            team_policies, line = terms(team)
            policy = team_policies[kind]
            counts = used[kind]
            counts[policy] = counts.get(policy, 0) + 1
            if policy.unit is AllowanceUnit.HOURS:
                due = start + policy.amount * 3600
                took = None if done is None else done - start
            else:
                due = line.due(start, policy)
                took = None if done is None else line.working_seconds(start, done)
            on_time, late, overdue, pending = states[kind]
            if done is not None:
                durations[kind].append(took)  # type: ignore[arg-type]  # done: set
                if done <= due:
                    on_time.append(record_id)
                else:
                    late.append(record_id)
                    breaches.append((item, due, done - due))
            elif now > due:
                overdue.append(record_id)
                breaches.append((item, due, now - due))
            else:
                pending.append(record_id)
    # A kind nobody owed in the period reads as the scope's agreement says.
    scope_team = reading.scope.name if reading.scope.kind is ScopeKind.TEAM else None
    usual = policies or agreement_for(held, scope_team).policies
    kinds = []
    for kind in CommitmentKind:
        judged = used[kind] or {usual[kind]: 0}
        texts = sorted({allowance_text(p) for p in judged})
        unit = max(judged.items(), key=lambda pair: (pair[1], pair[0].unit.value))[0].unit
        kinds.append(
            KindSla(
                kind,
                " / ".join(texts),
                kind in measured,
                *_tuples(states[kind]),
                _median(durations[kind]),
                unit,
            )
        )
    names = _account_names(reading, {b[0].account_id for b in breaches if b[0].account_id})
    breaches.sort(key=lambda b: (-b[2], b[0].kind, b[0].record_id))
    new = tuple.__new__  # Breach built in C (a named tuple's own __new__ is Python)
    return SlaFigure(
        tuple(kinds),
        tuple(
            new(
                Breach,
                (
                    item.kind,
                    item.collection,
                    item.record_id,
                    item.account_id,
                    names.get(item.account_id or ""),
                    item.owner,
                    item.started_at,
                    due,
                    item.done_at,
                    late,
                ),
            )
            for item, due, late in breaches
        ),
    )


def _tuples(
    lists: tuple[list[str], list[str], list[str], list[str]],
) -> tuple[Ids, Ids, Ids, Ids]:
    on_time, late, overdue, pending = lists
    return tuple(on_time), tuple(late), tuple(overdue), tuple(pending)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def _account_names(reading: Reading, account_ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(account_ids)
    if not wanted:
        return {}
    return dict(
        reading.store.rows(
            "SELECT id, name FROM accounts WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
    )
