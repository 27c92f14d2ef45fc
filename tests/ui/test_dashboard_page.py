"""The manager's dashboard and each rep's "My figures", through the widgets, against a real
server process with the demo organisation.

The figures the window shows are the core's (``fieldapp.kpi``) on the same data; choosing a
period or a scope changes them; every number opens the records behind it; the CSV the
window writes is the one ``fieldapp kpi --csv`` prints; a field rep sees only their own;
the manager's Service levels dialog saves an allowance that reaches another laptop, and
refuses one out of bounds without writing anything.
"""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWidget
from pytestqt.qtbot import QtBot
from support.server import ServerProcess, run_fieldapp, running_server
from support.team_windows import held_visit_with_report, settled_board
from support.windows import open_window, press_f5, run_in

from fieldapp.clock import utc_now
from fieldapp.kpi import PeriodKind, Scope, ScopeKind, dashboard
from fieldapp.kpi.drill import Drill, records_behind
from fieldapp.kpi.export import write_csv
from fieldapp.kpi.scope import team
from fieldapp.kpi.snapshot import snapshot_judged_at
from fieldapp.kpi.table import Table
from fieldapp.store.database import Store, open_store
from fieldapp.team.policies import AllowanceUnit, CommitmentKind
from fieldapp.usecases.agreements import agreements
from fieldapp.usecases.follow_ups import create_follow_up
from ui.context import AppContext
from ui.dashboard.drill_dialog import DrillDialog
from ui.dashboard.model import ScopeChoice, period_of
from ui.dashboard.service_levels import ServiceLevelsDialog
from ui.main_window import MainWindow
from ui.pages.dashboard import DashboardPage
from ui.settings import DASHBOARD_PERIOD


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("server"), accounts=40, seed=5) as running:
        yield running


def _page(window: MainWindow) -> DashboardPage:
    assert window.dashboard is not None
    return window.dashboard


def _synced_window(
    tmp_path: Path, server: ServerProcess, username: str, contexts: list[AppContext], qtbot: QtBot
) -> MainWindow:
    window = open_window(tmp_path, server.url, username, contexts, qtbot)
    assert press_f5(window, qtbot).error is None
    return window


def _core_figures(page: DashboardPage) -> dict[str, Any]:
    """The same figures from ``fieldapp.kpi`` on another connection to the same profile."""
    board = page.board
    assert board is not None
    with open_store(page.context.profile_dir) as store:
        return dashboard(store, board.period, board.scope, now=board.computed_at).to_data()


def _tile_value(page: DashboardPage, key: str) -> str:
    return page.tile_widgets[key].value.text()


