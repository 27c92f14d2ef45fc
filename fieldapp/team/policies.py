"""SLA policies: the teams' agreement on what each owes the other and by when, as data.

A policy set lives on the server and reaches every laptop as JSON::

    {"report_written": {"hours": 24}, "follow_up_handled": {"working_days": 2}, ...}

Each kind of commitment has exactly one allowance, in calendar hours or in working days.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from fieldapp.errors import ValidationError, given, listed
from fieldapp.validation import whole_number


class CommitmentKind(StrEnum):
    """What one team owes the other; each item under an SLA is one of these."""

    REPORT_WRITTEN = "report_written"  # field rep: the visit report, from the visit's end
    FOLLOW_UP_HANDLED = "follow_up_handled"  # inside team: a follow-up handed to it
    REPORT_REVIEWED = "report_reviewed"  # inside team: a report, from its arrival
    LEAD_VISIT_PLANNED = "lead_visit_planned"  # field rep: a first visit for a handed lead
    LEAD_VISIT_HELD = "lead_visit_held"  # field rep: that first visit, held


class AllowanceUnit(StrEnum):
    HOURS = "hours"  # elapsed time: nights, weekends and holidays count
    WORKING_DAYS = "working_days"  # whole working days of the owner's region


# Bounds that catch a typing accident (240 for 24) without getting in a team's way.
LIMITS: Mapping[AllowanceUnit, int] = MappingProxyType(
    {AllowanceUnit.HOURS: 24 * 30, AllowanceUnit.WORKING_DAYS: 60}
)


def _label(kind: CommitmentKind, unit: AllowanceUnit) -> str:
    return f"The allowance of {kind} in {unit.replace('_', ' ')}"


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    kind: CommitmentKind
    amount: int
    unit: AllowanceUnit

    def __post_init__(self) -> None:
        # A policy built in code obeys the same bounds as one parsed from the server.
        whole_number(
            f"sla.{self.kind}.{self.unit}",
            self.amount,
            label=_label(self.kind, self.unit),
            minimum=1,
            maximum=LIMITS[self.unit],
        )

    def to_data(self) -> dict[str, int]:
        return {str(self.unit): self.amount}


@dataclass(frozen=True, slots=True)
class SlaPolicies:
    """One policy per kind of commitment; every kind always has one."""

    by_kind: Mapping[CommitmentKind, SlaPolicy]

    def __post_init__(self) -> None:
        missing = [k for k in CommitmentKind if k not in self.by_kind]
        wrong = [k for k, p in self.by_kind.items() if p.kind != k]
        if missing or wrong:
            raise ValueError(f"policy set incomplete or mislabelled: {missing + wrong}")
        object.__setattr__(self, "by_kind", MappingProxyType(dict(self.by_kind)))

    def __getitem__(self, kind: CommitmentKind) -> SlaPolicy:
        return self.by_kind[kind]

    def __iter__(self) -> Iterator[SlaPolicy]:
        return (self.by_kind[k] for k in CommitmentKind)

    def replace(self, policy: SlaPolicy) -> SlaPolicies:
        """The same set with one kind's policy changed (a manager's edit)."""
        return SlaPolicies({**self.by_kind, policy.kind: policy})

    def to_data(self) -> dict[str, dict[str, int]]:
        """The JSON-ready form that ``parse_policies`` reads back."""
        return {str(p.kind): p.to_data() for p in self}


DEFAULT_POLICIES = SlaPolicies(
    {
        k: SlaPolicy(k, amount, unit)
        for k, amount, unit in (
            (CommitmentKind.REPORT_WRITTEN, 24, AllowanceUnit.HOURS),
            (CommitmentKind.FOLLOW_UP_HANDLED, 2, AllowanceUnit.WORKING_DAYS),
            (CommitmentKind.REPORT_REVIEWED, 1, AllowanceUnit.WORKING_DAYS),
            (CommitmentKind.LEAD_VISIT_PLANNED, 3, AllowanceUnit.WORKING_DAYS),
            (CommitmentKind.LEAD_VISIT_HELD, 10, AllowanceUnit.WORKING_DAYS),
        )
    }
)


_KINDS = frozenset(k.value for k in CommitmentKind)


def commitment_kind(value: Any) -> CommitmentKind:
    if isinstance(value, str) and value in _KINDS:
        return CommitmentKind(value)
    raise ValidationError(
        "sla.kind",
        "policies.commitment_must_one_got",
        value=listed(CommitmentKind),
        value2=reprlib.repr(value),
        got=given(value),
    )


def parse_policy(kind: Any, data: Any) -> SlaPolicy:
    """One kind's policy from ``{"hours": 24}`` or ``{"working_days": 2}``."""
    kind = commitment_kind(kind)
    field = f"sla.{kind}"
    units = [u for u in AllowanceUnit if isinstance(data, Mapping) and u in data]
    if not isinstance(data, Mapping) or len(units) != 1 or len(data) != 1:
        raise ValidationError(
            field,
            "policies.policy_for_must_give_exactly_one",
            kind=kind,
            value=reprlib.repr(data),
        )
    unit = units[0]
    return SlaPolicy(kind, data[unit], unit)


def parse_policies(data: Any, *, ignore_unknown_kinds: bool = False) -> SlaPolicies:
    """A policy set from plain data; a kind it leaves out keeps its default.

    Strict by default (a manager's typo is refused with its name). A laptop reading the
    server's set passes ``ignore_unknown_kinds`` so that a kind added by a newer server
    does not make it throw away the whole agreement.
    """
    if not isinstance(data, Mapping):
        raise ValidationError("sla", "policies.sla_policies_must_object_keyed_by")
    policies = dict(DEFAULT_POLICIES.by_kind)
    for key, value in data.items():
        if ignore_unknown_kinds and not (isinstance(key, str) and key in _KINDS):
            continue
        policy = parse_policy(key, value)
        policies[policy.kind] = policy
    return SlaPolicies(policies)
