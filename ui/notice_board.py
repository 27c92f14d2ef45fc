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

# A notice's one button: its words and what it does ("Undo", "Open the Sync page").
Action = tuple[str, Callable[[], None]]


@dataclass(frozen=True)
class Notice:
    text: str
    problem: bool = False  # in the danger tone, and kept until dismissed
    action: Action | None = None


class NoticeBoard(QObject):
    posted = Signal(object)  # Notice

    def tell(self, text: str, *, problem: bool = False, action: Action | None = None) -> None:
        """Post ``text`` (plain words) as the window's notice, replacing the last one."""
        self.posted.emit(Notice(text, problem, action))
