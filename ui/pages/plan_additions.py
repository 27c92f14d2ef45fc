"""The Today page's side panel: what to add to the plan.

"Due for a visit" lists the accounts whose visit-frequency target has passed on the day
shown (tier A every 14 days, B 30, C 90, unless the account says otherwise), as a table
sorted by how overdue, sortable by any column, that never scrolls sideways (the name
stretches and elides, the other columns fit their words); "Add
account" finds any account by name or city. Either list says which account the rep wants
with ``add_requested``; the page does the writing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.search import SearchHit, search
from fieldapp.store.database import Store
from fieldapp.usecases.planning import DueAccount, accounts_due_for_visit
from ui.changes import Changes
from ui.context import AppContext
from ui.formatting import fill
from ui.models.due_model import ACCOUNT, OVERDUE, SORT_ROLE, TIER, DueModel
from ui.models.due_model import ACCOUNT_ROLE as DUE_ACCOUNT_ROLE
from ui.widgets.chip import ChipDelegate
from ui.widgets.row_tables import read_only_rows

RESULT_LIMIT = 30
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1  # (account id, account name)


class _FindField(QLineEdit):
    """Down moves into the results, Escape clears: the list is reachable without a mouse."""

    def __init__(self, results: QListWidget) -> None:
        super().__init__()
        self._results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and self._results.count():
            self._results.setFocus(Qt.FocusReason.TabFocusReason)
            self._results.setCurrentRow(0)
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.textEdited.emit("")
            return
        super().keyPressEvent(event)


class PlanAdditions(QWidget):
    add_requested = Signal(str, str)  # account id, account name
    results_shown = Signal(int)  # how many accounts the last search found

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._day: date | None = None

        self.due_model = DueModel()
        self.due_sorted = QSortFilterProxyModel(self)
        self.due_sorted.setSourceModel(self.due_model)
        self.due_sorted.setSortRole(SORT_ROLE)
        self.due_list = QTableView()
        self.due_list.setObjectName("dueForVisit")
        self.due_list.setModel(self.due_sorted)
        read_only_rows(self.due_list)
        self.due_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.due_list.horizontalHeader()
        header.setSectionResizeMode(ACCOUNT, QHeaderView.ResizeMode.Stretch)
        for column in (TIER, OVERDUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Most overdue first, as the use case orders them, until the rep sorts otherwise.
        header.setSortIndicator(OVERDUE, Qt.SortOrder.DescendingOrder)
        self.due_list.setSortingEnabled(True)
        # The tier and how overdue as chips, as in the accounts list (no widget per row).
        chips = ChipDelegate(self.due_list)
        for column in (TIER, OVERDUE):
            self.due_list.setItemDelegateForColumn(column, chips)
        # The stretched name keeps at least its title and sort arrow ("Compte" was cut at
        # 125 % in French).
        header.ensurePolished()
        header.setMinimumSectionSize(max(24, header.sectionSizeHint(ACCOUNT)))
        self.due_list.activated.connect(lambda _index: self._add_due())
        self.due_list.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.due_empty = QLabel(self.tr("Every account is visited on time."))
        self.due_empty.setObjectName("dueEmpty")
        self.due_empty.setWordWrap(True)
        self.due_empty.hide()
        due_label = QLabel(self.tr("D&ue for a visit"))
        due_label.setBuddy(self.due_list)
        self.add_due_button = QPushButton(self.tr("Add to plan"))
        self.add_due_button.setObjectName("addDueButton")
        self.add_due_button.setToolTip(self.tr("Add the selected account at the end of the day"))
        self.add_due_button.clicked.connect(self._add_due)

        self.results = QListWidget()
        self.results.setObjectName("foundAccounts")
        self.results.itemActivated.connect(self._add_item)
        self.results.currentItemChanged.connect(self._enable)
        self.find_field = _FindField(self.results)
        self.find_field.setObjectName("findAccount")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setPlaceholderText(self.tr("Account name or city"))
        self.find_field.textEdited.connect(self._search)
        self.find_field.returnPressed.connect(self._add_first_result)
        find_label = QLabel(self.tr("&Add account…"))
        find_label.setBuddy(self.find_field)
        self.add_found_button = QPushButton(self.tr("Add to plan"))
        self.add_found_button.setObjectName("addFoundButton")
        self.add_found_button.clicked.connect(lambda: self._add_item(self.results.currentItem()))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets: list[QWidget] = [due_label, self.due_list, self.due_empty, self.add_due_button]
        widgets += [find_label, self.find_field, self.results, self.add_found_button]
        for widget in widgets:
            layout.addWidget(widget)
        self.setTabOrder(self.due_list, self.add_due_button)
        self.setTabOrder(self.add_due_button, self.find_field)
        self.setTabOrder(self.find_field, self.results)
        self.setTabOrder(self.results, self.add_found_button)
        self._enable()
        context.notices.changed.connect(self._on_changed)

    # -- reading ----------------------------------------------------------------------
    def set_day(self, day: date) -> None:
        self._day = day
        self.reload_due()

    def reload_due(self) -> None:
        day = self._day
        if day is None:
            return

        def read(store: Store) -> tuple[date, list[DueAccount]]:
            return day, accounts_due_for_visit(store, as_of=day)

        self._context.tasks.read(read, self._show_due, key="plan-additions-due")

    def _on_changed(self, changes: Changes) -> None:
        # A planned visit leaves the suggestions; a renamed account reads anew.
        if changes.touches("visits", "accounts"):
            self.reload_due()
        if changes.touches("accounts") and self.find_field.text().strip():
            self._search(self.find_field.text())

    def _show_due(self, answer: tuple[date, list[DueAccount]]) -> None:
        day, due = answer
        if day != self._day:
            return  # the page moved on to another day meanwhile
        chosen = self.chosen_due()
        self.due_model.set_entries(due)
        for row in range(self.due_sorted.rowCount()):
            index = self.due_sorted.index(row, ACCOUNT)
            value = index.data(DUE_ACCOUNT_ROLE)
            if value and value[0] == (chosen[0] if chosen else None):
                self.due_list.setCurrentIndex(index)
        self.due_empty.setVisible(not due)
        self._enable()

    def chosen_due(self) -> tuple[str, str] | None:
        index = self.due_list.currentIndex()
        value = index.siblingAtColumn(ACCOUNT).data(DUE_ACCOUNT_ROLE) if index.isValid() else None
        return (str(value[0]), str(value[1])) if value else None

    def due_names(self) -> list[str]:
        """The accounts due, as the table shows them now (sorted as the rep chose)."""
        return [
            str(self.due_sorted.index(row, ACCOUNT).data())
            for row in range(self.due_sorted.rowCount())
        ]

    def _add_due(self) -> None:
        value = self.chosen_due()
        if value:
            self.add_requested.emit(*value)

    # -- finding ----------------------------------------------------------------------
    def _search(self, text: str) -> None:
        def read(store: Store) -> tuple[str, list[SearchHit]]:
            hits = search(store, text, limit=RESULT_LIMIT)
            return text, [hit for hit in hits if hit.collection == "accounts"]

        if not text.strip():
            self._show_results((text, []))
            return
        self._context.tasks.read(read, self._show_results, key="plan-additions-find")

    def _show_results(self, answer: tuple[str, list[SearchHit]]) -> None:
        text, hits = answer
        if text != self.find_field.text():
            return  # an older search; the newer one is on its way
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(
                fill(self.tr("%1 — %2"), hit.title, hit.detail) if hit.detail else hit.title
            )
            item.setData(ACCOUNT_ROLE, (hit.account_id, hit.account_name))
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
        elif text.strip():
            self._placeholder(self.results, fill(self.tr("No account matches “%1”"), text.strip()))
        self._enable()
        self.results_shown.emit(len(hits))

    # -- choosing ---------------------------------------------------------------------
    @staticmethod
    def _placeholder(listing: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        listing.addItem(item)

    @staticmethod
    def _chosen(listing: QListWidget) -> str | None:
        item = listing.currentItem()
        value = None if item is None else item.data(ACCOUNT_ROLE)
        return value[0] if value else None

    def _enable(self) -> None:
        self.add_due_button.setEnabled(self.chosen_due() is not None)
        self.add_found_button.setEnabled(self._chosen(self.results) is not None)

    def _add_first_result(self) -> None:
        self._add_item(self.results.currentItem() or self.results.item(0))

    def _add_item(self, item: QListWidgetItem | None) -> None:
        value = None if item is None else item.data(ACCOUNT_ROLE)
        if value:
            self.add_requested.emit(value[0], value[1])
