"""How long the dashboard page takes to show its figures in the window, on the manager's
50,000-account profile of ``kpi_speed`` (issue 11's bar: a quarter ready in 500 ms or less
after opening).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.dashboard_page
      [--accounts 50000] [--seed 1] [--repeat 3]

The profile is ``kpi_speed``'s (made once and cached), copied for the run. A real
``DashboardPage`` is opened on it, off screen, with the app's own workers (the figures
are computed on ``AppContext.figures``): "opened" is from building the page to its figures
on screen (tiles, charts, tables filled). First with no snapshot kept (the first start
after installing: a fresh computation); then, after the refresh a sync sets off
(``refresh_views``), a new page opened on the organisation's running quarter, as the
manager who chose "Quarter" finds it at the next start or after switching pages: the bar.
Then each request (the running month, the running quarter, one team's quarter, one rep's)
is timed from asking to shown: the first time (computed, unless the refresh kept it) and
again ``--repeat`` times (median; from the snapshot the first one kept). Beside each: the
core's own time (``Dashboard.seconds``, summed: the computation's, also when the figures
came from a snapshot) and what the GUI thread spent filling the widgets. Exit code 1 when
the quarter opened from its snapshot misses 500 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.kpi import Dashboard, PeriodKind, ScopeKind
from fieldapp.store.database import open_store
from fieldapp.usecases.people import current_user
from tests.benchmarks.kpi_speed import manager_profile
from ui.context import AppContext, build_context
from ui.dashboard.model import Request, ScopeChoice, refresh_views
from ui.pages.dashboard import DashboardPage
from ui.settings import DASHBOARD_PERIOD, AppSettings

TARGET_MS = 500.0


def shown(app: QApplication, page: DashboardPage, ask: Request | None) -> tuple[float, Dashboard]:
    """Milliseconds from asking (``None``: the page was just built) to figures on screen.
    Waits in an event loop, as the window does: idle, it leaves the workers the GIL."""
    boards: list[Dashboard] = []
    loop = QEventLoop()

    def arrived(board: Dashboard) -> None:
        boards.append(board)
        loop.quit()

    page.computed.connect(arrived)
    started = time.perf_counter()
    if ask is not None:
        page.request = ask
        page.recompute()
    if page.board is None or ask is not None:
        QTimer.singleShot(120_000, loop.quit)
        loop.exec()
    elapsed = (time.perf_counter() - started) * 1000
    page.computed.disconnect(arrived)
    if not boards:
        raise SystemExit("the dashboard did not answer within 120 s")
    return elapsed, boards[0]


def filling_ms(page: DashboardPage, board: Dashboard, repeat: int) -> float:
    """What the GUI thread spends showing one computed dashboard (tiles, charts, tables)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        page._computed(board)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def open_page(app: QApplication, context: AppContext) -> tuple[DashboardPage, float, Dashboard]:
    started = time.perf_counter()
    page = DashboardPage(context)
    page.resize(1216, 700)
    page.show()
    _, board = shown(app, page, None)
    return page, (time.perf_counter() - started) * 1000, board


def settle(app: QApplication, context: AppContext) -> None:
    while context.figures.outstanding or context.tasks.outstanding:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "fieldapp-sync-bench"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    source = manager_profile(args.cache, args.accounts, args.seed)
    app = QApplication([])
    missed = False
    with tempfile.TemporaryDirectory() as scratch:
        profile = Path(scratch) / "profile"
        profile.mkdir()
        shutil.copyfile(source / "fieldapp.db", profile / "fieldapp.db")
        with open_store(profile) as store:
            user = current_user(store)
            team = store.scalar("SELECT team FROM users WHERE team IS NOT NULL LIMIT 1")
            rep = store.scalar("SELECT username FROM users WHERE role = 'field' LIMIT 1")
        context: AppContext = build_context(profile, user, AppSettings(Path(scratch) / "b.ini"))
        try:
            page, opened, board = open_page(app, context)
            print(
                f"opened, no snapshot kept (running {board.period.kind}, {board.scope.kind}):"
                f" {opened:,.0f} ms to figures on screen"
                f" (core {sum(board.seconds.values()) * 1000:,.0f} ms)"
            )
            settle(app, context)
            page.close()
            # What a sync that changed something sets off, done: the usual views refreshed.
            started = time.perf_counter()
            with open_store(profile) as store:
                refreshed = refresh_views(store, Request(PeriodKind.QUARTER))
            print(
                f"refresh after a sync: {refreshed} views in"
                f" {(time.perf_counter() - started) * 1000:,.0f} ms (figures worker)"
            )
            context.settings.set(DASHBOARD_PERIOD, "quarter")
            openings = []
            for _ in range(args.repeat):
                page, opened, board = open_page(app, context)
                openings.append(opened)
                settle(app, context)
                page.close()
            worst = max(openings)
            missed = worst > TARGET_MS
            print(
                f"opened on the organisation's running quarter, snapshot current:"
                f" median {statistics.median(openings):,.0f} ms, worst {worst:,.0f} ms"
                f" of {args.repeat} (target ≤ {TARGET_MS:.0f} ms)"
                f"  {'OVER TARGET' if missed else 'OK'}"
            )
            page, _, _ = open_page(app, context)
            asks = [
                ("running month, organisation", Request(PeriodKind.MONTH)),
                ("running quarter, organisation", Request(PeriodKind.QUARTER)),
                (
                    f"running quarter, team {team}",
                    Request(PeriodKind.QUARTER, 0, ScopeChoice(ScopeKind.TEAM, team)),
                ),
                (
                    f"running quarter, rep {rep}",
                    Request(PeriodKind.QUARTER, 0, ScopeChoice(ScopeKind.REP, rep)),
                ),
            ]
            print(f"{'request':36} {'first asked':>12} {'again':>9} {'core':>9} {'GUI fill':>9}")
            for label, ask in asks:
                first, _ = shown(app, page, ask)
                runs = [shown(app, page, ask) for _ in range(args.repeat)]
                again = statistics.median(ms for ms, _ in runs)
                last = runs[-1][1]
                core = sum(last.seconds.values()) * 1000
                fill = filling_ms(page, last, args.repeat)
                print(
                    f"{label:36} {first:>9,.0f} ms {again:>6,.0f} ms {core:>6,.0f} ms"
                    f" {fill:>6,.0f} ms"
                )
            page.close()
        finally:
            context.close()
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
