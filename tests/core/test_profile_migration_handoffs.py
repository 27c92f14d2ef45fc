"""A profile made before the hand-offs (schema 3) migrates with a backup, keeps every row
of every table and its unsent work, and takes the new collections at once."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from support.core_world import T0, FakeClock

from fieldapp.store import database_path, open_store
from fieldapp.store.migrations import migrate
from fieldapp.store.replica import set_profile_value
from fieldapp.store.schema import LATEST_VERSION
from fieldapp.usecases import handoffs, inbox

FIELD = "0190a000-0000-7000-8000-00000000f001"
INSIDE = "0190a000-0000-7000-8000-00000000f002"
ACCOUNT = "0190a000-0000-7000-8000-00000000a001"
STAMP = "2026-11-20T15:00:00Z"

# A day of work as a schema-3 profile held it: written with that schema's columns only.
ROWS_OF_SCHEMA_3 = (
    "INSERT INTO users (id, username, display_name, role, team, territory, version,"
    f" created_at, updated_at) VALUES ('{FIELD}', 'field', 'Julie Tremblay', 'field', 'quebec',"
    f" 'Montréal', 1, '{STAMP}', '{STAMP}')",
    "INSERT INTO users (id, username, display_name, role, team, version, created_at,"
    f" updated_at) VALUES ('{INSIDE}', 'inside', 'Marc Gagnon', 'inside', 'quebec', 1,"
    f" '{STAMP}', '{STAMP}')",
    "INSERT INTO accounts (id, name, tier, city, owner_id, version, created_at, updated_at)"
    f" VALUES ('{ACCOUNT}', 'Café du Plateau', 'A', 'Montréal', '{FIELD}', 3, '{STAMP}',"
    f" '{STAMP}')",
    "INSERT INTO visits (id, account_id, rep_id, planned_start, planned_end, status,"
    " checked_in_at, checked_out_at, outcome, summary, version, created_at, updated_at)"
    f" VALUES ('v1', '{ACCOUNT}', '{FIELD}', '{STAMP}', '2026-11-20T16:00:00Z', 'completed',"
    f" '{STAMP}', '2026-11-20T15:50:00Z', 'positive', 'Belle rencontre', 4, '{STAMP}',"
    f" '{STAMP}')",
    "INSERT INTO notes (id, account_id, visit_id, author_id, kind, body, pinned, version,"
    f" created_at, updated_at) VALUES ('n1', '{ACCOUNT}', 'v1', '{FIELD}', 'visit_report',"
    f" 'Belle rencontre', 0, NULL, '{STAMP}', '{STAMP}')",
    "INSERT INTO follow_ups (id, account_id, title, assignee_team, due_date, status,"
    " origin_visit_id, created_by, version, created_at, updated_at) VALUES ('f1',"
    f" '{ACCOUNT}', 'Envoyer la soumission', 'inside', '2026-11-24', 'open', 'v1', '{FIELD}',"
    f" 5, '{STAMP}', '{STAMP}')",
    "INSERT INTO reviews (id, note_id, reviewer_id, reviewed_at, version, created_at,"
    f" updated_at) VALUES ('r1', 'n1', '{INSIDE}', '{STAMP}', 6, '{STAMP}', '{STAMP}')",
    "INSERT INTO outbox (mutation_id, collection, record_id, op, fields, previous,"
    f" base_version, created_at) VALUES ('m1', 'notes', 'n1', 'create', '{{}}', '{{}}', NULL,"
    f" '{STAMP}')",
    f"INSERT INTO drafts (key, body, saved_at) VALUES ('visit-report:v1', '{{}}', '{STAMP}')",
    f"INSERT INTO profile (key, value) VALUES ('current_user_id', '{FIELD}')",
)


def tables(path: Path) -> dict[str, list[dict[str, Any]]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith(("sqlite_", "search_"))
        ]
        return {
            n: [dict(r) for r in conn.execute(f'SELECT * FROM "{n}" ORDER BY rowid')] for n in names
        }
    finally:
        conn.close()


def test_a_profile_of_schema_3_migrates_and_keeps_every_row(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    path = database_path(profile)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, None, target=3)
    for statement in ROWS_OF_SCHEMA_3:
        conn.execute(statement)
    conn.close()
    before = tables(path)

    clock = FakeClock(T0)
    with open_store(profile, clock=clock) as store:
        assert store.schema_version == LATEST_VERSION
        after = tables(path)
        for table, rows in before.items():
            if table == "schema_migrations":
                continue
            kept = [{k: row[k] for k in rows[0]} for row in after[table]] if rows else []
            assert kept == rows, table  # every row, every old column, unchanged
        # The new columns are empty: the server's stamps arrive with the next sync.
        assert after["notes"][0]["arrived_at"] is None
        assert after["follow_ups"][0]["claimed_by"] is None
        for new in ("sla_policies", "leads", "priorities", "handoff_events", "inbox_reads"):
            assert after[new] == []
        # And they work at once: the inside rep hands a lead, the field rep reads an item.
        set_profile_value(store, "current_user_id", INSIDE)
        lead = handoffs.hand_over_lead(store, ACCOUNT, to_rep_id=FIELD, why="Un bon prospect")
        set_profile_value(store, "current_user_id", FIELD)
        inbox.mark_read(store, "notes", "n1")
        clock.advance(hours=1)
        _, visit = handoffs.accept_lead(store, lead.id, T0 + timedelta(days=1))
        assert store.scalar("SELECT count(*) FROM outbox") == 5  # the old one kept, first
        assert store.scalar("SELECT mutation_id FROM outbox ORDER BY seq LIMIT 1") == "m1"
        assert visit.account_id == ACCOUNT
    backups = list(profile.glob("fieldapp.v3-*.backup.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 3
    assert copy.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 1
    copy.close()
