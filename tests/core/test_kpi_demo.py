"""The dashboard on the demo organisation: every figure agrees with plain SQL over the same
records, the parts add up to the totals, and nothing is written."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from support.kpi_world import MONTREAL

from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.kpi import Dashboard, dashboard, period_containing, scope_for
from fieldapp.kpi.scope import organisation
from fieldapp.store import Store, open_store
from fieldapp.team.policies import CommitmentKind

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, tzinfo=UTC)
QUARTER = period_containing("quarter", date(2026, 10, 15), MONTREAL)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder: Path = tmp_path_factory.mktemp("kpi-demo") / "profile"
    with open_store(folder, create=True) as store:
        load_demo(store, generate(400, seed=3, today=TODAY), signed_in_as="manager")
        yield store


@pytest.fixture(scope="module")
def board(demo: Store) -> Dashboard:
    return dashboard(demo, QUARTER, organisation(demo), now=NOW)


def ids(store: Store, sql: str, params: tuple[object, ...] = ()) -> set[str]:
    return {row[0] for row in store.rows(sql, params)}


def test_visit_figures_count_exactly_the_visits_of_the_period(
    demo: Store, board: Dashboard
) -> None:
    span = (QUARTER.start, QUARTER.end)
    planned = ids(
        demo, "SELECT id FROM visits WHERE planned_start >= ? AND planned_start < ?", span
    )
    held = ids(
        demo,
        "SELECT id FROM visits WHERE planned_start >= ? AND planned_start < ?"
        " AND status = 'completed'",
        span,
    )
    total = board.visits.total
    assert len(planned) > 500  # the demo really has weeks of work in it
    assert set(total.planned) == planned and len(total.planned) == len(planned)
    assert set(total.held) == held
    assert len(total.planned) == sum(len(c.tally.planned) for c in board.visits.cells)
    assert set(board.conversion.total.held) == held
    assert set(board.conversion.total.converted) <= held
    assert set(board.travel.total.stops) == planned - ids(
        demo, "SELECT id FROM visits WHERE status = 'cancelled'"
    )
    assert set(board.travel.total.held) == held
    assert board.travel.total.km > 0


def test_coverage_counts_every_account_once(demo: Store, board: Dashboard) -> None:
    assert board.coverage.as_of == TODAY  # the quarter runs on
    accounts = ids(demo, "SELECT id FROM accounts")
    total = board.coverage.total
    counted = [*total.covered, *total.overdue, *total.not_due_yet]
    assert len(counted) == len(set(counted)) == len(accounts)
    assert {a.account_id for a in board.coverage.overdue} == set(total.overdue)
    assert 0 < (total.share or 0) < 1


def test_sla_judges_every_held_visit_and_every_report_of_the_period(
    demo: Store, board: Dashboard
) -> None:
    span = (QUARTER.start, QUARTER.end)
    written = board.sla.kind(CommitmentKind.REPORT_WRITTEN)
    judged = {*written.on_time, *written.late, *written.overdue, *written.pending}
    assert judged == ids(
        demo,
        "SELECT id FROM visits WHERE planned_start >= ? AND planned_start < ?"
        " AND status = 'completed' AND checked_out_at IS NOT NULL",
        span,
    )
    reviewed = board.sla.kind(CommitmentKind.REPORT_REVIEWED)
    assert {*reviewed.on_time, *reviewed.late, *reviewed.overdue, *reviewed.pending} == ids(
        demo,
        "SELECT id FROM notes WHERE kind = 'visit_report' AND created_at >= ? AND created_at < ?",
        span,
    )
    # Every kind's breaches are in the list (the hand-off kinds too: the demo hands leads
    # and follow-ups over), and only those.
    assert {(b.kind, b.record_id) for b in board.sla.breaches} == {
        (k.kind, record_id) for k in board.sla.kinds for record_id in (*k.late, *k.overdue)
    }
    assert written.median_seconds and reviewed.median_seconds
    assert all(k.measured for k in board.sla.kinds)


def test_what_waits_agrees_with_the_review_queue(demo: Store, board: Dashboard) -> None:
    unreviewed = ids(
        demo,
        "SELECT n.id FROM notes n WHERE n.kind = 'visit_report'"
        " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.note_id = n.id)",
    )
    assert set(board.backlog.awaiting_review_ids) == unreviewed
    assert set(board.backlog.follow_up_ids) == ids(
        demo, "SELECT id FROM follow_ups WHERE status = 'open'"
    )


def test_a_teams_and_a_reps_figures_are_their_part_of_the_organisations(
    demo: Store, board: Dashboard
) -> None:
    quebec = dashboard(demo, QUARTER, scope_for(demo, team_name="quebec"), now=NOW)
    france = dashboard(demo, QUARTER, scope_for(demo, team_name="france"), now=NOW)
    for part in ("planned", "held", "cancelled"):
        both = set(getattr(quebec.visits.total, part)) | set(getattr(france.visits.total, part))
        assert both == set(getattr(board.visits.total, part))
    assert len(quebec.coverage.total.covered) + len(france.coverage.total.covered) == len(
        board.coverage.total.covered
    )
    rep, tally = next((r, t) for r, t in board.visits.by_rep if t.held)
    alone = dashboard(demo, QUARTER, scope_for(demo, username=rep.username), now=NOW)
    assert set(alone.visits.total.planned) == set(tally.planned)
    travel = next(t for t in board.travel.by_rep if t.rep == rep)
    assert alone.travel.total.km == pytest.approx(travel.km)


def test_the_dashboard_reads_only_and_its_json_holds_every_figure(
    demo: Store, board: Dashboard
) -> None:
    before = demo.scalar("SELECT total_changes()")
    again = dashboard(demo, QUARTER, organisation(demo), now=NOW)
    assert demo.scalar("SELECT total_changes()") == before
    data = json.loads(json.dumps(again.to_data()))
    assert set(data) >= {
        "period",
        "scope",
        "visits",
        "coverage",
        "conversion",
        "travel",
        "sla",
        "backlog",
    }
    assert data["visits"]["total"]["held"]["count"] == len(board.visits.total.held)
    assert sorted(data["visits"]["total"]["held"]["ids"]) == sorted(board.visits.total.held)
