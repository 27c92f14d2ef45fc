"""Three laptops keep working while the wire and the server misbehave, then everything
settles: every replica equals the server's state, nothing is lost, nothing is doubled.

One scenario per fault: each fault of the proxy (resets, lost and cut answers, garbage,
stalls, ~2 s of latency, a bandwidth limit), the answers of a failing or overloaded server
(500, 503 and 429 with ``Retry-After``, made up by the proxy) and a real restart of the
server process between two pages of a pull. Then randomized rounds: a seeded mix of every
fault, drawn per request, and restarts. Each laptop has its own proxy (so its faults and
its requests are its own); the person edits on one database connection while the sync
runs on another, as in the app. The server is shared by the module's scenarios: each one
checks what it created against the server's mutation log (``applied_mutations``), and
compares whole replicas with a fresh download.

The long variant (``pytest --long``) runs more rounds per scenario and many more
randomized rounds; the figures are printed at the end of the module.
"""

from __future__ import annotations

import contextlib
import itertools
import random
import signal
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from support.faults import Fault, FaultProxy, Seen
from support.replicas import (
    Client,
    ClientFactory,
    differences,
    duplicate_ids,
    fresh_snapshot,
    integrity,
)
from support.server import ServerProcess, seed_server, start_server

from fieldapp.errors import FieldAppError
from fieldapp.records import TIERS
from fieldapp.store.database import Store, open_store
from fieldapp.usecases import accounts, follow_ups, notes, sync_issues, visits
from fieldapp.usecases.people import current_user
from sync.errors import OfflineError, SyncError
from sync.http_backend import RetryPolicy

SEED = 20261124
ROUNDS, LONG_ROUNDS = 3, 8  # fault rounds of each fixed-fault scenario
RANDOM_SEEDS, LONG_RANDOM_SEEDS = 1, 6  # randomized scenarios, each of RANDOM_ROUNDS rounds
RANDOM_ROUNDS, LONG_RANDOM_ROUNDS = 6, 15
P_FAULT = 0.35  # how often a request meets the fault while it is active
PAGE = 5  # small pages: a pull after a round has several, so there is a "between pages"
LATENCY = 2.0
BANDWIDTH = 4096  # bytes/s: a page of 5 records takes about half a second
RETRY_AFTER = 1
SYNC_DEADLINE = 180.0  # a sync that has not ended by then is hung: a failure, not a wait
QUIET_TIMEOUT = (2.0, 30.0)  # once the faults stop, a slow shared machine is no fault
SETTLE_PASSES = 10
EDITED_FIELDS = ("phone", "city", "tier", "visit_frequency_days", "name")
# Every fault of the proxy, with how often the randomized mix draws it. A stall costs a
# whole read timeout, so it is drawn less often.
RANDOM_MIX = {
    Fault.RESET_BEFORE_REQUEST: 3,
    Fault.DROP_AFTER_REQUEST: 3,
    Fault.RESET_MID_RESPONSE: 3,
    Fault.TRUNCATE: 3,
    Fault.GARBAGE: 3,
    Fault.LATENCY: 2,
    Fault.BANDWIDTH: 2,
    Fault.STALL: 1,
    Fault.HTTP_500: 3,
    Fault.HTTP_503: 2,
    Fault.HTTP_429: 2,
}
P_RANDOM_RESTART = 0.3  # per randomized round: the server is killed between two pages


@dataclass(frozen=True)
class Kind:
    """One scenario: a fault of the proxy, or (``fault`` None) a server restart."""

    name: str
    fault: Fault | None
    read_timeout: float = 6.0  # above LATENCY plus a loaded machine's answer time


KINDS = [
    Kind("reset-before-request", Fault.RESET_BEFORE_REQUEST),
    Kind("drop-after-request", Fault.DROP_AFTER_REQUEST),
    Kind("reset-mid-response", Fault.RESET_MID_RESPONSE),
    Kind("truncate", Fault.TRUNCATE),
    Kind("garbage", Fault.GARBAGE),
    Kind("latency-2s", Fault.LATENCY),
    Kind("bandwidth-4KiB/s", Fault.BANDWIDTH),
    Kind("stall", Fault.STALL, read_timeout=2.0),  # a stall costs one read timeout
    Kind("http-500", Fault.HTTP_500),
    Kind("http-503-retry-after", Fault.HTTP_503),
    Kind("http-429-retry-after", Fault.HTTP_429),
    Kind("server-restart-between-pages", None),
]
TALLY: Counter[str] = Counter()


