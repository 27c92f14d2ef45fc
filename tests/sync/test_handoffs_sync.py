"""Hand-offs across laptops, against the real server as a process, on real SQLite files.

An inside rep hands a lead; the field rep, offline, accepts it and plans the visit; once
synced, both laptops hold the same complete history. A person's read marks agree on their
two laptops and reach nobody else. With the server's clock set by the test: the inside
rep's work queue across a weekend, on a laptop whose own clock is a week behind, shows the
breach the server itself records.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from support.clocked_server import clocked_server
from support.core_world import FakeClock
from support.faults import Fault, FaultProxy
from support.replicas import ClientFactory
from support.server import ServerProcess

from fieldapp.store.database import Store
from fieldapp.team.sla import ClockState
from fieldapp.usecases import follow_ups, handoffs, inbox, notes, work_queue
from fieldapp.usecases.inbox import InboxKind
from fieldapp.usecases.people import current_user
from sync.errors import SyncError
from sync.http_backend import RetryPolicy
from sync.server.breaches import breaches

SHORT_TIMEOUT = (1.0, 1.5)
TWO_TRIES = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)


def user_id(store: Store, username: str) -> str:
    return str(store.scalar("SELECT id FROM users WHERE username = ?", (username,)))


def an_account_without_a_waiting_lead(store: Store, owner_id: str) -> str:
    return str(
        store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? AND id NOT IN"
            " (SELECT account_id FROM leads WHERE status = 'handed') ORDER BY name LIMIT 1",
            (owner_id,),
        )
    )


def test_a_lead_is_accepted_offline_and_both_laptops_hold_its_whole_history(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    inside = make_client(server.url, "inside")
    with FaultProxy(server.url) as network:
        field = make_client(network.url, "field", timeout=SHORT_TIMEOUT, retry=TWO_TRIES)
        inside.sync()
        field.sync()
        field_id = current_user(field.store).id
        account_id = an_account_without_a_waiting_lead(inside.store, field_id)
        lead = handoffs.hand_over_lead(
            inside.store,
            account_id,
            to_rep_id=field_id,
            why="Asked for a demo after the webinar; budget approved.",
            who_to_see="The owner, mornings.",
            promised="A visit this week with samples.",
        )
        inside.sync()
        field.sync()
        received = handoffs.get_lead(field.store, lead.id)
        assert received.status == "handed" and received.handed_at is not None
        handed_news = [i for i in inbox.inbox(field.store) if i.lead_id == lead.id]
        assert [(i.kind, i.read) for i in handed_news] == [(InboxKind.LEAD_HANDED, False)]

        network.set_fault(Fault.RESET_BEFORE_REQUEST)  # the field rep is in a basement
        start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1)
        _, visit = handoffs.accept_lead(field.store, lead.id, start)
        with pytest.raises(SyncError):
            field.sync()
        # Accepted here, not yet for the SLA: the clock runs until the server has it.
        [planned] = [
            i
            for i in work_queue.work_queue(field.store)
            if i.record_id == lead.id and i.kind == "lead_visit_planned"
        ]
        assert planned.waiting_to_sync and planned.clock is not None and planned.clock.is_open

        network.clear()
        field.sync()
        inside.sync()
    assert field.outbox() == 0
    on_inside = handoffs.get_lead(inside.store, lead.id)
    assert (on_inside.status, on_inside.visit_id) == ("accepted", visit.id)
    assert on_inside.accepted_at is not None and on_inside.handed_at is not None
    assert on_inside.accepted_at >= on_inside.handed_at
    assert inside.store.scalar("SELECT status FROM visits WHERE id = ?", (visit.id,)) == "planned"
    steps = {
        name: [
            (e.event.action, e.actor_name)
            for e in handoffs.handoff_history(c.store, lead_id=lead.id)
        ]
        for name, c in (("inside", inside), ("field", field))
    }
    field_name = current_user(field.store).display_name
    inside_name = current_user(inside.store).display_name
    assert (
        steps["inside"]
        == steps["field"]
        == [
            ("handed", inside_name),
            ("accepted", field_name),
        ]
    )
    # The inside rep hears the answer in the inbox.
    answers = [i for i in inbox.inbox(inside.store) if i.lead_id == lead.id]
    assert [(i.kind, i.action) for i in answers] == [(InboxKind.LEAD_ANSWERED, "accepted")]


def test_read_marks_agree_on_two_laptops_of_one_person_and_reach_nobody_else(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    first = make_client(server.url, "field", name="field-laptop")
    second = make_client(server.url, "field", name="field-desktop")
    inside = make_client(server.url, "inside")
    for client in (first, second, inside):
        client.sync()
    me = current_user(first.store).id
    report_id = str(
        inside.store.scalar(
            "SELECT id FROM notes WHERE kind = 'visit_report' AND author_id = ?"
            " ORDER BY created_at DESC LIMIT 1",
            (me,),
        )
    )
    feedback = notes.reply_to_visit_report(inside.store, report_id, "Great work on this one.")
    inside.sync()
    first.sync()
    second.sync()

    def state(store: Store) -> tuple[bool, int]:
        [item] = [i for i in inbox.inbox(store) if i.item_id == feedback.id]
        return item.read, inbox.unread_counts(store)[InboxKind.FEEDBACK]

    assert state(first.store) == state(second.store) == (False, state(first.store)[1])
    unread = state(first.store)[1]
    inbox.mark_read(first.store, "notes", feedback.id)
    first.sync()
    second.sync()
    assert state(second.store) == state(first.store) == (True, unread - 1)
    # Offline on both: the desktop marks it unread and read again, the laptop marks it
    # unread. No conflict, no rejection: the last word the server received wins (the
    # laptop's), and both agree on it.
    inbox.mark_unread(second.store, "notes", feedback.id)
    inbox.mark_read(second.store, "notes", feedback.id)
    inbox.mark_unread(first.store, "notes", feedback.id)
    second_report = second.sync()
    first_report = first.sync()
    second.sync()
    assert (first_report.conflicts, first_report.rejected) == (0, 0)
    assert (second_report.conflicts, second_report.rejected) == (0, 0)
    assert state(first.store) == state(second.store) == (False, unread)
    # Both mark it read before either syncs: two creates of one record would be a
    # rejection anywhere else; the mark's id is derived from person and item, so it is
    # one record, read.
    other = notes.reply_to_visit_report(inside.store, report_id, "And thanks for the photos.")
    inside.sync()
    first.sync()
    second.sync()
    inbox.mark_read(first.store, "notes", other.id)
    inbox.mark_read(second.store, "notes", other.id)
    assert (first.sync().rejected, second.sync().rejected, first.sync().rejected) == (0, 0, 0)
    for store in (first.store, second.store):
        [item] = [i for i in inbox.inbox(store) if i.item_id == other.id]
        assert item.read
    # Nobody else receives them.
    inside.sync()
    assert inside.store.scalar("SELECT count(*) FROM inbox_reads WHERE user_id = ?", (me,)) == 0


# -- the server's clock set by the test ---------------------------------------------------
# November 2026, Montréal (UTC-5).
WEDNESDAY_10H = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)
FRIDAY_16H = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
SATURDAY_NOON = datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
MONDAY_9H = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
A_WEEK = timedelta(days=7)


def hand_to_inside(store: Store, title: str) -> str:
    me = current_user(store).id
    account_id = str(store.scalar("SELECT id FROM accounts WHERE owner_id = ? LIMIT 1", (me,)))
    return follow_ups.create_follow_up(
        store,
        account_id,
        title=title,
        due_date=datetime(2026, 11, 30).date(),
        assignee_team="inside",
    ).id


def test_the_work_queue_across_a_weekend_on_a_laptop_a_week_behind_shows_the_servers_breach(
    tmp_path: Path, make_client: ClientFactory
) -> None:
    with clocked_server(tmp_path / "server", WEDNESDAY_10H) as server:
        field = make_client(server.url, "field")
        # The inside rep's laptop believes it is a week earlier than it is.
        laptop = FakeClock(WEDNESDAY_10H - A_WEEK)
        inside = make_client(server.url, "inside", clock=laptop)
        field.sync()
        late = hand_to_inside(field.store, "Price for the new oven")
        field.sync()  # the server accepts the hand-off on Wednesday at 10:00
        server.set_time(FRIDAY_16H)
        friday = hand_to_inside(field.store, "Quote for 40 cases")
        field.sync()

        server.set_time(SATURDAY_NOON)
        laptop.now = SATURDAY_NOON - A_WEEK
        inside.sync()
        mine = {late, friday}
        queue = {i.record_id: i for i in work_queue.work_queue(inside.store) if i.record_id in mine}
        assert queue[late].clock is not None and queue[late].clock.state is ClockState.OVERDUE
        weekend = queue[friday].clock
        assert weekend is not None and weekend.state is ClockState.ON_TIME  # the weekend pauses it
        assert weekend.due_at == datetime(2026, 11, 24, 21, 0, tzinfo=UTC)  # Tuesday 16:00

        server.set_time(MONDAY_9H)
        monday = hand_to_inside(field.store, "Call back about the delivery")
        field.sync()
        server.set_time(MONDAY_9H + timedelta(minutes=5))
        laptop.now = MONDAY_9H + timedelta(minutes=5) - A_WEEK
        inside.sync()
        mine.add(monday)
        ordered = [i for i in work_queue.work_queue(inside.store) if i.record_id in mine]
        assert [i.record_id for i in ordered] == [late, friday, monday]  # overdue first
        first = ordered[0].clock
        assert first is not None and first.state is ClockState.OVERDUE
        assert first.overdue_by is not None and first.overdue_by >= timedelta(days=2, hours=23)
        # By its own wall clock, the laptop would not even have seen the hand-off start.
        assert inside.store.clock() < WEDNESDAY_10H

        # The server knows the breach from its own clock, and only that one.
        engine = sa.create_engine(server.database_url)
        with engine.connect() as conn:
            late_ones = {
                j.commitment.record_id for j in breaches(conn, MONDAY_9H + timedelta(minutes=5))
            }
        engine.dispose()
        assert late in late_ones and not {friday, monday} & late_ones

        # Offline, the clock keeps running: two days later by the laptop's advance alone,
        # Friday's hand-off is overdue too (due Tuesday 16:00).
        laptop.advance(days=2)
        later = {i.record_id: i for i in work_queue.work_queue(inside.store) if i.record_id in mine}
        assert later[friday].clock is not None and later[friday].overdue
        # Handled late: done on Monday for the laptop, and "met late" for the server.
        follow_ups.claim_follow_up(inside.store, late)
        follow_ups.complete_follow_up(inside.store, late, "Price sent by e-mail.")
        inside.sync()
        field.sync()
        record = follow_ups.get_follow_up(field.store, late)
        assert record.completed_at == (MONDAY_9H + timedelta(minutes=5)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        )
        [entry] = [
            e
            for e in handoffs.handoff_history(field.store, follow_up_id=late)
            if e.event.action == "completed"
        ]
        assert entry.event.note == "Price sent by e-mail."
        completed = [i for i in inbox.inbox(field.store) if i.follow_up_id == late]
        assert InboxKind.FOLLOW_UP_COMPLETED in {i.kind for i in completed}
