"""Cards, chips, empty states, buttons and notices (issue 12): what a rep sees of them, in
English and French, in the light and the dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fieldapp.usecases.account_list import AccountFilter, list_accounts, overdue_days
from ui.formatting import overdue_short
from ui.i18n import Languages
from ui.labels import error_label
from ui.main_window import MainWindow
from ui.models.account_list import NEXT_VISIT, TIER
from ui.pages.accounts import AccountsPage
from ui.pages.review import ReviewPage
from ui.theme import style
from ui.theme.palette import CHART, DARK, LIGHT
from ui.visit_form import VisitWindow
from ui.widgets.chip import CHIPS_ROLE, Chip, overdue_chip, tier_chip
from ui.widgets.empty_state import EmptyState, ListOrEmpty
from ui.widgets.styling import PRIMARY

WAIT = 10_000


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app)
    assert languages.apply("fr") == "fr"
    yield
    languages.clear()


@pytest.fixture
def live_theme(qapp: object) -> Iterator[style.Theme]:
    """The application's theme, as the app installs it, put back to none afterwards (the
    other tests run with no application style sheet)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    installed = style.install_theme(app)
    installed.apply(LIGHT)
    yield installed
    style._THEME.clear()
    app.setStyleSheet("")
    app.setPalette(before)


