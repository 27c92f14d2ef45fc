"""Saying what became of a change: saved on this laptop until the server took it, then sent.

A change made while online goes out soon after (a short pause gathers a burst of edits into
one cycle), not only at the next interval; the screen never says "sent" before the server
acknowledged it.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support.notices import notice
from support.server import DEMO_PASSWORD, seed_server

from fieldapp.store.database import open_store
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.people import current_user
from sync.server.launcher import BackgroundServer, start_server
from sync.session import sign_in
from ui.context import AppContext, build_context
from ui.pages.review import ReviewPage
from ui.settings import AppSettings
from ui.sync_worker import Connection


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackgroundServer]:
    folder = tmp_path_factory.mktemp("delivery-server")
    seed_server(folder, accounts=40, seed=5)
    started = start_server(folder, _free_port())
    yield started
    started.stop()


def _laptop(
    tmp_path: Path, url: str, username: str, contexts: list[AppContext], **options: object
) -> AppContext:
    profile = tmp_path / f"laptop-{username}"
    with open_store(profile, create=True) as store:
        sign_in(store, url, username, DEMO_PASSWORD)
        user = current_user(store)
    context = build_context(profile, user, AppSettings(tmp_path / "settings.ini"), **options)
    contexts.append(context)
    return context


def _first_sync(context: AppContext, qtbot: QtBot) -> None:
    with qtbot.waitSignal(context.sync.finished, timeout=60_000) as finished:
        assert context.sync.sync_now()
    assert finished.args[0].error is None
    assert context.sync.connection is Connection.ONLINE


def _outbox(context: AppContext, qtbot: QtBot) -> int:
    box: list[int] = []
    context.tasks.read(lambda s: int(s.scalar("SELECT count(*) FROM outbox")), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_a_burst_of_changes_made_online_goes_out_soon_in_one_cycle(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    context = _laptop(tmp_path, server.url, "field", contexts, push_delay_ms=1500)
    _first_sync(context, qtbot)
    started: list[bool] = []
    context.sync.started.connect(lambda: started.append(True))
    account: list[str] = []
    context.tasks.read(lambda s: s.scalar("SELECT id FROM accounts LIMIT 1"), account.append)
    qtbot.waitUntil(lambda: bool(account))
    # Nobody presses F5, and the 15-minute interval is far away.
    with qtbot.waitSignal(context.sync.finished, timeout=30_000) as finished:
        for number in range(5):
            context.tasks.write(
                lambda store, n=number: add_note(store, account[0], f"note {n}"),
            )
    report = finished.args[0].report
    assert finished.args[0].error is None and report is not None
    assert report.pushed == 5  # the burst, gathered into one cycle
    assert started == [True]
    assert _outbox(context, qtbot) == 0


def test_drafts_alone_start_no_sync(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    context = _laptop(tmp_path, server.url, "field", contexts, push_delay_ms=50)
    _first_sync(context, qtbot)
    started: list[bool] = []
    context.sync.started.connect(lambda: started.append(True))
    context.notices.announce(notice({"drafts": ["visit-report:x"]}))  # stays on the laptop
    # What a sync wrote, the outbox included (its acknowledgements): nothing to send.
    context.notices.announce(notice({"notes": ["n"], "outbox": ["m"]}, from_sync=True))
    qtbot.wait(300)
    assert started == []


def test_feedback_says_saved_until_the_server_acknowledged_it_then_sent(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    context = _laptop(tmp_path, server.url, "inside", contexts, push_delay_ms=60_000)
    _first_sync(context, qtbot)
    page = ReviewPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None, timeout=10_000)
    author = page.current.author_name
    qtbot.keyClicks(page.reply_box, "Good visit; call them Friday")
    qtbot.mouseClick(page.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.reply_box.toPlainText() == "", timeout=5000)
    assert page.message.text() == (f"Feedback saved; it will be sent to {author} at the next sync.")
    assert "sent to" not in page.message.text().split(";")[0]

    with qtbot.waitSignal(context.sync.finished, timeout=60_000) as finished:
        assert context.sync.sync_now()
    assert finished.args[0].report.pushed == 1
    qtbot.waitUntil(lambda: page.message.text() == f"Feedback sent to {author}.", timeout=5000)
