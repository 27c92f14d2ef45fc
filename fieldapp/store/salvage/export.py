"""Export what can be read: every readable row of a damaged profile database, as CSV files.

Works on a database that is damaged, cut short, written by a newer FieldApp, or held by
another program, because it never opens that file with SQLite (even a reader writes there:
the -shm index, a checkpoint on close). It copies the bytes, opens the copy, and walks each
table by rowid ranges so that one damaged page loses only the rows stored on it. The outbox
(changes the central CRM has not received) comes first.
"""

from __future__ import annotations

import contextlib
import csv
import heapq
import json
import logging
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldapp.clock import Clock, utc_now
from fieldapp.errors import ProfileNotFoundError, RecoveryError
from fieldapp.store import live_files
from fieldapp.store.database import DB_FILENAME
from fieldapp.store.salvage.backups import JOURNALS, header_schema_version
from fieldapp.store.schema import COLLECTIONS, LATEST_VERSION

log = logging.getLogger(__name__)

SUMMARY_FILE = "export-summary.json"
RECOVER_FILE = "sqlite3-recover.sql"
# Work the central CRM has not seen yet, text typed and not yet saved, and what waits for a
# person: exported first, so that a slow or interrupted export has saved these already.
FIRST_TABLES = ("outbox", "drafts", "rejected_mutations", "conflicts", "profile")
COPY_ATTEMPTS = 5
QUERY_BUDGET = 4_000  # queries spent bisecting a damaged table that no index lists
LOST_ROWS_LISTED = 200
RECOVER_TIMEOUT_S = 600
MIN_ROWID, MAX_ROWID = -(2**63), 2**63 - 1


@dataclass
class TableExport:
    """One table's fate: rows saved to its CSV file, and the rowids that could not be read."""

    table: str
    file: str | None
    rows_saved: int = 0
    error: str | None = None  # the first SQLite error met; None when the table read whole
    unreadable_rowids: list[tuple[int, int]] = field(default_factory=list)
    rows_lost: int | None = None  # known only when an index still listed the rows
    lost_rows: list[dict[str, Any]] = field(default_factory=list)  # their indexed values

    def as_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "file": self.file,
            "rows_saved": self.rows_saved,
            "complete": self.error is None,
            "error": self.error,
            "unreadable_rowids": [list(span) for span in self.unreadable_rowids],
            "rows_lost": self.rows_lost,
            "lost_rows": [{k: _cell(v) for k, v in row.items()} for row in self.lost_rows],
        }


@dataclass
class ExportReport:
    """What ``export_readable`` saved, and what it could not; also written as JSON."""

    source: Path
    target: Path
    exported_at: datetime
    schema_version: int | None
    copy_consistent: bool
    integrity: list[str] = field(default_factory=list)
    tables: list[TableExport] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    schema_error: str | None = None
    # The list of tables was read only in part (a page of it lost): the tables SQLite had
    # read before the damage were exported, the rest may be missing.
    schema_partial: str | None = None
    recovered_sql: Path | None = None
    recover_error: str | None = None

    @property
    def outbox(self) -> TableExport | None:
        return next((t for t in self.tables if t.table == "outbox"), None)

    @property
    def complete(self) -> bool:
        return (
            self.schema_error is None
            and self.schema_partial is None
            and all(t.error is None for t in self.tables)
        )

    def as_dict(self) -> dict[str, Any]:
        outbox = self.outbox
        return {
            "source": str(self.source),
            "exported_to": str(self.target),
            "exported_at": self.exported_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema_version": self.schema_version,
            "app_schema_version": LATEST_VERSION,
            "complete": self.complete,
            "unsynced_changes_saved": outbox.rows_saved if outbox else 0,
            "unsynced_changes_complete": outbox is not None and outbox.error is None,
            "copy_consistent": self.copy_consistent,
            "integrity_check": self.integrity,
            "schema_error": self.schema_error,
            "schema_partial": self.schema_partial,
            "tables": [table.as_dict() for table in self.tables],
            "skipped": self.skipped,
            "sqlite3_recover": None
            if self.recovered_sql is None and self.recover_error is None
            else {
                "file": self.recovered_sql.name if self.recovered_sql else None,
                "error": self.recover_error,
            },
            "format": "CSV, UTF-8, one file per table with a header row; NULL is an empty"
            " field and a BLOB is written in hexadecimal",
        }


