"""Simulated field reps for the server load benchmark (``server_load``): each one a real
laptop, i.e. a profile's SQLite store on a file of its own, the real ``SyncEngine`` and
the real ``HttpBackend``, driven through the app's own use cases.

A worker process runs several reps, one thread each (threads, because a rep spends most
of its time waiting for the server or thinking; several worker processes, because one
interpreter's lock would otherwise be the bottleneck on a small machine). Run by
``server_load`` as:  python -m tests.benchmarks.load_rep SPEC.json OUT.json
It prints ``ready`` once its imports are done and starts when a line arrives on stdin, so
that every worker's reps start together.

Every HTTP request is timed to its last byte, by endpoint kind, with its status; every
mutation a rep's use cases queue is recorded (read back from the outbox before it is
pushed) so that ``server_load`` can check the server holds each one exactly once.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import keyring
import keyring.backends.fail
import requests

from fieldapp.store.database import Store, open_store
from fieldapp.store.syncbook import device_id
from fieldapp.usecases.accounts import edit_account
from fieldapp.usecases.follow_ups import complete_follow_up, create_follow_up
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.visits import complete_visit, start_unplanned_visit
from sync.engine import SyncEngine
from sync.errors import SyncError
from sync.http_backend import HttpBackend
from sync.session import sign_in

NOTES = (
    "Le gérant demande la nouvelle grille de prix avant la fin du mois.",
    "Rupture sur deux références ; proposer un réassort la semaine prochaine.",
    "Très satisfait du dernier arrivage, veut doubler la commande de printemps.",
    "Nouveau responsable des achats : reprendre contact en début de semaine.",
)
SUMMARIES = (
    "Revue de l'assortiment et des promotions du mois.",
    "Présentation des nouveautés ; échantillons laissés au comptoir.",
    "Point sur les retards de livraison, solution proposée.",
)
STREETS = ("rue Saint-Denis", "boulevard René-Lévesque", "rue de la Commune", "avenue du Parc")


@dataclass
class Sample:
    kind: str  # sign-in | me | download | push | pull | other
    ms: float
    status: int  # 0 when no answer arrived (connection error, timeout)
    at: float  # seconds since the start signal


class TimedSession(requests.Session):
    """A requests session that times every request to its last byte.

    ``HttpBackend`` streams bodies; reading the body here, inside the timing, is harmless:
    requests hands the already-read content to ``iter_content`` afterwards.
    """

    def __init__(self, samples: list[Sample], started: float) -> None:
        super().__init__()
        self.samples = samples
        self.started = started
        self.downloading = False  # the first sync: its pulls are counted apart

    def _kind(self, method: str, url: str, body: Any) -> str:
        path = urlsplit(url).path
        if path.endswith("/v1/auth/token"):
            grant = body.get("grant_type") if isinstance(body, dict) else None
            return "sign-in" if grant == "password" else "refresh"
        if path.endswith("/v1/mutations") and method == "POST":
            return "push"
        if path.endswith("/v1/changes"):
            return "download" if self.downloading else "pull"
        if path.endswith("/v1/me"):
            return "me"
        return "other"

    def request(  # type: ignore[override]
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        kind = self._kind(method.upper(), url, kwargs.get("json"))
        start = time.perf_counter()
        status = 0
        try:
            response = super().request(method, url, *args, **kwargs)
            response.content  # noqa: B018 -- read the body inside the timing
            status = response.status_code
            return response
        finally:
            elapsed = (time.perf_counter() - start) * 1000
            self.samples.append(Sample(kind, elapsed, status, time.monotonic() - self.started))


@dataclass
class Rep:
    """One field rep's laptop."""

    username: str
    password: str
    url: str
    profile: Path
    rng: random.Random
    session: TimedSession
    store: Store | None = None
    engine: SyncEngine | None = None
    user_id: str = ""
    device: str = ""
    accounts: list[str] = field(default_factory=list)
    open_follow_ups: list[str] = field(default_factory=list)
    mutations: list[list[Any]] = field(default_factory=list)  # id, collection, record, op, fields
    outbox_seen: int = 0
    rounds: int = 0
    conflicts: int = 0
    rejected: int = 0
    failures: list[str] = field(default_factory=list)
    outbox_left: int = -1

    # -- the life of a laptop ---------------------------------------------------------
    def start(self) -> None:
        """Sign in and download everything in scope (the first sync of a new laptop)."""
        self.store = open_store(self.profile, create=True)
        backend = HttpBackend(self.url, session=self.session)
        identity = sign_in(self.store, self.url, self.username, self.password, backend).identity
        self.user_id = identity.user_id
        self.device = device_id(self.store)
        self.engine = SyncEngine(self.store, backend)
        self.session.downloading = True
        try:
            self.sync()
        finally:
            self.session.downloading = False
        self.accounts = [r["id"] for r in self.store.query("SELECT id FROM accounts ORDER BY id")]
        if not self.accounts:
            raise RuntimeError(f"{self.username} received no accounts: was the seed right?")

    def sync(self) -> bool:
        """One cycle (push, then pull); a failure is recorded and the outbox kept."""
        assert self.engine is not None
        try:
            report = self.engine.run()
        except SyncError as exc:
            self.failures.append(f"{self.username}: sync failed: {exc}")
            return False
        self.conflicts += report.conflicts
        self.rejected += report.rejected
        return True

    def edit(self) -> None:
        """One to three things a rep does between two syncs."""
        for _ in range(self.rng.randint(1, 3)):
            action = self.rng.choices(
                (self.note, self.visit, self.follow_up, self.field_edit), (35, 25, 20, 20)
            )[0]
            action(self.rng.choice(self.accounts))
            self._record_mutations()

    def finish(self) -> None:
        """Push what a failed sync left behind (a few tries), then count what is left."""
        assert self.store is not None
        for attempt in range(3):
            if self.outbox() == 0:
                break
            time.sleep(2.0 * attempt)
            self.sync()
        self.outbox_left = self.outbox()
        self.store.close()

    def outbox(self) -> int:
        assert self.store is not None
        return int(self.store.scalar("SELECT count(*) FROM outbox"))

    # -- what a rep types ----------------------------------------------------------------
    def note(self, account_id: str) -> None:
        assert self.store is not None
        add_note(self.store, account_id, self.rng.choice(NOTES))

    def visit(self, account_id: str) -> None:
        """An unplanned visit, checked in, logged and checked out: five mutations."""
        assert self.store is not None
        visit = start_unplanned_visit(self.store, account_id)
        complete_visit(
            self.store,
            visit.id,
            outcome=self.rng.choice(("positive", "neutral", "negative")),
            summary=self.rng.choice(SUMMARIES),
        )

    def follow_up(self, account_id: str) -> None:
        assert self.store is not None
        if self.open_follow_ups and self.rng.random() < 0.4:
            complete_follow_up(self.store, self.open_follow_ups.pop(0))
            return
        due = self.store.clock().date() + timedelta(days=self.rng.randint(1, 14))
        created = create_follow_up(
            self.store, account_id, title="Rappeler pour la commande", due_date=due
        )
        self.open_follow_ups.append(created.id)

    def field_edit(self, account_id: str) -> None:
        assert self.store is not None
        if self.rng.random() < 0.7:
            address = f"{self.rng.randint(1, 9999)} {self.rng.choice(STREETS)}"
            edit_account(self.store, account_id, address=address)
        else:
            edit_account(self.store, account_id, tier=self.rng.choice("ABC"))

    def _record_mutations(self) -> None:
        """Read back what the use cases queued, before a push removes it from the outbox."""
        assert self.store is not None
        rows = self.store.query(
            "SELECT seq, mutation_id, collection, record_id, op, fields FROM outbox"
            " WHERE seq > ? ORDER BY seq",
            [self.outbox_seen],
        )
        for row in rows:
            self.outbox_seen = row["seq"]
            self.mutations.append(
                [row["mutation_id"], row["collection"], row["record_id"], row["op"],
                 json.loads(row["fields"])]
            )