def read(context: Any, qtbot: QtBot, work: Any) -> Any:
    answers: list[Any] = []
    context.tasks.read(work, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    return answers[0]


def accounts_page(make_context: Any, qtbot: QtBot, username: str = "field") -> Any:
    context = make_context(username)
    page = AccountsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.show()
    return context, page


# -- chips ----------------------------------------------------------------------------
def test_overdue_and_tier_chips_read_in_english(qapp: object) -> None:
    assert overdue_short(12) == "overdue 12 d"
    assert overdue_chip(12) == Chip("overdue 12 d", "danger")
    assert overdue_chip(0) == Chip("due today", "warning")
    assert overdue_chip(None) is None and overdue_chip(-3) is None  # not due yet
    assert tier_chip("A").text == "Tier A"
    assert tier_chip("A", short=True).text == "A"
    # Under a column titled "Overdue" (Today's due table), the days alone.
    assert overdue_chip(163, short=True) == Chip("163 d", "danger")
    assert overdue_chip(0, short=True) == Chip("today", "warning")


def test_overdue_and_tier_chips_read_in_french(french: None) -> None:
    assert overdue_short(12) == "en retard de 12 j"
    assert overdue_chip(0) == Chip("due aujourd'hui", "warning")
    assert overdue_chip(163, short=True) == Chip("163 j", "danger")
    assert overdue_chip(0, short=True) == Chip("aujourd'hui", "warning")
    assert tier_chip("B").text == "Niveau B"


def test_the_accounts_list_shows_each_tier_and_each_late_visit_as_a_chip(
    make_context: Any, qtbot: QtBot
) -> None:
    context, page = accounts_page(make_context, qtbot)
    model = page.model
    today = page._today()
    rows = read(context, qtbot, lambda s: list_accounts(s, AccountFilter(), "name", as_of=today))
    late = next(r for r in rows if (overdue_days(r, today) or 0) > 0)
    on_time = next(r for r in rows if r.next_visit_at)
    row = model.row_of(late.id)
    assert model.data(model.index(row, TIER), CHIPS_ROLE) == (Chip(late.tier),)
    days = overdue_days(late, today)
    assert model.data(model.index(row, NEXT_VISIT), CHIPS_ROLE) == (
        Chip(f"overdue {days} d", "danger"),
    )
    # The display text still says it in words, for screen readers and sorting.
    assert model.data(model.index(row, NEXT_VISIT)).startswith("Overdue since")
    assert model.data(model.index(model.row_of(on_time.id), NEXT_VISIT), CHIPS_ROLE) is None
    # The list paints them without a widget per row.
    assert page.list_view.itemDelegateForColumn(TIER) is not None
    assert page.list_view.indexWidget(model.index(row, TIER)) is None


def test_the_briefing_shows_the_tier_and_how_late_the_visit_is_as_chips(
    make_context: Any, qtbot: QtBot
) -> None:
    context, page = accounts_page(make_context, qtbot)
    today = page._today()
    rows = read(context, qtbot, lambda s: list_accounts(s, AccountFilter(), "name", as_of=today))
    late = next(r for r in rows if (overdue_days(r, today) or 0) > 0)
    page.show_account(late.id)
    briefing = page.briefing
    qtbot.waitUntil(lambda: briefing.name_label.text() == late.name, timeout=WAIT)
    assert briefing.tier_label.property("role") == "chip"
    assert briefing.tier_label.text().startswith(f"Tier {late.tier}")
    assert briefing.overdue_chip.isVisible()
    assert briefing.overdue_chip.text() == f"overdue {overdue_days(late, today)} d"
    assert briefing.overdue_chip.property("tone") == "danger"
    planned = next(r for r in rows if r.next_visit_at)
    page.show_account(planned.id)
    qtbot.waitUntil(lambda: briefing.name_label.text() == planned.name, timeout=WAIT)
    assert not briefing.overdue_chip.isVisible()


# -- cards and the type scale -----------------------------------------------------------
def test_the_briefing_and_the_review_pane_are_cards_with_a_title(
    make_context: Any, qtbot: QtBot
) -> None:
    _context, page = accounts_page(make_context, qtbot)
    briefing = page.briefing
    assert briefing.name_label.property("role") == "title"
    assert briefing.header_card.property("role") == "card"
    for section in briefing._sections():
        assert section.property("role") == "card"
        assert section.heading.property("role") == "heading"
    review = ReviewPage(make_context("inside"))
    qtbot.addWidget(review)
    review.show()
    qtbot.waitUntil(lambda: review.current is not None, timeout=WAIT)
    assert review.title.property("role") == "title"
    assert review.title.text() == review.current.account_name
    assert review.tier_chip.text() == f"Tier {review.current.tier}"
    assert review.findChild(type(briefing.header_card), "reportCard").property("role") == "card"


# -- empty states -----------------------------------------------------------------------
def test_an_empty_list_shows_its_empty_state_only_once_answered_and_until_a_row_comes(
    qtbot: QtBot,
) -> None:
    model = QStandardItemModel()
    view = QListView()
    view.setModel(model)
    empty = EmptyState("inbox", "Nothing here yet.", "Sync now")
    listing = ListOrEmpty(view, model, empty)
    qtbot.addWidget(listing)
    listing.show()
    assert not listing.is_empty  # still reading: an empty list is not claimed yet
    model.clear()  # the first answer: no row
    assert listing.is_empty and empty.isVisible() and not view.isVisible()
    assert empty.action.isVisible() and empty.action.property("role") == PRIMARY
    model.appendRow(QStandardItem("a row arrives"))
    assert not listing.is_empty and view.isVisible()
    model.removeRow(0)
    assert listing.is_empty


def test_accounts_filtered_to_nothing_offer_to_clear_the_filters(
    make_context: Any, qtbot: QtBot
) -> None:
    _context, page = accounts_page(make_context, qtbot)
    assert not page.listing.is_empty
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.filter_field.setText("zzqx no such account")
    assert page.listing.is_empty
    assert page.empty.text.text() == "No account matches these filters."
    assert page.empty.action.text() == "Clear filters"
    with qtbot.waitSignal(page.model.loaded, timeout=WAIT):
        page.empty.action.click()
    assert page.filter_field.text() == ""
    assert not page.listing.is_empty and page.model.rowCount() > 0


def test_an_empty_review_queue_says_why_and_goes_away_when_a_report_arrives(
    make_context: Any, qtbot: QtBot
) -> None:
    page = ReviewPage(make_context("inside"))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=WAIT)
    assert not page.listing.is_empty
    # A filter no report matches (the last outcome chosen on a rep who wrote none).
    page.rep_filter.addItem("Nobody", "no-such-rep")
    page.rep_filter.setCurrentIndex(page.rep_filter.count() - 1)
    qtbot.waitUntil(lambda: page.listing.is_empty, timeout=WAIT)
    assert page.empty.text.text() == "No visit report matches these filters."
    page.empty.action.click()
    qtbot.waitUntil(lambda: not page.listing.is_empty, timeout=WAIT)
    assert page.rep_filter.currentIndex() == 0


