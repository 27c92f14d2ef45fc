"""Convergence: three laptops make interleaved, seeded-random edits, some offline, and
sync in random orders; afterwards every replica equals a fresh replica of its user."""

from __future__ import annotations

import contextlib
import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from support.replicas import Client, ClientFactory, differences, duplicate_ids, fresh_snapshot
from support.server import ServerProcess

from fieldapp.errors import FieldAppError
from fieldapp.records import TIERS
from fieldapp.usecases import accounts, follow_ups, notes, reviews, sync_issues, visits
from fieldapp.usecases.people import current_user

SEED = 20261123
ROUNDS = 10
Touched = dict[tuple[str, str, str], set[str]]


def _edit(
    client: Client,
    rng: random.Random,
    shared: list[str],
    touched: Touched,
    created: dict[str, list[str]],
    tag: str,
) -> None:
    store = client.store
    account_id = rng.choice(shared)
    action = rng.choice(["account", "account", "note", "visit", "follow_up", "complete", "review"])
    if action == "account":
        name, value = rng.choice(
            [
                ("name", f"Account {tag}"),
                ("phone", f"514-555-{rng.randrange(10000):04d}"),
                ("city", f"City {tag}"),
                ("tier", rng.choice(TIERS)),
                ("visit_frequency_days", rng.randint(7, 60)),
                ("postal_code", f"H{rng.randint(1, 9)}X"),
            ]
        )
        before = accounts.get_account(store, account_id)
        accounts.edit_account(store, account_id, **{name: value})
        if getattr(before, name) != value:
            touched[("accounts", account_id, name)].add(client.name)
    elif action == "note":
        created["notes"].append(notes.add_note(store, account_id, f"Note {tag}").id)
    elif action == "visit" and current_user(store).role == "field":
        start = datetime(2026, 11, 23, 14, tzinfo=UTC) + timedelta(hours=rng.randint(0, 99))
        visit = visits.plan_visit(store, account_id, start, start + timedelta(hours=1))
        created["visits"].append(visit.id)
        if rng.random() < 0.7:
            visits.check_in(store, visit.id, start)
            _, report = visits.complete_visit(
                store, visit.id, outcome="positive", summary=f"Visit {tag}", at=start
            )
            created["notes"].append(report.id)
    elif action == "follow_up":
        created["follow_ups"].append(
            follow_ups.create_follow_up(
                store, account_id, title=f"Follow-up {tag}", due_date=date(2026, 12, 1)
            ).id
        )
    elif action == "complete":
        for row in store.query(
            "SELECT id FROM follow_ups WHERE account_id = ? AND"
            " status = 'open' ORDER BY id LIMIT 1",
            (account_id,),
        ):
            follow_ups.complete_follow_up(store, row["id"])
            for name in ("status", "completed_at"):
                touched[("follow_ups", row["id"], name)].add(client.name)
    elif action == "review" and current_user(store).role == "inside":
        queue = reviews.review_queue(store, limit=5)
        if queue:
            reviews.mark_reviewed(store, queue[0].note_id)
            created["notes"].append(
                notes.reply_to_visit_report(store, queue[0].note_id, f"Reply {tag}").id
            )


def _check_conflicts(client: Client, touched: Touched) -> None:
    for conflict in sync_issues.open_conflicts(client.store):
        editors = touched[(conflict.collection, conflict.record_id, conflict.field)]
        assert len(editors) >= 2, (
            f"{client.name}: conflict on {conflict.collection}.{conflict.field} that only"
            f" {sorted(editors)} touched"
        )


def test_three_laptops_with_random_edits_converge_to_the_servers_state(
    server: ServerProcess, make_client: ClientFactory, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    laptops = [
        make_client(server.url, "field", "field-laptop"),
        make_client(server.url, "field", "field-tablet"),
        make_client(server.url, "inside", "inside-desk"),
    ]
    for laptop in laptops:
        laptop.sync()
    me = current_user(laptops[0].store)
    shared = [
        r["id"]
        for r in laptops[0].store.query(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 4", (me.id,)
        )
    ]
    touched: Touched = defaultdict(set)
    created: dict[str, list[str]] = defaultdict(list)

    conflicts_seen = 0
    for round_no in range(ROUNDS):
        for laptop in laptops:
            for k in range(rng.randint(1, 4)):
                # FieldAppError: a precondition the random walk did not meet.
                with contextlib.suppress(FieldAppError):
                    _edit(laptop, rng, shared, touched, created, f"{laptop.name}-{round_no}-{k}")
        order = rng.sample(laptops, len(laptops))
        for laptop in order:
            if rng.random() < 0.3:
                continue  # offline this round
            conflicts_seen += laptop.sync().conflicts
            _check_conflicts(laptop, touched)

    # Settle: resolve every conflict (randomly mine or theirs) until none remain.
    for _ in range(6):
        for laptop in laptops:
            laptop.sync()
            _check_conflicts(laptop, touched)
        open_ones = [(lt, c) for lt in laptops for c in sync_issues.open_conflicts(lt.store)]
        if not open_ones:
            break
        for laptop, conflict in open_ones:
            if rng.random() < 0.5:
                sync_issues.keep_mine(laptop.store, conflict.id)
            else:
                sync_issues.take_theirs(laptop.store, conflict.id)
    for _ in range(2):
        for laptop in laptops:
            laptop.sync()

    print(
        f"{ROUNDS} rounds, {sum(len(v) for v in created.values())} records created,"
        f" {len(touched)} fields edited, {conflicts_seen} conflicts"
    )
    fresh = {u: fresh_snapshot(tmp_path, server.url, u) for u in ("field", "inside")}
    for laptop in laptops:
        assert laptop.outbox() == 0, laptop.name
        assert sync_issues.open_conflicts(laptop.store) == [], laptop.name
        assert sync_issues.open_rejections(laptop.store) == [], laptop.name
        mine = laptop.snapshot()
        assert duplicate_ids(mine) == []
        assert differences(mine, fresh[laptop.username]) == [], laptop.name
    for collection, record_ids in created.items():
        on_server = {r["id"] for r in fresh["inside"][collection]}
        assert set(record_ids) <= on_server, collection
        assert len(record_ids) == len(set(record_ids))
