"""The day's route drawn as a map: numbered stops where they are, the legs between them.

No tiles (the rep is often offline and a tile server is a dependency): the stops are
placed by an equirectangular projection fitted to their bounding box, which keeps the
shape of a city's route true to within a fraction of a percent. Markers are numbered in
route order, as the timeline is; each leg is labelled with its distance, the same
great-circle kilometres the timeline shows, placed where it covers no marker and no other
label (``place_labels``; a leg with no room left keeps its distance in its tool tip). A
stop without coordinates cannot be placed: the widget lists it under the map as having no
location rather than dropping it.

The geometry is computed apart from the painting (``markers``, ``legs`` and their label
boxes), so tests, tool tips and hit-testing read where things are, not pixels. Colours
are the current palette's, read at each paint, so a switch to dark follows at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from fieldapp.usecases.route import RouteStop
from ui.formatting import distance, fill
from ui.theme.palette import Palette
from ui.theme.style import current_palette

MARGIN = 28.0  # px around the stops: a marker and its label stay inside
MARKER_RADIUS = 11.0
LABEL_GAP = 3.0  # px a label keeps from a marker and from the leg it stands beside
SMALL_LABEL = 0.85  # the smaller font's size, for a label the full size finds no room for
# Stops closer than this (in degrees) are one place: the box still needs a size.
MIN_SPAN = 0.002


@dataclass(frozen=True, slots=True)
class Marker:
    number: int  # 1-based, in route order (the timeline's order)
    visit_id: str
    name: str
    centre: QPointF
    movable: bool  # planned; the others are where the rep has been


@dataclass(frozen=True, slots=True)
class Leg:
    start: QPointF
    end: QPointF
    km: float
    label: str  # the distance, in the user's locale
    # Where the label is painted; None when no place clears the markers and the other
    # labels (the distance is then in the leg's tool tip only).
    label_box: QRectF | None
    small: bool = False  # painted in the smaller font, the only size that found room
    from_number: int = 0  # the markers it joins
    to_number: int = 0

    @property
    def middle(self) -> QPointF:
        return (self.start + self.end) / 2


def _centred(centre: QPointF, size: QSizeF) -> QRectF:
    box = QRectF(QPointF(0, 0), size)
    box.moveCenter(centre)
    return box


def label_candidates(start: QPointF, end: QPointF, size: QSizeF) -> Iterator[QRectF]:
    """Where a leg's label may go, best first (of places that read as well): on the
    leg's middle, then elsewhere along it, then beside it, on either side, further and
    further out, then in a ring round it."""
    along = end - start
    length = math.hypot(along.x(), along.y())
    unit = along / length if length else QPointF(1, 0)
    normal = QPointF(-unit.y(), unit.x())
    # How far the box's centre must be from the leg for the box to clear the line.
    clear = abs(normal.x()) * size.width() / 2 + abs(normal.y()) * size.height() / 2 + LABEL_GAP
    for t in (0.5, 0.35, 0.65, 0.2, 0.8):
        yield _centred(start + along * t, size)
    for reach in (0.0, MARKER_RADIUS, 2 * MARKER_RADIUS, 4 * MARKER_RADIUS):
        for t in (0.5, 0.3, 0.7, 0.0, 1.0):
            for side in (1.0, -1.0):
                yield _centred(start + along * t + normal * (side * (clear + reach)), size)
    # Then all round the leg's middle (past its ends too), for a leg hemmed in beside.
    middle = (start + end) / 2
    for radius in (length / 2 + MARKER_RADIUS + size.height(), length / 2 + 3 * MARKER_RADIUS):
        for step in range(16):
            angle = math.pi * step / 8
            yield _centred(middle + QPointF(math.cos(angle), math.sin(angle)) * radius, size)


def _hits_marker(box: QRectF, centre: QPointF) -> bool:
    nearest = QPointF(
        min(max(centre.x(), box.left()), box.right()),
        min(max(centre.y(), box.top()), box.bottom()),
    )
    offset = centre - nearest
    return math.hypot(offset.x(), offset.y()) < MARKER_RADIUS + LABEL_GAP


def _crosses(box: QRectF, start: QPointF, end: QPointF) -> bool:
    """Whether the segment passes through the box (Liang-Barsky clipping)."""
    low, high = 0.0, 1.0
    dx, dy = end.x() - start.x(), end.y() - start.y()
    for step, room in (
        (-dx, start.x() - box.left()),
        (dx, box.right() - start.x()),
        (-dy, start.y() - box.top()),
        (dy, box.bottom() - start.y()),
    ):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def place_labels(
    markers: Sequence[QPointF],
    legs: Sequence[tuple[QPointF, QPointF]],
    sizes: Sequence[Sequence[QSizeF]],
    bounds: QRectF,
) -> list[tuple[QRectF, int] | None]:
    """A box for each leg's label, inside ``bounds``, clear of every marker and of the
    labels already placed, with the index of the size it took in the leg's ``sizes``
    (full, then smaller); None for a leg no size finds room for.

    Of the free places, the one that reads as this leg's: nearest its line, not across
    another leg, not nearer another leg than its own. The shortest legs are placed first:
    they have the fewest places left once their neighbours are labelled."""
    placed: list[tuple[QRectF, int] | None] = [None] * len(legs)
    taken: list[QRectF] = []

    def free(box: QRectF) -> bool:
        return (
            bounds.contains(box)
            and not any(_hits_marker(box, centre) for centre in markers)
            and not any(box.adjusted(-1, -1, 1, 1).intersects(other) for other in taken)
        )

    def cost(box: QRectF, number: int) -> float:
        centre = box.center()
        own = _distance_to_segment(centre, *legs[number])
        others = [leg for n, leg in enumerate(legs) if n != number]
        nearest = min((_distance_to_segment(centre, *leg) for leg in others), default=math.inf)
        crossing = any(_crosses(box, *leg) for leg in others)
        return own + (1000.0 if crossing else 0.0) + (300.0 if nearest < own else 0.0)

    def screen_length(number: int) -> float:
        start, end = legs[number]
        return math.hypot(end.x() - start.x(), end.y() - start.y())

    for number in sorted(range(len(legs)), key=screen_length):
        for which, size in enumerate(sizes[number]):
            room = [b for b in label_candidates(*legs[number], size) if free(b)]
            if room:
                box = min(room, key=partial(cost, number=number))  # first of equals
                placed[number] = (box, which)
                taken.append(box)
                break
    return placed


def _distance_to_segment(point: QPointF, start: QPointF, end: QPointF) -> float:
    along = end - start
    squared = along.x() ** 2 + along.y() ** 2
    t = 0.0
    if squared:
        offset = point - start
        t = min(max((offset.x() * along.x() + offset.y() * along.y()) / squared, 0.0), 1.0)
    nearest = start + along * t
    return math.hypot(point.x() - nearest.x(), point.y() - nearest.y())


class Projection:
    """Latitude/longitude to widget pixels: longitude scaled by the cosine of the box's
    middle latitude (equirectangular), then the box fitted into the area, keeping its
    aspect and centred."""

    def __init__(self, points: Sequence[tuple[float, float]], area: QRectF) -> None:
        lats = [lat for lat, _ in points]
        lons = [lon for _, lon in points]
        self.scale_x = math.cos(math.radians((min(lats) + max(lats)) / 2))
        middle_lat = (min(lats) + max(lats)) / 2
        middle_x = (min(lons) + max(lons)) / 2 * self.scale_x
        span_x = max((max(lons) - min(lons)) * self.scale_x, MIN_SPAN)
        span_y = max(max(lats) - min(lats), MIN_SPAN)
        self.pixels_per_degree = min(area.width() / span_x, area.height() / span_y)
        self.centre = area.center()
        self.middle = (middle_x, middle_lat)

    def __call__(self, latitude: float, longitude: float) -> QPointF:
        x = (longitude * self.scale_x - self.middle[0]) * self.pixels_per_degree
        y = (latitude - self.middle[1]) * self.pixels_per_degree
        return QPointF(self.centre.x() + x, self.centre.y() - y)  # north is up


class RouteCanvas(QWidget):
    stop_clicked = Signal(str)  # visit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeMapCanvas")
        # Low enough for the Today page to fit a 125 % laptop screen's 614 px in height,
        # with room left for the page's message and its Undo notice.
        self.setMinimumSize(220, 80)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stops: tuple[RouteStop, ...] = ()
        self.markers: list[Marker] = []
        self.legs: list[Leg] = []
        self.selected: str | None = None
        self.palette_override: Palette | None = None  # tests paint both palettes

    def sizeHint(self) -> QSize:
        return QSize(260, 320)

    def set_stops(self, stops: Sequence[RouteStop]) -> None:
        self.stops = tuple(stops)
        self.layout_geometry()

    def select(self, visit_id: str | None) -> None:
        self.selected = visit_id
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.layout_geometry()

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * SMALL_LABEL)
        return font

    def layout_geometry(self) -> None:
        """Where each located stop, each leg and each leg's label goes in the widget as it
        is now."""
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        located = [(n, s, s.point) for n, s in enumerate(self.stops, start=1) if s.point]
        self.markers, self.legs = [], []
        if located and area.width() > 0 and area.height() > 0:
            project = Projection([(p.latitude, p.longitude) for _, _, p in located], area)
            self.markers = [
                Marker(
                    number,
                    stop.visit.id,
                    stop.account.name,
                    project(point.latitude, point.longitude),
                    stop.movable,
                )
                for number, stop, point in located
            ]
            self.legs = self._labelled_legs([stop for _, stop, _ in located])
        self.update()

    def _labelled_legs(self, located: Sequence[RouteStop]) -> list[Leg]:
        joined = [
            (before, after, stop.leg_km)
            for before, after, stop in zip(
                self.markers, self.markers[1:], located[1:], strict=False
            )
            if stop.leg_km is not None
        ]
        texts = [distance(km) for _, _, km in joined]
        fonts = (QFontMetricsF(self.font()), QFontMetricsF(self.small_font()))
        sizes = [
            [QSizeF(m.horizontalAdvance(text) + 8, m.height() + 2) for m in fonts] for text in texts
        ]
        # Inside the widget, its 1-px border left alone.
        bounds = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        placed = place_labels(
            [m.centre for m in self.markers],
            [(a.centre, b.centre) for a, b, _ in joined],
            sizes,
            bounds,
        )
        return [
            Leg(
                before.centre,
                after.centre,
                km,
                text,
                where[0] if where else None,
                bool(where and where[1] > 0),
                before.number,
                after.number,
            )
            for (before, after, km), text, where in zip(joined, texts, placed, strict=True)
        ]

    def leg_at(self, position: QPointF) -> Leg | None:
        """The leg under a point: on its label, or within a few pixels of its line."""
        for leg in self.legs:
            if leg.label_box is not None and leg.label_box.contains(position):
                return leg
        for leg in self.legs:
            if _distance_to_segment(position, leg.start, leg.end) <= 5:
                return leg
        return None

    def tip_at(self, position: QPointF) -> str:
        """The tool tip at a point: a stop's number and name, or a leg's distance (the
        only place a distance shows when its label found no room)."""
        marker = self.marker_at(position)
        if marker is not None:
            return fill(
                QCoreApplication.translate("RouteMap", "%1. %2"), marker.number, marker.name
            )
        leg = self.leg_at(position)
        if leg is None:
            return ""
        return fill(
            self.tr("From stop %1 to stop %2: %3"), leg.from_number, leg.to_number, leg.label
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def marker_at(self, position: QPointF) -> Marker | None:
        """The marker under a point (the last drawn wins, as on screen)."""
        for marker in reversed(self.markers):
            offset = position - marker.centre
            if math.hypot(offset.x(), offset.y()) <= MARKER_RADIUS + 2:
                return marker
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        marker = self.marker_at(event.position())
        if marker is not None:
            self.stop_clicked.emit(marker.visit_id)
        super().mousePressEvent(event)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_override or current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(palette.surface))
        painter.setPen(QPen(QColor(palette.border), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        if not self.markers:
            painter.setPen(QColor(palette.text_secondary))
            painter.drawText(
                self.rect(),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.tr("No stop of this day has a location."),
            )
            painter.end()
            return
        self._paint_legs(painter, palette)
        self._paint_markers(painter, palette)
        painter.end()

    def _paint_legs(self, painter: QPainter, palette: Palette) -> None:
        painter.setPen(QPen(QColor(palette.accent), 2.0, Qt.PenStyle.SolidLine))
        for leg in self.legs:
            painter.drawLine(leg.start, leg.end)
        fonts = (QFont(self.font()), self.small_font())
        for leg in self.legs:
            box = leg.label_box
            if box is None:
                continue  # no room: the distance is in the leg's tool tip
            painter.setFont(fonts[leg.small])
            painter.setPen(QPen(QColor(palette.border), 1))
            painter.setBrush(QColor(palette.surface))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor(palette.text))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), leg.label)

    def _paint_markers(self, painter: QPainter, palette: Palette) -> None:
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        for marker in self.markers:
            chosen = marker.visit_id == self.selected
            fill_colour = palette.accent if marker.movable else palette.text_secondary
            ring = palette.text if chosen else palette.surface
            painter.setPen(QPen(QColor(ring), 3 if chosen else 2))
            painter.setBrush(QColor(fill_colour))
            painter.drawEllipse(marker.centre, MARKER_RADIUS, MARKER_RADIUS)
            painter.setPen(QColor(palette.accent_text))
            box = QRectF(0, 0, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
            box.moveCenter(marker.centre)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(marker.number))


class RouteMap(QWidget):
    """The canvas and, under it, the stops it could not place."""

    stop_clicked = Signal(str)  # visit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeMap")
        self.canvas = RouteCanvas()
        self.canvas.stop_clicked.connect(self.stop_clicked)
        self.unplaced_label = QLabel()
        self.unplaced_label.setObjectName("routeMapUnplaced")
        self.unplaced_label.setTextFormat(Qt.TextFormat.PlainText)  # account names
        self.unplaced_label.setWordWrap(True)
        self.unplaced_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.unplaced_label)

    def set_stops(self, stops: Sequence[RouteStop]) -> None:
        self.canvas.set_stops(stops)
        unplaced = [
            fill(self.tr("%1. %2"), number, stop.account.name)
            for number, stop in enumerate(stops, start=1)
            if stop.point is None
        ]
        self.unplaced_label.setText(
            fill(self.tr("No location: %1"), "; ".join(unplaced)) if unplaced else ""
        )
        self.unplaced_label.setVisible(bool(unplaced))

    def select(self, visit_id: str | None) -> None:
        self.canvas.select(visit_id)
