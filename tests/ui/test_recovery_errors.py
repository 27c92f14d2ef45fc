"""The recovery dialog's messages come from the command line it runs: asked for them as
values (``FIELDAPP_ERRORS=json``), the command line's errors read in the window's language
(issue 12), and without the variable its stderr is the one English line it always was."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.cli import main
from fieldapp.errors import ERRORS_ENV
from ui.dialogs import recovery
from ui.dialogs.recovery import RecoveryDialog
from ui.i18n import Languages

from PySide6.QtWidgets import QApplication  # isort: skip

PROCESS_WAIT_MS = 60_000


@pytest.fixture
def in_french(qapp: object) -> Iterator[None]:
    assert isinstance(qapp, QApplication)
    languages = Languages(qapp)
    assert languages.apply("fr") == "fr"
    yield
    languages.clear()


def failed_listing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path, value: bool
) -> str:
    if value:
        monkeypatch.setenv(ERRORS_ENV, "json")
    else:
        monkeypatch.delenv(ERRORS_ENV, raising=False)
    assert main(["backups", "--profile", str(folder)]) == 1
    return capsys.readouterr().err


def test_the_command_line_adds_its_errors_value_only_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "nowhere"
    plain = failed_listing(capsys, monkeypatch, folder, value=False)
    assert plain == f"fieldapp: error: No FieldApp profile in {folder}.\n"
    asked = failed_listing(capsys, monkeypatch, folder, value=True)
    english, value = asked.splitlines()
    assert english + "\n" == plain  # the person's line is the same, the value comes after
    assert json.loads(value) == {
        "code": "backups.no_fieldapp_profile_in",
        "params": {"folder": str(folder)},
    }


def test_the_dialog_words_the_command_lines_error_in_french(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    in_french: None,
) -> None:
    folder = tmp_path / "nowhere"
    err = failed_listing(capsys, monkeypatch, folder, value=True)
    assert recovery._last_line(err) == f"Aucun profil FieldApp dans {folder}."
    # An older command line (or a failure that is no FieldAppError) keeps its line.
    assert recovery._last_line("fieldapp: error: disk on fire\n") == "disk on fire"


def test_a_french_recovery_dialog_shows_the_backup_listings_refusal_in_french(
    qtbot: QtBot, tmp_path: Path, in_french: None
) -> None:
    folder = tmp_path / "nowhere"
    dialog = RecoveryDialog(folder, "damaged")  # lists the backups in its own process
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.restore_result.text() != "", timeout=PROCESS_WAIT_MS)
    assert dialog.restore_result.text() == f"Aucun profil FieldApp dans {folder}."
