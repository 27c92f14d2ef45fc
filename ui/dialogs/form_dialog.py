"""A small dialog that runs one use case: a form, an error line, OK and Cancel.

Subclasses add their rows to ``form`` and implement ``submit``; a write that fails says
why on the error line and gives the buttons back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.labels import error_label, show_error
from ui.tasks import describe


class FormDialog(QDialog):
    def __init__(self, context: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = error_label("formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def failed(self, error: Exception) -> None:
        show_error(self.error, describe(error))
        self.buttons.setEnabled(True)
