"""The server's rules for hand-offs, on SQLite and PostgreSQL: who may hand, answer, claim
and complete what; the instants the server stamps with its own clock (a laptop's claimed
time is never the SLA's); the history it writes itself; read marks that reach their owner
only; the teams' agreements; and breaches judged from server times alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from support.server_world import T0, World, create, delete, update

from fieldapp.ids import derived_id, new_id
from fieldapp.team.policies import CommitmentKind
from sync.server.breaches import breaches
from sync.server.scope import personal_channel
from sync.server.tables import records

NOW_TEXT = datetime.fromtimestamp(T0, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def later(world: World, seconds: float) -> None:
    """Move the server's clock; access tokens live an hour, so everyone signs in again."""
    world.clock.advance(seconds)
    world._headers.clear()


def stored(world: World, collection: str, record_id: str) -> dict[str, Any]:
    import json

    with world.engine.connect() as conn:
        row = conn.execute(
            sa.select(records).where(records.c.collection == collection, records.c.id == record_id)
        ).one()
    return {**json.loads(row.data), "version": int(row.version), "territory": row.territory}


def history(world: World, **target: str) -> list[tuple[str, str]]:
    import json

    with world.engine.connect() as conn:
        rows = conn.execute(
            sa.select(records.c.id, records.c.data).where(records.c.collection == "handoff_events")
        ).all()
    steps = [{**json.loads(r.data), "id": r.id} for r in rows]
    key, value = next(iter(target.items()))
    mine = sorted((s for s in steps if s[key] == value), key=lambda s: (s["at"], s["id"]))
    return [(s["action"], s["actor_id"]) for s in mine]


def a_lead(world: World, account_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "handed_by": world.ids["inside"],
        "assignee_id": world.ids["field"],
        "status": "handed",
        "why": "Veut une démonstration du four.",
        **fields,
    }


