"""The tables beside the dashboard's charts: per rep, per rep and week, the breach list and
the overdue accounts; Enter or a double-click on a row asks for the records behind it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from fieldapp.catalogue import Team
from fieldapp.clock import from_text
from fieldapp.kpi import Dashboard
from fieldapp.kpi.backlog import AgeBucket
from fieldapp.kpi.coverage import OverdueAccount
from fieldapp.kpi.drill import Drill
from fieldapp.kpi.scope import Person
from fieldapp.kpi.sla import Breach
from fieldapp.kpi.visits import RepWeek, VisitTally
from ui.dashboard.figures import age_text, visit_groups
from ui.dashboard.rows_model import Column, RowsModel, RowsView
from ui.dashboard.words import hours_late_text, km_text, number, share_text, team_name
from ui.formatting import clock_time, fill, short_date
from ui.labels import commitment_label, team_label, tier_label
from ui.widgets.chip import ChipDelegate, tier_chip
from ui.widgets.empty_state import EmptyState, ListOrEmpty

FOLLOW_UP_COLUMNS = 2  # the age table's first column about follow-ups


class DashboardTables(QTabWidget):
    drill_requested = Signal(str, object)  # a caption, the Drill

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTables")
        self.board: Dashboard | None = None

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
        # The overdue accounts' tier as a chip, as in the accounts list.
        self.overdue_table.setItemDelegateForColumn(1, ChipDelegate(self.overdue_table))
        self.ages_model: RowsModel[tuple[AgeBucket, AgeBucket]] = RowsModel()
        self.ages_table = view("dashboardWaiting", self.ages_model, self._drill_age)
        # An empty table says why in one sentence; where nothing is wrong (no breach, no
        # overdue account) its button goes on to the per-rep figures.
        per_rep = self.tr("See the figures per rep")
        empties = (
            (self.reps_table, self.reps_model, "chart-column",
             self.tr("No visit in this period for the people shown."), ""),
            (self.weeks_table, self.weeks_model, "calendar-days",
             self.tr("No visit in this period for the people shown."), ""),
            (self.breaches_table, self.breaches_model, "clipboard-check",
             self.tr("No hand-off missed its service level in this period."), per_rep),
            (self.overdue_table, self.overdue_model, "building-2",
             self.tr("Every account is visited within its target."), per_rep),
            (self.ages_table, self.ages_model, "list-todo",
             self.tr("Nothing is waiting on anyone."), ""),
        )  # fmt: skip
        self.listings: list[ListOrEmpty] = []
        for table, model, icon, text, action in empties:
            empty = EmptyState(icon, text, action)
            empty.acted.connect(lambda: self.setCurrentIndex(0))
            listing = ListOrEmpty(table, model, empty)
            self.listings.append(listing)
            self.addTab(listing, "")
        self._name_tabs()

    def _name_tabs(self) -> None:
        board = self.board
        breaches = len(board.sla.breaches) if board else 0
        overdue = len(board.coverage.overdue) if board else 0
        self.setTabText(0, self.tr("Per rep"))
        self.setTabText(1, self.tr("Per week"))
        self.setTabText(2, fill(self.tr("Breaches (%1)"), number(breaches)))
        self.setTabText(3, fill(self.tr("Overdue accounts (%1)"), number(overdue)))
        self.setTabText(4, self.tr("Waiting"))
        # Every tab's title shows whole: the charts beside give up the room, not the words
        # (French at 125 % hid the last tab behind the scroll arrows).
        self.tabBar().ensurePolished()
        self.setMinimumWidth(self.tabBar().sizeHint().width())

    def show_board(self, board: Dashboard) -> None:
        self.board = board
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
                Column(
                    self.tr("Tier"),
                    lambda a: tier_label(a.tier),
                    chips=lambda a: (tier_chip(a.tier),),
                ),
                Column(self.tr("Owner"), lambda a: a.owner.display_name if a.owner else "—"),
                Column(
                    self.tr("Last visit"),
                    lambda a: short_date(a.last_visit_on) if a.last_visit_on else self.tr("never"),
                ),
                Column(self.tr("Due since"), lambda a: short_date(a.due_on)),
                Column(self.tr("Days overdue"), lambda a: number(a.days_overdue), True),
            ],
        )
        self.ages_model.set_rows(
            tuple(zip(board.backlog.awaiting_review, board.backlog.follow_ups_open, strict=True)),
            [
                Column(self.tr("Waiting for"), lambda r: age_text(r[0].label)),
                Column(self.tr("Reports awaiting review"), lambda r: number(len(r[0].items)), True),
                Column(self.tr("Follow-ups open"), lambda r: number(len(r[1].items)), True),
                Column(self.tr("Of which past due"), lambda r: number(len(r[1].past_due)), True),
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
    def _drill_age(self, row: int) -> None:
        # The follow-up columns open the follow-ups of that age; the rest, the reports.
        reports, follow_ups = self.ages_model.rows[row]
        age = age_text(reports.label)
        if self.ages_table.currentIndex().column() >= FOLLOW_UP_COLUMNS:
            late = set(follow_ups.past_due)
            self.drill_requested.emit(
                fill(self.tr("Follow-ups open (%1)"), age),
                Drill(
                    "follow_ups",
                    (
                        ("past_due", follow_ups.past_due),
                        ("open", tuple(i for i in follow_ups.items if i not in late)),
                    ),
                ),
            )
            return
        self.drill_requested.emit(
            fill(self.tr("Reports awaiting review (%1)"), age),
            Drill.of("notes", reports.items),
        )

    def _drill_rep(self, row: int) -> None:
        rep, tally = self.reps_model.rows[row]
        self.drill_requested.emit(
            fill(self.tr("Visits of %1"), rep.display_name), Drill("visits", visit_groups(tally))
        )

    def _drill_rep_week(self, row: int) -> None:
        cell = self.weeks_model.rows[row]
        self.drill_requested.emit(
            fill(self.tr("Visits of %1, week of %2"), cell.rep.display_name, short_date(cell.week)),
            Drill("visits", visit_groups(cell.tally)),
        )

    def _drill_breach(self, row: int) -> None:
        breach = self.breaches_model.rows[row]
        self.drill_requested.emit(
            fill(self.tr("Breach: %1"), commitment_label(breach.kind)),
            Drill(
                breach.collection,
                (("late" if breach.done_epoch else "overdue", (breach.record_id,)),),
            ),
        )

    def _drill_overdue(self, row: int) -> None:
        account = self.overdue_model.rows[row]
        self.drill_requested.emit(
            fill(self.tr("Overdue account: %1"), account.name),
            Drill("accounts", (("overdue", (account.account_id,)),)),
        )


def _local(text: str) -> str:
    moment = from_text(text)
    return f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
