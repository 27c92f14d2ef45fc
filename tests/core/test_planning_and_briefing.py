"""Planning the day, who is due a visit, and the one-screen account briefing."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from support.core_world import T0, World

from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import notes, visits
from fieldapp.usecases.briefing import account_briefing
from fieldapp.usecases.follow_ups import create_follow_up
from fieldapp.usecases.planning import accounts_due_for_visit, plan, todays_plan

MONTREAL = ZoneInfo("America/Montreal")


def test_todays_plan_uses_the_reps_local_day(world: World) -> None:
    # 23:30 in Montréal on the 23rd is already the 24th in UTC: still today's plan.
    late = visits.plan_visit(world.store, world.account_id, T0 + timedelta(hours=15, minutes=30))
    tomorrow = visits.plan_visit(world.store, world.account_id, T0 + timedelta(days=1))
    cancelled = visits.cancel_visit(
        world.store, visits.plan_visit(world.store, world.other_account_id, T0).id
    )
    today = todays_plan(world.store, today=date(2026, 11, 23), tz=MONTREAL)
    assert [s.visit.id for s in today] == [late.id]
    assert today[0].account.name == "Boulangerie Saint-Laurent"
    week = plan(world.store, date(2026, 11, 23), days=7, tz=MONTREAL)
    assert [s.visit.id for s in week] == [late.id, tomorrow.id]
    assert cancelled.id not in {s.visit.id for s in week}
    assert (
        todays_plan(world.store, today=date(2026, 11, 23), tz=MONTREAL, rep_id=world.inside_id)
        == []
    )


def test_accounts_due_for_a_visit_by_tier_frequency(world: World) -> None:
    field = world.field_id
    # Tier A (14 days) last visited 20 days ago: due. Tier C (90 days) never visited: due.
    upsert_server_records(
        world.store,
        "visits",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000v1",
                "account_id": world.account_id,
                "rep_id": field,
                "planned_start": "2026-11-03T14:00:00Z",
                "planned_end": "2026-11-03T15:00:00Z",
                "status": "completed",
                "checked_in_at": "2026-11-03T14:00:00Z",
                "checked_out_at": "2026-11-03T15:00:00Z",
                "contacts_met": [],
                "outcome": "neutral",
                "summary": "ok",
                "version": 2,
                "created_at": "2026-11-01T12:00:00Z",
            }
        ],
    )
    due = accounts_due_for_visit(world.store, as_of=date(2026, 11, 23))
    assert [(d.account.name, d.due_on, d.days_overdue) for d in due] == [
        ("Northern Hardware Supply", None, None),
        ("Boulangerie Saint-Laurent", "2026-11-17", 6),
    ]
    # Not yet due ten days after the visit; planning a visit removes it from suggestions.
    assert [
        d.account.id for d in accounts_due_for_visit(world.store, as_of=date(2026, 11, 13))
    ] == [world.other_account_id]
    visits.plan_visit(world.store, world.other_account_id, T0 + timedelta(days=2))
    assert [
        d.account.id for d in accounts_due_for_visit(world.store, as_of=date(2026, 11, 23))
    ] == [world.account_id]
    assert accounts_due_for_visit(world.store, owner_id=world.inside_id) == []


def test_briefing_has_everything_to_read_before_a_visit(world: World) -> None:
    past = visits.plan_visit(world.store, world.account_id, T0 - timedelta(days=7))
    visits.check_in(world.store, past.id)
    _, report = visits.complete_visit(
        world.store, past.id, outcome="positive", summary="Intéressée par le four"
    )
    upcoming = visits.plan_visit(world.store, world.account_id, T0 + timedelta(days=3))
    create_follow_up(
        world.store,
        world.account_id,
        title="Prix du four",
        due_date=date(2026, 11, 26),
        assignee_team="inside",
    )
    upsert_server_records(
        world.store,
        "opportunities",
        [
            {
                "id": "0190a000-0000-7000-8000-0000000000p1",
                "account_id": world.account_id,
                "name": "Four 2027",
                "stage": "proposal",
                "amount": 30000.0,
                "currency": "CAD",
                "close_date": "2027-01-15",
                "version": 1,
                "created_at": "2026-10-01T12:00:00Z",
            },
            {
                "id": "0190a000-0000-7000-8000-0000000000p2",
                "account_id": world.account_id,
                "name": "Old deal",
                "stage": "closed_lost",
                "version": 1,
                "created_at": "2026-01-01T12:00:00Z",
            },
        ],
    )
    world.sign_in(world.inside_id)
    pinned = notes.pin_note_for_field(world.store, world.account_id, "Parler du financement")
    feedback = notes.reply_to_visit_report(world.store, report.id, "Super, j'envoie le prix.")

    briefing = account_briefing(world.store, world.account_id)
    assert briefing.account.name == "Boulangerie Saint-Laurent"
    assert briefing.owner is not None and briefing.owner.display_name == "Julie Tremblay"
    assert briefing.last_visit is not None and briefing.last_visit.id == past.id
    assert briefing.next_visit is not None and briefing.next_visit.id == upcoming.id
    assert [n.id for n in briefing.pinned_notes] == [pinned.id]
    [recent] = briefing.recent_reports
    assert recent.report.id == report.id and recent.visit is not None
    assert [f.id for f in recent.feedback] == [feedback.id] and recent.reviewed is False
    assert [f.title for f in briefing.open_follow_ups] == ["Prix du four"]
    assert [c.full_name for c in briefing.contacts] == ["Élise Bouchard", "Sam Nguyen"]
    assert [o.name for o in briefing.open_opportunities] == ["Four 2027"]


def test_briefing_of_an_empty_account(world: World) -> None:
    briefing = account_briefing(world.store, world.other_account_id)
    assert briefing.last_visit is None and briefing.next_visit is None
    assert briefing.recent_reports == () and briefing.contacts == ()
