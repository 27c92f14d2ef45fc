"""Main windows of real laptops against a server on loopback, for the desktop app's tests.

``open_window`` signs a new profile in (the token goes to the tests' keyring) and shows its
main window; ``press_f5`` syncs it as a person does and returns the cycle's outcome;
``run_in`` runs a read (or a write) on a window's store worker and waits for its answer;
``open_account`` shows an account's briefing; ``dialog_of`` and ``save`` find a dialog a
click opened and press its Save button.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.store.database import Store, open_store
from fieldapp.usecases.people import current_user
from support.server import DEMO_PASSWORD
from sync.session import sign_in
from ui.context import AppContext, build_context
from ui.main_window import MainWindow
from ui.pages.lead_panel import LeadPanel
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


T = TypeVar("T")
D = TypeVar("D", bound=QWidget)


@pytest.fixture
def contexts() -> Iterator[list[AppContext]]:
    """The contexts of the windows a test opens, closed after it."""
    made: list[AppContext] = []
    yield made
    for context in made:
        context.close()


def run_in(
    window: MainWindow, qtbot: QtBot, work: Callable[[Store], T], *, write: bool = False
) -> T:
    box: list[T] = []
    tasks = window.context.tasks
    (tasks.write if write else tasks.read)(work, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def count_in(window: MainWindow, qtbot: QtBot, sql: str) -> int:
    return int(run_in(window, qtbot, lambda store: store.scalar(sql)))


def open_account(window: MainWindow, qtbot: QtBot, account_id: str) -> None:
    """The account's briefing, as a search hit or an inbox row opens it."""
    window.context.navigator.account_requested.emit(account_id)
    briefing = window.accounts.briefing
    qtbot.waitUntil(
        lambda: briefing.briefing is not None and briefing.briefing.account.id == account_id,
        timeout=10_000,
    )


def dialog_of(parent: QWidget, kind: type[D], qtbot: QtBot) -> D:
    """The dialog of ``kind`` a click under ``parent`` opened, once it can be saved (its
    choices, read on the store worker, are in)."""
    qtbot.waitUntil(lambda: parent.findChild(kind) is not None, timeout=5000)
    dialog = parent.findChild(kind)
    assert dialog is not None
    buttons: Any = getattr(dialog, "buttons")  # noqa: B009 - every form names its box so
    qtbot.waitUntil(buttons.isEnabled, timeout=5000)
    return dialog


def save(dialog: QWidget, qtbot: QtBot) -> None:
    buttons: Any = getattr(dialog, "buttons")  # noqa: B009
    button = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def account_without_lead(store: Store, username: str) -> tuple[str, str]:
    """An account of the rep's with no lead waiting or accepted: (its id, the rep's)."""
    rep_id = str(store.scalar("SELECT id FROM users WHERE username = ?", (username,)))
    account_id = store.scalar(
        "SELECT id FROM accounts WHERE owner_id = ? AND id NOT IN"
        " (SELECT account_id FROM leads) ORDER BY name LIMIT 1",
        (rep_id,),
    )
    return str(account_id), rep_id


def lead_shown(panel: LeadPanel, qtbot: QtBot, status: str) -> None:
    """Wait until the lead panel shows its lead in ``status``."""
    qtbot.waitUntil(
        lambda: panel.isVisible() and panel.brief is not None and panel.brief.lead.status == status,
        timeout=10_000,
    )
