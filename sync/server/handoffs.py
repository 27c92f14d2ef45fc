"""The server's rules for hand-offs, priorities, read marks and the teams' agreements
(issue 11; docs/team-loop.md, "Hand-offs").

Who may create and move each hand-off, checked on the record as it would be after the
change, and the history the server writes itself: every step of a lead or a follow-up but
a comment is a ``handoff_events`` record written in the same transaction as the step, so
the history is complete whatever a laptop sends (an old laptop, a forged request).
``mutations.py`` calls these functions; they raise ``Rejected`` and return data, never
write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fieldapp.catalogue import (
    INSIDE_ROLES,
    FollowUpStatus,
    HandoffAction,
    LeadStatus,
    Role,
    Team,
)
from fieldapp.errors import ValidationError
from fieldapp.ids import derived_id
from fieldapp.team.regions import region
from sync.server.errors import Rejected
from sync.server.scope import Profile, load_profile
from sync.server.tables import records

if TYPE_CHECKING:
    from sync.server.mutations import Caller

# The fields of a lead's briefing: the inside team's words, edited by them only.
BRIEFING = ("why", "who_to_see", "promised")
# Which sales team a role belongs to, to claim a follow-up handed to that team.
_TEAM_OF_ROLE = {Role.FIELD: Team.FIELD, Role.INSIDE: Team.INSIDE, Role.MANAGER: Team.INSIDE}


@dataclass(frozen=True)
class Step:
    """A step of a hand-off's history for the server to write (a ``handoff_events``)."""

    action: HandoffAction
    to_user_id: str | None = None
    to_team: str | None = None
    note: str | None = None


def _live(conn: Connection, collection: str, record_id: Any) -> Any:
    if not isinstance(record_id, str):
        return None
    row = conn.execute(
        sa.select(records).where(records.c.collection == collection, records.c.id == record_id)
    ).first()
    return None if row is None or row.deleted else row


def _name(person: Profile | None, fallback: str = "that person") -> str:
    return person.display_name if person is not None else fallback


def _is_inside(person: Profile) -> bool:
    return person.role in INSIDE_ROLES


# -- who a hand-off can go to -----------------------------------------------------------
def check_field_rep(conn: Connection, caller: Caller, rep_id: Any, territory: str) -> Profile:
    """The field rep ``rep_id``, who covers ``territory`` (so their laptop holds the
    account) and, for a caller with a team, is of that team."""
    rep = load_profile(conn, rep_id) if isinstance(rep_id, str) else None
    if rep is None or rep.role != Role.FIELD:
        raise Rejected("invalid_field", "server.hand_field_rep")
    me = caller.person
    if me.team is not None and rep.team != me.team:
        raise Rejected("forbidden", "handoffs.not_in_team", rep=rep.display_name)
    if rep.territory != territory:
        raise Rejected(
            "invalid_field",
            "server.covers_and_account_in_hand_rep",
            rep=rep.display_name,
            value=rep.territory or "no territory",
            territory=territory,
            territory2=territory,
            rep2=rep.display_name,
        )
    return rep


# -- leads ------------------------------------------------------------------------------
def check_new_lead(conn: Connection, caller: Caller, data: dict[str, Any], territory: str) -> None:
    if data["handed_by"] != caller.person.id:
        raise Rejected("forbidden", "server.lead_handed_in_own_name_only")
    if data["status"] != LeadStatus.HANDED:
        raise Rejected("invalid_state", "server.new_lead_handed_not_yet_answered")
    if data.get("visit_id") is not None or data.get("reason") is not None:
        raise Rejected("invalid_state", "server.new_lead_has_no_visit_and")
    check_field_rep(conn, caller, data["assignee_id"], territory)
    waiting = _open_leads(conn, data["account_id"])
    if waiting:
        rep = load_profile(conn, waiting[0]["assignee_id"])
        raise Rejected(
            "already_handed",
            "server.account_was_already_handed_who_has",
            value=_name(rep),
        )


def _open_leads(conn: Connection, account_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(records.c.data).where(
            records.c.collection == "leads",
            records.c.account_id == account_id,
            ~records.c.deleted,
        )
    ).all()
    found = [json.loads(r.data) for r in rows]
    return [d for d in found if d.get("status") == LeadStatus.HANDED]


