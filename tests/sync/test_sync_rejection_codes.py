"""A refusal's reason travels as a catalogue code with plain parameters (issue 12): the
real server sends it, the laptop stores it with the rejection for the window to word, and
an answer in the older form (the English sentence alone) is stored as it always was."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from support.replicas import Client, ClientFactory, backend
from support.server import DEMO_PASSWORD, ServerProcess

from fieldapp.error_codes import ENGLISH, english
from fieldapp.ids import new_id
from fieldapp.store.changes import update_record
from fieldapp.store.syncbook import PendingMutation
from fieldapp.usecases import sync_issues
from fieldapp.usecases.sync_issues import RejectedChange
from sync import wire
from sync.errors import (
    AuthenticationError,
    InvalidCursorError,
    ServerBusyError,
    ServerRefusedError,
)

REPO = Path(__file__).resolve().parents[2]
# Still raised with English sentences for codes: the open formats' errors, turned into
# codes by their own piece of issue 12. Remove from here once they are.
FILE_SUFFIXES = {"db", "log", "json", "csv", "txt", "toml"}  # server.db is a file name


def _hand_an_account_to_paris(field: Client, manager: Client) -> str:
    """The field rep, on their laptop, gives one of their accounts to the Paris rep: a
    territory outside their scope, which the server refuses with the territory named."""
    account_id = str(field.store.scalar("SELECT id FROM accounts ORDER BY id LIMIT 1"))
    paris_rep = manager.store.scalar("SELECT id FROM users WHERE territory = 'Paris'")
    assert paris_rep is not None
    update_record(field.store, "accounts", account_id, {"owner_id": paris_rep})
    return account_id


def _only_rejection(field: Client) -> RejectedChange:
    [rejection] = sync_issues.open_rejections(field.store)
    return rejection


def test_a_refused_change_is_stored_with_the_servers_reason_code_and_parameters(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    field, manager = make_client(server.url, "field"), make_client(server.url, "manager")
    field.sync()
    manager.sync()
    account_id = _hand_an_account_to_paris(field, manager)

    report = field.sync()

    assert report.rejected == 1
    rejection = _only_rejection(field)
    assert rejection.record_id == account_id and rejection.code == "forbidden"
    assert rejection.reason_code == "server.territory_not_in_scope_2"
    assert rejection.reason_params == {"new_territory": "Paris"}
    assert rejection.reason == english(rejection.reason_code, rejection.reason_params)
    assert "Paris" in rejection.reason
    # Stored so, not only read so: the columns of local schema 5.
    row = field.store.query(
        "SELECT reason_code, reason_params FROM rejected_mutations WHERE id = ?",
        (rejection.id,),
    )[0]
    assert (row["reason_code"], row["reason_params"]) == (
        "server.territory_not_in_scope_2",
        '{"new_territory":"Paris"}',
    )


def test_an_answer_with_the_reason_alone_is_stored_as_before(
    server: ServerProcess, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older server sends ``reason`` and ``code`` only: the real server's answer, with
    the new keys taken out before the laptop reads it."""
    older: list[dict[str, Any]] = []
    read = wire.push_results

    def as_an_older_server(body: dict[str, Any], sent: Any) -> Any:
        for result in body["results"]:
            result.pop("reason_code", None)
            result.pop("reason_params", None)
            older.append(result)
        return read(body, sent)

    monkeypatch.setattr(wire, "push_results", as_an_older_server)
    field, manager = make_client(server.url, "field"), make_client(server.url, "manager")
    field.sync()
    manager.sync()
    account_id = _hand_an_account_to_paris(field, manager)

    assert field.sync().rejected == 1

    assert [r["status"] for r in older] == ["rejected"]
    assert set(older[0]) == {"mutation_id", "status", "reason", "code"}
    rejection = _only_rejection(field)
    assert rejection.record_id == account_id and rejection.code == "forbidden"
    assert (rejection.reason_code, rejection.reason_params) == (None, {})
    assert rejection.reason == older[0]["reason"] and "Paris" in rejection.reason


