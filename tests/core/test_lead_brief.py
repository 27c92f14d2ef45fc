"""What the lead panel and the priority dialog read: an account's lead while something is
owed on it (its clocks, its history, waiting to sync), the allowances a hand-off starts,
and an account's priorities to come."""

from __future__ import annotations

from datetime import date, timedelta

from support.core_world import T0, World

from fieldapp.team.policies import AllowanceUnit, CommitmentKind
from fieldapp.usecases import handoffs, lead_brief, priorities
from fieldapp.usecases.visits import check_in


def test_the_lead_of_an_account_is_shown_while_something_is_owed_on_it(world: World) -> None:
    store = world.store
    assert lead_brief.account_lead(store, world.account_id) is None
    world.sign_in(world.inside_id)
    lead = handoffs.hand_over_lead(
        store, world.account_id, to_rep_id=world.field_id, why="Veut une démonstration."
    )
    brief = lead_brief.account_lead(store, world.account_id, now=T0)
    assert brief is not None and brief.lead.id == lead.id
    # Not on the server yet: the clock has not started, and the panel says it waits.
    assert [(c.kind, c.clock) for c in brief.clocks] == [(CommitmentKind.LEAD_VISIT_PLANNED, None)]
    assert brief.waiting_to_sync and brief.history == ()
    assert brief.assignee_name is not None and brief.handed_by_name is not None
    assert lead_brief.account_lead(store, world.other_account_id) is None

    world.sign_in(world.field_id)
    _, visit = handoffs.accept_lead(store, lead.id, T0 + timedelta(days=1))
    accepted = lead_brief.account_lead(store, world.account_id, now=T0)
    assert accepted is not None and accepted.visit is not None
    assert (accepted.lead.status, accepted.visit.id) == ("accepted", visit.id)
    assert [c.kind for c in accepted.clocks] == [
        CommitmentKind.LEAD_VISIT_PLANNED,
        CommitmentKind.LEAD_VISIT_HELD,
    ]
    world.clock.advance(days=1, minutes=5)
    check_in(store, visit.id)
    assert lead_brief.account_lead(store, world.account_id) is None  # the visit is held


def test_a_withdrawn_lead_is_no_longer_shown(world: World) -> None:
    world.sign_in(world.inside_id)
    lead = handoffs.hand_over_lead(
        world.store, world.account_id, to_rep_id=world.field_id, why="Nouveau comptoir."
    )
    handoffs.withdraw_lead(world.store, lead.id, "Le client a changé d'avis.")
    assert lead_brief.account_lead(world.store, world.account_id) is None


def test_the_allowances_a_hand_off_starts_are_the_teams_or_the_defaults(world: World) -> None:
    planned, held = lead_brief.lead_allowances(world.store, None)
    assert (planned.amount, planned.unit) == (3, AllowanceUnit.WORKING_DAYS)
    assert (held.amount, held.unit) == (10, AllowanceUnit.WORKING_DAYS)


def test_an_accounts_priorities_to_come_say_for_whom_and_by_whom(world: World) -> None:
    store = world.store
    world.sign_in(world.inside_id)
    today = T0.date()
    for day, why in ((today + timedelta(days=2), "Plus tard"), (today, "Aujourd'hui")):
        priorities.flag_priority(store, world.account_id, rep_id=world.field_id, day=day, why=why)
    priorities.flag_priority(
        store, world.account_id, rep_id=world.field_id, day=today - timedelta(days=1), why="Hier"
    )
    found = priorities.account_priorities(store, world.account_id, since=today)
    assert [(p.priority.why, p.priority.day) for p in found] == [
        ("Aujourd'hui", today.isoformat()),
        ("Plus tard", (today + timedelta(days=2)).isoformat()),
    ]
    assert all(p.rep_name and p.flagged_by_name for p in found)
    assert (
        priorities.account_priorities(store, world.other_account_id, since=date(2026, 1, 1)) == []
    )
