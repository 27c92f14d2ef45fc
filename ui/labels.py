"""The words the screen shows for the core's codes (outcomes, statuses, teams), translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def outcome_label(code: str | None) -> str:
    return {
        "order_placed": _tr("Order placed"),
        "positive": _tr("Positive"),
        "neutral": _tr("Neutral"),
        "negative": _tr("Negative"),
        None: _tr("No outcome"),
    }.get(code, code or "")


def visit_status_label(code: str) -> str:
    return {
        "planned": _tr("Planned"),
        "checked_in": _tr("Checked in"),
        "completed": _tr("Completed"),
        "cancelled": _tr("Cancelled"),
        "no_show": _tr("No-show"),
    }.get(code, code)


def team_label(code: str) -> str:
    return {"inside": _tr("Inside team"), "field": _tr("Field team")}.get(code, code)


def tier_label(code: str) -> str:
    return _tr("Tier %1").replace("%1", code)
