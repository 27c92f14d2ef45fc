"""Benchmark of sync against a real server on loopback (issue 3, section 5).

Run:  .venv/bin/python -m tests.benchmarks.sync_speed [--accounts 50000] [--seed 1]

Seeds the reference server with the demo organisation once (cached in a temporary folder,
keyed by the generator's and the server's source, and copied for each run so a run never
changes the cache), starts ``fieldapp server run`` on 127.0.0.1 in a subprocess, and
measures, for the ``manager`` user (no team: the whole organisation is in scope):

- the initial download of a fresh profile (one ``SyncEngine.run()`` in a child process,
  so that its peak memory is that of a client alone), next to the "raw limit": the same
  pages fetched once with plain ``requests``, then decoded and inserted with plain
  ``executemany`` into plain SQLite tables, committing per page like the engine;
- a sync with nothing to do, 100 changes each way in one cycle, 1,000 offline mutations.

Each figure is printed next to its target and a reference measured in the same run, so a
slow machine shows up as a slow reference, not as a regression. Not part of the test
suite: timings are noisy, the suite asserts behaviour.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from fieldapp.store import Store, open_store
from fieldapp.store.changes import create_record, update_record
from fieldapp.store.schema import COLLECTIONS, FIELDS
from fieldapp.store.syncbook import PendingMutation, outbox_size
from sync.engine import DEFAULT_PAGE_SIZE, SyncEngine, SyncReport
from sync.http_backend import HttpBackend
from sync.server.launcher import start_server

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo"  # the demo server's shared password (demo only)
USER = "manager"  # a manager without a team sees the whole organisation
OTHER_USER = "field"  # "another client": the Montréal field rep, on another laptop
# Sources whose change makes a cached seed stale.
SEED_SOURCES = (
    "fieldapp/demo",
    "sync/server/seed.py",
    "sync/server/tables.py",
    "sync/server/staff.py",
    "fieldapp/store/schema.py",
)
START_TIMEOUT = 60.0
DOWNLOAD_TIMEOUT = 900.0
SEED_TIMEOUT = 1800.0


# -- reporting -------------------------------------------------------------------------
def line(label: str, value: str, target: str, ok: bool | None, reference: str = "") -> None:
    verdict = "" if ok is None else ("  OK" if ok else "  OVER TARGET")
    print(f"{label:<38} {value:<26} target {target:<12} {reference}{verdict}", flush=True)


def mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


# -- the server ------------------------------------------------------------------------
def seed_key(accounts: int, seed: int) -> str:
    digest = hashlib.sha256(f"{accounts}:{seed}".encode())
    for name in SEED_SOURCES:
        path = ROOT / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def seeded_data(cache: Path, accounts: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """A seeded server data folder from the cache, seeding it first when missing."""
    folder = cache / f"accounts{accounts}-seed{seed}-{seed_key(accounts, seed)}"
    info_file = folder / "seed.json"
    if info_file.exists():
        return folder, {**json.loads(info_file.read_text()), "cached": True}
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="seeding-", dir=cache))
    print(f"seeding {accounts:,} accounts into {folder} (once; later runs reuse it)...", flush=True)
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldapp",
            "server",
            "seed",
            "--data",
            str(work),
            "--accounts",
            str(accounts),
            "--seed",
            str(seed),
        ],
        capture_output=True,
        text=True,
        timeout=SEED_TIMEOUT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        raise SystemExit(f"seeding failed:\n{done.stderr}")
    info = {
        "seconds": seconds,
        "peak_kib": _children_peak_kib(),
        "summary": done.stdout.splitlines()[0],
    }
    (work / "seed.json").write_text(json.dumps(info))
    try:
        work.rename(folder)
    except OSError:  # another run seeded it meanwhile
        shutil.rmtree(work, ignore_errors=True)
    return folder, {**info, "cached": False}


def _children_peak_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


@contextmanager
def running_server(data: Path, log: Path) -> Iterator[str]:
    """``fieldapp server run`` on a free loopback port, its output in ``log``."""
    server = start_server(data, log_file=log, start_timeout=START_TIMEOUT)
    try:
        yield server.url
    finally:
        server.stop()


# -- the initial download, in a child process -------------------------------------------
def child_download(url: str, profile: Path, page_size: int) -> None:
    """Runs in the child: sign in, one full sync cycle, print the figures as JSON."""
    with open_store(profile, create=True) as store:
        backend = HttpBackend(url, timeout=(5.0, 120.0))
        start = time.perf_counter()
        backend.authenticate(USER, PASSWORD)
        signed_in = time.perf_counter() - start
        report = SyncEngine(store, backend, page_size=page_size).run()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    print(
        json.dumps(
            {
                "report": report.as_dict(),
                "sign_in": signed_in,
                "peak_kib": peak,
                "vm_hwm_kib": _vm_hwm_kib(),
                "cpu": usage.ru_utime + usage.ru_stime,
            }
        )
    )


def _vm_hwm_kib() -> int | None:
    try:
        for text in Path("/proc/self/status").read_text().splitlines():
            if text.startswith("VmHWM:"):
                return int(text.split()[1])
    except OSError:
        pass
    return None


def initial_download(url: str, profile: Path, page_size: int) -> dict[str, Any]:
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.benchmarks.sync_speed",
            "--child-download",
            url,
            "--profile",
            str(profile),
            "--page-size",
            str(page_size),
        ],
        capture_output=True,
        text=True,
        timeout=DOWNLOAD_TIMEOUT,
        check=False,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"the download child failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = wall
    figures["children_peak_kib"] = _children_peak_kib()
    return figures


# -- the raw limit -----------------------------------------------------------------------
def fetch_pages(url: str, page_size: int) -> tuple[list[bytes], float, int]:
    """Every page of the feed as raw bytes, with plain requests."""
    session = requests.Session()
    token = session.post(
        url + "/v1/auth/token",
        json={"grant_type": "password", "username": USER, "password": PASSWORD},
        timeout=30,
    )
    token.raise_for_status()
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    pages: list[bytes] = []
    cursor: str | None = None
    start = time.perf_counter()
    while True:
        params: dict[str, Any] = {"limit": page_size}
        if cursor is not None:
            params["cursor"] = cursor
        response = session.get(url + "/v1/changes", params=params, timeout=120)
        response.raise_for_status()
        pages.append(response.content)
        # Only the cursor is needed to go on; the page is decoded in the timed part.
        tail = json.loads(b"{" + response.content[response.content.rfind(b'"cursor":') :])
        cursor = tail["cursor"]
        if not tail["has_more"]:
            break
    return pages, time.perf_counter() - start, len(pages)


def raw_insert(pages: list[bytes], path: Path) -> tuple[float, int]:
    """Decode the pages and insert them into plain tables, committing per page."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    sql = {}
    for collection in COLLECTIONS:
        columns = ["id", *FIELDS[collection], "version", "created_at", "updated_at"]
        conn.execute(
            f"CREATE TABLE {collection} ({columns[0]} TEXT PRIMARY KEY, {', '.join(columns[1:])})"
        )
        sql[collection] = (
            columns,
            f"INSERT OR REPLACE INTO {collection} VALUES ({', '.join('?' for _ in columns)})",
        )
    count = 0
    start = time.perf_counter()
    for body in pages:
        page = json.loads(body)
        rows: dict[str, list[list[Any]]] = {c: [] for c in COLLECTIONS}
        for change in page["changes"]:
            record = change.get("record")
            if record is None:
                continue
            columns = sql[change["collection"]][0]
            rows[change["collection"]].append(
                [json.dumps(v) if isinstance(v, list) else v for v in map(record.get, columns)]
            )
        conn.execute("BEGIN")
        for collection, batch in rows.items():
            if batch:
                conn.executemany(sql[collection][1], batch)
                count += len(batch)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds, count


