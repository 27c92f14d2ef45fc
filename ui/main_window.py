"""The main window: navigation rail, global search, the pages of one's role, the status area.

It only assembles: each page loads and refreshes its own data through the context it is
given, and moves elsewhere through the ``Navigator``. Window geometry and the last page
are kept in the app's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.catalogue import Role
from fieldapp.search import SearchHit
from fieldapp.status import SyncStatus, sync_status
from fieldapp.store.database import Store
from fieldapp.usecases.inbox import READS as INBOX_READS
from fieldapp.usecases.inbox import unread_counts
from fieldapp.usecases.reviews import unreviewed_count
from ui.changes import CONFLICTS, REJECTIONS, Changes
from ui.context import AppContext
from ui.dashboard.model import Request
from ui.formatting import fill
from ui.open_formats import OpenFormats
from ui.pages.accounts import AccountsPage
from ui.pages.dashboard import DashboardPage
from ui.pages.inbox import InboxPage
from ui.pages.review import ReviewPage
from ui.pages.sync_page import SyncPage
from ui.pages.today import TodayPage
from ui.pages.work_queue import WorkQueuePage
from ui.screen_fit import resize_to_fit
from ui.search_box import SearchBox
from ui.settings import LAST_PAGE
from ui.status_area import StatusArea
from ui.theme.icons import tinted_icon
from ui.theme.style import current_palette, theme
from ui.visit_form import VisitWindow
from ui.widgets.connection_pill import SignedInAs
from ui.widgets.nav_rail import BADGE_ROLE, PAGE_ICONS, BadgeDelegate
from ui.widgets.notice_bar import NoticeBar

# The rail of each role, in order; the first page is where that role lands. Each person's
# rail holds their own work: the field plans and logs visits, the inside team reviews them.
RAILS: dict[str, tuple[str, ...]] = {
    Role.FIELD: ("today", "inbox", "accounts", "review", "figures", "sync"),
    Role.INSIDE: ("queue", "review", "inbox", "accounts", "figures", "sync"),
    Role.MANAGER: ("dashboard", "queue", "review", "inbox", "accounts", "sync"),
}

SAID_MS = 15_000  # how long the status bar says where an export went


def rail_of(role: str) -> tuple[str, ...]:
    return RAILS.get(role, RAILS[Role.FIELD])


class MainWindow(QMainWindow):
    settings_requested = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle(fill(self.tr("FieldApp — %1"), context.user.display_name))
        self._visit_windows: dict[str, VisitWindow] = {}
        self.pages = rail_of(context.user.role)
        # What each page's rail entry counts (reports to review, sync issues...).
        self._counts: dict[str, int] = {}

        self.today = TodayPage(context) if "today" in self.pages else None
        self.inbox = InboxPage(context)
        self.accounts = AccountsPage(context)
        self.review = ReviewPage(context)
        self.sync_page = SyncPage(context)
        self.work_queue = WorkQueuePage(context) if "queue" in self.pages else None
        if self.work_queue is not None:
            self.work_queue.overdue_changed.connect(self._show_overdue)
        # The manager's dashboard and each rep's "My figures" are one page (about whom differs).
        wants_figures = "dashboard" in self.pages or "figures" in self.pages
        self.dashboard = DashboardPage(context) if wants_figures else None
        built: dict[str, QWidget | None] = {
            "dashboard": self.dashboard,
            "figures": self.dashboard,
            "queue": self.work_queue,
            "today": self.today,
            "inbox": self.inbox,
            "accounts": self.accounts,
            "review": self.review,
            "sync": self.sync_page,
        }
        self.stack = QStackedWidget()
        for name in self.pages:
            page = built[name]
            assert page is not None, name
            self.stack.addWidget(page)

        self.rail = QListWidget()
        self.rail.setObjectName("navigationRail")
        self.rail.setFixedWidth(184)
        self.rail.setIconSize(QSize(20, 20))
        self.rail.setItemDelegate(BadgeDelegate(self.rail))
        for name in self.pages:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.rail.addItem(item)
        self._tint_rail()
        active_theme = theme()
        if active_theme is not None:
            # A bound method, not a lambda: the theme lives as long as the application, and
            # a lambda would keep a replaced window alive and call into it once deleted.
            active_theme.changed.connect(self._on_theme_changed)
        self.rail.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.rail.currentRowChanged.connect(self._remember_page)
        self._label_rail()

        self.notice_bar = NoticeBar()
        context.board.posted.connect(self.notice_bar.post)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice_bar)
        column.addWidget(self.stack, 1)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(content, 1)
        self.setCentralWidget(body)

        self.search = SearchBox(context, self)
        self.search.hit_chosen.connect(self._open_hit)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self.status_area = StatusArea(context)
        # The header's right end: who is signed in and the connection pill.
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.signed_in_as = SignedInAs(context.user.display_name, context.user.role)
        toolbar.addWidget(self.signed_in_as)
        toolbar.addWidget(self.status_area.pill)
        self.statusBar().addPermanentWidget(self.status_area, 1)

        # The File menu's exports and imports, and the always-current calendar file.
        # The figures the dashboard shows (its period and scope), else the running month's;
        # a closure over the page, not a method of the window: no cycle back to the window.
        dashboard = self.dashboard
        self.formats = OpenFormats(
            context,
            self,
            account_filter=self.accounts.current_filter,
            kpi_request=(lambda: dashboard.request) if dashboard is not None else Request,
        )
        self.formats.said.connect(self._show_said)
        self._build_actions()
        navigator = context.navigator
        navigator.page_requested.connect(self.show_page)
        navigator.account_requested.connect(self.show_account)
        navigator.visit_requested.connect(self.open_visit)
        navigator.note_requested.connect(self.show_note)
        context.notices.changed.connect(self._on_changed)
        context.tasks.unhandled_error.connect(self._show_error)
        self._refresh_badges()

        resize_to_fit(self, 1280, 800)
        geometry = context.settings.layout("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.show_page(self._landing_page())

    # -- navigation -------------------------------------------------------------------
    def _landing_page(self) -> str:
        remembered = self.context.settings.get(LAST_PAGE)
        if remembered in self.pages:
            return remembered
        return self.pages[0]

    def show_page(self, name: str) -> None:
        if name in self.pages:
            self.rail.setCurrentRow(self.pages.index(name))

    @property
    def current_page(self) -> str:
        return self.pages[self.stack.currentIndex()]

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.context.settings.set(LAST_PAGE, self.pages[row])

    def show_account(self, account_id: str) -> None:
        self.show_page("accounts")
        self.accounts.show_account(account_id)

    def show_note(self, note_id: str) -> None:
        self.show_page("review")
        self.review.show_note(note_id)

    def open_visit(self, visit_id: str) -> None:
        window = self._visit_windows.get(visit_id)
        if window is None or not window.isVisible():
            window = VisitWindow(self.context, visit_id, self)
            self._visit_windows[visit_id] = window
            window.finished.connect(lambda _r, v=visit_id: self._visit_windows.pop(v, None))
        window.show()
        window.raise_()
        window.activateWindow()

    def _open_hit(self, hit: SearchHit) -> None:
        # Accounts, contacts and notes all open the account's briefing, which shows them; a
        # contact is also brought into view there, selected.
        self.show_account(hit.account_id)
        if hit.collection == "contacts":
            self.accounts.briefing.point_at_contact(hit.record_id)

    # -- actions and shortcuts --------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text: str, shortcuts: list[QKeySequence], slot: object) -> QAction:
            made = QAction(text, self)
            made.setShortcuts(shortcuts)
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        focus_search = action(
            self.tr("Search"),
            [QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")],
            self._focus_search,
        )
        sync_now = action(self.tr("Sync now"), [QKeySequence("F5")], self.context.sync.sync_now)
        settings = action(self.tr("Settings…"), [QKeySequence("Ctrl+,")], self.settings_requested)
        sign_in = action(self.tr("Sign in…"), [], self.sign_in_requested)
        sign_out = action(self.tr("Sign out…"), [], self.sign_out_requested)
        quit_keys = [QKeySequence(QKeySequence.StandardKey.Quit)]
        quit_app = action(self.tr("Quit"), quit_keys, self.close)
        pages = []
        for number, name in enumerate(self.pages, start=1):
            pages.append(
                action(
                    self._page_title(name),
                    [QKeySequence(f"Ctrl+{number}")],
                    lambda _checked=False, n=name: self.show_page(n),
                )
            )
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.format_actions = self.formats.fill_menu(file_menu)
        file_menu.addSeparator()
        for item in (settings, sign_in, sign_out, quit_app):
            file_menu.addAction(item)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(focus_search)
        for item in pages:
            view_menu.addAction(item)
        sync_menu = menu.addMenu(self.tr("&Sync"))
        sync_menu.addAction(sync_now)

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- badges -----------------------------------------------------------------------
    def _page_title(self, name: str) -> str:
        return {
            "dashboard": self.tr("Dashboard"),
            "figures": self.tr("My figures"),
            "today": self.tr("Today"),
            "inbox": self.tr("Inbox"),
            "queue": self.tr("Work queue"),
            "accounts": self.tr("Accounts"),
            "review": self.tr("Review"),
            "sync": self.tr("Sync"),
        }[name]

    def _count_tip(self, name: str, count: int) -> str:
        if name == "review":
            return self.tr("%n visit report(s) to review", "", count)
        if name == "sync":
            return self.tr("%n conflict(s) or rejected change(s)", "", count)
        if name == "inbox":
            return self.tr("%n unread item(s)", "", count)
        if name == "queue":
            return self.tr("%n overdue", "", count)
        return self._page_title(name)

    def _label_rail(self) -> None:
        for row, name in enumerate(self.pages):
            title = self._page_title(name)
            count = self._counts.get(name, 0)
            item = self.rail.item(row)
            item.setText(title)
            item.setData(BADGE_ROLE, count)
            item.setToolTip(self._count_tip(name, count))
        self.rail.viewport().update()

    def _on_theme_changed(self, _palette: object) -> None:
        self._tint_rail()

    def _tint_rail(self) -> None:
        palette = current_palette()
        for row, name in enumerate(self.pages):
            icon = tinted_icon(PAGE_ICONS[name], palette.text_secondary, palette.accent)
            self.rail.item(row).setIcon(icon)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("notes", "reviews", CONFLICTS, REJECTIONS):
            self._refresh_badges()
        if changes.touches(*INBOX_READS):
            self._refresh_inbox_count()

    def _refresh_badges(self) -> None:
        # Only reviewers see the count; counting costs ~0.2 s on a large territory.
        reviewer = self.context.user.role != "field"

        def read(store: Store) -> tuple[int, SyncStatus]:
            return (unreviewed_count(store) if reviewer else 0), sync_status(store)

        self.context.tasks.read(read, self._show_badges, key="rail-badges")
        self._refresh_inbox_count()

    def _refresh_inbox_count(self) -> None:
        # Its own read: an inbox mark must not recount the review queue (~0.2 s).
        self.context.tasks.read(
            lambda store: sum(unread_counts(store).values()),
            self._show_inbox_count,
            key="rail-inbox",
        )

    def _show_inbox_count(self, unread: int) -> None:
        self._counts["inbox"] = unread
        self._label_rail()

    def _show_badges(self, counts: tuple[int, SyncStatus]) -> None:
        unread, status = counts
        self._counts["review"] = unread
        self._counts["sync"] = status.open_conflicts + status.open_rejections
        self._label_rail()

    def _show_overdue(self, overdue: int) -> None:
        self._counts["queue"] = overdue
        self._label_rail()

    # -- errors and closing -----------------------------------------------------------
    def _show_error(self, message: str) -> None:
        # An error no view caught: said in the notice bar, not a modal box that stops the
        # work (and that a second error would stack on).
        self.context.board.tell(message, problem=True)

    def _show_said(self, sentence: str, failed: bool) -> None:
        if failed:
            self._show_error(sentence)
        else:
            self.statusBar().showMessage(sentence, SAID_MS)

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self._visit_windows.values()):
            window.close()  # saves each open draft
        self.context.settings.save_layout("main_window/geometry", self.saveGeometry())
        self.context.settings.sync()
        super().closeEvent(event)
