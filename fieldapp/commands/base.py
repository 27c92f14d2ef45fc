"""What every subcommand shares: its record, the ``--profile`` option, the store, output."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from fieldapp.errors import ValidationError
from fieldapp.profiles import default_profile_dir
from fieldapp.store.database import (
    DEFAULT_BUSY_TIMEOUT_MS,
    Store,
    database_path,
    open_store,
    translate_sqlite_error,
)

EX_OK = 0
BUSY_TIMEOUT_ENV = "FIELDAPP_BUSY_TIMEOUT_MS"
MAX_BUSY_TIMEOUT_MS = 600_000


class UsageError(Exception):
    """A mistake in how a command was called that argparse cannot see (exit 2)."""


@dataclass(frozen=True)
class Command:
    """One subcommand: ``add_arguments`` fills its parser, ``run`` returns the exit code.

    A command with subcommands of its own (``server run|seed``) adds them in
    ``add_arguments`` and sets ``run`` on each with ``set_defaults(run=...)``.
    """

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type`` accepting a whole number in ``low..high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low} to {high}, not {text!r}"
            )
        return value

    return parse


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="DIR",
        type=Path,
        default=None,
        help="profile folder (default: $FIELDAPP_PROFILE, else the platform's data folder)",
    )


def add_password_stdin_argument(
    parser: argparse.ArgumentParser, *, required: bool = True, help: str | None = None
) -> None:
    """Passwords come from standard input only: arguments show in process lists and
    shell histories."""
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        required=required,
        help=help or "read the password from standard input (never an argument)",
    )


def read_password_stdin(min_length: int = 1) -> str:
    """The first line of standard input, without its line ending."""
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < min_length:
        raise UsageError(
            "--password-stdin: no password on standard input."
            if not password
            else f"--password-stdin: give a password of at least {min_length} characters."
        )
    return password


def profile_dir(args: argparse.Namespace) -> Path:
    # Resolved at run time, not as an argparse default, so the environment is read late.
    return Path(args.profile or default_profile_dir()).expanduser()


def busy_timeout_ms() -> int:
    """How long to wait for a database another program holds (``$FIELDAPP_BUSY_TIMEOUT_MS``).

    Tests shorten it so that "database in use" answers at once instead of in 5 s.
    """
    text = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_BUSY_TIMEOUT_MS
    if not text.isdigit() or int(text) > MAX_BUSY_TIMEOUT_MS:
        raise ValidationError(
            BUSY_TIMEOUT_ENV,
            "base.must_number_milliseconds_from_0_not",
            BUSY_TIMEOUT_ENV=BUSY_TIMEOUT_ENV,
            MAX_BUSY_TIMEOUT_MS=MAX_BUSY_TIMEOUT_MS,
            text=repr(text),
        )
    return int(text)


@contextlib.contextmanager
def open_profile(args: argparse.Namespace, *, create: bool = False) -> Iterator[Store]:
    """The profile's store, closed afterwards; SQLite errors become readable StoreErrors.

    open_store already translates what happens while opening; this also covers damage
    that only shows on a later page, in the middle of a command.
    """
    folder = profile_dir(args)
    store = open_store(folder, create=create, busy_timeout_ms=busy_timeout_ms())
    try:
        yield store
    except sqlite3.Error as exc:
        raise translate_sqlite_error(exc, database_path(folder)) from exc
    finally:
        store.close()


def print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters, whatever a note held."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """Left-aligned columns; ``headers`` may be empty for a two-column summary."""
    lines = [headers, *rows] if headers else list(rows)
    if not lines:
        return
    widths = [max(len(cell) for cell in column) for column in zip(*lines, strict=True)]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
