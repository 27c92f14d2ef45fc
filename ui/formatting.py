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
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def long_date(day: date) -> str:
    locale = QLocale()
    text = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    if day.day == 1 and locale.language() == QLocale.Language.French:
        # French writes the first of the month as an ordinal ("mardi 1er décembre"); Qt's
        # long format gives "mardi 1 décembre".
        text = re.sub(r"(?<!\d)1(?!\d)", "1er", text, count=1)
    return text


def clock_time(moment: datetime) -> str:
    """Local hour and minute, e.g. 09:30."""
    local = moment.astimezone()
    return QLocale().toString(QTime(local.hour, local.minute), "HH:mm")


def distance(km: float) -> str:
    # float(): PySide picks QLocale.toString's overload from the Python type, and an int
    # (a sum over no legs is 0) has no (value, format, precision) overload.
    return fill(
        QCoreApplication.translate("Formatting", "%1 km"), QLocale().toString(float(km), "f", 1)
    )


def fill(template: str, *values: object) -> str:
    """Qt's ``%1``, ``%2``… placeholders filled in (PySide's ``tr`` returns a plain str,
    which has no ``arg``); placeholders keep translators free to reorder the values."""
    # Highest number first, so that %1 never eats the start of %10.
    for number in range(len(values), 0, -1):
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template