# -- steady state ------------------------------------------------------------------------
def timed_run(engine: SyncEngine) -> tuple[float, SyncReport]:
    start = time.perf_counter()
    report = engine.run()
    return (time.perf_counter() - start) * 1000, report


def ids_of(store: Store, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in store.rows(sql, params)]


def other_client_pushes(other: HttpBackend, targets: list[tuple[str, int]], tag: str) -> None:
    """Another laptop changes ``targets`` (account id, version) on the server."""
    device = "00000000-0000-7000-8000-00000000beef"
    batch = [
        PendingMutation(
            seq=i,
            mutation_id=f"bench-{tag}-{i}",
            collection="accounts",
            record_id=account_id,
            op="update",
            fields={"address": f"{100 + i} rue de l'Autre-Client ({tag})"},
            previous={},
            base_version=version,
            created_at="2026-11-23T14:05:00Z",
        )
        for i, (account_id, version) in enumerate(targets)
    ]
    results = other.push(device, batch)
    if any(r.status != "applied" for r in results):
        raise SystemExit(f"the other client's changes were not all applied: {results[:3]}")


def steady_state(url: str, profile: Path, runs: int) -> None:
    with open_store(profile) as store:
        backend = HttpBackend(url)
        backend.authenticate(USER, PASSWORD)
        engine = SyncEngine(store, backend)
        engine.run()  # warm up: connection, caches

        # A sync with nothing to do.
        samples, requests_made = [], []
        for _ in range(runs):
            ms, report = timed_run(engine)
            samples.append(ms)
            requests_made.append(report.requests)
        session = requests.Session()
        session.headers["Authorization"] = backend.session.headers.get("Authorization", "")
        kept, fresh = [], []
        for _ in range(runs):  # a kept-alive connection, as the engine uses, and a new one
            start = time.perf_counter()
            session.get(url + "/v1/health", timeout=5)
            kept.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            requests.get(url + "/v1/health", timeout=5)
            fresh.append((time.perf_counter() - start) * 1000)
        median = statistics.median(samples)
        line(
            "sync, nothing to do (median)",
            f"{median:.1f} ms, {max(requests_made)} request(s)",
            "≤ 50 ms, ≤ 2",
            median <= 50 and max(requests_made) <= 2,
            f"(GET /v1/health: {statistics.median(kept):.1f} ms on a kept-alive connection,"
            f" {statistics.median(fresh):.1f} ms on a new one; {runs} runs,"
            f" max {max(samples):.1f} ms)",
        )

        # 100 changes each way, in one cycle (5 rounds on different records).
        other = HttpBackend(url)
        other.authenticate(OTHER_USER, PASSWORD)
        # The other laptop's rep changes accounts of their territory; this one, others.
        territory = store.scalar("SELECT territory FROM users WHERE username = ?", (OTHER_USER,))
        in_theirs = "owner_id IN (SELECT id FROM users WHERE territory = ?)"
        theirs_sql = f"SELECT id, version FROM accounts WHERE {in_theirs} ORDER BY id LIMIT 500"
        theirs = ids_of(store, theirs_sql, (territory,))
        mine = ids_of(
            store,
            f"SELECT id FROM accounts WHERE NOT {in_theirs} ORDER BY id LIMIT 500",
            (territory,),
        )
        stamp = time.time_ns() % 900 + 100  # so that every run really changes the values
        rounds = []
        for r in range(5):
            for i, (account_id,) in enumerate(mine[r * 100 : (r + 1) * 100]):
                update_record(store, "accounts", account_id, {"phone": f"514 {stamp} {r}{i:03d}"})
            targets = [(a, v) for a, v in theirs[r * 100 : (r + 1) * 100]]
            other_client_pushes(other, targets, f"{os.getpid()}-{r}")
            ms, report = timed_run(engine)
            rounds.append((ms, report))
            if report.pushed != 100 or report.pulled < 200 or report.conflicts:
                raise SystemExit(f"100 each way: unexpected cycle {report.as_dict()}")
            theirs = ids_of(store, theirs_sql, (territory,))
        got = store.scalar(
            "SELECT count(*) FROM accounts WHERE address LIKE ?",
            (f"%Autre-Client ({os.getpid()}-%",),
        )
        assert got == 500 and outbox_size(store) == 0, (got, outbox_size(store))
        times = [ms for ms, _ in rounds]
        worst = max(r.requests for _, r in rounds)
        median = statistics.median(times)
        line(
            "100 changes each way, one cycle",
            f"{median:.0f} ms, {worst} requests",
            "≤ 300 ms",
            median <= 300,
            f"(median of 5; {min(times):.0f}-{max(times):.0f} ms;"
            f" pulled {rounds[0][1].pulled} per cycle)",
        )

        # 1,000 offline mutations: 600 edits and 400 new notes (3 rounds).
        me = store.scalar("SELECT id FROM users WHERE username = ?", (USER,))
        accounts = ids_of(store, "SELECT id FROM accounts ORDER BY id DESC LIMIT 900")
        contacts = ids_of(store, "SELECT id FROM contacts ORDER BY id DESC LIMIT 900")
        big = []
        for r in range(3):
            part = slice(r * 300, (r + 1) * 300)
            for i, (account_id,) in enumerate(accounts[part]):
                update_record(store, "accounts", account_id, {"phone": f"438 {stamp} {r}{i:03d}"})
            for i, (contact_id,) in enumerate(contacts[part]):
                update_record(
                    store, "contacts", contact_id, {"job_title": f"Gérant {stamp}-{r}-{i}"}
                )
            for i, (account_id,) in enumerate(accounts[part][:200] * 2):
                create_record(
                    store,
                    "notes",
                    {
                        "account_id": account_id,
                        "author_id": me,
                        "kind": "feedback",
                        "body": f"Note hors ligne {r}-{i}: la cliente veut une démo.",
                        "pinned": False,
                    },
                )
            queued = outbox_size(store)
            ms, report = timed_run(engine)
            big.append((ms, report))
            if queued != 1000 or report.pushed != 1000 or report.rejected or report.conflicts:
                raise SystemExit(f"1,000 offline: queued {queued}, {report.as_dict()}")
        times = [ms for ms, _ in big]
        worst = max(r.requests for _, r in big)
        median = statistics.median(times)
        push_ms = _push_only(url, store)
        line(
            "1,000 offline mutations, one cycle",
            f"{median:.0f} ms, {worst} requests",
            "≤ 2 s, ≤ 3",
            median <= 2000 and worst <= 3,
            f"(median of 3: {', '.join(f'{t:.0f}' for t in times)} ms; {push_ms}",
        )


