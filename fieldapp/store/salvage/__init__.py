"""Recovering from a profile database FieldApp cannot open: save what can be read, go back.

``export_readable`` (``export``) writes every readable row to CSV files, the outbox first;
``list_backups`` and ``restore_backup`` (``backups``) bring back a copy taken before a
migration, setting the current file aside. Neither ever opens the profile's file with SQLite.
"""

from fieldapp.store.salvage.backups import Backup, Restored, list_backups, restore_backup
from fieldapp.store.salvage.export import (
    RECOVER_FILE,
    SUMMARY_FILE,
    ExportReport,
    TableExport,
    export_readable,
)

__all__ = [
    "RECOVER_FILE",
    "SUMMARY_FILE",
    "Backup",
    "ExportReport",
    "Restored",
    "TableExport",
    "export_readable",
    "list_backups",
    "restore_backup",
]
