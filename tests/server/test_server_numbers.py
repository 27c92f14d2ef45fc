"""Every integer the API takes, forged: beyond the databases' range, negative, ahead of
the feed. Each is a 4xx (or a rejected mutation) that changes nothing, never a 500; on
SQLite and on PostgreSQL (the ``world`` fixture runs both)."""

from __future__ import annotations

import base64
from typing import Any

import pytest
import sqlalchemy as sa
from support.server_world import World, create, update

from fieldapp.ids import new_id
from sync.server.tables import records

# Beyond SQLite's INTEGER and PostgreSQL's BIGINT, at their edge, absurd, negative.
HUGE = [2**63, 2**64, 10**30, 10**400, -(2**63) - 1, -1]
HUGE_IDS = ["2^63", "2^64", "10^30", "10^400", "-2^63-1", "-1"]


def _forged(cursor: str, seq: int) -> str:
    """A real cursor of this caller with its sequence number replaced."""
    text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    prefix, _, fingerprint = text.split(":")
    forged = f"{prefix}:{seq}:{fingerprint}"
    return base64.urlsafe_b64encode(forged.encode()).decode().rstrip("=")


def _latest_sequence(world: World) -> int:
    with world.engine.connect() as conn:
        return int(conn.execute(sa.text("SELECT value FROM sequence_counter")).scalar_one())


def _stored(world: World) -> list[Any]:
    with world.engine.connect() as conn:
        return list(conn.execute(sa.select(records).order_by(records.c.id)).all())


# 10^400 is left out: a cursor that long is refused for its length (invalid_request).
@pytest.mark.parametrize(
    "seq",
    [2**63, 2**64, 10**30, -(2**63) - 1, -1, 2**63 - 1],
    ids=["2^63", "2^64", "10^30", "-2^63-1", "-1", "2^63-1"],
)
def test_a_cursor_with_a_forged_sequence_is_an_invalid_cursor(world: World, seq: int) -> None:
    world.create_account("field")
    _, cursor = world.pull_all("field")
    answer = world.client.get(
        "/v1/changes", params={"cursor": _forged(cursor, seq)}, headers=world.headers("field")
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "invalid_cursor"


def test_a_cursor_ahead_of_the_feed_is_refused_so_the_laptop_reads_it_again(
    world: World,
) -> None:
    # What a laptop holds after the server was restored from an older backup: a cursor
    # the feed has not reached. Accepted, it would wait for changes it will never get.
    world.create_account("field")
    _, cursor = world.pull_all("field")
    ahead = _forged(cursor, _latest_sequence(world) + 1)
    answer = world.client.get(
        "/v1/changes", params={"cursor": ahead}, headers=world.headers("field")
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_cursor"
    assert "start again without a cursor" in answer.json()["error"]["message"]
    at_the_end = _forged(cursor, _latest_sequence(world))
    answer = world.client.get(
        "/v1/changes", params={"cursor": at_the_end}, headers=world.headers("field")
    )
    assert answer.status_code == 200 and answer.json()["changes"] == []


@pytest.mark.parametrize("limit", HUGE, ids=HUGE_IDS)
def test_a_huge_page_limit_is_a_clear_error(world: World, limit: int) -> None:
    answer = world.client.get(
        "/v1/changes", params={"limit": str(limit)}, headers=world.headers("field")
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize("base_version", HUGE, ids=HUGE_IDS)
def test_a_base_version_out_of_range_refuses_the_batch_and_changes_nothing(
    world: World, base_version: int
) -> None:
    account_id = world.create_account("field")
    before = _stored(world)
    answer = world.client.post(
        "/v1/mutations",
        headers=world.headers("field"),
        json={
            "device_id": "laptop-1",
            "mutations": [update("accounts", account_id, {"city": "Laval"}, base_version)],
        },
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["code"] == "invalid_request"
    assert "base_version" in answer.json()["error"]["message"]
    assert _stored(world) == before


# Every whole-number or numeric field of a record, with a value no rule accepts.
NUMERIC_FIELDS = [
    ("accounts", "visit_frequency_days"),
    ("accounts", "latitude"),
    ("visits", "route_position"),
    ("opportunities", "amount"),
]


# -1 is left out: it is a fine latitude.
@pytest.mark.parametrize("value", HUGE[:-1], ids=HUGE_IDS[:-1])
@pytest.mark.parametrize(("collection", "name"), NUMERIC_FIELDS)
def test_a_huge_number_in_a_field_is_rejected_with_its_field(
    world: World, collection: str, name: str, value: int
) -> None:
    account_id = world.create_account("field")
    record_id = account_id
    if collection != "accounts":
        record_id = new_id()
        fields: dict[str, Any] = {"account_id": account_id}
        if collection == "visits":
            fields |= {
                "rep_id": world.ids["field"],
                "planned_start": "2026-11-19T14:00:00Z",
                "planned_end": "2026-11-19T15:00:00Z",
                "status": "planned",
            }
        else:
            fields |= {"name": "Comptoir 2027", "stage": "prospecting"}
        [made] = world.push("field", create(collection, record_id, fields))
        assert made["status"] == "applied", made
    before = _stored(world)
    extra = {"longitude": -73.5} if name == "latitude" else {}
    [result] = world.push("field", update(collection, record_id, {name: value, **extra}, None))
    assert result["status"] == "rejected", result
    assert (result["code"], result["field"]) == ("invalid_field", name)
    assert _stored(world) == before


def test_a_base_version_the_record_never_had_is_a_conflict_not_an_overwrite(
    world: World,
) -> None:
    account_id = world.create_account("field", phone="514 555 0100")
    changes, _ = world.pull_all("field")
    seen = next(c["version"] for c in changes if c["id"] == account_id)
    [inside] = world.push(
        "inside",
        update("accounts", account_id, {"phone": "514 555 0199"}, seen),
        device="office-pc",
    )
    assert inside["status"] == "applied"
    # Without the rule, a base "newer" than the record made the inside rep's phone look
    # unchanged since, and the laptop's value silently replaced it.
    forged_base = inside["version"] + 1000
    [field] = world.push(
        "field",
        update("accounts", account_id, {"phone": "514 555 0142", "city": "Laval"}, forged_base),
        device="laptop-1",
    )
    assert field["status"] == "conflict", field
    assert field["conflicts"] == [
        {"field": "phone", "server_value": "514 555 0199", "server_version": inside["version"]}
    ]
    changes, _ = world.pull_all("field")
    record = next(c["record"] for c in changes if c["id"] == account_id)
    assert record["phone"] == "514 555 0199"  # the other person's edit stands
    assert record["city"] == "Laval"  # no one else changed the city: it applies
