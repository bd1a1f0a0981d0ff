"""The review's trend charts as images: online viewers, GMV running total, orders per minute,
comments and likes per minute, each over the show's time with the explain windows, flash sales
and mic mutes shaded and the moments (scene changes, segment starts, dropped frames, alerts,
OBS dropping out) as vertical lines.

Painted with QPainter into a QImage, which Qt allows on any thread (a QPixmap or a widget it
does not): the exports render these off the GUI thread. White background, for paper."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QImage, QPainter, QPen

from console.reports.format import clock_text, count_text, local_time, yuan_text
from console.reports.review import Point, Review

Translate = Callable[[str, str], str]  # (context, English source) -> text

CHARTS = ("online", "gmv_total", "orders_per_minute", "chat")
# A Latin font first, then one with the Chinese glyphs, best first: Windows, macOS, then Linux
# (fonts-noto-cjk). Latin first because Qt's PDF loses digits set in Noto Sans CJK after Latin
# letters ("A1" copies out as "A"): their glyphs are Latin-script variants with no Unicode.
LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "FreeSans")
LATIN_FAMILIES += ("DejaVu Sans",)
CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC")
CJK_FAMILIES += ("WenQuanYi Micro Hei", "Noto Sans SC")
SERIES_COLORS = {
    "online": "#2563eb",
    "gmv_total": "#16a34a",
    "orders_per_minute": "#d97706",
    "comments_per_minute": "#7c3aed",
    "likes_per_minute": "#db2777",
}
# Marker kinds (review.Band.kind): spans shaded, moments drawn as lines.
BAND_COLORS = {"explain": "#dbeafe", "flash_sale": "#fde68a", "mic_muted": "#fecaca"}
LINE_COLORS = {
    "segment": "#7c3aed",
    "scene": "#9ca3af",
    "dropped_frames": "#dc2626",
    "alert": "#ea580c",
    "obs_disconnected": "#111827",
}
_LINE_STYLES = {"segment": Qt.PenStyle.DashLine, "obs_disconnected": Qt.PenStyle.DashDotLine}
GAP_MS = 180_000  # points further apart are not joined: no data in between, not a slope
_MINUTE_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720)


def font_families() -> list[str]:
    """The first installed Latin family and the first with Chinese glyphs (Qt falls back from
    one to the next glyph by glyph); Qt's default font when none is installed."""
    installed = set(QFontDatabase.families())
    found = [
        next((f for f in group if f in installed), None) for group in (LATIN_FAMILIES, CJK_FAMILIES)
    ]
    return [f for f in found if f] or [QFont().family()]


def report_font() -> QFont:
    font = QFont()
    font.setFamilies(font_families())
    return font


def chart_titles(translate: Translate) -> dict[str, str]:
    return {
        "online": translate("Report", "Online viewers"),
        "gmv_total": translate("Report", "GMV, running total (¥)"),
        "orders_per_minute": translate("Report", "Orders per minute"),
        "chat": translate("Report", "Comments and likes per minute"),
    }


def series_names(translate: Translate) -> dict[str, str]:
    return {
        "online": translate("Report", "Online"),
        "gmv_total": translate("Report", "GMV"),
        "orders_per_minute": translate("Report", "Orders"),
        "comments_per_minute": translate("Report", "Comments"),
        "likes_per_minute": translate("Report", "Likes (right axis)"),
    }


def render_charts(
    review: Review,
    width: int = 1600,
    height: int = 420,
    translate: Translate | None = None,
    locale: QLocale | None = None,
) -> dict[str, QImage]:
    """Every chart of CHARTS, by name. locale: the axes' numbers and times (None: the
    default)."""
    return {name: render_chart(review, name, width, height, translate, locale) for name in CHARTS}


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def render_chart(
    review: Review,
    chart: str,
    width: int = 1600,
    height: int = 420,
    translate: Translate | None = None,
    locale: QLocale | None = None,
) -> QImage:
    translate = translate or QCoreApplication.translate
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _Chart(p, review, chart, width, height, translate, locale).paint()
    finally:
        p.end()
    return image


