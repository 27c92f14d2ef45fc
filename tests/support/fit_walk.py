"""Every page and dialog of the app, opened on demo data, measured by ``fit_check``.

Usage: fit_walk.py OUT.json [LANGUAGE ...]   (run by tests/ui/test_fit_laptop_screen.py)

Run in its own process because the screen is the process's: the offscreen platform is
given a 1366x768 screen by a configuration file, and ``QT_SCALE_FACTOR=1.25`` (set by the
test) turns it into the 1093x614 logical pixels a laptop at 125 % leaves. For each
language and each role (field rep, inside rep, manager) it opens the main window, shows
every page of the rail (and the states that show more: a briefing, a selected report, a
selected queue item, the week), then every dialog of ``OPENERS``, and writes what did not
fit, and which dialog classes it opened, to OUT.json.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from fieldapp.demo.generator import DemoData, generate
from fieldapp.demo.loader import load_demo
from fieldapp.status import sync_status
from fieldapp.store.database import Store, open_store
from fieldapp.usecases import accounts
from fieldapp.usecases.accounts import get_account
from fieldapp.usecases.route import day_route
from fieldapp.usecases.sync_overview import conflicts_to_resolve, rejections_to_handle
from fieldapp.usecases.visits import check_in
from support.core_world import T0, FakeClock
from support.fit_check import Misfit, misfits
from support.keyring_memory import MemoryKeyring
from support.sync_issue_world import account_conflict, reject_latest
from support.ui_world import sign_profile_in
from ui.context import AppContext

# Dialog classes never opened on their own: the forms the real dialogs are built on.
BASES = {"UseCaseForm", "FormDialog", "HandOverForm"}
IMPORT_CSV = "comptes.csv"  # beside the profile: what the import dialog opens on


@dataclass
class World:
    """The demo profile, the ids the dialogs open on, and the windows opened so far."""

    profile: Path
    data: DemoData
    ids: dict[str, str]
    found: list[Misfit] = field(default_factory=list)
    opened: set[str] = field(default_factory=set)
    shown: set[str] = field(default_factory=set)  # classes of the widgets seen on pages


def settle(context: AppContext, seconds: float = 10.0) -> None:
    """Process events until the store worker has answered everything asked of it."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + seconds
    quiet = 0
    # Quiet for ~0.15 s, not one round: an answer often starts another read, and the
    # layouts it changes must settle before anything is measured.
    while time.monotonic() < deadline and quiet < 15:
        app.processEvents()
        time.sleep(0.01)
        quiet = quiet + 1 if context.tasks.outstanding == 0 else 0
    QApplication.sendPostedEvents()  # the layout requests the last answers posted
    app.processEvents()


def prepare(folder: Path) -> World:
    data = generate(60, seed=3, today=T0.date())
    profile = folder / "profile"
    with open_store(profile, create=True, clock=FakeClock()) as store:
        load_demo(store, data, signed_in_as="field")
        ids = demo_ids(store)
        # A conflict and a rejection, so the Sync page's tables and their dialogs show.
        account_conflict(
            store, ids["account"], {"phone": "514 555 0100"}, {"phone": "514 555 0777"}
        )
        accounts.edit_account(store, ids["account"], city="Laval")
        reject_latest(store)
        check_in(store, ids["second_visit"])  # the visit window with its report form
    # A small spreadsheet for the import dialog, a bad row in it, so its preview, its
    # column mapping and its list of problems all show.
    (folder / IMPORT_CSV).write_text(
        "Nom,Adresse,Ville,Niveau,Téléphone\n"
        "Fromagerie Nord,12 rue Principale,Laval,A,\n"
        "Quincaillerie Été,450 boulevard Taschereau,Longueuil,B,450 555-1234\n"
        "Boulangerie Sud,3 rue du Quai,Brossard,Z,\n",
        encoding="utf-8",
    )
    return World(profile, data, ids)


