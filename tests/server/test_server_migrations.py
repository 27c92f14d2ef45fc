"""The server database's migrations, on SQLite and PostgreSQL: an old database (made before
migrations existed) is migrated with all its data and then served; a new one is built to
exactly the tables the server declares; a migration that fails changes nothing."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi.testclient import TestClient
from support import server_before_migrations as old
from support.server_before_handoffs import FIELDS_BEFORE_HANDOFFS, as_before_handoffs
from support.server_world import FAST_HASH, T0, FakeClock

from fieldapp.catalogue import FIELDS
from fieldapp.ids import new_id
from sync.server.app import create_app
from sync.server.auth import password_hasher
from sync.server.config import ServerConfig
from sync.server.migrations import (
    BASELINE,
    MigrationError,
    current_revision,
    head_revision,
    upgrade_database,
)
from sync.server.seed import DEMO_PASSWORD, seed_demo
from sync.server.tables import metadata, open_database


def make_old_database(url: str, accounts: int = 25) -> None:
    """A database as the server made it before migrations: frozen tables, demo data seeded
    by the server's own code, and a row in each bookkeeping table."""
    engine = sa.create_engine(url)
    old.create_old_database(engine)
    seed_demo(engine, password_hasher(FAST_HASH).hash(DEMO_PASSWORD), accounts, 3, int(T0))
    as_before_handoffs(engine)  # what a server of then could store
    with engine.begin() as conn:
        user_id = conn.execute(sa.select(old.users.c.id).limit(1)).scalar_one()
        conn.execute(
            old.tokens.insert().values(
                token_hash="a" * 64,
                kind="refresh",
                user_id=user_id,
                refresh_hash=None,
                expires_at=int(T0) + 3600,
                revoked=False,
                created_at=int(T0),
            )
        )
        conn.execute(
            old.applied_mutations.insert().values(
                mutation_id=new_id(),
                user_id=user_id,
                result='{"status": "applied", "version": 1}',
                applied_at=int(T0),
            )
        )
        conn.execute(
            old.sign_in_failures.insert().values(username="field", address="10.0.0.9", at=int(T0))
        )
    engine.dispose()


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the old database had, in primary-key order."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = {
            table.name: [
                tuple(row)
                for row in conn.execute(sa.select(table).order_by(*table.primary_key.columns))
            ]
            for table in old.metadata.sorted_tables
        }
    engine.dispose()
    return rows


def with_fields_added_since(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[Any]]:
    """``rows`` as the migrations leave them: every record's ``data`` has every field the
    catalogue declares now, those it lacked as null, in the order they were added."""
    data_at = [c.name for c in old.records.columns].index("data")
    migrated = []
    for row in rows["records"]:
        data = json.loads(row[data_at])
        for name in FIELDS[row[0]]:
            if name not in FIELDS_BEFORE_HANDOFFS[row[0]]:
                data.setdefault(name, None)
        migrated.append((*row[:data_at], json.dumps(data), *row[data_at + 1 :]))
    return {**rows, "records": migrated}


def test_the_migration_of_issue_11_adds_its_collections_and_fields_and_serves_them(
    database_url: str,
) -> None:
    """An old database with data: after the migrations the new collections can be stored
    (the CHECK constraints name them) and the old records carry the new fields."""
    make_old_database(database_url)
    engine = open_database(database_url)
    with engine.connect() as conn:
        notes = [
            json.loads(r.data)
            for r in conn.execute(sa.text("SELECT data FROM records WHERE collection = 'notes'"))
        ]
    assert notes and all(n["arrived_at"] is None and n["pinned_at"] is None for n in notes)
    config = ServerConfig(database_url=database_url, password_cost=FAST_HASH, clock=FakeClock())
    with TestClient(create_app(config, engine)) as client:
        token = client.post(
            "/v1/auth/token",
            json={"grant_type": "password", "username": "inside", "password": DEMO_PASSWORD},
        ).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        page = client.get("/v1/changes", params={"limit": 5000}, headers=headers).json()
        report = next(
            c["record"]
            for c in page["changes"]
            if c["collection"] == "notes" and c["record"]["kind"] == "visit_report"
        )
        assert "arrived_at" in report and page["server_time"]
        answer = client.post(
            "/v1/mutations",
            headers=headers,
            json={
                "device_id": "laptop",
                "mutations": [
                    {
                        "mutation_id": new_id(),
                        "collection": "handoff_events",
                        "record_id": new_id(),
                        "op": "create",
                        "fields": {
                            "account_id": report["account_id"],
                            "follow_up_id": None,
                            "lead_id": None,
                            "action": "commented",
                            "actor_id": token["user"]["id"],
                            "note": "x",
                        },
                        "base_version": None,
                    },
                    {
                        "mutation_id": new_id(),
                        "collection": "priorities",
                        "record_id": new_id(),
                        "op": "create",
                        "fields": {
                            "account_id": report["account_id"],
                            "rep_id": report["author_id"],
                            "day": "2026-11-19",
                            "why": "Rupture de stock.",
                            "flagged_by": token["user"]["id"],
                        },
                        "base_version": None,
                    },
                ],
            },
        ).json()
        # The comment is refused by the rules (no lead nor follow-up), the priority stored.
        assert [r["status"] for r in answer["results"]] == ["rejected", "applied"], answer
    with engine.connect() as conn:
        assert (
            conn.execute(
                sa.text("SELECT count(*) FROM changes WHERE collection = 'priorities'")
            ).scalar_one()
            == 1
        )
    engine.dispose()


