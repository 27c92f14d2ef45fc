"""A damaged, cut-short, too-new or busy profile, from the command line.

Every command that opens a profile answers with exit code 1 and one ``fieldapp: error:``
line that names the problem and the way out, and leaves the files as they were; then
``fieldapp export``, ``fieldapp backups`` and ``fieldapp restore-backup`` take the rep back.
"""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.store import database_path, open_store
from fieldapp.store.schema import LATEST_VERSION
from fieldapp.usecases.notes import add_note

UNSYNCED = 40
FIXTURES = Path(__file__).parent / "fixtures"
# Every command that opens a profile, with what it needs to get that far.
OPENING_COMMANDS = {
    "status": ["status"],
    "search": ["search", "voiture"],  # matches the notes below, and reads their account
    "init": ["init"],
    "sync": ["sync"],
    "login": ["login", "--server", "http://127.0.0.1:9", "--username", "field", "--password-stdin"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fieldapp: error: "), err
    assert "Traceback" not in err
    return lines[0]


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("pristine")
    with open_store(folder, create=True) as store:
        load_demo(store, generate(20, seed=3))
        account = store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1")
        with store.transaction():
            for n in range(UNSYNCED):
                add_note(store, account, f"Compte rendu n° {n}, écrit dans la voiture")
    return database_path(folder).read_bytes()


def _corrupted(db: Path) -> None:
    """Garbage over the first page of three tables, in the middle of the file."""
    conn = sqlite3.connect(db)
    roots = [
        r
        for (r,) in conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name IN ('profile', 'accounts', 'contacts')"
        )
    ]
    conn.close()
    data = bytearray(db.read_bytes())
    for page in roots:
        data[(page - 1) * 4096 : page * 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    db.write_bytes(bytes(data))


def _truncated(db: Path) -> None:
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])


def _newer(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[60:64] = (LATEST_VERSION + 1).to_bytes(4, "big")  # PRAGMA user_version, as bytes
    db.write_bytes(bytes(data))


HARM: dict[str, Callable[[Path], None]] = {
    "corrupted": _corrupted,
    "truncated": _truncated,
    "newer": _newer,
}


@pytest.fixture
def profile(pristine: bytes, tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    folder.mkdir()
    database_path(folder).write_bytes(pristine)
    return folder


@pytest.fixture
def held(profile: Path) -> Iterator[Path]:
    """The profile, with another process in the middle of an exclusive write to it."""
    script = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "conn.execute(\"INSERT INTO profile (key, value) VALUES ('held', 'yes')\")\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(database_path(profile))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline().strip() == "ready"
        yield profile
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def _every_opening_command(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path
) -> dict[str, tuple[int, str]]:
    answers = {}
    for name, argv in OPENING_COMMANDS.items():
        monkeypatch.setattr("sys.stdin", io.StringIO("a password\n"))
        code, _, err = run(capsys, *argv, "--profile", str(folder))
        answers[name] = (code, err)
    return answers


@pytest.mark.parametrize("harm", ["truncated", "newer"])
def test_every_command_refuses_a_broken_profile_in_one_line_naming_the_way_out(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    profile: Path,
    harm: str,
) -> None:
    HARM[harm](database_path(profile))
    before = digest(profile)
    for name, (code, err) in _every_opening_command(capsys, monkeypatch, profile).items():
        line = one_error_line(err)
        assert code == 1, name
        assert ("newer FieldApp" if harm == "newer" else "is damaged") in line, name
        assert "'fieldapp export --to FOLDER'" in line and "'fieldapp backups'" in line
    assert digest(profile) == before


def test_damage_in_the_middle_is_named_by_each_command_that_reads_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, profile: Path
) -> None:
    _corrupted(database_path(profile))
    before = digest(profile)
    answers = _every_opening_command(capsys, monkeypatch, profile)
    for name in ("status", "search", "sync", "login"):
        code, err = answers[name]
        assert code == 1 and "is damaged" in one_error_line(err), name
        assert "'fieldapp export --to FOLDER'" in err
    # init on an existing profile reads only its schema version, which is intact.
    assert answers["init"] == (0, "")
    assert digest(profile) == before


def test_every_command_reports_a_profile_another_process_is_writing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, held: Path
) -> None:
    monkeypatch.setenv("FIELDAPP_BUSY_TIMEOUT_MS", "100")
    before = digest(held)
    for name, (code, err) in _every_opening_command(capsys, monkeypatch, held).items():
        line = one_error_line(err)
        assert code == 1 and "in use by another program" in line, name
        assert "'fieldapp export --to FOLDER'" in line
    code, out, _ = run(capsys, "export", "--profile", str(held), "--to", str(held.parent / "x"))
    assert code == 0 and f"Unsynced changes: all {UNSYNCED} saved in outbox.csv." in out
    assert digest(held) == before


