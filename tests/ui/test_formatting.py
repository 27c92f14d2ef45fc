"""Dates as a French or English reader expects them on screen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from ui.formatting import long_date


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
    locale_named("en_CA")  # type: ignore[operator]
    assert "1st" not in long_date(date(2026, 12, 1)) and "1" in long_date(date(2026, 12, 1))
