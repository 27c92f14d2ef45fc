"""Filling an empty server with the demo organisation of ``fieldapp.demo.generate``.

Demo only: every demo person gets the same printed password. ``field_reps`` is for load
tests: it adds that many field reps (``rep1``, ``rep2``, ...), each alone in a territory of
their own, and deals the generated accounts out to them, so that N reps are N separate
scopes of a chosen size (the generator itself puts about 200 accounts on each rep and
only six territories in the whole organisation).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from fieldapp.catalogue import CATALOGUE, FIELDS, ChangeOp, Filing
from fieldapp.demo import DemoData, generate
from fieldapp.ids import new_id
from sync.server.feed import SequenceWriter
from sync.server.scope import EVERYONE, personal_channel
from sync.server.staff import StaffError, add_person
from sync.server.tables import changes, records

DEMO_PASSWORD = "demo"
DEMO_USERNAMES = ("field", "inside", "manager")
LOAD_TEAM = "load"  # the team of the load-test reps; nobody else's scope includes it
_BATCH = 2000


@dataclass(frozen=True)
class SeedReport:
    counts: dict[str, int]
    usernames: tuple[str, ...]
    password: str


def seed_demo(
    engine: Engine, password_hash: str, accounts: int, seed: int, now: int, field_reps: int = 0
) -> SeedReport:
    """Load a generated organisation in one transaction (all of it, or nothing); with
    ``field_reps``, its accounts go to that many load-test reps (see the module's doc)."""
    demo = generate(accounts, seed)
    if field_reps:
        _deal_accounts(demo, field_reps, now)
    with engine.begin() as conn:
        seqs = SequenceWriter(conn)
        if conn.execute(sa.select(records.c.id).limit(1)).first() is not None:
            raise StaffError("server.server_already_holds_data_seed_empty")
        for person in demo.users:
            add_person(conn, seqs, person, password_hash, now)
        _load_records(conn, seqs, demo)
        seqs.flush()
    return SeedReport(demo.counts(), DEMO_USERNAMES, DEMO_PASSWORD)


def _deal_accounts(demo: DemoData, field_reps: int, now: int) -> None:
    """Add ``field_reps`` field reps, one territory each, and make account ``i`` belong to
    rep ``i % field_reps``; what hangs off an account follows it (see ``_load_records``)."""
    stamp = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    reps = []
    for number in range(1, field_reps + 1):
        rep = {
            "id": new_id(),
            "username": f"rep{number}",
            "display_name": f"Load Rep {number}",
            "email": None,
            "role": "field",
            "team": LOAD_TEAM,
            "territory": f"Load {number}",
            "created_at": stamp,
            "updated_at": stamp,
        }
        demo.users.append(rep)
        reps.append(rep["id"])
    for index, account in enumerate(demo.accounts):
        account["owner_id"] = reps[index % field_reps]


def _load_records(conn: Any, seqs: SequenceWriter, demo: DemoData) -> None:
    territory_of = {u["id"]: u["territory"] for u in demo.users}
    placed: dict[str, tuple[str, str]] = {}  # account id -> (account id, territory)
    note_account: dict[str, str] = {}
    for collection, rows in demo.collections():
        if collection == "users":
            continue
        batch_records: list[dict[str, Any]] = []
        batch_changes: list[dict[str, Any]] = []
        for row in rows:
            if collection == "accounts":
                placed[row["id"]] = (row["id"], territory_of.get(row["owner_id"]) or EVERYONE)
            if collection == "notes":
                note_account[row["id"]] = row["account_id"]
            filed = CATALOGUE[collection].filed
            account_id: str | None
            if filed is Filing.EVERYONE:
                account_id, territory = None, EVERYONE
            elif filed is Filing.PERSONAL:
                account_id, territory = None, personal_channel(row["user_id"])
            else:
                parent = (
                    note_account[row["note_id"]]
                    if collection == "reviews"
                    else (row["id"] if collection == "accounts" else row["account_id"])
                )
                account_id, territory = placed[parent]
            seq = seqs.next()
            data = {name: row.get(name) for name in FIELDS[collection]}
            batch_records.append(
                {
                    "collection": collection,
                    "id": row["id"],
                    "account_id": account_id,
                    "territory": territory,
                    "data": json.dumps(data),
                    "version": seq,
                    "created_version": seq,
                    "created_device": None,
                    "deleted": False,
                    "field_versions": json.dumps({name: [seq, None] for name in data}),
                    "created_at": row["created_at"],
                    "updated_at": row["updated_at"],
                }
            )
            batch_changes.append(
                {
                    "seq": seq,
                    "collection": collection,
                    "record_id": row["id"],
                    "territory": territory,
                    "op": ChangeOp.UPSERT,
                }
            )
        for chunk in _chunks(batch_records):
            conn.execute(records.insert(), chunk)
        for chunk in _chunks(batch_changes):
            conn.execute(changes.insert(), chunk)


def _chunks(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]
