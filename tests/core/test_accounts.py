"""Prospects met on the road, their contacts, and account edits."""

from __future__ import annotations

import json

import pytest
from support.core_world import World

from fieldapp.errors import NoCurrentUserError, ValidationError
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import accounts


def test_prospect_met_on_the_road_is_created_for_the_current_rep(world: World) -> None:
    account = accounts.create_account(
        world.store,
        name=" Quincaillerie Gagnon & Fils ",
        tier="b",
        city="Laval",
        latitude=45.57,
        longitude=-73.72,
        phone="(450) 555-0123 poste 12",
    )
    assert (account.name, account.tier, account.owner_id) == (
        "Quincaillerie Gagnon & Fils",
        "B",
        world.field_id,
    )
    assert account.version is None  # not synced yet
    assert account.effective_visit_frequency_days == 30
    contact = accounts.create_contact(
        world.store,
        account.id,
        first_name="Luc",
        last_name="Gagnon",
        email="Luc.Gagnon@Quincaillerie.CA",
    )
    assert contact.email == "Luc.Gagnon@quincaillerie.ca"
    assert contacts_names(world, account.id) == ["Luc Gagnon"]


def contacts_names(world: World, account_id: str) -> list[str]:
    return [c.full_name for c in accounts.contacts_of(world.store, account_id)]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"tier": "D"}, "tier", "Tier must be one of A, B, C"),
        ({"latitude": 91, "longitude": 0}, "latitude", "between -90 and 90"),
        ({"latitude": 45.0, "longitude": -181}, "longitude", "between -180 and 180"),
        ({"latitude": 45.0}, "latitude", "go together"),
        ({"latitude": float("nan"), "longitude": 1}, "latitude", "between"),
        ({"name": ""}, "name", "cannot be empty"),
        ({"name": "x" * 201}, "name", "too long"),
        ({"name": "Bad\x00name"}, "name", "control characters"),
        ({"name": "Two\nlines"}, "name", "one line"),
        ({"phone": "call me maybe"}, "phone", "not a phone number"),
        ({"visit_frequency_days": 0}, "visit_frequency_days", "between 1 and 730"),
        ({"owner_id": "someone"}, "owner_id", "not a field of an account you can edit"),
    ],
)
def test_bad_account_edits_are_refused_and_change_nothing(
    world: World, changes: dict[str, object], field: str, message: str
) -> None:
    before = world.store.query("SELECT * FROM accounts ORDER BY id")
    with pytest.raises(ValidationError, match=message) as error:
        accounts.edit_account(world.store, world.account_id, **changes)
    assert error.value.field == field
    assert world.store.query("SELECT * FROM accounts ORDER BY id") == before
    assert world.store.scalar("SELECT count(*) FROM outbox") == 0


def test_edit_account_queues_only_what_changed(world: World) -> None:
    edited = accounts.edit_account(
        world.store,
        world.account_id,
        name="Boulangerie Saint-Laurent",
        city="Montréal-Nord",
        phone="514 555 0100",
    )
    assert edited.city == "Montréal-Nord"
    [mutation] = world.store.query("SELECT fields FROM outbox")
    assert json.loads(mutation["fields"]) == {"city": "Montréal-Nord", "phone": "514 555 0100"}


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "jean@@example.com", "x y@example.com"])
def test_contact_email_must_be_an_email(world: World, email: str) -> None:
    with pytest.raises(ValidationError, match="not an e-mail address") as error:
        accounts.create_contact(world.store, world.account_id, last_name="Roy", email=email)
    assert error.value.field == "email"
    assert world.store.scalar("SELECT count(*) FROM contacts WHERE last_name = 'Roy'") == 0


def test_contact_needs_a_last_name(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        accounts.create_contact(world.store, world.account_id, first_name="Anne", last_name=" ")
    assert error.value.field == "last_name"


def test_opportunity_stage_update(world: World) -> None:
    upsert_server_records(
        world.store,
        "opportunities",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000p1",
                "account_id": world.account_id,
                "name": "Fours 2027",
                "stage": "proposal",
                "amount": 42000.0,
                "currency": "CAD",
                "version": 4,
                "created_at": "2026-06-01T12:00:00Z",
            }
        ],
    )
    moved = accounts.update_opportunity_stage(
        world.store, "0190a000-0000-7000-8000-0000000000p1", "negotiation"
    )
    assert moved.stage == "negotiation"
    [mutation] = world.store.query("SELECT base_version, fields FROM outbox")
    assert mutation["base_version"] == 4
    with pytest.raises(ValidationError, match="Stage must be one of"):
        accounts.update_opportunity_stage(world.store, moved.id, "won")


def test_writing_without_a_signed_in_user_is_refused(world: World) -> None:
    world.store._conn.execute("DELETE FROM profile")
    with pytest.raises(NoCurrentUserError, match="sign in"):
        accounts.create_account(world.store, name="Nouveau", tier="C")
    assert world.store.scalar("SELECT count(*) FROM accounts") == 2
