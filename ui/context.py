"""What every view receives in its constructor: the services it may use, nothing global.

Tests build an ``AppContext`` on a temporary profile (``ui.context.build_context``) and
hand it to the one view under test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fieldapp.clock import utc_now
from fieldapp.records import User
from fieldapp.store.database import Store, open_store
from ui.changes import ChangeNotices
from ui.notice_board import NoticeBoard
from ui.settings import AppSettings
from ui.sync_worker import BackendFactory, SyncWorker
from ui.tasks import Tasks


class Navigator(QObject):
    """Requests to move elsewhere in the window; the main window decides how to show them."""

    page_requested = Signal(str)  # "today", "accounts", "review", "sync"
    account_requested = Signal(str)  # account id: its briefing
    visit_requested = Signal(str)  # visit id: the visit form (check in, report, check out)
    note_requested = Signal(str)  # note id: the visit report in the review pane


@dataclass
class AppContext:
    profile_dir: Path
    user: User
    tasks: Tasks
    notices: ChangeNotices
    sync: SyncWorker
    settings: AppSettings
    navigator: Navigator
    # The dashboard's worker: a thread and a read connection of its own, so that seconds of
    # computing figures never hold up the store worker's reads and saves (ui/dashboard).
    figures: Tasks
    now: Callable[[], datetime] = utc_now
    # Where views post what the person should know without being stopped (the main
    # window's notice bar shows it; ui/notice_board.py).
    board: NoticeBoard = field(default_factory=NoticeBoard)

    def close(self) -> None:
        self.sync.shutdown()
        self.figures.close()
        self.tasks.close()


def build_context(
    profile_dir: Path,
    user: User,
    settings: AppSettings,
    *,
    now: Callable[[], datetime] = utc_now,
    backend_factory: BackendFactory | None = None,
    busy_timeout_ms: int = 5000,
    **sync_options: object,
) -> AppContext:
    """Start the store worker and the sync worker for one profile."""

    def open_profile() -> Store:
        return open_store(profile_dir, clock=now, busy_timeout_ms=busy_timeout_ms)

    notices = ChangeNotices()
    tasks = Tasks(open_profile, notices)
    if backend_factory is not None:
        sync_options["backend_factory"] = backend_factory
    sync = SyncWorker(open_profile, notices, lane=tasks.lane, **sync_options)  # type: ignore[arg-type]
    # The window's layout and last page are this profile's own (ui/settings.py).
    settings = settings.for_profile(profile_dir)
    # Its reads announce nothing (they change no record), but it speaks to the same notices.
    figures = Tasks(open_profile, notices)
    return AppContext(profile_dir, user, tasks, notices, sync, settings, Navigator(), figures, now)
