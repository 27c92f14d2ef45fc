"""The words the records and the protocol are made of: every state, kind and operation is
a ``StrEnum``, so a misspelt one is a mypy error, and a plain string of the same text
still compares equal (SQLite and JSON carry them as text)."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class Role(StrEnum):
    FIELD = "field"
    INSIDE = "inside"
    MANAGER = "manager"


class Team(StrEnum):
    """The two sales teams a follow-up can be handed to."""

    INSIDE = "inside"
    FIELD = "field"


class VisitStatus(StrEnum):
    PLANNED = "planned"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


class VisitOutcome(StrEnum):
    ORDER_PLACED = "order_placed"
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class NoteKind(StrEnum):
    VISIT_REPORT = "visit_report"
    FOR_FIELD = "for_field"
    FEEDBACK = "feedback"


class FollowUpStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class LeadStatus(StrEnum):
    """A lead handed from the inside team to a field rep (a hand-off)."""

    HANDED = "handed"  # waiting on the field rep: accept (plan the visit) or return
    ACCEPTED = "accepted"  # the field rep planned the visit
    RETURNED = "returned"  # the field rep gave it back with a reason
    WITHDRAWN = "withdrawn"  # the inside team closed it (the prospect lost interest)


class HandoffAction(StrEnum):
    """One step in the history of a hand-off (a lead or a follow-up)."""

    HANDED = "handed"
    REASSIGNED = "reassigned"
    ACCEPTED = "accepted"
    RETURNED = "returned"
    WITHDRAWN = "withdrawn"
    CLAIMED = "claimed"
    RELEASED = "released"
    COMMENTED = "commented"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    REOPENED = "reopened"


class InboxSource(StrEnum):
    """The collections an inbox item comes from (what a read mark points at)."""

    NOTES = "notes"
    HANDOFF_EVENTS = "handoff_events"


class OpportunityStage(StrEnum):
    PROSPECTING = "prospecting"
    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"


OPEN_OPPORTUNITY_STAGES = (
    OpportunityStage.PROSPECTING,
    OpportunityStage.QUALIFICATION,
    OpportunityStage.PROPOSAL,
    OpportunityStage.NEGOTIATION,
)


class MutationOp(StrEnum):
    """What a mutation in the outbox does to its record."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class ChangeOp(StrEnum):
    """What an entry of the server's change feed tells a laptop."""

    UPSERT = "upsert"
    DELETE = "delete"


class ApplyResult(StrEnum):
    """The server's answer for one mutation."""

    APPLIED = "applied"
    DUPLICATE = "duplicate"
    CONFLICT = "conflict"
    REJECTED = "rejected"
