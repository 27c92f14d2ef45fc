"""The app that gets killed in tests/ui/test_visit_window.py's crash test.

Usage: visit_crash_child.py PROFILE VISIT_ID SETTINGS_FILE TEXT

Opens the visit window on the profile (off screen), types TEXT into the summary the way a
person would (key presses, no focus change), waits until the autosave timer has written
the draft, prints ``DRAFT-SAVED`` and carries on running until the test kills it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.store.database import open_store
from fieldapp.usecases.people import current_user

MARKER = "DRAFT-SAVED"


def type_text(widget: QWidget, text: str) -> None:
    """One key press per character, accents included (``QTest.keyClicks`` only knows ASCII).

    Qt's key codes for Latin-1 letters are their upper-case code points; the text the
    event carries is what a field inserts.
    """
    for char in text:
        upper = char.upper()
        key = Qt.Key(ord(upper)) if len(upper) == 1 and ord(upper) < 0x100 else Qt.Key.Key_unknown
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, char, Qt.KeyboardModifier.NoModifier)


def main(argv: list[str]) -> int:
    profile, visit_id, settings_file, text = argv[1:5]
    app = QApplication([])
    from ui.context import build_context
    from ui.settings import AppSettings
    from ui.visit_form import VisitWindow

    with open_store(Path(profile)) as store:
        user = current_user(store)
    context = build_context(Path(profile), user, AppSettings(Path(settings_file)))
    window = VisitWindow(context, visit_id)  # the real autosave interval
    window.draft_saved.connect(lambda _at: print(MARKER, flush=True))
    window.loaded.connect(lambda: type_text(window.report.summary, text))
    window.show()
    return app.exec()  # never returns: the test kills this process


if __name__ == "__main__":
    sys.exit(main(sys.argv))
