"""The route map's geometry, read from the canvas's model rather than its pixels: where
the leg labels go when stops are close together, and how a route along one street fits."""

from __future__ import annotations

import dataclasses
import math

import pytest
from PySide6.QtCore import QPointF, QRectF, QSizeF
from pytestqt.qtbot import QtBot
from test_plan_model import account, visit

from fieldapp.usecases.planning import PlannedStop
from fieldapp.usecases.route import RouteStop, route_stops
from ui.formatting import distance
from ui.widgets.route_map import MARKER_RADIUS, RouteCanvas, place_labels


def stops_at(*places: tuple[float, float]) -> list[RouteStop]:
    """A planned stop at each (latitude, longitude), in route order."""
    return route_stops(
        [
            PlannedStop(
                visit(f"s{number}", 8 + number),
                dataclasses.replace(account(f"s{number}", 0), latitude=lat, longitude=lon),
            )
            for number, (lat, lon) in enumerate(places)
        ]
    )


# A route like the one in the laptop screenshot: three shops a block or two apart in the
# middle of a few kilometres' day, so their legs are shorter on screen than their labels.
CLUSTERED = (
    (45.5000, -73.6000),
    (45.5150, -73.5800),
    (45.5175, -73.5790),
    (45.5160, -73.5765),
    (45.5185, -73.5750),
    (45.5300, -73.5600),
    (45.5290, -73.5635),
)


def canvas_showing(qtbot: QtBot, stops: list[RouteStop], width: int, height: int) -> RouteCanvas:
    canvas = RouteCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(width, height)
    canvas.set_stops(stops)
    canvas.layout_geometry()  # resize() of a hidden widget sends its event on show only
    assert canvas.width() == width
    return canvas


def hits_circle(box: QRectF, centre: QPointF, radius: float) -> bool:
    nearest_x = min(max(centre.x(), box.left()), box.right())
    nearest_y = min(max(centre.y(), box.top()), box.bottom())
    return math.hypot(centre.x() - nearest_x, centre.y() - nearest_y) < radius


@pytest.mark.parametrize(("width", "height"), [(360, 320), (300, 420), (460, 260), (220, 180)])
def test_leg_labels_clear_every_marker_and_each_other_when_stops_are_close(
    qtbot: QtBot, width: int, height: int
) -> None:
    canvas = canvas_showing(qtbot, stops_at(*CLUSTERED), width, height)
    assert len(canvas.markers) == len(CLUSTERED) and len(canvas.legs) == len(CLUSTERED) - 1
    boxes = [leg.label_box for leg in canvas.legs if leg.label_box is not None]
    assert len(boxes) >= len(canvas.legs) - 2  # the few left out are the exception
    inside = QRectF(canvas.rect())
    for box in boxes:
        assert inside.contains(box), box
        for marker in canvas.markers:
            assert not hits_circle(box, marker.centre, MARKER_RADIUS), (box, marker.number)
    for number, box in enumerate(boxes):
        for other in boxes[number + 1 :]:
            assert not box.intersects(other), (box, other)
    # Each leg still tells its distance: on its label, or in its tool tip when it has none.
    for leg in canvas.legs:
        assert leg.label == distance(leg.km)
        point = leg.label_box.center() if leg.label_box is not None else leg.middle
        tip = canvas.tip_at(point)
        assert leg.label in tip and f"{leg.from_number}" in tip, tip


def test_the_old_placement_was_the_bug_the_labels_once_hid_markers(qtbot: QtBot) -> None:
    """The close legs of CLUSTERED are shorter than their labels: centred on the leg (as
    the map once drew them) each label covers a marker, so the placement above is needed."""
    canvas = canvas_showing(qtbot, stops_at(*CLUSTERED), 360, 320)
    short = [leg for leg in canvas.legs if (leg.end - leg.start).manhattanLength() < 40]
    assert short
    for leg in short:
        assert leg.label_box is not None
        centred = QRectF(leg.label_box)
        centred.moveCenter(leg.middle)
        assert any(hits_circle(centred, m.centre, MARKER_RADIUS) for m in canvas.markers)
        assert leg.label_box.center() != leg.middle


