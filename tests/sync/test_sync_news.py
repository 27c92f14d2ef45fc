"""What a sync brings for a person (the desktop notification's summary), across two
laptops and a real server: replies and reviews on my reports, notes pinned for my
accounts, follow-ups for me, and follow-ups I handed over completed; my own changes
coming back, and the first download, are no news."""

from __future__ import annotations

from datetime import date, timedelta

from support.replicas import ClientFactory
from support.server import ServerProcess

from fieldapp.records import NoteKind, Team
from fieldapp.usecases import follow_ups, handoffs, notes, reviews
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


def test_leads_their_answers_and_comments_are_news_for_the_person_they_concern(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    field = make_client(server.url, "field")
    desk = make_client(server.url, "inside")
    field.sync()
    desk.sync()
    me, desk_me = current_user(field.store), current_user(desk.store)
    first, second = (
        str(row[0])
        for row in desk.store.rows(
            "SELECT id FROM accounts WHERE owner_id = ? AND id NOT IN"
            " (SELECT account_id FROM leads WHERE status = 'handed') ORDER BY name LIMIT 2",
            (me.id,),
        )
    )
    lead = handoffs.hand_over_lead(desk.store, first, to_rep_id=me.id, why="Wants a demo.")
    other = handoffs.hand_over_lead(desk.store, second, to_rep_id=me.id, why="New shop.")
    assert desk.sync().pushed == 2
    assert news_in(field.store, field.sync().changes, me) == News(leads_handed=2)

    handoffs.return_lead(field.store, other.id, "They closed the shop.")
    handoffs.comment_on_handoff(field.store, "Calling them tomorrow.", lead_id=lead.id)
    assert field.sync().pushed == 2
    assert news_in(desk.store, desk.sync().changes, desk_me) == News(lead_answers=1, comments=1)

    handoffs.comment_on_handoff(desk.store, "Ask for the owner.", lead_id=lead.id)
    handoffs.withdraw_lead(desk.store, other.id, "Closed for good.")
    assert desk.sync().pushed == 2
    assert news_in(field.store, field.sync().changes, me) == News(leads_withdrawn=1, comments=1)
    # My own steps coming back are no news for me.
    assert news_in(desk.store, desk.sync().changes, desk_me) == News()