def check_names(conn: sa.engine.Connection) -> dict[str, set[str]]:
    inspector = sa.inspect(conn)
    return {
        table: {c["name"] for c in inspector.get_check_constraints(table) if c.get("name")}
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


def test_an_old_server_database_is_migrated_with_all_its_data_and_served(
    database_url: str,
) -> None:
    make_old_database(database_url)
    before = snapshot(database_url)
    assert len(before["records"]) > 100 and before["tokens"] and before["sign_in_failures"]

    engine = open_database(database_url)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        assert check_names(conn)["records"] == {"records_collection_known"}
    # Every row byte for byte, but for the fields added since (issue 11), given to every
    # stored record as null.
    assert snapshot(database_url) == with_fields_added_since(before)

    # The migrated database is served: the demo rep signs in with the old password, pulls
    # the old records and edits one of them.
    config = ServerConfig(database_url=database_url, password_cost=FAST_HASH, clock=FakeClock())
    with TestClient(create_app(config, engine)) as client:
        answer = client.post(
            "/v1/auth/token",
            json={"grant_type": "password", "username": "field", "password": DEMO_PASSWORD},
        )
        assert answer.status_code == 200, answer.text
        headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        page = client.get("/v1/changes", params={"limit": 1000}, headers=headers).json()
        accounts = [c for c in page["changes"] if c["collection"] == "accounts"]
        assert accounts, page
        account = accounts[0]
        pushed = client.post(
            "/v1/mutations",
            headers=headers,
            json={
                "device_id": "laptop",
                "mutations": [
                    {
                        "mutation_id": new_id(),
                        "collection": "accounts",
                        "record_id": account["id"],
                        "op": "update",
                        "fields": {"city": "Laval"},
                        "base_version": account["version"],
                    }
                ],
            },
        ).json()
        assert pushed["results"][0]["status"] == "applied", pushed
    # The catalogue's words are the database's now: a misspelt one is refused.
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO changes (seq, collection, record_id, territory, op)"
                " VALUES (999999, 'accounts', 'x', 'Lyon', 'upsrt')"
            )
        )
    engine.dispose()


def test_a_new_database_is_built_exactly_as_the_server_declares_its_tables(
    database_url: str,
) -> None:
    engine = open_database(database_url)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
        declared = {
            table.name: {
                c.name
                for c in table.constraints
                if isinstance(c, sa.CheckConstraint) and isinstance(c.name, str)
            }
            for table in metadata.sorted_tables
        }
        assert check_names(conn) == declared
        counter = conn.execute(sa.text("SELECT name, value FROM sequence_counter")).all()
        assert [tuple(r) for r in counter] == [("changes", 0)]
    engine.dispose()
    # Opening it again migrates nothing and changes nothing.
    before = snapshot(database_url)
    open_database(database_url).dispose()
    assert snapshot(database_url) == before


def test_a_migration_that_fails_leaves_the_old_database_as_it_was(database_url: str) -> None:
    make_old_database(database_url, accounts=5)
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:  # a record the catalogue has no collection for
        conn.execute(
            old.records.insert().values(
                collection="widgets",
                id="w1",
                account_id=None,
                territory="*",
                data="{}",
                field_versions="{}",
                version=1,
                created_version=1,
                created_device=None,
                deleted=False,
                created_at="2026-11-18T00:00:00Z",
                updated_at="2026-11-18T00:00:00Z",
            )
        )
    engine.dispose()
    before = snapshot(database_url)
    with pytest.raises(MigrationError, match="could not be migrated from revision 0001"):
        open_database(database_url)
    assert snapshot(database_url) == before
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        assert current_revision(conn) is None  # not even stamped
        assert check_names(conn).get("records", set()) == set()
    engine.dispose()


def test_a_database_from_a_newer_server_is_refused_and_untouched(database_url: str) -> None:
    open_database(database_url).dispose()
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    before = snapshot(database_url)
    with pytest.raises(MigrationError, match="newer FieldApp server"):
        open_database(database_url)
    assert snapshot(database_url) == before


def test_two_servers_starting_together_migrate_one_after_the_other(database_url: str) -> None:
    make_old_database(database_url, accounts=5)
    before = snapshot(database_url)
    errors: list[BaseException] = []

    def start() -> None:
        try:
            upgrade_database(database_url)
        except BaseException as exc:  # the test reports it below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert snapshot(database_url) == with_fields_added_since(before)  # migrated once
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision() != BASELINE
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar_one() == 1
    engine.dispose()
