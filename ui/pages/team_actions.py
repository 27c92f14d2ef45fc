"""What the inside team does with an account from the Accounts page: hand it over to a
field rep with a briefing, flag it as a priority for a rep's day, or hand over a prospect
the field has never seen (the account is created with the hand-off).

Shown to inside reps and managers only; the account actions follow the briefing on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from fieldapp.records import Lead
from ui.context import AppContext
from ui.dialogs.lead_dialogs import HandOverLeadDialog, HandOverProspectDialog
from ui.dialogs.priority_dialog import PriorityDialog
from ui.pages.briefing import BriefingPane


class TeamActions(QWidget):
    def __init__(
        self, context: AppContext, briefing: BriefingPane, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamActions")
        self.context = context
        self.briefing = briefing
        self.hand_over_button = QPushButton(self.tr("&Hand over to a field rep…"))
        self.hand_over_button.setObjectName("handOverLead")
        self.hand_over_button.setToolTip(
            self.tr("Hand the selected account to a field rep, with a briefing")
        )
        self.hand_over_button.clicked.connect(self.hand_over)
        self.priority_button = QPushButton(self.tr("Flag as a &priority…"))
        self.priority_button.setObjectName("flagPriority")
        self.priority_button.setToolTip(
            self.tr("Put the selected account on a field rep's day, saying why")
        )
        self.priority_button.clicked.connect(self.flag_priority)
        self.prospect_button = QPushButton(self.tr("Hand over a ne&w prospect…"))
        self.prospect_button.setObjectName("handOverProspect")
        self.prospect_button.setToolTip(
            self.tr("Create a prospect's account and hand it to a field rep in one step")
        )
        self.prospect_button.clicked.connect(self.hand_over_prospect)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hand_over_button)
        row.addWidget(self.priority_button)
        row.addStretch(1)
        row.addWidget(self.prospect_button)
        self._enable()
        briefing.shown.connect(self._enable)

    def _enable(self) -> None:
        chosen = self.briefing.briefing is not None
        self.hand_over_button.setEnabled(chosen)
        self.priority_button.setEnabled(chosen)

    def hand_over(self) -> None:
        if self.briefing.briefing is not None:
            HandOverLeadDialog(self.context, self.briefing.briefing.account, self).open()

    def flag_priority(self) -> None:
        if self.briefing.briefing is not None:
            PriorityDialog(self.context, self.briefing.briefing.account, self).open()

    def hand_over_prospect(self) -> None:
        dialog = HandOverProspectDialog(self.context, self)
        dialog.saved.connect(self._prospect_handed)
        dialog.open()

    def _prospect_handed(self, lead: Lead) -> None:
        # The new account's briefing, with its lead on top: what was just handed over.
        self.context.navigator.account_requested.emit(lead.account_id)
