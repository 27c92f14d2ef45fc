"""The catalogue: every collection FieldApp replicates, every field, its kind, its limits
and who may write it. The one place to add a field (docs/architecture.md, "Adding a
field"); the local schema, the record types, the checks, the wire format, the server's
rules and the OpenAPI description are derived from it.

Collections are declared parents first: that is the order a page of changes is applied in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fieldapp.catalogue.kinds import (
    Agreement,
    Amount,
    Choice,
    Coordinate,
    Day,
    Email,
    Flag,
    Line,
    Link,
    Links,
    Moment,
    Phone,
    Prose,
    Whole,
)
from fieldapp.catalogue.model import (
    ANY_VALUE,
    ExactlyOne,
    Filing,
    NotBefore,
    Owner,
    Record,
    Stamp,
    Together,
    collection,
)
from fieldapp.catalogue.vocabulary import (
    FollowUpStatus,
    HandoffAction,
    InboxSource,
    LeadStatus,
    NoteKind,
    OpportunityStage,
    Role,
    Team,
    Tier,
    VisitOutcome,
    VisitStatus,
)
from fieldapp.team.policies import SlaPolicies

# How often an account should be visited when it has no target of its own.
DEFAULT_VISIT_FREQUENCY_DAYS = {Tier.A: 14, Tier.B: 30, Tier.C: 90}
# Reviews and pinning notes for the field are the inside team's and the managers' work.
INSIDE_ROLES = (Role.INSIDE, Role.MANAGER)


@collection("users", written_by_clients=False)
@dataclass(frozen=True, slots=True, kw_only=True)
class User(Record):
    """A person of the organisation (the staff directory every laptop receives)."""

    username: Annotated[str, Line(label="Username", max_length=100)]
    display_name: Annotated[str, Line(label="Name")]
    email: Annotated[str | None, Email()]
    role: Annotated[Role, Choice(label="Role", options=Role)]
    team: Annotated[str | None, Line(label="Team", max_length=100)]
    territory: Annotated[str | None, Line(label="Territory")]


@collection(
    "sla_policies",
    filed=Filing.EVERYONE,
    created_by=(Role.MANAGER,),
    created_by_refusal="agreements.only_managers_set_teams_sla_policies",
)
@dataclass(frozen=True, slots=True, kw_only=True)
class SlaAgreement(Record):
    """A team's SLA agreement: what each side owes the other and by when, and the region
    whose working days and holidays its clocks follow (docs/team-loop.md). One per team;
    every laptop receives every team's."""

    team: Annotated[str, Line(label="Team", max_length=100, immutable=True)]
    region: Annotated[str, Line(label="Region", max_length=10)]
    policies: Annotated[SlaPolicies, Agreement(label="SLA policies")]
    changed_by: Annotated[str | None, Link(label="Changed by", to="users")]


