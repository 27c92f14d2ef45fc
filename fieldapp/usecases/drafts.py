"""The visit report form: what it shows, its unsaved draft, and how it becomes real changes.

While the rep types, the form is kept as a draft (``fieldapp.store.drafts``: local only,
never queued for the CRM). Saving logs the visit, moves opportunity stages and creates the
follow-ups; completing does that and checks out, all in one transaction that also drops
the draft, so a report is either a draft or real changes, never half of each.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fieldapp.catalogue import VisitStatus
from fieldapp.errors import ValidationError
from fieldapp.records import (
    Contact,
    FollowUp,
    Note,
    Opportunity,
    User,
    Visit,
)
from fieldapp.store.changes import get_record
from fieldapp.store.database import Store
from fieldapp.store.drafts import discard_draft, load_draft, save_draft
from fieldapp.usecases.accounts import update_opportunity_stage
from fieldapp.usecases.briefing import Briefing, account_briefing
from fieldapp.usecases.follow_ups import create_follow_up
from fieldapp.usecases.visits import complete_visit, get_visit, log_visit

log = logging.getLogger(__name__)

REPORT_KEY_PREFIX = "visit-report:"
OPEN_STATUSES = (VisitStatus.PLANNED, VisitStatus.CHECKED_IN)
# Who a follow-up can go to: a team, or a person ("user:<id>").
INSIDE_TEAM = "team:inside"
FIELD_TEAM = "team:field"
USER_PREFIX = "user:"


def report_key(visit_id: str) -> str:
    return f"{REPORT_KEY_PREFIX}{visit_id}"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class FollowUpDraft:
    title: str = ""
    assignee: str = INSIDE_TEAM  # INSIDE_TEAM, FIELD_TEAM or "user:<id>"
    due_date: str = ""  # ISO date, "" when none was chosen

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "assignee": self.assignee, "due_date": self.due_date}

    @classmethod
    def from_json(cls, body: Any) -> FollowUpDraft:
        if not isinstance(body, Mapping):
            return cls()
        return cls(
            _text(body.get("title")),
            _text(body.get("assignee")) or INSIDE_TEAM,
            _text(body.get("due_date")),
        )


@dataclass(frozen=True, slots=True)
class VisitReportDraft:
    """Everything the report form holds, as typed (not yet checked)."""

    contacts_met: tuple[str, ...] = ()
    outcome: str | None = None
    summary: str = ""
    next_steps: str = ""
    follow_ups: tuple[FollowUpDraft, ...] = ()  # new ones only; saved ones are records
    # Only the stages the rep changed, so a stale draft never undoes a move made elsewhere.
    stages: tuple[tuple[str, str], ...] = ()  # (opportunity id, stage)

    def to_json(self) -> dict[str, Any]:
        return {
            "contacts_met": list(self.contacts_met),
            "outcome": self.outcome,
            "summary": self.summary,
            "next_steps": self.next_steps,
            "follow_ups": [f.to_json() for f in self.follow_ups],
            "stages": dict(self.stages),
        }

    @classmethod
    def from_json(cls, body: Mapping[str, Any]) -> VisitReportDraft:
        """Lenient: a draft written by another version of the form still opens."""
        contacts = body.get("contacts_met")
        follow_ups = body.get("follow_ups")
        stages = body.get("stages")
        return cls(
            contacts_met=tuple(c for c in contacts if isinstance(c, str))
            if isinstance(contacts, list)
            else (),
            outcome=_text(body.get("outcome")) or None,
            summary=_text(body.get("summary")),
            next_steps=_text(body.get("next_steps")),
            follow_ups=tuple(FollowUpDraft.from_json(f) for f in follow_ups)
            if isinstance(follow_ups, list)
            else (),
            stages=tuple(
                (k, v) for k, v in stages.items() if isinstance(k, str) and isinstance(v, str)
            )
            if isinstance(stages, Mapping)
            else (),
        )

    @classmethod
    def of_visit(cls, visit: Visit) -> VisitReportDraft:
        """The form as the visit record already holds it (nothing unsaved)."""
        return cls(
            contacts_met=visit.contacts_met,
            outcome=visit.outcome,
            summary=visit.summary or "",
            next_steps=visit.next_steps or "",
        )


@dataclass(frozen=True, slots=True)
class VisitReportForm:
    """What the visit window shows: the visit, its choices, and an unsaved draft if any."""

    visit: Visit
    briefing: Briefing
    people: tuple[User, ...]
    saved_follow_ups: tuple[FollowUp, ...]
    draft: VisitReportDraft | None
    draft_saved_at: str | None

    @property
    def is_open(self) -> bool:
        return self.visit.status in OPEN_STATUSES

    @property
    def contacts(self) -> tuple[Contact, ...]:
        return self.briefing.contacts

    @property
    def opportunities(self) -> tuple[Opportunity, ...]:
        return self.briefing.open_opportunities

    @property
    def report(self) -> VisitReportDraft:
        """The draft when there is one, else what the visit record holds."""
        return self.draft if self.draft is not None else VisitReportDraft.of_visit(self.visit)


@dataclass(frozen=True, slots=True)
class CompletedReport:
    visit: Visit
    report: Note
    follow_ups: tuple[FollowUp, ...]


def visit_report_form(store: Store, visit_id: str) -> VisitReportForm:
    visit = get_visit(store, visit_id)
    people = tuple(
        User.from_row(r) for r in store.query("SELECT * FROM users ORDER BY display_name, id")
    )
    saved = tuple(
        FollowUp.from_row(r)
        for r in store.query(
            "SELECT * FROM follow_ups WHERE origin_visit_id = ? ORDER BY due_date, title, id",
            (visit_id,),
        )
    )
    draft = load_draft(store, report_key(visit_id))
    # A draft of a visit that was completed or cancelled meanwhile (on another laptop, by
    # sync) has nowhere to go: it is not offered, and the next save of the form replaces it.
    usable = draft is not None and visit.status in OPEN_STATUSES
    return VisitReportForm(
        visit=visit,
        briefing=account_briefing(store, visit.account_id),
        people=people,
        saved_follow_ups=saved,
        draft=VisitReportDraft.from_json(draft.body) if usable and draft else None,
        draft_saved_at=draft.saved_at if usable and draft else None,
    )


def save_report_draft(store: Store, visit_id: str, draft: VisitReportDraft) -> str | None:
    """Keep the form as typed; returns when it was saved, or None if the visit is closed.

    A late autosave (queued just before the visit was completed) must not bring back the
    draft that completing discarded, hence the status check in the same transaction.
    """
    with store.transaction():
        if get_visit(store, visit_id).status not in OPEN_STATUSES:
            return None
        return save_draft(store, report_key(visit_id), draft.to_json()).saved_at


def discard_report_draft(store: Store, visit_id: str) -> None:
    discard_draft(store, report_key(visit_id))


def save_visit_report(store: Store, visit_id: str, draft: VisitReportDraft) -> VisitReportForm:
    """Log the visit (it stays checked in), move stages, create the new follow-ups."""
    with store.transaction():
        visit = log_visit(
            store,
            visit_id,
            outcome=draft.outcome,
            summary=draft.summary,
            contacts_met=draft.contacts_met,
            next_steps=draft.next_steps,
        )
        _apply_stages(store, visit, draft.stages)
        _create_follow_ups(store, visit, draft.follow_ups)
        discard_report_draft(store, visit_id)
        return visit_report_form(store, visit_id)


def complete_visit_report(
    store: Store, visit_id: str, draft: VisitReportDraft, *, at: datetime | None = None
) -> CompletedReport:
    """Log, check out (the report note goes to the inside team), stages and follow-ups."""
    with store.transaction():
        visit, report = complete_visit(
            store,
            visit_id,
            outcome=draft.outcome or "",
            summary=draft.summary,
            contacts_met=draft.contacts_met,
            next_steps=draft.next_steps,
            at=at,
        )
        _apply_stages(store, visit, draft.stages)
        created = _create_follow_ups(store, visit, draft.follow_ups)
        discard_report_draft(store, visit_id)
    return CompletedReport(visit, report, created)


def _apply_stages(store: Store, visit: Visit, stages: Sequence[tuple[str, str]]) -> None:
    for opportunity_id, stage in stages:
        field = f"stages.{opportunity_id}"
        opportunity = Opportunity.from_row(get_record(store, "opportunities", opportunity_id))
        if opportunity.account_id != visit.account_id:
            raise ValidationError(field, "drafts.opportunity_belongs_another_account")
        try:
            update_opportunity_stage(store, opportunity_id, stage)
        except ValidationError as exc:
            raise ValidationError(
                field, "drafts.error", opportunity=opportunity.name, message=exc.message
            ) from exc


def _create_follow_ups(
    store: Store, visit: Visit, follow_ups: Sequence[FollowUpDraft]
) -> tuple[FollowUp, ...]:
    created = []
    for index, item in enumerate(follow_ups):
        # The field names the row, so the form can put the message next to it.
        try:
            team, user_id = _assignee(item.assignee)
            created.append(
                create_follow_up(
                    store,
                    visit.account_id,
                    title=item.title,
                    due_date=_due_date(item.due_date),
                    assignee_team=team,
                    assignee_user_id=user_id,
                    origin_visit_id=visit.id,
                )
            )
        except ValidationError as exc:
            raise ValidationError(
                f"follow_ups.{index}.{exc.field}",
                "drafts.follow_up",
                value=index + 1,
                message=exc.message,
            ) from exc
    return tuple(created)


def _assignee(assignee: str) -> tuple[str | None, str | None]:
    if assignee in (INSIDE_TEAM, FIELD_TEAM):
        return assignee.removeprefix("team:"), None
    if assignee.startswith(USER_PREFIX) and len(assignee) > len(USER_PREFIX):
        return None, assignee.removeprefix(USER_PREFIX)
    raise ValidationError("assignee", "drafts.choose_who_follow_up_for")


def _due_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError("due_date", "drafts.choose_due_date") from None