def test_a_lead_handed_accepted_and_stamped_by_the_server_clock(world: World) -> None:
    account_id = world.create_account("field")
    lead_id = new_id()
    # A laptop claiming its own times is ignored: the server's clock starts the SLA.
    [handed] = world.push(
        "inside",
        create("leads", lead_id, a_lead(world, account_id, handed_at="2030-01-01T00:00:00Z")),
    )
    assert handed["status"] == "applied", handed
    lead = stored(world, "leads", lead_id)
    assert lead["handed_at"] == NOW_TEXT and lead["territory"] == "Montréal"
    # Accepting plans a visit, which the server must already have.
    later(world, 3600)
    visit_id = new_id()
    ghost = world.push(
        "field", update("leads", lead_id, {"status": "accepted", "visit_id": new_id()}, None)
    )
    assert ghost[0]["status"] == "rejected" and "visit" in ghost[0]["reason"]
    [visit, accepted] = world.push(
        "field",
        create(
            "visits",
            visit_id,
            {
                "account_id": account_id,
                "rep_id": world.ids["field"],
                "planned_start": "2026-11-20T14:00:00Z",
                "planned_end": "2026-11-20T15:00:00Z",
                "status": "planned",
            },
        ),
        update("leads", lead_id, {"status": "accepted", "visit_id": visit_id}, handed["version"]),
    )
    assert (visit["status"], accepted["status"]) == ("applied", "applied"), accepted
    lead = stored(world, "leads", lead_id)
    assert lead["accepted_at"] == datetime.fromtimestamp(T0 + 3600, UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert history(world, lead_id=lead_id) == [
        ("handed", world.ids["inside"]),
        ("accepted", world.ids["field"]),
    ]
    # The visit of a lead cannot be deleted (it is cancelled), nor the lead itself.
    assert world.push("field", delete("visits", visit_id))[0]["code"] == "in_use"
    assert world.push("inside", delete("leads", lead_id))[0]["code"] == "forbidden"


def test_only_the_inside_team_hands_leads_and_only_to_a_rep_who_covers_the_account(
    world: World,
) -> None:
    account_id = world.create_account("field")
    refused = world.push(
        "field",
        create("leads", new_id(), {**a_lead(world, account_id), "handed_by": world.ids["field"]}),
    )
    assert refused[0]["code"] == "forbidden"
    elsewhere = world.push(
        "inside",
        create("leads", new_id(), a_lead(world, account_id, assignee_id=world.ids["field2"])),
    )
    assert "covers Québec" in elsewhere[0]["reason"]
    not_mine = world.push(
        "inside", create("leads", new_id(), {**a_lead(world, account_id), "handed_by": "x"})
    )
    assert not_mine[0]["code"] == "forbidden"
    france = world.push(
        "inside_fr",
        create(
            "leads", new_id(), {**a_lead(world, account_id), "handed_by": world.ids["inside_fr"]}
        ),
    )
    assert france[0]["code"] == "forbidden"  # not their scope, not their team
    lead_id = new_id()
    assert (
        world.push("inside", create("leads", lead_id, a_lead(world, account_id)))[0]["status"]
        == "applied"
    )
    again = world.push("inside", create("leads", new_id(), a_lead(world, account_id)))
    assert again[0]["code"] == "already_handed"


def test_only_the_rep_it_was_handed_to_answers_and_a_return_says_why(world: World) -> None:
    account_id = world.create_account("field")
    lead_id = new_id()
    world.push("inside", create("leads", lead_id, a_lead(world, account_id)))
    for who, fields, code in (
        ("inside", {"status": "returned", "reason": "Non"}, "forbidden"),
        ("field", {"status": "returned"}, "invalid_field"),
        ("field", {"status": "returned", "reason": "   "}, "invalid_field"),
        ("field", {"why": "Je réécris le briefing"}, "forbidden"),
        ("field", {"assignee_id": world.ids["field2"]}, "forbidden"),
    ):
        [answer] = world.push(who, update("leads", lead_id, fields, None))
        assert (answer["status"], answer.get("code")) == ("rejected", code), (fields, answer)
    [returned] = world.push(
        "field", update("leads", lead_id, {"status": "returned", "reason": "Sous contrat."}, None)
    )
    assert returned["status"] == "applied"
    later(world, 60)
    [again] = world.push(
        "inside", update("leads", lead_id, {"status": "handed", "reason": None}, None)
    )
    assert again["status"] == "applied"
    [withdrawn] = world.push(
        "inside", update("leads", lead_id, {"status": "withdrawn", "reason": "Fermé"}, None)
    )
    assert withdrawn["status"] == "applied"
    assert [a for a, _ in history(world, lead_id=lead_id)] == [
        "handed",
        "returned",
        "handed",
        "withdrawn",
    ]
    closed = world.push("inside", update("leads", lead_id, {"status": "handed"}, None))
    assert closed[0]["code"] == "invalid_state"


def a_follow_up(world: World, account_id: str) -> str:
    follow_up_id = new_id()
    [made] = world.push(
        "field",
        create(
            "follow_ups",
            follow_up_id,
            {
                "account_id": account_id,
                "title": "Envoyer la soumission",
                "assignee_team": "inside",
                "due_date": "2026-11-20",
                "status": "open",
                "created_by": world.ids["field"],
            },
        ),
    )
    assert made["status"] == "applied", made
    return follow_up_id


def test_a_follow_up_is_claimed_completed_with_an_outcome_on_the_servers_clock(
    world: World,
) -> None:
    account_id = world.create_account("field")
    follow_up_id = a_follow_up(world, account_id)
    assert stored(world, "follow_ups", follow_up_id)["handed_at"] == NOW_TEXT
    # The field rep cannot take the inside team's work, nor claim it for someone else.
    assert (
        world.push(
            "field", update("follow_ups", follow_up_id, {"claimed_by": world.ids["field"]}, None)
        )[0]["code"]
        == "forbidden"
    )
    assert (
        world.push(
            "inside", update("follow_ups", follow_up_id, {"claimed_by": world.ids["manager"]}, None)
        )[0]["code"]
        == "forbidden"
    )
    [claimed] = world.push(
        "inside", update("follow_ups", follow_up_id, {"claimed_by": world.ids["inside"]}, None)
    )
    assert claimed["status"] == "applied"
    # Completing a hand-off needs its outcome; a laptop's completed_at is not the SLA's.
    later(world, 7200)
    no_outcome = world.push("inside", update("follow_ups", follow_up_id, {"status": "done"}, None))
    assert no_outcome[0]["code"] == "invalid_field"
    [done] = world.push(
        "inside",
        update(
            "follow_ups",
            follow_up_id,
            {"status": "done", "outcome": "Envoyée.", "completed_at": "2026-01-01T00:00:00Z"},
            None,
        ),
    )
    assert done["status"] == "applied"
    record = stored(world, "follow_ups", follow_up_id)
    assert record["completed_at"] == datetime.fromtimestamp(T0 + 7200, UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    assert history(world, follow_up_id=follow_up_id) == [
        ("handed", world.ids["field"]),
        ("claimed", world.ids["inside"]),
        ("completed", world.ids["inside"]),
    ]


def test_a_reassigned_follow_up_leaves_the_claimers_queue_and_keeps_its_due_time(
    world: World,
) -> None:
    account_id = world.create_account("field")
    follow_up_id = a_follow_up(world, account_id)
    world.push(
        "inside", update("follow_ups", follow_up_id, {"claimed_by": world.ids["inside"]}, None)
    )
    later(world, 600)
    [moved] = world.push(
        "inside",
        update(
            "follow_ups",
            follow_up_id,
            {"assignee_team": None, "assignee_user_id": world.ids["manager"]},
            None,
        ),
    )
    assert moved["status"] == "applied"
    record = stored(world, "follow_ups", follow_up_id)
    assert (record["claimed_by"], record["claimed_at"], record["handed_at"]) == (
        None,
        None,
        NOW_TEXT,
    )
    assert [a for a, _ in history(world, follow_up_id=follow_up_id)][-1] == "reassigned"
    # A hand-off keeps its history: it is cancelled, never deleted.
    assert world.push("field", delete("follow_ups", follow_up_id))[0]["code"] == "in_use"


def test_a_check_in_claimed_in_the_future_counts_from_its_receipt(world: World) -> None:
    account_id = world.create_account("field")
    visit_id = new_id()
    [made] = world.push(
        "field",
        create(
            "visits",
            visit_id,
            {
                "account_id": account_id,
                "rep_id": world.ids["field"],
                "planned_start": "2026-11-18T14:00:00Z",
                "planned_end": "2026-11-18T15:00:00Z",
                "status": "checked_in",
                "checked_in_at": "2026-11-19T09:00:00Z",  # a laptop clock a day ahead
            },
        ),
    )
    assert made["status"] == "applied"
    assert stored(world, "visits", visit_id)["checked_in_at"] == NOW_TEXT
    earlier = "2026-11-18T10:00:00Z"  # honest, and before the receipt: kept as claimed
    world.push("field", update("visits", visit_id, {"checked_out_at": earlier}, None))
    assert stored(world, "visits", visit_id)["checked_out_at"] == earlier


def test_the_history_takes_comments_only_and_is_never_changed(world: World) -> None:
    account_id = world.create_account("field")
    follow_up_id = a_follow_up(world, account_id)
    comment = {
        "account_id": account_id,
        "follow_up_id": follow_up_id,
        "action": "commented",
        "actor_id": world.ids["inside"],
        "note": "J'appelle demain.",
    }
    event_id = new_id()
    [made] = world.push("inside", create("handoff_events", event_id, comment))
    assert made["status"] == "applied"
    assert stored(world, "handoff_events", event_id)["at"] == NOW_TEXT
    forged = world.push(
        "inside", create("handoff_events", new_id(), {**comment, "action": "completed"})
    )
    assert forged[0]["code"] == "forbidden"
    assert (
        world.push("inside", update("handoff_events", event_id, {"note": "x"}, None))[0]["code"]
        == "forbidden"
    )
    assert world.push("inside", delete("handoff_events", event_id))[0]["code"] == "forbidden"


def test_read_marks_reach_their_owners_laptops_only(world: World) -> None:
    item = new_id()
    mark_id = derived_id("inbox_reads", world.ids["field"], "notes", item)
    mark = {
        "user_id": world.ids["field"],
        "item_collection": "notes",
        "item_id": item,
        "read": True,
    }
    assert world.push("field", create("inbox_reads", new_id(), mark))[0]["code"] == "invalid_field"
    [first] = world.push("field", create("inbox_reads", mark_id, mark), device="laptop-1")
    assert first["status"] == "applied"
    assert stored(world, "inbox_reads", mark_id)["territory"] == personal_channel(
        world.ids["field"]
    )
    # The second laptop made the same mark offline, then "unread": the last word wins.
    [second] = world.push(
        "field", create("inbox_reads", mark_id, {**mark, "read": False}), device="laptop-2"
    )
    assert second["status"] == "applied" and stored(world, "inbox_reads", mark_id)["read"] is False
    someone = world.push("field2", create("inbox_reads", mark_id, {**mark, "read": True}))
    assert someone[0]["code"] == "forbidden"
    for username in ("field2", "inside", "manager"):
        changes, _ = world.pull_all(username)
        assert not [c for c in changes if c["collection"] == "inbox_reads"], username
    changes, _ = world.pull_all("field")
    assert [c["id"] for c in changes if c["collection"] == "inbox_reads"] == [mark_id]


def test_only_managers_set_their_teams_sla_policies_and_every_laptop_receives_them(
    world: World,
) -> None:
    agreement_id = new_id()
    quebec = {
        "team": "quebec",
        "region": "QC",
        "policies": {"follow_up_handled": {"working_days": 3}},
    }
    assert (
        world.push("inside", create("sla_policies", agreement_id, quebec))[0]["code"] == "forbidden"
    )
    bad_region = world.push(
        "manager", create("sla_policies", agreement_id, {**quebec, "region": "XX"})
    )
    assert bad_region[0]["code"] == "invalid_field"
    typo = world.push(
        "manager",
        create("sla_policies", agreement_id, {**quebec, "policies": {"follow_up": {"hours": 3}}}),
    )
    assert typo[0]["code"] == "invalid_field" and "follow_up" in typo[0]["reason"]
    [made] = world.push("manager", create("sla_policies", agreement_id, quebec))
    assert made["status"] == "applied"
    record = stored(world, "sla_policies", agreement_id)
    assert record["policies"]["follow_up_handled"] == {"working_days": 3}
    assert record["policies"]["report_written"] == {"hours": 24}  # the others: defaults
    assert record["changed_by"] == world.ids["manager"]
    assert (
        world.push("manager", create("sla_policies", new_id(), quebec))[0]["code"] == "already_set"
    )
    assert world.push("manager", delete("sla_policies", agreement_id))[0]["code"] == "forbidden"
    for username in ("field", "lyon", "inside_fr"):
        changes, _ = world.pull_all(username)
        assert [c["id"] for c in changes if c["collection"] == "sla_policies"] == [agreement_id]


def test_a_priority_goes_to_the_rep_of_the_accounts_territory_once_a_day(world: World) -> None:
    account_id = world.create_account("field")
    priority = {
        "account_id": account_id,
        "rep_id": world.ids["field"],
        "day": "2026-11-19",
        "why": "Rupture de stock hier.",
        "flagged_by": world.ids["inside"],
    }
    assert world.push("inside", create("priorities", new_id(), priority))[0]["status"] == "applied"
    again = world.push("inside", create("priorities", new_id(), priority))
    assert again[0]["code"] == "already_flagged"
    elsewhere = world.push(
        "inside", create("priorities", new_id(), {**priority, "rep_id": world.ids["field2"]})
    )
    assert elsewhere[0]["code"] == "invalid_field"
    field = world.push(
        "field", create("priorities", new_id(), {**priority, "flagged_by": world.ids["field"]})
    )
    assert field[0]["code"] == "forbidden"


def test_the_server_tells_breaches_from_its_own_clock(world: World) -> None:
    account_id = world.create_account("field")
    follow_up_id = a_follow_up(world, account_id)  # handed Wednesday Nov 18 at T0
    now = datetime.fromtimestamp(T0, UTC)
    with world.engine.connect() as conn:
        assert breaches(conn, now) == []
        # Two working days later plus a second: breached, owed by the inside team.
        late = breaches(conn, now + timedelta(days=2, seconds=1))
    [judged] = [j for j in late if j.commitment.record_id == follow_up_id]
    assert judged.commitment.kind is CommitmentKind.FOLLOW_UP_HANDLED
    assert (judged.commitment.owner_team, judged.clock.state) == ("inside", "overdue")
    # Completed late: still a breach, "met late", whatever the laptop claimed.
    later(world, 3 * 86400)
    world.push(
        "inside",
        update(
            "follow_ups",
            follow_up_id,
            {
                "status": "done",
                "outcome": "Fait.",
                "claimed_by": world.ids["inside"],
                "completed_at": NOW_TEXT,
            },
            None,
        ),
    )
    with world.engine.connect() as conn:
        [judged] = [
            j
            for j in breaches(conn, now + timedelta(days=10))
            if j.commitment.record_id == follow_up_id
        ]
    assert judged.clock.state == "met_late"


def test_a_note_is_stamped_when_it_arrives_and_each_time_it_is_pinned(world: World) -> None:
    account_id = world.create_account("field")
    note_id = new_id()
    [made] = world.push(
        "inside",
        create(
            "notes",
            note_id,
            {
                "account_id": account_id,
                "author_id": world.ids["inside"],
                "kind": "for_field",
                "body": "Demander pour le four neuf.",
                "arrived_at": "2020-01-01T00:00:00Z",  # a laptop's claim: ignored
            },
        ),
    )
    assert made["status"] == "applied"
    note = stored(world, "notes", note_id)
    assert (note["arrived_at"], note["pinned_at"]) == (NOW_TEXT, None)
    later(world, 600)
    world.push("inside", update("notes", note_id, {"pinned": True}, None))
    pinned_at = datetime.fromtimestamp(T0 + 600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert stored(world, "notes", note_id)["pinned_at"] == pinned_at
    world.push("inside", update("notes", note_id, {"pinned": False}, None))
    note = stored(world, "notes", note_id)
    assert (note["arrived_at"], note["pinned_at"]) == (NOW_TEXT, None)
