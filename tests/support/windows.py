"""Main windows of real laptops against a server on loopback, for the desktop app's tests.

``open_window`` signs a new profile in (the token goes to the tests' keyring) and shows its
main window; ``press_f5`` syncs it as a person does and returns the cycle's outcome.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.store.database import open_store
from fieldapp.usecases.people import current_user
from support.server import DEMO_PASSWORD
from sync.session import sign_in
from ui.context import AppContext, build_context
from ui.main_window import MainWindow
from ui.settings import AppSettings
from ui.sync_worker import SyncOutcome


def open_window(
    tmp_path: Path,
    url: str,
    username: str,
    contexts: list[AppContext],
    qtbot: QtBot,
    *,
    laptop: str | None = None,
) -> MainWindow:
    """``laptop`` names the profile when one person has two (default: the username)."""
    name = laptop or username
    profile = tmp_path / f"laptop-{name}"
    with open_store(profile, create=True) as store:
        sign_in(store, url, username, DEMO_PASSWORD)
        user = current_user(store)
    settings = AppSettings(tmp_path / f"{name}.ini")
    context = build_context(profile, user, settings, probe_seconds=0.3)
    contexts.append(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def press_f5(window: MainWindow, qtbot: QtBot) -> SyncOutcome:
    # Window shortcuts reach only the active window, as on a real desktop.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(window.context.sync.finished, timeout=60_000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    outcome = finished.args[0]
    assert isinstance(outcome, SyncOutcome)
    return outcome
