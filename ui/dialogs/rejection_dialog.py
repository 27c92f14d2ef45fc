"""A change the central CRM refused, with its reason: correct it and retry, or discard it.

The fields a person reads (not the links between records) are shown in editors holding what
the change carried; "Retry" sends the change again with what was corrected. "Discard"
asks first, because the values typed are then lost: the record goes back to the server's
values, and a refused new record leaves this computer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import MutationOp
from fieldapp.store.database import Store
from fieldapp.usecases.sync_issues import discard_rejected, retry_rejected
from fieldapp.usecases.sync_overview import RejectionItem
from ui.context import AppContext
from ui.dialogs.conflict_dialog import EntryError, ValueEditor
from ui.error_words import refusal
from ui.formatting import fill
from ui.labels import (
    collection_label,
    error_label,
    field_labels,
    operation_label,
    plain_label,
    show_error,
)
from ui.models.sync_models import is_readable_field, moment_text, record_text
from ui.tasks import describe


class RejectionDialog(QDialog):
    def __init__(
        self, context: AppContext, item: RejectionItem, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rejectionDialog")
        self.setWindowTitle(self.tr("A change the server refused"))
        self.setMinimumWidth(520)
        self.context = context
        self.item = item
        self.confirmation: QMessageBox | None = None
        rejection = item.rejection
        fields = field_labels()

        self.record_label = plain_label(
            fill(
                self.tr("%1 · %2 · %3"),
                collection_label(rejection.collection),
                operation_label(rejection.op),
                record_text(item.record),
            )
        )
        self.record_label.setObjectName("rejectedRecord")
        self.reason_label = plain_label(
            fill(
                self.tr("The server refused it: %1"),
                refusal(rejection.reason, rejection.reason_code, rejection.reason_params),
            )
        )
        self.reason_label.setObjectName("rejectionReason")
        when = plain_label(fill(self.tr("Refused on %1"), moment_text(rejection.rejected_at)))

        # One editor per field a person reads; the others are sent again as they were.
        self.editors: dict[str, ValueEditor] = {}
        form = QFormLayout()
        for name, value in rejection.fields.items():
            if not is_readable_field(name):
                continue
            label = fields.get(name, name)
            editor = ValueEditor(name, label, value, (rejection.previous.get(name),))
            editor.setObjectName(f"field_{name}")
            self.editors[name] = editor
            form.addRow(label, editor)
        corrections = QGroupBox(self.tr("Correct the change, then retry"))
        corrections.setLayout(form)
        corrections.setVisible(bool(self.editors))
        if rejection.op == MutationOp.DELETE:
            hint = self.tr(
                "A refused deletion cannot be sent again. Discard it to get the record back"
                " as the server has it."
            )
        elif not self.editors:
            hint = self.tr(
                "Nothing here can be corrected: retry the change as it was, or discard it."
            )
        else:
            hint = ""
        self.hint = plain_label(hint)
        self.hint.setVisible(bool(hint))
        self.error = error_label("rejectionError")

        self.retry_button = QPushButton(self.tr("&Retry"))
        self.retry_button.setToolTip(self.tr("Send the change again with these values"))
        self.retry_button.setEnabled(rejection.op != MutationOp.DELETE)
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.discard_button.setToolTip(self.tr("Give the change up; the server's values stay"))
        self.close_button = QPushButton(self.tr("Close"))
        # Enter in a corrected field retries; Discard is never one key press away.
        self.retry_button.setDefault(True)
        self.discard_button.setAutoDefault(False)
        self.close_button.setAutoDefault(False)
        self.retry_button.clicked.connect(self.retry)
        self.discard_button.clicked.connect(self.ask_to_discard)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.record_label, self.reason_label, when, corrections, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        if self.editors:
            next(iter(self.editors.values())).setFocus()

    # -- retry ------------------------------------------------------------------------
    def corrections(self) -> dict[str, Any]:
        """The fields whose value the person changed (EntryError: one does not read)."""
        carried = self.item.rejection.fields
        edited = {name: editor.value() for name, editor in self.editors.items()}
        return {name: value for name, value in edited.items() if value != carried.get(name)}

    def retry(self) -> None:
        try:
            corrections = self.corrections()
        except EntryError as error:
            show_error(self.error, str(error))
            return
        rejection_id = self.item.rejection.id
        self._write(lambda store: retry_rejected(store, rejection_id, corrections))

    # -- discard ----------------------------------------------------------------------
    def ask_to_discard(self) -> None:
        op = self.item.rejection.op
        if op == MutationOp.CREATE:
            text = self.tr(
                "Discard this new record? It is removed from this computer and what was"
                " typed in it is lost."
            )
        elif op == MutationOp.UPDATE:
            text = self.tr(
                "Discard this change? The values typed are lost and the record goes back to"
                " what the server has."
            )
        else:
            text = self.tr("Discard this deletion? The record comes back as the server has it.")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard the change"),
            text,
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(self._confirmed)
        self.confirmation = box
        box.open()

    def _confirmed(self, button: QAbstractButton) -> None:
        box = self.confirmation
        if box is None or box.standardButton(button) != QMessageBox.StandardButton.Discard:
            return
        rejection_id = self.item.rejection.id
        self._write(lambda store: discard_rejected(store, rejection_id))

    # -- both -------------------------------------------------------------------------
    def _write(self, work: Callable[[Store], None]) -> None:
        self._set_busy(True)
        self.context.tasks.write(
            work,
            lambda _r: self.accept(),
            failed=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.retry_button.setEnabled(not busy and self.item.rejection.op != MutationOp.DELETE)
        self.discard_button.setEnabled(not busy)

    def _failed(self, error: Exception) -> None:
        show_error(self.error, describe(error))
        self._set_busy(False)
