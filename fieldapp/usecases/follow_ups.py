"""Follow-ups: the tasks handed from the field to the inside team (or to oneself)."""

from __future__ import annotations

from datetime import date

from fieldapp import validation as check
from fieldapp.catalogue import FollowUpStatus, clean
from fieldapp.clock import to_text
from fieldapp.errors import InvalidStateError, ValidationError
from fieldapp.records import FollowUp
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.notes import get_note
from fieldapp.usecases.people import current_user, get_user
from fieldapp.usecases.visits import get_visit


def get_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    return FollowUp.from_row(get_record(store, "follow_ups", follow_up_id))


def create_follow_up(
    store: Store,
    account_id: str,
    *,
    title: str,
    due_date: date,
    assignee_team: str | None = None,
    assignee_user_id: str | None = None,
    details: str | None = None,
    origin_visit_id: str | None = None,
    origin_note_id: str | None = None,
) -> FollowUp:
    """A task for a team ('inside' or 'field') or a person; with neither, for oneself."""
    fields = {
        "account_id": account_id,
        "title": clean("follow_ups", "title", title),
        "details": clean("follow_ups", "details", details),
        "due_date": check.day("due_date", due_date, label="Due date").isoformat(),
        "status": FollowUpStatus.OPEN,
        "origin_visit_id": origin_visit_id,
        "origin_note_id": origin_note_id,
    }
    if assignee_team is not None and assignee_user_id is not None:
        raise ValidationError("assignee", "Assign a follow-up to a team or a person, not both.")
    if assignee_team is not None:
        fields["assignee_team"] = clean("follow_ups", "assignee_team", assignee_team)
    with store.transaction():
        get_account(store, account_id)
        me = current_user(store)
        if assignee_team is None:
            fields["assignee_user_id"] = (
                get_user(store, assignee_user_id).id if assignee_user_id is not None else me.id
            )
        if (
            origin_visit_id is not None
            and get_visit(store, origin_visit_id).account_id != account_id
        ):
            raise ValidationError("origin_visit_id", "That visit belongs to another account.")
        if origin_note_id is not None and get_note(store, origin_note_id).account_id != account_id:
            raise ValidationError("origin_note_id", "That note belongs to another account.")
        fields["created_by"] = me.id
        return FollowUp.from_row(create_record(store, "follow_ups", fields))


def complete_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    with store.transaction():
        if get_follow_up(store, follow_up_id).status != FollowUpStatus.OPEN:
            raise InvalidStateError("This follow-up is already closed.")
        return FollowUp.from_row(
            update_record(
                store,
                "follow_ups",
                follow_up_id,
                {
                    "status": FollowUpStatus.DONE,
                    "completed_at": to_text(store.clock()),
                },
            )
        )


def open_follow_ups(store: Store, account_id: str) -> list[FollowUp]:
    rows = store.query(
        "SELECT * FROM follow_ups WHERE account_id = ? AND status = 'open' ORDER BY due_date",
        (account_id,),
    )
    return [FollowUp.from_row(r) for r in rows]
