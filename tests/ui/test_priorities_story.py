"""Today's priorities through two main windows and a real server process.

The inside rep flags an account as a priority for the field rep's next day from the
Accounts page (without a why: refused, nothing saved); after both sync, the field rep's
Today shows it for that day (account, why, who flagged it) and "Add to route" plans the
visit at the end of the route. The inside rep then removes the priority from the same
dialog, and the field rep's Today no longer lists it; the visit planned stays.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from support.server import running_server
from support.windows import dialog_of, open_account, open_window, press_f5, run_in

from fieldapp.clock import from_text
from fieldapp.store.database import Store
from ui.context import AppContext
from ui.dialogs.priority_dialog import PriorityDialog
from ui.main_window import MainWindow
from ui.pages.day_priorities import ACCOUNT, FLAGGED_BY, ROUTE, WHY

pytestmark = pytest.mark.usefixtures("english")

BECAUSE = "Their buyer is in the shop all day; the summer order is decided this week"


def _an_account_of(store: Store, username: str, day: date) -> tuple[str, str]:
    """An account of the rep's with no priority and no visit planned on ``day`` (local).

    Only ``day`` matters: the demo plans the rep's coming week, so on a weekend every
    account has a visit ahead (asking for none from today on found nothing on a Sunday)."""
    rep_id = str(store.scalar("SELECT id FROM users WHERE username = ?", (username,)))
    planned_that_day = {
        str(row["account_id"])
        for row in store.query(
            "SELECT account_id, planned_start FROM visits WHERE status = 'planned'"
            " AND planned_start IS NOT NULL"
        )
        if from_text(str(row["planned_start"])).astimezone().date() == day
    }
    rows = store.query(
        "SELECT id, name FROM accounts WHERE owner_id = ?"
        " AND id NOT IN (SELECT account_id FROM priorities) ORDER BY name",
        (rep_id,),
    )
    row = next(r for r in rows if str(r["id"]) not in planned_that_day)
    return str(row["id"]), str(row["name"])


def _open_dialog(window: MainWindow, qtbot: QtBot, account_id: str) -> PriorityDialog:
    window.show_page("accounts")
    open_account(window, qtbot, account_id)
    actions = window.accounts.team_actions
    assert actions is not None
    qtbot.mouseClick(actions.priority_button, Qt.MouseButton.LeftButton)
    return dialog_of(actions, PriorityDialog, qtbot)


def _save(dialog: PriorityDialog, qtbot: QtBot) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_priority_flagged_by_the_inside_rep_is_added_to_the_field_reps_route(
    tmp_path: Any, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with running_server(tmp_path / "server", accounts=30, seed=5) as server:
        inside = open_window(tmp_path, server.url, "inside", contexts, qtbot)
        field = open_window(tmp_path, server.url, "field", contexts, qtbot)
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None
        tomorrow = field.context.now().astimezone().date() + timedelta(days=1)
        account_id, account_name = run_in(
            inside, qtbot, lambda s: _an_account_of(s, "field", tomorrow)
        )
        field_id = field.context.user.id
        assert field.accounts.team_actions is None  # flagging is the inside team's

        flagged = "SELECT count(*) FROM priorities"
        before = run_in(inside, qtbot, lambda s: s.scalar(flagged))
        dialog = _open_dialog(inside, qtbot, account_id)
        assert dialog.rep.currentData() == field_id  # the account's owner first
        assert dialog.none_label.isVisible() and not dialog.flagged.isVisible()
        dialog.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        _save(dialog, qtbot)  # no why
        assert dialog.error_for("why") == "Say why in one line: the rep reads it on Today."
        assert run_in(inside, qtbot, lambda s: s.scalar(flagged)) == before
        qtbot.keyClicks(dialog.why, BECAUSE)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            _save(dialog, qtbot)
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None

        # The field rep's Today, the next day: the priority, and "Add to route".
        today = field.today
        assert today is not None
        field.show_page("today")
        section = today.priorities
        qtbot.mouseClick(today.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: (
                section.isVisible() and any(p.account.id == account_id for p in section.priorities)
            ),
            timeout=10_000,
        )
        table = section.table
        row = next(r for r, p in enumerate(section.priorities) if p.account.id == account_id)
        table.selectRow(row)
        cells = [table.item(row, column).text() for column in (ACCOUNT, WHY, FLAGGED_BY, ROUTE)]
        assert cells == [account_name, BECAUSE, "Sophie Lavoie", "Not yet"]
        assert all(stop.account.id != account_id for stop in today.model.stops)
        assert section.add_button.isEnabled()
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: any(stop.account.id == account_id for stop in today.model.stops),
            timeout=10_000,
        )
        stop = next(s for s in today.model.stops if s.account.id == account_id)
        assert stop.visit.rep_id == field_id and stop.visit.status == "planned"
        assert from_text(stop.visit.planned_start).astimezone().date() == tomorrow
        qtbot.waitUntil(lambda: table.item(row, ROUTE).text().endswith("Planned"), timeout=10_000)
        assert not section.add_button.isEnabled()  # it is on the route already
        assert today.message_label.text().startswith(f"{account_name} added at ")
        assert press_f5(field, qtbot).error is None

        # The inside rep removes it; the field rep's day no longer lists it.
        dialog = _open_dialog(inside, qtbot, account_id)
        qtbot.waitUntil(lambda: dialog.flagged.count() == 1, timeout=10_000)
        assert BECAUSE in dialog.flagged.item(0).text()
        dialog.flagged.setCurrentRow(0)
        assert dialog.remove_button.isEnabled()
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.none_label.isVisible(), timeout=10_000)
        dialog.reject()
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None
        qtbot.waitUntil(
            lambda: all(p.account.id != account_id for p in section.priorities), timeout=10_000
        )
        assert any(s.account.id == account_id for s in today.model.stops)  # the visit stays
