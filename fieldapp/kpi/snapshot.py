"""Dashboard snapshots: the figures of the views a person opens, kept ready beside the profile.

A quarter of a 50,000-account organisation takes seconds to compute (docs/performance.md,
"The manager's dashboard"), and issue 11 wants it ready half a second after opening. So the
views a person opens are computed ahead, off the UI thread (``refresh_snapshots``: the
window refreshes the view shown and the person's running quarter and month after each
change and every 5 minutes, ``ui/dashboard/model.refresh_views``; ``default_views`` lists
every view a person may choose, for a command or a quiet hour), and kept in
``dashboard-snapshots.db`` beside the profile's database (``snapshot_path``) with:

- the **data stamp** they were computed from (fieldapp/store/schema.py): a token of the
  profile that every committed write to a record or to the outbox replaces. Read in the
  same read transaction as the figures, so a snapshot is never newer or older than the
  records it counts;
- the **instant they were judged at** (``Dashboard.computed_at``): the SLA clocks, the ages
  of what waits and the as-of day depend on it.

``dashboard_for_opening`` shows a snapshot only while its stamp is the store's, it was
judged at most ``FRESH_FOR`` ago, on the same as-of day, by this version of the figures'
code, for the default settings; anything else is computed on the spot (and kept, so the
next opening is quick). Either way the result is what ``dashboard()`` would return at the
snapshot's ``computed_at``: the figures, their record ids (drill-down) and their timings.

A file of its own rather than a table of the profile: snapshots are a cache (tens of
megabytes for a manager, rewritten after each sync) that backups before a migration,
exports and restores have no business copying, and a damaged cache is thrown away
without touching the records. Only SQLite opens it.

The figures are stored pickled: a Dashboard is a tree of frozen dataclasses holding
hundreds of thousands of ids, and pickle rebuilds it exactly and fastest. Loading goes
through an unpickler that builds nothing but the figures' own classes
(``_FigureUnpickler``), so a damaged or tampered file gives a fresh computation, never
arbitrary objects. Derived data: never synced, never in the outbox, thrown away freely.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import functools
import gc
import hashlib
import io
import logging
import pickle
import sqlite3
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import fieldapp
from fieldapp.catalogue import Role
from fieldapp.clock import from_text, to_text
from fieldapp.kpi.dashboard import Dashboard, Settings, dashboard
from fieldapp.kpi.period import Period, period_containing
from fieldapp.kpi.scope import Scope, directory, organisation, rep, scope_for, team
from fieldapp.store.database import Store
from fieldapp.store.schema import RECORDS_STAMP_KEY
from fieldapp.usecases.people import current_user

log = logging.getLogger(__name__)

# How long a snapshot may be shown after it was judged: SLA clocks and ages move on with
# time even when no record changes (an item falls overdue), and a quarter's figures a
# quarter of an hour old are what a manager expects from a dashboard that says when it
# was computed. Past that, opening computes.
FRESH_FOR = timedelta(minutes=15)
# A refresh leaves alone a snapshot that is current and at most this old, so a refresh at
# start-up and one after a sync that brought nothing do not recompute everything.
REFRESH_AFTER = timedelta(minutes=5)
SNAPSHOT_FILE = "dashboard-snapshots.db"  # beside the profile's database
_TABLE = """CREATE TABLE IF NOT EXISTS snapshots (
    period_kind TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    scope_kind TEXT NOT NULL,
    scope_name TEXT NOT NULL,
    format TEXT NOT NULL,
    data_stamp TEXT NOT NULL,
    judged_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    figures BLOB NOT NULL,
    PRIMARY KEY (period_kind, first_day, last_day, time_zone, scope_kind, scope_name)
)"""
_BUSY_MS = 5000
# The dashboard page opens on the running month (docs/decisions.md), so it comes first.
PERIOD_KINDS = ("month", "quarter", "week")


@dataclass(frozen=True, slots=True)
class View:
    """A dashboard a person can open: a period and a scope."""

    period: Period
    scope: Scope


def data_stamp(store: Store) -> str:
    """The records' data stamp: another one whenever a record or the outbox changed."""
    return store.profile_value(RECORDS_STAMP_KEY) or ""  # "": none changed since creation


