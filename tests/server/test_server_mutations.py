"""Pushing mutations: applied, duplicate, conflict, rejected, and the scope rules."""

from __future__ import annotations

from typing import Any

import pytest
from support.server_world import World, create, delete, update

from fieldapp.error_codes import ENGLISH, english
from fieldapp.ids import new_id


def _record(world: World, username: str, collection: str, record_id: str) -> dict[str, Any]:
    changes, _ = world.pull_all(username)
    found = [c for c in changes if c["collection"] == collection and c["id"] == record_id]
    assert found, f"{collection} {record_id} not in {username}'s feed"
    return dict(found[-1].get("record") or {})


def test_new_account_is_applied_and_versioned(world: World) -> None:
    account_id = new_id()
    [result] = world.push(
        "field",
        create(
            "accounts",
            account_id,
            {
                "name": "  Quincaillerie Gagnon ",
                "tier": "a",
                "phone": "514 555 0100",
                "owner_id": world.ids["field"],
                "created_at": "2026-11-18T14:00:00Z",
            },
        ),
    )
    assert result["status"] == "applied" and isinstance(result["version"], int)
    record = _record(world, "field", "accounts", account_id)
    assert record["name"] == "Quincaillerie Gagnon" and record["tier"] == "A"  # normalised
    assert record["version"] == result["version"]
    assert record["created_at"] == "2026-11-18T14:00:00Z"


def test_replayed_mutation_is_a_duplicate_with_the_first_result(world: World) -> None:
    account_id = world.create_account("field")
    contact = create("contacts", new_id(), {"account_id": account_id, "last_name": "Roy"})
    [first] = world.push("field", contact)
    [again] = world.push("field", contact)
    assert first["status"] == "applied"
    assert again["status"] == "duplicate" and again["version"] == first["version"]
    # Even a different body under the same mutation id changes nothing.
    changed = {**contact, "fields": {"account_id": account_id, "last_name": "Other"}}
    [third] = world.push("field", changed)
    assert third["status"] == "duplicate"
    record = _record(world, "field", "contacts", contact["record_id"])
    assert record["last_name"] == "Roy"
    contacts = [c for c in world.pull_all("field")[0] if c["collection"] == "contacts"]
    assert len(contacts) == 1


def test_same_field_changed_on_both_sides_is_a_conflict_with_the_server_value(
    world: World,
) -> None:
    account_id = world.create_account("field", phone="514 555 0100")
    base = _record(world, "field", "accounts", account_id)["version"]
    [inside] = world.push(
        "inside",
        update("accounts", account_id, {"phone": "514 555 0199"}, base),
        device="office-pc",
    )
    assert inside["status"] == "applied"
    [field] = world.push(
        "field",
        update("accounts", account_id, {"phone": "514 555 0142", "city": "Montréal"}, base),
        device="laptop-1",
    )
    assert field["status"] == "conflict"
    assert field["conflicts"] == [
        {"field": "phone", "server_value": "514 555 0199", "server_version": inside["version"]}
    ]
    record = _record(world, "field", "accounts", account_id)
    assert record["phone"] == "514 555 0199"  # the server's value stands
    assert record["city"] == "Montréal"  # the field that did not conflict was applied
    assert field["version"] == record["version"] > inside["version"]


def test_different_fields_changed_on_both_sides_both_survive(world: World) -> None:
    account_id = world.create_account("field")
    base = _record(world, "field", "accounts", account_id)["version"]
    [a] = world.push(
        "inside",
        update("accounts", account_id, {"phone": "418 555 0101"}, base),
        device="office-pc",
    )
    [b] = world.push("field", update("accounts", account_id, {"city": "Montréal"}, base))
    assert (a["status"], b["status"]) == ("applied", "applied")
    record = _record(world, "field", "accounts", account_id)
    assert (record["phone"], record["city"]) == ("418 555 0101", "Montréal")


def test_two_people_typing_the_same_value_is_not_a_conflict(world: World) -> None:
    account_id = world.create_account("field")
    base = _record(world, "field", "accounts", account_id)["version"]
    world.push("inside", update("accounts", account_id, {"tier": "A"}, base), device="pc")
    [same] = world.push("field", update("accounts", account_id, {"tier": "A"}, base))
    assert same["status"] == "applied"


def test_one_laptop_editing_a_record_twice_offline_does_not_conflict_with_itself(
    world: World,
) -> None:
    account_id = world.create_account("field")
    base = _record(world, "field", "accounts", account_id)["version"]
    results = world.push(
        "field",
        update("accounts", account_id, {"phone": "514 555 0111"}, base),
        update("accounts", account_id, {"phone": "514 555 0122"}, base),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]
    # A record created offline and edited before its version was seen (base null).
    contact_id = new_id()
    results = world.push(
        "field",
        create("contacts", contact_id, {"account_id": account_id, "last_name": "Roy"}),
        update("contacts", contact_id, {"last_name": "Roy-Côté"}, None),
    )
    assert [r["status"] for r in results] == ["applied", "applied"]