def live(rep: Rep, deadline: float, think: float) -> None:
    """A rep's run: start, then rounds of edits + sync until the deadline."""
    try:
        rep.start()
        while time.monotonic() < deadline:
            rep.edit()
            rep.sync()
            rep.rounds += 1
            # Think time: uniform around the mean, so that reps do not march in step.
            pause = rep.rng.uniform(0.5, 1.5) * think
            time.sleep(max(0.0, min(pause, deadline - time.monotonic())))
    except Exception:  # the rep's laptop broke: that is a failure of the run, not a crash
        rep.failures.append(f"{rep.username}: {traceback.format_exc(limit=4)}")
    finally:
        if rep.store is not None:
            try:
                rep.finish()
            except Exception:
                rep.failures.append(f"{rep.username}: {traceback.format_exc(limit=4)}")


def run_worker(spec: dict[str, Any], started: float) -> dict[str, Any]:
    """Run the spec's reps, one thread each, and return everything they measured."""
    samples: list[Sample] = []  # list.append is atomic: every thread appends here
    deadline = started + float(spec["seconds"])
    reps = [
        Rep(
            username=username,
            password=spec["password"],
            url=spec["url"],
            profile=Path(spec["profiles"]) / username,
            rng=random.Random(f"{spec['seed']}:{username}"),
            session=TimedSession(samples, started),
        )
        for username in spec["usernames"]
    ]
    threads = [
        threading.Thread(target=live, args=(rep, deadline, float(spec["think"])), daemon=True)
        for rep in reps
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # Bounded: a rep stops starting rounds at the deadline; a sync is bounded by the
        # backend's timeouts and retries. A thread still alive after this is a failure.
        thread.join(timeout=max(1.0, deadline - time.monotonic()) + float(spec["grace"]))
    stuck = [rep.username for rep, thread in zip(reps, threads, strict=True) if thread.is_alive()]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "samples": [[s.kind, s.ms, s.status, s.at] for s in list(samples)],
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "reps": [
            {
                "username": rep.username,
                "user_id": rep.user_id,
                "device": rep.device,
                "rounds": rep.rounds,
                "conflicts": rep.conflicts,
                "rejected": rep.rejected,
                "failures": rep.failures
                + ([f"{rep.username}: still running at the end"] if rep.username in stuck else []),
                "outbox_left": rep.outbox_left,
                "mutations": rep.mutations,
            }
            for rep in reps
        ],
    }


def main() -> None:
    spec_file, out_file = Path(sys.argv[1]), Path(sys.argv[2])
    spec = json.loads(spec_file.read_text())
    # A real laptop keeps its refresh token in the OS keyring; these never touch one.
    keyring.set_keyring(keyring.backends.fail.Keyring())
    print("ready", flush=True)
    sys.stdin.readline()  # the start signal: every worker's reps start together
    result = run_worker(spec, time.monotonic())
    out_file.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
