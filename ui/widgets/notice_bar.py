"""An in-window notice: one line at the top of the page that the user can dismiss.

For what is merely informative ("Sent", "Nothing to export"), in place of a modal
message box: it does not stop the work and never stacks (a new notice replaces the last).
A notice may offer one action, such as Undo after "Optimise order" or "Mark reviewed":
the action runs once, then the notice goes. A plain informative notice leaves by itself
after ``INFO_MS``; a problem, or a notice with an action, stays until dismissed or
replaced. Confirmations of destructive actions stay modal. The main window's bar shows
what views post on the context's ``NoticeBoard`` (ui/notice_board.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.notice_board import Action, Notice
from ui.theme.icons import tinted_pixmap
from ui.theme.palette import Palette
from ui.theme.style import current_palette
from ui.widgets.styling import follow_palette, set_property

INFO_MS = 10_000


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self._problem = False
        self._action: Callable[[], None] | None = None
        self.icon = QLabel()
        self.message = QLabel()
        self.message.setObjectName("noticeText")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # account names are people's
        self.action_button = QPushButton()
        self.action_button.setObjectName("noticeAction")
        self.action_button.clicked.connect(self._act)
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setObjectName("noticeDismiss")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.dismiss)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        follow_palette(self, self._tint)
        self.hide()

    def _tint(self, palette: Palette) -> None:
        name, colour = (
            ("circle-alert", palette.danger) if self._problem else ("info", palette.accent)
        )
        self.icon.setPixmap(tinted_pixmap(name, colour, 18))

    def tell(self, text: str, *, problem: bool = False, action: Action | None = None) -> None:
        """Show ``text`` (plain) in place of the last notice, with ``action`` as a button
        (its words, what it does) when given."""
        self.post(Notice(text, problem, action))

    def post(self, notice: Notice) -> None:
        self._problem = notice.problem
        set_property(self, "tone", "danger" if notice.problem else "info")
        self._tint(current_palette())
        self.message.setText(notice.text)
        self._action = notice.action[1] if notice.action else None
        self.action_button.setText(notice.action[0] if notice.action else "")
        self.action_button.setVisible(notice.action is not None)
        self.action_button.setEnabled(notice.action is not None)
        self.show()
        if notice.problem or notice.action is not None:
            self._timer.stop()
        else:
            self._timer.start(INFO_MS)

    def dismiss(self) -> None:
        """Hide the notice; its action can no longer run."""
        self._timer.stop()
        self._action = None
        self.action_button.hide()
        self.hide()

    def _act(self) -> None:
        action, self._action = self._action, None
        self.dismiss()
        if action is not None:
            action()