@collection(
    "accounts",
    rules=(Together("latitude", "longitude", "accounts.latitude_and_longitude_go_together_give"),),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Account(Record):
    """A customer or prospect organisation."""

    name: Annotated[str, Line(label="Account name")]
    tier: Annotated[Tier, Choice(label="Tier", options=Tier, upper_case=True)]
    address: Annotated[str | None, Line(label="Address")]
    city: Annotated[str | None, Line(label="City")]
    postal_code: Annotated[str | None, Line(label="Postal code", max_length=20)]
    country: Annotated[str | None, Line(label="Country", max_length=60)]
    latitude: Annotated[float | None, Coordinate(label="Latitude", limit=90)]
    longitude: Annotated[float | None, Coordinate(label="Longitude", limit=180)]
    phone: Annotated[str | None, Phone()]
    owner_id: Annotated[str | None, Link(label="Owner", to="users")]
    # Schema 1 checks only "> 0"; the upper bound is the validators' (a CHECK added now
    # would mean rebuilding the table on every laptop).
    visit_frequency_days: Annotated[
        int | None,
        Whole(
            label="Visit frequency (days)",
            minimum=1,
            maximum=730,
            sqlite_check="{name} IS NULL OR {name} > 0",
        ),
    ]

    @property
    def effective_visit_frequency_days(self) -> int:
        return self.visit_frequency_days or DEFAULT_VISIT_FREQUENCY_DAYS[self.tier]


@collection("contacts")
@dataclass(frozen=True, slots=True, kw_only=True)
class Contact(Record):
    """A person at an account."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    first_name: Annotated[str | None, Line(label="First name")]
    last_name: Annotated[str, Line(label="Last name")]
    job_title: Annotated[str | None, Line(label="Job title")]
    email: Annotated[str | None, Email()]
    phone: Annotated[str | None, Phone()]

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.first_name else self.last_name


@collection("opportunities")
@dataclass(frozen=True, slots=True, kw_only=True)
class Opportunity(Record):
    """A potential deal at an account; mostly read in the field."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    name: Annotated[str, Line(label="Name")]
    stage: Annotated[OpportunityStage, Choice(label="Stage", options=OpportunityStage)]
    amount: Annotated[float | None, Amount()]
    currency: Annotated[str | None, Line(label="Currency")]
    close_date: Annotated[str | None, Day(label="Close date")]
    owner_id: Annotated[str | None, Link(label="Owner", to="users")]


@collection(
    "visits",
    rules=(NotBefore("planned_end", "planned_start", "records.visit_cannot_end_before_starts"),),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Visit(Record):
    """A planned or completed face-to-face meeting."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    rep_id: Annotated[str, Link(label="Rep", to="users")]
    planned_start: Annotated[str, Moment(label="Planned start")]
    planned_end: Annotated[str, Moment(label="Planned end")]
    route_position: Annotated[int | None, Whole(label="Route position", minimum=0, maximum=10_000)]
    status: Annotated[VisitStatus, Choice(label="Status", options=VisitStatus)]
    # Reported by the laptop; the server takes them as never later than it received them.
    checked_in_at: Annotated[str | None, Moment(label="Check-in time", not_after_receipt=True)]
    checked_out_at: Annotated[str | None, Moment(label="Check-out time", not_after_receipt=True)]
    contacts_met: Annotated[tuple[str, ...], Links(label="Contacts met", to="contacts")]
    # Schema 1 has no CHECK on the outcome (only the validators know the list).
    outcome: Annotated[
        VisitOutcome | None, Choice(label="Outcome", options=VisitOutcome, sqlite_check=None)
    ]
    summary: Annotated[str | None, Prose(label="Summary")]
    next_steps: Annotated[str | None, Prose(label="Next steps")]


@collection(
    "notes",
    stamps=(Stamp("arrived_at"), Stamp("pinned_at", when=("pinned", True), clear=True)),
    owner=Owner(
        "author_id",
        create_refusal="records.note_written_in_authors_name_only",
        change_refusal="records.only_author_note_may_change_add",
    ),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Note(Record):
    """Free text attached to an account (and optionally a visit): append-only, edited
    only by its author."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    visit_id: Annotated[str | None, Link(label="Visit", to="visits")]
    author_id: Annotated[str, Link(label="Author", to="users", immutable=True)]
    kind: Annotated[NoteKind, Choice(label="Kind of note", options=NoteKind)]
    body: Annotated[str, Prose(label="Note")]
    pinned: Annotated[
        bool,
        Flag(
            label="Pinned",
            set_by=INSIDE_ROLES,
            set_by_refusal="records.pinning_notes_for_field_for_inside",
        ),
    ]
    reply_to_id: Annotated[str | None, Link(label="Reply to", to="notes")]
    # When the server received the note (a visit report "in the CRM"), and when it was
    # last pinned for the field: the server's own clock.
    arrived_at: Annotated[str | None, Moment(label="Arrival time")]
    pinned_at: Annotated[str | None, Moment(label="Pinned at")]


@collection(
    "follow_ups",
    stamps=(
        Stamp("handed_at"),
        Stamp("claimed_at", when=("claimed_by", ANY_VALUE), clear=True),
        Stamp("completed_at", when=("status", FollowUpStatus.DONE), clear=True),
    ),
    rules=(
        ExactlyOne(
            "assignee_user_id",
            "assignee_team",
            "records.follow_up_goes_one_person_or_one",
        ),
    ),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUp(Record):
    """A task handed to a person or a team, with a due date: the unit of the hand-off SLA."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    title: Annotated[str, Line(label="Title")]
    details: Annotated[str | None, Prose(label="Details")]
    assignee_user_id: Annotated[str | None, Link(label="Assignee", to="users")]
    assignee_team: Annotated[Team | None, Choice(label="Team", options=Team)]
    due_date: Annotated[str, Day(label="Due date")]
    status: Annotated[FollowUpStatus, Choice(label="Status", options=FollowUpStatus)]
    origin_visit_id: Annotated[str | None, Link(label="Origin visit", to="visits")]
    origin_note_id: Annotated[str | None, Link(label="Origin note", to="notes")]
    created_by: Annotated[str | None, Link(label="Created by", to="users")]
    # The server's time of its completion (a laptop's own time is ignored).
    completed_at: Annotated[str | None, Moment(label="Completed at")]
    # Who took it from the team's queue, and what was done (the answer that comes back).
    claimed_by: Annotated[str | None, Link(label="Claimed by", to="users")]
    outcome: Annotated[str | None, Prose(label="Outcome")]
    # The server's times: the hand-off accepted (the SLA clock starts), the claim.
    handed_at: Annotated[str | None, Moment(label="Handed at")]
    claimed_at: Annotated[str | None, Moment(label="Claimed at")]

    @property
    def owner_id(self) -> str | None:
        """The person who owes it now (None: the team, until someone claims it)."""
        return self.claimed_by or self.assignee_user_id


@collection(
    "reviews",
    stamps=(Stamp("arrived_at"),),
    owner=Owner(
        "reviewer_id",
        create_refusal="records.review_given_in_reviewers_name_only",
        # Otherwise anyone in scope could put a reviewed report back into the queue.
        change_refusal="records.only_reviewer_may_change_or_withdraw",
    ),
    created_by=INSIDE_ROLES,
    created_by_refusal="records.reviews_for_inside_reps_and_managers",
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Review(Record):
    """An inside rep's acknowledgement that a visit report was read."""

    note_id: Annotated[str, Link(label="Note", to="notes", immutable=True)]
    reviewer_id: Annotated[str, Link(label="Reviewer", to="users", immutable=True)]
    reviewed_at: Annotated[str, Moment(label="Review time")]
    # When the server received the review: the report_reviewed clock stops there.
    arrived_at: Annotated[str | None, Moment(label="Arrival time")]


@collection(
    "leads",
    stamps=(
        Stamp("handed_at", when=("status", LeadStatus.HANDED)),
        Stamp("accepted_at", when=("status", LeadStatus.ACCEPTED)),
        Stamp("returned_at", when=("status", LeadStatus.RETURNED)),
    ),
    created_by=INSIDE_ROLES,
    created_by_refusal="records.leads_handed_field_by_inside_reps",
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Lead(Record):
    """A qualified prospect handed by the inside team to a field rep, with a briefing; the
    field rep accepts it (plans the visit) or returns it with a reason."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    handed_by: Annotated[str, Link(label="Handed by", to="users", immutable=True)]
    assignee_id: Annotated[str, Link(label="Field rep", to="users")]
    status: Annotated[LeadStatus, Choice(label="Status", options=LeadStatus)]
    why: Annotated[str, Prose(label="Why this lead")]
    who_to_see: Annotated[str | None, Prose(label="Who to see")]
    promised: Annotated[str | None, Prose(label="What was promised")]
    reason: Annotated[str | None, Prose(label="Reason")]
    visit_id: Annotated[str | None, Link(label="Visit", to="visits")]
    handed_at: Annotated[str | None, Moment(label="Handed at")]
    accepted_at: Annotated[str | None, Moment(label="Accepted at")]
    returned_at: Annotated[str | None, Moment(label="Returned at")]


@collection(
    "priorities",
    owner=Owner(
        "flagged_by",
        create_refusal="records.priority_flagged_in_authors_name_only",
        change_refusal="records.only_person_who_flagged_priority_may",
    ),
    created_by=INSIDE_ROLES,
    created_by_refusal="records.priorities_flagged_by_inside_reps_and",
)
@dataclass(frozen=True, slots=True, kw_only=True)
class Priority(Record):
    """An account flagged for a field rep's day, with one line of why."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    rep_id: Annotated[str, Link(label="Field rep", to="users", immutable=True)]
    day: Annotated[str, Day(label="Day", immutable=True)]
    why: Annotated[str, Line(label="Why")]
    flagged_by: Annotated[str, Link(label="Flagged by", to="users", immutable=True)]


@collection(
    "handoff_events",
    stamps=(Stamp("at"),),
    append_only=True,
    rules=(ExactlyOne("lead_id", "follow_up_id", "records.step_belongs_one_lead_or_one"),),
    owner=Owner(
        "actor_id",
        create_refusal="records.comment_written_in_authors_name_only",
        change_refusal="server.history_hand_off_never_changed",
    ),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class HandoffEvent(Record):
    """One step of a hand-off's history (handed, accepted, returned, claimed, completed,
    a comment...). The server writes every step but comments itself, so the history is
    complete whatever a laptop sends."""

    account_id: Annotated[str, Link(label="Account", to="accounts", immutable=True)]
    lead_id: Annotated[str | None, Link(label="Lead", to="leads", immutable=True)]
    follow_up_id: Annotated[str | None, Link(label="Follow-up", to="follow_ups", immutable=True)]
    action: Annotated[HandoffAction, Choice(label="Step", options=HandoffAction)]
    actor_id: Annotated[str, Link(label="By", to="users", immutable=True)]
    to_user_id: Annotated[str | None, Link(label="To", to="users")]
    to_team: Annotated[Team | None, Choice(label="To team", options=Team)]
    note: Annotated[str | None, Prose(label="Comment")]
    at: Annotated[str | None, Moment(label="Time")]


@collection(
    "inbox_reads",
    filed=Filing.PERSONAL,
    keyed=True,
    owner=Owner(
        "user_id",
        create_refusal="records.read_marks_ones_own",
        change_refusal="records.read_marks_ones_own",
    ),
)
@dataclass(frozen=True, slots=True, kw_only=True)
class InboxRead(Record):
    """One person's read mark on one inbox item; its id is derived from both
    (``fieldapp.usecases.inbox.read_mark_id``), so a second laptop of the same person marks
    the same record."""

    user_id: Annotated[str, Link(label="Person", to="users", immutable=True)]
    item_collection: Annotated[
        InboxSource, Choice(label="Kind of item", options=InboxSource, immutable=True)
    ]
    item_id: Annotated[str, Line(label="Item", max_length=100, immutable=True)]
    read: Annotated[bool, Flag(label="Read")]
