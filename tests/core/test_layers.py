"""The core stays headless: no Qt, and no reach up into sync/ or ui/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import fieldapp

CORE = Path(fieldapp.__file__).parent


def test_importing_every_core_module_loads_no_qt_and_no_upper_layer() -> None:
    script = (
        "import importlib, pkgutil, sys, fieldapp\n"
        "names = [m.name for m in pkgutil.walk_packages(fieldapp.__path__, 'fieldapp.')\n"
        "         if m.name != 'fieldapp.__main__']\n"
        "for name in names: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6',"
        " 'sync', 'ui'))\n"
        "print(len(names), bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split(maxsplit=1)
    assert int(out[0]) >= 20  # the walk really found the core's modules
    assert out[1].strip() == "[]"


def test_no_core_module_names_qt_or_an_upper_layer_in_its_imports() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                (path.name, n)
                for n in names
                if n.split(".")[0] in ("PySide6", "PyQt6", "sync", "ui")
            ]
    assert offenders == []
