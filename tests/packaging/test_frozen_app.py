"""The one-folder desktop build (packaging/build.py): built once for this module, it keeps
every command (the entry points' too) and runs the demo to its first sync, off screen,
with its own home and data folders. Slow (a full PyInstaller build): see
packaging/README.md for the measured time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import available_commands
from fieldapp.store.database import open_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("frozen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    executable = dist / "fieldapp" / "fieldapp"
    assert executable.is_file()
    return executable


def frozen_env(home: Path) -> dict[str, str]:
    # Nothing of this machine's own FieldApp, Python or home reaches the frozen app.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FIELDAPP_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        FIELDAPP_LOG_DIR=str(home / "logs"),
        QT_QPA_PLATFORM="offscreen",
        # No OS keyring on CI: the demo keeps its token in memory (as tests/ui do).
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def run_frozen(
    executable: Path, home: Path, *args: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=frozen_env(home),
        cwd=home,
        check=False,
    )


def test_frozen_help_lists_every_command_and_each_one_parses(frozen: Path, tmp_path: Path) -> None:
    done = run_frozen(frozen, tmp_path, "--help")
    assert done.returncode == 0, done.stderr
    commands, problems = available_commands()
    assert problems == []
    listed = set(re.findall(r"^    (\S+)", done.stdout, re.M))
    # Every command of the installed app, the entry points' (server, sync, app, demo…) too.
    assert set(commands) <= listed, set(commands) - listed
    assert {"server", "sync", "app", "demo"} <= listed
    for name in commands:
        each = run_frozen(frozen, tmp_path, name, "--help")
        assert each.returncode == 0, (name, each.stderr)
        assert "cannot load" not in each.stderr


def test_frozen_demo_seeds_starts_the_server_and_syncs(frozen: Path, tmp_path: Path) -> None:
    done = run_frozen(frozen, tmp_path, "demo", "--quit-after-sync", "--accounts", "40")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"Demo server on http://127\.0\.0\.1:\d+", done.stdout), done.stdout
    assert "Traceback" not in done.stderr
    profile = tmp_path / "data" / "FieldApp" / "demo" / "profile-field"
    with open_store(profile) as store:
        assert store.profile_value("current_username") == "field"
        assert store.scalar("SELECT count(*) FROM accounts") > 0
        assert store.scalar("SELECT count(*) FROM sync_runs WHERE error IS NULL") == 1
