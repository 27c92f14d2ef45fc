"""The language setting: a person picks English or French and its country (or the system's),
the choice is kept, and words, dates, times and money follow it from the next start on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import i18n
from ui.dialogs.settings_dialog import SettingsDialog
from ui.formatting import clock_time, money, number, short_date
from ui.i18n import CHOICES, LANGUAGE_ENV, Languages, start_choice
from ui.settings import LANGUAGE, AppSettings


@pytest.fixture
def languages(qapp: object) -> Iterator[Languages]:
    assert isinstance(qapp, QApplication)
    made = Languages(qapp)
    yield made
    made.clear()  # later tests see the source strings and the locale they had


# What each choice shows: the rail's "Review", a short date, a time, the same Canadian
# amount (the record's currency is never converted), a US one, a euro one and a number.
# "\u00a0" is a no-break space, "\u202f" a narrow one.
SHOWN = {
    "en_CA": ("Review", "Dec 2, 2026", "9:30\u202fa.m.", "$3,250", "US$12", "€3,250.50", "3,250.5"),
    "en_US": ("Review", "Dec 2, 2026", "9:30\u202fAM", "CA$3,250", "$12", "€3,250.50", "3,250.5"),
    "fr_CA": (
        "À réviser",
        "2 déc. 2026",
        "9\u00a0h\u00a030",
        "3\u00a0250\u00a0$",
        "12\u00a0$US",
        "3\u00a0250,50\u00a0€",
        "3\u00a0250,5",
    ),
    "fr_FR": (
        "À réviser",
        "2 déc. 2026",
        "09:30",
        "3\u202f250\u00a0$CA",
        "12\u00a0$US",
        "3\u202f250,50\u00a0€",
        "3\u202f250,5",
    ),
}


def shown_now() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("MainWindow", "Review"),
        short_date(date(2026, 12, 2)),
        clock_time(datetime(2026, 12, 2, 9, 30).astimezone()),
        money(3250, "CAD"),
        money(12, "USD"),
        money(3250.5, "EUR"),
        number(3250.5, 1),
    )


def test_the_settings_offer_the_system_language_first_then_four_locales() -> None:
    assert CHOICES == ("", "en_CA", "en_US", "fr_CA", "fr_FR")


@pytest.mark.parametrize("choice", sorted(SHOWN))
def test_words_dates_times_and_money_follow_each_chosen_locale(
    languages: Languages, choice: str
) -> None:
    assert languages.apply(choice) == choice[:2]
    assert languages.choice == choice
    assert QLocale().name() == choice  # the territory too: fr-FR is not fr-CA
    assert shown_now() == SHOWN[choice]


@pytest.mark.parametrize("system", ["fr_CA", "en_US", "fr_FR"])
def test_the_system_language_follows_the_systems_locale(
    languages: Languages, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    monkeypatch.setattr(i18n, "system_locale", lambda: QLocale(system))
    assert languages.apply("") == system[:2]
    assert languages.choice == ""
    assert shown_now() == SHOWN[system]


def test_a_system_language_without_a_catalogue_keeps_its_country_in_english(
    languages: Languages, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "system_locale", lambda: QLocale("de_DE"))
    assert languages.apply("") == "en"
    assert QLocale().language() == QLocale.Language.English
    assert QLocale().territory() == QLocale.Country.Germany
    assert money(12, "EUR") == "12\u00a0€"  # en-DE, as CLDR writes it
    assert QCoreApplication.translate("MainWindow", "Review") == "Review"


def test_a_choice_saved_by_an_older_version_reads_as_canadian(languages: Languages) -> None:
    assert languages.apply("fr") == "fr"
    assert QLocale().name() == "fr_CA"
    assert clock_time(datetime(2026, 12, 2, 9, 30).astimezone()) == "9\u00a0h\u00a030"
    assert languages.apply("en") == "en"
    assert QLocale().name() == "en_CA"


def test_fieldapp_lang_overrides_the_saved_choice_at_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    assert start_choice("fr_CA") == "fr_CA"
    monkeypatch.setenv(LANGUAGE_ENV, "en-US")
    assert start_choice("fr_CA") == "en-US"
    monkeypatch.setenv(LANGUAGE_ENV, " ")
    assert start_choice("fr_FR") == "fr_FR"


def test_the_chosen_language_is_kept_and_used_at_the_next_start(
    make_context, qtbot: QtBot, languages: Languages, tmp_path: Path
) -> None:
    context = make_context("field")
    dialog = SettingsDialog(context, languages.choice)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(row) for row in range(dialog.language.count())]
    assert names == [
        "System language",
        "English (Canada)",
        "English (United States)",
        "Français (Canada)",
        "Français (France)",
    ]
    assert dialog.language.currentData() == ""  # the system's, until a person chooses
    chosen: list[str] = []
    dialog.language_chosen.connect(chosen.append)
    dialog.language.setCurrentIndex(dialog.language.findData("fr_FR"))
    dialog.accept()
    assert chosen == ["fr_FR"]
    # The shell saves the choice (Shell.change_language); the next start reads it back.
    context.settings.set(LANGUAGE, chosen[0])
    again = AppSettings(context.settings.path)
    assert again.get(LANGUAGE) == "fr_FR"
    assert languages.apply(start_choice(again.get(LANGUAGE))) == "fr"
    assert clock_time(datetime(2026, 12, 2, 9, 30).astimezone()) == "09:30"
    # The dialog opened again shows the choice in force, in its words.
    reopened = SettingsDialog(context, languages.choice)
    qtbot.addWidget(reopened)
    assert reopened.language.currentData() == "fr_FR"
    assert reopened.language.itemText(0) == "Langue du système"


def test_a_hand_edited_language_falls_back_to_the_systems(tmp_path: Path, qapp: object) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    settings.qsettings.setValue(LANGUAGE.key, "klingon")
    assert settings.get(LANGUAGE) == ""
