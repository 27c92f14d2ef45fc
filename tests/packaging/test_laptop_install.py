"""A laptop install has no server libraries (the ``server`` extra): the client code still
imports, ``fieldapp --help`` works, and the server's commands say in one line how to
install them. Run in a child Python whose imports of those libraries are blocked."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from sync.server.installed import INSTALL_COMMAND, SERVER_MODULES

# A meta-path finder that refuses the server's libraries, as if they were not installed.
BLOCKER = textwrap.dedent(
    f"""
    import sys
    BLOCKED = {SERVER_MODULES!r}
    class Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
            return None
    sys.meta_path.insert(0, Blocker())
    """
)

CLIENT_MODULES = (
    "fieldapp.cli",
    "sync.engine",
    "sync.http_backend",
    "sync.session",
    "sync.commands",
    "sync.server.cli",
    "sync.server.launcher",
    "ui.commands",
    "ui.demo",
)


def run_blocked(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCKER + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_the_client_modules_import_without_the_server_libraries() -> None:
    imports = "\n".join(f"import {name}" for name in CLIENT_MODULES)
    done = run_blocked(
        imports + f"\nassert not any(m in sys.modules for m in {SERVER_MODULES!r})\nprint('ok')"
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_help_lists_every_command_without_the_server_libraries() -> None:
    done = run_blocked("from fieldapp.cli import main\nraise SystemExit(main(['--help']))")
    assert done.returncode == 0, done.stderr
    for command in ("server", "sync", "app", "demo"):
        assert command in done.stdout


def test_server_and_demo_say_in_one_line_how_to_install_the_server() -> None:
    for argv in (["server", "run", "--data", "unused"], ["demo", "--quit-after-sync"]):
        done = run_blocked(f"from fieldapp.cli import main\nraise SystemExit(main({argv!r}))")
        assert done.returncode == 1, (argv, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (argv, done.stderr)
        assert "optional part" in lines[0] and INSTALL_COMMAND in lines[0], lines[0]
        assert "Traceback" not in done.stderr
