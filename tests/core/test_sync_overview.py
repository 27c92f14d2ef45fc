"""What the Sync page reads: queued changes, conflicts and rejections named in a person's
words, and the sync log."""

from __future__ import annotations

from support.core_world import World
from support.sync_issue_world import account_conflict, log_run, reject_latest

from fieldapp.store.changes import delete_record
from fieldapp.usecases import accounts, notes
from fieldapp.usecases.sync_overview import (
    RecordLabel,
    conflicts_to_resolve,
    excerpt,
    pending_changes,
    rejections_to_handle,
    sync_log,
)

ACCOUNT = "Boulangerie Saint-Laurent"


def test_pending_changes_say_what_changed_on_which_record_and_when(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    world.clock.advance(minutes=5)
    note = notes.add_note(world.store, world.account_id, "Élise wants the\nspring catalogue")
    world.clock.advance(minutes=5)
    contact = accounts.create_contact(world.store, world.account_id, last_name="Roy")

    edit, new_note, new_contact = pending_changes(world.store)

    assert (edit.collection, edit.op) == ("accounts", "update")
    assert edit.fields == {"phone": "514 555 0100"}
    assert edit.record == RecordLabel(ACCOUNT, None)
    assert edit.queued_at == "2026-11-23T13:00:00Z"
    assert (new_note.record_id, new_note.op) == (note.id, "create")
    assert new_note.record == RecordLabel("Élise wants the spring catalogue", ACCOUNT)
    assert "created_at" not in new_note.fields and new_note.fields["kind"] == "for_field"
    assert new_note.queued_at == "2026-11-23T13:05:00Z"
    assert new_contact.record == RecordLabel("Roy", ACCOUNT)
    assert new_contact.record_id == contact.id
    assert [c.attempts for c in (edit, new_note, new_contact)] == [0, 0, 0]


def test_a_queued_deletion_is_named_from_what_its_mutation_kept(world: World) -> None:
    delete_record(world.store, "contacts", world.contact_ids[0])
    [deletion] = pending_changes(world.store)
    assert deletion.op == "delete" and deletion.fields == {}
    assert deletion.record == RecordLabel("Élise Bouchard", ACCOUNT)


def test_pending_changes_come_in_pages_in_the_order_they_will_be_sent(world: World) -> None:
    for city in ("Laval", "Longueuil", "Brossard", "Terrebonne"):
        accounts.edit_account(world.store, world.account_id, city=city)
    first = pending_changes(world.store, limit=3)
    rest = pending_changes(world.store, limit=3, after_seq=first[-1].seq)
    cities = [c.fields["city"] for c in first + rest]
    assert cities == ["Laval", "Longueuil", "Brossard", "Terrebonne"]
    assert len(rest) == 1


def test_a_long_note_is_named_by_its_first_words_on_one_line() -> None:
    text = "Met the owner.\n\n" + "The new oven line interests them a lot " * 5
    short = excerpt(text, 40)
    assert short.endswith("…") and "\n" not in short and len(short) <= 40
    assert short.startswith("Met the owner. The new oven")
    assert not short[:-1].endswith(" ")
    assert excerpt("  Short   note ") == "Short note"


def test_the_sync_log_lists_recent_runs_newest_first(world: World) -> None:
    first = log_run(world.store, pushed=3, pulled=120)
    world.clock.advance(hours=1)
    failed = log_run(world.store, pushed=0, error="The server did not answer in time.")
    world.clock.advance(hours=1)
    interrupted = log_run(world.store, finished=False)

    newest, middle, oldest = sync_log(world.store)

    assert [r.id for r in (newest, middle, oldest)] == [interrupted, failed, first]
    assert (oldest.pushed, oldest.pulled, oldest.error, oldest.succeeded) == (3, 120, None, True)
    assert oldest.started_at == oldest.finished_at == "2026-11-23T13:00:00Z"
    assert middle.error == "The server did not answer in time." and not middle.succeeded
    assert newest.finished_at is None and not newest.succeeded
    assert [r.id for r in sync_log(world.store, limit=1)] == [interrupted]


def test_open_conflicts_carry_the_record_they_are_about(world: World) -> None:
    phone, city = account_conflict(
        world.store,
        world.account_id,
        mine={"phone": "514 555 0100", "city": "Laval"},
        theirs={"phone": "514 555 0777", "city": "Montréal-Nord"},
    )
    items = conflicts_to_resolve(world.store)
    # The fields of one record together, in the order the account's form shows them.
    assert [i.conflict.id for i in items] == [city, phone]
    assert all(i.record == RecordLabel(ACCOUNT, None) for i in items)
    by_field = {i.conflict.field: i.conflict for i in items}
    assert (by_field["city"].local_value, by_field["city"].remote_value) == (
        "Laval",
        "Montréal-Nord",
    )


def test_rejected_changes_carry_the_record_and_the_servers_reason(world: World) -> None:
    note = notes.add_note(world.store, world.account_id, "Prix confidentiels")
    rejection_id = reject_latest(world.store, "Notes may not mention prices")
    [item] = rejections_to_handle(world.store)
    assert item.rejection.id == rejection_id and item.rejection.record_id == note.id
    assert item.rejection.reason == "Notes may not mention prices"
    assert item.record == RecordLabel("Prix confidentiels", ACCOUNT)
