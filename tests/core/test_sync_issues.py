"""Resolving what sync could not settle: conflicts each way, rejected changes."""

from __future__ import annotations

import pytest
from support.core_world import World

from fieldapp.errors import InvalidStateError, ValidationError
from fieldapp.store.syncbook import (
    FieldConflict,
    MutationResult,
    acknowledge,
    pending_mutations,
)
from fieldapp.usecases import accounts, notes
from fieldapp.usecases.sync_issues import (
    discard_rejected,
    keep_mine,
    merge,
    open_conflicts,
    open_rejections,
    retry_rejected,
    take_theirs,
)


def phone_conflict(world: World) -> str:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    [m] = pending_mutations(world.store, 10)
    acknowledge(
        world.store,
        [m],
        [
            MutationResult(
                m.mutation_id, "conflict", 9, (FieldConflict("phone", "514 555 0777", 8),)
            )
        ],
    )
    [conflict] = open_conflicts(world.store)
    assert (conflict.local_value, conflict.remote_value, conflict.base_value) == (
        "514 555 0100",
        "514 555 0777",
        "514-555-0142",
    )
    return conflict.id


def test_keep_mine_sends_my_value_over_the_servers_version(world: World) -> None:
    keep_mine(world.store, phone_conflict(world))
    [m] = pending_mutations(world.store, 10)
    assert (m.fields, m.base_version) == ({"phone": "514 555 0100"}, 8)
    assert open_conflicts(world.store) == []
    with pytest.raises(InvalidStateError):
        keep_mine(world.store, "no-such-conflict")


def test_take_theirs_takes_the_server_value_and_queues_nothing(world: World) -> None:
    take_theirs(world.store, phone_conflict(world))
    assert accounts.get_account(world.store, world.account_id).phone == "514 555 0777"
    assert pending_mutations(world.store, 10) == [] and open_conflicts(world.store) == []


def test_merge_sends_a_value_written_from_both(world: World) -> None:
    conflict_id = phone_conflict(world)
    with pytest.raises(ValidationError):
        merge(world.store, conflict_id, 5140000)
    merge(world.store, conflict_id, "514 555 0100 / 514 555 0777")
    assert accounts.get_account(world.store, world.account_id).phone == (
        "514 555 0100 / 514 555 0777"
    )
    [m] = pending_mutations(world.store, 10)
    assert m.base_version == 8


def reject_last(world: World, reason: str = "tier must be A, B or C") -> str:
    [m] = pending_mutations(world.store, 10)
    acknowledge(
        world.store,
        [m],
        [MutationResult(m.mutation_id, "rejected", reason=reason, code="invalid_field")],
    )
    [rejection] = open_rejections(world.store)
    return rejection.id


def test_a_rejected_change_can_be_corrected_and_retried(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, city="Laval")
    rejection_id = reject_last(world)
    retry_rejected(world.store, rejection_id, {"city": "Laval-des-Rapides"})
    [m] = pending_mutations(world.store, 10)
    assert (m.op, m.fields, m.base_version) == ("update", {"city": "Laval-des-Rapides"}, 1)
    assert open_rejections(world.store) == []


def test_a_rejected_creation_can_be_retried_whole(world: World) -> None:
    note = notes.add_note(world.store, world.account_id, "Texte à garder")
    retry_rejected(world.store, reject_last(world, "server busy with migrations"))
    [m] = pending_mutations(world.store, 10)
    assert (m.op, m.record_id, m.fields["body"]) == ("create", note.id, "Texte à garder")


def test_discarding_a_rejected_change_restores_the_servers_values(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, city="Laval")
    discard_rejected(world.store, reject_last(world))
    assert accounts.get_account(world.store, world.account_id).city == "Montréal"
    note = notes.add_note(world.store, world.account_id, "Refusée")
    discard_rejected(world.store, reject_last(world))
    assert world.store.scalar("SELECT count(*) FROM notes WHERE id = ?", (note.id,)) == 0
    assert pending_mutations(world.store, 10) == [] and open_rejections(world.store) == []
