"""A profile database FieldApp cannot open: damaged pages, a file cut short, a schema from a
newer FieldApp, another process holding it. Each is refused with a sentence that names the
way out, the file is left byte for byte as it was, and the way out works: every row that is
still on disk is exported (unsynced changes first), and a backup can be put back.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from fieldapp.clock import utc_now
from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    FutureSchemaError,
    RecoveryError,
)
from fieldapp.store import database_path, open_store
from fieldapp.store.salvage import (
    RECOVER_FILE,
    SUMMARY_FILE,
    export_readable,
    list_backups,
    restore_backup,
)
from fieldapp.store.schema import LATEST_VERSION
from fieldapp.usecases.notes import add_note

FIXTURES = Path(__file__).parent.parent / "fixtures"
UNSYNCED_NOTES = 300


# -- a profile, and ways to harm it ------------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo territory plus 300 notes typed offline (300 unsynced changes in the outbox)."""
    folder = tmp_path_factory.mktemp("pristine")
    with open_store(folder, create=True) as store:
        load_demo(store, generate(30, seed=7))
        account = store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1")
        with store.transaction():  # one commit: 300 fsyncs would dominate the suite's time
            for n in range(UNSYNCED_NOTES):
                add_note(store, account, f"Note n° {n} écrite hors ligne : rappeler Hélène")
    return database_path(folder)  # closed, so the -wal is checkpointed into the file


@pytest.fixture
def profile(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    folder.mkdir()
    database_path(folder).write_bytes(pristine.read_bytes())
    return folder


def digest(folder: Path) -> dict[str, str]:
    """Every file of a profile folder and a hash of its bytes (-shm aside: see its users)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if not p.name.endswith("-shm")
    }


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = data[pos + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    return (value << 8) | data[pos + 8], pos + 9


def table_leaves(path: Path, table: str) -> list[tuple[int, list[int]]]:
    """The leaf pages of a table's b-tree, in rowid order, each with the rowids it holds."""
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    if table == "sqlite_master":
        root = (1,)  # the list of tables itself, rooted on the first page
    leaves: list[tuple[int, list[int]]] = []

    def visit(page: int) -> None:
        start = (page - 1) * page_size
        header = start + (100 if page == 1 else 0)
        kind, cells = data[header], int.from_bytes(data[header + 3 : header + 5], "big")
        pointers = header + (12 if kind == 0x05 else 8)
        offsets = [
            start + int.from_bytes(data[pointers + 2 * i : pointers + 2 * i + 2], "big")
            for i in range(cells)
        ]
        if kind == 0x0D:  # a leaf: each cell is (payload size, rowid, payload)
            leaves.append((page, [_varint(data, _varint(data, o)[1])[0] for o in offsets]))
            return
        assert kind == 0x05, f"page {page} is not a table b-tree page"
        for offset in offsets:
            visit(int.from_bytes(data[offset : offset + 4], "big"))
        visit(int.from_bytes(data[header + 8 : header + 12], "big"))

    visit(root[0])
    return leaves


def damage(path: Path, pages: list[int]) -> None:
    """Overwrite whole pages with garbage, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in pages:
        data[(page - 1) * size : page * size] = bytes((i * 37 + page) % 256 for i in range(size))
    path.write_bytes(bytes(data))


def column(pristine: Path, sql: str) -> dict[int, str]:
    conn = sqlite3.connect(pristine)
    try:
        return {row[0]: row[1] for row in conn.execute(sql)}
    finally:
        conn.close()


def csv_rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def summary(folder: Path) -> dict[str, Any]:
    return dict(json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8")))


def table_summary(folder: Path, table: str) -> dict[str, Any]:
    return next(t for t in summary(folder)["tables"] if t["table"] == table)


def written_by_a_newer_fieldapp(db: Path) -> None:
    """What the next version might do: a table this one does not know, a higher version."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE gadgets (id TEXT PRIMARY KEY, what TEXT)")
    conn.execute("INSERT INTO gadgets VALUES ('g1', 'a table this FieldApp does not know')")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()


