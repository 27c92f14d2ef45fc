"""Benchmark of SLA clocks: a work queue's worth of items, each with its clock.

Run:  .venv/bin/python -m tests.benchmarks.sla_clocks [--items 2000] [--seed 1]

A work queue is ordered by SLA clock, so every item's clock is computed whenever the queue
is shown; the figure is compared with the 100 ms a common action may take. Items start at
random times over a year in both regions, with every default policy, open or done, so
weekends, holidays and the due-soon test (working time left) are all exercised. Not part
of the test suite: timings are noisy, the suite asserts behaviour.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from fieldapp.team.policies import DEFAULT_POLICIES
from fieldapp.team.regions import REGIONS
from fieldapp.team.sla import sla_clock

TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    year = datetime(2026, 1, 1, tzinfo=UTC)
    policies = list(DEFAULT_POLICIES)
    regions = [REGIONS["QC"], REGIONS["FR"]]
    items = []
    for _ in range(args.items):
        start = year + timedelta(seconds=rng.randrange(365 * 86_400))
        done = start + timedelta(hours=rng.randrange(1, 400)) if rng.random() < 0.3 else None
        items.append((rng.choice(policies), rng.choice(regions), start, done))
    now = year + timedelta(days=200)

    def queue() -> None:
        for policy, region, start, done in items:
            sla_clock(
                policy=policy,
                region=region,
                owner="inside",
                started_at=start,
                done_at=done,
                now=now,
            )

    queue()  # the first pass also loads each year's holidays once per process
    samples = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        queue()
        samples.append((time.perf_counter() - began) * 1000)
    median, worst = statistics.median(samples), max(samples)
    verdict = "OK" if worst <= TARGET_MS else "OVER TARGET"
    print(
        f"clocks of {args.items:,} items: median {median:.1f} ms, worst {worst:.1f} ms "
        f"of {args.repeat} (target ≤ {TARGET_MS:g} ms)  {verdict}"
    )


if __name__ == "__main__":
    main()
