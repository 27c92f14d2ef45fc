"""The store side of sync: the outbox empties only on the server's word, pulls merge
field by field, tombstones take children with them, a bad page is refused whole."""

from __future__ import annotations

import json

import pytest
from support.core_world import World

from fieldapp.errors import StoreError
from fieldapp.store.syncbook import (
    FieldConflict,
    MutationResult,
    PulledChange,
    acknowledge,
    apply_pulled,
    feed_cursor,
    outbox_size,
    pending_mutations,
    save_cursor,
)
from fieldapp.usecases import accounts, notes


def account_record(world: World, **changes: object) -> dict[str, object]:
    row = world.store.query_one("SELECT * FROM accounts WHERE id = ?", (world.account_id,))
    assert row is not None
    return {**row, **changes}


def test_a_mutation_leaves_the_outbox_only_when_the_server_answered(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    accounts.edit_account(world.store, world.other_account_id, tier="B")
    batch = pending_mutations(world.store, 500)
    summary = acknowledge(
        world.store, batch, [MutationResult(batch[0].mutation_id, "applied", version=7)]
    )
    assert summary.applied == 1
    assert [m.mutation_id for m in pending_mutations(world.store, 500)] == [batch[1].mutation_id]
    assert accounts.get_account(world.store, world.account_id).version == 7


def test_an_edit_made_while_its_record_was_in_flight_stays_queued(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    batch = pending_mutations(world.store, 500)
    accounts.edit_account(world.store, world.account_id, phone="514 555 0199")  # during push
    acknowledge(world.store, batch, [MutationResult(batch[0].mutation_id, "duplicate", 8)])
    [left] = pending_mutations(world.store, 500)
    assert left.fields == {"phone": "514 555 0199"}
    assert accounts.get_account(world.store, world.account_id).phone == "514 555 0199"


def test_a_conflict_keeps_mine_theirs_and_the_base(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100", city="Laval")
    batch = pending_mutations(world.store, 500)
    summary = acknowledge(
        world.store,
        batch,
        [
            MutationResult(
                batch[0].mutation_id,
                "conflict",
                version=9,
                conflicts=(FieldConflict("phone", "514 555 0777", 8),),
            )
        ],
    )
    assert summary.conflicts == 1 and outbox_size(world.store) == 0
    [conflict] = world.store.query("SELECT * FROM conflicts")
    assert (conflict["field"], conflict["status"], conflict["remote_version"]) == (
        "phone",
        "open",
        8,
    )
    assert [json.loads(conflict[k]) for k in ("local_value", "remote_value", "base_value")] == [
        "514 555 0100",
        "514 555 0777",
        "514-555-0142",
    ]
    # Until someone decides, the record shows what this rep typed.
    assert accounts.get_account(world.store, world.account_id).phone == "514 555 0100"


def test_a_rejection_is_kept_with_its_reason(world: World) -> None:
    note = notes.add_note(world.store, world.account_id, "Texte important")
    batch = pending_mutations(world.store, 500)
    acknowledge(
        world.store,
        batch,
        [
            MutationResult(
                batch[0].mutation_id,
                "rejected",
                reason="account outside your territory",
                code="forbidden",
            )
        ],
    )
    [rejected] = world.store.query("SELECT * FROM rejected_mutations")
    assert (rejected["record_id"], rejected["reason"], rejected["code"]) == (
        note.id,
        "account outside your territory",
        "forbidden",
    )
    assert json.loads(rejected["fields"])["body"] == "Texte important"  # no word lost
    assert outbox_size(world.store) == 0


def test_a_pulled_change_merges_with_a_queued_local_change(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    apply_pulled(
        world.store,
        [
            PulledChange(
                "accounts",
                world.account_id,
                "upsert",
                12,
                account_record(world, name="Boulangerie SL", phone="514 555 0999", version=12),
            )
        ],
    )
    merged = accounts.get_account(world.store, world.account_id)
    assert (merged.name, merged.phone, merged.version) == ("Boulangerie SL", "514 555 0100", 12)


def test_a_field_in_conflict_keeps_its_local_value_on_pull(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    batch = pending_mutations(world.store, 500)
    acknowledge(
        world.store,
        batch,
        [
            MutationResult(
                batch[0].mutation_id, "conflict", 9, (FieldConflict("phone", "514 555 0777", 8),)
            )
        ],
    )
    apply_pulled(
        world.store,
        [
            PulledChange(
                "accounts",
                world.account_id,
                "upsert",
                9,
                account_record(world, phone="514 555 0777", city="Laval", version=9),
            )
        ],
    )
    merged = accounts.get_account(world.store, world.account_id)
    assert (merged.phone, merged.city) == ("514 555 0100", "Laval")


def test_a_tombstone_takes_the_children_with_it(world: World) -> None:
    notes.add_note(world.store, world.account_id, "Note")
    apply_pulled(world.store, [PulledChange("accounts", world.account_id, "delete", 20)])
    for table, column in (("accounts", "id"), ("contacts", "account_id"), ("notes", "account_id")):
        count = world.store.scalar(
            f"SELECT count(*) FROM {table} WHERE {column} = ?", (world.account_id,)
        )
        assert count == 0, table
    # The note typed here is still queued: the server will answer for it, not the pull.
    assert outbox_size(world.store) == 1


def test_a_page_whose_records_do_not_fit_is_refused_whole(world: World) -> None:
    orphan = {
        "id": "0190a000-0000-7000-8000-00000000c999",
        "account_id": "missing",
        "last_name": "Nobody",
        "version": 3,
        "created_at": "2026-01-01T00:00:00Z",
    }
    renamed = account_record(world, name="Renamed", version=4)
    with pytest.raises(StoreError):
        apply_pulled(
            world.store,
            [
                PulledChange("accounts", world.account_id, "upsert", 4, renamed),
                PulledChange("contacts", orphan["id"], "upsert", 3, orphan),
            ],
        )
    assert accounts.get_account(world.store, world.account_id).name == ("Boulangerie Saint-Laurent")


def test_the_cursor_is_saved_per_feed(world: World) -> None:
    assert feed_cursor(world.store) is None
    save_cursor(world.store, "abc")
    save_cursor(world.store, "xyz", feed="accounts")
    assert (feed_cursor(world.store), feed_cursor(world.store, "accounts")) == ("abc", "xyz")


def test_crm_assigned_ids_are_mapped_both_ways(world: World) -> None:
    from fieldapp.store.syncbook import local_id, remote_id

    note = notes.add_note(world.store, world.account_id, "Pour un CRM à ses propres ids")
    [m] = pending_mutations(world.store, 10)
    acknowledge(
        world.store, [m], [MutationResult(m.mutation_id, "applied", 3, remote_id="a0B5e000001XyZ")]
    )
    assert remote_id(world.store, "notes", note.id) == "a0B5e000001XyZ"
    assert local_id(world.store, "notes", "a0B5e000001XyZ") == note.id
    apply_pulled(
        world.store,
        [
            PulledChange(
                "accounts",
                world.account_id,
                "upsert",
                5,
                account_record(world, version=5),
                remote_id="0015e00000AbCdE",
            )
        ],
    )
    assert local_id(world.store, "accounts", "0015e00000AbCdE") == world.account_id
    assert remote_id(world.store, "accounts", world.other_account_id) is None
