"""Today's priorities (the daily rhythm): accounts an inside rep or a manager flags for a
field rep's day, with one line of why. The field rep sees them on Today and adds them to
the route with one action."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from fieldapp import validation as check
from fieldapp.catalogue import INSIDE_ROLES, Role, VisitStatus, clean
from fieldapp.errors import InvalidStateError, NotFoundError, PermissionDeniedError, ValidationError
from fieldapp.records import Account, Priority, Visit
from fieldapp.store.changes import create_record, delete_record, get_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.people import current_user, get_user, require_role
from fieldapp.usecases.planning import plan
from fieldapp.usecases.route import add_to_plan


@dataclass(frozen=True, slots=True)
class DayPriority:
    priority: Priority
    account: Account
    flagged_by_name: str | None
    # The rep's visit to the account that day, if it is in the plan already.
    visit: Visit | None


def get_priority(store: Store, priority_id: str) -> Priority:
    return Priority.from_row(get_record(store, "priorities", priority_id))


def flag_priority(store: Store, account_id: str, *, rep_id: str, day: date, why: str) -> Priority:
    """Flag an account for a field rep's day, saying why in one line."""
    text = clean("priorities", "why", why)
    on = check.day("day", day, label="Day").isoformat()
    with store.transaction():
        me = current_user(store)
        require_role(me, *INSIDE_ROLES, action="flag priorities for the field")
        account = get_account(store, account_id)
        try:
            rep = get_user(store, rep_id)
        except NotFoundError:
            raise ValidationError("rep_id", "priorities.choose_field_rep_whose_day") from None
        if rep.role != Role.FIELD:
            raise ValidationError("rep_id", "handoffs.not_field_rep", rep=rep.display_name)
        owner = store.scalar("SELECT territory FROM users WHERE id = ?", (account.owner_id,))
        if owner is not None and owner != rep.territory:
            raise ValidationError(
                "rep_id",
                "priorities.in_covers",
                account=account.name,
                owner=owner,
                rep=rep.display_name,
                territory=rep.territory,
            )
        if store.scalar(
            "SELECT 1 FROM priorities WHERE rep_id = ? AND day = ? AND account_id = ?",
            (rep.id, on, account_id),
        ):
            raise InvalidStateError("priorities.already_priority_for_day", account=account.name)
        return Priority.from_row(
            create_record(
                store,
                "priorities",
                {
                    "account_id": account_id,
                    "rep_id": rep.id,
                    "day": on,
                    "why": text,
                    "flagged_by": me.id,
                },
            )
        )


def remove_priority(store: Store, priority_id: str) -> None:
    with store.transaction():
        priority = get_priority(store, priority_id)
        if priority.flagged_by != current_user(store).id:
            raise PermissionDeniedError("priorities.only_person_who_flagged_priority_may")
        delete_record(store, "priorities", priority_id)


def priorities_for(
    store: Store, rep_id: str, day: date, *, tz: tzinfo | None = None
) -> list[DayPriority]:
    """A rep's priorities for ``day``, in the order they were flagged, each with the visit
    already planned for it that day (if any)."""
    on = check.day("day", day, label="Day")
    rows = store.query(
        """SELECT p.*, u.display_name AS flagged_by_name FROM priorities p
        LEFT JOIN users u ON u.id = p.flagged_by
        WHERE p.rep_id = ? AND p.day = ? ORDER BY p.created_at, p.id""",
        (rep_id, on.isoformat()),
    )
    if not rows:
        return []
    planned = {
        stop.visit.account_id: stop.visit
        for stop in plan(store, on, tz=tz, rep_id=rep_id)
        if stop.visit.status != VisitStatus.CANCELLED
    }
    return [
        DayPriority(
            Priority.from_row(row),
            get_account(store, row["account_id"]),
            row["flagged_by_name"],
            planned.get(row["account_id"]),
        )
        for row in rows
    ]


def add_priority_to_route(store: Store, priority_id: str, *, tz: tzinfo | None = None) -> Visit:
    """Plan the flagged account at the end of that day's route (Today's "add to route")."""
    with store.transaction():
        priority = get_priority(store, priority_id)
        if priority.rep_id != current_user(store).id:
            raise PermissionDeniedError("priorities.priority_for_another_reps_day")
        return add_to_plan(store, priority.account_id, date.fromisoformat(priority.day), tz=tz)


@dataclass(frozen=True, slots=True)
class AccountPriority:
    priority: Priority
    rep_name: str | None
    flagged_by_name: str | None


def account_priorities(store: Store, account_id: str, *, since: date) -> list[AccountPriority]:
    """The account's priorities from ``since`` on (for any rep, by anyone), soonest first:
    what the inside team sees before flagging it again, and may remove."""
    on = check.day("since", since, label="Day")
    rows = store.query(
        """SELECT p.*, r.display_name AS rep_name, f.display_name AS flagged_by_name
        FROM priorities p
        LEFT JOIN users r ON r.id = p.rep_id
        LEFT JOIN users f ON f.id = p.flagged_by
        WHERE p.account_id = ? AND p.day >= ? ORDER BY p.day, p.created_at, p.id""",
        (account_id, on.isoformat()),
    )
    return [
        AccountPriority(Priority.from_row(row), row["rep_name"], row["flagged_by_name"])
        for row in rows
    ]
