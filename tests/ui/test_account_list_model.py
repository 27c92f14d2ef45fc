"""The accounts list model: one background read per filter or sort, rows kept current by
change notices without resetting the view (no widgets here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.core_world import T0
from support.notices import notice

from fieldapp.store.database import Store, open_store
from fieldapp.usecases.account_list import AccountFilter
from fieldapp.usecases.accounts import create_account, edit_account
from fieldapp.usecases.notes import add_note
from fieldapp.usecases.visits import plan_visit
from ui.models.account_list import (
    CITY,
    LAST_VISIT,
    NAME,
    NEXT_VISIT,
    OBJECT_ROLE,
    SORT_ROLE,
    TIER,
    AccountListModel,
)

from PySide6.QtCore import Qt  # isort: skip


class Recorder:
    """What the model told its views: resets, inserted, removed and changed rows."""

    def __init__(self, model: AccountListModel) -> None:
        self.events: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.events.append(("reset", 0, 0)))
        model.rowsInserted.connect(lambda _p, a, b: self.events.append(("inserted", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.events.append(("removed", a, b)))
        model.dataChanged.connect(
            lambda a, b, _r=(): self.events.append(("changed", a.row(), b.row()))
        )

    def kinds(self) -> set[str]:
        return {kind for kind, _, _ in self.events}


@pytest.fixture
def world(make_context: Any, qtbot: QtBot) -> Any:
    context = make_context("field")
    reads: list[object] = []
    real_read = context.tasks.read

    def counting_read(*args: Any, **kwargs: Any) -> None:
        reads.append(args[0])
        real_read(*args, **kwargs)

    context.tasks.read = counting_read
    model = AccountListModel(context.tasks, context.notices, lambda: T0.date())
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.reload()
    return context, model, reads


def run(context: Any, qtbot: QtBot, work: Any) -> Any:
    """A write elsewhere in the app, through the store worker, which announces its rows."""
    results: list[Any] = []
    with qtbot.waitSignal(context.notices.changed, timeout=10000):
        context.tasks.write(work, results.append)
    return results[0]


def shown(model: AccountListModel, column: int = NAME) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_the_territory_loads_in_one_read_and_scrolling_reads_nothing(world: Any) -> None:
    _context, model, reads = world
    assert model.rowCount() == 60 and model.columnCount() == 5
    names = shown(model)
    assert names == sorted(
        names, key=lambda n: model.data(model.index(names.index(n), NAME), SORT_ROLE)
    )
    # Every cell of every row, as a view scrolling the whole list would ask: from memory.
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
                model.data(model.index(row, column), role)
    assert len(reads) == 1
    first = model.data(model.index(0, NAME), OBJECT_ROLE)
    assert first.name == names[0] and model.row_of(first.id) == 0
    assert model.headerData(LAST_VISIT, Qt.Orientation.Horizontal) == "Last visit"


def test_cells_say_when_an_account_was_seen_and_when_it_is_due(world: Any) -> None:
    _context, model, _reads = world
    rows = [model.account_at(r) for r in range(model.rowCount())]
    overdue = next(r for r in rows if r.due and r.due_on and r.due_on < "2026-11-23")
    planned = next(r for r in rows if r.next_visit_at)
    at = model.row_of(overdue.id)
    assert model.data(model.index(at, NEXT_VISIT)).startswith("Overdue since")
    assert "overdue" in model.data(model.index(at, NEXT_VISIT), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(at, NEXT_VISIT), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(at, LAST_VISIT)) not in ("", "Never")
    at = model.row_of(planned.id)
    assert model.data(model.index(at, NEXT_VISIT)).startswith("Planned")
    assert model.data(model.index(at, NEXT_VISIT), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(at, TIER)) == planned.tier
    assert model.data(model.index(at, CITY)) == planned.city


def test_a_filter_or_a_sort_is_one_background_read(world: Any, qtbot: QtBot) -> None:
    _context, model, reads = world
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filter(AccountFilter(city="Paris"))
    assert model.rowCount() == 21 and set(shown(model, CITY)) == {"Paris"}
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.sort(TIER, Qt.SortOrder.DescendingOrder)
    tiers = shown(model, TIER)
    assert tiers == sorted(tiers, reverse=True) and tiers[0] == "C"
    assert model.sort_order == ("tier", True)
    assert len(reads) == 3
    # The same filter again costs nothing.
    model.set_filter(AccountFilter(city="Paris"))
    assert len(reads) == 3


def test_only_the_latest_filter_is_shown_when_a_rep_types_fast(world: Any, qtbot: QtBot) -> None:
    _context, model, _reads = world
    for tier in ("A", "B", "C"):
        model.set_filter(AccountFilter(tier=tier))
    qtbot.waitUntil(lambda: not model.loading, timeout=10000)
    assert set(shown(model, TIER)) == {"C"}


def test_an_edited_account_changes_its_row_only(world: Any, qtbot: QtBot) -> None:
    context, model, _reads = world
    account = model.account_at(5)
    seen = Recorder(model)
    with qtbot.waitSignal(model.updated, timeout=10000):
        run(
            context,
            qtbot,
            lambda s: edit_account(s, account.id, city="Laval"),
        )
    assert seen.events == [("changed", 5, 5)]
    assert model.data(model.index(5, CITY)) == "Laval"


def test_a_renamed_account_moves_to_its_place_without_a_reset(world: Any, qtbot: QtBot) -> None:
    context, model, _reads = world
    account = model.account_at(30)
    seen = Recorder(model)
    with qtbot.waitSignal(model.updated, timeout=10000):
        run(
            context,
            qtbot,
            lambda s: edit_account(s, account.id, name="Aaron & Fils"),
        )
    assert seen.events == [("removed", 30, 30), ("inserted", 0, 0)]
    assert model.account_at(0).id == account.id and shown(model)[0] == "Aaron & Fils"
    assert model.row_of(account.id) == 0 and model.rowCount() == 60


def test_an_account_edited_out_of_the_filter_leaves_the_list(world: Any, qtbot: QtBot) -> None:
    context, model, _reads = world
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filter(AccountFilter(tier="A"))
    count = model.rowCount()
    account = model.account_at(0)
    seen = Recorder(model)
    with qtbot.waitSignal(model.updated, timeout=10000):
        run(
            context,
            qtbot,
            lambda s: edit_account(s, account.id, tier="B"),
        )
    assert seen.events == [("removed", 0, 0)]
    assert model.rowCount() == count - 1 and model.row_of(account.id) is None


def test_a_visit_planned_elsewhere_updates_its_accounts_row(world: Any, qtbot: QtBot) -> None:
    context, model, _reads = world
    due = next(model.account_at(r) for r in range(model.rowCount()) if model.account_at(r).due)
    position = model.row_of(due.id)
    seen = Recorder(model)
    # The write's change set names the new visit: its account's row alone is read again.
    with qtbot.waitSignal(model.updated, timeout=10000):
        run(
            context,
            qtbot,
            lambda s: plan_visit(s, due.id, T0 + timedelta(days=2)),
        )
    assert seen.events == [("changed", position, position)]
    row = model.account_at(position)
    assert row.id == due.id and not row.due and row.next_visit_at == "2026-11-25T13:00:00Z"
    assert model.data(model.index(position, NEXT_VISIT)).startswith("Planned")


def test_a_change_naming_its_visit_refreshes_that_accounts_row(world: Any, qtbot: QtBot) -> None:
    context, model, reads = world
    account = model.account_at(12)
    before = len(reads)
    run(context, qtbot, lambda s: add_note(s, account.id, "Appeler avant de passer."))
    assert len(reads) == before  # a note is not the list's business: nothing read
    seen = Recorder(model)
    with qtbot.waitSignal(model.updated, timeout=10000):
        visit = run(context, qtbot, lambda s: plan_visit(s, account.id, T0 + timedelta(days=3)))
    assert len(reads) == before + 1
    assert seen.events == [("changed", 12, 12)]
    assert model.account_at(12).next_visit_at == min(
        filter(None, (account.next_visit_at, visit.planned_start))
    )


def test_a_new_account_is_inserted_where_it_sorts(world: Any, qtbot: QtBot) -> None:
    context, model, _reads = world
    seen = Recorder(model)
    with qtbot.waitSignal(model.updated, timeout=10000):
        run(
            context,
            qtbot,
            lambda s: create_account(s, name="Zzz Dernière Quincaillerie", tier="C", city="Laval"),
        )
    assert seen.events == [("inserted", 60, 60)]
    assert shown(model)[-1] == "Zzz Dernière Quincaillerie"
    assert model.data(model.index(60, NEXT_VISIT)) == "Never visited"


def test_a_list_that_cannot_load_says_why(world: Any, qtbot: QtBot) -> None:
    _context, model, _reads = world
    with qtbot.waitSignal(model.failed, timeout=10000) as failure:
        model.set_filter(AccountFilter(tier="Z"))
    assert "Tier must be one of" in failure.args[0]
    assert not model.loading and model.rowCount() == 60


def elsewhere(profile: Path, work: Callable[[Store], object]) -> None:
    """A write by another connection (a sync cycle's): this window hears only its notice."""
    with open_store(profile) as store:
        work(store)


def test_a_change_too_large_to_list_is_applied_as_a_difference(
    world: Any, ui_profile: Path, qtbot: QtBot
) -> None:
    context, model, _reads = world
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_filter(AccountFilter(tier="A"))
    first, second = model.account_at(0), model.account_at(1)
    seen = Recorder(model)
    # One account leaves the tier, another moves, among thousands of pulled rows: the
    # sync's change set names the collection as a whole.
    elsewhere(
        ui_profile,
        lambda s: (
            edit_account(s, first.id, tier="C"),
            edit_account(s, second.id, city="Gatineau"),
        ),
    )
    with qtbot.waitSignal(model.loaded, timeout=10000):
        context.notices.announce(notice(whole=["accounts"], from_sync=True))
    assert seen.events == [("removed", 0, 0), ("changed", 0, 0)]
    assert model.account_at(0).city == "Gatineau" and model.row_of(first.id) is None


def test_a_change_that_reorders_the_list_resets_it(
    world: Any, ui_profile: Path, qtbot: QtBot
) -> None:
    context, model, _reads = world
    last = model.account_at(59)
    seen = Recorder(model)
    elsewhere(ui_profile, lambda s: edit_account(s, last.id, name="Aaa Premier"))
    with qtbot.waitSignal(model.loaded, timeout=10000):
        context.notices.announce(notice(whole=["accounts"], from_sync=True))
    assert seen.kinds() == {"reset"}
    assert model.row_of(last.id) == 0 and model.account_at(0).name == "Aaa Premier"
