"""The window's sentence for an error of the core: its code worded through Qt's translation
system, its parameters written the user's way.

The core raises ``FieldAppError(code, **params)`` and its ``str()`` is English (the CLI, the
log). Here the same code is looked up in the "ErrorWords" context, whose source text is the
code itself (``ui/error_catalogue.py`` declares every code for lupdate), so that French is
one more rendering of the same value and no rule of the core is repeated in the window.
A code with no translation (the English interface) reads as ``fieldapp.error_codes``'s
English sentence, never as the bare code.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QCoreApplication

from fieldapp.error_codes import Param, english
from fieldapp.errors import FieldAppError
from ui.formatting import number, short_date

CONTEXT = "ErrorWords"
FRAGMENTS = "ErrorFragments"
# ui.labels is imported where it is used: it imports the sync worker (for the connection's
# words), which words its errors here, so a module-level import would be circular.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMATTER = string.Formatter()


def sentence(error: FieldAppError) -> str:
    """What the window says for ``error``, in the interface's language."""
    params: dict[str, Param] = dict(error.params)
    cause = error.__cause__
    # A wrapping error ("Follow-up 2: <message>") carries its cause's English sentence as a
    # parameter; the cause itself is a value too, so it is worded here in the same language.
    if "message" in params and isinstance(cause, FieldAppError):
        params["message"] = sentence(cause)
    return words(error.code, params)


def refusal(reason: str, code: str | None, params: Mapping[str, Param]) -> str:
    """Why the server refused a change: its code worded here when it sent one (issue 12),
    else the English sentence an older server sent alone."""
    return reason if code is None else words(code, params)


def words(code: str, params: Mapping[str, Param]) -> str:
    """The sentence of ``code`` with ``params`` (a rejection reason from the server, an
    error of the core): translated if the catalogue has it, else the core's English."""
    # The translation's source text is the code itself, declared in ui/error_catalogue.py.
    template = QCoreApplication.translate(CONTEXT, code)
    if template == code:
        return english(code, params)
    worded = {name: _worded(code, name, value, params) for name, value in params.items()}
    parts = []
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError:  # a translator's stray brace: show the sentence as written
        return template
    for literal, field, _spec, _conversion in parsed:
        parts.append(literal)
        if field is not None:
            parts.append(worded.get(field, "{" + field + "}"))
    return "".join(parts)


def _worded(code: str, name: str, value: Param, params: Mapping[str, Param]) -> str:
    """One parameter as the window writes it: a number with the locale's marks, a day as a
    date, a word of the core (a field's label, an action, a status) in the interface's
    language; anything else (a name, an id, a path) is data and stays as it is."""
    special = _SPECIAL.get((code, name))
    if special is not None:
        return special(params)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float):
        return _number(value)
    if name in ("label", "action", "noun", "EXPORT_HINT", "BACKUPS_HINT"):
        return QCoreApplication.translate(FRAGMENTS, value)
    if name in ("status", "was"):
        return _in_sentence(_status_label(value))
    if name == "role":
        from ui.labels import role_label

        return _in_sentence(role_label(value))
    if _ISO_DAY.fullmatch(value):
        return short_date(date.fromisoformat(value))
    return value


def _number(value: int | float) -> str:
    if float(value).is_integer():
        return number(value)
    return number(value, 2).rstrip("0")


def _status_label(code: str) -> str:
    from ui.labels import record_status_label, visit_status_label

    # The code alone does not say whose status it is; every collection's words share one
    # vocabulary, so the first that knows the code words it.
    for collection in ("follow_ups", "leads"):
        label = record_status_label(collection, code)
        if label != code:
            return label
    return visit_status_label(code)


def _in_sentence(label: str) -> str:
    """A label ("Done") inside a sentence ("… est terminé")."""
    return label[:1].lower() + label[1:]


def _visit_status(params: Mapping[str, Param]) -> str:
    from ui.labels import visit_status_label

    status = params.get("status")
    return _in_sentence(visit_status_label(str(status))) if status else str(params.get("value"))


def _field_label(params: Mapping[str, Param]) -> str:
    from ui.labels import field_labels

    field = str(params.get("field_code", ""))
    return field_labels().get(field, str(params.get("what", field)))


def _roles(params: Mapping[str, Param]) -> str:
    from ui.labels import role_label

    # require_role joins the role codes with " or " for its English sentence.
    codes = str(params.get("value", "")).split(" or ")
    return ", ".join(_in_sentence(role_label(code)) for code in codes)


# Parameters that the core spells in English for its own sentence and that carry, beside
# them, the value the window words instead (the visit's status code, the field's code).
_SPECIAL: dict[tuple[str, str], Callable[[Mapping[str, Param]], str]] = {
    ("visits.cannot_visit", "value"): _visit_status,
    ("people.only_reps_can_signed_in_as", "value"): _roles,
    ("sync_issues.field_cannot_be_empty", "what"): _field_label,
    ("sync_issues.field_cannot_take_value", "what"): _field_label,
}
