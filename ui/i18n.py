"""The interface language: English (the source strings) or French, switchable at run time.

The French catalogue is ``ui/translations/fieldapp_fr.ts`` (edited with Qt Linguist,
refreshed with ``python -m ui.translations.build``) compiled to ``fieldapp_fr.qm``, which
ships inside the package. Qt's own strings (standard buttons, context menus) come from the
``qtbase`` catalogue PySide6 ships.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
LANGUAGES = {"en": "English", "fr": "Français"}


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


class Languages:
    """Installs the translators of one language into the application, replacing the last."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._initial_locale = QLocale()  # what numbers and dates used before us
        self.current = "en"

    def clear(self) -> None:
        """Remove every translator this object installed (the source strings show)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(self._initial_locale)
        self.current = "en"

    def apply(self, language: str) -> str:
        """Switch to ``language`` ("" means the system's); returns the one now in force."""
        language = language or system_language()
        if language not in LANGUAGES:
            language = "en"
        self.clear()
        # English too: its catalogue holds the plural forms ("1 change", "2 changes").
        ours = QTranslator(self._app)
        if ours.load(str(TRANSLATIONS_DIR / f"fieldapp_{language}.qm")):
            self._installed.append(ours)
        else:
            log.warning("the %s catalogue could not be loaded", language)
        if language != "en":
            qt_own = QTranslator(self._app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", qt_dir):
                self._installed.append(qt_own)
        for translator in self._installed:
            self._app.installTranslator(translator)
        self.current = language
        QLocale.setDefault(QLocale(language))
        return language
