"""The day's route as a table the rep drives with the mouse or the keyboard.

Rows move by drag and drop or Ctrl+Up/Down (planned stops only); Enter or a double click
opens the visit; the context menu (and its shortcuts) opens the account's briefing or
the stop in maps, reschedules or cancels the visit. The table only says what the rep
asked for: the page does the navigating and the writing.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from fieldapp.usecases.route import RouteStop
from ui.models.plan_model import ACCOUNT, ADDRESS, DISTANCE, STATUS, STOP_ROLE, TIME, PlanModel


class RouteTable(QTableView):
    visit_opened = Signal(str)  # visit id
    briefing_requested = Signal(str)  # account id
    reschedule_requested = Signal(object)  # RouteStop
    cancel_requested = Signal(object)  # RouteStop
    map_requested = Signal(object)  # RouteStop

    def __init__(self, model: PlanModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeTable")
        self.plan = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.verticalHeader().hide()
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # DragDrop, not InternalMove: the model accepts only its own stops (its MIME type and
        # visit ids), so nothing from elsewhere lands anyway, and InternalMove would also
        # refuse a drop whose source Qt cannot name, as in a test that drops like a rep.
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        header = self.horizontalHeader()
        for column in (TIME, DISTANCE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (ACCOUNT, ADDRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # Stretched names keep at least their titles: beside the map on a 125 % laptop
        # they were squeezed to 26 px; the table scrolls sideways instead.
        header.ensurePolished()
        titles = max(header.sectionSizeHint(column) for column in (ACCOUNT, ADDRESS))
        header.setMinimumSectionSize(max(header.minimumSectionSize(), titles))
        self.activated.connect(lambda _index: self._open())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.open_action = self._action(self.tr("Open visit"), "", self._open)
        self.briefing_action = self._action(
            self.tr("Open account briefing"), "Ctrl+B", self._briefing
        )
        self.map_action = self._action(self.tr("Open in maps"), "Ctrl+M", self._map)
        self.earlier_action = self._action(
            self.tr("Move earlier"), "Ctrl+Up", lambda: self.move_current(-1)
        )
        self.later_action = self._action(
            self.tr("Move later"), "Ctrl+Down", lambda: self.move_current(1)
        )
        self.reschedule_action = self._action(
            self.tr("Reschedule…"), "Ctrl+R", lambda: self._ask(self.reschedule_requested)
        )
        self.cancel_action = self._action(
            self.tr("Cancel visit…"), "Delete", lambda: self._ask(self.cancel_requested)
        )
        self.selectionModel().currentRowChanged.connect(lambda *_: self.enable_actions())
        model.modelReset.connect(self.enable_actions)
        self.enable_actions()

    def _action(self, text: str, keys: str, slot: object) -> QAction:
        made = QAction(text, self)
        if keys:
            made.setShortcut(QKeySequence(keys))
            made.setToolTip(
                f"{text} ({made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        made.triggered.connect(slot)
        self.addAction(made)
        return made

    # -- the current stop -------------------------------------------------------------
    def current_stop(self) -> RouteStop | None:
        stop = self.currentIndex().data(STOP_ROLE)
        return stop if isinstance(stop, RouteStop) else None

    def select_visit(self, visit_id: str | None) -> None:
        row = -1 if visit_id is None else self.plan.row_of(visit_id)
        if row >= 0:
            self.selectionModel().setCurrentIndex(
                self.plan.index(row, ACCOUNT),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def enable_actions(self) -> None:
        stop = self.current_stop()
        planned = stop is not None and stop.movable
        self.open_action.setEnabled(stop is not None)
        self.briefing_action.setEnabled(stop is not None)
        self.map_action.setEnabled(stop is not None)
        for action in (
            self.earlier_action,
            self.later_action,
            self.reschedule_action,
            self.cancel_action,
        ):
            action.setEnabled(planned)

    def move_current(self, direction: int) -> None:
        stop, row = self.current_stop(), self.currentIndex().row()
        if stop is not None and stop.movable:
            # moveRows puts the row before its destination: two down to pass the next one.
            destination = row - 1 if direction < 0 else row + 2
            self.plan.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)

    # -- requests ---------------------------------------------------------------------
    def _open(self) -> None:
        stop = self.current_stop()
        if stop is not None:
            self.visit_opened.emit(stop.visit.id)

    def _briefing(self) -> None:
        stop = self.current_stop()
        if stop is not None:
            self.briefing_requested.emit(stop.account.id)

    def _map(self) -> None:
        stop = self.current_stop()
        if stop is not None:
            self.map_requested.emit(stop)

    def _ask(self, request: SignalInstance) -> None:
        stop = self.current_stop()
        if stop is not None and stop.movable:
            request.emit(stop)
