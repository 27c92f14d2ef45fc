"""Scope is the server's to enforce; the command line signs in, syncs and signs out
without ever showing or storing a password."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from support.replicas import ClientFactory, differences, fresh_snapshot
from support.server import DEMO_PASSWORD, ServerProcess, run_fieldapp

from fieldapp.store.database import open_store
from fieldapp.store.syncbook import PendingMutation
from fieldapp.usecases import accounts, sync_issues
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.people import current_user


def _server_accounts(server: ServerProcess, territory: str) -> set[str]:
    conn = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True, timeout=10)
    try:
        return {
            r[0]
            for r in conn.execute(
                "SELECT id FROM records WHERE collection = 'accounts' AND territory = ?"
                " AND NOT deleted",
                (territory,),
            )
        }
    finally:
        conn.close()


def test_field_rep_holds_only_their_territory_and_a_change_outside_it_is_rejected(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    field = make_client(server.url, "field")
    manager = make_client(server.url, "manager")
    field.sync()
    manager.sync()
    me = current_user(field.store)
    held = {r["id"] for r in field.store.query("SELECT id FROM accounts")}
    assert held and held == _server_accounts(server, me.territory or "")
    assert _server_accounts(server, "Paris") and not held & _server_accounts(server, "Paris")

    # The manager gives one of the field rep's accounts to the Paris rep while the field
    # rep, offline, edits it: the server refuses the edit; the rep sees why.
    account_id = sorted(held)[0]
    paris_rep = manager.store.scalar("SELECT id FROM users WHERE territory = 'Paris'")
    version = manager.store.scalar("SELECT version FROM accounts WHERE id = ?", (account_id,))
    [moved] = manager.backend.push(
        "manager-device",
        [
            PendingMutation(
                1,
                "0190a000-0000-7000-8000-0000000bb001",
                "accounts",
                account_id,
                "update",
                {"owner_id": paris_rep},
                {},
                version,
                "2026-11-23T14:00:00Z",
            )
        ],
    )
    assert moved.status == "applied"
    accounts.edit_account(field.store, account_id, phone="514-555-0142")
    report = field.sync()
    assert report.rejected == 1
    [rejection] = sync_issues.open_rejections(field.store)
    assert (rejection.record_id, rejection.code) == (account_id, "forbidden")
    assert rejection.fields == {"phone": "514-555-0142"}
    remaining = {r["id"] for r in field.store.query("SELECT id FROM accounts")}
    assert remaining == _server_accounts(server, me.territory or "")
    assert account_id not in remaining
    assert differences(field.snapshot(), fresh_snapshot(tmp_path, server.url, "field")) == []


def test_command_line_login_sync_logout_without_leaking_the_password(
    shared_server: ServerProcess, tmp_path: Path
) -> None:
    profile, logs = tmp_path / "cli-profile", tmp_path / "cli-logs"
    wrong = "Wrong-Pa55word-7f3a9"
    refused = run_fieldapp(
        "login",
        "--profile",
        str(profile),
        "--server",
        shared_server.url,
        "--username",
        "field",
        "--password-stdin",
        stdin=wrong + "\n",
        log_dir=logs,
    )
    assert refused.returncode == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in refused.stderr, refused.stderr
    # The password is what is wrong, not a sign-in that "ended".
    assert "Wrong username or password" in refused.stderr, refused.stderr
    assert wrong not in refused.stderr + refused.stdout

    done = run_fieldapp(
        "login",
        "--profile",
        str(profile),
        "--server",
        shared_server.url,
        "--username",
        "field",
        "--password-stdin",
        stdin=DEMO_PASSWORD + "\n",
        log_dir=logs,
    )
    assert done.returncode == 0, done.stderr
    synced = run_fieldapp(
        "sync",
        "--json",
        "--password-stdin",
        "--profile",
        str(profile),
        stdin=DEMO_PASSWORD + "\n",
        log_dir=logs,
    )
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert {"pushed", "pulled", "conflicts", "rejected", "requests", "seconds"} <= set(report)
    assert report["pulled"] > 0 and report["pushed"] == 0
    out = run_fieldapp("logout", "--profile", str(profile), log_dir=logs)
    assert out.returncode == 0 and "Signed out" in out.stdout, out.stderr
    # Signed out, a sync with a mistyped password says so too.
    mistyped = run_fieldapp(
        "sync", "--password-stdin", "--profile", str(profile), stdin=wrong + "\n", log_dir=logs
    )
    assert mistyped.returncode == 1, mistyped.stderr
    assert "Wrong username or password" in mistyped.stderr, mistyped.stderr
    assert len(mistyped.stderr.strip().splitlines()) == 1

    secret = wrong.encode()
    files = [p for p in [*profile.rglob("*"), *logs.rglob("*")] if p.is_file()]
    assert any(p.name.startswith("fieldapp.db") for p in files)
    assert any(p.suffix == ".log" for p in files)
    for path in files:
        assert secret not in path.read_bytes(), path


def test_a_terminal_sync_beside_the_window_syncing_is_skipped_and_changes_nothing(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    # The window's sync worker is mid-cycle (paused inside its pull) when the rep types
    # 'fieldapp sync' in a terminal: two engines would push one outbox and apply one page
    # twice. The terminal's cycle is refused in one line; the window's finishes normally.
    import threading

    from sync.engine import SyncEngine

    laptop = make_client(server.url, "field")
    laptop.sync()
    account = laptop.store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1")
    add_note(laptop.store, account, "Written while both syncs run")
    paused, resume = threading.Event(), threading.Event()

    def hold(_progress: object) -> None:
        paused.set()
        resume.wait(30)

    window_store = open_store(laptop.store.path.parent)
    outcome: list[object] = []
    engine = SyncEngine(window_store, laptop.backend, progress=hold)
    worker = threading.Thread(target=lambda: outcome.append(engine.run()))
    worker.start()
    try:
        assert paused.wait(30)
        done = run_fieldapp(
            "sync",
            "--profile",
            str(laptop.store.path.parent),
            "--password-stdin",
            stdin=DEMO_PASSWORD,
            log_dir=tmp_path / "logs",
        )
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            "fieldapp: error: Another FieldApp (the window or a terminal) is syncing this"
            " profile right now; this sync was skipped and nothing was changed."
        ]
    finally:
        resume.set()
        worker.join(30)
        window_store.close()
    assert outcome and outcome[0].pushed == 1  # type: ignore[attr-defined]
    assert laptop.outbox() == 0
    assert laptop.sync().pushed == 0
