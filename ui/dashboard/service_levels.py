"""The manager's "Service levels…" dialog: one team's SLA policies (an allowance per kind of
commitment, in hours or working days) and its region, saved through
``fieldapp.usecases.agreements.set_sla_policy`` as changes every laptop receives.

All the edits of one Save go in one transaction: an allowance out of bounds, or any edit the
core refuses, is said in the dialog and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Role
from fieldapp.errors import ValidationError
from fieldapp.kpi.commitments import team_regions
from fieldapp.store.database import Store
from fieldapp.team.commitments import Agreement
from fieldapp.team.policies import LIMITS, AllowanceUnit, CommitmentKind, SlaPolicy
from fieldapp.team.regions import REGIONS
from fieldapp.usecases.agreements import agreement_for, agreements, set_sla_policy
from fieldapp.usecases.people import current_user
from ui.context import AppContext
from ui.dashboard.words import team_name
from ui.formatting import fill
from ui.labels import (
    allowance_unit_label,
    commitment_label,
    error_label,
    plain_label,
    region_label,
    show_error,
)
from ui.tasks import describe

UNITS = (AllowanceUnit.HOURS, AllowanceUnit.WORKING_DAYS)


@dataclass(frozen=True)
class Agreements:
    """What the dialog needs, read on the store worker."""

    teams: tuple[str, ...]  # the teams this manager may set
    held: dict[str, Agreement]  # the agreements the laptop holds, by team
    regions: dict[str, str]  # each team's region code (its agreement's, else the guess)


def read_agreements(store: Store) -> Agreements:
    me = current_user(store)
    everyone = sorted(
        {row[0] for row in store.rows("SELECT DISTINCT team FROM users WHERE team IS NOT NULL")}
    )
    teams = tuple(everyone if me.team is None else [me.team])
    held = agreements(store)
    guessed = team_regions(store)
    regions = {
        team: (held[team].region.code if team in held else guessed.get(team, guessed[None]).code)
        for team in teams
    }
    return Agreements(teams, held, regions)


@dataclass(frozen=True)
class Edit:
    kind: CommitmentKind
    amount: int
    unit: AllowanceUnit


def save_edits(store: Store, team: str, region: str | None, edits: list[Edit]) -> int:
    """Every edit, or none: one transaction (the use case's own nest as savepoints)."""
    with store.transaction():
        for edit in edits:
            hours = edit.amount if edit.unit is AllowanceUnit.HOURS else None
            days = edit.amount if edit.unit is AllowanceUnit.WORKING_DAYS else None
            set_sla_policy(
                store, team, str(edit.kind), hours=hours, working_days=days, region=region
            )
    return len(edits)


class ServiceLevelsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serviceLevelsDialog")
        self.setWindowTitle(self.tr("Service levels"))
        self.context = context
        self.data: Agreements | None = None
        self.saved = 0
        self.intro = plain_label(
            self.tr(
                "What each team owes the other, and by when. Hours count nights and weekends;"
                " working days skip weekends and the region's public holidays. Saved changes"
                " reach every laptop with its next sync."
            ),
            name="serviceLevelsIntro",
        )
        self.team = QComboBox()
        self.team.setObjectName("slaTeam")
        self.team.currentIndexChanged.connect(self._show_team)
        self.region = QComboBox()
        self.region.setObjectName("slaRegion")
        for code in REGIONS:
            self.region.addItem(region_label(code), code)
        self.amounts: dict[CommitmentKind, QSpinBox] = {}
        self.units: dict[CommitmentKind, QComboBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Team"), self.team)
        form.addRow(self.tr("Region"), self.region)
        for kind in CommitmentKind:
            amount = QSpinBox()
            amount.setObjectName(f"slaAmount_{kind}")
            # Wider than the bounds on purpose: a typo is said in words, not silently clamped.
            amount.setRange(0, 9999)
            unit = QComboBox()
            unit.setObjectName(f"slaUnit_{kind}")
            for code in UNITS:
                unit.addItem(allowance_unit_label(code), code)
            line = QHBoxLayout()
            line.addWidget(amount)
            line.addWidget(unit, 1)
            form.addRow(commitment_label(kind), line)
            self.amounts[kind] = amount
            self.units[kind] = unit
        self.error = error_label("serviceLevelsError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._enable(False)
        context.tasks.read(read_agreements, self._loaded)

    def _enable(self, on: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(on)

    def _loaded(self, data: Agreements) -> None:
        self.data = data
        self.team.blockSignals(True)
        self.team.clear()
        for team in data.teams:
            self.team.addItem(team_name(team), team)
        self.team.blockSignals(False)
        self._show_team()
        self._enable(bool(data.teams))
        if not data.teams:
            show_error(self.error, self.tr("No team in this profile has a service level to set."))

    def current_team(self) -> str | None:
        value = self.team.currentData()
        return None if value is None else str(value)

    def _show_team(self) -> None:
        team = self.current_team()
        if self.data is None or team is None:
            return
        agreement = agreement_for(self.data.held, team)
        self.region.setCurrentIndex(max(0, self.region.findData(self.data.regions[team])))
        for kind in CommitmentKind:
            policy = agreement.policies[kind]
            self.amounts[kind].setValue(policy.amount)
            self.units[kind].setCurrentIndex(self.units[kind].findData(str(policy.unit)))
        show_error(self.error, "")

    def edits(self) -> list[Edit]:
        """The allowances that differ from the team's agreement (all when it has none)."""
        team = self.current_team()
        assert self.data is not None and team is not None
        agreement = agreement_for(self.data.held, team)
        region_changed = (
            team not in self.data.held or self.region.currentData() != agreement.region.code
        )
        made = []
        for kind in CommitmentKind:
            edit = Edit(
                kind, self.amounts[kind].value(), AllowanceUnit(self.units[kind].currentData())
            )
            policy = agreement.policies[kind]
            if region_changed or (edit.amount, edit.unit) != (policy.amount, policy.unit):
                made.append(edit)
        return made

    def _refused(self, edits: list[Edit]) -> str:
        for edit in edits:
            limit = LIMITS[edit.unit]
            try:
                SlaPolicy(edit.kind, edit.amount, edit.unit)
            except ValidationError:
                return fill(
                    self.tr("%1: an allowance is from 1 to %2 %3 (not %4). Nothing was saved."),
                    commitment_label(edit.kind),
                    limit,
                    allowance_unit_label(edit.unit),
                    edit.amount,
                )
        return ""

    def save(self) -> None:
        team = self.current_team()
        if self.data is None or team is None:
            return
        edits = self.edits()
        if not edits:
            self.accept()
            return
        refused = self._refused(edits)
        if refused:
            show_error(self.error, refused)
            return
        region = str(self.region.currentData())
        self._enable(False)
        show_error(self.error, "")
        self.context.tasks.write(
            lambda store: save_edits(store, team, region, edits),
            self._saved,
            failed=self._failed,
        )

    def _saved(self, count: int) -> None:
        self.saved = count
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._enable(True)
        show_error(self.error, fill(self.tr("%1 Nothing was saved."), describe(error)).strip())


def may_set_service_levels(role: str) -> bool:
    return role == Role.MANAGER
