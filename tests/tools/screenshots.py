"""Screenshots of the main screens, in English and French, for the README and the docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.tools.screenshots [--out docs/screenshots]

Everything is real: a demo server seeded with 300 accounts runs on loopback, a field rep
and an inside rep sign in and sync, and each window is rendered off screen with
``QWidget.grab``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.kpi import PeriodKind
from fieldapp.store.database import Store, open_store
from fieldapp.usecases.handoffs import hand_over_lead
from fieldapp.usecases.people import current_user
from fieldapp.usecases.priorities import flag_priority
from sync.http_backend import HttpBackend
from sync.server.launcher import seed_server, start_server
from sync.session import sign_in
from ui.context import AppContext, build_context
from ui.i18n import Languages
from ui.main_window import MainWindow
from ui.settings import AppSettings
from ui.theme.style import install_theme

LAPTOP = (1366, 768)  # a common field laptop's screen: every shot is taken at its size


def settle(app: QApplication, context: AppContext, seconds: float = 0.6) -> None:
    """Let queued reads answer and the widgets paint."""
    deadline = time.monotonic() + 15
    quiet_since = None
    while time.monotonic() < deadline:
        app.processEvents()
        if context.tasks.outstanding == 0:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > seconds:
                return
        else:
            quiet_since = None
        time.sleep(0.02)


def shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def laptop(app: QApplication, root: Path, url: str, username: str) -> AppContext:
    """A signed-in profile whose first sync ran through the app's own sync worker."""
    profile = root / f"profile-{username}"
    backend = HttpBackend(url)  # kept in memory: no keyring is needed
    with open_store(profile, create=True) as store:
        sign_in(store, url, username, "demo", backend=backend)
        user = current_user(store)
    context = build_context(profile, user, AppSettings(root / f"{username}.ini"))
    context.sync.use_backend(backend)
    ended: list[object] = []
    context.sync.finished.connect(ended.append)
    context.sync.sync_now()
    deadline = time.monotonic() + 120
    while not ended and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    return context


def sync(app: QApplication, context: AppContext) -> None:
    ended: list[object] = []
    context.sync.finished.connect(ended.append)
    context.sync.sync_now()
    deadline = time.monotonic() + 120
    while not ended and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def run_write(app: QApplication, context: AppContext, work: Callable[[Store], Any]) -> Any:
    done: list[Any] = []
    context.tasks.write(work, done.append)
    while not done:
        app.processEvents()
        time.sleep(0.02)
    return done[0]


def hand_over_and_flag(store: Store) -> str:
    """The inside rep's side of the lead and priority screens: a lead handed to the demo
    field rep with its briefing, and two of their accounts flagged for today."""
    rep = str(store.scalar("SELECT id FROM users WHERE username = 'field'"))
    accounts = [
        str(row["id"])
        for row in store.query(
            "SELECT id FROM accounts WHERE owner_id = ? AND id NOT IN"
            " (SELECT account_id FROM leads) AND id NOT IN (SELECT account_id FROM priorities)"
            " ORDER BY name LIMIT 3",
            (rep,),
        )
    ]
    lead = hand_over_lead(
        store,
        accounts[0],
        to_rep_id=rep,
        why="Asked for a tasting of the organic range at the trade show; budget approved"
        " for spring.",
        who_to_see="Claire Gagnon, the buyer — mornings, before 11",
        promised="Samples of the three new coffees and the spring price list",
    )
    today = date.today()
    flag_priority(
        store, accounts[1], rep_id=rep, day=today, why="The summer order is decided this week"
    )
    flag_priority(
        store, accounts[2], rep_id=rep, day=today, why="Unhappy about the last delivery: call in"
    )
    return lead.account_id


def lead_screen(app: QApplication, context: AppContext, account_id: str, path: Path) -> None:
    """The field rep's lead panel on the account's briefing, at a laptop's 1366x768."""
    window = MainWindow(context)
    window.resize(*LAPTOP)
    window.show()
    window.show_account(account_id)
    settle(app, context)
    shoot(window, path)
    window.close()


def priorities_screen(app: QApplication, context: AppContext, path: Path) -> None:
    """The field rep's Today with the day's priorities above the route, at 1366x768."""
    window = MainWindow(context)
    window.resize(*LAPTOP)
    window.show()
    window.show_page("today")
    settle(app, context)
    shoot(window, path)
    window.close()


def field_screens(app: QApplication, context: AppContext, out: Path, lang: str) -> None:
    window = MainWindow(context)
    window.resize(*LAPTOP)
    window.show()
    window.show_page("today")  # the window reopens on the last page shown (the inbox)
    settle(app, context)
    shoot(window, out / f"{lang}-today.png")
    window.show_page("accounts")
    settle(app, context)
    window.accounts.list_view.selectRow(3)
    settle(app, context)
    shoot(window, out / f"{lang}-accounts.png")
    window.show_page("sync")
    settle(app, context)
    shoot(window, out / f"{lang}-sync.png")
    inbox_screen(app, window, context, out / f"inbox-{lang}.png")
    window.resize(*LAPTOP)
    stops = window.today.model.stops
    if stops:
        window.open_visit(stops[0].visit.id)
        settle(app, context)
        visit = next(iter(window._visit_windows.values()))
        shoot(visit, out / f"{lang}-visit.png")
        visit.close()
    window.close()
    import_screen(app, context, out, lang)


