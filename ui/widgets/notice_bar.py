"""An in-window notice: one line at the top of the page that the user can dismiss.

For what is merely informative ("Sent", "Nothing to export"), in place of a modal
message box: it does not stop the work and never stacks (a new notice replaces the last).
Confirmations of destructive actions stay modal.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.widgets.styling import set_property


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def tell(self, text: str, *, problem: bool = False) -> None:
        set_property(self, "tone", "danger" if problem else "info")
        self.message.setText(text)
        self.show()