def snapshot_path(store: Store) -> Path:
    return store.path.with_name(SNAPSHOT_FILE)


@contextlib.contextmanager
def _kept(store: Store) -> Iterator[sqlite3.Connection]:
    """The snapshot file, opened for one read or write (created when missing)."""
    conn = sqlite3.connect(snapshot_path(store), timeout=_BUSY_MS / 1000, isolation_level=None)
    try:
        # Pages of 64 KiB (set when the file is made): a snapshot is one row of megabytes,
        # read in 16 times fewer pages than SQLite's default 4 KiB, which matters most
        # when it comes from the disk after a restart.
        conn.execute("PRAGMA page_size = 65536")
        conn.execute("PRAGMA journal_mode = WAL")  # the worker writes while a window reads
        conn.execute(_TABLE)
        yield conn
    finally:
        conn.close()


def default_views(store: Store, today: date, zone: tzinfo) -> list[View]:
    """The views the profile's person is likely to open, most likely first: their default
    scope's running month first (where the page opens); then the previous month, the
    running and previous quarter and week; then the same for every other scope they may
    choose (the organisation and each team for inside reps and managers, themselves only
    for a field rep)."""
    me = current_user(store)
    periods: list[Period] = []
    for kind in PERIOD_KINDS:
        running = period_containing(kind, today, zone)
        periods += [running, period_containing(kind, running.first_day - timedelta(days=1), zone)]
    if me.role == Role.FIELD:
        scopes = [rep(store, me.username)]
    else:
        teams = sorted({p.team for p in directory(store).values() if p.team})
        scopes = [scope_for(store), organisation(store), *(team(store, t) for t in teams)]
    chosen: list[Scope] = []
    for scope in scopes:
        if all(_scope_key(scope) != _scope_key(seen) for seen in chosen):
            chosen.append(scope)
    return [View(period, scope) for scope in chosen for period in periods]


def refresh_snapshots(
    store: Store,
    now: datetime | None = None,
    *,
    zone: tzinfo,
    views: Iterable[View] | None = None,
) -> list[View]:
    """Compute and keep the snapshot of each view (``default_views`` unless given) that is
    not current; returns the views computed. For the store worker after each sync and at
    start: seconds of work on a large profile, never on the UI thread."""
    moment = now or store.clock()
    chosen = (
        list(views)
        if views is not None
        else default_views(store, moment.astimezone(zone).date(), zone)
    )
    computed = []
    for view in chosen:
        held = _held(store, view.period, view.scope, with_figures=False)
        if (
            held is not None
            and _current(held, data_stamp(store), view.period, moment)
            and moment - held.judged_at <= REFRESH_AFTER
        ):
            continue
        _compute_and_keep(store, view.period, view.scope, moment)
        computed.append(view)
    return computed


def dashboard_for_opening(
    store: Store,
    period: Period,
    scope: Scope,
    settings: Settings | None = None,
    now: datetime | None = None,
) -> Dashboard:
    """The dashboard a window shows on opening: the kept snapshot when it is current
    (module docstring), else computed now and kept. The same figures as ``dashboard()``
    judged at the result's ``computed_at``."""
    moment = now or store.clock()
    if settings is not None and settings != Settings():
        # Snapshots are of the default settings only: a chosen window is computed.
        return dashboard(store, period, scope, now=moment, settings=settings)
    with store.reading():
        held = _held(store, period, scope)
        if held is not None and _current(held, data_stamp(store), period, moment):
            board = held.load()
            if board is not None:
                return board
    return _compute_and_keep(store, period, scope, moment)


