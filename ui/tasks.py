"""Database work off the GUI thread: one worker thread with its own connection to the profile.

Views never query SQLite themselves. They hand a function of the store to ``Tasks.read``
or ``Tasks.write``; the function runs on the worker thread, and its result (or its error)
comes back to a callback on the GUI thread through a queued Qt signal. One worker runs the
jobs in order, so a read queued after a write sees that write. Every job announces the
change set the store committed while it ran (``Store.gather_changes``), before its
callback, so the other views refresh exactly those rows; a job that failed part-way
announces what it had committed. No caller says what its write changed.

A read may carry a ``key``: when a newer read with the same key is queued before the older
one starts, the older one is skipped (typing in the search field queues one read per
keystroke; only the latest is worth running).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from fieldapp.errors import FieldAppError
from fieldapp.store.change_set import EMPTY, ChangeSet
from fieldapp.store.database import Store
from ui import error_words
from ui.changes import ChangeNotices, Changes
from ui.damage import is_damage
from ui.network_lane import NetworkLane

log = logging.getLogger(__name__)

T = TypeVar("T")
StoreFactory = Callable[[], Store]
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


@dataclass
class _Job:
    number: int
    work: Callable[[Store], Any]
    done: Done | None
    failed: Failed | None
    key: str | None


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    finished = Signal(object, object, object, object)  # job, result, error, ChangeSet


class Tasks(QObject):
    """The GUI's single door to the profile's database."""

    # A failure nobody handled: the main window shows it as a sentence.
    unhandled_error = Signal(str)
    # The database file is damaged (ui/damage.py): the window shows its one recovery
    # dialog instead of a message per failed job, handled or not.
    database_damaged = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self, open_store: StoreFactory, notices: ChangeNotices, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._open_store = open_store
        self._notices = notices
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._numbers = itertools.count(1)
        self._latest_by_key: dict[str, int] = {}
        self._key_lock = threading.Lock()
        self._outstanding = 0
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._work, name="fieldapp-store", daemon=True)
        self._thread.start()
        self.lane = NetworkLane(self)
        self.lane.unhandled.connect(lambda error: self.unhandled_error.emit(describe(error)))

    # -- GUI side ---------------------------------------------------------------------
    def read(
        self,
        work: Callable[[Store], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Failed | None = None,
        key: str | None = None,
    ) -> None:
        self._submit(work, done, failed, key)

    def write(
        self,
        work: Callable[[Store], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Failed | None = None,
    ) -> None:
        """Run a use case that changes data; what it committed is announced, then ``done``.

        Never skipped as a superseded read can be; otherwise a read and a write run alike
        (a read that happened to write would be announced too).
        """
        self._submit(work, done, failed, None)

    def network(
        self,
        work: Callable[[], T],
        done: Callable[[T], None] | None = None,
        *,
        failed: Failed | None = None,
    ) -> None:
        """Run a call that waits on the network on the network lane (ui/network_lane.py),
        never on the store thread: the store's jobs do not wait behind a slow server."""
        self.lane.run(work, done, failed=failed)

    @property
    def outstanding(self) -> int:
        """Jobs queued or running whose callbacks have not run yet."""
        return self._outstanding

    def close(self, timeout: float = 10.0) -> None:
        """Finish the queued jobs, close the connection and stop the workers."""
        self.lane.close(timeout)
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    def _submit(
        self,
        work: Callable[[Store], Any],
        done: Done | None,
        failed: Failed | None,
        key: str | None,
    ) -> None:
        job = _Job(next(self._numbers), work, done, failed, key)
        if key is not None:
            with self._key_lock:
                self._latest_by_key[key] = job.number
        self._outstanding += 1
        if self._outstanding == 1:
            self.busy_changed.emit(True)
        self._queue.put(job)

    def _deliver(
        self, job: _Job, result: Any, error: Exception | None, committed: ChangeSet
    ) -> None:
        self._outstanding -= 1
        try:
            if result is _SKIPPED:
                return
            # First, so that every view (the one that asked included) sees the same rows
            # change; also after a failure, for what had been committed before it.
            self._notices.announce(Changes(committed))
            if error is None:
                if job.done is not None:
                    _call_back(job.done, result)
            elif is_damage(error):
                self.database_damaged.emit(describe(error))
                if job.failed is not None:
                    _call_back(job.failed, error)  # e.g. a form's "Saving…" must end
            elif job.failed is not None:
                _call_back(job.failed, error)
            else:
                self.unhandled_error.emit(describe(error))
        finally:
            if self._outstanding == 0:
                self.busy_changed.emit(False)

    # -- worker side ------------------------------------------------------------------
    def _superseded(self, job: _Job) -> bool:
        if job.key is None:
            return False
        with self._key_lock:
            return self._latest_by_key.get(job.key, job.number) != job.number

    def _work(self) -> None:
        store: Store | None = None
        opening_error: Exception | None = None
        try:
            store = self._open_store()
        except Exception as exc:  # reported with every job, so the user sees why
            log.exception("the app could not open its database")
            opening_error = exc
        try:
            while (job := self._queue.get()) is not None:
                if self._superseded(job):
                    self._relay.finished.emit(job, _SKIPPED, None, EMPTY)
                    continue
                if store is None:
                    self._relay.finished.emit(job, None, opening_error, EMPTY)
                    continue
                with store.gather_changes() as gathered:
                    try:
                        result = job.work(store)
                    except Exception as exc:
                        if not isinstance(exc, FieldAppError):
                            log.exception("a database task failed")
                        self._relay.finished.emit(job, None, exc, gathered.changes)
                    else:
                        self._relay.finished.emit(job, result, None, gathered.changes)
        finally:
            if store is not None:
                store.close()


def _call_back(callback: Callable[[Any], None], value: Any) -> None:
    """Run a job's callback unless the view that asked is gone.

    A window closed (or rebuilt in another language) while its read was queued has
    nothing left to show the answer in; its widgets' C++ side is already deleted.
    """
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("a task's answer arrived after its view was deleted: %s", exc)


class _Skipped:
    """The result of a read that a newer read with the same key replaced: not delivered."""


_SKIPPED = _Skipped()


def describe(error: Exception) -> str:
    """A sentence for the user: a FieldAppError says it itself; anything else is a bug."""
    if is_damage(error) and not isinstance(error, FieldAppError):
        return QCoreApplication.translate(
            "Tasks", "The database on this computer is damaged (%1)."
        ).replace("%1", str(error))
    if isinstance(error, FieldAppError):
        return error_words.sentence(error)
    return f"Something went wrong ({type(error).__name__}: {error}). Details are in the log file."
