"""The layers keep their shape: the core and the sync engine never know Qt (and the core
never reaches up), and the UI never touches SQL, sqlite3 or the store's connection."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import fieldapp
import sync
import ui

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


SYNC = Path(sync.__file__).parent
UI = Path(ui.__file__).parent
# SQL as the store's callers would write it: upper-case keywords, as every query here is.
SQL = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bPRAGMA\b|\bCREATE\s+(TEMP\s+)?(TABLE|TRIGGER|INDEX)\b"
)


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def test_importing_every_sync_module_loads_no_qt_and_no_ui() -> None:
    script = (
        "import importlib, pkgutil, sys, sync\n"
        "names = [m.name for m in pkgutil.walk_packages(sync.__path__, 'sync.')\n"
        # Alembic's env.py runs only inside Alembic (it reads alembic.context.config); the
        # import scan below still reads it.
        "         if m.name != 'sync.server.migrations.env']\n"
        "for name in names: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6',"
        " 'ui'))\n"
        "print(len(names), bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split(maxsplit=1)
    assert int(out[0]) >= 20  # the walk really found the engine's and the server's modules
    assert out[1].strip() == "[]"


def test_no_sync_module_names_qt_or_ui_in_its_imports() -> None:
    offenders = [
        (str(path.relative_to(SYNC)), name)
        for path in SYNC.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in ("PySide6", "PyQt6", "shiboken6", "ui")
    ]
    assert offenders == []


def test_the_ui_holds_no_sql_no_sqlite3_and_no_store_connection() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        name = str(path.relative_to(UI))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [(name, "import", n) for n in _imports(path) if n.split(".")[0] == "sqlite3"]
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if SQL.search(node.value):
                    offenders.append((name, "SQL", node.value[:40]))
            elif isinstance(node, ast.Attribute) and node.attr in ("conn", "_conn"):
                offenders.append((name, "connection", node.attr))
    assert offenders == []


def test_the_ui_scan_recognises_what_it_forbids() -> None:
    # Guard against a scan that silently matches nothing.
    for text in (
        "SELECT id FROM accounts",
        "INSERT INTO notes (id) VALUES (?)",
        "UPDATE visits SET status = ?",
        "DELETE FROM outbox",
        "PRAGMA user_version",
    ):
        assert SQL.search(text), text
    assert not SQL.search("Select an account from the list")


def test_the_store_connection_is_not_public() -> None:
    from fieldapp.store.database import Store

    assert not hasattr(Store, "conn")
    assert "conn" not in Store.__init__.__code__.co_names


# The window's workers: the store's (Tasks), the sync cycle's, the network lane's.
THREAD_OWNERS = {"tasks.py", "sync_worker.py", "network_lane.py"}


def _starts_threads(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("Thread", "QThread", "start_new_thread"):
                return True
    return False


def test_only_the_window_s_workers_start_threads() -> None:
    # Network calls go to the network lane (ui/network_lane.py), not to a raw thread.
    offenders = [
        str(path.relative_to(UI))
        for path in sorted(UI.rglob("*.py"))
        if str(path.relative_to(UI)) not in THREAD_OWNERS
        and _starts_threads(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert offenders == []
    assert _starts_threads(ast.parse("import threading\nthreading.Thread(target=print).start()"))
