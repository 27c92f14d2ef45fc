"""The behaviour every read-only list of rows shares (the inbox, the work queue, the
dashboard's tables, today's priorities): whole rows are chosen one at a time, nothing is
edited in place, a cell's text stays on one line, and rows carry no numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_rows(view: QTableView, *, alternating: bool = True) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.setWordWrap(False)
    view.verticalHeader().hide()


def widen_to_titles(view: QTableView) -> None:
    """Each column at least as wide as its title (with a sort arrow's room) in the language
    in force: the widths a page sets are counted for English, and French titles are longer
    ("Tier" is "Niveau", "Next visit" is "Prochaine visite")."""
    header = view.horizontalHeader()
    header.ensurePolished()  # the style sheet's bold titles and padding count
    for column in range(header.count()):
        if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Interactive:
            continue  # stretched and fitted columns are sized by the header itself
        needed = header.sectionSizeHint(column)
        if header.sectionSize(column) < needed:
            header.resizeSection(column, needed)
