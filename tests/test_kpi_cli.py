"""``fieldapp kpi``, driven in-process through ``main([...])`` on real profiles: the summary,
JSON with the ids behind each number, CSV, one figure and its records, and one clear line
(exit 2, nothing changed) for anything said wrong."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from support.core_world import FakeClock
from support.kpi_world import NOW, PARIS, build, local

from fieldapp.cli import main
from fieldapp.store import open_store

WEEK = ["--period", "week", "--date", "2026-11-18", "--time-zone", "America/Toronto"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("fieldapp: error: ")
    assert "Traceback" not in err
    return lines[0]


def nov(day: int) -> date:
    return date(2026, 11, day)


@pytest.fixture(scope="module")
def manager_profile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A manager's profile: Julie's week of November 16th, Paul's visit in Paris."""
    folder = tmp_path_factory.mktemp("kpi-cli") / "profile"
    with open_store(folder, create=True, clock=FakeClock(NOW)) as store:
        world = build(store, FakeClock(NOW))
        shop = world.account("Shop", owner="julie", tier="A")
        far = world.account("Far shop", owner="julie", longitude=-73.4)
        for day, status in [
            (16, "completed"),
            (17, "completed"),
            (18, "cancelled"),
            (19, "no_show"),
        ]:
            world.visit(shop, rep="julie", start=local(nov(day), 9), status=status, position=0)
        visit = world.visit(far, rep="julie", start=local(nov(17), 11), position=1)
        world.report(visit, at=local(nov(18), 15))  # 27 h after: late
        paris = world.account("Paris", owner="paul", country="FR")
        world.visit(paris, rep="paul", start=local(nov(19), 10, zone=PARIS))
        world.opportunity(shop, stage="closed_won", amount=1200.0, close_date="2026-11-20")
    yield folder


