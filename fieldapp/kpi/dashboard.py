"""The manager's dashboard (and each rep's own): every figure of one period and scope.

``dashboard()`` computes them all; ``figure()`` one of them (what ``fieldapp kpi --figure``
asks for). Each is a plain read of the local store: nothing here writes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.kpi.backlog import BacklogFigure, backlog
from fieldapp.kpi.commitments import SOURCES, CommitmentSource
from fieldapp.kpi.conversion import DEFAULT_WINDOW_DAYS, ConversionFigure, conversion, window_days
from fieldapp.kpi.coverage import CoverageFigure, coverage
from fieldapp.kpi.period import Period
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import Scope
from fieldapp.kpi.sla import SlaFigure, sla
from fieldapp.kpi.table import Table
from fieldapp.kpi.travel import TravelFigure, travel
from fieldapp.kpi.visits import VisitsFigure, visits_planned_vs_held
from fieldapp.store.database import Store
from fieldapp.team.policies import SlaPolicies

Figure = VisitsFigure | CoverageFigure | ConversionFigure | TravelFigure | SlaFigure | BacklogFigure


@dataclass(frozen=True, slots=True)
class Settings:
    """What a manager may choose besides the period and the scope."""

    window_days: int = DEFAULT_WINDOW_DAYS  # meeting → deal conversion window
    # None: each team's agreement (the policies the server syncs); else the same for all.
    policies: SlaPolicies | None = None
    sources: Sequence[CommitmentSource] = SOURCES

    def __post_init__(self) -> None:
        window_days(self.window_days)


@dataclass(frozen=True, slots=True)
class Dashboard:
    period: Period
    scope: Scope
    computed_at: datetime
    as_of: date
    visits: VisitsFigure
    coverage: CoverageFigure
    conversion: ConversionFigure
    travel: TravelFigure
    sla: SlaFigure
    backlog: BacklogFigure
    seconds: Mapping[str, float] = field(default_factory=dict)  # time each figure took

    @property
    def figures(self) -> tuple[Figure, ...]:
        return (self.visits, self.coverage, self.conversion, self.travel, self.sla, self.backlog)

    def to_data(self) -> dict[str, Any]:
        return {
            **header(self.period, self.scope, self.computed_at),
            **{f.name: f.to_data() for f in self.figures},
        }


Compute = Callable[[Reading, Settings], Figure]

COMPUTE: Mapping[str, Compute] = MappingProxyType(
    {
        "visits": lambda reading, s: visits_planned_vs_held(reading),
        "coverage": lambda reading, s: coverage(reading),
        "conversion": lambda reading, s: conversion(reading, window=s.window_days),
        "travel": lambda reading, s: travel(reading),
        "sla": lambda reading, s: sla(reading, policies=s.policies, sources=s.sources),
        "backlog": lambda reading, s: backlog(reading),
    }
)

# What ``--figure`` accepts: each figure's table, and the two lists it holds.
TABLES: Mapping[str, tuple[str, Callable[[Any], Table]]] = MappingProxyType(
    {
        "visits": ("visits", lambda f: f.table()),
        "coverage": ("coverage", lambda f: f.table()),
        "overdue": ("coverage", lambda f: f.overdue_table()),
        "conversion": ("conversion", lambda f: f.table()),
        "travel": ("travel", lambda f: f.table()),
        "sla": ("sla", lambda f: f.table()),
        "breaches": ("sla", lambda f: f.breach_table()),
        "backlog": ("backlog", lambda f: f.table()),
    }
)


def header(period: Period, scope: Scope, computed_at: datetime) -> dict[str, Any]:
    return {
        "period": {
            "kind": period.kind,
            "label": period.label,
            "first_day": period.first_day.isoformat(),
            "last_day": period.last_day.isoformat(),
            "time_zone": str(period.zone),
        },
        "scope": {"kind": scope.kind, "name": scope.name},
        "as_of": period.as_of(computed_at).isoformat(),
        "computed_at": computed_at.isoformat(timespec="seconds"),
    }


def figure_named(name: str) -> str:
    """The figure ``--figure NAME`` belongs to, or a ValidationError listing the names."""
    if name not in TABLES:
        raise ValidationError(
            "figure", "dashboard.no_figure_named_choose", name=repr(name), value=", ".join(TABLES)
        )
    return TABLES[name][0]


def figure(
    store: Store,
    period: Period,
    scope: Scope,
    name: str,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
) -> Figure:
    """One figure by its name in ``COMPUTE``."""
    reading = Reading(store, period, scope, now or store.clock())
    return COMPUTE[figure_named(name)](reading, settings or Settings())


def dashboard(
    store: Store,
    period: Period,
    scope: Scope,
    *,
    now: datetime | None = None,
    settings: Settings | None = None,
) -> Dashboard:
    """Every figure of ``period`` for ``scope``, judged at ``now`` (the store's clock)."""
    moment = now or store.clock()
    chosen = settings or Settings()
    reading = Reading(store, period, scope, moment)
    computed: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    for name, compute in COMPUTE.items():
        began = time.perf_counter()
        computed[name] = compute(reading, chosen)
        # What a figure reads first is counted in its time; later ones share it.
        seconds[name] = time.perf_counter() - began
    return Dashboard(
        period,
        scope,
        moment,
        period.as_of(moment),
        seconds=MappingProxyType(seconds),
        **computed,
    )
