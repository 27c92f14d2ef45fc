"""Where a user's profile (one folder holding one SQLite file) lives by default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PROFILE_ENV = "FIELDAPP_PROFILE"
DEFAULT_PROFILE_NAME = "default"


def default_profile_dir() -> Path:
    """``$FIELDAPP_PROFILE`` if set, else ``<platform user-data folder>/FieldApp/default``.

    Read on every call (not at import) so that tests and scripts can point it elsewhere.
    """
    override = os.environ.get(PROFILE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("FieldApp", appauthor=False)) / DEFAULT_PROFILE_NAME


def remove_local_copy(profile_dir: Path) -> list[Path]:
    """Delete a profile's database (and its WAL files); returns what was deleted.

    Only for signing out of a shared laptop: the caller has closed every connection and
    the user has confirmed what unsent changes this loses.
    """
    from fieldapp.store.database import database_path  # the store imports this module's peers

    database = database_path(profile_dir)
    removed = []
    for path in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
