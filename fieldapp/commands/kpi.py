"""``fieldapp kpi``: the manager's dashboard (or a rep's own) from the terminal.

A readable summary by default; ``--json`` every figure with the ids behind each number;
``--csv`` the summary as rows, or with ``--figure`` that figure's table (``--records``: the
records behind it, one a line).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any, NoReturn

from fieldapp.commands.base import (
    EX_OK,
    Command,
    UsageError,
    add_profile_argument,
    clip,
    open_profile,
    print_json,
    print_table,
)
from fieldapp.errors import ValidationError
from fieldapp.kpi import Dashboard, Period, Scope, Settings, dashboard, figure, scope_for
from fieldapp.kpi.backlog import BacklogFigure
from fieldapp.kpi.conversion import DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, ConversionFigure
from fieldapp.kpi.coverage import CoverageFigure
from fieldapp.kpi.dashboard import TABLES, Figure, figure_named, header
from fieldapp.kpi.export import write_csv
from fieldapp.kpi.period import (
    PeriodKind,
    computer_zone,
    period_between,
    period_containing,
    time_zone,
)
from fieldapp.kpi.sla import MEDIAN_LABELS, SlaFigure
from fieldapp.kpi.summary import summary
from fieldapp.kpi.table import Cell, Table, percent
from fieldapp.kpi.travel import TravelFigure
from fieldapp.kpi.visits import VisitsFigure
from fieldapp.store.database import Store

PERIODS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER)
LIST_SHOWN = 5  # rows of the overdue and breach lists in the readable summary


def _one_line_error(message: str) -> NoReturn:
    # argparse's own errors (a missing value, an unknown option) print the usage first;
    # this command promises one line for any bad input.
    print(f"fieldapp: error: kpi: {message}", file=sys.stderr)
    raise SystemExit(2)


def _kpi_arguments(parser: argparse.ArgumentParser) -> None:
    parser.error = _one_line_error  # type: ignore[method-assign]  # see _one_line_error
    add_profile_argument(parser)
    add_figure_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON, with every record id")
    parser.add_argument("--csv", action="store_true", help="print CSV")


def add_figure_arguments(parser: argparse.ArgumentParser) -> None:
    """Which figures: the period, the scope, one figure (``fieldapp kpi``, and
    ``fieldapp export-csv kpi`` that writes the same CSV to a file)."""
    parser.add_argument(
        "--period",
        metavar="week|month|quarter",
        help="the week (Monday to Sunday), month or quarter containing --date",
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="a day of the period (default: today)")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day instead")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (with --from)")
    parser.add_argument("--team", metavar="T", help="one team's figures")
    parser.add_argument("--rep", metavar="USERNAME", help="one rep's figures")
    parser.add_argument(
        "--figure",
        metavar="NAME",
        help=f"one figure: {', '.join(TABLES)}",
    )
    parser.add_argument(
        "--records", action="store_true", help="with --figure: the records behind it, one a line"
    )
    parser.add_argument(
        "--window",
        metavar="DAYS",
        help=f"meeting → deal conversion window (default: {DEFAULT_WINDOW_DAYS} days)",
    )
    parser.add_argument(
        "--time-zone", metavar="ZONE", help="whose days (default: this computer's time zone)"
    )


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} must be a day written YYYY-MM-DD, not {text!r}.") from None


def _period(args: argparse.Namespace, today: date) -> Period:
    zone = computer_zone() if args.time_zone is None else time_zone(args.time_zone)
    if args.first is not None or args.last is not None:
        if args.period is not None or args.date is not None:
            raise UsageError("give --period (and --date), or --from and --to, not both.")
        first, last = _day("--from", args.first), _day("--to", args.last)
        if first is None or last is None:
            raise UsageError("--from and --to go together.")
        return period_between(first, last, zone)
    if args.period is None:
        raise UsageError("choose --period week, month or quarter (or --from and --to).")
    if args.period not in PERIODS:
        raise UsageError(f"--period must be week, month or quarter, not {args.period!r}.")
    return period_containing(args.period, _day("--date", args.date) or today, zone)


def _window(text: str | None) -> int:
    if text is None:
        return DEFAULT_WINDOW_DAYS
    if not text.isdigit() or not 1 <= int(text) <= MAX_WINDOW_DAYS:
        raise UsageError(f"--window must be a number of days from 1 to {MAX_WINDOW_DAYS}.")
    return int(text)


def _check(args: argparse.Namespace) -> None:
    """Everything that can be said wrong before the profile is opened."""
    if args.json and args.csv:
        raise UsageError("choose --json or --csv, not both.")
    check_figure_arguments(args)


def check_figure_arguments(args: argparse.Namespace) -> None:
    """What ``add_figure_arguments`` took that is wrong before the profile is opened."""
    if args.team is not None and args.rep is not None:
        raise UsageError("choose --team or --rep, not both.")
    if args.records and args.figure is None:
        raise UsageError("--records lists the records behind one figure: add --figure NAME.")
    if args.figure is not None:
        try:
            figure_named(args.figure)
        except ValidationError as exc:
            raise UsageError(exc.message) from None


def _chosen(args: argparse.Namespace, store: Store) -> tuple[Period, Scope, datetime]:
    now = store.clock()
    try:
        period = _period(args, now.astimezone(computer_zone()).date())
    except ValidationError as exc:
        raise UsageError(exc.message) from None
    try:
        scope = scope_for(store, team_name=args.team, username=args.rep)
    except ValidationError as exc:
        raise UsageError(exc.message) from None
    return period, scope, now


def csv_table(args: argparse.Namespace, store: Store) -> Table:
    """The table ``fieldapp kpi --csv`` prints for ``args``: the summary, or with
    ``--figure`` that figure's table (``--records``: the records behind it)."""
    settings = Settings(window_days=_window(args.window))
    period, scope, now = _chosen(args, store)
    if args.figure is None:
        return summary(dashboard(store, period, scope, now=now, settings=settings))
    chosen = figure(store, period, scope, args.figure, now=now, settings=settings)
    return chosen.records() if args.records else TABLES[args.figure][1](chosen)