def test_a_refused_request_carries_the_servers_reason_code(
    server: ServerProcess, make_client: ClientFactory
) -> None:
    field = make_client(server.url, "field")
    too_many = [
        PendingMutation(
            n, new_id(), "notes", new_id(), "delete", {}, {}, None, "2026-11-23T14:00:00Z"
        )
        for n in range(field.backend.max_batch + 1)
    ]
    with pytest.raises(ServerRefusedError) as refused:
        field.backend.push("device", too_many)
    assert refused.value.status == 413
    assert refused.value.code == "sync.server_refused_request"
    assert refused.value.reason_code == "server.at_most_mutations_per_request"
    assert refused.value.reason_params == {"limit": field.backend.max_batch}
    assert "At most 500 mutations per request." in str(refused.value)

    with pytest.raises(InvalidCursorError) as cursor:
        field.backend.pull(field.backend.feeds()[0], "not-a-cursor", 10)
    assert cursor.value.reason_code == "server.cursor_not_issued_by_server"
    assert cursor.value.reason_params == {}


@pytest.mark.parametrize(
    ("answer", "read"),
    [
        (
            {"reason_code": "server.no_collection", "reason_params": {"collection": "x"}},
            ("server.no_collection", {"collection": "x"}),
        ),
        ({}, (None, {})),  # an older server: the sentence alone
        ({"reason_code": "server.some_code_of_a_newer_server", "reason_params": {}}, (None, {})),
        ({"reason_code": 12, "reason_params": {"collection": "x"}}, (None, {})),
        (
            {"reason_code": "server.no_collection", "reason_params": ["x"]},
            ("server.no_collection", {}),
        ),
        (
            {"reason_code": "server.no_collection", "reason_params": {"collection": ["x"], "n": 2}},
            ("server.no_collection", {"n": 2}),
        ),
    ],
)
def test_a_reason_the_laptop_cannot_use_leaves_the_sentence_alone(
    answer: dict[str, Any], read: tuple[Any, Any]
) -> None:
    assert wire.reason_of(answer) == read


def test_every_code_named_in_the_source_is_in_the_catalogue() -> None:
    """Every text in the core, sync and server source shaped like a code of the catalogue
    (``server.no_collection``) is one: a typo'd code would reach a person as the bare code,
    and a client could not word it."""
    prefixes = {code.split(".")[0] for code in ENGLISH}
    named: dict[str, str] = {}
    for package in ("fieldapp", "sync"):
        for path in sorted((REPO / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    head, dot, rest = node.value.partition(".")
                    if (
                        dot
                        and head in prefixes
                        and re.fullmatch(r"[a-z0-9_]+", rest)
                        and rest not in FILE_SUFFIXES
                    ):
                        named.setdefault(node.value, str(path.relative_to(REPO)))
    assert len(named) > 100
    assert {c: p for c, p in named.items() if c not in ENGLISH} == {}


def _error_classes(base: type) -> set[str]:
    found = {base.__name__}
    for sub in base.__subclasses__():
        found |= _error_classes(sub)
    return found


def test_too_many_failed_sign_ins_say_so_with_the_wait(server: ServerProcess) -> None:
    """The server answers the sixth failure in a row 429 rate_limited: to the person that is
    "wait before trying again", with the wait in minutes, not "the server is busy"."""
    laptop = backend(server.url)
    for _ in range(5):
        with pytest.raises(AuthenticationError) as wrong:
            laptop.authenticate("field", "not the password")
        assert wrong.value.code == "sync.wrong_username_or_password_check_them"
    # Even with the right password now: the server refuses before it checks it.
    with pytest.raises(ServerBusyError) as throttled:
        laptop.authenticate("field", DEMO_PASSWORD)
    assert throttled.value.code == "sync.too_many_failed_sign_ins_wait"
    assert throttled.value.params["minutes"] == 15
    assert not isinstance(throttled.value, AuthenticationError)  # not "wrong password"
