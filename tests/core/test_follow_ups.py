"""Follow-ups: the hand-off from the field to the inside team."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from support.core_world import World

from fieldapp.errors import InvalidStateError, NotFoundError, ValidationError
from fieldapp.usecases import follow_ups


def test_follow_up_for_the_inside_team_and_for_oneself(world: World) -> None:
    for_inside = follow_ups.create_follow_up(
        world.store,
        world.account_id,
        title="Envoyer la soumission",
        due_date=date(2026, 11, 25),
        assignee_team="inside",
        details="40 caisses",
    )
    assert (for_inside.assignee_team, for_inside.assignee_user_id) == ("inside", None)
    mine = follow_ups.create_follow_up(
        world.store, world.account_id, title="Rappeler Élise", due_date=date(2026, 11, 30)
    )
    assert (mine.assignee_team, mine.assignee_user_id) == (None, world.field_id)
    assert mine.created_by == world.field_id and mine.status == "open"
    assert [f.id for f in follow_ups.open_follow_ups(world.store, world.account_id)] == [
        for_inside.id,
        mine.id,
    ]
    world.sign_in(world.inside_id)
    done = follow_ups.complete_follow_up(world.store, for_inside.id, "Soumission envoyée.")
    # Done here, and done for the SLA when the server stamps its time of receipt.
    assert (done.status, done.outcome, done.completed_at) == ("done", "Soumission envoyée.", None)
    assert done.claimed_by == world.inside_id  # whoever completes a team's follow-up took it
    with pytest.raises(InvalidStateError, match="is done"):
        follow_ups.complete_follow_up(world.store, for_inside.id, "Encore")
    assert [f.id for f in follow_ups.open_follow_ups(world.store, world.account_id)] == [mine.id]


def test_follow_up_assigned_to_a_named_person(world: World) -> None:
    task = follow_ups.create_follow_up(
        world.store,
        world.account_id,
        title="Call back",
        due_date=date(2026, 12, 1),
        assignee_user_id=world.inside_id,
    )
    assert task.assignee_user_id == world.inside_id
    with pytest.raises(NotFoundError):
        follow_ups.create_follow_up(
            world.store,
            world.account_id,
            title="Call back",
            due_date=date(2026, 12, 1),
            assignee_user_id="ghost",
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": "", "due_date": date(2026, 12, 1)}, "title"),
        ({"title": "x", "due_date": "2026-12-01"}, "due_date"),
        ({"title": "x", "due_date": datetime(2026, 12, 1, 9)}, "due_date"),
        ({"title": "x", "due_date": date(2026, 12, 1), "assignee_team": "sales"}, "assignee_team"),
        (
            {
                "title": "x",
                "due_date": date(2026, 12, 1),
                "assignee_team": "inside",
                "assignee_user_id": "0190a000-0000-7000-8000-00000000f002",
            },
            "assignee",
        ),
    ],
)
def test_bad_follow_ups_are_refused(world: World, kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        follow_ups.create_follow_up(world.store, world.account_id, **kwargs)  # type: ignore[arg-type]
    assert error.value.field == field
    assert world.store.scalar("SELECT count(*) FROM follow_ups") == 0
