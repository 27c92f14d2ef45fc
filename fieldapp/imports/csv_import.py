"""Importing accounts or contacts from a CSV file: a mapping, a dry run, then the import.

Every row goes through the same use cases as a record typed by hand
(``fieldapp.usecases.accounts``), so it is checked by the same rules and reaches the
outbox (it syncs). The dry run (``check_import``) runs them inside a transaction that is
rolled back: what it reports is exactly what the import would do. ``run_import`` runs
the same rows and commits the valid ones in one transaction; rows with errors and
duplicates are skipped and reported, and if anything else fails nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.catalogue import clean
from fieldapp.error_codes import Param, english, listed
from fieldapp.errors import FieldAppError, ValidationError
from fieldapp.exports.csv_lists import ACCOUNT_COLUMNS, CONTACT_COLUMNS
from fieldapp.imports.csv_file import CsvFile, header_words
from fieldapp.store.database import Store
from fieldapp.usecases.account_list import fold
from fieldapp.usecases.accounts import create_account, create_contact

# The columns the CSV lists export (a contact names its account and, when two accounts
# share a name, its city): a file exported from FieldApp imports back as it is.
ACCOUNT_FIELDS = ACCOUNT_COLUMNS
CONTACT_FIELDS = CONTACT_COLUMNS
TARGETS: dict[str, tuple[str, ...]] = {"accounts": ACCOUNT_FIELDS, "contacts": CONTACT_FIELDS}
REQUIRED: dict[str, tuple[str, ...]] = {
    "accounts": ("name", "tier"),
    "contacts": ("account", "last_name"),
}

# Headers seen in exports of Excel sheets and CRMs, in English and French, as plain words
# (``header_words``). A field's own name always matches too.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "accounts": {
        "name": (
            "account",
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "customer",
            "nom",
            "nom du compte",
            "compte",
            "entreprise",
            "compagnie",
            "societe",
            "raison sociale",
            "client",
        ),
        "tier": (
            "level",
            "category",
            "class",
            "segment",
            "niveau",
            "categorie",
            "classe",
            "palier",
        ),
        "address": (
            "street",
            "address line 1",
            "street address",
            "adresse",
            "rue",
            "adresse ligne 1",
        ),
        "city": ("town", "ville", "municipalite", "localite"),
        "postal_code": ("postal code", "zip", "zip code", "postcode", "code postal", "cp"),
        "country": ("pays",),
        "latitude": ("lat",),
        "longitude": ("lon", "lng", "long"),
        "phone": (
            "telephone",
            "tel",
            "phone number",
            "business phone",
            "numero de telephone",
            "telephone bureau",
        ),
        "visit_frequency_days": (
            "visit frequency",
            "visit frequency days",
            "frequency",
            "frequence",
            "frequence de visite",
            "frequence des visites",
            "frequence de visite jours",
        ),
    },
    "contacts": {
        "account": (
            "account name",
            "company",
            "company name",
            "organization",
            "organisation",
            "customer",
            "compte",
            "nom du compte",
            "entreprise",
            "compagnie",
            "societe",
            "client",
        ),
        "account_city": (
            "account city",
            "city",
            "town",
            "ville",
            "ville du compte",
            "municipalite",
            "localite",
        ),
        "first_name": ("first name", "firstname", "given name", "prenom"),
        "last_name": ("last name", "lastname", "surname", "family name", "nom", "nom de famille"),
        "job_title": ("job title", "title", "position", "poste", "titre", "fonction"),
        "email": (
            "e mail",
            "email address",
            "e mail address",
            "mail",
            "courriel",
            "adresse courriel",
        ),
        "phone": (
            "telephone",
            "tel",
            "phone number",
            "business phone",
            "mobile",
            "cellulaire",
            "cell",
        ),
    },
}

Mapping_ = dict[int, str]  # column index -> field


def guess_mapping(headers: Sequence[str], target: str) -> Mapping_:
    """Each field on the first column whose header names it (EN or FR); each once."""
    fields = TARGETS[target]
    mapping: Mapping_ = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        words = header_words(header)
        for name in fields:
            if name in taken:
                continue
            if words == name.replace("_", " ") or words in _SYNONYMS[target][name]:
                mapping[index] = name
                taken.add(name)
                break
    return mapping


def mapping_from_options(
    headers: Sequence[str], target: str, options: Sequence[str], base: Mapping_ | None = None
) -> Mapping_:
    """``base`` (the guess) changed by ``column=field`` options (``column=`` ignores it).

    A column is named by its header or its number from 1.
    """
    mapping = dict(base or {})
    fields = TARGETS[target]
    for option in options:
        column, sep, name = option.partition("=")
        if not sep:
            raise ValidationError("map", "import.write_mapping_as_column_field", option=option)
        index = _column_index(headers, column.strip())
        name = name.strip()
        if name and name not in fields:
            raise ValidationError(
                "map",
                "import.not_field_of_choose_one",
                name=name,
                target=target,
                fields=listed(fields),
            )
        mapping = {i: f for i, f in mapping.items() if i != index and (not name or f != name)}
        if name:
            mapping[index] = name
    return mapping


def _column_index(headers: Sequence[str], column: str) -> int:
    for index, header in enumerate(headers):
        if header == column:
            return index
    for index, header in enumerate(headers):
        if header_words(header) == header_words(column):
            return index
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    raise ValidationError(
        "map", "import.file_has_no_column", column=column, columns=", ".join(headers)
    )


def missing_fields(mapping: Mapping_, target: str) -> list[str]:
    """The required fields no column is mapped to."""
    return [name for name in REQUIRED[target] if name not in mapping.values()]


@dataclass(frozen=True, slots=True)
class RowError:
    """Why a row is refused: the field, and the error's code and parameters, so that the
    window words it in the user's language and the terminal in English (``message``)."""

    field: str
    code: str
    params: Mapping[str, Param] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        return english(self.code, self.params)

    @classmethod
    def of(cls, error: FieldAppError) -> RowError:
        name = error.field if isinstance(error, ValidationError) else "row"
        return cls(name, error.code, dict(error.params))


