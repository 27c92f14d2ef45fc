"""No English inside a French sentence (issue 12): what the core used to pass as English
text (a list of choices, "(got None)", the keyring's sentence, a full disk's account of a
sync) reaches the window as values it words, while ``str(error)`` (the CLI) stays the same."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from fieldapp import validation as check
from fieldapp.error_codes import ENGLISH, Param, listed
from fieldapp.errors import DiskFullError, FieldAppError, ValidationError
from fieldapp.records import VISIT_OUTCOMES
from fieldapp.team.regions import region
from sync.engine import SyncEngine, SyncReport, disk_full_sentence
from ui import error_words
from ui.i18n import Languages
from ui.translations import build, declare_errors

from PySide6.QtWidgets import QApplication  # isort: skip

FORMATTER = string.Formatter()


@pytest.fixture
def in_french(qapp: object) -> Iterator[None]:
    assert isinstance(qapp, QApplication)
    languages = Languages(qapp)
    assert languages.apply("fr") == "fr"
    yield
    languages.clear()


def refused(action: object, *args: object, **kwargs: object) -> FieldAppError:
    assert callable(action)
    with pytest.raises(FieldAppError) as caught:
        action(*args, **kwargs)
    return caught.value


# -- every code, every fragment ---------------------------------------------------------
# The parameters whose value is an English word of the core (``declare_errors``) and the
# two recovery hints: in French each must come out of the "ErrorFragments" context.
FRAGMENT_NAMES = (*declare_errors.FRAGMENT_PARAMS, "EXPORT_HINT", "BACKUPS_HINT")


def french_fragments() -> dict[str, str]:
    """Each fragment the core passes whose French differs from its English."""
    translated = {
        m.source: m.translations[0]
        for m in build.messages(build.SOURCE)
        if m.context == "ErrorFragments" and m.translations and not m.unfinished
    }
    passed = set(declare_errors.fragments())
    return {
        english: french
        for english, french in translated.items()
        if english in passed and french and french != english
    }


def test_every_code_in_french_words_its_fragment_parameters(in_french: None) -> None:
    fragments = french_fragments()
    sample = next(iter(sorted(fragments)))  # any fragment: the rule is by parameter name
    wrong, checked = [], 0
    for code, sentence in ENGLISH.items():
        names = {f for _t, f, _s, _c in FORMATTER.parse(sentence) if f}
        for name in names & set(FRAGMENT_NAMES):
            params: dict[str, Param] = {n: "x" for n in names}
            params[name] = sample
            worded = error_words.words(code, params)
            checked += 1
            if sample in worded or fragments[sample] not in worded:
                wrong.append(f"{code}: {name}={sample!r} reads {worded!r}")
    assert checked > 30  # the codes with a label, an action, a noun or a hint
    assert wrong == []


def test_the_fragment_rule_can_fail(in_french: None) -> None:
    # A name outside the fragment names is data: it comes out as it went in.
    worded = error_words.words("store.read_only", {"path": "check in"})
    assert "check in" in worded


# -- choices and what was given ---------------------------------------------------------
def test_a_french_window_words_each_choice_and_what_was_given(in_french: None) -> None:
    error = refused(check.choice, "outcome", None, VISIT_OUTCOMES, label="Outcome")
    assert str(error) == (
        "Outcome must be one of order_placed, positive, neutral, negative (got None)."
    )
    worded = error_words.sentence(error)
    assert "order_placed" not in worded and "None" not in worded
    assert "commande passée" in worded and "(reçu\u00a0: rien)" in worded


def test_a_tier_refused_reads_as_the_tiers_words(in_french: None) -> None:
    error = refused(check.tier, "Z")
    assert str(error) == "Tier must be one of A, B, C (got 'Z')."
    assert error_words.sentence(error).endswith("(reçu\u00a0: «\u00a0Z\u00a0»).")


def test_a_number_given_for_a_text_reads_as_a_french_number(in_french: None) -> None:
    error = refused(check.choice, "sort", 1500.5, ("name", "city"), label="Sort")
    assert str(error) == "Sort must be one of name, city (got 1500.5)."
    worded = error_words.sentence(error)
    assert "1\u00a0500,5" in worded and "nom, ville" in worded


def test_a_region_refused_lists_the_regions_words(in_french: None) -> None:
    error = refused(region, "XX")
    assert str(error) == "Region must be one of BE, FR, QC (got 'XX')."
    worded = error_words.sentence(error)
    assert "Québec" in worded and ", QC" not in worded


def test_a_year_out_of_range_is_not_grouped_like_a_count(in_french: None) -> None:
    from datetime import date

    error = refused(check.day, "due_date", date(1066, 10, 14), label="Due date")
    worded = error_words.sentence(error)
    assert "1066" in worded and "1\u00a0066" not in worded


def test_a_mapping_missing_fields_names_them_in_french(in_french: None) -> None:
    # As fieldapp.imports.csv_import raises it for a contacts file mapped to nothing.
    error = ValidationError(
        "first_name", "import.no_column_mapped_to", fields=listed(["first_name", "last_name"])
    )
    assert str(error) == "No column is mapped to first_name, last_name: map one to import."
    worded = error_words.sentence(error)
    assert "first_name" not in worded and "prénom, nom" in worded


# -- sign-in and a full disk ------------------------------------------------------------
class SignedInProfile:
    """A profile that knows its server and user but holds no refresh token."""

    def profile_value(self, key: str) -> str | None:
        return {"server_url": "https://crm.example", "current_username": "ana"}.get(key)


@pytest.mark.parametrize("keyring", [False, True])
def test_the_sign_in_refusal_words_the_keyrings_sentence_in_french(
    in_french: None, monkeypatch: pytest.MonkeyPatch, keyring: bool
) -> None:
    from sync import credentials, session

    monkeypatch.setattr(credentials, "keyring_available", lambda: keyring)
    monkeypatch.setattr(credentials, "load_refresh_token", lambda *_a: None)
    error = refused(session.backend_for, SignedInProfile())
    worded = error_words.sentence(error)
    if keyring:
        assert str(error).startswith("Sign in again with 'fieldapp login'")
        assert worded.startswith("Reconnectez-vous")
    else:
        assert str(error).startswith(credentials.NO_KEYRING + " Sign in again")
        assert worded.startswith("Cet ordinateur n\u2019a pas de trousseau")
        assert "keyring" not in worded and "Reconnectez-vous" in worded


def test_a_full_disk_during_sync_says_in_french_what_was_done(in_french: None) -> None:
    report = SyncReport()
    report.pushed, report.pulled, report.unconfirmed = 3, 1, 2
    # What the engine raises when the store's write hits a full disk mid-cycle (the method
    # reads only the error and the report).
    told = SyncEngine._told_as_it_is
    error = told(cast(Any, None), DiskFullError("store.disk_full", "/p/fieldapp.db"), report)
    assert isinstance(error, DiskFullError) and error.code == "disk_full"
    # The command line's sentence is the core's, as it was.
    assert str(error) == disk_full_sentence("/p/fieldapp.db", report)
    assert str(error).startswith("The disk holding /p/fieldapp.db is full: 3 changes were sent")
    worded = error_words.sentence(error)
    assert worded == (
        "Le disque qui contient /p/fieldapp.db est plein\u00a0: 3 modifications envoyées et"
        " 1 fiche reçue\u00a0; 2 autres modifications sont parvenues au serveur mais n\u2019ont"
        " pas pu être notées ici (la prochaine synchronisation les confirmera)\u00a0; le"
        " reste attendra qu\u2019il y ait de la place."
    )
    nothing = DiskFullError("disk_full", "/p", sentence="…", pushed=0, pulled=0, unconfirmed=0)
    assert "rien n\u2019a été envoyé ni reçu" in error_words.sentence(nothing)


def test_an_english_window_keeps_the_cores_sentences(qapp: object) -> None:
    error = ValidationError(
        "outcome", "check.must_one_got", label="Outcome", value="a, b", value2="None", got=None
    )
    assert error_words.sentence(error) == str(error) == "Outcome must be one of a, b (got None)."


def test_an_answer_cut_short_reads_in_french_and_a_transport_errors_name_as_it_is(
    in_french: None,
) -> None:
    from sync.http_backend import CUT_SHORT

    code = "sync.cannot_reach_server_at_changes_kept"
    cut = error_words.words(code, {"base_url": "https://crm.example", "what": CUT_SHORT})
    assert cut.endswith("(réponse interrompue).") and CUT_SHORT not in cut
    reset = error_words.words(code, {"base_url": "https://crm.example", "what": "ConnectTimeout"})
    assert reset.endswith("(ConnectTimeout).")


def test_a_malformed_answer_names_its_part_in_french(in_french: None) -> None:
    from sync import wire
    from sync.errors import ProtocolError
    from sync.wire import identity

    error = refused(identity, {"user": {"username": "ana"}})
    assert isinstance(error, ProtocolError)
    assert str(error) == "The server's identity lacks 'id'."
    assert (
        error_words.sentence(error) == "Il manque «\u00a0id\u00a0» dans l\u2019identité du serveur."
    )
    # Every part sync.wire names (the last argument of its _get) has its French.
    places = {
        node.args[3].value
        for node in ast.walk(ast.parse(Path(wire.__file__).read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "_get"
        and len(node.args) == 4
        and isinstance(node.args[3], ast.Constant)
    }
    assert {"identity", "sign-in answer"} <= places
    for where in places:
        worded = error_words.words("sync.servers_lacks", {"where": where, "key": "k"})
        assert f" {where} " not in worded, worded
    record = error_words.words("sync.server_sent_not_object", {"where": "accounts record"})
    assert (
        record
        == "Le serveur a envoyé un enregistrement «\u00a0Compte\u00a0» qui n\u2019est pas un objet."
    )


def test_a_servers_refusal_words_its_reason_in_french(in_french: None) -> None:
    from sync.errors import ServerRefusedError

    english = "This record is not in your scope."
    error = ServerRefusedError(
        "sync.server_refused_request", 403, "server.record_not_in_scope", {}, value=english
    )
    assert str(error) == f"The server refused the request (403): {english}"
    worded = error_words.sentence(error)
    assert english not in worded
    assert worded.endswith(error_words.words("server.record_not_in_scope", {}))
    # An older server sent its sentence alone: it is shown as it came.
    older = ServerRefusedError("sync.server_refused_request", 403, None, {}, value=english)
    assert error_words.sentence(older).endswith(english)
