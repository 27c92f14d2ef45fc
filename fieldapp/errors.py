"""Named errors of the core. Each is a value: a code from the catalogue
(``fieldapp.error_codes``) and its parameters; ``str()`` is the English sentence (the CLI,
logs, ``--json``), and the window words the same code in the user's language."""

from __future__ import annotations

from fieldapp.error_codes import Given, english, plain

# How a raise passes a list of codes or what it was given: re-exported here, since the
# catalogue's checks (``fieldapp.validation``) import only this module of the core.
from fieldapp.error_codes import given as given
from fieldapp.error_codes import listed as listed


class FieldAppError(Exception):
    """Base of every error the core raises on purpose (never a programming error).

    ``code`` is a stable name (``visits.check_out_before_check_in``) for scripts and for the
    window's translation; ``params`` are plain values (numbers, ids, enum values, ISO dates)
    that each renderer formats its own way, never pre-formatted English."""

    def __init__(self, code: str, /, **params: Given) -> None:
        values = {name: plain(value) for name, value in params.items()}
        super().__init__(english(code, values))
        self.code = code
        self.params = values

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(FieldAppError):
    """Input that a use case refuses; ``field`` names the offending input."""

    def __init__(self, field: str, code: str, /, **params: Given) -> None:
        super().__init__(code, **params)
        self.field = field


class InvalidStateError(FieldAppError):
    """An action that the record's current state does not allow (check out before check in)."""


class NotFoundError(FieldAppError):
    """A record that does not exist in the local store."""

    def __init__(self, collection: str, record_id: str) -> None:
        super().__init__(
            "store.no_record_with_id",
            collection=collection,
            kind=collection.rstrip("s").replace("_", "-"),
            record_id=record_id,
        )
        self.collection = collection
        self.record_id = record_id


class PermissionDeniedError(FieldAppError):
    """The current user may not do this (edit someone else's note)."""


class NoCurrentUserError(FieldAppError):
    """The profile does not know who is working in it yet."""

    def __init__(self) -> None:
        super().__init__("store.no_signed_in_user")


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

    def __init__(self, code: str, path: str, /, **params: Given) -> None:
        super().__init__(code, path=path, **params)
        self.path = path


class ConstraintError(StoreError):
    """Rows that break the schema's rules (a child without its parent, a duplicate key, a
    value out of range): the transaction was rolled back whole."""


class FutureSchemaError(StoreError):
    pass


class RecoveryError(FieldAppError):
    """A recovery step (export, restore a backup) that cannot be done as asked."""


# Set to "json" by a program that runs the command line and words its errors itself (the
# window's recovery dialog): an error then also prints its value, ``{"code", "params"}``,
# as one more line on stderr, after the English one.
ERRORS_ENV = "FIELDAPP_ERRORS"

# What a user can do about a database FieldApp cannot open, named in the store's messages.
EXPORT_HINT = "'fieldapp export --to FOLDER' saves what can still be read, unsynced changes first"
BACKUPS_HINT = "'fieldapp backups' lists the copies taken before each update of the database"
