"""The product's story through real processes: a visit logged offline reaches the inside
rep, whose reply comes back to the field; concurrent edits merge field by field."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from support.replicas import ClientFactory, differences, fresh_snapshot
from support.server import DEMO_PASSWORD, ServerProcess, run_fieldapp

from fieldapp.store.database import Store, open_store
from fieldapp.usecases import accounts, briefing, notes, reviews, sync_issues, visits
from fieldapp.usecases.people import current_user


def _login(profile: Path, url: str, username: str, logs: Path) -> None:
    done = run_fieldapp(
        "login",
        "--profile",
        str(profile),
        "--server",
        url,
        "--username",
        username,
        "--password-stdin",
        stdin=DEMO_PASSWORD + "\n",
        log_dir=logs,
    )
    assert done.returncode == 0, done.stderr
    assert f"({username}," in done.stdout


def _sync(profile: Path, logs: Path) -> dict[str, object]:
    done = run_fieldapp(
        "sync",
        "--json",
        "--password-stdin",
        "--profile",
        str(profile),
        stdin=DEMO_PASSWORD + "\n",
        log_dir=logs,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert isinstance(report, dict)
    assert report["error"] is None
    return report


def _outbox(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM outbox"))


def test_visit_logged_offline_reaches_inside_rep_and_reply_comes_back(
    server: ServerProcess, tmp_path: Path
) -> None:
    logs = tmp_path / "logs"
    field_profile, inside_profile = tmp_path / "field", tmp_path / "inside"
    _login(field_profile, server.url, "field", logs)
    first = _sync(field_profile, logs)
    assert first["pushed"] == 0 and first["pulled"] > 0

    # On the road, offline: plan, check in, complete the visit (use cases, in process).
    with open_store(field_profile) as store:
        me = current_user(store)
        assert me.username == "field"
        account_id = store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY name LIMIT 1", (me.id,)
        )
        assert account_id, "the field rep's replica has accounts of their own"
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)
        visit = visits.plan_visit(store, account_id, start, start + timedelta(hours=1))
        visits.check_in(store, visit.id, start)
        _, report = visits.complete_visit(
            store,
            visit.id,
            outcome="order_placed",
            summary="Offline visit: ordered 40 cases of the spring assortment.",
            next_steps="Deliver before Friday.",
            at=start + timedelta(minutes=25),
        )
        queued = _outbox(store)
    assert queued >= 3

    pushed = _sync(field_profile, logs)
    assert pushed["pushed"] == queued
    assert pushed["conflicts"] == 0 and pushed["rejected"] == 0
    with open_store(field_profile) as store:
        assert _outbox(store) == 0

    # The inside rep syncs and sees the report in the review queue.
    _login(inside_profile, server.url, "inside", logs)
    assert _sync(inside_profile, logs)["pulled"] > 0
    with open_store(inside_profile) as store:
        queue = reviews.review_queue(store, limit=1000)
        item = next((i for i in queue if i.note_id == report.id), None)
        assert item is not None, "the visit report reached the inside rep's review queue"
        assert item.outcome == "order_placed" and item.account_id == account_id
        reviews.mark_reviewed(store, report.id)
        reply = notes.reply_to_visit_report(store, report.id, "Great work: invoice sent.")
        assert _outbox(store) == 2
    answered = _sync(inside_profile, logs)
    assert answered["pushed"] == 2 and answered["rejected"] == 0

    # Back to the field rep: the feedback is in the account's briefing.
    back = _sync(field_profile, logs)
    assert back["pulled"] >= 2
    with open_store(field_profile) as store:
        brief = briefing.account_briefing(store, account_id)
        mine = next(r for r in brief.recent_reports if r.report.id == report.id)
        assert mine.reviewed
        assert [n.id for n in mine.feedback] == [reply.id]
        assert mine.feedback[0].body == "Great work: invoice sent."
        assert brief.last_visit is not None and brief.last_visit.id == visit.id


def test_different_fields_merge_and_same_field_becomes_a_resolvable_conflict(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    laptop = make_client(server.url, "field", "field-laptop")
    desk = make_client(server.url, "inside", "inside-desk")
    laptop.sync()
    desk.sync()
    me = current_user(laptop.store)
    account_id = laptop.store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1", (me.id,)
    )
    original = accounts.get_account(laptop.store, account_id)

    # Different fields, both offline: both survive everywhere.
    accounts.edit_account(laptop.store, account_id, phone="514-555-0199")
    accounts.edit_account(desk.store, account_id, city="Laval")
    assert laptop.sync().conflicts == 0
    assert desk.sync().conflicts == 0
    laptop.sync()
    for client in (laptop, desk):
        account = accounts.get_account(client.store, account_id)
        assert (account.phone, account.city) == ("514-555-0199", "Laval"), client.name
        assert sync_issues.open_conflicts(client.store) == []

    # The same field on both: the second to sync gets an open conflict, both values kept.
    accounts.edit_account(laptop.store, account_id, name="Boulangerie du Laptop")
    accounts.edit_account(desk.store, account_id, name="Boulangerie du Bureau")
    assert laptop.sync().conflicts == 0
    report = desk.sync()
    assert report.conflicts == 1
    assert report.conflict_fields == [("accounts", account_id, "name")]
    [conflict] = sync_issues.open_conflicts(desk.store)
    assert (conflict.field, conflict.local_value, conflict.remote_value, conflict.base_value) == (
        "name",
        "Boulangerie du Bureau",
        "Boulangerie du Laptop",
        original.name,
    )
    assert accounts.get_account(desk.store, account_id).name == "Boulangerie du Bureau"
    desk.sync()  # a pull while the conflict is open keeps the local value
    assert accounts.get_account(desk.store, account_id).name == "Boulangerie du Bureau"

    sync_issues.keep_mine(desk.store, conflict.id)
    assert desk.sync().conflicts == 0
    laptop.sync()
    assert accounts.get_account(laptop.store, account_id).name == "Boulangerie du Bureau"
    assert sync_issues.open_conflicts(desk.store) == []

    # And the other way: the laptop loses the race on the tier and takes theirs.
    desk_tier, laptop_tier = [t for t in ("A", "B", "C") if t != original.tier]
    accounts.edit_account(desk.store, account_id, tier=desk_tier)
    accounts.edit_account(laptop.store, account_id, tier=laptop_tier)
    desk.sync()
    assert laptop.sync().conflicts == 1
    [conflict] = sync_issues.open_conflicts(laptop.store)
    assert (conflict.field, conflict.local_value, conflict.remote_value) == (
        "tier",
        laptop_tier,
        desk_tier,
    )
    sync_issues.take_theirs(laptop.store, conflict.id)
    assert accounts.get_account(laptop.store, account_id).tier == conflict.remote_value

    for _ in range(2):
        for client in (laptop, desk):
            client.sync()
    for client in (laptop, desk):
        assert client.outbox() == 0
        assert sync_issues.open_conflicts(client.store) == []
        fresh = fresh_snapshot(tmp_path, server.url, client.username)
        assert differences(client.snapshot(), fresh) == [], client.name
    assert accounts.get_account(laptop.store, account_id).name == "Boulangerie du Bureau"
