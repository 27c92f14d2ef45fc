"""Named errors of the core. Each carries a sentence a user can read and act on."""

from __future__ import annotations

from typing import ClassVar


class FieldAppError(Exception):
    """Base of every error the core raises on purpose (never a programming error)."""

    # A stable name for scripts (``fieldapp sync --json``) and for a window that words a
    # case its own way; the message stays the sentence for a person.
    code: ClassVar[str] = "error"


class ValidationError(FieldAppError):
    """Input that a use case refuses; ``field`` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class InvalidStateError(FieldAppError):
    """An action that the record's current state does not allow (check out before check in)."""


class NotFoundError(FieldAppError):
    """A record that does not exist in the local store."""

    def __init__(self, collection: str, record_id: str) -> None:
        super().__init__(f"No {collection.rstrip('s').replace('_', '-')} with id {record_id}.")
        self.collection = collection
        self.record_id = record_id


class PermissionDeniedError(FieldAppError):
    """The current user may not do this (edit someone else's note)."""


class NoCurrentUserError(FieldAppError):
    """The profile does not know who is working in it yet."""

    def __init__(self) -> None:
        super().__init__(
            "This profile has no signed-in user yet: sign in (or create a demo profile) first."
        )


class StoreError(FieldAppError):
    """The local database cannot be used; the message says why and what to do."""


class ProfileNotFoundError(StoreError):
    pass


class NotADatabaseError(StoreError):
    pass


class DamagedDatabaseError(NotADatabaseError):
    """An SQLite file that SQLite reports as damaged: corrupted pages, cut short."""


class DatabaseLockedError(StoreError):
    pass


class DiskFullError(StoreError):
    """The disk holding the profile has no room left for SQLite to write.

    SQLite has rolled the failed transaction back; whatever was committed before is intact.
    ``path`` is the database file, so that a caller (a sync cycle) can say in its own
    sentence what it had done before the disk filled.
    """

    code = "disk_full"

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message)
        self.path = path


class ConstraintError(StoreError):
    """Rows that break the schema's rules (a child without its parent, a duplicate key, a
    value out of range): the transaction was rolled back whole."""

    code = "constraint"


class FutureSchemaError(StoreError):
    pass


class RecoveryError(FieldAppError):
    """A recovery step (export, restore a backup) that cannot be done as asked."""


# What a user can do about a database FieldApp cannot open, named in the store's messages.
EXPORT_HINT = "'fieldapp export --to FOLDER' saves what can still be read, unsynced changes first"
BACKUPS_HINT = "'fieldapp backups' lists the copies taken before each update of the database"
