"""What the dashboard asks the core for, and the one function that answers it.

The page says what it wants as a ``Request`` (a kind of period, how many periods before or
after the running one, whose figures); ``compute_dashboard`` turns it into the core's
``fieldapp.kpi.dashboard`` on the store worker. Every figure the page shows comes through
that one function, so a faster source (a cache, the server) replaces it in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fieldapp.catalogue import Role
from fieldapp.kpi import Dashboard, Period, PeriodKind, Scope, ScopeKind, Settings, dashboard
from fieldapp.kpi.period import computer_zone, period_containing
from fieldapp.kpi.scope import directory, organisation, rep, team
from fieldapp.store.database import Store
from fieldapp.usecases.people import current_user
from fieldapp.usecases.server_time import trusted_now

PERIOD_KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER)
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ScopeChoice:
    """Whose figures: the organisation, a team (its name) or a rep (their username)."""

    kind: ScopeKind
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    kind: PeriodKind = PeriodKind.MONTH
    offset: int = 0  # periods from the running one: -1 is the one before
    scope: ScopeChoice | None = None  # None: the signed-in person's default (scope_for)


@dataclass(frozen=True, slots=True)
class ScopeOption:
    """One entry of the scope control."""

    choice: ScopeChoice
    label: str  # a team's code or a person's name, as the directory has it
    role: str | None = None  # a rep's role (field, inside)


def period_of(store: Store, kind: PeriodKind, offset: int) -> Period:
    """The period ``offset`` periods away from the one running now (the trusted now, in
    the computer's time zone: the days a person lives in)."""
    zone = computer_zone()
    period = period_containing(kind, trusted_now(store).astimezone(zone).date(), zone)
    for _ in range(abs(offset)):
        step = period.first_day - _DAY if offset < 0 else period.last_day + _DAY
        period = period_containing(kind, step, zone)
    return period


def scope_of(store: Store, choice: ScopeChoice | None) -> Scope:
    """The scope a choice names. A rep who is not a manager gets their own figures, whatever
    is asked: "My figures" is about themselves (as ``fieldapp kpi`` for a field rep)."""
    me = current_user(store)
    if me.role != Role.MANAGER:
        return rep(store, me.username)
    if choice is None:
        return team(store, me.team) if me.team else organisation(store)
    if choice.kind is ScopeKind.TEAM and choice.name is not None:
        return team(store, choice.name)
    if choice.kind is ScopeKind.REP and choice.name is not None:
        return rep(store, choice.name)
    return organisation(store)


def compute_dashboard(store: Store, request: Request) -> Dashboard:
    """Every figure the page shows, for ``request``: the one door to the core's figures."""
    period = period_of(store, request.kind, request.offset)
    return dashboard(
        store, period, scope_of(store, request.scope), now=trusted_now(store), settings=Settings()
    )


def scope_options(store: Store) -> tuple[ScopeOption, ...]:
    """The organisation, then each team followed by its reps (field, then inside)."""
    people = directory(store).values()
    options = [ScopeOption(ScopeChoice(ScopeKind.ORGANISATION), "")]
    teams = sorted({p.team for p in people if p.team})
    for name in teams:
        options.append(ScopeOption(ScopeChoice(ScopeKind.TEAM, name), name))
        members = sorted(
            (p for p in people if p.team == name and p.role in (Role.FIELD, Role.INSIDE)),
            key=lambda p: (p.role != Role.FIELD, p.display_name, p.username),
        )
        options += [
            ScopeOption(ScopeChoice(ScopeKind.REP, p.username), p.display_name, p.role)
            for p in members
        ]
    return tuple(options)