# -- the server, which a scenario may kill and start again ---------------------------------
class Central:
    """The module's server process. ``kill`` is a SIGKILL; ``restart`` starts a new
    process on the same data folder and points every laptop's proxy at it, so the address
    the laptops know stays the same (a new port behind it, as after a restart behind a
    load balancer)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.process: ServerProcess = start_server(data_dir)
        self.proxies: list[FaultProxy] = []
        self.restarted_at: list[float] = []  # when each new process was answering
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def database(self) -> Path:
        return self.process.database

    def alive(self) -> bool:
        return self.process.process.poll() is None

    def kill(self) -> None:
        with self._lock:
            if self.alive():
                self.process.process.send_signal(signal.SIGKILL)
                self.process.process.wait(timeout=10)

    def restart(self) -> None:
        with self._lock:
            if self.alive():
                self.process.process.send_signal(signal.SIGKILL)
                self.process.process.wait(timeout=10)
            self.process = start_server(self.data_dir)
            for proxy in self.proxies:
                proxy.retarget(self.process.url)
            self.restarted_at.append(time.monotonic())

    def stop(self) -> None:
        self.process.stop()


@pytest.fixture(scope="module")
def central(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Central]:
    data_dir = tmp_path_factory.mktemp("fault-scenarios-server")
    seed_server(data_dir)
    server = Central(data_dir)
    yield server
    server.stop()
    # Printed even without -s (output capture set aside): docs/reliability.md quotes it.
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(
                f"\nfault scenarios: {TALLY['scenarios']} run ({TALLY['fault rounds']} fault"
                f" rounds), randomized rounds: {TALLY['random rounds']}, server restarts:"
                f" {TALLY['restarts']}, faulted requests: {TALLY['faulted requests']}"
            )


def _server_rows(
    central: Central, sql: str, params: tuple[object, ...] = ()
) -> list[tuple[Any, ...]]:
    """Rows of the server's own database, read on a connection of the test's (WAL lets it
    read beside the running server)."""
    conn = sqlite3.connect(central.database, timeout=30)
    try:
        return list(conn.execute(sql, params))
    finally:
        conn.close()


def _applied_mutation_ids(central: Central) -> set[str]:
    return {r[0] for r in _server_rows(central, "SELECT mutation_id FROM applied_mutations")}


# -- laptops ---------------------------------------------------------------------------
@dataclass
class Laptop:
    """One person's laptop: ``client`` syncs on its own connection; ``ui`` is the
    person's connection, on which every edit is made (also while a sync runs)."""

    name: str
    client: Client
    ui: Store
    proxy: FaultProxy
    windows: list[tuple[float, float]] = field(default_factory=list)  # each sync's span
    pull_cursors: list[str | None] = field(default_factory=list)  # this sync's GET /changes
    outcomes: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def created_mutations(self) -> set[str]:
        return {r["mutation_id"] for r in self.ui.query("SELECT mutation_id FROM created")}


def _capture_mutations(ui: Store) -> None:
    """Every mutation this connection appends to the outbox is also noted in a temporary
    table of its own: the outbox forgets a mutation once the server answered for it, and
    a concurrent sync may do so before the test could read it."""
    ui._conn.execute("CREATE TEMP TABLE created (mutation_id TEXT PRIMARY KEY)")
    ui._conn.execute(
        "CREATE TEMP TRIGGER note_created AFTER INSERT ON outbox"
        " BEGIN INSERT INTO created (mutation_id) VALUES (new.mutation_id); END"
    )


def _cursor_of(path: str) -> str | None:
    values = parse_qs(urlsplit(path).query).get("cursor")
    return values[0] if values else None