def _push_only(url: str, store: Store) -> str:
    """Reference: the server's share, 2 x 500 mutations posted by plain requests."""
    me = store.scalar("SELECT id FROM users WHERE username = ?", (USER,))
    accounts = ids_of(store, "SELECT id FROM accounts ORDER BY id LIMIT 1000")
    session = requests.Session()
    token = session.post(
        url + "/v1/auth/token",
        json={"grant_type": "password", "username": USER, "password": PASSWORD},
        timeout=30,
    )
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    stamp = f"{os.getpid()}-{time.time_ns()}"
    bodies = [
        {
            "device_id": "00000000-0000-7000-8000-0000000000aa",
            "mutations": [
                {
                    "mutation_id": f"raw-{stamp}-{b}-{i}",
                    "collection": "notes",
                    "record_id": f"0190aaaa-{stamp[-4:]}-7000-8000-{b:02d}{i:010d}",
                    "op": "create",
                    "fields": {
                        "account_id": account_id,
                        "author_id": me,
                        "kind": "feedback",
                        "body": "Note de référence.",
                        "pinned": False,
                        "created_at": "2026-11-23T14:05:00Z",
                    },
                    "base_version": None,
                }
                for i, (account_id,) in enumerate(accounts[b * 500 : (b + 1) * 500])
            ],
        }
        for b in range(2)
    ]
    start = time.perf_counter()
    for body in bodies:
        answer = session.post(url + "/v1/mutations", json=body, timeout=120)
        answer.raise_for_status()
    ms = (time.perf_counter() - start) * 1000
    return f"server alone, 2 x 500 posted raw: {ms:.0f} ms)"


