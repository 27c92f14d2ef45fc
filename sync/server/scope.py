"""Who may see what: a person's scope is a set of territories.

A field rep sees the accounts of their territory and everything attached to them; an
inside rep or a manager sees every account of their team's territories; a manager with no
team sees the whole organisation. Everyone sees the staff directory (the ``users``
collection: names of note authors and account owners), which is why users carry the
pseudo-territory ``"*"``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sync.server.tables import records, territories

EVERYONE = "*"
# A person's own channel in the feed (their read marks): "@" and their id. Territory names
# never start with "@" (staff.py refuses one).
PERSONAL_PREFIX = "@"


def personal_channel(user_id: str) -> str:
    return f"{PERSONAL_PREFIX}{user_id}"


@dataclass(frozen=True)
class Profile:
    """A person as the server knows them: their ``users`` record."""

    id: str
    username: str
    display_name: str
    role: str
    team: str | None
    territory: str | None
    email: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
            "team": self.team,
            "territory": self.territory,
            "email": self.email,
        }


@dataclass(frozen=True)
class Scope:
    kind: str  # territory | team | organisation
    territories: frozenset[str]
    team: str | None
    everything: bool = False
    # The person's own channel (personal_channel): never in the fingerprint, since it
    # never changes for a person, so cursors issued before it existed stay valid.
    personal: str | None = None

    def channels(self) -> list[str]:
        """What a page of the feed reads: the territories, everyone's, the person's own."""
        named = {*self.territories, EVERYONE}
        if self.personal is not None:
            named.add(self.personal)
        return sorted(named)

    def includes(self, territory: str | None) -> bool:
        """Whether records filed under ``territory`` are this scope's to write.

        The staff directory's pseudo-territory ``"*"`` is everyone's to read (the feed sends
        it to all) and nobody's to write into: an account filed there would reach every rep
        of every team, and each of them could add to it.
        """
        if territory is None or territory == EVERYONE:
            return False
        return self.everything or territory in self.territories

    def fingerprint(self) -> str:
        """A short digest of the scope, kept in feed cursors: a cursor taken under another
        scope would skip what the person just gained, so it is refused (see feed.py)."""
        text = "*" if self.everything else json.dumps(sorted(self.territories))
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "territories": sorted(self.territories), "team": self.team}


def load_profile(conn: Connection, user_id: str) -> Profile | None:
    row = conn.execute(
        sa.select(records.c.data).where(
            records.c.collection == "users", records.c.id == user_id, ~records.c.deleted
        )
    ).first()
    if row is None:
        return None
    data = json.loads(row.data)
    return Profile(
        id=user_id,
        username=data["username"],
        display_name=data.get("display_name") or data["username"],
        role=data["role"],
        team=data.get("team"),
        territory=data.get("territory"),
        email=data.get("email"),
    )


def team_territories(conn: Connection, team: str) -> frozenset[str]:
    rows = conn.execute(sa.select(territories.c.name).where(territories.c.team == team))
    return frozenset(row.name for row in rows)


def scope_for(conn: Connection, person: Profile) -> Scope:
    own_channel = personal_channel(person.id)
    if person.role == "field":
        own = frozenset({person.territory}) if person.territory else frozenset()
        return Scope("territory", own, person.team, personal=own_channel)
    if person.role == "manager" and not person.team:
        every = conn.execute(sa.select(territories.c.name))
        return Scope(
            "organisation",
            frozenset(r.name for r in every),
            None,
            everything=True,
            personal=own_channel,
        )
    if person.team:
        return Scope("team", team_territories(conn, person.team), person.team, personal=own_channel)
    # An inside rep attached to no team sees no accounts until an administrator sets one.
    return Scope("team", frozenset(), None, personal=own_channel)
