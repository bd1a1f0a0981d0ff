"""The dashboard charts' own graphics items: what happened on the show — shaded bands (explain
windows, flash sales, mic mutes), vertical lines (scene changes, segment starts, dropped frames),
the lane of segment and product blocks with their names — and the per-minute bars.

One item draws every marker of a kind, only those in view: a 12-hour show has hundreds of
markers per chart, and one pyqtgraph item each would cost more to paint than the curves.
Markers take no part in auto-ranging (added with ignoreBounds).

Measured on the project's machines (software raster): filling with a translucent colour costs
~25× an opaque one, and rectangles given in epoch seconds (a huge world transform) much more
than the same in pixels. So fills are opaque (blended with the background beforehand) and
drawn in device pixels; pyqtgraph's BarGraphItem took 30 ms a paint for 720 minutes (and one
polygon of them, 145 ms); lines in one path are the fast case."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPen


class _InView(pg.GraphicsObject):
    """Covers the view it is in; subclasses paint what falls in it."""

    def __init__(self):
        super().__init__()
        self.starts = np.empty(0)
        self.ends = np.empty(0)

    def set_spans(self, starts, ends) -> None:
        starts = np.asarray(starts, dtype=np.float64)
        ends = np.asarray(ends, dtype=np.float64)
        if np.array_equal(starts, self.starts) and np.array_equal(ends, self.ends):
            return
        self.starts, self.ends = starts, ends
        self.update()

    def __len__(self) -> int:
        return len(self.starts)

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()
        return QRectF() if rect is None else QRectF(rect)

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewRangeChanged()

    def dataBounds(self, axis, frac=1.0, orthoRange=None):
        return None

    def _visible(self, rect: QRectF) -> np.ndarray:
        return np.nonzero((self.ends >= rect.left()) & (self.starts <= rect.right()))[0]


def over(color: QColor, background: QColor) -> QColor:
    """The opaque colour `color` shows as over `background`."""
    a = color.alphaF()
    return QColor.fromRgbF(
        *(
            a * c + (1 - a) * b
            for c, b in zip(color.getRgbF()[:3], background.getRgbF()[:3], strict=True)
        )
    )


def _device_rects(p, view: QRectF, starts, ends, which) -> list[QRectF]:
    """Spans [start, end] as full-height rectangles in device pixels, at least one wide. Qt
    fills rectangles given in seconds since 1970 (a huge world transform) ~50× slower than
    the same rectangles in pixels."""
    t = p.transform()
    top, bottom = t.map(QPointF(view.left(), view.top())).y(), t.map(view.bottomLeft()).y()
    y, h = min(top, bottom), abs(bottom - top)
    x0 = np.maximum(starts[which], view.left()) * t.m11() + t.dx()
    x1 = np.minimum(ends[which], view.right()) * t.m11() + t.dx()
    return [QRectF(a, y, max(1.0, b - a), h) for a, b in zip(x0, x1, strict=True)]


class MarkerBands(_InView):
    """Shaded spans [start, end] over the full height of the chart."""

    def __init__(self, color: QColor, z: float = -10):
        super().__init__()
        self.brush = QBrush(color)
        self.setZValue(z)  # behind the curves

    def paint(self, p, *args) -> None:
        rect = self.viewRect()
        if rect is None or not len(self.starts):
            return
        rects = _device_rects(p, rect, self.starts, self.ends, self._visible(rect))
        p.resetTransform()
        p.setClipping(False)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.brush)
        p.drawRects(rects)


class MarkerLines(_InView):
    """Vertical lines at moments."""

    def __init__(self, color: QColor, style=Qt.PenStyle.SolidLine, width: float = 1.0):
        super().__init__()
        self.pen = QPen(color, width, style)
        self.pen.setCosmetic(True)
        self.setZValue(-5)

    def set_moments(self, xs) -> None:
        self.set_spans(xs, xs)

    def paint(self, p, *args) -> None:
        rect = self.viewRect()
        if rect is None or not len(self.starts):
            return
        t = p.transform()
        # One line per pixel column at most (288 scene changes on 1,200 pixels of 12 hours),
        # drawn as one path.
        xs = np.unique(np.floor(self.starts[self._visible(rect)] * t.m11() + t.dx())) + 0.5
        top = t.map(QPointF(rect.left(), rect.top())).y()
        bottom = t.map(QPointF(rect.left(), rect.bottom())).y()
        path = pg.arrayToQPath(
            np.repeat(xs, 2), np.tile([top, bottom], len(xs)), connect="pairs", finiteCheck=False
        )
        p.resetTransform()
        p.setPen(self.pen)
        p.drawPath(path)


class MarkerLane(_InView):
    """Blocks in one row (y from `row` to `row` + 1) with their names, as far as they fit."""

    def __init__(self, row: int, colors: tuple[QColor, QColor], text: QColor):
        super().__init__()
        self.row = row
        self.labels: list[str] = []
        self.brushes = tuple(QBrush(c) for c in colors)  # alternating, so neighbours part
        self.text_pen = QPen(text)

    def set_blocks(self, starts, ends, labels: list[str]) -> None:
        if list(labels) != self.labels:
            self.labels = list(labels)
            self.update()
        self.set_spans(starts, ends)

    def paint(self, p, *args) -> None:
        rect = self.viewRect()
        if rect is None or not len(self.starts):
            return
        to_device = p.transform()
        p.save()
        p.resetTransform()  # text in pixels, not in seconds
        metrics = QFontMetrics(p.font())
        for i in self._visible(rect):
            x0, x1 = max(self.starts[i], rect.left()), min(self.ends[i], rect.right())
            box = to_device.mapRect(QRectF(x0, self.row + 0.08, x1 - x0, 0.84))
            if box.width() < 1:
                box.setWidth(1)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.brushes[i % 2])
            p.drawRect(box)
            if box.width() > 24:
                p.setPen(self.text_pen)
                text = metrics.elidedText(
                    self.labels[i], Qt.TextElideMode.ElideRight, int(box.width()) - 6
                )
                p.drawText(
                    box.adjusted(3, 0, -3, 0),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    text,
                )
        p.restore()


class MinuteBars(_InView):
    """One bar per minute: x0 the minute's start (epoch seconds), bars `width` seconds wide."""

    def __init__(self, color: QColor, width: float = 60.0):
        super().__init__()
        self.width = width
        self.heights = np.empty(0)
        self.pen = QPen(color, 1)
        self.pen.setCosmetic(True)
        self.opts = {"pen": color, "fillLevel": 0, "fillBrush": color}  # for the legend

    def set_bars(self, x0, heights) -> None:
        self.heights = np.asarray(heights, dtype=np.float64)
        self.starts = np.asarray(x0, dtype=np.float64)
        self.ends = self.starts + self.width
        self.informViewBoundsChanged()
        self.update()

    def dataBounds(self, axis, frac=1.0, orthoRange=None):
        if not len(self.starts):
            return None
        if axis == 0:
            return float(self.starts[0]), float(self.ends[-1])
        h = self.heights
        if orthoRange is not None:
            h = h[(self.ends >= orthoRange[0]) & (self.starts <= orthoRange[1])]
            if not len(h):
                return None
        return min(0.0, float(h.min())), max(0.0, float(h.max()))

    def paint(self, p, *args) -> None:
        rect = self.viewRect()
        if rect is None or not len(self.starts):
            return
        which = self._visible(rect)
        if not len(which):
            return
        t = p.transform()
        x0 = np.maximum(self.starts[which], rect.left()) * t.m11() + t.dx()
        x1 = np.minimum(self.ends[which], rect.right()) * t.m11() + t.dx()
        lo, hi = rect.top(), rect.bottom()
        base = float(np.clip(0.0, lo, hi) * t.m22() + t.dy())
        tops = np.clip(self.heights[which], lo, hi) * t.m22() + t.dy()
        # Drawn as one vertical hairline per pixel column (the tallest bar there): one path of
        # ≤ width lines fills as fast as Qt draws anything; rectangles or a polygon do not.
        first = np.floor(x0).astype(np.int64)
        count = np.maximum(1, np.ceil(x1).astype(np.int64) - first)
        columns = np.repeat(first, count) + _ranks(count)
        offset = int(columns.min())
        tallest = np.full(int(columns.max()) - offset + 1, np.nan)
        y = np.repeat(tops, count)
        grows_down = t.m22() > 0
        reduce = np.fmax if grows_down else np.fmin  # the tallest is the farthest from base
        reduce.at(tallest, columns - offset, y)
        used = np.nonzero(~np.isnan(tallest))[0]
        xs = np.repeat(used + offset + 0.5, 2)
        ys = np.column_stack([np.full(len(used), base), tallest[used]]).ravel()
        p.resetTransform()
        p.setPen(self.pen)
        p.drawPath(pg.arrayToQPath(xs, ys, connect="pairs", finiteCheck=False))


def _ranks(count: np.ndarray) -> np.ndarray:
    """0, 1, ..., count[i] - 1 for each i, concatenated."""
    ends = np.cumsum(count)
    return np.arange(ends[-1]) - np.repeat(ends - count, count)
