"""A profile of schema 4 migrates to the latest schema, where a rejection keeps the
server's reason code and parameters (schema 6, issue 12): its rejections stored before read
as they did, by their English sentence, and the next one is stored with its code."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from support.core_world import T0, FakeClock

from fieldapp.catalogue import ApplyResult
from fieldapp.errors import ConstraintError
from fieldapp.store import database_path, open_store
from fieldapp.store.migrations import migrate
from fieldapp.store.schema import LATEST_VERSION
from fieldapp.store.syncbook import MutationResult, acknowledge, pending_mutations
from fieldapp.usecases import sync_issues

STAMP = "2026-11-20T15:00:00Z"
ACCOUNT = "0190a000-0000-7000-8000-00000000a001"
OLD_REJECTION = (
    "INSERT INTO rejected_mutations (id, mutation_id, collection, record_id, op, fields,"
    " previous, base_version, reason, code, rejected_at) VALUES ('j1', 'm0', 'accounts',"
    f" '{ACCOUNT}', 'update', '{{\"tier\": \"A\"}}', '{{\"tier\": \"B\"}}', 3,"
    f" 'The account is not in your scope.', 'forbidden', '{STAMP}')"
)
QUEUED = (
    "INSERT INTO outbox (mutation_id, collection, record_id, op, fields, previous,"
    f" base_version, created_at) VALUES ('m1', 'accounts', '{ACCOUNT}', 'update',"
    f" '{{\"city\": \"Laval\"}}', '{{\"city\": null}}', 3, '{STAMP}')"
)


def _profile_of_schema_4(tmp_path: Path) -> Path:
    profile = tmp_path / "profile"
    profile.mkdir()
    conn = sqlite3.connect(database_path(profile), isolation_level=None)
    migrate(conn, None, target=4)
    conn.execute(OLD_REJECTION)
    conn.execute(QUEUED)
    conn.close()
    return profile


def test_a_rejection_stored_before_schema_6_reads_with_no_code(tmp_path: Path) -> None:
    profile = _profile_of_schema_4(tmp_path)
    with open_store(profile, clock=FakeClock(T0)) as store:
        assert store.schema_version == LATEST_VERSION >= 6
        [old] = sync_issues.open_rejections(store)
        assert (old.id, old.reason, old.code) == (
            "j1",
            "The account is not in your scope.",
            "forbidden",
        )
        assert (old.reason_code, old.reason_params) == (None, {})
        assert old.fields == {"tier": "A"}
        # The next rejection keeps the code and parameters the server gave.
        [queued] = pending_mutations(store, 10)
        refused = MutationResult(
            "m1",
            ApplyResult.REJECTED,
            reason="The territory Paris is not in your scope.",
            code="forbidden",
            reason_code="server.territory_not_in_scope",
            reason_params={"territory": "Paris"},
        )
        acknowledge(store, [queued], [refused])
        new = [r for r in sync_issues.open_rejections(store) if r.id != "j1"]
        assert [(r.reason_code, r.reason_params) for r in new] == [
            ("server.territory_not_in_scope", {"territory": "Paris"})
        ]
    backups = list(profile.glob("fieldapp.v4-*.backup.db"))
    assert len(backups) == 1


def test_the_parameters_column_holds_json_only(tmp_path: Path) -> None:
    profile = _profile_of_schema_4(tmp_path)
    with open_store(profile, clock=FakeClock(T0)) as store:
        with pytest.raises(ConstraintError), store.transaction():
            store.execute("UPDATE rejected_mutations SET reason_params = '{' WHERE id = 'j1'")
        assert sync_issues.open_rejections(store)[0].reason_params == {}
