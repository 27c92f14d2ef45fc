"""The global search in the window (issue 12): an account found by its address, a contact's
line naming their account, and a chosen contact shown selected in that account's briefing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fieldapp.search import SearchHit
from ui.main_window import MainWindow


def _window(context: Any, qtbot: QtBot) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    return window


def _read(window: MainWindow, qtbot: QtBot, query: str, params: tuple[object, ...] = ()) -> Any:
    answers: list[Any] = []
    window.context.tasks.read(
        lambda store: tuple(next(iter(store.rows(query, params)))), answers.append
    )
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    return answers[0]


def _type(window: MainWindow, qtbot: QtBot, text: str) -> list[str]:
    window.search.clear()
    with qtbot.waitSignal(window.search.results_shown, timeout=5000):
        qtbot.keyClicks(window.search, text)
    listing = window.search.results.list
    return [listing.item(row).text() for row in range(listing.count())]


def test_a_contact_hit_names_their_account_and_opens_it_with_them_selected(
    make_context: Any, qtbot: QtBot
) -> None:
    window = _window(make_context("field"), qtbot)
    contact_id, first, last, account_id, account = _read(
        window,
        qtbot,
        "SELECT c.id, c.first_name, c.last_name, a.id, a.name FROM contacts c"
        " JOIN accounts a ON a.id = c.account_id WHERE c.first_name IS NOT NULL"
        " ORDER BY c.id LIMIT 1",
    )
    lines = _type(window, qtbot, f"{first} {last}")
    name = f"{first} {last}"
    assert f"Contact · {name} at {account}" in [line.split(" — ")[0] for line in lines], lines

    listing = window.search.results.list
    row = next(
        r
        for r in range(listing.count())
        if isinstance(hit := listing.item(r).data(Qt.ItemDataRole.UserRole), SearchHit)
        and hit.record_id == contact_id
    )
    assert listing.item(row).toolTip().startswith(f"{name} at {account}")
    listing.setCurrentRow(row)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.current_page == "accounts"
    briefing = window.accounts.briefing
    qtbot.waitUntil(lambda: briefing.account_id == account_id, timeout=5000)
    qtbot.waitUntil(
        lambda: (
            [
                label.selectedText().replace("\u2028", "\n").split("\n")[0].split(" — ")[0]
                for label in briefing.contacts.findChildren(QLabel)
                if label.hasSelectedText()
            ]
            == [name]
        ),
        timeout=5000,
    )


def test_an_account_is_found_by_its_street_and_postal_code_in_the_window(
    make_context: Any, qtbot: QtBot
) -> None:
    window = _window(make_context("field"), qtbot)
    name, address, postal_code = _read(
        window,
        qtbot,
        "SELECT name, address, postal_code FROM accounts WHERE country = 'CA'"
        " AND address IS NOT NULL AND postal_code IS NOT NULL ORDER BY id LIMIT 1",
    )
    street = " ".join(address.split(",")[0].split()[:3])  # "4521 rue Notre-Dame"
    lines = _type(window, qtbot, street)
    assert any(line.startswith(f"Account · {name} — ") for line in lines), (street, lines)
    code = postal_code.replace(" ", "")
    [line] = [x for x in _type(window, qtbot, code) if x.startswith(f"Account · {name} — ")]
    # The line says where the account is, so the rep sees why it matched.
    assert address in line and postal_code in line


def test_the_index_names_each_province_as_the_address_lines_do() -> None:
    """Search finds "Québec" or "QC" where the address line shows it (ui/addresses.py)."""
    import sqlite3

    from fieldapp.store.migrations import migrate
    from ui.addresses import _PROVINCES

    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, None)
    words = dict(conn.execute("SELECT prefix, words FROM search_provinces"))
    assert set(words) == {f"CA{letter}" for letter in _PROVINCES}
    for letter, (abbreviation, french) in _PROVINCES.items():
        assert words[f"CA{letter}"].startswith(f"{abbreviation} {french}"), letter


def test_in_french_a_contact_is_chez_their_account(make_context: Any, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.i18n import Languages

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    try:
        assert languages.apply("fr") == "fr"
        window = _window(make_context("field"), qtbot)
        assert "adresse" in window.search.placeholderText()
        first, last, account = _read(
            window,
            qtbot,
            "SELECT c.first_name, c.last_name, a.name FROM contacts c"
            " JOIN accounts a ON a.id = c.account_id WHERE c.first_name IS NOT NULL"
            " ORDER BY c.id LIMIT 1",
        )
        lines = _type(window, qtbot, f"{first} {last}")
        assert any(f"{first} {last} chez {account}" in line for line in lines), lines
    finally:
        languages.clear()