def snapshot_judged_at(store: Store, period: Period, scope: Scope) -> datetime | None:
    """When the kept snapshot of this view was judged, or None when none is kept."""
    held = _held(store, period, scope, with_figures=False)
    return None if held is None else held.judged_at


def clear_snapshots(store: Store) -> None:
    """Throw every snapshot away (derived data: the next opening computes)."""
    with _kept(store) as conn:
        conn.execute("DELETE FROM snapshots")


# -- what is kept -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Held:
    format: str
    data_stamp: str
    judged_at: datetime
    as_of: date
    figures: bytes

    def load(self) -> Dashboard | None:
        try:
            board = _loads(self.figures)
        except Exception as exc:  # damaged or foreign: compute instead, and say why
            log.warning("dashboard snapshot unreadable (%s); computing instead", exc)
            return None
        return board if isinstance(board, Dashboard) else None


def _period_key(period: Period) -> tuple[str, str, str, str]:
    return (
        str(period.kind),
        period.first_day.isoformat(),
        period.last_day.isoformat(),
        str(period.zone),
    )


def _scope_key(scope: Scope) -> tuple[str, str]:
    return (str(scope.kind), scope.name or "")


_KEY = (
    "period_kind = ? AND first_day = ? AND last_day = ? AND time_zone = ?"
    " AND scope_kind = ? AND scope_name = ?"
)


def _held(store: Store, period: Period, scope: Scope, *, with_figures: bool = True) -> _Held | None:
    figures = "figures" if with_figures else "x''"  # the blob is megabytes: read it to show it
    try:
        with _kept(store) as conn:
            row = conn.execute(
                f"SELECT format, data_stamp, judged_at, as_of, {figures} FROM snapshots"
                f" WHERE {_KEY}",
                (*_period_key(period), *_scope_key(scope)),
            ).fetchone()
    except sqlite3.Error as exc:  # a damaged cache: compute instead
        log.warning("dashboard snapshots unreadable (%s); computing instead", exc)
        return None
    if row is None:
        return None
    return _Held(
        str(row[0]),
        str(row[1]),
        from_text(row[2]),
        date.fromisoformat(row[3]),
        bytes(row[4]),
    )


def _current(held: _Held, stamp: str, period: Period, now: datetime) -> bool:
    age = now - held.judged_at
    return (
        held.format == figures_format()
        and held.data_stamp == stamp
        and timedelta(0) <= age <= FRESH_FOR  # a clock set back shows nothing from "later"
        and held.as_of == period.as_of(now)
    )


