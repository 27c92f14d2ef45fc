"""The Today page's map, the links out of it, the times from the drive, the undo, and the
due table: driven through the widgets on the demo rep's real SQLite file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from test_today_page import TODAY, ask, open_page, select_row, stored_route

from fieldapp.clock import from_text
from fieldapp.records import Contact
from fieldapp.usecases.accounts import contacts_of, create_account
from fieldapp.usecases.planning import accounts_due_for_visit
from fieldapp.usecases.route import add_to_plan, travel_time
from ui.formatting import distance
from ui.links import directions_url, mailto_url, map_url, tel_url
from ui.models.due_model import ACCOUNT, NEVER_VISITED, OVERDUE, SORT_ROLE, TIER
from ui.models.plan_model import TIME, time_text
from ui.theme.palette import DARK, LIGHT
from ui.widgets.link_label import contact_html
from ui.widgets.route_map import MARKER_RADIUS


def outbox_visit_updates(page: Any, qtbot: QtBot) -> int:
    return int(
        ask(
            page,
            qtbot,
            lambda s: s.scalar(
                "SELECT count(*) FROM outbox WHERE collection = 'visits' AND op = 'update'"
            ),
        )
    )


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the desktop was asked to open (nothing opens for real in a test)."""
    asked: list[str] = []

    def fake_open(url: str) -> bool:
        asked.append(url)
        return True

    monkeypatch.setattr("ui.widgets.link_label.open_link", fake_open)
    return asked


