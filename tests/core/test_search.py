"""Global search: prefixes, accents, every searchable kind, and hostile queries."""

from __future__ import annotations

import pytest
from support.core_world import World

from fieldapp.search import match_expression, search
from fieldapp.store.changes import delete_record
from fieldapp.usecases import accounts, notes


def titles(world: World, text: str) -> list[tuple[str, str]]:
    return [(h.collection, h.title) for h in search(world.store, text)]


def test_typing_the_start_of_a_name_finds_the_account(world: World) -> None:
    # The name weighs more than the contact's e-mail at boulangerie-sl.ca, found second.
    assert titles(world, "boul") == [
        ("accounts", "Boulangerie Saint-Laurent"),
        ("contacts", "Élise Bouchard"),
    ]
    assert titles(world, "BOULANGERIE saint") == [("accounts", "Boulangerie Saint-Laurent")]
    assert titles(world, "north hard") == [("accounts", "Northern Hardware Supply")]


@pytest.mark.parametrize("query", ["montreal", "Montréal", "MONTRE", "montréa"])
def test_accents_do_not_matter(world: World, query: str) -> None:
    [hit] = search(world.store, query)
    assert (hit.collection, hit.detail) == ("accounts", "Montréal")


def test_contacts_are_found_by_name_and_email(world: World) -> None:
    [by_name] = search(world.store, "elise bouch")
    assert (by_name.collection, by_name.title, by_name.account_name) == (
        "contacts",
        "Élise Bouchard",
        "Boulangerie Saint-Laurent",
    )
    [by_email] = search(world.store, "elise@boulangerie")
    assert by_email.record_id == by_name.record_id


def test_notes_are_found_by_their_words_with_an_excerpt(world: World) -> None:
    world.sign_in(world.inside_id)
    note = notes.add_note(
        world.store,
        world.other_account_id,
        "Le gérant veut une démonstration du nouveau four à convection.",
    )
    [hit] = search(world.store, "four convec")
    assert (hit.collection, hit.record_id, hit.account_id) == (
        "notes",
        note.id,
        world.other_account_id,
    )
    assert hit.title == "Northern Hardware Supply" and "convection" in hit.detail


def test_the_index_follows_edits_and_deletions(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, name="Pâtisserie Saint-Laurent")
    assert titles(world, "boulang") == [("contacts", "Élise Bouchard")]  # by e-mail only
    assert titles(world, "patis") == [("accounts", "Pâtisserie Saint-Laurent")]
    note = notes.add_note(world.store, world.account_id, "Mot-clé xylophone")
    delete_record(world.store, "notes", note.id)
    assert search(world.store, "xylophone") == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "*",
        "boul*",
        "NEAR(boul mont)",
        "boul OR north",
        "-boul",
        "title:boul",
        "^boul",
        "boul AND",
        "(",
        "'; DROP TABLE accounts; --",
        "\x00",
        "🙂 boul",
    ],
)
def test_query_syntax_is_taken_as_plain_text(world: World, query: str) -> None:
    hits = search(world.store, query)  # never raises
    assert all(h.collection in ("accounts", "contacts", "notes") for h in hits)
    assert world.store.scalar("SELECT count(*) FROM accounts") == 2


def test_operators_are_words_not_syntax(world: World) -> None:
    # "boul OR north" must not become a disjunction: no account has both words.
    assert search(world.store, "boul OR north") == []
    assert titles(world, "boul*") == titles(world, "boul")


def test_too_short_queries_return_nothing(world: World) -> None:
    assert match_expression("b") is None and search(world.store, "b") == []
    assert search(world.store, "   ") == []


def test_records_written_in_bulk_are_indexed_like_single_ones(world: World) -> None:
    from fieldapp.store.replica import BULK_INDEX_THRESHOLD, upsert_server_records

    def shops(name: str) -> list[dict[str, object]]:
        return [
            {
                "id": f"0190a000-0000-7000-8000-{i:012d}",
                "name": f"{name} {i}",
                "tier": "C",
                "city": "Lyon",
                "version": 2,
                "created_at": "2026-01-01T00:00:00Z",
            }
            for i in range(BULK_INDEX_THRESHOLD + 50)
        ]

    upsert_server_records(world.store, "accounts", shops("Épicerie"))
    assert len(search(world.store, "epicerie", limit=1000)) == BULK_INDEX_THRESHOLD + 50
    upsert_server_records(world.store, "accounts", shops("Droguerie"))  # the same ids, renamed
    assert search(world.store, "epicerie") == []
    assert len(search(world.store, "droguerie lyon", limit=1000)) == BULK_INDEX_THRESHOLD + 50
    # The triggers are back: a single edit is still indexed.
    accounts.edit_account(world.store, "0190a000-0000-7000-8000-000000000007", name="Mercerie")
    assert [h.title for h in search(world.store, "mercerie")] == ["Mercerie"]
    fts_rows = world.store.scalar("SELECT count(*) FROM search_fts")
    assert fts_rows == world.store.scalar("SELECT count(*) FROM search_docs")


def test_excerpt_shows_the_words_found_in_a_long_note(world: World) -> None:
    body = "Début de la réunion. " * 30 + "Le client veut un réfrigérateur neuf. " + "Fin. " * 30
    notes.add_note(world.store, world.account_id, body)
    [hit] = search(world.store, "refrig")
    assert "réfrigérateur" in hit.detail
    assert hit.detail.startswith("…") and hit.detail.endswith("…") and len(hit.detail) < 100


def test_one_letter_words_match_exactly_not_as_prefixes(world: World) -> None:
    assert match_expression("jusqu'à") == '"jusqu"* "à"'
    notes.add_note(world.store, world.account_id, "Livraison jusqu'à jeudi.")
    assert [h.collection for h in search(world.store, "jusqu'à")] == ["notes"]
