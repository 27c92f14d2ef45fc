"""The File menu's open formats: the calendar (.ics), the contacts (vCard), the lists and
the key figures (CSV), imports from CSV, and the always-current calendar's address.

Each action asks for a file with a window-modal ``QFileDialog`` and hands the path to a
method that takes it (``export_contacts_to(path)``…), so a test or a script gives the
path and no dialog opens. The files are written by the core (``fieldapp.exports``: in one
rename, UTF-8 with a byte-order mark for CSV) on a worker, never on the GUI thread; each
export ends with one sentence (``said``) the window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from fieldapp.exports.csv_lists import accounts_table, contacts_table, review_table, save_csv
from fieldapp.exports.ics import export_calendar
from fieldapp.exports.vcard import export_contacts
from fieldapp.kpi.dashboard import TABLES
from fieldapp.kpi.summary import summary
from fieldapp.kpi.table import Table
from fieldapp.store.database import Store
from fieldapp.usecases.account_list import AccountFilter
from ui.calendar_subscription import CalendarSubscription
from ui.context import AppContext
from ui.dashboard.model import Request, compute_dashboard
from ui.dialogs.calendar_dialogs import CalendarRangeDialog, SubscriptionDialog
from ui.dialogs.import_dialog import ImportDialog, ask_csv_to_open
from ui.formatting import fill
from ui.import_reasons import error_reason
from ui.labels import kpi_table_label
from ui.tasks import Tasks

KPI_SUMMARY = "kpi"


def kpi_list(table: str) -> str:
    """The export name of one key-figure table ("kpi:coverage")."""
    return f"{KPI_SUMMARY}:{table}"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def ask_save_path(
    parent: QWidget,
    title: str,
    suggested: str,
    file_filter: str,
    suffix: str,
    chosen: Callable[[Path], None],
) -> QFileDialog:
    """A save dialog, window-modal and returned at once; ``chosen`` runs with the path."""
    dialog = QFileDialog(parent, title, str(documents_folder() / suggested), file_filter)
    dialog.setObjectName("exportFileDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per question asked
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix(suffix)
    dialog.fileSelected.connect(lambda name: chosen(Path(name)) if name else None)
    dialog.open()
    return dialog


class OpenFormats(QObject):
    """The actions, for the window that shows them (``parent``)."""

    said = Signal(str, bool)  # a sentence, and whether it says something failed

    def __init__(
        self,
        context: AppContext,
        window: QWidget,
        *,
        account_filter: Callable[[], AccountFilter],
        kpi_request: Callable[[], Request],
    ) -> None:
        super().__init__(window)
        self.context = context
        self.account_filter = account_filter
        self.kpi_request = kpi_request
        self.calendar = CalendarSubscription(context, self)

    def window(self) -> QWidget:
        # Asked of Qt each time, not kept: a Python reference back to the window would make
        # a cycle that keeps a closed window's wrapper alive until the garbage collector runs.
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    # -- the menu ---------------------------------------------------------------------------
    def fill_menu(self, menu: QMenu) -> dict[str, QAction]:
        """Add the actions to ``menu``; returned by name, for the window's tests."""
        actions: dict[str, QAction] = {}

        def add(target: QMenu, name: str, text: str, slot: Callable[[], object]) -> None:
            action = target.addAction(text)
            action.setObjectName(f"action_{name}")
            action.triggered.connect(lambda _checked=False: slot())
            actions[name] = action

        add(menu, "export_calendar", self.tr("Export calendar (.ics)…"), self.export_calendar)
        add(menu, "export_contacts", self.tr("Export contacts (vCard)…"), self.export_contacts)
        lists = menu.addMenu(self.tr("Export list as CSV"))
        lists.setObjectName("menu_export_csv")
        add(
            lists,
            "csv_accounts",
            self.tr("Accounts (as the list shows them)…"),
            lambda: self.export_list("accounts"),
        )
        add(lists, "csv_contacts", self.tr("Contacts…"), lambda: self.export_list("contacts"))
        add(lists, "csv_review", self.tr("Review queue…"), lambda: self.export_list("review"))
        lists.addSeparator()
        add(
            lists,
            "csv_kpi",
            self.tr("Key figures, every number…"),
            lambda: self.export_list(KPI_SUMMARY),
        )
        for table in TABLES:
            add(
                lists,
                f"csv_kpi_{table}",
                fill(self.tr("Key figures: %1…"), kpi_table_label(table)),
                self._kpi_export(table),
            )
        menu.addSeparator()
        add(
            menu,
            "import_accounts",
            self.tr("Import accounts from CSV…"),
            lambda: self.import_records("accounts"),
        )
        add(
            menu,
            "import_contacts",
            self.tr("Import contacts from CSV…"),
            lambda: self.import_records("contacts"),
        )
        menu.addSeparator()
        add(menu, "subscription", self.tr("Calendar subscription…"), self.show_subscription)
        return actions

    def _kpi_export(self, table: str) -> Callable[[], QFileDialog]:
        return lambda: self.export_list(kpi_list(table))

    # -- calendar ---------------------------------------------------------------------------
    def export_calendar(self) -> CalendarRangeDialog:
        today = self.context.now().astimezone().date()
        dialog = CalendarRangeDialog(today, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._ask_calendar_path(dialog.first, dialog.last))
        dialog.open()
        return dialog

    def _ask_calendar_path(self, first: date, last: date) -> QFileDialog:
        return ask_save_path(
            self.window(),
            self.tr("Export calendar"),
            f"visits-{first.isoformat()}-{last.isoformat()}.ics",
            self.tr("iCalendar files (*.ics)"),
            "ics",
            lambda path: self.export_calendar_to(path, first, last),
        )

    def export_calendar_to(self, path: Path, first: date, last: date) -> None:
        name = self.tr("FieldApp visits")
        self._write(
            lambda store: export_calendar(store, path, first, last, name=name),
            path,
            lambda count: self.tr("%n visit(s) saved to %1", "", count),
        )

    def show_subscription(self) -> SubscriptionDialog:
        self.calendar.refresh()  # the file exists once the dialog says where it is
        dialog = SubscriptionDialog(self.calendar.path, self.calendar.problem, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- contacts ---------------------------------------------------------------------------
    def export_contacts(self) -> QFileDialog:
        return ask_save_path(
            self.window(),
            self.tr("Export contacts"),
            "contacts.vcf",
            self.tr("vCard files (*.vcf)"),
            "vcf",
            self.export_contacts_to,
        )

    def export_contacts_to(self, path: Path) -> None:
        self._write(
            lambda store: export_contacts(store, path),
            path,
            lambda count: self.tr("%n contact(s) saved to %1", "", count),
        )

    # -- lists as CSV -----------------------------------------------------------------------
    def export_list(self, name: str) -> QFileDialog:
        suggested = name.replace(":", "-") + ".csv"
        return ask_save_path(
            self.window(),
            self.tr("Export CSV"),
            suggested,
            self.tr("CSV files (*.csv)"),
            "csv",
            lambda path: self.export_list_to(name, path),
        )

    def export_list_to(self, name: str, path: Path) -> None:
        """Write the list ``name`` (accounts, contacts, review, kpi, kpi:TABLE) to ``path``."""
        table = self._table(name)
        # The key figures are computed on the figures worker, like the dashboard's.
        tasks = self.context.figures if name.startswith(KPI_SUMMARY) else self.context.tasks
        self._write(
            lambda store: save_csv(table(store), path),
            path,
            lambda count: self.tr("%n row(s) saved to %1", "", count),
            tasks=tasks,
        )

    def _table(self, name: str) -> Callable[[Store], Table]:
        if name == "accounts":
            wanted = self.account_filter()
            return lambda store: accounts_table(store, wanted)
        if name == "contacts":
            return contacts_table
        if name == "review":
            return review_table
        request = self.kpi_request()
        if name == KPI_SUMMARY:
            return lambda store: summary(compute_dashboard(store, request))
        _kpi, _sep, figure = name.partition(":")
        source, make = TABLES[figure]
        return lambda store: make(getattr(compute_dashboard(store, request), source))

    # -- imports ----------------------------------------------------------------------------
    def import_records(self, target: str) -> QFileDialog:
        def chosen(path: Path) -> None:
            self.import_from(target, path)

        return ask_csv_to_open(self.window(), chosen)

    def import_from(self, target: str, path: Path) -> ImportDialog:
        dialog = ImportDialog(self.context, target, path, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- writing ----------------------------------------------------------------------------
    def _write(
        self,
        work: Callable[[Store], int],
        path: Path,
        sentence: Callable[[int], str],
        *,
        tasks: Tasks | None = None,
    ) -> None:
        runner = tasks or self.context.tasks

        def done(count: int) -> None:
            self.said.emit(fill(sentence(count), str(path)), False)

        def failed(error: Exception) -> None:
            self.said.emit(
                fill(self.tr("Could not save %1: %2"), str(path), error_reason(error)), True
            )

        runner.read(work, done, failed=failed)
