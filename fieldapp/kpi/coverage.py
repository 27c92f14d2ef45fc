"""Coverage: the share of A, B and C accounts visited within their visit-frequency target,
and the overdue list, as of the period's last day (today while the period runs).

An account of target *f* days (its own, else its tier's default) whose last held visit
(completed, by its planned start's local day *L*) is at most *f* days before the as-of
day *D* is **covered**: D - L <= f. Otherwise it is **overdue**, by D - (L + f) days, except
an account never visited that is younger than its target (created on day C with
D - C <= f): it is **not due yet** and left out of the share. Overdue since (C + f) when never
visited. Accounts created after the as-of day did not exist yet and are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar

from fieldapp.catalogue import DEFAULT_VISIT_FREQUENCY_DAYS, Tier
from fieldapp.kpi.period import LocalDays
from fieldapp.kpi.reading import AccountRow, Reading
from fieldapp.kpi.scope import Person, person_of
from fieldapp.kpi.table import Ids, Table, ids_data, share

_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class TierCoverage:
    tier: Tier | None  # None: every tier together
    covered: Ids
    overdue: Ids
    not_due_yet: Ids

    @property
    def share(self) -> float | None:
        """Covered out of covered + overdue."""
        return share(len(self.covered), len(self.covered) + len(self.overdue))

    def to_data(self) -> dict[str, Any]:
        return {
            "tier": self.tier,
            "covered": ids_data(self.covered),
            "overdue": ids_data(self.overdue),
            "not_due_yet": ids_data(self.not_due_yet),
            "share": self.share,
        }


@dataclass(frozen=True, slots=True)
class OverdueAccount:
    account_id: str
    name: str
    tier: Tier
    owner: Person | None
    frequency_days: int
    last_visit_on: date | None  # None: never visited
    due_on: date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class CoverageFigure:
    name: ClassVar[str] = "coverage"
    title: ClassVar[str] = "Coverage of A/B/C accounts"

    as_of: date
    tiers: tuple[TierCoverage, ...]  # A, B, C
    total: TierCoverage
    overdue: tuple[OverdueAccount, ...]  # tier A first, then the most overdue

    def table(self) -> Table:
        return Table(
            ("tier", "accounts", "covered", "overdue", "not_due_yet", "share", "as_of"),
            tuple(
                (
                    t.tier or "all",
                    len(t.covered) + len(t.overdue) + len(t.not_due_yet),
                    len(t.covered),
                    len(t.overdue),
                    len(t.not_due_yet),
                    t.share,
                    self.as_of.isoformat(),
                )
                for t in (*self.tiers, self.total)
            ),
        )

    def overdue_table(self) -> Table:
        return Table(
            (
                "account_id",
                "account",
                "tier",
                "owner",
                "frequency_days",
                "last_visit_on",
                "due_on",
                "days_overdue",
            ),
            tuple(
                (
                    a.account_id,
                    a.name,
                    a.tier,
                    a.owner.username if a.owner else None,
                    a.frequency_days,
                    a.last_visit_on.isoformat() if a.last_visit_on else None,
                    a.due_on.isoformat(),
                    a.days_overdue,
                )
                for a in self.overdue
            ),
        )

    def records(self) -> Table:
        rows = [
            ("accounts", account_id, t.tier, state)
            for t in self.tiers
            for state in ("covered", "overdue", "not_due_yet")
            for account_id in sorted(getattr(t, state))
        ]
        return Table(("collection", "id", "tier", "state"), tuple(rows))

    def to_data(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "total": self.total.to_data(),
            "by_tier": [t.to_data() for t in self.tiers],
            "overdue_list": [
                {
                    "account_id": a.account_id,
                    "name": a.name,
                    "tier": a.tier,
                    "owner": a.owner.username if a.owner else None,
                    "frequency_days": a.frequency_days,
                    "last_visit_on": a.last_visit_on.isoformat() if a.last_visit_on else None,
                    "due_on": a.due_on.isoformat(),
                    "days_overdue": a.days_overdue,
                }
                for a in self.overdue
            ],
        }


def coverage(reading: Reading) -> CoverageFigure:
    as_of = reading.as_of
    # Three years of days: the last visits and the creation days of the overdue list fall
    # in them but for the oldest (converted the slow way).
    days = LocalDays(as_of - timedelta(days=3 * 365), as_of, reading.period.zone)
    thresholds: dict[int, str] = {}  # target -> the first instant of day D - f
    tiers = {tier.value: tier for tier in Tier}
    states: dict[Tier, tuple[list[str], list[str], list[str]]] = {
        tier: ([], [], []) for tier in Tier
    }
    late: list[AccountRow] = []
    for account in reading.accounts:
        tier = tiers[account.tier]
        target = account.visit_frequency_days or DEFAULT_VISIT_FREQUENCY_DAYS[tier]
        threshold = thresholds.get(target)
        if threshold is None:
            threshold = thresholds[target] = days.start_text(as_of - target * _DAY)
        covered, overdue, not_due_yet = states[tier]
        last = account.last_held
        if last is not None and last >= threshold:
            covered.append(account.id)
        elif last is not None or account.created_at < threshold:
            overdue.append(account.id)
            late.append(account)
        else:
            not_due_yet.append(account.id)
    by_tier = tuple(
        TierCoverage(tier, tuple(covered), tuple(overdue), tuple(young))
        for tier, (covered, overdue, young) in states.items()
    )
    everyone = TierCoverage(
        None,
        tuple(i for t in by_tier for i in t.covered),
        tuple(i for t in by_tier for i in t.overdue),
        tuple(i for t in by_tier for i in t.not_due_yet),
    )
    people = reading.people
    overdue_list = []
    for account in late:
        tier = tiers[account.tier]
        target = account.visit_frequency_days or DEFAULT_VISIT_FREQUENCY_DAYS[tier]
        last_on = None if account.last_held is None else days.day_of(account.last_held)
        due_on = (last_on or days.day_of(account.created_at)) + target * _DAY
        owner = None if account.owner_id is None else person_of(people, account.owner_id)
        overdue_list.append(
            OverdueAccount(
                account.id,
                account.name,
                tier,
                owner,
                target,
                last_on,
                due_on,
                (as_of - due_on).days,
            )
        )
    overdue_list.sort(key=lambda a: (a.tier, -a.days_overdue, a.name, a.account_id))
    return CoverageFigure(as_of, by_tier, everyone, tuple(overdue_list))
