"""The app's own settings (window layout, view state, sync interval, language) in QSettings.

Each setting is declared once with its type and default, so a wrong value in the file
(edited by hand, or from an older version) falls back to the default instead of breaking
a view. Secrets never go here: the sign-in token lives in the OS keyring only.

The file is ``$FIELDAPP_SETTINGS_FILE`` when set (tests point it at a temporary file),
else an INI file in the platform's configuration folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Generic, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

SETTINGS_ENV = "FIELDAPP_SETTINGS_FILE"
T = TypeVar("T", int, str, bool)


def settings_path() -> Path:
    override = os.environ.get(SETTINGS_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("FieldApp", appauthor=False)) / "fieldapp.ini"


class Setting(Generic[T]):
    def __init__(self, key: str, default: T, allowed: tuple[T, ...] = ()) -> None:
        self.key: str = key
        self.default: T = default
        self.allowed: tuple[T, ...] = allowed

    def read(self, qsettings: QSettings) -> T:
        raw: object = qsettings.value(self.key, self.default)
        value: T
        try:
            if isinstance(self.default, bool):
                flag = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
                value = type(self.default)(flag)
            else:
                value = type(self.default)(str(raw))
        except (TypeError, ValueError):
            return self.default
        if self.allowed and value not in self.allowed:
            return self.default
        return value


SYNC_INTERVAL_MINUTES = Setting("sync/interval_minutes", 15, (0, 5, 15, 30, 60))
LANGUAGE = Setting("ui/language", "", ("", "en", "fr"))  # "": the system's language
LAST_PAGE = Setting("ui/last_page", "")
# The profile folder the app opens when no --profile is given ("": the default one).
DATA_FOLDER = Setting("profile/folder", "")


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self.qsettings)

    def set(self, setting: Setting[T], value: T) -> None:
        self.qsettings.setValue(setting.key, value)
        self.qsettings.sync()

    def layout(self, key: str) -> QByteArray | None:
        """A saved geometry or splitter/header state, or None."""
        value = self.qsettings.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_layout(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{key}", value)

    def sync(self) -> None:
        self.qsettings.sync()
