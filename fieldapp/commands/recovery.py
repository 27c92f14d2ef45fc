"""``fieldapp export``, ``fieldapp backups`` and ``fieldapp restore-backup``: the way back from
a profile database FieldApp cannot open (damaged, cut short, from a newer FieldApp, in use).

None of them opens the profile's database with SQLite; the work is in
``fieldapp.store.salvage``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.commands.base import (
    EX_OK,
    Command,
    add_profile_argument,
    print_json,
    print_table,
    profile_dir,
)
from fieldapp.errors import RecoveryError
from fieldapp.store.database import database_path
from fieldapp.store.salvage import (
    SUMMARY_FILE,
    ExportReport,
    TableExport,
    export_readable,
    list_backups,
    restore_backup,
)
from fieldapp.store.salvage.export import MAX_ROWID, MIN_ROWID
from fieldapp.store.schema import LATEST_VERSION

SPANS_SHOWN = 4


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument(
        "--to",
        required=True,
        type=Path,
        metavar="FOLDER",
        help="a new or empty folder for one CSV file per table and export-summary.json",
    )
    parser.add_argument(
        "--file",
        type=Path,
        metavar="FILE",
        help="read this database file instead of the profile's (e.g. one restore-backup set aside)",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")


def run_export(args: argparse.Namespace) -> int:
    source = args.file or database_path(profile_dir(args))
    report = export_readable(source, args.to)
    if args.json:
        print_json(report.as_dict())
    else:
        _print_export(report)
    if report.schema_error is not None and report.recovered_sql is None:
        raise RecoveryError(
            "recovery.nothing_could_read_from_what_was",
            source=source,
            schema_error=report.schema_error,
            value=report.target / SUMMARY_FILE,
        )
    return EX_OK


def _print_export(report: ExportReport) -> None:
    outbox = report.outbox
    if outbox is None:
        print("Unsynced changes: the outbox could not be found.")
    elif outbox.error is None:
        print(f"Unsynced changes: all {outbox.rows_saved} saved in {outbox.file}.")
    else:
        print(f"Unsynced changes: {outbox.rows_saved} saved in {outbox.file}; {_lost(outbox)}.")
    rows = sum(table.rows_saved for table in report.tables)
    print(f"Saved {rows} rows of {len(report.tables)} tables to {report.target}.")
    if report.schema_version is not None and report.schema_version > LATEST_VERSION:
        print(
            f"The database has schema {report.schema_version}, newer than this FieldApp"
            f" knows ({LATEST_VERSION}): its tables were saved as they are."
        )
    if not report.copy_consistent:
        print(
            "Warning: another program kept writing to the database while it was copied;"
            " run the export again once it has stopped."
        )
    if report.schema_error is not None:
        print(f"The list of tables could not be read: {report.schema_error}.")
    if report.schema_partial is not None:
        print(
            f"The list of tables could be read only in part ({report.schema_partial}):"
            " the tables it still named were saved."
        )
    for table in report.tables:
        if table.error is not None:
            print(f"  {table.table}: {_lost(table)} ({table.error}).")
    if report.recovered_sql is not None:
        name = report.recovered_sql.name
        print(
            f"sqlite3 '.recover' found more in {name}: 'sqlite3 NEW.db < {name}' loads it"
            " into a new database to look through."
        )
    print(f"Details: {report.target / SUMMARY_FILE}")


def _lost(table: TableExport) -> str:
    """'3 rows (rowids 101-103) could not be read', or 'some rows (…)' when no index said."""
    if table.unreadable_rowids == [(MIN_ROWID, MAX_ROWID)]:
        return "no row could be read"
    count = "some rows" if table.rows_lost is None else f"{table.rows_lost} rows"
    spans = []
    for low, high in table.unreadable_rowids[:SPANS_SHOWN]:
        if low == MIN_ROWID:
            spans.append(f"up to {high}")
        elif high == MAX_ROWID:
            spans.append(f"from {low} on")
        else:
            spans.append(str(low) if low == high else f"{low}-{high}")
    more = ", …" if len(table.unreadable_rowids) > SPANS_SHOWN else ""
    where = f" (rowids {', '.join(spans)}{more})" if spans else ""
    return f"{count}{where} could not be read"


def _backups_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def run_backups(args: argparse.Namespace) -> int:
    folder = profile_dir(args)
    backups = list_backups(folder)
    if args.json:
        print_json({"profile": str(folder), "backups": [b.as_dict() for b in backups]})
    elif not backups:
        print(
            f"No backups in {folder}. FieldApp takes one before each update of the"
            " database's schema; this profile has had none yet."
        )
    else:
        print_table(
            ["backup", "taken (UTC)", "schema", "size", "kept"],
            [
                (
                    b.path.name,
                    b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
                    "?" if b.schema_version is None else str(b.schema_version),
                    f"{b.size / 1_000_000:.1f} MB",
                    b.reason,
                )
                for b in backups
            ],
        )
        print("Restore one with 'fieldapp restore-backup NAME'; the current database is kept.")
    return EX_OK


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument(
        "backup",
        type=Path,
        metavar="BACKUP",
        help="a name that 'fieldapp backups' lists, or the path of a backup file",
    )


def run_restore(args: argparse.Namespace) -> int:
    folder = profile_dir(args)
    restored = restore_backup(folder, args.backup)
    print(f"Restored {restored.backup.name} (schema {restored.schema_version}) in {folder}.")
    if restored.set_aside:
        aside = restored.set_aside[0]
        print(
            f"The previous database was kept as {aside.name}. Changes synced since the backup"
            " come back with the next sync; changes not synced yet are only in that file:"
            f" 'fieldapp export --file {aside} --to FOLDER' saves them."
        )
    if restored.schema_version < LATEST_VERSION:
        print("FieldApp updates it to the current schema when it next opens it.")
    return EX_OK


COMMANDS = [
    Command(
        "export",
        "save every row that can still be read (unsynced changes first) as CSV files",
        _export_arguments,
        run_export,
    ),
    Command(
        "backups",
        "list the copies of the database taken before updates",
        _backups_arguments,
        run_backups,
    ),
    Command(
        "restore-backup",
        "put a backup in place of the database (the current one is kept, renamed)",
        _restore_arguments,
        run_restore,
    ),
]