@contextlib.contextmanager
def _laptops(
    central: Central, make_client: ClientFactory, kind_timeout: float
) -> Iterator[list[Laptop]]:
    """Three signed-in laptops (two devices of the field rep, one inside rep), each
    behind its own proxy, with the first download done."""
    made: list[Laptop] = []
    with contextlib.ExitStack() as stack:
        for name, username in (
            ("field-laptop", "field"),
            ("field-tablet", "field"),
            ("inside-desk", "inside"),
        ):
            proxy = stack.enter_context(
                FaultProxy(
                    central.url, latency=LATENCY, bandwidth=BANDWIDTH, retry_after=str(RETRY_AFTER)
                )
            )
            central.proxies.append(proxy)
            stack.callback(central.proxies.remove, proxy)
            client = make_client(
                proxy.url, username, name, timeout=(2.0, kind_timeout), page_size=1000
            )
            client.sync()
            client.page_size = PAGE
            ui = open_store(client.store.path.parent)
            stack.callback(ui.close)
            _capture_mutations(ui)
            made.append(Laptop(name, client, ui, proxy))
        yield made


# -- what people do --------------------------------------------------------------------
Touched = dict[tuple[str, str, str], set[str]]


@dataclass
class Work:
    """What the laptops did: fields edited (by which devices), records created."""

    shared: list[str]
    touched: Touched = field(default_factory=lambda: defaultdict(set))
    records: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    bodies: list[str] = field(default_factory=list)
    edits: int = 0


def _edit(laptop: Laptop, rng: random.Random, work: Work, tag: str) -> None:
    """One thing a person does, on the person's connection."""
    store = laptop.ui
    account_id = rng.choice(work.shared)
    action = rng.choice(["account", "account", "note", "visit", "follow_up"])
    if action == "account":
        name = rng.choice(EDITED_FIELDS)
        value = {
            "phone": f"514-555-{rng.randrange(10000):04d}",
            "city": f"City {tag}",
            "tier": rng.choice(TIERS),
            "visit_frequency_days": rng.randint(7, 60),
            "name": f"Account {tag}",
        }[name]
        before = accounts.get_account(store, account_id)
        accounts.edit_account(store, account_id, **{name: value})
        if getattr(before, name) != value:
            work.touched[("accounts", account_id, name)].add(laptop.name)
    elif action == "note":
        body = f"Note {tag}"
        work.records["notes"].append(notes.add_note(store, account_id, body).id)
        work.bodies.append(body)
    elif action == "visit" and current_user(store).role == "field":
        start = datetime(2026, 11, 23, 14, tzinfo=UTC) + timedelta(hours=rng.randint(0, 99))
        visit = visits.plan_visit(store, account_id, start, start + timedelta(hours=1))
        work.records["visits"].append(visit.id)
        visits.check_in(store, visit.id, start)
        _, report = visits.complete_visit(
            store, visit.id, outcome="positive", summary=f"Visit {tag}", at=start
        )
        work.records["notes"].append(report.id)
    else:  # a follow-up (also what an inside rep does instead of a visit)
        work.records["follow_ups"].append(
            follow_ups.create_follow_up(
                store, account_id, title=f"Follow-up {tag}", due_date=date(2026, 12, 1)
            ).id
        )
    work.edits += 1


def _check_conflicts(laptop: Laptop, work: Work) -> None:
    """A conflict is only ever on a field two devices changed: a replayed mutation must
    never conflict with itself."""
    for conflict in sync_issues.open_conflicts(laptop.ui):
        editors = work.touched[(conflict.collection, conflict.record_id, conflict.field)]
        assert len(editors) >= 2, (
            f"{laptop.name}: conflict on {conflict.collection}.{conflict.field} that only"
            f" {sorted(editors)} changed"
        )