@dataclass(frozen=True, slots=True)
class RowResult:
    """One data row: its number as a spreadsheet shows it (the header is row 1)."""

    row: int
    values: dict[str, str]
    errors: tuple[RowError, ...] = ()
    duplicate: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.duplicate


@dataclass(frozen=True, slots=True)
class ImportReport:
    target: str
    rows: tuple[RowResult, ...]
    written: bool = False
    created_ids: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> int:
        return sum(row.ok for row in self.rows)

    @property
    def invalid(self) -> int:
        return sum(bool(row.errors) for row in self.rows)

    @property
    def duplicates(self) -> int:
        return sum(row.duplicate and not row.errors for row in self.rows)


class _DryRun(Exception):
    """Raised to roll the dry run's transaction back."""


def _number(text: str | None) -> Any:
    # A decimal comma ("45,52", French Excel) reads as a dot; anything else goes to the
    # use case as typed, which says what is wrong with it.
    if text is None:
        return None
    candidate = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
    try:
        return float(candidate)
    except ValueError:
        return text


def _whole(text: str | None) -> Any:
    if text is None:
        return None
    stripped = text.strip()
    if stripped.isdigit():
        return int(stripped)
    number = _number(stripped)
    return int(number) if isinstance(number, float) and number.is_integer() else text


def _values(csv_row: Sequence[str], mapping: Mapping_) -> dict[str, str]:
    return {name: csv_row[index] for index, name in sorted(mapping.items())}


def _typed(target: str, values: Mapping[str, str]) -> dict[str, Any]:
    typed: dict[str, Any] = {n: (v.strip() or None) for n, v in values.items()}
    if target == "accounts":
        for name in ("latitude", "longitude"):
            if name in typed:
                typed[name] = _number(typed[name])
        if "visit_frequency_days" in typed:
            typed["visit_frequency_days"] = _whole(typed["visit_frequency_days"])
    return typed


