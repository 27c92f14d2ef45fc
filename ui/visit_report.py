"""The visit report form: who was met, outcome, summary, next steps, follow-ups, stages.

It only holds values: the visit window loads it, reads it back as a ``VisitReportDraft``
and decides when that is autosaved, saved or completed. Each part has a message line
under it, where a refused value is explained.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records import (
    OPPORTUNITY_STAGES,
    VISIT_OUTCOMES,
    Contact,
    FollowUp,
    Opportunity,
    User,
)
from fieldapp.usecases.drafts import VisitReportDraft
from ui.formatting import fill
from ui.labels import error_label, outcome_label, stage_label
from ui.widgets.follow_ups_editor import FollowUpsEditor
from ui.widgets.styling import card, text_role

ID_ROLE = Qt.ItemDataRole.UserRole
# The parts of the form that have a message line, by the core's field names.
PARTS = ("contacts_met", "outcome", "summary", "next_steps", "follow_ups", "stages")


class ReportForm(QWidget):
    changed = Signal()  # the person edited something

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitReportForm")
        self._loading = False
        self._opportunities: dict[str, Opportunity] = {}
        self.stage_combos: dict[str, QComboBox] = {}
        self._shown: tuple[object, ...] = ()
        self.errors = {part: error_label(f"{part}Error") for part in PARTS}

        self.contacts = QListWidget()
        self.contacts.setObjectName("contactsMet")
        self.contacts.setMaximumHeight(110)
        self.contacts.itemChanged.connect(self._edited)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("Choose the outcome…"), None)
        for code in VISIT_OUTCOMES:
            self.outcome.addItem(outcome_label(code), code)
        self.outcome.activated.connect(self._edited)
        self.summary = self._text_edit("summary", self.tr("What was said, what was agreed"))
        self.next_steps = self._text_edit("nextSteps", self.tr("What happens next"))
        self.next_steps.setMaximumHeight(90)
        self.follow_ups = FollowUpsEditor()
        self.follow_ups.changed.connect(self._edited)
        self.stages_box = QWidget()
        self.stages_box.setObjectName("opportunityStages")
        self._stages_layout = QFormLayout(self.stages_box)
        self._stages_layout.setContentsMargins(0, 0, 0, 0)
        self.no_opportunities = QLabel(self.tr("No open opportunity at this account."))
        self._stages_layout.addRow(self.no_opportunities)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        parts: tuple[tuple[str, str, QWidget], ...] = (
            ("contacts_met", self.tr("Contacts &met"), self.contacts),
            ("outcome", self.tr("Out&come"), self.outcome),
            ("summary", self.tr("S&ummary"), self.summary),
            ("next_steps", self.tr("&Next steps"), self.next_steps),
            ("follow_ups", self.tr("Follow-ups"), self.follow_ups),
            ("stages", self.tr("Opportunities"), self.stages_box),
        )
        # The parts in cards, grouped as a rep tells the meeting: who and how it went, what
        # was said and what next, what the inside team must do, where the deals stand.
        layout.setSpacing(10)
        groups = (("contacts_met", "outcome"), ("summary", "next_steps"), ("follow_ups",),
                  ("stages",))  # fmt: skip
        by_part = {part: (title, field) for part, title, field in parts}
        for group in groups:
            frame = card()
            frame.setObjectName(f"{group[0]}Card")
            inside = frame.layout()
            assert isinstance(inside, QVBoxLayout)
            for part in group:
                title, field = by_part[part]
                label = text_role(QLabel(title), "heading")
                label.setBuddy(field)
                inside.addWidget(label)
                inside.addWidget(field)
                inside.addWidget(self.errors[part])
            layout.addWidget(frame)
        layout.addStretch(1)

    def _text_edit(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
        edit.textChanged.connect(self._edited)
        return edit

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    # -- choices ----------------------------------------------------------------------
    def set_choices(
        self,
        contacts: Sequence[Contact],
        opportunities: Sequence[Opportunity],
        people: Sequence[User],
    ) -> None:
        """Show the account's current contacts, opportunities and people; keep the values."""
        shown = (
            tuple((c.id, self._contact_text(c)) for c in contacts),
            tuple((o.id, o.name, o.stage) for o in opportunities),
            tuple((p.id, p.display_name) for p in people),
        )
        if shown == self._shown:
            return  # rebuilding would only lose the focus and the scroll position
        self._shown = shown
        kept = self.value()
        self._loading = True
        try:
            self.contacts.clear()
            for contact in contacts:
                item = QListWidgetItem(self._contact_text(contact))  # item text is never markup
                item.setData(ID_ROLE, contact.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.contacts.addItem(item)
            self._build_stages(opportunities)
            self.follow_ups.set_people(people)
        finally:
            self._loading = False
        self._show_contacts(kept.contacts_met)
        self._show_stages(dict(kept.stages))

    def _contact_text(self, contact: Contact) -> str:
        if contact.job_title:
            return fill(
                self.tr("%1 — %2", "contact's name — job title"),
                contact.full_name,
                contact.job_title,
            )
        return contact.full_name

    def _build_stages(self, opportunities: Sequence[Opportunity]) -> None:
        for combo in self.stage_combos.values():
            self._stages_layout.removeRow(combo)
        self.stage_combos.clear()
        self._opportunities = {o.id: o for o in opportunities}
        self.no_opportunities.setVisible(not opportunities)
        for opportunity in opportunities:
            combo = QComboBox()
            combo.setObjectName(f"stage-{opportunity.id}")
            for code in OPPORTUNITY_STAGES:
                combo.addItem(stage_label(code), code)
            combo.setCurrentIndex(combo.findData(opportunity.stage))
            combo.setAccessibleName(opportunity.name)
            combo.activated.connect(self._edited)
            label = QLabel(opportunity.name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            self._stages_layout.addRow(label, combo)
            self.stage_combos[opportunity.id] = combo

    def set_saved_follow_ups(self, follow_ups: Sequence[FollowUp]) -> None:
        self.follow_ups.set_saved(follow_ups)

    # -- values -----------------------------------------------------------------------
    def value(self) -> VisitReportDraft:
        met = tuple(
            str(item.data(ID_ROLE))
            for item in (self.contacts.item(row) for row in range(self.contacts.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
        stages = tuple(
            (opportunity_id, str(combo.currentData()))
            for opportunity_id, combo in self.stage_combos.items()
            if combo.currentData() != self._opportunities[opportunity_id].stage
        )
        return VisitReportDraft(
            contacts_met=met,
            outcome=self.outcome.currentData(),
            summary=self.summary.toPlainText(),
            next_steps=self.next_steps.toPlainText(),
            follow_ups=self.follow_ups.value(),
            stages=stages,
        )

    def set_value(self, report: VisitReportDraft) -> None:
        """Fill the form (from the record or a restored draft); announces no change."""
        self._loading = True
        try:
            self._show_contacts(report.contacts_met)
            index = self.outcome.findData(report.outcome) if report.outcome else 0
            self.outcome.setCurrentIndex(max(index, 0))
            self.summary.setPlainText(report.summary)
            self.next_steps.setPlainText(report.next_steps)
            self.follow_ups.set_value(report.follow_ups)
            self._show_stages(dict(report.stages))
        finally:
            self._loading = False

    def _show_contacts(self, met: Sequence[str]) -> None:
        self._loading, was_loading = True, self._loading
        wanted = set(met)
        for row in range(self.contacts.count()):
            item = self.contacts.item(row)
            checked = item.data(ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._loading = was_loading

    def _show_stages(self, stages: dict[str, str]) -> None:
        for opportunity_id, combo in self.stage_combos.items():
            stage = stages.get(opportunity_id, self._opportunities[opportunity_id].stage)
            combo.setCurrentIndex(max(combo.findData(stage), 0))

    def set_editable(self, editable: bool) -> None:
        for widget in (self.contacts, self.outcome, *self.stage_combos.values()):
            widget.setEnabled(editable)
        for edit in (self.summary, self.next_steps):
            edit.setReadOnly(not editable)  # still selectable and copyable
        self.follow_ups.set_editable(editable)

    # -- messages ---------------------------------------------------------------------
    def missing_required(self) -> list[tuple[str, str]]:
        """What completing needs and the form lacks, checked before asking the store."""
        missing = []
        if self.outcome.currentData() is None:
            missing.append(("outcome", self.tr("Choose how the visit went.")))
        if not self.summary.toPlainText().strip():
            missing.append(("summary", self.tr("Write a summary: the inside team reads it.")))
        for index, row in enumerate(self.follow_ups.rows):
            if not row.title.text().strip():
                missing.append(
                    (f"follow_ups.{index}.title", self.tr("Give each follow-up a title."))
                )
                break
        return missing

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def show_error(self, field: str, message: str) -> QWidget | None:
        """Put ``message`` under the part ``field`` names; returns the input to focus."""
        part, _, rest = field.partition(".")
        label = self.errors.get(part)
        if label is None:
            return None
        label.setText(message)
        label.show()
        if part == "follow_ups":
            index, _, sub = rest.partition(".")
            row = int(index) if index.isdigit() else -1
            return self.follow_ups.widget_for(row, sub) or self.follow_ups.add_button
        if part == "stages":
            return self.stage_combos.get(rest) or self.stages_box
        return {
            "contacts_met": self.contacts,
            "outcome": self.outcome,
            "summary": self.summary,
            "next_steps": self.next_steps,
        }[part]
