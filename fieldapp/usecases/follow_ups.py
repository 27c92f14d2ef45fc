"""Follow-ups: the tasks handed from the field to the inside team (or to oneself), and
their hand-off: claimed from the team's queue, completed with an outcome that goes back,
reassigned, released, cancelled or reopened. Each step is a synced change; the server
stamps the times that start and stop the SLA clock and writes the history."""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp import validation as check
from fieldapp.catalogue import INSIDE_ROLES, FollowUpStatus, Role, Team, clean
from fieldapp.errors import (
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from fieldapp.records import FollowUp, User
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.notes import get_note
from fieldapp.usecases.people import current_user, get_user
from fieldapp.usecases.visits import get_visit

# Which sales team a role belongs to, to take a follow-up handed to that team.
TEAM_OF_ROLE = {Role.FIELD: Team.FIELD, Role.INSIDE: Team.INSIDE, Role.MANAGER: Team.INSIDE}


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
        raise ValidationError("assignee", "follow_ups.assign_follow_up_team_or_person_not")
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
            raise ValidationError("origin_visit_id", "follow_ups.visit_belongs_another_account")
        if origin_note_id is not None and get_note(store, origin_note_id).account_id != account_id:
            raise ValidationError("origin_note_id", "follow_ups.note_belongs_another_account")
        fields["created_by"] = me.id
        return FollowUp.from_row(create_record(store, "follow_ups", fields))


def _is_hand_off(follow_up: FollowUp) -> bool:
    """Handed to a team or to someone else (not one's own reminder)."""
    return follow_up.assignee_user_id is None or follow_up.assignee_user_id != follow_up.created_by


def _owes_or_may_take(me: User, follow_up: FollowUp) -> bool:
    """The claimer; unclaimed, the person it is handed to, or a member of its team."""
    if follow_up.claimed_by is not None:
        return follow_up.claimed_by == me.id
    if follow_up.assignee_user_id is not None:
        return follow_up.assignee_user_id == me.id
    return TEAM_OF_ROLE[me.role] == follow_up.assignee_team


def _open(store: Store, follow_up_id: str) -> FollowUp:
    follow_up = get_follow_up(store, follow_up_id)
    if follow_up.status != FollowUpStatus.OPEN:
        raise InvalidStateError("follow_ups.follow_up", status=follow_up.status)
    return follow_up


def claim_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    """Take a follow-up from the team's queue: it is mine to handle now."""
    with store.transaction():
        me = current_user(store)
        follow_up = _open(store, follow_up_id)
        if follow_up.claimed_by == me.id:
            return follow_up
        if follow_up.claimed_by is not None:
            holder = get_user(store, follow_up.claimed_by).display_name
            raise InvalidStateError("follow_ups.claimed_first_ask_them_release_or", holder=holder)
        if not _owes_or_may_take(me, follow_up) and me.role != Role.MANAGER:
            raise PermissionDeniedError("follow_ups.follow_up_handed_someone_else")
        return FollowUp.from_row(
            update_record(store, "follow_ups", follow_up_id, {"claimed_by": me.id})
        )


def release_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    """Put a claimed follow-up back in its team's queue."""
    with store.transaction():
        me = current_user(store)
        follow_up = _open(store, follow_up_id)
        if follow_up.claimed_by is None:
            return follow_up
        if follow_up.claimed_by != me.id and me.role not in INSIDE_ROLES:
            raise PermissionDeniedError("follow_ups.only_person_who_claimed_releases")
        return FollowUp.from_row(
            update_record(store, "follow_ups", follow_up_id, {"claimed_by": None})
        )


def complete_follow_up(store: Store, follow_up_id: str, outcome: str | None = None) -> FollowUp:
    """Done, with what was done: the outcome goes back to whoever handed it over (needed
    for a hand-off; one's own reminder may be closed without one). The server records the
    time it receives the completion: that is when the SLA clock stops."""
    text = clean("follow_ups", "outcome", outcome)
    with store.transaction():
        me = current_user(store)
        follow_up = _open(store, follow_up_id)
        mine = _owes_or_may_take(me, follow_up) or follow_up.created_by == me.id
        if not mine and me.role != Role.MANAGER:
            raise PermissionDeniedError("follow_ups.only_person_who_owes_follow_up_completes")
        if text is None and _is_hand_off(follow_up):
            raise ValidationError("outcome", "follow_ups.say_what_was_done_outcome_goes")
        changes: dict[str, Any] = {"status": FollowUpStatus.DONE, "outcome": text}
        if follow_up.claimed_by is None and follow_up.assignee_team is not None:
            changes["claimed_by"] = me.id  # whoever completes it took it
        return FollowUp.from_row(update_record(store, "follow_ups", follow_up_id, changes))


def reassign_follow_up(
    store: Store,
    follow_up_id: str,
    *,
    to_user_id: str | None = None,
    to_team: str | None = None,
) -> FollowUp:
    """Hand the follow-up to another person or team. It stays due when it was: a
    reassignment is not an answer (docs/team-loop.md)."""
    if (to_user_id is None) == (to_team is None):
        raise ValidationError("assignee", "follow_ups.reassign_one_person_or_one_team")
    with store.transaction():
        me = current_user(store)
        follow_up = _open(store, follow_up_id)
        allowed = (
            _owes_or_may_take(me, follow_up)
            or follow_up.created_by == me.id
            or me.role in INSIDE_ROLES
        )
        if not allowed:
            raise PermissionDeniedError("follow_ups.only_author_person_who_owes_or")
        changes: dict[str, Any] = {"claimed_by": None}
        if to_team is not None:
            changes.update(
                assignee_team=clean("follow_ups", "assignee_team", to_team),
                assignee_user_id=None,
            )
        else:
            try:
                person = get_user(store, str(to_user_id))
            except NotFoundError:
                raise ValidationError("to_user_id", "follow_ups.choose_who_takes_over") from None
            changes.update(assignee_user_id=person.id, assignee_team=None)
        if (
            changes.get("assignee_user_id") == follow_up.assignee_user_id
            and changes.get("assignee_team") == follow_up.assignee_team
        ):
            raise ValidationError("assignee", "follow_ups.already_handed_them")
        return FollowUp.from_row(update_record(store, "follow_ups", follow_up_id, changes))


def cancel_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    with store.transaction():
        me = current_user(store)
        follow_up = _open(store, follow_up_id)
        if follow_up.created_by != me.id and me.role not in INSIDE_ROLES:
            raise PermissionDeniedError("follow_ups.only_author_or_inside_team_cancels")
        return FollowUp.from_row(
            update_record(store, "follow_ups", follow_up_id, {"status": FollowUpStatus.CANCELLED})
        )


def reopen_follow_up(store: Store, follow_up_id: str) -> FollowUp:
    """A follow-up done too soon goes back to whoever owed it; its clock runs again."""
    with store.transaction():
        me = current_user(store)
        follow_up = get_follow_up(store, follow_up_id)
        if follow_up.status != FollowUpStatus.DONE:
            raise InvalidStateError("follow_ups.follow_up_not_done", status=follow_up.status)
        allowed = (
            _owes_or_may_take(me, follow_up)
            or follow_up.created_by == me.id
            or me.role in INSIDE_ROLES
        )
        if not allowed:
            raise PermissionDeniedError("follow_ups.only_author_or_person_who_owes")
        return FollowUp.from_row(
            update_record(store, "follow_ups", follow_up_id, {"status": FollowUpStatus.OPEN})
        )


def open_follow_ups(store: Store, account_id: str) -> list[FollowUp]:
    rows = store.query(
        "SELECT * FROM follow_ups WHERE account_id = ? AND status = 'open' ORDER BY due_date",
        (account_id,),
    )
    return [FollowUp.from_row(r) for r in rows]
