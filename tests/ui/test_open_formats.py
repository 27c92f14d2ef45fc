"""Open formats from the window: the File menu's exports read back with their formats'
own libraries, the import dialog shows a file, its mapping and its bad rows and writes
nothing before Import is pressed, and the subscribed calendar follows each change."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import icalendar
import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from fieldapp.demo.generator import generate
from fieldapp.demo.loader import load_demo
from fieldapp.exports.ics import subscribed_calendar_path
from fieldapp.store.database import Store, open_store
from fieldapp.usecases.people import current_user
from fieldapp.usecases.visits import cancel_visit
from ui.context import AppContext, build_context
from ui.dialogs.import_dialog import ImportDialog
from ui.i18n import Languages
from ui.main_window import MainWindow
from ui.settings import AppSettings

T = TypeVar("T")

FRENCH_EXCEL = (
    "Nom;Niveau;Adresse;Ville;Code postal;Pays;Téléphone;Remarque\r\n"
    "Quincaillerie Été;B;12 rue Principale;Laval;H7N 1A1;CA;450 555-1234;à rappeler\r\n"
    "Boulangerie Test;Z;3 rue Y;Québec;G1R 2B2;CA;418 555-0000;\r\n"
    "Fromagerie Nord;A;8 rue du Lac;Alma;G8B 1A1;CA;;nouvelle\r\n"
).encode("cp1252")


def window_on(context: Any, qtbot: QtBot) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    return window


def run(context: AppContext, qtbot: QtBot, work: Callable[[Store], T]) -> T:
    box: list[T] = []
    context.tasks.read(work, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def counts(context: AppContext, qtbot: QtBot) -> tuple[int, int]:
    return run(
        context,
        qtbot,
        lambda s: (
            int(s.scalar("SELECT count(*) FROM accounts")),
            int(s.scalar("SELECT count(*) FROM outbox")),
        ),
    )


def said(window: MainWindow, qtbot: QtBot, action: Callable[[], None]) -> tuple[str, bool]:
    with qtbot.waitSignal(window.formats.said, timeout=15_000) as signal:
        action()
    sentence, failed = signal.args
    return str(sentence), bool(failed)


def checked(dialog: ImportDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    languages = Languages(qapp)
    languages.apply("fr")
    yield
    languages.clear()


def test_an_import_shows_the_file_its_mapping_and_bad_rows_and_writes_only_on_confirm(
    make_context: Any, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    context = make_context("field")
    window = window_on(context, qtbot)
    source = tmp_path / "comptes.csv"
    source.write_bytes(FRENCH_EXCEL)
    before = counts(context, qtbot)

    dialog = window.formats.import_from("accounts", source)
    qtbot.addWidget(dialog)
    checked(dialog, qtbot)
    # The preview: the file's own headers and first rows, as Excel wrote them.
    assert dialog.preview.columnCount() == 8 and dialog.preview.rowCount() == 3
    assert dialog.preview.horizontalHeaderItem(6).text() == "Téléphone"
    assert dialog.preview.item(0, 0).text() == "Quincaillerie Été"
    # The mapping guessed from the French headers; the remark column maps to nothing.
    assert dialog.combos["name"].currentText() == "Nom"
    assert dialog.combos["tier"].currentText() == "Niveau"
    assert dialog.combos["phone"].currentText() == "Téléphone"
    assert "Remarque" not in {combo.currentText() for combo in dialog.combos.values()}
    # The bad row by its spreadsheet number (the header is row 1) and why, in words.
    problems = dialog.problem_rows()
    assert [(number, field) for number, field, _ in problems] == [(3, "Tier")]
    assert "Tier must be one of A, B, C" in problems[0][2]
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 2 rows"
    assert counts(context, qtbot) == before  # checking wrote nothing

    # Unmapping a required field: no import possible, and it says which column is missing.
    dialog.map_column("tier", None)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert "Tier" in dialog.error.text() and not dialog.import_button.isEnabled()
    dialog.map_column("tier", "Niveau")
    checked(dialog, qtbot)
    assert dialog.import_button.isEnabled()
    assert counts(context, qtbot) == before

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=10_000)
    accounts, outbox = counts(context, qtbot)
    assert accounts == before[0] + 2
    rows = run(
        context,
        qtbot,
        lambda s: s.rows(
            "SELECT a.name, a.tier, a.phone, o.collection FROM accounts a"
            " JOIN outbox o ON o.record_id = a.id WHERE a.city IN ('Laval', 'Alma', 'Québec')"
            " ORDER BY a.name"
        ),
    )
    assert [tuple(r) for r in rows] == [
        ("Fromagerie Nord", "A", None, "accounts"),
        ("Quincaillerie Été", "B", "450 555-1234", "accounts"),
    ]
    assert outbox >= before[1] + 2  # each waits in the outbox for the next sync
    assert "2 rows imported" in dialog.summary.text()


def test_a_bad_row_reads_in_french_and_the_dialog_fits_a_small_laptop(
    make_context: Any, qtbot: QtBot, tmp_path: Path, french: None
) -> None:
    context = make_context("field")
    source = tmp_path / "comptes.csv"
    source.write_bytes(FRENCH_EXCEL)
    dialog = ImportDialog(context, "accounts", source)
    qtbot.addWidget(dialog)
    dialog.show()
    checked(dialog, qtbot)
    (number, field, why), *_ = dialog.problem_rows()
    assert (number, field) == (3, "Niveau")
    assert why.startswith("Niveau doit être")
    assert dialog.import_button.text() == "Importer 2 lignes"
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40, hint
    assert dialog.width() <= 1366 and dialog.height() <= 768


def test_contacts_import_names_a_missing_account_and_checks_again_after_a_new_mapping(
    make_context: Any, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    context = make_context("field")
    account = run(context, qtbot, lambda s: s.query("SELECT name, city FROM accounts LIMIT 1")[0])
    source = tmp_path / "contacts.csv"
    source.write_text(
        "Company,Town,First name,Surname,E-mail\n"
        f"{account['name']},{account['city']},Ana,Nouvelle,ana@example.com\n"
        "Nowhere Inc,Nowhere,Bob,Absent,bob@example.com\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(context, "contacts", source)
    qtbot.addWidget(dialog)
    checked(dialog, qtbot)
    assert dialog.combos["account"].currentText() == "Company"
    assert dialog.combos["account_city"].currentText() == "Town"
    assert [(n, f) for n, f, _ in dialog.problem_rows()] == [(3, "Account")]
    assert "Nowhere Inc" in dialog.problem_rows()[0][2]
    # Mapping the e-mail column to the last name instead: the check runs again.
    dialog.map_column("last_name", "E-mail")
    checked(dialog, qtbot)
    assert dialog.combos["last_name"].currentText() == "E-mail"
    assert dialog.import_button.text() == "Import 1 row"


def test_each_export_of_the_file_menu_writes_a_file_its_format_reads(
    make_context: Any, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    context = make_context("field")
    window = window_on(context, qtbot)
    formats = window.formats

    ics = tmp_path / "visits.ics"
    sentence, failed = said(
        window, qtbot, lambda: formats.export_calendar_to(ics, date(2026, 1, 1), date(2027, 12, 31))
    )
    assert not failed and str(ics) in sentence
    events = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    stored = run(context, qtbot, lambda s: s.scalar("SELECT count(*) FROM visits"))
    assert len(events) == stored > 0

    vcf = tmp_path / "contacts.vcf"
    assert not said(window, qtbot, lambda: formats.export_contacts_to(vcf))[1]
    cards = list(vobject.readComponents(vcf.read_text(encoding="utf-8")))
    assert len(cards) == run(context, qtbot, lambda s: s.scalar("SELECT count(*) FROM contacts"))

    for name, column in (
        ("accounts", "name"),
        ("contacts", "last_name"),
        ("review", "note_id"),
        ("kpi", "measure"),
        ("kpi:coverage", "tier"),
        ("kpi:visits", "planned"),
    ):
        path = tmp_path / f"{name.replace(':', '-')}.csv"
        sentence, failed = said(window, qtbot, lambda n=name, p=path: formats.export_list_to(n, p))
        assert not failed, sentence
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its mark
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            lines = list(reader)
        assert reader.fieldnames is not None and column in reader.fieldnames, name
        if name in ("accounts", "contacts", "kpi"):
            assert lines, name


def test_the_accounts_csv_holds_what_the_list_shows(
    make_context: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(make_context("field"), qtbot)
    window.show_page("accounts")
    window.accounts.tier_box.setCurrentIndex(window.accounts.tier_box.findData("A"))
    path = tmp_path / "a.csv"
    assert not said(window, qtbot, lambda: window.formats.export_list_to("accounts", path))[1]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        tiers = {line["tier"] for line in csv.DictReader(handle)}
    assert tiers == {"A"}


def test_the_menu_asks_for_a_file_and_writes_where_the_dialog_says(
    make_context: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(make_context("field"), qtbot)
    window.format_actions["export_contacts"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "exportFileDialog") is not None)
    dialog = window.findChild(QFileDialog, "exportFileDialog")
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "chosen.vcf"
    with qtbot.waitSignal(window.formats.said, timeout=10_000):
        dialog.fileSelected.emit(str(target))
    assert list(vobject.readComponents(target.read_text(encoding="utf-8")))
    assert window.statusBar().currentMessage().endswith(str(target))


def test_the_subscribed_calendar_follows_a_cancelled_visit(
    make_context: Any, qtbot: QtBot, english: None
) -> None:
    context = make_context("field")
    window = window_on(context, qtbot)
    path = subscribed_calendar_path(context.profile_dir)
    assert window.formats.calendar.path == path
    qtbot.waitUntil(path.exists, timeout=10_000)
    visit_id = run(
        context,
        qtbot,
        lambda s: s.scalar(
            "SELECT id FROM visits WHERE status = 'planned' ORDER BY planned_start DESC LIMIT 1"
        ),
    )

    def status() -> str:
        events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        return next(str(e["STATUS"]) for e in events if str(e["UID"]).startswith(visit_id))

    assert status() == "CONFIRMED"
    context.tasks.write(lambda s: cancel_visit(s, visit_id))
    # Rewritten by itself after the change (a subscribed calendar then drops the visit).
    qtbot.waitUntil(lambda: status() == "CANCELLED", timeout=10_000)
    assert window.formats.calendar.problem is None
    dialog = window.formats.show_subscription()
    qtbot.addWidget(dialog)
    assert dialog.path_field.text() == str(path)
    assert dialog.url_field.text().startswith("file://")


def test_a_calendar_file_that_cannot_be_written_is_said_in_the_subscription_dialog(
    make_context: Any, qtbot: QtBot, english: None
) -> None:
    context = make_context("field")
    blocker = subscribed_calendar_path(context.profile_dir).parent
    blocker.write_text("not a folder", encoding="utf-8")  # where the folder should be
    window = window_on(context, qtbot)
    calendar = window.formats.calendar
    qtbot.waitUntil(lambda: calendar.problem is not None, timeout=10_000)
    dialog = window.formats.show_subscription()
    qtbot.addWidget(dialog)
    assert dialog.problem.text().startswith("The file could not be written")
    blocker.unlink()
    context.tasks.write(lambda s: cancel_visit(s, _planned_visit(s)))
    qtbot.waitUntil(lambda: subscribed_calendar_path(context.profile_dir).exists(), timeout=10_000)
    qtbot.waitUntil(lambda: calendar.problem is None, timeout=10_000)


def _planned_visit(store: Store) -> str:
    return str(store.scalar("SELECT id FROM visits WHERE status = 'planned' LIMIT 1"))


def test_the_menu_opens_an_import_from_the_file_chosen(
    make_context: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    window = window_on(make_context("field"), qtbot)
    source = tmp_path / "comptes.csv"
    source.write_bytes(FRENCH_EXCEL)
    window.format_actions["import_accounts"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, "importFileDialog") is not None)
    chooser = window.findChild(QFileDialog, "importFileDialog")
    assert chooser is not None
    chooser.fileSelected.emit(str(source))
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and dialog.target == "accounts" and dialog.path == source
    checked(dialog, qtbot)
    assert dialog.report is not None and dialog.report.valid == 2


def test_accounts_exported_from_one_laptop_import_into_another(
    make_context: Any, qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    source = make_context("field")
    window = window_on(source, qtbot)
    exported = tmp_path / "accounts.csv"
    assert not said(window, qtbot, lambda: window.formats.export_list_to("accounts", exported))[1]
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        wanted = sorted((r["name"], r["city"], r["tier"]) for r in csv.DictReader(handle))

    other_profile = tmp_path / "other"
    with open_store(other_profile, create=True) as store:
        load_demo(store, generate(4, seed=11), signed_in_as="field")
        user = current_user(store)
    other = build_context(other_profile, user, AppSettings(tmp_path / "other.ini"))
    try:
        before = counts(other, qtbot)
        dialog = ImportDialog(other, "accounts", exported)
        qtbot.addWidget(dialog)
        checked(dialog, qtbot)
        assert dialog.problem_rows() == []  # FieldApp's own columns map themselves
        assert all(dialog.combos[n].currentText() == n for n in ("name", "tier", "city"))
        dialog.confirm()
        qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20_000)
        after = counts(other, qtbot)
        assert after[0] == before[0] + len(wanted)
        assert after[1] >= before[1] + len(wanted)
        names = {(n, c, t) for n, c, t in wanted}
        got = run(other, qtbot, lambda s: s.rows("SELECT name, city, tier FROM accounts"))
        assert names <= {tuple(r) for r in got}
        # The same file again: every row is already there, nothing is written twice.
        again = ImportDialog(other, "accounts", exported)
        qtbot.addWidget(again)
        checked(again, qtbot)
        assert again.report is not None and again.report.duplicates == len(wanted)
        assert not again.import_button.isEnabled()
    finally:
        other.close()
