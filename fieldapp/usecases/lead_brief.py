"""One account's lead as the people on it read it: the briefing, who handed it to whom,
its SLA clocks, the planned visit and the whole history, in one read (the lead panel of
the account's briefing); and the allowances a new hand-off would start.

A lead is shown while someone still owes something on it: waiting on the field rep
(handed), waiting on the inside rep (returned), or accepted until its visit is held. A
withdrawn lead, or one whose visit was held, lives on in its history only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldapp.catalogue import LeadStatus
from fieldapp.records import Lead, Visit
from fieldapp.store.codec import decode_row
from fieldapp.store.database import Store
from fieldapp.team.commitments import lead_commitments
from fieldapp.team.policies import CommitmentKind, SlaPolicy
from fieldapp.team.sla import SlaClock
from fieldapp.usecases.agreements import agreement_for, agreements
from fieldapp.usecases.handoffs import HistoryEntry, handoff_history
from fieldapp.usecases.server_time import trusted_now


@dataclass(frozen=True, slots=True)
class LeadClock:
    kind: CommitmentKind  # lead_visit_planned, then lead_visit_held
    clock: SlaClock | None  # None: the server has not started it (the hand-off not synced)


@dataclass(frozen=True, slots=True)
class LeadBrief:
    lead: Lead
    account_name: str
    handed_by_name: str | None
    assignee_name: str | None
    visit: Visit | None
    clocks: tuple[LeadClock, ...]
    history: tuple[HistoryEntry, ...]
    waiting_to_sync: bool  # changed here, not yet accepted by the server
    now: datetime  # the trusted now the clocks were read at


def account_lead(store: Store, account_id: str, *, now: datetime | None = None) -> LeadBrief | None:
    """The account's newest lead while something is still owed on it, else None."""
    row = store.query_one(
        "SELECT * FROM leads WHERE account_id = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (account_id,),
    )
    if row is None:
        return None
    lead = Lead.from_row(row)
    visit_row = (
        store.query_one("SELECT * FROM visits WHERE id = ?", (lead.visit_id,))
        if lead.visit_id is not None
        else None
    )
    visit = Visit.from_row(visit_row) if visit_row is not None else None
    if lead.status == LeadStatus.WITHDRAWN:
        return None
    if lead.status == LeadStatus.ACCEPTED and visit is not None and visit.checked_in_at:
        return None
    moment = now if now is not None else trusted_now(store)
    people = {r["id"]: r for r in store.query("SELECT id, display_name, team FROM users")}

    def team_of(user_id: str | None) -> str | None:
        person = people.get(user_id) if user_id is not None else None
        return person["team"] if person is not None else None

    def name_of(user_id: str | None) -> str | None:
        person = people.get(user_id) if user_id is not None else None
        return person["display_name"] if person is not None else None

    held = agreements(store)
    # The work queue's own reading of a lead's commitments, so both show one due time.
    clocks = tuple(
        LeadClock(c.kind, c.clock(agreement_for(held, c.team), moment))
        for c in lead_commitments(
            decode_row("leads", row),
            decode_row("visits", visit_row) if visit_row is not None else None,
            team_of,
        )
    )
    pending = store.scalar(
        "SELECT 1 FROM outbox WHERE collection = 'leads' AND record_id = ? LIMIT 1", (lead.id,)
    )
    name = store.scalar("SELECT name FROM accounts WHERE id = ?", (account_id,))
    return LeadBrief(
        lead=lead,
        account_name=str(name or ""),
        handed_by_name=name_of(lead.handed_by),
        assignee_name=name_of(lead.assignee_id),
        visit=visit,
        clocks=clocks,
        history=tuple(handoff_history(store, lead_id=lead.id)),
        waiting_to_sync=pending is not None,
        now=moment,
    )


def lead_allowances(store: Store, team: str | None) -> tuple[SlaPolicy, SlaPolicy]:
    """What a lead handed to a field rep of ``team`` starts: the allowances to plan its
    first visit and to hold it, from the team's agreement (the defaults without one)."""
    policies = agreement_for(agreements(store), team).policies
    return (
        policies[CommitmentKind.LEAD_VISIT_PLANNED],
        policies[CommitmentKind.LEAD_VISIT_HELD],
    )
