"""The rep's plan: today's (or the week's) visits in route order, and who is due a visit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from fieldapp import validation as check
from fieldapp.clock import to_text
from fieldapp.records import Account, Visit
from fieldapp.store.database import Store
from fieldapp.usecases.people import current_user


@dataclass(frozen=True, slots=True)
class PlannedStop:
    visit: Visit
    account: Account


@dataclass(frozen=True, slots=True)
class DueAccount:
    account: Account
    last_visit_at: str | None  # None: never visited
    due_on: str | None  # the day the next visit was due; None when never visited
    days_overdue: int | None


def _local_tz(tz: tzinfo | None) -> tzinfo:
    return tz or datetime.now().astimezone().tzinfo  # type: ignore[return-value]


def plan(
    store: Store,
    first_day: date,
    *,
    days: int = 1,
    tz: tzinfo | None = None,
    rep_id: str | None = None,
) -> list[PlannedStop]:
    """Visits (not cancelled) of a rep over ``days`` local days, in route order per day."""
    first_day = check.day("first_day", first_day, label="Day")
    days = check.whole_number("days", days, label="Number of days", minimum=1, maximum=31)
    zone = _local_tz(tz)
    start = datetime.combine(first_day, time.min, zone)
    end = datetime.combine(first_day + timedelta(days=days), time.min, zone)
    rep = rep_id or current_user(store).id
    rows = store.query(
        """
        SELECT v.*, a.id AS a_id, a.name AS a_name, a.tier AS a_tier, a.address AS a_address,
               a.city AS a_city, a.postal_code AS a_postal_code, a.country AS a_country,
               a.latitude AS a_latitude, a.longitude AS a_longitude, a.phone AS a_phone,
               a.owner_id AS a_owner_id, a.visit_frequency_days AS a_visit_frequency_days,
               a.version AS a_version, a.created_at AS a_created_at,
               a.updated_at AS a_updated_at
        FROM visits v JOIN accounts a ON a.id = v.account_id
        WHERE v.rep_id = ? AND v.planned_start >= ? AND v.planned_start < ?
              AND v.status != 'cancelled'
        ORDER BY v.planned_start
        """,
        (rep, to_text(start), to_text(end)),
    )
    stops = [PlannedStop(Visit.from_row(r), _account_from_prefixed(r)) for r in rows]

    def route_key(stop: PlannedStop) -> tuple[date, int, str]:
        local_day = datetime.fromisoformat(stop.visit.planned_start.replace("Z", "+00:00"))
        position = stop.visit.route_position
        return (
            local_day.astimezone(zone).date(),
            10**6 if position is None else position,
            stop.visit.planned_start,
        )

    return sorted(stops, key=route_key)


def todays_plan(
    store: Store,
    *,
    today: date | None = None,
    tz: tzinfo | None = None,
    rep_id: str | None = None,
) -> list[PlannedStop]:
    zone = _local_tz(tz)
    day = today or datetime.now(zone).date()
    return plan(store, day, days=1, tz=zone, rep_id=rep_id)


def _account_from_prefixed(row: dict[str, Any]) -> Account:
    return Account.from_row({k[2:]: v for k, v in row.items() if k.startswith("a_")})


def accounts_due_for_visit(
    store: Store,
    *,
    as_of: date | None = None,
    owner_id: str | None = None,
    limit: int = 50,
) -> list[DueAccount]:
    """Accounts whose visit-frequency target has passed (or that were never visited) and
    that have no visit planned yet; the most overdue first, tier A before B before C."""
    day = check.day("as_of", as_of, label="Date") if as_of else datetime.now().date()
    owner = owner_id or current_user(store).id
    rows = store.query(
        """
        WITH last AS (
            SELECT a.*, (SELECT max(v.checked_out_at) FROM visits v
                         WHERE v.account_id = a.id AND v.status = 'completed') AS last_visit_at,
                   coalesce(a.visit_frequency_days,
                            CASE a.tier WHEN 'A' THEN 14 WHEN 'B' THEN 30 ELSE 90 END) AS freq
            FROM accounts a WHERE a.owner_id = :owner
        )
        SELECT *, date(last_visit_at, '+' || freq || ' days') AS due_on
        FROM last
        WHERE (last_visit_at IS NULL OR date(last_visit_at, '+' || freq || ' days') <= :day)
          AND NOT EXISTS (SELECT 1 FROM visits p WHERE p.account_id = last.id
                          AND p.status IN ('planned', 'checked_in'))
        ORDER BY due_on IS NOT NULL, due_on, tier, name
        LIMIT :limit
        """,
        {"owner": owner, "day": day.isoformat(), "limit": limit},
    )
    return [
        DueAccount(
            account=Account.from_row(r),
            last_visit_at=r["last_visit_at"],
            due_on=r["due_on"],
            days_overdue=None
            if r["due_on"] is None
            else (day - date.fromisoformat(r["due_on"])).days,
        )
        for r in rows
    ]
