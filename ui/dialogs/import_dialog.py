"""Importing accounts or contacts from a CSV file: see, map, check, then confirm.

The file is read on the store worker (``fieldapp.imports.csv_file``); its first rows show
in a preview; each FieldApp field has a combo of the file's columns, pre-filled from the
headers (English or French). Every change of the mapping runs the import as a dry run
(``check_import``: the same use cases inside a transaction that is rolled back), so the
rows it would refuse are listed with their number and reason before anything is written.
Only the Import button writes, through ``run_import``: the valid rows, each through the
use case a hand-typed record takes, so each reaches the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.imports.csv_file import CsvFile, read_csv
from fieldapp.imports.csv_import import (
    REQUIRED,
    TARGETS,
    ImportReport,
    Mapping_,
    check_import,
    guess_mapping,
    missing_fields,
    run_import,
)
from fieldapp.store.database import Store
from ui.context import AppContext
from ui.formatting import fill
from ui.import_reasons import error_reason, field_label, row_reason
from ui.labels import error_label, plain_label, show_error
from ui.screen_fit import resize_to_fit

PREVIEW_ROWS = 8
NOT_IMPORTED = -1
CHECK_DELAY_MS = 250  # a person changing three combos in a row gets one check, not three
# The encodings as a save dialog (Excel's, LibreOffice's) names them.
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
MAPPING_COLUMNS = 2  # pairs of (label, combo) per line: 10 account fields in 5 lines


def ask_csv_to_open(parent: QWidget, chosen: Callable[[Path], None]) -> QFileDialog:
    """An open dialog for a CSV file, window-modal and returned at once."""
    dialog = QFileDialog(
        parent,
        QCoreApplication.translate("ImportDialog", "Import from CSV"),
        "",
        QCoreApplication.translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
    )
    dialog.setObjectName("importFileDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per question asked
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)) if name else None)
    dialog.open()
    return dialog


class ImportDialog(QDialog):
    """``target`` is "accounts" or "contacts"; ``path`` the file (None: choose one)."""

    def __init__(
        self,
        context: AppContext,
        target: str,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert target in TARGETS, target
        self.setObjectName("importDialog")
        self.context = context
        self.target = target
        self.path: Path | None = None
        self.csv: CsvFile | None = None
        self.report: ImportReport | None = None  # the last check, or the import once done
        self.imported: ImportReport | None = None
        self._revision = 0  # mapping changes; a check answers for the revision it ran on
        self._checked_revision = -1
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(
            self.tr("Import accounts from CSV")
            if target == "accounts"
            else self.tr("Import contacts from CSV")
        )

        self.file_label = plain_label(self.tr("No file chosen yet."), name="importFile")
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("importChooseFile")
        self.choose_button.clicked.connect(self.choose_file)
        self.preview = self._table("importPreview")
        self.preview_caption = plain_label(name="importPreviewCaption")
        self.mapping_box = QGroupBox(self.tr("Columns to fields"))
        self.mapping_grid = QGridLayout(self.mapping_box)
        self._build_mapping()
        self.required_note = plain_label(
            self.tr("* required. A column left unmapped is not imported."), name="importRequired"
        )
        self.summary = plain_label(name="importSummary")
        self.problems = self._table("importProblems")
        self.problems.setColumnCount(3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("Why")])
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error = error_label("importError")

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importConfirm")
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check)
        self._layout()
        resize_to_fit(self, 920, 680)
        if path is not None:
            self.load(path)

    # -- building -------------------------------------------------------------------------
    def _table(self, name: str) -> QTableWidget:
        table = QTableWidget()
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        return table

    def _build_mapping(self) -> None:
        required = REQUIRED[self.target]
        for position, name in enumerate(TARGETS[self.target]):
            label_text = field_label(name) + (" *" if name in required else "")
            label = QLabel(label_text)
            combo = QComboBox()
            combo.setObjectName(f"importMap_{name}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._on_mapped(n))
            self.combos[name] = combo
            row, pair = divmod(position, MAPPING_COLUMNS)
            self.mapping_grid.addWidget(label, row, pair * 2)
            self.mapping_grid.addWidget(combo, row, pair * 2 + 1)
        for pair in range(MAPPING_COLUMNS):
            self.mapping_grid.setColumnStretch(pair * 2 + 1, 1)

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.preview_caption)
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.required_note)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- the file ---------------------------------------------------------------------------
    def choose_file(self) -> QFileDialog:
        return ask_csv_to_open(self, self.load)

    def load(self, path: Path) -> None:
        """Read ``path`` on the store worker, then show it and check it."""
        self.path = path
        self.file_label.setText(fill(self.tr("Reading %1…"), path.name))
        show_error(self.error, "")
        self.context.tasks.read(
            lambda _store: read_csv(path),
            lambda csv: self._show_file(path, csv),
            failed=self._file_failed,
        )

    def _file_failed(self, error: Exception) -> None:
        self.csv = None
        self.file_label.setText(self.tr("No file chosen yet."))
        show_error(self.error, fill(self.tr("Could not read this file: %1"), error_reason(error)))
        self._show_checked(None)

    def _show_file(self, path: Path, csv: CsvFile) -> None:
        if path != self.path:
            return  # another file was chosen meanwhile
        self.csv = csv
        delimiter = {",": self.tr("commas"), ";": self.tr("semicolons"), "\t": self.tr("tabs")}
        self.file_label.setText(
            fill(
                self.tr("%1: %2 rows, %3, separated by %4"),
                path.name,
                len(csv.rows),
                ENCODING_NAMES.get(csv.encoding, csv.encoding),
                delimiter.get(csv.delimiter, csv.delimiter),
            )
        )
        self._fill_preview(csv)
        self._fill_combos(csv, guess_mapping(csv.headers, self.target))
        self.check()

    def _fill_preview(self, csv: CsvFile) -> None:
        shown = csv.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(csv.headers))
        self.preview.setRowCount(len(shown))
        self.preview.setHorizontalHeaderLabels(list(csv.headers))
        for row, values in enumerate(shown):
            for column, value in enumerate(values):
                self.preview.setItem(row, column, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        self.preview_caption.setText(
            fill(self.tr("The first %1 of %2 rows:"), len(shown), len(csv.rows))
        )

    def _fill_combos(self, csv: CsvFile, mapping: Mapping_) -> None:
        by_field = {name: index for index, name in mapping.items()}
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("— not imported —"), NOT_IMPORTED)
            for index, header in enumerate(csv.headers):
                combo.addItem(header or fill(self.tr("Column %1"), index + 1), index)
            combo.setCurrentIndex(combo.findData(by_field.get(name, NOT_IMPORTED)))
            combo.blockSignals(False)

    # -- the mapping ------------------------------------------------------------------------
    def mapping(self) -> Mapping_:
        """Column index -> field, as the combos say."""
        chosen: Mapping_ = {}
        for name, combo in self.combos.items():
            index = combo.currentData()
            if isinstance(index, int) and index != NOT_IMPORTED:
                chosen[index] = name
        return chosen

    def map_column(self, field: str, header: str | None) -> None:
        """Map the column named ``header`` to ``field`` (None: do not import the field)."""
        combo = self.combos[field]
        combo.setCurrentIndex(0 if header is None else combo.findText(header))

    def _on_mapped(self, name: str) -> None:
        # A column feeds one field: the field that had it lets it go.
        index = self.combos[name].currentData()
        if index != NOT_IMPORTED:
            for other, combo in self.combos.items():
                if other != name and combo.currentData() == index:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._revision += 1
        self.import_button.setEnabled(False)
        self.check_timer.start()

    # -- the check (a dry run) --------------------------------------------------------------
    def check(self) -> None:
        """Run the import as a dry run on the store worker; list what it would refuse."""
        self.check_timer.stop()
        csv = self.csv
        if csv is None:
            return
        mapping = self.mapping()
        missing = missing_fields(mapping, self.target)
        if missing:
            self._show_checked(None)
            names = ", ".join(field_label(name) for name in missing)
            show_error(self.error, fill(self.tr("Choose the column of: %1."), names))
            return
        show_error(self.error, "")
        self.summary.setText(self.tr("Checking every row…"))
        revision = self._revision
        target = self.target

        def work(store: Store) -> ImportReport:
            return check_import(store, csv, mapping, target)

        self.context.tasks.read(
            work,
            lambda report: self._checked(revision, report),
            failed=self._check_failed,
            key=f"import-check-{id(self)}",  # a newer check of this dialog replaces it
        )

    def _check_failed(self, error: Exception) -> None:
        self._show_checked(None)
        show_error(self.error, error_reason(error))

    def _checked(self, revision: int, report: ImportReport) -> None:
        if revision != self._revision or self.imported is not None:
            return  # the mapping changed since: its own check is on its way
        self._checked_revision = revision
        self._show_checked(report)

    def _show_checked(self, report: ImportReport | None) -> None:
        self.report = report
        self.problems.setRowCount(0)
        if report is None:
            self.summary.setText("")
            self.import_button.setEnabled(False)
            return
        lines: list[tuple[int, str, str]] = []
        for row in report.rows:
            for problem in row.errors:
                lines.append((row.row, field_label(problem.field), row_reason(problem)))
            if row.duplicate and not row.errors:
                lines.append((row.row, "", self.tr("Already in FieldApp: skipped.")))
        self.problems.setRowCount(len(lines))
        for position, (number, field, why) in enumerate(lines):
            cell = QTableWidgetItem(str(number))
            cell.setData(Qt.ItemDataRole.UserRole, number)
            self.problems.setItem(position, 0, cell)
            self.problems.setItem(position, 1, QTableWidgetItem(field))
            why_cell = QTableWidgetItem(why)
            why_cell.setToolTip(why)
            self.problems.setItem(position, 2, why_cell)
        self.summary.setText(self._summary_text(report))
        self.import_button.setText(self.tr("Import %n row(s)", "", report.valid))
        self.import_button.setEnabled(report.valid > 0)

    def _summary_text(self, report: ImportReport) -> str:
        return fill(
            self.tr("%1 · %2 · %3"),
            self.tr("%n row(s) ready to import", "", report.valid),
            self.tr("%n with errors (not imported)", "", report.invalid),
            self.tr("%n already in FieldApp", "", report.duplicates),
        )

    def problem_rows(self) -> list[tuple[int, str, str]]:
        """The refused rows as listed: (row number, field, reason)."""
        found = []
        for line in range(self.problems.rowCount()):
            cells = [self.problems.item(line, column) for column in range(3)]
            number, field, why = (cell.text() if cell else "" for cell in cells)
            found.append((int(number), field, why))
        return found

    @property
    def ready(self) -> bool:
        """A check of the current mapping is shown and the import may be confirmed."""
        return self.report is not None and self._checked_revision == self._revision

    # -- confirming -------------------------------------------------------------------------
    def confirm(self) -> None:
        """Write the valid rows (the first write of this dialog)."""
        csv = self.csv
        if csv is None or not self.ready:
            return
        mapping = self.mapping()
        target = self.target
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.mapping_box.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))

        def work(store: Store) -> ImportReport:
            return run_import(store, csv, mapping, target)

        self.context.tasks.write(work, self._imported, failed=self._import_failed)

    def _imported(self, report: ImportReport) -> None:
        self.imported = report
        self.summary.setText(
            fill(
                self.tr("%1 They wait in the outbox and reach the CRM with the next sync."),
                self.tr("%n row(s) imported.", "", len(report.created_ids)),
            )
        )
        self.import_button.setVisible(False)
        self.close_button.setText(self.tr("Close"))

    def _import_failed(self, error: Exception) -> None:
        self.mapping_box.setEnabled(True)
        self.choose_button.setEnabled(True)
        self.summary.setText("")
        show_error(self.error, fill(self.tr("Nothing was imported: %1"), error_reason(error)))
        self.import_button.setEnabled(self.ready)
