"""The app's own settings (window layout, view state, sync interval, language) in QSettings.

Each setting is declared once with its type and default, so a wrong value in the file
(edited by hand, or from an older version) falls back to the default instead of breaking
a view. Secrets never go here: the sign-in token lives in the OS keyring only.

The file is ``$FIELDAPP_SETTINGS_FILE`` when set (tests point it at a temporary file),
else an INI file in the platform's configuration folder.
"""

from __future__ import annotations

import hashlib
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
    """One declared setting; ``per_profile`` ones are kept apart for each profile."""

    def __init__(
        self, key: str, default: T, allowed: tuple[T, ...] = (), *, per_profile: bool = False
    ) -> None:
        self.key: str = key
        self.per_profile = per_profile
        self.default: T = default
        self.allowed: tuple[T, ...] = allowed

    def read(self, qsettings: QSettings, key: str | None = None) -> T:
        raw: object = qsettings.value(key or self.key, self.default)
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
# The interface language and its territory ("fr_CA"; "": the system's). "en" and "fr" are
# the values of older versions, read as en_CA and fr_CA (ui/i18n.py).
LANGUAGE = Setting("ui/language", "", ("", "en_CA", "en_US", "fr_CA", "fr_FR", "en", "fr"))
# Where this person works: the field rep's Today, the inside rep's Review.
LAST_PAGE = Setting("ui/last_page", "", per_profile=True)
# The dashboard's kind of period, as the person last chose it (week, month, quarter).
DASHBOARD_PERIOD = Setting(
    "ui/dashboard_period", "month", ("week", "month", "quarter"), per_profile=True
)
# A desktop notification when a sync brings replies, pinned notes or follow-ups for me.
NOTIFY_NEWS = Setting("ui/notify_news", True)
# The profile folder the app opens when no --profile is given ("": the default one).
DATA_FOLDER = Setting("profile/folder", "")


def profile_scope(profile_dir: Path) -> str:
    """A stable, file-name-safe name for one profile folder in the settings file."""
    resolved = str(Path(profile_dir).expanduser().resolve())
    return hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]


class AppSettings:
    """The settings file; ``for_profile`` gives the view one profile's window works with.

    App-wide settings (language, sync interval, data folder) are shared by every profile;
    the window's layout and last page belong to the person whose profile it is, so two
    people sharing a computer (or one person with a test profile) do not inherit each
    other's window.
    """

    def __init__(self, path: Path | None = None, *, profile: str | None = None) -> None:
        self.path = path or settings_path()
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.profile = profile

    def for_profile(self, profile_dir: Path) -> AppSettings:
        scoped = AppSettings(self.path, profile=profile_scope(profile_dir))
        scoped.qsettings = self.qsettings  # one QSettings object: one view of the file
        return scoped

    def _key(self, key: str, per_profile: bool) -> str:
        if per_profile and self.profile is not None:
            return f"profiles/{self.profile}/{key}"
        return key

    def get(self, setting: Setting[T]) -> T:
        return setting.read(self.qsettings, self._key(setting.key, setting.per_profile))

    def set(self, setting: Setting[T], value: T) -> None:
        self.qsettings.setValue(self._key(setting.key, setting.per_profile), value)
        self.qsettings.sync()

    def layout(self, key: str) -> QByteArray | None:
        """A saved geometry or splitter/header state of this profile's window, or None."""
        value = self.qsettings.value(self._key(f"layout/{key}", per_profile=True))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_layout(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(self._key(f"layout/{key}", per_profile=True), value)

    def sync(self) -> None:
        self.qsettings.sync()
