"""One app window per profile, checked with real ``fieldapp app`` processes.

A second start on an open profile brings the open window forward and exits 0; a lock
left by a SIGKILL does not keep the profile closed; two starts at the same moment leave
exactly one window; the database stays intact throughout.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile
from support.app_process import WAIT, log_lines, output, run, start, wait_for_log, wait_until

from fieldapp.store.database import open_store
from ui.single_instance import LOCK_NAME

OPEN = "FieldApp is open on"
BROUGHT_FORWARD = "bringing the window to the front"


def _contents(profile: Path) -> tuple[str, list[tuple[object, ...]]]:
    with open_store(profile) as store:
        check = store.scalar("PRAGMA integrity_check")
        counts = [
            (table, store.scalar(f"SELECT count(*) FROM {table}"))
            for table in ("accounts", "contacts", "visits", "notes", "outbox")
        ]
    return str(check), counts


def test_a_second_start_brings_the_open_window_forward_and_a_killed_app_does_not_lock_the_profile(
    tmp_path: Path, ui_profile: Path
) -> None:
    before = _contents(ui_profile)
    first = start(tmp_path, "app", "--profile", str(ui_profile), name="first")
    try:
        wait_for_log(tmp_path, first, "the window is open")

        second = run(tmp_path, "app", "--profile", str(ui_profile))
        assert second.returncode == 0, second.stderr
        assert second.stdout.strip().splitlines() == [
            f"FieldApp is already open on {ui_profile}: its window was brought to the front."
        ]
        assert "Traceback" not in second.stderr
        wait_for_log(tmp_path, first, BROUGHT_FORWARD)
        assert first.poll() is None  # the open window stays

        # A crash leaves the lock file behind; the next start sees its process is gone.
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=WAIT)
        assert (ui_profile / LOCK_NAME).exists()
        third = start(tmp_path, "app", "--profile", str(ui_profile), name="third")
        try:
            wait_for_log(tmp_path, third, OPEN)
            wait_for_log(tmp_path, third, "the window is open")
            third.send_signal(signal.SIGTERM)
            assert third.wait(timeout=WAIT) == 128 + signal.SIGTERM
        finally:
            third.kill()
            third.wait(timeout=WAIT)
        assert "Traceback" not in output(tmp_path, "third")[1]
        assert not (ui_profile / LOCK_NAME).exists()  # released when the app quit
    finally:
        first.kill()
        first.wait(timeout=WAIT)
    after = _contents(ui_profile)
    assert after[0] == "ok"
    assert after == before


def test_two_starts_at_the_same_moment_leave_exactly_one_window(
    tmp_path: Path, ui_profile: Path
) -> None:
    for round_ in range(3):
        both = [
            start(tmp_path, "app", "--profile", str(ui_profile), name=f"r{round_}-{n}")
            for n in (0, 1)
        ]
        try:
            assert wait_until(lambda both=both: any(p.poll() is not None for p in both))
            left = [p for p in both if p.poll() is not None]
            stayed = [p for p in both if p.poll() is None]
            assert len(left) == 1 and len(stayed) == 1, [p.returncode for p in both]
            assert left[0].returncode == 0
            name = f"r{round_}-{both.index(left[0])}"
            assert "already open" in output(tmp_path, name)[0]
            wait_for_log(tmp_path, stayed[0], "the window is open")
            assert stayed[0].poll() is None
            stayed[0].send_signal(signal.SIGTERM)
            assert stayed[0].wait(timeout=WAIT) == 128 + signal.SIGTERM
        finally:
            for process in both:
                if process.poll() is None:
                    process.kill()
                with_timeout(process)
    assert _contents(ui_profile)[0] == "ok"


def with_timeout(process: subprocess.Popen[str]) -> None:
    process.wait(timeout=WAIT)


def test_a_lock_whose_process_number_was_taken_by_another_program_does_not_keep_the_profile_closed(
    tmp_path: Path, ui_profile: Path, qapp: object
) -> None:
    # A crashed app's lock, its process number since given to another Python program:
    # Qt sees a live "python" process and keeps the lock.
    stranger = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        taken = QLockFile(str(ui_profile / LOCK_NAME))
        assert taken.tryLock(0)
        fields = (ui_profile / LOCK_NAME).read_text().split("\n")
        taken.unlock()
        fields[0] = str(stranger.pid)
        (ui_profile / LOCK_NAME).write_text("\n".join(fields))

        app = start(tmp_path, "app", "--profile", str(ui_profile), name="after-reuse")
        try:
            wait_for_log(tmp_path, app, OPEN)
            wait_for_log(tmp_path, app, "the window is open")
            app.send_signal(signal.SIGTERM)
            assert app.wait(timeout=WAIT) == 128 + signal.SIGTERM
        finally:
            app.kill()
            app.wait(timeout=WAIT)
        assert log_lines(tmp_path, app.pid, "which is not FieldApp")
        assert stranger.poll() is None  # the other program was left alone
    finally:
        stranger.kill()
        stranger.wait(timeout=WAIT)
