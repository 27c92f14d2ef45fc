"""A child process for tests/ui/test_recovery.py: ``run_app`` on a damaged profile, with
the recovery dialog driven as a person would (wait for the backup list, put the first
backup back, press "Open FieldApp"), then the window checked and the app quit.

It runs in a process of its own because it quits a real ``QApplication.exec()``: the
test process's Qt application must stay usable for the tests after it. Writes what it
saw as JSON to the path given after the profile folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from ui.app import Shell, run_app
from ui.dialogs.recovery import RecoveryDialog

STEP_MS = 100
WAIT_STEPS = 1200  # two minutes: the dialog's listing and restore are child processes


def main(profile_dir: Path, report: Path) -> int:
    seen: dict[str, Any] = {}

    def dialog() -> RecoveryDialog | None:
        return next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryDialog)),
            None,
        )

    def when(ready: Any, then: Any, steps: int = WAIT_STEPS) -> None:
        if ready():
            then()
        elif steps <= 0:
            seen["error"] = "timed out"
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QDialog):
                    widget.reject()
        else:
            QTimer.singleShot(STEP_MS, lambda: when(ready, then, steps - 1))

    def listed() -> bool:
        found = dialog()
        return bool(found and found.restore_button.isVisible() and found.restore_button.isEnabled())

    def restore() -> None:
        found = dialog()
        assert found is not None
        seen["dialogs"] = [
            type(w).__name__
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()
        ]
        seen["listed"] = found.backups.currentItem().text()
        seen["file"] = found.backups.currentItem().toolTip()
        found.process_finished.connect(lambda kind: restored(found) if kind == "restore" else None)
        found.restore_button.click()

    def restored(found: RecoveryDialog) -> None:
        seen["result"] = found.restore_result.text()
        seen["close"] = found.close_button.text()
        found.close_button.click()

    def on_ready(shell: Shell) -> None:
        window = shell.window
        seen["window"] = window is not None and window.isVisible()
        seen["status"] = window.status_area.connection_label.text() if window else None
        QTimer.singleShot(0, QApplication.quit)

    QTimer.singleShot(0, lambda: when(listed, restore))
    code = run_app(profile_dir, argv=["fieldapp"], on_ready=on_ready)
    seen["code"] = code
    report.write_text(json.dumps(seen), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
