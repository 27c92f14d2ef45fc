"""An in-window notice: one line at the top of the page that the user can dismiss.

For what is merely informative ("Sent", "Nothing to export"), in place of a modal
message box: it does not stop the work and never stacks (a new notice replaces the last).
An informative notice leaves by itself after ``INFO_MS``; a problem stays until dismissed.
Confirmations of destructive actions stay modal. Views post through the context's
``NoticeBoard`` (ui/notice_board.py), never to this widget directly.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.notice_board import Notice
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
        self._on_action: Callable[[], None] | None = None
        self.icon = QLabel()
        self.message = QLabel()
        self.message.setObjectName("noticeText")
        self.message.setWordWrap(True)
        self.action_button = QPushButton()
        self.action_button.setObjectName("noticeAction")
        self.action_button.clicked.connect(self._act)
        self.action_button.hide()
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setObjectName("noticeDismiss")
        self.close_button.setFlat(True)
        self.close_button.clicked.connect(self.hide)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
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

    def tell(self, text: str, *, problem: bool = False) -> None:
        self.post(Notice(text, problem))

    def post(self, notice: Notice) -> None:
        self._problem = notice.problem
        set_property(self, "tone", "danger" if notice.problem else "info")
        self._tint(current_palette())
        self.message.setText(notice.text)
        self._on_action = notice.on_action
        self.action_button.setText(notice.action_text)
        self.action_button.setVisible(bool(notice.action_text and notice.on_action))
        self.show()
        if notice.problem:
            self._timer.stop()
        else:
            self._timer.start(INFO_MS)

    def _act(self) -> None:
        action, self._on_action = self._on_action, None
        self.hide()
        if action is not None:
            action()
