"""Starting the desktop app on a profile, and what lives as long as the app does.

``run_app`` checks the profile (a damaged or locked database is a dialog, not a crash),
asks for a sign-in when the profile has none, then builds the context and the main
window. The ``Shell`` owns the window: switching the language rebuilds the window in the
new language (no restart), signing out closes it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldapp.errors import FieldAppError, NoCurrentUserError
from fieldapp.records import User
from fieldapp.store.database import open_store
from fieldapp.usecases.people import current_user
from sync.backend import SyncBackend
from sync.session import SERVER_URL_KEY
from ui import error_words
from ui.context import AppContext, build_context
from ui.crash import CrashReporter
from ui.damage import is_damage
from ui.dialogs.recovery import RecoveryDialog
from ui.dialogs.sign_in import SignInDialog
from ui.i18n import Languages, start_choice
from ui.main_window import MainWindow
from ui.notifier import Show, SyncNotifier, tray_presenter
from ui.settings import LANGUAGE, SYNC_INTERVAL_MINUTES, AppSettings
from ui.single_instance import ProfileGuard
from ui.sync_worker import SyncOutcome
from ui.tasks import describe
from ui.theme.style import install_theme

log = logging.getLogger(__name__)

DESKTOP_ID = "ca.fieldapp.FieldApp"
# resources/ sits beside the packages in a checkout, an install and the frozen app.
APP_ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("FieldApp")
    app.setOrganizationName("FieldApp")
    install_theme(app)
    # The .desktop entry's name (packaging/linux): Wayland and docks match the window to it.
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """FieldApp's icon at every size rendered from its SVG (packaging/render_icons.py)."""
    icon = QIcon()
    for png in sorted(APP_ICON_DIR.glob("fieldapp-*.png")):
        icon.addFile(str(png))
    return icon


def read_user(profile_dir: Path) -> tuple[User | None, bool]:
    """Who works in this profile, and whether it knows a server to sync with."""
    with open_store(profile_dir) as store:
        try:
            user = current_user(store)
        except NoCurrentUserError:
            user = None
        return user, store.profile_value(SERVER_URL_KEY) is not None


class Shell(QObject):
    """The app's lifetime: the context, the current main window, language and sign-out."""

    def __init__(
        self, app: QApplication, context: AppContext, languages: Languages, has_server: bool
    ) -> None:
        super().__init__()
        self.app = app
        self.context = context
        self.languages = languages
        self.has_server = has_server
        self.window: MainWindow | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self._tray: Show | None = None
        self.notifier: SyncNotifier | None = None
        self._restored = False  # the recovery dialog put a backup back
        self._watch(context)

    def _watch(self, context: AppContext) -> None:
        context.sync.sign_in_needed.connect(self.ask_for_password)
        context.tasks.database_damaged.connect(self.show_recovery)
        context.sync.database_damaged.connect(self.show_recovery)

    def open_window(self) -> MainWindow:
        window = MainWindow(self.context)
        window.settings_requested.connect(self.show_settings)
        window.sign_out_requested.connect(self.sign_out)
        window.sign_in_requested.connect(self.sign_in_again)
        window.show()
        self.window = window
        return window

    def start(self) -> MainWindow:
        window = self.open_window()
        if self._tray is None:
            self._tray = tray_presenter(self)
        # One summary per sync that brings something for this person (ui/notifier.py).
        self.notifier = SyncNotifier(self.context, self._tray, self)
        interval = self.context.settings.get(SYNC_INTERVAL_MINUTES)
        if self.has_server:
            self.context.sync.set_interval(interval)
            # After the window is up: the first paint never waits for the network.
            QTimer.singleShot(0, self.context.sync.sync_now)
        return window

    def bring_forward(self) -> None:
        """Another start on this profile asked: show this window on top of the others."""
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        # Where the window manager refuses to hand over the focus, the task bar flashes.
        QApplication.alert(window)

    def change_language(self, language: str) -> None:
        """Apply at once: the window is rebuilt in the new language, in the same place."""
        self.context.settings.set(LANGUAGE, language)
        self.languages.apply(language)
        old = self.window
        if old is not None:
            page = old.current_page
            geometry = old.saveGeometry()
        new = self.open_window()
        if old is not None:
            new.restoreGeometry(geometry)
            new.show_page(page)
            old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            old.close()

    def show_settings(self) -> None:
        from ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self.languages.choice, self.window)
        dialog.language_chosen.connect(self.change_language)
        dialog.sign_out_requested.connect(self.sign_out)
        dialog.open()

    def sign_out(self) -> None:
        from ui.dialogs.sign_out import SignOutFlow

        SignOutFlow(self.context, self.window, on_signed_out=self._after_sign_out).start()

    def sign_in_again(self, reason: str | None = None) -> None:
        """The sign-in dialog on this profile; one at a time, however often it is asked."""
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.raise_()
            self.sign_in_dialog.activateWindow()
            return
        dialog = SignInDialog(self.context.profile_dir, self.window, reason=reason)
        dialog.signed_in.connect(self.context.sync.use_backend)
        dialog.signed_in.connect(lambda _b: self.context.sync.sync_now())
        dialog.finished.connect(lambda _r: self._sign_in_closed(dialog))
        self.sign_in_dialog = dialog
        dialog.open()

    def ask_for_password(self) -> None:
        """A sync needs the password (no keyring, or the sign-in ended): ask, as promised."""
        if self.window is not None:
            self.sign_in_again(self.context.sync.sign_in_text())

    def _sign_in_closed(self, dialog: SignInDialog) -> None:
        if self.sign_in_dialog is dialog:
            self.sign_in_dialog = None
        dialog.deleteLater()

    # -- a damaged database ---------------------------------------------------------------
    def show_recovery(self, detail: str) -> None:
        """One recovery dialog, however many reads and syncs hit the damage."""
        self.context.sync.halt(detail)
        if self.recovery_dialog is not None:
            self.recovery_dialog.raise_()
            self.recovery_dialog.activateWindow()
            return
        # No parent: the dialog outlives the window when a restore reopens it.
        dialog = RecoveryDialog(self.context.profile_dir, detail, before_restore=self._close_stores)
        dialog.restored.connect(lambda _name: setattr(self, "_restored", True))
        dialog.finished.connect(lambda _r: self._recovery_closed(dialog))
        self.recovery_dialog = dialog
        dialog.open()

    def _close_stores(self) -> None:
        # Restoring replaces the database file: no connection of this process may be open
        # on it (docs/decisions.md). The workers finish their jobs and close their stores.
        self.context.close()

    def _recovery_closed(self, dialog: RecoveryDialog) -> None:
        self.recovery_dialog = None
        dialog.deleteLater()
        if self._restored:
            self._reopen()
        else:
            if self.window is not None:
                self.window.close()
            self.app.quit()

    def _reopen(self) -> None:
        """After a restore: new workers on the restored file, and a new window."""
        try:
            user, self.has_server = read_user(self.context.profile_dir)
        except Exception as exc:  # the restored file refused too: the dialog again
            log.error("the restored profile cannot be opened: %s", exc)
            user = None
        old = self.window
        if user is None:
            if old is not None:
                old.close()
            self.app.quit()
            return
        settings = AppSettings(self.context.settings.path)
        self.context = build_context(self.context.profile_dir, user, settings)
        self._watch(self.context)
        self.start()
        if old is not None:
            old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            old.close()

    def _after_sign_out(self) -> None:
        if self.window is not None:
            self.window.close()
        self.app.quit()


