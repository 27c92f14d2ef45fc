"""The records behind a figure, in a dialog: one row per visit, account, report, follow-up,
lead or won deal, what it counted as, and Enter to open it where the app shows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.kpi.drill import Drill, records_behind
from fieldapp.kpi.table import Cell, Table
from fieldapp.store.database import Store
from ui.context import AppContext
from ui.dashboard.csv_export import ask_csv_path, save_csv
from ui.dashboard.figures import age_text
from ui.dashboard.rows_model import Column, RowsModel, RowsView
from ui.dashboard.words import number
from ui.formatting import clock_time, fill, short_date
from ui.labels import (
    drill_column_label,
    error_label,
    figure_state_label,
    outcome_label,
    plain_label,
    record_status_label,
    show_error,
    team_label,
)
from ui.widgets.styling import text_role

Row = tuple[Cell, ...]
_INSTANTS = frozenset({"planned_start", "created_at", "arrived_at", "handed_at"})
_DAYS = frozenset({"due_date", "close_date"})


def cell_text(collection: str, column: str, value: Cell) -> str:
    """One cell of the records in the user's words (codes worded, times local)."""
    if value is None or value == "":
        return "—"
    text = str(value)
    if column in _INSTANTS:
        moment = from_text(text)
        return f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
    if column in _DAYS:
        return short_date(date.fromisoformat(text[:10]))
    if column == "status":
        return record_status_label(collection, text)
    if column == "outcome":
        return outcome_label(text)
    if column == "state":
        worded = figure_state_label(text)
        return age_text(text) if worded == text else worded
    if column == "assignee":
        return team_label(text)
    if column == "amount" and isinstance(value, int | float):
        return number(value)
    return text


def _column(collection: str, index: int, code: str) -> Column[Row]:
    return Column(
        drill_column_label(code),
        lambda row: cell_text(collection, code, row[index]),
        numeric=code in ("amount", "visit_frequency_days"),
    )


class DrillDialog(QDialog):
    """Reads the records on the store worker when shown; Enter opens the chosen one."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        drill: Drill,
        *,
        open_visits: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("drillDialog")
        self.setWindowTitle(title)
        self.context = context
        self.drill = drill
        self.open_visits = open_visits  # the visit window for one's own visits
        self.table: Table | None = None
        self.loaded = False
        self.heading = plain_label(title, name="drillHeading")
        text_role(self.heading, "heading")
        self.count = plain_label(self.tr("Reading the records…"), name="drillCount")
        self.model: RowsModel[Row] = RowsModel()
        self.view = RowsView("drillRecords")
        self.view.setModel(self.model)
        self.view.row_activated.connect(self.open_row)
        self.message = plain_label(name="drillMessage")
        self.error = error_label("drillError")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("drillOpen")
        self.open_button.setToolTip(self.tr("Open the chosen record where the app shows it"))
        self.open_button.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("drillExport")
        self.export_button.clicked.connect(self.export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(900, 480)
        self.open_button.setEnabled(False)
        self.export_button.setEnabled(False)
        context.tasks.read(lambda store: records_behind(store, drill), self._loaded)

    def _loaded(self, table: Table) -> None:
        self.table = table
        columns = [
            _column(self.drill.collection, i, code)
            for i, code in enumerate(table.columns)
            if code not in ("id", "account_id")
        ]
        self.model.set_rows(table.rows, columns)
        self.count.setText(self.tr("%n record(s)", "", len(table.rows)))
        self.open_button.setEnabled(bool(table.rows))
        self.export_button.setEnabled(True)
        if table.rows:
            self.view.selectRow(0)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded = True

    def open_row(self, row: int) -> None:
        """Open the record: a report in the Review page, one's own visit in its window,
        anything else on its account's briefing."""
        if self.table is None or not 0 <= row < len(self.table.rows):
            return
        record_id, account_id = (str(c) for c in self.table.rows[row][:2])
        navigator = self.context.navigator
        if self.drill.collection == "notes":
            navigator.note_requested.emit(record_id)
        elif self.drill.collection == "visits" and self.open_visits:
            navigator.visit_requested.emit(record_id)
        else:
            navigator.account_requested.emit(account_id)
        self.accept()

    def export(self) -> None:
        ask_csv_path(self, self.suggested_name(), self.save_to)

    def save_to(self, path: Path) -> None:
        def said(sentence: str, failed: bool) -> None:
            show_error(self.error, sentence if failed else "")
            self.message.setText("" if failed else sentence)

        drill = self.drill

        def table(store: Store) -> Table:
            return records_behind(store, drill)

        save_csv(self.context, table, path, said)

    def suggested_name(self) -> str:
        return fill("%1.csv", self.drill.collection)
