"""Sync in the background: one cycle at a time on a thread of its own, reported by signals.

The worker opens its own connection to the profile for each cycle (the GUI's store thread
keeps working meanwhile, SQLite's WAL lets both go on) and runs ``sync.engine.SyncEngine``.
Progress, the end of a cycle and the online/offline state reach the GUI thread as queued
signals; nothing here touches a widget.

Cycles start on demand (``sync_now``: app start, F5, the Sync button), on the interval
timer, and when connectivity returns: while offline, a cheap health probe runs every
``PROBE_SECONDS`` and a successful probe starts a cycle. Cancelling stops the engine at its
next check; every page already received was committed with its cursor, so the store stays
consistent and the next cycle continues from there.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import requests
from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.store.change_set import EMPTY, ChangeSet
from fieldapp.store.database import Store
from sync import credentials
from sync.backend import SyncBackend
from sync.engine import Cancelled, SyncEngine, SyncReport
from sync.errors import AuthenticationError, OfflineError, ServerBusyError
from sync.session import SERVER_URL_KEY, backend_for
from ui import error_words
from ui.changes import OUTBOX, ChangeNotices, Changes
from ui.damage import is_damage
from ui.network_lane import NetworkLane
from ui.tasks import StoreFactory, describe

log = logging.getLogger(__name__)

PROBE_SECONDS = 20
# A local change goes out this long after the last one while online: soon enough that
# "sent" follows the click, long enough that typing a burst of edits makes one cycle.
PUSH_DELAY_MS = 3000
# Smaller pages than the command line's 5,000: parsing and writing one page holds
# Python's interpreter lock in long stretches (JSON decoding is one C call), and the GUI
# thread waits for it; 1,000 keeps each stretch short (docs/performance.md).
APP_PAGE_SIZE = 1000
PROBE_TIMEOUT = 5.0
BackendFactory = Callable[[Store], SyncBackend]
Probe = Callable[[str], bool]


class Connection(enum.Enum):
    UNKNOWN = "unknown"  # no cycle yet
    ONLINE = "online"
    OFFLINE = "offline"
    SIGNED_OUT = "signed out"  # the server refused our sign-in: the user must sign in


@dataclass(frozen=True)
class _Ended:
    """What a cycle hands back to the GUI thread, in one signal."""

    outcome: SyncOutcome
    connection: Connection
    server_url: str | None = None
    backend: SyncBackend | None = None
    keep_backend: bool = False


@dataclass(frozen=True)
class SyncOutcome:
    report: SyncReport | None
    error: str | None  # a sentence for the user, None on success
    cancelled: bool = False
    damaged: bool = False  # the profile's database file is damaged (ui/damage.py)
    # What the cycle committed here, also when it failed or was cancelled part-way.
    changes: ChangeSet = EMPTY


def probe_health(server_url: str) -> bool:
    """True when the server answers its health check (the connection is back)."""
    try:
        return requests.get(f"{server_url}/v1/health", timeout=PROBE_TIMEOUT).ok
    except requests.RequestException:
        return False


class SyncWorker(QObject):
    started = Signal()
    # A sync needs the user's password (no keyring kept the sign-in, or the server ended
    # it): the window asks for it. Emitted after a refused cycle, and instead of a cycle
    # the user asked for (F5) while signed out; never by the interval timer alone.
    sign_in_needed = Signal()
    # The database is damaged: no more cycles (each would fail, or write into a damaged
    # file); the window shows its recovery dialog. Emitted again by a sync asked for.
    database_damaged = Signal(str)
    progress = Signal(object)  # Progress
    finished = Signal(object)  # SyncOutcome
    connection_changed = Signal(object)  # Connection
    _ended = Signal(object)  # _Ended: what a cycle hands back to the GUI thread

    def __init__(
        self,
        open_store: StoreFactory,
        notices: ChangeNotices,
        *,
        backend_factory: BackendFactory = backend_for,
        probe: Probe = probe_health,
        probe_seconds: float = PROBE_SECONDS,
        page_size: int = APP_PAGE_SIZE,
        push_delay_ms: int = PUSH_DELAY_MS,
        lane: NetworkLane | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._lane = lane or NetworkLane(self)  # the health probe's
        self._open_store = open_store
        self._notices = notices
        self._backend_factory = backend_factory
        self._probe = probe
        self._backend: SyncBackend | None = None
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._server_url: str | None = None
        self.connection = Connection.UNKNOWN
        self._interval = QTimer(self)
        self._interval.timeout.connect(self._scheduled_sync)
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(int(probe_seconds * 1000))
        self._page_size = page_size
        self._probe_timer.timeout.connect(self._start_probe)
        self._ended.connect(self._on_ended)
        self._push_timer = QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.setInterval(push_delay_ms)
        self._push_timer.timeout.connect(self._scheduled_sync)
        self._push_again = False  # a change committed while a cycle ran
        self.halted: str | None = None  # why cycles stopped: the database is damaged
        notices.changed.connect(self._on_local_change)

    # -- controls (GUI thread) --------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def use_backend(self, backend: SyncBackend | None) -> None:
        """Keep a signed-in backend for the next cycles (e.g. when no keyring holds the token)."""
        self._backend = backend
        if backend is not None and self.connection is Connection.SIGNED_OUT:
            self._set_connection(Connection.UNKNOWN)

    def set_interval(self, minutes: int) -> None:
        """Sync every ``minutes`` (0: only on demand)."""
        self._interval.stop()
        if minutes > 0:
            self._interval.start(minutes * 60_000)

    def sync_now(self) -> bool:
        """Start a cycle unless one is running; True when one started.

        Signed out with no backend in hand, a cycle cannot succeed: ask for the sign-in.
        """
        if self.running:
            return False
        if self.halted is not None:
            self.database_damaged.emit(self.halted)
            return False
        if self.connection is Connection.SIGNED_OUT and self._backend is None:
            self.sign_in_needed.emit()
            return False
        return self._start()

    def _scheduled_sync(self) -> None:
        # The timer never prompts: a dismissed password prompt stays dismissed until the
        # user asks for a sync.
        if self.halted is None and (
            self.connection is not Connection.SIGNED_OUT or self._backend is not None
        ):
            self.sync_now()

    def _on_local_change(self, changes: Changes) -> None:
        """Send a local change soon (debounced), when online; offline, the probe sends it
        when the server is back; signed out, the user is asked first."""
        if changes.from_sync or not changes.touches(OUTBOX):
            return  # what a sync wrote, or nothing queued for the server (a draft)
        if self.connection is not Connection.ONLINE:
            return
        if self.running:
            self._push_again = True  # the running cycle may have pushed already
            return
        self._push_timer.start()  # restarted by each change: a burst makes one cycle

    def _start(self) -> bool:
        self._push_timer.stop()  # this cycle sends what is committed
        self._push_again = False
        self._cancel.clear()
        self.started.emit()
        # The cycle gets what it needs as arguments and hands everything back in _ended:
        # no attribute is written on one thread and read on the other.
        self._thread = threading.Thread(
            target=self._run, args=(self._backend,), name="fieldapp-sync", daemon=True
        )
        self._thread.start()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def halt(self, reason: str) -> None:
        """Stop syncing for good in this run: the database is damaged."""
        self.halted = reason
        self._interval.stop()
        self._probe_timer.stop()
        self._push_timer.stop()

    def shutdown(self, timeout: float = 15.0) -> None:
        """Cancel a running cycle and wait for it, so the app never quits mid-commit."""
        self._interval.stop()
        self._probe_timer.stop()
        self._push_timer.stop()
        self._cancel.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # -- the cycle (worker thread) ----------------------------------------------------
    def _run(self, known: SyncBackend | None) -> None:
        connection = Connection.ONLINE
        try:
            store = self._open_store()
        except Exception as exc:
            outcome = SyncOutcome(None, describe(exc), damaged=is_damage(exc))
            self._ended.emit(_Ended(outcome, Connection.UNKNOWN))
            return
        engine: SyncEngine | None = None
        backend: SyncBackend | None = known
        keep = False  # whether the GUI thread should keep (or drop) this cycle's backend
        server_url: str | None = None
        try:
            server_url = store.profile_value(SERVER_URL_KEY)
            backend = known or self._backend_factory(store)
            engine = SyncEngine(
                store,
                backend,
                page_size=self._page_size,
                progress=self.progress.emit,
                cancelled=self._cancel.is_set,
            )
            report = engine.run()
            outcome, keep = SyncOutcome(report, None), True  # it works: use it again
        except Cancelled as exc:
            outcome = SyncOutcome(None, error_words.sentence(exc), cancelled=True)
        except OfflineError as exc:
            outcome, connection = SyncOutcome(None, error_words.sentence(exc)), Connection.OFFLINE
        except ServerBusyError as exc:
            outcome = SyncOutcome(None, error_words.sentence(exc))
        except AuthenticationError:
            # The core's sentence names CLI commands ('fieldapp login'); the window asks.
            backend, keep = None, True  # refused: the next cycle signs in again
            outcome, connection = SyncOutcome(None, self.sign_in_text()), Connection.SIGNED_OUT
        except Exception as exc:
            outcome = SyncOutcome(None, describe(exc), damaged=is_damage(exc))
        finally:
            store.close()
        if engine is not None and engine.last_report is not None:
            outcome = dataclasses.replace(outcome, changes=engine.last_report.changes)
        self._ended.emit(_Ended(outcome, connection, server_url, backend, keep))

    # -- back on the GUI thread -------------------------------------------------------
    def _on_ended(self, ended: _Ended) -> None:
        if self._thread is not None:
            self._thread.join(1.0)
        outcome, connection = ended.outcome, ended.connection
        if ended.keep_backend:
            self._backend = ended.backend
        if ended.server_url is not None:
            self._server_url = ended.server_url
        self._set_connection(connection)
        # Exactly the rows the cycle committed (a failed one's too): views read those again.
        self._notices.announce(Changes(outcome.changes, from_sync=True))
        self.finished.emit(outcome)
        if outcome.damaged:
            self.halt(outcome.error or "")
            self.database_damaged.emit(outcome.error or "")
            return
        if self._push_again and connection is Connection.ONLINE:
            self._push_again = False
            self._push_timer.start()
        if connection is Connection.SIGNED_OUT:
            self.sign_in_needed.emit()

    def sign_in_text(self) -> str:
        """Why a sync needs the password, in the window's words."""
        if not credentials.keyring_available():
            return self.tr(
                "Enter your password to sync: this computer cannot remember your sign-in."
            )
        return self.tr("Sign in again to sync: the server no longer accepts this sign-in.")

    def _set_connection(self, connection: Connection) -> None:
        if connection is Connection.OFFLINE:
            if not self._probe_timer.isActive():
                self._probe_timer.start()
        else:
            self._probe_timer.stop()
        if connection is not self.connection:
            self.connection = connection
            self.connection_changed.emit(connection)

    def _start_probe(self) -> None:
        url = self._server_url
        if url is None or self.running:
            return
        probe = self._probe
        self._lane.run(lambda: probe(url), self._on_probed, failed=lambda _e: None)

    def _on_probed(self, reachable: bool) -> None:
        if reachable and self.connection is Connection.OFFLINE:
            log.info("the server is reachable again; syncing")
            self.sync_now()
