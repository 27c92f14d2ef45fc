"""The desktop app as real OS processes: ``fieldapp app``/``demo`` started off screen.

Readiness and outcomes are read from the shared log file (each line names its process id)
and from ``/proc``, never from sleeps: ``wait_for_log`` polls until a bounded deadline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

WAIT = 90.0  # generous: two CPU cores shared by several test runs


def app_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FIELDAPP_DEMO_DIR=str(tmp_path / "demo"),
        FIELDAPP_SETTINGS_FILE=str(tmp_path / "settings.ini"),
        FIELDAPP_LOG_DIR=str(tmp_path / "logs"),
        QT_QPA_PLATFORM="offscreen",
        # This machine has no OS keyring: the app must work without one.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    env.pop("FIELDAPP_PROFILE", None)
    env.update(extra)
    return env


def log_file(tmp_path: Path) -> Path:
    return tmp_path / "logs" / "fieldapp.log"


def start(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None, name: str = "app"
) -> subprocess.Popen[str]:
    """``python -m fieldapp ARGS`` in the background; its output goes to files in tmp_path."""
    out = (tmp_path / f"{name}.out").open("w")
    err = (tmp_path / f"{name}.err").open("w")
    with out, err:
        return subprocess.Popen(
            [sys.executable, "-m", "fieldapp", *args],
            stdout=out,
            stderr=err,
            text=True,
            env=env or app_env(tmp_path),
        )


def output(tmp_path: Path, name: str = "app") -> tuple[str, str]:
    return ((tmp_path / f"{name}.out").read_text(), (tmp_path / f"{name}.err").read_text())


def run(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None, timeout: float = WAIT
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or app_env(tmp_path),
        check=False,
    )


def log_lines(tmp_path: Path, pid: int, text: str) -> list[str]:
    path = log_file(tmp_path)
    if not path.exists():
        return []
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if f"[{pid}]" in line and text in line
    ]


def wait_for_log(
    tmp_path: Path, process: subprocess.Popen[str], text: str, timeout: float = WAIT
) -> str:
    """The first log line of ``process`` containing ``text``; fails if it ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = log_lines(tmp_path, process.pid, text)
        if found:
            return found[0]
        if process.poll() is not None:
            raise AssertionError(
                f"process {process.pid} ended ({process.returncode}) before logging {text!r}"
            )
        time.sleep(0.05)
    raise AssertionError(f"process {process.pid} never logged {text!r}")


def server_pids(server_dir: Path) -> list[int]:
    """Live processes serving ``server_dir`` (a zombie has no command line, so is not one)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"run" in argv and b"--data" in argv and str(server_dir).encode() in argv:
            found.append(int(entry.name))
    return found


def wait_until(condition: Callable[[], bool], timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def ended(process: subprocess.Popen[str], timeout: float = WAIT) -> int:
    return process.wait(timeout=timeout)
