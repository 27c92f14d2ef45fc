"""The launch part of ``tests.benchmarks.ui_speed``: fresh processes, timed from the parent.

Each launch spawns ``python -m tests.benchmarks.ui_probe --profile DIR`` (a fresh
interpreter going through ``fieldapp app``) with a settings file and a log folder of its
own, and times from just before the spawn to the probe's "usable" line (see
``ui_probe``). The floor it is compared with is a bare ``python -c "import
PySide6.QtWidgets"`` process, spawn to exit, timed the same way in the same run.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks.ui_probe import PREFIX

ROOT = Path(__file__).resolve().parents[2]
LAUNCH_TIMEOUT = 120.0
BARE_PYSIDE = "import PySide6.QtWidgets"
# A step above the floor: Qt up and one empty window painted (information only).
FIRST_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]);"
    " w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents();"
    " import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
)


@dataclass
class Launch:
    """One launch: seconds from spawn to usable, and what the probe said."""

    seconds: float
    marks: dict[str, float]  # seconds from spawn to each of the probe's marks
    memory_kib: dict[str, int]
    rows: int
    page: str
    cpu_seconds: float  # the child's CPU time (all threads) up to usable


@dataclass
class LaunchFigures:
    launches: list[Launch]
    warm_up: Launch
    bare_import: list[float]  # seconds, spawn to exit
    bare_import_cpu: list[float]  # its CPU seconds
    first_window: list[float]
    first_window_kib: list[int]  # its peak RSS (Linux: KiB)
    notes: list[str] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(launch.seconds for launch in self.launches)

    @property
    def cpu_median(self) -> float:
        return statistics.median(launch.cpu_seconds for launch in self.launches)

    @property
    def bare_median(self) -> float:
        return statistics.median(self.bare_import)

    def median_mark(self, name: str) -> float:
        return statistics.median(launch.marks[name] for launch in self.launches)

    @property
    def rss_kib(self) -> int:
        """The child's resident set at "usable" (the median over the launches)."""
        return int(
            statistics.median(
                launch.memory_kib.get("VmRSS", launch.memory_kib["ru_maxrss"])
                for launch in self.launches
            )
        )


def child_env(work: Path) -> dict[str, str]:
    """The environment of a launched app: off screen, its own settings file and logs."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FIELDAPP_SETTINGS_FILE"] = str(work / "settings.ini")
    env["FIELDAPP_LOG_DIR"] = str(work / "logs")
    env.pop("FIELDAPP_PROFILE", None)
    return env


def launch_once(profile: Path) -> Launch:
    """Spawn the probe on a fresh settings file; seconds from spawn to its usable line."""
    with tempfile.TemporaryDirectory(prefix="fieldapp-ui-launch-") as tmp:
        work = Path(tmp)
        command = [sys.executable, "-m", "tests.benchmarks.ui_probe", "--profile", str(profile)]
        errors = work / "stderr.txt"
        with errors.open("w") as error_file:  # a file: a full pipe would stall the child
            spawned = time.monotonic()
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=child_env(work),
                stdout=subprocess.PIPE,
                stderr=error_file,
                text=True,
            )
            line, arrived = "", 0.0
            assert process.stdout is not None
            for text in process.stdout:  # the probe prints its one line, then quits
                if text.startswith(PREFIX):
                    line, arrived = text, time.monotonic()
                    break
            try:
                process.communicate(timeout=LAUNCH_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
        if not line:
            raise SystemExit(
                f"the app never became usable (exit {process.returncode}):\n"
                f"{errors.read_text(errors='replace')[-4000:]}\nlog: {_read_log(work)}"
            )
    figures: dict[str, Any] = json.loads(line[len(PREFIX) :])
    marks = {name: at - spawned for name, at in figures["marks"].items()}
    return Launch(
        arrived - spawned,
        marks,
        figures["memory_kib"],
        figures["rows"],
        figures["page"],
        figures["cpu_seconds"],
    )


def _read_log(work: Path) -> str:
    log = work / "logs" / "fieldapp.log"
    return log.read_text(errors="replace")[-2000:] if log.exists() else "(none)"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_seconds(code: str) -> tuple[float, float, str]:
    """Spawn to exit of ``python -c code``, from the parent's clock; its CPU time and what
    it printed."""
    cpu = children_cpu()
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return time.monotonic() - start, children_cpu() - cpu, done.stdout


def measure_launch(profile: Path, count: int) -> LaunchFigures:
    """One launch to warm the file cache (reported apart), then ``count`` timed launches,
    each followed by the two floors so that all three see the same machine load."""
    warm_up = launch_once(profile)
    process_seconds(BARE_PYSIDE)
    launches, bare, bare_cpu, window, window_kib = [], [], [], [], []
    for number in range(count):
        launches.append(launch_once(profile))
        seconds, cpu, _output = process_seconds(BARE_PYSIDE)
        bare.append(seconds)
        bare_cpu.append(cpu)
        seconds, _cpu, output = process_seconds(FIRST_WINDOW)
        window.append(seconds)
        window_kib.append(int(output.split()[-1]))
        print(
            f"  launch {number + 1}/{count}: {launches[-1].seconds:.2f} s, CPU "
            f"{launches[-1].cpu_seconds:.2f} s (bare PySide6 import {bare[-1]:.2f} s)",
            flush=True,
        )
    figures = LaunchFigures(launches, warm_up, bare, bare_cpu, window, window_kib)
    pages = sorted({launch.page for launch in launches})
    if pages != ["today"]:
        figures.notes.append(f"landing page: {', '.join(pages)} (a field rep lands on Today)")
    return figures


def describe_marks(figures: LaunchFigures) -> str:
    """Where the median launch spends its time, mark by mark."""
    names = [
        ("main", "interpreter up"),
        ("imported", "app imported"),
        ("run_app", "command line done"),
        ("window_built", "window built"),
        ("usable", "data shown, worker idle"),
    ]
    steps = [f"{label} {figures.median_mark(name):.2f} s" for name, label in names]
    return "median time from spawn: " + ", ".join(steps)
