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

from PySide6.QtCore import QCoreApplication, QObject

from fieldapp.error_codes import Param, english, listed_codes
from fieldapp.errors import FieldAppError
from sync.errors import ServerRefusedError
from ui.formatting import number, short_date

CONTEXT = "ErrorWords"
FRAGMENTS = "ErrorFragments"
# ui.labels is imported where it is used: it imports the sync worker (for the connection's
# words), which words its errors here, so a module-level import would be circular.
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Years are numbers that no locale groups ("2026", never "2 026").
_YEARS = frozenset({"year", "EARLIEST_YEAR", "LATEST_YEAR"})
_FORMATTER = string.Formatter()


def sentence(error: FieldAppError) -> str:
    """What the window says for ``error``, in the interface's language."""
    params: dict[str, Param] = dict(error.params)
    cause = error.__cause__
    # A wrapping error ("Follow-up 2: <message>") carries its cause's English sentence as a
    # parameter; the cause itself is a value too, so it is worded here in the same language.
    if "message" in params and isinstance(cause, FieldAppError):
        params["message"] = sentence(cause)
    # A server's refusal carries its English reason for the CLI, and beside it the reason's
    # code when the server sent one (issue 12): that is worded here too.
    if isinstance(error, ServerRefusedError) and error.reason_code and "value" in params:
        params["value"] = words(error.reason_code, error.reason_params)
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
    if isinstance(value, int) and name in _YEARS:
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


def _got(params: Mapping[str, Param]) -> str:
    """What was given instead of a valid value ("(got …)"): the core's English shows its
    repr; here a text reads in the language's quotes, nothing as a word, a number as one."""
    if "got" not in params:  # an older raise that passed its repr alone
        return str(params.get("value2", params.get("value")))
    got = params["got"]
    if got is None:
        return QCoreApplication.translate("ErrorFragments", "nothing")
    if isinstance(got, bool):
        return (
            QCoreApplication.translate("ErrorFragments", "yes")
            if got
            else QCoreApplication.translate("ErrorFragments", "no")
        )
    if isinstance(got, int | float):
        return _number(got)
    return QCoreApplication.translate("ErrorFragments", "'%1'").replace("%1", got)


def _each(word: Callable[[str], str], name: str = "value") -> Callable[[Mapping[str, Param]], str]:
    """A list of codes (``fieldapp.error_codes.listed``) worded one by one."""

    def worded(params: Mapping[str, Param]) -> str:
        return ", ".join(word(code) for code in listed_codes(params.get(name)))

    return worded


def _choice(code: str, codes: frozenset[str]) -> str:
    """One of a field's choices, in the words of the catalogue's field whose choices these
    are (the choices of ``check.choice`` say whose they are; its label is English)."""
    from fieldapp.catalogue import CATALOGUE
    from fieldapp.catalogue.kinds import Choice
    from ui.labels import choice_label, collection_label, field_labels

    for collection, spec in CATALOGUE.items():
        for name in spec.names:
            kind = spec.field(name).kind
            if isinstance(kind, Choice) and frozenset(kind.values()) == codes:
                return _in_sentence(choice_label(collection, name, code))
    # Not a field's choices (the accounts list's sorts): a field's word, else the code.
    if code in CATALOGUE:
        return _in_sentence(collection_label(code))
    return _in_sentence(field_labels().get(code, code))


def _choices(params: Mapping[str, Param]) -> str:
    codes = listed_codes(params.get("value"))
    return ", ".join(_choice(code, frozenset(codes)) for code in codes)


def _region(code: str) -> str:
    from ui.labels import region_label

    return region_label(code)


def _commitment(code: str) -> str:
    from ui.labels import commitment_label

    return _in_sentence(commitment_label(code))


def _role(code: str) -> str:
    from ui.labels import role_label

    return _in_sentence(role_label(code))


def _field(code: str) -> str:
    from ui.labels import field_labels

    return _in_sentence(field_labels().get(code, code))


def _import_field(code: str) -> str:
    from ui.labels import import_field_label

    return _in_sentence(import_field_label(code))


def _import_target(params: Mapping[str, Param]) -> str:
    from ui.labels import collection_label

    return _in_sentence(collection_label(str(params.get("target"))))


def _transport_fault(params: Mapping[str, Param]) -> str:
    from sync.http_backend import CUT_SHORT

    what = str(params.get("what", ""))
    if what == CUT_SHORT:
        return QCoreApplication.translate("ErrorFragments", "answer cut short")
    return what  # the transport error's class name, for support


