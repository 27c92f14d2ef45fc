"""The Accounts page: the territory's accounts, filtered and sorted, beside the briefing of
the one selected.

The list is a lazy table over ``AccountListModel`` (fixed row height, no widget per row),
so 50,000 accounts scroll without a stall. Filters (words, tier, city, due for a visit)
and column sorts each cost one background read. The splitter and the list's columns are
kept in the app's settings.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import INSIDE_ROLES
from fieldapp.records import TIERS
from fieldapp.usecases.account_list import AccountFilter, account_cities
from ui.changes import Changes
from ui.context import AppContext
from ui.labels import error_label, tier_label
from ui.models.account_list import CITY, LAST_VISIT, NAME, NEXT_VISIT, TIER, AccountListModel
from ui.pages.briefing import BriefingPane
from ui.pages.team_actions import TeamActions
from ui.widgets.chip import ChipDelegate
from ui.widgets.empty_state import EmptyState, ListOrEmpty
from ui.widgets.row_tables import widen_to_titles

SPLITTER_KEY = "accounts/splitter"
HEADER_KEY = "accounts/list_header"


class AccountsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.context = context
        # The account to select once the list holds it (after a load or a filter change).
        self._wanted: str | None = None
        self._scroll_before_reset = 0
        self._rows_leaving = False

        self.model = AccountListModel(context.tasks, context.notices, self._today, self)
        self.filter_field = QLineEdit()
        self.filter_field.setObjectName("accountFilter")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.setPlaceholderText(self.tr("Filter by name or city (Ctrl+L)"))
        self.tier_box = QComboBox()
        self.tier_box.setObjectName("tierFilter")
        self.tier_box.addItem(self.tr("All tiers"), None)
        for tier in TIERS:
            self.tier_box.addItem(tier_label(tier), tier)
        self.city_box = QComboBox()
        self.city_box.setObjectName("cityFilter")
        self.city_box.addItem(self.tr("All cities"), None)
        self.due_box = QCheckBox(self.tr("&Due for a visit"))
        self.due_box.setObjectName("dueFilter")
        self.count_label = QLabel()
        self.count_label.setObjectName("accountCount")
        self.error_label = error_label("listError")

        self.list_view = self._build_list()
        self.empty = EmptyState("building-2")
        self.empty.acted.connect(self._empty_action)
        self.listing = ListOrEmpty(self.list_view, self.model, self.empty)
        self._say_empty()
        self.briefing = BriefingPane(context)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("accountsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_list_side())
        self.splitter.addWidget(self.briefing)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Handing over and flagging priorities are the inside team's (and the manager's).
        self.team_actions = (
            TeamActions(context, self.briefing) if context.user.role in INSIDE_ROLES else None
        )
        if self.team_actions is not None:
            layout.addWidget(self.team_actions)
        layout.addWidget(self.splitter, 1)

        self._restore_layout()
        self._build_actions()
        self.filter_field.textChanged.connect(self._apply_filter)
        self.tier_box.currentIndexChanged.connect(self._apply_filter)
        self.city_box.currentIndexChanged.connect(self._apply_filter)
        self.due_box.toggled.connect(self._apply_filter)
        self.model.loaded.connect(self._on_loaded)
        self.model.updated.connect(self._show_count)
        self.model.failed.connect(self._show_error)
        self.model.modelAboutToBeReset.connect(self._remember_scroll)
        self.model.modelReset.connect(self._restore_scroll)
        self.splitter.splitterMoved.connect(self._save_layout)
        header = self.list_view.horizontalHeader()
        header.sectionResized.connect(self._save_layout)
        header.sortIndicatorChanged.connect(self._save_layout)
        context.notices.changed.connect(self._on_changed)
        self.setTabOrder(self.filter_field, self.tier_box)
        self.setTabOrder(self.tier_box, self.city_box)
        self.setTabOrder(self.city_box, self.due_box)
        self.setTabOrder(self.due_box, self.list_view)
        # The list is read the first time the page is shown, not at start: with 50,000
        # accounts that read takes about a second of the store worker, and a field rep
        # lands on Today (measured: launch 3.0 s -> 2.2 s; docs/performance.md).
        self._started = False

    def showEvent(self, event: QShowEvent) -> None:
        self.start()
        super().showEvent(event)

    def start(self) -> None:
        """Read the list and the cities (once; later changes arrive as notices)."""
        if not self._started:
            self._started = True
            self.model.reload()
            self._load_cities()

    # -- building ---------------------------------------------------------------------
    def _build_list(self) -> QTableView:
        view = QTableView()
        view.setObjectName("accountList")
        # Connected before the view is: when the selected row leaves the list (edited out
        # of the filter), Qt selects a neighbour, which is not the rep choosing it.
        self.model.rowsAboutToBeRemoved.connect(self._before_rows_leave)
        self.model.rowsRemoved.connect(self._after_rows_left)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
        # Fixed row heights: the view never measures 50,000 rows to lay them out.
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
        rows.hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        view.setColumnWidth(NAME, 190)
        # The tier column fits its heading ("Niveau" in French), its chip is narrower.
        heading = str(self.model.headerData(TIER, Qt.Orientation.Horizontal))
        view.setColumnWidth(TIER, max(40, header.fontMetrics().horizontalAdvance(heading) + 22))
        view.setColumnWidth(CITY, 90)
        view.setColumnWidth(LAST_VISIT, 85)
        view.setSortingEnabled(True)
        # The tier and an overdue visit as chips, painted in the cell (no widget per row).
        chips = ChipDelegate(view)
        view.setItemDelegateForColumn(TIER, chips)
        view.setItemDelegateForColumn(NEXT_VISIT, chips)
        widen_to_titles(view)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        return view

    def _build_list_side(self) -> QWidget:
        filters = QHBoxLayout()
        filters.addWidget(self.tier_box)
        filters.addWidget(self.city_box)
        filters.addWidget(self.due_box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_field)
        column.addLayout(filters)
        column.addWidget(self.error_label)
        column.addWidget(self.listing, 1)
        return side

    def _build_actions(self) -> None:
        focus_filter = QAction(self.tr("Filter the accounts"), self)
        focus_filter.setShortcut(QKeySequence("Ctrl+L"))
        focus_filter.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus_filter.triggered.connect(self._focus_filter)
        self.addAction(focus_filter)
        # Down from the filter field goes to the list, as in a search-as-you-type list.
        to_list = QAction(self.filter_field)
        to_list.setShortcut(QKeySequence(Qt.Key.Key_Down))
        to_list.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        to_list.triggered.connect(self._focus_list)
        self.filter_field.addAction(to_list)

    def _focus_filter(self) -> None:
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_field.selectAll()

    def _focus_list(self) -> None:
        self.list_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.list_view.currentIndex().isValid() and self.model.rowCount():
            self._select_row(0)

    def _today(self) -> date:
        return self.context.now().astimezone().date()

    # -- layout kept between runs -----------------------------------------------------
    def _restore_layout(self) -> None:
        settings = self.context.settings
        splitter = settings.layout(SPLITTER_KEY)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            # The list keeps every column whole in French beside a briefing that keeps
            # its row of buttons (1366 px laptop, the rail beside them).
            self.splitter.setSizes([660, 540])
        header = settings.layout(HEADER_KEY)
        if header is not None:
            self.list_view.horizontalHeader().restoreState(header)
            # Widths saved in another language may be narrower than this one's titles
            # (an English "Last visit" column kept under "Dernière visite").
            widen_to_titles(self.list_view)

    def _save_layout(self) -> None:
        settings = self.context.settings
        settings.save_layout(SPLITTER_KEY, self.splitter.saveState())
        settings.save_layout(HEADER_KEY, self.list_view.horizontalHeader().saveState())

    # -- filters ----------------------------------------------------------------------
    def current_filter(self) -> AccountFilter:
        return AccountFilter(
            text=self.filter_field.text(),
            tier=self.tier_box.currentData(),
            city=self.city_box.currentData(),
            due_only=self.due_box.isChecked(),
        )

    def _apply_filter(self) -> None:
        self._say_empty()
        self.model.set_filter(self.current_filter())

    def _say_empty(self) -> None:
        if not self.current_filter().is_empty:
            self.empty.set_message(
                self.tr("No account matches these filters."), self.tr("Clear filters"), "search"
            )
        else:
            self.empty.set_message(
                self.tr("No account in your territory yet: a sync brings your accounts."),
                self.tr("Sync now"),
                "building-2",
            )

    def _empty_action(self) -> None:
        if not self.current_filter().is_empty:
            self.clear_filter()
        else:
            self.context.sync.sync_now()

    def clear_filter(self) -> None:
        for widget in (self.filter_field, self.tier_box, self.city_box, self.due_box):
            widget.blockSignals(True)
        self.filter_field.clear()
        self.tier_box.setCurrentIndex(0)
        self.city_box.setCurrentIndex(0)
        self.due_box.setChecked(False)
        for widget in (self.filter_field, self.tier_box, self.city_box, self.due_box):
            widget.blockSignals(False)
        self._apply_filter()

    def _load_cities(self) -> None:
        self.context.tasks.read(account_cities, self._show_cities, key="account-cities")

    def _show_cities(self, cities: list[str]) -> None:
        chosen = self.city_box.currentData()
        self.city_box.blockSignals(True)
        self.city_box.clear()
        self.city_box.addItem(self.tr("All cities"), None)
        for city in cities:
            self.city_box.addItem(city, city)
        self.city_box.setCurrentIndex(max(0, self.city_box.findData(chosen)))
        self.city_box.blockSignals(False)
        if self.city_box.currentData() != chosen:
            self._apply_filter()  # the chosen city has no account any more

    def _on_changed(self, changes: Changes) -> None:
        if self._started and changes.touches("accounts"):
            self._load_cities()

    # -- the list and the briefing ----------------------------------------------------
    def show_account(self, account_id: str) -> None:
        """Select the account in the list (widening the filter if it hides it) and show
        its briefing."""
        self.start()
        if self.briefing.account_id != account_id:
            self.briefing.show_account(account_id)
        if self._select(account_id):
            return
        self._wanted = account_id
        if not self.model.account_filter.is_empty:
            self.clear_filter()

    def _select(self, account_id: str) -> bool:
        row = self.model.row_of(account_id)
        if row is None:
            return False
        self._wanted = None
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, NAME)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list_view.selectionModel().setCurrentIndex(index, flags)
        self.list_view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _before_rows_leave(self) -> None:
        self._rows_leaving = True

    def _after_rows_left(self) -> None:
        self._rows_leaving = False
        shown = self.briefing.account_id
        if shown is not None and self.model.row_of(shown) is None:
            self.list_view.selectionModel().clear()  # its briefing stays on screen

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._rows_leaving:
            return  # a reset cleared the selection, or a row left: the briefing stays
        account_id = self.model.account_at(current.row()).id
        if account_id != self.briefing.account_id:
            self.briefing.show_account(account_id)

    def _on_loaded(self) -> None:
        self.error_label.hide()
        self._show_count()
        wanted = self._wanted or self.briefing.account_id
        current = self.list_view.currentIndex()
        if wanted is not None and current.isValid() and current.row() == self.model.row_of(wanted):
            return  # still selected where it was: leave the rep's scroll position alone
        if wanted is not None and self._select(wanted):
            return
        if self._wanted is not None and not self.model.account_filter.is_empty:
            self.clear_filter()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n account(s)", "", self.model.rowCount()))

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _remember_scroll(self) -> None:
        self._scroll_before_reset = self.list_view.verticalScrollBar().value()

    def _restore_scroll(self) -> None:
        # A reset (a new filter or order) keeps the rep's place as best it can; the
        # selected account, when still listed, is brought into view after the load.
        self.list_view.verticalScrollBar().setValue(self._scroll_before_reset)
