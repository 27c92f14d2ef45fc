"""``fieldapp demo``: one command from nothing to a synced, signed-in window (and back)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from fieldapp.store.database import open_store


def _demo(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        FIELDAPP_DEMO_DIR=str(tmp_path / "demo"),
        FIELDAPP_SETTINGS_FILE=str(tmp_path / "settings.ini"),
        FIELDAPP_LOG_DIR=str(tmp_path / "logs"),
        QT_QPA_PLATFORM="offscreen",
        # This machine has no OS keyring: the demo must work without one.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", "demo", "--quit-after-sync", *args],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )


def _port_closed(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as probe:
        return probe.connect_ex((host, int(port))) != 0


def test_demo_seeds_a_server_signs_in_syncs_and_cleans_up(tmp_path: Path) -> None:
    first = _demo(tmp_path, "--accounts", "40")
    assert first.returncode == 0, first.stderr
    url = re.search(r"Demo server on (http://127\.0\.0\.1:\d+)", first.stdout)
    assert url is not None, first.stdout
    assert "keyring" in first.stdout.lower()  # the one sentence about the missing keyring
    assert "Traceback" not in first.stderr
    assert _port_closed(url.group(1))  # the server stopped with the window
    with open_store(tmp_path / "demo" / "profile-field") as store:
        assert store.profile_value("current_username") == "field"
        assert store.scalar("SELECT count(*) FROM accounts") > 0
        assert store.scalar("SELECT count(*) FROM sync_runs WHERE error IS NULL") == 1

    # Again, as the inside rep: the seeded server is reused, not seeded twice.
    second = _demo(tmp_path, "--user", "inside")
    assert second.returncode == 0, second.stderr
    with open_store(tmp_path / "demo" / "profile-inside") as store:
        assert store.profile_value("current_username") == "inside"
        assert store.scalar("SELECT count(*) FROM notes WHERE kind = 'visit_report'") > 0
    with open_store(tmp_path / "demo" / "profile-field") as store:
        field_accounts = store.scalar("SELECT count(*) FROM accounts")
    assert field_accounts > 0
