"""``fieldapp server run|seed|add-user``, through the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import sqlalchemy as sa

from fieldapp.cli import main
from sync.server.config import DATABASE_URL_ENV
from sync.server.tables import records, users


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != DATABASE_URL_ENV}
    env["FIELDAPP_LOG_DIR"] = str(tmp_path / "logs")
    return env


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.10", "crm.example.com"])
def test_run_refuses_a_non_loopback_address_without_tls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], host: str
) -> None:
    code = main(["server", "run", "--data", str(tmp_path / "srv"), "--host", host])
    assert code == 2
    assert "--tls-cert" in capsys.readouterr().err


def test_run_refuses_half_a_tls_configuration(tmp_path: Path) -> None:
    assert main(["server", "run", "--data", str(tmp_path), "--tls-cert", "c.pem"]) == 2


def test_run_with_port_0_serves_health_over_loopback(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fieldapp",
            "server",
            "run",
            "--data",
            str(tmp_path / "srv"),
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(tmp_path),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed before serving
        assert "listening on http://127.0.0.1:" in line, line
        url = line.split()[-1]
        deadline = time.monotonic() + 15
        while True:
            try:
                with urllib.request.urlopen(f"{url}/v1/health", timeout=2) as answer:
                    assert answer.status == 200
                    assert b'"ok"' in answer.read()
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert (tmp_path / "srv" / "server.db").exists()


def test_seed_loads_the_demo_organisation_and_prints_its_sign_ins(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, database_url)  # the URL may also come from here
    data = tmp_path / "srv"
    code = main(["server", "seed", "--data", str(data), "--accounts", "12", "--seed", "7"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "field, inside, manager" in out and "'demo'" in out
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        names = set(conn.execute(sa.select(users.c.username)).scalars())
        accounts = conn.execute(
            sa.select(sa.func.count())
            .select_from(records)
            .where(records.c.collection == "accounts")
        ).scalar_one()
        unplaced = conn.execute(
            sa.select(sa.func.count())
            .select_from(records)
            .where(
                records.c.collection.not_in(["users", "sla_policies"]),
                records.c.territory == "*",
            )
        ).scalar_one()
    engine.dispose()
    assert {"field", "inside", "manager"} <= names
    assert accounts == 12 and unplaced == 0
    # Seeding twice would mix two organisations: refused with a readable error.
    assert main(["server", "seed", "--data", str(data), "--accounts", "3"]) == 1


def test_add_user_reads_the_password_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    data = tmp_path / "srv"
    monkeypatch.setattr("sys.stdin", _Lines("s3cret-pass\n"))
    code = main(
        [
            "server",
            "add-user",
            "--data",
            str(data),
            "--username",
            "julie",
            "--role",
            "field",
            "--territory",
            "Montréal",
            "--team",
            "quebec",
            "--password-stdin",
        ]
    )
    assert code == 0
    assert "s3cret-pass" not in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", _Lines("another-pass\n"))
    again = main(
        [
            "server",
            "add-user",
            "--data",
            str(data),
            "--username",
            "julie",
            "--role",
            "inside",
            "--password-stdin",
        ]
    )
    assert again == 1  # the username is taken
    assert "taken" in capsys.readouterr().err


def test_an_unreachable_database_is_a_readable_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:1/none"
    code = main(["server", "seed", "--data", str(tmp_path), "--database-url", url])
    err = capsys.readouterr().err
    assert code == 1 and "Cannot open the database" in err
    assert "secret" not in err  # the password in the URL is never shown


class _Lines:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""


def test_the_server_never_imports_qt() -> None:
    probe = (
        "import sys, sync.server.app, sync.server.cli, sync.server.seed; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_database_from_a_newer_server_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "srv"
    assert main(["server", "seed", "--data", str(data), "--accounts", "3", "--seed", "1"]) == 0
    engine = sa.create_engine(f"sqlite:///{data / 'server.db'}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0999'"))
    engine.dispose()
    before = (data / "server.db").read_bytes()
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", _Lines("a long password\n"))
    code = main(
        [
            "server",
            "add-user",
            "--data",
            str(data),
            "--username",
            "julie",
            "--role",
            "inside",
            "--password-stdin",
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "revision 0999" in err and "newer FieldApp server" in err
    assert (data / "server.db").read_bytes() == before
