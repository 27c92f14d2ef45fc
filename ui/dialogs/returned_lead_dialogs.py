"""The inside rep's answer to a lead a field rep returned: hand it again (to the same rep
or another field rep of the team, a new clock) or withdraw it.

Each dialog runs one use case of fieldapp/usecases/handoffs.py through the store worker;
a refusal (a rep of another territory, say) is said under the form, nothing changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from fieldapp.records import User
from fieldapp.usecases.handoffs import reassign_lead, withdraw_lead
from fieldapp.usecases.people import list_users
from ui.context import AppContext
from ui.dialogs.form_dialog import FormDialog
from ui.labels import plain_label


class HandLeadAgainDialog(FormDialog):
    """Hand a returned lead again to a field rep, who receives it with its briefing."""

    def __init__(
        self,
        context: AppContext,
        lead_id: str,
        returned_by: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, self.tr("Hand the lead again"), parent)
        self.setObjectName("handLeadAgainDialog")
        self._lead_id = lead_id
        self._returned_by = returned_by
        self.rep = QComboBox()
        self.rep.setObjectName("leadRep")
        # The reps arrive after the dialog is shown: the list follows their names, and the
        # dialog grows to it once they are in (it cut "Julien Bergeron" in French).
        self.rep.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.form.addRow(self.tr("Field rep"), self.rep)
        self.form.addRow(
            plain_label(self.tr("The rep has the usual time to plan a visit from now."))
        )
        self.buttons.setEnabled(False)
        context.tasks.read(lambda store: list_users(store, "field"), self._add_reps)

    def _add_reps(self, reps: list[User]) -> None:
        for rep in reps:
            self.rep.addItem(rep.display_name, rep.id)
        # The rep who returned it first: the usual answer is "here is what you asked".
        row = self.rep.findData(self._returned_by)
        self.rep.setCurrentIndex(max(row, 0))
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the names' width counted before the dialog is sized again
        self.resize(self.sizeHint().expandedTo(self.size()))
        self.buttons.setEnabled(True)

    def submit(self) -> None:
        lead_id, rep_id = self._lead_id, self.rep.currentData()
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: reassign_lead(store, lead_id, rep_id),
            lambda _l: self.accept(),
            failed=self.failed,
        )


class WithdrawLeadDialog(FormDialog):
    """Close a lead nobody is to visit; the history keeps it."""

    def __init__(self, context: AppContext, lead_id: str, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Withdraw the lead"), parent)
        self.setObjectName("withdrawLeadDialog")
        self._lead_id = lead_id
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("withdrawReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why (optional)"))
        self.form.addRow(self.tr("Reason"), self.reason)

    def submit(self) -> None:
        lead_id, reason = self._lead_id, self.reason.toPlainText().strip() or None
        self.buttons.setEnabled(False)
        self.context.tasks.write(
            lambda store: withdraw_lead(store, lead_id, reason),
            lambda _l: self.accept(),
            failed=self.failed,
        )
