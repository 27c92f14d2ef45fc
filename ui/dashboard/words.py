"""How the dashboard's numbers read: shares, km, money, durations, periods and scopes, in
the user's language and locale."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from fieldapp.kpi import Period, PeriodKind, Scope, ScopeKind
from ui.formatting import fill, money, short_date
from ui.formatting import number as number
from ui.labels import team_label


class Plurals(QObject):
    """Plural phrases (lupdate marks a string as plural only in ``tr`` with a count)."""

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


def share_text(value: float | None) -> str:
    """A share as a percentage, or a dash when there was nothing to divide."""
    if value is None:
        return "—"
    return fill(QCoreApplication.translate("DashboardWords", "%1 %"), number(value * 100))


def km_text(value: float | None) -> str:
    return (
        "—"
        if value is None
        else fill(QCoreApplication.translate("DashboardWords", "%1 km"), number(value, 1))
    )


def money_text(amounts: Sequence[tuple[str, float]]) -> str:
    """Amounts won, one per currency (never summed across currencies)."""
    if not amounts:
        return number(0)
    return " + ".join(money(amount, currency) for currency, amount in amounts)


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    hours = seconds / 3600
    if hours < 48:
        return fill(QCoreApplication.translate("DashboardWords", "%1 h"), number(hours, 1))
    return fill(QCoreApplication.translate("DashboardWords", "%1 d"), number(hours / 24, 1))


def hours_late_text(seconds: int) -> str:
    return duration_text(max(seconds, 0))


def period_text(period: Period) -> str:
    first, last = period.first_day, period.last_day
    if period.kind is PeriodKind.WEEK:
        return fill(
            QCoreApplication.translate("DashboardWords", "Week of %1 to %2"),
            short_date(first),
            short_date(last),
        )
    if period.kind is PeriodKind.MONTH:
        month = QLocale().standaloneMonthName(first.month, QLocale.FormatType.LongFormat)
        return fill(
            QCoreApplication.translate("DashboardWords", "%1 %2"),
            month[:1].upper() + month[1:],
            first.year,
        )
    if period.kind is PeriodKind.QUARTER:
        # "Q4 2026": a director knows its months; the days are in the tooltip.
        return fill(
            QCoreApplication.translate("DashboardWords", "Q%1 %2"),
            (first.month - 1) // 3 + 1,
            first.year,
        )
    return fill(
        QCoreApplication.translate("DashboardWords", "%1 to %2"),
        short_date(first),
        short_date(last),
    )


def period_days_text(period: Period) -> str:
    return fill(
        QCoreApplication.translate("DashboardWords", "%1 to %2"),
        short_date(period.first_day),
        short_date(period.last_day),
    )


def period_kind_label(kind: PeriodKind) -> str:
    if kind is PeriodKind.WEEK:
        return QCoreApplication.translate("DashboardWords", "Week")
    if kind is PeriodKind.QUARTER:
        return QCoreApplication.translate("DashboardWords", "Quarter")
    return QCoreApplication.translate("DashboardWords", "Month")


def scope_text(scope: Scope) -> str:
    if scope.kind is ScopeKind.ORGANISATION:
        return QCoreApplication.translate("DashboardWords", "Whole organisation")
    if scope.kind is ScopeKind.TEAM:
        return fill(
            QCoreApplication.translate("DashboardWords", "Team %1"), team_name(scope.name or "")
        )
    person = scope.people[0] if scope.people else None
    return person.display_name if person else str(scope.name)


def team_name(code: str) -> str:
    """A sales team's code as people write it ("quebec" → "Quebec"); a team of the
    vocabulary (inside, field) in its own words."""
    worded = team_label(code)
    return worded if worded != code else code[:1].upper() + code[1:]
