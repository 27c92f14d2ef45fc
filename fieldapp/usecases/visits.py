"""A visit's life: plan, reschedule or cancel, check in, log the meeting, check out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from fieldapp import validation as check
from fieldapp.catalogue import NoteKind, VisitStatus, clean
from fieldapp.clock import to_text
from fieldapp.errors import InvalidStateError, ValidationError
from fieldapp.records import Note, Visit
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.people import current_user
from fieldapp.usecases.server_time import trusted_now

DEFAULT_DURATION = timedelta(hours=1)
MAX_DURATION = timedelta(hours=12)


def get_visit(store: Store, visit_id: str) -> Visit:
    return Visit.from_row(get_record(store, "visits", visit_id))


def _checked_slot(start: datetime, end: datetime | None) -> tuple[str, str]:
    start = check.moment("planned_start", start, label="Start")
    end = start + DEFAULT_DURATION if end is None else check.moment("planned_end", end, label="End")
    # Compare what is stored (UTC, whole seconds), or a slot of half a second would be saved
    # as a visit ending when it starts.
    start, end = (m.astimezone(UTC).replace(microsecond=0) for m in (start, end))
    if end <= start:
        raise ValidationError("planned_end", "visits.visit_must_end_after_starts")
    if end - start > MAX_DURATION:
        raise ValidationError("planned_end", "visits.visit_cannot_last_more_than_12")
    return to_text(start), to_text(end)


def _require_status(visit: Visit, allowed: tuple[VisitStatus, ...], *, action: str) -> None:
    if visit.status not in allowed:
        raise InvalidStateError(
            "visits.cannot_visit",
            action=action,
            value=visit.status.replace("_", " "),
            status=visit.status,
        )


def plan_visit(
    store: Store, account_id: str, start: datetime, end: datetime | None = None
) -> Visit:
    """Put a visit to an account in the current rep's plan."""
    planned_start, planned_end = _checked_slot(start, end)
    with store.transaction():
        get_account(store, account_id)
        row = create_record(
            store,
            "visits",
            {
                "account_id": account_id,
                "rep_id": current_user(store).id,
                "planned_start": planned_start,
                "planned_end": planned_end,
                "status": VisitStatus.PLANNED,
                "contacts_met": [],
            },
        )
    return Visit.from_row(row)


def reschedule_visit(
    store: Store, visit_id: str, start: datetime, end: datetime | None = None
) -> Visit:
    planned_start, planned_end = _checked_slot(start, end)
    with store.transaction():
        _require_status(get_visit(store, visit_id), (VisitStatus.PLANNED,), action="reschedule it")
        return Visit.from_row(
            update_record(
                store,
                "visits",
                visit_id,
                {
                    "planned_start": planned_start,
                    "planned_end": planned_end,
                },
            )
        )


def cancel_visit(store: Store, visit_id: str) -> Visit:
    with store.transaction():
        _require_status(get_visit(store, visit_id), (VisitStatus.PLANNED,), action="cancel it")
        return Visit.from_row(
            update_record(store, "visits", visit_id, {"status": VisitStatus.CANCELLED})
        )


def mark_no_show(store: Store, visit_id: str) -> Visit:
    """Nobody was there to meet: the visit did not take place."""
    with store.transaction():
        _require_status(
            get_visit(store, visit_id),
            (VisitStatus.PLANNED, VisitStatus.CHECKED_IN),
            action="mark a no-show",
        )
        return Visit.from_row(
            update_record(store, "visits", visit_id, {"status": VisitStatus.NO_SHOW})
        )


def reorder_plan(store: Store, visit_ids: Sequence[str]) -> list[Visit]:
    """Set the route order of planned visits (the order the rep will drive them in)."""
    if len(set(visit_ids)) != len(visit_ids):
        raise ValidationError("visit_ids", "visits.visit_appears_twice_in_route")
    with store.transaction():
        for position, visit_id in enumerate(visit_ids):
            _require_status(get_visit(store, visit_id), (VisitStatus.PLANNED,), action="reorder it")
            update_record(store, "visits", visit_id, {"route_position": position})
        return [get_visit(store, visit_id) for visit_id in visit_ids]


def check_in(store: Store, visit_id: str, at: datetime | None = None) -> Visit:
    """The rep arrived: record the time."""
    moment = to_text(
        check.moment("checked_in_at", at, label="Check-in time")
        if at is not None  # a falsy wrong value (0, "") is refused, not taken as "now"
        # The server's now as this laptop knows it: a check-in starts an SLA clock
        # (docs/team-loop.md), and the laptop's own clock may be wrong.
        else trusted_now(store)
    )
    with store.transaction():
        _require_status(get_visit(store, visit_id), (VisitStatus.PLANNED,), action="check in")
        return Visit.from_row(
            update_record(
                store,
                "visits",
                visit_id,
                {
                    "status": VisitStatus.CHECKED_IN,
                    "checked_in_at": moment,
                },
            )
        )


