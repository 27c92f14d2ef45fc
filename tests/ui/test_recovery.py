"""A damaged profile database in the window: one recovery dialog, never a stack of errors,
and its ways out work (the export runs as a real ``python -m fieldapp export`` process).

The damage is made as tests/core/test_damaged_database.py makes it, from a separate
process: writing the file from this one would drop this process's SQLite locks.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.store.database import database_path
from fieldapp.store.migrations import backup_file
from fieldapp.store.schema import LATEST_VERSION
from ui.app import Shell, run_app
from ui.dialogs.recovery import RecoveryDialog
from ui.i18n import Languages

ROOT = Path(__file__).resolve().parents[2]

DAMAGE = r"""
import sys
sys.path.insert(0, sys.argv[1])
from test_damaged_database import damage, table_leaves
from pathlib import Path
db, how = Path(sys.argv[2]), sys.argv[3]
if how == "truncate":
    with open(db, "r+b") as handle:
        handle.truncate(handle.seek(0, 2) // 2)
else:
    leaves = table_leaves(db, "notes")
    damage(db, [page for page, _ in leaves[1:-1]])
"""


def damage_from_another_process(db: Path, how: str) -> None:
    subprocess.run(
        [sys.executable, "-c", DAMAGE, str(ROOT / "tests" / "core"), str(db), how],
        check=True,
        timeout=60,
    )


def open_dialogs() -> list[QDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def export_from(dialog: RecoveryDialog, qtbot: QtBot, folder: Path, monkeypatch) -> Path:
    folder.mkdir()
    monkeypatch.setattr(RecoveryDialog, "choose_folder", lambda self: folder)
    with qtbot.waitSignal(
        dialog.process_finished, timeout=120_000, check_params_cb=lambda kind: kind == "export"
    ):
        dialog.export_button.click()
    [exported] = list(folder.iterdir())
    return exported


def test_a_window_started_on_a_damaged_database_shows_one_recovery_dialog_that_exports(
    ui_profile: Path, tmp_path: Path, qtbot: QtBot, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    damage_from_another_process(database_path(ui_profile), "truncate")
    seen: dict[str, Any] = {}

    def in_the_dialog() -> None:
        try:
            dialogs = open_dialogs()
            seen["dialogs"] = [type(d).__name__ for d in dialogs]
            dialog = next(d for d in dialogs if isinstance(d, RecoveryDialog))
            seen["explanation"] = dialog.explanation.text()
            qtbot.waitUntil(lambda: dialog.no_backups.isVisible(), timeout=60_000)
            seen["detail"] = dialog.detail.text()
            exported = export_from(dialog, qtbot, tmp_path / "saved", monkeypatch)
            seen["exported"] = exported
            seen["result"] = dialog.export_result.text()
            dialog.close_button.click()
        except Exception as exc:  # reported by the test body, not lost in the event loop
            seen["error"] = exc
            for d in open_dialogs():
                d.reject()

    # run_app installs the language catalogue; later tests expect the source strings.
    made: list[Languages] = []

    class RecordedLanguages(Languages):
        def __init__(self, app: Any) -> None:
            super().__init__(app)
            made.append(self)

    monkeypatch.setattr("ui.app.Languages", RecordedLanguages)
    QTimer.singleShot(500, in_the_dialog)
    try:
        code = run_app(ui_profile, argv=["fieldapp"])
    finally:
        for languages in made:
            languages.clear()
    assert "error" not in seen, seen.get("error")
    assert code == 1  # nothing was put back: the app does not open on the damaged file
    assert seen["dialogs"] == ["RecoveryDialog"]  # one dialog, nothing stacked on it
    assert "damaged" in seen["explanation"]
    assert "fieldapp " not in seen["detail"]  # the window offers buttons, not commands
    exported: Path = seen["exported"]
    assert (exported / "export-summary.json").exists()
    assert "Saved " in seen["result"] and str(exported) in seen["result"]


def test_damage_found_during_use_shows_one_dialog_and_stops_saying_online(
    make_context,
    ui_profile: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def reads_the_notes(store: Any) -> Any:
        # A sync cycle's own connection reaching the damaged pages, as pulling would.
        store.query("SELECT body FROM notes")
        raise AssertionError("the damaged pages were read without an error")

    context = make_context("field", backend_factory=reads_the_notes)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, context, Languages(app), has_server=False)
    window = shell.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: context.tasks.outstanding == 0, timeout=10_000)
    # The window's first reads (the inbox's count reads the notes) left those pages in
    # the store worker's cache, which would serve them undamaged; a long-running window
    # reads them from the disk again once the cache has moved on, as here.
    context.tasks.read(lambda store: store.query("PRAGMA shrink_memory"))
    qtbot.waitUntil(lambda: context.tasks.outstanding == 0, timeout=10_000)
    damage_from_another_process(database_path(ui_profile), "pages")

    failures: list[Exception] = []
    for _ in range(3):  # views whose reads nobody handles...
        context.tasks.read(lambda store: store.query("SELECT body FROM notes"))
    context.tasks.read(
        lambda store: store.query("SELECT body FROM notes"), failed=failures.append
    )  # ...and one that shows its own message
    with qtbot.waitSignal(context.sync.finished, timeout=30_000) as finished:
        assert context.sync.sync_now()
    assert finished.args[0].damaged
    qtbot.waitUntil(lambda: shell.recovery_dialog is not None and bool(failures), timeout=10_000)
    QApplication.processEvents()
    visible = open_dialogs()
    assert [type(d).__name__ for d in visible] == ["RecoveryDialog"]
    assert not any(isinstance(d, QMessageBox) for d in visible)
    assert window.status_area.connection_label.text() == "Database damaged"
    # F5 brings the same dialog forward; no cycle runs on the damaged file.
    assert not context.sync.sync_now()
    assert [type(d).__name__ for d in open_dialogs()] == ["RecoveryDialog"]

    dialog = shell.recovery_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.no_backups.isVisible(), timeout=60_000)
    exported = export_from(dialog, qtbot, tmp_path / "saved", monkeypatch)
    with (exported / "accounts.csv").open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 60  # the demo's accounts, all readable
    assert "Saved " in dialog.export_result.text()
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.dialogs.recovery.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    dialog.logs_button.click()
    assert opened and Path(opened[0]).is_dir()
    shell.recovery_dialog = None  # the test ends here; closing would quit the app
    dialog.finished.disconnect()
    dialog.reject()


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, for a record-by-record comparison."""
    with closing(sqlite3.connect(db)) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%search%' ORDER BY name"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def _integrity(db: Path) -> str:
    with closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def _take_backup(db: Path) -> Path:
    # Before any store of this process opens the file: a migration's own way of copying.
    with closing(sqlite3.connect(db)) as conn:
        return backup_file(conn, db, LATEST_VERSION)


def restore_from(dialog: RecoveryDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(
        lambda: dialog.restore_button.isVisible() and dialog.restore_button.isEnabled(),
        timeout=60_000,
    )
    with qtbot.waitSignal(
        dialog.process_finished, timeout=120_000, check_params_cb=lambda kind: kind == "restore"
    ):
        dialog.restore_button.click()


def test_a_backup_put_back_from_the_dialog_at_start_opens_the_window_on_it(
    ui_profile: Path, tmp_path: Path
) -> None:
    db = database_path(ui_profile)
    backup = _take_backup(db)
    kept = _rows(backup)
    damage_from_another_process(db, "truncate")
    report = tmp_path / "seen.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FIELDAPP_SETTINGS_FILE": str(tmp_path / "settings.ini"),
        "FIELDAPP_LOG_DIR": str(tmp_path / "logs"),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")]),
    }
    child = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "support" / "restore_at_start.py"),
            str(ui_profile),
            str(report),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert "error" not in seen, seen
    assert seen["dialogs"] == ["RecoveryDialog"]
    assert seen["file"] == backup.name  # the file is the tooltip; the label says when
    assert "before an update of the database" in seen["listed"]
    assert seen["result"].startswith("The backup of ") and "back in place" in seen["result"]
    assert seen["close"] == "Open FieldApp"
    assert seen["code"] == 0 and seen["window"] is True
    assert seen["status"] != "Database damaged"
    assert _integrity(db) == "ok"
    assert _rows(db) == kept  # record by record, the backup is what the profile holds
    assert list(ui_profile.glob("fieldapp.before-restore-*.db"))  # the damaged file, kept


