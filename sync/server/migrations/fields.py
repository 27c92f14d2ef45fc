"""What a revision does when a field is added to the catalogue.

The server keeps a record's fields in its ``data`` JSON, so a new field needs no column:
the revision gives every stored record of the collection the new field with the value a
create would give it (its kind's default, or null), so that the change feed sends every
field of every record, as the OpenAPI description promises, and a laptop never receives
a null for a field its schema says is never null.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

# The columns this helper touches, as a revision sees them (not the live table).
_records = sa.table("records", sa.column("collection"), sa.column("id"), sa.column("data", sa.Text))
_BATCH = 1000


def add_field(collection: str, name: str, value: Any = None) -> int:
    """Give ``name`` (= ``value``) to every record of ``collection`` that lacks it; returns
    how many records were changed. Their versions stay: nothing a person changed."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(_records.c.id, _records.c.data).where(_records.c.collection == collection)
    ).all()
    updates = []
    for row in rows:
        data = json.loads(row.data)
        if name not in data:
            data[name] = value
            updates.append({"record_id": row.id, "new_data": json.dumps(data)})
    statement = (
        sa.update(_records)
        .where(_records.c.collection == collection, _records.c.id == sa.bindparam("record_id"))
        .values(data=sa.bindparam("new_data"))
    )
    for start in range(0, len(updates), _BATCH):
        conn.execute(statement, updates[start : start + _BATCH])
    return len(updates)
