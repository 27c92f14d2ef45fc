"""The follow-ups part of the visit report: new tasks (title, who, when) and the saved ones.

New rows are only values until the report is saved; the ones already saved are records
(created by an earlier Save) and are shown read-only, since a follow-up is changed from
its own screen, not by editing the report again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Team
from fieldapp.records import FollowUp, User
from fieldapp.usecases.drafts import FIELD_TEAM, INSIDE_TEAM, USER_PREFIX, FollowUpDraft
from ui.formatting import date_pattern, fill, short_date
from ui.labels import team_in_sentence, team_label

TITLE_MAX = 200  # the core's limit for a one-line title


@dataclass
class FollowUpRow:
    """The widgets of one new follow-up."""

    box: QWidget
    title: QLineEdit
    assignee: QComboBox
    due: QDateEdit
    remove: QToolButton

    def value(self) -> FollowUpDraft:
        day = self.due.date()
        return FollowUpDraft(
            self.title.text(),
            str(self.assignee.currentData() or INSIDE_TEAM),
            date(day.year(), day.month(), day.day()).isoformat(),
        )


class FollowUpsEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpsEditor")
        self.rows: list[FollowUpRow] = []
        self._people: tuple[User, ...] = ()
        self._default_due = date.today()
        self._editable = True

        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedFollowUps")
        self.saved_label.setTextFormat(Qt.TextFormat.PlainText)  # titles are people's words
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        self._header = QWidget()
        header = QHBoxLayout(self._header)
        header.setContentsMargins(0, 0, 0, 0)
        for text, stretch in ((self.tr("Title"), 3), (self.tr("For"), 2), (self.tr("Due"), 1)):
            header.addWidget(QLabel(text), stretch)
        header.addSpacing(60)
        self._header.hide()
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("&Add a follow-up"))
        self.add_button.setObjectName("addFollowUpButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_by_user)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.saved_label)
        layout.addWidget(self._header)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # -- choices ----------------------------------------------------------------------
    def set_default_due(self, day: date) -> None:
        self._default_due = day

    def set_people(self, people: Sequence[User]) -> None:
        """New choices of person; each row keeps who it was for."""
        self._people = tuple(people)
        for row in self.rows:
            chosen = str(row.assignee.currentData() or INSIDE_TEAM)
            row.assignee.blockSignals(True)
            self._fill_assignees(row.assignee, chosen)
            row.assignee.blockSignals(False)

    def set_saved(self, follow_ups: Sequence[FollowUp]) -> None:
        lines = [
            fill(
                self.tr("%1 — for %2, due %3 (saved)"),
                f.title,
                self._assignee_name(f),
                short_date(date.fromisoformat(f.due_date)),
            )
            for f in follow_ups
        ]
        self.saved_label.setText("\n".join(lines))
        self.saved_label.setVisible(bool(lines))

    def _assignee_name(self, follow_up: FollowUp) -> str:
        if follow_up.assignee_team:
            return team_in_sentence(follow_up.assignee_team)
        names = {p.id: p.display_name for p in self._people}
        return names.get(follow_up.assignee_user_id or "", self.tr("someone"))

    def _fill_assignees(self, combo: QComboBox, chosen: str) -> None:
        combo.clear()
        combo.addItem(team_label(Team.INSIDE), INSIDE_TEAM)
        combo.addItem(team_label(Team.FIELD), FIELD_TEAM)
        for person in self._people:
            combo.addItem(person.display_name, f"{USER_PREFIX}{person.id}")
        index = combo.findData(chosen)
        if index < 0:  # a person this laptop no longer holds: keep the choice, say so
            combo.addItem(self.tr("Someone not on this laptop"), chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    # -- values -----------------------------------------------------------------------
    def value(self) -> tuple[FollowUpDraft, ...]:
        return tuple(row.value() for row in self.rows)

    def set_value(self, items: Sequence[FollowUpDraft]) -> None:
        """Show these new follow-ups (a restored draft); announces no change."""
        self.blockSignals(True)
        try:
            while self.rows:
                self._drop(self.rows[0])
            for item in items:
                self.add_row(item)
        finally:
            self.blockSignals(False)

    def drop_first(self, count: int) -> None:
        """The first ``count`` rows were saved as records: they leave the editable list."""
        for row in self.rows[:count]:
            self._drop(row)

    def add_row(self, item: FollowUpDraft | None = None) -> FollowUpRow:
        item = item or FollowUpDraft(due_date=self._default_due.isoformat())
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        number = len(self.rows) + 1
        title = QLineEdit(item.title)
        title.setMaxLength(TITLE_MAX)
        title.setPlaceholderText(self.tr("What needs doing"))
        title.setAccessibleName(fill(self.tr("Follow-up %1 title"), number))
        assignee = QComboBox()
        assignee.setAccessibleName(fill(self.tr("Follow-up %1 is for"), number))
        self._fill_assignees(assignee, item.assignee)
        due = QDateEdit()
        due.setCalendarPopup(True)
        due.setDisplayFormat(date_pattern())  # the month in letters, as elsewhere
        due.setAccessibleName(fill(self.tr("Follow-up %1 due date"), number))
        try:
            day = date.fromisoformat(item.due_date)
        except ValueError:
            day = self._default_due
        due.setDate(QDate(day.year, day.month, day.day))
        remove = QToolButton()
        remove.setText(self.tr("Remove"))
        remove.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        line.addWidget(title, 3)
        line.addWidget(assignee, 2)
        line.addWidget(due, 1)
        line.addWidget(remove)
        row = FollowUpRow(box, title, assignee, due, remove)
        for widget in (title, assignee, due, remove):
            widget.setEnabled(self._editable)
        title.textEdited.connect(self.changed)
        assignee.activated.connect(self.changed)
        due.dateChanged.connect(self.changed)
        remove.clicked.connect(lambda _checked=False, r=row: self._remove_by_user(r))
        self.rows.append(row)
        self._rows_layout.addWidget(box)
        self._header.show()
        return row

    def _add_by_user(self) -> None:
        row = self.add_row()
        row.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _remove_by_user(self, row: FollowUpRow) -> None:
        index = self.rows.index(row)
        self._drop(row)
        # Keyboard users stay in the list: the next row, else the add button.
        target = self.rows[min(index, len(self.rows) - 1)].title if self.rows else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _drop(self, row: FollowUpRow) -> None:
        self.rows.remove(row)
        self._rows_layout.removeWidget(row.box)
        row.box.hide()
        row.box.deleteLater()
        self._header.setVisible(bool(self.rows))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self.add_button.setEnabled(editable)
        for row in self.rows:
            for widget in (row.title, row.assignee, row.due, row.remove):
                widget.setEnabled(editable)

    def widget_for(self, index: int, part: str) -> QWidget | None:
        """The input a message about row ``index``'s ``part`` belongs to (for focus)."""
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return {"due_date": row.due, "assignee": row.assignee}.get(part, row.title)