# -- main --------------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=20, help="samples of the no-op sync")
    parser.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE)
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "fieldapp-sync-bench",
        help="where the seeded server is kept between runs",
    )
    parser.add_argument("--child-download", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_download:
        child_download(args.child_download, args.profile, args.page_size)
        return

    seeded, seed_info = seeded_data(args.cache, args.accounts, args.seed)
    how = "cached from an earlier run" if seed_info["cached"] else "this run"
    print(f"server: {seed_info['summary']}")
    print(
        f"seeding: {seed_info['seconds']:.1f} s, peak {mib(seed_info['peak_kib'])} ({how};"
        f" one process generates everything, then inserts it in one transaction)"
    )
    with tempfile.TemporaryDirectory(prefix="fieldapp-sync-bench-") as tmp:
        work = Path(tmp)
        data = work / "server"
        data.mkdir()
        for source in seeded.glob("server.db*"):
            shutil.copyfile(source, data / source.name)
        with running_server(data, work / "server.log") as url:
            print(
                f"server: {url} (log in a temporary folder); user '{USER}', page size"
                f" {args.page_size}\n",
                flush=True,
            )
            profile = work / "profile"
            down = initial_download(url, profile, args.page_size)
            report = down["report"]
            size = (profile / "fieldapp.db").stat().st_size / 2**20
            peak = down["vm_hwm_kib"] or down["peak_kib"]
            line(
                "initial download, SyncEngine.run()",
                f"{report['seconds']:.1f} s, {report['requests']} requests",
                "≤ 60 s",
                report["seconds"] <= 60,
                "(child process; raw limit below)",
            )
            line(
                "  peak client memory (child VmHWM)",
                mib(peak),
                "≤ 300 MB",
                peak <= 300 * 1024,
                f"(client process CPU {down['cpu']:.1f} s)",
            )

            pages, fetch_s, page_count = fetch_pages(url, args.page_size)
            fetched_mb = sum(len(p) for p in pages) / 2**20
            raw_s, raw_count = raw_insert(pages, work / "raw.db")
            del pages
            line(
                "  raw limit: decode + executemany",
                f"{raw_s:.1f} s",
                "—",
                None,
                f"(engine = {report['seconds'] / raw_s:.1f} x raw; plain HTTP"
                f" fetch of the same {page_count} pages: {fetch_s:.1f} s)",
            )
            print(
                f"  pulled {report['pulled']:,} changes ({raw_count:,} records in the raw"
                f" copy), {fetched_mb:.0f} MiB of JSON; profile database {size:.0f} MiB;"
                f" sign-in {down['sign_in']:.2f} s (argon2)\n",
                flush=True,
            )
            steady_state(url, profile, args.runs)


if __name__ == "__main__":
    main()