def check_lead_change(
    conn: Connection,
    caller: Caller,
    before: dict[str, Any],
    after: dict[str, Any],
    territory: str,
) -> None:
    me = caller.person
    was, now = before["status"], after["status"]
    assignee = before["assignee_id"]
    changed = {name for name in after if after.get(name) != before.get(name)}
    if was == LeadStatus.WITHDRAWN and changed:
        raise Rejected("invalid_state", "server.lead_was_withdrawn_hand_account_over")
    if changed & set(BRIEFING):
        if not _is_inside(me):
            raise Rejected("forbidden", "server.briefing_lead_inside_teams_change")
        if was == LeadStatus.ACCEPTED:
            raise Rejected("invalid_state", "server.lead_was_accepted_add_note_instead")
    if "assignee_id" in changed:
        if not _is_inside(me):
            raise Rejected("forbidden", "server.only_inside_team_reassigns_lead_return")
        if now != LeadStatus.HANDED:
            raise Rejected("invalid_state", "server.only_lead_waiting_for_answer_reassigned")
        check_field_rep(conn, caller, after["assignee_id"], territory)
    if now != was:
        _check_lead_transition(conn, caller, before, after, assignee)
    elif "visit_id" in changed:
        if now != LeadStatus.ACCEPTED or me.id != assignee:
            raise Rejected("forbidden", "server.only_field_rep_who_accepted_lead")
        _check_lead_visit(conn, after, assignee)
    if "reason" in changed and now == was:
        raise Rejected("invalid_state", "server.reason_given_when_lead_returned_or")


def _check_lead_transition(
    conn: Connection, caller: Caller, before: dict[str, Any], after: dict[str, Any], assignee: str
) -> None:
    me = caller.person
    was, now = before["status"], after["status"]
    if was == LeadStatus.ACCEPTED:
        raise Rejected("invalid_state", "server.lead_was_accepted_visit_carries_on")
    if now in (LeadStatus.ACCEPTED, LeadStatus.RETURNED):
        if was != LeadStatus.HANDED:
            raise Rejected("invalid_state", "server.lead_not_waiting_for_answer", was=was)
        if me.id != assignee or after["assignee_id"] != assignee:
            holder = load_profile(conn, assignee)
            raise Rejected(
                "forbidden",
                "server.only_answers",
                value=_name(holder, "the field rep it was handed to"),
            )
        if now == LeadStatus.ACCEPTED:
            _check_lead_visit(conn, after, assignee)
        elif not (after.get("reason") or "").strip():
            raise Rejected("invalid_field", "handoffs.say_why_lead_returned")
        return
    if not _is_inside(me):
        raise Rejected("forbidden", "server.only_inside_team_hands_lead_over")
    if now == LeadStatus.HANDED and was != LeadStatus.RETURNED:
        raise Rejected("invalid_state", "server.lead", was=was)


def _check_lead_visit(conn: Connection, lead: dict[str, Any], assignee: str) -> None:
    visit = _live(conn, "visits", lead.get("visit_id"))
    if visit is None:
        raise Rejected("invalid_field", "server.accepting_lead_plans_visit_give_visit")
    data = json.loads(visit.data)
    if visit.account_id != lead["account_id"] or data.get("rep_id") != assignee:
        raise Rejected("invalid_field", "server.visit_must_field_reps_at_account")


def lead_steps(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Step]:
    if before is None:
        return [Step(HandoffAction.HANDED, to_user_id=after["assignee_id"])]
    was, now = before["status"], after["status"]
    steps = []
    if now != was:
        if now == LeadStatus.ACCEPTED:
            steps.append(Step(HandoffAction.ACCEPTED))
        elif now == LeadStatus.RETURNED:
            steps.append(
                Step(HandoffAction.RETURNED, to_user_id=after["handed_by"], note=after["reason"])
            )
        elif now == LeadStatus.WITHDRAWN:
            steps.append(Step(HandoffAction.WITHDRAWN, note=after.get("reason")))
        elif now == LeadStatus.HANDED:
            steps.append(Step(HandoffAction.HANDED, to_user_id=after["assignee_id"]))
    elif after["assignee_id"] != before["assignee_id"]:
        steps.append(Step(HandoffAction.REASSIGNED, to_user_id=after["assignee_id"]))
    return steps


# -- follow-ups -------------------------------------------------------------------------
def is_hand_off(follow_up: dict[str, Any]) -> bool:
    """Handed to a team, or to someone else than its author (not one's own reminder)."""
    assignee = follow_up.get("assignee_user_id")
    return assignee is None or assignee != follow_up.get("created_by")


