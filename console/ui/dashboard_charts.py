"""The dashboard's charts: online viewers (1 Hz), GMV running total, GMV and orders per minute,
comments and likes per minute, under a lane of segment and product blocks; the show's markers
on every chart; time in local wall time, x linked across all of them.

One GraphicsLayoutWidget (one view to paint). Curves are clipped to the view and peak-
downsampled (notes/qt.md); a series is set only when the StatsView brings a new one. Wheel and
drag move time only; the y axes follow what is visible."""

from __future__ import annotations

import bisect

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QGraphicsItem, QToolTip, QWidget

from console.reports.format import clock_text, number_text
from console.services.stats_service import (
    COMMENTS_MINUTE,
    DROPPED,
    EMPTY,
    EXPLAIN,
    FLASH_SALE,
    GMV_MINUTE,
    GMV_TOTAL,
    LIKES_MINUTE,
    MUTE,
    ONLINE,
    ORDERS_MINUTE,
    SCENE,
    SEGMENT,
    Marker,
    StatsView,
)
from console.ui.dashboard_cards import count_text, money_text
from console.ui.dashboard_markers import MarkerBands, MarkerLane, MarkerLines, MinuteBars, over

BACKGROUND = "#0d1117"
FOREGROUND = "#8b949e"
AXIS_WIDTH = 72  # every left axis as wide, so that the charts line up
BG = QColor(BACKGROUND)
COLORS = {  # opaque: see dashboard_markers
    ONLINE: "#58a6ff",
    GMV_TOTAL: "#3fb950",
    GMV_MINUTE: over(QColor(63, 185, 80, 170), BG),
    ORDERS_MINUTE: over(QColor(210, 153, 34, 190), BG),
    COMMENTS_MINUTE: "#a371f7",
    LIKES_MINUTE: "#f778ba",
    EXPLAIN: over(QColor(88, 166, 255, 38), BG),
    FLASH_SALE: over(QColor(240, 180, 41, 60), BG),
    MUTE: over(QColor(248, 81, 73, 80), BG),
    SCENE: over(QColor(139, 148, 158, 110), BG),
    SEGMENT: over(QColor(163, 113, 247, 190), BG),
    DROPPED: QColor(248, 81, 73),
}
BAND_Z = {EXPLAIN: -12, FLASH_SALE: -11, MUTE: -10}  # a flash sale shows over its product
CHARTS = ("online", "gmv_total", "gmv_minute", "orders", "chat")
MINUTE_S = 60.0
OPEN = 1e12  # the end of a span still open (epoch seconds, far beyond any view)
# Per-minute lines leave out the minute still running: its few seconds would read as a fall.
# (The bars keep it: a bar still filling reads as one.)
PARTIAL_HIDDEN = (COMMENTS_MINUTE, LIKES_MINUTE)


class _NumberAxis(pg.AxisItem):
    """Plain numbers grouped as the locale groups them ("1,200,000"), never "1.2e+06" nor an SI
    prefix."""

    def __init__(self, orientation: str):
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        decimals = 0 if spacing >= 1 else min(3, int(np.ceil(-np.log10(spacing))))
        return [number_text(float(v) * scale, decimals) for v in values]


def _fast(curve: pg.PlotDataItem) -> None:
    """Only the part in view, and at most ~2 peak pairs a pixel (notes/qt.md)."""
    curve.setClipToView(True)
    curve.setDownsampling(auto=True, method="peak")
    curve.opts["autoDownsampleFactor"] = 2.0  # pyqtgraph's default draws 5 a pixel


def _shades(color: QColor) -> tuple[QColor, QColor]:
    strong, weak = QColor(color), QColor(color)
    strong.setAlpha(120)
    weak.setAlpha(75)
    return over(strong, BG), over(weak, BG)


def _blank(axis: pg.AxisItem) -> None:
    """A right axis that only keeps the charts' widths equal."""
    axis.setStyle(showValues=False, tickLength=0)
    axis.setPen(pg.mkPen(None))
    axis.setWidth(AXIS_WIDTH)
    _cache(axis)


def _cache(axis: pg.AxisItem) -> None:
    # An axis repaints its text whenever anything under it does (a curve's new point):
    # ~1.7 ms each, 13 of them, unless it is kept as a pixmap until its own range changes.
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def _clock(seconds: float) -> str:
    return clock_text(int(seconds * 1000))


