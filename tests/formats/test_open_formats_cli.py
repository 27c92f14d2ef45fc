"""Open formats through the command line, on real profiles: every export reads back with
the library made for its format, and a CSV import writes nothing it should not."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import vobject

from fieldapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make_demo(folder: Path, accounts: int, seed: int) -> Path:
    assert (
        main(
            [
                "init",
                "--profile",
                str(folder),
                "--demo",
                "--accounts",
                str(accounts),
                "--seed",
                str(seed),
            ]
        )
        == 0
    )
    return folder


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("formats") / "profile"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FIELDAPP_LOG_DIR", str(folder.parent / "logs"))
        yield make_demo(folder, 20, 7)


def rows(profile: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(profile / "fieldapp.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_planned_visits_export_as_icalendar_and_read_back(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "visits.ics"
    code, _, err = run(
        capsys,
        "export-calendar",
        "--profile",
        str(demo),
        "--from",
        "2021-01-01",
        "--to",
        "2030-01-01",
        "--out",
        str(out),
    )
    assert code == 0, err
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    stored = rows(demo, "SELECT v.id, a.name FROM visits v JOIN accounts a ON a.id = v.account_id")
    assert len(events) == len(stored) > 0
    for visit_id, account in stored:
        assert str(events[str(visit_id)]["SUMMARY"]) == account


def test_contacts_export_as_vcards_and_read_back(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "contacts.vcf"
    code, _, err = run(capsys, "export-contacts", "--profile", str(demo), "--out", str(out))
    assert code == 0, err
    cards = list(vobject.readComponents(out.read_text(encoding="utf-8")))
    stored = rows(
        demo, "SELECT c.email, a.name FROM contacts c JOIN accounts a ON a.id = c.account_id"
    )
    assert len(cards) == len(stored) > 0
    by_email = {card.email.value: card.org.value[0] for card in cards if hasattr(card, "email")}
    for email, account in stored:
        if email:
            assert by_email[email] == account


def test_accounts_csv_round_trips_into_another_profile(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(tmp_path / "logs"))
    out = tmp_path / "accounts.csv"
    assert run(capsys, "export-csv", "accounts", "--profile", str(demo), "--out", str(out))[0] == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its BOM
    other = make_demo(tmp_path / "other", 3, 11)
    before = rows(other, "SELECT count(*) FROM accounts")[0][0]
    code, out_text, err = run(capsys, "import", "accounts", str(out), "--profile", str(other))
    assert code == 0, out_text + err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        exported = sorted((r["name"], r["city"], r["postal_code"]) for r in csv.DictReader(handle))
    imported = sorted(
        (str(n), str(c), str(p))
        for n, c, p in rows(
            other,
            "SELECT name, city, postal_code FROM accounts ORDER BY created_at DESC "
            f"LIMIT {len(exported)}",
        )
    )
    assert imported == exported
    assert rows(other, "SELECT count(*) FROM accounts")[0][0] == before + len(exported)
    # Each imported account waits in the outbox, to reach the central CRM.
    assert rows(other, "SELECT count(*) FROM outbox")[0][0] >= len(exported)


def test_a_french_excel_file_with_bad_rows_reports_each_row_and_a_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(tmp_path / "logs"))
    profile = make_demo(tmp_path / "p", 3, 5)
    source = tmp_path / "comptes.csv"
    source.write_bytes(
        "Nom;Niveau;Adresse;Ville;Code postal;Pays;Téléphone\r\n"
        "Quincaillerie Été;B;12 rue Principale;Laval;H7N 1A1;CA;450 555-1234\r\n"
        ";A;1 rue X;Laval;H7N 1A1;CA;\r\n"
        "Boulangerie Test;Z;3 rue Y;Québec;G1R 2B2;CA;418 555-0000\r\n".encode("cp1252")
    )
    counts = "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM outbox)"
    before = rows(profile, counts)
    code, out, err = run(
        capsys, "import", "accounts", str(source), "--profile", str(profile), "--dry-run"
    )
    assert code == 1
    assert "row 3: name:" in out + err and "row 4: tier:" in out + err
    assert "Traceback" not in err
    assert rows(profile, counts) == before
    code, out, err = run(capsys, "import", "accounts", str(source), "--profile", str(profile))
    assert code == 1  # rows had errors: said so, and only the valid one is written
    assert rows(profile, "SELECT name FROM accounts WHERE city = 'Laval'") == [
        ("Quincaillerie Été",)
    ]


def test_key_figures_export_as_csv_files_the_terminal_prints_the_same(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    summary_file = tmp_path / "kpi.csv"
    code, _, err = run(
        capsys,
        "export-csv",
        "kpi",
        "--profile",
        str(demo),
        "--period",
        "quarter",
        "--date",
        "2026-11-15",
        "--out",
        str(summary_file),
    )
    assert code == 0, err
    assert summary_file.read_bytes().startswith(b"\xef\xbb\xbf")  # for Excel
    code, printed, err = run(
        capsys,
        "kpi",
        "--profile",
        str(demo),
        "--period",
        "quarter",
        "--date",
        "2026-11-15",
        "--csv",
    )
    assert code == 0, err
    assert summary_file.read_text(encoding="utf-8-sig") == printed
    with summary_file.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert {"visits", "coverage", "sla"} <= {line["figure"] for line in lines}

    coverage_file = tmp_path / "coverage.csv"
    code, _, err = run(
        capsys,
        "export-csv",
        "kpi",
        "--figure",
        "coverage",
        "--period",
        "quarter",
        "--date",
        "2026-11-15",
        "--profile",
        str(demo),
        "--out",
        str(coverage_file),
    )
    assert code == 0, err
    with coverage_file.open(encoding="utf-8-sig", newline="") as handle:
        tiers = [line["tier"] for line in csv.DictReader(handle)]
    assert {"A", "B", "C"} <= set(tiers)


def test_figure_options_on_another_list_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "a.csv"
    code, _, err = run(
        capsys,
        "export-csv",
        "accounts",
        "--figure",
        "coverage",
        "--profile",
        str(demo),
        "--out",
        str(out),
    )
    assert code != 0 and "export-csv kpi" in err
    assert not out.exists()
    code, _, err = run(
        capsys,
        "export-csv",
        "kpi",
        "--figure",
        "nothing",
        "--period",
        "month",
        "--profile",
        str(demo),
        "--out",
        str(out),
    )
    assert code != 0 and "nothing" in err and not out.exists()


def test_the_subscribed_calendar_keeps_its_name_and_is_rewritten_only_when_it_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fieldapp.exports.ics import refresh_subscribed_calendar, subscribed_calendar_path
    from fieldapp.store.database import open_store

    monkeypatch.setenv("FIELDAPP_LOG_DIR", str(tmp_path / "logs"))
    profile = make_demo(tmp_path / "p", 3, 5)
    capsys.readouterr()
    path = subscribed_calendar_path(profile)
    assert path.parent.name == "calendar" and path.parent != profile  # not beside the db
    with open_store(profile) as store:
        # The window names it in the user's language...
        assert refresh_subscribed_calendar(store, profile, name="Visites FieldApp")
        assert not refresh_subscribed_calendar(store, profile)  # same visits, same bytes
    # ... and the terminal rewrites it without renaming it.
    code, out, err = run(capsys, "export-calendar", "--subscribed", "--profile", str(profile))
    assert code == 0, err
    assert out.strip().splitlines()[-1] == str(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Visites FieldApp"
    assert len(calendar.walk("VEVENT")) > 0
