"""Sync issues made the way the engine makes them: a local change, then the server's answer.

Conflicts and rejections are recorded through ``fieldapp.store.syncbook.acknowledge`` with
a ``MutationResult`` like the one the central CRM sends, and sync runs through
``start_run``/``finish_run``, so the core and the Sync page see exactly what a real cycle
leaves behind. Each helper takes a ``Store``: tests call them directly on a core store, or
hand them to the UI's store worker. ``ScriptedServer`` plays the central CRM for a whole
cycle run by the app's sync worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from fieldapp.store.database import Store
from fieldapp.store.syncbook import (
    FieldConflict,
    MutationResult,
    PendingMutation,
    acknowledge,
    finish_run,
    pending_mutations,
    start_run,
)
from fieldapp.usecases import accounts
from fieldapp.usecases.sync_issues import open_conflicts, open_rejections
from sync.backend import Identity, PullPage, Tokens

SERVER_VERSION = 8


def _latest_mutation(store: Store) -> PendingMutation:
    queued = pending_mutations(store, 100_000)
    assert queued, "nothing is queued: make a local change first"
    return queued[-1]


def account_conflict(
    store: Store, account_id: str, mine: dict[str, Any], theirs: dict[str, Any]
) -> list[str]:
    """This rep edits ``mine`` on the account; the server answers that someone else wrote
    ``theirs`` into the same fields. Returns the new conflicts' ids, in ``theirs`` order."""
    accounts.edit_account(store, account_id, **mine)
    mutation = _latest_mutation(store)
    acknowledge(
        store,
        [mutation],
        [
            MutationResult(
                mutation.mutation_id,
                "conflict",
                SERVER_VERSION + 1,
                tuple(FieldConflict(f, v, SERVER_VERSION) for f, v in theirs.items()),
            )
        ],
    )
    by_field = {
        c.field: c.id
        for c in open_conflicts(store)
        if c.record_id == account_id and c.field in theirs
    }
    return [by_field[f] for f in theirs]


def reject_latest(
    store: Store, reason: str = "City is not in this territory", code: str = "invalid_field"
) -> str:
    """The server refuses the most recently queued change; returns the rejection's id."""
    mutation = _latest_mutation(store)
    acknowledge(
        store,
        [mutation],
        [MutationResult(mutation.mutation_id, "rejected", reason=reason, code=code)],
    )
    return next(r.id for r in open_rejections(store) if r.record_id == mutation.record_id)


def log_run(
    store: Store,
    *,
    pushed: int = 0,
    pulled: int = 0,
    conflicts: int = 0,
    rejected: int = 0,
    error: str | None = None,
    finished: bool = True,
) -> int:
    """One line of the sync log, as the engine writes it around a cycle."""
    run_id = start_run(store)
    if finished:
        finish_run(
            store,
            run_id,
            pushed=pushed,
            pulled=pulled,
            conflicts=conflicts,
            rejected=rejected,
            error=error,
        )
    return run_id


class ScriptedServer:
    """A central CRM in the test's hands (a ``SyncBackend``): it answers every pushed
    mutation with ``answer`` (applied, by default), has nothing new to send, and fails
    with ``failure`` when one is set. With a ``gate``, a push waits until the test opens
    it, so a test can act while a cycle is under way."""

    max_batch = 500

    def __init__(
        self,
        answer: Callable[[PendingMutation], MutationResult] | None = None,
        *,
        gate: threading.Event | None = None,
    ) -> None:
        self.answer = answer or (lambda m: MutationResult(m.mutation_id, "applied", 2))
        self.gate = gate
        self.failure: Exception | None = None
        self.pushed: list[PendingMutation] = []
        self.push_waiting = threading.Event()  # a push has arrived (and waits at the gate)
        self._requests = 0

    @property
    def requests_made(self) -> int:
        return self._requests

    def authenticate(self, username: str, password: str) -> Tokens:
        raise NotImplementedError("a scripted server needs no sign-in")

    def whoami(self) -> Identity:
        raise NotImplementedError("a scripted server needs no sign-in")

    def feeds(self) -> Sequence[str]:
        return ("*",)

    def pull(self, feed: str, cursor: str | None, limit: int) -> PullPage:
        self._requests += 1
        if self.failure is not None:
            raise self.failure
        return PullPage((), cursor or "0", False)

    def push(self, device_id: str, mutations: Sequence[PendingMutation]) -> list[MutationResult]:
        self._requests += 1
        self.push_waiting.set()
        if self.gate is not None and not self.gate.wait(timeout=30):
            raise TimeoutError("the test never let the push through")
        if self.failure is not None:
            raise self.failure
        self.pushed.extend(mutations)
        return [self.answer(m) for m in mutations]


def conflict_answer(theirs: dict[str, Any]) -> Callable[[PendingMutation], MutationResult]:
    """The server's answer when someone else already wrote ``theirs`` into those fields."""

    def answer(mutation: PendingMutation) -> MutationResult:
        clashes = tuple(
            FieldConflict(f, v, SERVER_VERSION) for f, v in theirs.items() if f in mutation.fields
        )
        status = "conflict" if clashes else "applied"
        return MutationResult(mutation.mutation_id, status, SERVER_VERSION + 1, clashes)

    return answer
