"""Whether the reference server's optional part is installed (``pip install 'fieldapp[server]'``).

A laptop install (``pip install .``) leaves the server's libraries out (docs/decisions.md,
"Installers (issue 12)"). ``fieldapp server …`` and ``fieldapp demo`` (which runs a server)
check here first, so that a missing library reads as one line saying how to install the
server, not as a traceback from deep inside an import. This module imports none of them.
"""

from __future__ import annotations

import importlib.util

from fieldapp.errors import FieldAppError

# The top-level modules of the ``server`` extra in pyproject.toml.
SERVER_MODULES = ("fastapi", "uvicorn", "sqlalchemy", "alembic", "argon2", "psycopg")
INSTALL_COMMAND = "pip install 'fieldapp[server]'"


class ServerNotInstalledError(FieldAppError):
    """The reference server's libraries are not installed."""

    code = "server_not_installed"


def missing_server_modules() -> list[str]:
    """The server's libraries this Python cannot import (without importing them)."""
    missing = []
    for name in SERVER_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a blocked or half-installed module
            found = False
        if not found:
            missing.append(name)
    return missing


def require_server(what: str = "'fieldapp server'") -> None:
    """Raise ``ServerNotInstalledError`` (one line) when a server library is missing."""
    missing = missing_server_modules()
    if missing:
        raise ServerNotInstalledError(
            "server.not_installed",
            what=what,
            missing=", ".join(missing),
            command=INSTALL_COMMAND,
        )
