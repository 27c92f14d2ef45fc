"""The one place a view posts a notice for the person ("Sent", "Nothing to export", an
error nobody else caught); the main window's notice bar shows it.

Anything may post, from any thread: ``tell`` only emits a signal, which Qt delivers on the
GUI thread, so a worker never touches a widget. A notice informs and never stops the work;
a question or the confirmation of a destructive action stays a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Notice:
    text: str
    problem: bool = False  # in the danger tone, and kept until dismissed
    action_text: str = ""  # one optional button ("Undo", "Open the Sync page")
    on_action: Callable[[], None] | None = None


class NoticeBoard(QObject):
    posted = Signal(object)  # Notice

    def tell(
        self,
        text: str,
        *,
        problem: bool = False,
        action_text: str = "",
        on_action: Callable[[], None] | None = None,
    ) -> None:
        self.posted.emit(Notice(text, problem, action_text, on_action))