def demo_ids(store: Store) -> dict[str, str]:
    def one(sql: str) -> str:
        value = store.scalar(sql)
        assert value is not None, sql
        return str(value)

    field_id = "(SELECT id FROM users WHERE username = 'field')"
    return {
        "account": one(
            f"SELECT a.id FROM accounts a WHERE owner_id = {field_id} AND EXISTS"
            " (SELECT 1 FROM contacts c WHERE c.account_id = a.id) ORDER BY length(name) DESC"
        ),
        "visit": one(
            f"SELECT id FROM visits WHERE rep_id = {field_id} AND status = 'planned'"
            " ORDER BY planned_start"
        ),
        "second_visit": one(
            f"SELECT id FROM visits WHERE rep_id = {field_id} AND status = 'planned'"
            " ORDER BY planned_start LIMIT 1 OFFSET 1"
        ),
        "completed_visit": one(
            f"SELECT id FROM visits WHERE rep_id = {field_id} AND status = 'completed'"
            " ORDER BY planned_start DESC"
        ),
        "handed_lead": one(
            f"SELECT id FROM leads WHERE status = 'handed' AND assignee_id = {field_id}"
        ),
        "returned_lead": one("SELECT id FROM leads WHERE status = 'returned'"),
        "follow_up": one("SELECT id FROM follow_ups WHERE status = 'open' ORDER BY due_date"),
        "note": one("SELECT id FROM notes WHERE visit_id IS NOT NULL ORDER BY created_at DESC"),
        "visits": json.dumps([str(r["id"]) for r in store.query("SELECT id FROM visits LIMIT 30")]),
    }


Opener = Callable[[World, AppContext, QWidget], QDialog]


def _account(context: AppContext, world: World, key: str = "account") -> Any:
    with open_store(world.profile) as store:
        if key == "account":
            return get_account(store, world.ids["account"])
        lead = store.scalar("SELECT account_id FROM leads WHERE id = ?", (world.ids[key],))
        return get_account(store, str(lead))


def _read(world: World, work: Callable[[Store], Any]) -> Any:
    with open_store(world.profile) as store:
        return work(store)


