"""StatsService: the open show's numbers, kept current off the GUI thread.

A worker thread owns its own read-only SQLite connection. Every POLL_S it reads only the rows
added since the last poll (by id: the one writer gives ids in commit order, and a late or
imported row with an old timestamp is still new by id), extends its ShowData, re-reads the few
marker rows (explain windows, segments, flash sales, timeline events), computes the cards,
chart series and per-product rows with console.core.metrics, and posts one frozen StatsView.
The GUI thread only receives it: `updated` is emitted from a queued wake-up, the latest view
wins, at most every MIN_EMIT_S. Nothing here is a widget.

ShowData is grown by appending to its lines while rows arrive in time order (the live case);
a row older than its line's last one rebuilds that line through ShowData itself. A 12-hour
ShowData is ~0.7 s to build from scratch: never once per poll.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal

from console.core import metrics as m
from console.core.attribution import attribute
from console.store.db import open_reader

log = logging.getLogger(__name__)

POLL_S = 0.5
MIN_EMIT_S = 0.1  # at most 10 views a second reach the GUI
DELTA_MINUTES = 5
CHUNK = 200_000  # rows per read while catching up with a long show
EVENT_MARGIN_MS = 5 * m.MINUTE_MS  # unassigned timeline events this close to the show are its

CARDS = ("online", "gmv_fen", "orders", "conversion", "gpm_fen")
# Series (x: epoch seconds; y: people, fen or counts)
ONLINE, GMV_TOTAL, GMV_MINUTE = "online", "gmv_total", "gmv_per_minute"
ORDERS_MINUTE, COMMENTS_MINUTE, LIKES_MINUTE = (
    "orders_per_minute",
    "comments_per_minute",
    "likes_per_minute",
)
# Markers
EXPLAIN, SEGMENT, FLASH_SALE = "explain", "segment", "flash_sale"
SCENE, MUTE, DROPPED = "scene", "mic_muted", "dropped_frames"
# Timeline events the markers come from. Dropped-frame spikes: the timeline's "dropped_frames"
# event with {"pct": float} (the alert raised on the same spike is not marked again).
EVENT_KINDS = ("scene_changed", "input_muted", "input_unmuted", "flash_sale_ended")
EVENT_KINDS += ("dropped_frames",)


@dataclass(frozen=True)
class Card:
    value: int | float | None  # None: unknown ("—")
    delta: int | float | None  # change over the last DELTA_MINUTES; None: unknown


@dataclass(frozen=True)
class Series:
    x: np.ndarray  # epoch seconds (float64), increasing; read-only
    y: np.ndarray  # float64, read-only

    def __len__(self) -> int:
        return len(self.x)


@dataclass(frozen=True)
class Marker:
    kind: str  # EXPLAIN, SEGMENT, FLASH_SALE, SCENE, MUTE, DROPPED
    start_ms: int
    end_ms: int | None  # None: still open (explain, segment, mute) or a moment (scene, dropped)
    label: str = ""  # product name, segment title, scene or input name
    ref: int | None = None  # show item id (explain, flash sale), segment id
    value: float | None = None  # dropped frames, %


@dataclass(frozen=True)
class ProductRow:
    item_id: int
    name: str
    sku: str
    state: str
    explain_ms: int  # on air, all its explain windows together
    explain_count: int
    gmv_fen: int | None  # sold during its explain windows (console.core.attribution)
    orders: int | None
    conversion: float | None  # paying users / viewers, during its windows
    stock: int | None
    low_stock: bool


def _frozen(values) -> np.ndarray:
    a = np.asarray(values, dtype=np.float64)
    a.flags.writeable = False
    return a


EMPTY = Series(_frozen(()), _frozen(()))


@dataclass(frozen=True)
class StatsView:
    """One snapshot for the GUI: never changed after it is posted. A series that did not change
    since the previous view is the same object (the panel skips redrawing it)."""

    show_id: int | None
    now_ms: int
    start_ms: int | None = None  # the show's first known moment (data or marker)
    end_ms: int | None = None  # its last data
    cards: Mapping[str, Card] = field(default_factory=lambda: MappingProxyType({}))
    series: Mapping[str, Series] = field(default_factory=lambda: MappingProxyType({}))
    markers: tuple[Marker, ...] = ()
    products: tuple[ProductRow, ...] = ()
    sales_source: str = m.SAMPLES
    build_ms: float = 0.0  # worker time to compute this view (for the benchmark)

    def card(self, code: str) -> Card:
        return self.cards.get(code, Card(None, None))


# -- the worker's state (worker thread only) ----------------------------------------------------


class _Growing:
    """A time series in preallocated numpy buffers, grown by doubling. Views handed out cover
    [:n] and are never written again (appends go past n; a regrowth copies)."""

    def __init__(self, capacity: int = 4096):
        self.x = np.empty(capacity)
        self.y = np.empty(capacity)
        self.n = 0

    def extend(self, xs: list[float], ys: list[float]) -> None:
        need = self.n + len(xs)
        if need > len(self.x):
            size = max(need, 2 * len(self.x))
            self.x = np.concatenate([self.x[: self.n], np.empty(size - self.n)])
            self.y = np.concatenate([self.y[: self.n], np.empty(size - self.n)])
        self.x[self.n : need] = xs
        self.y[self.n : need] = ys
        self.n = need

    def replace(self, xs: list[float], ys: list[float]) -> None:
        self.x, self.y, self.n = np.empty(max(4096, len(xs))), np.empty(max(4096, len(xs))), 0
        self.extend(xs, ys)

    def series(self) -> Series:
        x, y = self.x[: self.n], self.y[: self.n]
        x.flags.writeable = y.flags.writeable = False
        return Series(x, y)


def _in_order(line_ts: list[int], points: list[tuple[int, float]]) -> bool:
    last = line_ts[-1] if line_ts else None
    for ts, _ in points:
        if last is not None and ts < last:
            return False
        last = ts
    return True


def _append(line, points: list[tuple[int, float]]) -> None:
    """Extend a metrics line in place, as ShowData would have built it with the points last."""
    total = line.sums[-1]
    for ts, value in points:
        total += value
        line.ts.append(ts)
        line.values.append(value)
        line.sums.append(total)


class LiveShowData:
    """A show's ShowData, grown by rows in the order they were stored, plus what the charts
    need beside it: online at 1 Hz in numpy, comments and likes per minute."""

    def __init__(self):
        self.data = m.ShowData()
        self.online = _Growing()
        self.comments: dict[int, int] = {}  # minute start (ms) -> comments
        self.likes: dict[int, int] = {}
        self.first_ms: int | None = None
        self.last_ms: int | None = None

    def _seen(self, ts: int) -> None:
        self.first_ms = ts if self.first_ms is None else min(self.first_ms, ts)
        self.last_ms = ts if self.last_ms is None else max(self.last_ms, ts)

    def add_samples(self, rows: Iterable[tuple[int, str, float]]) -> set[str]:
        """rows: (ts_ms, metric, value) in id order. Returns the metrics that changed."""
        by_metric: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for ts, metric, value in rows:
            d = m.METRICS.get(metric)
            if d is not None and d.accepts(value):  # as ShowData drops them
                by_metric[metric].append((ts, value))
                self._seen(ts)
        for code, points in by_metric.items():
            line = self.data.lines[code]
            if _in_order(line.ts, points):
                _append(line, points)
                if code == "online":
                    self.online.extend([t / 1000 for t, _ in points], [v for _, v in points])
                continue
            old = [m.Sample(t, code, v) for t, v in zip(line.ts, line.values, strict=True)]
            line = self.data.lines[code] = m.ShowData(
                old + [m.Sample(t, code, v) for t, v in points]
            ).lines[code]
            if code == "online":
                self.online.replace([t / 1000 for t in line.ts], list(line.values))
        return set(by_metric)

    def add_orders(self, orders: list[m.Order]) -> bool:
        if not orders:
            return False
        for o in orders:
            self._seen(o.ts_ms)
        d = self.data
        if _in_order(d.amounts.ts, [(o.ts_ms, 0) for o in orders]):
            d.orders.extend(orders)
            _append(d.amounts, [(o.ts_ms, o.amount_fen) for o in orders])
            _append(d.qtys, [(o.ts_ms, o.qty) for o in orders])
        else:
            rebuilt = m.ShowData(orders=d.orders + orders)
            d.orders, d.amounts, d.qtys = rebuilt.orders, rebuilt.amounts, rebuilt.qtys
        return True

    def add_counts(self, what: str, per_minute: Iterable[tuple[int, int]]) -> bool:
        into = self.comments if what == "comments" else self.likes
        changed = False
        for minute, n in per_minute:
            into[minute] = into.get(minute, 0) + n
            self._seen(minute)
            changed = True
        return changed

    def counts_data(self) -> m.ShowData:
        """A small ShowData of the per-minute comments and likes, for the metrics' series."""
        return m.ShowData(
            comments=[m.Count(t, n) for t, n in sorted(self.comments.items())],
            likes=[m.Count(t, n) for t, n in sorted(self.likes.items())],
        )


