"""Settings: the server and who is signed in, auto-sync, language, data folder, sign out.

Changes apply when the dialog is accepted: the sync interval at once, the language and its
locale by rebuilding the window (no restart; a dialog left open keeps its words), the data
folder at the next start (the open profile stays open until then, and the dialog says so).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.status import SyncStatus, sync_status
from sync.session import SERVER_URL_KEY
from ui.context import AppContext
from ui.formatting import fill
from ui.i18n import CHOICES, choice_name, normalised_choice
from ui.settings import DATA_FOLDER, NOTIFY_NEWS, SYNC_INTERVAL_MINUTES


class SettingsDialog(QDialog):
    language_chosen = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, context: AppContext, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._context = context

        self.server_label = QLabel("…")
        self.server_label.setObjectName("serverLabel")
        self.user_label = QLabel(context.user.display_name)
        self.interval = QComboBox()
        self.interval.setObjectName("syncInterval")
        for minutes in SYNC_INTERVAL_MINUTES.allowed:
            text = (
                self.tr("Only when I ask (F5)")
                if minutes == 0
                else self.tr("Every %n minute(s)", "", minutes)
            )
            self.interval.addItem(text, minutes)
        self.interval.setCurrentIndex(
            max(0, self.interval.findData(context.settings.get(SYNC_INTERVAL_MINUTES)))
        )
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in CHOICES:
            self.language.addItem(choice_name(code), code)
        self._language = normalised_choice(language)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        self.folder_label = QLabel()
        self.folder_label.setObjectName("dataFolder")
        self.folder_label.setWordWrap(True)
        self._show_folder(str(context.profile_dir))
        change_folder = QPushButton(self.tr("Change…"))
        change_folder.clicked.connect(self._choose_folder)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(change_folder)
        self.notify = QCheckBox(self.tr("Tell me when a sync brings something for me"))
        self.notify.setObjectName("notifyNews")
        self.notify.setChecked(context.settings.get(NOTIFY_NEWS))
        sign_out = QPushButton(self.tr("Sign out…"))
        sign_out.setObjectName("signOut")
        sign_out.clicked.connect(self._sign_out)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server_label)
        form.addRow(self.tr("Signed in as"), self.user_label)
        form.addRow(self.tr("Sync automatically"), self.interval)
        form.addRow("", self.notify)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Data folder"), folder_row)
        form.addRow("", self.folder_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sign_out)
        layout.addWidget(buttons)
        self._chosen_folder: str | None = None
        context.tasks.read(
            lambda store: (store.profile_value(SERVER_URL_KEY), sync_status(store)), self._show
        )

    def _show(self, values: tuple[str | None, SyncStatus]) -> None:
        url, status = values
        self.server_label.setText(url or self.tr("Not signed in to a server"))
        if status.signed_in_as:
            self.user_label.setText(
                fill(self.tr("%1 (%2)"), self._context.user.display_name, status.signed_in_as)
            )

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), str(self._context.profile_dir)
        )
        if folder:
            self.choose_folder(folder)

    def choose_folder(self, folder: str) -> None:
        self._chosen_folder = folder
        self._show_folder(folder)
        self.folder_note.setText(self.tr("FieldApp opens this folder the next time it starts."))

    def _show_folder(self, folder: str) -> None:
        # A path has no spaces to wrap at: a zero-width space after each separator lets a
        # long one (C:\Users\Jean-François\AppData\…) wrap instead of being cut.
        breakable = folder.replace("/", "/\u200b").replace("\\", "\\\u200b")
        self.folder_label.setText(breakable)
        self.folder_label.setToolTip(folder)

    def _sign_out(self) -> None:
        self.reject()
        self.sign_out_requested.emit()

    def accept(self) -> None:
        settings = self._context.settings
        minutes = int(self.interval.currentData())
        settings.set(SYNC_INTERVAL_MINUTES, minutes)
        settings.set(NOTIFY_NEWS, self.notify.isChecked())
        self._context.sync.set_interval(minutes)
        if self._chosen_folder is not None:
            settings.set(DATA_FOLDER, self._chosen_folder)
        super().accept()
        language = str(self.language.currentData())
        if language != self._language:
            self.language_chosen.emit(language)