def export_readable(
    database: Path | str,
    target: Path | str,
    *,
    sqlite3_program: str | None = "sqlite3",
    clock: Clock = utc_now,
) -> ExportReport:
    """Write every readable row of every table of ``database`` to CSV files in ``target``.

    ``target`` must be new or empty: nothing in it is ever overwritten. The database is
    copied byte for byte (with its -wal, whose committed changes SQLite replays on the copy;
    another process's unfinished transaction is left out), and only the copy is opened.
    When something could not be read and ``sqlite3_program`` is found, its ``.recover``
    output is saved too. The summary lands in ``target / SUMMARY_FILE``.
    """
    database, target = Path(database).expanduser(), Path(target).expanduser()
    # The copy is made byte for byte: not from a process that has the database open.
    live_files.ensure_not_open_here(database)
    if not database.is_file():
        raise ProfileNotFoundError("export.no_database_export", database=database)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RecoveryError("export.already_exists_and_not_empty_folder", target=target)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fieldapp-export-", dir=target) as work:
        copy = Path(work) / DB_FILENAME
        consistent = _copy_database(database, copy)
        report = ExportReport(database, target, clock(), header_schema_version(copy), consistent)
        try:
            conn = _open_copy(copy)
        except sqlite3.Error as exc:
            report.schema_error = str(exc)
        else:
            try:
                _export_tables(conn, report)
            finally:
                conn.close()
        program = shutil.which(sqlite3_program) if sqlite3_program else None
        if not report.complete and program is not None:
            _recover_with_sqlite3(program, copy, report)
    summary = json.dumps(report.as_dict(), indent=2, ensure_ascii=False)
    (target / SUMMARY_FILE).write_text(summary + "\n", encoding="utf-8")
    log.info("exported %s to %s (complete: %s)", database, target, report.complete)
    return report


def _copy_database(source: Path, copy: Path) -> bool:
    """Copy the database and its journals; True when none changed while being copied."""
    for attempt in range(COPY_ATTEMPTS):
        before = _fingerprint(source)
        for suffix in ("", *JOURNALS):
            origin, duplicate = Path(f"{source}{suffix}"), Path(f"{copy}{suffix}")
            live_files.remove_file(duplicate)
            try:
                live_files.copy_file(origin, duplicate)
            except FileNotFoundError:
                if not suffix:
                    raise
                # A journal that is gone was checkpointed or committed: the retry sees it.
        if _fingerprint(source) == before:
            return True
        log.info("%s changed while it was copied; copying it again", source)
        time.sleep(0.1 * (attempt + 1))
    return False


def _fingerprint(source: Path) -> list[tuple[str, int, int]]:
    found = []
    for suffix in ("", *JOURNALS):
        try:
            stat = Path(f"{source}{suffix}").stat()
        except FileNotFoundError:
            continue
        found.append((suffix, stat.st_size, stat.st_mtime_ns))
    return found


