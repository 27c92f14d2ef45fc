"""The local store: one SQLite file per profile, its schema, and its two write paths."""

from fieldapp.store.database import Store, database_path, open_store

__all__ = ["Store", "database_path", "open_store"]
