"""How the catalogue is declared: a record type per collection, each attribute annotated
with its kind (``Annotated[str | None, Line(label="City")]``), and what is read from that.

The record type is the declaration, so mypy sees every field with its type and a new
field is one line; ``collection(...)`` reads the annotations once, at import, and refuses
an annotation whose Python type does not fit its kind.
"""

from __future__ import annotations

import enum
import inspect
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Self, TypeVar

from fieldapp.catalogue.kinds import Choice, Kind, Links
from fieldapp.errors import ValidationError

# Columns every replicated record has; bookkeeping, not fields a mutation carries.
BOOKKEEPING = ("id", "version", "created_at", "updated_at")


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """What every record of every collection has. ``version`` is the server version last
    seen (None until synced); times are UTC ISO-8601 text."""

    id: str
    version: int | None
    created_at: str
    updated_at: str

    catalogue_entry: ClassVar[Collection]
    _readers: ClassVar[tuple[tuple[str, Callable[[Any], Any]], ...]]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        """The record from a database row (columns the record does not show are ignored)."""
        return cls(**{name: read(row[name]) for name, read in cls._readers})


@dataclass(frozen=True)
class FieldSpec:
    """One field of one collection, as the catalogue declares it."""

    collection: str
    name: str
    kind: Kind
    # Never null: a non-optional annotation (NOT NULL in SQLite).
    required: bool

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def needed_on_create(self) -> bool:
        """A create must carry it: never null and no default."""
        return self.required and self.kind.wire_default() is None

    def clean(self, value: Any) -> Any:
        return self.kind.clean(self.name, value, required=self.required)


# -- record-wide rules: checked on the record as it would be after a change ------------


@dataclass(frozen=True)
class Together:
    """Both fields given, or neither (a point on the map needs both coordinates)."""

    first: str
    second: str
    message: str  # an error code (fieldapp.error_codes)

    def check(self, record: dict[str, Any]) -> None:
        if (record.get(self.first) is None) != (record.get(self.second) is None):
            raise ValidationError(self.first, self.message)

    def table_check(self) -> str | None:
        return None


@dataclass(frozen=True)
class ExactlyOne:
    """One of the two fields, never both nor neither (a person or a team)."""

    first: str
    second: str
    message: str  # an error code (fieldapp.error_codes)

    def check(self, record: dict[str, Any]) -> None:
        if (record.get(self.first) is None) == (record.get(self.second) is None):
            raise ValidationError(self.second, self.message)

    def table_check(self) -> str | None:
        return f"({self.first} IS NULL) <> ({self.second} IS NULL)"


@dataclass(frozen=True)
class NotBefore:
    """One moment never before another (a visit's end and its start)."""

    later: str
    earlier: str
    message: str  # an error code (fieldapp.error_codes)

    def check(self, record: dict[str, Any]) -> None:
        later, earlier = record.get(self.later), record.get(self.earlier)
        if later is None or earlier is None:
            return
        if datetime.fromisoformat(later) < datetime.fromisoformat(earlier):
            raise ValidationError(self.later, self.message)

    def table_check(self) -> str | None:
        return None


Rule = Together | ExactlyOne | NotBefore

# ``Stamp.when`` value meaning "any value but null" (a follow-up claimed by anyone).
ANY_VALUE = "<any value>"


@dataclass(frozen=True)
class Stamp:
    """A moment the server writes with its own clock, never a laptop's: the instants that
    start and stop an SLA clock (docs/team-loop.md). A value a laptop sends for it is
    ignored.

    With ``when=None`` it is stamped when the record is created. With ``when=(field,
    value)`` it is stamped each time a create or a change makes ``field`` equal ``value``
    (``ANY_VALUE``: any non-null value), and, if ``clear``, emptied when a change makes it
    something else (a follow-up reopened is no longer completed).
    """

    field: str
    when: tuple[str, Any] | None = None
    clear: bool = False

    def applies(self, before: dict[str, Any] | None, after: dict[str, Any]) -> bool | None:
        """True: stamp now; False: empty it; None: leave it as it is."""
        if self.when is None:
            return True if before is None else None
        name, value = self.when
        matched = _matches(after.get(name), value)
        if before is not None and after.get(name) == before.get(name):
            return None
        if matched:
            return True
        if self.clear and before is not None and _matches(before.get(name), value):
            return False
        return None


def _matches(actual: Any, wanted: Any) -> bool:
    return actual is not None if wanted == ANY_VALUE else bool(actual == wanted)


