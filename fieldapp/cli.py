"""The ``fieldapp`` command line: the parser, the registry of subcommands, the error policy.

Subcommands live in ``fieldapp.commands`` (one small ``Command`` each). The core's own
are listed in ``BUILTIN_COMMANDS``. Layers above the core (``sync``: ``server``, ``login``,
``sync``…) must not be imported from here, so they plug in through the
``fieldapp.commands`` entry-point group: each entry point names a ``Command`` or a list
of them.

Exit codes: 0 success; 1 a problem the user can act on (one line on stderr, no
traceback); 2 a usage mistake; 70 a bug (traceback in the log file); 130 interrupted;
141 the reader of the output went away (``fieldapp search … | head``): nothing more is
printed, as for a Unix tool ended by SIGPIPE.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from importlib.metadata import entry_points

from fieldapp import __version__
from fieldapp.commands import formats as format_commands
from fieldapp.commands import kpi as kpi_commands
from fieldapp.commands import profile as profile_commands
from fieldapp.commands import recovery as recovery_commands
from fieldapp.commands import search as search_commands
from fieldapp.commands.base import Command, UsageError
from fieldapp.errors import ERRORS_ENV, FieldAppError
from fieldapp.logs import FILE_ONLY, configure_logging

log = logging.getLogger(__name__)

EX_ERROR, EX_USAGE, EX_SOFTWARE, EX_INTERRUPTED = 1, 2, 70, 130
EX_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool killed by SIGPIPE
COMMANDS_GROUP = "fieldapp.commands"

BUILTIN_COMMANDS: tuple[Command, ...] = (
    *profile_commands.COMMANDS,
    *search_commands.COMMANDS,
    *recovery_commands.COMMANDS,
    *kpi_commands.COMMANDS,
    *format_commands.COMMANDS,
)


def available_commands() -> tuple[dict[str, Command], list[str]]:
    """Every subcommand by name, and the plugins that failed to load (to warn about)."""
    commands = {command.name: command for command in BUILTIN_COMMANDS}
    problems = []
    for entry in entry_points(group=COMMANDS_GROUP):
        try:
            loaded = entry.load()
            for command in loaded if isinstance(loaded, list | tuple) else [loaded]:
                if not isinstance(command, Command):
                    raise TypeError(f"{command!r} is not a fieldapp Command")
                commands.setdefault(command.name, command)  # built-ins win a clash
        except Exception as exc:  # a broken plugin must not take the whole CLI down
            problems.append(f"cannot load the '{entry.name}' commands: {exc}")
    return commands, problems


def build_parser(commands: dict[str, Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldapp",
        description="FieldApp: the offline-first desktop app for field sales teams.",
    )
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument(
        "--verbose", action="store_true", help="log debugging details, also on stderr"
    )
    # --verbose is also accepted after the subcommand ("fieldapp status --verbose");
    # SUPPRESS keeps an absent flag there from resetting one given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--verbose", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in commands.values():
        sub = subparsers.add_parser(
            command.name, help=command.help, description=command.help, parents=[common]
        )
        sub.set_defaults(run=command.run)
        # After set_defaults, so that nested subcommands can set their own ``run``.
        command.add_arguments(sub)
    return parser


def _fail(message: str) -> None:
    # Exactly one line, whatever the message held.
    print(f"fieldapp: error: {' '.join(message.split())}", file=sys.stderr)


def _fail_with(error: FieldAppError) -> None:
    _fail(str(error))
    if os.environ.get(ERRORS_ENV, "").strip().lower() == "json":
        value = {"code": error.code, "params": error.params}
        print(json.dumps(value, ensure_ascii=False), file=sys.stderr)


def _quiet_stdout() -> None:
    """Point stdout at the null device: Python flushes it again at exit, and a second
    EPIPE there would print "Exception ignored … BrokenPipeError" (Python's documented
    recipe, "Note on SIGPIPE" in the signal module)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    commands, plugin_problems = available_commands()
    try:
        args = build_parser(commands).parse_args(argv)
    except SystemExit as exc:  # --help and --version (0), usage errors (2)
        return exc.code if isinstance(exc.code, int) else EX_USAGE
    log_file = configure_logging(args.verbose)
    for problem in plugin_problems:
        log.warning("%s", problem)
    # The command's name only, never argv: later commands may take secrets as arguments.
    log.info("fieldapp %s: %s", __version__, args.command)
    try:
        code = int(args.run(args))
        # Inside the try: a reader gone away shows up here, not at interpreter exit.
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        log.info("%s: the output's reader closed the pipe", args.command)
        return EX_BROKEN_PIPE
    except UsageError as exc:
        _fail(str(exc))
        return EX_USAGE
    except FieldAppError as exc:
        log.info("%s failed: %s", args.command, exc)
        _fail_with(exc)
        return EX_ERROR
    except OSError as exc:  # the profile folder or file: missing, permissions, disk full
        log.info("%s failed: %s", args.command, exc)
        _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
        return EX_ERROR
    except KeyboardInterrupt:
        _fail("interrupted.")
        return EX_INTERRUPTED
    except Exception as exc:
        log.exception("unexpected error in '%s'", args.command, extra=FILE_ONLY)
        details = f"details in {log_file}" if log_file else "run with --verbose for details"
        _fail(f"unexpected error ({type(exc).__name__}: {exc}); this is a bug, {details}.")
        if args.verbose:
            traceback.print_exc()
        return EX_SOFTWARE
