"""Drafts of the visit report: kept locally while the rep types, real changes once saved."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from support.core_world import World

from fieldapp.errors import InvalidStateError, ValidationError
from fieldapp.store import database_path, open_store
from fieldapp.store.drafts import discard_draft, draft_keys, load_draft, save_draft
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases import drafts, visits
from fieldapp.usecases.drafts import FollowUpDraft, VisitReportDraft

OPPORTUNITY_ID = "0190a000-0000-7000-8000-00000000e001"


def checked_in_visit(world: World) -> str:
    visit = visits.plan_visit(world.store, world.account_id, world.clock.now)
    visits.check_in(world.store, visit.id)
    return visit.id


def add_opportunity(world: World, account_id: str | None = None) -> str:
    upsert_server_records(
        world.store,
        "opportunities",
        [
            {
                "id": OPPORTUNITY_ID,
                "account_id": account_id or world.account_id,
                "name": "Four à sole 2027",
                "stage": "qualification",
                "amount": 48000.0,
                "currency": "CAD",
                "close_date": "2027-02-01",
                "owner_id": world.field_id,
                "version": 1,
                "created_at": "2026-10-01T12:00:00Z",
            }
        ],
    )
    return OPPORTUNITY_ID


def outbox_size(world: World) -> int:
    return int(world.store.scalar("SELECT count(*) FROM outbox"))


def a_full_report(world: World) -> VisitReportDraft:
    return VisitReportDraft(
        contacts_met=(world.contact_ids[0],),
        outcome="order_placed",
        summary="Élise commande 40 caisses; le four actuel lâche en février.",
        next_steps="Envoyer la soumission du four",
        follow_ups=(
            FollowUpDraft("Send the oven quote", "team:inside", "2026-11-25"),
            FollowUpDraft("Bring oven samples", f"user:{world.field_id}", "2026-12-01"),
        ),
        stages=((OPPORTUNITY_ID, "proposal"),),
    )


def test_a_draft_is_kept_replaced_and_discarded_without_touching_the_outbox(
    world: World,
) -> None:
    save_draft(world.store, "visit-report:v1", {"summary": "Élise est"})
    world.clock.advance(seconds=3)
    saved = save_draft(world.store, "visit-report:v1", {"summary": "Élise est absente"})
    assert saved.saved_at == "2026-11-23T13:00:03Z"
    loaded = load_draft(world.store, "visit-report:v1")
    assert loaded is not None and loaded.body == {"summary": "Élise est absente"}
    assert loaded.saved_at == "2026-11-23T13:00:03Z"
    assert draft_keys(world.store, "visit-report:") == ["visit-report:v1"]
    assert outbox_size(world) == 0
    discard_draft(world.store, "visit-report:v1")
    assert load_draft(world.store, "visit-report:v1") is None


def test_a_saved_draft_is_on_disk_when_save_returns(world: World, tmp_path: Path) -> None:
    save_draft(world.store, "visit-report:v1", {"summary": "mid-sent"})
    # Another connection (the app restarted after a crash) reads it back.
    other = sqlite3.connect(database_path(tmp_path / "profile"))
    body = other.execute("SELECT body FROM drafts WHERE key = 'visit-report:v1'").fetchone()[0]
    other.close()
    assert json.loads(body) == {"summary": "mid-sent"}


def test_the_drafts_table_refuses_a_body_that_is_not_json(world: World) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        world.store._conn.execute(
            "INSERT INTO drafts (key, body, saved_at) VALUES ('x', 'not json', 'now')"
        )


def test_the_report_form_offers_the_draft_of_an_open_visit(world: World) -> None:
    visit_id = checked_in_visit(world)
    add_opportunity(world)
    before = outbox_size(world)
    saved_at = drafts.save_report_draft(world.store, visit_id, a_full_report(world))
    assert saved_at == "2026-11-23T13:00:00Z"
    assert outbox_size(world) == before
    form = drafts.visit_report_form(world.store, visit_id)
    assert form.draft == a_full_report(world)
    assert form.draft_saved_at == saved_at
    assert [c.last_name for c in form.contacts] == ["Bouchard", "Nguyen"]
    assert [o.id for o in form.opportunities] == [OPPORTUNITY_ID]
    assert {p.display_name for p in form.people} == {
        "Julie Tremblay",
        "Marc Gagnon",
        "Nathalie Côté",
    }


def test_without_a_draft_the_form_shows_what_the_visit_holds(world: World) -> None:
    visit_id = checked_in_visit(world)
    visits.log_visit(world.store, visit_id, outcome="neutral", summary="Sam was busy")
    form = drafts.visit_report_form(world.store, visit_id)
    assert form.draft is None and form.draft_saved_at is None
    assert form.report.outcome == "neutral" and form.report.summary == "Sam was busy"


def test_completing_the_report_makes_every_part_real_and_drops_the_draft(world: World) -> None:
    visit_id = checked_in_visit(world)
    add_opportunity(world)
    drafts.save_report_draft(world.store, visit_id, a_full_report(world))
    world.clock.advance(minutes=45)
    done = drafts.complete_visit_report(world.store, visit_id, a_full_report(world))
    assert done.visit.status == "completed"
    assert done.visit.checked_out_at == "2026-11-23T13:45:00Z"
    assert done.visit.contacts_met == (world.contact_ids[0],)
    assert done.report.kind == "visit_report" and done.report.body.startswith("Élise commande")
    assert [
        (f.title, f.assignee_team, f.assignee_user_id, f.due_date) for f in done.follow_ups
    ] == [
        ("Send the oven quote", "inside", None, "2026-11-25"),
        ("Bring oven samples", None, world.field_id, "2026-12-01"),
    ]
    assert all(f.origin_visit_id == visit_id for f in done.follow_ups)
    assert world.store.scalar("SELECT stage FROM opportunities") == "proposal"
    assert load_draft(world.store, drafts.report_key(visit_id)) is None
    queued = {r["collection"] for r in world.store.query("SELECT collection FROM outbox")}
    assert queued == {"visits", "notes", "follow_ups", "opportunities"}


def test_a_refused_completion_saves_nothing_and_keeps_the_draft(world: World) -> None:
    visit_id = checked_in_visit(world)
    add_opportunity(world)
    unfinished = VisitReportDraft(
        outcome="positive",
        summary="   ",
        follow_ups=(FollowUpDraft("Call back", "team:inside", "2026-11-26"),),
        stages=((OPPORTUNITY_ID, "negotiation"),),
    )
    drafts.save_report_draft(world.store, visit_id, unfinished)
    before = outbox_size(world)
    with pytest.raises(ValidationError) as refused:
        drafts.complete_visit_report(world.store, visit_id, unfinished)
    assert refused.value.field == "summary"
    assert outbox_size(world) == before
    assert visits.get_visit(world.store, visit_id).status == "checked_in"
    assert world.store.scalar("SELECT count(*) FROM follow_ups") == 0
    assert world.store.scalar("SELECT stage FROM opportunities") == "qualification"
    assert drafts.visit_report_form(world.store, visit_id).draft == unfinished


def test_a_follow_up_error_names_its_row(world: World) -> None:
    visit_id = checked_in_visit(world)
    report = VisitReportDraft(
        outcome="positive",
        summary="Good talk",
        follow_ups=(
            FollowUpDraft("Send prices", "team:inside", "2026-11-25"),
            FollowUpDraft("  ", "team:inside", "2026-11-25"),
        ),
    )
    with pytest.raises(ValidationError) as refused:
        drafts.complete_visit_report(world.store, visit_id, report)
    assert refused.value.field == "follow_ups.1.title"
    assert str(refused.value) == "Follow-up 2: Title cannot be empty."
    undated = VisitReportDraft(
        outcome="positive",
        summary="Good talk",
        follow_ups=(FollowUpDraft("Send prices", "team:inside", ""),),
    )
    with pytest.raises(ValidationError) as refused:
        drafts.complete_visit_report(world.store, visit_id, undated)
    assert refused.value.field == "follow_ups.0.due_date"
    assert world.store.scalar("SELECT count(*) FROM follow_ups") == 0


def test_a_stage_of_another_accounts_opportunity_is_refused(world: World) -> None:
    visit_id = checked_in_visit(world)
    add_opportunity(world, world.other_account_id)
    report = VisitReportDraft(
        outcome="positive", summary="ok", stages=((OPPORTUNITY_ID, "proposal"),)
    )
    with pytest.raises(ValidationError) as refused:
        drafts.save_visit_report(world.store, visit_id, report)
    assert refused.value.field == f"stages.{OPPORTUNITY_ID}"
    assert world.store.scalar("SELECT stage FROM opportunities") == "qualification"


def test_saving_keeps_the_visit_checked_in_and_the_follow_ups_become_records(
    world: World,
) -> None:
    visit_id = checked_in_visit(world)
    add_opportunity(world)
    form = drafts.save_visit_report(world.store, visit_id, a_full_report(world))
    assert form.visit.status == "checked_in"
    assert form.visit.summary is not None and form.visit.summary.startswith("Élise commande")
    assert form.draft is None
    assert [f.title for f in form.saved_follow_ups] == ["Send the oven quote", "Bring oven samples"]
    # Completing afterwards with no new follow-ups creates none twice.
    done = drafts.complete_visit_report(world.store, visit_id, form.report)
    assert done.follow_ups == ()
    assert world.store.scalar("SELECT count(*) FROM follow_ups") == 2


def test_a_late_autosave_does_not_bring_back_the_draft_of_a_completed_visit(
    world: World,
) -> None:
    visit_id = checked_in_visit(world)
    drafts.complete_visit_report(
        world.store, visit_id, VisitReportDraft(outcome="neutral", summary="Quick stop")
    )
    assert drafts.save_report_draft(world.store, visit_id, VisitReportDraft(summary="x")) is None
    assert draft_keys(world.store) == []


def test_a_draft_left_on_a_visit_closed_elsewhere_is_not_offered(world: World) -> None:
    visit = visits.plan_visit(world.store, world.account_id, world.clock.now)
    drafts.save_report_draft(world.store, visit.id, VisitReportDraft(summary="Pending"))
    visits.cancel_visit(world.store, visit.id)
    assert drafts.visit_report_form(world.store, visit.id).draft is None


def test_logging_before_check_in_is_refused_but_the_draft_is_kept(world: World) -> None:
    visit = visits.plan_visit(world.store, world.account_id, world.clock.now)
    report = VisitReportDraft(summary="Waiting in the lobby: Élise is late")
    drafts.save_report_draft(world.store, visit.id, report)
    with pytest.raises(InvalidStateError, match="Check in"):
        drafts.save_visit_report(world.store, visit.id, report)
    assert drafts.visit_report_form(world.store, visit.id).draft == report


def test_a_draft_from_another_version_of_the_form_still_opens() -> None:
    odd = {
        "summary": "ok",
        "outcome": 3,
        "contacts_met": ["c1", 7],
        "follow_ups": [{"title": "Call", "due_date": None}, "junk"],
        "stages": ["not", "a", "map"],
        "colour": "blue",
    }
    draft = VisitReportDraft.from_json(odd)
    assert draft == VisitReportDraft(
        contacts_met=("c1",),
        outcome=None,
        summary="ok",
        follow_ups=(FollowUpDraft("Call", "team:inside", ""), FollowUpDraft()),
    )
    assert VisitReportDraft.from_json(draft.to_json()) == draft


def test_a_version_1_profile_gains_an_empty_drafts_table(tmp_path: Path) -> None:
    profile = tmp_path / "old"
    profile.mkdir()
    conn = sqlite3.connect(database_path(profile))
    fixture = Path(__file__).parent.parent / "fixtures" / "profile_schema_v1.sql"
    conn.executescript(fixture.read_text(encoding="utf-8"))
    conn.close()
    with open_store(profile) as store:
        assert draft_keys(store) == []
        save_draft(store, "visit-report:x", {"summary": "after the update"})
        assert store.scalar("SELECT count(*) FROM outbox") == 1  # only what v1 held
