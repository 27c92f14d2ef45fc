"""The interface language and its locale: English (the source strings) or French, in one of
four territories or the system's, switchable at run time.

A choice is a locale name ("fr_CA"): its language picks the catalogue (fr-FR and fr-CA
share the French one) and the whole locale, territory included, drives dates, numbers and
money (ui/formatting.py reads ``QLocale()``, which ``apply`` sets). ``$FIELDAPP_LANG``
overrides the saved choice at start (tests, screenshots, a support call in the other
language); "System language" follows ``QLocale.system()``, i.e. ``LANG``/``LC_ALL`` on Linux.

The French catalogue is ``ui/translations/fieldapp_fr.ts`` (edited with Qt Linguist,
refreshed with ``python -m ui.translations.build``) compiled to ``fieldapp_fr.qm``, which
ships inside the package. Qt's own strings (standard buttons, context menus) come from the
``qtbase`` catalogue PySide6 ships.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).parent / "translations"
LANGUAGE_ENV = "FIELDAPP_LANG"
# The catalogues that ship: the source strings' English and French.
CATALOGUES = ("en", "fr")
# The choices the settings offer, "" (the system's) first. Each name is written in its
# own language, as language pickers do, so a person lost in the wrong one finds theirs.
CHOICES = ("", "en_CA", "en_US", "fr_CA", "fr_FR")
_NAMES = {
    "en_CA": "English (Canada)",
    "en_US": "English (United States)",
    "fr_CA": "Français (Canada)",
    "fr_FR": "Français (France)",
}
# Settings files written before the territory was part of the choice held "en" or "fr";
# the teams the app was first made for work in Québec.
_OLDER_CHOICES = {"en": "en_CA", "fr": "fr_CA"}


def choice_name(choice: str) -> str:
    if choice in _NAMES:
        return _NAMES[choice]
    return QCoreApplication.translate("Languages", "System language")


def normalised_choice(choice: str) -> str:
    """A saved or typed choice as one of ``CHOICES``: "fr" and "fr-CA" read as "fr_CA";
    any other locale name is kept when Qt knows its language, else "" (the system's)."""
    text = choice.strip().replace("-", "_")
    text = _OLDER_CHOICES.get(text.lower(), text)
    if not text:
        return ""
    if QLocale(text).language() == QLocale.Language.C:
        return ""
    return text


def locale_for(choice: str) -> QLocale:
    """The locale a choice stands for. A system language with no catalogue (German) keeps
    the system's territory with English words: dates and money the way the country writes
    them, in the language of the text around them."""
    choice = normalised_choice(choice)
    locale = QLocale(choice) if choice else system_locale()
    if catalogue_of(locale) == "en" and locale.language() != QLocale.Language.English:
        return QLocale(QLocale.Language.English, locale.territory())
    return locale


def catalogue_of(locale: QLocale) -> str:
    return "fr" if locale.language() == QLocale.Language.French else "en"


def system_locale() -> QLocale:
    # One seam for the tests: Qt reads the system's locale once per process.
    return QLocale.system()


def system_language() -> str:
    return catalogue_of(system_locale())


def start_choice(saved: str) -> str:
    """The choice the app starts in: ``$FIELDAPP_LANG`` when set, else the saved one."""
    return os.environ.get(LANGUAGE_ENV, "").strip() or saved


class Languages:
    """Installs the translators of one language into the application, replacing the last,
    and makes the chosen locale the default one."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self._initial_locale = QLocale()  # what numbers and dates used before us
        self.current = "en"  # the catalogue in force
        self.choice = ""  # what was chosen ("" = the system's), for the settings dialog
        self.locale = QLocale(self._initial_locale)

    def clear(self) -> None:
        """Remove every translator this object installed (the source strings show)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(self._initial_locale)
        self.current = "en"
        self.choice = ""
        self.locale = QLocale(self._initial_locale)

    def apply(self, choice: str) -> str:
        """Switch to ``choice`` (a locale name, "fr" or "en", "" for the system's); returns
        the catalogue now in force ("en" or "fr")."""
        choice = normalised_choice(choice)
        locale = locale_for(choice)
        language = catalogue_of(locale)
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
        self.choice = choice
        self.locale = locale
        QLocale.setDefault(locale)
        return language
