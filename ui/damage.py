"""Telling a damaged profile database apart from every other failure.

The store refuses a damaged file at opening (``DamagedDatabaseError``); damage in the
middle of the file shows later, as SQLite's own error on the first read that reaches it
("database disk image is malformed"). Either way the window stops and shows the one
recovery dialog (ui/dialogs/recovery.py) instead of an error per failed read.
"""

from __future__ import annotations

import sqlite3

from fieldapp.errors import DamagedDatabaseError

# SQLite's primary result codes for a damaged file (extended codes start with these).
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damage(error: BaseException) -> bool:
    """True when ``error`` (or what caused it) says the database file itself is damaged."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DamagedDatabaseError):
            return True
        if isinstance(current, sqlite3.DatabaseError):
            name = getattr(current, "sqlite_errorname", "") or ""
            if name.startswith(_DAMAGE_CODES):
                return True
        current = current.__cause__ or current.__context__
    return False
