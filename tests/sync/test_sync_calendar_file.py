"""``fieldapp sync`` keeps the subscribed calendar current on a profile that has one, and
makes none on a profile that does not."""

from __future__ import annotations

from pathlib import Path

import icalendar
from support.server import DEMO_PASSWORD, ServerProcess, run_fieldapp

from fieldapp.exports.ics import subscribed_calendar_path


def _run(logs: Path, *argv: str, stdin: str | None = None) -> str:
    done = run_fieldapp(*argv, stdin=stdin, log_dir=logs)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _events(path: Path) -> int:
    return len(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_a_terminal_sync_brings_the_visits_into_the_subscribed_calendar(
    server: ServerProcess, tmp_path: Path
) -> None:
    logs = tmp_path / "logs"
    subscribed, plain = tmp_path / "subscribed", tmp_path / "plain"
    for profile in (subscribed, plain):
        _run(
            logs,
            "login",
            "--profile",
            str(profile),
            "--server",
            server.url,
            "--username",
            "field",
            "--password-stdin",
            stdin=DEMO_PASSWORD + "\n",
        )
    _run(logs, "export-calendar", "--subscribed", "--profile", str(subscribed))
    calendar = subscribed_calendar_path(subscribed)
    assert _events(calendar) == 0  # nothing synced yet
    for profile in (subscribed, plain):
        _run(
            logs, "sync", "--password-stdin", "--profile", str(profile), stdin=DEMO_PASSWORD + "\n"
        )
    assert _events(calendar) > 0
    assert not subscribed_calendar_path(plain).exists()
