"""The Accounts page as a rep uses it: narrow the list, read a briefing, act from it."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from support.core_world import T0
from support.screen_colours import in_error_colour

from fieldapp.usecases.accounts import edit_account
from fieldapp.usecases.planning import todays_plan
from ui.dialogs.account_dialogs import (
    AddNoteDialog,
    EditAccountDialog,
    NewContactDialog,
    PlanVisitDialog,
)
from ui.links import tel_url
from ui.models.account_list import CITY, NAME, NEXT_VISIT, TIER
from ui.pages.accounts import AccountsPage

from PySide6.QtCore import QDate, QPoint, Qt, QTime  # isort: skip
from PySide6.QtWidgets import QDialog, QLabel  # isort: skip

WAIT = 10000


def read(context: Any, qtbot: QtBot, work: Any) -> Any:
    """Ask the store, through the worker as the app does, and wait for the answer."""
    answers: list[Any] = []
    context.tasks.read(work, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    return answers[0]


def open_page(make_context: Any, qtbot: QtBot, username: str = "field") -> tuple[Any, Any]:
    context = make_context(username)
    page = AccountsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.show()
    qtbot.waitUntil(lambda: page.city_box.count() > 1, timeout=WAIT)
    return context, page


def listed(page: Any, column: int = NAME) -> list[str]:
    model = page.model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def click_account(page: Any, qtbot: QtBot, account_id: str) -> None:
    view = page.list_view
    index = page.model.index(page.model.row_of(account_id), NAME)

    # The scroll bar gets its range when the view lays itself out, an event after the
    # model's reset: until then scrollTo has nothing to scroll (seen on a busy machine).
    def shown() -> bool:
        view.scrollTo(index)
        return view.viewport().rect().contains(view.visualRect(index))

    qtbot.waitUntil(shown, timeout=WAIT)
    with qtbot.waitSignal(page.briefing.shown, timeout=WAIT):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )


def well_documented_account(context: Any, qtbot: QtBot) -> dict[str, Any]:
    """An account of the demo with something in every part of its briefing."""
    return read(
        context,
        qtbot,
        lambda store: store.query_one(
            """SELECT a.* FROM accounts a
           WHERE EXISTS (SELECT 1 FROM notes n WHERE n.account_id = a.id AND n.pinned = 1)
             AND EXISTS (SELECT 1 FROM notes n WHERE n.account_id = a.id
                         AND n.kind = 'visit_report')
             AND EXISTS (SELECT 1 FROM follow_ups f WHERE f.account_id = a.id
                         AND f.status = 'open')
             AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id)
             AND EXISTS (SELECT 1 FROM opportunities o WHERE o.account_id = a.id
                         AND o.stage IN ('prospecting', 'qualification', 'proposal',
                                         'negotiation'))
           ORDER BY a.name LIMIT 1"""
        ),
    )


def open_dialog(page: Any, qtbot: QtBot, button: Any, kind: type[QDialog]) -> Any:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.briefing.findChild(kind) is not None, timeout=WAIT)
    dialog = page.briefing.findChild(kind)
    qtbot.waitExposed(dialog)
    return dialog


def submit(qtbot: QtBot, dialog: Any, key: Qt.Key = Qt.Key.Key_Return) -> None:
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.keyClick(dialog.focusWidget() or dialog, key)


def outbox_size(context: Any, qtbot: QtBot) -> int:
    return read(context, qtbot, lambda store: store.scalar("SELECT count(*) FROM outbox"))


# -- the list -------------------------------------------------------------------------
def test_rep_narrows_the_list_by_city_tier_due_and_words(make_context, qtbot: QtBot) -> None:
    _context, page = open_page(make_context, qtbot)
    assert page.model.rowCount() == 60 and page.count_label.text() == "60 account(s)"

    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.city_box.setCurrentIndex(page.city_box.findText("Paris"))
    assert set(listed(page, CITY)) == {"Paris"} and page.count_label.text() == "21 account(s)"

    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.tier_box.setCurrentIndex(page.tier_box.findData("B"))
    assert set(listed(page, TIER)) == {"B"} and set(listed(page, CITY)) == {"Paris"}

    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.city_box.setCurrentIndex(0)  # all cities
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        qtbot.mouseClick(page.due_box, Qt.MouseButton.LeftButton)
    assert 0 < page.model.rowCount() < 22 and set(listed(page, TIER)) == {"B"}
    assert all(not page.model.account_at(r).next_visit_at for r in range(page.model.rowCount()))
    assert all(
        text == "Never visited" or text.startswith(("Overdue", "Due today"))
        for text in listed(page, NEXT_VISIT)
    )

    page.clear_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 60, timeout=WAIT)
    first_word = listed(page)[7].split()[0]
    qtbot.keyClicks(page.filter_field, first_word.upper())
    qtbot.waitUntil(lambda: not page.model.loading, timeout=WAIT)
    assert 0 < page.model.rowCount() < 60
    assert all(
        first_word.lower() in " ".join([n, c]).lower()
        for n, c in zip(listed(page), listed(page, CITY), strict=True)
    )


def test_clicking_a_column_header_sorts_the_list(make_context, qtbot: QtBot) -> None:
    _context, page = open_page(make_context, qtbot)
    header = page.list_view.horizontalHeader()
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(TIER) + 10, 5),
        )
    tiers = listed(page, TIER)
    assert tiers == sorted(tiers) and tiers[0] == "A"
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(TIER) + 10, 5),
        )
    assert listed(page, TIER)[0] == "C"
    assert page.model.sort_order == ("tier", True)


# -- the briefing ---------------------------------------------------------------------
def test_clicking_an_account_shows_its_whole_briefing(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    account = well_documented_account(context, qtbot)
    click_account(page, qtbot, account["id"])
    briefing = page.briefing
    assert briefing.name_label.text() == account["name"]
    assert briefing.tier_label.text().startswith(f"Tier {account['tier']}")
    assert account["address"] in briefing.address_label.text()
    assert account["city"] in briefing.address_label.text()
    assert briefing.phone_label.plain_text() == account["phone"]
    assert briefing.phone_label.links() == [tel_url(account["phone"])]  # a call link
    assert briefing.owner_label.text() in ("Julien Bergeron", "Mathilde David")
    assert briefing.last_visit_label.text() != "Never visited"
    pinned = read(
        context,
        qtbot,
        lambda store: [
            r["body"]
            for r in store.query(
                "SELECT body FROM notes WHERE account_id = ? AND pinned = 1", (account["id"],)
            )
        ],
    )
    assert all(any(body in text for text in briefing.pinned.texts()) for body in pinned)
    assert briefing.reports.texts() and all(
        "reviewed" in text.splitlines()[0] for text in briefing.reports.texts()
    )
    assert briefing.follow_ups.texts() and briefing.opportunities.texts()
    contacts = read(
        context,
        qtbot,
        lambda store: [
            r["last_name"]
            for r in store.query(
                "SELECT last_name FROM contacts WHERE account_id = ?", (account["id"],)
            )
        ],
    )
    assert len(briefing.contacts.texts()) == len(contacts)
    assert all(any(name in text for text in briefing.contacts.texts()) for name in contacts)
    # Keyboard: the next row's briefing follows the arrow key.
    row = page.model.row_of(account["id"])
    with qtbot.waitSignal(briefing.shown, timeout=WAIT):
        qtbot.keyClick(page.list_view, Qt.Key.Key_Down)
    assert briefing.account_id == page.model.account_at(row + 1).id


def test_show_account_widens_a_filter_that_hides_it(make_context, qtbot: QtBot) -> None:
    _context, page = open_page(make_context, qtbot)
    hidden = next(
        page.model.account_at(r) for r in range(60) if page.model.account_at(r).tier == "C"
    )
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.tier_box.setCurrentIndex(page.tier_box.findData("A"))
    assert page.model.row_of(hidden.id) is None
    with qtbot.waitSignal(page.briefing.shown, timeout=WAIT):
        page.show_account(hidden.id)
    qtbot.waitUntil(lambda: page.model.row_of(hidden.id) is not None, timeout=WAIT)
    qtbot.waitUntil(
        lambda: page.list_view.currentIndex().row() == page.model.row_of(hidden.id), timeout=WAIT
    )
    assert page.tier_box.currentData() is None and page.model.rowCount() == 60
    assert page.briefing.name_label.text() == hidden.name


# -- actions from the briefing --------------------------------------------------------
def test_a_visit_planned_in_the_dialog_is_the_briefings_next_visit(
    make_context, qtbot: QtBot
) -> None:
    context, page = open_page(make_context, qtbot)
    due = next(page.model.account_at(r) for r in range(60) if page.model.account_at(r).due)
    click_account(page, qtbot, due.id)
    assert page.briefing.next_visit_label.text() == "None planned"
    dialog = open_dialog(page, qtbot, page.briefing.plan_button, PlanVisitDialog)
    day = (T0 + timedelta(days=3)).date()
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.start_time.setTime(QTime(10, 30))
    dialog.duration.selectAll()
    qtbot.keyClicks(dialog.duration, "45")
    reads_of_the_whole_list = []
    page.model.loaded.connect(lambda: reads_of_the_whole_list.append(1))
    with qtbot.waitSignals([page.briefing.shown, page.model.updated], timeout=WAIT):
        submit(qtbot, dialog)
    start = datetime(day.year, day.month, day.day, 10, 30).astimezone()
    visits = read(
        context,
        qtbot,
        lambda store: store.query(
            "SELECT * FROM visits WHERE account_id = ? AND status = 'planned'", (due.id,)
        ),
    )
    assert [(v["planned_start"], v["planned_end"]) for v in visits] == [
        (
            start.astimezone(T0.tzinfo).strftime("%Y-%m-%dT%H:%M:%SZ"),
            (start + timedelta(minutes=45)).astimezone(T0.tzinfo).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
    ]
    assert "10:30" in page.briefing.next_visit_label.text()
    assert "Planned" in page.briefing.next_visit_label.text()
    # ...and the list no longer counts the account as due: that one row was read again.
    row = page.model.account_at(page.model.row_of(due.id))
    assert not row.due and row.next_visit_at == visits[0]["planned_start"]
    assert reads_of_the_whole_list == []


def test_a_note_holding_markup_is_shown_exactly_as_typed(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot, "inside")
    account = page.model.account_at(3)
    click_account(page, qtbot, account.id)
    assert not page.briefing.check_in_button.isVisible()  # the inside team does not check in
    dialog = open_dialog(page, qtbot, page.briefing.note_button, AddNoteDialog)
    assert dialog.pinned.isChecked()  # an inside note is written for the field
    typed = "<b>Bring</b> the <script>alert(1)</script> samples"
    qtbot.keyClicks(dialog.body, typed)
    with qtbot.waitSignals([dialog.finished, page.briefing.shown], timeout=WAIT):
        qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = read(
        context,
        qtbot,
        lambda store: store.query(
            "SELECT body, pinned FROM notes WHERE account_id = ? AND body LIKE '%samples'",
            (account.id,),
        ),
    )
    assert stored == [{"body": typed, "pinned": 1}]
    [label] = [lb for lb in page.briefing.pinned.findChildren(QLabel) if typed in lb.text()]
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith(typed)


def test_an_empty_note_is_refused_next_to_the_field(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    click_account(page, qtbot, page.model.account_at(0).id)
    before = outbox_size(context, qtbot)
    dialog = open_dialog(page, qtbot, page.briefing.note_button, AddNoteDialog)
    assert not dialog.pinned.isVisible()  # a field rep's notes are not pinned
    qtbot.keyClicks(dialog.body, "   ")
    qtbot.keyClick(dialog.body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.error_for("body") != "", timeout=WAIT)
    assert dialog.error_for("body") == "Note cannot be empty."
    assert dialog.isVisible() and outbox_size(context, qtbot) == before


def test_a_contact_met_on_site_joins_the_briefing(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    account = page.model.account_at(10)
    click_account(page, qtbot, account.id)
    dialog = open_dialog(page, qtbot, page.briefing.contact_button, NewContactDialog)
    dialog.first_name.insert("Chloé")  # QTest types ASCII only: accents are pasted
    qtbot.keyClicks(dialog.last_name, "Zylberstein")
    qtbot.keyClicks(dialog.email, "chloe@")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_for("email") != "", timeout=WAIT)
    assert "is not an e-mail address" in dialog.error_for("email") and dialog.isVisible()
    qtbot.keyClicks(dialog.email, "example.com")
    with qtbot.waitSignal(page.briefing.shown, timeout=WAIT):
        submit(qtbot, dialog)
    assert any(
        "Chloé Zylberstein" in text and "chloe@example.com" in text
        for text in page.briefing.contacts.texts()
    )
    names = read(
        context,
        qtbot,
        lambda store: [
            r["last_name"]
            for r in store.query(
                "SELECT last_name FROM contacts WHERE account_id = ?", (account.id,)
            )
        ],
    )
    assert "Zylberstein" in names


def test_an_invalid_edit_is_explained_and_changes_nothing(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    account = page.model.account_at(20)
    click_account(page, qtbot, account.id)
    phone_before = page.briefing.phone_label.plain_text()
    before = outbox_size(context, qtbot)
    dialog = open_dialog(page, qtbot, page.briefing.edit_button, EditAccountDialog)
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "call me maybe")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_for("phone") != "", timeout=WAIT)
    assert dialog.error_for("phone") == "'call me maybe' is not a phone number."
    assert in_error_colour(dialog.findChild(QLabel, "phoneError"))
    assert dialog.isVisible() and dialog.phone.hasFocus()
    assert outbox_size(context, qtbot) == before
    stored = read(
        context,
        qtbot,
        lambda store: store.scalar("SELECT phone FROM accounts WHERE id = ?", (account.id,)),
    )
    assert stored == phone_before
    # Escape walks away from the form; nothing is saved.
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Escape)
    assert outbox_size(context, qtbot) == before


def test_an_edit_shows_in_the_list_and_the_briefing(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    account = page.model.account_at(20)
    click_account(page, qtbot, account.id)
    dialog = open_dialog(page, qtbot, page.briefing.edit_button, EditAccountDialog)
    dialog.city.selectAll()
    dialog.city.insert("Trois-Rivières")  # QTest types ASCII only
    dialog.phone.selectAll()
    qtbot.keyClicks(dialog.phone, "819-555-0199")
    with qtbot.waitSignal(page.model.updated, timeout=WAIT):
        submit(qtbot, dialog)
    qtbot.waitUntil(lambda: page.briefing.phone_label.plain_text() == "819-555-0199", timeout=WAIT)
    row = page.model.row_of(account.id)
    assert page.model.data(page.model.index(row, CITY)) == "Trois-Rivières"
    assert "Trois-Rivières" in page.briefing.address_label.text()
    changed = read(
        context,
        qtbot,
        lambda store: store.query(
            "SELECT fields FROM outbox WHERE record_id = ? ORDER BY seq", (account.id,)
        ),
    )
    assert (
        len(changed) == 1 and "city" in changed[0]["fields"] and "name" not in changed[0]["fields"]
    )
    qtbot.waitUntil(lambda: page.city_box.findText("Trois-Rivières") >= 0, timeout=WAIT)


def test_an_account_edited_out_of_the_filter_keeps_its_briefing(make_context, qtbot: QtBot) -> None:
    _context, page = open_page(make_context, qtbot)
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.tier_box.setCurrentIndex(page.tier_box.findData("A"))
    account = page.model.account_at(2)
    click_account(page, qtbot, account.id)
    dialog = open_dialog(page, qtbot, page.briefing.edit_button, EditAccountDialog)
    qtbot.keyClick(dialog.tier, Qt.Key.Key_End)  # the last tier: C
    assert dialog.tier.currentData() == "C"
    with qtbot.waitSignals([page.model.updated, page.briefing.shown], timeout=WAIT):
        submit(qtbot, dialog)
    assert page.model.row_of(account.id) is None and page.model.rowCount() > 0
    assert page.briefing.account_id == account.id
    assert page.briefing.tier_label.text().startswith("Tier C")
    assert not page.list_view.selectionModel().hasSelection()


def test_check_in_opens_todays_planned_visit(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    now = context.now().astimezone()
    stops = read(context, qtbot, lambda store: todays_plan(store, today=now.date(), tz=now.tzinfo))
    planned = next(s.visit for s in stops if s.visit.status == "planned")
    click_account(page, qtbot, planned.account_id)
    with qtbot.waitSignal(context.navigator.visit_requested, timeout=WAIT) as opened:
        qtbot.mouseClick(page.briefing.check_in_button, Qt.MouseButton.LeftButton)
    assert opened.args == [planned.id]
    status = read(
        context,
        qtbot,
        lambda store: store.scalar("SELECT status FROM visits WHERE id = ?", (planned.id,)),
    )
    assert status == "checked_in"
    # Pressing it again opens the same visit rather than starting a second one.
    with qtbot.waitSignal(context.navigator.visit_requested, timeout=WAIT) as again:
        qtbot.mouseClick(page.briefing.check_in_button, Qt.MouseButton.LeftButton)
    assert again.args == [planned.id]


def test_check_in_without_a_plan_starts_an_unplanned_visit(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    unplanned = next(
        page.model.account_at(r) for r in range(60) if not page.model.account_at(r).next_visit_at
    )
    click_account(page, qtbot, unplanned.id)
    with qtbot.waitSignal(context.navigator.visit_requested, timeout=WAIT) as opened:
        qtbot.mouseClick(page.briefing.check_in_button, Qt.MouseButton.LeftButton)
    visit = read(
        context,
        qtbot,
        lambda store: store.query_one("SELECT * FROM visits WHERE id = ?", (opened.args[0],)),
    )
    assert visit["account_id"] == unplanned.id and visit["status"] == "checked_in"
    assert visit["checked_in_at"] == "2026-11-23T13:00:00Z"
    qtbot.waitUntil(
        lambda: (
            page.model.account_at(page.model.row_of(unplanned.id)).next_visit_at
            == visit["planned_start"]
        ),
        timeout=WAIT,
    )


# -- staying current ------------------------------------------------------------------
def test_a_write_elsewhere_updates_the_list_and_the_open_briefing(
    make_context, qtbot: QtBot
) -> None:
    context, page = open_page(make_context, qtbot)
    account = page.model.account_at(50)
    click_account(page, qtbot, account.id)
    scroll = page.list_view.verticalScrollBar().value()
    assert scroll > 0
    with qtbot.waitSignal(page.briefing.shown, timeout=WAIT):
        context.tasks.write(
            lambda store: edit_account(store, account.id, phone="514 555 0100"),
        )
    assert page.briefing.phone_label.plain_text() == "514 555 0100"
    with qtbot.waitSignal(page.model.updated, timeout=WAIT):
        context.tasks.write(
            lambda store: edit_account(store, account.id, name=account.name + " II"),
        )
    row = page.model.row_of(account.id)
    assert page.model.data(page.model.index(row, NAME)) == account.name + " II"
    assert page.list_view.currentIndex().row() == row  # still selected
    assert page.list_view.verticalScrollBar().value() == scroll


def test_the_split_and_the_columns_are_kept_for_next_time(make_context, qtbot: QtBot) -> None:
    context, page = open_page(make_context, qtbot)
    page.splitter.setSizes([300, 1000])
    page.list_view.setColumnWidth(NAME, 333)
    page.splitter.splitterMoved.emit(300, 1)
    again = AccountsPage(context)
    qtbot.addWidget(again)
    assert again.list_view.columnWidth(NAME) == 333
    again.resize(1300, 800)
    again.show()
    qtbot.waitUntil(lambda: again.splitter.sizes()[0] < again.splitter.sizes()[1] / 2, timeout=WAIT)


@pytest.fixture(autouse=True)
def _no_stray_dialogs(qtbot: QtBot) -> Any:
    yield
    # A dialog left open by a failing test must not block the next one.
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def test_columns_kept_from_english_widen_to_the_french_titles(
    make_context: Any, qtbot: QtBot, qapp: Any
) -> None:
    """A rep who switches to French keeps the widths saved under English titles: a column
    narrower than its French title ("Dernière visite") is widened, the others stay."""
    from ui.i18n import Languages
    from ui.models.account_list import LAST_VISIT

    context, page = open_page(make_context, qtbot)
    page.list_view.setColumnWidth(LAST_VISIT, 60)  # room for "Last visit", as saved
    page.list_view.setColumnWidth(NAME, 333)
    page.splitter.splitterMoved.emit(300, 1)
    languages = Languages(qapp)
    languages.apply("fr")
    try:
        again = AccountsPage(context)
        qtbot.addWidget(again)
        header = again.list_view.horizontalHeader()
        assert again.model.headerData(LAST_VISIT, Qt.Orientation.Horizontal) == "Dernière visite"
        assert again.list_view.columnWidth(LAST_VISIT) >= header.sectionSizeHint(LAST_VISIT) > 60
        assert again.list_view.columnWidth(NAME) == 333
    finally:
        languages.clear()


def test_the_list_keeps_every_french_column_whole_beside_the_briefing(
    make_context: Any, qtbot: QtBot, qapp: Any
) -> None:
    """On a 1366 px laptop (the page is the window less the rail), the list's first layout
    shows every column without scrolling sideways in French, the longer language."""
    from ui.i18n import Languages

    languages = Languages(qapp)
    languages.apply("fr")
    try:
        page = AccountsPage(make_context("field"))
        qtbot.addWidget(page)
        page.resize(1366 - 185, 700)
        page.show()
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
        view = page.list_view
        qtbot.waitUntil(lambda: view.horizontalHeader().length() > 0, timeout=WAIT)
        assert view.horizontalHeader().length() <= view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0
    finally:
        languages.clear()
