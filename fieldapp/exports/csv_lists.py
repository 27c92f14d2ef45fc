"""Lists as CSV: one writer for every table (KPI figures, accounts, contacts, review queue).

Files are UTF-8 with a byte-order mark, so that Excel (which otherwise reads a CSV in the
computer's legacy code page) shows "Montréal" and not "MontrÃ©al"; LibreOffice, Numbers
and Python's ``utf-8-sig`` read the mark as nothing. The terminal (``fieldapp kpi --csv``)
gets no mark: a pipe is not a spreadsheet. Numbers are written with a dot, whatever the
locale, so that a file means the same on every computer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from fieldapp.exports.files import write_atomically
from fieldapp.kpi.table import Cell, Table
from fieldapp.store.database import Store
from fieldapp.usecases.account_list import AccountFilter, list_accounts
from fieldapp.usecases.accounts import ACCOUNT_INPUT_FIELDS
from fieldapp.usecases.reviews import review_queue

ACCOUNT_COLUMNS = ACCOUNT_INPUT_FIELDS
CONTACT_COLUMNS = (
    "account",
    "account_city",
    "first_name",
    "last_name",
    "job_title",
    "email",
    "phone",
)
REVIEW_COLUMNS = (
    "written_at",
    "author",
    "account",
    "tier",
    "city",
    "outcome",
    "next_steps",
    "report",
    "note_id",
)
LISTS = ("accounts", "contacts", "review")


def csv_cell(cell: Cell) -> Cell:
    # Numbers stay numbers for a spreadsheet (repr-exact, dot decimal); None is empty.
    return "" if cell is None else cell


def write_csv(table: Table, stream: TextIO) -> None:
    """``table`` as CSV: a header line, then one line per row."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([csv_cell(cell) for cell in row])


def csv_bytes(table: Table) -> bytes:
    """The file's bytes: UTF-8 with a byte-order mark (for Excel), CRLF-free lines."""
    text = io.StringIO()
    write_csv(table, text)
    return text.getvalue().encode("utf-8-sig")


def save_csv(table: Table, path: Path) -> int:
    """Write ``table`` to ``path`` in one rename; the number of rows written."""
    write_atomically(path, csv_bytes(table))
    return len(table.rows)


def _table(columns: tuple[str, ...], rows: Iterable[Iterable[Any]]) -> Table:
    return Table(columns, tuple(tuple(row) for row in rows))


def accounts_table(
    store: Store,
    account_filter: AccountFilter | None = None,
    sort: str = "name",
    *,
    descending: bool = False,
) -> Table:
    """The accounts the list shows for ``account_filter``, in its order, every field."""
    with store.reading():
        order = [
            row.id for row in list_accounts(store, account_filter, sort, descending=descending)
        ]
        wanted = set(order)
        full = {
            row["id"]: row
            for row in store.query(f"SELECT id, {', '.join(ACCOUNT_COLUMNS)} FROM accounts")
            if row["id"] in wanted
        }
    return _table(ACCOUNT_COLUMNS, ([full[i][c] for c in ACCOUNT_COLUMNS] for i in order))


def contacts_table(store: Store) -> Table:
    """Every contact with its account's name and city (what an import finds it by)."""
    rows = store.rows(
        "SELECT a.name, a.city, c.first_name, c.last_name, c.job_title, c.email, c.phone"
        " FROM contacts c JOIN accounts a ON a.id = c.account_id"
        " ORDER BY a.name, a.city, c.last_name, c.first_name, c.id"
    )
    return _table(CONTACT_COLUMNS, rows)


def review_table(store: Store, *, limit: int = 100_000) -> Table:
    """The visit reports waiting for review, newest first."""
    items = review_queue(store, limit=limit)
    return _table(
        REVIEW_COLUMNS,
        (
            (
                i.written_at,
                i.author_name,
                i.account_name,
                i.tier,
                i.city,
                i.outcome,
                i.next_steps,
                i.body,
                i.note_id,
            )
            for i in items
        ),
    )