HOLDER = r"""
import sqlite3, sys
path, mode = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(path, isolation_level=None, timeout=0)
if mode == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
row = ("INSERT INTO outbox (mutation_id, collection, record_id, op, fields, previous,"
       " created_at) VALUES (?, 'notes', 'n1', 'update', '{}', '{}', '2026-11-23T14:00:00Z')")
conn.execute("SELECT count(*) FROM outbox").fetchone()
if mode != "read":
    conn.execute(row, ("committed-by-holder",))  # committed: in the -wal, not yet the file
    conn.execute("BEGIN EXCLUSIVE" if mode == "exclusive" else "BEGIN IMMEDIATE")
    conn.execute(row, ("unfinished-by-holder",))
print("ready", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_by_another_process(db: Path, mode: str) -> Iterator[None]:
    """A real second process with the database open: reading, or in the middle of writing
    (``immediate``: other connections may still read; ``exclusive``: nobody may)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert holder.stdin is not None and holder.stdout is not None
    try:
        line = holder.stdout.readline()
        assert line.strip() == "ready", holder.stderr.read() if holder.stderr else line
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


# -- what open_store says ----------------------------------------------------------------


def test_a_truncated_file_is_refused_with_the_way_out_and_left_as_it_was(profile: Path) -> None:
    db = database_path(profile)
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    before = digest(profile)
    with pytest.raises(DamagedDatabaseError, match="is damaged") as refused:
        open_store(profile)
    assert "'fieldapp export --to FOLDER'" in str(refused.value)
    assert "'fieldapp backups'" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert digest(profile) == before


def test_an_empty_database_file_is_a_damaged_profile_never_a_new_one(profile: Path) -> None:
    # A 0-byte fieldapp.db (a copy cut off, a sync tool that truncated it) once opened as a
    # brand-new, empty profile: the data was silently gone. Even with create=True.
    db = database_path(profile)
    db.write_bytes(b"")
    for create in (False, True):
        with pytest.raises(DamagedDatabaseError, match="is empty") as refused:
            open_store(profile, create=create)
        assert "'fieldapp export --to FOLDER'" in str(refused.value)
        assert db.stat().st_size == 0


def test_a_new_profile_gets_its_database_only_once_it_is_complete(tmp_path: Path) -> None:
    # Killed half-way through creating a profile, FieldApp leaves no empty or partial
    # fieldapp.db (which would then read as damaged): only a temporary file, cleared later.
    folder = tmp_path / "new-profile"
    code = (
        "import os, sys; from fieldapp.store import migrations\n"
        "def die(*args, **kw): os._exit(9)\n"
        "migrations.migrate = die\n"
        "from fieldapp.store import database\n"
        "database.migrate = die\n"
        "database.open_store(sys.argv[1], create=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(folder)], timeout=60, check=False)
    assert done.returncode == 9
    assert not database_path(folder).exists()
    with open_store(folder, create=True) as store:
        assert store.schema_version == LATEST_VERSION
    # The dead process's half-built file is cleared by the next creation.
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith("fieldapp.db")) == []


def test_a_damaged_schema_page_is_refused_with_the_way_out_and_left_as_it_was(
    profile: Path,
) -> None:
    db = database_path(profile)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the list of tables not
    db.write_bytes(bytes(data))
    before = digest(profile)
    with pytest.raises(DamagedDatabaseError, match="'fieldapp export --to FOLDER'"):
        open_store(profile)
    assert digest(profile) == before


def test_damage_in_the_middle_shows_when_a_read_reaches_it_and_changes_nothing(
    profile: Path, pristine: Path
) -> None:
    db = database_path(profile)
    page, _ = table_leaves(pristine, "notes")[2]
    damage(db, [page])
    before = digest(profile)
    # Opening reads only intact pages; the damage shows on the first read that reaches it.
    with open_store(profile) as store, pytest.raises(sqlite3.DatabaseError, match="malformed"):
        store.query("SELECT body FROM notes")
    assert digest(profile) == before


def test_a_profile_from_a_newer_fieldapp_is_refused_with_the_way_out(profile: Path) -> None:
    written_by_a_newer_fieldapp(database_path(profile))
    before = digest(profile)
    with pytest.raises(FutureSchemaError, match="newer FieldApp") as refused:
        open_store(profile)
    assert "'fieldapp export --to FOLDER'" in str(refused.value)
    assert digest(profile) == before


# -- export what can be read -------------------------------------------------------------


