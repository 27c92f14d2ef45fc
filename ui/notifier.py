"""A desktop notification when a sync brings something for me: one summary per sync.

The message of the system tray (``QSystemTrayIcon.showMessage``) says, in one line, how
many replies, pinned notes, leads, follow-ups and comments arrived for the person
(fieldapp/usecases/news.py); never one message per item, never for a first download,
never for the changes of the person coming back. The setting "Tell me when a sync brings
something for me" turns it off.
Where the desktop has no tray (some Linux desktops, off screen), nothing is shown and the
rest of the window is unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from fieldapp.usecases.news import News, news_in
from ui.context import AppContext
from ui.settings import NOTIFY_NEWS
from ui.sync_worker import SyncOutcome

log = logging.getLogger(__name__)

Show = Callable[[str, str], None]  # title, message


def tray_presenter(parent: QObject) -> Show | None:
    """The message of the system tray, or None where the desktop has no tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        log.info("no system tray on this desktop: sync news are not notified")
        return None
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    tray = QSystemTrayIcon(icon, parent)
    tray.show()

    def show(title: str, message: str) -> None:
        tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 8000)

    return show


class SyncNotifier(QObject):
    """Watches the sync worker; after each cycle, one message if it brought news."""

    def __init__(self, context: AppContext, show: Show | None, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._show = show
        context.sync.finished.connect(self._on_synced)

    def _on_synced(self, outcome: SyncOutcome) -> None:
        context = self._context
        if self._show is None or not outcome.changes or not context.settings.get(NOTIFY_NEWS):
            return
        changes, user = outcome.changes, context.user
        context.tasks.read(lambda store: news_in(store, changes, user), self._tell)

    def _tell(self, news: News) -> None:
        if news.total and self._show is not None:
            self._show("FieldApp", self.text(news))

    def text(self, news: News) -> str:
        """The one line of the notification, in the language of the window."""
        # self.tr with a count: the form the lupdate of PySide6 reads as a plural.
        parts = []
        if news.feedback:
            parts.append(self.tr("%n reply(ies) or review(s) of your reports", "", news.feedback))
        if news.pinned:
            parts.append(self.tr("%n note(s) pinned for your accounts", "", news.pinned))
        if news.handed_to_me:
            parts.append(self.tr("%n follow-up(s) for you", "", news.handed_to_me))
        if news.completed_for_me:
            parts.append(self.tr("%n of your follow-ups completed", "", news.completed_for_me))
        if news.claimed_for_me:
            parts.append(self.tr("%n of your follow-ups taken on", "", news.claimed_for_me))
        if news.leads_handed:
            parts.append(self.tr("%n lead(s) handed to you", "", news.leads_handed))
        if news.lead_answers:
            parts.append(self.tr("%n answer(s) to your leads", "", news.lead_answers))
        if news.leads_withdrawn:
            parts.append(self.tr("%n lead(s) withdrawn", "", news.leads_withdrawn))
        if news.comments:
            parts.append(self.tr("%n comment(s) on your hand-offs", "", news.comments))
        return " · ".join(parts)
