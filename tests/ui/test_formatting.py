"""Dates as a French or English reader expects them on screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from ui.addresses import city_line, one_line
from ui.formatting import clock_time, long_date, money, number, short_date


@pytest.fixture
def locale_named() -> Iterator[object]:
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def test_the_first_of_the_month_reads_as_an_ordinal_in_french(
    qapp: object, locale_named: object
) -> None:
    locale_named("fr_CA")  # type: ignore[operator]
    assert long_date(date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert long_date(date(2026, 12, 11)) == "vendredi 11 décembre 2026"
    assert long_date(date(2026, 12, 21)) == "lundi 21 décembre 2026"
    locale_named("fr_FR")  # type: ignore[operator]
    assert long_date(date(2027, 1, 1)) == "vendredi 1er janvier 2027"
    assert short_date(date(2026, 12, 1)) == "1er déc. 2026"
    assert short_date(date(2026, 12, 11)) == "11 déc. 2026"
    locale_named("en_CA")  # type: ignore[operator]
    assert "1st" not in long_date(date(2026, 12, 1)) and "1" in long_date(date(2026, 12, 1))
    assert short_date(date(2026, 12, 1)) == "Dec 1, 2026"


# Each locale's expected text; "\u00a0" is a no-break space, "\u202f" a narrow one (CLDR's
# grouping in fr-FR and its space before AM/PM in English).
CASES = {
    "fr_CA": ("2 déc. 2026", "9\u00a0h\u00a030", "3\u00a0250\u00a0$", "3\u00a0250,5"),
    "en_CA": ("Dec 2, 2026", "9:30\u202fa.m.", "$3,250", "3,250.5"),
    "fr_FR": ("2 déc. 2026", "09:30", "3\u202f250\u00a0$CA", "3\u202f250,5"),
    "en_US": ("Dec 2, 2026", "9:30\u202fAM", "CA$3,250", "3,250.5"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dates_times_numbers_and_money_follow_the_locale_and_its_territory(
    qapp: object, locale_named: object, name: str
) -> None:
    locale_named(name)  # type: ignore[operator]
    day, time, cad, figure = CASES[name]
    assert short_date(date(2026, 12, 2)) == day
    assert clock_time(datetime(2026, 12, 2, 9, 30).astimezone()) == time
    assert money(3250, "CAD") == cad
    assert number(3250.5, 1) == figure


def test_money_keeps_the_records_currency_and_its_cents(qapp: object, locale_named: object) -> None:
    locale_named("fr_CA")  # type: ignore[operator]
    assert money(3250.5, "EUR") == "3\u00a0250,50\u00a0€"
    assert money(12, "USD") == "12\u00a0$US"  # CLDR's French symbol of a foreign dollar
    assert money(3250, None) == "3\u00a0250"  # no currency on the record: no guessed symbol
    locale_named("en_US")  # type: ignore[operator]
    assert money(12, "USD") == "$12"


def test_addresses_follow_the_country_and_the_language(qapp: object, locale_named: object) -> None:
    locale_named("fr_CA")  # type: ignore[operator]
    assert city_line("Montréal", "h3j 8k4", "CA") == "Montréal (Québec) H3J 8K4"
    assert city_line("Toronto", "M5V 2T6", "CA") == "Toronto (Ontario) M5V 2T6"
    assert city_line("Paris", "75001", "FR") == "75001 Paris"
    locale_named("en_CA")  # type: ignore[operator]
    assert city_line("Montréal", "H3J 8K4", "CA") == "Montréal QC H3J 8K4"
    assert one_line("12 rue Peel", "Montréal", "H3J 8K4", "CA") == (
        "12 rue Peel, Montréal QC H3J 8K4"
    )
    locale_named("en_US")  # type: ignore[operator]
    assert city_line("Boston", "02110", "US", "ma") == "Boston, MA 02110"
    assert city_line("Paris", "75001", "FR") == "75001 Paris"
