"""Sign-in, settings (sync interval, language without restart) and signing out."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import shiboken6
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support.server import ServerProcess, running_server

from fieldapp.store.database import database_path, open_store
from fieldapp.store.replica import set_profile_value
from fieldapp.usecases.notes import add_note
from sync import credentials
from sync.session import SERVER_URL_KEY
from ui.app import Shell
from ui.context import AppContext
from ui.dialogs.settings_dialog import SettingsDialog
from ui.dialogs.sign_in import SignInDialog
from ui.dialogs.sign_out import SignOutDialog, SignOutFlow
from ui.i18n import Languages
from ui.settings import LANGUAGE, NOTIFY_NEWS, SYNC_INTERVAL_MINUTES


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_server(tmp_path_factory.mktemp("sign-in-server"), accounts=10) as started:
        yield started


def _fill(dialog: SignInDialog, qtbot: QtBot, url: str, password: str) -> None:
    dialog.server_field.clear()
    qtbot.keyClicks(dialog.server_field, url)
    dialog.username_field.clear()
    qtbot.keyClicks(dialog.username_field, "field")
    qtbot.keyClicks(dialog.password_field, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_explained_and_the_right_one_signs_the_profile_in(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    profile = tmp_path / "new-laptop"
    dialog = SignInDialog(profile)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, qtbot, server.url, "not-the-password")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=10_000)
    assert dialog.result() != SignInDialog.DialogCode.Accepted
    assert dialog.message.text() and "Traceback" not in dialog.message.text()
    assert dialog.password_field.text() == ""  # never kept on screen after a try

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        _fill(dialog, qtbot, server.url, "demo")
    assert dialog.backend is not None
    with open_store(profile) as store:
        assert store.profile_value("current_username") == "field"
        assert store.profile_value("server_url") == server.url
        assert store.profile_value("current_role") == "field"
    assert b"demo" not in _profile_bytes(profile, b"current_role")


def test_without_a_keyring_the_sign_in_says_so_once_and_still_works(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    keyring.set_keyring(NoKeyring())  # restored by the suite's keyring fixture
    dialog = SignInDialog(tmp_path / "laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, qtbot, server.url, "demo")
    qtbot.waitUntil(lambda: dialog.warning is not None, timeout=10_000)
    assert "keyring" in dialog.message.text().lower()
    assert dialog.sign_in_button.text() == "Continue"
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.backend is not None  # kept in memory for the sync worker


def test_settings_change_the_sync_interval_and_the_language_without_restart(
    make_context, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    context = make_context("field")
    languages = Languages(app)
    shell = Shell(app, context, languages, has_server=False)
    try:
        window = shell.start()  # closed (and deleted) by the language change below
        window.show_page("accounts")
        dialog = SettingsDialog(context, languages.current, window)  # goes with the window
        dialog.interval.setCurrentIndex(dialog.interval.findData(5))
        dialog.language.setCurrentIndex(dialog.language.findData("fr_CA"))
        assert dialog.notify.isChecked()  # sync news are told by default
        dialog.notify.setChecked(False)
        dialog.language_chosen.connect(shell.change_language)
        dialog.accept()
        assert context.settings.get(NOTIFY_NEWS) is False
        assert context.settings.get(SYNC_INTERVAL_MINUTES) == 5
        assert context.sync._interval.interval() == 5 * 60_000
        assert context.settings.get(LANGUAGE) == "fr_CA"
        rebuilt = shell.window
        assert rebuilt is not None and rebuilt is not window
        qtbot.addWidget(rebuilt)
        assert rebuilt.current_page == "accounts"  # same place, new language
        assert rebuilt.rail.item(0).text() == "Aujourd'hui"
        # The old window is closed and deleted.
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)
    finally:
        languages.clear()  # later tests see the source strings


def test_signing_out_with_unsent_changes_needs_an_explicit_discard_to_remove_the_data(
    make_context, qtbot: QtBot, ui_profile: Path
) -> None:
    dialog, signed_out = _sign_out_with_a_note_unsent(make_context("field"), qtbot)
    assert dialog.pending == 1 and dialog.pending_label.isVisibleTo(dialog)
    assert dialog.sign_out_button.isEnabled()  # keeping the data loses nothing
    dialog.remove_data.setChecked(True)
    assert not dialog.sign_out_button.isEnabled()  # removing it would lose the note
    assert dialog.discard.isVisibleTo(dialog)
    dialog.discard.setChecked(True)
    assert dialog.sign_out_button.isEnabled()
    qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed_out), timeout=10_000)
    assert not database_path(ui_profile).exists()


def test_signing_out_and_keeping_the_data_keeps_the_unsent_changes(
    make_context, qtbot: QtBot, ui_profile: Path
) -> None:
    dialog, signed_out = _sign_out_with_a_note_unsent(make_context("field"), qtbot)
    qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed_out), timeout=10_000)
    with open_store(ui_profile) as store:
        assert store.scalar("SELECT count(*) FROM outbox") == 1


def _sign_out_with_a_note_unsent(
    context: AppContext, qtbot: QtBot
) -> tuple[SignOutDialog, list[bool]]:
    """A note waiting in the outbox, then the sign-out dialog opened on it."""
    account_id: list[str] = []
    context.tasks.read(lambda s: s.scalar("SELECT id FROM accounts LIMIT 1"), account_id.append)
    qtbot.waitUntil(lambda: bool(account_id))
    context.tasks.write(lambda s: add_note(s, account_id[0], "not sent yet"))
    signed_out: list[bool] = []
    flow = SignOutFlow(context, None, on_signed_out=lambda: signed_out.append(True))
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=5000)
    assert flow.dialog is not None
    qtbot.addWidget(flow.dialog)
    return flow.dialog, signed_out


def _profile_bytes(profile: Path, marker: bytes) -> bytes:
    """Every byte of the profile's files (database, WAL), to look for a secret."""
    data = b"".join(p.read_bytes() for p in profile.iterdir() if p.is_file())
    assert marker in data  # the scan reads the files that hold the profile values
    return data