def _may_work_on(person: Profile, follow_up: dict[str, Any]) -> bool:
    """Whether ``person`` owes it or may take it: the claimer, the person it is handed to,
    or (unclaimed) a member of the team it is handed to."""
    claimer = follow_up.get("claimed_by")
    if claimer is not None:
        return bool(claimer == person.id)
    if follow_up.get("assignee_user_id") is not None:
        return bool(follow_up["assignee_user_id"] == person.id)
    return _TEAM_OF_ROLE.get(Role(person.role)) == follow_up.get("assignee_team")


def check_new_follow_up(caller: Caller, data: dict[str, Any]) -> None:
    me = caller.person
    if data.get("created_by") not in (None, me.id):
        raise Rejected("forbidden", "server.follow_up_created_in_own_name_only")
    if data.get("claimed_by") not in (None, me.id):
        raise Rejected("forbidden", "server.follow_up_claimed_by_person_taking_only")


def normalise_follow_up_change(before: dict[str, Any], after: dict[str, Any]) -> None:
    """A reassigned follow-up leaves the queue of whoever had claimed it."""
    moved = after.get("assignee_user_id") != before.get("assignee_user_id") or after.get(
        "assignee_team"
    ) != before.get("assignee_team")
    if moved and after.get("claimed_by") == before.get("claimed_by"):
        after["claimed_by"] = None


def check_follow_up_change(
    conn: Connection, caller: Caller, before: dict[str, Any], after: dict[str, Any]
) -> None:
    me = caller.person
    was, now = before["status"], after["status"]
    moved = after.get("assignee_user_id") != before.get("assignee_user_id") or after.get(
        "assignee_team"
    ) != before.get("assignee_team")
    owner_or_author = _may_work_on(me, before) or before.get("created_by") == me.id
    if moved and not (owner_or_author or _is_inside(me)):
        raise Rejected("forbidden", "follow_ups.only_author_person_who_owes_or")
    if after.get("claimed_by") != before.get("claimed_by") and not moved:
        _check_claim(conn, me, before, after)
    if now != was:
        if now == FollowUpStatus.DONE:
            if was != FollowUpStatus.OPEN:
                raise Rejected("invalid_state", "server.follow_up", was=was)
            if not (_may_work_on(me, before) or before.get("created_by") == me.id) and (
                me.role != Role.MANAGER
            ):
                raise Rejected("forbidden", "server.only_person_who_owes_follow_up_completes")
            if is_hand_off(before) and not (after.get("outcome") or "").strip():
                raise Rejected("invalid_field", "server.say_what_was_done_completed_hand_off")
        elif now == FollowUpStatus.CANCELLED:
            if was != FollowUpStatus.OPEN:
                raise Rejected("invalid_state", "server.follow_up", was=was)
            if before.get("created_by") != me.id and not _is_inside(me):
                raise Rejected("forbidden", "follow_ups.only_author_or_inside_team_cancels")
        elif not (owner_or_author or _is_inside(me)):
            raise Rejected("forbidden", "follow_ups.only_author_or_person_who_owes")
    elif "outcome" in after and after.get("outcome") != before.get("outcome"):
        if now == FollowUpStatus.OPEN:
            raise Rejected("invalid_state", "server.outcome_given_when_follow_up_completed")
        if not _may_work_on(me, before) and before.get("created_by") != me.id:
            raise Rejected("forbidden", "server.only_person_who_completed_changes_outcome")


def _check_claim(
    conn: Connection, me: Profile, before: dict[str, Any], after: dict[str, Any]
) -> None:
    held, wanted = before.get("claimed_by"), after.get("claimed_by")
    if wanted is None:  # released
        if held != me.id and not _is_inside(me):
            raise Rejected("forbidden", "follow_ups.only_person_who_claimed_releases")
        return
    if wanted != me.id:
        raise Rejected("forbidden", "server.follow_up_claimed_by_person_taking_only")
    if before["status"] != FollowUpStatus.OPEN:
        raise Rejected("invalid_state", "server.only_open_follow_up_claimed")
    if held is not None and me.role != Role.MANAGER:
        holder = load_profile(conn, held)
        raise Rejected(
            "already_claimed",
            "server.claimed_first_ask_them_release_or",
            value=_name(holder),
        )
    if not _may_work_on(me, {**before, "claimed_by": None}) and me.role != Role.MANAGER:
        raise Rejected("forbidden", "follow_ups.follow_up_handed_someone_else")


