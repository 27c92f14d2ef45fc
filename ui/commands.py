"""``fieldapp app`` (open the window on a profile) and ``fieldapp demo`` (the one-command demo).

Plugged into the core's command line through the ``fieldapp.commands`` entry point, so
the core never imports Qt. Qt is imported only when one of these commands runs.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from fieldapp.commands.base import EX_OK, Command, add_profile_argument, whole_number
from fieldapp.profiles import default_profile_dir

log = logging.getLogger(__name__)


def _app_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)


def run_app_command(args: argparse.Namespace) -> int:
    from ui.app import run_app
    from ui.settings import DATA_FOLDER, AppSettings, settings_path

    folder = args.profile
    if folder is None and not os.environ.get("FIELDAPP_PROFILE"):
        chosen = AppSettings(settings_path()).get(DATA_FOLDER)
        folder = Path(chosen) if chosen else None
    profile = Path(folder or default_profile_dir()).expanduser()
    profile.mkdir(parents=True, exist_ok=True)
    return run_app(profile)


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    from ui.demo import DEFAULT_ACCOUNTS, DEMO_USERS

    parser.add_argument(
        "--user", choices=DEMO_USERS, default="field",
        help="the demo user to sign in as (field rep by default; inside for the review queue)",
    )
    parser.add_argument(
        "--accounts", type=whole_number(1, 100_000), default=DEFAULT_ACCOUNTS,
        help="accounts in the demo organisation (only when the demo server is first seeded)",
    )
    parser.add_argument(
        "--quit-after-sync", action="store_true",
        help="close the window once the first sync has finished (for scripts and tests)",
    )


def run_demo(args: argparse.Namespace) -> int:
    from ui.app import run_app
    from ui.demo import demo_dir, prepare_demo

    root = demo_dir()
    print(f"Preparing the demo in {root} …", flush=True)
    setup = prepare_demo(root, args.user, args.accounts)
    try:
        print(f"Demo server on {setup.server.url}; signed in as '{args.user}'.", flush=True)
        if setup.warning:
            print(setup.warning, flush=True)
        code = run_app(
            setup.profile_dir, backend=setup.backend, quit_after_first_sync=args.quit_after_sync
        )
    finally:
        setup.server.stop()
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
