"""Search by address (issue 12): an account is found by its street, city, postal code and
province, on a new profile, after an edit, after a bulk download, and on a profile made
before schema 5, which the migration re-indexes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support.core_world import World

from fieldapp.search import Place, account_places, search
from fieldapp.store import database_path, open_store
from fieldapp.store.migrations import migrate
from fieldapp.store.replica import BULK_INDEX_THRESHOLD, upsert_server_records
from fieldapp.store.schema import LATEST_VERSION, SEARCH_TEXT, search_triggers
from fieldapp.usecases import accounts

# The world's accounts: Boulangerie Saint-Laurent, 4521 boulevard Saint-Laurent, Montréal
# H2T 1R2; Northern Hardware Supply, 12 Wellington St, Sherbrooke J1H 5C7 (both in Québec).
BOULANGERIE = "Boulangerie Saint-Laurent"
NORTHERN = "Northern Hardware Supply"


def account_names(world: World, text: str) -> list[str]:
    return [h.title for h in search(world.store, text) if h.collection == "accounts"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Sherbrooke", [NORTHERN]),  # the city
        ("sherb", [NORTHERN]),  # its first letters, as everywhere in search
        ("H2T", [BOULANGERIE]),  # the postal code's first three characters
        ("h2t 1r", [BOULANGERIE]),
        ("H2T1R2", [BOULANGERIE]),  # typed without its space
        ("Wellington", [NORTHERN]),  # a word of the street
        ("12 wellington", [NORTHERN]),
        ("boulevard", [BOULANGERIE]),
    ],
)
def test_an_account_is_found_by_its_address(world: World, query: str, found: list[str]) -> None:
    assert account_names(world, query) == found


def test_a_canadian_account_is_found_by_its_province_in_either_language(world: World) -> None:
    assert sorted(account_names(world, "Québec")) == [BOULANGERIE, NORTHERN]
    assert sorted(account_names(world, "quebec")) == [BOULANGERIE, NORTHERN]
    assert account_names(world, "ontario") == []
    # The postal code names the province: an edit moves the account to Ontario.
    accounts.edit_account(world.store, world.other_account_id, postal_code="K1A 0B1")
    assert account_names(world, "ontario") == [NORTHERN]
    assert account_names(world, "quebec") == [BOULANGERIE]
    # Only a Canadian postal code names a province: "M1 1AE" in Manchester is not Ontario.
    accounts.edit_account(world.store, world.other_account_id, country="GB", postal_code="M1 1AE")
    assert account_names(world, "ontario") == []


def test_an_edited_address_is_found_at_once(world: World) -> None:
    accounts.edit_account(
        world.store,
        world.account_id,
        address="1234 rue Notre-Dame Ouest",
        postal_code="H3J 8K4",
    )
    assert account_names(world, "rue Notre-Dame") == [BOULANGERIE]
    assert account_names(world, "notre dame ouest") == [BOULANGERIE]
    assert account_names(world, "H3J") == [BOULANGERIE]
    assert account_names(world, "montreal H3J") == [BOULANGERIE]
    assert account_names(world, "H2T") == []  # the old postal code left the index
    assert account_names(world, "boulevard") == []


def test_an_address_hit_still_reads_as_the_account_and_its_city(world: World) -> None:
    [hit] = search(world.store, "wellington")
    assert (hit.collection, hit.title, hit.detail, hit.account_id) == (
        "accounts",
        NORTHERN,
        "Sherbrooke",
        world.other_account_id,
    )


def test_the_places_of_the_accounts_found_are_read_for_their_lines(world: World) -> None:
    hits = search(world.store, "quebec")
    places = account_places(world.store, [h.record_id for h in hits])
    assert places[world.other_account_id] == Place(
        "12 Wellington St", "Sherbrooke", "J1H 5C7", "CA"
    )
    assert account_places(world.store, []) == {}
    assert account_places(world.store, ["0190a000-0000-7000-8000-0000000000ff"]) == {}


def test_accounts_downloaded_in_bulk_are_found_by_their_address(world: World) -> None:
    shops = [
        {
            "id": f"0190a000-0000-7000-8000-{i:012d}",
            "name": f"Dépanneur {i}",
            "tier": "C",
            "address": f"{100 + i} rue Notre-Dame Ouest",
            "city": "Montréal",
            "postal_code": "H3J 8K4" if i % 2 else "G1R 4P5",
            "country": "CA",
            "version": 2,
            "created_at": "2026-01-01T00:00:00Z",
        }
        for i in range(BULK_INDEX_THRESHOLD + 20)
    ]
    upsert_server_records(world.store, "accounts", shops)  # the first download's bulk path
    found = search(world.store, "rue notre-dame", limit=1000)
    assert len(found) == BULK_INDEX_THRESHOLD + 20
    assert len(search(world.store, "H3J", limit=1000)) == (BULK_INDEX_THRESHOLD + 20) // 2
    assert len(search(world.store, "G1R4P5", limit=1000)) == (BULK_INDEX_THRESHOLD + 20) // 2
    # The triggers the bulk path put back index the next single edit as before.
    accounts.edit_account(world.store, shops[7]["id"], address="9 avenue du Parc")
    assert [h.title for h in search(world.store, "avenue parc")] == ["Dépanneur 7"]


def test_a_new_profile_has_the_triggers_the_bulk_path_recreates(tmp_path: Path) -> None:
    """The first download drops the triggers and recreates them from search_triggers():
    they must be, byte for byte, the ones the migrations built."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, None)
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    for collection in SEARCH_TEXT:
        insert, update, delete = search_triggers(collection)
        assert stored[f"{collection}_search_insert"] == insert, collection
        assert stored[f"{collection}_search_update"] == update, collection
        assert stored[f"{collection}_search_delete"] == delete, collection


ACCOUNT = "0190a000-0000-7000-8000-00000000a001"
STAMP = "2026-11-20T15:00:00Z"


def test_a_profile_of_schema_4_is_re_indexed_and_found_by_address(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    path = database_path(profile)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, None, target=4)
    conn.execute(
        "INSERT INTO accounts (id, name, tier, address, city, postal_code, country, version,"
        " created_at, updated_at) VALUES (?, 'Café du Plateau', 'A', '1234 rue Notre-Dame Ouest',"
        " 'Montréal', 'H3J 8K4', 'CA', 3, ?, ?)",
        (ACCOUNT, STAMP, STAMP),
    )
    # Schema 4 indexed the city only.
    hits = conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'notre'")
    assert hits.fetchone()[0] == 0
    conn.close()

    with open_store(profile) as store:
        assert store.schema_version == LATEST_VERSION >= 5
        for query in ("rue Notre-Dame", "H3J", "Montréal", "quebec", "café"):
            assert [(h.collection, h.record_id) for h in search(store, query)] == [
                ("accounts", ACCOUNT)
            ], query
        assert store.scalar("SELECT count(*) FROM search_fts") == store.scalar(
            "SELECT count(*) FROM search_docs"
        )
        # Edits after the migration go through the new triggers.
        accounts.edit_account(store, ACCOUNT, address="5 avenue du Mont-Royal")
        assert [h.record_id for h in search(store, "mont-royal")] == [ACCOUNT]
        assert search(store, "notre-dame") == []
    [backup] = profile.glob("fieldapp.v4-*.backup.db")
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 4
    assert copy.execute("SELECT count(*) FROM accounts").fetchone()[0] == 1
    copy.close()