# A spreadsheet's export as a rep would bring it: French Excel's semicolons, its own column
# names, and one row the rules refuse (no name), so the preview shows a row's error.
IMPORT_CSV = (
    "Nom;Ville;Code postal;Téléphone;Niveau\n"
    "Quincaillerie Gagnon;Sherbrooke;J1H 5N4;819 555-0142;B\n"
    "Fromagerie des Cantons;Magog;J1X 3W2;819 555-0178;A\n"
    ";Granby;J2G 8C6;450 555-0110;C\n"
    "Boulangerie Saint-Élie;Sherbrooke;J1R 0A5;819 555-0199;B\n"
)


def import_screen(app: QApplication, context: AppContext, out: Path, lang: str) -> None:
    """File > Import accounts: the preview, the mapping guessed from the headers and the
    refused row, before anything is written."""
    from ui.dialogs.import_dialog import ImportDialog

    folder = Path(tempfile.mkdtemp())
    source = folder / ("salon-2026.csv" if lang == "en" else "salon-2026-comptes.csv")
    source.write_text(IMPORT_CSV, encoding="cp1252")
    try:
        dialog = ImportDialog(context, "accounts", source)
        dialog.show()
        settle(app, context)
        shoot(dialog, out / f"import-{lang}.png")
        dialog.reject()
    finally:
        source.unlink()
        folder.rmdir()


def inbox_screen(app: QApplication, window: MainWindow, context: AppContext, path: Path) -> None:
    """The Inbox page at 1366x768, an unread item chosen (its words shown below the list)."""
    window.resize(*LAPTOP)
    window.show_page("inbox")
    settle(app, context)
    page = window.inbox
    row = next((r for r, item in enumerate(page.model.shown) if not item.read), 0)
    page._select(row)
    settle(app, context)
    shoot(window, path)


def inside_screens(app: QApplication, context: AppContext, out: Path, lang: str) -> None:
    window = MainWindow(context)
    window.resize(*LAPTOP)
    window.show()
    window.show_page("review")
    settle(app, context)
    shoot(window, out / f"{lang}-review.png")
    window.close()


def work_queue_screens(app: QApplication, context: AppContext, out: Path, lang: str) -> None:
    """The inside rep's landing page at a 1366x768 laptop's size, a follow-up selected so
    that its hand-off's history shows beside the queue."""
    window = MainWindow(context)
    window.resize(1366, 768)
    window.show()
    window.show_page("queue")
    settle(app, context)
    page = window.work_queue
    assert page is not None
    items = page.model.items
    row = next((r for r, i in enumerate(items) if i.collection == "follow_ups"), 0)
    page.select_record(items[row].collection, items[row].record_id) if items else None
    settle(app, context)
    shoot(window, out / f"work-queue-{lang}.png")
    window.close()


def dashboard_screens(app: QApplication, context: AppContext, out: Path, lang: str) -> None:
    """The manager's landing page at 1366x768: the running quarter of the whole
    organisation (weeks of held visits behind it, the rest of it planned)."""
    window = MainWindow(context)
    window.resize(*LAPTOP)
    window.show()
    window.show_page("dashboard")
    page = window.dashboard
    assert page is not None
    page.choose_period_kind(PeriodKind.QUARTER)
    settle(app, context, seconds=1.0)
    deadline = time.monotonic() + 60
    while (page.board is None or page.computing) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle(app, context)
    shoot(window, out / f"dashboard-{lang}.png")
    window.close()


SCREENS = ("field", "inside", "queue", "dashboard", "lead")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument(
        "--only", choices=SCREENS, action="append", help="these screens only (repeatable)"
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    install_theme(app)  # the window's palette and style sheet, as the app has them
    languages = Languages(app)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        os.environ.setdefault("FIELDAPP_LOG_DIR", str(root / "logs"))
        seed_server(root / "server", accounts=300)
        server = start_server(root / "server")
        contexts: list[AppContext] = []
        try:
            wanted = set(args.only or SCREENS)
            made: dict[str, AppContext] = {}

            def person(username: str) -> AppContext:
                if username not in made:
                    made[username] = laptop(app, root, server.url, username)
                    contexts.append(made[username])
                return made[username]

            lead_account = None
            if "lead" in wanted:
                # A lead handed to the field rep and two priorities for today, so that the
                # lead panel and Today's priorities have something to show.
                lead_account = run_write(app, person("inside"), hand_over_and_flag)
                sync(app, person("inside"))
                sync(app, person("field"))
            screens: list[tuple[Callable[..., None], AppContext]] = []
            if "field" in wanted:
                screens.append((field_screens, person("field")))
            if "inside" in wanted:
                screens.append((inside_screens, person("inside")))
            if "queue" in wanted:
                screens.append((work_queue_screens, person("inside")))
            if "dashboard" in wanted:
                screens.append((dashboard_screens, person("manager")))
            for lang in ("en", "fr"):
                languages.apply(lang)
                for make, context in screens:
                    make(app, context, args.out, lang)
                if lead_account is not None:
                    field = person("field")
                    lead_screen(app, field, lead_account, args.out / f"lead-{lang}.png")
                    priorities_screen(app, field, args.out / f"priorities-{lang}.png")
        finally:
            for context in contexts:
                context.close()
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
