"""Background sync against a real server process: progress, offline, reconnection, cancel."""

from __future__ import annotations

import itertools
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from support.faults import Fault, FaultProxy
from support.replicas import differences, fresh_snapshot, snapshot
from support.server import DEMO_PASSWORD, seed_server
from support.table_diff import snapshot as table_snapshot
from support.table_diff import unexplained

from fieldapp.store.database import open_store
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.people import current_user
from sync.server.launcher import BackgroundServer, start_server
from sync.session import sign_in
from ui.changes import Changes
from ui.context import AppContext, build_context
from ui.settings import AppSettings
from ui.status_area import StatusArea
from ui.sync_worker import Connection, SyncOutcome


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "server"
    seed_server(folder, accounts=120, seed=5)
    return folder


@pytest.fixture
def server(server_dir: Path) -> Iterator[BackgroundServer]:
    started = start_server(server_dir, _free_port())
    yield started
    started.stop()


def _laptop(tmp_path: Path, url: str, qapp: object, **sync_options: object) -> AppContext:
    profile = tmp_path / "laptop"
    with open_store(profile, create=True) as store:
        sign_in(store, url, "field", DEMO_PASSWORD)
        user = current_user(store)
    return build_context(profile, user, AppSettings(tmp_path / "settings.ini"), **sync_options)


def _sync(context: AppContext, qtbot: QtBot, timeout: int = 60_000) -> SyncOutcome:
    with qtbot.waitSignal(context.sync.finished, timeout=timeout) as finished:
        assert context.sync.sync_now()
    return finished.args[0]


def test_a_note_written_offline_shows_as_pending_until_a_sync_sends_it(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    context = _laptop(tmp_path, server.url, qapp)
    contexts.append(context)
    status = StatusArea(context)
    qtbot.addWidget(status)
    assert _sync(context, qtbot).error is None
    assert context.sync.connection is Connection.ONLINE

    account_id = _one_account(context, qtbot)
    context.tasks.write(
        lambda store: add_note(store, account_id, "Met the buyer; samples next week"),
    )
    qtbot.waitUntil(lambda: status.pending_label.text().startswith("1 "), timeout=5000)

    outcome = _sync(context, qtbot)
    assert outcome.error is None and outcome.report is not None and outcome.report.pushed == 1
    qtbot.waitUntil(lambda: status.pending_label.text().startswith("0 "), timeout=5000)
    assert status.connection_label.text() == "Online"
    assert "Last sync" in status.last_sync_label.text()


def test_offline_is_shown_and_the_sync_resumes_when_the_server_is_back(
    server_dir: Path, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    port = _free_port()
    server = start_server(server_dir, port)
    context = _laptop(tmp_path, server.url, qapp, probe_seconds=0.2)
    contexts.append(context)
    status = StatusArea(context)
    qtbot.addWidget(status)
    server.stop()
    try:
        outcome = _sync(context, qtbot)
        assert outcome.error is not None
        assert context.sync.connection is Connection.OFFLINE
        assert status.connection_label.text() == "Offline"
        assert status.connection_label.toolTip() == (
            "Changes are kept here and sent when the server answers."
        )

        # Connectivity returns: the probe notices and a sync starts by itself.
        with qtbot.waitSignal(context.sync.finished, timeout=60_000) as finished:
            server = start_server(server_dir, port)
        assert finished.args[0].error is None
        assert context.sync.connection is Connection.ONLINE
        assert status.connection_label.text() == "Online"
    finally:
        server.stop()


def test_the_window_keeps_turning_during_a_long_first_sync_and_cancel_keeps_the_store_whole(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    # Small pages: many commits, so the cancel lands mid-download and the timer has a
    # download's worth of time to tick through.
    context = _laptop(tmp_path, server.url, qapp, page_size=10)
    contexts.append(context)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    progress: list[object] = []
    context.sync.progress.connect(progress.append)
    # Cancel after a few pages have been committed.
    context.sync.progress.connect(lambda _p: len(progress) == 5 and context.sync.cancel())
    outcome = _sync(context, qtbot)
    assert outcome.cancelled, outcome
    with open_store(context.profile_dir) as store:
        assert store.scalar("PRAGMA integrity_check") == "ok"
        assert store.scalar("SELECT count(*) FROM accounts") > 0

    # The next sync carries on from the saved cursor and ends equal to the server.
    assert _sync(context, qtbot).error is None
    timer.stop()
    # The event loop kept turning through both downloads (ticks every ~10 ms).
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 0.5, f"{len(ticks)} ticks, longest {max(gaps):.3f} s"
    with open_store(context.profile_dir) as store:
        mine = snapshot(store)
    assert differences(mine, fresh_snapshot(tmp_path, server.url, "field")) == []


def _one_account(context: AppContext, qtbot: QtBot) -> str:
    found: list[str] = []
    context.tasks.read(
        lambda store: store.scalar("SELECT id FROM accounts ORDER BY name LIMIT 1"), found.append
    )
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def test_a_cycle_that_fails_part_way_announces_the_rows_it_committed(
    server: BackgroundServer, tmp_path: Path, qtbot: QtBot, qapp: object, contexts
) -> None:
    pages = itertools.count(1)

    def third_page_fails(method: str, path: str) -> Fault:
        if method == "GET" and path.startswith("/v1/changes") and next(pages) >= 3:
            return Fault.HTTP_500
        return Fault.NONE

    with FaultProxy(server.url) as proxy:
        proxy.set_chooser(third_page_fails)
        context = _laptop(tmp_path, proxy.url, qapp, page_size=50)
        contexts.append(context)
        announced: list[Changes] = []
        context.notices.changed.connect(announced.append)
        with open_store(tmp_path / "laptop") as store:
            before = table_snapshot(store, tmp_path)
        outcome = _sync(context, qtbot)
        with open_store(tmp_path / "laptop") as store:
            after = table_snapshot(store, tmp_path)
    assert outcome.error is not None and outcome.report is None
    # The two pages saved before the failure, and the sync log, are announced: exactly.
    [notice] = [n for n in announced if n.from_sync]
    assert notice.rows == outcome.changes
    assert unexplained(before, after, notice.rows) == []
    assert sum(len(notice.ids(c) or ()) for c in notice.collections) >= 100
