"""One sync cycle: push the outbox, then pull every feed until caught up.

Pushing first means the pull that follows already carries the server's versions of this
laptop's own changes, so a cycle with local edits converges in one round. Each pushed
batch is acknowledged, and each pulled page applied with its cursor, in one transaction:
a crash at any point loses nothing and repeats nothing (mutation ids make a re-push a
no-op; a page whose cursor was not saved is pulled again and applied again, idempotently).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from filelock import FileLock, Timeout

from fieldapp.errors import ConstraintError, DiskFullError, StoreError
from fieldapp.logs import FILE_ONLY
from fieldapp.store.change_set import EMPTY, ChangeSet
from fieldapp.store.database import Store
from fieldapp.store.syncbook import (
    acknowledge,
    apply_pulled,
    begin_full_resync,
    device_id,
    feed_cursor,
    finish_full_resync,
    finish_run,
    mark_attempt,
    note_seen,
    note_server_time,
    outbox_size,
    pending_mutations,
    save_cursor,
    start_run,
)
from sync.backend import SyncBackend
from sync.errors import InvalidCursorError, ProtocolError, SyncAlreadyRunningError, SyncError

log = logging.getLogger(__name__)

# Beside fieldapp.db in the profile folder; held for the length of one cycle.
SYNC_LOCK_NAME = "fieldapp.sync.lock"

# The server's largest page: a first download of 870,000 records takes 175 requests
# instead of 873, and 47 s instead of 71 s, for 40 MB more peak memory (measured).
DEFAULT_PAGE_SIZE = 5000


@dataclass(frozen=True)
class Progress:
    phase: str  # "push" or "pull"
    done: int
    total: int | None  # None when the server has not said how many remain


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("sync.cancelled")


@dataclass
class SyncReport:
    """What one cycle did. On a failed cycle it holds what was done before the failure:
    ``pushed`` and ``pulled`` count only what is committed here (acknowledged changes out
    of the outbox, received records saved), so they stay true whatever failed after."""

    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    rejected: int = 0
    requests: int = 0
    seconds: float = 0.0
    error: str | None = None
    # The failure's FieldAppError.code ("disk_full", ...), None on success.
    error_code: str | None = None
    # Changes the server answered for that this laptop could not record (its disk filled
    # first): still queued here, and confirmed, not applied again, at the next cycle.
    unconfirmed: int = 0
    conflict_fields: list[tuple[str, str, str]] = field(default_factory=list)
    # Every row the cycle committed here, its transactions' change sets united (a failed
    # cycle's too: what it committed before it stopped). The window refreshes these rows.
    changes: ChangeSet = EMPTY

    def as_dict(self) -> dict[str, object]:
        skipped = ("conflict_fields", "changes")
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in skipped}
        data["seconds"] = round(self.seconds, 3)
        return data


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def disk_full_sentence(path: str, report: SyncReport) -> str:
    """The one sentence for a cycle the full disk stopped, saying what it had done."""
    done = []
    if report.pushed:
        done.append(_count(report.pushed, "change was sent", "changes were sent"))
    if report.pulled:
        done.append(_count(report.pulled, "record was received", "records were received"))
    so_far = " and ".join(done)
    if report.unconfirmed:
        n, more = report.unconfirmed, "more " if report.pushed else ""
        unknown = (
            f"{n} {more}{'change' if n == 1 else 'changes'} reached the server but could not"
            f" be recorded here (the next sync confirms {'it' if n == 1 else 'them'})"
        )
        so_far = f"{so_far}; {unknown}" if so_far else unknown
    so_far = so_far or "nothing was sent or received"
    return f"The disk holding {path} is full: {so_far}; the rest waits until there is space."


class SyncEngine:
    def __init__(
        self,
        store: Store,
        backend: SyncBackend,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.backend = backend
        self.page_size = page_size
        self._progress = progress or (lambda _p: None)
        self._cancelled = cancelled or (lambda: False)
        self.last_report: SyncReport | None = None

    def run(self) -> SyncReport:
        """One full cycle. Raises SyncError (after logging it in the sync log) on failure.

        ``last_report`` holds the cycle's report afterwards, a failed cycle's too: what it
        had pushed and pulled before it stopped.

        One cycle at a time per profile, across processes: the window's sync worker and a
        ``fieldapp sync`` in a terminal would otherwise push the same outbox and apply the
        same pages twice. The lock is a file beside the database (never the database
        itself: see fieldapp/store/live_files.py), released by the OS if the process dies.
        """
        lock = FileLock(self.store.path.with_name(SYNC_LOCK_NAME), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise SyncAlreadyRunningError(
                "sync.another_fieldapp_window_or_terminal_syncing"
            ) from None
        try:
            return self._run_cycle()
        finally:
            lock.release()

    def _run_cycle(self) -> SyncReport:
        report = SyncReport()
        self.last_report = report
        started = time.perf_counter()
        requests_before = self.backend.requests_made
        run_id: int | None = None
        failure: BaseException | None = None
        # Each transaction of the cycle (acknowledged batches, applied pages, the sync log)
        # adds its change set as it commits, so what a failed cycle committed is known.
        with self.store.gather_changes() as gathered:
            try:
                run_id = start_run(self.store)
                self._push(report)
                self._pull(report)
            except Exception as exc:
                failure = self._told_as_it_is(exc, report)
                report.error = str(failure) or type(failure).__name__
                report.error_code = getattr(failure, "code", type(failure).__name__)
                if failure is exc:
                    raise
                raise failure from exc
            finally:
                report.requests = self.backend.requests_made - requests_before
                report.seconds = time.perf_counter() - started
                try:
                    self._log_run(run_id, report, failing=failure is not None)
                finally:
                    report.changes = gathered.changes
                    log.info("sync finished: %s", report.as_dict())
        return report

    def _told_as_it_is(self, exc: Exception, report: SyncReport) -> Exception:
        """The error a person reads for ``exc``: a full disk says what was done before it
        filled (the store's own "nothing was changed" is only true of its last write)."""
        if isinstance(exc, DiskFullError):
            return DiskFullError(
                "disk_full",
                exc.path,
                sentence=disk_full_sentence(exc.path, report),
                pushed=report.pushed,
                pulled=report.pulled,
                unconfirmed=report.unconfirmed,
            )
        return exc

    def _log_run(self, run_id: int | None, report: SyncReport, *, failing: bool) -> None:
        """Write the cycle in the sync log.

        On a full disk that write fails too: a failed cycle's own error must not be
        replaced by it. A cycle that exchanged everything but cannot record it raises
        the disk's sentence, saying what went through (else "last sync" stays old, unsaid).
        """
        if run_id is None:
            return
        try:
            finish_run(
                self.store,
                run_id,
                pushed=report.pushed,
                pulled=report.pulled,
                conflicts=report.conflicts,
                rejected=report.rejected,
                error=report.error,
            )
        except StoreError as exc:
            # In the log file only: the command line prints one line, the cycle's error.
            log.warning(
                "could not write the sync log (%s): %s",
                "failed cycle" if failing else "cycle done",
                exc,
                extra=FILE_ONLY,
            )
            if not failing:
                # Everything was exchanged, but "last sync" cannot say so: the person
                # must still hear that the disk is full, and what went through.
                failure = self._told_as_it_is(exc, report)
                report.error = str(failure)
                report.error_code = getattr(failure, "code", type(failure).__name__)
                if failure is exc:
                    raise
                raise failure from exc

    def _check_cancel(self) -> None:
        if self._cancelled():
            raise Cancelled()

    def _push(self, report: SyncReport) -> None:
        device = device_id(self.store)
        total = outbox_size(self.store)
        last_seq = 0
        while True:
            self._check_cancel()
            batch = pending_mutations(self.store, self.backend.max_batch, after_seq=last_seq)
            if not batch:
                return
            mark_attempt(self.store, batch)
            results = self.backend.push(device, batch)
            try:
                summary = acknowledge(self.store, batch, results)
            except StoreError:
                # The server has them; this laptop sends them again next time and the
                # server answers "duplicate" (mutation ids), so nothing is applied twice.
                report.unconfirmed += len(results)
                raise
            # Mutations the server did not answer for stay queued; skip past them for now.
            last_seq = batch[-1].seq
            report.pushed += len(results)
            report.conflicts += summary.conflicts
            report.rejected += summary.rejected
            report.conflict_fields += summary.conflict_fields
            self._progress(Progress("push", report.pushed, total))
            if len(batch) < self.backend.max_batch:
                return

    def _pull(self, report: SyncReport) -> None:
        for feed in self.backend.feeds():
            try:
                self._pull_feed(feed, feed_cursor(self.store, feed), report)
            except InvalidCursorError:
                if feed_cursor(self.store, feed) is None:
                    raise
                # The server cannot continue from our cursor (our scope changed, say):
                # read the whole feed again and drop what it no longer holds for us.
                log.warning("feed %s: cursor refused, reading it again from the start", feed)
                begin_full_resync(self.store)
                self._pull_feed(feed, None, report, full=True)
                finish_full_resync(self.store)

    def _pull_feed(
        self, feed: str, cursor: str | None, report: SyncReport, full: bool = False
    ) -> None:
        while True:
            self._check_cancel()
            page = self.backend.pull(feed, cursor, self.page_size)
            try:
                with self.store.transaction():
                    apply_pulled(self.store, page.changes)
                    if full:
                        note_seen(self.store, page.changes)
                    save_cursor(self.store, page.cursor, feed)
                    if page.server_time is not None:
                        note_server_time(self.store, page.server_time)
            except ConstraintError as exc:
                # Records that break the schema (a child without its parent, a value
                # out of range): the page is refused whole and nothing of it is kept.
                # Any other StoreError is the local database failing (in use, disk full,
                # read-only, damaged): the user needs that sentence, not one blaming the
                # server, so it goes up as it is.
                raise ProtocolError(
                    "sync.server_sent_records_do_not_fit", value=str(exc.__cause__ or exc)
                ) from exc
            cursor = page.cursor
            report.pulled += len(page.changes)
            self._progress(Progress("pull", report.pulled, None))
            if not page.has_more:
                return
