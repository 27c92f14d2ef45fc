"""Telling a damaged profile database apart from every other failure.

The store decides (``fieldapp.store.database.is_damage``): only it looks into SQLite's
errors. Either way the window stops and shows the one recovery dialog
(ui/dialogs/recovery.py) instead of an error per failed read.
"""

from __future__ import annotations

from fieldapp.store.database import is_damage

__all__ = ["is_damage"]
