"""The manager's dashboard, and each rep's "My figures": the key figures of the team loop for
a week, month or quarter and a scope, as tiles, two charts and tables beside them.

Every number opens the records behind it (double-click or Enter); the whole dashboard and
each drill-down export as CSV (the CSV of ``fieldapp kpi --csv``). The figures are computed
on the store worker through ``ui.dashboard.model.compute_dashboard``, one request at a
time (a newer one replaces a queued older one), and again when a change touches what
they count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
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
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Role, Team
from fieldapp.clock import from_text
from fieldapp.kpi import Dashboard, PeriodKind, ScopeKind
from fieldapp.kpi.coverage import OverdueAccount
from fieldapp.kpi.drill import Drill
from fieldapp.kpi.scope import Person
from fieldapp.kpi.sla import Breach
from fieldapp.kpi.summary import summary
from fieldapp.kpi.visits import RepWeek, VisitTally
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
    scope_options,
)
from ui.dashboard.rows_model import Column, RowsModel, RowsView
from ui.dashboard.service_levels import ServiceLevelsDialog
from ui.dashboard.tile_widget import TileWidget
from ui.dashboard.words import (
    hours_late_text,
    km_text,
    number,
    period_days_text,
    period_kind_label,
    period_text,
    scope_text,
    share_text,
    team_name,
)
from ui.formatting import clock_time, fill, short_date
from ui.labels import (
    commitment_label,
    error_label,
    plain_label,
    show_error,
    team_label,
    tier_label,
)
from ui.settings import DASHBOARD_PERIOD
from ui.tasks import describe

TILE_COLUMNS = 6
REFRESH_DELAY_MS = 800  # a sync writes in bursts: count once it has settled
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
        self.period_label.setStyleSheet("font-weight: bold;")
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
        self.tiles_box = QWidget()
        self.tiles_box.setObjectName("dashboardTiles")
        self.tile_grid = QGridLayout(self.tiles_box)
        self.tile_grid.setContentsMargins(0, 0, 0, 0)
        self.tile_grid.setSpacing(6)
        self.visits_chart = VisitsTrend("visitsChart")
        self.coverage_chart = CoverageChart("coverageChart")
        self.visits_chart.bar_activated.connect(self._drill_week)
        self.coverage_chart.bar_activated.connect(self._drill_tier)
        self._build_tables()
        self._layout()

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.recompute)
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

    def _build_tables(self) -> None:
        def view(name: str, model: RowsModel[Any], drill: Callable[[int], None]) -> RowsView:
            made = RowsView(name)
            made.setModel(model)
            made.row_activated.connect(drill)
            return made

        self.reps_model: RowsModel[tuple[Person, VisitTally]] = RowsModel()
        self.weeks_model: RowsModel[RepWeek] = RowsModel()
        self.breaches_model: RowsModel[Breach] = RowsModel()
        self.overdue_model: RowsModel[OverdueAccount] = RowsModel()
        self.reps_table = view("dashboardReps", self.reps_model, self._drill_rep)
        self.weeks_table = view("dashboardRepWeeks", self.weeks_model, self._drill_rep_week)
        self.breaches_table = view("dashboardBreaches", self.breaches_model, self._drill_breach)
        self.overdue_table = view("dashboardOverdue", self.overdue_model, self._drill_overdue)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTables")
        for table in (self.reps_table, self.weeks_table, self.breaches_table, self.overdue_table):
            self.tabs.addTab(table, "")
        self._name_tabs()

    def _name_tabs(self) -> None:
        board = self.board
        breaches = len(board.sla.breaches) if board else 0
        overdue = len(board.coverage.overdue) if board else 0
        self.tabs.setTabText(0, self.tr("Per rep"))
        self.tabs.setTabText(1, self.tr("Per rep and week"))
        self.tabs.setTabText(2, fill(self.tr("Breaches (%1)"), number(breaches)))
        self.tabs.setTabText(3, fill(self.tr("Overdue accounts (%1)"), number(overdue)))

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.period_kind)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.current_button)
        bar.addSpacing(12)
        bar.addWidget(self.scope)
        bar.addSpacing(12)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.levels_button)
        bar.addWidget(self.export_button)
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
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
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
        if self._stale and not self.computing:
            self.recompute()

    def recompute(self) -> None:
        """Ask for the figures of the current request (on the store worker)."""
        self._stale = False
        self.computing = True
        self._show_request()
        request = self.request
        self.context.tasks.read(
            lambda store: compute_dashboard(store, request),
            self._computed,
            failed=self._failed,
            key="dashboard",
        )

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
                    self.tr("Snapshots as of %1 · computed at %2"),
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
        self._show_tables(board)
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
            for n, tile in enumerate(made):
                widget = TileWidget()
                widget.drill_requested.connect(self.drill_tile)
                self.tile_grid.addWidget(widget, n // TILE_COLUMNS, n % TILE_COLUMNS)
                self.tile_widgets[tile.key] = widget
            for column in range(TILE_COLUMNS):
                self.tile_grid.setColumnStretch(column, 1)
        for tile in made:
            self.tile_widgets[tile.key].set_tile(tile)

    def _show_tables(self, board: Dashboard) -> None:
        conversion = {c.rep.id: c for c in board.conversion.by_rep if c.rep}
        travel = {t.rep.id: t for t in board.travel.by_rep if t.rep}

        def rep_conversion(rep_id: str) -> str:
            found = conversion.get(rep_id)
            return share_text(found.share) if found else "—"

        def rep_km(rep_id: str) -> str:
            found = travel.get(rep_id)
            return km_text(found.km_per_day) if found else "—"

        self.reps_model.set_rows(
            board.visits.by_rep,
            [
                Column(self.tr("Rep"), lambda r: r[0].display_name),
                Column(self.tr("Planned"), lambda r: number(len(r[1].planned)), True),
                Column(self.tr("Held"), lambda r: number(len(r[1].held)), True),
                Column(self.tr("Held %"), lambda r: share_text(r[1].held_share), True),
                Column(self.tr("Cancelled"), lambda r: number(len(r[1].cancelled)), True),
                Column(self.tr("No-show"), lambda r: number(len(r[1].no_show)), True),
                Column(self.tr("Conversion"), lambda r: rep_conversion(r[0].id), True),
                Column(self.tr("km per day"), lambda r: rep_km(r[0].id), True),
            ],
        )
        self.weeks_model.set_rows(
            board.visits.cells,
            [
                Column(self.tr("Rep"), lambda c: c.rep.display_name),
                Column(self.tr("Week of"), lambda c: short_date(c.week)),
                Column(self.tr("Planned"), lambda c: number(len(c.tally.planned)), True),
                Column(self.tr("Held"), lambda c: number(len(c.tally.held)), True),
                Column(self.tr("Cancelled"), lambda c: number(len(c.tally.cancelled)), True),
                Column(self.tr("No-show"), lambda c: number(len(c.tally.no_show)), True),
                Column(self.tr("Held %"), lambda c: share_text(c.tally.held_share), True),
            ],
        )
        self.breaches_model.set_rows(
            board.sla.breaches,
            [
                Column(self.tr("Who"), lambda b: self._owner_text(b)),
                Column(self.tr("What"), lambda b: commitment_label(b.kind)),
                Column(self.tr("Account"), lambda b: b.account_name or "—"),
                Column(self.tr("Due"), lambda b: _local(b.due_at)),
                Column(self.tr("How late"), lambda b: self._late_text(b), True),
            ],
        )
        self.overdue_model.set_rows(
            board.coverage.overdue,
            [
                Column(self.tr("Account"), lambda a: a.name),
                Column(self.tr("Tier"), lambda a: tier_label(a.tier)),
                Column(self.tr("Owner"), lambda a: a.owner.display_name if a.owner else "—"),
                Column(
                    self.tr("Last visit"),
                    lambda a: short_date(a.last_visit_on) if a.last_visit_on else self.tr("never"),
                ),
                Column(self.tr("Due since"), lambda a: short_date(a.due_on)),
                Column(self.tr("Days overdue"), lambda a: number(a.days_overdue), True),
            ],
        )
        self._name_tabs()

    def _owner_text(self, breach: Breach) -> str:
        """Who owes it: a person's name, or a sales team while nobody took it (the core
        writes "inside team, quebec" for a follow-up nobody claimed)."""
        owner = breach.owner
        if self.board is not None:
            for person in self.board.scope.people:
                if person.username == owner:
                    return person.display_name
        sales, comma, team = owner.partition(", ")
        code = sales.removesuffix(" team")
        if comma and code in (Team.INSIDE, Team.FIELD):
            return fill(self.tr("%1, %2"), team_label(code), team_name(team))
        return owner

    def _late_text(self, breach: Breach) -> str:
        late = hours_late_text(breach.late_seconds)
        return late if breach.done_epoch is not None else fill(self.tr("%1 (still open)"), late)

    # -- drilling down ----------------------------------------------------------------------
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

    def _drill_rep(self, row: int) -> None:
        rep, tally = self.reps_model.rows[row]
        self.open_drill(
            fill(self.tr("Visits of %1"), rep.display_name), Drill("visits", visit_groups(tally))
        )

    def _drill_rep_week(self, row: int) -> None:
        cell = self.weeks_model.rows[row]
        self.open_drill(
            fill(self.tr("Visits of %1, week of %2"), cell.rep.display_name, short_date(cell.week)),
            Drill("visits", visit_groups(cell.tally)),
        )

    def _drill_breach(self, row: int) -> None:
        breach = self.breaches_model.rows[row]
        self.open_drill(
            fill(self.tr("Breach: %1"), commitment_label(breach.kind)),
            Drill(
                breach.collection,
                (("late" if breach.done_epoch else "overdue", (breach.record_id,)),),
            ),
        )

    def _drill_overdue(self, row: int) -> None:
        account = self.overdue_model.rows[row]
        self.open_drill(
            fill(self.tr("Overdue account: %1"), account.name),
            Drill("accounts", (("overdue", (account.account_id,)),)),
        )

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


def _local(text: str) -> str:
    moment = from_text(text)
    return f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
