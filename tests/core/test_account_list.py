"""The accounts list: who is due a visit, filters a rep narrows it with, and its orders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from support.core_world import T0, World

from fieldapp.errors import ValidationError
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import visits
from fieldapp.usecases.account_list import (
    AccountFilter,
    account_cities,
    accounts_of_visits,
    fold,
    list_accounts,
    overdue_days,
    sort_key,
)
from fieldapp.usecases.accounts import create_account

TODAY = T0.date()


def names(rows: list) -> list[str]:
    return [r.name for r in rows]


def visited(world: World, account_id: str, days_ago: int) -> None:
    """A completed visit ``days_ago`` days before today."""
    visit = visits.plan_visit(world.store, account_id, T0 - timedelta(days=days_ago))
    visits.check_in(world.store, visit.id, T0 - timedelta(days=days_ago))
    visits.complete_visit(
        world.store,
        visit.id,
        outcome="neutral",
        summary="Tour of the shop",
        at=T0 - timedelta(days=days_ago, hours=-1),
    )


@pytest.fixture
def territory(world: World) -> World:
    """The world's two accounts plus three more in other cities and tiers."""
    for name, tier, city in (
        ("École de cuisine Laval", "B", "Laval"),
        ("Épicerie Fine Côté", "A", "Québec"),
        ("Atelier Zénith", "C", None),
    ):
        create_account(world.store, name=name, tier=tier, city=city)
    return world


def test_a_row_tells_when_the_account_was_last_visited_and_when_it_is_due(world: World) -> None:
    # The bakery is tier A (every 14 days), last seen 20 days ago: 6 days overdue.
    visited(world, world.account_id, days_ago=20)
    bakery, hardware = list_accounts(world.store, as_of=TODAY)
    assert bakery.name == "Boulangerie Saint-Laurent"
    assert bakery.last_visit_at == "2026-11-03T13:00:00Z"
    assert (bakery.due_on, bakery.due, bakery.next_visit_at) == ("2026-11-17", True, None)
    assert overdue_days(bakery, TODAY) == 6
    # Never visited: due now, with no date to count from.
    assert (hardware.last_visit_at, hardware.due_on, hardware.due) == (None, None, True)
    assert overdue_days(hardware, TODAY) is None

    # A visit in the plan takes both out of "due"; the next visit shows.
    booked = visits.plan_visit(world.store, world.account_id, T0 + timedelta(days=2))
    visits.plan_visit(world.store, world.other_account_id, T0 + timedelta(days=5))
    bakery, hardware = list_accounts(world.store, as_of=TODAY)
    assert bakery.next_visit_at == booked.planned_start
    assert not bakery.due and not hardware.due
    # Ten days after the visit the bakery was not due yet.
    [early] = list_accounts(world.store, as_of=date(2026, 11, 13), ids=[world.account_id])
    assert early.due_on == "2026-11-17"


def test_a_cancelled_visit_does_not_count_as_planned_nor_as_a_last_visit(world: World) -> None:
    cancelled = visits.plan_visit(world.store, world.other_account_id, T0 + timedelta(days=1))
    visits.cancel_visit(world.store, cancelled.id)
    [hardware] = list_accounts(world.store, as_of=TODAY, ids=[world.other_account_id])
    assert (hardware.next_visit_at, hardware.last_visit_at, hardware.due) == (None, None, True)


def test_filters_by_tier_city_due_and_words_of_name_or_city(territory: World) -> None:
    store = territory.store
    visited(territory, territory.account_id, days_ago=3)  # the bakery is not due
    assert names(list_accounts(store, AccountFilter(tier="A"), as_of=TODAY)) == [
        "Boulangerie Saint-Laurent",
        "Épicerie Fine Côté",
    ]
    assert names(list_accounts(store, AccountFilter(city="Sherbrooke"), as_of=TODAY)) == [
        "Northern Hardware Supply"
    ]
    assert "Boulangerie Saint-Laurent" not in names(
        list_accounts(store, AccountFilter(due_only=True), as_of=TODAY)
    )
    # Words match the name or the city, whatever the accents and case; all must match.
    assert names(list_accounts(store, AccountFilter(text="epicerie"), as_of=TODAY)) == [
        "Épicerie Fine Côté"
    ]
    assert names(list_accounts(store, AccountFilter(text="QUEBEC"), as_of=TODAY)) == [
        "Épicerie Fine Côté"
    ]
    assert names(list_accounts(store, AccountFilter(text="boul montreal"), as_of=TODAY)) == [
        "Boulangerie Saint-Laurent"
    ]
    assert list_accounts(store, AccountFilter(text="boul laval"), as_of=TODAY) == []
    both = AccountFilter(text="e", tier="A", due_only=True)
    assert names(list_accounts(store, both, as_of=TODAY)) == ["Épicerie Fine Côté"]
    assert not both.is_empty and AccountFilter(text="  ").is_empty


