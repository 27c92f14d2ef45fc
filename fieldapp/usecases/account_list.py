"""The accounts list: one compact row per account, filtered and sorted, fast on 50,000.

The list screen holds every row of the territory in memory (a few tens of megabytes for
50,000 accounts) so that scrolling never waits on SQLite; this module builds those rows in
one read. Rows are plain tuples, not records: they carry only what the list shows and
sorts by.

"Last visit" is the planned start of the latest completed visit and "due" is counted from
that day plus the account's visit frequency, as the briefing does: both are read from the
``visits_account`` index alone, where the check-out time would need a lookup per visit.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

from fieldapp import validation as check
from fieldapp.records import DEFAULT_VISIT_FREQUENCY_DAYS, TIERS
from fieldapp.store.database import Store

SORTS = ("name", "tier", "city", "last_visit", "next_visit")
MAX_FILTER_TEXT = 200

_COMBINING = re.compile(r"[\u0300-\u036f]+")
_WORD = re.compile(r"\w+", re.UNICODE)


class AccountListRow(NamedTuple):
    id: str
    name: str
    tier: str
    city: str | None
    last_visit_at: str | None  # planned start of the latest completed visit (UTC text)
    next_visit_at: str | None  # planned start of the earliest planned or checked-in visit
    due_on: str | None  # the day a visit is due (ISO date); None when never visited
    due: bool  # needs planning: due (or never visited) and nothing planned
    sort_name: str  # the name folded (lower case, no accents): order and text filter


@dataclass(frozen=True, slots=True)
class AccountFilter:
    """What the list shows: words of the name or city, a tier, a city, only those due."""

    text: str = ""
    tier: str | None = None
    city: str | None = None
    due_only: bool = False

    @property
    def is_empty(self) -> bool:
        return (
            not self.text.strip() and self.tier is None and self.city is None and not self.due_only
        )


def fold(text: str) -> str:
    """Lower case without accents, so "ecole" finds and sorts with "École".

    NFKD splits a letter from its accents and one C-level substitution drops them: this
    runs once per row of a 50,000-row list, where a per-character Python loop would not.
    """
    folded = text.casefold()
    if folded.isascii():
        return folded
    return _COMBINING.sub("", unicodedata.normalize("NFKD", folded))


def overdue_days(row: AccountListRow, as_of: date) -> int | None:
    """Days since the visit fell due (0 on the day); None when not due or never visited."""
    if not row.due or row.due_on is None:
        return None
    return (as_of - date.fromisoformat(row.due_on)).days


def sort_key(sort: str) -> Callable[[AccountListRow], tuple[Any, ...]]:
    """The order of ``sort`` (ascending) as a key: the list and its live updates share it."""
    sort = check.choice("sort", sort, SORTS, label="Sort")
    if sort == "name":
        return attrgetter("sort_name", "id")  # C-level: this key runs 50,000 times a sort
    if sort == "tier":
        return attrgetter("tier", "sort_name", "id")
    if sort == "city":
        folded: dict[str | None, str] = {}

        def by_city(r: AccountListRow) -> tuple[Any, ...]:
            if r.city not in folded:
                folded[r.city] = fold(r.city or "")
            return (r.city is None, folded[r.city], r.sort_name, r.id)

        return by_city
    if sort == "last_visit":
        # Never visited is the longest ago: first.
        return lambda r: (r.last_visit_at or "", r.sort_name, r.id)
    # Next visit: what needs attention first. Never visited and unplanned first, then by
    # the day of the planned visit or, when none is planned, the day one falls due.
    return lambda r: (r.next_visit_at or r.due_on or "", r.sort_name, r.id)


def list_accounts(
    store: Store,
    account_filter: AccountFilter | None = None,
    sort: str = "name",
    *,
    descending: bool = False,
    as_of: date | None = None,
    ids: Collection[str] | None = None,
) -> list[AccountListRow]:
    """The accounts matching ``account_filter``, in ``sort`` order.

    ``ids`` limits the read to those accounts (a list refreshing the rows a change
    touched); the rows returned are still only those that match the filter.
    """
    wanted = account_filter or AccountFilter()
    key = sort_key(sort)
    today = check.day("as_of", as_of, label="Date") if as_of else datetime.now().date()
    conditions = ["1"]
    params: list[Any] = []
    if wanted.tier is not None:
        conditions.append("a.tier = ?")
        params.append(check.choice("tier", wanted.tier, TIERS, label="Tier"))
    if wanted.city is not None:
        conditions.append("a.city = ?")
        params.append(wanted.city)
    if ids is not None:
        id_list = list(ids)
        if not id_list:
            return []
        conditions.append(f"a.id IN ({', '.join('?' for _ in id_list)})")
        params.extend(id_list)
    # Both subqueries are answered from the visits_account index (account, status, start)
    # without reading a visit row. The due date is worked out below: in SQL, a column
    # derived from a subquery's column re-runs the subquery (the flattener copies it).
    cursor = store.rows(
        f"""
        SELECT a.id, a.name, a.tier, a.city, a.visit_frequency_days,
               (SELECT max(v.planned_start) FROM visits v WHERE v.account_id = a.id
                AND v.status = 'completed'),
               (SELECT min(v.planned_start) FROM visits v WHERE v.account_id = a.id
                AND v.status IN ('planned', 'checked_in'))
        FROM accounts a WHERE {" AND ".join(conditions)}
        """,
        params,
    )
    today_text = today.isoformat()
    # Last visit day + frequency -> due day: 50,000 accounts share a few thousand pairs.
    due_days: dict[tuple[str, int], str] = {}
    # One string per city rather than one per row, and its folded form for the filter.
    cities: dict[str, tuple[str, str]] = {}
    words = [fold(w) for w in _WORD.findall(wanted.text[:MAX_FILTER_TEXT])]
    make_row = AccountListRow._make
    rows = []
    for id_, name, tier, city, frequency, last, upcoming in cursor:
        due_on = None
        if last is not None:
            pair = (last[:10], frequency or DEFAULT_VISIT_FREQUENCY_DAYS[tier])
            due_on = due_days.get(pair)
            if due_on is None:
                due_on = (date.fromisoformat(pair[0]) + timedelta(days=pair[1])).isoformat()
                due_days[pair] = due_on
        due = upcoming is None and (due_on is None or due_on <= today_text)
        if wanted.due_only and not due:
            continue
        folded_city = ""
        if city is not None:
            known = cities.get(city)
            if known is None:
                known = cities[city] = (city, fold(city))
            city, folded_city = known
        folded = fold(name)
        if words and not all(word in f"{folded} {folded_city}" for word in words):
            continue
        rows.append(make_row((id_, name, tier, city, last, upcoming, due_on, due, folded)))
    return _sorted_in_runs(rows, key, descending)


_RUN = 2048


def _sorted_in_runs(
    rows: list[AccountListRow], key: Callable[[AccountListRow], Any], descending: bool
) -> list[AccountListRow]:
    """``sorted()``, by runs merged in Python: one C-level sort of 50,000 rows holds the
    interpreter lock for tens of milliseconds, and the app's GUI thread, sharing the
    interpreter with the worker thread running this, would stutter for as long."""
    if len(rows) <= _RUN:
        return sorted(rows, key=key, reverse=descending)
    runs = [
        sorted(rows[start : start + _RUN], key=key, reverse=descending)
        for start in range(0, len(rows), _RUN)
    ]
    return list(heapq.merge(*runs, key=key, reverse=descending))


def account_cities(store: Store) -> list[str]:
    """Every city the territory's accounts are in, for the list's city filter."""
    found = [
        r[0]
        for r in store.rows(
            "SELECT DISTINCT city FROM accounts WHERE city IS NOT NULL AND city != ''"
        )
    ]
    return sorted(found, key=lambda city: (fold(city), city))


def accounts_of_visits(store: Store, visit_ids: Collection[str]) -> list[str]:
    """The accounts some visits belong to (a visit changing changes its account's row)."""
    id_list = list(visit_ids)
    if not id_list:
        return []
    marks = ", ".join("?" for _ in id_list)
    return [
        r[0]
        for r in store.rows(
            f"SELECT DISTINCT account_id FROM visits WHERE id IN ({marks})", id_list
        )
    ]