class DashboardCharts(pg.GraphicsLayoutWidget):
    panned = Signal()  # the user moved or zoomed the time axis
    hovered = Signal(str)  # what is under the mouse, worded; "" once it left the charts

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setBackground(BACKGROUND)
        self.view: StatsView | None = None
        self._drawn: dict[str, object] = {}  # series name -> the Series drawn
        self.lane = self.addPlot(row=0, col=0, axisItems={"left": pg.AxisItem("left")})
        self.ci.layout.setRowMaximumHeight(0, 46)
        self._setup_lane()
        self.plots: dict[str, pg.PlotItem] = {}
        self.bands: dict[str, list[MarkerBands]] = {EXPLAIN: [], FLASH_SALE: [], MUTE: []}
        self.lines: dict[str, list[MarkerLines]] = {SCENE: [], SEGMENT: [], DROPPED: []}
        self.crosshairs: list[pg.InfiniteLine] = []
        titles = {
            "online": self.tr("Online viewers"),
            "gmv_total": self.tr("GMV, running total (¥)"),
            "gmv_minute": self.tr("GMV per minute (¥)"),
            "orders": self.tr("Orders per minute"),
            "chat": self.tr("Comments per minute"),
        }
        for row, key in enumerate(CHARTS, start=1):
            self.plots[key] = self._add_chart(row, titles[key], last=key == CHARTS[-1])
        self.curves = {
            ONLINE: self._curve(self.plots["online"], COLORS[ONLINE], titles["online"]),
            GMV_TOTAL: self._curve(self.plots["gmv_total"], COLORS[GMV_TOTAL], titles["gmv_total"]),
            COMMENTS_MINUTE: self._curve(
                self.plots["chat"], COLORS[COMMENTS_MINUTE], titles["chat"]
            ),
        }
        self.bars = {
            GMV_MINUTE: self._bars(
                self.plots["gmv_minute"], COLORS[GMV_MINUTE], titles["gmv_minute"]
            ),
            ORDERS_MINUTE: self._bars(
                self.plots["orders"], COLORS[ORDERS_MINUTE], titles["orders"]
            ),
        }
        self._add_likes_axis(self.plots["chat"])
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # -- building ------------------------------------------------------------------------------
    def _setup_lane(self) -> None:
        lane = self.lane
        lane.hideAxis("bottom")
        lane.hideButtons()
        lane.setMenuEnabled(False)
        lane.setMouseEnabled(x=True, y=False)
        lane.enableAutoRange(x=False, y=False)
        lane.setYRange(0, 2, padding=0)
        left = lane.getAxis("left")
        left.setWidth(AXIS_WIDTH)
        left.setTicks([[(0.5, self.tr("Products")), (1.5, self.tr("Segments"))], []])
        left.setPen(pg.mkPen(FOREGROUND))
        lane.showAxis("right")
        _blank(lane.getAxis("right"))
        text = QColor("#e6edf3")
        purple, blue = QColor(163, 113, 247), QColor(88, 166, 255)
        self.segment_lane = MarkerLane(1, _shades(purple), text)
        self.product_lane = MarkerLane(0, _shades(blue), text)
        for item in (self.segment_lane, self.product_lane):
            lane.addItem(item, ignoreBounds=True)
        _cache(left)
        lane.vb.sigRangeChangedManually.connect(self._on_view_range_changed_manually)

    def _add_chart(self, row: int, title: str, last: bool) -> pg.PlotItem:
        plot = self.addPlot(
            row=row,
            col=0,
            axisItems={
                "bottom": pg.DateAxisItem(orientation="bottom"),
                "left": _NumberAxis("left"),
                "right": _NumberAxis("right"),
            },
        )
        plot.setXLink(self.lane)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.enableAutoRange(x=False, y=True)
        plot.setAutoVisible(y=True)
        for side in ("left", "bottom"):
            plot.getAxis(side).setPen(pg.mkPen(FOREGROUND))
            plot.getAxis(side).setTextPen(pg.mkPen(FOREGROUND))
        plot.getAxis("left").setWidth(AXIS_WIDTH)
        plot.showAxis("right")
        _blank(plot.getAxis("right"))
        if not last:
            plot.hideAxis("bottom")
        for side in ("left", "right", "bottom"):
            _cache(plot.getAxis(side))
        plot.addLegend(offset=(4, 2), brush=pg.mkBrush("#161b22"), labelTextColor="#c9d1d9")
        for kind in self.bands:
            item = MarkerBands(COLORS[kind], BAND_Z[kind])
            plot.addItem(item, ignoreBounds=True)
            self.bands[kind].append(item)
        styles = {SCENE: Qt.PenStyle.DotLine, SEGMENT: Qt.PenStyle.DashLine}
        for kind in self.lines:
            item = MarkerLines(COLORS[kind], styles.get(kind, Qt.PenStyle.SolidLine))
            plot.addItem(item, ignoreBounds=True)
            self.lines[kind].append(item)
        cross = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(200, 200, 200, 90))
        cross.setVisible(False)
        plot.addItem(cross, ignoreBounds=True)
        self.crosshairs.append(cross)
        plot.vb.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        return plot

    @staticmethod
    def _curve(plot: pg.PlotItem, color, name: str) -> pg.PlotDataItem:
        # Width 1: a wider line is stroked, several times slower than a cosmetic hairline.
        curve = plot.plot(pen=pg.mkPen(color, width=1), name=name)
        _fast(curve)
        return curve

    @staticmethod
    def _bars(plot: pg.PlotItem, color, name: str) -> MinuteBars:
        bars = MinuteBars(color, MINUTE_S)
        plot.addItem(bars)
        plot.legend.addItem(bars, name)
        return bars

    def _add_likes_axis(self, plot: pg.PlotItem) -> None:
        """Likes run ~30× the comments: their own axis on the right of the same chart."""
        self.likes_box = box = pg.ViewBox(enableMenu=False)
        plot.scene().addItem(box)
        box.setZValue(self.ci.zValue() + 1)  # over the chart's opaque bands
        right = plot.getAxis("right")
        right.setStyle(showValues=True, tickLength=-5)
        right.setPen(pg.mkPen(FOREGROUND))
        right.setTextPen(pg.mkPen(FOREGROUND))
        right.linkToView(box)
        box.setXLink(plot)
        box.setMouseEnabled(x=True, y=False)
        box.enableAutoRange(x=False, y=True)
        box.setAutoVisible(y=True)
        likes = pg.PlotDataItem(pen=pg.mkPen(COLORS[LIKES_MINUTE], width=1))
        _fast(likes)
        box.addItem(likes)
        plot.legend.addItem(likes, self.tr("Likes per minute (right axis)"))
        plot.legend.setParentItem(box)  # over the likes too
        self.curves[LIKES_MINUTE] = likes
        plot.vb.sigResized.connect(self._on_chat_resized)
        box.sigRangeChangedManually.connect(self._on_view_range_changed_manually)

    def _on_chat_resized(self) -> None:
        self.likes_box.setGeometry(self.plots["chat"].vb.sceneBoundingRect())

    # -- showing -------------------------------------------------------------------------------
    def show_view(self, view: StatsView) -> None:
        self.view = view
        for name, curve in self.curves.items():
            s = view.series.get(name, EMPTY)
            if self._drawn.get(name) is not s:
                x, y = s.x, s.y / 100 if name == GMV_TOTAL else s.y
                if name in PARTIAL_HIDDEN and len(x) and x[-1] + MINUTE_S > view.end_ms / 1000:
                    x, y = x[:-1], y[:-1]
                curve.setData(x, y, skipFiniteCheck=True)
                self._drawn[name] = s
        for name, bars in self.bars.items():
            s = view.series.get(name, EMPTY)
            if self._drawn.get(name) is not s:
                y = s.y / 100 if name == GMV_MINUTE else s.y
                bars.set_bars(s.x, y)
                self._drawn[name] = s
        self._show_markers(view)

    def _show_markers(self, view: StatsView) -> None:
        if view.markers == self._drawn.get("markers"):
            return  # the items repaint only when something of theirs changed
        self._drawn["markers"] = view.markers
        by_kind: dict[str, list[Marker]] = {}
        for marker in view.markers:
            by_kind.setdefault(marker.kind, []).append(marker)

        def spans(kind: str):
            # Still open: to the right edge, whatever it is (not to now, which moves each
            # update and would repaint every band).
            ms = by_kind.get(kind, [])
            starts = [x.start_ms / 1000 for x in ms]
            ends = [OPEN if x.end_ms is None else x.end_ms / 1000 for x in ms]
            return starts, ends, [x.label for x in ms]

        for kind, items in self.bands.items():
            starts, ends, _ = spans(kind)
            for item in items:
                item.set_spans(starts, ends)
        for kind, items in self.lines.items():
            starts = spans(kind)[0]
            for item in items:
                item.set_moments(starts)
        self.segment_lane.set_blocks(*spans(SEGMENT))
        self.product_lane.set_blocks(*spans(EXPLAIN))

    def marker_counts(self) -> dict[str, int]:
        """How many markers of each kind the charts draw (one chart's worth)."""
        counts = {kind: len(items[0]) for kind, items in self.bands.items()}
        counts.update({kind: len(items[0]) for kind, items in self.lines.items()})
        return counts

    # -- time range ----------------------------------------------------------------------------
    def show_range(self, x0: float, x1: float) -> None:
        """Show [x0, x1] (epoch seconds) on every chart."""
        if x1 > x0:
            self.lane.setXRange(x0, x1, padding=0)

    def x_range(self) -> tuple[float, float]:
        return tuple(self.lane.vb.viewRange()[0])

    def _on_view_range_changed_manually(self, *args) -> None:
        self.panned.emit()

    # -- hover ---------------------------------------------------------------------------------
    def _on_scene_mouse_moved(self, pos) -> None:
        boxes = [self.lane.vb, *(p.vb for p in self.plots.values())]
        box = next((b for b in boxes if b.sceneBoundingRect().contains(pos)), None)
        if box is None or self.view is None:
            for cross in self.crosshairs:
                cross.setVisible(False)
            self.hovered.emit("")
            QToolTip.hideText()
            return
        x = box.mapSceneToView(pos).x()
        for cross in self.crosshairs:
            cross.setPos(x)
            cross.setVisible(True)
        text, markers = self.details_at(x)
        self.hovered.emit(text)
        if markers:
            QToolTip.showText(QCursor.pos(), "\n".join(markers), self)
        else:
            QToolTip.hideText()

    def details_at(self, x: float) -> tuple[str, list[str]]:
        """The numbers at time x (epoch seconds), worded on one line, and the markers there."""
        view = self.view
        if view is None:
            return "", []
        parts = [_clock(x)]
        online = _at(view.series.get(ONLINE, EMPTY), x)
        total = _at(view.series.get(GMV_TOTAL, EMPTY), x)
        minute = _minute(x)
        parts.append(self.tr("Online {0}").format(count_text(online)))
        parts.append(self.tr("GMV {0}").format(money_text(total)))
        gmv = _exact(view.series.get(GMV_MINUTE, EMPTY), minute)
        orders = _exact(view.series.get(ORDERS_MINUTE, EMPTY), minute)
        parts.append(
            self.tr("this minute {0}, {1} orders").format(money_text(gmv), count_text(orders))
        )
        comments = _exact(view.series.get(COMMENTS_MINUTE, EMPTY), minute)
        likes = _exact(view.series.get(LIKES_MINUTE, EMPTY), minute)
        parts.append(
            self.tr("{0} comments, {1} likes").format(count_text(comments), count_text(likes))
        )
        markers = self.markers_at(x)
        return " · ".join(parts + markers), markers

    def markers_at(self, x: float) -> list[str]:
        view = self.view
        now = view.now_ms / 1000
        slack = 4 * (self.lane.vb.viewPixelSize()[0] or 0.0)  # a moment within 4 pixels
        out = []
        for mk in view.markers:
            start = mk.start_ms / 1000
            if mk.kind in (SCENE, DROPPED):
                if abs(start - x) <= slack:
                    out.append(self._moment_text(mk))
                continue
            end = now if mk.end_ms is None else mk.end_ms / 1000
            if start - slack <= x <= end + slack:
                out.append(self._span_text(mk, start, None if mk.end_ms is None else end))
        return out

    def _span_text(self, mk: Marker, start: float, end: float | None) -> str:
        until = self.tr("now") if end is None else _clock(end)
        if mk.kind == EXPLAIN:
            text = self.tr("Explaining {0}, {1}–{2}")
        elif mk.kind == SEGMENT:
            text = self.tr("Segment {0}, {1}–{2}")
        elif mk.kind == FLASH_SALE:
            text = self.tr("Flash sale {0}, {1}–{2}")
        else:
            text = self.tr("Muted {0}, {1}–{2}")
        return text.format(mk.label, _clock(start), until)

    def _moment_text(self, mk: Marker) -> str:
        at = _clock(mk.start_ms / 1000)
        if mk.kind == SCENE:
            return self.tr("Scene {0} at {1}").format(mk.label, at)
        if mk.value is None:
            return self.tr("Dropped frames at {0}").format(at)
        pct = number_text(mk.value, 1)
        return self.tr("Dropped frames {0}% at {1}").format(pct, at)


def _at(series, x: float) -> float | None:
    """The last value at or before x."""
    i = bisect.bisect_right(series.x, x)
    return float(series.y[i - 1]) if i else None


def _minute(x: float) -> float:
    return x // MINUTE_S * MINUTE_S


def _exact(series, x: float) -> float | None:
    i = bisect.bisect_left(series.x, x)
    return float(series.y[i]) if i < len(series) and series.x[i] == x else None
