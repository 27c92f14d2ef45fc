"""The day's route drawn as a map: numbered stops where they are, the legs between them.

No tiles (the rep is often offline and a tile server is a dependency): the stops are
placed by an equirectangular projection fitted to their bounding box, which keeps the
shape of a city's route true to within a fraction of a percent. Markers are numbered in
route order, as the timeline is; each leg is labelled with its distance, the same
great-circle kilometres the timeline shows. A stop without coordinates cannot be placed:
the widget lists it under the map as having no location rather than dropping it.

The geometry is computed apart from the painting (``markers``, ``legs``), so tests and
hit-testing read where things are, not pixels. Colours are the current palette's, read
at each paint, so a switch to dark follows at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from fieldapp.usecases.route import RouteStop
from ui.formatting import distance, fill
from ui.theme.palette import Palette
from ui.theme.style import current_palette

MARGIN = 28.0  # px around the stops: a marker and its label stay inside
MARKER_RADIUS = 11.0
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
    label_box: QRectF  # where the label is painted

    @property
    def middle(self) -> QPointF:
        return (self.start + self.end) / 2


def label_box(start: QPointF, end: QPointF, width: float, height: float) -> QRectF:
    """The leg's label on its middle; beside the leg when the leg is too short on screen
    to hold it between its two markers (the label would hide them)."""
    box = QRectF(0, 0, width, height)
    middle = (start + end) / 2
    along = end - start
    length = math.hypot(along.x(), along.y())
    if length >= width + 2 * MARKER_RADIUS + 4 or length == 0:
        box.moveCenter(middle)
        return box
    # Perpendicular to the leg, far enough that the label clears both markers.
    normal = QPointF(-along.y() / length, along.x() / length)
    box.moveCenter(middle + normal * (MARKER_RADIUS + height))
    return box


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

    def layout_geometry(self) -> None:
        """Where each located stop and each leg goes in the widget as it is now."""
        area = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        located = [(n, s, s.point) for n, s in enumerate(self.stops, start=1) if s.point]
        self.markers, self.legs = [], []
        metrics = self.fontMetrics()
        if located and area.width() > 0 and area.height() > 0:
            project = Projection([(p.latitude, p.longitude) for _, _, p in located], area)
            previous: Marker | None = None
            for number, stop, point in located:
                marker = Marker(
                    number,
                    stop.visit.id,
                    stop.account.name,
                    project(point.latitude, point.longitude),
                    stop.movable,
                )
                if previous is not None and stop.leg_km is not None:
                    text = distance(stop.leg_km)
                    box = label_box(
                        previous.centre,
                        marker.centre,
                        metrics.horizontalAdvance(text) + 8,
                        metrics.height() + 2,
                    )
                    self.legs.append(Leg(previous.centre, marker.centre, stop.leg_km, text, box))
                self.markers.append(marker)
                previous = marker
        self.update()

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
        for leg in self.legs:
            box = leg.label_box
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
