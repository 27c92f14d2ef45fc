"""Kinds of field: what a value of each kind is on the wire, in SQLite and in a record, and
how it is checked. A field of the catalogue is a record attribute annotated with a kind.

Every check goes through ``fieldapp.validation``, so the use cases (which take Python
values from a form) and the server (which takes JSON from any client) refuse the same
things in the same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar

from fieldapp import validation as check
from fieldapp.errors import ValidationError
from fieldapp.team.policies import DEFAULT_POLICIES, SlaPolicies, parse_policies

# An id is text of 1 to MAX_ID characters (a UUIDv7 has 36; a CRM's own ids are shorter).
MAX_ID = 100
# How many contacts one visit may list as met.
MAX_CONTACTS_MET = 200
DERIVED = "derived"  # the default of ``sqlite_check``: the check the kind itself implies


@dataclass(frozen=True, kw_only=True)
class Kind:
    """What all kinds share. ``label`` names the field in sentences a person reads."""

    label: str
    # Fixed once the record exists (e.g. the account a contact hangs off: moving a contact
    # to another account is a new contact).
    immutable: bool = False
    # The roles that may set or change this field (None: anyone who may write the record).
    set_by: tuple[str, ...] | None = None
    set_by_refusal: str = ""
    # An SQL CHECK expression in the local schema: DERIVED (the kind's own, if any), None
    # (no CHECK), or a template with {name}.
    sqlite_check: str | None = DERIVED

    # Class-level facts about the kind.
    sqlite_type: ClassVar[str] = "TEXT"
    json_type: ClassVar[str] = "string"
    python_type: ClassVar[type] = str

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        """The value as the server stores it (normalised), or a ValidationError."""
        raise NotImplementedError

    def own_sqlite_check(self, name: str, required: bool) -> str | None:
        return None

    def check_sql(self, name: str, required: bool) -> str | None:
        if self.sqlite_check == DERIVED:
            return self.own_sqlite_check(name, required)
        return None if self.sqlite_check is None else self.sqlite_check.format(name=name)

    def sqlite_default(self) -> str | None:
        return None

    def wire_default(self) -> Any:
        """The value a create gets when it leaves the field out (None: it must give it,
        if the field is required)."""
        return None

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of a non-null value (the OpenAPI description of the records)."""
        return {"type": self.json_type}

    # Between a wire value and an SQLite column (most kinds store the value as it is).
    def to_column(self, value: Any) -> Any:
        return value

    def from_column(self, value: Any) -> Any:
        return value

    def read(self, value: Any) -> Any:
        """A column value as the record type holds it."""
        return value


@dataclass(frozen=True, kw_only=True)
class Line(Kind):
    """One line of text a person typed (a name, a city)."""

    max_length: int = check.MAX_LINE
    multiline: ClassVar[bool] = False

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        return check.text(
            field,
            value,
            label=self.label,
            required=required,
            max_length=self.max_length,
            multiline=self.multiline,
        )

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": self.max_length}


@dataclass(frozen=True, kw_only=True)
class Prose(Line):
    """Text of several lines (a summary, a note): about ten pages at most."""

    max_length: int = check.MAX_TEXT
    multiline: ClassVar[bool] = True


@dataclass(frozen=True, kw_only=True)
class Email(Kind):
    label: str = "E-mail address"

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        return check.email(field, value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": check.MAX_LINE}


@dataclass(frozen=True, kw_only=True)
class Phone(Kind):
    label: str = "Phone number"

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        return check.phone(field, value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": check.MAX_PHONE}


@dataclass(frozen=True, kw_only=True)
class Choice(Kind):
    """One of a StrEnum's values."""

    options: type[StrEnum]
    # Tiers are typed by hand ("a"): trimmed and upper-cased before the check.
    upper_case: bool = False

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None and not required:
            return None
        if self.upper_case and isinstance(value, str):
            value = value.strip().upper()
        return self.options(check.choice(field, value, self.values(), label=self.label))

    def values(self) -> tuple[str, ...]:
        return tuple(member.value for member in self.options)

    def own_sqlite_check(self, name: str, required: bool) -> str | None:
        listed = ", ".join(f"'{v}'" for v in self.values())
        return f"{name} IN ({listed})" if required else f"{name} IS NULL OR {name} IN ({listed})"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values())}

    def read(self, value: Any) -> Any:
        return None if value is None else self.options(value)


@dataclass(frozen=True, kw_only=True)
class Link(Kind):
    """The id of another record. Links to users are not foreign keys: the author of a note
    or the owner of an account may be a person outside this laptop's scope."""

    to: str

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_ID:
            raise ValidationError(field, "kinds.must_id_text_1", label=self.label, MAX_ID=MAX_ID)
        return value

    @property
    def foreign_key(self) -> bool:
        return self.to != "users"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "maxLength": MAX_ID}


@dataclass(frozen=True, kw_only=True)
class Moment(Kind):
    """A date and time with its zone, as UTC ISO-8601 text (``2026-11-23T14:05:00Z``), so
    that text order is time order."""

    # A moment a laptop reports (a check-in) that the server takes as never later than it
    # received it, so that a clock running ahead cannot move an SLA clock's start
    # (fieldapp.team.trusted_time.accepted_event_time).
    not_after_receipt: bool = False

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None and not required:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise ValidationError(field, "kinds.must_date_and_time_such_as", label=self.label)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": 40}


