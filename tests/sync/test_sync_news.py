"""What a sync brings for a person (the desktop notification's summary), across two
laptops and a real server: replies and reviews on my reports, notes pinned for my
accounts, follow-ups for me, and follow-ups I handed over completed; my own changes
coming back, and the first download, are no news."""

from __future__ import annotations

from datetime import date, timedelta

from support.replicas import ClientFactory
from support.server import ServerProcess

from fieldapp.records import NoteKind, Team
from fieldapp.usecases import follow_ups, notes, reviews
from fieldapp.usecases.news import News, news_in
from fieldapp.usecases.people import current_user

DUE = date(2026, 12, 10)


def test_a_sync_tells_me_what_others_sent_for_me_and_nothing_else(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    field = make_client(server.url, "field")
    desk = make_client(server.url, "inside")
    first = field.sync()
    me = current_user(field.store)
    assert news_in(field.store, first.changes, me) == News()  # the first download
    desk.sync()

    account_id = str(
        field.store.scalar("SELECT id FROM accounts WHERE owner_id = ? ORDER BY id", (me.id,))
    )
    report_id = str(
        field.store.scalar(
            "SELECT id FROM notes WHERE author_id = ? AND kind = ?"
            " AND id NOT IN (SELECT note_id FROM reviews) ORDER BY id",
            (me.id, NoteKind.VISIT_REPORT),
        )
    )
    handed = follow_ups.create_follow_up(
        field.store,
        account_id,
        title="Send the price list",
        due_date=DUE,
        assignee_team=Team.INSIDE,
    )
    notes.add_note(field.store, account_id, "My own note: it comes back, it is not news.")
    assert field.sync().pushed == 2

    desk.sync()
    notes.reply_to_visit_report(desk.store, report_id, "Good call on the delivery dates.")
    reviews.mark_reviewed(desk.store, report_id)
    notes.pin_note_for_field(desk.store, account_id, "Ask for Julie, not the front desk.")
    follow_ups.create_follow_up(
        desk.store,
        account_id,
        title="Bring the new samples",
        due_date=DUE + timedelta(days=1),
        assignee_user_id=me.id,
    )
    follow_ups.complete_follow_up(desk.store, handed.id, "Price list sent by e-mail.")
    assert desk.sync().pushed == 5

    report = field.sync()
    news = news_in(field.store, report.changes, me)
    assert news == News(feedback=2, pinned=1, handed_to_me=1, completed_for_me=1)
    # The inside rep hears nothing of what they sent themselves.
    assert news_in(desk.store, desk.sync().changes, current_user(desk.store)).total == 0
    # Nothing new: nothing to tell.
    assert news_in(field.store, field.sync().changes, me) == News()
