"""An in-window notice: one line at the top of the page that the user can dismiss.

For what is merely informative ("Sent", "Nothing to export"), in place of a modal
message box: it does not stop the work and never stacks (a new notice replaces the last).
A notice may offer one action, such as Undo after "Optimise order" or "Mark reviewed":
the action runs once, then the notice goes. Confirmations of destructive actions stay
modal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.widgets.styling import set_property


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # account names are people's
        self.action_button = QPushButton()
        self.action_button.setObjectName("noticeAction")
        self.action_button.clicked.connect(self._act)
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        self._action: Callable[[], None] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.hide()

    def tell(
        self,
        text: str,
        *,
        problem: bool = False,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        """Show ``text`` (plain) in place of the last notice, with ``action`` as a button
        (its words, what it does) when given."""
        set_property(self, "tone", "danger" if problem else "info")
        self.message.setText(text)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.action_button.setEnabled(action is not None)
        self.show()

    def dismiss(self) -> None:
        """Hide the notice; its action can no longer run."""
        self._action = None
        self.action_button.hide()
        self.hide()

    def _act(self) -> None:
        action, self._action = self._action, None
        self.dismiss()
        if action is not None:
            action()