def _openers() -> dict[str, tuple[str, Opener]]:
    """Each dialog class: the role whose window opens it, and how it is opened."""
    from fieldapp.kpi.drill import Drill
    from ui.dashboard.drill_dialog import DrillDialog
    from ui.dashboard.service_levels import ServiceLevelsDialog
    from ui.dialogs.account_dialogs import (
        AddNoteDialog,
        EditAccountDialog,
        NewContactDialog,
        PlanVisitDialog,
    )
    from ui.dialogs.conflict_dialog import ConflictDialog
    from ui.dialogs.follow_up_dialogs import (
        CommentDialog,
        CompleteFollowUpDialog,
        ReassignFollowUpDialog,
    )
    from ui.dialogs.lead_dialogs import (
        AcceptLeadDialog,
        HandOverLeadDialog,
        HandOverProspectDialog,
        ReturnLeadDialog,
    )
    from ui.dialogs.priority_dialog import PriorityDialog
    from ui.dialogs.recovery import RecoveryDialog
    from ui.dialogs.rejection_dialog import RejectionDialog
    from ui.dialogs.reschedule_visit import RescheduleDialog
    from ui.dialogs.returned_lead_dialogs import HandLeadAgainDialog, WithdrawLeadDialog
    from ui.dialogs.review_dialogs import FollowUpDialog, PinNoteDialog
    from ui.dialogs.settings_dialog import SettingsDialog
    from ui.dialogs.sign_in import SignInDialog
    from ui.dialogs.sign_out import SignOutDialog
    from ui.visit_form import VisitWindow

    def stop(world: World) -> Any:
        def first(store: Store) -> Any:
            start = str(
                store.scalar("SELECT planned_start FROM visits WHERE id = ?", (world.ids["visit"],))
            )
            return day_route(store, date.fromisoformat(start[:10])).stops[0]

        return _read(world, first)

    def ids(world: World, key: str) -> str:
        return world.ids[key]

    def formats(window: QWidget) -> Any:
        """The main window's File menu formats: its dialogs open as the menu opens them."""
        return getattr(window, "formats")  # noqa: B009 (QWidget does not declare it)

    return {
        "VisitWindow": ("field", lambda w, c, p: VisitWindow(c, ids(w, "visit"), p)),
        "PlanVisitDialog": ("field", lambda w, c, p: PlanVisitDialog(c, _account(c, w), p)),
        "AddNoteDialog": ("field", lambda w, c, p: AddNoteDialog(c, _account(c, w), p)),
        "NewContactDialog": ("field", lambda w, c, p: NewContactDialog(c, _account(c, w), p)),
        "EditAccountDialog": ("field", lambda w, c, p: EditAccountDialog(c, _account(c, w), p)),
        "PriorityDialog": ("field", lambda w, c, p: PriorityDialog(c, _account(c, w), p)),
        "HandOverLeadDialog": ("field", lambda w, c, p: HandOverLeadDialog(c, _account(c, w), p)),
        "HandOverProspectDialog": ("inside", lambda w, c, p: HandOverProspectDialog(c, p)),
        "AcceptLeadDialog": (
            "field",
            lambda w, c, p: AcceptLeadDialog(
                c, _account(c, w, "handed_lead"), ids(w, "handed_lead"), p
            ),
        ),
        "ReturnLeadDialog": (
            "field",
            lambda w, c, p: ReturnLeadDialog(
                c, _account(c, w, "handed_lead"), ids(w, "handed_lead"), p
            ),
        ),
        "HandLeadAgainDialog": (
            "inside",
            lambda w, c, p: HandLeadAgainDialog(c, ids(w, "returned_lead"), None, p),
        ),
        "WithdrawLeadDialog": (
            "inside",
            lambda w, c, p: WithdrawLeadDialog(c, ids(w, "returned_lead"), p),
        ),
        "RescheduleDialog": ("field", lambda w, c, p: RescheduleDialog(c, stop(w), p)),
        "CompleteFollowUpDialog": (
            "inside",
            lambda w, c, p: CompleteFollowUpDialog(
                c, ids(w, "follow_up"), _read(w, _follow_up_title(ids(w, "follow_up"))), p
            ),
        ),
        "CommentDialog": (
            "inside",
            lambda w, c, p: CommentDialog(c, follow_up_id=ids(w, "follow_up"), parent=p),
        ),
        "ReassignFollowUpDialog": (
            "inside",
            lambda w, c, p: ReassignFollowUpDialog(
                c, ids(w, "follow_up"), _read(w, _follow_up_title(ids(w, "follow_up"))), p
            ),
        ),
        "FollowUpDialog": (
            "inside",
            lambda w, c, p: FollowUpDialog(c, ids(w, "account"), ids(w, "note"), p),
        ),
        "PinNoteDialog": ("inside", lambda w, c, p: PinNoteDialog(c, ids(w, "account"), p)),
        "ConflictDialog": (
            "field",
            lambda w, c, p: ConflictDialog(c, _read(w, conflicts_to_resolve), p),
        ),
        "RejectionDialog": (
            "field",
            lambda w, c, p: RejectionDialog(c, _read(w, rejections_to_handle)[0], p),
        ),
        "SettingsDialog": ("field", lambda w, c, p: SettingsDialog(c, "en", p)),
        "SignInDialog": ("field", lambda w, c, p: SignInDialog(w.profile, p)),
        "SignOutDialog": ("field", lambda w, c, p: SignOutDialog(_read(w, sync_status), p)),
        "RecoveryDialog": (
            "field",
            lambda w, c, p: RecoveryDialog(w.profile, "database disk image is malformed", p),
        ),
        "DrillDialog": (
            "manager",
            lambda w, c, p: DrillDialog(
                c,
                "Visits of Field Rep",
                Drill("visits", (("completed", tuple(json.loads(ids(w, "visits")))),)),
                open_visits=False,
                parent=p,
            ),
        ),
        "ServiceLevelsDialog": ("manager", lambda w, c, p: ServiceLevelsDialog(c, p)),
        "CalendarRangeDialog": ("field", lambda w, c, p: formats(p).export_calendar()),
        "SubscriptionDialog": ("field", lambda w, c, p: formats(p).show_subscription()),
        "ImportDialog": (
            "field",
            lambda w, c, p: formats(p).import_from("accounts", w.profile.parent / IMPORT_CSV),
        ),
    }


