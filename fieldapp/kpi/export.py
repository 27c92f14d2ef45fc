"""CSV of the key figures: one writer for the terminal (``fieldapp kpi --csv``) and the
window's "Export CSV…", so a spreadsheet gets the same file from either."""

from __future__ import annotations

import csv
from typing import TextIO

from fieldapp.kpi.table import Cell, Table


def write_csv(table: Table, stream: TextIO) -> None:
    """``table`` as CSV: a header line, then one line per row."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([csv_cell(cell) for cell in row])


def csv_cell(cell: Cell) -> Cell:
    # Shares stay numbers for a spreadsheet; only None becomes an empty cell.
    return "" if cell is None else cell