def run_kpi(args: argparse.Namespace) -> int:
    _check(args)
    settings = Settings(window_days=_window(args.window))
    with open_profile(args) as store:
        if args.csv:
            table = csv_table(args, store)
            _print_csv(table)
            return EX_OK
        period, scope, now = _chosen(args, store)
        if args.figure is not None:
            chosen = figure(store, period, scope, args.figure, now=now, settings=settings)
            _print_figure(args, chosen, period, scope, now)
            return EX_OK
        board = dashboard(store, period, scope, now=now, settings=settings)
    if args.json:
        print_json(board.to_data())
    else:
        _print_summary(board)
    return EX_OK


def _print_figure(
    args: argparse.Namespace, chosen: Figure, period: Period, scope: Scope, now: datetime
) -> None:
    if args.json:
        print_json({**header(period, scope, now), args.figure: chosen.to_data()})
        return
    table = chosen.records() if args.records else TABLES[args.figure][1](chosen)
    print(f"{chosen.title}: {period.label}, {scope.label}")
    print()
    _print_readable(table)


def _print_csv(table: Table) -> None:
    write_csv(table, sys.stdout)


def _text(cell: Cell) -> str:
    if cell is None:
        return "—"
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float):
        return f"{cell:,.3f}".rstrip("0").rstrip(".")
    return clip(str(cell), 40)


def _print_readable(table: Table) -> None:
    if not table.rows:
        print("Nothing in this period.")
        return
    print_table(list(table.columns), [[_text(cell) for cell in row] for row in table.rows])


def _print_summary(board: Dashboard) -> None:
    period, scope = board.period, board.scope
    days = "" if period.kind is PeriodKind.DAYS else f"{period.first_day} to {period.last_day}, "
    print(
        f"Key figures for {period.label} ({days}{period.zone}), {scope.label};"
        f" snapshots as of {board.as_of}."
    )
    _visits(board.visits)
    _coverage(board.coverage)
    _conversion(board.conversion)
    _travel(board.travel)
    _sla(board.sla)
    _backlog(board.backlog)


