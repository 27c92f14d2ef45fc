"""What ``server_load`` does with a run's results: percentiles per endpoint kind, and the
check that the server holds every mutation the reps made, exactly once and as they made
it. Also the PostgreSQL schema a run gets for itself.

The check reads the server's database directly (after the server has stopped), not its
API: the question is what was stored, not what the server says about it.
"""

from __future__ import annotations

import json
import math
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa

from fieldapp.store.schema import FIELDS
from sync.server.tables import applied_mutations, records

_CHUNK = 500  # ids per IN (...) list


# -- latency -----------------------------------------------------------------------------
def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an already sorted list (``share`` in 0..1)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(share * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass(frozen=True)
class KindFigures:
    count: int
    p50: float
    p95: float
    p99: float
    max: float
    errors: int  # answers >= 400 and requests with no answer


def figures_by_kind(samples: Iterable[list[Any]]) -> dict[str, KindFigures]:
    times: dict[str, list[float]] = {}
    errors: Counter[str] = Counter()
    for kind, ms, status, *_ in samples:
        times.setdefault(kind, []).append(ms)
        if status == 0 or status >= 400:
            errors[kind] += 1
    result = {}
    for kind, values in times.items():
        values.sort()
        result[kind] = KindFigures(
            len(values),
            percentile(values, 0.50),
            percentile(values, 0.95),
            percentile(values, 0.99),
            values[-1],
            errors[kind],
        )
    return result


def error_statuses(samples: Iterable[list[Any]]) -> Counter[str]:
    """How many answers of each failing status, by kind ("push 503": 3; "pull
    ReadTimeout": 1 when no answer came)."""
    found: Counter[str] = Counter()
    for kind, _ms, status, _at, failure in samples:
        if status == 0 or status >= 400:
            found[f"{kind} {status or failure or 'no answer'}"] += 1
    return found


# -- PostgreSQL --------------------------------------------------------------------------
@contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A schema of this run's own in ``base_url``'s database, dropped afterwards; yields
    the URL that puts the server in it. Nothing else in the database is touched, so runs
    and test suites sharing the database never collide."""
    schema = f"fieldapp_load_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url)
    try:
        with admin.begin() as conn:  # raises when PostgreSQL is unreachable
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        separator = "&" if "?" in base_url else "?"
        try:
            yield f"{base_url}{separator}options={quote(f'-csearch_path={schema}')}"
        finally:
            with admin.begin() as conn:
                conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


# -- the server holds every mutation exactly once ------------------------------------------
@dataclass
class Verification:
    mutations: int = 0  # made by the reps
    stored: int = 0  # found in the server's idempotency table, under the right person
    lost: int = 0  # missing, stored under someone else, not applied, or a value not kept
    server_count: int = 0  # mutations the server holds for the reps (must equal ``mutations``)
    creates: int = 0
    server_creates: int = 0  # records created from the reps' devices
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.lost == 0
            and self.stored == self.mutations
            and self.server_count == self.mutations
            and self.server_creates == self.creates
        )

    def problem(self, text: str) -> None:
        if len(self.problems) < 10:
            self.problems.append(text)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def verify(database_url: str, reps: list[dict[str, Any]]) -> Verification:
    """Every mutation each rep made is on the server exactly once, and counts match.

    - each mutation id is in ``applied_mutations`` (its primary key: at most once), under
      the rep who made it, with status ``applied`` (a rep alone in a territory has nobody
      to conflict with);
    - the server holds as many mutations for the reps as they made, and as many records
      created from their devices as they created: nothing extra, nothing twice;
    - every record a rep created or changed holds, field by field, the last value that rep
      gave it, and is not deleted: no update was lost.
    """
    check = Verification()
    owner: dict[str, str] = {}
    expected: dict[tuple[str, str], dict[str, Any]] = {}
    creates: Counter[str] = Counter()
    for rep in reps:
        for mutation_id, collection, record_id, op, fields in rep["mutations"]:
            owner[mutation_id] = rep["user_id"]
            check.mutations += 1
            if op == "create":
                creates[collection] += 1
            # A rep's mutations are in the order it made them: the last value wins.
            wanted = expected.setdefault((collection, record_id), {})
            wanted.update({k: v for k, v in fields.items() if k in FIELDS[collection]})
    check.creates = sum(creates.values())
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            _check_stored(conn, check, owner)
            _check_counts(conn, check, reps, creates)
            _check_values(conn, check, expected)
    finally:
        engine.dispose()
    return check


def _check_stored(conn: sa.Connection, check: Verification, owner: dict[str, str]) -> None:
    found: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(sorted(owner)):
        table = applied_mutations.c
        rows = conn.execute(
            sa.select(table.mutation_id, table.user_id, table.result).where(
                table.mutation_id.in_(chunk)
            )
        )
        for row in rows:
            found[row.mutation_id] = (row.user_id, json.loads(row.result)["status"])
    for mutation_id, user_id in owner.items():
        stored = found.get(mutation_id)
        if stored is None:
            check.lost += 1
            check.problem(f"mutation {mutation_id} is not on the server")
        elif stored != (user_id, "applied"):
            check.lost += 1
            check.problem(f"mutation {mutation_id} is stored as {stored}")
        else:
            check.stored += 1


def _check_counts(
    conn: sa.Connection, check: Verification, reps: list[dict[str, Any]], creates: Counter[str]
) -> None:
    users = [rep["user_id"] for rep in reps if rep["user_id"]]
    devices = [rep["device"] for rep in reps if rep["device"]]
    for chunk in _chunks(users):
        check.server_count += conn.execute(
            sa.select(sa.func.count())
            .select_from(applied_mutations)
            .where(applied_mutations.c.user_id.in_(chunk))
        ).scalar_one()
    server_creates: Counter[str] = Counter()
    for chunk in _chunks(devices):
        rows = conn.execute(
            sa.select(records.c.collection, sa.func.count())
            .where(records.c.created_device.in_(chunk))
            .group_by(records.c.collection)
        )
        for collection, count in rows:
            server_creates[collection] += count
    check.server_creates = sum(server_creates.values())
    for collection in sorted(set(creates) | set(server_creates)):
        if creates[collection] != server_creates[collection]:
            check.problem(
                f"{collection}: the reps created {creates[collection]},"
                f" the server holds {server_creates[collection]}"
            )
    if check.server_count != check.mutations:
        check.problem(
            f"the reps made {check.mutations} mutations, the server holds"
            f" {check.server_count} for them"
        )


def _check_values(
    conn: sa.Connection, check: Verification, expected: dict[tuple[str, str], dict[str, Any]]
) -> None:
    by_collection: dict[str, list[str]] = {}
    for collection, record_id in expected:
        by_collection.setdefault(collection, []).append(record_id)
    for collection, ids in by_collection.items():
        seen = set()
        for chunk in _chunks(ids):
            rows = conn.execute(
                sa.select(records.c.id, records.c.data, records.c.deleted).where(
                    records.c.collection == collection, records.c.id.in_(chunk)
                )
            )
            for row in rows:
                seen.add(row.id)
                data = json.loads(row.data)
                for name, value in expected[(collection, row.id)].items():
                    if data.get(name) != value:
                        check.lost += 1
                        check.problem(
                            f"{collection} {row.id}: {name} is {data.get(name)!r}"
                            f" on the server, the rep last set {value!r}"
                        )
                if row.deleted:
                    check.lost += 1
                    check.problem(f"{collection} {row.id} is deleted on the server")
        for record_id in set(ids) - seen:
            check.lost += 1
            check.problem(f"{collection} {record_id} is not on the server")
