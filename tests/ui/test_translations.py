"""The French catalogue covers every string of the interface, and the app speaks it."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.core_world import T0

from ui.formatting import relative_time
from ui.i18n import Languages
from ui.pages.review import ReviewPage
from ui.translations import build

UI_DIR = Path(build.__file__).resolve().parents[1]


def test_the_french_catalogue_has_every_source_string_translated_and_compiled() -> None:
    assert build.check() == []


# The window's words for error codes look a code up at run time; the codes and fragments
# it looks up are declared as literals in ui/error_catalogue.py, generated from the core's
# catalogue (tests/ui/test_error_words.py checks that each is translated).
LOOKED_UP_AT_RUN_TIME = {UI_DIR / "error_words.py"}


def test_every_translated_string_is_a_literal_lupdate_can_see() -> None:
    hidden = []
    for path in build.sources():
        if path in LOOKED_UP_AT_RUN_TIME:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name = node.func.attr
            literal_args = {"tr": 1, "translate": 2}.get(name, 0)
            args = node.args[:literal_args]
            if literal_args and not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                hidden.append(f"{path.relative_to(UI_DIR.parent)}:{node.lineno} {name}()")
    assert hidden == []


def test_the_scan_notices_a_string_built_at_run_time(tmp_path: Path) -> None:
    # The check above must be able to fail: the same rule on a bad line.
    bad = ast.parse('self.tr(f"Hello {name}")').body[0].value  # type: ignore[attr-defined]
    assert not isinstance(bad.args[0], ast.Constant)


def test_switching_to_french_translates_the_pages(make_context, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        assert languages.apply("fr") == "fr"
        page = ReviewPage(make_context("inside"))
        qtbot.addWidget(page)
        assert page.reviewed_button.text() == "Marquer comme révisé"
        assert page.reply_button.text() != "Send feedback"
    finally:
        languages.clear()  # later tests see the source strings
    page = ReviewPage(make_context("inside"))
    qtbot.addWidget(page)
    assert page.reviewed_button.text() == "Mark reviewed"


def test_english_counts_read_as_english_one_or_many(qapp: object) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        languages.apply("en")
        assert relative_time(T0 - timedelta(minutes=1), T0) == "1 minute ago"
        assert relative_time(T0 - timedelta(minutes=5), T0) == "5 minutes ago"
    finally:
        languages.clear()
    assert relative_time(T0 - timedelta(hours=2), T0) == "2 hour(s) ago"


def test_the_wording_a_francophone_reviewer_flagged(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.labels import team_in_sentence

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        languages.apply("fr")
        say = QCoreApplication.translate
        assert say("MainWindow", "Review") == "À réviser"
        assert say("ReviewPage", "Mark reviewed") == "Marquer comme révisé"
        assert say("BriefingPane", "reviewed") == "révisé"
        assert say("AccountsPage", "&Due for a visit") == "&Visites dues"
        assert say("PendingChangesModel", "Record") == "Fiche"
        # "pour l'équipe interne", not "pour Équipe interne".
        line = say("BriefingPane", "%1 — for %2, due %3").replace("%2", team_in_sentence("inside"))
        assert "pour l'équipe interne" in line
    finally:
        languages.clear()
