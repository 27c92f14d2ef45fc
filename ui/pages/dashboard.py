"""The manager's dashboard, and each rep's "My figures": the key figures of the team loop for
a week, month or quarter and a scope, as tiles, two charts and tables beside them.

Every number opens the records behind it (double-click or Enter); the whole dashboard and
each drill-down export as CSV (the CSV of ``fieldapp kpi --csv``). The figures are computed
on the store worker through ``ui.dashboard.model.compute_dashboard``, one request at a
time (a newer one replaces a queued older one), and again when a change touches what
they count.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Role
from fieldapp.kpi import Dashboard, PeriodKind, ScopeKind
from fieldapp.kpi.drill import Drill
from fieldapp.kpi.summary import summary
from fieldapp.store.change_set import OUTBOX
from ui.changes import Changes
from ui.context import AppContext
from ui.dashboard.charts import CoverageChart, VisitsTrend
from ui.dashboard.csv_export import ask_csv_path, save_csv
from ui.dashboard.drill_dialog import DrillDialog
from ui.dashboard.figures import Tile, tiles, visit_groups
from ui.dashboard.model import (
    PERIOD_KINDS,
    Request,
    ScopeChoice,
    ScopeOption,
    compute_dashboard,
    refresh_views,
    scope_options,
)
from ui.dashboard.service_levels import ServiceLevelsDialog
from ui.dashboard.tables import DashboardTables
from ui.dashboard.tile_widget import TileWidget
from ui.dashboard.words import (
    period_days_text,
    period_kind_label,
    period_text,
    scope_text,
    team_name,
)
from ui.formatting import clock_time, fill, short_date
from ui.labels import (
    error_label,
    plain_label,
    show_error,
)
from ui.settings import DASHBOARD_PERIOD
from ui.tasks import describe
from ui.widgets.styling import text_role

log = logging.getLogger(__name__)

TILE_COLUMNS = 6
REFRESH_DELAY_MS = 800  # a sync writes in bursts: count once it has settled
# The snapshots of the views a person opens most are brought up to date this often while
# the page is shown (fieldapp/kpi/snapshot.py: older than 5 minutes, shown up to 15).
KEEP_CURRENT_MS = 5 * 60_000
# What the figures are made of: a change to any of these may move a number.
SHOWN = (
    "visits",
    "accounts",
    "notes",
    "reviews",
    "follow_ups",
    "leads",
    "opportunities",
    "users",
    "sla_policies",
    OUTBOX,  # a record reaching the server stops its clock
)


class DashboardPage(QWidget):
    computed = Signal(object)  # the Dashboard shown, after each computation

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self.context = context
        # A manager chooses whose figures; anyone else sees their own ("My figures").
        self.mine = context.user.role != Role.MANAGER
        self.request = Request(PeriodKind(context.settings.get(DASHBOARD_PERIOD)))
        self.board: Dashboard | None = None
        self.computing = False
        self._stale = True
        self._dialogs: list[QDialog] = []  # kept alive while open
        if not self.mine:
            # The manager lands here: the figures are asked for before the widgets are
            # built, so that the worker reads them while the window is being made.
            self._ask(self.request)

        self.period_kind = QComboBox()
        self.period_kind.setObjectName("dashboardPeriodKind")
        for kind in PERIOD_KINDS:
            self.period_kind.addItem(period_kind_label(kind), str(kind))
        self.period_kind.setCurrentIndex(self.period_kind.findData(str(self.request.kind)))
        self.period_kind.currentIndexChanged.connect(self._on_kind)
        self.previous_button = self._arrow("dashboardPrevious", "◀", self.tr("Previous period"))
        self.previous_button.clicked.connect(lambda: self.shift(-1))
        self.next_button = self._arrow("dashboardNext", "▶", self.tr("Next period"))
        self.next_button.clicked.connect(lambda: self.shift(1))
        self.period_label = plain_label(name="dashboardPeriod")
        self.period_label.setWordWrap(False)
        text_role(self.period_label, "heading")
        self.current_button = QPushButton(self.tr("Current"))
        self.current_button.setObjectName("dashboardCurrent")
        self.current_button.setToolTip(self.tr("Back to the period running now"))
        self.current_button.clicked.connect(lambda: self.shift(-self.request.offset))
        self.scope = QComboBox()
        self.scope.setObjectName("dashboardScope")
        self.scope.setMinimumContentsLength(18)
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.scope.setVisible(not self.mine)
        self.state = plain_label(name="dashboardState")
        # It wraps rather than widen the window past a 1366-pixel screen (French is longer).
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.levels_button = QPushButton(self.tr("Service levels…"))
        self.levels_button.setObjectName("dashboardServiceLevels")
        self.levels_button.setToolTip(self.tr("The teams' SLA policies: what each owes, by when"))
        self.levels_button.clicked.connect(self.edit_service_levels)
        self.levels_button.setVisible(context.user.role == Role.MANAGER)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("dashboardExport")
        self.export_button.setToolTip(self.tr("Every figure as rows, as fieldapp kpi --csv"))
        self.export_button.clicked.connect(self.export)
        self.message = plain_label(name="dashboardMessage")
        self.error = error_label("dashboardError")

        self.tile_widgets: dict[str, TileWidget] = {}
        self.tile_columns = 0  # how many a row, once placed
        self.tiles_box = QWidget()
        self.tiles_box.setObjectName("dashboardTiles")
        self.tile_grid = QGridLayout(self.tiles_box)
        self.tile_grid.setContentsMargins(0, 0, 0, 0)
        self.tile_grid.setSpacing(6)
        self.visits_chart = VisitsTrend("visitsChart")
        self.coverage_chart = CoverageChart("coverageChart")
        self.visits_chart.bar_activated.connect(self._drill_week)
        self.coverage_chart.bar_activated.connect(self._drill_tier)
        self.tabs = DashboardTables()
        self.tabs.drill_requested.connect(self.open_drill)
        self._layout()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self._recompute_after_change)
        self.keep_timer = QTimer(self)
        self.keep_timer.setInterval(KEEP_CURRENT_MS)
        self.keep_timer.timeout.connect(self._keep_current)
        context.notices.changed.connect(self._on_changed)
        if not self.mine:
            context.tasks.read(scope_options, self._show_scopes, key="dashboard-scopes")
        self._show_request()

    # -- building -----------------------------------------------------------------------
    def _arrow(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.period_kind)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.current_button)
        bar.addSpacing(12)
        bar.addWidget(self.scope)
        bar.addStretch(1)
        # The state and the two buttons on a line of their own: on one line with the period
        # and the scope they made the window 1107 px wide on a 1093-px screen (125 %,
        # French) and left "computed" 45 px (tests/ui/test_fit_laptop_screen.py).
        state_bar = QHBoxLayout()
        state_bar.addWidget(self.state, 1)
        state_bar.addWidget(self.levels_button)
        state_bar.addWidget(self.export_button)
        charts = QWidget()
        stacked = QVBoxLayout(charts)
        stacked.setContentsMargins(0, 0, 0, 0)
        stacked.addWidget(self.visits_chart, 1)
        stacked.addWidget(self.coverage_chart, 1)
        splitter = QSplitter()
        splitter.setObjectName("dashboardSplitter")
        splitter.addWidget(charts)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 700])
        splitter.setMinimumHeight(320)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tiles_box)
        column.addWidget(splitter, 1)
        scroll = QScrollArea()
        self.body_scroll = scroll
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(state_bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.message)

    # -- what is asked ----------------------------------------------------------------------
    def _on_kind(self) -> None:
        # Another kind of period starts again from the running one: "three quarters ago"
        # has no month that it obviously means.
        kind = PeriodKind(self.period_kind.currentData())
        self.context.settings.set(DASHBOARD_PERIOD, str(kind))
        self.request = Request(kind, 0, self.request.scope)
        self.recompute()

    def shift(self, periods: int) -> None:
        if periods:
            self.request = Request(
                self.request.kind, self.request.offset + periods, self.request.scope
            )
            self.recompute()

    def choose_scope(self, choice: ScopeChoice) -> None:
        index = next((i for i in range(self.scope.count()) if self.scope.itemData(i) == choice), -1)
        if index >= 0:
            self.scope.setCurrentIndex(index)

    def choose_period_kind(self, kind: PeriodKind) -> None:
        self.period_kind.setCurrentIndex(self.period_kind.findData(str(kind)))

    def _on_scope(self) -> None:
        choice = self.scope.currentData()
        if isinstance(choice, ScopeChoice) and choice != self.request.scope:
            self.request = Request(self.request.kind, self.request.offset, choice)
            self.recompute()

    def _show_scopes(self, options: Sequence[ScopeOption]) -> None:
        self.scope.blockSignals(True)
        self.scope.clear()
        for option in options:
            if option.choice.kind is ScopeKind.ORGANISATION:
                text = self.tr("Whole organisation")
            elif option.choice.kind is ScopeKind.TEAM:
                text = fill(self.tr("Team %1"), team_name(option.label))
            elif option.role == Role.INSIDE:
                text = fill(self.tr("    %1 (inside)"), option.label)
            else:
                text = fill(self.tr("    %1"), option.label)
            self.scope.addItem(text, option.choice)
        self.scope.blockSignals(False)
        if self.board is not None:
            self._select_scope_of(self.board)

    def _select_scope_of(self, board: Dashboard) -> None:
        shown = ScopeChoice(board.scope.kind, board.scope.name)
        index = next((i for i in range(self.scope.count()) if self.scope.itemData(i) == shown), -1)
        if index >= 0 and index != self.scope.currentIndex():
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(index)
            self.scope.blockSignals(False)

    # -- computing --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keep_timer.start()
        if self._stale and not self.computing:
            self.recompute()

    def hideEvent(self, event: QHideEvent) -> None:
        self.keep_timer.stop()
        super().hideEvent(event)

    def recompute(self) -> None:
        """Ask for the figures of the current request (on the figures worker)."""
        self._ask(self.request)
        self._show_request()

    def _ask(self, request: Request) -> None:
        self._stale = False
        self.computing = True
        self.context.figures.read(
            lambda store: compute_dashboard(store, request),
            self._computed,
            failed=self._failed,
            key="dashboard",
        )

    def _recompute_after_change(self) -> None:
        self.recompute()
        # Then the person's other usual views, so that switching to them is quick too.
        self._refresh(reload=False)

    def _keep_current(self) -> None:
        if self.isVisible() and not self.computing:
            self._refresh(reload=True)

    def _refresh(self, *, reload: bool) -> None:
        request = self.request
        self.context.figures.read(
            lambda store: refresh_views(store, request),
            self._refreshed if reload else None,
            failed=self._refresh_failed,
            key="dashboard-refresh",
        )

    def _refreshed(self, computed: int) -> None:
        if computed and self.isVisible():
            self.recompute()  # the view shown was judged again: its snapshot, at once

    def _refresh_failed(self, error: Exception) -> None:
        # A cache that could not be brought up to date: the next opening computes.
        log.warning("dashboard snapshots not refreshed: %s", describe(error))

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(*SHOWN):
            return
        if not self.mine and changes.touches("users"):
            # The first sync brings the directory: the teams and reps to choose from.
            self.context.tasks.read(scope_options, self._show_scopes, key="dashboard-scopes")
        if self.isVisible():
            self.refresh_timer.start()
        else:
            self._stale = True

    def _show_request(self) -> None:
        self.tiles_box.setEnabled(not self.computing)
        self.current_button.setEnabled(self.request.offset != 0)
        if self.computing:
            self.state.setText(self.tr("Computing…"))
        elif self.board is not None:
            self.state.setText(
                fill(
                    self.tr("As of %1 · computed at %2"),
                    short_date(self.board.as_of),
                    clock_time(self.board.computed_at),
                )
            )
        self.export_button.setEnabled(self.board is not None and not self.computing)

    def _computed(self, board: Dashboard) -> None:
        self.computing = False
        self.board = board
        show_error(self.error, "")
        title = period_text(board.period)
        if self.mine:
            title = fill(self.tr("My figures · %1"), title)
        else:
            self._select_scope_of(board)
        self.period_label.setText(title)
        self.period_label.setToolTip(period_days_text(board.period))
        self._show_tiles(tiles(board))
        self.visits_chart.show_board(board)
        self.coverage_chart.show_board(board)
        self.tabs.show_board(board)
        self._show_request()
        self.computed.emit(board)

    def _failed(self, error: Exception) -> None:
        self.computing = False
        self._show_request()
        show_error(
            self.error, fill(self.tr("The figures could not be computed: %1"), describe(error))
        )

    # -- showing ----------------------------------------------------------------------------
    def _show_tiles(self, made: Sequence[Tile]) -> None:
        keys = [t.key for t in made]
        if keys != list(self.tile_widgets):
            for widget in self.tile_widgets.values():
                widget.deleteLater()
            self.tile_widgets = {}
            for tile in made:
                widget = TileWidget()
                widget.drill_requested.connect(self.drill_tile)
                self.tile_widgets[tile.key] = widget
            self.tile_columns = 0
        for tile in made:
            self.tile_widgets[tile.key].set_tile(tile)
        self._place_tiles()

    def _place_tiles(self) -> None:
        """Up to TILE_COLUMNS tiles a row, as many as fit whole: six on a 1366x768 screen,
        fewer at 125 % in French, where six did not leave "Kilomètres" and "17,3 km" room
        (tests/ui/test_fit_laptop_screen.py)."""
        widgets = list(self.tile_widgets.values())
        if not widgets:
            return
        gap = self.tile_grid.horizontalSpacing()
        need = max(widget.needed_width() for widget in widgets)
        room = self.body_scroll.viewport().width()
        columns = max(1, min(TILE_COLUMNS, (room + gap) // (need + gap)))
        if columns == self.tile_columns:
            return
        self.tile_columns = columns
        for widget in widgets:
            self.tile_grid.removeWidget(widget)
        for n, widget in enumerate(widgets):
            widget.setMinimumWidth(need)  # every tile as wide as the others
            self.tile_grid.addWidget(widget, n // columns, n % columns)
        for column in range(TILE_COLUMNS):
            self.tile_grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_tiles()

    def drill_tile(self, tile: Tile) -> DrillDialog:
        return self.open_drill(tile.caption, tile.drill)

    def _drill_week(self, index: int) -> None:
        if self.board is None:
            return
        monday, tally = self.board.visits.by_week[index]
        self.open_drill(
            fill(self.tr("Visits of the week of %1"), short_date(monday)),
            Drill("visits", visit_groups(tally)),
        )

    def _drill_tier(self, index: int) -> None:
        if self.board is None:
            return
        tier = self.board.coverage.tiers[index]
        tile = self.tile_widgets.get(f"coverage_{tier.tier}")
        if tile is not None and tile.tile is not None:
            self.drill_tile(tile.tile)

    def open_drill(self, caption: str, drill: Drill) -> DrillDialog:
        period = period_text(self.board.period) if self.board else ""
        scope = scope_text(self.board.scope) if self.board else ""
        title = fill(self.tr("%1 — %2, %3"), caption, period, scope)
        dialog = DrillDialog(self.context, title, drill, open_visits=self.mine, parent=self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _keep(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog))

    # -- export and service levels ----------------------------------------------------------
    def export(self) -> None:
        if self.board is None:
            return
        ask_csv_path(self, f"kpi-{self.board.period.label}.csv", self.save_to)

    def save_to(self, path: Path) -> None:
        board = self.board
        if board is None:
            return

        def said(sentence: str, failed: bool) -> None:
            show_error(self.error, sentence if failed else "")
            self.message.setText("" if failed else sentence)

        save_csv(self.context, lambda store: summary(board), path, said)

    def edit_service_levels(self) -> ServiceLevelsDialog:
        dialog = ServiceLevelsDialog(self.context, self)
        self._keep(dialog)
        dialog.accepted.connect(self._service_levels_saved)
        dialog.open()
        return dialog

    def _service_levels_saved(self) -> None:
        self.message.setText(
            self.tr("Service levels saved: they reach every laptop with its next sync.")
        )
