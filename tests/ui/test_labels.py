"""The words for the same thing live in one place (``ui/labels.py``): one ``plain_label``, one
``error_label``, one table per vocabulary, one wording of the connection state."""

from __future__ import annotations

import ast
import itertools
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.screen_colours import in_error_colour

import ui
from fieldapp.catalogue import COLLECTIONS, FIELDS, vocabulary
from fieldapp.team.policies import CommitmentKind
from ui.i18n import Languages
from ui.labels import (
    collection_label,
    connection_words,
    error_label,
    field_labels,
    plain_label,
    show_error,
)
from ui.pages.sync_page import SyncPage
from ui.status_area import StatusArea
from ui.sync_worker import Connection
from ui.visit_report import ReportForm

UI_DIR = Path(ui.__file__).resolve().parent
HOME = UI_DIR / "labels.py"
FACTORY_WORDS = ("plain_label", "error_label")
TRANSLATORS = ("tr", "translate")
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse

# What a table of words would be keyed by: the vocabulary's codes (and its members by
# name), the collections and their fields.
ENUMS = {
    name: enum
    for name, enum in vars(vocabulary).items()
    if isinstance(enum, type) and issubclass(enum, StrEnum) and enum is not StrEnum
} | {"CommitmentKind": CommitmentKind}
CODES = frozenset(
    {member.value for enum in ENUMS.values() for member in enum}
    | set(COLLECTIONS)
    | {name for fields in FIELDS.values() for name in fields}
)
CODE_CONSTANTS = frozenset({"LEAD_RETURNED"})  # fieldapp.usecases.work_queue


# -- the scan -------------------------------------------------------------------------
def _is_code(key: ast.expr | None) -> bool:
    if isinstance(key, ast.Constant):
        return key.value in CODES
    if isinstance(key, ast.Name):  # a code of the core named as a constant
        return key.id in CODE_CONSTANTS
    # VisitStatus.PLANNED, also reached as catalogue.VisitStatus.PLANNED
    if isinstance(key, ast.Attribute):
        owner = key.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        return name in ENUMS
    return False


def _is_translated(value: ast.expr) -> bool:
    if not isinstance(value, ast.Call):
        return False
    func = value.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return name in TRANSLATORS


def strays(source: str, where: str) -> list[str]:
    """What in ``source`` belongs in ui/labels.py: a label factory named like ours, or a
    table (a dict of two entries or more) from codes to translated words."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if any(word in node.name for word in FACTORY_WORDS):
                found.append(f"{where}:{node.lineno} def {node.name}")
        elif (
            isinstance(node, ast.Dict)
            and len(node.keys) >= 2
            and all(_is_code(k) for k in node.keys)
            and any(map(_is_translated, node.values))
        ):
            found.append(f"{where}:{node.lineno} a table of translated codes")
    return found


def test_label_factories_and_tables_of_codes_live_only_in_ui_labels() -> None:
    scanned = [p for p in sorted(UI_DIR.rglob("*.py")) if p != HOME]
    assert len(scanned) > 50  # the whole of ui/, not an empty folder
    found = [
        stray
        for path in scanned
        for stray in strays(path.read_text(encoding="utf-8"), str(path.relative_to(UI_DIR)))
    ]
    assert found == []


def test_the_scan_recognises_every_table_and_factory_of_ui_labels() -> None:
    # Run on ui/labels.py itself, the scan must see what it keeps out of everywhere else:
    # the proof that it would notice one of them written the same way in another module.
    found = strays(HOME.read_text(encoding="utf-8"), "labels.py")
    tables = [f for f in found if "table" in f]
    factories = [f for f in found if "def " in f]
    # outcomes, visit statuses, teams (as labels and inside a sentence), stages,
    # operations, hand-off steps, what is owed, collections, fields; the dashboard's
    # commitments, their medians, records' statuses; people's roles (the header); the kinds
    # of note (the sync page's generic field values)
    assert len(tables) == 15
    assert [f.split("def ")[1] for f in factories] == ["plain_label", "error_label"]


def test_the_scan_notices_a_factory_or_a_table_written_elsewhere() -> None:
    stray = """
def _error_label(part):
    return QLabel()

class Page:
    def status_plain_label(self):
        return QLabel()

    def stage(self, code):
        return {
            "prospecting": self.tr("Prospecting"),
            "proposal": self.tr("Proposal"),
        }.get(code, code)

def kinds():
    return {
        VisitStatus.PLANNED: QCoreApplication.translate("Page", "Planned"),
        catalogue.VisitStatus.NO_SHOW: QCoreApplication.translate("Page", "No-show"),
    }
