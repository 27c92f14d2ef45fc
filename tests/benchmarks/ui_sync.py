"""Does the window keep turning during a large first sync?

    .venv/bin/python -m tests.benchmarks.ui_sync [--accounts 30000] [--data DIR]

A demo server seeded with ``--accounts`` (30,000 give about half a million records) runs
on loopback; a fresh profile signs in and runs its first sync through the app's own sync
worker while a 10 ms timer on the GUI thread records every tick. The longest gap between
ticks is what a user would feel as a freeze; the target is none over 100 ms. The time of
the same download without Qt (``SyncEngine`` alone, measured in the same run) is the
limit the worker is compared with.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.store.database import open_store
from fieldapp.usecases.people import current_user
from sync.engine import SyncEngine
from sync.http_backend import HttpBackend
from sync.server.launcher import seed_server, start_server
from sync.session import sign_in
from ui.context import build_context
from ui.settings import AppSettings
from ui.sync_worker import SyncOutcome

STALL_MS = 100


def signed_in(profile: Path, url: str) -> tuple[HttpBackend, object]:
    backend = HttpBackend(url)
    with open_store(profile, create=True) as store:
        sign_in(store, url, "field", "demo", backend=backend)
        return backend, current_user(store)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, default=30_000)
    parser.add_argument("--data", type=Path, default=None, help="server data folder (kept)")
    args = parser.parse_args()
    data = args.data or Path(tempfile.gettempdir()) / f"fieldapp-ui-sync-{args.accounts}"
    if not (data / "seeded").exists():
        print(f"seeding {args.accounts} accounts in {data} …", flush=True)
        seed_server(data, args.accounts)
        (data / "seeded").write_text("ok")
    app = QApplication([])
    server = start_server(data)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            os.environ.setdefault("FIELDAPP_LOG_DIR", str(root / "logs"))
            # The limit: the same first download with no Qt at all.
            backend, _user = signed_in(root / "plain", server.url)
            with open_store(root / "plain") as store:
                started = time.perf_counter()
                plain = SyncEngine(store, backend).run()
                plain_seconds = time.perf_counter() - started

            backend, user = signed_in(root / "app", server.url)
            context = build_context(root / "app", user, AppSettings(root / "s.ini"))  # type: ignore[arg-type]
            context.sync.use_backend(backend)
            ticks: list[float] = []
            progress: list[object] = []
            ended: list[SyncOutcome] = []
            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
            context.sync.progress.connect(progress.append)
            context.sync.finished.connect(ended.append)
            timer.start()
            started = time.perf_counter()
            context.sync.sync_now()
            while not ended:
                app.processEvents()
                time.sleep(0.001)
            seconds = time.perf_counter() - started
            timer.stop()
            context.close()
    finally:
        server.stop()
    outcome = ended[0]
    if outcome.report is None:
        print(f"the sync failed: {outcome.error}")
        return 1
    gaps = sorted((b - a) * 1000 for a, b in pairwise(ticks))
    p99 = gaps[int(len(gaps) * 0.99)]
    stalls = sum(gap > STALL_MS for gap in gaps)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(
        f"records pulled: {outcome.report.pulled:,} in {seconds:.1f} s through the worker"
        f" (limit: {plain.pulled:,} in {plain_seconds:.1f} s with SyncEngine alone)"
    )
    print(f"progress reports shown: {len(progress)}")
    print(
        f"event-loop gaps: median {statistics.median(gaps):.1f} ms, p99 {p99:.1f} ms,"
        f" max {gaps[-1]:.1f} ms; over {STALL_MS} ms: {stalls}"
        f" (target: none)  {'PASS' if stalls == 0 else 'FAIL'}"
    )
    return 0 if stalls == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
