"""``fieldapp app`` (open the window on a profile) and ``fieldapp demo`` (the one-command demo).

Plugged into the core's command line through the ``fieldapp.commands`` entry point, so
the core never imports Qt. Qt is imported only when one of these commands runs.

Both commands start Qt first (``ui.startup``: a computer where Qt cannot start gets one
line naming what to install), then take the profile's lock (``ui.single_instance``: a
second window on an open profile brings the first forward instead), and end the window
cleanly on SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.commands.base import EX_OK, Command, add_profile_argument, whole_number
from fieldapp.profiles import default_profile_dir

if TYPE_CHECKING:
    from ui.single_instance import ProfileGuard

log = logging.getLogger(__name__)


def _app_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)


def run_app_command(args: argparse.Namespace) -> int:
    from ui.startup import QuitOnSignals, start_qt

    start_qt()  # Qt failing to start is one line, before anything is opened
    from ui.settings import DATA_FOLDER, AppSettings, settings_path

    folder = args.profile
    if folder is None and not os.environ.get("FIELDAPP_PROFILE"):
        chosen = AppSettings(settings_path()).get(DATA_FOLDER)
        folder = Path(chosen) if chosen else None
    profile = Path(folder or default_profile_dir()).expanduser()
    profile.mkdir(parents=True, exist_ok=True)
    from ui.app import run_app

    guard = _claim_or_bring_forward(profile)
    if guard is None:
        return EX_OK
    try:
        with QuitOnSignals() as signals:
            return signals.exit_code(run_app(profile, guard=guard))
    finally:
        guard.release()


def _claim_or_bring_forward(profile: Path) -> ProfileGuard | None:
    """This process's claim on the profile, taken before anything opens its database;
    None when a FieldApp already has it open (its window was asked to come forward)."""
    from ui.single_instance import ProfileGuard

    guard = ProfileGuard(profile)
    if guard.claim():
        return guard
    print(
        f"FieldApp is already open on {profile}: its window was brought to the front.", flush=True
    )
    return None


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    from ui.demo import DEFAULT_ACCOUNTS, DEMO_USERS

    parser.add_argument(
        "--user",
        choices=DEMO_USERS,
        default="field",
        help="the demo user to sign in as (field rep by default; inside for the review queue)",
    )
    parser.add_argument(
        "--accounts",
        type=whole_number(1, 100_000),
        default=DEFAULT_ACCOUNTS,
        help="accounts in the demo organisation (only when the demo server is first seeded)",
    )
    parser.add_argument(
        "--quit-after-sync",
        action="store_true",
        help="close the window once the first sync has finished (for scripts and tests)",
    )


def run_demo(args: argparse.Namespace) -> int:
    from sync.server.installed import require_server
    from ui.startup import QuitOnSignals, start_qt

    require_server("'fieldapp demo'")  # it runs a demo server: say so before anything starts

    start_qt()  # before the server starts: when Qt cannot start, nothing is left running
    from ui.app import run_app
    from ui.demo import DemoSetup, demo_dir, demo_profile_dir, prepare_demo

    root = demo_dir()
    profile = demo_profile_dir(root, args.user)
    profile.mkdir(parents=True, exist_ok=True)
    guard = _claim_or_bring_forward(profile)
    if guard is None:
        return EX_OK  # that window's demo server is already running; nothing to start
    setup: DemoSetup | None = None
    try:
        with QuitOnSignals() as signals:
            print(f"Preparing the demo in {root} …", flush=True)
            setup = prepare_demo(root, args.user, args.accounts)
            print(f"Demo server on {setup.server.url}; signed in as '{args.user}'.", flush=True)
            if setup.warning:
                print(setup.warning, flush=True)
            code = run_app(
                setup.profile_dir,
                backend=setup.backend,
                quit_after_first_sync=args.quit_after_sync,
                guard=guard,
            )
            code = signals.exit_code(code)
    finally:
        # Outside the signal handlers: a second Ctrl-C here ends the process, and the
        # server's lease watcher still stops the server then.
        if setup is not None:
            setup.server.release()
        guard.release()
    return code or EX_OK


COMMANDS = [
    Command("app", "open the FieldApp window on a profile", _app_arguments, run_app_command),
    Command(
        "demo",
        "start a demo server with seeded data and open the app signed in to it",
        _demo_arguments,
        run_demo,
    ),
]