class _Chart:
    def __init__(self, p: QPainter, review: Review, chart: str, w: int, h: int, translate, locale):
        self.p, self.review, self.chart, self.w, self.h = p, review, chart, w, h
        self.translate = translate
        self.locale = QLocale() if locale is None else locale
        self.px = max(10.0, w / 62)  # the font's pixel size: ~8 pt once fitted to an A4 page
        self.font = report_font()
        self.font.setPixelSize(round(self.px))
        self.small = QFont(self.font)
        self.small.setPixelSize(round(self.px * 0.8))
        self.fm = QFontMetricsF(self.font)
        names = ("comments_per_minute", "likes_per_minute") if chart == "chat" else (chart,)
        self.series = {n: _whole_minutes(n, review) for n in names}

    # -- layout --------------------------------------------------------------------------------
    def paint(self) -> None:
        p, fm = self.p, self.fm
        p.setFont(self.font)
        p.setPen(QColor("#111827"))
        p.drawText(
            QPointF(self.px * 0.3, fm.ascent() + 2), chart_titles(self.translate)[self.chart]
        )
        self._legend()
        start, end = self.review.start_ms, self.review.end_ms
        left_max = self._max(0)
        right_max = self._max(1) if self.chart == "chat" else None
        left_w = self._axis_width(left_max)
        right_w = self._axis_width(right_max) if right_max is not None else self.px
        top, bottom = fm.height() * 1.6, self.h - fm.height() * 1.5
        self.plot = QRectF(left_w, top, self.w - left_w - right_w, bottom - top)
        if start is None or end is None or end <= start or left_max is None:
            self._frame()
            p.setPen(QColor("#6b7280"))
            p.drawText(self.plot, Qt.AlignmentFlag.AlignCenter, self.translate("Report", "No data"))
            return
        self.t0, self.t1 = start, end
        self._bands()
        self._y_axis(left_max, left=True)
        if right_max is not None:
            self._y_axis(right_max, left=False)
        self._time_axis()
        self._moments()
        for n, (name, points) in enumerate(self.series.items()):
            top_value = right_max if n == 1 else left_max
            if name == "orders_per_minute":
                self._bars(points, top_value, SERIES_COLORS[name])
            else:
                self._line(points, top_value, SERIES_COLORS[name])
        self._frame()

    def _max(self, n: int) -> float | None:
        points = list(self.series.values())[n]
        if not points:
            return None
        return _nice_top(max(pt.value for pt in points))

    def _axis_width(self, top: float | None) -> float:
        text = self._value_text(top or 0)
        return self.fm.horizontalAdvance(text) + self.px * 1.2

    def _value_text(self, v: float) -> str:
        return (yuan_text if self.chart == "gmv_total" else count_text)(v, self.locale)

    def _x(self, t: float) -> float:
        return self.plot.left() + (t - self.t0) / (self.t1 - self.t0) * self.plot.width()

    def _y(self, v: float, top: float) -> float:
        return self.plot.bottom() - v / top * self.plot.height() if top else self.plot.bottom()

    # -- pieces --------------------------------------------------------------------------------
    def _frame(self) -> None:
        self.p.setPen(QPen(QColor("#6b7280"), max(1.0, self.px / 14)))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawRect(self.plot)

    def _legend(self) -> None:
        p, names = self.p, series_names(self.translate)
        x = self.w - self.px * 0.5
        for name in reversed(list(self.series)):
            text = names[name]
            x -= self.fm.horizontalAdvance(text)
            p.setPen(QColor("#374151"))
            p.drawText(QPointF(x, self.fm.ascent() + 2), text)
            x -= self.px * 1.6
            y = self.fm.ascent() / 2 + 2
            p.setPen(QPen(QColor(SERIES_COLORS[name]), self.px / 4))
            p.drawLine(QPointF(x, y), QPointF(x + self.px * 1.2, y))
            x -= self.px

    def _bands(self) -> None:
        p = self.p
        p.setPen(Qt.PenStyle.NoPen)
        for kind in ("explain", "flash_sale", "mic_muted"):  # a sale shows over its product
            p.setBrush(QColor(BAND_COLORS[kind]))
            for b in self.review.bands:
                if b.kind == kind:
                    a = max(self._x(b.start_ms), self.plot.left())
                    z = min(
                        self._x(b.end_ms if b.end_ms is not None else self.t1), self.plot.right()
                    )
                    if z > a:
                        p.drawRect(QRectF(a, self.plot.top(), max(1.0, z - a), self.plot.height()))
        if self.chart == "online":  # the products' names in their windows, where they fit
            p.setFont(self.small)
            fm = QFontMetricsF(self.small)
            p.setPen(QColor("#1e3a8a"))
            for b in self.review.bands:
                if b.kind == "explain":
                    a = max(self._x(b.start_ms), self.plot.left())
                    z = min(
                        self._x(b.end_ms if b.end_ms is not None else self.t1), self.plot.right()
                    )
                    room = z - a - self.px * 0.4
                    text = fm.elidedText(b.label, Qt.TextElideMode.ElideRight, room)
                    if room > fm.horizontalAdvance("…") * 2 and text:
                        p.drawText(QPointF(a + self.px * 0.2, self.plot.top() + fm.ascent()), text)
            p.setFont(self.font)

    def _moments(self) -> None:
        p = self.p
        for b in self.review.bands:
            color = LINE_COLORS.get(b.kind)
            if color is None or not self.t0 <= b.start_ms <= self.t1:
                continue
            x = self._x(b.start_ms)
            pen = QPen(QColor(color), max(1.0, self.px / (12 if b.kind == "scene" else 7)))
            pen.setStyle(_LINE_STYLES.get(b.kind, Qt.PenStyle.SolidLine))
            p.setPen(pen)
            p.drawLine(QPointF(x, self.plot.top()), QPointF(x, self.plot.bottom()))

    def _y_axis(self, top: float, left: bool) -> None:
        p, fm = self.p, self.fm
        step = top / 4
        for k in range(5):
            v = step * k
            y = self._y(v, top)
            if left and 0 < k:
                p.setPen(QPen(QColor("#e5e7eb"), 1))
                p.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
            text = self._value_text(v)
            p.setPen(QColor("#374151"))
            x = (
                self.plot.left() - fm.horizontalAdvance(text) - self.px * 0.4
                if left
                else self.plot.right() + self.px * 0.4
            )
            p.drawText(QPointF(x, y + fm.ascent() / 2 - 1), text)

    def _time_axis(self) -> None:
        p, fm = self.p, self.fm
        span_min = (self.t1 - self.t0) / 60_000
        fits = max(2, int(self.plot.width() / (fm.horizontalAdvance("00:00") * 2.2)))
        step = next((s for s in _MINUTE_STEPS if span_min / s <= fits), _MINUTE_STEPS[-1])
        step_ms = step * 60_000
        offset = int(local_time(self.t0).utcoffset().total_seconds() * 1000)
        t = math.ceil((self.t0 + offset) / step_ms) * step_ms - offset
        while t <= self.t1:
            x = self._x(t)
            p.setPen(QPen(QColor("#e5e7eb"), 1))
            p.drawLine(QPointF(x, self.plot.top()), QPointF(x, self.plot.bottom()))
            text = clock_text(t, False, self.locale)
            p.setPen(QColor("#374151"))
            half = fm.horizontalAdvance(text) / 2
            p.drawText(QPointF(x - half, self.plot.bottom() + fm.ascent() + 3), text)
            t += step_ms

    def _line(self, points, top: float, color: str) -> None:
        if not points:
            return
        ts = np.fromiter((pt.ts_ms for pt in points), np.float64, len(points))
        vs = np.fromiter((pt.value for pt in points), np.float64, len(points))
        xs = self.plot.left() + (ts - self.t0) / (self.t1 - self.t0) * self.plot.width()
        ys = self.plot.bottom() - vs / top * self.plot.height()
        pen = QPen(QColor(color), max(1.5, self.px / 7))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.p.setPen(pen)
        breaks = np.nonzero(np.diff(ts) > GAP_MS)[0] + 1
        for part in np.split(np.arange(len(ts)), breaks):
            run = _peaks(xs[part], ys[part])
            if len(run) == 1:
                self.p.drawPoint(run[0])
            else:
                self.p.drawPolyline(run)

    def _bars(self, points, top: float, color: str) -> None:
        per_minute = self.plot.width() * 60_000 / (self.t1 - self.t0)
        width = max(1.0, per_minute * 0.8)
        self.p.setPen(Qt.PenStyle.NoPen)
        self.p.setBrush(QColor(color))
        for pt in points:
            x = self._x(pt.ts_ms) + (per_minute - width) / 2
            y = self._y(pt.value, top)
            x0, x1 = max(x, self.plot.left()), min(x + width, self.plot.right())
            if x1 > x0:
                self.p.drawRect(QRectF(x0, y, x1 - x0, self.plot.bottom() - y))


