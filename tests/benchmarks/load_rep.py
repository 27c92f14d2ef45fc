"""Simulated field reps for the server load benchmark (``server_load``): each one a real
laptop, i.e. a profile's SQLite store on a file of its own, the real ``SyncEngine`` and
the real ``HttpBackend``, driven through the app's own use cases.

A worker process runs several reps, one thread each (threads, because a rep spends most
of its time waiting for the server or thinking; several worker processes, because one
interpreter's lock would otherwise be the bottleneck on a small machine). Run by
``server_load`` as:  python -m tests.benchmarks.load_rep SPEC.json OUT.json
It prints ``ready`` once its imports are done and opens its laptops (sign-in, first
download) when a line arrives on stdin; then prints ``started`` and begins the day (rounds
of edits and syncs) at the next line: every worker's reps start each phase together, and
the day is measured apart from the morning's sign-in storm.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import keyring
import keyring.backends.fail
import requests
from requests.adapters import HTTPAdapter

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
    failure: str = ""  # why no answer arrived (the exception's class)


class _FromAddress(HTTPAdapter):
    """Connections from a given local address (one of 127.0.0.0/8, still loopback)."""

    def __init__(self, address: str) -> None:
        self._source = (address, 0)
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["source_address"] = self._source
        super().init_poolmanager(*args, **kwargs)


def laptop_address(number: int) -> str | None:
    """Rep ``number``'s own loopback address, so that the server sees 50 laptops at 50
    addresses as in the field (its sign-in throttling counts per address); None where
    only 127.0.0.1 is a loopback address (Linux routes the whole 127/8 to lo)."""
    if not sys.platform.startswith("linux"):
        return None
    return f"127.0.{1 + number // 250}.{2 + number % 250}"


class TimedSession(requests.Session):
    """A requests session that times every request to its last byte.

    ``HttpBackend`` streams bodies; reading the body here, inside the timing, is harmless:
    requests hands the already-read content to ``iter_content`` afterwards.
    """

    def __init__(self, samples: list[Sample], started: float, address: str | None) -> None:
        super().__init__()
        self.samples = samples
        self.started = started
        self.downloading = False  # the first sync: its pulls are counted apart
        self.failure_examples: list[str] = []  # what the first requests with no answer met
        if address is not None:
            self.mount("http://", _FromAddress(address))

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
        status, failure = 0, ""
        try:
            response = super().request(method, url, *args, **kwargs)
            response.content  # noqa: B018 -- read the body inside the timing
            status = response.status_code
            return response
        except BaseException as exc:
            failure = type(exc).__name__  # no answer: the backend retries or gives up
            if len(self.failure_examples) < 3:
                self.failure_examples.append(f"{kind}: {failure}: {exc}"[:200])
            raise
        finally:
            elapsed = (time.perf_counter() - start) * 1000
            self.samples.append(
                Sample(kind, elapsed, status, time.monotonic() - self.started, failure)
            )


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
            if not self.sync():
                raise RuntimeError(f"{self.username}: the first download failed")
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
                [
                    row["mutation_id"],
                    row["collection"],
                    row["record_id"],
                    row["op"],
                    json.loads(row["fields"]),
                ]
            )


def open_laptop(rep: Rep, delay: float) -> None:
    """The morning: after ``delay`` (laptops are opened over a while, not all in the same
    second), sign in and download the territory."""
    time.sleep(delay)
    try:
        rep.start()
    except Exception:  # the rep's laptop broke: a failure of the run, not a crash
        rep.failures.append(f"{rep.username}: {traceback.format_exc(limit=4)}")
        rep.engine = None  # it takes no part in the day
        if rep.store is not None:
            rep.store.close()
            rep.store = None


def work(rep: Rep, deadline: float, think: float, min_rounds: int) -> None:
    """The day: rounds of edits + sync until the deadline (and at least ``min_rounds``, so
    that every rep is exercised even on a machine too busy to finish one in time)."""
    try:
        while rep.engine is not None and (rep.rounds < min_rounds or time.monotonic() < deadline):
            rep.edit()
            rep.sync()
            rep.rounds += 1
            # Think time: uniform around the mean, so that reps do not march in step.
            pause = rep.rng.uniform(0.5, 1.5) * think
            if rep.rounds >= min_rounds:
                pause = min(pause, deadline - time.monotonic())
            time.sleep(max(0.0, pause))
    except Exception:
        rep.failures.append(f"{rep.username}: {traceback.format_exc(limit=4)}")
    finally:
        if rep.store is not None:
            try:
                rep.finish()
            except Exception:
                rep.failures.append(f"{rep.username}: {traceback.format_exc(limit=4)}")


def _run_threads(threads: list[threading.Thread], limit: float) -> list[int]:
    """Start the threads, wait for them until ``limit`` (monotonic); the indexes of those
    still running then. Every step of a rep is bounded (timeouts, retries), so a thread
    still alive is a failure to report, never a reason to wait forever."""
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, limit - time.monotonic()))
    return [i for i, thread in enumerate(threads) if thread.is_alive()]


def run_worker(spec: dict[str, Any], signal: Callable[[str], float]) -> dict[str, Any]:
    """Run the spec's reps, one thread each: everybody's morning, then, on the signal,
    everybody's day. ``signal(message)`` tells the parent and waits for its go."""
    samples: list[Sample] = []  # list.append is atomic: every thread appends here
    started = signal("ready")
    reps = [
        Rep(
            username=username,
            password=spec["password"],
            url=spec["url"],
            profile=Path(spec["profiles"]) / username,
            rng=random.Random(f"{spec['seed']}:{username}"),
            session=TimedSession(
                samples, started, None if spec["one_address"] else laptop_address(number)
            ),
        )
        for number, username in zip(spec["numbers"], spec["usernames"], strict=True)
    ]
    stuck = _run_threads(
        [
            threading.Thread(target=open_laptop, args=(rep, delay), daemon=True)
            for rep, delay in zip(reps, spec["delays"], strict=True)
        ],
        started + float(spec["morning_limit"]),
    )
    for i in stuck:
        reps[i].failures.append(f"{reps[i].username}: still signing in or downloading")
        reps[i].engine = None  # its thread owns the store: leave the laptop alone
    day = signal("started")
    deadline = day + float(spec["seconds"])
    working = [rep for rep in reps if rep.engine is not None]
    stuck = _run_threads(
        [
            threading.Thread(
                target=work,
                args=(rep, deadline, float(spec["think"]), int(spec["min_rounds"])),
                daemon=True,
            )
            for rep in working
        ],
        deadline + float(spec["grace"]),
    )
    for i in stuck:
        working[i].failures.append(f"{working[i].username}: still running at the end")
    day_seconds = time.monotonic() - day
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "samples": [[s.kind, s.ms, s.status, s.at, s.failure] for s in list(samples)],
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "day_seconds": day_seconds,
        "no_answer": [text for rep in reps for text in rep.session.failure_examples][:5],
        "reps": [
            {
                "username": rep.username,
                "user_id": rep.user_id,
                "device": rep.device,
                "rounds": rep.rounds,
                "conflicts": rep.conflicts,
                "rejected": rep.rejected,
                "failures": rep.failures,
                "outbox_left": rep.outbox_left,
                "mutations": rep.mutations,
            }
            for rep in reps
        ],
    }


def _signal(message: str) -> float:
    """Tell the parent where this worker is; wait for its go; the time of the go."""
    print(message, flush=True)
    sys.stdin.readline()
    return time.monotonic()


def main() -> None:
    spec_file, out_file = Path(sys.argv[1]), Path(sys.argv[2])
    spec = json.loads(spec_file.read_text())
    # A real laptop keeps its refresh token in the OS keyring; these never touch one.
    keyring.set_keyring(keyring.backends.fail.Keyring())
    out_file.write_text(json.dumps(run_worker(spec, _signal)))


if __name__ == "__main__":
    main()
