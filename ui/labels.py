"""The words the screen shows for the core's codes (outcomes, statuses, teams), translated.

Each string is a literal ``QCoreApplication.translate`` call so that lupdate finds it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def outcome_label(code: str | None) -> str:
    labels = {
        "order_placed": QCoreApplication.translate("Labels", "Order placed"),
        "positive": QCoreApplication.translate("Labels", "Positive"),
        "neutral": QCoreApplication.translate("Labels", "Neutral"),
        "negative": QCoreApplication.translate("Labels", "Negative"),
    }
    if code is None:
        return QCoreApplication.translate("Labels", "No outcome")
    return labels.get(code, code)


def visit_status_label(code: str) -> str:
    return {
        "planned": QCoreApplication.translate("Labels", "Planned"),
        "checked_in": QCoreApplication.translate("Labels", "Checked in"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "no_show": QCoreApplication.translate("Labels", "No-show"),
    }.get(code, code)


def team_label(code: str) -> str:
    return {
        "inside": QCoreApplication.translate("Labels", "Inside team"),
        "field": QCoreApplication.translate("Labels", "Field team"),
    }.get(code, code)


def tier_label(code: str) -> str:
    return QCoreApplication.translate("Labels", "Tier %1").replace("%1", code)
