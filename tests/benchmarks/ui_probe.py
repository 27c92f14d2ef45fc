"""Child process of ``tests.benchmarks.ui_speed``: launch the app, say when it is usable.

Run by the benchmark as ``python -m tests.benchmarks.ui_probe --profile DIR``. It goes
through the same door as ``fieldapp app --profile DIR`` (``fieldapp.cli.main``: argument
parsing, the command plugins, logging, then ``ui.app.run_app``), with an ``on_ready`` hook
slipped into ``run_app``. "Usable" is the first moment the main window is shown and
exposed, the landing page has shown its first data, and the store worker has nothing
left to do (``context.tasks.outstanding == 0``), after one processed paint. The probe
then prints one line, ``UI_PROBE {json}``, and quits.

Times are ``time.monotonic()`` readings (CLOCK_MONOTONIC, shared by every process of the
machine), so the parent can place them against the moment it spawned this process.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

MAIN_STARTED = time.monotonic()  # the interpreter is up and this module is imported

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PREFIX = "UI_PROBE "


def rss_kib() -> dict[str, int]:
    """The current resident set (VmRSS) and its peak so far, in KiB."""
    figures: dict[str, int] = {}
    try:
        for text in Path("/proc/self/status").read_text().splitlines():
            if text.startswith(("VmRSS:", "VmHWM:")):
                figures[text.split(":")[0]] = int(text.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures["ru_maxrss"] = peak // 1024 if sys.platform == "darwin" else peak
    return figures


def cpu_seconds() -> float:
    """CPU time this process has used so far, all threads (less noisy than wall time on a
    busy machine)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def landing_data_arrived(window: Any) -> bool:
    """Whether the page the window opened on shows its first answer from the store."""
    page = window.current_page
    if page == "today":
        return bool(window.today.summary_label.text())
    if page == "accounts":
        return not window.accounts.model.loading and bool(window.accounts.count_label.text())
    if page == "review":
        return bool(window.review.count_label.text())
    return True  # the sync page reads nothing before it is shown


def watch(shell: Any, marks: dict[str, float]) -> None:
    """The ``on_ready`` hook: report the first usable moment, then quit the app."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    marks["window_built"] = time.monotonic()
    window, tasks = shell.window, shell.context.tasks
    reported = False

    def check(*_args: object) -> None:
        nonlocal reported
        if reported or tasks.outstanding or not window.isVisible():
            return
        if not landing_data_arrived(window):
            return
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(1, check)  # on screen at the platform's next expose event
            return
        reported = True
        QApplication.processEvents()  # the layout and paint the answers asked for
        marks["usable"] = time.monotonic()
        figures = {
            "marks": marks,
            "page": window.current_page,
            "rows": window.accounts.model.rowCount(),
            "memory_kib": rss_kib(),
            "cpu_seconds": cpu_seconds(),
        }
        print(PREFIX + json.dumps(figures), flush=True)
        shell.app.quit()

    tasks.busy_changed.connect(check)
    check()  # nothing queued at all (never the case today, but then it is usable now)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, required=True)
    args = parser.parse_args(argv)
    marks = {"main": MAIN_STARTED}

    import ui.app
    from fieldapp.cli import main as fieldapp_main

    marks["imported"] = time.monotonic()
    run_app = ui.app.run_app

    def run_app_watched(profile_dir: Path, **options: Any) -> int:
        marks["run_app"] = time.monotonic()
        return run_app(profile_dir, on_ready=lambda shell: watch(shell, marks), **options)

    # ``fieldapp app`` imports run_app from ui.app when it runs: it gets this one.
    ui.app.run_app = run_app_watched  # type: ignore[assignment]
    return fieldapp_main(["app", "--profile", str(args.profile)])


if __name__ == "__main__":
    sys.exit(main())
