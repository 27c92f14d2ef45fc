"""What every figure shares: rows for CSV, shares, and the record ids behind a number.

A figure's numbers are counts of records, and each count keeps the ids of the records it
counts (the drill-down): ``len(ids)`` *is* the number, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Cell = str | int | float | None
Ids = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A figure as plain rows: a header and rows of text or numbers (CSV, the terminal)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"a row of {len(row)} cells under {len(self.columns)} columns")


def share(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to divide (never a made-up 0 %)."""
    return None if whole == 0 else part / whole


def split_ids(concatenated: str | None) -> Ids:
    """The ids ``group_concat(id, ',')`` joined (record ids are UUIDs: never a comma)."""
    return tuple(concatenated.split(",")) if concatenated else ()


def bucket_sql(column: str, bounds: Sequence[str]) -> tuple[str, list[str]]:
    """An SQL expression numbering the interval of ``bounds`` that ``column`` falls in:
    0 before ``bounds[0]``, 1 before ``bounds[1]``, … ``len(bounds)`` after the last.

    ``column`` is a name written in this package, never input; the bounds are parameters.
    """
    if not bounds:
        return "0", []
    cases = " ".join(f"WHEN {column} < ? THEN {n}" for n in range(len(bounds)))
    return f"CASE {cases} ELSE {len(bounds)} END", list(bounds)


def ids_data(ids: Iterable[str]) -> dict[str, Any]:
    """A count and its drill-down, as JSON: the ids in id order (UUIDv7: creation order)."""
    ordered = sorted(ids)
    return {"count": len(ordered), "ids": ordered}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"