def _more_states() -> list[tuple[str, str, Opener]]:
    """Dialogs that show more in another state: (what, role, how it is opened)."""
    from ui.visit_form import VisitWindow

    return [
        ("checked-in visit", "field", lambda w, c, p: VisitWindow(c, w.ids["second_visit"], p)),
        ("completed visit", "field", lambda w, c, p: VisitWindow(c, w.ids["completed_visit"], p)),
    ]


def _lead_account(lead_id: str) -> Callable[[Store], str]:
    return lambda store: str(store.scalar("SELECT account_id FROM leads WHERE id = ?", (lead_id,)))


def _follow_up_title(follow_up_id: str) -> Callable[[Store], str]:
    return lambda store: str(
        store.scalar("SELECT title FROM follow_ups WHERE id = ?", (follow_up_id,))
    )


def walk_pages(world: World, context: AppContext, language: str) -> QWidget:
    from ui.main_window import MainWindow

    window = MainWindow(context)
    window.show()
    settle(context)

    def check(state: str) -> None:
        settle(context)
        world.shown.update(type(w).__name__ for w in window.findChildren(QWidget) if w.isVisible())
        for misfit in misfits(window, language):
            world.found.append(replace(misfit, path=f"{state}: {misfit.path}"))

    for name in window.pages:
        window.show_page(name)
        check(f"{context.user.role} {name}")
        if name == "today" and window.today is not None:
            # The page's message and its Undo notice both shown, as after Optimise order
            # then an account added: the tallest the day gets.
            today = window.today
            today.message_label.setText(today.tr("Undone."))
            today.notice.tell(today.tr("Optimise order"))
            check(f"{context.user.role} today (message and notice)")
            today.message_label.clear()
            today.notice.dismiss()
            window.today.set_mode("week")
            check(f"{context.user.role} today (week)")
            window.today.set_mode("day")
        if name == "accounts":
            window.show_account(world.ids["account"])
            check(f"{context.user.role} accounts (briefing)")
            window.show_account(_read(world, _lead_account(world.ids["handed_lead"])))
            check(f"{context.user.role} accounts (briefing with a lead)")
        if name == "review":
            window.show_note(world.ids["note"])
            check(f"{context.user.role} review (report)")
        if name == "sync":
            tabs = window.sync_page.findChildren(QTabWidget)
            for tab_widget in tabs:
                for index in range(tab_widget.count()):
                    tab_widget.setCurrentIndex(index)
                    check(f"{context.user.role} sync (tab {index})")
    return window


def walk_dialogs(
    world: World, role: str, context: AppContext, window: QWidget, language: str
) -> None:
    states = [(name, opener_role, opener) for name, (opener_role, opener) in _openers().items()]
    for state, opener_role, opener in [*states, *_more_states()]:
        if opener_role != role:
            continue
        dialog = opener(world, context, window)
        dialog.show()
        settle(context)
        world.opened.add(type(dialog).__name__)
        world.found.extend(
            replace(misfit, path=f"{state}: {misfit.path}") for misfit in misfits(dialog, language)
        )
        dialog.reject()
        dialog.deleteLater()
        settle(context, 2)


def main(argv: list[str]) -> int:
    out = Path(argv[1])
    languages_wanted = argv[2:] or ["en", "fr"]
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-fit-"))
    os.environ["FIELDAPP_LOG_DIR"] = str(folder / "logs")
    from ui.app import application
    from ui.context import build_context
    from ui.i18n import Languages
    from ui.settings import AppSettings

    app = application([])
    world = prepare(folder)
    languages = Languages(app)
    for language in languages_wanted:
        languages.apply(language)
        for role, username in (("field", "field"), ("inside", "inside"), ("manager", "manager")):
            user = sign_profile_in(world.profile, world.data, username)
            settings = AppSettings(folder / f"{username}-{language}.ini")
            context = build_context(world.profile, user, settings, now=FakeClock())
            try:
                window = walk_pages(world, context, language)
                walk_dialogs(world, role, context, window, language)
                window.close()
                window.deleteLater()
                settle(context, 2)
            finally:
                context.close()
    screen = app.primaryScreen().availableGeometry()
    out.write_text(
        json.dumps(
            {
                "screen": [screen.width(), screen.height()],
                "misfits": [m.as_dict() for m in world.found],
                "opened": sorted(world.opened),
                "shown": sorted(world.shown),
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