def _whole_minutes(name: str, review: Review):
    """A per-minute line's points in mid-minute, without a last minute still running (its few
    seconds would read as a fall; the orders' bars keep it: a short bar reads as one)."""
    points = review.trends.get(name, ())
    if not name.endswith("_per_minute") or name == "orders_per_minute":
        return points
    end = review.end_ms if review.end_ms is not None else 0
    return tuple(
        Point(pt.ts_ms + 30_000, pt.value) for pt in points if pt.ts_ms + 60_000 <= end + 1
    )


def _peaks(xs: np.ndarray, ys: np.ndarray) -> list[QPointF]:
    """The line's points; more than two a pixel column become its lowest and highest (a 12-hour
    show's 43,200 seconds keep their spikes at a fraction of the drawing)."""
    if len(xs) <= 2 * (xs[-1] - xs[0] + 1):
        return [QPointF(x, y) for x, y in zip(xs, ys, strict=True)]
    cols = np.floor(xs).astype(np.int64)
    starts = np.r_[0, np.nonzero(np.diff(cols))[0] + 1]
    lows, highs = np.minimum.reduceat(ys, starts), np.maximum.reduceat(ys, starts)
    out = []
    for c, lo, hi in zip(cols[starts], lows, highs, strict=True):
        out += (QPointF(c, hi), QPointF(c, lo))
    return out


def _nice_top(v: float) -> float:
    """The axis top: v rounded up to 1, 2, 4, 6 or 8 × 10^k, so that its quarters (the
    gridlines) are round; at least 4, so that counts get whole gridlines."""
    if v <= 4:
        return 4.0
    k = 10 ** math.floor(math.log10(v))
    return next(m * k for m in (1, 2, 4, 6, 8, 10) if m * k >= v)