def _section(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


def _visits(f: VisitsFigure) -> None:
    _section(f.title)
    head = ["", "planned", "held", "cancelled", "no-show", "open", "held %"]

    def line(label: str, tally: Any) -> list[str]:
        return [label, *map(str, tally.counts()), percent(tally.held_share)]

    print_table(
        head,
        [
            *(line(rep.username, tally) for rep, tally in f.by_rep),
            *(line(f"week of {week}", tally) for week, tally in f.by_week),
            line("all", f.total),
        ],
    )


def _coverage(f: CoverageFigure) -> None:
    _section(f"{f.title} (as of {f.as_of})")
    print_table(
        ["tier", "covered", "overdue", "not due yet", "share"],
        [
            [
                t.tier or "all",
                str(len(t.covered)),
                str(len(t.overdue)),
                str(len(t.not_due_yet)),
                percent(t.share),
            ]
            for t in (*f.tiers, f.total)
        ],
    )
    if f.overdue:
        print()
        print(f"Overdue: {len(f.overdue)} accounts (all of them: --figure overdue).")
        print_table(
            ["account", "tier", "owner", "last visit", "due", "days overdue"],
            [
                [
                    clip(a.name, 40),
                    a.tier,
                    a.owner.username if a.owner else "—",
                    str(a.last_visit_on or "never"),
                    str(a.due_on),
                    str(a.days_overdue),
                ]
                for a in f.overdue[:LIST_SHOWN]
            ],
        )


def _conversion(f: ConversionFigure) -> None:
    _section(f"{f.title} (within {f.window_days} days)")
    print_table(
        ["", "held", "converted", "waiting", "share", "deals won", "amount won"],
        [
            [
                c.rep.username if c.rep else "all",
                str(len(c.held)),
                str(len(c.converted)),
                str(len(c.waiting)),
                percent(c.share),
                str(len(c.deals)),
                " + ".join(f"{amount:,.0f} {cur}" for cur, amount in c.amounts) or "0",
            ]
            for c in (*f.by_rep, f.total)
        ],
    )


def _travel(f: TravelFigure) -> None:
    _section(f.title)

    def km(value: float | None) -> str:
        return "—" if value is None else f"{value:,.1f}"

    print_table(
        ["", "days in field", "km", "held", "km/day", "km/held visit"],
        [
            [
                t.rep.username if t.rep else "all",
                str(t.days),
                km(t.km),
                str(len(t.held)),
                km(t.km_per_day),
                km(t.km_per_held_visit),
            ]
            for t in (*f.by_rep, f.total)
        ],
    )


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    hours = seconds / 3600
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} d"


def _sla(f: SlaFigure) -> None:
    _section(f.title)
    print_table(
        ["commitment", "policy", "on time", "late", "overdue", "pending", "on-time %", "median"],
        [
            [
                k.kind,
                k.policy,
                *map(str, (len(k.on_time), len(k.late), len(k.overdue), len(k.pending))),
                percent(k.on_time_share),
                f"{MEDIAN_LABELS[k.kind]}: {_duration(k.median_seconds)}",
            ]
            if k.measured
            else [
                k.kind,
                k.policy,
                "—",
                "—",
                "—",
                "—",
                "—",
                "not measured: no source reads this kind",
            ]
            for k in f.kinds
        ],
    )
    if f.breaches:
        print()
        print(f"Breaches: {len(f.breaches)} (all of them: --figure breaches).")
        print_table(
            ["commitment", "who", "what", "account", "late by"],
            [
                [
                    b.kind,
                    clip(b.owner, 30),
                    f"{b.collection} {b.record_id}",
                    clip(b.account_name or "—", 30),
                    _duration(b.late_seconds) + ("" if b.done_epoch else " (still open)"),
                ]
                for b in f.breaches[:LIST_SHOWN]
            ],
        )


def _backlog(f: BacklogFigure) -> None:
    _section(f"{f.title} (as of {f.as_of})")
    print_table(
        ["age", "awaiting review", "follow-ups open", "of which past due"],
        [
            [r.label, str(len(r.items)), str(len(o.items)), str(len(o.past_due))]
            for r, o in zip(f.awaiting_review, f.follow_ups_open, strict=True)
        ],
    )


COMMANDS = [
    Command(
        "kpi",
        "key figures of the team loop: visits, coverage, conversion, travel, SLA, backlog",
        _kpi_arguments,
        run_kpi,
    )
]
