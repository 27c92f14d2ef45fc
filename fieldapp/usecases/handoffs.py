"""Lead hand-offs (inside → field) and the history of every hand-off.

An inside rep hands a qualified prospect (an account, new or existing) to a field rep with
a briefing: why, who to see, what was promised. The field rep accepts it, which plans the
visit, or returns it with a reason; the inside team may hand a returned lead again (to the
same rep or another), reassign one still waiting, or withdraw it. Every step is a synced
change; the server writes the history (``handoff_events``) itself, and anyone in scope may
add a comment to it. The same rules are checked by the server (sync/server/handoffs.py);
here they are checked first, so the person hears a refusal at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldapp.catalogue import INSIDE_ROLES, HandoffAction, LeadStatus, Role, clean
from fieldapp.errors import InvalidStateError, NotFoundError, PermissionDeniedError, ValidationError
from fieldapp.records import Account, HandoffEvent, Lead, User, Visit
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import ACCOUNT_INPUT_FIELDS, create_account, get_account
from fieldapp.usecases.people import current_user, get_user, require_role
from fieldapp.usecases.visits import plan_visit


def get_lead(store: Store, lead_id: str) -> Lead:
    return Lead.from_row(get_record(store, "leads", lead_id))


def _text(field: str, value: Any) -> Any:
    return clean("leads", field, value)


def _field_rep(store: Store, me: User, rep_id: Any, account: Account | None) -> User:
    """The field rep a lead goes to: of my team, covering the account's territory (the
    territory of its owner, when this laptop knows it)."""
    if not isinstance(rep_id, str):
        raise ValidationError("to_rep_id", "handoffs.choose_field_rep_hand_lead")
    try:
        rep = get_user(store, rep_id)
    except NotFoundError:
        raise ValidationError("to_rep_id", "handoffs.choose_field_rep_hand_lead") from None
    if rep.role != Role.FIELD:
        raise ValidationError("to_rep_id", "handoffs.not_field_rep", rep=rep.display_name)
    if me.team is not None and rep.team != me.team:
        raise ValidationError("to_rep_id", "handoffs.not_in_team", rep=rep.display_name)
    owner = _user_or_none(store, account.owner_id) if account is not None else None
    if (
        account is not None
        and owner is not None
        and owner.role == Role.FIELD
        and owner.territory != rep.territory
    ):
        raise ValidationError(
            "to_rep_id",
            "handoffs.covers_and_in_hand_rep_or",
            rep=rep.display_name,
            value=rep.territory or "no territory",
            account=account.name,
            territory=owner.territory,
            territory2=owner.territory,
            rep2=rep.display_name,
        )
    return rep


def _user_or_none(store: Store, user_id: str | None) -> User | None:
    if user_id is None:
        return None
    row = store.query_one("SELECT * FROM users WHERE id = ?", (user_id,))
    return None if row is None else User.from_row(row)


def hand_over_lead(
    store: Store,
    account_id: str,
    *,
    to_rep_id: str,
    why: str,
    who_to_see: str | None = None,
    promised: str | None = None,
) -> Lead:
    """Hand a qualified prospect to a field rep, with the briefing they will read."""
    briefing = {
        "why": _text("why", why),
        "who_to_see": _text("who_to_see", who_to_see),
        "promised": _text("promised", promised),
    }
    with store.transaction():
        me = current_user(store)
        require_role(me, *INSIDE_ROLES, action="hand leads to the field")
        account = get_account(store, account_id)
        rep = _field_rep(store, me, to_rep_id, account)
        waiting = store.scalar(
            "SELECT assignee_id FROM leads WHERE account_id = ? AND status = 'handed'",
            (account_id,),
        )
        if waiting is not None:
            holder = _user_or_none(store, waiting)
            name = holder.display_name if holder is not None else "a field rep"
            raise InvalidStateError(
                "handoffs.was_already_handed_who_has_not", account=account.name, name=name
            )
        return Lead.from_row(
            create_record(
                store,
                "leads",
                {
                    "account_id": account_id,
                    "handed_by": me.id,
                    "assignee_id": rep.id,
                    "status": LeadStatus.HANDED,
                    **briefing,
                },
            )
        )


# What a prospect handed over new may say about itself (create_account's fields).
PROSPECT_FIELDS = frozenset(ACCOUNT_INPUT_FIELDS)


def hand_over_new_prospect(
    store: Store,
    prospect: dict[str, Any],
    *,
    to_rep_id: str,
    why: str,
    who_to_see: str | None = None,
    promised: str | None = None,
) -> Lead:
    """A prospect the inside team qualified and the field has never seen: the account is
    created with the field rep as its owner (so the server files it in their territory)
    and handed to them, in one transaction."""
    unknown = set(prospect) - PROSPECT_FIELDS
    if unknown:
        field = sorted(unknown)[0]
        raise ValidationError(field, "handoffs.not_field_account", field=field)
    with store.transaction():
        me = current_user(store)
        require_role(me, *INSIDE_ROLES, action="hand leads to the field")
        rep = _field_rep(store, me, to_rep_id, None)
        account = create_account(store, owner_id=rep.id, **prospect)
        return hand_over_lead(
            store,
            account.id,
            to_rep_id=rep.id,
            why=why,
            who_to_see=who_to_see,
            promised=promised,
        )


def _answerable(store: Store, lead_id: str, *, action: str) -> tuple[Lead, User]:
    lead = get_lead(store, lead_id)
    me = current_user(store)
    if me.id != lead.assignee_id:
        raise PermissionDeniedError("handoffs.only_field_rep_lead_was_handed", action=action)
    if lead.status != LeadStatus.HANDED:
        raise InvalidStateError("handoffs.lead_not_waiting_for_answer", status=lead.status)
    return lead, me


def accept_lead(
    store: Store, lead_id: str, start: datetime, end: datetime | None = None
) -> tuple[Lead, Visit]:
    """The field rep takes the lead: the visit is planned and the lead accepted, together."""
    with store.transaction():
        lead, _ = _answerable(store, lead_id, action="accept it")
        visit = plan_visit(store, lead.account_id, start, end)
        accepted = update_record(
            store, "leads", lead.id, {"status": LeadStatus.ACCEPTED, "visit_id": visit.id}
        )
        return Lead.from_row(accepted), visit


def return_lead(store: Store, lead_id: str, reason: str) -> Lead:
    """The field rep gives the lead back to the inside team, saying why."""
    text = clean("leads", "reason", reason)
    if text is None:
        raise ValidationError("reason", "handoffs.say_why_lead_returned")
    with store.transaction():
        lead, _ = _answerable(store, lead_id, action="return it")
        return Lead.from_row(
            update_record(store, "leads", lead.id, {"status": LeadStatus.RETURNED, "reason": text})
        )


def reassign_lead(store: Store, lead_id: str, to_rep_id: str) -> Lead:
    """Hand the lead to another field rep (one still waiting), or hand a returned lead
    again (to the same rep or another): the history keeps each step."""
    with store.transaction():
        me = current_user(store)
        require_role(me, *INSIDE_ROLES, action="reassign leads")
        lead = get_lead(store, lead_id)
        if lead.status not in (LeadStatus.HANDED, LeadStatus.RETURNED):
            raise InvalidStateError("handoffs.lead_cannot_handed_again", status=lead.status)
        rep = _field_rep(store, me, to_rep_id, get_account(store, lead.account_id))
        changes: dict[str, Any] = {"assignee_id": rep.id}
        if lead.status == LeadStatus.RETURNED:
            changes.update(status=LeadStatus.HANDED, reason=None)
        elif rep.id == lead.assignee_id:
            raise ValidationError("to_rep_id", "handoffs.lead_already_s", rep=rep.display_name)
        return Lead.from_row(update_record(store, "leads", lead.id, changes))


def withdraw_lead(store: Store, lead_id: str, reason: str | None = None) -> Lead:
    """The inside team closes a lead nobody is to visit (the prospect lost interest)."""
    text = clean("leads", "reason", reason)
    with store.transaction():
        require_role(current_user(store), *INSIDE_ROLES, action="withdraw leads")
        lead = get_lead(store, lead_id)
        if lead.status not in (LeadStatus.HANDED, LeadStatus.RETURNED):
            raise InvalidStateError("handoffs.lead_cannot_withdrawn", status=lead.status)
        return Lead.from_row(
            update_record(store, "leads", lead.id, {"status": LeadStatus.WITHDRAWN, "reason": text})
        )


def edit_lead_briefing(store: Store, lead_id: str, **briefing: str | None) -> Lead:
    """The inside team corrects or completes the briefing of a lead not yet accepted."""
    unknown = set(briefing) - {"why", "who_to_see", "promised"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "handoffs.leads_briefing_why_who_see_promised")
    changes = {name: _text(name, value) for name, value in briefing.items()}
    with store.transaction():
        require_role(current_user(store), *INSIDE_ROLES, action="edit a lead's briefing")
        lead = get_lead(store, lead_id)
        if lead.status not in (LeadStatus.HANDED, LeadStatus.RETURNED):
            raise InvalidStateError("handoffs.lead_add_note_instead", status=lead.status)
        return Lead.from_row(update_record(store, "leads", lead.id, changes))


# -- the history of a hand-off ----------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HistoryEntry:
    event: HandoffEvent
    actor_name: str | None
    to_name: str | None


def comment_on_handoff(
    store: Store, text: str, *, lead_id: str | None = None, follow_up_id: str | None = None
) -> HandoffEvent:
    """A comment in the history of a lead or a follow-up (the other steps are written by
    the server when they reach it)."""
    note = clean("handoff_events", "note", text)
    if note is None:
        raise ValidationError("note", "handoffs.write_comment_first")
    if (lead_id is None) == (follow_up_id is None):
        raise ValidationError("target", "handoffs.comment_on_one_lead_or_one")
    with store.transaction():
        if lead_id is not None:
            account_id = get_lead(store, lead_id).account_id
        else:
            account_id = str(get_record(store, "follow_ups", str(follow_up_id))["account_id"])
        return HandoffEvent.from_row(
            create_record(
                store,
                "handoff_events",
                {
                    "account_id": account_id,
                    "lead_id": lead_id,
                    "follow_up_id": follow_up_id,
                    "action": HandoffAction.COMMENTED,
                    "actor_id": current_user(store).id,
                    "note": note,
                },
            )
        )


def handoff_history(
    store: Store, *, lead_id: str | None = None, follow_up_id: str | None = None
) -> list[HistoryEntry]:
    """Every step of one hand-off, oldest first (a comment not yet synced comes last)."""
    if (lead_id is None) == (follow_up_id is None):
        raise ValidationError("target", "handoffs.ask_for_history_one_lead_or")
    column, value = ("lead_id", lead_id) if lead_id is not None else ("follow_up_id", follow_up_id)
    rows = store.query(
        f"""SELECT e.*, a.display_name AS actor_name, t.display_name AS to_name
        FROM handoff_events e
        LEFT JOIN users a ON a.id = e.actor_id
        LEFT JOIN users t ON t.id = e.to_user_id
        WHERE e.{column} = ?
        ORDER BY e.at IS NULL, e.at, e.id""",
        (value,),
    )
    return [HistoryEntry(HandoffEvent.from_row(r), r["actor_name"], r["to_name"]) for r in rows]


def leads_for(store: Store, user_id: str, *, statuses: tuple[str, ...] = ()) -> list[Lead]:
    """Leads handed to ``user_id`` or by them, newest first (optionally of some states)."""
    where, params = "(assignee_id = ? OR handed_by = ?)", [user_id, user_id]
    if statuses:
        where += f" AND status IN ({', '.join('?' for _ in statuses)})"
        params.extend(statuses)
    rows = store.query(f"SELECT * FROM leads WHERE {where} ORDER BY created_at DESC", params)
    return [Lead.from_row(r) for r in rows]
