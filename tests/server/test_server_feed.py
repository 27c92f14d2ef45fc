"""The change feed: pages and cursors, tombstones, scope, and scope changes."""

from __future__ import annotations

import threading
from typing import Any

import sqlalchemy as sa
from support.server_world import World, create, delete, update

from fieldapp.ids import new_id
from sync.server.tables import changes


def _ids(changes_: list[dict[str, Any]], collection: str, op: str = "upsert") -> set[str]:
    return {c["id"] for c in changes_ if c["collection"] == collection and c["op"] == op}


def _state(changes_: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any] | None]:
    """What a client holds after applying the changes in order."""
    held: dict[tuple[str, str], dict[str, Any] | None] = {}
    for change in changes_:
        key = (change["collection"], change["id"])
        if change["op"] == "upsert":
            held[key] = change["record"]
        else:
            held.pop(key, None)
    return held


def test_first_sync_pages_through_the_feed_until_caught_up(world: World) -> None:
    account_id = world.create_account("field")
    world.push(
        "field",
        *[
            create("contacts", new_id(), {"account_id": account_id, "last_name": f"Roy {n}"})
            for n in range(7)
        ],
    )
    pages = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        body = world.client.get("/v1/changes", params=params, headers=world.headers("field")).json()
        pages.append(body["changes"])
        cursor = body["cursor"]
        if not body["has_more"]:
            break
    assert all(len(page) <= 3 for page in pages)
    everything = [c for page in pages for c in page]
    assert len(_ids(everything, "contacts")) == 7
    assert _ids(everything, "accounts") == {account_id}
    assert len(_ids(everything, "users")) == 6  # the staff directory
    versions = [c["version"] for c in everything if c["collection"] != "users"]
    assert versions == sorted(versions)  # server order: the account before its contacts
    # Caught up: the same cursor returns nothing until something changes.
    again = world.client.get(
        "/v1/changes", params={"cursor": cursor}, headers=world.headers("field")
    ).json()
    assert again.pop("server_time")  # the server's clock, for the laptop's SLA clocks
    assert again == {"changes": [], "cursor": cursor, "has_more": False}


def test_a_record_appears_once_per_page_at_its_latest_version(world: World) -> None:
    account_id = world.create_account("field")
    _, cursor = world.pull_all("field")
    version = None
    for phone in ("514 555 0101", "514 555 0102", "514 555 0103"):
        [result] = world.push("field", update("accounts", account_id, {"phone": phone}, version))
        version = result["version"]
    changes_, _ = world.pull_all("field", cursor=cursor)
    assert len(changes_) == 1
    assert changes_[0]["record"]["phone"] == "514 555 0103"
    assert changes_[0]["version"] == version


def test_deleted_record_arrives_as_a_tombstone(world: World) -> None:
    account_id = world.create_account("field")
    contact_id = new_id()
    world.push(
        "field", create("contacts", contact_id, {"account_id": account_id, "last_name": "Roy"})
    )
    _, cursor = world.pull_all("field")
    [result] = world.push("inside", delete("contacts", contact_id), device="pc")
    assert result["status"] == "applied"
    changes_, _ = world.pull_all("field", cursor=cursor)
    assert changes_ == [
        {"collection": "contacts", "id": contact_id, "op": "delete", "version": result["version"]}
    ]
    # A first sync after the delete never sees the record at all.
    assert contact_id not in {c["id"] for c in world.pull_all("field")[0] if c["op"] == "upsert"}


def test_field_rep_never_sees_another_territory(world: World) -> None:
    mine = world.create_account("field")
    theirs = world.create_account("field2", name="Dépanneur Lévesque")
    world.push(
        "field2", create("contacts", new_id(), {"account_id": theirs, "last_name": "Lévesque"})
    )
    feed, _ = world.pull_all("field")
    assert _ids(feed, "accounts") == {mine}
    assert not _ids(feed, "contacts")
    inside, _ = world.pull_all("inside")
    assert _ids(inside, "accounts") == {mine, theirs}
    french, _ = world.pull_all("inside_fr")
    assert not _ids(french, "accounts")
    manager, _ = world.pull_all("manager")
    assert _ids(manager, "accounts") == {mine, theirs}


