"""``fieldapp server run|seed|add-user``: plugged into the core's command line through the
``fieldapp.commands`` entry point (see pyproject.toml)."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import socket
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import records as domain
from fieldapp.commands.base import (
    EX_OK,
    Command,
    UsageError,
    add_password_stdin_argument,
    clip,
    print_json,
    print_table,
    read_password_stdin,
    whole_number,
)
from fieldapp.errors import FieldAppError
from fieldapp.team.policies import commitment_kind
from sync.server.config import KEEP_ALIVE_SECONDS, ServerConfig, database_url
from sync.server.installed import require_server

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

LOOPBACK_NAMES = ("localhost",)


class DatabaseUnavailableError(FieldAppError):
    """The server's database cannot be opened."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        required=True,
        help="the server's data folder (holds server.db with SQLite)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        default=None,
        help="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db "
        "(default: $FIELDAPP_DATABASE_URL, else SQLite in --data)",
    )


def _config(args: argparse.Namespace) -> ServerConfig:
    args.data.mkdir(parents=True, exist_ok=True)
    return ServerConfig(database_url=database_url(args.data, args.database_url))


@contextlib.contextmanager
def _database(config: ServerConfig) -> Iterator[Engine]:
    # SQLAlchemy is imported here, not at the top: every ``fieldapp`` command loads this
    # module to learn the command names, and the desktop app's start should not pay
    # for a database toolkit it never uses (~0.2 s).
    import sqlalchemy as sa

    from sync.server.tables import open_database

    shown = sa.engine.make_url(config.database_url).render_as_string(hide_password=True)
    try:
        engine = open_database(config.database_url)
    except (sa.exc.OperationalError, sa.exc.ArgumentError) as exc:
        raise DatabaseUnavailableError(
            "server.cannot_open_database", shown=shown, value=str(exc).splitlines()[0]
        ) from None
    try:
        yield engine
    finally:
        engine.dispose()


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- run ------------------------------------------------------------------------------
def _run_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: loopback only)"
    )
    parser.add_argument(
        "--port",
        type=whole_number(0, 65535),
        default=8765,
        help="port (0 picks a free one; the URL is printed)",
    )
    parser.add_argument("--tls-cert", metavar="FILE", type=Path, default=None)
    parser.add_argument("--tls-key", metavar="FILE", type=Path, default=None)
    parser.add_argument(
        "--behind-tls-proxy",
        action="store_true",
        help="listen on a non-loopback address without TLS because a "
        "reverse proxy in front terminates it",
    )


def run_server(args: argparse.Namespace) -> int:
    import uvicorn  # only this subcommand needs it

    from sync.server.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("--tls-cert and --tls-key go together.")
    tls = args.tls_cert is not None
    if not is_loopback(args.host) and not tls and not args.behind_tls_proxy:
        raise UsageError(
            f"refusing to serve passwords and tokens in clear text on {args.host}: give "
            "--tls-cert and --tls-key, or --behind-tls-proxy if a proxy terminates TLS."
        )
    config = _config(args)
    with _database(config) as engine:
        app = create_app(config, engine)
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto
        # says TCP, and without it every request on a kept-alive connection waits ~40 ms
        # for a delayed acknowledgement.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((args.host, args.port))
        except OSError as exc:
            sock.close()
            raise DatabaseUnavailableError(
                "server.cannot_listen_on", host=args.host, port=args.port, strerror=exc.strerror
            ) from None
        port = sock.getsockname()[1]
        host = f"[{args.host}]" if ":" in args.host else args.host
        scheme = "https" if tls else "http"
        print(f"FieldApp sync server listening on {scheme}://{host}:{port}", flush=True)
        uvicorn_config = uvicorn.Config(
            app,
            log_level="info",
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
            proxy_headers=args.behind_tls_proxy,
            ssl_certfile=str(args.tls_cert) if tls else None,
            ssl_keyfile=str(args.tls_key) if tls else None,
        )
        uvicorn.Server(uvicorn_config).run(sockets=[sock])
    return EX_OK


# -- seed -----------------------------------------------------------------------------
def _seed_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--accounts", type=whole_number(0, 100_000), default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--field-reps",
        type=whole_number(0, 10_000),
        default=0,
        metavar="N",
        help="load tests: add field reps rep1..repN, each alone in a territory of their "
        "own, and deal the accounts out to them",
    )


