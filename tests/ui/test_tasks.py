"""The store worker: database work leaves the GUI thread, results and notices come back."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from fieldapp.records import Note
from fieldapp.store.change_set import Kind
from fieldapp.store.database import Store
from fieldapp.store.schema import RECORDS_STAMP_KEY
from fieldapp.usecases.notes import add_note
from ui.changes import Changes


def test_reads_run_off_the_gui_thread_and_answer_on_it(make_context, qtbot: QtBot) -> None:
    context = make_context("field")
    seen: list[tuple[str, str]] = []

    def work(store: object) -> str:
        return threading.current_thread().name

    context.tasks.read(work, lambda name: seen.append((name, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(seen))
    worker, caller = seen[0]
    assert worker == "fieldapp-store"
    assert caller == threading.main_thread().name


def test_a_write_announces_its_changes_after_commit(make_context, qtbot: QtBot) -> None:
    context = make_context("field")
    account_id = _first_account(context, qtbot)
    announced: list[Changes] = []
    context.notices.changed.connect(announced.append)
    notes: list[Note] = []
    with qtbot.waitSignal(context.notices.changed, timeout=5000):
        context.tasks.write(
            lambda store: add_note(store, account_id, "Bring the new catalogue"), notes.append
        )
    # Nobody said what the write changed: the store did, row by row.
    [changes] = announced
    # The profile's row is the records' stamp, replaced by every write to a record (what
    # tells a dashboard snapshot it is stale: fieldapp/kpi/snapshot.py).
    assert changes.collections == {"notes", "outbox", "profile"} and not changes.from_sync
    assert changes.ids("profile") == {RECORDS_STAMP_KEY}
    assert changes.ids("notes") == {notes[0].id}
    assert changes.rows.kinds("notes") == {notes[0].id: Kind.CREATED}
    bodies: list[list[str]] = []
    context.tasks.read(
        lambda store: [
            r["body"]
            for r in store.query("SELECT body FROM notes WHERE account_id = ?", (account_id,))
        ],
        bodies.append,
    )
    qtbot.waitUntil(lambda: bool(bodies))
    assert "Bring the new catalogue" in bodies[0]


def test_a_newer_keyed_read_replaces_an_older_one_still_queued(make_context, qtbot) -> None:
    context = make_context("field")
    gate = threading.Event()
    results: list[int] = []
    context.tasks.read(lambda store: gate.wait(5))  # holds the worker while we queue
    for number in range(5):
        context.tasks.read(lambda store, n=number: n, results.append, key="search")
    gate.set()
    qtbot.waitUntil(lambda: context.tasks.outstanding == 0)
    assert results == [4]


def test_a_failed_write_reaches_its_error_callback_and_announces_nothing(
    make_context, qtbot: QtBot
) -> None:
    context = make_context("field")
    errors: list[Exception] = []
    announced: list[Changes] = []
    context.notices.changed.connect(announced.append)
    context.tasks.write(
        lambda store: add_note(store, "no-such-account", "text"),
        failed=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert "account" in str(errors[0]).lower()
    assert announced == []


def test_a_job_that_fails_part_way_announces_what_it_committed(make_context, qtbot: QtBot) -> None:
    context = make_context("field")
    account_id = _first_account(context, qtbot)
    announced: list[Changes] = []
    errors: list[Exception] = []
    context.notices.changed.connect(announced.append)
    saved: list[Note] = []

    def two_writes(store: Store) -> None:
        saved.append(add_note(store, account_id, "Saved before the failure"))
        add_note(store, "no-such-account", "refused")

    context.tasks.write(two_writes, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    [changes] = announced  # before the error callback, like a success's
    assert changes.ids("notes") == {saved[0].id}


def _first_account(context, qtbot: QtBot) -> str:
    found: list[str] = []
    context.tasks.read(
        lambda store: store.scalar("SELECT id FROM accounts ORDER BY name LIMIT 1"), found.append
    )
    qtbot.waitUntil(lambda: bool(found))
    return found[0]