def _save_through_file_dialog(owner: QWidget, path: Path, qtbot: QtBot) -> None:
    dialog = owner.findChild(QFileDialog, "csvFileDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(path.exists, timeout=10_000)


def _csv(table: Table) -> str:
    out = io.StringIO()
    write_csv(table, out)
    return out.getvalue()


def _drill_dialog(page: DashboardPage, qtbot: QtBot) -> DrillDialog:
    dialogs = [d for d in page.findChildren(DrillDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitUntil(lambda: dialogs[0].loaded, timeout=10_000)
    return dialogs[0]


def test_the_manager_lands_on_the_dashboard_whose_figures_are_the_cores(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    window = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    assert window.current_page == "dashboard"
    page = _page(window)
    settled_board(page, qtbot)
    board = page.board
    assert board is not None
    assert board.scope.kind is ScopeKind.ORGANISATION and board.period.kind is PeriodKind.MONTH
    assert board.to_data() == _core_figures(page)
    planned = len(board.visits.total.planned)
    assert planned > 0  # the demo's month has visits: the comparison means something
    locale = QLocale()
    assert _tile_value(page, "visits_planned") == locale.toString(planned)
    assert _tile_value(page, "awaiting_review") == locale.toString(
        len(board.backlog.awaiting_review_ids)
    )
    assert page.tabs.breaches_model.rowCount() == len(board.sla.breaches)
    assert page.tabs.overdue_model.rowCount() == len(board.coverage.overdue)
    assert page.visits_chart.totals == [
        float(len(tally.planned)) for _, tally in board.visits.by_week
    ]

    # The month before: other days, other figures, still the core's.
    month = board.period
    with qtbot.waitSignal(page.computed, timeout=30_000):
        qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
        # Asked, not answered yet: the page says so and greys its tiles.
        assert page.state.text() == "Computing…" and not page.tiles_box.isEnabled()
    assert page.tiles_box.isEnabled() and "computed at" in page.state.text()
    settled_board(page, qtbot)
    assert page.board is not None and page.board.period.last_day < month.first_day
    assert page.board.to_data() == _core_figures(page)
    assert page.current_button.isEnabled()

    # A quarter, then one rep of one team.
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.choose_period_kind(PeriodKind.QUARTER)
    settled_board(page, qtbot)
    assert page.board.period.kind is PeriodKind.QUARTER and page.request.offset == 0
    assert page.context.settings.get(DASHBOARD_PERIOD) == "quarter"  # kept for next time
    organisation_planned = len(page.board.visits.total.planned)
    reps = [
        page.scope.itemData(i)
        for i in range(page.scope.count())
        if page.scope.itemData(i).kind is ScopeKind.REP
    ]
    teams = [
        page.scope.itemData(i)
        for i in range(page.scope.count())
        if page.scope.itemData(i).kind is ScopeKind.TEAM
    ]
    assert reps and teams
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.choose_scope(reps[0])
    settled_board(page, qtbot)
    chosen = page.board
    assert chosen.scope.kind is ScopeKind.REP and chosen.scope.name == reps[0].name
    assert chosen.to_data() == _core_figures(page)
    assert len(chosen.visits.total.planned) < organisation_planned
    with open_store(page.context.profile_dir) as store:
        reps_of_visits = {
            row[0]
            for row in store.rows(
                "SELECT DISTINCT rep_id FROM visits WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(chosen.visits.total.planned)),),
            )
        }
    assert reps_of_visits <= {chosen.scope.people[0].id}
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.choose_scope(teams[0])
    settled_board(page, qtbot)
    assert page.board.scope == _core_scope_of_team(page, teams[0])


def _core_scope_of_team(page: DashboardPage, choice: ScopeChoice) -> Scope:
    with open_store(page.context.profile_dir) as store:
        return team(store, str(choice.name))


def test_every_figure_opens_the_records_behind_it_and_exports_them(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    window = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    page = _page(window)
    with qtbot.waitSignal(page.computed, timeout=30_000):
        page.choose_period_kind(PeriodKind.QUARTER)
    settled_board(page, qtbot)
    board = page.board
    assert board is not None and board.visits.total.held

    # A tile: double-click "Visits held" lists exactly the held visits.
    qtbot.mouseDClick(page.tile_widgets["visits_held"], Qt.MouseButton.LeftButton)
    held = _drill_dialog(page, qtbot)
    assert held.table is not None
    assert sorted(str(row[0]) for row in held.table.rows) == sorted(board.visits.total.held)
    assert held.model.rowCount() == len(board.visits.total.held)
    # ... exported as the core writes those records.
    qtbot.mouseClick(held.export_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "held.csv"
    _save_through_file_dialog(held, path, qtbot)
    qtbot.waitUntil(lambda: bool(held.message.text()), timeout=10_000)
    with open_store(page.context.profile_dir) as store:
        expected = _csv(records_behind(store, Drill.of("visits", board.visits.total.held)))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its mark
    assert path.read_text(encoding="utf-8-sig") == expected
    held.reject()

    # Enter on a tile with the keyboard: coverage of tier A, every account of the tier
    # with what it counted as.
    tier_a = board.coverage.tiers[0]
    tile = page.tile_widgets["coverage_A"]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    coverage = _drill_dialog(page, qtbot)
    assert coverage.table is not None
    state = coverage.table.columns.index("state")
    counted = {str(row[0]): row[state] for row in coverage.table.rows}
    assert {i for i, s in counted.items() if s == "overdue"} == set(tier_a.overdue)
    assert {i for i, s in counted.items() if s == "covered"} == set(tier_a.covered)
    # Enter on a record opens its account's briefing.
    first_account = str(coverage.table.rows[0][1])
    qtbot.keyClick(coverage.view, Qt.Key.Key_Return)
    assert not coverage.isVisible()
    assert window.current_page == "accounts"
    qtbot.waitUntil(lambda: window.accounts.briefing.account_id == first_account, timeout=10_000)

    # A bar of a chart: the busiest week's visits, whatever became of them.
    week = max(range(len(board.visits.by_week)), key=lambda n: page.visits_chart.totals[n])
    chart = page.visits_chart
    qtbot.mouseDClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_centre(week))
    busiest = _drill_dialog(page, qtbot)
    assert busiest.table is not None
    assert sorted(str(r[0]) for r in busiest.table.rows) == sorted(
        board.visits.by_week[week][1].planned
    )
    busiest.reject()

    # A table row: Enter on the first breach lists that one record.
    window.show_page("dashboard")
    assert board.sla.breaches
    breach = board.sla.breaches[0]
    page.tabs.setCurrentWidget(page.tabs.breaches_table)
    page.tabs.breaches_table.selectRow(0)
    page.tabs.breaches_table.setFocus()
    qtbot.keyClick(page.tabs.breaches_table, Qt.Key.Key_Return)
    one = _drill_dialog(page, qtbot)
    assert one.table is not None and [str(r[0]) for r in one.table.rows] == [breach.record_id]
    one.reject()

    # What waits, by age: the follow-ups column of an age opens those follow-ups.
    ages = page.tabs.ages_table
    page.tabs.setCurrentWidget(ages)
    buckets = board.backlog.follow_ups_open
    oldest = max(range(len(buckets)), key=lambda n: len(buckets[n].items))
    assert buckets[oldest].items
    assert page.tabs.ages_model.rowCount() == len(board.backlog.awaiting_review)
    ages.setCurrentIndex(page.tabs.ages_model.index(oldest, 2))
    ages.setFocus()
    qtbot.keyClick(ages, Qt.Key.Key_Return)
    waiting = _drill_dialog(page, qtbot)
    assert waiting.table is not None
    assert {str(r[0]) for r in waiting.table.rows} == set(
        board.backlog.follow_ups_open[oldest].items
    )
    waiting.reject()


def test_the_dashboard_csv_is_the_one_fieldapp_kpi_prints(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    window = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    page = _page(window)
    settled_board(page, qtbot)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "dashboard.csv"
    _save_through_file_dialog(page, path, qtbot)
    qtbot.waitUntil(lambda: "dashboard.csv" in page.message.text(), timeout=10_000)
    printed = run_fieldapp(
        "kpi", "--profile", str(page.context.profile_dir), "--period", "month", "--csv"
    )
    assert printed.returncode == 0, printed.stderr
    written = path.read_text(encoding="utf-8-sig")
    assert written.count("\n") > 20  # every figure's rows, not a header alone
    assert written == printed.stdout


def test_a_field_reps_my_figures_are_about_them_only(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    window = _synced_window(tmp_path, server, "field", contexts, qtbot)
    assert window.pages[-2:] == ("figures", "sync")
    assert window.current_page == "today"
    window.show_page("figures")
    page = _page(window)
    settled_board(page, qtbot)
    board = page.board
    me = window.context.user
    assert board is not None
    assert board.scope.kind is ScopeKind.REP and [p.id for p in board.scope.people] == [me.id]
    assert not page.scope.isVisible() and not page.levels_button.isVisible()
    assert "My figures" in page.period_label.text()
    assert board.to_data() == _core_figures(page)
    # Every visit counted is theirs, and every account in coverage is theirs.
    with open_store(page.context.profile_dir) as store:
        assert _owners(store, "visits", "rep_id", board.visits.total.planned) <= {me.id}
        accounts = board.coverage.total
        ids = accounts.covered + accounts.overdue + accounts.not_due_yet
        assert ids and _owners(store, "accounts", "owner_id", ids) == {me.id}


def _owners(store: Store, collection: str, column: str, ids: tuple[str, ...]) -> set[str]:
    return {
        row[0]
        for row in store.rows(
            f"SELECT DISTINCT {column} FROM {collection}"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )
    }


def test_the_manager_sets_a_service_level_that_reaches_other_laptops(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    manager = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    page = _page(manager)
    settled_board(page, qtbot)
    qtbot.mouseClick(page.levels_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ServiceLevelsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    team = dialog.current_team()
    assert team is not None
    with open_store(manager.context.profile_dir) as store:
        before = agreements(store)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    report_written = dialog.amounts[CommitmentKind.REPORT_WRITTEN]

    # A typo (2400 hours for 24): said in words, nothing written, the dialog stays open.
    report_written.selectAll()
    qtbot.keyClicks(report_written, "2400")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "720" in dialog.error.text() and "Nothing was saved" in dialog.error.text()
    with open_store(manager.context.profile_dir) as store:
        assert agreements(store) == before
        assert store.scalar("SELECT count(*) FROM outbox WHERE collection = 'sla_policies'") == 0

    # 36 hours: saved, synced, and on the inside rep's laptop after their sync.
    report_written.selectAll()
    qtbot.keyClicks(report_written, "36")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "Service levels saved" in page.message.text()

    # The page judges the team by it at once: its reports are due within 36 hours now.
    def written_policy() -> str:
        board = page.board
        if board is None or page.computing:
            return ""
        return next(k.policy for k in board.sla.kinds if k.kind == CommitmentKind.REPORT_WRITTEN)

    page.choose_scope(ScopeChoice(ScopeKind.TEAM, team))
    qtbot.waitUntil(lambda: written_policy() == "36 hours", timeout=30_000)
    assert press_f5(manager, qtbot).error is None
    with open_store(manager.context.profile_dir) as store:
        assert store.scalar("SELECT count(*) FROM outbox") == 0
    inside = _synced_window(tmp_path, server, "inside", contexts, qtbot)
    with open_store(inside.context.profile_dir) as store:
        policy = agreements(store)[team].policies[CommitmentKind.REPORT_WRITTEN]
    assert (policy.amount, policy.unit) == (36, AllowanceUnit.HOURS)


def _hold_a_visit_with_its_report(store: Store) -> str:
    visit, _ = held_visit_with_report(store, "Listing agreed for March")
    return visit.id


def test_a_visit_held_in_the_field_moves_the_managers_figures_after_the_syncs(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    manager = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    page = _page(manager)
    settled_board(page, qtbot)
    before = page.board
    assert before is not None

    field = _synced_window(tmp_path, server, "field", contexts, qtbot)
    done: list[str] = []
    field.context.tasks.write(_hold_a_visit_with_its_report, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert press_f5(field, qtbot).error is None

    # The manager's sync brings it; the page counts again by itself.
    assert press_f5(manager, qtbot).error is None
    qtbot.waitUntil(
        lambda: page.board is not None and done[0] in page.board.visits.total.held,
        timeout=30_000,
    )
    settled_board(page, qtbot)
    after = page.board
    assert after is not None
    assert len(after.visits.total.held) == len(before.visits.total.held) + 1
    assert len(after.backlog.awaiting_review_ids) == len(before.backlog.awaiting_review_ids) + 1
    assert _tile_value(page, "visits_held") == QLocale().toString(len(after.visits.total.held))
    assert after.to_data() == _core_figures(page)


def test_opening_again_shows_the_kept_snapshot_and_a_change_computes_anew(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    manager = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    first = settled_board(_page(manager), qtbot)
    # The running quarter and month were brought up to date beside the view shown.
    with open_store(manager.context.profile_dir) as store:
        quarter = period_of(store, PeriodKind.QUARTER, 0)
        assert snapshot_judged_at(store, quarter, first.scope) is not None

    # Another window on the same profile (the next morning's start, within the quarter of
    # an hour a snapshot is shown): the same figures, judged at the same instant, not
    # computed again.
    again = MainWindow(manager.context)
    qtbot.addWidget(again)
    again.show()
    assert again.dashboard is not None
    shown = settled_board(again.dashboard, qtbot)
    assert shown.computed_at == first.computed_at
    assert shown.to_data() == first.to_data()
    again.close()

    # A record changed (a follow-up written here): the page computes anew by itself.
    def add_follow_up(store: Store) -> None:
        account_id = store.scalar("SELECT id FROM accounts ORDER BY name LIMIT 1")
        create_follow_up(store, account_id, title="Call the buyer", due_date=utc_now().date())

    run_in(manager, qtbot, add_follow_up, write=True)
    page = _page(manager)
    qtbot.waitUntil(lambda: page.board is not None and page.board is not first, timeout=30_000)
    later = settled_board(page, qtbot)
    assert later.computed_at > first.computed_at
    open_now = {i for bucket in later.backlog.follow_ups_open for i in bucket.items}
    assert len(open_now) == len({i for b in first.backlog.follow_ups_open for i in b.items}) + 1


def test_computing_figures_never_holds_up_the_store_worker(
    tmp_path: Path, qtbot: QtBot, server: ServerProcess, contexts: list[AppContext]
) -> None:
    # A long computation on the figures worker waits until a read on the store worker
    # has answered: were they one thread, the read would wait for ever behind it.
    manager = _synced_window(tmp_path, server, "manager", contexts, qtbot)
    settled_board(_page(manager), qtbot)
    answered = threading.Event()
    finished: list[bool] = []
    manager.context.figures.read(lambda store: answered.wait(20), finished.append)
    counted: list[int] = []
    manager.context.tasks.read(
        lambda store: store.scalar("SELECT count(*) FROM accounts"), counted.append
    )
    qtbot.waitUntil(lambda: bool(counted), timeout=10_000)
    answered.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)
    assert counted[0] > 0 and finished == [True]
