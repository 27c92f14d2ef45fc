"""The briefing's links out: the account's phone is a call link, as its contacts' are,
and a link the desktop cannot open is said, not silently dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from ui.links import tel_url
from ui.pages.briefing import BriefingPane


@pytest.fixture
def nothing_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A desktop with no program for any link; what it was asked to open."""
    asked: list[str] = []

    def fake_open(url: str) -> bool:
        asked.append(url)
        return False

    monkeypatch.setattr("ui.widgets.link_label.open_link", fake_open)
    return asked


def test_the_accounts_phone_is_a_call_link_and_a_desktop_without_a_phone_program_is_told(
    make_context: Callable[..., Any], qtbot: QtBot, nothing_opens: list[str]
) -> None:
    context = make_context("field")
    pane = BriefingPane(context)
    qtbot.addWidget(pane)
    pane.show()
    found: list[dict[str, Any] | None] = []
    context.tasks.read(
        lambda store: store.query_one(
            "SELECT a.id, a.phone FROM accounts a WHERE a.phone IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id"
            " AND c.email IS NOT NULL) LIMIT 1"
        ),
        found.append,
    )
    qtbot.waitUntil(lambda: bool(found))
    assert found[0] is not None
    account_id, phone = found[0]["id"], found[0]["phone"]
    with qtbot.waitSignal(pane.shown):
        pane.show_account(account_id)
    assert pane.phone_label.plain_text() == phone
    assert pane.phone_label.links() == [tel_url(phone)]
    assert not pane.error_label.isVisible()

    pane.phone_label.linkActivated.emit(pane.phone_label.links()[0])
    assert nothing_opens == [tel_url(phone)]
    assert pane.error_label.isVisible()
    assert pane.error_label.text() == "Nothing on this computer opens tel."
    # A contact's mail link the same way.
    mail = next(link for link in pane.contacts.links() if link.startswith("mailto:"))
    pane.contacts.entry_label(0).linkActivated.emit(mail)
    assert pane.error_label.text() == "Nothing on this computer opens mailto."
    # Another account's briefing starts with no such line.
    with qtbot.waitSignal(pane.shown):
        pane.show_account(account_id)
    assert not pane.error_label.isVisible()
