"""Following a change saved on this laptop until the server has it, so the screen can say
"saved, will be sent at the next sync" first and "sent" only once it is true.

The sync worker announces every cycle's end as a change notice from sync touching the
outbox; after each, the watch asks the store whether the records' changes still wait.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from fieldapp.status import Delivery, delivery_of
from ui.changes import OUTBOX, Changes
from ui.context import AppContext


class DeliveryWatch(QObject):
    settled = Signal(object)  # Delivery: nothing waits any more (sent, or refused)

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._ids: list[str] = []
        context.notices.changed.connect(self._on_changed)

    def watch(self, record_ids: Iterable[str]) -> None:
        """Follow these records' changes (replacing what was followed before)."""
        self._ids = list(record_ids)

    def _on_changed(self, changes: Changes) -> None:
        if not self._ids or not changes.from_sync or not changes.touches(OUTBOX):
            return
        ids = list(self._ids)
        self._context.tasks.read(
            lambda store: delivery_of(store, ids), lambda d: self._answered(ids, d)
        )

    def _answered(self, ids: list[str], delivery: Delivery) -> None:
        if ids != self._ids or delivery.waiting:
            return  # another change is followed now, or this one still waits
        self._ids = []
        self.settled.emit(delivery)