def follow_up_steps(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Step]:
    to = {"to_user_id": after.get("assignee_user_id"), "to_team": after.get("assignee_team")}
    if before is None:
        return [Step(HandoffAction.HANDED, **to)] if is_hand_off(after) else []
    if not (is_hand_off(before) or is_hand_off(after)):
        return []  # one's own reminder: no hand-off, no history
    steps = []
    moved = after.get("assignee_user_id") != before.get("assignee_user_id") or after.get(
        "assignee_team"
    ) != before.get("assignee_team")
    if moved:
        steps.append(Step(HandoffAction.REASSIGNED, **to))
    elif after.get("claimed_by") != before.get("claimed_by") and not (
        after["status"] == FollowUpStatus.DONE != before["status"]
    ):  # completing an unclaimed one names who did it: one step, "completed"
        if after.get("claimed_by") is not None:
            steps.append(Step(HandoffAction.CLAIMED, to_user_id=after["claimed_by"]))
        else:
            steps.append(Step(HandoffAction.RELEASED))
    was, now = before["status"], after["status"]
    if now != was:
        if now == FollowUpStatus.DONE:
            steps.append(
                Step(
                    HandoffAction.COMPLETED,
                    to_user_id=after.get("created_by"),
                    note=after.get("outcome"),
                )
            )
        elif now == FollowUpStatus.CANCELLED:
            steps.append(Step(HandoffAction.CANCELLED))
        elif now == FollowUpStatus.OPEN:
            steps.append(Step(HandoffAction.REOPENED, **to))
    return steps


# -- comments, priorities, read marks, agreements -----------------------------------------
def check_new_comment(conn: Connection, data: dict[str, Any]) -> None:
    if data["action"] != HandoffAction.COMMENTED:
        raise Rejected("forbidden", "server.only_comments_written_from_laptop_server")
    if not (data.get("note") or "").strip():
        raise Rejected("invalid_field", "server.comment_needs_some_text")
    if data.get("to_user_id") is not None or data.get("to_team") is not None:
        raise Rejected("invalid_field", "server.comment_not_handed_anyone")
    target = (
        _live(conn, "leads", data["lead_id"])
        if data.get("lead_id") is not None
        else _live(conn, "follow_ups", data.get("follow_up_id"))
    )
    if target is None or target.account_id != data["account_id"]:
        raise Rejected("forbidden", "server.hand_off_commented_on_not_in_scope")


def check_new_priority(
    conn: Connection, caller: Caller, data: dict[str, Any], territory: str
) -> None:
    check_field_rep(conn, caller, data["rep_id"], territory)
    rows = conn.execute(
        sa.select(records.c.data).where(
            records.c.collection == "priorities",
            records.c.account_id == data["account_id"],
            ~records.c.deleted,
        )
    ).all()
    for row in rows:
        other = json.loads(row.data)
        if other.get("rep_id") == data["rep_id"] and other.get("day") == data["day"]:
            raise Rejected("already_flagged", "server.account_already_priority_for_day")


def check_read_mark(caller: Caller, record_id: str, data: dict[str, Any]) -> None:
    expected = derived_id("inbox_reads", caller.person.id, data["item_collection"], data["item_id"])
    if record_id != expected:
        raise Rejected("invalid_field", "server.read_marks_id_derived_from_person")


def check_agreement(
    conn: Connection, caller: Caller, data: dict[str, Any], *, creating: bool
) -> None:
    me = caller.person
    if me.role != Role.MANAGER:
        raise Rejected("forbidden", "agreements.only_managers_set_teams_sla_policies")
    if me.team is not None and data["team"] != me.team:
        raise Rejected("forbidden", "agreements.set_sla_policies_team_only", team=me.team)
    try:
        region(data["region"])
    except ValidationError as exc:
        raise Rejected("invalid_field", exc.code, **exc.params) from None
    if creating and agreement_of(conn, data["team"]) is not None:
        raise Rejected(
            "already_set", "server.team_has_sla_policies_change_them", value=data["team"]
        )


def agreement_of(conn: Connection, team: str) -> dict[str, Any] | None:
    """The stored agreement of ``team`` (its record's fields and ``id``), or None."""
    rows = conn.execute(
        sa.select(records.c.id, records.c.data).where(
            records.c.collection == "sla_policies", ~records.c.deleted
        )
    ).all()
    for row in rows:
        data = json.loads(row.data)
        if data.get("team") == team:
            return {"id": row.id, **data}
    return None