@dataclass(frozen=True, kw_only=True)
class Day(Kind):
    """A calendar day as ISO text (``2026-11-23``)."""

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None and not required:
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return value
        raise ValidationError(field, "kinds.must_date_such_as_2026_11_23", label=self.label)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 10, "maxLength": 10}


@dataclass(frozen=True, kw_only=True)
class Whole(Kind):
    minimum: int
    maximum: int
    sqlite_type: ClassVar[str] = "INTEGER"
    json_type: ClassVar[str] = "integer"
    python_type: ClassVar[type] = int

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None and not required:
            return None
        return check.whole_number(
            field, value, label=self.label, minimum=self.minimum, maximum=self.maximum
        )

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}


@dataclass(frozen=True, kw_only=True)
class Coordinate(Kind):
    """A latitude (limit 90) or longitude (limit 180) in degrees."""

    limit: float
    sqlite_type: ClassVar[str] = "REAL"
    json_type: ClassVar[str] = "number"
    python_type: ClassVar[type] = float

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        return check.coordinate(field, value, self.limit, label=self.label)

    def own_sqlite_check(self, name: str, required: bool) -> str | None:
        return f"{name} IS NULL OR {name} BETWEEN -{self.limit:g} AND {self.limit:g}"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": -self.limit, "maximum": self.limit}


@dataclass(frozen=True, kw_only=True)
class Amount(Kind):
    label: str = "Amount"
    sqlite_type: ClassVar[str] = "REAL"
    json_type: ClassVar[str] = "number"
    python_type: ClassVar[type] = float

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        return check.amount(field, value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0, "maximum": check.MAX_AMOUNT}


@dataclass(frozen=True, kw_only=True)
class Flag(Kind):
    """True or false; 0 or 1 in SQLite. False unless given."""

    sqlite_type: ClassVar[str] = "INTEGER"
    json_type: ClassVar[str] = "boolean"
    python_type: ClassVar[type] = bool

    def wire_default(self) -> Any:
        return False

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if not isinstance(value, bool):
            raise ValidationError(field, "kinds.must_true_or_false", label=self.label)
        return value

    def own_sqlite_check(self, name: str, required: bool) -> str | None:
        return f"{name} IN (0, 1)"

    def sqlite_default(self) -> str | None:
        return "0"

    def to_column(self, value: Any) -> Any:
        return None if value is None else (1 if value else 0)

    def from_column(self, value: Any) -> Any:
        return None if value is None else bool(value)

    read = from_column


@dataclass(frozen=True, kw_only=True)
class Links(Kind):
    """A list of record ids (the contacts met at a visit); JSON text in SQLite, empty
    unless given."""

    to: str
    python_type: ClassVar[type] = tuple
    json_type: ClassVar[str] = "array"

    def wire_default(self) -> Any:
        return []

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None:
            return []
        if (
            not isinstance(value, list)
            or len(value) > MAX_CONTACTS_MET
            or not all(isinstance(v, str) and 0 < len(v) <= MAX_ID for v in value)
        ):
            noun = self.to.removesuffix("s")
            raise ValidationError(field, "kinds.must_list_ids", label=self.label, noun=noun)
        return value

    def sqlite_default(self) -> str | None:
        return "'[]'"

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "array",
            "maxItems": MAX_CONTACTS_MET,
            "items": {"type": "string", "minLength": 1, "maxLength": MAX_ID},
        }

    def to_column(self, value: Any) -> Any:
        if value is None:
            return None
        return json.dumps(list(value), ensure_ascii=False, separators=(",", ":"))

    def from_column(self, value: Any) -> Any:
        return None if value is None else json.loads(value)

    def read(self, value: Any) -> Any:
        if isinstance(value, str):
            value = json.loads(value)
        return tuple(value or ())


@dataclass(frozen=True, kw_only=True)
class Agreement(Kind):
    """A team's SLA policy set: an object keyed by commitment, each with exactly one of
    ``hours`` or ``working_days`` (fieldapp.team.policies); JSON text in SQLite.

    Checked strictly on the way in (a manager's typo is refused with its name); read
    leniently, so that a commitment added by a newer server does not make a laptop throw the
    whole agreement away.
    """

    python_type: ClassVar[type] = SlaPolicies
    json_type: ClassVar[str] = "object"

    def wire_default(self) -> Any:
        return DEFAULT_POLICIES.to_data()

    def clean(self, field: str, value: Any, *, required: bool) -> Any:
        if value is None:
            raise ValidationError(field, "kinds.cannot_empty", label=self.label)
        try:
            return parse_policies(value).to_data()
        except ValidationError as exc:
            raise ValidationError(field, exc.code, **exc.params) from None

    def own_sqlite_check(self, name: str, required: bool) -> str | None:
        return f"json_valid({name})"

    def json_schema(self) -> dict[str, Any]:
        allowance = {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "properties": {
                "hours": {"type": "integer", "minimum": 1},
                "working_days": {"type": "integer", "minimum": 1},
            },
            "additionalProperties": False,
        }
        return {"type": "object", "additionalProperties": allowance}

    def wire_ok(self, value: Any) -> bool:
        """Whether a laptop can read ``value`` as an agreement (unknown kinds allowed)."""
        try:
            parse_policies(value, ignore_unknown_kinds=True)
        except ValidationError:
            return False
        return True

    def to_column(self, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, SlaPolicies):
            value = value.to_data()
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def from_column(self, value: Any) -> Any:
        return None if value is None else json.loads(value)

    def read(self, value: Any) -> Any:
        if isinstance(value, str):
            value = json.loads(value)
        return parse_policies(value, ignore_unknown_kinds=True)
