"""The header's connection pill and who is signed in (name and role).

The pill shows the same words as the status bar (``ui.labels.connection_words``); its
``state`` property picks the pill's colour in the style sheet (ui/theme/style.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.labels import connection_words, role_label
from ui.sync_worker import Connection


def pill_state(connection: Connection, syncing: bool, damaged: bool) -> str:
    if damaged:
        return "damaged"
    if syncing:
        return "syncing"
    if connection is Connection.ONLINE:
        return "online"
    if connection is Connection.SIGNED_OUT:
        return "signed_out"
    return "offline"  # not yet answered: shown as the cautious state


class ConnectionPill(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionPill")
        self.setProperty("role", "pill")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.show_state(Connection.UNKNOWN, syncing=False)

    def show_state(self, connection: Connection, *, syncing: bool, damaged: bool = False) -> None:
        if damaged:
            self.setText(self.tr("Database damaged"))
        else:
            words = connection_words(connection, syncing)
            self.setText(words.short)
            self.setToolTip(words.detail)
        self.setProperty("state", pill_state(connection, syncing, damaged))
        # A dynamic property only restyles once the style is re-polished.
        self.style().unpolish(self)
        self.style().polish(self)


class SignedInAs(QWidget):
    """Who works in this window: name, then role in secondary text."""

    def __init__(self, name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signedInAs")
        self.name_label = QLabel(name)
        self.name_label.setObjectName("userName")
        self.role_label = QLabel(role_label(role))
        self.role_label.setProperty("role", "secondary")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
