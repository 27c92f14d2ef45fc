"""Hand-offs on one laptop: a lead handed to the field, accepted (the visit planned) or
returned with a reason and handed again; a follow-up claimed, completed with its outcome,
reassigned. Refusals say why and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from support.core_world import T0, World

from fieldapp.errors import InvalidStateError, PermissionDeniedError, ValidationError
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import follow_ups, handoffs

OTHER_REP = "0190a000-0000-7000-8000-00000000f004"
FRANCE_REP = "0190a000-0000-7000-8000-00000000f005"


def add_reps(world: World) -> None:
    """A second field rep of Montréal, and one of another team."""
    upsert_server_records(
        world.store,
        "users",
        [
            {
                "id": OTHER_REP,
                "username": "field2",
                "display_name": "Luc Morin",
                "role": "field",
                "team": "quebec",
                "territory": "Montréal",
                "version": 1,
                "created_at": "2026-01-05T15:00:00Z",
            },
            {
                "id": FRANCE_REP,
                "username": "field9",
                "display_name": "Claire Petit",
                "role": "field",
                "team": "france",
                "territory": "Lyon",
                "version": 1,
                "created_at": "2026-01-05T15:00:00Z",
            },
        ],
    )


def snapshot(world: World) -> dict[str, Any]:
    store = world.store
    tables = ("leads", "visits", "follow_ups", "handoff_events", "accounts", "outbox")
    return {table: store.query(f"SELECT * FROM {table} ORDER BY rowid") for table in tables}


def refused(world: World, error: type[Exception], work: Callable[[], object]) -> Exception:
    """``work`` raises ``error`` and changes nothing."""
    before = snapshot(world)
    with pytest.raises(error) as raised:
        work()
    assert snapshot(world) == before
    return raised.value


def hand_over(world: World, **briefing: Any) -> str:
    world.sign_in(world.inside_id)
    lead = handoffs.hand_over_lead(
        world.store,
        world.account_id,
        to_rep_id=world.field_id,
        why=briefing.get("why", "Veut une démonstration du four."),
        who_to_see="Élise Bouchard, la propriétaire",
        promised="Une visite cette semaine avec des échantillons.",
    )
    return lead.id


def test_inside_rep_hands_a_lead_that_the_field_rep_accepts_by_planning_the_visit(
    world: World,
) -> None:
    lead_id = hand_over(world)
    lead = handoffs.get_lead(world.store, lead_id)
    assert (lead.status, lead.handed_by, lead.assignee_id) == (
        "handed",
        world.inside_id,
        world.field_id,
    )
    assert lead.handed_at is None  # the server's time, when it receives the hand-off
    world.sign_in(world.field_id)
    accepted, visit = handoffs.accept_lead(world.store, lead_id, T0 + timedelta(days=1))
    assert accepted.status == "accepted" and accepted.visit_id == visit.id
    assert (visit.account_id, visit.rep_id, visit.status) == (
        world.account_id,
        world.field_id,
        "planned",
    )
    queued = world.store.query("SELECT collection, op FROM outbox ORDER BY seq")
    # The visit is queued before the lead that points to it: the server finds it first.
    assert [(q["collection"], q["op"]) for q in queued] == [
        ("leads", "create"),
        ("visits", "create"),
        ("leads", "update"),
    ]


def test_a_returned_lead_keeps_its_reason_and_is_handed_again_to_another_rep(
    world: World,
) -> None:
    add_reps(world)
    lead_id = hand_over(world)
    world.sign_in(world.field_id)
    refused(world, ValidationError, lambda: handoffs.return_lead(world.store, lead_id, "  "))
    returned = handoffs.return_lead(world.store, lead_id, "Sous contrat jusqu'en juin.")
    assert (returned.status, returned.reason) == ("returned", "Sous contrat jusqu'en juin.")
    refused(
        world,
        InvalidStateError,
        lambda: handoffs.accept_lead(world.store, lead_id, T0 + timedelta(days=1)),
    )
    world.sign_in(world.inside_id)
    again = handoffs.reassign_lead(world.store, lead_id, OTHER_REP)
    assert (again.status, again.assignee_id, again.reason) == ("handed", OTHER_REP, None)


def test_who_may_do_what_with_a_lead(world: World) -> None:
    add_reps(world)
    store = world.store
    world.sign_in(world.field_id)
    error = refused(
        world,
        PermissionDeniedError,
        lambda: handoffs.hand_over_lead(store, world.account_id, to_rep_id=OTHER_REP, why="x"),
    )
    assert "inside or manager" in str(error)
    lead_id = hand_over(world)
    # The inside rep cannot answer for the field rep, nor another field rep.
    refused(world, PermissionDeniedError, lambda: handoffs.return_lead(store, lead_id, "Non"))
    world.sign_in(OTHER_REP)
    refused(world, PermissionDeniedError, lambda: handoffs.return_lead(store, lead_id, "Non"))
    # A second lead for an account still waiting for an answer is a mistake.
    world.sign_in(world.inside_id)
    error = refused(
        world,
        InvalidStateError,
        lambda: handoffs.hand_over_lead(store, world.account_id, to_rep_id=OTHER_REP, why="x"),
    )
    assert "Julie Tremblay" in str(error)


@pytest.mark.parametrize(
    ("to_rep", "why", "field", "words"),
    [
        ("ghost", "Un bon prospect", "to_rep_id", "Choose the field rep"),
        ("0190a000-0000-7000-8000-00000000f002", "Un bon prospect", "to_rep_id", "not a field"),
        (FRANCE_REP, "Un bon prospect", "to_rep_id", "not in your team"),
        (OTHER_REP, "", "why", "cannot be empty"),
        (OTHER_REP, "x" * 20_001, "why", "too long"),
    ],
)
def test_a_bad_hand_off_is_refused_with_a_sentence_and_changes_nothing(
    world: World, to_rep: str, why: str, field: str, words: str
) -> None:
    add_reps(world)
    world.sign_in(world.inside_id)
    error = refused(
        world,
        ValidationError,
        lambda: handoffs.hand_over_lead(world.store, world.account_id, to_rep_id=to_rep, why=why),
    )
    assert isinstance(error, ValidationError) and error.field == field
    assert words in error.message


def test_a_new_prospect_is_created_for_the_field_rep_and_handed_in_one_step(
    world: World,
) -> None:
    world.sign_in(world.inside_id)
    lead = handoffs.hand_over_new_prospect(
        world.store,
        {"name": "Pâtisserie Rivard", "tier": "B", "city": "Montréal"},
        to_rep_id=world.field_id,
        why="Ouvre une deuxième boutique en janvier.",
    )
    owner = world.store.scalar("SELECT owner_id FROM accounts WHERE id = ?", (lead.account_id,))
    assert owner == world.field_id
    refused(
        world,
        ValidationError,
        lambda: handoffs.hand_over_new_prospect(
            world.store, {"name": "X", "tier": "B", "owner_id": "me"}, to_rep_id="x", why="y"
        ),
    )


def a_follow_up_for_the_inside_team(world: World) -> str:
    world.sign_in(world.field_id)
    return follow_ups.create_follow_up(
        world.store,
        world.account_id,
        title="Envoyer la soumission",
        due_date=date(2026, 11, 25),
        assignee_team="inside",
    ).id


def test_a_follow_up_is_claimed_completed_with_its_outcome_and_reassigned(world: World) -> None:
    follow_up_id = a_follow_up_for_the_inside_team(world)
    store = world.store
    # A field rep does not take the inside team's work.
    refused(world, PermissionDeniedError, lambda: follow_ups.claim_follow_up(store, follow_up_id))
    world.sign_in(world.inside_id)
    claimed = follow_ups.claim_follow_up(store, follow_up_id)
    assert claimed.claimed_by == world.inside_id and claimed.owner_id == world.inside_id
    # Completing a hand-off says what was done.
    refused(world, ValidationError, lambda: follow_ups.complete_follow_up(store, follow_up_id, " "))
    # Reassigned: the claim goes, the follow-up is the new person's.
    moved = follow_ups.reassign_follow_up(store, follow_up_id, to_user_id=world.manager_id)
    assert (moved.assignee_user_id, moved.assignee_team, moved.claimed_by) == (
        world.manager_id,
        None,
        None,
    )
    world.sign_in(world.manager_id)
    done = follow_ups.complete_follow_up(store, follow_up_id, "Soumission envoyée par courriel.")
    assert (done.status, done.outcome) == ("done", "Soumission envoyée par courriel.")
    reopened = follow_ups.reopen_follow_up(store, follow_up_id)
    assert reopened.status == "open"


def test_a_follow_up_claimed_by_someone_else_says_by_whom(world: World) -> None:
    follow_up_id = a_follow_up_for_the_inside_team(world)
    world.sign_in(world.inside_id)
    follow_ups.claim_follow_up(world.store, follow_up_id)
    upsert_server_records(
        world.store,
        "users",
        [
            {
                "id": OTHER_REP,
                "username": "inside2",
                "display_name": "Karim Haddad",
                "role": "inside",
                "team": "quebec",
                "territory": None,
                "version": 1,
                "created_at": "2026-01-05T15:00:00Z",
            }
        ],
    )
    world.sign_in(OTHER_REP)
    error = refused(
        world, InvalidStateError, lambda: follow_ups.claim_follow_up(world.store, follow_up_id)
    )
    assert "Marc Gagnon claimed it first" in str(error)


def test_comments_join_the_history_of_a_hand_off(world: World) -> None:
    lead_id = hand_over(world)
    handoffs.comment_on_handoff(world.store, "Elle préfère le matin.", lead_id=lead_id)
    [entry] = handoffs.handoff_history(world.store, lead_id=lead_id)
    assert (entry.event.action, entry.event.note, entry.actor_name) == (
        "commented",
        "Elle préfère le matin.",
        "Marc Gagnon",
    )
    refused(world, ValidationError, lambda: handoffs.comment_on_handoff(world.store, ""))
    refused(
        world,
        ValidationError,
        lambda: handoffs.comment_on_handoff(
            world.store, "Deux cibles", lead_id=lead_id, follow_up_id=lead_id
        ),
    )