@pytest.mark.parametrize(
    "mutation, code",
    [
        (lambda acc: create("accounts", new_id(), {"name": "X", "tier": "D"}), "invalid_field"),
        (lambda acc: create("accounts", new_id(), {"name": "X"}), "invalid_field"),
        (
            lambda acc: create(
                "contacts",
                new_id(),
                {"account_id": acc, "last_name": "Roy", "email": "not an address"},
            ),
            "invalid_field",
        ),
        (
            lambda acc: create(
                "contacts", new_id(), {"account_id": acc, "last_name": "Roy", "shoe_size": 42}
            ),
            "invalid_field",
        ),
        (
            lambda acc: create(
                "follow_ups",
                new_id(),
                {
                    "account_id": acc,
                    "title": "Call back",
                    "due_date": "2026-11-30",
                    "status": "open",
                    "assignee_user_id": "u1",
                    "assignee_team": "inside",
                },
            ),
            "invalid_field",
        ),
        (lambda acc: create("invoices", new_id(), {"total": 12}), "unknown_collection"),
        (lambda acc: create("users", new_id(), {"username": "mallory"}), "forbidden"),
        (lambda acc: update("accounts", new_id(), {"name": "Ghost"}, 1), "not_found"),
        (lambda acc: update("contacts", new_id(), {"account_id": acc}, 1), "not_found"),
        (lambda acc: create("accounts", acc, {"name": "Twice", "tier": "A"}), "id_taken"),
    ],
)
def test_invalid_mutations_are_rejected_with_a_reason(
    world: World, mutation: Any, code: str
) -> None:
    account_id = world.create_account("field")
    [result] = world.push("field", mutation(account_id))
    assert result["status"] == "rejected" and result["code"] == code, result
    # The reason travels as a catalogue code with plain parameters, and the English
    # sentence (for older clients and logs) is that code's sentence.
    assert result["reason_code"] in ENGLISH, result
    assert all(
        value is None or isinstance(value, str | int | float)
        for value in result["reason_params"].values()
    )
    assert result["reason"] == english(result["reason_code"], result["reason_params"])


def test_a_rejections_reason_code_names_the_refusal_with_its_parameters(world: World) -> None:
    account_id = world.create_account("field")
    [unknown] = world.push("field", create("invoices", new_id(), {"total": 12}))
    assert (unknown["reason_code"], unknown["reason_params"]) == (
        "server.no_collection",
        {"collection": "invoices"},
    )
    # A value the catalogue refuses carries the core's own code, and names the field.
    [tier] = world.push("field", update("accounts", account_id, {"tier": "Z"}, None))
    assert tier["field"] == "tier" and tier["reason_code"].startswith("check."), tier
    assert "Z" in tier["reason_params"]["value2"]
    assert tier["reason"] == english(tier["reason_code"], tier["reason_params"])


def test_a_rejected_mutation_does_not_block_the_rest_of_the_batch(world: World) -> None:
    account_id = world.create_account("field")
    good_before = create("contacts", new_id(), {"account_id": account_id, "last_name": "Roy"})
    bad = update("accounts", account_id, {"tier": "Z"}, None)
    good_after = create("contacts", new_id(), {"account_id": account_id, "last_name": "Côté"})
    results = world.push("field", good_before, bad, good_after)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert [r["mutation_id"] for r in results] == [
        good_before["mutation_id"],
        bad["mutation_id"],
        good_after["mutation_id"],
    ]
    assert _record(world, "field", "accounts", account_id)["tier"] == "B"


def test_a_rejected_mutation_keeps_nothing_of_itself(world: World) -> None:
    account_id = world.create_account("field")
    base = _record(world, "field", "accounts", account_id)["version"]
    [result] = world.push(
        "field", update("accounts", account_id, {"city": "Laval", "latitude": 45.5}, base)
    )  # latitude without longitude
    assert result["status"] == "rejected"
    assert _record(world, "field", "accounts", account_id)["city"] is None


