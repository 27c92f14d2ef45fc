"""People and territories: what an administrator sets up on the server."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from fieldapp.catalogue import FIELDS, ChangeOp, Role
from fieldapp.error_codes import listed
from fieldapp.errors import FieldAppError
from fieldapp.ids import new_id
from sync.server.feed import SequenceWriter, insert_organisation_record, record_change
from sync.server.scope import EVERYONE, PERSONAL_PREFIX
from sync.server.tables import territories, users


class StaffError(FieldAppError):
    """A person or territory that cannot be added as asked."""


def ensure_territory(conn: Connection, name: str, team: str | None) -> None:
    if name.startswith(PERSONAL_PREFIX) or name == EVERYONE:
        # Those name the feed's channels of one person and of everyone (scope.py).
        raise StaffError(
            "server.territorys_name_cannot_start_with_or",
            PERSONAL_PREFIX=PERSONAL_PREFIX,
            EVERYONE=EVERYONE,
        )
    existing = conn.execute(sa.select(territories.c.team).where(territories.c.name == name)).first()
    if existing is None:
        conn.execute(territories.insert().values(name=name, team=team))
    elif team is not None and existing.team != team:
        raise StaffError("server.territory_belongs_team", name=name, team=existing.team)


def add_person(
    conn: Connection,
    seqs: SequenceWriter,
    record: dict[str, Any],
    password_hash: str,
    now: int,
) -> str:
    """Store a ``users`` record (which every laptop receives) and its credentials.

    ``record`` holds the fields of ``FIELDS["users"]``, optionally ``id``, ``created_at``
    and ``updated_at`` (the demo generator's records carry them).
    """
    username = record.get("username") or ""
    if not username or len(username) > 100 or any(c.isspace() for c in username):
        raise StaffError("server.username_1_100_characters_with_no")
    if record.get("role") not in tuple(Role):
        raise StaffError("server.role_must_one", value=listed(Role))
    if record["role"] == "field" and not record.get("territory"):
        raise StaffError("server.field_rep_needs_territory")
    taken = conn.execute(sa.select(users.c.id).where(users.c.username == username)).first()
    if taken is not None:
        raise StaffError("server.username_taken", username=username)
    if record.get("territory"):
        ensure_territory(conn, record["territory"], record.get("team"))
    user_id = record.get("id") or new_id()
    stamp = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = {name: record.get(name) for name in FIELDS["users"]}
    data["display_name"] = data["display_name"] or username
    seq = seqs.next()
    insert_organisation_record(
        conn,
        seq,
        "users",
        user_id,
        data,
        created_at=record.get("created_at") or stamp,
        updated_at=record.get("updated_at") or stamp,
    )
    record_change(conn, seq, "users", user_id, EVERYONE, ChangeOp.UPSERT)
    conn.execute(
        users.insert().values(
            id=user_id,
            username=username,
            password_hash=password_hash,
            disabled=False,
            created_at=now,
        )
    )
    return user_id
