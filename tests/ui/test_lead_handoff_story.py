"""A lead handed from the inside team to the field, through two main windows and a real
server process.

The inside rep hands an account over from the Accounts page (a briefing without its why is
refused, nothing saved); the field rep's inbox shows the lead, opening it shows the lead
panel on the account's briefing, and the field rep accepts it offline (the server out of
reach), planning the visit; once both have synced, the inside rep sees it accepted with
every step of its history. Another lead comes back with a reason (none given: refused)
and lands in the inside rep's work queue; a new prospect without a name is refused, then
handed over.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from pytestqt.qtbot import QtBot
from support.faults import Fault, FaultProxy
from support.server import running_server
from support.windows import (
    account_without_lead,
    count_in,
    dialog_of,
    lead_shown,
    open_account,
    open_window,
    press_f5,
    run_in,
    save,
)

from fieldapp.usecases.handoffs import get_lead, hand_over_lead
from fieldapp.usecases.inbox import InboxKind
from fieldapp.usecases.work_queue import LEAD_RETURNED
from ui.context import AppContext
from ui.dialogs.lead_dialogs import (
    AcceptLeadDialog,
    HandOverLeadDialog,
    HandOverProspectDialog,
    ReturnLeadDialog,
)

WHY = "Asked for a tasting of the organic range after the trade show; budget approved."
WHO = "Claire Gagnon, the buyer, mornings before 11"
PROMISED = "Samples of the three new coffees and the spring price list"
# The English catalogue holds the plurals ("3 working days").
pytestmark = pytest.mark.usefixtures("english")

REASON = "They signed with a competitor last week; nothing to visit before next year."


def test_a_lead_handed_over_is_accepted_offline_and_the_inside_rep_sees_the_answer(
    tmp_path: Any, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with (
        running_server(tmp_path / "server", accounts=30, seed=5) as server,
        FaultProxy(server.url) as network,  # the field rep's road to the server
    ):
        inside = open_window(tmp_path, server.url, "inside", contexts, qtbot)
        field = open_window(tmp_path, network.url, "field", contexts, qtbot)
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None
        account_id, field_id = run_in(inside, qtbot, lambda s: account_without_lead(s, "field"))

        # The inside rep: Accounts, the account, "Hand over to a field rep…".
        inside.show_page("accounts")
        open_account(inside, qtbot, account_id)
        actions = inside.accounts.team_actions
        assert actions is not None and actions.hand_over_button.isEnabled()
        qtbot.mouseClick(actions.hand_over_button, Qt.MouseButton.LeftButton)
        dialog = dialog_of(actions, HandOverLeadDialog, qtbot)
        assert dialog.rep.currentData() == field_id  # the account's owner first
        assert "3 working days" in dialog.sla.text() and "10 working days" in dialog.sla.text()
        leads_before = count_in(inside, qtbot, "SELECT count(*) FROM leads")
        outbox_before = count_in(inside, qtbot, "SELECT count(*) FROM outbox")

        # No why: said under the field, nothing saved.
        qtbot.keyClicks(dialog.who_to_see, WHO)
        save(dialog, qtbot)
        assert dialog.error_for("why") == "Say why: it is the first thing the field rep reads."
        assert dialog.isVisible()
        assert count_in(inside, qtbot, "SELECT count(*) FROM leads") == leads_before
        assert count_in(inside, qtbot, "SELECT count(*) FROM outbox") == outbox_before

        qtbot.keyClicks(dialog.why, WHY)
        qtbot.keyClicks(dialog.promised, PROMISED)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            save(dialog, qtbot)
        panel = inside.accounts.briefing.lead
        lead_shown(panel, qtbot, "handed")
        assert "waiting for their answer" in panel.status.text()
        assert press_f5(inside, qtbot).error is None

        # The field rep: the inbox row, Enter, the lead panel on the account's briefing.
        assert press_f5(field, qtbot).error is None
        field.show_page("inbox")
        inbox = field.inbox
        qtbot.waitUntil(
            lambda: any(
                i.kind == InboxKind.LEAD_HANDED and i.account_id == account_id
                for i in inbox.model.shown
            ),
            timeout=10_000,
        )
        row = next(
            r
            for r, i in enumerate(inbox.model.shown)
            if i.kind == InboxKind.LEAD_HANDED and i.account_id == account_id
        )
        inbox._select(row)
        inbox.table.setFocus()
        qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
        assert field.current_page == "accounts"
        lead_panel = field.accounts.briefing.lead
        lead_shown(lead_panel, qtbot, "handed")
        assert lead_panel.status.text().startswith("Handed to you by Sophie Lavoie")
        assert (lead_panel.why.text(), lead_panel.who_to_see.text()) == (WHY, WHO)
        assert lead_panel.promised.text() == PROMISED
        clocks = lead_panel.clocks.text()
        assert clocks.startswith("Lead: plan the visit — due ") and "owed by you" in clocks
        assert (
            lead_panel.history.item(0)
            .text()
            .endswith("Handed over · Sophie Lavoie → Julien Bergeron")
        )
        assert lead_panel.accept_button.isVisible() and lead_panel.return_button.isVisible()

        # Accept offline (a basement: the server cannot be reached), planning the visit
        # tomorrow at 10:00.
        network.set_fault(Fault.RESET_BEFORE_REQUEST)
        assert press_f5(field, qtbot).error is not None
        qtbot.mouseClick(lead_panel.accept_button, Qt.MouseButton.LeftButton)
        accept = dialog_of(lead_panel, AcceptLeadDialog, qtbot)
        tomorrow = field.context.now().astimezone().date() + timedelta(days=1)
        accept.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        accept.start_time.setTime(QTime(10, 0))
        with qtbot.waitSignal(accept.accepted, timeout=10_000):
            save(accept, qtbot)
        lead_shown(lead_panel, qtbot, "accepted")
        qtbot.waitUntil(lambda: "(waiting to sync)" in lead_panel.status.text(), timeout=10_000)
        assert "visit planned" in lead_panel.status.text() and "10:00" in lead_panel.status.text()
        assert not lead_panel.accept_button.isVisible()
        assert lead_panel.message.text().startswith("Accepted: the visit is in your plan")
        visit_id = run_in(field, qtbot, lambda s: get_lead(s, lead_panel.brief.lead.id).visit_id)
        assert count_in(field, qtbot, "SELECT count(*) FROM outbox") >= 2  # the lead, the visit
        lead_id = lead_panel.brief.lead.id

        # Back online and synced: the inside rep hears it (the inbox) and sees it (the
        # account's lead panel).
        network.clear()
        assert press_f5(field, qtbot).error is None
        qtbot.waitUntil(lambda: "(waiting to sync)" not in lead_panel.status.text(), timeout=10_000)
        assert press_f5(inside, qtbot).error is None
        answers = inside.inbox
        inside.show_page("inbox")
        qtbot.waitUntil(
            lambda: any(
                i.kind == InboxKind.LEAD_ANSWERED and i.lead_id == lead_id
                for i in answers.model.shown
            ),
            timeout=10_000,
        )
        inside.show_page("accounts")
        open_account(inside, qtbot, account_id)
        lead_shown(panel, qtbot, "accepted")
        assert panel.status.text().startswith("Accepted by Julien Bergeron: visit planned")
        steps = [panel.history.item(r).text() for r in range(panel.history.count())]
        assert [s.split(" · ")[1] for s in steps] == ["Handed over", "Accepted"]
        lead = run_in(inside, qtbot, lambda s: get_lead(s, lead_id))
        assert (lead.status, lead.visit_id) == ("accepted", visit_id)
        assert lead.accepted_at is not None
        # The held clock runs now: owed by the field rep.
        assert "Lead: hold the visit — due " in panel.clocks.text()
        assert "owed by Julien Bergeron" in panel.clocks.text()


def test_a_lead_returned_with_its_reason_lands_in_the_inside_queue_and_a_prospect_needs_a_name(
    tmp_path: Any, qtbot: QtBot, qapp: object, contexts: list[AppContext]
) -> None:
    with running_server(tmp_path / "server", accounts=30, seed=5) as server:
        inside = open_window(tmp_path, server.url, "inside", contexts, qtbot)
        field = open_window(tmp_path, server.url, "field", contexts, qtbot)
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None
        account_id, field_id = run_in(inside, qtbot, lambda s: account_without_lead(s, "field"))
        lead = run_in(
            inside,
            qtbot,
            lambda s: hand_over_lead(s, account_id, to_rep_id=field_id, why=WHY),
            write=True,
        )
        assert press_f5(inside, qtbot).error is None
        assert press_f5(field, qtbot).error is None

        field.show_page("accounts")
        open_account(field, qtbot, account_id)
        panel = field.accounts.briefing.lead
        lead_shown(panel, qtbot, "handed")
        qtbot.mouseClick(panel.return_button, Qt.MouseButton.LeftButton)
        dialog = dialog_of(panel, ReturnLeadDialog, qtbot)
        outbox_before = count_in(field, qtbot, "SELECT count(*) FROM outbox")
        save(dialog, qtbot)  # no reason
        assert dialog.error_for("reason") == (
            "Say why you return it: the inside rep needs the reason."
        )
        assert count_in(field, qtbot, "SELECT count(*) FROM outbox") == outbox_before
        assert run_in(field, qtbot, lambda s: get_lead(s, lead.id).status) == "handed"
        qtbot.keyClicks(dialog.reason, REASON)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            save(dialog, qtbot)
        lead_shown(panel, qtbot, "returned")
        assert panel.status.text().startswith(f"Returned by Julien Bergeron: {REASON}")
        assert press_f5(field, qtbot).error is None

        # The inside rep: the returned lead in the work queue, with the reason and history.
        assert press_f5(inside, qtbot).error is None
        queue = inside.work_queue
        assert queue is not None
        inside.show_page("queue")
        qtbot.waitUntil(lambda: queue.model.row_of(("leads", lead.id)) is not None, timeout=10_000)
        queue.select_record("leads", lead.id)
        assert queue.current is not None and queue.current.kind == LEAD_RETURNED
        qtbot.waitUntil(lambda: f"Their reason: {REASON}" in queue.facts.text(), timeout=10_000)
        steps = [queue.history.item(r).text() for r in range(queue.history.count())]
        assert [s.split(" · ")[1] for s in steps] == ["Handed over", "Returned"]
        assert steps[1].endswith(f"Returned · Julien Bergeron → Sophie Lavoie: {REASON}")

        # A new prospect: no name is refused, nothing created; then handed over.
        inside.show_page("accounts")
        actions = inside.accounts.team_actions
        assert actions is not None
        qtbot.mouseClick(actions.prospect_button, Qt.MouseButton.LeftButton)
        prospect = dialog_of(actions, HandOverProspectDialog, qtbot)
        accounts_before = count_in(inside, qtbot, "SELECT count(*) FROM accounts")
        qtbot.keyClicks(prospect.why, WHY)
        save(prospect, qtbot)
        assert prospect.error_for("name") == "Give the prospect's name."
        assert count_in(inside, qtbot, "SELECT count(*) FROM accounts") == accounts_before
        qtbot.keyClicks(prospect.name, "Torrefaction Mont-Royal")
        qtbot.keyClicks(prospect.city, "Montreal")  # QTest types ASCII only
        prospect.rep.setCurrentIndex(prospect.rep.findData(field_id))
        with qtbot.waitSignal(prospect.accepted, timeout=10_000):
            save(prospect, qtbot)
        briefing = inside.accounts.briefing
        qtbot.waitUntil(
            lambda: (
                briefing.briefing is not None
                and briefing.briefing.account.name == "Torrefaction Mont-Royal"
            ),
            timeout=10_000,
        )
        assert briefing.briefing is not None and briefing.briefing.account.owner_id == field_id
        lead_shown(briefing.lead, qtbot, "handed")
        assert count_in(inside, qtbot, "SELECT count(*) FROM accounts") == accounts_before + 1
        history = run_in(inside, qtbot, lambda s: get_lead(s, lead.id))
        assert history.status == "returned"