def test_a_healthy_profile_exports_every_row_of_every_table(
    profile: Path, pristine: Path, tmp_path: Path
) -> None:
    before = digest(profile)
    report = export_readable(database_path(profile), tmp_path / "out", sqlite3_program=None)
    assert digest(profile) == before  # not even a -wal or -shm appeared
    assert report.complete and report.integrity == ["ok"]
    assert report.tables[0].table == "outbox"  # unsynced work first
    assert "search_fts" in report.skipped  # an index: rebuilt from the tables it indexes
    for table in report.tables:
        total = column(pristine, f'SELECT 1, count(*) FROM "{table.table}"')[1]
        assert table.rows_saved == total == len(csv_rows(tmp_path / "out", table.table))
    bodies = {row["id"]: row for row in csv_rows(tmp_path / "out", "notes")}
    typed = "SELECT id, body FROM notes WHERE version IS NULL LIMIT 1"
    note_id, body = next(iter(column(pristine, typed).items()))
    assert bodies[str(note_id)]["body"] == body  # accents and all
    assert bodies[str(note_id)]["version"] == ""  # NULL: never synced
    assert summary(tmp_path / "out")["unsynced_changes_saved"] == UNSYNCED_NOTES


def test_damaged_pages_lose_only_the_rows_stored_on_them(
    profile: Path, pristine: Path, tmp_path: Path
) -> None:
    notes, outbox = table_leaves(pristine, "notes"), table_leaves(pristine, "outbox")
    bad_notes, bad_outbox = notes[len(notes) // 2], outbox[len(outbox) // 2]
    damage(database_path(profile), [bad_notes[0], bad_outbox[0]])
    before = digest(profile)

    report = export_readable(database_path(profile), tmp_path / "out", sqlite3_program=None)

    assert digest(profile) == before
    note_ids = column(pristine, "SELECT rowid, id FROM notes")
    exported = {row["id"] for row in csv_rows(tmp_path / "out", "notes")}
    assert exported == {i for r, i in note_ids.items() if r not in bad_notes[1]}
    mutations = column(pristine, "SELECT seq, mutation_id FROM outbox")
    saved = {row["mutation_id"] for row in csv_rows(tmp_path / "out", "outbox")}
    lost = {mutations[seq] for seq in bad_outbox[1]}
    assert saved == set(mutations.values()) - lost and lost
    facts = summary(tmp_path / "out")
    assert facts["unsynced_changes_saved"] == UNSYNCED_NOTES - len(lost)
    assert facts["unsynced_changes_complete"] is False and facts["complete"] is False
    # The outbox's own index still lists the lost rows: they are named, not just counted.
    outbox_facts = table_summary(tmp_path / "out", "outbox")
    assert outbox_facts["rows_lost"] == len(lost)
    assert {row["mutation_id"] for row in outbox_facts["lost_rows"]} == lost
    assert outbox_facts["unreadable_rowids"] == [[min(bad_outbox[1]), max(bad_outbox[1])]]
    assert report.tables[0].table == "outbox"
    assert all(t.error is None for t in report.tables if t.table not in ("notes", "outbox"))


def test_a_truncated_file_gives_back_every_row_on_the_pages_that_remain(
    profile: Path, pristine: Path, tmp_path: Path
) -> None:
    db = database_path(profile)
    page_size = int.from_bytes(db.read_bytes()[16:18], "big")
    outbox_pages = sorted(page for page, _ in table_leaves(pristine, "outbox"))
    kept = outbox_pages[len(outbox_pages) // 2]  # cut short in the middle of the outbox
    db.write_bytes(db.read_bytes()[: kept * page_size])
    before = digest(profile)

    export_readable(db, tmp_path / "out", sqlite3_program=None)

    assert digest(profile) == before
    for table, key in (("outbox", "seq"), ("notes", "rowid"), ("accounts", "rowid")):
        ids = column(
            pristine, f"SELECT {key}, {'mutation_id' if table == 'outbox' else 'id'} FROM {table}"
        )
        on_kept_pages = {
            ids[r] for p, rowids in table_leaves(pristine, table) if p <= kept for r in rowids
        }
        field = "mutation_id" if table == "outbox" else "id"
        assert {row[field] for row in csv_rows(tmp_path / "out", table)} == on_kept_pages
    assert 0 < summary(tmp_path / "out")["unsynced_changes_saved"] < UNSYNCED_NOTES


def test_a_profile_from_a_newer_fieldapp_is_exported_whole(profile: Path, tmp_path: Path) -> None:
    written_by_a_newer_fieldapp(database_path(profile))
    report = export_readable(database_path(profile), tmp_path / "out", sqlite3_program=None)
    assert report.complete and report.schema_version == LATEST_VERSION + 1
    assert report.outbox is not None and report.outbox.rows_saved == UNSYNCED_NOTES
    assert csv_rows(tmp_path / "out", "gadgets") == [
        {"id": "g1", "what": "a table this FieldApp does not know"}
    ]


def test_a_database_another_process_is_writing_is_refused_yet_exported(
    profile: Path, tmp_path: Path
) -> None:
    db = database_path(profile)
    with held_by_another_process(db, "exclusive"):
        before = digest(profile)
        assert not Path(f"{db}-shm").exists()  # exclusive locking mode keeps it in memory
        with pytest.raises(DatabaseLockedError, match="in use by another program") as refused:
            open_store(profile, busy_timeout_ms=100)
        assert "'fieldapp export --to FOLDER'" in str(refused.value)
        report = export_readable(db, tmp_path / "out", sqlite3_program=None)
        assert digest(profile) == before and not Path(f"{db}-shm").exists()
    saved = {row["mutation_id"] for row in csv_rows(tmp_path / "out", "outbox")}
    # What the other process committed is saved; what it has not committed yet is not.
    assert "committed-by-holder" in saved and "unfinished-by-holder" not in saved
    assert report.complete and report.copy_consistent
    assert report.outbox is not None and report.outbox.rows_saved == UNSYNCED_NOTES + 1


def test_a_writer_in_another_process_lets_reads_through_and_makes_writes_wait(
    profile: Path,
) -> None:
    db = database_path(profile)
    with held_by_another_process(db, "immediate"):
        before = digest(profile)  # -shm aside: every reader marks its place there
        with open_store(profile, busy_timeout_ms=100) as store:
            held = "SELECT count(*) FROM outbox WHERE mutation_id LIKE '%-by-holder'"
            assert store.scalar(held) == 1  # the committed one only
            with pytest.raises(DatabaseLockedError, match="'fieldapp export"), store.transaction():
                pass
        assert digest(profile) == before


def test_an_unreadable_list_of_tables_is_reported_not_hidden(profile: Path, tmp_path: Path) -> None:
    db = database_path(profile)
    damage(db, [1])  # the header and the list of tables
    report = export_readable(db, tmp_path / "out", sqlite3_program=None)
    assert report.schema_error and report.tables == [] and not report.complete
    assert summary(tmp_path / "out")["schema_error"] == report.schema_error


def test_a_file_cut_in_its_list_of_tables_still_exports_the_tables_listed_before(
    profile: Path, pristine: Path, tmp_path: Path
) -> None:
    """A migration's new schema entries sit on the list's last page, often the file's end:
    cut there, SQLite still knows every table it read before, and those are saved."""
    db = database_path(profile)
    size = int.from_bytes(db.read_bytes()[16:18], "big")
    pages = db.stat().st_size // size
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # written into the file, read back below
    # A later schema's entries, until the list of tables needs a page past the old end.
    n = 0
    while (last_leaf := table_leaves(db, "sqlite_master")[-1][0]) <= pages:
        n += 1
        conn.execute(f"CREATE TABLE late_addition_{n} (x TEXT DEFAULT '{'x' * 1500}')")
    conn.close()
    db.write_bytes(db.read_bytes()[: (last_leaf - 1) * size])  # cut before that page

    report = export_readable(db, tmp_path / "out", sqlite3_program=None)
    assert report.schema_error is None and report.schema_partial
    assert not report.complete and not summary(tmp_path / "out")["complete"]
    assert summary(tmp_path / "out")["schema_partial"] == report.schema_partial
    outbox = report.outbox
    assert outbox is not None and outbox.error is None
    assert outbox.rows_saved == UNSYNCED_NOTES  # the unsent work, whole
    saved = {t.table: t.rows_saved for t in report.tables}
    assert saved["accounts"] == column(pristine, "SELECT 1, count(*) FROM accounts")[1]
    assert f"late_addition_{n}" not in saved  # its entry was on the page cut off
    assert "search_fts" in report.skipped and "search_fts" not in saved


def test_export_never_writes_into_a_folder_that_holds_files(profile: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "taxes.csv").write_text("mine", encoding="utf-8")
    with pytest.raises(RecoveryError, match="not an empty folder"):
        export_readable(database_path(profile), tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["taxes.csv"]


def _fake_sqlite3(tmp_path: Path, body: str) -> str:
    program = tmp_path / "fake-sqlite3"
    program.write_text(f"#!{sys.executable}\nimport sys\n{body}\n", encoding="utf-8")
    program.chmod(0o755)
    return str(program)


@pytest.mark.skipif(sys.platform == "win32", reason="a script with a #! line stands in for it")
def test_sqlite3_recover_output_is_kept_when_it_found_rows_and_dropped_when_not(
    profile: Path, pristine: Path, tmp_path: Path
) -> None:
    damage(database_path(profile), [table_leaves(pristine, "notes")[1][0]])
    finds = _fake_sqlite3(tmp_path, "print('INSERT INTO lost_and_found VALUES(1);')")
    report = export_readable(database_path(profile), tmp_path / "a", sqlite3_program=finds)
    assert report.recovered_sql == tmp_path / "a" / RECOVER_FILE and report.recover_error is None
    fails = _fake_sqlite3(tmp_path, "print('BEGIN;'); sys.exit('no sqlite_dbpage here')")
    report = export_readable(database_path(profile), tmp_path / "b", sqlite3_program=fails)
    assert report.recovered_sql is None and report.recover_error == "no sqlite_dbpage here"
    assert not (tmp_path / "b" / RECOVER_FILE).exists()
    assert len(csv_rows(tmp_path / "b", "outbox")) == UNSYNCED_NOTES  # never depended on it


# -- backups -----------------------------------------------------------------------------


def v1_profile_with_backup(folder: Path) -> Path:
    """A schema-1 profile opened once by this FieldApp: migrated, with a backup taken."""
    folder.mkdir()
    conn = sqlite3.connect(database_path(folder))
    conn.executescript((FIXTURES / "profile_schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    open_store(folder).close()
    (backup,) = list_backups(folder)
    return backup.path


def test_backups_are_listed_with_their_date_and_schema_version(tmp_path: Path) -> None:
    path = v1_profile_with_backup(tmp_path / "p")
    (backup,) = list_backups(tmp_path / "p")
    assert backup.path == path and backup.schema_version == 1
    assert backup.reason == "before an update of the schema"
    assert abs((backup.taken_at - utc_now()).total_seconds()) < 60


def test_restoring_a_backup_sets_the_damaged_file_aside_and_brings_the_data_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "p"
    backup = v1_profile_with_backup(folder)
    db = database_path(folder)
    db.write_bytes(db.read_bytes()[:5000])  # cut short
    Path(f"{db}-wal").write_bytes(b"what a crash left behind")
    damaged = {p.name: p.read_bytes() for p in (db, Path(f"{db}-wal"))}

    restored = restore_backup(folder, backup.name)

    assert restored.schema_version == 1 and restored.backup == backup
    aside = {
        p.name.replace(restored.set_aside[0].stem, "fieldapp"): p.read_bytes()
        for p in restored.set_aside
    }
    assert aside == damaged  # kept byte for byte, -wal beside its file
    assert not Path(f"{db}-wal").exists()
    with open_store(folder) as store:
        assert store.scalar("SELECT name FROM accounts") == "Café du Plateau"
        assert store.scalar("SELECT count(*) FROM outbox") == 1
    assert backup.exists()  # a backup can be restored again
    reasons = sorted(b.reason for b in list_backups(folder))
    assert "set aside by restore-backup" in reasons
    assert not [p for p in folder.iterdir() if ".restoring-" in p.name]


@pytest.mark.parametrize("harm", ["damaged", "newer"])
def test_a_backup_that_is_not_whole_or_too_new_is_refused_and_nothing_changes(
    tmp_path: Path, harm: str
) -> None:
    folder = tmp_path / "p"
    backup = v1_profile_with_backup(folder)
    if harm == "damaged":
        damage(backup, [2, 3])
    else:
        data = bytearray(backup.read_bytes())
        data[60:64] = (LATEST_VERSION + 1).to_bytes(4, "big")
        backup.write_bytes(bytes(data))
    before = digest(folder)
    with pytest.raises(RecoveryError, match="damaged too" if harm == "damaged" else "newer"):
        restore_backup(folder, backup)
    assert digest(folder) == before


@pytest.mark.skipif(sys.platform == "win32", reason="there, an open database cannot be renamed")
def test_a_backup_is_not_restored_under_a_program_that_has_the_database_open(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "p"
    backup = v1_profile_with_backup(folder)
    with held_by_another_process(database_path(folder), "read"):
        before = digest(folder)
        with pytest.raises(DatabaseLockedError, match="Nothing was changed"):
            restore_backup(folder, backup)
        assert digest(folder) == before


def test_an_unknown_backup_names_the_command_that_lists_them(tmp_path: Path) -> None:
    v1_profile_with_backup(tmp_path / "p")
    with pytest.raises(RecoveryError, match="'fieldapp backups' lists them"):
        restore_backup(tmp_path / "p", "fieldapp.v9-20200101T000000Z.backup.db")