class Filing(enum.Enum):
    """Where the server files a collection's records, which decides who receives them."""

    ACCOUNT = "account"  # under its account's territory, like everything about an account
    EVERYONE = "everyone"  # the whole organisation (the staff directory, the agreements)
    PERSONAL = "personal"  # its owner's own laptops only (read marks of the inbox)


@dataclass(frozen=True)
class Owner:
    """The field naming the person a record belongs to: a create is in the caller's name
    only, and only that person changes the record afterwards (except the fields another
    role may set, see ``Kind.set_by``)."""

    field: str
    create_refusal: str
    change_refusal: str


@dataclass(frozen=True)
class Collection:
    name: str
    record: type[Record]
    fields: tuple[FieldSpec, ...]
    rules: tuple[Rule, ...] = ()
    # People are managed on the server: a laptop never writes them.
    written_by_clients: bool = True
    owner: Owner | None = None
    # The roles that may create records of this collection (None: anyone in scope).
    created_by: tuple[str, ...] | None = None
    created_by_refusal: str = ""
    # Moments the server writes itself (see Stamp).
    stamps: tuple[Stamp, ...] = ()
    filed: Filing = Filing.ACCOUNT
    # Never changed nor deleted once created: an audit history.
    append_only: bool = False
    # Its id is derived from what the record is about (a read mark: person and item), so
    # two laptops of one person create the same id: a create of an id that exists is an
    # update by the same person, and the last one to reach the server wins.
    keyed: bool = False

    @property
    def stamped(self) -> frozenset[str]:
        return frozenset(s.field for s in self.stamps)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"{self.name} have no field {name!r}")

    def __iter__(self) -> Iterator[FieldSpec]:
        return iter(self.fields)


R = TypeVar("R", bound=Record)

# Every collection declared so far, in declaration order: parents before children.
REGISTRY: dict[str, Collection] = {}


def collection(
    name: str,
    *,
    rules: tuple[Rule, ...] = (),
    written_by_clients: bool = True,
    owner: Owner | None = None,
    created_by: tuple[str, ...] | None = None,
    created_by_refusal: str = "",
    stamps: tuple[Stamp, ...] = (),
    filed: Filing = Filing.ACCOUNT,
    append_only: bool = False,
    keyed: bool = False,
    registry: dict[str, Collection] | None = None,
) -> Callable[[type[R]], type[R]]:
    """Declare the record type as the collection ``name`` of the catalogue."""

    def declare(record: type[R]) -> type[R]:
        fields = tuple(_fields_of(name, record))
        entry = Collection(
            name,
            record,
            fields,
            rules,
            written_by_clients,
            owner,
            created_by,
            created_by_refusal,
            stamps,
            filed,
            append_only,
            keyed,
        )
        unknown = entry.stamped - set(entry.names)
        if unknown:
            raise TypeError(f"{name}: stamps of undeclared fields {sorted(unknown)}")
        record.catalogue_entry = entry
        record._readers = (
            *((n, _same) for n in BOOKKEEPING),
            *((f.name, f.kind.read) for f in fields),
        )
        (REGISTRY if registry is None else registry)[name] = entry
        return record

    return declare


def _same(value: Any) -> Any:
    return value


def _fields_of(collection_name: str, record: type[Record]) -> Iterator[FieldSpec]:
    hints = typing.get_type_hints(record, include_extras=True)
    # The record's own fields, in declaration order (the hints include Record's too).
    own = [n for n in inspect.get_annotations(record) if n in hints]
    for name in own:
        hint = hints[name]
        if typing.get_origin(hint) is not typing.Annotated:
            raise TypeError(f"{record.__name__}.{name} needs a kind: Annotated[type, Kind(...)]")
        python, *extras = typing.get_args(hint)
        kinds = [e for e in extras if isinstance(e, Kind)]
        if len(kinds) != 1:
            raise TypeError(f"{record.__name__}.{name} needs exactly one kind")
        kind = kinds[0]
        members = typing.get_args(python) if _is_union(python) else (python,)
        required = type(None) not in members
        value_types = [m for m in members if m is not type(None)]
        if len(value_types) != 1 or not _fits(value_types[0], kind):
            raise TypeError(f"{record.__name__}.{name}: {python} does not fit {kind!r}")
        yield FieldSpec(collection_name, name, kind, required)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _fits(python: Any, kind: Kind) -> bool:
    if isinstance(kind, Choice):
        return python is kind.options and issubclass(python, StrEnum)
    if isinstance(kind, Links):
        return typing.get_origin(python) is tuple and typing.get_args(python) == (str, ...)
    return python is kind.python_type
