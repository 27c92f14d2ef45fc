"""The window words the core's errors from their codes: every code has a French sentence
with the same parameters, and a French window shows it for a refusal of a use case."""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.error_codes import ENGLISH, english
from fieldapp.errors import ValidationError
from fieldapp.usecases.accounts import edit_account, get_account
from ui import error_catalogue, error_words
from ui.i18n import Languages
from ui.translations import build, declare_errors

from PySide6.QtCore import Qt  # isort: skip
from PySide6.QtWidgets import QApplication  # isort: skip

WAIT = 10000
FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    return {field for _text, field, _spec, _conv in FORMATTER.parse(template) if field}


def french(context: str) -> dict[str, Any]:
    return {m.source: m for m in build.messages(build.SOURCE) if m.context == context}


@pytest.fixture
def in_french(qapp: object) -> Iterator[None]:
    assert isinstance(qapp, QApplication)
    languages = Languages(qapp)
    assert languages.apply("fr") == "fr"
    yield
    languages.clear()  # later tests see the source strings


# -- the catalogue --------------------------------------------------------------------
def test_every_code_has_an_english_sentence_and_a_finished_french_one_with_its_placeholders() -> (
    None
):
    translated = french("ErrorWords")
    wrong = []
    for code, sentence in ENGLISH.items():
        message = translated.get(code)
        if not sentence.strip():
            wrong.append(f"{code}: no English sentence")
        elif message is None or message.unfinished or not message.translations[0].strip():
            wrong.append(f"{code}: no French sentence")
        elif placeholders(message.translations[0]) != placeholders(sentence):
            wrong.append(f"{code}: French {{placeholders}} differ from the English ones")
    assert wrong == []


def test_every_fragment_the_core_passes_is_translated() -> None:
    translated = french("ErrorFragments")
    fragments = declare_errors.fragments()
    assert "Start" in fragments and "check in" in fragments  # the scan finds them at all
    assert [f for f in fragments if f not in translated or translated[f].unfinished] == []


def test_the_declared_codes_are_the_catalogues() -> None:
    # ui/error_catalogue.py is generated: a code added to the core reaches lupdate.
    assert len(error_catalogue.CODES) == len(ENGLISH)
    assert declare_errors.TARGET.read_text(encoding="utf-8") == declare_errors.source()


def test_the_placeholder_check_notices_a_renamed_parameter() -> None:
    # The rule above must be able to fail.
    assert placeholders("{label} doit être une date.") != placeholders("{field} must be a date.")


# -- the wording ----------------------------------------------------------------------
def test_an_english_window_reads_the_cores_own_sentence(qapp: object) -> None:
    error = ValidationError("latitude", "check.must_number_got", label="Latitude", value="north")
    assert error_words.sentence(error) == str(error) == "Latitude must be a number (got north)."


def test_a_french_window_words_labels_numbers_and_the_cause_of_a_wrapped_error(
    in_french: None,
) -> None:
    inner = ValidationError("due_date", "check.must_date", label="Due date")
    error = ValidationError(
        "follow_ups.0.due_date", "drafts.follow_up", value=1200, message=inner.message
    )
    error.__cause__ = inner  # as ``raise … from exc`` sets it
    worded = error_words.sentence(error)  # fr-CA groups digits with U+00A0
    assert worded == "Suivi 1\u00a0200\u00a0: Échéance doit être une date."
    assert str(error) == "Follow-up 1200: Due date must be a date."


def test_a_french_window_words_a_visits_state_and_the_action(in_french: None) -> None:
    worded = error_words.words(
        "visits.cannot_visit", {"action": "check in", "value": "no show", "status": "no_show"}
    )
    assert worded.startswith("Impossible de signaler l\u2019arrivée\u00a0: la visite est")
    assert "no show" not in worded and "check in" not in worded


def test_an_unknown_code_still_reads_as_something(in_french: None) -> None:
    assert error_words.words("nowhere.no_such_code", {}) == english("nowhere.no_such_code", {})


# -- a window -------------------------------------------------------------------------
def test_a_french_account_form_shows_the_french_sentence_of_the_use_cases_refusal(
    make_context: Any, qtbot: QtBot, in_french: None
) -> None:
    from ui.dialogs.account_dialogs import EditAccountDialog
    from ui.pages.accounts import AccountsPage

    context: Any = make_context("field")
    page = AccountsPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.show()
    account_id = page.model.account_at(0).id
    # What the use case itself says of the same input, in English (the CLI's sentence).
    answers: list[Any] = []

    def refused(store: Any) -> tuple[str, Any]:
        try:
            edit_account(store, account_id, latitude="north", longitude="2.3")
        except ValidationError as exc:
            return str(exc), get_account(store, account_id)
        return "", None

    context.tasks.read(refused, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    english_sentence, account = answers[0]
    assert english_sentence == "Latitude must be a number (got 'north')."

    dialog = EditAccountDialog(context, account, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.latitude.setText("north")
    dialog.longitude.setText("2.3")
    qtbot.keyClick(dialog.latitude, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_for("latitude") != "", timeout=WAIT)
    # What was typed reads in French quotes, not as Python's repr.
    quoted = "«\u00a0north\u00a0»"
    assert dialog.error_for("latitude") == f"Latitude doit être un nombre (reçu\u00a0: {quoted})."


# -- the server's refusals -------------------------------------------------------------
def test_a_refusal_with_a_code_reads_in_french_and_one_without_keeps_the_servers_sentence(
    in_french: None,
) -> None:
    worded = error_words.refusal(
        "At most 500 mutations per request.", "server.at_most_mutations_per_request", {"limit": 500}
    )
    assert worded == "Au plus 500 modifications par requête."
    # An older server sent the English sentence alone: it is shown as it came.
    older = error_words.refusal("The account is not in your scope.", None, {})
    assert older == "The account is not in your scope."
