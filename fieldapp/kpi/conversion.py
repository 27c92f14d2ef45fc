"""Meeting → deal conversion: the share of held visits followed, within a window, by an
opportunity of the same account moving to won, and the amounts won.

A held visit (completed, in the period by its planned start's local day *d*) is
**converted** when an opportunity of its account is closed won on a day *w* with
d <= w <= d + window. The day an opportunity was won is its close date (a CRM sets the close
date of a won deal to the day it closed); one without a close date was won on the local
day of its last change. A visit not converted whose window has not ended yet (d + window
is today or later) is **waiting**: it may still convert. Each won deal is counted once in the
totals, and once for each rep whose visit it followed; amounts are summed per currency.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from fieldapp import validation as check
from fieldapp.catalogue import VisitStatus
from fieldapp.kpi.period import LocalDays
from fieldapp.kpi.reading import Reading
from fieldapp.kpi.scope import Person, person_of
from fieldapp.kpi.table import Ids, Table, ids_data, share
from fieldapp.store.database import Store

DEFAULT_WINDOW_DAYS = 30
MAX_WINDOW_DAYS = 365
_DAY = timedelta(days=1)


def window_days(value: Any) -> int:
    return check.whole_number(
        "window", value, label="The conversion window (days)", minimum=1, maximum=MAX_WINDOW_DAYS
    )


@dataclass(frozen=True, slots=True)
class WonDeal:
    opportunity_id: str
    account_id: str
    name: str
    amount: float | None
    currency: str | None
    won_on: date
    visits: Ids  # the held visits of the period it followed


@dataclass(frozen=True, slots=True)
class Conversion:
    """One rep's conversion (``rep`` None: everyone in scope)."""

    rep: Person | None
    held: Ids
    converted: Ids
    waiting: Ids
    deals: Ids  # opportunity ids
    amounts: tuple[tuple[str, float], ...]  # (currency, amount won), by currency

    @property
    def share(self) -> float | None:
        return share(len(self.converted), len(self.held))

    def to_data(self) -> dict[str, Any]:
        return {
            "rep": self.rep.username if self.rep else None,
            "held": ids_data(self.held),
            "converted": ids_data(self.converted),
            "waiting": ids_data(self.waiting),
            "won_opportunities": ids_data(self.deals),
            "amounts": dict(self.amounts),
            "share": self.share,
        }


@dataclass(frozen=True, slots=True)
class ConversionFigure:
    name: ClassVar[str] = "conversion"
    title: ClassVar[str] = "Meeting → deal conversion"

    window_days: int
    total: Conversion
    by_rep: tuple[Conversion, ...]
    deals: tuple[WonDeal, ...]  # newest win first

    def table(self) -> Table:
        return Table(
            ("rep", "held", "converted", "waiting", "share", "won_deals", "amounts", "window_days"),
            tuple(
                (
                    c.rep.username if c.rep else "all",
                    len(c.held),
                    len(c.converted),
                    len(c.waiting),
                    c.share,
                    len(c.deals),
                    _amounts_text(c.amounts),
                    self.window_days,
                )
                for c in (*self.by_rep, self.total)
            ),
        )

    def records(self) -> Table:
        converted = set(self.total.converted)
        waiting = set(self.total.waiting)
        rows: list[tuple[Any, ...]] = [
            (
                "visits",
                visit_id,
                "converted"
                if visit_id in converted
                else "waiting"
                if visit_id in waiting
                else "not converted",
            )
            for visit_id in sorted(self.total.held)
        ]
        rows += [("opportunities", d.opportunity_id, "won") for d in self.deals]
        return Table(("collection", "id", "state"), tuple(rows))

    def to_data(self) -> dict[str, Any]:
        return {
            "window_days": self.window_days,
            "total": self.total.to_data(),
            "by_rep": [c.to_data() for c in self.by_rep],
            "deals": [
                {
                    "opportunity_id": d.opportunity_id,
                    "account_id": d.account_id,
                    "name": d.name,
                    "amount": d.amount,
                    "currency": d.currency,
                    "won_on": d.won_on.isoformat(),
                    "visits": sorted(d.visits),
                }
                for d in self.deals
            ],
        }


def _amounts_text(amounts: tuple[tuple[str, float], ...]) -> str:
    return " + ".join(f"{amount:,.2f} {currency}" for currency, amount in amounts) or "0"