"""
    assert [s.split(" ", 1)[1] for s in strays(stray, "page.py")] == [
        "def _error_label",
        "def status_plain_label",
        "a table of translated codes",
        "a table of translated codes",
    ]
    # Not a table of words: codes to numbers, one entry, words keyed by something else.
    innocent = """
ORDER = {"planned": 0, "completed": 1}
ONE = {"accounts": tr("Account")}
HEADINGS = {0: tr("Account"), 1: tr("City")}
"""
    assert strays(innocent, "page.py") == []


# -- the labels -----------------------------------------------------------------------
def test_a_plain_label_shows_people_s_words_as_they_are(qtbot: QtBot) -> None:
    label = plain_label("<b>Tremblay & fils</b>", name="accountName")
    qtbot.addWidget(label)
    assert label.objectName() == "accountName" and label.wordWrap()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert not label.textInteractionFlags() & SELECTABLE
    selectable = plain_label("514 555 0100", selectable=True)
    qtbot.addWidget(selectable)
    assert selectable.textInteractionFlags() & SELECTABLE


def test_an_error_line_is_hidden_until_it_says_something_in_the_error_colour(
    qtbot: QtBot,
) -> None:
    label = error_label("formError")
    qtbot.addWidget(label)
    assert label.objectName() == "formError" and label.isHidden()
    show_error(label, "Note cannot be empty.")
    assert not label.isHidden() and in_error_colour(label)
    show_error(label, "")
    assert label.isHidden()
    words = plain_label("Note cannot be empty.")
    qtbot.addWidget(words)
    assert not in_error_colour(words)  # the check can fail


def test_the_visit_report_explains_a_refusal_in_the_error_colour(qtbot: QtBot) -> None:
    # Its lines carried a "role" property for a style sheet the app never had: they were
    # black like the text around them.
    form = ReportForm()
    qtbot.addWidget(form)
    for part, label in form.errors.items():
        label.setText("Choose how the visit went.")
        assert in_error_colour(label), part


# -- the connection -------------------------------------------------------------------
def test_each_connection_state_has_its_own_word_and_a_sentence() -> None:
    states = [
        connection_words(connection, syncing)
        for connection, syncing in itertools.product(Connection, (False, True))
    ]
    assert all(w.short and w.detail.endswith(".") for w in states)
    # Syncing is one state whatever the connection was before it.
    assert len({w.short for w in states}) == len(Connection) + 1
    assert len({w.detail for w in states}) == len(Connection) + 1


def test_the_status_bar_and_the_sync_page_word_the_connection_alike(
    make_context, qtbot: QtBot
) -> None:
    context = make_context("field")
    status = StatusArea(context)
    page = SyncPage(context)
    qtbot.addWidget(status)
    qtbot.addWidget(page)
    # No cycle has run: both say so the same way, and neither claims "never synced".
    assert context.sync.connection is Connection.UNKNOWN
    assert status.connection_label.text() == "Connection not checked yet"
    assert page.connection_label.text() == "Connection not checked yet"
    for connection in Connection:
        context.sync.connection = connection
        context.sync.connection_changed.emit(connection)
        words = connection_words(connection, False)
        assert status.connection_label.text() == page.connection_label.text() == words.short
        assert status.connection_label.toolTip() == page.connection_detail.text() == words.detail


def test_the_connection_is_worded_in_french(qapp: object) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        assert languages.apply("fr") == "fr"
        offline = connection_words(Connection.OFFLINE, False)
        assert offline.short == "Hors ligne"
        assert offline.detail.startswith("Les modifications sont conservées ici")
        unknown = connection_words(Connection.UNKNOWN, False)
        assert unknown.short == "Connexion pas encore vérifiée"
    finally:
        languages.clear()
    assert connection_words(Connection.OFFLINE, False).short == "Offline"


# -- collections and fields -----------------------------------------------------------
def test_every_collection_and_field_of_the_catalogue_reads_as_words(qapp: object) -> None:
    # The Sync page names the record and the fields of each conflict, rejection and
    # pending change: a code ("handoff_events", "claimed_by") is not a word for a rep.
    fields = field_labels()
    unnamed = [c for c in COLLECTIONS if collection_label(c) == c]
    unworded = sorted({f for c in COLLECTIONS for f in FIELDS[c] if f not in fields})
    assert unnamed == [] and unworded == []


def test_the_hand_offs_collections_and_fields_are_worded_in_french(qapp: object) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        assert languages.apply("fr") == "fr"
        english = {"Lead", "Hand-off step", "Claimed by", "Outcome", "Team agreement"}
        words = {
            collection_label("leads"),
            collection_label("handoff_events"),
            collection_label("sla_policies"),
            field_labels()["claimed_by"],
            field_labels()["outcome"],
        }
        assert not words & english, words
        assert collection_label("leads") == "Piste"
    finally:
        languages.clear()
