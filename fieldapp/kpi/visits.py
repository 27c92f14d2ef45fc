"""Visits planned vs held, cancelled and no-show, per rep and per week.

A visit belongs to the period, and to a week, by its planned start (local day). Every visit
scheduled there was *planned*; it was then *held* (completed), *cancelled*, a *no-show*,
or it is still *open* (planned or checked in, not closed yet): planned = held + cancelled
+ no-show + open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any, ClassVar

from fieldapp.catalogue import VisitStatus
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import Person, person_of
from fieldapp.kpi.table import Ids, Table, ids_data, share

_SLOT = {
    VisitStatus.COMPLETED: "held",
    VisitStatus.CANCELLED: "cancelled",
    VisitStatus.NO_SHOW: "no_show",
    VisitStatus.PLANNED: "open",
    VisitStatus.CHECKED_IN: "open",
}
_SLOTS = ("held", "cancelled", "no_show", "open")  # VisitTally's fields, in order


@dataclass(frozen=True, slots=True)
class VisitTally:
    """The visits of one cell, by what became of them (visit ids)."""

    held: Ids = ()
    cancelled: Ids = ()
    no_show: Ids = ()
    open: Ids = ()

    @property
    def planned(self) -> Ids:
        return self.held + self.cancelled + self.no_show + self.open

    @property
    def held_share(self) -> float | None:
        """Held visits out of those planned (cancelled and no-shows count as not held)."""
        return share(len(self.held), len(self.planned))

    def counts(self) -> tuple[int, int, int, int, int]:
        return (
            len(self.planned),
            len(self.held),
            len(self.cancelled),
            len(self.no_show),
            len(self.open),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "planned": ids_data(self.planned),
            "held": ids_data(self.held),
            "cancelled": ids_data(self.cancelled),
            "no_show": ids_data(self.no_show),
            "open": ids_data(self.open),
            "held_share": self.held_share,
        }


@dataclass(frozen=True, slots=True)
class RepWeek:
    rep: Person
    week: date  # its Monday
    tally: VisitTally


@dataclass(frozen=True, slots=True)
class VisitsFigure:
    name: ClassVar[str] = "visits"
    title: ClassVar[str] = "Visits planned vs held"

    cells: tuple[RepWeek, ...]  # every rep in the figure x every week of the period
    by_rep: tuple[tuple[Person, VisitTally], ...]
    by_week: tuple[tuple[date, VisitTally], ...]
    total: VisitTally

    def table(self) -> Table:
        rows = [
            (
                c.rep.username,
                c.rep.display_name,
                c.week.isoformat(),
                *c.tally.counts(),
                c.tally.held_share,
            )
            for c in self.cells
        ]
        rows += [
            (rep.username, rep.display_name, "all", *tally.counts(), tally.held_share)
            for rep, tally in self.by_rep
        ]
        rows += [
            ("all", "", week.isoformat(), *tally.counts(), tally.held_share)
            for week, tally in self.by_week
        ]
        rows.append(("all", "", "all", *self.total.counts(), self.total.held_share))
        return Table(
            (
                "rep",
                "name",
                "week",
                "planned",
                "held",
                "cancelled",
                "no_show",
                "open",
                "held_share",
            ),
            tuple(rows),
        )

    def records(self) -> Table:
        rows = [
            ("visits", visit_id, c.rep.username, c.week.isoformat(), slot)
            for c in self.cells
            for slot in _SLOTS
            for visit_id in sorted(getattr(c.tally, slot))
        ]
        return Table(("collection", "id", "rep", "week", "became"), tuple(rows))

    def to_data(self) -> dict[str, Any]:
        return {
            "total": self.total.to_data(),
            "by_rep": [{"rep": rep.username, **tally.to_data()} for rep, tally in self.by_rep],
            "by_week": [
                {"week": week.isoformat(), **tally.to_data()} for week, tally in self.by_week
            ],
            "by_rep_and_week": [
                {"rep": c.rep.username, "week": c.week.isoformat(), **c.tally.to_data()}
                for c in self.cells
            ],
        }


def visits_planned_vs_held(reading: Reading) -> VisitsFigure:
    weeks = reading.period.weeks
    # Days are counted from the period's first day; weeks from the Monday before it.
    offset = reading.period.first_day.weekday()
    slot_of = {status.value: slot for status, slot in _SLOT.items()}
    slots: dict[tuple[str, int], dict[str, list[str]]] = {}
    for visit in reading.visits:
        cell = slots.get((visit.rep_id, (visit.day + offset) // 7))
        if cell is None:
            cell = slots[(visit.rep_id, (visit.day + offset) // 7)] = {s: [] for s in _SLOTS}
        cell[slot_of[visit.status]].append(visit.id)
    people = reading.people
    reps = {p.id: p for p in reading.scope.field_reps}
    reps.update({rep_id: person_of(people, rep_id) for rep_id, _ in slots})
    ordered = sorted(reps.values(), key=lambda p: (p.display_name, p.username))
    empty = VisitTally()
    cells = tuple(
        RepWeek(
            rep,
            monday,
            VisitTally(*(tuple(ids) for ids in found.values()))
            if (found := slots.get((rep.id, n)))
            else empty,
        )
        for rep in ordered
        for n, monday in enumerate(weeks)
    )
    per_rep = len(weeks)
    by_rep = tuple(
        (rep, total([c.tally for c in cells[i * per_rep : (i + 1) * per_rep]]))
        for i, rep in enumerate(ordered)
    )
    by_week = tuple(
        (monday, total([c.tally for c in cells[n::per_rep]])) for n, monday in enumerate(weeks)
    )
    return VisitsFigure(cells, by_rep, by_week, total([t for _, t in by_rep]))


def total(tallies: Sequence[VisitTally]) -> VisitTally:
    """The tallies together (one concatenation per status, not one per tally)."""
    return VisitTally(
        *(tuple(chain.from_iterable(getattr(t, slot) for t in tallies)) for slot in _SLOTS)
    )