# -- syncing under faults --------------------------------------------------------------
def _sync_once(laptop: Laptop) -> None:
    """One sync on the laptop's sync connection; a SyncError is an expected outcome under
    faults (the changes stay queued), anything else is a failure of the test."""
    with laptop.lock:
        laptop.pull_cursors.clear()
    started = time.monotonic()
    try:
        laptop.client.sync()
        laptop.outcomes["ok"] += 1
    except SyncError as exc:
        message = str(exc)
        assert message and len(message.splitlines()) == 1, repr(message)
        laptop.outcomes[type(exc).__name__] += 1
    finally:
        laptop.windows.append((started, time.monotonic()))


def _sync_all_while_editing(
    laptops: list[Laptop], rng: random.Random, work: Work, round_tag: str
) -> None:
    """Every laptop syncs at once, each in a thread of its own, while the people keep
    editing on their own connections."""
    errors: list[BaseException] = []

    def run(laptop: Laptop) -> None:
        try:
            _sync_once(laptop)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(lt,), name=f"sync-{lt.name}") for lt in laptops]
    for thread in threads:
        thread.start()
    for laptop in laptops:
        for k in range(rng.randint(1, 2)):
            # FieldAppError: a precondition the random walk did not meet.
            with contextlib.suppress(FieldAppError):
                _edit(laptop, rng, work, f"{round_tag}-{laptop.name}-during-{k}")
    deadline = time.monotonic() + SYNC_DEADLINE
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()))
        assert not thread.is_alive(), f"{thread.name} still running after {SYNC_DEADLINE} s"
    if errors:
        raise errors[0]


