"""A field rep's visit, from plan to report, and the mistakes the app refuses."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from support.core_world import T0, World

from fieldapp.errors import InvalidStateError, NotFoundError, ValidationError
from fieldapp.usecases import visits
from fieldapp.usecases.planning import todays_plan


def outbox_size(world: World) -> int:
    return int(world.store.scalar("SELECT count(*) FROM outbox"))


def test_visit_planned_checked_in_and_logged_reaches_the_review_queue(world: World) -> None:
    visit = visits.plan_visit(world.store, world.account_id, T0 + timedelta(hours=2))
    assert visit.status == "planned" and visit.rep_id == world.field_id
    assert visit.planned_end == "2026-11-23T16:00:00Z"  # one hour by default
    world.clock.advance(hours=2)
    assert visits.check_in(world.store, visit.id).checked_in_at == "2026-11-23T15:00:00Z"
    world.clock.advance(minutes=45)
    done, report = visits.complete_visit(
        world.store,
        visit.id,
        outcome="positive",
        summary="  Rencontre avec Élise.\r\n",
        contacts_met=[world.contact_ids[1], world.contact_ids[0], world.contact_ids[1]],
        next_steps="Envoyer la soumission",
    )
    assert done.status == "completed" and done.checked_out_at == "2026-11-23T15:45:00Z"
    assert done.summary == "Rencontre avec Élise."
    assert done.contacts_met == (world.contact_ids[1], world.contact_ids[0])
    assert (report.kind, report.visit_id, report.body) == (
        "visit_report",
        visit.id,
        "Rencontre avec Élise.",
    )
    assert report.author_id == world.field_id


def test_check_out_before_check_in_is_refused_and_changes_nothing(world: World) -> None:
    visit = visits.plan_visit(world.store, world.account_id, T0)
    queued = outbox_size(world)
    with pytest.raises(InvalidStateError, match="before checking in"):
        visits.check_out(world.store, visit.id)
    with pytest.raises(InvalidStateError, match="Check in before logging"):
        visits.complete_visit(world.store, visit.id, outcome="positive", summary="x")
    assert visits.get_visit(world.store, visit.id).status == "planned"
    assert outbox_size(world) == queued


def test_a_completed_visit_needs_a_summary_and_an_outcome(world: World) -> None:
    visit = visits.check_in(world.store, visits.plan_visit(world.store, world.account_id, T0).id)
    queued = outbox_size(world)
    with pytest.raises(ValidationError) as empty:
        visits.complete_visit(
            world.store, visit.id, outcome="positive", summary="   ", next_steps="Rappeler"
        )
    assert empty.value.field == "summary" and "needs a summary" in str(empty.value)
    # All or nothing: the next steps typed with the empty summary were not saved either.
    assert visits.get_visit(world.store, visit.id).next_steps is None
    assert outbox_size(world) == queued
    visits.log_visit(world.store, visit.id, summary="Bonne rencontre")
    with pytest.raises(ValidationError) as no_outcome:
        visits.check_out(world.store, visit.id)
    assert no_outcome.value.field == "outcome"
    with pytest.raises(ValidationError, match="Outcome must be one of"):
        visits.log_visit(world.store, visit.id, outcome="great")


def test_contacts_met_must_belong_to_the_account(world: World) -> None:
    foreign = visits.check_in(
        world.store, visits.plan_visit(world.store, world.other_account_id, T0).id
    )
    with pytest.raises(ValidationError) as error:
        visits.log_visit(world.store, foreign.id, contacts_met=[world.contact_ids[0]])
    assert error.value.field == "contacts_met"


def test_summary_over_the_size_limit_is_refused(world: World) -> None:
    visit = visits.check_in(world.store, visits.plan_visit(world.store, world.account_id, T0).id)
    with pytest.raises(ValidationError, match="too long"):
        visits.log_visit(world.store, visit.id, summary="x" * 20_001)
    visits.log_visit(world.store, visit.id, summary="x" * 20_000)


def test_planning_refuses_bad_slots(world: World) -> None:
    with pytest.raises(ValidationError, match="time zone"):
        visits.plan_visit(world.store, world.account_id, datetime(2026, 11, 23, 9))
    with pytest.raises(ValidationError, match="end after it starts"):
        visits.plan_visit(world.store, world.account_id, T0, T0 - timedelta(minutes=5))
    with pytest.raises(ValidationError, match="12 hours"):
        visits.plan_visit(world.store, world.account_id, T0, T0 + timedelta(hours=13))
    with pytest.raises(NotFoundError):
        visits.plan_visit(world.store, "no-such-account", T0)
    assert outbox_size(world) == 0


def test_reschedule_cancel_and_no_show(world: World) -> None:
    visit = visits.plan_visit(world.store, world.account_id, T0)
    moved = visits.reschedule_visit(
        world.store, visit.id, T0 + timedelta(days=1), T0 + timedelta(days=1, minutes=30)
    )
    assert (moved.planned_start, moved.planned_end) == (
        "2026-11-24T13:00:00Z",
        "2026-11-24T13:30:00Z",
    )
    assert visits.cancel_visit(world.store, visit.id).status == "cancelled"
    with pytest.raises(InvalidStateError, match="cancelled"):
        visits.check_in(world.store, visit.id)
    with pytest.raises(InvalidStateError):
        visits.reschedule_visit(world.store, visit.id, T0)
    other = visits.plan_visit(world.store, world.account_id, T0)
    assert visits.mark_no_show(world.store, other.id).status == "no_show"


def test_route_order_set_by_the_rep_is_the_plan_order(world: World) -> None:
    first = visits.plan_visit(world.store, world.account_id, T0 + timedelta(hours=1))
    second = visits.plan_visit(world.store, world.other_account_id, T0 + timedelta(hours=3))
    assert [s.visit.id for s in todays_plan(world.store, today=T0.date())] == [first.id, second.id]
    visits.reorder_plan(world.store, [second.id, first.id])
    assert [s.visit.id for s in todays_plan(world.store, today=T0.date())] == [second.id, first.id]
    with pytest.raises(ValidationError, match="twice"):
        visits.reorder_plan(world.store, [first.id, first.id])


def test_unplanned_visit_starts_checked_in(world: World) -> None:
    visit = visits.start_unplanned_visit(world.store, world.other_account_id)
    assert visit.status == "checked_in" and visit.checked_in_at == "2026-11-23T13:00:00Z"
