"""The records behind a figure (the drill-down): the visits, accounts, reports, follow-ups,
leads or won deals whose ids a number keeps, read back as rows a person can scan.

A figure's count *is* the number of its ids (``fieldapp/kpi/table.py``); this module only
reads those records, in the order a person expects (by time, then by name), for a dialog
and its CSV. Pure reads, like every module of ``fieldapp.kpi``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from fieldapp.errors import ValidationError
from fieldapp.kpi.table import Cell, Ids, Table
from fieldapp.store.database import Store
from fieldapp.team.policies import CommitmentKind

# The record each kind of commitment is about (``fieldapp.team.commitments``).
KIND_COLLECTION: Mapping[CommitmentKind, str] = MappingProxyType(
    {
        CommitmentKind.REPORT_WRITTEN: "visits",
        CommitmentKind.REPORT_REVIEWED: "notes",
        CommitmentKind.LEAD_VISIT_PLANNED: "leads",
        CommitmentKind.LEAD_VISIT_HELD: "leads",
        CommitmentKind.FOLLOW_UP_HANDLED: "follow_ups",
    }
)

# Every table starts with the record's id and its account's (to open either), then the
# account's name; the rest is what tells one record from another.
_NAME = "(SELECT display_name FROM users WHERE id = {})"
_ACCOUNT = "(SELECT name FROM accounts WHERE id = r.account_id)"
_QUERIES: Mapping[str, tuple[tuple[str, ...], str]] = MappingProxyType(
    {
        "visits": (
            ("rep", "planned_start", "status", "outcome"),
            f"""SELECT r.id, r.account_id, {_ACCOUNT}, {_NAME.format("r.rep_id")},
                       r.planned_start, r.status, r.outcome
                FROM visits r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.planned_start, r.id""",
        ),
        "accounts": (
            ("tier", "city", "owner", "visit_frequency_days"),
            f"""SELECT r.id, r.id, r.name, r.tier, r.city, {_NAME.format("r.owner_id")},
                       r.visit_frequency_days
                FROM accounts r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.tier, r.name, r.id""",
        ),
        "notes": (
            ("author", "created_at", "arrived_at"),
            f"""SELECT r.id, r.account_id, {_ACCOUNT}, {_NAME.format("r.author_id")},
                       r.created_at, r.arrived_at
                FROM notes r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.created_at, r.id""",
        ),
        "follow_ups": (
            ("title", "assignee", "due_date", "status"),
            f"""SELECT r.id, r.account_id, {_ACCOUNT}, r.title,
                       COALESCE({_NAME.format("r.assignee_user_id")}, r.assignee_team),
                       r.due_date, r.status
                FROM follow_ups r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.due_date, r.id""",
        ),
        "leads": (
            ("assignee", "status", "handed_at"),
            f"""SELECT r.id, r.account_id, {_ACCOUNT}, {_NAME.format("r.assignee_id")},
                       r.status, r.handed_at
                FROM leads r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.handed_at, r.id""",
        ),
        "opportunities": (
            ("name", "stage", "amount", "currency", "close_date"),
            f"""SELECT r.id, r.account_id, {_ACCOUNT}, r.name, r.stage, r.amount,
                       r.currency, r.close_date
                FROM opportunities r WHERE r.id IN (SELECT value FROM json_each(?))
                ORDER BY r.close_date DESC, r.id""",
        ),
    }
)
COLLECTIONS = tuple(_QUERIES)


@dataclass(frozen=True, slots=True)
class Drill:
    """The records behind one number: what they are, and their ids in groups named by what
    became of them (``held``, ``overdue``, an age…); one unnamed group when all are alike."""

    collection: str
    groups: tuple[tuple[str, Ids], ...]

    def __post_init__(self) -> None:
        if self.collection not in _QUERIES:
            raise ValidationError(
                "collection",
                "drill.no_drill_down_into_choose",
                collection=repr(self.collection),
                value=", ".join(COLLECTIONS),
            )

    @classmethod
    def of(cls, collection: str, ids: Iterable[str]) -> Drill:
        return cls(collection, (("", tuple(ids)),))

    @property
    def ids(self) -> Ids:
        return tuple(i for _, ids in self.groups for i in ids)

    @property
    def grouped(self) -> bool:
        return any(name for name, _ in self.groups)


def commitments_drill(kind: CommitmentKind, groups: tuple[tuple[str, Ids], ...]) -> Drill:
    return Drill(KIND_COLLECTION[kind], groups)


def columns_of(drill: Drill) -> tuple[str, ...]:
    extra = _QUERIES[drill.collection][0]
    return ("id", "account_id", "account", *(("state",) if drill.grouped else ()), *extra)


def records_behind(store: Store, drill: Drill) -> Table:
    """The records of ``drill`` as a table: one row per id the profile holds, with the
    name of its group when there are several, in the groups' order."""
    sql = _QUERIES[drill.collection][1]
    found: dict[str, tuple[Cell, ...]] = {}
    wanted = sorted(set(drill.ids))
    if wanted:
        found = {str(row[0]): tuple(row) for row in store.rows(sql, (json.dumps(wanted),))}
    order = {record_id: n for n, record_id in enumerate(found)}
    rows: list[tuple[Cell, ...]] = []
    for name, ids in drill.groups:
        for record_id in sorted((i for i in set(ids) if i in found), key=order.__getitem__):
            row = found[record_id]
            rows.append((*row[:3], name, *row[3:]) if drill.grouped else row)
    return Table(columns_of(drill), tuple(rows))
