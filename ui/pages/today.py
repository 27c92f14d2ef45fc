"""The field rep's Today page: the day's route, how far it drives, and what to add to it.

The day view lists the day's visits in route order with their times, addresses and the
distance from the previous stop. Planned stops move by drag and drop or Ctrl+Up/Down;
"Optimise order" reorders them for a shorter drive and says how much shorter; "Recompute
times" starts each planned stop when the drive from the previous one ends; either can be
undone from the notice it leaves. Beside the timeline, a map of the day's stops and the
chosen stop's links (directions, phone, contacts). The side panel adds accounts due for a
visit, or found by name, at the end of the day. The week view is an overview of the
working week; planning happens one day at a time.

Every read and write goes through the store worker; the page reloads the route when a
change notice says visits (or the accounts it shows) changed, whoever changed them.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.clock import from_text
from fieldapp.records import Visit
from fieldapp.store.database import Store
from fieldapp.usecases.route import (
    DayRoute,
    PlannedSlot,
    RouteChange,
    RouteStop,
    add_to_plan,
    arrange_route,
    day_route,
    optimise_day,
    restore_route,
    retime_day,
    week_route,
)
from fieldapp.usecases.visits import cancel_visit
from ui.changes import Changes
from ui.context import AppContext
from ui.dialogs.reschedule_visit import RescheduleDialog
from ui.formatting import clock_time, distance, fill, long_date
from ui.models.plan_model import PlanModel
from ui.pages.day_priorities import DayPriorities
from ui.pages.plan_additions import PlanAdditions
from ui.pages.route_table import RouteTable
from ui.pages.stop_details import StopDetails
from ui.pages.week_plan import WeekPlan
from ui.tasks import describe
from ui.widgets.empty_state import EmptyState, ListOrEmpty
from ui.widgets.notice_bar import NoticeBar
from ui.widgets.route_map import RouteMap

DAY, WEEK = "day", "week"


class _Line(QLabel):
    """A line of plain text (account names are people's words) that takes no room when
    it has nothing to say."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


class TodayPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.context = context
        self.day = self._today()
        self.mode = DAY
        self._select_after_load: str | None = None
        self.confirm_box: QMessageBox | None = None
        self.reschedule_dialog: RescheduleDialog | None = None

        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous day or week (Alt+Left)"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("&Today"))
        self.today_button.clicked.connect(lambda: self.show_day(self._today()))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next day or week (Alt+Right)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.day_label = _Line("planDay")
        self.day_button = QPushButton(self.tr("&Day"))
        self.week_button = QPushButton(self.tr("&Week"))
        modes = QButtonGroup(self)
        for button, mode in ((self.day_button, DAY), (self.week_button, WEEK)):
            button.setCheckable(True)
            modes.addButton(button)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
        self.day_button.setChecked(True)
        self.optimise_button = QPushButton(self.tr("&Optimise order"))
        self.optimise_button.setObjectName("optimiseButton")
        self.optimise_button.setToolTip(
            self.tr("Reorder the planned visits for the shortest drive from where you start")
        )
        self.optimise_button.clicked.connect(self.optimise)
        self.retime_button = QPushButton(self.tr("Recompute ti&mes"))
        self.retime_button.setObjectName("retimeButton")
        self.retime_button.setToolTip(
            self.tr("Start each planned visit when the drive from the previous stop ends")
        )
        self.retime_button.clicked.connect(self.retime)
        self.notice = NoticeBar()
        self.notice.setObjectName("todayNotice")

        self.summary_label = _Line("routeSummary")
        self.optimise_label = _Line("optimiseResult")
        self.message_label = _Line("todayMessage")

        self.model = PlanModel()
        self.model.order_changed.connect(self._save_order)
        self.table = RouteTable(self.model)
        self.table.visit_opened.connect(context.navigator.visit_requested.emit)
        self.table.briefing_requested.connect(context.navigator.account_requested.emit)
        self.table.reschedule_requested.connect(self.reschedule)
        self.table.cancel_requested.connect(self.cancel)
        self.table.map_requested.connect(self.open_in_maps)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.route_map = RouteMap()
        self.route_map.stop_clicked.connect(self._map_clicked)
        self.details = StopDetails(context)
        for signal in (self.model.modelReset, self.model.rowsMoved, self.model.dataChanged):
            signal.connect(self._refresh_map)
        self.week = WeekPlan()
        self.week.day_chosen.connect(self._open_day)
        self.week.visit_chosen.connect(context.navigator.visit_requested.emit)
        # A day with no visit says so, and points at the accounts due for one (at the right).
        self.day_empty = EmptyState(
            "calendar-days",
            self.tr("No visit planned for this day: add an account that is due for one."),
            self.tr("Choose a due account"),
        )
        self.day_empty.acted.connect(self._choose_due)
        self.day_view = ListOrEmpty(self.table, self.model, self.day_empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.day_view)
        self.stack.addWidget(self.week)
        self.additions = PlanAdditions(context)
        self.additions.add_requested.connect(self.add_account)
        self.priorities = DayPriorities(context)
        self.priorities.added.connect(self._added)
        previous = QAction(self.tr("Previous day or week"), self)
        following = QAction(self.tr("Next day or week"), self)
        for action, keys, direction in ((previous, "Alt+Left", -1), (following, "Alt+Right", 1)):
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, d=direction: self.step(d))
            self.addAction(action)
        self._lay_out()
        context.notices.changed.connect(self._on_changed)
        self.show_day(self.day)

    # -- building ---------------------------------------------------------------------
    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        bar.addWidget(self.day_label, 1)
        for button in (self.day_button, self.week_button):
            bar.addWidget(button)
        route = QWidget()
        column = QVBoxLayout(route)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        totals = QHBoxLayout()
        totals.addWidget(self.summary_label, 1)
        totals.addWidget(self.optimise_label)
        # With the totals it acts on, not in the day's bar: there it made the page 15 px
        # wider than a 125 % laptop screen in French (tests/ui/test_fit_laptop_screen.py).
        totals.addWidget(self.optimise_button)
        totals.addWidget(self.retime_button)
        column.addLayout(totals)
        # The page's message and its Undo notice share a row: one above the other they made
        # the page taller than a 125 % laptop screen leaves when both show.
        said = QHBoxLayout()
        said.addWidget(self.message_label, 1)
        said.addWidget(self.notice, 2)
        column.addLayout(said)
        column.addWidget(self.priorities)
        self.map_panel = QWidget()
        map_column = QVBoxLayout(self.map_panel)
        map_column.setContentsMargins(0, 0, 0, 0)
        map_column.addWidget(self.route_map, 1)
        map_column.addWidget(self.details)
        self.timeline_split = QSplitter()
        self.timeline_split.setObjectName("timelineSplit")
        self.timeline_split.addWidget(self.stack)
        self.timeline_split.addWidget(self.map_panel)
        # The table takes what the map leaves (the map keeps its own size hint): with the
        # map at two fifths the stops' names got 26-49 px (tests/ui/test_fit_laptop_screen.py).
        self.timeline_split.setStretchFactor(0, 1)
        self.timeline_split.setStretchFactor(1, 0)
        self.timeline_split.setChildrenCollapsible(False)
        self.timeline_split.setSizes([640, 360])  # the timeline's words first
        column.addWidget(self.timeline_split, 1)
        splitter = QSplitter()
        splitter.addWidget(route)
        splitter.addWidget(self.additions)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        self.additions.setMinimumWidth(260)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        order = [
            self.previous_button,
            self.today_button,
            self.next_button,
            self.day_button,
            self.week_button,
            self.optimise_button,
            self.retime_button,
            self.table,
            self.week,
            self.additions.due_list,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

    def _choose_due(self) -> None:
        self.additions.due_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- where we are -----------------------------------------------------------------
    def _today(self) -> date:
        return self.context.now().astimezone().date()

    def show_day(self, day: date) -> None:
        if day != self.day:
            self.notice.dismiss()  # an undo belongs to the day it was offered on
        self.day = day
        self.optimise_label.clear()
        self.message_label.clear()
        self.additions.set_day(day)
        self.priorities.set_day(day)
        self.reload()

    def _open_day(self, day: date) -> None:
        self.day = day
        self.set_mode(DAY)

    def step(self, direction: int) -> None:
        self.show_day(self.day + timedelta(days=direction * (7 if self.mode == WEEK else 1)))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        (self.day_button if mode == DAY else self.week_button).setChecked(True)
        self.stack.setCurrentWidget(self.day_view if mode == DAY else self.week)
        self.additions.setVisible(mode == DAY)  # the week is an overview
        self.priorities.set_shown(mode == DAY)
        self.optimise_button.setVisible(mode == DAY)
        self.retime_button.setVisible(mode == DAY)
        self.map_panel.setVisible(mode == DAY)  # the week is an overview
        self.notice.dismiss()
        self.show_day(self.day)

    def _show_title(self) -> None:
        if self.mode == WEEK:
            monday = self.day - timedelta(days=self.day.weekday())
            self.day_label.setText(fill(self.tr("Week of %1"), long_date(monday)))
        elif self.day == self._today():
            self.day_label.setText(fill(self.tr("Today, %1"), long_date(self.day)))
        else:
            self.day_label.setText(long_date(self.day))

    # -- reading ----------------------------------------------------------------------
    def reload(self) -> None:
        self._show_title()
        if self.mode == DAY:
            day = self.day
            self.context.tasks.read(
                lambda store: day_route(store, day),
                self._show_route,
                failed=self._show_error,
                key="today-route",
            )
        else:
            monday = self.day - timedelta(days=self.day.weekday())

            def read(store: Store) -> tuple[date, list[DayRoute]]:
                return monday, week_route(store, monday)

            self.context.tasks.read(
                read, self._show_week, failed=self._show_error, key="today-week"
            )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("visits"):
            self.reload()
        elif changes.touches("accounts"):
            shown = {stop.account.id for stop in self.model.stops}
            account_ids = changes.ids("accounts")
            if account_ids is None or shown & account_ids:
                self.reload()

    def _show_route(self, route: DayRoute) -> None:
        if self.mode != DAY or route.day != self.day:
            return  # an answer for a day the rep has already left
        current = self.current_stop()
        wanted = self._select_after_load or (current.visit.id if current else None)
        self._select_after_load = None
        self.model.set_route(route)
        self.table.select_visit(wanted)
        movable = sum(1 for stop in route.stops if stop.movable)
        if route.stops:
            self.summary_label.setText(
                fill(
                    self.tr("%1 · %2 in all"),
                    self.tr("%n visit(s)", "", len(route.stops)),
                    distance(route.total_km),
                )
            )
        else:
            self.summary_label.setText(
                self.tr("Nothing planned on this day: add accounts from the list on the right.")
            )
        self.optimise_button.setEnabled(movable >= 2)
        self.retime_button.setEnabled(movable >= 1 and len(route.stops) >= 2)
        self.table.enable_actions()
        self._show_current()

    def _show_week(self, answer: tuple[date, list[DayRoute]]) -> None:
        monday, routes = answer
        if self.mode != WEEK or monday != self.day - timedelta(days=self.day.weekday()):
            return
        self.week.show_week(routes)
        visits = sum(len(route.stops) for route in routes)
        if not visits:
            self.summary_label.setText(self.tr("Nothing planned this week."))
            return
        total = sum(route.total_km for route in routes)
        self.summary_label.setText(
            fill(self.tr("%1 · %2 in all"), self.tr("%n visit(s)", "", visits), distance(total))
        )

    def _show_error(self, error: Exception) -> None:
        self.message_label.setText(describe(error))

    def current_stop(self) -> RouteStop | None:
        return self.table.current_stop()

    # -- the map ----------------------------------------------------------------------
    def _refresh_map(self) -> None:
        self.route_map.set_stops(self.model.stops)
        self._show_current()

    def _show_current(self) -> None:
        stop = self.current_stop()
        self.route_map.select(stop.visit.id if stop else None)
        if stop != self.details.stop:
            self.details.show_stop(stop, self.model.stops)

    def _map_clicked(self, visit_id: str) -> None:
        self.table.select_visit(visit_id)
        self.table.setFocus(Qt.FocusReason.MouseFocusReason)

    def open_in_maps(self, stop: RouteStop) -> None:
        self.table.select_visit(stop.visit.id)
        self._show_current()
        links = self.details.map_link.links()
        if links:
            self.details.map_link.open(links[0])

    # -- writing ----------------------------------------------------------------------
    def add_account(self, account_id: str, name: str) -> None:
        day = self.day
        self.message_label.clear()
        self.context.tasks.write(
            lambda store: add_to_plan(store, account_id, day),
            lambda visit: self._added(visit, name),
            failed=self._show_error,
        )

    def _added(self, visit: Visit, name: str) -> None:
        self._select_after_load = visit.id
        self.message_label.setText(
            fill(self.tr("%1 added at %2."), name, clock_time(from_text(visit.planned_start)))
        )

    def _save_order(self, visit_ids: list[str]) -> None:
        """The model already shows the new order; the store follows, then the reload brings
        the new times (or, if the store refused, the order it keeps)."""
        self.optimise_label.clear()
        self.message_label.clear()
        self.notice.dismiss()  # an undo now would also take back this move
        self.context.tasks.write(
            lambda store: arrange_route(store, visit_ids),
            failed=self._order_refused,
        )

    def _order_refused(self, error: Exception) -> None:
        self._show_error(error)
        self.reload()

    def optimise(self) -> None:
        day = self.day
        self.optimise_button.setEnabled(False)
        self.message_label.clear()
        self.context.tasks.write(
            lambda store: optimise_day(store, day),
            self._optimised,
            failed=self._order_refused,
        )

    def _optimised(self, change: RouteChange) -> None:
        if change.changed:
            text = fill(
                self.tr("Total distance %1 → %2"),
                distance(change.before_km),
                distance(change.after_km),
            )
        else:
            text = fill(
                self.tr("This order is already the shortest found: %1"), distance(change.after_km)
            )
        self.optimise_label.setText(text)
        if change.changed:
            self._offer_undo(self.tr("Order optimised."), change.before)

    def retime(self) -> None:
        day = self.day
        self.retime_button.setEnabled(False)
        self.message_label.clear()
        self.context.tasks.write(
            lambda store: retime_day(store, day),
            self._retimed,
            failed=self._order_refused,
        )

    def _retimed(self, change: RouteChange) -> None:
        self.retime_button.setEnabled(True)
        self._offer_undo(
            self.tr("Start times planned from the drive between stops."), change.before
        )

    def _offer_undo(self, text: str, before: tuple[PlannedSlot, ...]) -> None:
        self.notice.tell(text, action=(self.tr("Undo"), lambda: self.undo(before)))

    def undo(self, before: tuple[PlannedSlot, ...]) -> None:
        """Put the planned visits back in the order and at the times they had."""
        self.optimise_label.clear()
        self.context.tasks.write(
            lambda store: restore_route(store, before),
            lambda _visits: self.message_label.setText(self.tr("Undone.")),
            failed=self._order_refused,
        )

    def reschedule(self, stop: RouteStop) -> None:
        self.reschedule_dialog = RescheduleDialog(self.context, stop, self)
        self.reschedule_dialog.open()

    def cancel(self, stop: RouteStop) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel visit"),
            fill(
                self.tr("Cancel the visit to %1 at %2? A cancelled visit cannot be restored."),
                stop.account.name,
                clock_time(from_text(stop.visit.planned_start)),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes, visit_id = box.button(QMessageBox.StandardButton.Yes), stop.visit.id

        def answered(_result: int) -> None:
            # Read the button, not the result code: what the code of a standard button
            # is has changed across Qt 6 versions.
            if box.clickedButton() is yes:
                self._cancel(visit_id)

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def _cancel(self, visit_id: str) -> None:
        self.context.tasks.write(
            lambda store: cancel_visit(store, visit_id),
            failed=self._show_error,
        )
