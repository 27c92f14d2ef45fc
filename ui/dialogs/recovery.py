"""The one dialog a damaged profile database gets: what happened, and the ways out.

It offers (a) saving what can still be read, (b) putting back a backup, (c) the log folder.
Export, backups and restore run as ``python -m fieldapp …`` in a separate process
(``QProcess``), never in this one: this process may hold SQLite connections on the file,
and reading or copying it here outside SQLite would drop their POSIX locks (see
docs/decisions.md, "Local files"). Restoring replaces the file, so it runs only once no
connection of this process is open: at start-up before any store is opened, or during
use after the window's workers have closed theirs (``before_restore``).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess, QProcessEnvironment, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ERRORS_ENV
from fieldapp.logs import log_dir
from fieldapp.store.database import database_path
from ui.error_words import words
from ui.formatting import clock_time, fill, long_date

log = logging.getLogger(__name__)

PROCESS_TIMEOUT_MS = 10 * 60_000  # an export of a large territory takes seconds, not minutes


def fieldapp_arguments(*args: str) -> list[str]:
    return ["-m", "fieldapp", *args]


class RecoveryDialog(QDialog):
    restored = Signal(str)  # the backup put back; the profile can be opened again
    process_finished = Signal(str)  # "export", "backups" or "restore" (tests wait on it)

    def __init__(
        self,
        profile_dir: Path,
        detail: str,
        parent: QWidget | None = None,
        *,
        before_restore: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("FieldApp — damaged database"))
        self.setMinimumWidth(560)
        self.profile_dir = profile_dir
        self._before_restore = before_restore
        self._process: QProcess | None = None
        self.export_folder: Path | None = None

        self.explanation = QLabel(
            self.tr(
                "The database that holds your FieldApp data on this computer is damaged,"
                " so the app has stopped using it. Save what can still be read (changes not"
                " yet sent come first), or put back a backup; nothing has been deleted."
            )
        )
        self.explanation.setObjectName("recoveryExplanation")
        self.explanation.setWordWrap(True)
        # The store's sentence names command-line steps meant for a terminal; the window
        # offers those steps as buttons, so it shows the file and keeps the sentence in
        # the tooltip (and the log).
        log.error("damaged database: %s", detail)
        self.detail = QLabel(fill(self.tr("The file: %1"), database_path(profile_dir)))
        self.detail.setToolTip(detail)
        self.detail.setObjectName("recoveryDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Save what can be read…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.export_result = QLabel()
        self.export_result.setObjectName("exportResult")
        self.export_result.setTextFormat(Qt.TextFormat.PlainText)
        self.export_result.setWordWrap(True)

        self.backups_label = QLabel(self.tr("Backups taken before updates of the database:"))
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        self.backups.setMaximumHeight(110)
        # A long line is cut with "…" (its whole text is the tooltip), never scrolled sideways.
        self.backups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_backups = QLabel(
            self.tr("No backup yet: FieldApp takes one before each update of the database.")
        )
        self.no_backups.setObjectName("noBackups")
        self.no_backups.setWordWrap(True)
        self.no_backups.hide()
        self.backups.currentItemChanged.connect(lambda *_: self._enable())
        self.restore_button = QPushButton(self.tr("Put this backup back"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(
            self.tr(
                "The damaged database is kept beside it, renamed; changes synced since the"
                " backup come back with the next sync."
            )
        )
        self.restore_button.clicked.connect(self.restore)
        # Shown once the listing says there is something to put back (no disabled button
        # and empty list while the backups are being listed).
        self.backups.hide()
        self.restore_button.hide()
        self.restore_result = QLabel()
        self.restore_result.setObjectName("restoreResult")
        self.restore_result.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_result.setWordWrap(True)

        self.logs_button = QPushButton(self.tr("Open the log folder"))
        self.logs_button.setObjectName("logsButton")
        self.logs_button.clicked.connect(self.open_logs)
        self.close_button = QPushButton(self.tr("Quit FieldApp"))
        self.close_button.setObjectName("quitButton")
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.detail)
        layout.addSpacing(6)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.export_result)
        layout.addSpacing(6)
        layout.addWidget(self.backups_label)
        layout.addWidget(self.backups)
        layout.addWidget(self.no_backups)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.restore_result)
        bottom = QHBoxLayout()
        bottom.addWidget(self.logs_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.export_button.setFocus()
        self._enable()
        self.list_backups()

    # -- running fieldapp in its own process --------------------------------------------
    def _run(self, kind: str, args: list[str], done: Callable[[int, str, str], None]) -> None:
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(fieldapp_arguments(*args))
        # The command line's errors also as values, so that they read in the window's language.
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert(ERRORS_ENV, "json")
        process.setProcessEnvironment(environment)

        def finished(code: int, _status: QProcess.ExitStatus) -> None:
            out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
            err = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
            self._process = None
            process.deleteLater()
            if code != 0:
                log.warning("fieldapp %s exited %s: %s", kind, code, err.strip())
            done(code, out, err)
            self._enable()
            self.process_finished.emit(kind)

        def failed(error: QProcess.ProcessError) -> None:
            if error is QProcess.ProcessError.FailedToStart:
                self._process = None
                done(-1, "", self.tr("The recovery tool could not be started."))
                self._enable()
                self.process_finished.emit(kind)

        process.finished.connect(finished)
        process.errorOccurred.connect(failed)
        self._process = process
        self._enable()
        process.start()

    def _enable(self) -> None:
        idle = self._process is None
        self.export_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.backups.currentItem() is not None)

    # -- (a) export ---------------------------------------------------------------------
    def choose_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Where to save what can be read"), str(Path.home())
        )
        return Path(chosen) if chosen else None

    def export(self) -> None:
        parent = self.choose_folder()
        if parent is None:
            return
        # A new folder inside the one chosen: the export never mixes with other files.
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
        self.export_folder = parent / f"fieldapp-export-{stamp}"
        self.export_result.setText(self.tr("Saving what can be read…"))
        self._run(
            "export",
            [
                "export",
                "--profile",
                str(self.profile_dir),
                "--to",
                str(self.export_folder),
                "--json",
            ],
            self._exported,
        )

    def _exported(self, code: int, out: str, err: str) -> None:
        summary = _json(out)
        if summary is None:
            self.export_result.setText(fill(self.tr("Nothing could be saved: %1"), _last_line(err)))
            return
        tables = summary.get("tables", [])
        rows = sum(int(t.get("rows_saved", 0)) for t in tables)
        unsent = int(summary.get("unsynced_changes_saved", 0))
        folder = str(summary.get("exported_to", self.export_folder))
        if summary.get("unsynced_changes_complete"):
            unsent_text = self.tr("all %n change(s) not yet sent", "", unsent)
        else:
            unsent_text = self.tr("%n change(s) not yet sent (some could not be read)", "", unsent)
        text = fill(
            self.tr("Saved %1 rows of %2 tables, %3, to %4."),
            rows,
            len(tables),
            unsent_text,
            folder,
        )
        if code != 0 or not summary.get("complete", True):
            text += " " + self.tr("Some rows could not be read: export-summary.json lists them.")
        self.export_result.setText(text)

    # -- (b) backups --------------------------------------------------------------------
    def list_backups(self) -> None:
        self._run(
            "backups", ["backups", "--profile", str(self.profile_dir), "--json"], self._listed
        )

    def _listed(self, code: int, out: str, err: str) -> None:
        self.backups.clear()
        listing = _json(out)
        found = listing.get("backups", []) if listing else []
        for backup in found:
            item = QListWidgetItem(self._describe(backup))
            item.setToolTip(str(backup.get("file")))  # the file, for support; not the label
            item.setData(Qt.ItemDataRole.UserRole, backup.get("file"))
            item.setData(Qt.ItemDataRole.UserRole + 1, self._when(backup))
            self.backups.addItem(item)
        self.backups.setVisible(bool(found))
        self.restore_button.setVisible(bool(found))
        self.no_backups.setVisible(not found)
        if found:
            self.backups.setCurrentRow(0)
        elif listing is None and err:
            self.restore_result.setText(_last_line(err))
        self.export_button.setFocus()  # the safe first step, whatever was shown or hidden
        self.adjustSize()  # the list shown or hidden: no empty band in the dialog

    def _when(self, backup: dict[str, Any]) -> str:
        """When a backup was taken, in the person's own time and language."""
        stamp = str(backup.get("taken_at"))
        try:
            local = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).astimezone()
        except ValueError:
            return stamp
        return fill(self.tr("%1 at %2"), long_date(local.date()), clock_time(local))

    def _describe(self, backup: dict[str, Any]) -> str:
        # The reason is told from the file's name: the command line's sentence is English.
        if ".before-restore-" in str(backup.get("file", "")):
            reason = self.tr("the database set aside by an earlier restore")
        else:
            reason = self.tr("taken before an update of the database")
        return fill(self.tr("%1 — %2"), self._when(backup), reason)

    def restore(self) -> None:
        item = self.backups.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not name:
            return
        if self._before_restore is not None:
            self._before_restore()  # the window's workers close their connections first
        self.restore_result.setText(self.tr("Putting the backup back…"))
        self._run(
            "restore",
            ["restore-backup", "--profile", str(self.profile_dir), str(name)],
            lambda code, out, err: self._restored(str(name), code, out, err),
        )

    def _restored(self, name: str, code: int, out: str, err: str) -> None:
        item = self.backups.currentItem()
        when = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if code != 0:
            self.restore_result.setText(
                fill(self.tr("The backup could not be put back: %1"), _last_line(err))
            )
            return
        self.restore_result.setText(
            fill(
                self.tr(
                    "The backup of %1 is back in place; the damaged database was kept beside"
                    " it. Changes synced since the backup come back with the next sync."
                ),
                when or name,
            )
        )
        self.explanation.setText(self.tr("FieldApp can open again, on the backup."))
        # The list would now offer the damaged file just set aside, on top: putting it back
        # is a job for another day (it stays listed), not a click away from the way out.
        # Saving what can be read is for the damaged file, which is now set aside.
        for widget in (self.backups_label, self.backups, self.restore_button, self.export_button):
            widget.hide()
        self.close_button.setText(self.tr("Open FieldApp"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
        self.restored.emit(name)

    # -- (c) the log folder -------------------------------------------------------------
    def open_logs(self) -> None:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def done(self, result: int) -> None:
        if self._process is not None:
            # Never leave a half-run export or restore behind the window.
            self._process.waitForFinished(PROCESS_TIMEOUT_MS)
        super().done(result)


def _json(text: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _last_line(text: str) -> str:
    """What the command line said went wrong: its error worded in the window's language
    when it printed the error's value (``ERRORS_ENV``), else its last line as it is."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    line = lines[-1] if lines else ""
    error = _json(line)
    code, params = (error or {}).get("code"), (error or {}).get("params")
    if isinstance(code, str) and isinstance(params, dict):
        return words(code, params)
    return line.removeprefix("fieldapp: error: ")
