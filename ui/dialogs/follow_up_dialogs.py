"""The steps of a follow-up's hand-off that need words: complete it with its outcome,
comment on it, reassign it to a person or a team.

Each dialog runs one use case through the store worker (fieldapp/usecases/follow_ups.py,
handoffs.py); a refusal is said under the form and the dialog stays open with what was
typed. Reused wherever a follow-up is acted on (the work queue, a briefing).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from fieldapp.records import TEAMS, User
from fieldapp.usecases.follow_ups import complete_follow_up, reassign_follow_up
from fieldapp.usecases.handoffs import comment_on_handoff
from fieldapp.usecases.people import list_users
from ui.context import AppContext
from ui.dialogs.form_dialog import FormDialog
from ui.labels import plain_label, show_error, team_label


def _text_box(name: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class CompleteFollowUpDialog(FormDialog):
    """Done, with what was done: the outcome is the answer the field rep reads."""

    def __init__(
        self, context: AppContext, follow_up_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Complete the follow-up"), parent)
        self.setObjectName("completeFollowUpDialog")
        self._follow_up_id = follow_up_id
        self.form.addRow(plain_label(title, name="followUpTitle"))
        self.outcome = _text_box(
            "followUpOutcome", self.tr("What was done — the field rep will read it")
        )
        self.form.addRow(self.tr("Outcome"), self.outcome)

    def submit(self) -> None:
        outcome, follow_up_id = self.outcome.toPlainText().strip(), self._follow_up_id
        if not outcome:
            # Said here in the user's language; the core refuses it too (a hand-off's
            # completion needs its outcome), so nothing is written either way.
            show_error(
                self.error,
                self.tr("Say what was done: the outcome goes back to whoever handed it over."),
            )
            self.outcome.setFocus()
            return
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: complete_follow_up(store, follow_up_id, outcome),
            lambda _f: self.accept(),
            failed=self.failed,
        )


class CommentDialog(FormDialog):
    """A comment in the history of one hand-off (a follow-up or a lead)."""

    def __init__(
        self,
        context: AppContext,
        *,
        follow_up_id: str | None = None,
        lead_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Comment on the hand-off"), parent)
        self.setObjectName("handoffCommentDialog")
        self._follow_up_id, self._lead_id = follow_up_id, lead_id
        self.note = _text_box("handoffComment", self.tr("Everyone on this hand-off will read it"))
        self.form.addRow(self.tr("Comment"), self.note)

    def submit(self) -> None:
        text, follow_up_id, lead_id = (
            self.note.toPlainText().strip(),
            self._follow_up_id,
            self._lead_id,
        )
        if not text:
            show_error(self.error, self.tr("Write the comment first."))
            self.note.setFocus()
            return
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: comment_on_handoff(
                store, text, follow_up_id=follow_up_id, lead_id=lead_id
            ),
            lambda _e: self.accept(),
            failed=self.failed,
        )


class ReassignFollowUpDialog(FormDialog):
    """Hand the follow-up to a team or to a person; it stays due when it was."""

    def __init__(
        self, context: AppContext, follow_up_id: str, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, self.tr("Reassign the follow-up"), parent)
        self.setObjectName("reassignFollowUpDialog")
        self._follow_up_id = follow_up_id
        self.form.addRow(plain_label(title, name="followUpTitle"))
        self.to = QComboBox()
        self.to.setObjectName("reassignTo")
        for team in TEAMS:
            self.to.addItem(team_label(team), f"team:{team}")
        self.form.addRow(self.tr("To"), self.to)
        self.form.addRow(
            plain_label(self.tr("It stays due when it was: a reassignment is not an answer."))
        )
        me = context.user.id
        context.tasks.read(
            lambda store: [u for u in list_users(store) if u.id != me], self._add_people
        )

    def _add_people(self, people: list[User]) -> None:
        for person in people:
            self.to.addItem(person.display_name, f"person:{person.id}")

    def submit(self) -> None:
        # "team:inside" or "person:<id>": a combo's data is best kept a plain string.
        kind, _, target = str(self.to.currentData()).partition(":")
        follow_up_id = self._follow_up_id
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: reassign_follow_up(
                store,
                follow_up_id,
                to_team=target if kind == "team" else None,
                to_user_id=target if kind == "person" else None,
            ),
            lambda _f: self.accept(),
            failed=self.failed,
        )