def _compute_and_keep(store: Store, period: Period, scope: Scope, now: datetime) -> Dashboard:
    # The stamp is read in the same read transaction as the figures: a write committed by
    # another connection during the seconds of computing leaves the snapshot stamped with
    # the state it counted, so it is stale at once rather than wrongly current.
    with store.reading():
        stamp = data_stamp(store)
        board = dashboard(store, period, scope, now=now)
    try:
        with _kept(store) as conn:
            conn.execute(
                """INSERT OR REPLACE INTO snapshots (period_kind, first_day, last_day,
                       time_zone, scope_kind, scope_name, format, data_stamp, judged_at,
                       as_of, figures)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    *_period_key(period),
                    *_scope_key(scope),
                    figures_format(),
                    stamp,
                    to_text(board.computed_at),
                    board.as_of.isoformat(),
                    _dumps(board),
                ),
            )
    except sqlite3.Error as exc:  # a full disk, a damaged cache: the figures still show
        log.warning("dashboard snapshot not kept: %s", exc)
    return board


# -- pickling -----------------------------------------------------------------------------
# A quarter of an organisation is some 700,000 objects (ids, dates, 46,000 small records).
# Two things make loading them 3-4 times faster than plain pickle: the figures' frozen
# dataclasses are rebuilt by ``_rebuild`` (one call setting every field) rather than by
# dataclasses' own ``__setstate__``, which looks their fields up again for each object; and
# the cyclic garbage collector is held off while loading, since it would otherwise walk
# the growing tree again and again (nothing loaded holds a cycle).


def _frozen_mapping(items: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    return types.MappingProxyType(items)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """A frozen dataclass instance with exactly these field values (no ``__post_init__``:
    the fields it derives are among the values)."""
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise pickle.UnpicklingError(f"not a figure's class: {cls!r}")
    names = _field_names(cls)
    if len(names) != len(values):
        raise pickle.UnpicklingError(f"{cls.__name__} has {len(names)} fields")
    built = object.__new__(cls)
    for name, value in zip(names, values, strict=True):
        object.__setattr__(built, name, value)
    return built


class _FigurePickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, types.MappingProxyType):
            return _frozen_mapping, (dict(obj),)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            cls = type(obj)
            return _rebuild, (cls, tuple(getattr(obj, name) for name in _field_names(cls)))
        return NotImplemented


def _dumps(board: Dashboard) -> bytes:
    out = io.BytesIO()
    _FigurePickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(board)
    # Not compressed: zlib's fastest level keeps the organisation's quarter in 10 MB
    # instead of 23 (mostly ids), but costs 80 ms more on each opening, a sixth of the
    # half second allowed; the cache is the profile's own disk space (docs/team-loop.md).
    return out.getvalue()


def _loads(data: bytes) -> Any:
    collecting = gc.isenabled()
    gc.disable()
    try:
        board = _FigureUnpickler(io.BytesIO(data)).load()
        # Its 700,000 objects (no cycles among them) left out of every later collection:
        # walking them took 0.1-0.15 s after each opening in the window. Reference
        # counting still frees them when the figures are replaced; what else is alive now
        # is left out too, so a cycle it later becomes part of is not collected (a small,
        # bounded cost against a tenth of a second on every opening).
        gc.freeze()
        return board
    finally:
        if collecting:
            gc.enable()


# What a snapshot may hold besides the figures' own classes (fieldapp.kpi, fieldapp.team's
# policies, the catalogue's vocabulary).
_ALLOWED_ELSEWHERE = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("zoneinfo", "ZoneInfo"),
    (__name__, "_frozen_mapping"),
    (__name__, "_rebuild"),
}
_ALLOWED_PACKAGES = ("fieldapp.kpi.", "fieldapp.team.", "fieldapp.catalogue.")


def _enum_member(cls: Any, name: str) -> Any:
    """``getattr`` as enums and time zones are pickled with it, for nothing else."""
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return cls[name]
    if cls is ZoneInfo and name == "_unpickle":
        return ZoneInfo._unpickle  # type: ignore[attr-defined]
    raise pickle.UnpicklingError(f"a dashboard snapshot does not hold {cls!r}.{name}")


class _FigureUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("builtins", "getattr"):
            return _enum_member
        if (module, name) in _ALLOWED_ELSEWHERE or (
            module.startswith(_ALLOWED_PACKAGES) and not name.startswith("_")
        ):
            found = super().find_class(module, name)
            if (module, name) in _ALLOWED_ELSEWHERE or isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"a dashboard snapshot does not hold {module}.{name}")


@functools.cache
def figures_format() -> str:
    """What the figures' code is: a snapshot written by another version is recomputed,
    since its classes may have other fields. The digest of the package's sources (or,
    where they are not readable, in a frozen bundle, the app's version)."""
    digest = hashlib.sha256(f"fieldapp {fieldapp.__version__}".encode())
    folder = Path(__file__).parent
    try:
        for source in sorted(folder.glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:16]


__all__ = [
    "FRESH_FOR",
    "REFRESH_AFTER",
    "View",
    "clear_snapshots",
    "dashboard_for_opening",
    "data_stamp",
    "default_views",
    "figures_format",
    "refresh_snapshots",
    "snapshot_judged_at",
    "snapshot_path",
]