def wall_ms(text: str | None) -> int | None:
    """An ISO 8601 wall time (UTC when it names no offset) as epoch ms; None if unreadable."""
    if not text:
        return None
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return (t - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(milliseconds=1)


_SAMPLES = (
    "SELECT id, ts_ms, metric, value FROM samples WHERE id > ? AND +show_id = ? ORDER BY id LIMIT ?"
)
_ORDERS = (
    "SELECT id, ts_ms, order_id, sku, qty, amount_fen, user FROM orders "
    "WHERE id > ? AND +show_id = ? ORDER BY id LIMIT ?"
)
# `+show_id`: read by rowid range from the last id seen, not through the show's index (which
# would walk every row of a long show on each poll).
_COUNTS = (
    "SELECT (ts_ms / 60000) * 60000, sum({value}) FROM {table} "
    "WHERE id > ? AND id <= ? AND +show_id = ? GROUP BY 1"
)
_EVENTS = (
    "SELECT id, wall, kind, show_id, data FROM events WHERE id > ? AND +kind IN ({}) "
    "AND (show_id = ? OR show_id IS NULL) ORDER BY id"
).format(", ".join("?" * len(EVENT_KINDS)))
_WINDOWS = """
SELECT w.id, w.show_item_id, w.start_wall, w.end_wall, p.name
FROM explain_windows w JOIN show_items si ON si.id = w.show_item_id
JOIN products p ON p.id = si.product_id
WHERE si.show_id = ? ORDER BY w.start_mono_ns, w.id
"""
_SEGMENTS = """
SELECT id, title, actual_start_wall, actual_end_wall FROM segments
WHERE show_id = ? AND actual_start_wall IS NOT NULL ORDER BY position, id
"""
_FLASH_SALES = """
SELECT o.id, o.show_item_id, o.start_wall, o.countdown_s, o.duration_s, p.name
FROM offers o LEFT JOIN show_items si ON si.id = o.show_item_id
LEFT JOIN products p ON p.id = si.product_id
WHERE o.show_id = ? AND o.kind = 'flash_sale' AND o.state != 'cancelled' ORDER BY o.id
"""
_ITEMS = """
SELECT si.id, p.name, p.sku, si.state, si.stock, si.low_stock
FROM show_items si JOIN products p ON p.id = si.product_id
WHERE si.show_id = ? ORDER BY si.position, si.id
"""


@dataclass
class _Event:
    ts_ms: int
    kind: str
    show_id: int | None
    data: dict


class ShowReader:
    """Everything the worker knows about one show, and how a view is made of it. Used on one
    thread at a time (the worker's); tests and the benchmark drive it directly."""

    def __init__(self, show_id: int | None):
        self.show_id = show_id
        self.live = LiveShowData()
        self.last_id = {"samples": 0, "orders": 0, "comments": 0, "likes": 0, "events": 0}
        self.events: list[_Event] = []
        self.windows: list[tuple[int, int, int, int | None, str]] = []
        self.segments: list[Marker] = []
        self.sales: list[tuple[int, int | None, int, int, str]] = []  # id, item, start, end, name
        self.items: list[tuple] = []
        self.queue = None  # console.core.queue.Queue of this show, when the GUI handed one over
        self._series: dict[str, Series] = {}
        self._series_stale = True

    # -- reading -------------------------------------------------------------------------------
    def poll(self, db) -> bool:
        """Read what is new; True if the numbers changed (markers are re-read every time)."""
        if self.show_id is None:
            return False
        conn = db.conn
        changed = False
        conn.execute("BEGIN")  # one snapshot for the whole poll
        try:
            while True:
                rows = conn.execute(
                    _SAMPLES, [self.last_id["samples"], self.show_id, CHUNK]
                ).fetchall()
                if rows:
                    self.last_id["samples"] = rows[-1][0]
                    changed |= bool(self.live.add_samples(r[1:] for r in rows))
                if len(rows) < CHUNK:
                    break
            while True:
                rows = conn.execute(
                    _ORDERS, [self.last_id["orders"], self.show_id, CHUNK]
                ).fetchall()
                if rows:
                    self.last_id["orders"] = rows[-1][0]
                    changed |= self.live.add_orders([m.Order(*r[1:]) for r in rows])
                if len(rows) < CHUNK:
                    break
            for table, value in (("comments", "1"), ("likes", "count")):
                top = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
                if top > self.last_id[table]:
                    rows = conn.execute(
                        _COUNTS.format(table=table, value=value),
                        [self.last_id[table], top, self.show_id],
                    ).fetchall()
                    self.last_id[table] = top
                    changed |= self.live.add_counts(table, rows)
            self._read_markers(conn)
        finally:
            conn.commit()
        if changed:
            self._series_stale = True
        return changed

    def _read_markers(self, conn: sqlite3.Connection) -> None:
        sid = self.show_id
        for event_id, wall, kind, show_id, data in conn.execute(
            _EVENTS, [self.last_id["events"], *EVENT_KINDS, sid]
        ):
            self.last_id["events"] = event_id
            ts = wall_ms(wall)
            if ts is None:
                continue
            try:
                payload = json.loads(data) if data else {}
            except ValueError:
                payload = {}
            self.events.append(
                _Event(ts, kind, show_id, payload if isinstance(payload, dict) else {})
            )
        self.windows = [
            (wid, item, start, wall_ms(end), name or "")
            for wid, item, s, end, name in conn.execute(_WINDOWS, [sid])
            if (start := wall_ms(s)) is not None
        ]
        self.segments = [
            Marker(SEGMENT, start, wall_ms(end), title or "", seg_id)
            for seg_id, title, s, end in conn.execute(_SEGMENTS, [sid])
            if (start := wall_ms(s)) is not None
        ]
        self.sales = []
        for offer_id, item, s, countdown, duration, name in conn.execute(_FLASH_SALES, [sid]):
            start = wall_ms(s)
            if start is not None:
                on_sale = start + (countdown or 0) * 1000
                end = on_sale + (duration or 0) * 1000
                self.sales.append((offer_id, item, on_sale, end, name or ""))
        self.items = conn.execute(_ITEMS, [sid]).fetchall()

    # -- the view ----------------------------------------------------------------------------
    def view(self, now_ms: int) -> StatsView:
        t0 = time.perf_counter()
        live = self.live
        now = max(now_ms, live.last_ms or now_ms)
        markers = self._markers(now)
        starts = [x.start_ms for x in markers if x.kind in (EXPLAIN, SEGMENT)]
        if live.first_ms is not None:
            starts.append(live.first_ms)
        start = min(starts) if starts else None
        markers = self._with_events(markers, start, now)
        data = live.data
        totals = m.totals_at(data, now)
        change = m.deltas(data, now, DELTA_MINUTES)
        cards = MappingProxyType(
            {code: Card(getattr(totals, code), change.get(code)) for code in CARDS}
        )
        if self._series_stale:
            self._series = self._make_series()
            self._series_stale = False
        return StatsView(
            show_id=self.show_id,
            now_ms=now,
            start_ms=start,
            end_ms=live.last_ms,
            cards=cards,
            series=MappingProxyType(dict(self._series)),
            markers=tuple(sorted(markers, key=lambda x: (x.start_ms, x.kind))),
            products=self._products(now),
            sales_source=totals.source,
            build_ms=(time.perf_counter() - t0) * 1000,
        )

    def _make_series(self) -> dict[str, Series]:
        live, old = self.live, self._series
        out = {ONLINE: live.online.series() if live.online.n else EMPTY}
        if live.first_ms is None:
            return {**out, **dict.fromkeys((GMV_TOTAL, GMV_MINUTE, ORDERS_MINUTE), EMPTY)}
        start, end = live.first_ms, live.last_ms + 1

        def series(points: list[tuple[int, int | None]]) -> Series:
            known = [(t, v) for t, v in points if v is not None]  # None: a gap, not a 0
            return Series(_frozen([t / 1000 for t, _ in known]), _frozen([v for _, v in known]))

        data, counts = live.data, live.counts_data()
        total = m.gmv_cumulative_per_minute(data, start, end)
        # The running total as of each minute's end (the last one: as of the last data).
        out[GMV_TOTAL] = Series(
            _frozen([min(t + m.MINUTE_MS, end) / 1000 for t, v in total if v is not None]),
            _frozen([v for _, v in total if v is not None]),
        )
        out[GMV_MINUTE] = series(m.gmv_per_minute(data, start, end))
        out[ORDERS_MINUTE] = series(m.orders_per_minute(data, start, end))
        out[COMMENTS_MINUTE] = series(m.comments_per_minute(counts, start, end))
        out[LIKES_MINUTE] = series(m.likes_per_minute(counts, start, end))
        for name, s in out.items():  # unchanged: the same object, so the panel skips it
            was = old.get(name)
            if was is not None and np.array_equal(was.x, s.x) and np.array_equal(was.y, s.y):
                out[name] = was
        return out

    def _markers(self, now: int) -> list[Marker]:
        out = [
            Marker(EXPLAIN, start, end, name, item) for _, item, start, end, name in self.windows
        ]
        out += self.segments
        ended = defaultdict(list)  # item -> when its flash sales were ended by hand
        for e in self.events:
            if e.kind == "flash_sale_ended":
                ended[e.data.get("item")].append(e.ts_ms)
        for _, item, on_sale, end, name in self.sales:
            # Ended by hand: the first end after its countdown began (countdowns are ≤ 300 s).
            early = [t for t in ended.get(item, ()) if on_sale - 300_000 <= t < end]
            end = min([end, *early])
            if end > on_sale:  # else it was called off during the countdown: no sale
                out.append(Marker(FLASH_SALE, on_sale, end, name, item))
        return out

    def _with_events(self, markers: list[Marker], start: int | None, now: int) -> list[Marker]:
        """Scene changes, mic mutes and dropped frames. Events recorded without a show (OBS's
        are) count when they fall within the show's time."""
        lo = None if start is None else start - EVENT_MARGIN_MS
        muted: dict[str, int] = {}
        out = list(markers)
        for e in self.events:
            if e.show_id is None and (lo is None or e.ts_ms < lo or e.ts_ms > now):
                continue
            if e.kind == "scene_changed":
                out.append(Marker(SCENE, e.ts_ms, None, str(e.data.get("scene", ""))))
            elif e.kind == "input_muted":
                muted.setdefault(str(e.data.get("input", "")), e.ts_ms)
            elif e.kind == "input_unmuted":
                name = str(e.data.get("input", ""))
                if name in muted:
                    out.append(Marker(MUTE, muted.pop(name), e.ts_ms, name))
            elif e.kind == "dropped_frames":  # the alert on the same spike is not a second mark
                pct = e.data.get("pct")
                value = float(pct) if isinstance(pct, int | float) else None
                out.append(Marker(DROPPED, e.ts_ms, None, "", None, value))
        out += [Marker(MUTE, t, None, name) for name, t in muted.items()]
        return out

    def _products(self, now: int) -> tuple[ProductRow, ...]:
        q = self.queue
        if q is not None:
            items = [(i.id, i.name, i.sku, i.state, i.stock, i.is_low_stock) for i in q.items]
        else:
            items = [
                (iid, name, sku, state, stock, stock is not None and stock <= (low or 0))
                for iid, name, sku, state, stock, low in self.items
            ]
        if not items:
            return ()
        windows = [m.Window(wid, start, end) for wid, _, start, end, _ in self.windows]
        by_window = {a.key: a.during for a in attribute(self.live.data, windows, now)}
        per_item: dict[int, list] = defaultdict(list)
        for wid, item, start, end, _ in self.windows:
            per_item[item].append((start, end, by_window[wid]))
        rows = []
        for iid, name, sku, state, stock, low in items:
            spans = per_item.get(iid, [])
            on_air = sum(max(0, min(now, now if e is None else e) - s) for s, e, _ in spans)
            during = [t for _, _, t in spans]
            # Conversion over the windows where both are known (a repeat buyer across two
            # windows counts in each, as in each window's own figure).
            known = [
                (t.paying_users, t.viewers)
                for t in during
                if None not in (t.paying_users, t.viewers)
            ]
            paying = _sum(p for p, _ in known)
            viewers = _sum(v for _, v in known)
            rows.append(
                ProductRow(
                    item_id=iid,
                    name=name,
                    sku=sku,
                    state=state,
                    explain_ms=on_air,
                    explain_count=len(spans),
                    gmv_fen=_sum(t.gmv_fen for t in during),
                    orders=_sum(t.orders for t in during),
                    conversion=None if paying is None or not viewers else paying / viewers,
                    stock=stock,
                    low_stock=bool(low),
                )
            )
        return tuple(rows)


def _sum(values: Iterable[int | None]) -> int | None:
    """The known values added up; None when none is known."""
    known = [v for v in values if v is not None]
    return sum(known) if known else None


# -- the service (GUI thread) -------------------------------------------------------------------


class StatsService(QObject):
    """`source`: the database file (a Path or str), a DbWriter (its path is used), or a function
    returning a read-only sqlite-utils Database (called on the worker thread).

    With `queue` (a QueueService), the service follows the queue's open show and takes the
    stock and states of its products from the queue's current value."""

    updated = Signal(object)  # StatsView
    failed = Signal(str)  # reason code: db_error (the reader retries on the next poll)
    _ready = Signal()

    def __init__(
        self,
        source,
        queue=None,
        *,
        poll_s: float = POLL_S,
        clock_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        if callable(source):
            self._connect = source
        else:
            path = Path(getattr(source, "path", source))
            self._connect = lambda: open_reader(path)
        self.poll_s = poll_s
        self.clock_ms = clock_ms
        self.show_id: int | None = None
        self.view = StatsView(None, clock_ms())
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = False
        self._open: tuple[int | None] | None = None  # a show to switch to, for the worker
        self._queue_value: tuple[int | None, object] | None = None
        self._posted: StatsView | None = None
        self._thread: threading.Thread | None = None
        self._ready.connect(self._on_ready, Qt.ConnectionType.QueuedConnection)
        self.queue = queue
        if queue is not None:
            queue.changed.connect(self._on_queue_changed)
            if queue.show_id is not None:
                self._on_queue_changed(queue.queue)

    # -- API (GUI thread) ----------------------------------------------------------------------
    def open_show(self, show_id: int | None) -> None:
        """Show `show_id` (None: nothing). An empty view is emitted at once (nothing of the
        previous show stays on screen); the first real one follows within a poll."""
        if self._stop:
            return
        if show_id != self.show_id:
            self.show_id = show_id
            self.view = StatsView(show_id, self.clock_ms())
            self.updated.emit(self.view)
        with self._lock:
            self._open = (show_id,)
        if self._thread is None and show_id is not None:
            self._thread = threading.Thread(target=self._run, name="stats-reader", daemon=True)
            self._thread.start()
        self._wake.set()

    def refresh(self) -> None:
        """Poll now rather than at the next tick (after a user action)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop the worker and wait for it, for good. Idempotent."""
        self._stop = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(10)
            if self._thread.is_alive():
                log.error("The stats reader did not stop within 10 s")
            self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _on_queue_changed(self, queue) -> None:
        show_id = self.queue.show_id
        with self._lock:
            self._queue_value = (show_id, queue)
        if show_id != self.show_id:
            self.open_show(show_id)
        else:
            self._wake.set()  # stock and states change at once in the table

    def _on_ready(self) -> None:
        with self._lock:
            view, self._posted = self._posted, None
        if view is not None and view.show_id == self.show_id and not self._stop:
            self.view = view
            self.updated.emit(view)

    # -- the worker thread ---------------------------------------------------------------------
    def _post(self, view: StatsView) -> None:
        with self._lock:
            wake = self._posted is None  # one wake-up in flight; the latest view wins
            self._posted = view
        if wake:
            self._ready.emit()

    def _run(self) -> None:
        db = None
        reader = ShowReader(None)
        last_post = -MIN_EMIT_S
        failing = ""  # what failed last time: said once, not every poll
        while not self._stop:
            self._wake.clear()  # a wake-up from here on ends the wait below at once
            with self._lock:
                opened, self._open = self._open, None
                handed = self._queue_value
            if opened is not None:
                reader = ShowReader(opened[0])
            if handed is not None and handed[0] == reader.show_id:
                reader.queue = handed[1]
            try:
                if db is None:
                    db = self._connect()
                reader.poll(db)
                if reader.show_id is not None:
                    time.sleep(max(0.0, last_post + MIN_EMIT_S - time.monotonic()))
                    self._post(reader.view(self.clock_ms()))
                    last_post = time.monotonic()
                failing = ""
            except sqlite3.Error as e:
                if failing != "db_error":
                    log.warning("Reading the stats failed (retrying every poll): %s", e)
                    self.failed.emit("db_error")
                failing = "db_error"
                if db is not None:
                    db.close()
                    db = None
            except Exception:
                if failing != "bug":
                    log.exception("The stats reader failed on show %s", reader.show_id)
                    self.failed.emit("bug")
                failing = "bug"
            self._wake.wait(self.poll_s)
        if db is not None:
            db.close()