def table_rows(profile: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(profile / "fieldapp.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_summary_shows_every_figure_of_the_week(
    capsys: pytest.CaptureFixture[str], manager_profile: Path
) -> None:
    code, out, err = run(capsys, "kpi", "--profile", str(manager_profile), *WEEK)
    assert (code, err) == (0, "")
    assert "Key figures for 2026-W47 (2026-11-16 to 2026-11-22, America/Toronto)" in out
    assert "the organisation; snapshots as of 2026-11-22" in out
    for title in (
        "Visits planned vs held",
        "Coverage of A/B/C accounts",
        "Meeting → deal",
        "Travel (planned km)",
        "SLA: on-time share",
        "Awaiting review",
    ):
        assert title in out
    julie = next(line for line in out.splitlines() if line.startswith("julie "))
    assert julie.split()[1:6] == ["5", "3", "1", "1", "0"]  # planned, held, cancelled, …
    # Every kind of commitment has its row, the hand-offs' too (none handed this week).
    for kind in ("report_written", "follow_up_handled", "lead_visit_planned", "lead_visit_held"):
        assert kind in out
    assert "hand-off → first visit: —" in out and "not measured" not in out
    assert "Breaches: " in out


def test_json_carries_the_ids_behind_every_number(
    capsys: pytest.CaptureFixture[str], manager_profile: Path
) -> None:
    code, out, _ = run(capsys, "kpi", "--profile", str(manager_profile), *WEEK, "--json")
    assert code == 0
    data = json.loads(out)
    held = data["visits"]["total"]["held"]
    assert held["count"] == 4 == len(held["ids"])
    stored = {
        row[0]
        for row in table_rows(manager_profile, "SELECT id FROM visits WHERE status = 'completed'")
    }
    assert set(held["ids"]) == stored
    assert data["period"]["first_day"] == "2026-11-16"
    assert data["scope"] == {"kind": "organisation", "name": None}
    assert data["conversion"]["total"]["won_opportunities"]["count"] == 1
    assert data["sla"]["breaches"][0]["kind"] == "report_written"


def test_csv_summary_has_one_number_a_row(
    capsys: pytest.CaptureFixture[str], manager_profile: Path
) -> None:
    code, out, _ = run(capsys, "kpi", "--profile", str(manager_profile), *WEEK, "--csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["figure", "group", "measure", "value"]
    assert ["visits", "all", "held", "4"] in rows
    assert ["visits", "julie", "planned", "5"] in rows
    assert ["conversion", "all", "amount_won_CAD", "1200.0"] in rows


def test_one_figure_and_the_records_behind_it(
    capsys: pytest.CaptureFixture[str], manager_profile: Path
) -> None:
    profile = ["kpi", "--profile", str(manager_profile), *WEEK]
    code, out, _ = run(capsys, *profile, "--figure", "visits", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    everyone = next(r for r in rows if r["rep"] == "all" and r["week"] == "all")
    assert (code, everyone["planned"], everyone["held"]) == (0, "6", "4")
    code, out, _ = run(capsys, *profile, "--figure", "visits", "--records", "--csv")
    records = list(csv.DictReader(io.StringIO(out)))
    assert len(records) == 6 and {r["collection"] for r in records} == {"visits"}
    assert sorted(r["became"] for r in records) == [
        "cancelled",
        "held",
        "held",
        "held",
        "held",
        "no_show",
    ]
    code, out, _ = run(capsys, *profile, "--figure", "breaches")
    assert code == 0 and "report_written" in out and "Far shop" in out
    code, out, _ = run(capsys, *profile, "--figure", "overdue", "--json")
    assert code == 0 and "overdue_list" in json.loads(out)["overdue"]


def test_a_team_a_rep_and_explicit_days(
    capsys: pytest.CaptureFixture[str], manager_profile: Path
) -> None:
    base = ["kpi", "--profile", str(manager_profile), "--time-zone", "America/Toronto"]
    code, out, _ = run(
        capsys, *base, "--period", "week", "--date", "2026-11-18", "--team", "france", "--json"
    )
    assert code == 0 and json.loads(out)["visits"]["total"]["planned"]["count"] == 1
    code, out, _ = run(
        capsys, *base, "--from", "2026-11-17", "--to", "2026-11-17", "--rep", "julie", "--json"
    )
    data = json.loads(out)
    assert (code, data["period"]["kind"], data["visits"]["total"]["planned"]["count"]) == (
        0,
        "days",
        2,
    )
    code, out, _ = run(
        capsys, *base, "--period", "week", "--date", "2026-11-18", "--window", "1", "--json"
    )
    assert json.loads(out)["conversion"]["window_days"] == 1


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--period", "yearly"], "--period must be week, month or quarter"),
        (["--period"], "expected one argument"),
        ([], "choose --period"),
        (["--period", "week", "--date", "2026-13-01"], "--date must be a day written YYYY-MM-DD"),
        (["--from", "2026-11-01"], "--from and --to go together"),
        (["--from", "2026-11-05", "--to", "2026-11-01"], "before its first day"),
        (["--from", "2026-01-01", "--to", "2027-06-01"], "at most 366 days"),
        (["--period", "week", "--from", "2026-11-01", "--to", "2026-11-02"], "not both"),
        (["--period", "week", "--team", "lyon"], "No team named 'lyon'"),
        (["--period", "week", "--rep", "zoe"], "Nobody with the username 'zoe'"),
        (["--period", "week", "--team", "quebec", "--rep", "julie"], "--team or --rep"),
        (["--period", "week", "--figure", "weather"], "No figure named 'weather'"),
        (["--period", "week", "--records"], "add --figure NAME"),
        (["--period", "week", "--json", "--csv"], "--json or --csv"),
        (["--period", "week", "--window", "0"], "--window must be a number of days"),
        (["--period", "week", "--window", "soon"], "--window must be a number of days"),
        (["--period", "week", "--time-zone", "Mars/Olympus"], "Unknown time zone"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], manager_profile: Path, argv: list[str], says: str
) -> None:
    before = table_rows(manager_profile, "SELECT count(*) FROM outbox") + table_rows(
        manager_profile, "SELECT id, version, updated_at FROM visits ORDER BY id"
    )
    code, out, err = run(capsys, "kpi", "--profile", str(manager_profile), *argv)
    assert (code, out) == (2, "")
    assert says in one_error_line(err)
    assert before == table_rows(manager_profile, "SELECT count(*) FROM outbox") + table_rows(
        manager_profile, "SELECT id, version, updated_at FROM visits ORDER BY id"
    )


def test_a_field_rep_sees_their_own_figures_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = tmp_path / "rep"
    assert main(["init", "--profile", str(profile), "--demo", "--accounts", "20"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "kpi", "--profile", str(profile), "--period", "month", "--json")
    data = json.loads(out)
    assert (code, data["scope"]) == (0, {"kind": "rep", "name": "field"})
    assert [r["rep"] for r in data["visits"]["by_rep"]] == ["field"]
    code, out, err = run(
        capsys, "kpi", "--profile", str(profile), "--period", "month", "--team", "quebec"
    )
    assert (code, out) == (1, "")
    assert "about themselves" in one_error_line(err)


def test_a_missing_profile_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "kpi", "--profile", str(tmp_path / "none"), "--period", "week")
    assert (code, out) == (1, "")
    assert "No FieldApp profile" in one_error_line(err)
    assert not (tmp_path / "none").exists()
