"""The catalogue itself: the lowest layer, declared once, read the same by every side."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest

import fieldapp
import sync
from fieldapp.catalogue import CATALOGUE, NoteKind, Tier, Visit, VisitStatus, clean
from fieldapp.catalogue.kinds import Line, Whole
from fieldapp.catalogue.model import Record, collection
from fieldapp.errors import ValidationError
from fieldapp.records import Note
from sync.server.field_rules import clean_fields

CATALOGUE_DIR = Path(fieldapp.__file__).parent / "catalogue"
SERVER_DIR = Path(sync.__file__).parent / "server"


def imported_modules(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.setdefault(path.name, set()).update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                # "from fieldapp import validation" names fieldapp.validation
                found.setdefault(path.name, set()).update(
                    f"{node.module}.{a.name}" for a in node.names
                )
    return found


def test_the_catalogue_is_the_lowest_layer_of_the_core() -> None:
    # The SLA policies (a team's agreement is a field of a record) are as low: pure data
    # and its checks, on fieldapp.validation and fieldapp.errors only.
    allowed = (
        "fieldapp.catalogue",
        "fieldapp.validation",
        "fieldapp.errors",
        "fieldapp.team.policies",
    )
    offenders = {
        (name, module)
        for name, modules in imported_modules(CATALOGUE_DIR).items()
        for module in modules
        if module.split(".")[0] in ("fieldapp", "sync", "ui") and not module.startswith(allowed)
    }
    assert offenders == set()
    policies = Path(fieldapp.__file__).parent / "team" / "policies.py"
    below = {
        module
        for node in ast.walk(ast.parse(policies.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module
        for module in [node.module]
        if module.split(".")[0] == "fieldapp"
    }
    assert below <= {"fieldapp.validation", "fieldapp.errors"}


def test_the_server_reads_the_catalogue_never_the_laptops_store() -> None:
    offenders = {
        (name, module)
        for name, modules in imported_modules(SERVER_DIR).items()
        for module in modules
        if module.startswith("fieldapp.store")
    }
    assert offenders == set()


def test_a_field_whose_type_does_not_fit_its_kind_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="does not fit"):

        @collection("gadgets", registry={})
        @dataclass(frozen=True, slots=True, kw_only=True)
        class Gadget(Record):
            size: Annotated[str, Whole(label="Size", minimum=0, maximum=9)]

    with pytest.raises(TypeError, match="needs a kind"):

        @collection("gizmos", registry={})
        @dataclass(frozen=True, slots=True, kw_only=True)
        class Gizmo(Record):
            name: str

    registry: dict[str, object] = {}

    @collection("widgets", registry=registry)  # type: ignore[arg-type]
    @dataclass(frozen=True, slots=True, kw_only=True)
    class Widget(Record):
        name: Annotated[str, Line(label="Name")]
        note: Annotated[str | None, Line(label="Note")]

    assert list(registry) == ["widgets"] and "widgets" not in CATALOGUE
    assert [(f.name, f.required) for f in Widget.catalogue_entry.fields] == [
        ("name", True),
        ("note", False),
    ]


def test_records_read_from_the_store_carry_the_catalogues_types() -> None:
    row = {
        "id": "v1",
        "account_id": "a1",
        "rep_id": "u1",
        "planned_start": "2026-11-23T14:00:00Z",
        "planned_end": "2026-11-23T14:45:00Z",
        "route_position": None,
        "status": "checked_in",
        "checked_in_at": "2026-11-23T14:02:00Z",
        "checked_out_at": None,
        "contacts_met": '["c1","c2"]',
        "outcome": None,
        "summary": None,
        "next_steps": None,
        "version": 3,
        "created_at": "2026-11-20T09:00:00Z",
        "updated_at": "2026-11-23T14:02:00Z",
        "something_joined": "ignored",
    }
    visit = Visit.from_row(row)
    assert visit.status is VisitStatus.CHECKED_IN and visit.contacts_met == ("c1", "c2")
    note = Note.from_row(
        {
            "id": "n1",
            "account_id": "a1",
            "visit_id": None,
            "author_id": "u1",
            "kind": "feedback",
            "body": "Merci",
            "pinned": 1,
            "reply_to_id": "n0",
            "arrived_at": None,
            "pinned_at": None,
            "version": None,
            "created_at": "2026-11-23T15:00:00Z",
            "updated_at": "2026-11-23T15:00:00Z",
        }
    )
    assert note.kind is NoteKind.FEEDBACK and note.pinned is True


@pytest.mark.parametrize(
    ("collection", "field", "value", "message"),
    [
        # The server took 200 characters and 3650 days before the catalogue (issue 10).
        (
            "accounts",
            "postal_code",
            "H" * 21,
            "Postal code is too long (21 characters; at most 20).",
        ),
        ("accounts", "country", "C" * 61, "Country is too long (61 characters; at most 60)."),
        (
            "accounts",
            "visit_frequency_days",
            731,
            "Visit frequency (days) must be between 1 and 730.",
        ),
        ("notes", "kind", "memo", "Kind of note must be one of visit_report, for_field,"),
        ("accounts", "name", "  ", "Account name cannot be empty."),
    ],
)
def test_the_laptop_and_the_server_refuse_the_same_value_in_the_same_words(
    collection: str, field: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationError) as on_laptop:
        clean(collection, field, value)
    with pytest.raises(ValidationError) as on_server:
        clean_fields(collection, {field: value}, creating=False)
    assert on_laptop.value.message == on_server.value.message
    assert on_laptop.value.message.startswith(message)


def test_a_tier_typed_in_lower_case_is_the_tier() -> None:
    assert clean("accounts", "tier", " b ") is Tier.B
