"""Notes on an account: pinned notes for the field, feedback on visit reports, corrections.

Notes are append-only for everyone but their author: nobody else's words are overwritten.
"""

from __future__ import annotations

from fieldapp.catalogue import INSIDE_ROLES, NoteKind, clean
from fieldapp.errors import PermissionDeniedError, ValidationError
from fieldapp.records import Note
from fieldapp.store.changes import create_record, get_record, update_record
from fieldapp.store.database import Store
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.people import current_user, require_role
from fieldapp.usecases.visits import get_visit


def get_note(store: Store, note_id: str) -> Note:
    return Note.from_row(get_record(store, "notes", note_id))


def _body(value: str) -> str:
    return str(clean("notes", "body", value))


def add_note(
    store: Store,
    account_id: str,
    body: str,
    *,
    kind: str = NoteKind.FOR_FIELD,
    visit_id: str | None = None,
    pinned: bool = False,
) -> Note:
    """A free-text note on an account (optionally about one of its visits)."""
    kind = clean("notes", "kind", kind)
    if kind == NoteKind.FEEDBACK:
        raise ValidationError("kind", "notes.feedback_written_as_reply_visit_report")
    text = _body(body)
    with store.transaction():
        get_account(store, account_id)
        if visit_id is not None and get_visit(store, visit_id).account_id != account_id:
            raise ValidationError("visit_id", "follow_ups.visit_belongs_another_account")
        author = current_user(store)
        if pinned:
            require_role(author, *INSIDE_ROLES, action="pin notes for the field")
        return Note.from_row(
            create_record(
                store,
                "notes",
                {
                    "account_id": account_id,
                    "visit_id": visit_id,
                    "author_id": author.id,
                    "kind": kind,
                    "body": text,
                    # As set_note_pinned does: the outbox must carry a boolean, as the record.
                    "pinned": bool(pinned),
                },
            )
        )


def pin_note_for_field(store: Store, account_id: str, body: str) -> Note:
    """An inside rep's note the field rep will see first in the account briefing."""
    return add_note(store, account_id, body, kind=NoteKind.FOR_FIELD, pinned=True)


def set_note_pinned(store: Store, note_id: str, pinned: bool) -> Note:
    with store.transaction():
        require_role(current_user(store), "inside", "manager", action="pin notes for the field")
        return Note.from_row(update_record(store, "notes", note_id, {"pinned": bool(pinned)}))


def edit_note(store: Store, note_id: str, body: str) -> Note:
    """Correct one's own note. Anyone else adds a note instead."""
    text = _body(body)
    with store.transaction():
        note = get_note(store, note_id)
        if note.author_id != current_user(store).id:
            raise PermissionDeniedError("notes.only_author_note_can_edit_add")
        return Note.from_row(update_record(store, "notes", note_id, {"body": text}))


def reply_to_visit_report(store: Store, report_id: str, body: str) -> Note:
    """Feedback on a visit report; it reaches the field rep with the report."""
    text = _body(body)
    with store.transaction():
        report = get_note(store, report_id)
        if report.kind != NoteKind.VISIT_REPORT:
            raise ValidationError("reply_to_id", "notes.feedback_answers_visit_report")
        return Note.from_row(
            create_record(
                store,
                "notes",
                {
                    "account_id": report.account_id,
                    "visit_id": report.visit_id,
                    "author_id": current_user(store).id,
                    "kind": NoteKind.FEEDBACK,
                    "body": text,
                    "pinned": False,
                    "reply_to_id": report.id,
                },
            )
        )
