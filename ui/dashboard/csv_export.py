"""Saving a table as CSV from the window: a file dialog, then the core's writer on the
store worker (never on the GUI thread), then one sentence saying where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from fieldapp.exports.csv_lists import save_csv as save_csv_file
from fieldapp.kpi.table import Table
from fieldapp.store.database import Store
from ui.context import AppContext
from ui.formatting import fill
from ui.tasks import describe


def ask_csv_path(parent: QWidget, suggested: str, chosen: Callable[[Path], None]) -> QFileDialog:
    """A save dialog for a CSV file; ``chosen`` runs with the path when one is accepted.
    Opened window-modal and returned at once, so the window keeps painting."""
    dialog = QFileDialog(
        parent,
        QCoreApplication.translate("CsvExport", "Export CSV"),
        suggested,
        QCoreApplication.translate("CsvExport", "CSV files (*.csv)"),
    )
    dialog.setObjectName("csvFileDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("csv")
    dialog.fileSelected.connect(lambda name: chosen(Path(name)) if name else None)
    dialog.open()
    return dialog


def save_csv(
    context: AppContext,
    table: Callable[[Store], Table],
    path: Path,
    said: Callable[[str, bool], None],
) -> None:
    """Write ``table`` (read on the store worker) to ``path``; ``said(sentence, failed)``."""

    def work(store: Store) -> int:
        # The core's file writer, as the File menu's exports: one rename, and the byte-order
        # mark that makes Excel read the accents right.
        return save_csv_file(table(store), path)

    def done(rows: int) -> None:
        said(
            fill(QCoreApplication.translate("CsvExport", "%1 rows saved to %2"), rows, str(path)),
            False,
        )

    def failed(error: Exception) -> None:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else None
        said(
            fill(
                QCoreApplication.translate("CsvExport", "Could not save %1: %2"),
                str(path),
                reason or describe(error),
            ),
            True,
        )

    context.tasks.read(work, done, failed=failed)
