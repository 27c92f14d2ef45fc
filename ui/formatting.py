"""How times, dates and distances read on screen, in the user's language."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime


class Formatting(QObject):
    """Plural phrases: lupdate marks a string as plural only in ``tr`` with a count variable
    (not in ``translate``), and reads ``//`` inside a call as a comment."""

    def ago(self, *, minutes: int = 0, hours: int = 0) -> str:
        if hours:
            return self.tr("%n hour(s) ago", "", hours)
        return self.tr("%n minute(s) ago", "", minutes)


def relative_time(moment: datetime, now: datetime) -> str:
    """ "just now", "5 minutes ago", "3 hours ago", else the date."""
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return QCoreApplication.translate("Formatting", "just now")
    if seconds < 3600:
        return Formatting().ago(minutes=int(seconds / 60))
    if seconds < 86400:
        return Formatting().ago(hours=int(seconds / 3600))
    return short_date(moment.astimezone().date())


def short_date(day: date) -> str:
    """ "2 déc. 2026" / "Dec 2, 2026": the month in letters, because 12/02/2026 reads as
    February in one country and December in the next (Qt's short format is numeric)."""
    pattern = date_pattern()
    if day.day == 1 and QLocale().language() == QLocale.Language.French:
        pattern = pattern.replace("d ", "d'er' ", 1)  # "1er déc. 2026", as in long_date
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def date_pattern() -> str:
    """The short date's Qt pattern, for date editors too (``QDateEdit.setDisplayFormat``),
    whose default is the locale's numeric short format."""
    return "d MMM yyyy" if QLocale().language() == QLocale.Language.French else "MMM d, yyyy"


def long_date(day: date) -> str:
    locale = QLocale()
    text = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    if day.day == 1 and locale.language() == QLocale.Language.French:
        # French writes the first of the month as an ordinal ("mardi 1er décembre"); Qt's
        # long format gives "mardi 1 décembre".
        text = re.sub(r"(?<!\d)1(?!\d)", "1er", text, count=1)
    return text


def clock_time(moment: datetime) -> str:
    """Local hour and minute: "9 h 30" in Québec (the OQLF's usage), "09:30" in France,
    "9:30 AM" in the United States, CLDR's short time elsewhere (en-CA "9:30 a.m.")."""
    local = moment.astimezone()
    locale = QLocale()
    time = QTime(local.hour, local.minute)
    if locale.language() == QLocale.Language.French:
        if locale.territory() == QLocale.Country.Canada:
            # A no-break space on each side of "h", so the time never wraps.
            return locale.toString(time, "H\u00a0'h'\u00a0mm")
        return locale.toString(time, "HH:mm")
    return locale.toString(time, QLocale.FormatType.ShortFormat)


def number(value: float, decimals: int = 0) -> str:
    """A number with the locale's grouping and decimal mark ("3 250,5" / "3,250.5")."""
    return QLocale().toString(float(value), "f", decimals)


def money(amount: float, currency: str | None) -> str:
    """An amount in the record's currency, written the user's way: "3 250 $" in Québec,
    "$3,250" in English Canada; a dollar foreign to the user's country shows CLDR's symbol
    for it in the user's language ("CA$3,250" in the US, "3 250 $CA" in France), so that
    dollars never read as the wrong ones. The amount is never converted."""
    locale = QLocale()
    code = (currency or "").strip().upper()
    decimals = 0 if float(amount).is_integer() else 2
    if not code:
        # No currency on the record: the figure alone, never a guessed symbol.
        return number(amount, decimals)
    symbol = _currency_symbol(code, locale)
    return locale.toCurrencyString(float(amount), symbol, decimals)


_DOLLAR_COUNTRIES = {"CAD": QLocale.Country.Canada, "USD": QLocale.Country.UnitedStates}
_SYMBOLS = {"EUR": "€", "GBP": "£", "CHF": "CHF", "JPY": "¥"}


# CLDR's symbols of a foreign dollar: English puts the country first, French after.
_FOREIGN_DOLLARS = {
    QLocale.Language.English: {"CAD": "CA$", "USD": "US$"},
    QLocale.Language.French: {"CAD": "$CA", "USD": "$US"},
}


def _currency_symbol(code: str, locale: QLocale) -> str:
    if code in _DOLLAR_COUNTRIES:
        if locale.territory() == _DOLLAR_COUNTRIES[code]:
            return "$"
        english = _FOREIGN_DOLLARS[QLocale.Language.English]
        symbols = _FOREIGN_DOLLARS.get(locale.language(), english)
        return symbols[code]
    if code and code == locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode):
        return locale.currencySymbol()  # the country's own currency, its own symbol
    return _SYMBOLS.get(code, code)


def distance(km: float) -> str:
    # float(): PySide picks QLocale.toString's overload from the Python type, and an int
    # (a sum over no legs is 0) has no (value, format, precision) overload.
    return fill(
        QCoreApplication.translate("Formatting", "%1 km"), QLocale().toString(float(km), "f", 1)
    )


def overdue_short(days: int) -> str:
    """A chip's few letters for a visit overdue by ``days``: "overdue 12 d" / "en retard
    de 12 j"; 0 is "due today". The abbreviation takes no plural, so no %n form."""
    if days <= 0:
        return QCoreApplication.translate("Formatting", "due today")
    return fill(QCoreApplication.translate("Formatting", "overdue %1 d"), QLocale().toString(days))


def overdue_days(days: int) -> str:
    """The fewest letters for a visit overdue by ``days``, under a column titled "Overdue":
    "12 d" / "12 j"; 0 is "today". A narrow table keeps its columns this way rather than
    scrolling sideways."""
    if days <= 0:
        return QCoreApplication.translate("Formatting", "today")
    return fill(QCoreApplication.translate("Formatting", "%1 d"), QLocale().toString(days))


def fill(template: str, *values: object) -> str:
    """Qt's ``%1``, ``%2``… placeholders filled in (PySide's ``tr`` returns a plain str,
    which has no ``arg``); placeholders keep translators free to reorder the values."""
    # Highest number first, so that %1 never eats the start of %10.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template
