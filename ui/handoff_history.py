"""One step of a hand-off's history in a person's words: when, what, who, to whom, and the
note ("04/12/2026 10:12 · Returned · Marc Tremblay: not in my territory"). Shared by every
pane that shows a hand-off's history (the work queue, the lead panel)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from fieldapp.clock import from_text
from fieldapp.usecases.handoffs import HistoryEntry
from ui.formatting import clock_time, fill, short_date
from ui.labels import handoff_step_label, team_label


class HistoryWords(QObject):
    def line(self, entry: HistoryEntry) -> str:
        event = entry.event
        if event.at:
            moment = from_text(event.at)
            when = f"{short_date(moment.astimezone().date())} {clock_time(moment)}"
        else:
            when = self.tr("waiting to sync")
        who = entry.actor_name or "?"
        line = fill(self.tr("%1 · %2 · %3"), when, handoff_step_label(event.action), who)
        if entry.to_name or event.to_team:
            target = entry.to_name or team_label(str(event.to_team))
            line = fill(self.tr("%1 → %2"), line, target)
        if event.note:
            line = fill(self.tr("%1: %2"), line, event.note)
        return line

    def empty(self) -> str:
        return self.tr("No step yet: the server writes them as they reach it.")


def history_line(entry: HistoryEntry) -> str:
    return HistoryWords().line(entry)
