"""Every write returns its change set: the rows the store's writers touched, named by the
store itself, complete, and only what was committed."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from support.core_world import World
from support.table_diff import differences, snapshot, unexplained
from test_outbox import CORE, WRITE_SQL, every_story_step

from fieldapp.errors import ConstraintError, StoreError
from fieldapp.store.change_set import EMPTY, ROW_LIMIT, Kind
from fieldapp.store.changes import create_record, update_record
from fieldapp.store.drafts import discard_draft, save_draft
from fieldapp.store.replica import delete_server_records, upsert_server_records
from fieldapp.usecases import accounts, notes

# The modules that write rows a view can show; each records what it writes.
RECORDING_WRITERS = ("store/changes.py", "store/replica.py", "store/syncbook.py", "store/drafts.py")


def test_each_step_of_a_day_of_work_announces_exactly_the_rows_it_changed(
    world: World, tmp_path: Path
) -> None:
    store = world.store
    checked: list[str] = []
    problems: list[str] = []

    def act(work: Any, *args: Any, **kwargs: Any) -> Any:
        before = snapshot(store, tmp_path)
        with store.gather_changes() as gathered:
            result = work(*args, **kwargs)
        after = snapshot(store, tmp_path)
        assert differences(before, after), f"{work.__name__} changed nothing"
        assert not gathered.changes.whole  # a person's step is a handful of rows
        problems.extend(
            f"{work.__name__}: {p}" for p in unexplained(before, after, gathered.changes)
        )
        checked.append(work.__name__)
        return result

    every_story_step(world, act)
    assert problems == []
    assert len(checked) == 34  # the story really ran, step by step


def test_the_outermost_transaction_returns_its_change_set(world: World) -> None:
    store = world.store
    with store.transaction() as outer:
        note = notes.add_note(store, world.account_id, "Rappeler lundi")
        with store.transaction() as inner:
            accounts.edit_account(store, world.account_id, phone="514 555 0100")
        assert inner.changes.ids("accounts") == {world.account_id}  # this level's rows
    assert outer.changes.kinds("notes") == {note.id: Kind.CREATED}
    assert outer.changes.kinds("accounts") == {world.account_id: Kind.UPDATED}
    assert len(outer.changes.ids("outbox") or ()) == 2


def test_a_savepoint_rolled_back_takes_its_rows_out_of_the_set(world: World) -> None:
    store = world.store
    with store.transaction() as outer:
        kept = notes.add_note(store, world.account_id, "Gardée")
        with pytest.raises(StoreError), store.transaction():
            accounts.edit_account(store, world.account_id, phone="514 555 0100")
            raise StoreError("refused half-way")
    assert outer.changes.ids("notes") == {kept.id}
    assert not outer.changes.touches("accounts")


def test_a_transaction_rolled_back_yields_nothing(world: World) -> None:
    store = world.store
    with store.gather_changes() as gathered:
        with pytest.raises(ConstraintError):
            create_record(store, "contacts", {"account_id": "no-such-account", "first_name": "X"})
        assert gathered.changes is EMPTY
    assert store.scalar("SELECT count(*) FROM contacts WHERE first_name = 'X'") == 0


def test_gathering_several_transactions_keeps_what_committed_before_a_failure(
    world: World,
) -> None:
    store = world.store
    with store.gather_changes() as gathered:
        note = notes.add_note(store, world.account_id, "Avant l'erreur")
        with pytest.raises(ConstraintError):
            create_record(store, "contacts", {"account_id": "no-such-account", "first_name": "X"})
    assert gathered.changes.ids("notes") == {note.id}
    assert not gathered.changes.touches("contacts")


def test_a_row_touched_twice_is_named_once_with_its_net_kind(world: World) -> None:
    store = world.store
    with store.transaction() as tx:
        note = notes.add_note(store, world.account_id, "Premier jet")
        update_record(store, "notes", note.id, {"body": "Second jet"})
        save_draft(store, "visit-report:x", {"summary": "a"})
        discard_draft(store, "visit-report:x")
    assert tx.changes.kinds("notes") == {note.id: Kind.CREATED}
    assert tx.changes.kinds("drafts") == {"visit-report:x": Kind.DELETED}


def test_server_state_tells_created_from_updated_and_ignores_unknown_tombstones(
    world: World,
) -> None:
    store = world.store
    record = {
        "id": "0190a000-0000-7000-8000-00000000c0de",
        "name": "Quincaillerie Roy",
        "tier": "B",
        "version": 3,
        "created_at": "2026-11-01T10:00:00Z",
    }
    with store.transaction() as tx:
        upsert_server_records(store, "accounts", [record, {**record, "id": world.account_id}])
        delete_server_records(store, "notes", ["0190a000-0000-7000-8000-00000000dead"])
    assert tx.changes.kinds("accounts") == {
        record["id"]: Kind.CREATED,
        world.account_id: Kind.UPDATED,
    }
    assert not tx.changes.touches("notes")  # nothing was deleted here


def test_a_large_write_names_its_collection_as_a_whole(world: World) -> None:
    store = world.store
    many = [
        {
            "id": f"0190a000-0000-7000-8000-{n:012x}",
            "name": f"Compte {n}",
            "tier": "C",
            "version": 1,
            "created_at": "2026-11-01T10:00:00Z",
        }
        for n in range(ROW_LIMIT + 1)
    ]
    with store.transaction() as tx:
        upsert_server_records(store, "accounts", many)
    assert tx.changes.whole == {"accounts"} and tx.changes.ids("accounts") is None
    assert tx.changes.touches("accounts")


def test_every_writer_records_the_rows_its_sql_writes() -> None:
    # Structural half of the proof: a function of a writer module holding SQL that writes
    # a shown table also records rows (or calls the one helper of its module that does).
    helpers = {"_record_upserts", "_append_mutation", "_store_conflict", "_map_ids"}
    offenders = []
    for name in RECORDING_WRITERS:
        tree = ast.parse((CORE / name).read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            writes = [
                node.value
                for node in ast.walk(function)
                if isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and WRITE_SQL.search(node.value)
                and "temp." not in node.value  # this connection's scratch tables
                and "search_" not in node.value  # the derived search index
            ]
            called = {
                node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
                for node in ast.walk(function)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
            }
            if writes and not ({"record", "record_whole"} | helpers) & called:
                offenders.append(f"{name}:{function.name}")
    assert offenders == []


def test_a_gathering_past_the_limit_spares_the_look_ups_of_later_pages(world: World) -> None:
    # A download's later pages: the cycle will name accounts as a whole, so a small page
    # records them as a whole too instead of asking which ids it held.
    store = world.store
    with store.gather_changes() as gathered:
        with store.transaction():
            store.record_whole("accounts")
        with store.transaction() as page:
            upsert_server_records(
                store,
                "accounts",
                [
                    {
                        "id": world.account_id,
                        "name": "Boulangerie Saint-Laurent",
                        "tier": "A",
                        "version": 2,
                        "created_at": "2026-01-05T15:00:00Z",
                    }
                ],
            )
    assert page.changes.whole == {"accounts"} and gathered.changes.whole == {"accounts"}