def test_an_empty_inbox_and_work_queue_show_the_next_step(make_context: Any, qtbot: QtBot) -> None:
    from ui.pages.inbox import InboxPage
    from ui.pages.work_queue import WorkQueuePage

    context = make_context("manager")
    inbox = InboxPage(context)
    qtbot.addWidget(inbox)
    with qtbot.waitSignal(inbox.loaded, timeout=WAIT):
        inbox.show()
    assert inbox.list_stack.currentWidget() is inbox.empty_state
    assert inbox.empty_state.action.text() == "Sync now"

    queue = WorkQueuePage(make_context("inside"))
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: queue.loaded and queue.model.rowCount() > 0, timeout=WAIT)
    assert not queue.listing.is_empty
    now = queue.model.now
    assert now is not None
    items = list(queue.model.items)
    queue.model.set_items([], now)  # everything handled
    assert queue.listing.is_empty
    assert queue.empty.action.text() == "Open the inbox"
    with qtbot.waitSignal(queue.context.navigator.page_requested, timeout=WAIT) as asked:
        queue.empty.action.click()
    assert asked.args == ["inbox"]
    queue.model.set_items(items[:1], now)  # one arrives
    assert not queue.listing.is_empty


# -- buttons --------------------------------------------------------------------------
def _primaries(widget: Any) -> list[QPushButton]:
    return [
        b
        for b in widget.findChildren(QPushButton)
        if b.property("role") == PRIMARY and b.isVisibleTo(widget) and b.isEnabled()
    ]


def test_each_view_has_one_primary_button(make_context: Any, qtbot: QtBot) -> None:
    _context, page = accounts_page(make_context, qtbot)
    page._select_row(0)
    qtbot.waitUntil(lambda: page.briefing.briefing is not None, timeout=WAIT)
    assert _primaries(page.briefing) == [page.briefing.check_in_button]
    inside_context, inside = accounts_page(make_context, qtbot, "inside")
    inside._select_row(0)
    qtbot.waitUntil(lambda: inside.briefing.briefing is not None, timeout=WAIT)
    assert _primaries(inside.briefing) == [inside.briefing.note_button]
    review = ReviewPage(inside_context)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitUntil(lambda: review.current is not None, timeout=WAIT)
    assert _primaries(review) == [review.reviewed_button]
    for button in (review.reply_button, review.follow_up_button, review.account_button):
        assert button.property("role") == "secondary"


