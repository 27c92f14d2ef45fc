"""Dashboard snapshots: what opening shows is what a fresh computation gives, and a snapshot
is shown only while nothing it counted changed (a local edit, a synced change), it was
judged recently, and after a restart too."""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from support.kpi_world import MONTREAL

from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.kpi import Dashboard, Settings, dashboard, period_containing, scope_for
from fieldapp.kpi.scope import organisation, team
from fieldapp.kpi.snapshot import (
    FRESH_FOR,
    REFRESH_AFTER,
    View,
    dashboard_for_opening,
    data_stamp,
    default_views,
    refresh_snapshots,
    snapshot_judged_at,
    snapshot_path,
)
from fieldapp.store import Store, open_store
from fieldapp.store.replica import upsert_server_records
from fieldapp.usecases.visits import cancel_visit

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, tzinfo=UTC)
QUARTER = period_containing("quarter", TODAY, MONTREAL)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kpi-snapshot-demo") / "profile"
    with open_store(folder, create=True) as store:
        load_demo(store, generate(300, seed=5, today=TODAY), signed_in_as="manager")
    return folder / "fieldapp.db"


@pytest.fixture
def profile(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo profile of its own for each test (made by SQLite's backup)."""
    folder = tmp_path / "profile"
    with open_store(demo_file.parent) as source:
        folder.mkdir()
        source.backup_to(folder / "fieldapp.db")
    return folder


@pytest.fixture
def store(profile: Path) -> Iterator[Store]:
    with open_store(profile) as opened:
        yield opened


def same_figures(shown: Dashboard, fresh: Dashboard) -> None:
    assert shown.figures == fresh.figures
    assert shown.to_data() == fresh.to_data()
    assert (shown.period, shown.scope, shown.as_of) == (fresh.period, fresh.scope, fresh.as_of)


def test_opening_shows_the_snapshot_which_equals_a_fresh_computation(store: Store) -> None:
    scope = organisation(store)
    first = dashboard_for_opening(store, QUARTER, scope, now=NOW)  # none kept: computed
    assert first.computed_at == NOW
    assert snapshot_judged_at(store, QUARTER, scope) == NOW
    later = NOW + timedelta(minutes=10)
    shown = dashboard_for_opening(store, QUARTER, scope, now=later)
    assert shown.computed_at == NOW  # the snapshot, judged ten minutes ago
    assert len(shown.visits.total.planned) > 300  # a real quarter of work
    same_figures(shown, dashboard(store, QUARTER, scope, now=NOW))


def test_a_local_edit_makes_the_snapshot_stale(store: Store) -> None:
    scope = organisation(store)
    dashboard_for_opening(store, QUARTER, scope, now=NOW)
    planned = store.scalar(
        "SELECT id FROM visits WHERE status = 'planned' AND planned_start >= ?"
        " AND planned_start < ? ORDER BY planned_start",
        (QUARTER.start, QUARTER.end),
    )
    stamp = data_stamp(store)
    cancel_visit(store, planned)
    assert data_stamp(store) != stamp
    later = NOW + timedelta(minutes=1)
    shown = dashboard_for_opening(store, QUARTER, scope, now=later)
    assert shown.computed_at == later  # computed again, not the snapshot
    assert planned in shown.visits.total.cancelled
    same_figures(shown, dashboard(store, QUARTER, scope, now=later))


def test_a_synced_change_makes_the_snapshot_stale(store: Store) -> None:
    scope = organisation(store)
    dashboard_for_opening(store, QUARTER, scope, now=NOW)
    row = store.query_one(
        "SELECT * FROM visits WHERE status = 'planned' AND version IS NOT NULL"
        " AND planned_start >= ? AND planned_start < ? ORDER BY planned_start",
        (QUARTER.start, QUARTER.end),
    )
    assert row is not None
    # The server's new state of the visit, as a pull writes it: a no-show.
    changed = {**row, "status": "no_show", "version": row["version"] + 1}
    changed["contacts_met"] = []
    upsert_server_records(store, "visits", [changed])
    later = NOW + timedelta(minutes=1)
    shown = dashboard_for_opening(store, QUARTER, scope, now=later)
    assert shown.computed_at == later
    assert row["id"] in shown.visits.total.no_show
    same_figures(shown, dashboard(store, QUARTER, scope, now=later))


def test_a_snapshot_goes_stale_with_time_and_at_midnight(store: Store) -> None:
    scope = organisation(store)
    dashboard_for_opening(store, QUARTER, scope, now=NOW)
    too_late = NOW + FRESH_FOR + timedelta(seconds=1)
    assert dashboard_for_opening(store, QUARTER, scope, now=too_late).computed_at == too_late
    # Judged at 23:55 in Montréal, opened at 00:05: another as-of day, so computed.
    evening = datetime(2026, 11, 26, 4, 55, tzinfo=UTC)
    dashboard_for_opening(store, QUARTER, scope, now=evening)
    after_midnight = evening + timedelta(minutes=10)
    shown = dashboard_for_opening(store, QUARTER, scope, now=after_midnight)
    assert shown.computed_at == after_midnight and shown.as_of == date(2026, 11, 26)
    # A clock set back before the judging shows nothing "from the future".
    earlier = after_midnight - timedelta(minutes=1)
    assert dashboard_for_opening(store, QUARTER, scope, now=earlier).computed_at == earlier


def test_a_snapshot_survives_a_restart(profile: Path) -> None:
    with open_store(profile) as store:
        scope = organisation(store)
        dashboard_for_opening(store, QUARTER, scope, now=NOW)
    later = NOW + timedelta(minutes=5)
    with open_store(profile) as store:
        shown = dashboard_for_opening(store, QUARTER, organisation(store), now=later)
        assert shown.computed_at == NOW
        same_figures(shown, dashboard(store, QUARTER, organisation(store), now=NOW))


def test_other_settings_are_computed_and_leave_the_snapshot_alone(store: Store) -> None:
    scope = organisation(store)
    dashboard_for_opening(store, QUARTER, scope, now=NOW)
    later = NOW + timedelta(minutes=2)
    chosen = Settings(window_days=7)
    shown = dashboard_for_opening(store, QUARTER, scope, chosen, now=later)
    assert shown.computed_at == later
    fresh = dashboard(store, QUARTER, scope, now=later, settings=chosen)
    assert shown.conversion == fresh.conversion
    assert snapshot_judged_at(store, QUARTER, scope) == NOW


def test_refresh_keeps_every_default_view_and_only_what_is_stale(store: Store) -> None:
    views = default_views(store, TODAY, MONTREAL)
    teams = sorted({t for (t,) in store.rows("SELECT DISTINCT team FROM users") if t})
    # The manager's own scope first, its running month (where the page opens) first of all.
    assert views[0] == View(period_containing("month", TODAY, MONTREAL), scope_for(store))
    assert views[2] == View(QUARTER, scope_for(store))
    assert len(views) == 6 * len({(v.scope.kind, v.scope.name) for v in views})
    assert {v.scope.name for v in views} >= {None, *teams}
    assert {v.period.kind for v in views} == {"quarter", "month", "week"}
    assert refresh_snapshots(store, NOW, zone=MONTREAL) == views
    # Nothing changed, judged a minute ago: nothing to do.
    assert refresh_snapshots(store, NOW + timedelta(minutes=1), zone=MONTREAL) == []
    # Judged long enough ago: every view again.
    again = NOW + REFRESH_AFTER + timedelta(seconds=1)
    assert refresh_snapshots(store, again, zone=MONTREAL) == views
    quebec = team(store, teams[0])
    month = period_containing("month", TODAY, MONTREAL)
    shown = dashboard_for_opening(store, month, quebec, now=again + timedelta(minutes=3))
    assert shown.computed_at == again
    same_figures(shown, dashboard(store, month, quebec, now=again))


class Hostile:
    """What a tampered profile could hold: unpickled naively, it would run a call."""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path("hostile-was-built").touch, ())


@pytest.mark.parametrize(
    "kept",
    [
        pickle.dumps(Hostile()),  # a call outside the figures' classes
        pickle.dumps(Path("/")),  # an object outside them
        b"not a snapshot at all",  # damage
    ],
)
def test_a_tampered_snapshot_is_computed_again_and_builds_nothing_else(
    store: Store, kept: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    scope = organisation(store)
    dashboard_for_opening(store, QUARTER, scope, now=NOW)
    with sqlite3.connect(snapshot_path(store)) as cache:
        cache.execute("UPDATE snapshots SET figures = ?", (kept,))
    cache.close()
    later = NOW + timedelta(minutes=1)
    shown = dashboard_for_opening(store, QUARTER, scope, now=later)
    assert shown.computed_at == later
    assert not (tmp_path / "hostile-was-built").exists()
    same_figures(shown, dashboard(store, QUARTER, scope, now=later))


def test_snapshots_and_read_marks_do_not_move_the_stamp(store: Store) -> None:
    stamp = data_stamp(store)
    refresh_snapshots(store, NOW, zone=MONTREAL, views=[View(QUARTER, organisation(store))])
    me = store.profile_value("current_user_id")
    note = store.scalar("SELECT id FROM notes ORDER BY id LIMIT 1")
    read_mark = {"id": "0190b000-0000-7000-8000-0000000000r1", "user_id": me, "read": True}
    read_mark |= {"item_collection": "notes", "item_id": note, "version": 1}
    read_mark |= {"created_at": "2026-11-25T16:00:00Z", "updated_at": "2026-11-25T16:00:00Z"}
    upsert_server_records(store, "inbox_reads", [read_mark])  # a synced read mark
    assert store.scalar("SELECT count(*) FROM inbox_reads") >= 1
    assert data_stamp(store) == stamp


def test_a_restored_backup_never_matches_a_later_snapshot(profile: Path) -> None:
    """A backup brings back an older stamp; an edit after it makes a new one, never one that
    a snapshot of other records already carries (as a counter would: one edit each)."""
    with open_store(profile) as store:
        store.backup_to(profile.parent / "backup.db")
        first, second = (
            row[0]
            for row in store.rows(
                "SELECT id FROM visits WHERE status = 'planned' AND planned_start >= ?"
                " AND planned_start < ? ORDER BY planned_start LIMIT 2",
                (QUARTER.start, QUARTER.end),
            )
        )
        cancel_visit(store, first)
        dashboard_for_opening(store, QUARTER, organisation(store), now=NOW)
    (profile.parent / "backup.db").replace(profile / "fieldapp.db")  # restored
    later = NOW + timedelta(minutes=1)
    with open_store(profile) as store:
        cancel_visit(store, second)  # one edit since the backup, as before the snapshot
        shown = dashboard_for_opening(store, QUARTER, organisation(store), now=later)
        assert shown.computed_at == later
        assert second in shown.visits.total.cancelled
        assert first not in shown.visits.total.cancelled


def test_a_snapshot_counts_the_state_its_stamp_names(profile: Path) -> None:
    """The stamp and the figures are read in one read transaction: what another connection
    commits meanwhile is in neither, so the snapshot is stale, never wrongly current."""
    with open_store(profile) as worker, open_store(profile) as window:
        planned = window.scalar(
            "SELECT id FROM visits WHERE status = 'planned' AND planned_start >= ?"
            " AND planned_start < ? ORDER BY planned_start",
            (QUARTER.start, QUARTER.end),
        )
        with worker.reading():
            stamp = data_stamp(worker)
            cancel_visit(window, planned)  # committed by the other connection meanwhile
            assert data_stamp(worker) == stamp
            assert worker.scalar("SELECT status FROM visits WHERE id = ?", (planned,)) == (
                "planned"
            )
        assert data_stamp(worker) != stamp
        assert worker.scalar("SELECT status FROM visits WHERE id = ?", (planned,)) == ("cancelled")


def test_a_field_reps_default_views_are_about_themselves(tmp_path: Path) -> None:
    with open_store(tmp_path / "field-profile", create=True) as store:
        load_demo(store, generate(60, seed=5, today=TODAY), signed_in_as="field")
        views = default_views(store, TODAY, MONTREAL)
        assert {(v.scope.kind, v.scope.name) for v in views} == {("rep", "field")}
        assert [v.period.kind for v in views] == ["month"] * 2 + ["quarter"] * 2 + ["week"] * 2
        assert views[2].period == QUARTER