@pytest.mark.parametrize("harm", ["corrupted", "truncated", "newer"])
def test_export_saves_what_can_be_read_and_says_what_could_not(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path, harm: str
) -> None:
    HARM[harm](database_path(profile))
    before = digest(profile)
    code, out, err = run(
        capsys, "export", "--profile", str(profile), "--to", str(tmp_path / "saved")
    )
    assert (code, err) == (0, "")
    assert digest(profile) == before
    assert out.splitlines()[0].startswith("Unsynced changes: ")
    assert f"Details: {tmp_path / 'saved' / 'export-summary.json'}" in out
    facts = json.loads((tmp_path / "saved" / "export-summary.json").read_text("utf-8"))
    if harm == "corrupted":  # the outbox is intact: all of it is saved
        assert f"Unsynced changes: all {UNSYNCED} saved in outbox.csv." in out
        assert "  accounts: 20 rows (rowids 1-20) could not be read" in out
    if harm == "newer":
        assert facts["complete"] and facts["schema_version"] == LATEST_VERSION + 1
        assert "newer than this FieldApp knows" in out
    if harm == "truncated":
        assert not facts["complete"] and "could not be read" in out


def test_export_json_is_the_summary(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path
) -> None:
    code, out, _ = run(
        capsys, "export", "--profile", str(profile), "--to", str(tmp_path / "saved"), "--json"
    )
    assert code == 0
    assert json.loads(out) == json.loads(
        (tmp_path / "saved" / "export-summary.json").read_text("utf-8")
    )
    assert json.loads(out)["unsynced_changes_saved"] == UNSYNCED


def test_export_refuses_a_folder_with_files_and_a_file_with_nothing_readable(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path
) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "export", "--profile", str(profile), "--to", str(tmp_path / "full"))
    assert code == 1 and "not an empty folder" in one_error_line(err)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"holiday photos, not a database" * 200)
    code, _, err = run(capsys, "export", "--file", str(junk), "--to", str(tmp_path / "out"))
    assert code == 1 and "Nothing could be read" in one_error_line(err)
    assert junk.read_bytes() == b"holiday photos, not a database" * 200


def test_a_damaged_profile_comes_back_from_its_backup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    conn = sqlite3.connect(database_path(folder))
    conn.executescript((FIXTURES / "profile_schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    assert run(capsys, "status", "--profile", str(folder))[0] == 0  # migrated, backed up
    _truncated(database_path(folder))
    assert run(capsys, "status", "--profile", str(folder))[0] == 1

    code, out, _ = run(capsys, "backups", "--profile", str(folder))
    assert code == 0
    name = out.splitlines()[1].split()[0]
    assert name.startswith("fieldapp.v1-") and " 1 " in out.splitlines()[1]
    code, out, _ = run(capsys, "restore-backup", "--profile", str(folder), name)
    assert code == 0 and f"Restored {name} (schema 1)" in out
    assert "fieldapp export --file" in out  # the way to what only the old file held

    code, out, _ = run(capsys, "status", "--profile", str(folder), "--json")
    assert code == 0 and json.loads(out)["counts"]["accounts"] == 1
    code, out, _ = run(capsys, "backups", "--profile", str(folder), "--json")
    reasons = [b["reason"] for b in json.loads(out)["backups"]]
    assert "set aside by restore-backup" in reasons


def test_backups_and_restore_answer_plainly_when_there_is_nothing(
    capsys: pytest.CaptureFixture[str], profile: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "backups", "--profile", str(profile))
    assert code == 0 and out.startswith(f"No backups in {profile}.")
    code, _, err = run(capsys, "backups", "--profile", str(tmp_path / "nowhere"))
    assert code == 1 and "No FieldApp profile" in one_error_line(err)
    before = digest(profile)
    code, _, err = run(capsys, "restore-backup", "--profile", str(profile), "nope.db")
    assert code == 1 and "'fieldapp backups' lists them" in one_error_line(err)
    assert digest(profile) == before
