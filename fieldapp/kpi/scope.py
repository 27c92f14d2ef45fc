"""Whose figures a dashboard shows: the whole organisation the profile holds, one team, or
one rep; and who may ask for which.

A manager's profile holds the organisation; a field rep's holds their territory, and a
field rep's dashboard is about themselves (the reduced one of issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fieldapp.catalogue import Role
from fieldapp.errors import PermissionDeniedError, ValidationError
from fieldapp.store.database import Store
from fieldapp.usecases.people import current_user


class ScopeKind(StrEnum):
    ORGANISATION = "organisation"
    TEAM = "team"
    REP = "rep"


@dataclass(frozen=True, slots=True)
class Person:
    """Who a figure is about, as the staff directory names them."""

    id: str
    username: str
    display_name: str
    role: str | None  # None: someone the profile's directory does not know
    team: str | None

    @classmethod
    def unknown(cls, user_id: str) -> Person:
        return cls(user_id, user_id, "(unknown person)", None, None)


@dataclass(frozen=True, slots=True)
class Scope:
    """The people a dashboard is about. ``people`` are the users in scope, by name."""

    kind: ScopeKind
    name: str | None  # the team's name or the rep's username; None for the organisation
    people: tuple[Person, ...]

    @property
    def label(self) -> str:
        if self.kind is ScopeKind.ORGANISATION:
            return "the organisation"
        return f"team {self.name}" if self.kind is ScopeKind.TEAM else f"rep {self.name}"

    @property
    def field_reps(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.role == Role.FIELD)

    def where(self, column: str) -> tuple[str, list[str]]:
        """An SQL condition that keeps the rows whose ``column`` (a user id) is in scope.

        ``column`` is always a name written in this package, never input.
        """
        if self.kind is ScopeKind.ORGANISATION:
            return "1 = 1", []
        if self.kind is ScopeKind.TEAM:
            return f"{column} IN (SELECT id FROM users WHERE team = ?)", [str(self.name)]
        return f"{column} = ?", [self.people[0].id]


def person_of(people: dict[str, Person], user_id: str) -> Person:
    return people.get(user_id) or Person.unknown(user_id)


def directory(store: Store) -> dict[str, Person]:
    """Everyone the profile's staff directory knows, by id."""
    return {
        row[0]: Person(row[0], row[1], row[2], row[3], row[4])
        for row in store.rows("SELECT id, username, display_name, role, team FROM users")
    }


def organisation(store: Store) -> Scope:
    people = sorted(directory(store).values(), key=lambda p: (p.display_name, p.username))
    return Scope(ScopeKind.ORGANISATION, None, tuple(people))


def team(store: Store, name: str) -> Scope:
    people = sorted(
        (p for p in directory(store).values() if p.team == name),
        key=lambda p: (p.display_name, p.username),
    )
    if not people:
        known = sorted({p.team for p in directory(store).values() if p.team})
        raise ValidationError(
            "team",
            "scope.no_team_named_teams" if known else "scope.no_team_named",
            name=repr(name),
            teams=", ".join(known),
        )
    return Scope(ScopeKind.TEAM, name, tuple(people))


def rep(store: Store, username: str) -> Scope:
    found = [p for p in directory(store).values() if p.username == username]
    if not found:
        raise ValidationError(
            "rep", "scope.nobody_with_username_in_profile", username=repr(username)
        )
    return Scope(ScopeKind.REP, username, (found[0],))


def scope_for(store: Store, *, team_name: str | None = None, username: str | None = None) -> Scope:
    """The scope the signed-in person asked for, or their default one.

    A field rep sees their own figures only; inside reps and managers may choose any team
    or rep, and by default see their own team (the organisation when they have none).
    """
    if team_name is not None and username is not None:
        raise ValidationError("scope", "scope.choose_team_or_rep_not_both")
    me = current_user(store)
    if me.role == Role.FIELD:
        if team_name is not None or (username is not None and username != me.username):
            raise PermissionDeniedError("scope.field_reps_dashboard_about_themselves_team")
        return rep(store, me.username)
    if username is not None:
        return rep(store, username)
    if team_name is not None:
        return team(store, team_name)
    return team(store, me.team) if me.team else organisation(store)
