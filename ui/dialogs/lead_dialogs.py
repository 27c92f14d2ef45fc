"""The forms of a lead hand-off: the inside team hands an account (or a new prospect) to a
field rep with its briefing; the field rep accepts it, planning the visit, or returns it
with a reason.

Each runs one use case of fieldapp/usecases/handoffs.py through the store worker. What is
missing is said under its field before anything runs; a refusal of the core (a rep of
another territory, a lead already waiting) is said the same way; nothing is saved either
way and the dialog keeps what was typed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fieldapp.catalogue import Role
from fieldapp.records import TIERS, Account, User
from fieldapp.store.database import Store
from fieldapp.team.policies import SlaPolicy
from fieldapp.usecases.handoffs import (
    accept_lead,
    hand_over_lead,
    hand_over_new_prospect,
    return_lead,
)
from fieldapp.usecases.lead_brief import lead_allowances
from fieldapp.usecases.people import list_users
from ui.clock_words import ClockWords
from ui.context import AppContext
from ui.dialogs.account_dialogs import PlanVisitDialog, UseCaseForm, Work
from ui.formatting import fill
from ui.labels import plain_label, tier_label

RepChoice = tuple[User, SlaPolicy, SlaPolicy]  # a field rep and what a lead to them starts


def read_field_reps(store: Store) -> list[RepChoice]:
    """The field reps of the staff directory, each with the allowances of their team."""
    return [(rep, *lead_allowances(store, rep.team)) for rep in list_users(store, Role.FIELD)]


def _text_box(name: str, placeholder: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class HandOverForm(UseCaseForm):
    """The field rep and the briefing, with the SLA the hand-off starts."""

    def __init__(
        self, context: AppContext, title: str, owner_id: str | None, parent: QWidget | None
    ) -> None:
        super().__init__(context, title, parent)
        self.setMinimumWidth(520)
        self._owner_id = owner_id
        self._reps: dict[str, RepChoice] = {}
        self.rep = QComboBox()
        self.rep.setObjectName("leadRep")
        self.rep.currentIndexChanged.connect(self._show_sla)
        self.why = _text_box("leadWhy", self.tr("Why this prospect is worth a visit now"))
        self.who_to_see = QLineEdit()
        self.who_to_see.setObjectName("leadWhoToSee")
        self.who_to_see.setPlaceholderText(self.tr("Name, role, when to find them"))
        self.promised = _text_box(
            "leadPromised", self.tr("What the prospect was told to expect"), lines=2
        )
        self.sla = plain_label(name="leadSla")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Hand over"))
        self.buttons.setEnabled(False)  # until the reps are read
        context.tasks.read(read_field_reps, self._add_reps)

    def add_briefing_rows(self) -> None:
        self.add_row(self.tr("Field rep"), self.rep, "to_rep_id")
        self.add_row(self.tr("Why"), self.why, "why")
        self.add_row(self.tr("Who to see"), self.who_to_see, "who_to_see")
        self.add_row(self.tr("What was promised"), self.promised, "promised")
        self.form.addRow("", self.sla)

    def _add_reps(self, reps: list[RepChoice]) -> None:
        for choice in reps:
            rep = choice[0]
            self._reps[rep.id] = choice
            label = rep.display_name
            if rep.territory:  # a lead goes to the rep who covers the account's territory
                label = fill(self.tr("%1 (%2)"), rep.display_name, rep.territory)
            self.rep.addItem(label, rep.id)
        # The account's owner first: the rep who covers it is the usual answer.
        self.rep.setCurrentIndex(max(self.rep.findData(self._owner_id), 0))
        self.buttons.setEnabled(True)
        self._show_sla()

    def _show_sla(self) -> None:
        choice = self._reps.get(str(self.rep.currentData()))
        if choice is None:
            self.sla.setText("")
            return
        words = ClockWords()
        self.sla.setText(
            fill(
                self.tr(
                    "This starts the team's clock: the first visit planned within %1"
                    " and held within %2 of the hand-off."
                ),
                words.allowance(choice[1]),
                words.allowance(choice[2]),
            )
        )

    def briefing(self) -> dict[str, Any]:
        return {
            "to_rep_id": self.rep.currentData(),
            "why": self.why.toPlainText(),
            "who_to_see": self.who_to_see.text(),
            "promised": self.promised.toPlainText(),
        }

    def refusal(self) -> tuple[str, str] | None:
        if self.rep.currentData() is None:
            return "to_rep_id", self.tr("Choose the field rep to hand the lead to.")
        if not self.why.toPlainText().strip():
            return "why", self.tr("Say why: it is the first thing the field rep reads.")
        return None


class HandOverLeadDialog(HandOverForm):
    """Hand an account the inside team qualified to a field rep."""

    def __init__(self, context: AppContext, account: Account, parent: QWidget | None) -> None:
        super().__init__(
            context,
            fill(self.tr("Hand over to a field rep — %1"), account.name),
            account.owner_id,
            parent,
        )
        self.setObjectName("handOverLeadDialog")
        self._account_id = account.id
        self.add_briefing_rows()

    def work(self) -> Work:
        account_id, briefing = self._account_id, self.briefing()
        return lambda store: hand_over_lead(store, account_id, **briefing)


class HandOverProspectDialog(HandOverForm):
    """A prospect the field has never seen: the account is created, owned by the rep, and
    handed to them in one step."""

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(context, self.tr("Hand over a new prospect"), None, parent)
        self.setObjectName("handOverProspectDialog")
        self.name = _line("prospectName")
        self.tier = QComboBox()
        self.tier.setObjectName("prospectTier")
        for tier in TIERS:
            self.tier.addItem(tier_label(tier), tier)
        self.tier.setCurrentIndex(TIERS.index("B") if "B" in TIERS else 0)
        self.address = _line("prospectAddress")
        self.city = _line("prospectCity")
        self.postal_code = _line("prospectPostalCode")
        self.phone = _line("prospectPhone")
        self.add_row(self.tr("Account name"), self.name, "name")
        self.add_row(self.tr("Tier"), self.tier, "tier")
        self.add_row(self.tr("Address"), self.address, "address")
        self.add_row(self.tr("City"), self.city, "city")
        self.add_row(self.tr("Postal code"), self.postal_code, "postal_code")
        self.add_row(self.tr("Phone"), self.phone, "phone")
        self.add_briefing_rows()

    def prospect(self) -> dict[str, Any]:
        typed = {
            "name": self.name.text(),
            "tier": self.tier.currentData(),
            "address": self.address.text(),
            "city": self.city.text(),
            "postal_code": self.postal_code.text(),
            "phone": self.phone.text(),
        }
        return {field: value for field, value in typed.items() if value}

    def refusal(self) -> tuple[str, str] | None:
        if not self.name.text().strip():
            return "name", self.tr("Give the prospect's name.")
        return super().refusal()

    def work(self) -> Work:
        prospect, briefing = self.prospect(), self.briefing()
        return lambda store: hand_over_new_prospect(store, prospect, **briefing)


class AcceptLeadDialog(PlanVisitDialog):
    """The field rep takes the lead: the visit is planned in their route, and the lead
    is accepted, in one step."""

    def __init__(
        self, context: AppContext, account: Account, lead_id: str, parent: QWidget | None
    ) -> None:
        super().__init__(context, account, parent)
        self.setObjectName("acceptLeadDialog")
        self.setMinimumWidth(420)
        self.setWindowTitle(fill(self.tr("Accept the lead — %1"), account.name))
        self._lead_id = lead_id
        self.form.addRow(
            plain_label(
                self.tr("The visit goes into your plan; the inside rep hears at the next sync.")
            )
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Accept and plan"))

    def work(self) -> Work:
        lead_id, start = self._lead_id, self.starts_at()
        end = start + timedelta(minutes=self.duration.value())
        return lambda store: accept_lead(store, lead_id, start, end)


class ReturnLeadDialog(UseCaseForm):
    """The field rep gives the lead back, saying why; the inside rep decides what next."""

    def __init__(
        self, context: AppContext, account: Account, lead_id: str, parent: QWidget | None
    ) -> None:
        super().__init__(context, fill(self.tr("Return the lead — %1"), account.name), parent)
        self.setObjectName("returnLeadDialog")
        self.setMinimumWidth(460)
        self._lead_id = lead_id
        self.reason = _text_box(
            "returnReason", self.tr("Why you return it — the inside rep will read it")
        )
        self.add_row(self.tr("Reason"), self.reason, "reason")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Return"))

    def refusal(self) -> tuple[str, str] | None:
        if not self.reason.toPlainText().strip():
            return "reason", self.tr("Say why you return it: the inside rep needs the reason.")
        return None

    def work(self) -> Work:
        lead_id, reason = self._lead_id, self.reason.toPlainText()
        return lambda store: return_lead(store, lead_id, reason)


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit
