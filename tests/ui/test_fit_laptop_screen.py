"""Everything fits a 1366x768 laptop screen at 100 % and 125 %, in English and in French.

The walk itself (tests/support/fit_walk.py) runs in child processes, one per scale: the
screen size and ``QT_SCALE_FACTOR`` belong to a process. The offscreen platform is given
a 1366x768 screen by a configuration file; at 125 % Qt turns it into 1093x614 logical
pixels, the room a laptop at that scaling leaves. What "fits" means is in
tests/support/fit_check.py.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.fit_check import misfits
from support.fit_walk import BASES

import ui

ROOT = Path(__file__).resolve().parents[2]
WALK = ROOT / "tests" / "support" / "fit_walk.py"
LAPTOP = {"width": 1366, "height": 768}
SCALES = {"100 %": "1", "125 %": "1.25"}
LOGICAL = {"100 %": [1366, 768], "125 %": [1093, 614]}


def dialog_classes() -> set[str]:
    """Every dialog the ui package defines (the visit window is one), bases left out."""
    found = set()
    for module_info in pkgutil.walk_packages(ui.__path__, "ui."):
        if module_info.name.startswith("ui.translations"):
            continue
        module = importlib.import_module(module_info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == module.__name__:
                found.add(value.__name__)
    return found - BASES


def page_classes() -> set[str]:
    """Every widget class the pages of the main window are made of (ui/pages/*)."""
    import ui.pages

    found = set()
    for module_info in pkgutil.iter_modules(ui.pages.__path__, "ui.pages."):
        module = importlib.import_module(module_info.name)
        for name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QWidget) and value.__module__ == module.__name__:
                found.add(name)
    return found


@pytest.fixture(scope="module")
def walks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Both walks, run side by side: {scale: what fit_walk.py wrote}."""
    folder = tmp_path_factory.mktemp("fit")
    screen_file = folder / "laptop-screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, **LAPTOP, "logicalDpi": 96, "dpr": 1}
    screen_file.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    running = {}
    for scale, factor in SCALES.items():
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
            "QT_SCALE_FACTOR": factor,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)]),
            "FIELDAPP_LOG_DIR": str(folder / "logs"),
        }
        out = folder / f"walk-{factor}.json"
        process = subprocess.Popen(
            [sys.executable, str(WALK), str(out), "en", "fr"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        running[scale] = (process, out)
    results = {}
    for scale, (process, out) in running.items():
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, f"the {scale} walk failed:\n{output}"
        results[scale] = json.loads(out.read_text(encoding="utf-8"))
    return results


def _report(scale: str, found: list[dict[str, object]]) -> list[str]:
    lines = {}
    for misfit in found:
        state, _, path = str(misfit["path"]).rpartition(": ")
        key = (misfit["language"], misfit["kind"], path, misfit["text"])
        if key not in lines:
            lines[key] = (
                f"[{scale}] [{misfit['language']}] {misfit['kind']} {path}: {misfit['text']!r}"
                f" needs {misfit['needed']} px, has {misfit['given']}"
                + (f" (seen on: {state})" if state else "")
            )
    return list(lines.values())


@pytest.mark.parametrize("scale", list(SCALES))
def test_every_page_and_dialog_fits_a_laptop_screen_in_both_languages(
    walks: dict[str, dict[str, object]], scale: str
) -> None:
    walk = walks[scale]
    assert walk["screen"] == LOGICAL[scale]  # the walk ran on the laptop's screen
    found = walk["misfits"]
    assert isinstance(found, list)
    failures = _report(scale, found)
    assert not failures, f"{len(failures)} texts do not fit:\n" + "\n".join(failures)


def test_the_walk_opens_every_dialog_of_the_app(walks: dict[str, dict[str, object]]) -> None:
    """A new dialog class fails here until fit_walk.py's OPENERS opens it."""
    for walk in walks.values():
        opened = walk["opened"]
        assert isinstance(opened, list)
        assert dialog_classes() - set(opened) == set()


def test_the_walk_shows_every_part_of_every_page(walks: dict[str, dict[str, object]]) -> None:
    """A new page (or part of one) in ui/pages fails here until the walk shows it."""
    for walk in walks.values():
        shown = walk["shown"]
        assert isinstance(shown, list)
        assert page_classes() - set(shown) == set()


# -- the measure itself, on widgets made too narrow on purpose ----------------------------


def test_the_measure_finds_each_kind_of_cut_text_and_passes_what_fits(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    long_words = "Marquer comme révisé et passer au suivant"
    cut = {
        "QLabel": QLabel(long_words),
        "QPushButton": QPushButton(long_words),
        "QCheckBox": QCheckBox(long_words),
        "QGroupBox": QGroupBox(long_words),
    }
    for widget in cut.values():
        widget.setMinimumWidth(0)
        widget.setMaximumWidth(60)
        layout.addWidget(widget)
    fitting = QLabel("OK")
    layout.addWidget(fitting)
    wrapped = QLabel(long_words * 3)
    wrapped.setWordWrap(True)
    layout.addWidget(wrapped)
    table = QTableView()
    columns = QStandardItemModel(1, 2, table)
    columns.setHorizontalHeaderLabels(["Prochaine visite", "Id"])
    table.setModel(columns)
    table.horizontalHeader().resizeSection(0, 40)
    layout.addWidget(table)
    tabs = QTabWidget()
    tabs.setMaximumWidth(120)
    for title in ("Modifications en attente", "Conflits", "Rejetées"):
        tabs.addTab(QWidget(), title)
    layout.addWidget(tabs)
    window.resize(400, 600)
    window.show()
    qtbot.waitExposed(window)

    found = misfits(window, "fr")
    kinds = {m.kind for m in found}
    assert set(cut) | {"QHeaderView section", "QTabBar tab"} <= kinds
    texts = {m.text for m in found}
    assert "OK" not in texts and "Id" not in texts
    assert not any(m.text.startswith(long_words * 2) for m in found)  # word wrap is fine
    header = next(m for m in found if m.kind == "QHeaderView section")
    assert (header.text, header.given) == ("Prochaine visite", 40)
    assert header.needed > 40 and "column 0" in header.path
