"""The loop between field and inside reps: reports, reviews, feedback, pinned notes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from support.core_world import T0, World

from fieldapp.errors import InvalidStateError, PermissionDeniedError, ValidationError
from fieldapp.records import Note
from fieldapp.usecases import notes, reviews, visits


def logged_visit(
    world: World,
    *,
    account_id: str | None = None,
    outcome: str = "positive",
    summary: str = "Rencontre productive",
) -> Note:
    visit = visits.plan_visit(world.store, account_id or world.account_id, world.clock())
    visits.check_in(world.store, visit.id)
    return visits.complete_visit(world.store, visit.id, outcome=outcome, summary=summary)[1]


def test_visit_report_is_reviewed_and_answered_by_the_inside_rep(world: World) -> None:
    report = logged_visit(world)
    world.sign_in(world.inside_id)
    [item] = reviews.review_queue(world.store)
    assert (item.note_id, item.author_name, item.account_name, item.outcome) == (
        report.id,
        "Julie Tremblay",
        "Boulangerie Saint-Laurent",
        "positive",
    )
    reply = notes.reply_to_visit_report(world.store, report.id, "Merci, je rappelle le client.")
    assert (reply.kind, reply.reply_to_id, reply.visit_id) == (
        "feedback",
        report.id,
        report.visit_id,
    )
    review = reviews.mark_reviewed(world.store, report.id)
    assert review.reviewer_id == world.inside_id
    assert reviews.review_queue(world.store) == []
    assert reviews.unreviewed_count(world.store) == 0
    with pytest.raises(InvalidStateError, match="already been reviewed"):
        reviews.mark_reviewed(world.store, report.id)


def test_field_rep_cannot_review_or_pin(world: World) -> None:
    report = logged_visit(world)
    with pytest.raises(PermissionDeniedError, match="inside or manager"):
        reviews.mark_reviewed(world.store, report.id)
    with pytest.raises(PermissionDeniedError):
        notes.pin_note_for_field(world.store, world.account_id, "Pinned?")
    assert world.store.scalar("SELECT count(*) FROM reviews") == 0
    assert world.store.scalar("SELECT count(*) FROM notes WHERE pinned = 1") == 0


def test_only_the_author_edits_a_note(world: World) -> None:
    report = logged_visit(world)
    edited = notes.edit_note(world.store, report.id, "Rencontre productive (corrigé)")
    assert edited.body == "Rencontre productive (corrigé)"
    world.sign_in(world.inside_id)
    with pytest.raises(PermissionDeniedError, match="add a new note"):
        notes.edit_note(world.store, report.id, "Overwritten")
    assert notes.get_note(world.store, report.id).body == "Rencontre productive (corrigé)"


def test_notes_are_validated(world: World) -> None:
    with pytest.raises(ValidationError, match="cannot be empty"):
        notes.add_note(world.store, world.account_id, "\n \n")
    with pytest.raises(ValidationError, match="too long"):
        notes.add_note(world.store, world.account_id, "é" * 20_001)
    with pytest.raises(ValidationError, match="reply to a visit report"):
        notes.add_note(world.store, world.account_id, "x", kind="feedback")
    with pytest.raises(ValidationError, match="Kind of note"):
        notes.add_note(world.store, world.account_id, "x", kind="gossip")
    world.sign_in(world.inside_id)
    pinned = notes.pin_note_for_field(world.store, world.account_id, "À lire avant la visite")
    with pytest.raises(ValidationError, match="answers a visit report"):
        notes.reply_to_visit_report(world.store, pinned.id, "Reply to a pinned note")
    assert world.store.scalar("SELECT count(*) FROM notes") == 1
    # Text a person typed is kept as typed: HTML is text, multi-line is fine.
    html = notes.add_note(world.store, world.account_id, "<b>Gras</b>\n<script>x</script>")
    assert html.body == "<b>Gras</b>\n<script>x</script>"


def test_review_queue_is_newest_first_and_filters(world: World) -> None:
    old = logged_visit(world, outcome="negative", summary="Client mécontent")
    world.clock.advance(days=2)
    new = logged_visit(
        world, account_id=world.other_account_id, outcome="order_placed", summary="Commande passée"
    )
    world.sign_in(world.inside_id)
    queue = reviews.review_queue
    assert [i.note_id for i in queue(world.store)] == [new.id, old.id]
    assert [i.note_id for i in queue(world.store, outcome="negative")] == [old.id]
    assert [i.note_id for i in queue(world.store, tier="C")] == [new.id]
    assert [i.note_id for i in queue(world.store, rep_id=world.field_id)] == [new.id, old.id]
    assert queue(world.store, rep_id=world.inside_id) == []
    day_one = T0.date()
    assert [i.note_id for i in queue(world.store, since=day_one, until=day_one)] == [old.id]
    assert [i.note_id for i in queue(world.store, since=day_one + timedelta(days=1))] == [new.id]
    assert [i.note_id for i in queue(world.store, limit=1, offset=1)] == [old.id]
    with pytest.raises(ValidationError, match="before its start"):
        queue(world.store, since=date(2026, 12, 1), until=date(2026, 11, 1))
    with pytest.raises(ValidationError, match="Tier"):
        queue(world.store, tier="Z")


def test_a_review_taken_back_puts_the_report_back_in_the_queue_through_the_outbox(
    world: World,
) -> None:
    report = logged_visit(world)
    world.sign_in(world.inside_id)
    reviews.mark_reviewed(world.store, report.id)
    queued = world.store.scalar("SELECT count(*) FROM outbox")
    reviews.unmark_reviewed(world.store, report.id)
    assert [item.note_id for item in reviews.review_queue(world.store)] == [report.id]
    last = world.store.query_one("SELECT collection, op FROM outbox ORDER BY rowid DESC LIMIT 1")
    assert world.store.scalar("SELECT count(*) FROM outbox") == queued + 1
    assert last == {"collection": "reviews", "op": "delete"}
    with pytest.raises(InvalidStateError, match="not marked reviewed"):
        reviews.unmark_reviewed(world.store, report.id)


def test_only_the_reviewer_takes_a_review_back(world: World) -> None:
    report = logged_visit(world)
    world.sign_in(world.inside_id)
    reviews.mark_reviewed(world.store, report.id)
    world.sign_in(world.manager_id)
    with pytest.raises(PermissionDeniedError, match="Only the reviewer"):
        reviews.unmark_reviewed(world.store, report.id)
    assert reviews.review_queue(world.store) == []