def run_app(
    profile_dir: Path,
    *,
    argv: list[str] | None = None,
    backend: SyncBackend | None = None,
    on_ready: Callable[[Shell], None] | None = None,
    quit_after_first_sync: bool = False,
    guard: ProfileGuard | None = None,
) -> int:
    """Open the main window on a profile; returns the exit code when the app quits.

    ``guard``: the profile's lock, already claimed by the caller; without one, it is
    claimed here, before the database is opened, and a FieldApp already open on the
    profile is brought to the front instead (returns 0).
    """
    app = application(argv)
    own_guard = guard is None
    if guard is None:
        guard = ProfileGuard(profile_dir)
        if not guard.claim():
            log.info("FieldApp is already open on %s: brought it to the front", profile_dir)
            return 0
    settings = AppSettings()
    languages = Languages(app)
    languages.apply(start_choice(settings.get(LANGUAGE)))
    crash = CrashReporter(app)
    crash.install()
    try:
        try:
            user, has_server = read_user(profile_dir)
        except Exception as exc:
            if is_damage(exc):
                # Start-up: no store of this process is open, so restoring is safe here.
                if not recover_at_start(profile_dir, describe(exc)):
                    return 1
                user, has_server = read_user(profile_dir)
            elif isinstance(exc, FieldAppError):
                QMessageBox.critical(None, "FieldApp", error_words.sentence(exc))
                return 1
            else:
                raise
        if user is None:
            dialog = SignInDialog(profile_dir)
            if dialog.exec() != SignInDialog.DialogCode.Accepted:
                return 0
            backend = dialog.backend
            user, has_server = read_user(profile_dir)
            if user is None:
                return 1
        context = build_context(profile_dir, user, settings)
        if backend is not None:
            context.sync.use_backend(backend)
        shell = Shell(app, context, languages, has_server)
        shell.start()
        guard.bring_forward_with(shell.bring_forward)
        QTimer.singleShot(0, lambda: log.info("the window is open on %s", profile_dir))
        if quit_after_first_sync:
            context.sync.finished.connect(lambda outcome: _quit_after(app, outcome))
        if on_ready is not None:
            on_ready(shell)
        try:
            return app.exec()
        finally:
            shell.context.close()  # the context a restore may have replaced
    finally:
        crash.uninstall()
        if own_guard:
            guard.release()


def recover_at_start(profile_dir: Path, detail: str) -> bool:
    """The recovery dialog before any window; True when a backup was put back."""
    dialog = RecoveryDialog(profile_dir, detail)
    restored: list[str] = []
    dialog.restored.connect(restored.append)
    dialog.exec()
    return bool(restored)


def _quit_after(app: QApplication, outcome: SyncOutcome) -> None:
    if outcome.error is not None:
        log.error("the first sync failed: %s", outcome.error)
        app.exit(1)
    else:
        app.exit(0)