def test_a_wrong_password_says_so_and_the_message_fits_without_squashing_the_fields(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    dialog = SignInDialog(tmp_path / "laptop")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = (dialog.server_field, dialog.username_field, dialog.password_field)
    heights = [field.height() for field in fields]
    _fill(dialog, qtbot, server.url, "not-the-password")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=10_000)
    text = dialog.message.text()
    assert text == "The username or password is wrong."
    assert "sign in again" not in text.lower()
    # A long message (here: the server is not there) wraps below the fields; the dialog
    # grows for it instead of squeezing them.
    _fill(dialog, qtbot, "http://127.0.0.1:9", "demo")
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled(), timeout=60_000)
    text = dialog.message.text()
    assert "127.0.0.1:9" in text
    assert "Error" not in text and "(" not in text  # no Python class name
    QApplication.processEvents()
    assert [field.height() for field in fields] == heights
    assert dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width())


def test_without_a_keyring_a_restarted_window_asks_for_the_password_when_it_syncs(
    server: ServerProcess, tmp_path: Path, qtbot: QtBot
) -> None:
    from fieldapp.usecases.people import current_user
    from sync.session import sign_in
    from ui.context import build_context
    from ui.settings import AppSettings
    from ui.sync_worker import Connection

    keyring.set_keyring(NoKeyring())  # restored by the suite's keyring fixture
    profile = tmp_path / "laptop"
    with open_store(profile, create=True) as store:
        assert sign_in(store, server.url, "field", "demo").remembered is False
        user = current_user(store)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # The app restarted: nothing holds the sign-in any more.
    context = build_context(profile, user, AppSettings(tmp_path / "settings.ini"))
    shell = Shell(app, context, Languages(app), has_server=True)
    try:
        window = shell.start()
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: shell.sign_in_dialog is not None, timeout=15_000)
        dialog = shell.sign_in_dialog
        assert dialog is not None and dialog.isVisible()
        assert "password" in dialog.message.text().lower()
        assert dialog.password_field.hasFocus() or dialog.password_field.isVisible()
        status = window.status_area
        shown = " ".join(
            (
                status.connection_label.text(),
                status.progress_label.text(),
                status.progress_label.toolTip(),
            )
        )
        assert "fieldapp" not in shown and "--password" not in shown
        # F5 again: the same prompt comes forward; never a second one.
        qtbot.keyClick(window, Qt.Key.Key_F5)
        QApplication.processEvents()
        assert shell.sign_in_dialog is dialog
        assert (
            len(
                [
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, SignInDialog) and w.isVisible()
                ]
            )
            == 1
        )
        with qtbot.waitSignal(context.sync.finished, timeout=30_000) as finished:
            qtbot.keyClicks(dialog.password_field, "demo")
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: dialog.warning is not None, timeout=10_000)
            qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        assert finished.args[0].error is None
        assert context.sync.connection is Connection.ONLINE
    finally:
        context.close()


def test_signing_out_while_the_server_does_not_answer_leaves_the_window_working(
    make_context, qtbot: QtBot, ui_profile: Path
) -> None:
    # A server that accepts connections and never answers: the revoke waits on it.
    silent = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    silent.setblocking(False)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    held: list[socket.socket] = []  # accepted, never answered
    try:
        with open_store(ui_profile) as store, store.transaction():
            set_profile_value(store, SERVER_URL_KEY, url)
        credentials.save_refresh_token(url, "field", "a-refresh-token")
        context = make_context("field")
        dialog, signed_out = _sign_out_with_a_note_unsent(context, qtbot)
        qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: _accepted(silent, held), timeout=30_000)  # the revoke is sent
        # While the revoke waits, the store's jobs still run: on the store thread the
        # revoke held every read and write of the window behind it.
        answered: list[bool] = []
        context.tasks.read(
            lambda s: s.scalar("SELECT count(*) FROM accounts"),
            lambda n: answered.append(not signed_out),
        )
        qtbot.waitUntil(lambda: bool(answered), timeout=30_000)
        assert answered == [True]  # answered before the sign-out could finish
    finally:
        for connection in held:
            connection.close()  # the revoke's connection breaks: it gives up offline
        silent.close()
    qtbot.waitUntil(lambda: bool(signed_out), timeout=120_000)
    assert credentials.load_refresh_token(url, "field") is None


def _accepted(listener: socket.socket, held: list[socket.socket]) -> bool:
    try:
        connection, _ = listener.accept()
    except BlockingIOError:
        return bool(held)
    held.append(connection)
    return True
