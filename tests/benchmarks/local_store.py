"""Benchmark of the local store on a 50,000-account profile (issue 2's speed bars).

Run:  .venv/bin/python -m tests.benchmarks.local_store [--accounts 50000] [--seed 1]

Prints each figure next to its target and next to a raw-SQLite reference measured in the
same run on the same file, so a slow machine shows up as a slow reference, not as a
regression. Not part of the test suite: timings are noisy, the suite asserts behaviour.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.search import search
from fieldapp.store import Store, open_store
from fieldapp.usecases import visits
from fieldapp.usecases.briefing import account_briefing
from fieldapp.usecases.planning import accounts_due_for_visit, todays_plan
from fieldapp.usecases.reviews import review_queue


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(action: Callable[[], object], repeat: int = 1) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: list[float], target_ms: float | None, reference: str) -> None:
    p50, p95 = percentile(samples, 50), percentile(samples, 95)
    verdict = "" if target_ms is None else ("  OK" if p95 <= target_ms else "  OVER TARGET")
    target = "—" if target_ms is None else f"≤ {target_ms:g} ms"
    print(
        f"{label:<34} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  target p95 {target:<9}"
        f" {reference}{verdict}"
    )


def search_queries(store: Store, rng: random.Random, count: int) -> list[str]:
    """What people type: the first letters of real names, cities and note words."""
    names = [
        r[0] for r in store.rows("SELECT name FROM accounts ORDER BY random() LIMIT ?", (count,))
    ]
    people = [
        r[0]
        for r in store.rows("SELECT last_name FROM contacts ORDER BY random() LIMIT ?", (count,))
    ]
    words = [
        w
        for r in store.rows("SELECT body FROM notes ORDER BY random() LIMIT ?", (count,))
        for w in r[0].split()
        if len(w) > 5
    ]
    cities = ["montreal", "québec", "laval", "sherb", "paris", "lyon"]
    pool = names + people + words + cities
    queries = []
    for _ in range(count):
        text = rng.choice(pool)
        first_word = text.split()[0]
        queries.append(first_word[: rng.randint(3, max(3, min(8, len(first_word))))])
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        start = time.perf_counter()
        data = generate(args.accounts, seed=args.seed)
        generated = time.perf_counter()
        with open_store(profile, create=True) as store:
            counts = load_demo(store, data)
        loaded = time.perf_counter()
        total = sum(counts.values())
        print(
            f"profile: {args.accounts:,} accounts, {total:,} records "
            f"({', '.join(f'{k} {v:,}' for k, v in counts.items())})"
        )
        print(
            f"demo data: generated in {generated - start:.1f} s, loaded in "
            f"{loaded - generated:.1f} s (target: well under 60 s in all)"
        )
        print(f"database size: {(profile / 'fieldapp.db').stat().st_size / 2**20:.0f} MiB\n")

        with open_store(profile) as store:
            run_benchmarks(store, profile, rng, args.samples)


def run_benchmarks(store: Store, profile: Path, rng: random.Random, samples: int) -> None:
    raw = sqlite3.connect(profile / "fieldapp.db")

    queries = search_queries(store, rng, samples)
    search_ms = [timed(lambda q=q: search(store, q))[0] for q in queries]
    raw_ms = [
        timed(
            lambda q=q: raw.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20", (f'"{q}"*',)
            ).fetchall()
        )[0]
        for q in queries
    ]
    report(
        "search (typed prefixes)",
        search_ms,
        20,
        f"(raw FTS match, unranked: p95 {percentile(raw_ms, 95):.2f} ms)",
    )

    account_ids = [
        r[0] for r in raw.execute("SELECT id FROM accounts ORDER BY random() LIMIT ?", (samples,))
    ]
    briefing_ms = [timed(lambda a=a: account_briefing(store, a))[0] for a in account_ids]
    raw_ms = [
        timed(lambda a=a: raw.execute("SELECT * FROM accounts WHERE id = ?", (a,)).fetchall())[0]
        for a in account_ids
    ]
    report(
        "account briefing",
        briefing_ms,
        50,
        f"(raw account row by id: p95 {percentile(raw_ms, 95):.2f} ms)",
    )

    # Log visits the way a rep does: planned and checked in beforehand (not timed), then
    # the report and check-out, which is what "a visit log" commits.
    base = datetime.now(UTC).replace(microsecond=0) + timedelta(days=400)
    planned = []
    for i, account_id in enumerate(account_ids[:samples]):
        visit = visits.plan_visit(store, account_id, base + timedelta(hours=i))
        planned.append(visits.check_in(store, visit.id).id)
    log_ms = [
        timed(
            lambda v=v: visits.complete_visit(
                store,
                v,
                outcome="positive",
                summary="Rencontre avec la gérante; commande à suivre.",
                next_steps="Envoyer la soumission",
            )
        )[0]
        for v in planned
    ]
    raw.execute("PRAGMA synchronous = FULL")
    raw_ms = []
    for _ in range(samples):
        start = time.perf_counter()
        with raw:
            raw.execute(
                "INSERT INTO main.profile (key, value) VALUES ('bench', 'x')"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value || 'x'"
            )
        raw_ms.append((time.perf_counter() - start) * 1000)
    report(
        "visit log (complete + check out)",
        log_ms,
        10,
        f"(raw one-row commit, synchronous=FULL: p95 {percentile(raw_ms, 95):.2f} ms)",
    )

    field_id = store.profile_value("current_user_id")
    report("today's plan", timed(lambda: todays_plan(store, rep_id=field_id), 50), None, "")
    report(
        "accounts due for a visit",
        timed(lambda: accounts_due_for_visit(store, owner_id=field_id), 20),
        None,
        "",
    )
    report("review queue (first 100)", timed(lambda: review_queue(store), 50), None, "")
    print(
        f"\n(samples per figure: {samples}; median of all searches "
        f"{statistics.median(search_ms):.2f} ms)"
    )
    raw.close()


if __name__ == "__main__":
    main()
