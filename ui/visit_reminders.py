"""The top of an open visit: the notes pinned for the account and the latest feedback.

Read on the way in (the visit is planned or checked in), so that nothing the inside team
pinned for the field is missed at the door. Takes no room when there is nothing to show.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from fieldapp.clock import from_text
from fieldapp.records import Note
from fieldapp.usecases.briefing import CheckInReminders
from ui.formatting import fill, short_date
from ui.labels import plain_label


class VisitReminders(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitReminders")
        # A card in the notice tone: what the inside team wants read at the door.
        self.setProperty("role", "card")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self._layout.setSpacing(3)
        self.hide()

    def show_reminders(self, reminders: CheckInReminders, names: Mapping[str, str]) -> None:
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)  # gone now, not at the next turn of the event loop
                widget.deleteLater()
        for note in reminders.pinned_notes:
            self._add(self.tr("Pinned: %1"), note, names)
        for note in reminders.latest_feedback:
            self._add(self.tr("Feedback: %1"), note, names)
        self.setVisible(bool(reminders))

    def texts(self) -> list[str]:
        """What the panel says, one entry a note."""
        return [label.text() for label in self.findChildren(QLabel, "visitReminder")]

    def _add(self, template: str, note: Note, names: Mapping[str, str]) -> None:
        moment = from_text(note.pinned_at or note.arrived_at or note.created_at)
        when = short_date(moment.astimezone().date())
        who = names.get(note.author_id, "—")
        label = plain_label(
            fill(self.tr("%1 (%2, %3)"), fill(template, note.body), who, when),
            name="visitReminder",
            selectable=True,
        )
        self._layout.addWidget(label)