def test_the_map_places_each_stop_where_it_is_numbered_in_route_order(
    make_context: Callable[..., Any], qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    route = stored_route(page, qtbot)
    canvas = page.route_map.canvas
    qtbot.waitUntil(lambda: len(canvas.markers) == len(route.stops))
    assert [m.number for m in canvas.markers] == list(range(1, len(route.stops) + 1))
    assert [m.visit_id for m in canvas.markers] == [s.visit.id for s in route.stops]
    inside = canvas.rect().adjusted(2, 2, -2, -2)
    assert all(inside.contains(m.centre.toPoint()) for m in canvas.markers)
    # East is right and north is up: the projection keeps the stops' relative places.
    points = [s.point for s in route.stops]
    assert all(p is not None for p in points)
    by_x = sorted(range(len(points)), key=lambda n: canvas.markers[n].centre.x())
    by_lon = sorted(range(len(points)), key=lambda n: points[n].longitude)  # type: ignore[union-attr]
    assert by_x == by_lon
    by_y = sorted(range(len(points)), key=lambda n: canvas.markers[n].centre.y())
    by_lat = sorted(range(len(points)), key=lambda n: -points[n].latitude)  # type: ignore[union-attr]
    assert by_y == by_lat
    # One leg between each pair of stops, from one marker to the next, labelled in km.
    assert len(canvas.legs) == len(route.stops) - 1
    for leg, before, after, stop in zip(
        canvas.legs, canvas.markers, canvas.markers[1:], route.stops[1:], strict=False
    ):
        assert (leg.start, leg.end) == (before.centre, after.centre)
        assert leg.label == distance(stop.leg_km or 0.0)
    # The markers are painted there, in the palette's accent, light and dark.
    first = canvas.markers[0].centre + QPointF(-MARKER_RADIUS + 3, 0)
    for palette in (LIGHT, DARK):
        canvas.palette_override = palette
        image = canvas.grab().toImage()
        ratio = image.devicePixelRatio()
        colour = image.pixelColor(int(first.x() * ratio), int(first.y() * ratio))
        assert colour == QColor(palette.accent), palette.name
        assert image.pixelColor(2, image.height() // 2) == QColor(palette.surface)


def test_a_stop_without_a_location_is_listed_not_dropped(
    make_context: Callable[..., Any], qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)

    def plan_nowhere(store: Any) -> object:
        account = create_account(store, name="Kiosque sans adresse", tier="C")
        return add_to_plan(store, account.id, TODAY)

    page.context.tasks.write(plan_nowhere)
    qtbot.waitUntil(lambda: page.model.rowCount() == 6)
    canvas = page.route_map.canvas
    assert len(canvas.markers) == 5 and len(canvas.legs) == 4
    assert page.route_map.unplaced_label.isVisible()
    assert page.route_map.unplaced_label.text() == "No location: 6. Kiosque sans adresse"
    page.table.selectRow(5)
    assert page.details.map_link.links() == []  # neither coordinates nor an address
    assert "No location" in page.details.map_link.text()


def test_each_stop_opens_in_maps_with_directions_from_the_previous_one(
    make_context: Callable[..., Any], qtbot: QtBot, opened: list[str]
) -> None:
    page = open_page(make_context, qtbot)
    route = stored_route(page, qtbot)
    page.table.setFocus()
    page.table.selectRow(0)
    first = route.stops[0].point
    assert first is not None
    assert page.details.map_link.links() == [map_url(first)]
    page.table.selectRow(2)
    before, stop = route.stops[1].point, route.stops[2].point
    assert before is not None and stop is not None
    expected = directions_url(before, stop)
    assert expected.startswith("https://www.openstreetmap.org/directions?engine=fossgis_osrm_car")
    assert f"{before.latitude:.6f}%2C{before.longitude:.6f}%3B" in expected
    assert page.details.map_link.links() == [expected]
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert opened == [expected]
    page.details.map_link.linkActivated.emit(expected)  # a click on the link
    assert opened == [expected, expected]


def test_the_stops_phone_and_contacts_are_call_and_mail_links(
    make_context: Callable[..., Any], qtbot: QtBot, opened: list[str]
) -> None:
    page = open_page(make_context, qtbot)
    route = stored_route(page, qtbot)
    stop = route.stops[1]
    contacts: list[Contact] = ask(page, qtbot, lambda s: contacts_of(s, stop.account.id))
    page.table.selectRow(1)
    assert page.details.phone_link.links() == [tel_url(stop.account.phone)]
    wanted = [
        url for c in contacts for url in (tel_url(c.phone), mailto_url(c.email)) if url is not None
    ]
    assert wanted
    qtbot.waitUntil(lambda: page.details.contacts.links() == wanted)
    page.details.contacts.linkActivated.emit(wanted[0])
    assert opened == [wanted[0]]


@pytest.mark.parametrize(
    ("phone", "url"),
    [
        # A local North American number is dialled as the global +1 one.
        ("514 555-0142", "tel:+15145550142"),
        ("(514) 555-0142 poste 246", "tel:+15145550142;ext=246"),
        ("514 555-0142 ext. 246", "tel:+15145550142;ext=246"),
        ("514.555.0142 x246", "tel:+15145550142;ext=246"),
        ("1 800 555-0199", "tel:+18005550199"),
        ("+1 (514) 555-0123", "tel:+15145550123"),
        # Any other number keeps its digits and its +: its country is not guessed.
        ("+33 1 42 68 53 00", "tel:+33142685300"),
        ("01 42 68 53 00", "tel:0142685300"),  # ten digits, but not North American
        ("555-0142", "tel:5550142"),
        ("114 555-0142", "tel:1145550142"),  # no area code starts with 1
        ("n/a", None),
        ("", None),
        (None, None),
    ],
)
def test_phone_numbers_become_tel_links(phone: str | None, url: str | None) -> None:
    assert tel_url(phone) == url


@pytest.mark.parametrize(
    ("email", "url"),
    [
        ("marie.roy@boulangerie.ca", "mailto:marie.roy@boulangerie.ca"),
        (" j+ventes@exemple.fr ", "mailto:j+ventes@exemple.fr"),
        ("pas une adresse", None),
        ("a@b@c", None),
        (None, None),
    ],
)
def test_email_addresses_become_mailto_links(email: str | None, url: str | None) -> None:
    assert mailto_url(email) == url


def test_a_contacts_words_are_escaped_in_its_links(qapp: object) -> None:
    contact = Contact.from_row(
        {
            "id": "c1",
            "account_id": "a1",
            "first_name": "<b>Zoé</b>",
            "last_name": "Roy & fils",
            "job_title": None,
            "email": "zoe@roy.ca",
            "phone": "418 555-0199",
            "version": None,
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
        }
    )
    html = contact_html(contact)
    assert "&lt;b&gt;Zoé&lt;/b&gt; Roy &amp; fils" in html and "<b>" not in html
    assert 'href="tel:+14185550199"' in html and 'href="mailto:zoe@roy.ca"' in html


def test_times_recomputed_from_the_drive_show_in_the_timeline_and_undo_puts_them_back(
    make_context: Callable[..., Any], qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    before = stored_route(page, qtbot)
    queued = outbox_visit_updates(page, qtbot)
    qtbot.mouseClick(page.retime_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.isVisible())
    after = stored_route(page, qtbot)
    assert [s.visit.id for s in after.stops] == [s.visit.id for s in before.stops]
    for previous, stop in zip(after.stops, after.stops[1:], strict=False):
        earliest = from_text(previous.visit.planned_end) + travel_time(previous.point, stop.point)
        start = from_text(stop.visit.planned_start)
        assert earliest <= start < earliest + travel_time(None, None) / 3  # rounded to 5 min
    assert after != before
    qtbot.waitUntil(
        lambda: (
            [page.model.index(r, TIME).data() for r in range(5)]
            == [time_text(s) for s in after.stops]
        )
    )
    assert outbox_visit_updates(page, qtbot) > queued

    assert page.notice.action_button.text() == "Undo"
    qtbot.mouseClick(page.notice.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            [s.visit.planned_start for s in stored_route(page, qtbot).stops]
            == [s.visit.planned_start for s in before.stops]
        )
    )
    assert not page.notice.isVisible()


def test_undoing_an_optimise_restores_the_order_and_reaches_the_outbox(
    make_context: Callable[..., Any], qtbot: QtBot
) -> None:
    page = open_page(make_context, qtbot)
    planned = stored_route(page, qtbot)
    select_row(page, 1)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: stored_route(page, qtbot).stops[2].visit.id == planned.stops[1].visit.id
    )
    mine = stored_route(page, qtbot)
    qtbot.mouseClick(page.optimise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.notice.isVisible())
    assert [s.visit.id for s in stored_route(page, qtbot).stops] != [s.visit.id for s in mine.stops]
    queued = outbox_visit_updates(page, qtbot)

    qtbot.mouseClick(page.notice.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            [(s.visit.id, s.visit.planned_start) for s in stored_route(page, qtbot).stops]
            == [(s.visit.id, s.visit.planned_start) for s in mine.stops]
        )
    )
    assert outbox_visit_updates(page, qtbot) > queued
    qtbot.waitUntil(
        lambda: (
            [m.visit_id for m in page.route_map.canvas.markers] == [s.visit.id for s in mine.stops]
        )
    )


