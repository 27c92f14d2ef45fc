"""No password and no token is left anywhere after a whole command-line session.

Everything runs as real processes with ``--verbose``: the server is seeded, given a rep
with a password of its own, and run; the client creates a profile, signs in with the
password on standard input, syncs, syncs again after some edits, syncs once more on a
computer without a keyring (password on standard input again) and signs out.

Each client process runs ``fieldapp.cli.main`` behind a small bootstrap that (1) gives it
a keyring, a JSON file outside every scanned folder standing in for the OS keyring, and
(2) writes down every token the client receives from the server (the ``sync.wire.tokens``
answer it parses). The server's database holds only hashes, so it cannot tell us the
tokens; it can tell us how many there were, and the test checks that the tokens written
down are exactly those whose hashes the server stored: none escaped the scan.

Then every byte is scanned, as UTF-8 and UTF-16: every file under the client's home folder
(the profile with its database and WAL, the log folder, any settings or cache file the
platform folders would hold, temporary files), every file of the server's data folder
(its database and WAL, its logs) and what every process printed. The WAL files are kept
by a connection the test holds open, so that a secret written in a recent transaction is
still there to be found. First, a planted secret in each scanned place proves the scan
reads it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from support.server import child_env, fieldapp_command

from fieldapp.store.database import database_path, open_store
from fieldapp.usecases import accounts, visits
from fieldapp.usecases.people import current_user

START_TIMEOUT = 30.0
_URL = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")
TAP_ENV, KEYRING_ENV = "FIELDAPP_TEST_TOKEN_TAP", "FIELDAPP_TEST_KEYRING"

# Runs ``fieldapp`` with a file keyring (when asked) and a record of the tokens received.
BOOTSTRAP = r"""
import json, os, sys

import keyring
import keyring.backend
import keyring.errors


class FileKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self, path):
        super().__init__()
        self.path = path

    def _read(self):
        try:
            with open(self.path, encoding="utf-8") as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def _write(self, entries):
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump(entries, f)

    def get_password(self, service, username):
        return self._read().get(f"{service}\t{username}")

    def set_password(self, service, username, password):
        entries = self._read()
        entries[f"{service}\t{username}"] = password
        self._write(entries)

    def delete_password(self, service, username):
        entries = self._read()
        if entries.pop(f"{service}\t{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("nothing stored")
        self._write(entries)


if os.environ.get("FIELDAPP_TEST_KEYRING"):
    keyring.set_keyring(FileKeyring(os.environ["FIELDAPP_TEST_KEYRING"]))

from sync import wire

_parse = wire.tokens


def _tapped(body):
    received = _parse(body)
    with open(os.environ["FIELDAPP_TEST_TOKEN_TAP"], "a", encoding="utf-8") as tap:
        tap.write(json.dumps([received.access_token, received.refresh_token]) + "\n")
    return received


wire.tokens = _tapped

from fieldapp.cli import main

sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Session:
    """The folders of one CLI session and everything its processes printed."""

    home: Path
    server_data: Path
    secrets_dir: Path  # the test's own: the keyring stand-in and the token tap
    outputs: dict[str, str] = field(default_factory=dict)

    @property
    def profile(self) -> Path:
        return self.home / "profile"

    @property
    def keyring_file(self) -> Path:
        return self.secrets_dir / "keyring.json"

    @property
    def tap(self) -> Path:
        return self.secrets_dir / "tokens.jsonl"

    def env(self, *, keyring: bool = True) -> dict[str, str]:
        env = child_env(self.home / "logs")
        # The platform folders (settings, data, cache, state) all under one scanned home.
        env.update(
            {
                "HOME": str(self.home),
                "XDG_CONFIG_HOME": str(self.home / ".config"),
                "XDG_DATA_HOME": str(self.home / ".local" / "share"),
                "XDG_CACHE_HOME": str(self.home / ".cache"),
                "XDG_STATE_HOME": str(self.home / ".local" / "state"),
                "TMPDIR": str(self.home / "tmp"),
                "FIELDAPP_PROFILE": str(self.profile),
                TAP_ENV: str(self.tap),
            }
        )
        if keyring:
            env[KEYRING_ENV] = str(self.keyring_file)
        return env

    def fieldapp(
        self, name: str, *args: str, stdin: str = "", keyring: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """``fieldapp --verbose ARGS`` as a child process; its output is kept for the scan."""
        done = subprocess.run(
            [sys.executable, "-c", BOOTSTRAP, "--verbose", *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            env=self.env(keyring=keyring),
            check=False,
        )
        self.outputs[f"{name}: stdout"] = done.stdout
        self.outputs[f"{name}: stderr"] = done.stderr
        assert done.returncode == 0, f"{name} failed ({done.returncode}): {done.stderr}"
        return done

    def server_command(self, name: str, *args: str, stdin: str = "") -> None:
        done = subprocess.run(
            fieldapp_command("--verbose", "server", *args, "--data", str(self.server_data)),
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            env=child_env(self.server_data / "logs"),
            check=False,
        )
        self.outputs[f"server {name}: stdout"] = done.stdout
        self.outputs[f"server {name}: stderr"] = done.stderr
        assert done.returncode == 0, f"server {name} failed: {done.stderr}"

    def received_tokens(self) -> set[str]:
        found: set[str] = set()
        for line in self.tap.read_text(encoding="utf-8").splitlines():
            found.update(json.loads(line))
        return found


@contextlib.contextmanager
def verbose_server(session: Session) -> Iterator[str]:
    """``fieldapp --verbose server run`` on a free loopback port; its output goes to files
    in its data folder (scanned), the URL is read from them."""
    out_path, err_path = session.server_data / "run.stdout", session.server_data / "run.stderr"
    with out_path.open("w") as out, err_path.open("w") as err:
        process = subprocess.Popen(
            fieldapp_command(
                "--verbose", "server", "run", "--data", str(session.server_data), "--port", "0"
            ),
            stdout=out,
            stderr=err,
            env=child_env(session.server_data / "logs"),
        )
    try:
        deadline, url = time.monotonic() + START_TIMEOUT, None
        while url is None:
            assert process.poll() is None, err_path.read_text()
            assert time.monotonic() < deadline, "the server did not print its URL"
            match = _URL.search(out_path.read_text())
            url = match.group(1) if match else None
            time.sleep(0.05)
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            assert time.monotonic() < deadline, "the server never answered /v1/health"
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


HOLD = (
    "import sqlite3, sys\n"
    "held = [sqlite3.connect(path) for path in sys.argv[1:]]\n"
    "for conn in held:\n"
    "    conn.execute('SELECT count(*) FROM sqlite_master').fetchone()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextlib.contextmanager
def holding_open(*databases: Path) -> Iterator[None]:
    """A connection to each database, in a process of its own, until the block ends.

    SQLite deletes a WAL file when its last connection closes; while this one is open, the
    WAL keeps what the client and the server wrote in their latest transactions, for the
    scan to read. (A connection of the test process itself would not do: the use cases it
    runs open and close the same file, and POSIX locks are per process.)
    """
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, *map(str, databases)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.communicate(timeout=30)


def variants(secret: str) -> list[bytes]:
    """How a secret may sit in a file: UTF-8 (SQLite, logs, JSON) or UTF-16 (settings files
    and SQLite databases on some platforms)."""
    return [secret.encode(), secret.encode("utf-16-le")]


def scan(roots: list[Path], outputs: dict[str, str], wanted: dict[str, str]) -> list[str]:
    """Every place (file or process output) where one of ``wanted`` (label -> secret) is."""
    found = []
    patterns = {label: variants(secret) for label, secret in wanted.items()}
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            data = path.read_bytes()
            found += [
                f"{label} in {path}"
                for label, forms in patterns.items()
                if any(form in data for form in forms)
            ]
    for name, text in outputs.items():
        data = text.encode()
        found += [
            f"{label} in the {name}"
            for label, forms in patterns.items()
            if any(form in data for form in forms)
        ]
    return found


def edit_offline(profile: Path) -> int:
    """Work done between two syncs (use cases, in this process): returns the outbox size."""
    with open_store(profile) as store:
        me = current_user(store)
        assert me.username == "julie"
        account_id = store.scalar("SELECT id FROM accounts ORDER BY name LIMIT 1")
        assert account_id, "the rep's replica holds the accounts of their territory"
        accounts.edit_account(store, account_id, phone="514-555-0147")
        start = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
        visit = visits.plan_visit(store, account_id, start, start + timedelta(hours=1))
        visits.check_in(store, visit.id, start)
        visits.complete_visit(
            store,
            visit.id,
            outcome="order_placed",
            summary="Ordered the spring range.",
            at=start + timedelta(minutes=40),
        )
        return int(store.scalar("SELECT count(*) FROM outbox"))


def test_no_password_or_token_is_left_anywhere_after_a_cli_session(tmp_path: Path) -> None:
    session = Session(tmp_path / "home", tmp_path / "server-data", tmp_path / "test-secrets")
    for folder in (session.home / "tmp", session.server_data, session.secrets_dir):
        folder.mkdir(parents=True)
    password = f"Scan-{secrets.token_urlsafe(18)}"  # the rep's own: "demo" is everywhere
    with contextlib.ExitStack() as held:
        session.server_command("seed", "seed", "--accounts", "30", "--seed", "7")
        session.server_command(
            "add-user",
            "add-user",
            "--username",
            "julie",
            "--role",
            "field",
            "--territory",
            "Montréal",
            "--team",
            "quebec",
            "--password-stdin",
            stdin=password + "\n",
        )
        with verbose_server(session) as url:
            held.enter_context(holding_open(session.server_data / "server.db"))
            session.fieldapp("init", "init", "--profile", str(session.profile))
            held.enter_context(holding_open(database_path(session.profile)))
            session.fieldapp(
                "login",
                "login",
                "--profile",
                str(session.profile),
                "--server",
                url,
                "--username",
                "julie",
                "--password-stdin",
                stdin=password + "\n",
            )
            first = json.loads(
                session.fieldapp(
                    "first sync", "sync", "--json", "--profile", str(session.profile)
                ).stdout
            )
            assert first["error"] is None and first["pulled"] > 0, first
            queued = edit_offline(session.profile)
            second = json.loads(
                session.fieldapp(
                    "second sync", "sync", "--json", "--profile", str(session.profile)
                ).stdout
            )
            assert second["error"] is None and second["pushed"] == queued > 0, second
            session.fieldapp(
                "sync without a keyring",
                "sync",
                "--json",
                "--password-stdin",
                "--profile",
                str(session.profile),
                stdin=password + "\n",
                keyring=False,
            )
            session.fieldapp("logout", "logout", "--profile", str(session.profile))
        with contextlib.closing(sqlite3.connect(session.server_data / "server.db")) as conn:
            stored_hashes = {row[0] for row in conn.execute("SELECT token_hash FROM tokens")}

        tokens = session.received_tokens()
        # Every token the server issued was seen by the client (so the scan looks for all
        # of them): one refresh token per password sign-in, one access token per sign-in
        # or refresh, and the server kept each as its SHA-256 only.
        assert len(tokens) >= 5, tokens
        assert {hashlib.sha256(t.encode()).hexdigest() for t in tokens} == stored_hashes
        # Signed out: the keyring's stand-in no longer holds the refresh token.
        assert not any(t in session.keyring_file.read_text() for t in tokens)

        roots = [session.home, session.server_data]
        files = [p for root in roots for p in root.rglob("*") if p.is_file()]
        names = {p.name for p in files}
        assert {
            "fieldapp.db",
            "fieldapp.db-wal",
            "fieldapp.log",
            "server.db",
            "server.db-wal",
        } <= names, sorted(names)
        assert len(session.outputs) >= 14  # 2 server commands and 6 client ones, 2 streams

        # The scan can fail: a planted secret is found in every scanned place.
        planted = f"planted-{secrets.token_urlsafe(24)}"
        canaries = [root / "canary.txt" for root in roots] + [
            session.profile / "canary.bin",
            session.home / "logs" / "canary.log",
        ]
        for number, canary in enumerate(canaries):
            canary.write_bytes(f"x{planted}y".encode("utf-16-le" if number % 2 else "utf-8"))
        outputs = {**session.outputs, "canary output": f"... {planted} ..."}
        hits = scan(roots, outputs, {"planted": planted})
        assert len(hits) == len(canaries) + 1, hits
        for canary in canaries:
            canary.unlink()

        leaks = scan(
            roots,
            session.outputs,
            {
                "the password": password,
                **{f"token {token[:6]}…": token for token in sorted(tokens)},
            },
        )
        assert leaks == [], "\n".join(leaks)
        print(
            f"\nscanned {len(files)} files and {len(session.outputs)} process outputs for "
            f"the password and {len(tokens)} tokens: nothing found"
        )
