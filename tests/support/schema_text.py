"""Reading a table's definition back out of ``sqlite_master``."""

from __future__ import annotations

import sqlite3


def definition_items(create_table: str) -> list[str]:
    """The column definitions and table constraints of a CREATE TABLE statement, each with
    its whitespace collapsed (what ``ALTER TABLE ... ADD COLUMN`` appends comes last)."""
    body = create_table[create_table.index("(") + 1 : create_table.rindex(")")]
    items, depth, current = [], 0, ""
    for char in body:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [" ".join(item.split()) for item in items]


def table_items(conn: sqlite3.Connection, table: str) -> list[str]:
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    assert sql is not None, f"no table {table}"
    return definition_items(sql[0])