def test_orders_ignore_accents_and_put_missing_values_where_a_rep_expects(
    territory: World,
) -> None:
    store = territory.store
    visited(territory, territory.account_id, days_ago=3)
    visited(territory, territory.other_account_id, days_ago=40)
    by_name = names(list_accounts(store, as_of=TODAY))
    # "École" and "Épicerie" sort among the E's, not after Z as their bytes would.
    assert by_name == [
        "Atelier Zénith",
        "Boulangerie Saint-Laurent",
        "École de cuisine Laval",
        "Épicerie Fine Côté",
        "Northern Hardware Supply",
    ]
    assert names(list_accounts(store, descending=True, as_of=TODAY)) == by_name[::-1]
    assert [r.tier for r in list_accounts(store, sort="tier", as_of=TODAY)] == [
        "A", "A", "B", "C", "C",
    ]  # fmt: skip
    # Cities in alphabetical order; an account without a city last.
    assert [r.city for r in list_accounts(store, sort="city", as_of=TODAY)] == [
        "Laval", "Montréal", "Québec", "Sherbrooke", None,
    ]  # fmt: skip
    # Last visit: never visited first (longest ago), then the oldest visit.
    assert names(list_accounts(store, sort="last_visit", as_of=TODAY))[-2:] == [
        "Northern Hardware Supply",
        "Boulangerie Saint-Laurent",
    ]
    # Next visit: never visited and nothing planned first, then by due or planned day.
    planned = visits.plan_visit(store, territory.account_id, T0 + timedelta(days=1))
    by_next = list_accounts(store, sort="next_visit", as_of=TODAY)
    assert names(by_next) == [
        "Atelier Zénith",
        "École de cuisine Laval",
        "Épicerie Fine Côté",
        "Boulangerie Saint-Laurent",  # planned tomorrow
        "Northern Hardware Supply",  # due on 2027-01-01 (tier C, every 90 days)
    ]
    assert by_next[3].next_visit_at == planned.planned_start


def test_a_large_territory_comes_in_the_same_order_as_one_sort(world: World) -> None:
    """Thousands of rows are sorted in runs and merged (see list_accounts): same order."""
    cities = ("Laval", "Montréal", "Québec", None)
    upsert_server_records(
        world.store,
        "accounts",
        [
            {
                "id": f"0190a000-0000-7000-8000-{n:012d}",
                "name": f"{'ÉéEe'[n % 4]}picerie {(n * 7919) % 5003}",
                "tier": "ABC"[n % 3],
                "city": cities[n % 4],
                "owner_id": world.field_id,
                "version": 1,
                "created_at": "2026-01-05T15:00:00Z",
            }
            for n in range(5000)
        ],
    )
    for sort in ("name", "tier", "city"):
        for descending in (False, True):
            rows = list_accounts(world.store, sort=sort, descending=descending, as_of=TODAY)
            assert len(rows) == 5002
            assert rows == sorted(rows, key=sort_key(sort), reverse=descending)


def test_reading_a_few_rows_keeps_the_filter(territory: World) -> None:
    """A list refreshing the rows a change touched reads only those, still filtered."""
    store = territory.store
    ids = [territory.account_id, territory.other_account_id]
    assert names(list_accounts(store, AccountFilter(tier="C"), as_of=TODAY, ids=ids)) == [
        "Northern Hardware Supply"
    ]
    assert list_accounts(store, as_of=TODAY, ids=[]) == []
    assert list_accounts(store, as_of=TODAY, ids=["no-such-account"]) == []


def test_cities_for_the_filter_are_each_listed_once_in_order(territory: World) -> None:
    create_account(territory.store, name="Boucherie Lavoie", tier="C", city="Laval")
    assert account_cities(territory.store) == ["Laval", "Montréal", "Québec", "Sherbrooke"]


def test_a_visit_names_the_account_whose_row_it_changes(world: World) -> None:
    first = visits.plan_visit(world.store, world.account_id, T0)
    second = visits.plan_visit(world.store, world.account_id, T0 + timedelta(days=1))
    other = visits.plan_visit(world.store, world.other_account_id, T0)
    assert accounts_of_visits(world.store, [first.id, second.id]) == [world.account_id]
    assert sorted(accounts_of_visits(world.store, [first.id, other.id])) == sorted(
        [world.account_id, world.other_account_id]
    )
    assert accounts_of_visits(world.store, []) == []


def test_a_wrong_sort_or_tier_is_refused_with_a_sentence(world: World) -> None:
    with pytest.raises(ValidationError, match="Sort must be one of"):
        list_accounts(world.store, sort="owner", as_of=TODAY)
    with pytest.raises(ValidationError, match="Tier must be one of"):
        list_accounts(world.store, AccountFilter(tier="Z"), as_of=TODAY)


def test_folding_keeps_letters_and_drops_accents_and_case() -> None:
    assert fold("Épicerie Fine CÔTÉ") == "epicerie fine cote"
    assert fold("Ça coûte 12 €") == "ca coute 12 €"
    assert fold("Straße") == "strasse"


def test_the_list_reads_visits_through_the_index_only(world: World) -> None:
    """On 50,000 accounts a scan of the visits per row would stall the list for seconds."""
    statements: list[str] = []
    world.store._conn.set_trace_callback(statements.append)
    try:
        list_accounts(world.store, AccountFilter(tier="A", city="Montréal"), as_of=TODAY)
    finally:
        world.store._conn.set_trace_callback(None)
    [query] = [s for s in statements if "FROM accounts" in s]
    plan = " | ".join(
        row[3] for row in world.store._conn.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
    )
    assert "SCAN v" not in plan and "SCAN visits" not in plan
    assert plan.count("COVERING INDEX visits_account") == 2
    assert "SEARCH a USING INDEX" in plan
