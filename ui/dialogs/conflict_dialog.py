"""A conflict side by side: what I typed, what the server holds, what both started from.

The dialog takes the open conflicts of one record and shows them one field at a time; a
person keeps their value, takes the server's, or writes a merged value. Each choice is one
use case of ``fieldapp.usecases.sync_issues`` run on the store worker; when the record has
no conflict left the dialog closes. ``ValueEditor`` (also used by the rejected-change
dialog) edits one field's value as text and reads it back in the field's own kind, so the
core receives a number for a number.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.database import Store
from fieldapp.usecases.sync_issues import keep_mine, merge, take_theirs
from fieldapp.usecases.sync_overview import ConflictItem
from ui.context import AppContext
from ui.formatting import fill
from ui.labels import collection_label, error_label, field_labels, plain_label, show_error
from ui.models.sync_models import record_text, value_text
from ui.tasks import describe

# Fields whose values are paragraphs rather than one line.
LONG_TEXT_FIELDS = frozenset({"body", "summary", "next_steps", "details", "address"})


class EntryError(Exception):
    """A value typed into a form that does not read as its field's kind (a sentence)."""


class ValueEditor(QWidget):
    """One field's value: a tick box for yes/no, else text read back as the field's kind
    (whole number, number, structured value or text), guessed from the values it replaces."""

    def __init__(
        self,
        field: str,
        label: str,
        value: Any,
        known: Sequence[Any] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.field = field
        self.label = label
        kinds = {type(v) for v in (value, *known) if v is not None}
        self.kind: type = next((k for k in (bool, float, int, str, list, dict) if k in kinds), str)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check_box: QCheckBox | None = None
        self.line: QLineEdit | None = None
        self.text_box: QPlainTextEdit | None = None
        if self.kind is bool:
            self.check_box = QCheckBox(self.tr("Yes"))  # the field's name is beside it
            layout.addWidget(self.check_box)
        elif self.kind is str and (field in LONG_TEXT_FIELDS or "\n" in str(value or "")):
            self.text_box = QPlainTextEdit()
            self.text_box.setTabChangesFocus(True)
            self.text_box.setMaximumHeight(110)
            layout.addWidget(self.text_box)
        else:
            self.line = QLineEdit()
            layout.addWidget(self.line)
        editor = self.check_box or self.text_box or self.line
        assert editor is not None
        self.setFocusProxy(editor)
        self.set_value(value)

    def set_value(self, value: Any) -> None:
        if self.check_box is not None:
            self.check_box.setChecked(bool(value))
        elif self.text_box is not None:
            self.text_box.setPlainText("" if value is None else str(value))
        elif self.line is not None:
            self.line.setText(self._as_text(value))

    def _as_text(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return QLocale().toString(value, "g", 12)
        if isinstance(value, int) and not isinstance(value, bool):
            return QLocale().toString(value)
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False)
        return str(value)

    def text(self) -> str:
        if self.text_box is not None:
            return self.text_box.toPlainText()
        return self.line.text() if self.line is not None else ""

    def value(self) -> Any:
        """The value as the field's kind; EntryError says what is wrong with the text."""
        if self.check_box is not None:
            return self.check_box.isChecked()
        text = self.text()
        if self.kind is str:
            return text
        if not text.strip():
            return None
        if self.kind is int:
            number, ok = QLocale().toLongLong(text.strip())
            if not ok:
                raise EntryError(fill(self.tr("%1 must be a whole number."), self.label))
            return int(number)
        if self.kind is float:
            reading, ok = QLocale().toDouble(text.strip())
            if not ok:
                try:  # a dot typed in a language whose decimal mark is a comma
                    reading = float(text.strip())
                except ValueError:
                    raise EntryError(fill(self.tr("%1 must be a number."), self.label)) from None
            return float(reading)
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if not isinstance(parsed, self.kind):
            raise EntryError(fill(self.tr("%1 cannot be read; keep its form."), self.label))
        return parsed


def _read_only_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(110)
    return box


class ConflictDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        conflicts: Sequence[ConflictItem],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Resolve a conflict"))
        self.setMinimumWidth(640)
        self.context = context
        self.remaining = list(conflicts)
        self._fields = field_labels()

        self.record_label = plain_label()
        self.record_label.setObjectName("conflictRecord")
        self.field_label = plain_label()
        self.field_label.setObjectName("conflictField")
        self.mine_box = _read_only_box("mineValue")
        self.theirs_box = _read_only_box("theirsValue")
        self.base_box = _read_only_box("baseValue")
        self.merged: ValueEditor | None = None
        self.merged_row = QVBoxLayout()
        self.error = error_label("conflictError")

        self.keep_mine_button = QPushButton(self.tr("&Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("Send your value again, over the server's"))
        self.take_theirs_button = QPushButton(self.tr("&Take theirs"))
        self.take_theirs_button.setToolTip(self.tr("Use the server's value; yours is dropped"))
        self.merge_button = QPushButton(self.tr("&Use merged value"))
        self.merge_button.setToolTip(self.tr("Send the value written in the merged box"))
        self.close_button = QPushButton(self.tr("Close"))
        # Enter in the merged value sends it; no other button reacts to Enter.
        for button in (self.keep_mine_button, self.take_theirs_button, self.close_button):
            button.setAutoDefault(False)
        self.merge_button.setDefault(True)
        self.keep_mine_button.clicked.connect(lambda: self._resolve(keep_mine))
        self.take_theirs_button.clicked.connect(lambda: self._resolve(take_theirs))
        self.merge_button.clicked.connect(self._merge)
        self.close_button.clicked.connect(self.reject)
        self._layout()
        self._show_current()

    def _layout(self) -> None:
        sides = QGridLayout()
        titles = (
            self.tr("Mine (what you typed)"),
            self.tr("Theirs (on the server now)"),
            self.tr("Base (before both changes)"),
        )
        for column, (title, box) in enumerate(
            zip(titles, (self.mine_box, self.theirs_box, self.base_box), strict=True)
        ):
            heading = QLabel(title)
            heading.setBuddy(box)
            sides.addWidget(heading, 0, column)
            sides.addWidget(box, 1, column)
        self.merged_heading = QLabel(self.tr("Merged value"))
        buttons = QHBoxLayout()
        for button in (self.keep_mine_button, self.take_theirs_button, self.merge_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.record_label)
        layout.addWidget(self.field_label)
        layout.addLayout(sides)
        layout.addWidget(self.merged_heading)
        layout.addLayout(self.merged_row)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    @property
    def current(self) -> ConflictItem | None:
        return self.remaining[0] if self.remaining else None

    def _show_current(self) -> None:
        item = self.current
        if item is None:
            return
        conflict = item.conflict
        self.record_label.setText(
            fill(
                self.tr("%1: %2"),
                collection_label(conflict.collection),
                record_text(item.record),
            )
        )
        label = self._fields.get(conflict.field, conflict.field)
        more = len(self.remaining) - 1
        self.field_label.setText(
            fill(self.tr("Field: %1"), label)
            + (
                " " + self.tr("(%n more field(s) of this record after this one)", "", more)
                if more
                else ""
            )
        )
        where = (conflict.collection, conflict.field)
        self.mine_box.setPlainText(value_text(conflict.local_value, *where))
        self.theirs_box.setPlainText(value_text(conflict.remote_value, *where))
        self.base_box.setPlainText(value_text(conflict.base_value, *where))
        if self.merged is not None:
            self.merged_row.removeWidget(self.merged)
            self.merged.deleteLater()
        # Mine is where a merge usually starts: the rep adds what the server knows.
        self.merged = ValueEditor(
            conflict.field,
            label,
            conflict.local_value,
            (conflict.remote_value, conflict.base_value),
        )
        self.merged.setObjectName("mergedValue")
        self.merged_heading.setBuddy(self.merged)
        self.merged_row.addWidget(self.merged)
        show_error(self.error, "")
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.keep_mine_button, self.take_theirs_button, self.merge_button):
            button.setEnabled(not busy)

    def _merge(self) -> None:
        if self.merged is None:
            return
        try:
            value = self.merged.value()
        except EntryError as error:
            show_error(self.error, str(error))
            return
        self._resolve(lambda store, conflict_id: merge(store, conflict_id, value))

    def _resolve(self, use_case: Callable[[Store, str], None]) -> None:
        item = self.current
        if item is None:
            return
        conflict = item.conflict
        self._set_busy(True)
        self.context.tasks.write(
            lambda store: use_case(store, conflict.id),
            lambda _r: self._resolved(conflict.id),
            failed=self._failed,
        )

    def _resolved(self, conflict_id: str) -> None:
        self.remaining = [i for i in self.remaining if i.conflict.id != conflict_id]
        if not self.remaining:
            self.accept()
            return
        self._show_current()

    def _failed(self, error: Exception) -> None:
        show_error(self.error, describe(error))
        self._set_busy(False)
