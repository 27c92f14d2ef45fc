"""``fieldapp login``, ``fieldapp sync`` and ``fieldapp logout`` (plugged into the core's
command line through the ``fieldapp.commands`` entry point)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from fieldapp.commands.base import (
    EX_OK,
    Command,
    UsageError,
    add_password_stdin_argument,
    add_profile_argument,
    open_profile,
    print_json,
    print_table,
    profile_dir,
    read_password_stdin,
)
from fieldapp.errors import FieldAppError
from fieldapp.exports.ics import refresh_subscribed_calendar, subscribed_calendar_path
from fieldapp.store.database import Store
from sync.engine import SyncEngine
from sync.session import backend_for, sign_in, sign_out

log = logging.getLogger(__name__)


def _login_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument(
        "--server",
        required=True,
        metavar="URL",
        help="the sync server, e.g. https://crm.example.com",
    )
    parser.add_argument("--username", required=True, metavar="U")
    add_password_stdin_argument(parser)


def run_login(args: argparse.Namespace) -> int:
    if not args.server.startswith(("http://", "https://")):
        raise UsageError("--server must be an http:// or https:// address.")
    password = read_password_stdin()
    with open_profile(args, create=True) as store:
        result = sign_in(store, args.server, args.username, password)
    who = result.identity
    print(f"Signed in as {who.display_name} ({who.username}, {who.role} rep) on {args.server}.")
    if result.warning:
        print(f"Warning: {result.warning}", file=sys.stderr)
    return EX_OK


def _sync_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    add_password_stdin_argument(
        parser,
        required=False,
        help="sign in with a password read from standard input (for a computer without a keyring)",
    )


def keep_calendar_current(store: Store, folder: Path) -> None:
    """Rewrite the subscribed calendar after a sync, where the profile keeps one (the
    window made it, or ``export-calendar --subscribed``)."""
    if not subscribed_calendar_path(folder).exists():
        return
    try:
        refresh_subscribed_calendar(store, folder)
    except OSError as exc:  # a sync that succeeded does not fail over a calendar file
        log.warning("the subscribed calendar could not be written: %s", exc)


def run_sync(args: argparse.Namespace) -> int:
    password = read_password_stdin() if args.password_stdin else None
    with open_profile(args) as store:
        engine = SyncEngine(store, backend_for(store, password))
        try:
            report = engine.run()
        except FieldAppError:
            # A failed cycle may have sent and received a part: a script reads the counts
            # (and error_code) on standard output; the sentence, which says the same for
            # a person, goes to standard error as every command's error does (exit 1).
            if args.json and engine.last_report is not None:
                print_json(engine.last_report.as_dict())
            raise
        # The calendar a calendar app subscribes to follows every sync, the terminal's too.
        keep_calendar_current(store, profile_dir(args))
    if args.json:
        print_json(report.as_dict())
    else:
        # A cycle that succeeded has no error and nothing unconfirmed to show.
        hidden = ("error", "error_code", "unconfirmed")
        print_table([], [(k, str(v)) for k, v in report.as_dict().items() if k not in hidden])
    return EX_OK


def _logout_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)


def run_logout(args: argparse.Namespace) -> int:
    with open_profile(args) as store:
        sign_out(store)
    print("Signed out. The profile's data stays on this computer.")
    return EX_OK


COMMANDS = [
    Command("login", "sign a profile in to a sync server", _login_arguments, run_login),
    Command("sync", "send local changes and receive the server's", _sync_arguments, run_sync),
    Command("logout", "forget this profile's sign-in", _logout_arguments, run_logout),
]