def run_seed(args: argparse.Namespace) -> int:
    from sync.server.auth import password_hasher
    from sync.server.seed import DEMO_PASSWORD, seed_demo

    config = _config(args)
    with _database(config) as engine:
        password_hash = password_hasher(config.password_cost).hash(DEMO_PASSWORD)
        report = seed_demo(
            engine, password_hash, args.accounts, args.seed, int(config.clock()), args.field_reps
        )
    print("Seeded: " + ", ".join(f"{n} {name}" for name, n in report.counts.items()))
    load_reps = f", rep1 to rep{args.field_reps}" if args.field_reps else ""
    print(
        f"Demo sign-ins (demo only, never in production): usernames "
        f"{', '.join(report.usernames)}{load_reps}; password '{report.password}'."
    )
    return EX_OK


# -- add-user -------------------------------------------------------------------------
def _add_user_arguments(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.add_argument("--username", required=True)
    parser.add_argument("--role", required=True, choices=domain.ROLES)
    parser.add_argument("--territory", default=None, help="a field rep's territory")
    parser.add_argument("--team", default=None, help="the team (inside reps and managers)")
    parser.add_argument("--display-name", default=None)
    parser.add_argument("--email", default=None)
    add_password_stdin_argument(parser)


def run_add_user(args: argparse.Namespace) -> int:
    from sync.server.auth import password_hasher
    from sync.server.staff import add_person

    password = read_password_stdin(min_length=4)
    config = _config(args)
    with _database(config) as engine:
        password_hash = password_hasher(config.password_cost).hash(password)
        with engine.begin() as conn:
            from sync.server.feed import SequenceWriter

            seqs = SequenceWriter(conn)
            user_id = add_person(
                conn,
                seqs,
                {
                    "username": args.username,
                    "role": args.role,
                    "team": args.team,
                    "territory": args.territory,
                    "display_name": args.display_name,
                    "email": args.email,
                },
                password_hash,
                int(config.clock()),
            )
            seqs.flush()
    print(f"Added {args.role} {args.username} ({user_id}).")
    return EX_OK


def _needs_server(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``run``, after checking that the server's optional libraries are installed: one
    line saying how to install them instead of an ImportError's traceback."""

    def checked(args: argparse.Namespace) -> int:
        require_server(f"'fieldapp server {args.server_command}'")
        return run(args)

    return checked


# -- sla --------------------------------------------------------------------------------
def _sla_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="sla_command", metavar="SUBCOMMAND", required=True)
    show = commands.add_parser(
        "show", help="the teams' SLA policies", description="the teams' SLA policies"
    )
    show.set_defaults(run=_needs_server(run_sla_show))
    _common(show)
    show.add_argument("--team", default=None, help="one team only")
    show.add_argument("--json", action="store_true", help="as JSON, for scripts")
    change = commands.add_parser(
        "set",
        help="change one commitment's allowance for a team",
        description="change one commitment's allowance for a team (a manager's edit); "
        "every laptop receives it with its next sync",
    )
    change.set_defaults(run=_needs_server(run_sla_set))
    _common(change)
    change.add_argument("--team", required=True)
    change.add_argument(
        "--kind", required=True, metavar="KIND", help="report_written, follow_up_handled, ..."
    )
    allowance = change.add_mutually_exclusive_group(required=True)
    allowance.add_argument("--hours", type=whole_number(1, 720), default=None)
    allowance.add_argument("--working-days", type=whole_number(1, 60), default=None)
    change.add_argument(
        "--region", default=None, help="QC, FR or BE: whose working days and holidays count"
    )
    late = commands.add_parser(
        "breaches",
        help="commitments overdue or done late, judged by the server's clock",
        description="commitments overdue or done late, judged by the server's own clock",
    )
    late.set_defaults(run=_needs_server(run_sla_breaches))
    _common(late)
    late.add_argument("--team", default=None, help="one team only")
    late.add_argument(
        "--days",
        type=whole_number(1, 3650),
        default=30,
        help="also those done late within this many days (default 30)",
    )
    late.add_argument("--json", action="store_true", help="as JSON, for scripts")


def _allowance(data: dict[str, int]) -> str:
    (unit, amount), *_ = data.items()
    words = "hour" if unit == "hours" else "working day"
    return f"{amount} {words}{'s' if amount != 1 else ''}"


def run_sla_show(args: argparse.Namespace) -> int:
    from sync.server.agreements import show

    with _database(_config(args)) as engine, engine.connect() as conn:
        shown = show(conn, args.team)
    if args.json:
        print_json(
            [
                {
                    "team": t.team,
                    "region": t.agreement.region.code,
                    "policies": t.agreement.policies.to_data(),
                    "defaults": not t.set,
                    "changed_at": t.changed_at,
                }
                for t in shown
            ]
        )
        return EX_OK
    if not shown:
        print("No teams yet.")
    for t in shown:
        where = f"region {t.agreement.region.code}"
        state = f"changed {t.changed_at}" if t.set else "the defaults (never set)"
        print(f"{t.team} ({where}, {state})")
        print_table(
            [],
            [(f"  {p.kind}", _allowance(p.to_data())) for p in t.agreement.policies],
        )
    return EX_OK


def run_sla_set(args: argparse.Namespace) -> int:
    from sync.server.agreements import set_policy
    from sync.server.feed import SequenceWriter

    config = _config(args)
    with _database(config) as engine, engine.begin() as conn:
        seqs = SequenceWriter(conn)
        changed = set_policy(
            conn,
            seqs,
            team=args.team,
            kind=args.kind,
            hours=args.hours,
            working_days=args.working_days,
            region=args.region,
            now=config.clock(),
        )
        seqs.flush()
    policy = changed.agreement.policies[commitment_kind(args.kind)]
    print(
        f"{changed.team}: {policy.kind} within {_allowance(policy.to_data())}"
        f" (region {changed.agreement.region.code}); laptops receive it at their next sync."
    )
    return EX_OK


def run_sla_breaches(args: argparse.Namespace) -> int:
    from datetime import UTC

    from sync.server.agreements import show
    from sync.server.breaches import breaches

    config = _config(args)
    now = datetime.fromtimestamp(config.clock(), UTC)
    with _database(config) as engine, engine.connect() as conn:
        if args.team is not None:
            show(conn, args.team)  # an unknown team is refused with the known ones
        late = breaches(conn, now, team=args.team, window=timedelta(days=args.days))
    if args.json:
        print_json(
            [
                {
                    "kind": j.commitment.kind,
                    "collection": j.commitment.collection,
                    "record_id": j.commitment.record_id,
                    "account_id": j.commitment.account_id,
                    "account": j.account_name,
                    "team": j.commitment.team,
                    "owner_id": j.commitment.owner_id,
                    "owner": j.owner_name or j.commitment.owner_team,
                    "state": j.clock.state,
                    "started_at": _text(j.clock.started_at),
                    "due_at": _text(j.clock.due_at),
                    "done_at": _text(j.clock.done_at) if j.clock.done_at else None,
                    "late_by_seconds": int(
                        (j.clock.overdue_by or j.clock.late_by or timedelta()).total_seconds()
                    ),
                }
                for j in late
            ]
        )
        return EX_OK
    if not late:
        print("No breaches.")
        return EX_OK
    print_table(
        ["due", "state", "commitment", "owed by", "account", "late by"],
        [
            (
                _text(j.clock.due_at),
                str(j.clock.state),
                str(j.commitment.kind),
                j.owner_name or f"the {j.commitment.owner_team} team",
                clip(j.account_name, 40),
                _duration(j.clock.overdue_by or j.clock.late_by or timedelta()),
            )
            for j in late
        ],
    )
    return EX_OK


def _text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _duration(length: timedelta) -> str:
    hours = int(length.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if days else f"{hours} h"


def _missing_sla_subcommand(_args: argparse.Namespace) -> int:
    raise UsageError("say what to do: fieldapp server sla show|set|breaches")


def _server_arguments(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="server_command", metavar="SUBCOMMAND", required=True)
    for name, help_text, arguments, run in (
        ("run", "serve the sync protocol over HTTP", _run_arguments, run_server),
        ("seed", "fill an empty server with demo data (demo only)", _seed_arguments, run_seed),
        ("add-user", "add a person who can sign in", _add_user_arguments, run_add_user),
        (
            "sla",
            "the teams' SLA policies and their breaches",
            _sla_arguments,
            _missing_sla_subcommand,
        ),
    ):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=_needs_server(run))
        arguments(sub)


def _missing_subcommand(_args: argparse.Namespace) -> int:
    raise UsageError("say what to do: fieldapp server run|seed|add-user|sla")


COMMANDS = [
    Command(
        "server",
        "the reference central server: run, seed, add-user, sla",
        _server_arguments,
        _missing_subcommand,
    ),
]
