""" "Due for a visit" as a table model: account, tier, how overdue; sortable by any column.

Each cell answers ``SORT_ROLE`` with the raw value its column sorts by (a proxy sorts on
it), so "12 days overdue" sorts as 12, not as text, and a never-visited account counts as
the most overdue. ``ACCOUNT_ROLE`` carries (account id, name) for adding it to the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from fieldapp.usecases.planning import DueAccount
from ui.addresses import one_line
from ui.labels import tier_label
from ui.widgets.chip import CHIPS_ROLE, LABEL_ROLE, overdue_chip, tier_chip

ACCOUNT, TIER, OVERDUE = range(3)
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ACCOUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # (account id, account name)
NEVER_VISITED = 1_000_000  # sorts above any number of days overdue
Index = QModelIndex | QPersistentModelIndex


class DueModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.entries: list[DueAccount] = []

    def set_entries(self, entries: Sequence[DueAccount]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else OVERDUE + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            ACCOUNT: self.tr("Account"),
            TIER: self.tr("Tier"),
            OVERDUE: self.tr("Overdue"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ACCOUNT:
                account = entry.account
                where = one_line(
                    account.address, account.city, account.postal_code, account.country
                )
                return f"{account.name}\n{where}" if where else account.name
            if column == TIER:
                return tier_label(entry.account.tier)
            return self._display(entry, column)
        if role == SORT_ROLE:
            if column == ACCOUNT:
                return entry.account.name.casefold()
            if column == TIER:
                return entry.account.tier
            return NEVER_VISITED if entry.days_overdue is None else entry.days_overdue
        if role == ACCOUNT_ROLE:
            return (entry.account.id, entry.account.name)
        if role in (CHIPS_ROLE, LABEL_ROLE):
            return self._chips(entry, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _chips(self, entry: DueAccount, column: int, role: int) -> Any:
        """The tier and how overdue as chips, as in the accounts list (a ChipDelegate on
        those columns paints them); the display text and tool tip keep the words."""
        if column == TIER:
            chip = tier_chip(entry.account.tier, short=True)
        elif column == OVERDUE:
            # The column's title says overdue: the chip says by how much (never visited:
            # the words, no chip).
            found = overdue_chip(entry.days_overdue, short=True)
            if found is None:
                return None
            chip = found
        else:
            return None
        return (chip,) if role == CHIPS_ROLE else ""

    def _display(self, entry: DueAccount, column: int) -> str:
        if column == ACCOUNT:
            return entry.account.name
        if column == TIER:
            return entry.account.tier  # the header says "Tier": the letter keeps it narrow
        if entry.days_overdue is None:
            return self.tr("never visited")
        if entry.days_overdue == 0:
            return self.tr("due today")
        return self.tr("%n day(s) overdue", "", entry.days_overdue)
