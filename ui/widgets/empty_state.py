"""An empty list's place: an icon, one sentence saying why it is empty, and the next action.

``ListOrEmpty`` holds a list view and its empty state and shows the one that fits: the
empty state once the model has answered at least once (a reset or rows) and holds no row,
the list as soon as a row arrives. Before the first answer the (blank) list stays, so a
page that is still reading never claims to be empty.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ui.theme.icons import tinted_pixmap
from ui.theme.palette import Palette
from ui.theme.style import current_palette
from ui.widgets.styling import follow_palette, primary

ICON_SIZE = 40


class EmptyState(QWidget):
    acted = Signal()  # the next-action button was pressed

    def __init__(
        self,
        icon: str,
        text: str = "",
        action_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self._icon_name = icon
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(text)
        self.text.setObjectName("emptyStateText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setProperty("role", "secondary")
        # The next action is what an empty view is for: the view's primary button.
        self.action = QPushButton(action_text)
        self.action.setObjectName("emptyStateAction")
        primary(self.action)
        self.action.setVisible(bool(action_text))
        self.action.clicked.connect(self.acted)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        follow_palette(self.icon, self._tint)

    def _tint(self, palette: Palette) -> None:
        self.icon.setPixmap(tinted_pixmap(self._icon_name, palette.text_secondary, ICON_SIZE))

    def set_message(self, text: str, action_text: str = "", icon: str = "") -> None:
        """Say why the list is empty now (filters, nothing yet...) and what to do."""
        self.text.setText(text)
        self.action.setText(action_text)
        self.action.setVisible(bool(action_text))
        if icon and icon != self._icon_name:
            self._icon_name = icon
            self._tint(current_palette())


class ListOrEmpty(QStackedWidget):
    """A list view, or its empty state when its model holds no row."""

    def __init__(
        self,
        view: QWidget,
        model: QAbstractItemModel,
        empty: EmptyState,
        *,
        rows: Callable[[], int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.empty, self._model = view, empty, model
        # What counts as a row: the model's rows unless the page knows better (a list
        # that shows a disabled "nothing here" line of its own has one row and no item).
        self._rows = rows or (lambda: model.rowCount())
        self._answered = False
        self.addWidget(view)
        self.addWidget(empty)
        model.modelReset.connect(self._on_answer)
        model.rowsInserted.connect(self._on_answer)
        model.rowsRemoved.connect(self._on_answer)
        model.layoutChanged.connect(self._on_answer)

    @property
    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty

    def _on_answer(self, *_args: object) -> None:
        self._answered = True
        self.refresh()

    def refresh(self) -> None:
        """Show the list or the empty state (also after the page changed its message)."""
        empty = self._answered and self._rows() == 0
        self.setCurrentWidget(self.empty if empty else self.view)
