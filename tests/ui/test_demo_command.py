"""``fieldapp demo``: one command from nothing to a synced, signed-in window (and back)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from support.app_process import (
    WAIT,
    app_env,
    output,
    run,
    server_pids,
    start,
    wait_for_log,
    wait_until,
)

from fieldapp.store.database import open_store
from ui.single_instance import LOCK_NAME


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
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
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
    assert server_pids(tmp_path / "demo" / "server") == []
    with open_store(tmp_path / "demo" / "profile-field") as store:
        assert store.profile_value("current_username") == "field"
        assert store.scalar("SELECT count(*) FROM accounts") > 0
        assert store.scalar("SELECT count(*) FROM sync_runs WHERE error IS NULL") == 1

    # Again, as the inside rep: the seeded server is reused, not seeded twice.
    second = _demo(tmp_path, "--user", "inside")
    assert second.returncode == 0, second.stderr
    assert server_pids(tmp_path / "demo" / "server") == []
    with open_store(tmp_path / "demo" / "profile-inside") as store:
        assert store.profile_value("current_username") == "inside"
        assert store.scalar("SELECT count(*) FROM notes WHERE kind = 'visit_report'") > 0
    with open_store(tmp_path / "demo" / "profile-field") as store:
        field_accounts = store.scalar("SELECT count(*) FROM accounts")
    assert field_accounts > 0


def _server_dir(tmp_path: Path) -> Path:
    return tmp_path / "demo" / "server"


def test_qt_that_cannot_start_says_what_to_install_and_leaves_no_server(
    tmp_path: Path,
) -> None:
    # A platform plugin that does not exist fails as a missing xcb library does: Qt
    # prints its reasons and aborts the process while creating the QApplication.
    env = app_env(tmp_path, QT_QPA_PLATFORM="nonexistent")
    done = run(tmp_path, "demo", "--quit-after-sync", "--accounts", "40", env=env)
    _says_what_to_install(done)
    assert server_pids(_server_dir(tmp_path)) == []
    assert not (tmp_path / "demo" / "server" / "running.json").exists()


def test_pyside6_that_cannot_be_imported_says_what_to_install(tmp_path: Path) -> None:
    # What a missing libEGL does to ``import PySide6`` on a bare machine.
    fake = tmp_path / "fake" / "PySide6"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        'raise ImportError("libEGL.so.1: cannot open shared object file: No such file")\n'
    )
    env = app_env(tmp_path, PYTHONPATH=str(tmp_path / "fake"))
    for command in (["demo", "--quit-after-sync"], ["app", "--profile", str(tmp_path / "p")]):
        done = run(tmp_path, *command, env=env)
        _says_what_to_install(done)
        assert "libEGL.so.1" in done.stderr
    assert server_pids(_server_dir(tmp_path)) == []


def _says_what_to_install(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 1, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("fieldapp: error: the window cannot open")
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libegl1"):
        assert package in lines[0]
    assert "If the window does not open" in lines[0]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_closes_the_demo_window_and_stops_its_server(
    tmp_path: Path, number: signal.Signals
) -> None:
    demo = start(tmp_path, "demo", "--accounts", "40", name="demo")
    try:
        wait_for_log(tmp_path, demo, "the window is open")
        assert len(server_pids(_server_dir(tmp_path))) == 1
        demo.send_signal(number)
        assert demo.wait(timeout=WAIT) == 128 + number
    finally:
        demo.kill()
        demo.wait(timeout=WAIT)
    # Stopped and waited for by the demo before it exited, not eventually.
    assert server_pids(_server_dir(tmp_path)) == []
    assert "Traceback" not in output(tmp_path, "demo")[1]
    assert not (tmp_path / "demo" / "profile-field" / LOCK_NAME).exists()


def test_a_killed_demo_leaves_no_server_behind(tmp_path: Path) -> None:
    demo = start(tmp_path, "demo", "--accounts", "40", name="demo")
    try:
        wait_for_log(tmp_path, demo, "the window is open")
        assert len(server_pids(_server_dir(tmp_path))) == 1
    finally:
        demo.send_signal(signal.SIGKILL)
        demo.wait(timeout=WAIT)
    # No code of the demo runs after SIGKILL: the server notices its last user is gone.
    assert wait_until(lambda: server_pids(_server_dir(tmp_path)) == [])


def test_two_demo_users_share_one_server_until_the_last_window_closes(
    tmp_path: Path,
) -> None:
    field = start(tmp_path, "demo", "--accounts", "40", name="field")
    inside = None
    try:
        wait_for_log(tmp_path, field, "the window is open")
        inside = start(tmp_path, "demo", "--user", "inside", name="inside")
        wait_for_log(tmp_path, inside, "the window is open")
        servers = server_pids(_server_dir(tmp_path))
        assert len(servers) == 1
        url = re.search(r"Demo server on (\S+);", output(tmp_path, "field")[0])
        assert url is not None
        assert f"Demo server on {url.group(1)};" in output(tmp_path, "inside")[0]

        # The field rep's demo again: that window comes forward, nothing else starts.
        again = run(tmp_path, "demo")
        assert again.returncode == 0, again.stderr
        assert "already open" in again.stdout
        wait_for_log(tmp_path, field, "bringing the window to the front")
        assert server_pids(_server_dir(tmp_path)) == servers

        # The window that started the server closes; the other one still syncs with it.
        field.send_signal(signal.SIGTERM)
        assert field.wait(timeout=WAIT) == 128 + signal.SIGTERM
        assert server_pids(_server_dir(tmp_path)) == servers
        assert requests.get(f"{url.group(1)}/v1/health", timeout=5).ok

        inside.send_signal(signal.SIGTERM)
        assert inside.wait(timeout=WAIT) == 128 + signal.SIGTERM
        assert server_pids(_server_dir(tmp_path)) == []
        assert _port_closed(url.group(1))
    finally:
        for process in (field, inside):
            if process is not None:
                process.kill()
                process.wait(timeout=WAIT)


def test_the_readme_lists_every_package_the_message_names() -> None:
    from ui.startup import QT_PACKAGES, README_SECTION

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    heading = README_SECTION.split('"')[1]
    section = readme.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    install = next(line for line in section.splitlines() if line.startswith("sudo apt install"))
    assert install.split()[3:] == list(QT_PACKAGES)
