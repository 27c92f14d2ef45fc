"""The words the screen shows for the core's codes, and the two labels every screen builds.

One place for the words of the vocabulary (outcomes, visit statuses, teams, tiers, stages,
what a change does), of the collections and their fields, and of the connection state, so
a word reads the same on every screen; and for ``plain_label`` and ``error_label``.
``tests/ui/test_labels.py`` fails if a table of these words or another such label factory
appears elsewhere in ``ui/``.

Each string is a literal ``QCoreApplication.translate("Labels", …)`` call so that lupdate
finds it; the tables are built when asked for, after the translator is installed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from fieldapp.catalogue import (
    CATALOGUE,
    FollowUpStatus,
    HandoffAction,
    LeadStatus,
    MutationOp,
    NoteKind,
    OpportunityStage,
    Role,
    Team,
    VisitOutcome,
    VisitStatus,
)
from fieldapp.catalogue.kinds import Choice
from fieldapp.catalogue.vocabulary import InboxSource, Tier
from fieldapp.team.policies import CommitmentKind
from fieldapp.usecases.inbox import InboxKind
from fieldapp.usecases.work_queue import LEAD_RETURNED
from ui.sync_worker import Connection
from ui.theme.palette import LIGHT
from ui.widgets.styling import follow_palette

# The one colour of an error on screen, the palette's "danger" role (ui/theme/palette.py),
# as the light palette has it. Error labels take the current palette's and follow a
# light/dark switch (``error_label``); these constants are what a light window shows.
ERROR_COLOUR = LIGHT.danger
ERROR_STYLE = f"color: {ERROR_COLOUR};"


# -- labels ---------------------------------------------------------------------------
def plain_label(text: str = "", *, name: str = "", selectable: bool = False) -> QLabel:
    """A wrapping label that shows its text as it is: people's words are never markup.

    ``selectable`` lets the mouse select and copy the text (a phone number, a note); it
    costs a text layout per size change, so long lists of labels leave it off.
    """
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_label(name: str) -> QLabel:
    """A line that explains what went wrong, in the error colour, hidden until it has
    something to say; selectable, so the sentence can be copied into a message."""
    label = plain_label(name=name, selectable=True)
    # Its own sheet, not only the application's role="error": it is red in a dialog or
    # test with no application style sheet too; re-set on each light/dark switch.
    follow_palette(label, lambda palette: label.setStyleSheet(f"color: {palette.danger};"))
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Say ``text`` on an error line, or hide the line when there is nothing to say."""
    label.setText(text)
    label.setVisible(bool(text))


# -- the vocabulary -------------------------------------------------------------------
def outcome_label(code: str | None) -> str:
    if code is None:
        return QCoreApplication.translate("Labels", "No outcome")
    labels: dict[str, str] = {
        VisitOutcome.ORDER_PLACED: QCoreApplication.translate("Labels", "Order placed"),
        VisitOutcome.POSITIVE: QCoreApplication.translate("Labels", "Positive"),
        VisitOutcome.NEUTRAL: QCoreApplication.translate("Labels", "Neutral"),
        VisitOutcome.NEGATIVE: QCoreApplication.translate("Labels", "Negative"),
    }
    return labels.get(code, code)


def visit_status_label(code: str) -> str:
    labels: dict[str, str] = {
        VisitStatus.PLANNED: QCoreApplication.translate("Labels", "Planned"),
        VisitStatus.CHECKED_IN: QCoreApplication.translate("Labels", "Checked in"),
        VisitStatus.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
        VisitStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
        VisitStatus.NO_SHOW: QCoreApplication.translate("Labels", "No-show"),
    }
    return labels.get(code, code)


