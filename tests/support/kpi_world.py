"""A small organisation built by hand for the KPI tests, as the central CRM holds it.

Records are written through the server-state path (``upsert_server_records``), so each
test says exactly which visit was held when, which report arrived when, and which record
is still only on this laptop (``synced=False``: version NULL, as in the outbox).
Times are given in Montréal time (America/Toronto) and stored as UTC text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from fieldapp.clock import to_text
from fieldapp.store import Store, open_store
from fieldapp.store.replica import set_profile_value, upsert_server_records
from support.core_world import FakeClock

MONTREAL = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
LONG_AGO = "2025-01-06T15:00:00Z"  # when the organisation's records were created
# Wednesday 2026-11-25, 10:00 in Montréal: after the week of Monday 2026-11-16.
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def local(day: date, hour: int, minute: int = 0, zone: ZoneInfo = MONTREAL) -> str:
    """Store text of a local time."""
    return to_text(datetime.combine(day, time(hour, minute), zone))


@dataclass
class KpiWorld:
    store: Store
    clock: FakeClock
    ids: dict[str, str] = field(default_factory=dict)  # username -> user id
    _serial: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def new_id(self, kind: int) -> str:
        return f"0190b000-0000-7000-8{kind:03x}-{next(self._serial):012x}"

    def _put(self, collection: str, record: dict[str, Any], synced: bool = True) -> str:
        record.setdefault("created_at", LONG_AGO)
        record["version"] = 1 if synced else None
        upsert_server_records(self.store, collection, [record])
        return str(record["id"])

    def user(self, username: str, role: str, team: str | None = None) -> str:
        self.ids[username] = self._put(
            "users",
            {
                "id": self.new_id(1),
                "username": username,
                "display_name": username.capitalize(),
                "role": role,
                "team": team,
                "territory": None,
            },
        )
        return self.ids[username]

    def sign_in(self, username: str) -> None:
        set_profile_value(self.store, "current_user_id", self.ids[username])

    def account(
        self,
        name: str,
        *,
        owner: str,
        tier: str = "B",
        latitude: float | None = 45.5,
        longitude: float | None = -73.6,
        frequency: int | None = None,
        created_at: str = LONG_AGO,
        country: str = "CA",
    ) -> str:
        return self._put(
            "accounts",
            {
                "id": self.new_id(2),
                "name": name,
                "tier": tier,
                "country": country,
                "latitude": latitude,
                "longitude": longitude,
                "owner_id": self.ids[owner],
                "visit_frequency_days": frequency,
                "created_at": created_at,
            },
        )

    def visit(
        self,
        account_id: str,
        *,
        rep: str,
        start: str,
        status: str = "completed",
        position: int | None = None,
        checked_out_at: str | None = None,
        minutes: int = 45,
    ) -> str:
        """A visit; a held one was checked in at its start and out ``minutes`` later (or
        at ``checked_out_at``)."""
        held = status == "completed"
        return self._put(
            "visits",
            {
                "id": self.new_id(3),
                "account_id": account_id,
                "rep_id": self.ids[rep],
                "planned_start": start,
                "planned_end": _plus_minutes(start, minutes),
                "route_position": position,
                "status": status,
                "checked_in_at": start if held else None,
                "checked_out_at": (checked_out_at or _plus_minutes(start, minutes))
                if held
                else None,
                "contacts_met": [],
                "outcome": "positive" if held else None,
                "summary": "Rencontre" if held else None,
                "created_at": LONG_AGO,
            },
        )

    def report(
        self, visit_id: str, *, at: str, synced: bool = True, arrived_at: str | None = None
    ) -> str:
        """A visit report saved at ``at`` (the laptop's time) that reached the server at
        ``arrived_at`` (the server's stamp; none: a record from before the stamps)."""
        row = self.store.query_one(
            "SELECT account_id, rep_id FROM visits WHERE id = ?", (visit_id,)
        )
        assert row is not None
        return self._put(
            "notes",
            {
                "id": self.new_id(4),
                "account_id": row["account_id"],
                "visit_id": visit_id,
                "author_id": row["rep_id"],
                "kind": "visit_report",
                "body": "Rapport de visite",
                "pinned": False,
                "created_at": at,
                "updated_at": at,
                "arrived_at": arrived_at,
            },
            synced,
        )

    def review(
        self,
        note_id: str,
        *,
        at: str,
        reviewer: str,
        synced: bool = True,
        arrived_at: str | None = None,
    ) -> str:
        return self._put(
            "reviews",
            {
                "id": self.new_id(5),
                "note_id": note_id,
                "reviewer_id": self.ids[reviewer],
                "reviewed_at": at,
                "created_at": at,
                "arrived_at": arrived_at,
            },
            synced,
        )

    def lead(
        self,
        account_id: str,
        *,
        to: str,
        by: str,
        handed_at: str,
        status: str = "handed",
        accepted_at: str | None = None,
        returned_at: str | None = None,
        visit_id: str | None = None,
    ) -> str:
        """A lead handed by ``by`` to ``to``; the instants are the server's stamps."""
        return self._put(
            "leads",
            {
                "id": self.new_id(8),
                "account_id": account_id,
                "handed_by": self.ids[by],
                "assignee_id": self.ids[to],
                "status": status,
                "why": "Agrandit sa boutique",
                "visit_id": visit_id,
                "handed_at": handed_at,
                "accepted_at": accepted_at,
                "returned_at": returned_at,
                "reason": "Pas dans mon secteur" if returned_at else None,
                "updated_at": handed_at,
            },
        )

    def hand_off(
        self,
        account_id: str,
        *,
        by: str,
        handed_at: str,
        team: str | None = "inside",
        to: str | None = None,
        claimed_by: str | None = None,
        completed_at: str | None = None,
        status: str | None = None,
    ) -> str:
        """A follow-up ``by`` handed to a team (or to ``to``) at ``handed_at``, as the
        server stamped it; ``completed_at`` is the server's acceptance of its completion."""
        return self._put(
            "follow_ups",
            {
                "id": self.new_id(7),
                "account_id": account_id,
                "title": "Envoyer la soumission",
                "assignee_user_id": None if to is None else self.ids[to],
                "assignee_team": None if to is not None else team,
                "claimed_by": None if claimed_by is None else self.ids[claimed_by],
                "created_by": self.ids[by],
                "due_date": handed_at[:10],
                "status": status or ("done" if completed_at else "open"),
                "completed_at": completed_at,
                "outcome": "Soumission envoyée" if completed_at else None,
                "handed_at": handed_at,
                "created_at": handed_at,
                "updated_at": completed_at or handed_at,
            },
        )

    def opportunity(
        self,
        account_id: str,
        *,
        stage: str,
        amount: float | None,
        close_date: str | None,
        currency: str = "CAD",
        updated_at: str = LONG_AGO,
    ) -> str:
        return self._put(
            "opportunities",
            {
                "id": self.new_id(6),
                "account_id": account_id,
                "name": "Commande",
                "stage": stage,
                "amount": amount,
                "currency": currency,
                "close_date": close_date,
                "updated_at": updated_at,
            },
        )

    def follow_up(
        self,
        account_id: str,
        *,
        created_at: str,
        due_date: str,
        status: str = "open",
        completed_at: str | None = None,
        updated_at: str | None = None,
        team: str | None = "inside",
        assignee: str | None = None,
    ) -> str:
        return self._put(
            "follow_ups",
            {
                "id": self.new_id(7),
                "account_id": account_id,
                "title": "Rappeler",
                "assignee_user_id": None if assignee is None else self.ids[assignee],
                "assignee_team": None if assignee is not None else team,
                "due_date": due_date,
                "status": status,
                "completed_at": completed_at,
                "created_at": created_at,
                "updated_at": updated_at or completed_at or created_at,
            },
        )


def _plus_minutes(start: str, minutes: int) -> str:
    moment = datetime.fromisoformat(start.replace("Z", "+00:00"))
    return to_text(datetime.fromtimestamp(moment.timestamp() + minutes * 60, UTC))


def build(store: Store, clock: FakeClock) -> KpiWorld:
    """The organisation every KPI test starts from: two teams, their people, no activity."""
    world = KpiWorld(store, clock)
    world.user("manager", "manager")
    world.user("julie", "field", "quebec")
    world.user("marc", "field", "quebec")
    world.user("rita", "field", "quebec")  # a rep with no visits at all
    world.user("ines", "inside", "quebec")
    world.user("paul", "field", "france")
    world.user("ivan", "inside", "france")
    world.sign_in("manager")
    return world


@pytest.fixture
def kpi_clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def kpi_store(tmp_path: Path, kpi_clock: FakeClock) -> Iterator[Store]:
    with open_store(tmp_path / "kpi-profile", create=True, clock=kpi_clock) as opened:
        yield opened


@pytest.fixture
def org(kpi_store: Store, kpi_clock: FakeClock) -> KpiWorld:
    return build(kpi_store, kpi_clock)