def test_a_backup_put_back_during_use_reopens_the_window_on_it(
    make_context,
    ui_profile: Path,
    qtbot: QtBot,
) -> None:
    def reads_the_notes(store: Any) -> Any:
        store.query("SELECT body FROM notes")
        raise AssertionError("the damaged pages were read without an error")

    context = make_context("field", backend_factory=reads_the_notes)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, context, Languages(app), has_server=False)
    first = shell.start()
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: context.tasks.outstanding == 0, timeout=10_000)
    db = database_path(ui_profile)
    # A copy by SQLite's backup API: no file of the database is opened outside SQLite.
    with closing(sqlite3.connect(db)) as conn:
        backup = backup_file(conn, db, LATEST_VERSION)
    kept = _rows(backup)
    damage_from_another_process(db, "pages")
    with qtbot.waitSignal(context.sync.finished, timeout=30_000):
        assert context.sync.sync_now()
    qtbot.waitUntil(lambda: shell.recovery_dialog is not None, timeout=10_000)
    dialog = shell.recovery_dialog
    assert dialog is not None
    try:
        restore_from(dialog, qtbot)
        assert "back in place" in dialog.restore_result.text(), dialog.restore_result.text()
        # The damaged file just set aside is not offered, on top, one click from the exit.
        assert not dialog.restore_button.isVisible() and not dialog.backups.isVisible()
        assert dialog.close_button.text() == "Open FieldApp" and dialog.close_button.isDefault()
        dialog.close_button.click()
        qtbot.waitUntil(
            lambda: shell.window is not first and shell.window is not None, timeout=10_000
        )
        window = shell.window
        assert window is not None and window.isVisible()
        qtbot.addWidget(window)
        assert shell.context is not context  # new workers, on the file put back
        counted: list[int] = []
        shell.context.tasks.read(
            lambda store: int(store.scalar("SELECT count(*) FROM notes")), done=counted.append
        )
        qtbot.waitUntil(lambda: bool(counted), timeout=10_000)
        assert counted == [len(kept["notes"])]
        assert window.status_area.connection_label.text() != "Database damaged"
    finally:
        if shell.context is not context:
            shell.context.close()
    assert _integrity(db) == "ok"
    assert _rows(db) == kept
