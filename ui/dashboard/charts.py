"""The dashboard's two charts, drawn with pyqtgraph: visits per week by what became of them
(stacked bars), and coverage per tier (accounts visited in time, overdue, not due yet)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, QPointF, QSize, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from fieldapp.kpi import Dashboard
from ui.labels import figure_state_label, tier_label
from ui.theme.palette import CHART, Palette
from ui.theme.style import current_palette
from ui.widgets.styling import follow_palette

# Colours that read apart for most colour-blind people (Okabe-Ito), and in grey print.
# They live with the other colours in ui/theme/palette.py.
HELD = CHART["held"]
CANCELLED = CHART["cancelled"]
NO_SHOW = CHART["no_show"]
OPEN = CHART["open"]
COVERED = CHART["held"]
OVERDUE = CHART["no_show"]
NOT_DUE = CHART["not_due"]
BAR_WIDTH = 0.7


class StackedBars(pg.PlotWidget):  # type: ignore[misc]
    """Bars of several series stacked on each other, one bar per label, with a legend; a
    double-click on a bar asks for the records behind it."""

    bar_activated = Signal(int)  # the bar's index

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=current_palette().surface)
        # What was drawn last, drawn again on a light/dark switch (the title and legend
        # colours are the palette's at draw time).
        self._drawn: tuple[str, Sequence[str], Sequence[tuple[str, str, Sequence[float]]]] | None
        self._drawn = None
        self.setObjectName(name)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMinimumHeight(150)
        item = self.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)
        self.totals: list[float] = []  # each bar's height, for the tests and the tooltip
        self.series: dict[str, list[float]] = {}
        follow_palette(self, self._paint)

    def _paint(self, palette: Palette) -> None:
        self.setBackground(palette.surface)
        item = self.getPlotItem()
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(palette.text_secondary))
            axis.setTextPen(pg.mkPen(palette.text))
        if self._drawn is not None:
            self.draw(*self._drawn)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().toPoint())
        if index is not None:
            self.bar_activated.emit(index)
        event.accept()

    def bar_at(self, pos: QPoint) -> int | None:
        """The bar under a point of the widget, if any."""
        point = self.getPlotItem().vb.mapSceneToView(self.mapToScene(pos))
        index = round(point.x())
        inside = abs(point.x() - index) <= BAR_WIDTH / 2 and point.y() >= 0
        return index if inside and 0 <= index < len(self.totals) else None

    def bar_centre(self, index: int) -> QPoint:
        """Where bar ``index`` is on the widget, halfway up (for the tests, a person's
        double-click)."""
        centre = QPointF(index, max(self.totals[index] / 2, 0.01))
        scene = self.getPlotItem().vb.mapViewToScene(centre)
        found: QPoint = self.mapFromScene(scene)
        return found

    def sizeHint(self) -> QSize:
        # pyqtgraph asks for 480 px; the dashboard's scroll area grows to what its contents
        # prefer, so a modest preference keeps it on one 1366x768 screen.
        return QSize(420, 170)

    def draw(
        self,
        title: str,
        labels: Sequence[str],
        series: Sequence[tuple[str, str, Sequence[float]]],  # (name, colour, values)
    ) -> None:
        self._drawn = (title, labels, series)
        item = self.getPlotItem()
        item.clear()
        if item.legend is not None:
            item.legend.scene().removeItem(item.legend)
            item.legend = None
        item.setTitle(title, color=current_palette().text, size="10pt")
        # Four names do not fit one line of a half-screen chart in French: two columns.
        columns = len(series) if len(series) <= 3 else 2
        legend = item.addLegend(
            offset=(-4, 2),
            colCount=columns,
            labelTextColor=current_palette().text,
            labelTextSize="8pt",
        )
        legend.setBrush(pg.mkBrush(current_palette().surface))
        x = list(range(len(labels)))
        base = [0.0] * len(labels)
        self.series = {}
        for name, colour, values in series:
            heights = [float(v) for v in values]
            bars = pg.BarGraphItem(
                x=x,
                height=heights,
                y0=list(base),
                width=BAR_WIDTH,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen("w", width=0.5),
                name=name,
            )
            item.addItem(bars)
            base = [b + h for b, h in zip(base, heights, strict=True)]
            self.series[name] = heights
        self.totals = base
        top = max(base, default=0.0)
        # Room above the highest bar for the legend, and a whole-number axis.
        headroom = 1.45 if columns == len(series) else 1.8  # one or two lines of legend
        item.setYRange(0, max(top * headroom, 4), padding=0)
        item.setXRange(-0.6, max(len(labels) - 0.4, 0.6), padding=0)
        step = max(1, -(-len(labels) // 6))  # six labels at most: they must not overlap
        ticks = [(i, label) for i, label in enumerate(labels) if i % step == 0]
        item.getAxis("bottom").setTicks([ticks, []])


class VisitsTrend(StackedBars):
    def show_board(self, board: Dashboard) -> None:
        weeks = board.visits.by_week
        self.draw(
            QCoreApplication.translate("DashboardCharts", "Visits per week"),
            [day_and_month(monday) for monday, _ in weeks],
            [
                (figure_state_label("held"), HELD, [len(t.held) for _, t in weeks]),
                (figure_state_label("cancelled"), CANCELLED, [len(t.cancelled) for _, t in weeks]),
                (figure_state_label("no_show"), NO_SHOW, [len(t.no_show) for _, t in weeks]),
                (figure_state_label("open"), OPEN, [len(t.open) for _, t in weeks]),
            ],
        )


class CoverageChart(StackedBars):
    def show_board(self, board: Dashboard) -> None:
        tiers = board.coverage.tiers
        self.draw(
            QCoreApplication.translate("DashboardCharts", "Coverage per tier (accounts)"),
            [tier_label(t.tier or "") for t in tiers],
            [
                (figure_state_label("covered"), COVERED, [len(t.covered) for t in tiers]),
                (figure_state_label("overdue"), OVERDUE, [len(t.overdue) for t in tiers]),
                (
                    figure_state_label("not_due_yet"),
                    NOT_DUE,
                    [len(t.not_due_yet) for t in tiers],
                ),
            ],
        )


def day_and_month(day: date) -> str:
    """A week's Monday, short enough for an axis: "5 Oct", "5 oct."."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")
