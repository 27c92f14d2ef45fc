"""Typed, read-only views of the records the use cases return."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Self

TIERS = ("A", "B", "C")
# How often an account should be visited when it has no target of its own.
DEFAULT_VISIT_FREQUENCY_DAYS = {"A": 14, "B": 30, "C": 90}
ROLES = ("field", "inside", "manager")
VISIT_STATUSES = ("planned", "checked_in", "completed", "cancelled", "no_show")
VISIT_OUTCOMES = ("order_placed", "positive", "neutral", "negative")
NOTE_KINDS = ("visit_report", "for_field", "feedback")
FOLLOW_UP_STATUSES = ("open", "done", "cancelled")
TEAMS = ("inside", "field")
OPPORTUNITY_STAGES = (
    "prospecting",
    "qualification",
    "proposal",
    "negotiation",
    "closed_won",
    "closed_lost",
)
OPEN_OPPORTUNITY_STAGES = OPPORTUNITY_STAGES[:4]


class _Record:
    """Build a record from a database row, ignoring columns the dataclass does not show."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass(frozen=True, slots=True)
class User(_Record):
    id: str
    username: str
    display_name: str
    role: str
    email: str | None = None
    team: str | None = None
    territory: str | None = None


@dataclass(frozen=True, slots=True)
class Account(_Record):
    id: str
    name: str
    tier: str
    address: str | None
    city: str | None
    postal_code: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    phone: str | None
    owner_id: str | None
    visit_frequency_days: int | None
    version: int | None
    created_at: str
    updated_at: str

    @property
    def effective_visit_frequency_days(self) -> int:
        return self.visit_frequency_days or DEFAULT_VISIT_FREQUENCY_DAYS[self.tier]


@dataclass(frozen=True, slots=True)
class Contact(_Record):
    id: str
    account_id: str
    first_name: str | None
    last_name: str
    job_title: str | None
    email: str | None
    phone: str | None
    version: int | None
    created_at: str
    updated_at: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.first_name else self.last_name


@dataclass(frozen=True, slots=True)
class Opportunity(_Record):
    id: str
    account_id: str
    name: str
    stage: str
    amount: float | None
    currency: str | None
    close_date: str | None
    owner_id: str | None
    version: int | None
    created_at: str
    updated_at: str


# No slots here: slots=True rebuilds the class, which breaks super() in from_row.
@dataclass(frozen=True)
class Visit(_Record):
    id: str
    account_id: str
    rep_id: str
    planned_start: str
    planned_end: str
    route_position: int | None
    status: str
    checked_in_at: str | None
    checked_out_at: str | None
    contacts_met: tuple[str, ...]
    outcome: str | None
    summary: str | None
    next_steps: str | None
    version: int | None
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        met = row.get("contacts_met") or []
        if isinstance(met, str):
            met = json.loads(met)
        return super().from_row({**row, "contacts_met": tuple(met)})


@dataclass(frozen=True)
class Note(_Record):
    id: str
    account_id: str
    visit_id: str | None
    author_id: str
    kind: str
    body: str
    pinned: bool
    reply_to_id: str | None
    version: int | None
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        return super().from_row({**row, "pinned": bool(row.get("pinned"))})


@dataclass(frozen=True, slots=True)
class FollowUp(_Record):
    id: str
    account_id: str
    title: str
    details: str | None
    assignee_user_id: str | None
    assignee_team: str | None
    due_date: str
    status: str
    origin_visit_id: str | None
    origin_note_id: str | None
    created_by: str | None
    completed_at: str | None
    version: int | None
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Review(_Record):
    id: str
    note_id: str
    reviewer_id: str
    reviewed_at: str
    version: int | None
    created_at: str
    updated_at: str