def test_the_visit_window_offers_check_in_then_complete_as_its_primary_step(
    make_context: Any, qtbot: QtBot
) -> None:
    from fieldapp.usecases.planning import todays_plan

    context = make_context("field")
    now = context.now().astimezone()
    stops = read(context, qtbot, lambda s: todays_plan(s, today=now.date(), tz=now.tzinfo))
    planned = next(stop for stop in stops if stop.visit.status == "planned")
    window = VisitWindow(context, planned.visit.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    assert _primaries(window) == [window.header.check_in_button]
    assert window.complete_button.property("role") == PRIMARY
    assert window.save_button.property("role") == "secondary"
    window.header.check_in_button.click()
    qtbot.waitUntil(window.complete_button.isEnabled, timeout=WAIT)
    assert _primaries(window) == [window.complete_button]


# -- notices ----------------------------------------------------------------------------
def test_an_error_no_view_caught_is_a_notice_not_a_modal_box(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    context.tasks.unhandled_error.emit("The store could not be read: disk I/O error")
    qtbot.waitUntil(window.notice_bar.isVisible, timeout=WAIT)
    assert window.notice_bar.message.text() == "The store could not be read: disk I/O error"
    assert window.notice_bar.property("tone") == "danger"
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    # A later notice replaces it; its action runs once, then the notice goes.
    done: list[str] = []
    context.board.tell("Sent.", action=("Undo", lambda: done.append("undone")))
    qtbot.waitUntil(lambda: window.notice_bar.message.text() == "Sent.", timeout=WAIT)
    assert window.notice_bar.property("tone") == "info"
    window.notice_bar.action_button.click()
    assert done == ["undone"] and not window.notice_bar.isVisible()


def test_a_notice_posted_from_a_worker_thread_reaches_the_bar(
    make_context: Any, qtbot: QtBot
) -> None:
    context = make_context("field")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()

    def work(_store: object) -> None:
        context.board.tell("Exported 12 accounts.")  # on the store worker: a signal only

    context.tasks.read(work, lambda _r: None)
    qtbot.waitUntil(lambda: window.notice_bar.message.text() == "Exported 12 accounts.")
    assert window.notice_bar.isVisible()


# -- the light/dark switch ------------------------------------------------------------
def _text_colour(widget: Any) -> str:
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_label_with_its_own_colour_follows_a_switch_to_dark(
    live_theme: style.Theme, qtbot: QtBot
) -> None:
    label = error_label("someError")
    qtbot.addWidget(label)
    label.setText("The phone number is not valid.")
    label.show()
    assert _text_colour(label) == QColor(LIGHT.danger).name()
    live_theme.apply(DARK)
    assert _text_colour(label) == QColor(DARK.danger).name()
    live_theme.apply(LIGHT)
    assert _text_colour(label) == QColor(LIGHT.danger).name()


def test_an_empty_state_icon_is_tinted_again_after_a_switch(
    live_theme: style.Theme, qtbot: QtBot
) -> None:
    empty = EmptyState("inbox", "Nothing new.")
    qtbot.addWidget(empty)

    def tint() -> QColor:
        image = empty.icon.pixmap().toImage()
        opaque = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert opaque
        return opaque[0]

    assert tint().name() == QColor(LIGHT.text_secondary).name()
    live_theme.apply(DARK)
    assert tint().name() == QColor(DARK.text_secondary).name()


def test_a_dashboard_chart_is_painted_again_after_a_switch(
    live_theme: style.Theme, qtbot: QtBot
) -> None:
    from ui.dashboard.charts import StackedBars

    chart = StackedBars("testChart")
    qtbot.addWidget(chart)
    chart.draw("Visits", ["Mon", "Tue"], [("Held", CHART["held"], [2.0, 3.0])])
    assert chart.backgroundBrush().color().name() == QColor(LIGHT.surface).name()
    live_theme.apply(DARK)
    assert chart.backgroundBrush().color().name() == QColor(DARK.surface).name()
    assert chart.totals == [2.0, 3.0]  # drawn again, the same bars


def test_the_dashboards_overdue_accounts_show_their_tier_as_a_chip(qapp: object) -> None:
    from ui.dashboard.rows_model import Column, RowsModel
    from ui.dashboard.tables import DashboardTables

    tables = DashboardTables()
    assert tables.overdue_table.itemDelegateForColumn(1) is not None
    model: RowsModel[str] = RowsModel(
        [
            Column("Account", lambda t: f"Account {t}"),
            Column("Tier", str, chips=lambda t: (tier_chip(t),)),
        ]
    )
    model.set_rows(["A", "C"])
    assert model.data(model.index(1, 1), CHIPS_ROLE) == (Chip("Tier C"),)
    assert model.data(model.index(1, 1)) == "C"
    assert model.data(model.index(1, 0), CHIPS_ROLE) is None


def test_no_state_of_a_widget_changes_the_size_of_its_text() -> None:
    """A state (a dialog's default button, which moves with the focus; hover; focus) may
    change colours, never the font: Qt lays a button out for the font it had when it was
    polished, so a bolder state overflows it (the import dialog's "Choisir un fichier…"
    was cut at both ends in the screenshots, drawn bold as the default button)."""
    import re

    sheet = style.style_sheet(LIGHT)
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
        # An item view's rows are painted, and elided, by their delegate: not laid out.
        stated = [
            s.strip()
            for s in selectors.split(",")
            if re.search(r"(?<!:):[a-z-]+", s) and "::item" not in s
        ]
        if stated and re.search(r"\bfont(-weight|-size|-family)?\s*:", body):
            raise AssertionError(f"{', '.join(stated)} changes the font: {body.strip()}")


def test_a_chip_cell_asks_for_the_width_of_what_it_paints(qapp: object) -> None:
    """A cell showing a chip in place of its words ("12 d" for "12 days overdue") is
    sized to the chip: a column fitted to its contents stays narrow."""
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

    from ui.widgets.chip import LABEL_ROLE, ChipDelegate

    model = QStandardItemModel(1, 1)
    item = QStandardItem("163 days overdue, since the last visit in June")
    item.setData((Chip("163 d", "danger"),), CHIPS_ROLE)
    item.setData("", LABEL_ROLE)
    model.setItem(0, 0, item)
    view = QTableView()
    view.setModel(model)
    delegate = ChipDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    hint = delegate.sizeHint(option, model.index(0, 0))
    words = view.fontMetrics().horizontalAdvance(item.text())
    assert view.fontMetrics().horizontalAdvance("163 d") < hint.width() < words
