"""The field rep's inbox (newest first, unread counts per kind, read marks) and today's
priorities (flagged by the inside team, added to the route by the field rep)."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from support.core_world import T0, World

from fieldapp.errors import InvalidStateError, PermissionDeniedError, ValidationError
from fieldapp.ids import derived_id
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import inbox, priorities
from fieldapp.usecases.inbox import InboxKind

NOW = T0 + timedelta(hours=4)
REPORT = "0190a000-0000-7000-8000-0000000000a1"


def at(hours_ago: float) -> str:
    return (NOW - timedelta(hours=hours_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def server(record: dict[str, object]) -> dict[str, object]:
    return {"version": 9, "created_at": record.get("created_at") or at(100), **record}


def what_happened_this_week(world: World) -> None:
    note = {"account_id": world.account_id, "visit_id": None, "pinned": False}
    upsert_server_records(
        world.store,
        "notes",
        [
            server(
                {
                    **note,
                    "id": REPORT,
                    "author_id": world.field_id,
                    "kind": "visit_report",
                    "body": "Commande de 40 caisses.",
                    "arrived_at": at(50),
                }
            ),
            server(
                {
                    **note,
                    "id": "0190a000-0000-7000-8000-0000000000a2",
                    "author_id": world.inside_id,
                    "kind": "feedback",
                    "reply_to_id": REPORT,
                    "body": "Bravo!",
                    "arrived_at": at(3),
                    "created_at": at(3),
                }
            ),
            server(
                {
                    **note,
                    "id": "0190a000-0000-7000-8000-0000000000a3",
                    "author_id": world.inside_id,
                    "kind": "for_field",
                    "pinned": True,
                    "body": "Demander pour le four neuf.",
                    "pinned_at": at(1),
                }
            ),
            # Older than the inbox's 30 days: not in it.
            server(
                {
                    **note,
                    "id": "0190a000-0000-7000-8000-0000000000a4",
                    "author_id": world.inside_id,
                    "kind": "feedback",
                    "reply_to_id": REPORT,
                    "body": "Vieux",
                    "arrived_at": at(24 * 40),
                    "created_at": at(24 * 40),
                }
            ),
        ],
    )
    upsert_server_records(
        world.store,
        "leads",
        [
            server(
                {
                    "id": "0190a000-0000-7000-8000-0000000000b1",
                    "account_id": world.other_account_id,
                    "handed_by": world.inside_id,
                    "assignee_id": world.field_id,
                    "status": "handed",
                    "why": "Veut une démonstration.",
                    "handed_at": at(2),
                }
            )
        ],
    )
    upsert_server_records(
        world.store,
        "follow_ups",
        [
            server(
                {
                    "id": "0190a000-0000-7000-8000-0000000000c1",
                    "account_id": world.account_id,
                    "title": "Envoyer la soumission",
                    "assignee_team": "inside",
                    "due_date": "2026-11-25",
                    "status": "done",
                    "created_by": world.field_id,
                    "claimed_by": world.inside_id,
                    "outcome": "Envoyée.",
                    "completed_at": at(0.5),
                }
            )
        ],
    )
    event = {"to_team": None, "follow_up_id": None, "lead_id": None, "note": None}
    upsert_server_records(
        world.store,
        "handoff_events",
        [
            server(
                {
                    **event,
                    "id": "0190a000-0000-7000-8000-0000000000e1",
                    "account_id": world.other_account_id,
                    "lead_id": "0190a000-0000-7000-8000-0000000000b1",
                    "action": "handed",
                    "actor_id": world.inside_id,
                    "to_user_id": world.field_id,
                    "at": at(2),
                }
            ),
            server(
                {
                    **event,
                    "id": "0190a000-0000-7000-8000-0000000000e2",
                    "account_id": world.account_id,
                    "follow_up_id": "0190a000-0000-7000-8000-0000000000c1",
                    "action": "completed",
                    "actor_id": world.inside_id,
                    "to_user_id": world.field_id,
                    "note": "Envoyée.",
                    "at": at(0.5),
                }
            ),
            # My own step is not news to me.
            server(
                {
                    **event,
                    "id": "0190a000-0000-7000-8000-0000000000e3",
                    "account_id": world.account_id,
                    "follow_up_id": "0190a000-0000-7000-8000-0000000000c1",
                    "action": "handed",
                    "actor_id": world.field_id,
                    "to_team": "inside",
                    "at": at(30),
                }
            ),
        ],
    )


def test_the_inbox_lists_what_is_new_for_me_newest_first(world: World) -> None:
    what_happened_this_week(world)
    items = inbox.inbox(world.store, now=NOW)
    assert [(i.kind, i.text) for i in items] == [
        (InboxKind.FOLLOW_UP_COMPLETED, "Envoyée."),
        (InboxKind.PINNED_NOTE, "Demander pour le four neuf."),
        (InboxKind.LEAD_HANDED, "Veut une démonstration."),
        (InboxKind.FEEDBACK, "Bravo!"),
    ]
    assert all(not i.read for i in items)
    assert items[0].from_name == "Marc Gagnon" and items[0].account_name
    counts = inbox.unread_counts(world.store, now=NOW)
    assert counts[InboxKind.FEEDBACK] == 1 and counts[InboxKind.LEAD_ANSWERED] == 0
    assert sum(counts.values()) == 4


def test_read_marks_are_kept_per_item_and_can_be_undone(world: World) -> None:
    what_happened_this_week(world)
    feedback = next(i for i in inbox.inbox(world.store, now=NOW) if i.kind == InboxKind.FEEDBACK)
    inbox.mark_read(world.store, feedback.source, feedback.item_id)
    mark = derived_id("inbox_reads", world.field_id, "notes", feedback.item_id)
    assert world.store.scalar("SELECT read FROM inbox_reads WHERE id = ?", (mark,)) == 1
    assert inbox.unread_counts(world.store, now=NOW)[InboxKind.FEEDBACK] == 0
    assert [i.kind for i in inbox.inbox(world.store, unread_only=True, now=NOW)] == [
        InboxKind.FOLLOW_UP_COMPLETED,
        InboxKind.PINNED_NOTE,
        InboxKind.LEAD_HANDED,
    ]
    inbox.mark_unread(world.store, feedback.source, feedback.item_id)
    assert inbox.unread_counts(world.store, now=NOW)[InboxKind.FEEDBACK] == 1
    assert world.store.scalar("SELECT count(*) FROM inbox_reads") == 1  # one mark, updated
    assert inbox.mark_all_read(world.store, now=NOW) == 4
    assert sum(inbox.unread_counts(world.store, now=NOW).values()) == 0
    with pytest.raises(ValidationError):
        inbox.mark_read(world.store, "visits", feedback.item_id)


def test_the_inside_rep_hears_back_about_the_lead_they_handed(world: World) -> None:
    what_happened_this_week(world)
    upsert_server_records(
        world.store,
        "handoff_events",
        [
            server(
                {
                    "id": "0190a000-0000-7000-8000-0000000000e4",
                    "account_id": world.other_account_id,
                    "lead_id": "0190a000-0000-7000-8000-0000000000b1",
                    "follow_up_id": None,
                    "action": "returned",
                    "actor_id": world.field_id,
                    "to_user_id": world.inside_id,
                    "to_team": None,
                    "note": "Sous contrat jusqu'en juin.",
                    "at": at(0.2),
                }
            )
        ],
    )
    world.sign_in(world.inside_id)
    [answer] = inbox.inbox(world.store, now=NOW)
    assert (answer.kind, answer.text, answer.action) == (
        InboxKind.LEAD_ANSWERED,
        "Sous contrat jusqu'en juin.",
        "returned",
    )


def test_an_inside_rep_flags_priorities_the_field_rep_adds_to_the_route(world: World) -> None:
    store = world.store
    day = T0.date()
    with pytest.raises(PermissionDeniedError):
        priorities.flag_priority(store, world.account_id, rep_id=world.field_id, day=day, why="x")
    world.sign_in(world.inside_id)
    flagged = priorities.flag_priority(
        store, world.account_id, rep_id=world.field_id, day=day, why="Rupture de stock hier."
    )
    with pytest.raises(InvalidStateError, match="already a priority"):
        priorities.flag_priority(store, world.account_id, rep_id=world.field_id, day=day, why="x")
    for bad, field in (
        ({"why": ""}, "why"),
        ({"rep_id": world.inside_id}, "rep_id"),
        ({"day": "2026-11-23"}, "day"),
    ):
        arguments = {"rep_id": world.field_id, "day": day, "why": "Une raison", **bad}
        with pytest.raises(ValidationError) as error:
            priorities.flag_priority(store, world.other_account_id, **arguments)  # type: ignore[arg-type]
        assert error.value.field == field
    assert store.scalar("SELECT count(*) FROM priorities") == 1
    world.sign_in(world.field_id)
    zone = UTC
    [today] = priorities.priorities_for(store, world.field_id, day, tz=zone)
    assert (today.account.name, today.priority.why, today.flagged_by_name, today.visit) == (
        "Boulangerie Saint-Laurent",
        "Rupture de stock hier.",
        "Marc Gagnon",
        None,
    )
    visit = priorities.add_priority_to_route(store, flagged.id, tz=zone)
    [today] = priorities.priorities_for(store, world.field_id, day, tz=zone)
    assert today.visit is not None and today.visit.id == visit.id
    assert priorities.priorities_for(store, world.field_id, date(2026, 11, 24), tz=zone) == []
    # Only its author removes it.
    with pytest.raises(PermissionDeniedError):
        priorities.remove_priority(store, flagged.id)
    world.sign_in(world.inside_id)
    priorities.remove_priority(store, flagged.id)
    assert store.scalar("SELECT count(*) FROM priorities") == 0