def team_label(code: str) -> str:
    labels: dict[str, str] = {
        Team.INSIDE: QCoreApplication.translate("Labels", "Inside team"),
        Team.FIELD: QCoreApplication.translate("Labels", "Field team"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    labels: dict[str, str] = {
        Role.FIELD: QCoreApplication.translate("Labels", "Field rep"),
        Role.INSIDE: QCoreApplication.translate("Labels", "Inside rep"),
        Role.MANAGER: QCoreApplication.translate("Labels", "Manager"),
    }
    return labels.get(code, code)


def team_in_sentence(code: str) -> str:
    """A team named inside a sentence ("for the inside team", French "pour l'équipe
    interne"), where the label's capital and missing article would read wrong."""
    labels: dict[str, str] = {
        Team.INSIDE: QCoreApplication.translate("Labels", "the inside team"),
        Team.FIELD: QCoreApplication.translate("Labels", "the field team"),
    }
    return labels.get(code, code)


def tier_label(code: str) -> str:
    return QCoreApplication.translate("Labels", "Tier %1").replace("%1", code)


def stage_label(code: str) -> str:
    """An opportunity's stage."""
    labels: dict[str, str] = {
        OpportunityStage.PROSPECTING: QCoreApplication.translate("Labels", "Prospecting"),
        OpportunityStage.QUALIFICATION: QCoreApplication.translate("Labels", "Qualification"),
        OpportunityStage.PROPOSAL: QCoreApplication.translate("Labels", "Proposal"),
        OpportunityStage.NEGOTIATION: QCoreApplication.translate("Labels", "Negotiation"),
        OpportunityStage.CLOSED_WON: QCoreApplication.translate("Labels", "Closed — won"),
        OpportunityStage.CLOSED_LOST: QCoreApplication.translate("Labels", "Closed — lost"),
    }
    return labels.get(code, code)


def note_kind_label(code: str) -> str:
    labels: dict[str, str] = {
        NoteKind.VISIT_REPORT: QCoreApplication.translate("Labels", "Visit report"),
        NoteKind.FOR_FIELD: QCoreApplication.translate("Labels", "Note for the field"),
        NoteKind.FEEDBACK: QCoreApplication.translate("Labels", "Feedback"),
    }
    return labels.get(code, code)


def choice_label(collection: str, field: str, code: str) -> str:
    """The word for a value of any choice field of the catalogue (a visit's status, a
    follow-up's team, a note's kind), for screens that show fields generically (the sync
    page, the conflict dialog); a field that is not a choice keeps its value."""
    known = collection in CATALOGUE and field in CATALOGUE[collection].names
    kind = CATALOGUE[collection].field(field).kind if known else None
    if not isinstance(kind, Choice):
        return code
    options = kind.options
    if options in (VisitStatus, FollowUpStatus, LeadStatus):
        return record_status_label(collection, code)
    words = {
        VisitOutcome: outcome_label,
        OpportunityStage: stage_label,
        Team: team_label,
        Role: role_label,
        Tier: tier_label,
        NoteKind: note_kind_label,
        HandoffAction: handoff_step_label,
        InboxSource: collection_label,
    }.get(options)
    return words(code) if words is not None else code


def operation_label(op: str) -> str:
    """What a change waiting in the outbox (or refused by the server) does to its record."""
    labels: dict[str, str] = {
        MutationOp.CREATE: QCoreApplication.translate("Labels", "New"),
        MutationOp.UPDATE: QCoreApplication.translate("Labels", "Edit"),
        MutationOp.DELETE: QCoreApplication.translate("Labels", "Deletion"),
    }
    return labels.get(op, op)


def inbox_kind_label(kind: str, action: str | None = None) -> str:
    """What an inbox item is, in plain words, from the reader's side; ``action`` tells an
    accepted lead from a returned one."""
    if kind == InboxKind.LEAD_ANSWERED:
        if action == HandoffAction.RETURNED:
            return QCoreApplication.translate("Labels", "Your lead was returned")
        return QCoreApplication.translate("Labels", "Your lead was accepted")
    labels: dict[str, str] = {
        InboxKind.FEEDBACK: QCoreApplication.translate("Labels", "New feedback on your report"),
        InboxKind.PINNED_NOTE: QCoreApplication.translate("Labels", "Note pinned for you"),
        InboxKind.LEAD_HANDED: QCoreApplication.translate("Labels", "Lead handed to you"),
        InboxKind.LEAD_WITHDRAWN: QCoreApplication.translate("Labels", "Lead withdrawn"),
        InboxKind.FOLLOW_UP_ASSIGNED: QCoreApplication.translate(
            "Labels", "Follow-up handed to you"
        ),
        InboxKind.FOLLOW_UP_CLAIMED: QCoreApplication.translate(
            "Labels", "Your follow-up was taken on"
        ),
        InboxKind.FOLLOW_UP_COMPLETED: QCoreApplication.translate(
            "Labels", "Your follow-up was completed"
        ),
        InboxKind.COMMENT: QCoreApplication.translate("Labels", "New comment"),
    }
    return labels.get(kind, kind)


def handoff_step_label(code: str) -> str:
    """One step in the history of a hand-off (a lead or a follow-up)."""
    labels: dict[str, str] = {
        HandoffAction.HANDED: QCoreApplication.translate("Labels", "Handed over"),
        HandoffAction.REASSIGNED: QCoreApplication.translate("Labels", "Reassigned"),
        HandoffAction.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        HandoffAction.RETURNED: QCoreApplication.translate("Labels", "Returned"),
        HandoffAction.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
        HandoffAction.CLAIMED: QCoreApplication.translate("Labels", "Claimed"),
        HandoffAction.RELEASED: QCoreApplication.translate("Labels", "Released"),
        HandoffAction.COMMENTED: QCoreApplication.translate("Labels", "Comment"),
        HandoffAction.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
        HandoffAction.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
        HandoffAction.REOPENED: QCoreApplication.translate("Labels", "Reopened"),
    }
    return labels.get(code, code)


def owed_label(kind: str) -> str:
    """What a work-queue item asks of the person who owes it (a commitment's kind, or a
    lead that came back)."""
    labels: dict[str, str] = {
        CommitmentKind.REPORT_REVIEWED: QCoreApplication.translate("Labels", "Report to review"),
        CommitmentKind.FOLLOW_UP_HANDLED: QCoreApplication.translate("Labels", "Follow-up"),
        CommitmentKind.REPORT_WRITTEN: QCoreApplication.translate("Labels", "Report to write"),
        CommitmentKind.LEAD_VISIT_PLANNED: QCoreApplication.translate(
            "Labels", "Lead: plan the visit"
        ),
        CommitmentKind.LEAD_VISIT_HELD: QCoreApplication.translate(
            "Labels", "Lead: hold the visit"
        ),
        LEAD_RETURNED: QCoreApplication.translate("Labels", "Lead returned"),
    }
    return labels.get(kind, kind)


def commitment_label(kind: str) -> str:
    """A kind of commitment as the dashboard counts it: what was owed, done in time."""
    labels: dict[str, str] = {
        CommitmentKind.REPORT_WRITTEN: QCoreApplication.translate("Labels", "Reports written"),
        CommitmentKind.REPORT_REVIEWED: QCoreApplication.translate("Labels", "Reports reviewed"),
        CommitmentKind.LEAD_VISIT_PLANNED: QCoreApplication.translate(
            "Labels", "Leads: visit planned"
        ),
        CommitmentKind.LEAD_VISIT_HELD: QCoreApplication.translate("Labels", "Leads: visit held"),
        CommitmentKind.FOLLOW_UP_HANDLED: QCoreApplication.translate(
            "Labels", "Follow-ups handled"
        ),
    }
    return labels.get(kind, kind)


def median_label(kind: str) -> str:
    """What the median of a kind of commitment measures, from start to answer."""
    labels: dict[str, str] = {
        CommitmentKind.REPORT_WRITTEN: QCoreApplication.translate("Labels", "visit end → report"),
        CommitmentKind.REPORT_REVIEWED: QCoreApplication.translate("Labels", "report → review"),
        CommitmentKind.LEAD_VISIT_PLANNED: QCoreApplication.translate(
            "Labels", "hand-off → visit planned"
        ),
        CommitmentKind.LEAD_VISIT_HELD: QCoreApplication.translate(
            "Labels", "hand-off → first visit"
        ),
        CommitmentKind.FOLLOW_UP_HANDLED: QCoreApplication.translate("Labels", "handed → handled"),
    }
    return labels.get(kind, kind)


def allowance_unit_label(code: str) -> str:
    """The unit of an SLA allowance."""
    if code == "hours":
        return QCoreApplication.translate("Labels", "hours")
    return QCoreApplication.translate("Labels", "working days")


def region_label(code: str) -> str:
    """A team's region: whose public holidays and time zone its clocks follow."""
    labels: dict[str, str] = {
        "QC": QCoreApplication.translate("Labels", "Québec (Montréal time)"),
        "FR": QCoreApplication.translate("Labels", "France (Paris time)"),
        "BE": QCoreApplication.translate("Labels", "Belgium (Brussels time)"),
    }
    return labels.get(code, code)


def record_status_label(collection: str, code: str) -> str:
    """A record's status in its own collection's words (a visit, a follow-up, a lead)."""
    if collection == "visits":
        return visit_status_label(code)
    if collection == "opportunities":
        return stage_label(code)
    labels: dict[str, str] = {
        FollowUpStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        FollowUpStatus.DONE: QCoreApplication.translate("Labels", "Done"),
        LeadStatus.HANDED: QCoreApplication.translate("Labels", "Waiting for an answer"),
        LeadStatus.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        LeadStatus.RETURNED: QCoreApplication.translate("Labels", "Returned"),
        LeadStatus.WITHDRAWN: QCoreApplication.translate("Labels", "Withdrawn"),
    }
    if code == FollowUpStatus.CANCELLED:
        return QCoreApplication.translate("Labels", "Cancelled")
    return labels.get(code, code)


def figure_state_label(code: str) -> str:
    """What became of a record a figure counts (the drill-down's groups)."""
    labels: dict[str, str] = {
        "held": QCoreApplication.translate("Labels", "Held"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "no_show": QCoreApplication.translate("Labels", "No-show"),
        "open": QCoreApplication.translate("Labels", "Not closed yet"),
        "covered": QCoreApplication.translate("Labels", "Visited in time"),
        "overdue": QCoreApplication.translate("Labels", "Overdue"),
        "not_due_yet": QCoreApplication.translate("Labels", "Not due yet"),
        "converted": QCoreApplication.translate("Labels", "Followed by a won deal"),
        "waiting": QCoreApplication.translate("Labels", "Window still open"),
        "not_converted": QCoreApplication.translate("Labels", "No won deal"),
        "on_time": QCoreApplication.translate("Labels", "On time"),
        "late": QCoreApplication.translate("Labels", "Late"),
        "pending": QCoreApplication.translate("Labels", "Not due yet"),
        "past_due": QCoreApplication.translate("Labels", "Past due"),
    }
    return labels.get(code, code)


def drill_column_label(code: str) -> str:
    """A column of the records behind a figure: a field's own word, or who it names."""
    labels: dict[str, str] = {
        "account": QCoreApplication.translate("Labels", "Account"),
        "state": QCoreApplication.translate("Labels", "Counted as"),
        "rep": QCoreApplication.translate("Labels", "Rep"),
        "owner": QCoreApplication.translate("Labels", "Owner"),
        "author": QCoreApplication.translate("Labels", "Author"),
        "assignee": QCoreApplication.translate("Labels", "Handed to"),
        "created_at": QCoreApplication.translate("Labels", "Written at"),
    }
    return labels.get(code) or field_labels().get(code, code)


def import_field_label(name: str) -> str:
    """A column of an imported CSV file: a field's own word, or the account a contact's row
    names (by name and city, not linked by id: ``fieldapp.imports``)."""
    labels: dict[str, str] = {
        "account": QCoreApplication.translate("Labels", "Account"),
        "account_city": QCoreApplication.translate("Labels", "Account's city"),
    }
    return labels.get(name) or field_labels().get(name, name)


def kpi_table_label(name: str) -> str:
    """A table of the key figures (``fieldapp.kpi.dashboard.TABLES``), as a CSV export names it."""
    labels: dict[str, str] = {
        "visits": QCoreApplication.translate("Labels", "Visits planned vs held"),
        "coverage": QCoreApplication.translate("Labels", "Coverage of key accounts"),
        "overdue": QCoreApplication.translate("Labels", "Accounts overdue for a visit"),
        "conversion": QCoreApplication.translate("Labels", "Meeting to deal conversion"),
        "travel": QCoreApplication.translate("Labels", "Travel"),
        "sla": QCoreApplication.translate("Labels", "Hand-offs on time"),
        "breaches": QCoreApplication.translate("Labels", "SLA breaches"),
        "backlog": QCoreApplication.translate("Labels", "Reports awaiting review"),
    }
    return labels.get(name, name)


# -- collections and fields -----------------------------------------------------------
def collection_label(collection: str) -> str:
    """One record of the collection: "Account" for ``accounts``."""
    return {
        "accounts": QCoreApplication.translate("Labels", "Account"),
        "contacts": QCoreApplication.translate("Labels", "Contact"),
        "opportunities": QCoreApplication.translate("Labels", "Opportunity"),
        "visits": QCoreApplication.translate("Labels", "Visit"),
        "notes": QCoreApplication.translate("Labels", "Note"),
        "follow_ups": QCoreApplication.translate("Labels", "Follow-up"),
        "reviews": QCoreApplication.translate("Labels", "Review"),
        "users": QCoreApplication.translate("Labels", "User"),
        "sla_policies": QCoreApplication.translate("Labels", "Team agreement"),
        "leads": QCoreApplication.translate("Labels", "Lead"),
        "priorities": QCoreApplication.translate("Labels", "Priority"),
        "handoff_events": QCoreApplication.translate("Labels", "Hand-off step"),
        "inbox_reads": QCoreApplication.translate("Labels", "Read mark"),
    }.get(collection, collection)


def field_labels() -> dict[str, str]:
    """Every field a person may see, by its code (built once per reload, not per cell)."""
    return {
        "name": QCoreApplication.translate("Labels", "Name"),
        "tier": QCoreApplication.translate("Labels", "Tier"),
        "address": QCoreApplication.translate("Labels", "Address"),
        "city": QCoreApplication.translate("Labels", "City"),
        "postal_code": QCoreApplication.translate("Labels", "Postal code"),
        "country": QCoreApplication.translate("Labels", "Country"),
        "latitude": QCoreApplication.translate("Labels", "Latitude"),
        "longitude": QCoreApplication.translate("Labels", "Longitude"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "visit_frequency_days": QCoreApplication.translate("Labels", "Visit every (days)"),
        "first_name": QCoreApplication.translate("Labels", "First name"),
        "last_name": QCoreApplication.translate("Labels", "Last name"),
        "job_title": QCoreApplication.translate("Labels", "Job title"),
        "stage": QCoreApplication.translate("Labels", "Stage"),
        "amount": QCoreApplication.translate("Labels", "Amount"),
        "currency": QCoreApplication.translate("Labels", "Currency"),
        "close_date": QCoreApplication.translate("Labels", "Close date"),
        "planned_start": QCoreApplication.translate("Labels", "Planned start"),
        "planned_end": QCoreApplication.translate("Labels", "Planned end"),
        "route_position": QCoreApplication.translate("Labels", "Place in the route"),
        "status": QCoreApplication.translate("Labels", "Status"),
        "checked_in_at": QCoreApplication.translate("Labels", "Checked in at"),
        "checked_out_at": QCoreApplication.translate("Labels", "Checked out at"),
        "outcome": QCoreApplication.translate("Labels", "Outcome"),
        "summary": QCoreApplication.translate("Labels", "Summary"),
        "next_steps": QCoreApplication.translate("Labels", "Next steps"),
        "kind": QCoreApplication.translate("Labels", "Kind"),
        "body": QCoreApplication.translate("Labels", "Text"),
        "pinned": QCoreApplication.translate("Labels", "Pinned for the field"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "details": QCoreApplication.translate("Labels", "Details"),
        "assignee_team": QCoreApplication.translate("Labels", "Team"),
        "due_date": QCoreApplication.translate("Labels", "Due date"),
        "completed_at": QCoreApplication.translate("Labels", "Completed at"),
        "reviewed_at": QCoreApplication.translate("Labels", "Reviewed at"),
        "username": QCoreApplication.translate("Labels", "User name"),
        "display_name": QCoreApplication.translate("Labels", "Display name"),
        "role": QCoreApplication.translate("Labels", "Role"),
        "team": QCoreApplication.translate("Labels", "Team"),
        "territory": QCoreApplication.translate("Labels", "Territory"),
        # Links read as what they point to, and the hand-offs' own fields (issue 11).
        "account_id": QCoreApplication.translate("Labels", "Account"),
        "owner_id": QCoreApplication.translate("Labels", "Owner"),
        "rep_id": QCoreApplication.translate("Labels", "Field rep"),
        "contacts_met": QCoreApplication.translate("Labels", "Contacts met"),
        "visit_id": QCoreApplication.translate("Labels", "Visit"),
        "author_id": QCoreApplication.translate("Labels", "Author"),
        "reply_to_id": QCoreApplication.translate("Labels", "Reply to"),
        "arrived_at": QCoreApplication.translate("Labels", "Arrived at"),
        "pinned_at": QCoreApplication.translate("Labels", "Pinned at"),
        "assignee_user_id": QCoreApplication.translate("Labels", "Handed to"),
        "origin_visit_id": QCoreApplication.translate("Labels", "From the visit"),
        "origin_note_id": QCoreApplication.translate("Labels", "From the note"),
        "created_by": QCoreApplication.translate("Labels", "Created by"),
        "claimed_by": QCoreApplication.translate("Labels", "Claimed by"),
        "claimed_at": QCoreApplication.translate("Labels", "Claimed at"),
        "handed_at": QCoreApplication.translate("Labels", "Handed at"),
        "note_id": QCoreApplication.translate("Labels", "Visit report"),
        "reviewer_id": QCoreApplication.translate("Labels", "Reviewer"),
        "handed_by": QCoreApplication.translate("Labels", "Handed by"),
        "assignee_id": QCoreApplication.translate("Labels", "Field rep"),
        "why": QCoreApplication.translate("Labels", "Why"),
        "who_to_see": QCoreApplication.translate("Labels", "Who to see"),
        "promised": QCoreApplication.translate("Labels", "What was promised"),
        "reason": QCoreApplication.translate("Labels", "Reason"),
        "accepted_at": QCoreApplication.translate("Labels", "Accepted at"),
        "returned_at": QCoreApplication.translate("Labels", "Returned at"),
        "day": QCoreApplication.translate("Labels", "Day"),
        "flagged_by": QCoreApplication.translate("Labels", "Flagged by"),
        "lead_id": QCoreApplication.translate("Labels", "Lead"),
        "follow_up_id": QCoreApplication.translate("Labels", "Follow-up"),
        "action": QCoreApplication.translate("Labels", "Step"),
        "actor_id": QCoreApplication.translate("Labels", "By"),
        "to_user_id": QCoreApplication.translate("Labels", "To"),
        "to_team": QCoreApplication.translate("Labels", "To the team"),
        "note": QCoreApplication.translate("Labels", "Comment"),
        "at": QCoreApplication.translate("Labels", "Time"),
        "user_id": QCoreApplication.translate("Labels", "Person"),
        "item_collection": QCoreApplication.translate("Labels", "Kind of item"),
        "item_id": QCoreApplication.translate("Labels", "Item"),
        "read": QCoreApplication.translate("Labels", "Read"),
        "region": QCoreApplication.translate("Labels", "Region"),
        "policies": QCoreApplication.translate("Labels", "Allowances"),
        "changed_by": QCoreApplication.translate("Labels", "Changed by"),
    }


# -- the connection -------------------------------------------------------------------
@dataclass(frozen=True)
class ConnectionWords:
    """The connection state as the window says it: ``short`` where room is scarce (the
    status bar, the Sync page's heading), ``detail`` (a sentence) where it is not."""

    short: str
    detail: str


def connection_words(connection: Connection, syncing: bool) -> ConnectionWords:
    if syncing:
        return ConnectionWords(
            QCoreApplication.translate("Labels", "Syncing…"),
            QCoreApplication.translate("Labels", "Sending your changes and receiving others'."),
        )
    if connection is Connection.ONLINE:
        return ConnectionWords(
            QCoreApplication.translate("Labels", "Online"),
            QCoreApplication.translate("Labels", "Changes are sent as you save them."),
        )
    if connection is Connection.OFFLINE:
        return ConnectionWords(
            QCoreApplication.translate("Labels", "Offline"),
            QCoreApplication.translate(
                "Labels", "Changes are kept here and sent when the server answers."
            ),
        )
    if connection is Connection.SIGNED_OUT:
        return ConnectionWords(
            QCoreApplication.translate("Labels", "Signed out"),
            QCoreApplication.translate(
                "Labels", "Sign in again to sync; changes are kept here meanwhile."
            ),
        )
    # No cycle has answered yet in this session: the last sync may be minutes or days old.
    return ConnectionWords(
        QCoreApplication.translate("Labels", "Connection not checked yet"),
        QCoreApplication.translate("Labels", "Changes are kept here and sent at the next sync."),
    )
