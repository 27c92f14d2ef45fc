"""The work queue: what I owe, ordered by SLA clock (overdue first), from the server's
instants and the laptop's trusted now; a weekend pauses a working-day clock, and a laptop
clock set a week behind shows the breach all the same."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from support.core_world import World

from fieldapp.errors import PermissionDeniedError, ValidationError
from fieldapp.store.replica import set_profile_value, upsert_server_records
from fieldapp.team.sla import ClockState
from fieldapp.usecases import agreements, follow_ups, visits, work_queue
from fieldapp.usecases.server_time import SERVER_TIME_KEY, trusted_clock

# Montréal is UTC-5 in November.
FRIDAY_16H = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
WEDNESDAY_10H = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)
MONDAY_9H = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
FRIDAY_17H = datetime(2026, 11, 20, 22, 0, tzinfo=UTC)


def text(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def server_follow_up(world: World, record_id: str, title: str, handed: datetime) -> None:
    upsert_server_records(
        world.store,
        "follow_ups",
        [
            {
                "id": record_id,
                "account_id": world.account_id,
                "title": title,
                "assignee_team": "inside",
                "due_date": "2026-11-30",
                "status": "open",
                "created_by": world.field_id,
                "handed_at": text(handed),
                "version": 5,
                "created_at": text(handed),
            }
        ],
    )


def a_week_of_work(world: World) -> None:
    server_follow_up(world, "0190a000-0000-7000-8000-0000000000f1", "Friday's quote", FRIDAY_16H)
    server_follow_up(world, "0190a000-0000-7000-8000-0000000000f2", "Monday's call", MONDAY_9H)
    server_follow_up(world, "0190a000-0000-7000-8000-0000000000f3", "Late price", WEDNESDAY_10H)
    upsert_server_records(
        world.store,
        "notes",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000a1",
                "account_id": world.account_id,
                "author_id": world.field_id,
                "kind": "visit_report",
                "body": "Rencontre avec Élise: commande de 40 caisses.",
                "pinned": False,
                "arrived_at": text(FRIDAY_17H),
                "version": 6,
                "created_at": text(FRIDAY_17H - timedelta(hours=1)),
            }
        ],
    )
    upsert_server_records(
        world.store,
        "leads",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000b1",
                "account_id": world.other_account_id,
                "handed_by": world.inside_id,
                "assignee_id": world.field_id,
                "status": "returned",
                "why": "Veut une soumission",
                "reason": "Sous contrat jusqu'en juin.",
                "handed_at": text(WEDNESDAY_10H),
                "returned_at": text(WEDNESDAY_10H + timedelta(hours=3)),
                "version": 7,
                "created_at": text(WEDNESDAY_10H),
            }
        ],
    )
    world.sign_in(world.inside_id)


def titles(items: list[work_queue.QueueItem]) -> list[str]:
    return [item.title for item in items]


def test_the_queue_puts_the_overdue_first_then_what_is_due_soonest(world: World) -> None:
    a_week_of_work(world)
    monday_8h = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    items = work_queue.work_queue(world.store, now=monday_8h)
    assert titles(items) == [
        "Late price",  # due Friday 10:00: overdue
        "Rencontre avec Élise: commande de 40 caisses.",  # one working day: Monday 17:00
        "Friday's quote",  # two working days: Tuesday 16:00
        "Monday's call",  # Wednesday 09:00
        "Sous contrat jusqu'en juin.",  # a returned lead: no clock, an answer owed
    ]
    late, report, friday, monday, lead = items
    assert late.clock is not None and late.clock.state is ClockState.OVERDUE
    assert late.clock.overdue_by == timedelta(days=2, hours=22)  # Friday 10:00 to Monday 08:00
    assert report.clock is not None and report.clock.due_at == datetime(
        2026, 11, 23, 22, 0, tzinfo=UTC
    )
    assert friday.clock is not None and friday.clock.due_at == datetime(
        2026, 11, 24, 21, 0, tzinfo=UTC
    )
    assert monday.clock is not None and monday.clock.due_at == datetime(
        2026, 11, 25, 14, 0, tzinfo=UTC
    )
    assert (lead.kind, lead.clock) == (work_queue.LEAD_RETURNED, None)


def test_a_weekend_pauses_the_clock_and_friday_evening_is_not_monday_morning(
    world: World,
) -> None:
    a_week_of_work(world)
    saturday = datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    by_title = {i.title: i for i in work_queue.work_queue(world.store, now=saturday)}
    friday = by_title["Friday's quote"].clock
    assert friday is not None and friday.state is ClockState.ON_TIME
    # Two days of wall time left, but only one working day: still due Tuesday at 16:00.
    assert friday.time_left == timedelta(days=3, hours=4)
    tuesday_noon = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    by_title = {i.title: i for i in work_queue.work_queue(world.store, now=tuesday_noon)}
    assert by_title["Friday's quote"].clock.state is ClockState.DUE_SOON  # type: ignore[union-attr]


def test_done_here_but_not_on_the_server_stays_in_the_queue_waiting_to_sync(
    world: World,
) -> None:
    a_week_of_work(world)
    follow_ups.complete_follow_up(world.store, "0190a000-0000-7000-8000-0000000000f3", "Envoyé.")
    monday_8h = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    [late] = [
        i for i in work_queue.work_queue(world.store, now=monday_8h) if i.title == "Late price"
    ]
    assert late.waiting_to_sync and late.clock is not None
    assert late.clock.state is ClockState.OVERDUE  # the server has not received it yet


def anchor(world: World, server: datetime, laptop: datetime) -> None:
    value = {"server": text(server), "laptop": text(laptop)}
    set_profile_value(world.store, SERVER_TIME_KEY, json.dumps(value))


def test_a_laptop_clock_a_week_behind_does_not_hide_a_breach(world: World) -> None:
    a_week_of_work(world)
    monday_8h = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    wrong = monday_8h - timedelta(days=7)  # the laptop believes it is the Monday before
    world.clock.now = wrong
    anchor(world, monday_8h, wrong)  # the last sync: the server said Monday 08:00
    world.clock.advance(hours=2)
    ticks = {"now": 0.0}
    clock = trusted_clock(world.store, ticks=lambda: ticks["now"])
    assert clock.now() == monday_8h + timedelta(hours=2)
    items = work_queue.work_queue(world.store)
    assert items[0].title == "Late price"
    assert items[0].clock is not None and items[0].clock.state is ClockState.OVERDUE
    assert items[0].clock.overdue_by == timedelta(days=3)  # Friday 10:00 to Monday 10:00
    # Set back another day after the sync: the monotonic counter keeps the time.
    world.clock.advance(days=-1)
    ticks["now"] = 3 * 3600.0
    assert clock.now() == monday_8h + timedelta(hours=3)


def test_the_sync_engine_and_the_use_cases_name_the_same_profile_key() -> None:
    from fieldapp.store import syncbook

    assert syncbook.SERVER_TIME_KEY == SERVER_TIME_KEY


def test_a_check_in_on_a_laptop_a_week_behind_is_stamped_with_the_servers_time(
    world: World,
) -> None:
    """The laptop's own moments that start a clock (check-in, check-out) come from its
    trusted clock, so a wrong wall clock does not move them (the server would only clamp a
    time in its future, not one a week in its past)."""
    monday_8h = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    world.clock.now = monday_8h - timedelta(days=7)
    anchor(world, monday_8h, world.clock.now)
    world.clock.advance(minutes=30)
    visit = visits.plan_visit(world.store, world.account_id, monday_8h)
    checked_in = visits.check_in(world.store, visit.id)
    assert checked_in.checked_in_at == text(monday_8h + timedelta(minutes=30))


def test_the_teams_agreement_sets_the_allowance_and_its_region_the_calendar(
    world: World,
) -> None:
    a_week_of_work(world)
    upsert_server_records(
        world.store,
        "sla_policies",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000d1",
                "team": "quebec",
                "region": "QC",
                "policies": {"follow_up_handled": {"working_days": 3}},
                "version": 2,
                "created_at": "2026-01-05T15:00:00Z",
            }
        ],
    )
    monday_8h = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    by_title = {i.title: i for i in work_queue.work_queue(world.store, now=monday_8h)}
    friday = by_title["Friday's quote"].clock
    assert friday is not None
    assert friday.due_at == datetime(2026, 11, 25, 21, 0, tzinfo=UTC)  # Wednesday 16:00


def test_a_manager_sets_the_teams_policy_and_a_bad_edit_changes_nothing(world: World) -> None:
    store = world.store

    def held() -> list[dict[str, object]]:
        return store.query("SELECT * FROM sla_policies") + store.query("SELECT * FROM outbox")

    with pytest.raises(PermissionDeniedError):
        agreements.set_sla_policy(store, "quebec", "report_written", hours=8, region="QC")
    world.sign_in(world.manager_id)
    for arguments, error in (
        ({"kind": "reports", "hours": 8, "region": "QC"}, ValidationError),
        ({"kind": "report_written", "region": "QC"}, ValidationError),
        ({"kind": "report_written", "hours": 8, "working_days": 1}, ValidationError),
        ({"kind": "report_written", "hours": 721, "region": "QC"}, ValidationError),
        ({"kind": "report_written", "hours": 8, "region": "ZZ"}, ValidationError),
        ({"kind": "report_written", "hours": 8}, ValidationError),  # a first one: its region
        ({"team": "france", "kind": "report_written", "hours": 8}, PermissionDeniedError),
    ):
        before = held()
        team = str(arguments.pop("team", "quebec"))
        with pytest.raises(error):
            agreements.set_sla_policy(store, team, **arguments)  # type: ignore[arg-type]
        assert held() == before
    agreements.set_sla_policy(store, "quebec", "report_written", hours=8, region="qc")
    agreements.set_sla_policy(store, "quebec", "follow_up_handled", working_days=3)
    quebec = agreements.agreements(store)["quebec"]
    assert quebec.region.code == "QC"
    assert quebec.policies.to_data()["report_written"] == {"hours": 8}
    assert quebec.policies.to_data()["follow_up_handled"] == {"working_days": 3}
    assert [
        m["op"] for m in store.query("SELECT op FROM outbox WHERE collection = 'sla_policies'")
    ] == [
        "create",
        "update",
    ]