def _open_copy(copy: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(copy, isolation_level=None)
    # Damaged text is still text the rep typed: keep it, with replacement characters.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    # writable_schema: read a file that was cut short up to its real end, and skip a damaged
    # schema entry instead of refusing every table. cell_size_check: notice damage sooner.
    # query_only: this code reads; only SQLite's own journal recovery touches the copy.
    for pragma in ("writable_schema = ON", "cell_size_check = ON", "query_only = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _export_tables(conn: sqlite3.Connection, report: ExportReport) -> None:
    # Through SQLite rather than the file's header: the -wal may hold a newer value. If it
    # fails, the header's value stays, and the reads below report the same error.
    with contextlib.suppress(sqlite3.Error):
        report.schema_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    try:
        found = [str(row[0]) for row in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.Error as exc:
        found = [str(exc)]
    report.integrity = [line for text in found for line in text.splitlines()][:20]
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    except sqlite3.Error as exc:
        rows = _tables_read_before_the_damage(conn)
        if not rows:
            report.schema_error = str(exc)
            return
        report.schema_partial = str(exc)
    virtual = [name for name, sql in rows if str(sql).upper().startswith("CREATE VIRTUAL")]
    names = []
    for name, _ in rows:
        owner = next((v for v in virtual if name == v or name.startswith(f"{v}_")), None)
        if owner is not None:
            report.skipped[name] = f"index {owner}, rebuilt from the other tables"
        elif name.startswith("sqlite_"):
            report.skipped[name] = "SQLite's own bookkeeping"
        else:
            names.append(name)
    first = [*FIRST_TABLES, *COLLECTIONS]
    names.sort(key=lambda n: (first.index(n) if n in first else len(first), n))
    used: set[str] = set()
    for name in names:
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", name).lstrip(".") or "table"
        file_name, n = f"{stem}.csv", 1
        while file_name.lower() in used:  # case-insensitive file systems
            n += 1
            file_name = f"{stem}-{n}.csv"
        used.add(file_name.lower())
        report.tables.append(_export_table(conn, name, report.target / file_name))


def _tables_read_before_the_damage(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The tables SQLite read from the list of tables before a page of it was lost.

    With ``writable_schema`` SQLite keeps what it parsed up to the damage, so the tables on
    the readable pages can still be walked: the newest entries (a later migration's) sit on
    the list's last page, which a file cut short loses first. Rows are (name, sql) as
    ``sqlite_master`` gives them; a virtual table's sql is only its kind. An SQLite older
    than 3.37 ignores the pragma (no rows): the list then counts as unreadable, as before.
    """
    try:
        listed = conn.execute("PRAGMA main.table_list").fetchall()
    except sqlite3.Error:
        return []
    return [
        (str(name), "CREATE VIRTUAL TABLE" if kind == "virtual" else "CREATE TABLE")
        for _, name, kind, *_ in listed
        if kind in ("table", "virtual", "shadow") and not str(name).startswith("sqlite_")
    ]


def _export_table(conn: sqlite3.Connection, table: str, path: Path) -> TableExport:
    result = TableExport(table, path.name)
    quoted = _quote(table)
    try:
        columns = [d[0] for d in conn.execute(f"SELECT * FROM {quoted} LIMIT 0").description]
    except sqlite3.Error as exc:
        result.file, result.error = None, str(exc)
        return result
    try:
        conn.execute(f"SELECT rowid FROM {quoted} LIMIT 0")
        has_rowid = True
    except sqlite3.Error:
        has_rowid = False  # a WITHOUT ROWID table: read in key order, up to the damage
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        if has_rowid:
            _walk_rowids(conn, table, writer, result)
        else:
            _, _, result.error = _read(conn, f"SELECT NULL, * FROM {quoted}", (), writer, result)
    return result


def _read(
    conn: sqlite3.Connection, sql: str, params: tuple[Any, ...], writer: Any, result: TableExport
) -> tuple[int | None, int | None, str | None]:
    """Write the rows ``sql`` yields until it ends or fails: (first rowid, last rowid, error)."""
    first = last = None
    try:
        for row in conn.execute(sql, params):
            writer.writerow([_cell(value) for value in row[1:]])
            result.rows_saved += 1
            first = row[0] if first is None else first
            last = row[0]
    except sqlite3.Error as exc:
        return first, last, str(exc)
    return first, last, None


def _walk_rowids(conn: sqlite3.Connection, table: str, writer: Any, result: TableExport) -> None:
    """Read the table forwards until the damage, backwards from its end until the damage,
    then whatever lies between, row by row as an index lists them, or by bisecting rowids."""
    forwards = f"SELECT rowid, * FROM {_quote(table)} WHERE rowid BETWEEN ? AND ? ORDER BY rowid"
    backwards = f"{forwards} DESC"
    low, high = MIN_ROWID, MAX_ROWID
    _, last, result.error = _read(conn, forwards, (low, high), writer, result)
    if result.error is None:
        return
    low = low if last is None else last + 1
    _, lowest, error = _read(conn, backwards, (low, high), writer, result)
    high = high if lowest is None else lowest - 1
    if error is None or low > high:
        return
    listed = _index_rows(conn, table, low, high)
    if listed is not None:
        single = f"SELECT rowid, * FROM {_quote(table)} WHERE rowid = ?"
        lost = [r for r in sorted(listed) if _read(conn, single, (r,), writer, result)[1] is None]
        result.rows_lost = len(lost)
        result.lost_rows = [listed[r] for r in lost[:LOST_ROWS_LISTED]]
        result.unreadable_rowids = _spans([(r, r) for r in lost])
        return
    # Narrowest ranges first, and of two alike the one nearer rowid 0, where SQLite numbers
    # rows from: a damaged first or last page leaves a range reaching to +-2**63 that holds
    # no rows, and the budget is better spent next to the rows already read.
    pending = [_priority(low, high)]
    failed, budget = [], QUERY_BUDGET
    while pending:
        _, _, low, high = heapq.heappop(pending)
        if budget <= 0:
            failed.append((low, high))  # not read; reported as unreadable
            continue
        budget -= 2
        _, last, error = _read(conn, forwards, (low, high), writer, result)
        low = low if last is None else last + 1
        if error is None or low > high:
            continue
        _, lowest, error = _read(conn, backwards, (low, high), writer, result)
        high = high if lowest is None else lowest - 1
        if error is not None and low == high:
            failed.append((low, high))
        elif error is not None and low < high:
            middle = low + (high - low) // 2
            heapq.heappush(pending, _priority(low, middle))
            heapq.heappush(pending, _priority(middle + 1, high))
    result.unreadable_rowids = _spans(failed)


def _priority(low: int, high: int) -> tuple[int, int, int, int]:
    return (high - low).bit_length(), min(abs(low), abs(high)), low, high


def _index_rows(
    conn: sqlite3.Connection, table: str, low: int, high: int
) -> dict[int, dict[str, Any]] | None:
    """The rows an intact index lists between two rowids, with their indexed values.

    The primary key's index comes first: its values (the record ids) name lost rows best.
    A partial index or one on expressions does not list every row plainly, so it is skipped.
    """
    try:
        indexes = conn.execute(
            'SELECT name, "unique", origin, partial FROM pragma_index_list(?)', (table,)
        ).fetchall()
    except sqlite3.Error:
        return None
    for name, _, _, partial in sorted(indexes, key=lambda i: (i[2] != "pk", not i[1], i[0])):
        try:
            columns = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM pragma_index_info(?) ORDER BY seqno", (name,)
                )
            ]
            if partial or not columns or None in columns:
                continue
            rows = conn.execute(
                f"SELECT rowid, {', '.join(map(_quote, columns))} FROM {_quote(table)}"
                f" INDEXED BY {_quote(name)} WHERE rowid BETWEEN ? AND ?",
                (low, high),
            ).fetchall()
        except sqlite3.Error:
            continue
        return {row[0]: dict(zip(columns, row[1:], strict=True)) for row in rows}
    return None


def _spans(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, with touching or overlapping ranges merged."""
    merged: list[tuple[int, int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(high, merged[-1][1]))
        else:
            merged.append((low, high))
    return merged


def _recover_with_sqlite3(program: str, copy: Path, report: ExportReport) -> None:
    """Save the sqlite3 shell's ``.recover`` output: it also finds rows on pages that no
    table reaches any more. A bonus: some builds of the shell lack it, and the export does
    not depend on it."""
    output, error = report.target / RECOVER_FILE, None
    try:
        with output.open("wb") as handle:
            done = subprocess.run(
                [program, str(copy), ".recover"],
                stdout=handle,
                stderr=subprocess.PIPE,
                timeout=RECOVER_TIMEOUT_S,
                check=False,
            )
        if done.returncode != 0:
            error = done.stderr.decode("utf-8", "replace").strip()[:500] or "failed"
    except (OSError, subprocess.TimeoutExpired) as exc:
        error = str(exc)
    if error is not None:
        report.recover_error = error
        log.info("sqlite3 .recover failed: %s", error)  # the summary says so
    if error is None or _holds_rows(output):
        report.recovered_sql = output
    else:
        output.unlink(missing_ok=True)  # our own output, and not one row in it: misleading


def _holds_rows(sql_file: Path) -> bool:
    marker, tail = b"INSERT INTO", b""
    with sql_file.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if marker in tail + chunk:
                return True
            tail = chunk[-len(marker) :]
    return False


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return value.hex() if isinstance(value, bytes) else value
