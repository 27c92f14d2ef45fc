"""Open formats from the terminal: ``export-calendar``, ``export-contacts``, ``export-csv``
and ``import`` (accounts or contacts from CSV). ``fieldapp export`` is something else: the
recovery copy of a damaged database."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from fieldapp.commands.base import (
    EX_OK,
    Command,
    UsageError,
    add_profile_argument,
    open_profile,
    profile_dir,
)
from fieldapp.commands.kpi import add_figure_arguments, check_figure_arguments, csv_table
from fieldapp.errors import ValidationError
from fieldapp.exports.csv_lists import accounts_table, contacts_table, review_table, save_csv
from fieldapp.exports.ics import (
    export_calendar,
    refresh_subscribed_calendar,
    subscribed_calendar_path,
)
from fieldapp.exports.vcard import export_contacts
from fieldapp.imports.csv_file import read_csv
from fieldapp.imports.csv_import import (
    TARGETS,
    check_import,
    guess_mapping,
    mapping_from_options,
    run_import,
)
from fieldapp.usecases.account_list import AccountFilter

EX_ROWS_REFUSED = 1


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} must be a day written YYYY-MM-DD, not {text!r}.") from None


def _calendar_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day (inclusive)")
    parser.add_argument("--out", type=Path, metavar="FILE", help="the .ics file to write")
    parser.add_argument(
        "--subscribed",
        action="store_true",
        help="rewrite the always-current calendar/fieldapp.ics instead and print its path",
    )


def run_export_calendar(args: argparse.Namespace) -> int:
    if args.subscribed:
        with open_profile(args) as store:
            refresh_subscribed_calendar(store, profile_dir(args))
        print(subscribed_calendar_path(profile_dir(args)))
        return EX_OK
    if not (args.first and args.last and args.out):
        raise UsageError("give --from, --to and --out (or --subscribed).")
    first, last = _day("--from", args.first), _day("--to", args.last)
    with open_profile(args) as store:
        count = export_calendar(store, args.out, first, last)
    print(f"{count} visits written to {args.out}")
    return EX_OK


def _contacts_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .vcf file")


def run_export_contacts(args: argparse.Namespace) -> int:
    with open_profile(args) as store:
        count = export_contacts(store, args.out)
    print(f"{count} contacts written to {args.out}")
    return EX_OK


def _csv_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument(
        "list",
        choices=("accounts", "contacts", "review", "kpi"),
        help="which list (kpi: the key figures, as fieldapp kpi --csv)",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="the .csv file")
    parser.add_argument("--text", default="", help="accounts: words of the name or city")
    parser.add_argument("--tier", choices=("A", "B", "C"), help="accounts: one tier")
    parser.add_argument("--city", help="accounts: one city")
    parser.add_argument("--due", action="store_true", help="accounts: only those due a visit")
    add_figure_arguments(parser)  # kpi: the summary, or one figure's table (--figure)


def run_export_csv(args: argparse.Namespace) -> int:
    if args.list == "kpi":
        check_figure_arguments(args)
    elif args.period or args.first or args.last or args.figure or args.records:
        raise UsageError("--period, --from, --to, --figure and --records go with export-csv kpi.")
    with open_profile(args) as store:
        if args.list == "kpi":
            table = csv_table(args, store)
        elif args.list == "accounts":
            wanted = AccountFilter(args.text, args.tier, args.city, args.due)
            table = accounts_table(store, wanted)
        elif args.list == "contacts":
            table = contacts_table(store)
        else:
            table = review_table(store)
    count = save_csv(table, args.out)
    print(f"{count} rows written to {args.out}")
    return EX_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("target", choices=tuple(TARGETS), help="what the file holds")
    parser.add_argument("file", type=Path, metavar="FILE", help="a CSV file (, ; or tab)")
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column to a field (COLUMN= ignores it); the rest is guessed from headers",
    )
    parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")


def run_import_csv(args: argparse.Namespace) -> int:
    csv = read_csv(args.file)
    try:
        mapping = mapping_from_options(
            csv.headers, args.target, args.map, guess_mapping(csv.headers, args.target)
        )
    except ValidationError as exc:
        raise UsageError(exc.message) from None
    with open_profile(args) as store:
        report = (check_import if args.dry_run else run_import)(store, csv, mapping, args.target)
    columns = ", ".join(f"{csv.headers[i]} → {f}" for i, f in sorted(mapping.items()))
    print(f"{csv.encoding}, delimiter {csv.delimiter!r}; columns: {columns}")
    for row in report.rows:
        for error in row.errors:
            print(f"row {row.row}: {error.field}: {error.message}")
        if row.duplicate and not row.errors:
            print(f"row {row.row}: already in FieldApp, skipped")
    verb = "would be imported" if args.dry_run else "imported"
    print(
        f"{report.valid} rows {verb}; {report.invalid} with errors, {report.duplicates}"
        " duplicates skipped."
    )
    return EX_OK if not report.invalid else EX_ROWS_REFUSED


COMMANDS = [
    Command(
        "export-calendar",
        "planned visits as an iCalendar (.ics) file, or the subscribed calendar/fieldapp.ics",
        _calendar_arguments,
        run_export_calendar,
    ),
    Command(
        "export-contacts",
        "contacts as a vCard 3.0 (.vcf) file",
        _contacts_arguments,
        run_export_contacts,
    ),
    Command(
        "export-csv",
        "a list (accounts, contacts, review queue, key figures) as CSV",
        _csv_arguments,
        run_export_csv,
    ),
    Command(
        "import",
        "accounts or contacts from a CSV file (Excel, another CRM)",
        _import_arguments,
        run_import_csv,
    ),
]
