"""Load on the reference server: many field reps syncing at once.

Part of the issue "Prove it under abuse"; what it measured is in docs/reliability.md.

Run:  .venv/bin/python -m tests.benchmarks.server_load --database sqlite|postgresql
          [--reps 50[,100,200]] [--seconds 60] [--think 1.0] [--accounts-per-rep 100]

Seeds a server (``fieldapp server seed --field-reps N``: reps rep1..repN, each alone in a
territory of their own), starts ``fieldapp server run`` on 127.0.0.1, then runs N
simulated reps at once, spread over a few worker processes (``load_rep``): each is a real
laptop (its own SQLite profile, the real sync engine and HTTP backend) that signs in,
downloads its territory, then until the time is up makes a few edits (notes, visits,
follow-ups, account fields) through the app's use cases, syncs (push + pull) and thinks.

Prints requests per second, p50/p95/p99 latency per endpoint kind and the errors, each
next to its target; then checks the server's database: every mutation the reps made is
there exactly once, under the right person, with its values, and the counts match. Exits
non-zero on any error or lost mutation (latency over target is reported, not fatal:
machines are noisy). With several ``--reps`` values, each runs on a fresh server and a
summary table follows. PostgreSQL runs in a schema of its own, dropped afterwards, in the
database of ``--postgres-url`` (default: $FIELDAPP_TEST_POSTGRES_URL, else the local one
CI uses). Bounded: every wait has a time limit; nothing listens beyond loopback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .load_check import (
    KindFigures,
    Verification,
    error_statuses,
    figures_by_kind,
    percentile,
    postgres_schema,
    verify,
)
from .load_server import (
    START_TIMEOUT,
    child_env,
    cpu_seconds,
    load_average,
    log_findings,
    running_server,
    seed,
    write_ceiling,
)

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_ENV = "FIELDAPP_TEST_POSTGRES_URL"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PASSWORD = "demo"  # the demo seed's shared password (demo only)
# p99 latency limits per kind, in ms: a sync after a few edits should feel immediate even
# when the whole team syncs at once; a first download page and a sign-in (argon2, on
# purpose slow) may take longer.
P99_LIMIT_MS = {"sign-in": 3000.0, "download": 5000.0, "push": 1000.0, "pull": 1000.0}
DAY_KINDS = ("push", "pull", "refresh")
RAMP_UP_PER_REP = 0.2
CEILING_THREADS = 16  # writers of the reference measurement, one per rep
GRACE = 150.0  # after the deadline: a rep's last sync, with the back-off it may be asked for


@dataclass(frozen=True)
class LoadOptions:
    database: str = "sqlite"  # sqlite | postgresql
    reps: int = 50
    seconds: float = 60.0
    think: float = 1.0  # mean pause between two of a rep's rounds
    accounts_per_rep: int = 100
    workers: int = 0  # 0: one process per 25 reps, at most 4
    seed: int = 1
    postgres_url: str = ""
    one_address: bool = False  # every laptop behind one address, as in an office behind NAT
    min_rounds: int = 1  # rounds each rep makes even past the deadline (a slow start)
    ramp_up: float | None = None  # rep n of N opens its laptop (n - 1) / N of this late
    reference: int = 40  # mutations per writer of the write path alone, after the run (0: no)

    def worker_count(self) -> int:
        return self.workers or max(1, min(4, math.ceil(self.reps / 25)))

    def opening(self) -> float:
        """Seconds over which the laptops are opened: by default five a second, since a
        team opens its laptops over a while, not all in one second (``--ramp-up 0`` is
        that storm: each sign-in costs the server an argon2 hash, slow on purpose)."""
        return self.reps * RAMP_UP_PER_REP if self.ramp_up is None else self.ramp_up

    def morning_limit(self) -> float:
        """How long the sign-ins and first downloads may take in all (then: a failure)."""
        return self.opening() + 300.0


@dataclass
class LoadResult:
    options: LoadOptions
    seed_seconds: float = 0.0
    seeded: str = ""
    morning_wall: float = 0.0  # every laptop signed in and downloaded its territory
    wall: float = 0.0  # the day: rounds of edits and syncs
    samples: list[list[Any]] = field(default_factory=list)
    reps: list[dict[str, Any]] = field(default_factory=list)
    server_cpu: float | None = None
    workers_cpu: float = 0.0
    load_average: tuple[float, float] = (0.0, 0.0)  # 1-minute, at the start and at the end
    server_log: dict[str, int] = field(default_factory=dict)
    no_answer: list[str] = field(default_factory=list)  # examples of requests left unanswered
    verification: Verification = field(default_factory=Verification)
    ceiling: tuple[float, list[float]] | None = None  # the write path alone: per s, latencies

    @property
    def requests(self) -> int:
        """Requests of the day (pushes and pulls): the morning is reported apart."""
        return sum(1 for sample in self.samples if sample[0] in DAY_KINDS)

    @property
    def failures(self) -> list[str]:
        return [text for rep in self.reps for text in rep["failures"]]

    @property
    def error_responses(self) -> int:
        return sum(error_statuses(self.samples).values())

    @property
    def unexpected(self) -> int:
        """Conflicts, rejections and changes left in an outbox: none is expected here."""
        return sum(
            rep["conflicts"] + rep["rejected"] + max(0, rep["outbox_left"]) for rep in self.reps
        )

    @property
    def errors(self) -> int:
        return self.error_responses + len(self.failures) + self.unexpected

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.verification.ok and len(self.reps) == self.options.reps


def _expect(process: subprocess.Popen[str], message: str, deadline: float, work: Path) -> None:
    """Wait (until ``deadline``, monotonic) for a worker to print ``message``."""
    assert process.stdout is not None
    remaining = deadline - time.monotonic()
    ready, _, _ = select.select([process.stdout], [], [], max(0.0, remaining))
    if not ready or process.stdout.readline().strip() != message:
        raise RuntimeError(
            f"a load worker did not say '{message}' in time:\n" + _worker_errors(work)
        )


def _worker_errors(work: Path) -> str:
    """The end of each worker's standard error (the run's folder is removed afterwards)."""
    return "\n".join(
        f"{err.name}: {err.read_text(errors='replace')[-1500:]}"
        for err in sorted(work.glob("worker*.err"))
    )


def _go(workers: list[tuple[subprocess.Popen[str], Path]]) -> float:
    for process, _ in workers:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    return time.monotonic()


def run_workers(options: LoadOptions, url: str, work: Path) -> tuple[float, list[dict[str, Any]]]:
    """Start the worker processes; when all are ready, start everybody's morning (sign-in,
    first download); when all are done with it, everybody's day; wait for the end (every
    wait bounded). Returns the morning's wall time and the workers' results."""
    usernames = [f"rep{n}" for n in range(1, options.reps + 1)]
    count = options.worker_count()
    workers = []
    for index in range(count):
        spec = {
            "url": url,
            "usernames": usernames[index::count],
            "password": PASSWORD,
            "numbers": list(range(1, options.reps + 1))[index::count],
            "one_address": options.one_address,
            "seconds": options.seconds,
            "think": options.think,
            "grace": GRACE,
            "min_rounds": options.min_rounds,
            "morning_limit": options.morning_limit(),
            "delays": [
                options.opening() * (n - 1) / options.reps for n in range(1, options.reps + 1)
            ][index::count],
            "profiles": str(work / "profiles"),
            "seed": options.seed,
        }
        spec_file, out_file = work / f"worker{index}.json", work / f"worker{index}.out.json"
        spec_file.write_text(json.dumps(spec))
        with (work / f"worker{index}.err").open("wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.benchmarks.load_rep", str(spec_file), str(out_file)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                cwd=ROOT,
                env=child_env(work),
                text=True,
            )
        workers.append((process, out_file))
    try:
        for process, _ in workers:
            _expect(process, "ready", time.monotonic() + START_TIMEOUT, work)
        morning = _go(workers)
        for process, _ in workers:  # a little beyond the workers' own limit
            _expect(process, "started", morning + options.morning_limit() + 30, work)
        morning_wall = time.monotonic() - morning
        day = _go(workers)
        results = []
        for process, out_file in workers:
            remaining = day + options.seconds + GRACE + 60 - time.monotonic()
            if process.wait(timeout=max(1.0, remaining)) != 0 or not out_file.exists():
                raise RuntimeError("a load worker failed:\n" + _worker_errors(work))
            results.append(json.loads(out_file.read_text()))
        return morning_wall, results
    finally:
        for process, _ in workers:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=15)


# -- one run ---------------------------------------------------------------------------
def run_load(options: LoadOptions, work: Path) -> LoadResult:
    """Seed, serve, load, verify: the core of the benchmark (also run by the smoke test)."""
    result = LoadResult(options)
    data = work / "server"
    data.mkdir(parents=True, exist_ok=True)
    with _database(options) as url:
        result.seed_seconds, result.seeded = seed(
            options.reps, options.accounts_per_rep, options.seed, data, url, work
        )
        with running_server(data, url, work) as (server_url, pid):
            before = load_average()
            result.morning_wall, outputs = run_workers(options, server_url, work)
            result.server_cpu = cpu_seconds(pid)
            result.load_average = (before, load_average())
        result.server_log = log_findings(work / "server.log")
        for output in outputs:
            result.wall = max(result.wall, output["day_seconds"])
            result.samples += output["samples"]
            result.reps += output["reps"]
            result.workers_cpu += output["cpu_seconds"]
            result.no_answer += output["no_answer"]
        database_url = url or f"sqlite:///{(data / 'server.db').as_posix()}"
        result.verification = verify(database_url, result.reps)
        if options.reference:
            writers = [f"rep{n}" for n in range(1, min(CEILING_THREADS, options.reps) + 1)]
            result.ceiling = write_ceiling(database_url, writers, options.reference)
    return result


@contextlib.contextmanager
def _database(options: LoadOptions) -> Iterator[str | None]:
    """None for SQLite (the server's file in its data folder), else a PostgreSQL URL."""
    if options.database == "sqlite":
        yield None
        return
    base = options.postgres_url or os.environ.get(POSTGRES_ENV) or DEFAULT_POSTGRES
    with postgres_schema(base) as url:
        yield url


# -- reporting -------------------------------------------------------------------------
def line(label: str, value: str, target: str, ok: bool | None, reference: str = "") -> None:
    verdict = "" if ok is None else ("  OK" if ok else "  OVER LIMIT")
    print(f"{label:<22} {value:<44} {target:<16}{verdict} {reference}".rstrip(), flush=True)


def _kind_line(kind: str, figures: dict[str, KindFigures]) -> None:
    f = figures.get(kind)
    limit = f"p99 ≤ {P99_LIMIT_MS[kind]:.0f} ms"
    if f is None:
        line(f"  {kind}", "no requests", limit, False)
        return
    line(
        f"  {kind}",
        f"p50 {f.p50:.0f} / p95 {f.p95:.0f} / p99 {f.p99:.0f} ms",
        limit,
        f.p99 <= P99_LIMIT_MS[kind],
        f"(n={f.count:,}, max {f.max:.0f} ms)",
    )


def report(result: LoadResult) -> None:
    o = result.options
    offered = o.reps * 2 / o.think if o.think else float("inf")
    print(
        f"\n== {o.database}: {o.reps} reps x {o.accounts_per_rep} accounts, day of"
        f" {o.seconds:g} s, think {o.think:g} s, {o.worker_count()} worker processes"
        f"{', one address' if o.one_address else ''} =="
    )
    print(f"seeded in {result.seed_seconds:.1f} s: {result.seeded}")
    figures = figures_by_kind(result.samples)
    print(
        f"morning: every laptop signed in and downloaded its territory in"
        f" {result.morning_wall:.1f} s (opened over {o.opening():g} s)"
    )
    for kind in ("sign-in", "download"):
        _kind_line(kind, figures)
    rounds = sum(rep["rounds"] for rep in result.reps)
    rate = result.requests / result.wall if result.wall else 0.0
    print(f"day: {rounds:,} rounds of edits + sync, {result.verification.mutations:,} mutations")
    line(
        "  requests",
        f"{result.requests:,} in {result.wall:.1f} s = {rate:.1f} req/s",
        "—",
        None,
        f"(at most ~{offered:.0f} req/s offered: 2 per round per think time)",
    )
    for kind in ("push", "pull"):
        _kind_line(kind, figures)
    if result.ceiling is not None:
        rate, latencies = result.ceiling
        asked = result.verification.mutations / result.wall if result.wall else 0.0
        line(
            "  write path alone",
            f"{rate:.0f} mutations/s, p50 {percentile(latencies, 0.5):.0f}"
            f" / p99 {percentile(latencies, 0.99):.0f} ms",
            "—",
            None,
            f"(reference: {CEILING_THREADS} threads in-process after the run, one transaction"
            f" per mutation; the day asked {asked:.0f}/s)",
        )
    statuses = error_statuses(result.samples)
    line(
        "error responses",
        f"{result.error_responses}",
        "limit 0",
        result.error_responses == 0,
        ", ".join(f"{k}: {n}" for k, n in statuses.most_common()),
    )
    line(
        "failed syncs, crashes",
        f"{len(result.failures)}",
        "limit 0",
        not result.failures,
        result.failures[0].splitlines()[0][:100] if result.failures else "",
    )
    line(
        "conflicts, rejections",
        f"{result.unexpected}",
        "limit 0",
        result.unexpected == 0,
        "(and changes left in an outbox; each rep is alone in its territory)",
    )
    v = result.verification
    line(
        "lost mutations",
        f"{v.lost} of {v.mutations:,}",
        "limit 0",
        v.ok,
        f"(server holds {v.server_count:,} for the reps; {v.server_creates:,} of"
        f" {v.creates:,} creates)",
    )
    for problem in v.problems:
        print(f"    {problem}")
    for text, count in result.server_log.items():
        print(f"server log: {count} x {text}")
    for text in result.no_answer[:3]:
        print(f"no answer: {text}")
    server = f"{result.server_cpu:.0f} s" if result.server_cpu is not None else "?"
    print(
        f"CPU: server {server}, simulated laptops {result.workers_cpu:.0f} s, in"
        f" {result.wall:.0f} s on {os.cpu_count()} cores; load average"
        f" {result.load_average[0]:.1f} at the start, {result.load_average[1]:.1f} at the end",
        flush=True,
    )


def summary(results: list[LoadResult]) -> None:
    """One Markdown row per run, as docs/reliability.md shows them."""
    print(
        "\n| database | reps | think | day | requests | req/s | push p50/p95/p99 ms |"
        " pull p50/p95/p99 ms | sign-in p50/p95/p99 ms | errors | lost |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        figures = figures_by_kind(r.samples)

        def cell(kind: str, figures: dict[str, KindFigures] = figures) -> str:
            f = figures.get(kind)
            return "—" if f is None else f"{f.p50:.0f} / {f.p95:.0f} / {f.p99:.0f}"

        rate = r.requests / r.wall if r.wall else 0.0
        print(
            f"| {r.options.database} | {r.options.reps} | {r.options.think:g} s |"
            f" {r.wall:.0f} s | {r.requests:,} | {rate:.0f} | {cell('push')} |"
            f" {cell('pull')} | {cell('sign-in')} | {r.errors} | {r.verification.lost} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--reps", default="50", help="simulated field reps; a list (50,100,200) runs each in turn"
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=60.0,
        help="length of the day: rounds of edits and syncs, after every"
        " laptop signed in and downloaded its territory",
    )
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean seconds between two rounds of one rep"
    )
    parser.add_argument(
        "--ramp-up",
        type=float,
        default=None,
        help="seconds over which the reps' laptops are opened (0: all at"
        f" once; default: {RAMP_UP_PER_REP:g} s per rep)",
    )
    parser.add_argument("--accounts-per-rep", type=int, default=100)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="worker processes (default: one per 25 reps, at most 4)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--postgres-url", default="", help=f"default: ${POSTGRES_ENV}, else {DEFAULT_POSTGRES}"
    )
    parser.add_argument(
        "--reference",
        type=int,
        default=40,
        metavar="N",
        help="after the run, time the write path alone: N mutations per"
        f" writer, {CEILING_THREADS} writers (0: skip)",
    )
    parser.add_argument(
        "--one-address",
        action="store_true",
        help="every laptop connects from 127.0.0.1, as an office behind one"
        " NAT address would (default: one loopback address per laptop)",
    )
    args = parser.parse_args()
    results = []
    for reps in (int(n) for n in args.reps.split(",")):
        options = LoadOptions(
            database=args.database,
            reps=reps,
            seconds=args.seconds,
            think=args.think,
            accounts_per_rep=args.accounts_per_rep,
            workers=args.workers,
            seed=args.seed,
            ramp_up=args.ramp_up,
            postgres_url=args.postgres_url,
            one_address=args.one_address,
            reference=args.reference,
        )
        with tempfile.TemporaryDirectory(prefix="fieldapp-load-") as tmp:
            result = run_load(options, Path(tmp))
        report(result)
        results.append(result)
    if len(results) > 1:
        summary(results)
    if not all(r.ok for r in results):
        print("\nFAILED: errors or lost mutations (see above).", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