def _field_errors(target: str, typed: Mapping[str, Any]) -> list[RowError]:
    """Every field's own check (the catalogue's, as the use case runs them), so that a row
    lists all its problems and not only the first one the use case stops at."""
    collection = "accounts" if target == "accounts" else "contacts"
    errors = []
    for name, value in typed.items():
        if name in ("account", "account_city"):
            continue
        try:
            clean(collection, name, value)
        except ValidationError as exc:
            errors.append(RowError.of(exc))
    return errors


class _Accounts:
    """The accounts already in the store, by folded name and city (duplicates, lookups)."""

    def __init__(self, store: Store) -> None:
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_name: dict[str, list[str]] = {}
        for row in store.query("SELECT id, name, city FROM accounts"):
            self.add(row["id"], row["name"], row["city"])

    def add(self, account_id: str, name: str, city: str | None) -> None:
        self.by_key.setdefault((fold(name), fold(city or "")), account_id)
        self.by_name.setdefault(fold(name), []).append(account_id)

    def find(self, name: str, city: str | None) -> str:
        if city:
            found = self.by_key.get((fold(name), fold(city)))
            if found is None:
                raise ValidationError(
                    "account", "import.no_account_named_in_city", name=name, city=city
                )
            return found
        ids = self.by_name.get(fold(name), [])
        if not ids:
            raise ValidationError("account", "import.no_account_named", name=name)
        if len(ids) > 1:
            raise ValidationError(
                "account", "import.accounts_are_named_add_city", count=len(ids), name=name
            )
        return ids[0]


def _contact_keys(store: Store) -> set[tuple[str, str, str]]:
    rows = store.query("SELECT account_id, first_name, last_name FROM contacts")
    return {(r["account_id"], fold(r["first_name"] or ""), fold(r["last_name"])) for r in rows}


def _apply(
    store: Store, csv: CsvFile, mapping: Mapping_, target: str, *, commit: bool
) -> ImportReport:
    if target not in TARGETS:
        raise ValidationError("target", "import.import_accounts_or_contacts_not", target=target)
    missing = missing_fields(mapping, target)
    if missing:
        raise ValidationError(missing[0], "import.no_column_mapped_to", fields=listed(missing))
    results: list[RowResult] = []
    created: list[str] = []
    try:
        with store.transaction():
            accounts = _Accounts(store)
            contacts = _contact_keys(store) if target == "contacts" else set()
            for number, csv_row in enumerate(csv.rows, start=2):
                values = _values(csv_row, mapping)
                typed = _typed(target, values)
                errors = _field_errors(target, typed)
                duplicate = False
                if not errors:
                    try:
                        # A savepoint per row: a row the use case refuses undoes only itself.
                        with store.transaction():
                            if target == "accounts":
                                key = (fold(typed.get("name") or ""), fold(typed.get("city") or ""))
                                duplicate = key in accounts.by_key
                                if not duplicate:
                                    account = create_account(store, **typed)
                                    accounts.add(account.id, account.name, account.city)
                                    created.append(account.id)
                            else:
                                account_id = accounts.find(
                                    typed.pop("account") or "", typed.pop("account_city", None)
                                )
                                ckey = (
                                    account_id,
                                    fold(typed.get("first_name") or ""),
                                    fold(typed.get("last_name") or ""),
                                )
                                duplicate = ckey in contacts
                                if not duplicate:
                                    contact = create_contact(store, account_id, **typed)
                                    contacts.add(ckey)
                                    created.append(contact.id)
                    except FieldAppError as exc:
                        errors.append(RowError.of(exc))
                results.append(RowResult(number, values, tuple(errors), duplicate))
            if not commit:
                raise _DryRun
    except _DryRun:
        return ImportReport(target, tuple(results))
    return ImportReport(target, tuple(results), written=True, created_ids=tuple(created))


def check_import(store: Store, csv: CsvFile, mapping: Mapping_, target: str) -> ImportReport:
    """What importing would do, row by row; nothing is written."""
    return _apply(store, csv, mapping, target, commit=False)


def run_import(store: Store, csv: CsvFile, mapping: Mapping_, target: str) -> ImportReport:
    """Create the valid rows' records in one transaction (each queued in the outbox)."""
    return _apply(store, csv, mapping, target, commit=True)
