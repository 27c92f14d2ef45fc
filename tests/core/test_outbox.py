"""The outbox invariant: no local change is saved without being queued, nor queued unsaved."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from support.core_world import T0, World

import fieldapp
from fieldapp.errors import StoreError
from fieldapp.store.changes import delete_record
from fieldapp.store.codec import to_column
from fieldapp.store.schema import COLLECTIONS
from fieldapp.usecases import (
    accounts,
    agreements,
    drafts,
    follow_ups,
    handoffs,
    inbox,
    notes,
    priorities,
    reviews,
    visits,
)

CORE = Path(fieldapp.__file__).parent
# The only modules allowed to hold SQL that writes: the two write paths, the sync
# bookkeeping (outbox acknowledgements, conflicts, cursors) and the schema. Plus the
# drafts of unsaved forms: local-only by design (a half-typed report is not a change for
# the CRM), they write no domain table, and the story below proves none reaches the outbox.
WRITERS = {
    "store/changes.py",
    "store/replica.py",
    "store/syncbook.py",
    "store/migrations.py",
    "store/schema.py",
    "store/drafts.py",
    # The dashboard's snapshots: a cache file of its own beside the profile, never one of
    # the profile's tables (tests/core/test_kpi_snapshot.py).
    "kpi/snapshot.py",
}
WRITE_SQL = re.compile(
    r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|REPLACE\s+INTO)\b",
    re.IGNORECASE,
)


def run_step(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return work(*args, **kwargs)


def every_story_step(world: World, act: Callable[..., Any] = run_step) -> None:
    """A day of work touching every kind of local write there is, each step run by ``act``
    (``act(use_case, *args)``), so that a test can look at each write on its own."""
    store = world.store
    prospect = act(
        accounts.create_account,
        store,
        name="Fromagerie Côté",
        tier="C",
        city="Laval",
        latitude=45.57,
        longitude=-73.69,
    )
    act(accounts.edit_account, store, prospect.id, tier="B", phone="+1 450 555 0199")
    contact = act(
        accounts.create_contact,
        store,
        prospect.id,
        first_name="Anne",
        last_name="Côté",
        email="anne@fromageriecote.ca",
    )
    visit = act(visits.plan_visit, store, world.account_id, T0 + timedelta(hours=1))
    later = act(visits.plan_visit, store, prospect.id, T0 + timedelta(hours=3))
    act(visits.reorder_plan, store, [later.id, visit.id])
    act(visits.reschedule_visit, store, later.id, T0 + timedelta(hours=4))
    act(visits.check_in, store, visit.id)
    world.clock.advance(minutes=40)
    _, report = act(
        visits.complete_visit,
        store,
        visit.id,
        outcome="order_placed",
        summary="Commande de 40 caisses.",
        contacts_met=[world.contact_ids[0]],
        next_steps="Livrer",
    )
    follow_up = act(
        follow_ups.create_follow_up,
        store,
        world.account_id,
        title="Confirm delivery",
        due_date=date(2026, 11, 25),
        assignee_team="inside",
        origin_visit_id=visit.id,
    )
    unplanned = act(visits.start_unplanned_visit, store, prospect.id)
    act(visits.log_visit, store, unplanned.id, summary="Premier contact", contacts_met=[contact.id])
    act(
        drafts.save_report_draft,
        store,
        unplanned.id,
        drafts.VisitReportDraft(
            summary="Premier contact. Anne veut un échantillon", outcome="positive"
        ),
    )
    act(visits.mark_no_show, store, later.id)
    act(world.sign_in, world.inside_id)
    act(notes.reply_to_visit_report, store, report.id, "Bravo, livraison jeudi.")
    act(reviews.mark_reviewed, store, report.id)
    pinned = act(notes.pin_note_for_field, store, world.account_id, "Demander pour le four neuf.")
    act(notes.edit_note, store, pinned.id, "Demander pour le four neuf (modèle 2026).")
    act(notes.set_note_pinned, store, pinned.id, False)
    act(follow_ups.claim_follow_up, store, follow_up.id)
    act(handoffs.comment_on_handoff, store, "J'appelle le client.", follow_up_id=follow_up.id)
    act(follow_ups.complete_follow_up, store, follow_up.id, "Livraison confirmée jeudi.")
    scratch = act(notes.add_note, store, prospect.id, "Note à supprimer")
    act(delete_record, store, "notes", scratch.id)
    lead = act(
        handoffs.hand_over_lead,
        store,
        prospect.id,
        to_rep_id=world.field_id,
        why="Veut une démonstration du four.",
        promised="Une visite cette semaine.",
    )
    priority = act(
        priorities.flag_priority,
        store,
        world.account_id,
        rep_id=world.field_id,
        day=T0.date(),
        why="Rupture de stock signalée.",
    )
    act(world.sign_in, world.manager_id)
    act(
        agreements.set_sla_policy, store, "quebec", "follow_up_handled", working_days=3, region="QC"
    )
    act(world.sign_in, world.field_id)
    act(handoffs.accept_lead, store, lead.id, T0 + timedelta(days=1, hours=2))
    act(inbox.mark_read, store, "notes", pinned.id)
    act(inbox.mark_unread, store, "notes", pinned.id)
    act(priorities.add_priority_to_route, store, priority.id)


def domain_state(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    state = {}
    for table in COLLECTIONS:
        columns = [
            r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("updated_at",)
        ]
        state[table] = conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"
        ).fetchall()
    return state


def replay(conn: sqlite3.Connection, outbox: list[dict[str, Any]]) -> None:
    """Apply mutations the way a server would, knowing nothing but the outbox."""
    conn.execute("PRAGMA foreign_keys = OFF")
    for m in outbox:
        fields = json.loads(m["fields"])
        table, rid = m["collection"], m["record_id"]
        values = {k: to_column(table, k, v) for k, v in fields.items()}
        if m["op"] == "create":
            names = ["id", *values, "updated_at"]
            conn.execute(
                f"INSERT INTO {table} ({', '.join(names)}) VALUES"
                f" ({', '.join('?' for _ in names)})",
                [rid, *values.values(), values["created_at"]],
            )
        elif m["op"] == "update":
            conn.execute(
                f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                [*values.values(), rid],
            )
        else:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))


def test_replaying_the_outbox_rebuilds_every_local_change(world: World, tmp_path: Path) -> None:
    world.store.backup_to(tmp_path / "before.db")
    before = sqlite3.connect(tmp_path / "before.db")
    every_story_step(world)
    outbox = world.store.query("SELECT * FROM outbox ORDER BY seq")
    assert {m["op"] for m in outbox} == {"create", "update", "delete"}
    # The draft typed during the day is kept, yet nothing of it was queued.
    assert {m["collection"] for m in outbox} == set(COLLECTIONS) - {"users", "opportunities"}
    assert world.store.scalar("SELECT count(*) FROM drafts") == 1
    assert not any("échantillon" in m["fields"] for m in outbox)
    replay(before, outbox)
    world.store.backup_to(tmp_path / "after.db")
    assert domain_state(before) == domain_state(sqlite3.connect(tmp_path / "after.db"))


def test_each_mutation_carries_its_base_version_and_previous_values(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, phone="514 555 0100")
    [mutation] = world.store.query("SELECT * FROM outbox")
    assert mutation["op"] == "update" and mutation["base_version"] == 1
    assert json.loads(mutation["fields"]) == {"phone": "514 555 0100"}
    assert json.loads(mutation["previous"]) == {"phone": "514-555-0142"}
    assert len(mutation["mutation_id"]) == 36 and mutation["mutation_id"][14] == "7"


def test_an_edit_that_changes_nothing_queues_nothing(world: World) -> None:
    accounts.edit_account(world.store, world.account_id, name="Boulangerie Saint-Laurent")
    assert world.store.scalar("SELECT count(*) FROM outbox") == 0


def test_a_change_that_cannot_be_queued_is_not_saved(world: World) -> None:
    # Simulate the disk filling up exactly when the mutation is appended.
    world.store._conn.execute(
        "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON outbox"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    with pytest.raises(StoreError, match="full"):
        accounts.create_account(world.store, name="Épicerie Lavoie", tier="B")
    with pytest.raises(StoreError, match="full"):
        accounts.edit_account(world.store, world.account_id, tier="B")
    assert world.store.scalar("SELECT count(*) FROM accounts WHERE name LIKE 'Épicerie%'") == 0
    assert world.store.scalar("SELECT tier FROM accounts WHERE id = ?", (world.account_id,)) == "A"
    assert world.store.scalar("SELECT count(*) FROM outbox") == 0


def _python_files() -> list[tuple[str, ast.Module]]:
    return [
        (str(p.relative_to(CORE)), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(CORE.rglob("*.py"))
    ]


def test_no_module_outside_the_write_paths_holds_sql_that_writes() -> None:
    offenders = [
        (name, node.lineno)
        for name, tree in _python_files()
        if name not in WRITERS
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and WRITE_SQL.search(node.value)
    ]
    assert offenders == []


def test_use_cases_never_use_the_server_state_write_path() -> None:
    # sync_issues is the one exception, by design: "take theirs" and "discard" mean
    # accepting the server's state, which is exactly what that path writes.
    offenders = [
        name
        for name, tree in _python_files()
        if name.startswith("usecases/") and name != "usecases/sync_issues.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module in ("fieldapp.store.replica", "fieldapp.store.syncbook")
    ]
    assert offenders == []


def test_the_write_sql_detector_recognises_writes() -> None:
    # Guard against a regex that silently matches nothing.
    for sql in (
        "INSERT INTO notes (id) VALUES (?)",
        "update visits set status = ?",
        "DELETE FROM outbox WHERE seq = ?",
        "INSERT OR REPLACE INTO x VALUES (1)",
    ):
        assert WRITE_SQL.search(sql), sql
    assert not WRITE_SQL.search("SELECT * FROM notes WHERE kind = 'update'")