@dataclass
class RestartPlan:
    """Kill the server when a laptop asks for a page after one it already received in
    the same pull: strictly between two pages."""

    central: Central
    armed: bool = False
    quick: bool = True  # restart at once (the same sync resumes), else after the round
    kills: list[tuple[str, str | None, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hook(self, laptop: Laptop) -> Callable[[Seen], Fault | None]:
        def on_request(seen: Seen) -> Fault | None:
            if seen.method != "GET" or not seen.path.startswith("/v1/changes"):
                return None
            cursor = _cursor_of(seen.path)
            with laptop.lock:
                laptop.pull_cursors.append(cursor)
                later_page = len(laptop.pull_cursors) > 1 and cursor != laptop.pull_cursors[0]
            with self.lock:
                if not (self.armed and later_page):
                    return None
                self.armed = False
                self.kills.append((laptop.name, cursor, seen.at))
                quick = self.quick
            self.central.kill()
            if quick:
                self.central.restart()
            # The dead process never answered this request: the laptop sees its
            # connection reset, as with a real crash.
            return Fault.RESET_BEFORE_REQUEST

        return on_request


def _chooser(rng: random.Random, mix: dict[Fault, int], p: float) -> Callable[[str, str], Fault]:
    faults, weights = list(mix), list(mix.values())
    lock = threading.Lock()

    def choose(_method: str, _path: str) -> Fault:
        with lock:
            return rng.choices(faults, weights)[0] if rng.random() < p else Fault.NONE

    return choose


# -- settling and checking -------------------------------------------------------------
def _settle(laptops: list[Laptop], rng: random.Random, work: Work) -> int:
    """Faults off: everyone syncs until a whole pass moves nothing; conflicts are
    resolved as people would (mine or theirs; theirs once it drags on). Returns passes."""
    for laptop in laptops:
        laptop.proxy.clear()
        laptop.client.backend.timeout = QUIET_TIMEOUT
    for passes in range(1, SETTLE_PASSES + 1):
        reports = [laptop.client.sync() for laptop in laptops]
        open_ones = []
        for laptop in laptops:
            _check_conflicts(laptop, work)
            open_ones += [(laptop, c) for c in sync_issues.open_conflicts(laptop.ui)]
        if not open_ones and all(r.pushed == 0 and r.pulled == 0 for r in reports):
            return passes
        for laptop, conflict in open_ones:
            if passes <= 2 and rng.random() < 0.5:
                sync_issues.keep_mine(laptop.ui, conflict.id)
            else:
                sync_issues.take_theirs(laptop.ui, conflict.id)
    raise AssertionError(f"not quiet after {SETTLE_PASSES} passes without faults")


def _check_everything(
    central: Central, laptops: list[Laptop], work: Work, applied_before: set[str], tmp_path: Path
) -> None:
    fresh = {u: fresh_snapshot(tmp_path, central.url, u) for u in ("field", "inside")}
    for laptop in laptops:
        assert laptop.client.outbox() == 0, laptop.name
        assert sync_issues.open_conflicts(laptop.ui) == [], laptop.name
        assert sync_issues.open_rejections(laptop.ui) == [], laptop.name
        mine = laptop.client.snapshot()
        assert duplicate_ids(mine) == [], laptop.name
        assert differences(mine, fresh[laptop.client.username]) == [], laptop.name
        assert integrity(laptop.client.store.path.parent) == "ok", laptop.name

    # The server's mutation log: every mutation a laptop made took effect exactly once,
    # and nothing took effect that no laptop made (a change re-sent under a new id).
    created = set().union(*(laptop.created_mutations() for laptop in laptops))
    applied = _applied_mutation_ids(central) - applied_before
    assert created, "the laptops made no change"
    assert sorted(created - applied) == [], "lost: made on a laptop, never applied"
    assert sorted(applied - created) == [], "applied, yet no laptop made them"

    # Every record made is on the server under its own id (its id is the key there), and
    # every note's text once: a creation replayed under another id would show twice.
    made = [record_id for ids in work.records.values() for record_id in ids]
    assert len(made) == len(set(made))
    marks = ", ".join("?" for _ in made)
    on_server = {
        r[0]
        for r in _server_rows(
            central, f"SELECT id FROM records WHERE NOT deleted AND id IN ({marks})", tuple(made)
        )
    }
    assert sorted(set(made) - on_server) == [], "records made on a laptop, not on the server"
    server_notes = Counter(n["body"] for n in fresh["inside"]["notes"])
    assert [b for b in work.bodies if server_notes[b] != 1] == [], "notes not there exactly once"
    assert _server_rows(central, "PRAGMA integrity_check") == [("ok",)]


def _check_retry_after(laptop: Laptop) -> int:
    """Within one sync, after a 429 or 503 the laptop sent nothing until Retry-After had
    passed (the proxy's clock). Returns how many waits were checked."""
    seen = list(laptop.proxy.seen)
    checked = 0
    for before, after in itertools.pairwise(seen):
        if before.fault not in (Fault.HTTP_429, Fault.HTTP_503):
            continue
        if any(start <= before.at and after.at <= end for start, end in laptop.windows):
            assert after.at - before.at >= RETRY_AFTER - 0.05, (
                f"{laptop.name} sent {after.method} {after.path} {after.at - before.at:.2f} s"
                f" after a {before.fault.name} asking for {RETRY_AFTER} s"
            )
            checked += 1
    return checked


def _check_resumed(laptops: list[Laptop], plan: RestartPlan, central: Central) -> None:
    """After each kill, the first page the interrupted laptop asked the new server process
    for was the one it was asking for when the old one died, not the first: the pages it
    had were kept with their cursor."""
    for name, cursor, at in plan.kills:
        laptop = next(lt for lt in laptops if lt.name == name)
        back = min(t for t in central.restarted_at if t > at)
        later = [
            s
            for s in laptop.proxy.seen
            if s.at > back and s.method == "GET" and s.path.startswith("/v1/changes")
        ]
        assert later, f"{name} never pulled again after the restart"
        assert _cursor_of(later[0].path) == cursor, f"{name} did not resume where it stopped"


# -- one scenario ----------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    summary: str
    faulted: int
    restarts: int
    waits: int


def _scenario(
    central: Central,
    make_client: ClientFactory,
    tmp_path: Path,
    *,
    label: str,
    seed: int,
    rounds: int,
    mix: dict[Fault, int],
    p_fault: float,
    p_restart: float,
    read_timeout: float,
) -> Outcome:
    """Edit and sync under faults for ``rounds`` rounds, settle, check everything."""
    if not central.alive():
        central.restart()
    rng = random.Random(seed)
    applied_before = _applied_mutation_ids(central)
    plan = RestartPlan(central)
    with _laptops(central, make_client, read_timeout) as laptops:
        work = Work(
            shared=[
                r["id"]
                for r in laptops[0].ui.query(
                    "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 3",
                    (current_user(laptops[0].ui).id,),
                )
            ]
        )
        for index, laptop in enumerate(laptops):
            laptop.proxy.on_request = plan.hook(laptop)
            if mix:
                laptop.proxy.set_chooser(_chooser(random.Random(seed * 31 + index), mix, p_fault))
        for round_no in range(rounds):
            tag = f"{label}-{round_no}"
            for laptop in laptops:
                for k in range(rng.randint(1, 3)):
                    with contextlib.suppress(FieldAppError):
                        _edit(laptop, rng, work, f"{tag}-{laptop.name}-{k}")
            with plan.lock:
                plan.armed = plan.armed or rng.random() < p_restart
                plan.quick = len(plan.kills) % 2 == 0
            _sync_all_while_editing(laptops, rng, work, tag)
            if not central.alive():  # killed, and left down for the rest of the round
                central.restart()
            for laptop in laptops:
                _check_conflicts(laptop, work)
        plan.armed = False
        faulted = sum(1 for lt in laptops for s in lt.proxy.seen if s.fault is not Fault.NONE)
        passes = _settle(laptops, rng, work)
        _check_everything(central, laptops, work, applied_before, tmp_path)
        waits = sum(_check_retry_after(laptop) for laptop in laptops)
        _check_resumed(laptops, plan, central)
        outcomes = sum((lt.outcomes for lt in laptops), Counter())
        for laptop in laptops:
            laptop.proxy.on_request = None
    TALLY["faulted requests"] += faulted
    TALLY["restarts"] += len(plan.kills)
    summary = (
        f"{label}: {rounds} rounds, {work.edits} edits, {faulted} faulted requests,"
        f" {len(plan.kills)} restarts, {waits} Retry-After waits checked, sync"
        f" outcomes {dict(outcomes)}, quiet after {passes} passes"
    )
    return Outcome(summary, faulted, len(plan.kills), waits)


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_laptops_editing_through_a_fault_converge_with_nothing_lost_or_doubled(
    kind: Kind,
    central: Central,
    make_client: ClientFactory,
    tmp_path: Path,
    long_run: bool,
) -> None:
    rounds = LONG_ROUNDS if long_run else ROUNDS
    mix = {kind.fault: 1} if kind.fault is not None else {}
    outcome = _scenario(
        central,
        make_client,
        tmp_path,
        label=kind.name,
        seed=SEED + KINDS.index(kind),
        rounds=rounds,
        mix=mix,
        p_fault=P_FAULT,
        p_restart=0.0 if mix else 1.0,
        read_timeout=kind.read_timeout,
    )
    TALLY["scenarios"] += 1
    TALLY["fault rounds"] += rounds
    print(outcome.summary)
    # The fault must really have struck, or the scenario proved nothing.
    if kind.fault is None:
        assert outcome.restarts >= 1, "the server was never restarted between two pages"
    else:
        assert outcome.faulted > 0, "the fault never struck"
    if kind.fault in (Fault.HTTP_429, Fault.HTTP_503):
        assert outcome.waits > 0, "no Retry-After was waited out"


def test_randomized_rounds_of_every_fault_converge_with_nothing_lost_or_doubled(
    central: Central,
    make_client: ClientFactory,
    tmp_path: Path,
    long_run: bool,
) -> None:
    seeds = LONG_RANDOM_SEEDS if long_run else RANDOM_SEEDS
    rounds = LONG_RANDOM_ROUNDS if long_run else RANDOM_ROUNDS
    for n in range(seeds):
        outcome = _scenario(
            central,
            make_client,
            tmp_path / f"seed-{n}",
            label=f"random-{n}",
            seed=SEED * 7 + n,
            rounds=rounds,
            mix=RANDOM_MIX,
            p_fault=0.4,
            p_restart=P_RANDOM_RESTART,
            read_timeout=3.0,
        )
        TALLY["random rounds"] += rounds
        print(outcome.summary)
        assert outcome.faulted > 0, "no fault ever struck"


# -- the proxy's new faults, and the client's timeout, on their own ------------------------
def test_client_gives_up_on_a_stalled_answer_after_its_read_timeout(
    central: Central,
    make_client: ClientFactory,
) -> None:
    with FaultProxy(central.url) as proxy:
        client = make_client(
            proxy.url,
            "field",
            "staller",
            timeout=(1.0, 1.5),
            retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02),
        )
        proxy.set_fault(Fault.STALL)
        started = time.monotonic()
        with pytest.raises(OfflineError, match="ReadTimeout"):
            client.sync()
        took = time.monotonic() - started
        assert proxy.requests_seen(Fault.STALL) == 2  # one per attempt, then it gave up
        assert 2 * 1.5 <= took < 2 * 1.5 + 10, f"gave up after {took:.1f} s"


def test_bandwidth_limit_paces_the_answer(central: Central) -> None:
    with FaultProxy(central.url, bandwidth=8192) as proxy:
        fast = requests.get(proxy.url + "/v1/openapi.json", timeout=30)
        proxy.set_fault(Fault.BANDWIDTH)
        started = time.monotonic()
        slow = requests.get(proxy.url + "/v1/openapi.json", timeout=30)
        took = time.monotonic() - started
    assert slow.content == fast.content  # slower, not different
    assert len(slow.content) > 8192
    assert took >= (len(slow.content) - 8192 * 0.05) / 8192, f"{took:.2f} s is too fast"


@pytest.mark.parametrize(
    "fault, status, retry_after",
    [
        (Fault.HTTP_500, 500, None),
        (Fault.HTTP_503, 503, "7"),
        (Fault.HTTP_429, 429, "7"),
    ],
)
def test_made_up_server_answers_never_reach_the_server(
    fault: Fault,
    status: int,
    retry_after: str | None,
    central: Central,
) -> None:
    with FaultProxy(central.url, retry_after="7") as proxy:
        proxy.schedule(fault)
        with requests.Session() as session:
            answer = session.get(proxy.url + "/v1/health", timeout=10)
            assert proxy.forwarded == 0
            assert answer.status_code == status
            assert answer.headers.get("Retry-After") == retry_after
            assert answer.json()["error"]["code"]
            # The connection stays usable, as with a real server's error answer.
            assert session.get(proxy.url + "/v1/health", timeout=10).status_code == 200
            assert proxy.forwarded == 1


# -- what the scenarios found --------------------------------------------------------------
def test_taking_theirs_after_the_field_changed_again_on_the_server_converges(
    central: Central,
    make_client: ClientFactory,
    tmp_path: Path,
) -> None:
    """Found by the scenarios: a conflict kept the server's value of the moment it arose.
    When the field changed again on the server, "take theirs" wrote the older value, no
    later pull corrected it (the record did not change again), and the laptop never
    converged. The conflict's "theirs" must follow the server."""
    if not central.alive():
        central.restart()
    laptop, tablet = (make_client(central.url, "field", name) for name in ("laptop", "tablet"))
    desk = make_client(central.url, "inside", "desk")
    for client in (laptop, tablet, desk):
        client.sync()
    account_id = str(
        laptop.store.scalar(
            "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 1",
            (current_user(laptop.store).id,),
        )
    )
    accounts.edit_account(desk.store, account_id, city="Desk's city")
    desk.sync()
    accounts.edit_account(laptop.store, account_id, city="Laptop's city")
    assert laptop.sync().conflicts == 1
    tablet.sync()  # the tablet has seen the desk's value: its change is no conflict
    accounts.edit_account(tablet.store, account_id, city="Tablet's city")
    assert tablet.sync().conflicts == 0
    laptop.sync()

    [conflict] = sync_issues.open_conflicts(laptop.store)
    assert conflict.remote_value == "Tablet's city"  # the server's value now
    sync_issues.take_theirs(laptop.store, conflict.id)
    laptop.sync()
    assert accounts.get_account(laptop.store, account_id).city == "Tablet's city"
    assert differences(laptop.snapshot(), fresh_snapshot(tmp_path, central.url, "field")) == []