def test_a_label_with_no_room_left_is_made_smaller_then_left_out() -> None:
    # Three markers in a row in a box hardly larger than them: no room beside the legs.
    markers = [QPointF(20, 20), QPointF(44, 20), QPointF(68, 20)]
    legs = [(markers[0], markers[1]), (markers[1], markers[2])]
    sizes = [[QSizeF(40, 16), QSizeF(34, 14)]] * 2
    assert place_labels(markers, legs, sizes, QRectF(0, 0, 90, 40)) == [None, None]
    # A little more room above and below: each label goes beside its leg.
    placed = place_labels(markers, legs, sizes, QRectF(0, -20, 90, 80))
    assert all(p is not None for p in placed)
    # Where only the smaller size fits, the smaller size is used.
    two_sizes = [[QSizeF(80, 16), QSizeF(30, 12)]]
    tight = place_labels(markers[:2], legs[:1], two_sizes, QRectF(0, -6, 64, 52))
    assert tight[0] is not None and tight[0][1] == 1


@pytest.mark.parametrize(
    ("places", "width", "height"),
    [
        # Shops along one east-west street, in a tall panel and in a wide one.
        ([(45.5, -73.60 + n * 0.006) for n in range(5)], 360, 520),
        ([(45.5, -73.60 + n * 0.006) for n in range(5)], 520, 300),
        # Along a north-south street.
        ([(45.50 + n * 0.004, -73.6) for n in range(5)], 520, 300),
        # Two shops in the same block.
        ([(45.5, -73.6), (45.50002, -73.60003)], 360, 320),
    ],
)
def test_a_route_along_one_street_is_centred_and_fills_the_map_along_the_street(
    qtbot: QtBot, places: list[tuple[float, float]], width: int, height: int
) -> None:
    canvas = canvas_showing(qtbot, stops_at(*places), width, height)
    xs = [m.centre.x() for m in canvas.markers]
    ys = [m.centre.y() for m in canvas.markers]
    centre = QRectF(canvas.rect()).center()
    assert abs((min(xs) + max(xs)) / 2 - centre.x()) < 0.5
    assert abs((min(ys) + max(ys)) / 2 - centre.y()) < 0.5
    # The street is drawn along most of the panel's room in its direction, the aspect kept
    # (the same pixels per kilometre east and north: no stretching to fill the other way).
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    room = min(width, height) * 0.5
    assert max(span_x, span_y) >= room or len(places) == 2
    lat = math.radians(places[0][0])
    km_x = (max(p[1] for p in places) - min(p[1] for p in places)) * 111.32 * math.cos(lat)
    km_y = (max(p[0] for p in places) - min(p[0] for p in places)) * 110.57
    if km_x and km_y:
        assert span_x / km_x == pytest.approx(span_y / km_y, rel=0.02)
    # Markers and labels stay inside; no label on a marker.
    inside = QRectF(canvas.rect())
    assert all(inside.contains(m.centre) for m in canvas.markers)
    for leg in canvas.legs:
        assert leg.label_box is not None and inside.contains(leg.label_box)
        assert not any(hits_circle(leg.label_box, m.centre, MARKER_RADIUS) for m in canvas.markers)


def test_a_legs_tool_tip_is_in_french_with_the_distance_in_french(
    qtbot: QtBot, qapp: object
) -> None:
    from PySide6.QtCore import QLocale

    from ui.i18n import Languages

    before = QLocale()  # restored after: later tests read numbers in the default locale
    languages = Languages(qapp)  # type: ignore[arg-type]
    assert languages.apply("fr") == "fr"
    QLocale.setDefault(QLocale("fr_CA"))
    try:
        canvas = canvas_showing(qtbot, stops_at(*CLUSTERED), 360, 320)
        leg = canvas.legs[0]
        assert leg.label_box is not None
        assert canvas.tip_at(leg.label_box.center()) == f"De l'arrêt 1 à l'arrêt 2\xa0: {leg.label}"
        assert "," in leg.label  # "2,3 km"
        assert canvas.tip_at(canvas.markers[0].centre) == "1. s0"
    finally:
        languages.clear()
        QLocale.setDefault(before)
