"""The ``fieldapp`` command line, driven in-process through ``main([...])``.

Each error test checks the three promises made to a user who got something wrong: exit
code 1, exactly one ``fieldapp: error:`` line on stderr with no traceback, and their file
left byte for byte as it was.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import fieldapp
from fieldapp.cli import main
from fieldapp.logs import configure_logging
from fieldapp.profiles import default_profile_dir
from fieldapp.store.schema import COLLECTIONS

DEMO_ACCOUNTS = 30


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fieldapp: error: ")
    assert "Traceback" not in err
    return lines[0]


def fold(text: str) -> str:
    """Lower case without accents: what a person types when in a hurry."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One small demo profile for the read-only tests (loading it is the slow part)."""
    folder = tmp_path_factory.mktemp("demo") / "profile"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDAPP_LOG_DIR", str(folder.parent / "logs"))
        code = main(
            [
                "init",
                "--profile",
                str(folder),
                "--demo",
                "--accounts",
                str(DEMO_ACCOUNTS),
                "--seed",
                "7",
            ]
        )
    assert code == 0
    yield folder


def db_rows(profile: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(profile / "fieldapp.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# -- version, init, status ----------------------------------------------------------------


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"fieldapp {fieldapp.__version__}"


def test_no_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "usage: fieldapp" in err


def test_init_creates_a_profile_and_is_idempotent(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    code, out, _ = run(capsys, "init", "--profile", str(profile))
    assert code == 0
    assert "Created profile" in out
    assert (profile / "fieldapp.db").is_file()

    db_rows(profile, "SELECT 1")  # a real SQLite file with the schema
    assert db_rows(profile, "PRAGMA user_version")[0][0] >= 1

    code, out, _ = run(capsys, "init", "--profile", str(profile))
    assert code == 0
    assert "already exists" in out
    assert "Created" not in out


def test_without_profile_option_the_default_profile_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # conftest points FIELDAPP_PROFILE at a temporary folder.
    assert default_profile_dir() == tmp_path / "default-profile"
    code, _, _ = run(capsys, "init")
    assert code == 0
    assert (tmp_path / "default-profile" / "fieldapp.db").is_file()


def test_default_profile_without_override_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FIELDAPP_PROFILE")
    folder = default_profile_dir()
    assert folder.name == "default"
    assert folder.parent.name == "FieldApp"


def test_init_demo_fills_the_profile_and_status_shows_counts(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    code, out, _ = run(capsys, "init", "--profile", str(profile), "--demo", "--accounts", "30")
    assert code == 0
    assert "Loaded demo data" in out
    assert db_rows(profile, "SELECT count(*) FROM accounts")[0][0] == 30

    code, out, _ = run(capsys, "status", "--profile", str(profile))
    assert code == 0
    table = dict(
        line.split() for line in out.splitlines() if line.split() and line.split()[0] in COLLECTIONS
    )
    assert table["accounts"] == "30"
    assert int(table["contacts"]) > 0
    assert "Pending changes:" in out


def test_status_of_a_demo_profile_says_it_is_local_and_signed_in_to_no_server(
    capsys: pytest.CaptureFixture[str], demo_profile: Path
) -> None:
    code, out, _ = run(capsys, "status", "--profile", str(demo_profile))
    assert code == 0
    assert "Signed in as:" not in out
    line = next(line for line in out.splitlines() if line.startswith("Server:"))
    assert "local demo profile" in line and "not signed in to any server" in line
    assert "field" in next(line for line in out.splitlines() if line.startswith("Works as:"))


def test_status_of_a_signed_in_profile_names_the_user_and_the_server(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    assert main(["init", "--profile", str(profile)]) == 0
    conn = sqlite3.connect(profile / "fieldapp.db")
    with conn:
        conn.executemany(
            "INSERT OR REPLACE INTO profile (key, value) VALUES (?, ?)",
            [("server_url", "https://crm.example.com"), ("current_username", "mlavoie")],
        )
    conn.close()
    capsys.readouterr()
    code, out, _ = run(capsys, "status", "--profile", str(profile))
    assert code == 0
    line = next(line for line in out.splitlines() if line.startswith("Signed in as:"))
    assert line.split(":", 1)[1].strip() == "mlavoie on https://crm.example.com"


def test_init_demo_on_a_profile_with_accounts_loads_nothing(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    assert run(capsys, "init", "--profile", str(profile), "--demo", "--accounts", "5")[0] == 0
    before = db_rows(profile, "SELECT count(*) FROM accounts")[0][0]

    code, out, _ = run(capsys, "init", "--profile", str(profile), "--demo", "--accounts", "9")
    assert code == 0
    assert "no demo data was loaded" in out
    assert db_rows(profile, "SELECT count(*) FROM accounts")[0][0] == before == 5


@pytest.mark.parametrize(
    "option",
    [
        ["--accounts", "-1"],
        ["--accounts", "200001"],
        ["--accounts", "many"],
        ["--seed", "-3"],
        ["--seed", "1.5"],
    ],
)
def test_init_refuses_bad_numbers_before_touching_anything(
    capsys: pytest.CaptureFixture[str], profile: Path, option: list[str]
) -> None:
    code, _, err = run(capsys, "init", "--profile", str(profile), "--demo", *option)
    assert code == 2
    assert f"argument {option[0]}: must be a whole number" in err
    assert not profile.exists()


def test_status_json_has_every_field(
    capsys: pytest.CaptureFixture[str], demo_profile: Path
) -> None:
    code, out, _ = run(capsys, "status", "--profile", str(demo_profile), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "path",
        "schema_version",
        "signed_in_as",
        "server_url",
        "last_sync_at",
        "pending_mutations",
        "open_conflicts",
        "open_rejections",
        "counts",
    }
    assert list(data["counts"]) == list(COLLECTIONS)
    assert data["counts"]["accounts"] == DEMO_ACCOUNTS
    assert all(isinstance(n, int) for n in data["counts"].values())
    assert data["path"] == str(demo_profile / "fieldapp.db")
    assert data["schema_version"] >= 1
    assert data["last_sync_at"] is None  # demo data was never synced
    assert data["signed_in_as"]  # the demo profile has a current user
    assert data["server_url"] is None  # ... who is signed in to no server
    for key in ("pending_mutations", "open_conflicts", "open_rejections"):
        assert isinstance(data[key], int)


def test_status_counts_what_waits_for_a_person(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    assert run(capsys, "init", "--profile", str(profile))[0] == 0
    conn = sqlite3.connect(profile / "fieldapp.db")
    with conn:
        conn.execute(
            "INSERT INTO conflicts (id, collection, record_id, field, status,"
            " created_at) VALUES ('c1', 'accounts', 'a', 'name', 'open', 'now'),"
            " ('c2', 'accounts', 'a', 'city', 'resolved', 'now')"
        )
        conn.execute(
            "INSERT INTO rejected_mutations (id, mutation_id, collection, record_id,"
            " op, fields, reason, rejected_at) VALUES"
            " ('r1', 'm1', 'accounts', 'a', 'update', '{}', 'no', 'now')"
        )
        conn.execute(
            "INSERT INTO sync_state (feed, last_success_at) VALUES"
            " ('*', '2026-11-20T10:00:00Z'), ('notes', '2026-11-21T10:00:00Z')"
        )
    conn.close()

    code, out, _ = run(capsys, "status", "--profile", str(profile), "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["open_conflicts"], data["open_rejections"]) == (1, 1)
    assert data["last_sync_at"] == "2026-11-21T10:00:00Z"
    assert data["signed_in_as"] is None


# -- search --------------------------------------------------------------------------------


def test_search_finds_an_account_by_a_prefix(
    capsys: pytest.CaptureFixture[str], demo_profile: Path
) -> None:
    name = db_rows(demo_profile, "SELECT name FROM accounts ORDER BY name LIMIT 1")[0][0]
    prefix = name.split()[0][:4]
    code, out, _ = run(capsys, "search", "--profile", str(demo_profile), prefix, "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert any(h["collection"] == "accounts" and h["title"] == name for h in hits), hits
    assert set(hits[0]) == {
        "collection",
        "record_id",
        "title",
        "detail",
        "account_id",
        "account_name",
    }


def test_search_ignores_accents(capsys: pytest.CaptureFixture[str], demo_profile: Path) -> None:
    rows = db_rows(demo_profile, "SELECT name, city FROM accounts")
    accented = [(name, city) for name, city in rows if city and fold(city) != city.lower()]
    assert accented, "the demo data should have accented city names (Montréal, Québec…)"
    name, city = accented[0]
    query = fold(city)
    assert query != city.lower()

    code, out, _ = run(capsys, "search", "--profile", str(demo_profile), query, "--limit", "1000")
    assert code == 0
    assert city in out  # the human table shows the real, accented city
    assert name in out


def test_search_human_output_and_no_results(
    capsys: pytest.CaptureFixture[str], demo_profile: Path
) -> None:
    name = db_rows(demo_profile, "SELECT name FROM accounts ORDER BY name LIMIT 1")[0][0]
    code, out, _ = run(capsys, "search", "--profile", str(demo_profile), name)
    assert code == 0
    assert out.splitlines()[0].split() == ["collection", "title", "detail", "account"]
    assert name in out

    code, out, _ = run(capsys, "search", "--profile", str(demo_profile), "zzqxjw")
    assert (code, out.strip()) == (0, "No results.")


def test_search_limit_is_respected(capsys: pytest.CaptureFixture[str], demo_profile: Path) -> None:
    code, out, _ = run(
        capsys, "search", "--profile", str(demo_profile), "--json", "--limit", "1", "a"
    )
    assert code == 2  # one letter: refused before the limit matters
    code, out, _ = run(
        capsys,
        "search",
        "--profile",
        str(demo_profile),
        "--json",
        "--limit",
        "2",
        db_rows(demo_profile, "SELECT city FROM accounts LIMIT 1")[0][0],
    )
    assert code == 0
    assert 1 <= len(json.loads(out)["hits"]) <= 2


def test_search_needs_two_characters(capsys: pytest.CaptureFixture[str], profile: Path) -> None:
    code, out, err = run(capsys, "search", "--profile", str(profile), "b")
    assert code == 2
    assert "at least 2" in assert_one_error_line(err)
    assert out == ""
    assert not profile.exists()  # refused before opening anything


# -- errors a user can meet ---------------------------------------------------------------


def test_missing_profile_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    code, out, err = run(capsys, "status", "--profile", str(profile))
    assert (code, out) == (1, "")
    line = assert_one_error_line(err)
    assert "No FieldApp profile" in line and "fieldapp init" in line
    assert not profile.exists()  # status never creates one


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    profile.mkdir()
    db = profile / "fieldapp.db"
    content = b"These are my holiday plans, not a database.\n" * 50
    db.write_bytes(content)

    for argv in (["status"], ["init"], ["init", "--demo", "--accounts", "3"], ["search", "ab"]):
        code, _, err = run(capsys, *argv, "--profile", str(profile))
        assert code == 1, argv
        assert "not a FieldApp database" in assert_one_error_line(err)
        assert db.read_bytes() == content
    assert sorted(p.name for p in profile.iterdir()) == ["fieldapp.db"]


def _corrupt_copy(source: Path, target: Path, keep: int) -> bytes:
    """A file that starts like ``source`` (a valid SQLite header) and then is garbage."""
    data = source.read_bytes()
    garbage = bytes((i * 37 + 11) % 256 for i in range(len(data) - keep))
    target.parent.mkdir(parents=True)
    target.write_bytes(data[:keep] + garbage)
    return target.read_bytes()


@pytest.mark.parametrize("keep", [100, 4096], ids=["header-only", "first-page-intact"])
def test_a_corrupted_database_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], demo_profile: Path, tmp_path: Path, keep: int
) -> None:
    db = tmp_path / "broken" / "fieldapp.db"
    content = _corrupt_copy(demo_profile / "fieldapp.db", db, keep)
    assert content.startswith(b"SQLite format 3\x00")

    for argv in (["status"], ["init", "--demo", "--accounts", "3"]):
        code, _, err = run(capsys, *argv, "--profile", str(db.parent))
        assert code == 1, argv
        line = assert_one_error_line(err)
        assert "damaged or is not a FieldApp database" in line
        assert db.read_bytes() == content


def test_a_profile_from_a_newer_fieldapp_is_refused(
    capsys: pytest.CaptureFixture[str], profile: Path
) -> None:
    assert run(capsys, "init", "--profile", str(profile))[0] == 0
    conn = sqlite3.connect(profile / "fieldapp.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    content = (profile / "fieldapp.db").read_bytes()

    for argv in (["status"], ["init"], ["search", "boul"]):
        code, _, err = run(capsys, *argv, "--profile", str(profile))
        assert code == 1
        assert "newer FieldApp" in assert_one_error_line(err)
    assert (profile / "fieldapp.db").read_bytes() == content


def test_a_database_held_by_another_program_is_reported_as_in_use(
    capsys: pytest.CaptureFixture[str], profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "init", "--profile", str(profile))[0] == 0
    monkeypatch.setenv("FIELDAPP_BUSY_TIMEOUT_MS", "100")
    holder = sqlite3.connect(profile / "fieldapp.db", isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO profile (key, value) VALUES ('held', 'yes')")
        for argv in (["status"], ["init", "--demo", "--accounts", "3"]):
            code, _, err = run(capsys, *argv, "--profile", str(profile))
            assert code == 1, argv
            assert "in use by another program" in assert_one_error_line(err)
    finally:
        holder.close()
    # Once it is released, the same command works.
    assert run(capsys, "status", "--profile", str(profile))[0] == 0


def test_a_bad_busy_timeout_setting_is_explained(
    capsys: pytest.CaptureFixture[str], profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_BUSY_TIMEOUT_MS", "soon")
    code, _, err = run(capsys, "init", "--profile", str(profile))
    assert code == 1
    assert "FIELDAPP_BUSY_TIMEOUT_MS" in assert_one_error_line(err)


def test_a_profile_folder_that_cannot_be_created_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "init", "--profile", str(blocker / "profile"))
    assert code == 1
    assert str(blocker) in assert_one_error_line(err)


def test_an_unexpected_error_exits_70_with_the_traceback_in_the_log(
    capsys: pytest.CaptureFixture[str],
    profile: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    assert run(capsys, "init", "--profile", str(profile))[0] == 0

    def broken(store: object) -> None:
        raise RuntimeError("boom in status")

    monkeypatch.setattr("fieldapp.commands.profile.profile_status", broken)
    code, _, err = run(capsys, "status", "--profile", str(profile))
    assert code == 70
    line = assert_one_error_line(err)
    assert "boom in status" in line and "fieldapp.log" in line
    log_text = (tmp_path / "logs" / "fieldapp.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "RuntimeError: boom in status" in log_text


# -- logging -------------------------------------------------------------------------------


def test_commands_write_a_log_file_in_the_log_folder(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path
) -> None:
    assert run(capsys, "init", "--profile", str(profile))[0] == 0
    log_file = tmp_path / "logs" / "fieldapp.log"
    text = log_file.read_text(encoding="utf-8")
    assert f"fieldapp {fieldapp.__version__}: init" in text
    assert "created profile" in text
    assert "DEBUG" not in text


def test_verbose_logs_debug_lines_also_after_the_subcommand(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path
) -> None:
    assert run(capsys, "init", "--profile", str(profile), "--verbose")[0] == 0
    logging.getLogger("fieldapp.test").debug("a debugging detail")
    assert "a debugging detail" in capsys.readouterr().err
    text = (tmp_path / "logs" / "fieldapp.log").read_text(encoding="utf-8")
    assert "a debugging detail" in text


def test_configure_logging_twice_does_not_double_lines(tmp_path: Path) -> None:
    first = configure_logging(verbose=False)
    second = configure_logging(verbose=False)
    assert first == second == tmp_path / "logs" / "fieldapp.log"
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_fieldapp", False)]
    assert len(ours) == 2  # one file, one stderr
    logging.getLogger("fieldapp.test").info("written once")
    assert second.read_text(encoding="utf-8").count("written once") == 1


def test_an_unusable_log_folder_warns_once_and_the_command_still_works(
    capsys: pytest.CaptureFixture[str],
    profile: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(blocker / "logs"))
    code, out, err = run(capsys, "init", "--profile", str(profile))
    assert code == 0
    assert "Created profile" in out
    assert err.count("cannot write log files") == 1
    assert len(err.strip().splitlines()) == 1


def test_secrets_never_reach_the_log_file(tmp_path: Path) -> None:
    path = configure_logging(verbose=True)
    assert path is not None
    logging.getLogger("fieldapp.test").info("login with password=hunter2 token: abc.def")
    logging.getLogger("fieldapp.test").info("header Authorization: Bearer s3cr3t")
    text = path.read_text(encoding="utf-8")
    assert "hunter2" not in text and "abc.def" not in text and "s3cr3t" not in text
    assert "password=[redacted]" in text


# -- the installed program ----------------------------------------------------------------


def test_a_reader_that_stops_early_ends_the_output_quietly(demo_profile: Path) -> None:
    """``fieldapp search … | head``: once the reader has gone, stop with no error line."""
    read_end, write_end = os.pipe()
    reader = subprocess.Popen(["head", "-c", "1"], stdin=read_end, stdout=subprocess.DEVNULL)
    os.close(read_end)
    try:
        # The reader takes one byte and exits; "true" would not even read. Either way the
        # pipe has no reader once it is gone: give it its byte and wait for it.
        os.write(write_end, b"x")
        assert reader.wait(timeout=30) == 0
        env = {**os.environ, "FIELDAPP_LOG_DIR": str(demo_profile.parent / "logs")}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "search",
                "--profile",
                str(demo_profile),
                "--limit",
                "50",
                "co",
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            env=env,
        )
    finally:
        os.close(write_end)
    assert done.stderr == ""
    assert done.returncode == 141  # as a Unix tool ended by SIGPIPE: 128 + 13


def test_python_dash_m_and_the_console_script_both_run() -> None:
    expected = f"fieldapp {fieldapp.__version__}"
    by_module = subprocess.run(
        [sys.executable, "-m", "fieldapp", "--version"], capture_output=True, text=True, timeout=60
    )
    assert (by_module.returncode, by_module.stdout.strip()) == (0, expected)

    # The script pip installed next to this interpreter (a venv's bin/ or Scripts\).
    name = "fieldapp.exe" if os.name == "nt" else "fieldapp"
    beside = Path(sys.executable).parent / name
    script = str(beside) if beside.exists() else shutil.which("fieldapp")
    assert script, "the fieldapp console script is not installed; run pip install -e ."
    by_script = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert (by_script.returncode, by_script.stdout.strip()) == (0, expected)
