"""One declarative catalogue of the collections FieldApp replicates (the lowest layer of
the core: it imports only the checks of ``fieldapp.validation``).

Declared in ``collections.py``; ``sqlite.py`` derives the local tables, ``json_schema.py``
the records' JSON Schema; the store, the sync engine and the server read the rest from
``CATALOGUE``. See docs/architecture.md, "The field catalogue".
"""

from __future__ import annotations

from typing import Any

from fieldapp.catalogue.collections import (
    DEFAULT_VISIT_FREQUENCY_DAYS,
    INSIDE_ROLES,
    Account,
    Contact,
    FollowUp,
    HandoffEvent,
    InboxRead,
    Lead,
    Note,
    Opportunity,
    Priority,
    Review,
    SlaAgreement,
    User,
    Visit,
)
from fieldapp.catalogue.model import (
    BOOKKEEPING,
    REGISTRY,
    Collection,
    FieldSpec,
    Filing,
    Record,
    Stamp,
)
from fieldapp.catalogue.vocabulary import (
    OPEN_OPPORTUNITY_STAGES,
    ApplyResult,
    ChangeOp,
    FollowUpStatus,
    HandoffAction,
    InboxSource,
    LeadStatus,
    MutationOp,
    NoteKind,
    OpportunityStage,
    Role,
    Team,
    Tier,
    VisitOutcome,
    VisitStatus,
)

# Every collection, parents before children.
CATALOGUE: dict[str, Collection] = dict(REGISTRY)
COLLECTIONS: tuple[str, ...] = tuple(CATALOGUE)
# The fields of each collection that mutations carry (besides ``created_at`` on create).
FIELDS: dict[str, tuple[str, ...]] = {name: c.names for name, c in CATALOGUE.items()}


def field(collection: str, name: str) -> FieldSpec:
    return CATALOGUE[collection].field(name)


def clean(collection: str, name: str, value: Any) -> Any:
    """``value`` checked and normalised as the field's kind says (the server runs the same
    check on what it receives); raises ValidationError with a sentence for a person."""
    return CATALOGUE[collection].field(name).clean(value)


__all__ = [
    "BOOKKEEPING",
    "CATALOGUE",
    "COLLECTIONS",
    "DEFAULT_VISIT_FREQUENCY_DAYS",
    "FIELDS",
    "INSIDE_ROLES",
    "OPEN_OPPORTUNITY_STAGES",
    "Account",
    "ApplyResult",
    "ChangeOp",
    "Collection",
    "Contact",
    "FieldSpec",
    "Filing",
    "FollowUp",
    "FollowUpStatus",
    "HandoffAction",
    "HandoffEvent",
    "InboxRead",
    "InboxSource",
    "Lead",
    "LeadStatus",
    "MutationOp",
    "Note",
    "NoteKind",
    "Opportunity",
    "OpportunityStage",
    "Priority",
    "Record",
    "Review",
    "Role",
    "SlaAgreement",
    "Stamp",
    "Team",
    "Tier",
    "User",
    "Visit",
    "VisitOutcome",
    "VisitStatus",
    "clean",
    "field",
]