def conversion(reading: Reading, *, window: int = DEFAULT_WINDOW_DAYS) -> ConversionFigure:
    window = window_days(window)
    period = reading.period
    days = LocalDays(period.first_day, period.last_day + window * _DAY, period.zone)
    wins = _wins(reading.store, days)
    today = reading.now.astimezone(period.zone).date()
    # A visit on day d may still convert while d + window is today or later.
    waiting_from = (today - period.first_day).days - window
    completed = VisitStatus.COMPLETED.value
    held: dict[str, list[str]] = defaultdict(list)
    converted: dict[str, list[str]] = defaultdict(list)
    waiting: dict[str, list[str]] = defaultdict(list)
    followed: dict[str, list[str]] = defaultdict(list)  # opportunity -> visits
    deals_by_rep: dict[str, set[str]] = defaultdict(set)
    for visit in reading.visits:
        if visit.status != completed:
            continue
        held[visit.rep_id].append(visit.id)
        hit = False
        for win in wins.get(visit.account_id, ()):
            if 0 <= (win.won_on - period.first_day).days - visit.day <= window:
                followed[win.opportunity_id].append(visit.id)
                deals_by_rep[visit.rep_id].add(win.opportunity_id)
                hit = True
        if hit:
            converted[visit.rep_id].append(visit.id)
        elif visit.day >= waiting_from:
            waiting[visit.rep_id].append(visit.id)
    deals = [
        WonDeal(
            w.opportunity_id,
            w.account_id,
            w.name,
            w.amount,
            w.currency,
            w.won_on,
            tuple(followed[w.opportunity_id]),
        )
        for account_wins in wins.values()
        for w in account_wins
        if w.opportunity_id in followed
    ]
    deals.sort(key=lambda d: (d.won_on, d.opportunity_id), reverse=True)
    by_id = {d.opportunity_id: d for d in deals}
    people = reading.people
    reps = {p.id for p in reading.scope.field_reps} | set(held)
    ordered = sorted(
        (person_of(people, rep_id) for rep_id in reps), key=lambda p: (p.display_name, p.username)
    )
    by_rep = tuple(
        Conversion(
            rep,
            tuple(held.get(rep.id, ())),
            tuple(converted.get(rep.id, ())),
            tuple(waiting.get(rep.id, ())),
            tuple(sorted(deals_by_rep.get(rep.id, ()))),
            _sum_amounts(by_id[o] for o in deals_by_rep.get(rep.id, ())),
        )
        for rep in ordered
    )
    everyone = Conversion(
        None,
        tuple(v for c in by_rep for v in c.held),
        tuple(v for c in by_rep for v in c.converted),
        tuple(v for c in by_rep for v in c.waiting),
        tuple(sorted(by_id)),
        _sum_amounts(deals),
    )
    return ConversionFigure(window, everyone, by_rep, tuple(deals))


@dataclass(frozen=True, slots=True)
class _Win:
    opportunity_id: str
    account_id: str
    name: str
    amount: float | None
    currency: str | None
    won_on: date


def _wins(store: Store, days: LocalDays) -> dict[str, list[_Win]]:
    """Opportunities won from the period's first day to its last day plus the window."""
    wins: dict[str, list[_Win]] = defaultdict(list)
    # The SQL bounds are a day wider than the period (updated_at is UTC, not local); the
    # local day is then checked exactly.
    for row in store.rows(
        """SELECT id, account_id, name, amount, currency, close_date, updated_at
           FROM opportunities
           WHERE stage = 'closed_won'
             AND coalesce(close_date, substr(updated_at, 1, 10)) BETWEEN ? AND ?""",
        ((days.first - _DAY).isoformat(), (days.last + _DAY).isoformat()),
    ):
        opportunity_id, account_id, name, amount, currency, close_date, updated_at = row
        won_on = date.fromisoformat(close_date) if close_date else days.day_of(updated_at)
        if days.first <= won_on <= days.last:
            wins[account_id].append(
                _Win(opportunity_id, account_id, name, amount, currency, won_on)
            )
    return wins


def _sum_amounts(deals: Any) -> tuple[tuple[str, float], ...]:
    sums: dict[str, float] = defaultdict(float)
    for deal in deals:
        if deal.amount is not None:
            sums[deal.currency or ""] += deal.amount
    return tuple(sorted(sums.items()))
