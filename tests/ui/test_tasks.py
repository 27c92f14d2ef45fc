"""The store worker: database work leaves the GUI thread, results and notices come back."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

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
    with qtbot.waitSignal(context.notices.changed, timeout=5000):
        context.tasks.write(
            lambda store: add_note(store, account_id, "Bring the new catalogue"),
            Changes.of("notes"),
        )
    assert announced[0].touches("notes")
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
        Changes.of("notes"),
        failed=errors.append,
    )
    qtbot.waitUntil(lambda: bool(errors))
    assert "account" in str(errors[0]).lower()
    assert announced == []


def _first_account(context, qtbot: QtBot) -> str:
    found: list[str] = []
    context.tasks.read(
        lambda store: store.scalar("SELECT id FROM accounts ORDER BY name LIMIT 1"), found.append
    )
    qtbot.waitUntil(lambda: bool(found))
    return found[0]