def test_the_due_table_sorts_by_any_column(make_context: Callable[..., Any], qtbot: QtBot) -> None:
    page = open_page(make_context, qtbot)
    due = ask(page, qtbot, lambda store: accounts_due_for_visit(store, as_of=TODAY))
    table = page.additions.due_list
    model = table.model()

    def column(number: int) -> list[Any]:
        return [model.index(r, number).data(SORT_ROLE) for r in range(model.rowCount())]

    assert page.additions.due_names() == [d.account.name for d in due]  # most overdue first
    assert column(OVERDUE) == sorted(column(OVERDUE), reverse=True)
    table.horizontalHeader().setSortIndicator(ACCOUNT, Qt.SortOrder.AscendingOrder)
    assert page.additions.due_names() == sorted((d.account.name for d in due), key=str.casefold)
    table.horizontalHeader().setSortIndicator(TIER, Qt.SortOrder.AscendingOrder)
    assert column(TIER) == sorted(column(TIER))
    table.horizontalHeader().setSortIndicator(OVERDUE, Qt.SortOrder.AscendingOrder)
    assert column(OVERDUE) == sorted(column(OVERDUE))
    assert all(isinstance(days, int) and 0 <= days <= NEVER_VISITED for days in column(OVERDUE))


def test_the_due_table_never_scrolls_sideways_in_french_in_a_laptop_window(
    make_context: Callable[..., Any], qtbot: QtBot, qapp: Any
) -> None:
    from PySide6.QtCore import QLocale

    from ui.i18n import Languages
    from ui.main_window import MainWindow

    before = QLocale()  # restored after: later tests read times in the default locale
    languages = Languages(qapp)
    languages.apply("fr")
    QLocale.setDefault(QLocale("fr_CA"))
    try:
        window = MainWindow(make_context("field"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        page = window.today
        assert page is not None
        table = page.additions.due_list
        qtbot.waitUntil(lambda: table.model().rowCount() > 0)
        assert table.model().headerData(OVERDUE, Qt.Orientation.Horizontal) == "Retard"
        assert table.horizontalScrollBar().maximum() == 0
        assert not table.horizontalScrollBar().isVisible()
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width()
        assert table.columnWidth(ACCOUNT) >= 80  # the name keeps room to be read
        from ui.widgets.chip import CHIPS_ROLE, chips_width

        metrics = table.fontMetrics()
        for row in range(table.model().rowCount()):
            index = table.model().index(row, OVERDUE)
            chips = index.data(CHIPS_ROLE)  # "55 j" painted for "55 jours de retard"
            needed = (
                chips_width(metrics, chips) if chips else metrics.horizontalAdvance(index.data())
            )
            assert needed <= table.columnWidth(OVERDUE)
    finally:
        languages.clear()
        QLocale.setDefault(before)


def test_the_briefings_contacts_are_call_and_mail_links(
    make_context: Callable[..., Any], qtbot: QtBot, opened: list[str]
) -> None:
    from ui.pages.briefing import BriefingPane

    context = make_context("field")
    pane = BriefingPane(context)
    qtbot.addWidget(pane)
    box: list[tuple[str, list[Contact]]] = []

    def first_account_with_contacts(store: Any) -> tuple[str, list[Contact]]:
        account_id = str(
            store.scalar("SELECT account_id FROM contacts WHERE email IS NOT NULL LIMIT 1")
        )
        return account_id, contacts_of(store, account_id)

    context.tasks.read(first_account_with_contacts, box.append)
    qtbot.waitUntil(lambda: bool(box))
    account_id, contacts = box[0]
    with qtbot.waitSignal(pane.shown):
        pane.show_account(account_id)
    links = pane.contacts.links()
    assert links == [
        url for c in contacts for url in (tel_url(c.phone), mailto_url(c.email)) if url is not None
    ]
    assert any(link.startswith("mailto:") for link in links)
    pane.contacts.entry_label(0).linkActivated.emit(links[0])
    assert opened == [links[0]]
    assert len(pane.contacts.texts()) == len(contacts)


def test_a_short_legs_label_moves_beside_it_rather_than_hide_its_markers() -> None:
    from PySide6.QtCore import QSizeF

    from ui.widgets.route_map import place_labels

    label = [QSizeF(50, 16)]
    bounds = QRectF(-100, -100, 400, 200)
    [(long_leg, _)] = place_labels(  # type: ignore[misc]
        [QPointF(0, 0), QPointF(200, 0)], [(QPointF(0, 0), QPointF(200, 0))], [label], bounds
    )
    assert long_leg.center() == QPointF(100, 0)
    ends = [QPointF(0, 0), QPointF(30, 0)]
    [(short, _)] = place_labels(ends, [(ends[0], ends[1])], [label], bounds)  # type: ignore[misc]
    for end in ends:
        marker = QRectF(end.x() - MARKER_RADIUS, end.y() - MARKER_RADIUS, 22, 22)
        assert not short.intersects(marker)


def test_a_stop_without_coordinates_opens_as_a_search_for_its_address() -> None:
    from fieldapp.routing import Point
    from ui.links import stop_map_url

    here, there = Point(45.5, -73.6), Point(45.52, -73.58)
    assert stop_map_url(there, here, "ignored") == directions_url(here, there)
    assert stop_map_url(there, None, "ignored") == map_url(there)
    assert stop_map_url(None, here, "938 rue Saint-Hubert, Montréal") == (
        "https://www.openstreetmap.org/search?query=938+rue+Saint-Hubert%2C+Montr%C3%A9al"
    )
    assert stop_map_url(None, here, "  ") is None
