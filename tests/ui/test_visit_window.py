"""The visit window: a field rep checks in, writes the report, and never loses a word of it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from support.core_world import T0
from support.visit_crash_child import type_text

from fieldapp.store.database import open_store
from fieldapp.store.replica import delete_server_records
from fieldapp.usecases.accounts import contacts_of
from fieldapp.usecases.drafts import report_key
from ui.formatting import clock_time
from ui.visit_form import VisitWindow, follow_up_due

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "support" / "visit_crash_child.py"
SUMMARY = "Rencontré Luc au comptoir. Il veut remplacer les deux compresseurs avant"


def read(context: Any, qtbot: QtBot, work: Callable[[Any], T]) -> T:
    """Ask the store worker, as the app does, and wait for the answer."""
    answers: list[T] = []
    context.tasks.read(work, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    return answers[0]


def todays_first_visit(context: Any, qtbot: QtBot) -> dict[str, Any]:
    def work(store: Any) -> dict[str, Any]:
        visit = store.query_one(
            "SELECT v.*, a.name AS account_name FROM visits v JOIN accounts a"
            " ON a.id = v.account_id WHERE v.rep_id = ? AND v.status = 'planned'"
            " AND v.planned_start >= ? ORDER BY v.planned_start LIMIT 1",
            (context.user.id, T0.date().isoformat()),
        )
        visit["contacts"] = [c.id for c in contacts_of(store, visit["account_id"])]
        visit["opportunities"] = [
            r["id"]
            for r in store.query(
                "SELECT id FROM opportunities WHERE account_id = ? AND stage NOT LIKE 'closed%'"
                " ORDER BY close_date",
                (visit["account_id"],),
            )
        ]
        return visit

    return read(context, qtbot, work)


def open_window(context: Any, qtbot: QtBot, visit_id: str, **options: Any) -> VisitWindow:
    window = VisitWindow(context, visit_id, **options)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.form_data is not None, timeout=5000)
    return window


def idle(context: Any, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: context.tasks.outstanding == 0, timeout=5000)


def draft_of(context: Any, qtbot: QtBot, visit_id: str) -> dict[str, Any] | None:
    idle(context, qtbot)
    row = read(
        context,
        qtbot,
        lambda store: store.query_one(
            "SELECT body FROM drafts WHERE key = ?", (report_key(visit_id),)
        ),
    )
    return None if row is None else json.loads(row["body"])


def check_in(window: VisitWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(window.header.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.complete_button.isEnabled, timeout=5000)


def activate(window: QWidget, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_rep_checks_in_writes_the_report_and_completes_the_visit(
    make_context: Any, qtbot: QtBot, ui_clock: Any
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"])
    assert window.header.account_label.text() == visit["account_name"]
    assert window.header.status_label.text().startswith("Planned")
    assert not window.complete_button.isEnabled() and not window.save_button.isEnabled()

    check_in(window, qtbot)
    assert window.header.status_label.text() == f"Checked in at {clock_time(T0)}"
    assert not window.header.check_in_button.isVisible()

    report = window.report
    report.contacts.setCurrentRow(0)
    qtbot.keyClick(report.contacts, Qt.Key.Key_Space)  # ticks the first contact
    qtbot.keyClick(report.outcome, Qt.Key.Key_Down)  # "Order placed"
    type_text(report.summary, SUMMARY)
    qtbot.keyClicks(report.next_steps, "Soumission lundi")
    qtbot.mouseClick(report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(report.follow_ups.rows[0].title, "Send the compressor quote")
    qtbot.mouseClick(report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    second = report.follow_ups.rows[1]
    qtbot.keyClicks(second.title, "Check stock of model 40")
    for _ in range(2):  # past "Inside team" and "Field team": the first person
        qtbot.keyClick(second.assignee, Qt.Key.Key_Down)
    [opportunity_id] = visit["opportunities"]
    stage = report.stage_combos[opportunity_id]
    before_stage = stage.currentData()
    qtbot.keyClick(stage, Qt.Key.Key_Down)
    chosen_stage = stage.currentData()
    ui_clock.advance(minutes=40)

    qtbot.mouseClick(window.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.header.status_label.text().startswith("Completed"), timeout=5000)
    idle(context, qtbot)

    stored = read(
        context,
        qtbot,
        lambda store: {
            "visit": store.query_one("SELECT * FROM visits WHERE id = ?", (visit["id"],)),
            "notes": store.query("SELECT * FROM notes WHERE visit_id = ?", (visit["id"],)),
            "follow_ups": store.query(
                "SELECT f.title, f.assignee_team, u.display_name, f.due_date FROM follow_ups f"
                " LEFT JOIN users u ON u.id = f.assignee_user_id WHERE origin_visit_id = ?"
                " ORDER BY f.created_at, f.title",
                (visit["id"],),
            ),
            "stage": store.scalar(
                "SELECT stage FROM opportunities WHERE id = ?", (opportunity_id,)
            ),
            "people": [
                r["display_name"]
                for r in store.query("SELECT display_name FROM users ORDER BY display_name, id")
            ],
            "queued": {r["collection"] for r in store.query("SELECT collection FROM outbox")},
        },
    )
    done = stored["visit"]
    assert (done["status"], done["outcome"], done["summary"], done["next_steps"]) == (
        "completed",
        "order_placed",
        SUMMARY,
        "Soumission lundi",
    )
    assert json.loads(done["contacts_met"]) == [visit["contacts"][0]]
    assert (done["checked_in_at"], done["checked_out_at"]) == (
        "2026-11-23T13:00:00Z",
        "2026-11-23T13:40:00Z",
    )
    assert [(n["kind"], n["body"]) for n in stored["notes"]] == [("visit_report", SUMMARY)]
    assert [(f["title"], f["assignee_team"], f["display_name"]) for f in stored["follow_ups"]] == [
        ("Check stock of model 40", None, stored["people"][0]),
        ("Send the compressor quote", "inside", None),
    ]
    due = follow_up_due(T0.astimezone().date()).isoformat()  # 2026-11-25 in Montréal
    assert {f["due_date"] for f in stored["follow_ups"]} == {due}
    assert stored["stage"] == chosen_stage != before_stage
    assert {"visits", "notes", "follow_ups", "opportunities"} <= stored["queued"]
    # The screen: completed, read-only, the follow-ups listed as saved, no draft left.
    checked_out = clock_time(T0 + timedelta(minutes=40))
    assert window.header.status_label.text() == f"Completed — checked out at {checked_out}"
    # Nothing is on its way yet: the report waits in the outbox for the next sync.
    assert window.draft_status.text() == (
        "Visit completed: the report is saved and will be sent to the inside team at the next sync."
    )
    assert report.summary.isReadOnly() and not report.outcome.isEnabled()
    qtbot.waitUntil(lambda: "Send the compressor quote" in report.follow_ups.saved_label.text())
    assert report.follow_ups.rows == []
    window.close()
    assert draft_of(context, qtbot, visit["id"]) is None


def test_a_follow_up_is_due_two_working_days_later_unless_changed() -> None:
    assert follow_up_due(date(2026, 11, 23)) == date(2026, 11, 25)  # Monday -> Wednesday
    assert follow_up_due(date(2026, 11, 27)) == date(2026, 12, 1)  # Friday -> Tuesday
    assert follow_up_due(date(2026, 11, 28)) == date(2026, 12, 1)  # Saturday -> Tuesday


def test_completing_without_outcome_or_summary_says_so_next_to_each_field(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"])
    check_in(window, qtbot)
    qtbot.keyClick(window.report.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    errors = window.report.errors
    assert errors["outcome"].isVisibleTo(window) and errors["summary"].isVisibleTo(window)
    assert errors["outcome"].text() == "Choose how the visit went."
    assert errors["summary"].text() == "Write a summary: the inside team reads it."
    assert window.focusWidget() is window.report.outcome
    idle(context, qtbot)
    status = read(
        context,
        qtbot,
        lambda store: store.scalar("SELECT status FROM visits WHERE id = ?", (visit["id"],)),
    )
    assert status == "checked_in"

    # Outcome and summary given, a follow-up left without a title: its row is named.
    qtbot.keyClick(window.report.outcome, Qt.Key.Key_Down)
    qtbot.keyClicks(window.report.summary, "Short visit")
    qtbot.mouseClick(window.report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.complete_button, Qt.MouseButton.LeftButton)
    assert not errors["summary"].isVisibleTo(window)
    assert errors["follow_ups"].text() == "Give each follow-up a title."
    assert window.focusWidget() is window.report.follow_ups.rows[0].title
    qtbot.mouseClick(window.report.follow_ups.rows[0].remove, Qt.MouseButton.LeftButton)

    # What only the store can know (a contact a sync removed meanwhile) lands by its field.
    window.report.contacts.setCurrentRow(0)
    qtbot.keyClick(window.report.contacts, Qt.Key.Key_Space)
    gone = visit["contacts"][0]
    with open_store(context.profile_dir) as other:
        delete_server_records(other, "contacts", [gone])
    qtbot.mouseClick(window.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: errors["contacts_met"].isVisibleTo(window), timeout=5000)
    assert errors["contacts_met"].text() == "A contact met is not a contact of this account."
    assert window.focusWidget() is window.report.contacts
    assert window.complete_button.isEnabled()  # the rep can fix it and try again
    notes = read(
        context,
        qtbot,
        lambda store: store.scalar("SELECT count(*) FROM notes WHERE visit_id = ?", (visit["id"],)),
    )
    assert notes == 0
    window.close()  # nothing completed, nothing lost: the report waits as a draft
    assert draft_of(context, qtbot, visit["id"])["summary"] == "Short visit"


def test_leaving_a_field_saves_the_draft_at_once(make_context: Any, qtbot: QtBot) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"], autosave_ms=600_000)  # no timer help
    activate(window, qtbot)
    window.report.summary.setFocus()
    qtbot.keyClicks(window.report.summary, "Luc attend la soumission")
    assert draft_of(context, qtbot, visit["id"]) is None  # still only on screen
    with qtbot.waitSignal(window.draft_saved, timeout=5000):
        qtbot.keyClick(window.report.summary, Qt.Key.Key_Tab)  # on to "Next steps"
    assert window.focusWidget() is window.report.next_steps
    assert draft_of(context, qtbot, visit["id"])["summary"] == "Luc attend la soumission"
    assert window.draft_status.text() == f"Draft saved at {clock_time(T0)}"
    outbox = read(context, qtbot, lambda store: store.scalar("SELECT count(*) FROM outbox"))
    assert outbox == 0  # a draft is not a change for the CRM


def test_the_timer_saves_the_draft_while_the_rep_keeps_typing(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    default = VisitWindow(context, visit["id"])
    qtbot.addWidget(default)
    assert default.autosave.timer.interval() == 3000  # "at most the last few seconds"
    window = open_window(context, qtbot, visit["id"], autosave_ms=50)
    assert not window.autosave.timer.isActive()  # nothing typed, nothing to save
    with qtbot.waitSignal(window.draft_saved, timeout=5000):
        qtbot.keyClicks(window.report.summary, "Premier paragraphe.")
    with qtbot.waitSignal(window.draft_saved, timeout=5000):
        type_text(window.report.summary, " Deuxième")
    assert draft_of(context, qtbot, visit["id"])["summary"] == "Premier paragraphe. Deuxième"


def test_closing_and_reopening_the_visit_restores_the_draft(
    make_context: Any, qtbot: QtBot, ui_clock: Any
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"], autosave_ms=600_000)
    report = window.report
    qtbot.keyClick(report.outcome, Qt.Key.Key_Down)
    type_text(report.summary, SUMMARY)
    qtbot.mouseClick(report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(report.follow_ups.rows[0].title, "Call Luc back")
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # closes, keeping the draft
    assert not window.isVisible()
    assert draft_of(context, qtbot, visit["id"])["summary"] == SUMMARY

    ui_clock.advance(hours=2)
    again = open_window(context, qtbot, visit["id"])
    assert again.report.summary.toPlainText() == SUMMARY
    assert again.report.outcome.currentData() == "order_placed"
    assert [r.title.text() for r in again.report.follow_ups.rows] == ["Call Luc back"]
    assert again.draft_notice.isVisibleTo(again)
    assert again.draft_notice.text() == f"Restored your unsaved draft from {clock_time(T0)}."
    stored = read(
        context,
        qtbot,
        lambda store: store.query_one(
            "SELECT status, summary FROM visits WHERE id = ?", (visit["id"],)
        ),
    )
    assert stored == {"status": "planned", "summary": None}  # the record is untouched


def test_saving_keeps_the_visit_open_and_turns_the_draft_into_records(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"], autosave_ms=50)
    check_in(window, qtbot)
    qtbot.keyClicks(window.report.summary, "Halfway through the tour")
    qtbot.mouseClick(window.report.follow_ups.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.report.follow_ups.rows[0].title, "Order gaskets")
    qtbot.waitUntil(lambda: draft_of(context, qtbot, visit["id"]) is not None, timeout=5000)
    qtbot.keyClick(window.report.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "still checked in" in window.draft_status.text(), timeout=5000)
    assert window.report.follow_ups.rows == []
    assert "Order gaskets" in window.report.follow_ups.saved_label.text()
    assert draft_of(context, qtbot, visit["id"]) is None
    stored = read(
        context,
        qtbot,
        lambda store: (
            store.query_one("SELECT status, summary FROM visits WHERE id = ?", (visit["id"],)),
            store.scalar(
                "SELECT count(*) FROM follow_ups WHERE origin_visit_id = ?", (visit["id"],)
            ),
        ),
    )
    assert stored == ({"status": "checked_in", "summary": "Halfway through the tour"}, 1)
    window.close()
    again = open_window(context, qtbot, visit["id"])
    assert again.report.summary.toPlainText() == "Halfway through the tour"
    assert not again.draft_notice.isVisibleTo(again)


def test_a_killed_app_keeps_the_report_typed_before_the_last_autosave(
    ui_profile: Path, tmp_path: Path
) -> None:
    with open_store(ui_profile) as store:
        visit_id = store.scalar(
            "SELECT id FROM visits WHERE status = 'planned' AND planned_start >= ?"
            " ORDER BY planned_start LIMIT 1",
            (T0.date().isoformat(),),
        )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    errors = tmp_path / "child-stderr.txt"
    with errors.open("w") as stderr:  # a file, so Qt's chatter can never fill a pipe
        child = subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                str(ui_profile),
                visit_id,
                str(tmp_path / "child-settings.ini"),
                SUMMARY,
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
            cwd=ROOT,
        )
    marker = threading.Event()

    def watch() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "DRAFT-SAVED":
                marker.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        saved = marker.wait(60)
        os.kill(child.pid, signal.SIGKILL)  # no close, no flush: the battery died
        assert child.wait(10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        watcher.join(10)
        assert child.stdout is not None
        child.stdout.close()
    assert saved, f"the child never autosaved: {errors.read_text()[-2000:]}"
    with open_store(ui_profile) as store:
        row = store.query_one("SELECT body FROM drafts WHERE key = ?", (report_key(visit_id),))
        queued = store.scalar("SELECT count(*) FROM outbox")
    assert row is not None
    assert json.loads(row["body"])["summary"] == SUMMARY
    assert queued == 0


def test_the_visit_opens_on_the_report_and_a_stray_space_never_checks_in(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    visit = todays_first_visit(context, qtbot)
    window = open_window(context, qtbot, visit["id"])
    activate(window, qtbot)
    qtbot.waitUntil(lambda: window.report.summary.hasFocus(), timeout=5000)
    assert window.header.check_in_button.isVisible()
    # Tab round the whole window never lands on Check in (it takes no keyboard focus), so
    # a Space meant for a field can never press it; Alt+I or a click is deliberate.
    visited = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert window.report.summary in visited
    assert window.header.check_in_button not in visited
    window.report.summary.setFocus()
    qtbot.keyClick(window.report.summary, Qt.Key.Key_Space)
    idle(context, qtbot)
    assert (
        read(
            context,
            qtbot,
            lambda store: store.scalar("SELECT status FROM visits WHERE id = ?", (visit["id"],)),
        )
        == "planned"
    )
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.complete_button.isEnabled, timeout=5000)
    assert (
        read(
            context,
            qtbot,
            lambda store: store.scalar("SELECT status FROM visits WHERE id = ?", (visit["id"],)),
        )
        == "checked_in"
    )