def test_account_moving_territory_leaves_one_rep_and_reaches_the_other(world: World) -> None:
    account_id = world.create_account("field")
    contact_id, note_id = new_id(), new_id()
    world.push(
        "field",
        create("contacts", contact_id, {"account_id": account_id, "last_name": "Roy"}),
        create(
            "notes",
            note_id,
            {
                "account_id": account_id,
                "kind": "visit_report",
                "author_id": world.ids["field"],
                "body": "Hello",
            },
        ),
    )
    losing, losing_cursor = world.pull_all("field")
    gaining, gaining_cursor = world.pull_all("field2")
    inside, inside_cursor = world.pull_all("inside")
    assert account_id in _ids(losing, "accounts") and account_id not in _ids(gaining, "accounts")

    # The inside team hands the account to the Québec rep.
    base = _state(inside)[("accounts", account_id)]["version"]  # type: ignore[index]
    [moved] = world.push(
        "inside",
        update("accounts", account_id, {"owner_id": world.ids["field2"]}, base),
        device="pc",
    )
    assert moved["status"] == "applied"

    lost, _ = world.pull_all("field", cursor=losing_cursor)
    assert _ids(lost, "accounts", "delete") == {account_id}
    assert _ids(lost, "contacts", "delete") == {contact_id}
    assert _ids(lost, "notes", "delete") == {note_id}
    assert not [c for c in lost if c["op"] == "upsert"]

    gained, _ = world.pull_all("field2", cursor=gaining_cursor)
    assert _ids(gained, "accounts") == {account_id}
    assert _ids(gained, "contacts") == {contact_id}  # unchanged, yet sent: it entered scope
    assert _ids(gained, "notes") == {note_id}
    held = _state(gaining + gained)
    assert held[("contacts", contact_id)]["last_name"] == "Roy"  # type: ignore[index]
    order = [c["collection"] for c in gained]
    assert order.index("accounts") < order.index("contacts")  # parents first

    # The inside rep sees both territories: the account stays, once, as an upsert.
    seen_by_inside, _ = world.pull_all("inside", cursor=inside_cursor)
    assert ("accounts", account_id) in _state(inside + seen_by_inside)
    # The rep who lost the account can no longer write to it.
    [refused] = world.push("field", update("accounts", account_id, {"city": "Laval"}, None))
    assert refused["code"] == "forbidden"


def test_the_change_log_keeps_one_row_per_record_and_territory(world: World) -> None:
    account_id = world.create_account("field")
    for n in range(5):
        world.push("field", update("accounts", account_id, {"phone": f"514 555 010{n}"}, None))
    with world.engine.connect() as conn:
        rows = conn.execute(
            sa.select(sa.func.count()).select_from(changes).where(changes.c.record_id == account_id)
        ).scalar_one()
    assert rows == 1


def test_an_unreadable_cursor_is_refused_as_invalid_cursor(world: World) -> None:
    for cursor in ("not-a-cursor", "djE6OTk5", "%%%", "x" * 150):
        answer = world.client.get(
            "/v1/changes", params={"cursor": cursor}, headers=world.headers("field")
        )
        assert answer.status_code == 400, cursor
        assert answer.json()["error"]["code"] == "invalid_cursor"


def test_a_cursor_taken_under_another_scope_is_refused(world: World) -> None:
    _, cursor = world.pull_all("field")
    answer = world.client.get(
        "/v1/changes", params={"cursor": cursor}, headers=world.headers("field2")
    )
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_cursor"


def test_a_limit_out_of_range_is_a_clear_error(world: World) -> None:
    for limit in ("0", "5001", "lots"):
        answer = world.client.get(
            "/v1/changes", params={"limit": limit}, headers=world.headers("field")
        )
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "invalid_request"


def test_concurrent_pushes_get_distinct_versions_and_all_reach_the_feed(world: World) -> None:
    account_id = world.create_account("field")
    headers = world.headers("field")
    errors: list[str] = []

    def push_many(device: str) -> None:
        for _ in range(8):
            answer = world.client.post(
                "/v1/mutations",
                headers=headers,
                json={
                    "device_id": device,
                    "mutations": [
                        create(
                            "contacts", new_id(), {"account_id": account_id, "last_name": device}
                        )
                    ],
                },
            )
            if answer.status_code != 200 or answer.json()["results"][0]["status"] != "applied":
                errors.append(answer.text)

    threads = [threading.Thread(target=push_many, args=(f"laptop-{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    feed, _ = world.pull_all("field", limit=5)
    contacts = [c for c in feed if c["collection"] == "contacts"]
    assert len(contacts) == 32
    assert len({c["version"] for c in contacts}) == 32