def test_only_the_author_may_edit_a_note(world: World) -> None:
    account_id = world.create_account("field")
    note_id = new_id()
    [made] = world.push(
        "field",
        create(
            "notes",
            note_id,
            {
                "account_id": account_id,
                "author_id": world.ids["field"],
                "kind": "visit_report",
                "body": "Met the owner.",
            },
        ),
    )
    assert made["status"] == "applied"
    [by_inside] = world.push(
        "inside", update("notes", note_id, {"body": "Rewritten"}, made["version"]), device="pc"
    )
    assert by_inside["status"] == "rejected" and by_inside["code"] == "forbidden"
    [by_author] = world.push(
        "field", update("notes", note_id, {"body": "Met the owners."}, made["version"])
    )
    assert by_author["status"] == "applied"
    [in_someone_elses_name] = world.push(
        "inside",
        create(
            "notes",
            new_id(),
            {
                "account_id": account_id,
                "author_id": world.ids["field"],
                "kind": "for_field",
                "body": "Forged",
            },
        ),
        device="pc",
    )
    assert in_someone_elses_name["code"] == "forbidden"


def test_field_rep_cannot_write_another_territory(world: World) -> None:
    quebec_account = world.create_account("field2", name="Dépanneur Lévesque")
    [foreign_update] = world.push(
        "field", update("accounts", quebec_account, {"name": "Mine now"}, 1)
    )
    assert foreign_update["code"] == "forbidden"
    [child] = world.push(
        "field", create("contacts", new_id(), {"account_id": quebec_account, "last_name": "Spy"})
    )
    assert child["code"] == "forbidden"
    [child_of_nothing] = world.push(
        "field", create("contacts", new_id(), {"account_id": new_id(), "last_name": "Nobody"})
    )
    assert child_of_nothing["code"] == "forbidden"  # same answer: no probing for ids
    [deletion] = world.push("field", delete("accounts", quebec_account))
    assert deletion["code"] == "forbidden"
    [elsewhere] = world.push(
        "field",
        create(
            "accounts", new_id(), {"name": "Not mine", "tier": "C", "owner_id": world.ids["field2"]}
        ),
    )
    assert elsewhere["code"] == "forbidden"
    assert _record(world, "field2", "accounts", quebec_account)["name"] == "Dépanneur Lévesque"


def test_inside_reps_pin_any_note_for_the_field_and_field_reps_do_not(world: World) -> None:
    account_id = world.create_account("field")
    note_id = new_id()
    [made] = world.push(
        "field",
        create(
            "notes",
            note_id,
            {
                "account_id": account_id,
                "author_id": world.ids["field"],
                "kind": "visit_report",
                "body": "Report",
            },
        ),
    )
    [by_field] = world.push("field", update("notes", note_id, {"pinned": True}, made["version"]))
    assert by_field["code"] == "forbidden"
    [by_inside] = world.push(
        "inside", update("notes", note_id, {"pinned": True}, made["version"]), device="pc"
    )
    assert by_inside["status"] == "applied"
    [pin_and_edit] = world.push(
        "inside",
        update("notes", note_id, {"pinned": False, "body": "Rewritten"}, by_inside["version"]),
        device="pc",
    )
    assert pin_and_edit["code"] == "forbidden"
    [pinned_by_field] = world.push(
        "field",
        create(
            "notes",
            new_id(),
            {
                "account_id": account_id,
                "author_id": world.ids["field"],
                "kind": "for_field",
                "body": "Look at me",
                "pinned": True,
            },
        ),
    )
    assert pinned_by_field["code"] == "forbidden"


def test_reviews_are_for_inside_reps(world: World) -> None:
    account_id = world.create_account("field")
    note_id = new_id()
    world.push(
        "field",
        create(
            "notes",
            note_id,
            {
                "account_id": account_id,
                "author_id": world.ids["field"],
                "kind": "visit_report",
                "body": "Report",
            },
        ),
    )
    review = {"note_id": note_id, "reviewed_at": "2026-11-18T15:00:00Z"}
    [by_field] = world.push(
        "field", create("reviews", new_id(), {**review, "reviewer_id": world.ids["field"]})
    )
    assert by_field["code"] == "forbidden"
    [by_inside] = world.push(
        "inside",
        create("reviews", new_id(), {**review, "reviewer_id": world.ids["inside"]}),
        device="pc",
    )
    assert by_inside["status"] == "applied"


def test_an_account_with_children_cannot_be_deleted(world: World) -> None:
    account_id = world.create_account("field")
    world.push(
        "field", create("contacts", new_id(), {"account_id": account_id, "last_name": "Roy"})
    )
    [refused] = world.push("field", delete("accounts", account_id))
    assert refused["code"] == "in_use"


def test_more_than_500_mutations_in_one_request_is_too_large(world: World) -> None:
    batch = [create("contacts", new_id(), {"last_name": "x"}) for _ in range(501)]
    answer = world.client.post(
        "/v1/mutations", headers=world.headers("field"), json={"device_id": "d", "mutations": batch}
    )
    assert answer.status_code == 413
    assert answer.json()["error"]["code"] == "payload_too_large"
