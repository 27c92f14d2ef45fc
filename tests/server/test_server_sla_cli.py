"""``fieldapp server sla show|set|breaches``: a manager's policy edit from the command line,
on SQLite and PostgreSQL. Bad input is one clear line and changes nothing; an edit reaches
the laptops through the feed like any other change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from support.server_world import FAST_HASH, T0

from fieldapp.cli import main
from sync.server.auth import password_hasher
from sync.server.seed import DEMO_PASSWORD, seed_demo
from sync.server.tables import changes, open_database, records


@pytest.fixture
def seeded(database_url: str) -> str:
    engine = open_database(database_url)
    seed_demo(engine, password_hasher(FAST_HASH).hash(DEMO_PASSWORD), 40, 3, int(T0))
    engine.dispose()
    return database_url


def sla(tmp_path: Path, url: str, *args: str) -> list[str]:
    return ["server", "sla", *args, "--data", str(tmp_path / "srv"), "--database-url", url]


def stored(url: str) -> list[tuple[object, ...]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = [
            tuple(r)
            for r in conn.execute(
                sa.select(records).where(records.c.collection == "sla_policies").order_by("id")
            )
        ]
        rows += [
            tuple(r)
            for r in conn.execute(
                sa.select(changes).where(changes.c.collection == "sla_policies").order_by("seq")
            )
        ]
    engine.dispose()
    return rows


def test_show_lists_each_teams_policies(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(sla(tmp_path, seeded, "show", "--json")) == 0
    shown = {t["team"]: t for t in json.loads(capsys.readouterr().out)}
    assert shown["quebec"]["region"] == "QC" and shown["france"]["region"] == "FR"
    assert shown["quebec"]["policies"]["follow_up_handled"] == {"working_days": 2}
    assert main(sla(tmp_path, seeded, "show", "--team", "quebec")) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("quebec (region QC")
    assert "follow_up_handled   2 working days" in out


def test_set_changes_one_commitment_and_the_feed_carries_it(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = stored(seeded)
    code = main(
        sla(tmp_path, seeded, "set", "--team", "quebec", "--kind", "report_written", "--hours", "8")
    )
    assert code == 0
    assert "quebec: report_written within 8 hours (region QC)" in capsys.readouterr().out
    engine = sa.create_engine(seeded)
    with engine.connect() as conn:
        [row] = [
            r
            for r in conn.execute(sa.select(records).where(records.c.collection == "sla_policies"))
            if json.loads(r.data)["team"] == "quebec"
        ]
        feed = conn.execute(
            sa.select(changes.c.seq, changes.c.territory).where(changes.c.record_id == row.id)
        ).one()
    engine.dispose()
    data = json.loads(row.data)
    assert data["policies"]["report_written"] == {"hours": 8}
    assert data["policies"]["follow_up_handled"] == {"working_days": 2}  # untouched
    assert feed.territory == "*" and feed.seq == row.version  # everyone's next sync
    assert stored(seeded) != before


@pytest.mark.parametrize(
    ("arguments", "code", "words"),
    [
        (["--team", "quebek", "--kind", "report_written", "--hours", "8"], 1, "no team 'quebek'"),
        (["--team", "quebec", "--kind", "reports", "--hours", "8"], 1, "Commitment must be one"),
        (["--team", "quebec", "--kind", "report_written", "--hours", "0"], 2, "from 1 to 720"),
        (["--team", "quebec", "--kind", "report_written", "--hours", "800"], 2, "from 1 to 720"),
        (["--team", "quebec", "--kind", "report_written", "--working-days", "x"], 2, "whole"),
        (["--team", "quebec", "--kind", "report_written"], 2, "one of the arguments"),
        (
            ["--team", "quebec", "--kind", "report_written", "--hours", "8", "--working-days", "1"],
            2,
            "not allowed with",
        ),
        (
            ["--team", "quebec", "--kind", "report_written", "--hours", "8", "--region", "ZZ"],
            1,
            "Region must be one of",
        ),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    tmp_path: Path,
    seeded: str,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    code: int,
    words: str,
) -> None:
    before = stored(seeded)
    assert main(sla(tmp_path, seeded, "set", *arguments)) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert words in err[-1], err
    assert "Traceback" not in "\n".join(err)
    assert stored(seeded) == before


def test_a_new_team_needs_its_region_first(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = sa.create_engine(seeded)
    with engine.begin() as conn:  # a team known by its territory, with no agreement yet
        conn.execute(sa.text("INSERT INTO territories (name, team) VALUES ('Liège', 'belgique')"))
    engine.dispose()
    base = ["--team", "belgique", "--kind", "follow_up_handled", "--working-days", "3"]
    assert main(sla(tmp_path, seeded, "set", *base)) == 1
    assert "give its --region too" in capsys.readouterr().err
    assert main(sla(tmp_path, seeded, "set", *base, "--region", "be")) == 0
    assert main(sla(tmp_path, seeded, "show", "--team", "belgique", "--json")) == 0
    [shown] = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert (shown["region"], shown["defaults"]) == ("BE", False)
    assert shown["policies"]["follow_up_handled"] == {"working_days": 3}


def test_breaches_lists_what_is_late_by_the_servers_clock(
    tmp_path: Path, seeded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(sla(tmp_path, seeded, "breaches", "--json")) == 0
    late = json.loads(capsys.readouterr().out)
    # The demo organisation has late reports, reviews and follow-ups (docs/team-loop.md).
    assert late and {b["state"] for b in late} <= {"overdue", "met_late"}
    assert all(b["late_by_seconds"] > 0 for b in late)
    assert main(sla(tmp_path, seeded, "breaches", "--team", "nowhere")) == 1
    assert "no team 'nowhere'" in capsys.readouterr().err
