"""A read-only table of rows whose cells are worded when shown, and the view that opens the
records behind a row (double-click or Enter): the dashboard's tables and its drill-down."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from ui.widgets.chip import CHIPS_ROLE, LABEL_ROLE, Chip
from ui.widgets.row_tables import read_only_rows

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    numeric: bool = False  # right-aligned, as figures are
    # Chips painted in place of the text (a ChipDelegate on the column); the text stays
    # the cell's display value, for sorting out and reading aloud.
    chips: Callable[[T], tuple[Chip, ...]] | None = None


# How many rows a column is fitted to (the ones a window shows, and some).
FITTED_ROWS = 30


class RowsModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]] = ()) -> None:
        super().__init__()
        self.columns: Sequence[Column[T]] = columns
        self.rows: Sequence[T] = ()

    def set_rows(self, rows: Sequence[T], columns: Sequence[Column[T]] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        if columns is not None:
            self.columns = columns
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if column.chips is not None and role in (CHIPS_ROLE, LABEL_ROLE):
            return column.chips(self.rows[index.row()]) if role == CHIPS_ROLE else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def texts(self, row: int) -> list[str]:
        return [c.text(self.rows[row]) for c in self.columns]


class RowsView(QTableView):
    """Rows; Enter or a double-click asks for what is behind the current one."""

    row_activated = Signal(int)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        read_only_rows(self)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Fitted to the first rows only: measuring all of a quarter's thousand breaches and
        # overdue accounts cost 0.7 s of the GUI thread on every new page (176,000 cells).
        header.setResizeContentsPrecision(FITTED_ROWS)
        header.setStretchLastSection(False)
        self.doubleClicked.connect(lambda index: self.row_activated.emit(index.row()))

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._fit)

    def _fit(self) -> None:
        header = self.horizontalHeader()
        if not header.count():
            return
        # The first column names the row (a rep, an account): it takes the room left, but
        # never less than its title ("Représentant" was cut to 26 px at 125 %): then it
        # keeps its title's width and the table scrolls sideways.
        others = sum(
            header.sectionSize(column)
            for column in range(1, header.count())
            if not header.isSectionHidden(column)
        )
        header.ensurePolished()
        title = header.sectionSizeHint(0)
        if self.viewport().width() - others >= title:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(0, title)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.model() is not None:
            self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                self.row_activated.emit(index.row())
                event.accept()
                return
        super().keyPressEvent(event)
