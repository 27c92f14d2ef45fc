"""A small, known world for the core's tests: two reps, one account, a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fieldapp.store import Store, open_store
from fieldapp.store.replica import set_profile_value, upsert_server_records

T0 = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # a Monday, 08:00 in Montréal


class FakeClock:
    """A clock the test moves by hand, so timestamps are predictable."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class World:
    store: Store
    clock: FakeClock
    field_id: str = "0190a000-0000-7000-8000-00000000f001"
    inside_id: str = "0190a000-0000-7000-8000-00000000f002"
    manager_id: str = "0190a000-0000-7000-8000-00000000f003"
    account_id: str = "0190a000-0000-7000-8000-00000000a001"
    other_account_id: str = "0190a000-0000-7000-8000-00000000a002"
    contact_ids: tuple[str, ...] = (
        "0190a000-0000-7000-8000-00000000c001",
        "0190a000-0000-7000-8000-00000000c002",
    )

    def sign_in(self, user_id: str) -> None:
        set_profile_value(self.store, "current_user_id", user_id)


def _server(record: dict[str, object]) -> dict[str, object]:
    return {"version": 1, "created_at": "2026-01-05T15:00:00Z", **record}


def seed_world(store: Store, clock: FakeClock) -> World:
    world = World(store, clock)
    upsert_server_records(
        store,
        "users",
        [
            _server(
                {
                    "id": world.field_id,
                    "username": "field",
                    "display_name": "Julie Tremblay",
                    "role": "field",
                    "team": "quebec",
                    "territory": "Montréal",
                }
            ),
            _server(
                {
                    "id": world.inside_id,
                    "username": "inside",
                    "display_name": "Marc Gagnon",
                    "role": "inside",
                    "team": "quebec",
                }
            ),
            _server(
                {
                    "id": world.manager_id,
                    "username": "manager",
                    "display_name": "Nathalie Côté",
                    "role": "manager",
                    "team": "quebec",
                }
            ),
        ],
    )
    upsert_server_records(
        store,
        "accounts",
        [
            _server(
                {
                    "id": world.account_id,
                    "name": "Boulangerie Saint-Laurent",
                    "tier": "A",
                    "address": "4521 boulevard Saint-Laurent",
                    "city": "Montréal",
                    "postal_code": "H2T 1R2",
                    "country": "CA",
                    "latitude": 45.5212,
                    "longitude": -73.5878,
                    "phone": "514-555-0142",
                    "owner_id": world.field_id,
                    "visit_frequency_days": 14,
                }
            ),
            _server(
                {
                    "id": world.other_account_id,
                    "name": "Northern Hardware Supply",
                    "tier": "C",
                    "address": "12 Wellington St",
                    "city": "Sherbrooke",
                    "postal_code": "J1H 5C7",
                    "country": "CA",
                    "latitude": 45.4010,
                    "longitude": -71.8929,
                    "owner_id": world.field_id,
                }
            ),
        ],
    )
    upsert_server_records(
        store,
        "contacts",
        [
            _server(
                {
                    "id": world.contact_ids[0],
                    "account_id": world.account_id,
                    "first_name": "Élise",
                    "last_name": "Bouchard",
                    "job_title": "Propriétaire",
                    "email": "elise@boulangerie-sl.ca",
                }
            ),
            _server(
                {
                    "id": world.contact_ids[1],
                    "account_id": world.account_id,
                    "first_name": "Sam",
                    "last_name": "Nguyen",
                    "job_title": "Buyer",
                }
            ),
        ],
    )
    world.sign_in(world.field_id)
    return world


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    with open_store(tmp_path / "profile", create=True, clock=clock) as opened:
        yield opened


@pytest.fixture
def world(store: Store, clock: FakeClock) -> World:
    return seed_world(store, clock)