def start_unplanned_visit(store: Store, account_id: str) -> Visit:
    """A visit that was not in the plan (a prospect met on the road): checked in now."""
    now = trusted_now(store)
    with store.transaction():
        visit = plan_visit(store, account_id, now, now + DEFAULT_DURATION)
        return check_in(store, visit.id, now)


def log_visit(
    store: Store,
    visit_id: str,
    *,
    outcome: str | None = None,
    summary: str | None = None,
    contacts_met: Sequence[str] = (),
    next_steps: str | None = None,
) -> Visit:
    """Save what happened at the meeting; can be called again until check-out."""
    fields: dict[str, object] = {
        "outcome": clean("visits", "outcome", outcome),
        "summary": clean("visits", "summary", summary),
        "next_steps": clean("visits", "next_steps", next_steps),
    }
    with store.transaction():
        visit = get_visit(store, visit_id)
        if visit.status == VisitStatus.PLANNED:
            raise InvalidStateError("visits.check_in_before_logging_visit")
        _require_status(visit, (VisitStatus.CHECKED_IN,), action="log it")
        fields["contacts_met"] = _checked_contacts(store, visit.account_id, contacts_met)
        return Visit.from_row(update_record(store, "visits", visit_id, fields))


def _checked_contacts(store: Store, account_id: str, contact_ids: Sequence[str]) -> list[str]:
    # A string is a sequence too: "abc" must not become the ids "a", "b" and "c".
    if not isinstance(contact_ids, list | tuple) or not all(
        isinstance(c, str) for c in contact_ids
    ):
        raise ValidationError("contacts_met", "visits.contacts_met_must_list_contact_ids")
    wanted = list(dict.fromkeys(contact_ids))  # keep order, drop repeats
    if not wanted:
        return []
    marks = ", ".join("?" for _ in wanted)
    known = {
        r["id"]
        for r in store.query(
            f"SELECT id FROM contacts WHERE account_id = ? AND id IN ({marks})",
            [account_id, *wanted],
        )
    }
    missing = [c for c in wanted if c not in known]
    if missing:
        raise ValidationError("contacts_met", "visits.contact_met_not_contact_account")
    return wanted


def check_out(store: Store, visit_id: str, at: datetime | None = None) -> tuple[Visit, Note]:
    """Close the visit: it becomes completed and its report goes to the inside team."""
    when = (
        check.moment("checked_out_at", at, label="Check-out time")
        if at is not None
        else trusted_now(store)  # a check-out starts the report's clock
    )
    with store.transaction():
        visit = get_visit(store, visit_id)
        if visit.status == VisitStatus.PLANNED:
            raise InvalidStateError("visits.cannot_check_out_before_checking_in")
        _require_status(visit, (VisitStatus.CHECKED_IN,), action="check out")
        if not visit.summary:
            raise ValidationError("summary", "visits.completed_visit_needs_summary")
        if not visit.outcome:
            raise ValidationError("outcome", "visits.completed_visit_needs_outcome")
        if visit.checked_in_at and to_text(when) < visit.checked_in_at:
            raise ValidationError("checked_out_at", "visits.check_out_cannot_before_check_in")
        done = Visit.from_row(
            update_record(
                store,
                "visits",
                visit_id,
                {
                    "status": VisitStatus.COMPLETED,
                    "checked_out_at": to_text(when),
                },
            )
        )
        report = Note.from_row(
            create_record(
                store,
                "notes",
                {
                    "account_id": visit.account_id,
                    "visit_id": visit.id,
                    "author_id": current_user(store).id,
                    "kind": NoteKind.VISIT_REPORT,
                    "body": visit.summary,
                    "pinned": False,
                },
            )
        )
    return done, report


def complete_visit(
    store: Store,
    visit_id: str,
    *,
    outcome: str,
    summary: str,
    contacts_met: Sequence[str] = (),
    next_steps: str | None = None,
    at: datetime | None = None,
) -> tuple[Visit, Note]:
    """Log the meeting and check out in one step (all or nothing)."""
    with store.transaction():
        log_visit(
            store,
            visit_id,
            outcome=outcome,
            summary=summary,
            contacts_met=contacts_met,
            next_steps=next_steps,
        )
        return check_out(store, visit_id, at)
