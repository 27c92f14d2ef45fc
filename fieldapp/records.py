"""Typed, read-only views of the records the use cases return, and the domain's words.

The record types are declared in the catalogue (``fieldapp.catalogue``), where each field
says its kind and limits; this module is what the use cases and the UI import.
"""

from __future__ import annotations

from fieldapp.catalogue import (
    DEFAULT_VISIT_FREQUENCY_DAYS,
    OPEN_OPPORTUNITY_STAGES,
    Account,
    Contact,
    FollowUp,
    FollowUpStatus,
    HandoffAction,
    HandoffEvent,
    InboxRead,
    InboxSource,
    Lead,
    LeadStatus,
    Note,
    NoteKind,
    Opportunity,
    OpportunityStage,
    Priority,
    Record,
    Review,
    Role,
    SlaAgreement,
    Team,
    Tier,
    User,
    Visit,
    VisitOutcome,
    VisitStatus,
)

TIERS: tuple[Tier, ...] = tuple(Tier)
ROLES: tuple[Role, ...] = tuple(Role)
VISIT_STATUSES: tuple[VisitStatus, ...] = tuple(VisitStatus)
VISIT_OUTCOMES: tuple[VisitOutcome, ...] = tuple(VisitOutcome)
NOTE_KINDS: tuple[NoteKind, ...] = tuple(NoteKind)
FOLLOW_UP_STATUSES: tuple[FollowUpStatus, ...] = tuple(FollowUpStatus)
TEAMS: tuple[Team, ...] = tuple(Team)
OPPORTUNITY_STAGES: tuple[OpportunityStage, ...] = tuple(OpportunityStage)

__all__ = [
    "DEFAULT_VISIT_FREQUENCY_DAYS",
    "FOLLOW_UP_STATUSES",
    "NOTE_KINDS",
    "OPEN_OPPORTUNITY_STAGES",
    "OPPORTUNITY_STAGES",
    "ROLES",
    "TEAMS",
    "TIERS",
    "VISIT_OUTCOMES",
    "VISIT_STATUSES",
    "Account",
    "Contact",
    "FollowUp",
    "FollowUpStatus",
    "HandoffAction",
    "HandoffEvent",
    "InboxRead",
    "InboxSource",
    "Lead",
    "LeadStatus",
    "Note",
    "NoteKind",
    "Opportunity",
    "OpportunityStage",
    "Priority",
    "Record",
    "Review",
    "Role",
    "SlaAgreement",
    "Team",
    "Tier",
    "User",
    "Visit",
    "VisitOutcome",
    "VisitStatus",
]
