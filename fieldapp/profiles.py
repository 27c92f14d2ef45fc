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

    Only for signing out of a shared laptop: the caller has closed every connection of this
    process and the user has confirmed what unsent changes this loses. Refused while another
    program (the command line, another window) still has the database open.
    """
    # The store imports this module's peers, so these are imported when needed.
    from fieldapp.errors import DatabaseLockedError
    from fieldapp.store import live_files
    from fieldapp.store.database import database_path

    database = database_path(profile_dir)
    if live_files.in_use_elsewhere(database):
        raise DatabaseLockedError("profiles.fieldapp_database_in_use_by_another", database=database)
    return [path for path in live_files.with_companions(database) if live_files.remove_file(path)]