def _wire_place(params: Mapping[str, Param]) -> str:
    """Which part of the server's answer was malformed (``sync.wire``'s ``where``), with
    its article as the French sentences want it ("dans la réponse du serveur")."""
    from ui.labels import collection_label

    where = str(params.get("where", ""))
    places = {
        "answer": QCoreApplication.translate("ErrorFragments", "the answer"),
        "change": QCoreApplication.translate("ErrorFragments", "a change"),
        "change feed": QCoreApplication.translate("ErrorFragments", "the change feed"),
        "conflict": QCoreApplication.translate("ErrorFragments", "a conflict"),
        "identity": QCoreApplication.translate("ErrorFragments", "the identity"),
        "push answer": QCoreApplication.translate("ErrorFragments", "the push answer"),
        "push result": QCoreApplication.translate("ErrorFragments", "a push result"),
        "sign-in answer": QCoreApplication.translate("ErrorFragments", "the sign-in answer"),
    }
    if where in places:
        return places[where]
    collection, _space, record = where.rpartition(" ")
    if record == "record" and collection:  # "accounts record"
        return QCoreApplication.translate("ErrorFragments", "%1 record").replace(
            "%1", collection_label(collection)
        )
    return where


def _sign_in_reason(params: Mapping[str, Param]) -> str:
    """The prefix saying why the sign-in is not remembered: the keyring's own sentence."""
    if "no_keyring" not in params:  # an older raise: its English prefix as it came
        return str(params.get("reason", ""))
    return words("sync.no_keyring", {}) + " " if params["no_keyring"] else ""


class DiskFullWords(QObject):
    """The words of a sync cycle a full disk stopped. A QObject only for ``tr``'s plural
    forms: lupdate marks a count's plurals in ``tr()``, not in ``translate()``."""

    def sentence(self, params: Mapping[str, Param]) -> str:
        """The core's ``sync.engine.disk_full_sentence``, in the interface's language."""
        if "pushed" not in params:  # an older raise: its English sentence as it came
            return str(params.get("sentence", ""))
        pushed, pulled, unconfirmed = (
            int(params.get(n) or 0) for n in ("pushed", "pulled", "unconfirmed")
        )
        done = []
        if pushed:
            done.append(self.tr("%n change(s) sent", "", pushed))
        if pulled:
            done.append(self.tr("%n record(s) received", "", pulled))
        so_far = "".join(done)
        if len(done) == 2:
            so_far = self.tr("%1 and %2").replace("%1", done[0]).replace("%2", done[1])
        if unconfirmed:
            if pushed:
                unknown = self.tr(
                    "%n more change(s) reached the server but could not be recorded here"
                    " (the next sync confirms them)",
                    "",
                    unconfirmed,
                )
            else:
                unknown = self.tr(
                    "%n change(s) reached the server but could not be recorded here"
                    " (the next sync confirms them)",
                    "",
                    unconfirmed,
                )
            joined = self.tr("%1; %2").replace("%1", so_far).replace("%2", unknown)
            so_far = joined if so_far else unknown
        so_far = so_far or self.tr("nothing was sent or received")
        return (
            self.tr("The disk holding %1 is full: %2; the rest waits until there is space.")
            .replace("%1", str(params.get("path", "")))
            .replace("%2", so_far)
        )


def _disk_full(params: Mapping[str, Param]) -> str:
    return DiskFullWords().sentence(params)


# Parameters that the core spells in English for its own sentence and that carry, beside
# them, the value the window words instead (the visit's status code, the field's code), or
# that hold a list of codes (``fieldapp.error_codes.listed``) worded one by one here.
_SPECIAL: dict[tuple[str, str], Callable[[Mapping[str, Param]], str]] = {
    ("visits.cannot_visit", "value"): _visit_status,
    ("people.only_reps_can_signed_in_as", "value"): _roles,
    ("sync_issues.field_cannot_be_empty", "what"): _field_label,
    ("sync_issues.field_cannot_take_value", "what"): _field_label,
    ("check.must_one_got", "value"): _choices,
    ("check.must_one_got", "value2"): _got,
    ("check.must_number_got", "value"): _got,
    ("regions.region_must_one_got", "value"): _each(_region),
    ("regions.region_must_one_got", "value2"): _got,
    ("policies.commitment_must_one_got", "value"): _each(_commitment),
    ("policies.commitment_must_one_got", "value2"): _got,
    ("server.role_must_one", "value"): _each(_role),
    ("server.new_record_needs", "value"): _each(_field),
    ("import.no_column_mapped_to", "fields"): _each(_import_field, "fields"),
    ("import.not_field_of_choose_one", "fields"): _each(_import_field, "fields"),
    ("import.not_field_of_choose_one", "target"): _import_target,
    ("sync.sign_in_again_with_fieldapp_login", "reason"): _sign_in_reason,
    ("disk_full", "sentence"): _disk_full,
    ("sync.cannot_reach_server_at_changes_kept", "what"): _transport_fault,
    ("sync.servers_lacks", "where"): _wire_place,
    ("sync.servers_has_wrongly_typed", "where"): _wire_place,
    ("sync.server_sent_not_object", "where"): _wire_place,
}
