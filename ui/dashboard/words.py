"""How the dashboard's numbers read: shares, km, money, durations, periods and scopes, in
the user's language and locale."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from fieldapp.kpi import Period, PeriodKind, Scope, ScopeKind
from ui.formatting import fill, short_date
from ui.labels import team_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardWords", text)


class Plurals(QObject):
    """Plural phrases (lupdate marks a string as plural only in ``tr`` with a count)."""

    def accounts(self, count: int) -> str:
        return self.tr("%n account(s)", "", count)

    def visits(self, count: int) -> str:
        return self.tr("%n visit(s)", "", count)

    def deals(self, count: int) -> str:
        return self.tr("%n deal(s) won", "", count)

    def days_in_field(self, count: int) -> str:
        return self.tr("%n day(s) in the field", "", count)

    def older_than_week(self, count: int) -> str:
        return self.tr("%n older than a week", "", count)

    def past_due(self, count: int) -> str:
        return self.tr("%n past due", "", count)

    def days(self, count: int) -> str:
        return self.tr("%n day(s)", "", count)


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)


def share_text(value: float | None) -> str:
    """A share as a percentage, or a dash when there was nothing to divide."""
    if value is None:
        return "—"
    return fill(_tr("%1 %"), number(value * 100))


def km_text(value: float | None) -> str:
    return "—" if value is None else fill(_tr("%1 km"), number(value, 1))


def money_text(amounts: Sequence[tuple[str, float]]) -> str:
    """Amounts won, one per currency (never summed across currencies)."""
    if not amounts:
        return number(0)
    return " + ".join(
        fill(_tr("%1 %2"), number(amount), currency or "?") for currency, amount in amounts
    )


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    hours = seconds / 3600
    if hours < 48:
        return fill(_tr("%1 h"), number(hours, 1))
    return fill(_tr("%1 d"), number(hours / 24, 1))


def hours_late_text(seconds: int) -> str:
    return duration_text(max(seconds, 0))


def period_text(period: Period) -> str:
    first, last = period.first_day, period.last_day
    if period.kind is PeriodKind.WEEK:
        return fill(_tr("Week of %1 to %2"), short_date(first), short_date(last))
    if period.kind is PeriodKind.MONTH:
        month = QLocale().standaloneMonthName(first.month, QLocale.FormatType.LongFormat)
        return fill(_tr("%1 %2"), month[:1].upper() + month[1:], first.year)
    if period.kind is PeriodKind.QUARTER:
        return fill(
            _tr("Q%1 %2 (%3 to %4)"),
            (first.month - 1) // 3 + 1,
            first.year,
            short_date(first),
            short_date(last),
        )
    return fill(_tr("%1 to %2"), short_date(first), short_date(last))


def period_kind_label(kind: PeriodKind) -> str:
    if kind is PeriodKind.WEEK:
        return _tr("Week")
    if kind is PeriodKind.QUARTER:
        return _tr("Quarter")
    return _tr("Month")


def scope_text(scope: Scope) -> str:
    if scope.kind is ScopeKind.ORGANISATION:
        return _tr("Whole organisation")
    if scope.kind is ScopeKind.TEAM:
        return fill(_tr("Team %1"), team_name(scope.name or ""))
    person = scope.people[0] if scope.people else None
    return person.display_name if person else str(scope.name)


def team_name(code: str) -> str:
    """A sales team's code as people write it ("quebec" → "Quebec"); a team of the
    vocabulary (inside, field) in its own words."""
    worded = team_label(code)
    return worded if worded != code else code[:1].upper() + code[1:]
