"""What the dashboard asks the core for, and the one function that answers it.

The page says what it wants as a ``Request`` (a kind of period, how many periods before or
after the running one, whose figures); ``compute_dashboard`` answers it with the core's
figures (``fieldapp.kpi.snapshot.dashboard_for_opening``: the snapshot kept of that view
while it is current, else computed and kept), on the figures worker (``AppContext.figures``,
a thread and a read connection of its own, so seconds of computing never hold up the store
worker's reads and saves). ``refresh_views`` keeps the snapshots of the views a person
opens most current after a sync, so that the next opening is ready at once. Every figure
the page shows comes through these two functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from fieldapp.catalogue import Role
from fieldapp.kpi import Dashboard, Period, PeriodKind, Scope, ScopeKind
from fieldapp.kpi.period import computer_zone, period_containing
from fieldapp.kpi.scope import directory, organisation, rep, team
from fieldapp.kpi.snapshot import View, dashboard_for_opening, refresh_snapshots
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
    scope = scope_of(store, request.scope)
    return dashboard_for_opening(store, period, scope, now=trusted_now(store))


def refresh_views(store: Store, shown: Request) -> int:
    """Bring the snapshots of the view shown and of the person's own running quarter and
    month up to date (those whose records changed, or judged more than five minutes ago);
    returns how many were computed. Three views, not every one a person may choose: each
    costs seconds of a core on a large profile, after every sync that changes something."""
    views = []
    for request in (shown, Request(PeriodKind.QUARTER), Request(PeriodKind.MONTH)):
        view = View(period_of(store, request.kind, request.offset), scope_of(store, request.scope))
        if view not in views:
            views.append(view)
    return len(refresh_snapshots(store, trusted_now(store), zone=computer_zone(), views=views))


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
