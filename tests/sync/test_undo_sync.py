"""Undoing on the laptop reaches the central CRM: a review taken back, a route put back."""

from __future__ import annotations

from support.replicas import ClientFactory
from support.server import ServerProcess

from fieldapp.usecases import reviews


def test_a_review_taken_back_is_accepted_by_the_server_and_reaches_the_team(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    desk = make_client(server.url, "inside", "inside-desk")
    other = make_client(server.url, "manager", "manager-desk")
    desk.sync()
    other.sync()
    [item] = reviews.review_queue(desk.store, limit=1)
    reviews.mark_reviewed(desk.store, item.note_id)
    report = desk.sync()
    assert report.pushed == 1 and report.rejected == 0
    other.sync()
    assert item.note_id not in {i.note_id for i in reviews.review_queue(other.store, limit=1000)}

    reviews.unmark_reviewed(desk.store, item.note_id)
    undone = desk.sync()
    assert undone.pushed == 1 and undone.rejected == 0 and undone.conflicts == 0
    assert desk.outbox() == 0
    other.sync()
    assert item.note_id in {i.note_id for i in reviews.review_queue(other.store, limit=1000)}
