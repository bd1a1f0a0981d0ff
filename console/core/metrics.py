"""Live-room metrics (notes/domain.md): the metric codes, show totals, dashboard deltas and the
per-minute chart series. Pure: plain dataclasses in, codes and numbers out; None means unknown
and the UI shows it as "—".

Time is Unix epoch ms, UTC. A range is half-open, [start_ms, end_ms): an order or sample at
end_ms belongs to the next range, so adjacent ranges and minute buckets add up exactly. "At t"
means everything up to and including t, the range [show start, t + 1).
Money is integer fen. Money per person (客单价, GPM, UV value) is rounded half up to whole fen;
other ratios are floats. A zero or unknown denominator gives None, never an exception.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import accumulate

MINUTE_MS = 60_000
GAUGE, INTERVAL, CUMULATIVE = "gauge", "interval", "cumulative"
ORDERS, SAMPLES = "orders", "samples"  # where GMV, orders, items and paying users came from


@dataclass(frozen=True)
class MetricDef:
    code: str
    kind: str  # GAUGE: a reading now; INTERVAL: a count per interval; CUMULATIVE: a running total
    unit: str
    min: float
    max: float

    def accepts(self, value: float) -> bool:
        """False for NaN, infinities and values outside [min, max]: what the ingest refuses."""
        try:
            return math.isfinite(value) and self.min <= value <= self.max
        except (TypeError, OverflowError):
            return False


METRICS: dict[str, MetricDef] = {
    d.code: d
    for d in (
        MetricDef("online", GAUGE, "people", 0, 50_000_000),
        MetricDef("avg_watch_s", GAUGE, "s", 0, 86_400),
        MetricDef("entries", INTERVAL, "people", 0, 50_000_000),
        MetricDef("leaves", INTERVAL, "people", 0, 50_000_000),
        MetricDef("viewers", CUMULATIVE, "people", 0, 10**10),
        MetricDef("gmv_fen", CUMULATIVE, "fen", 0, 10**13),
        MetricDef("orders", CUMULATIVE, "orders", 0, 10**9),
        MetricDef("paying_users", CUMULATIVE, "people", 0, 10**9),
        MetricDef("items_sold", CUMULATIVE, "items", 0, 10**10),
        MetricDef("new_followers", CUMULATIVE, "people", 0, 10**9),
        MetricDef("fan_club_joins", CUMULATIVE, "people", 0, 10**9),
        MetricDef("interactions", CUMULATIVE, "count", 0, 10**11),
    )
}


# --- inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    ts_ms: int
    metric: str  # a METRICS code
    value: float


@dataclass(frozen=True)
class Order:
    ts_ms: int
    order_id: str
    sku: str | None
    qty: int
    amount_fen: int
    user: str | None = None


@dataclass(frozen=True)
class Count:
    """Comments or likes: n of them at ts_ms (one comment row is Count(ts, 1))."""

    ts_ms: int
    n: int


@dataclass(frozen=True)
class Window:
    """An explain window or a rundown segment; end_ms None while it is still open."""

    key: Hashable
    start_ms: int
    end_ms: int | None


class _Line:
    """One series sorted by time (stable: of two samples at the same ms the later-given wins),
    with prefix sums so that a range sum is two bisections."""

    def __init__(self, points: Iterable[tuple[int, float]]):
        points = sorted(points, key=lambda p: p[0])
        self.ts = [p[0] for p in points]
        self.values = [p[1] for p in points]
        self.sums = [0, *accumulate(self.values)]

    def span(self, start: int | None, end: int) -> tuple[int, int]:
        i = 0 if start is None else bisect_left(self.ts, start)
        return i, max(i, bisect_left(self.ts, end))

    def last_before(self, t: int) -> float | None:
        i = bisect_left(self.ts, t)
        return self.values[i - 1] if i else None

    def sum(self, start: int | None, end: int):
        i, j = self.span(start, end)
        return self.sums[j] - self.sums[i]


class ShowData:
    """One show's inputs, grouped and sorted once so that every query bisects. Samples of unknown
    metrics or with values their MetricDef refuses (NaN, out of bounds) are dropped, as the
    ingest would have refused them."""

    def __init__(
        self,
        samples: Iterable[Sample] = (),
        orders: Iterable[Order] = (),
        comments: Iterable[Count] = (),
        likes: Iterable[Count] = (),
    ):
        by_metric: dict[str, list[tuple[int, float]]] = {code: [] for code in METRICS}
        for s in samples:
            if s.metric in METRICS and METRICS[s.metric].accepts(s.value):
                by_metric[s.metric].append((s.ts_ms, s.value))
        self.lines = {code: _Line(points) for code, points in by_metric.items()}
        self.orders = sorted(orders, key=lambda o: o.ts_ms)
        self.amounts = _Line((o.ts_ms, o.amount_fen) for o in self.orders)
        self.qtys = _Line((o.ts_ms, o.qty) for o in self.orders)
        self.comments = _Line((c.ts_ms, c.n) for c in comments)
        self.likes = _Line((c.ts_ms, c.n) for c in likes)


# --- totals -----------------------------------------------------------------------------------


def _int(v: float | None) -> int | None:
    return None if v is None else round(v)


def _counter(line: _Line, start: int | None, end: int) -> int | None:
    """A cumulative counter over [start, end): its last value before end, less its last value
    before start; with start None (since the show began) the value itself, as is, even after a
    platform correction lowered it. The difference is clamped at 0: a correction never shows as
    negative sales or viewers over a range. None when either end has no sample before it."""
    now = line.last_before(end)
    if now is None or start is None:
        return _int(now)
    before = line.last_before(start)
    return None if before is None else max(0, round(now - before))


def _interval(line: _Line, start: int | None, end: int) -> int | None:
    """Per-interval counts (entries, leaves) summed over the samples in the range; None if the
    range holds none (an interval without a report is unknown, not zero)."""
    i, j = line.span(start, end)
    return _int(line.sums[j] - line.sums[i]) if j > i else None


def _div_fen(fen: int | None, people: int | None) -> int | None:
    if fen is None or not people or people < 0:
        return None
    return (2 * fen + people) // (2 * people)  # rounded half up, in integers


def _ratio(part: int | None, whole: int | None) -> float | None:
    return None if part is None or not whole or whole < 0 else part / whole


def sales_source(data: ShowData, start_ms: int | None, end_ms: int) -> str:
    """ORDERS when an order falls in [start_ms, end_ms), else SAMPLES (the cumulative counters)."""
    i, j = data.amounts.span(start_ms, end_ms)
    return ORDERS if j > i else SAMPLES


@dataclass(frozen=True)
class Totals:
    online: int | None  # last online reading before the end
    peak_online: int | None  # highest online reading in the range
    avg_watch_s: float | None  # last reading before the end
    viewers: int | None  # 场观; see totals()
    entries: int | None
    leaves: int | None
    gmv_fen: int | None
    orders: int | None
    paying_users: int | None
    items_sold: int | None
    new_followers: int | None
    fan_club_joins: int | None
    interactions: int | None
    source: str  # ORDERS or SAMPLES: where gmv_fen, orders and items_sold came from

    @property
    def aov_fen(self) -> int | None:  # 客单价 = GMV / paying users
        return _div_fen(self.gmv_fen, self.paying_users)

    @property
    def gpm_fen(self) -> int | None:  # GPM = GMV × 1000 / views (views: the viewers counter)
        return _div_fen(None if self.gmv_fen is None else self.gmv_fen * 1000, self.viewers)

    @property
    def uv_value_fen(self) -> int | None:  # UV价值 = GMV / viewers
        return _div_fen(self.gmv_fen, self.viewers)

    @property
    def conversion(self) -> float | None:  # 看播转化率 = paying users / viewers
        return _ratio(self.paying_users, self.viewers)

    @property
    def interaction_rate(self) -> float | None:  # 互动率 = interactions / viewers
        return _ratio(self.interactions, self.viewers)


def totals(data: ShowData, start_ms: int | None, end_ms: int, source: str | None = None) -> Totals:
    """The show's numbers over [start_ms, end_ms); start_ms None means since the show began.

    viewers: since the show began, the platform's 场观 counter; over a part of the show, the
    people watching at its start (the last online reading before it) plus the counter's rise
    during it — everyone who could have seen that part. Ratios divide by this.
    GMV, orders, items and paying users come from `source` (default: sales_source()). From the
    orders, paying users are the distinct users when every order in the range names one, else
    the paying_users counter.
    """
    lines = data.lines

    def counter(code: str) -> int | None:
        return _counter(lines[code], start_ms, end_ms)

    source = source or sales_source(data, start_ms, end_ms)
    if source == ORDERS:
        i, j = data.amounts.span(start_ms, end_ms)
        gmv, orders = data.amounts.sums[j] - data.amounts.sums[i], j - i
        items = data.qtys.sums[j] - data.qtys.sums[i]
        users = {o.user for o in data.orders[i:j]}
        paying = counter("paying_users") if None in users else len(users)
    else:
        gmv, orders, items, paying = map(
            counter, ("gmv_fen", "orders", "items_sold", "paying_users")
        )

    online = lines["online"]
    i, j = online.span(start_ms, end_ms)
    viewers = counter("viewers")
    if start_ms is not None and viewers is not None:
        at_start = online.last_before(start_ms)
        viewers = None if at_start is None else round(at_start) + viewers
    return Totals(
        online=_int(online.last_before(end_ms)),
        peak_online=_int(max(online.values[i:j])) if j > i else None,
        avg_watch_s=lines["avg_watch_s"].last_before(end_ms),
        viewers=viewers,
        entries=_interval(lines["entries"], start_ms, end_ms),
        leaves=_interval(lines["leaves"], start_ms, end_ms),
        gmv_fen=gmv,
        orders=orders,
        paying_users=paying,
        items_sold=items,
        new_followers=counter("new_followers"),
        fan_club_joins=counter("fan_club_joins"),
        interactions=counter("interactions"),
        source=source,
    )


def totals_at(data: ShowData, t_ms: int, source: str | None = None) -> Totals:
    """The show's numbers as of t_ms, inclusive."""
    return totals(data, None, t_ms + 1, source)


# Running totals (never fall between two "at" readings but for a correction): their deltas are
# clamped at 0 like any counter over a range. Gauges and ratios may fall.
_RISING = ("peak_online", "viewers", "entries", "leaves", "gmv_fen", "orders", "paying_users")
_RISING += ("items_sold", "new_followers", "fan_club_joins", "interactions")
_FALLING = ("online", "avg_watch_s", "aov_fen", "gpm_fen", "uv_value_fen", "conversion")
_FALLING += ("interaction_rate",)
DELTA_FIELDS = _RISING + _FALLING


def deltas(data: ShowData, now_ms: int, minutes: int = 5) -> dict[str, int | float | None]:
    """Each of DELTA_FIELDS at now_ms less the same at now_ms - minutes (the dashboard cards);
    None when either is unknown. Both readings use the source of now, so that "no order in the
    last 5 minutes" is 0, not a switch to the counters."""
    now = totals_at(data, now_ms)
    then = totals_at(data, now_ms - minutes * MINUTE_MS, now.source)
    out: dict[str, int | float | None] = {}
    for name in DELTA_FIELDS:
        a, b = getattr(now, name), getattr(then, name)
        d = None if a is None or b is None else a - b
        out[name] = max(0, d) if d is not None and name in _RISING else d
    return out


# --- per-minute series for the charts ---------------------------------------------------------


def _minutes(start_ms: int, end_ms: int) -> list[tuple[int, int, int]]:
    """(minute start, lo, hi) for each UTC minute that overlaps [start_ms, end_ms), its range cut
    to [lo, hi) so that the first and last minute may be partial and the buckets add up."""
    out, m = [], start_ms // MINUTE_MS * MINUTE_MS
    while m < end_ms:
        out.append((m, max(m, start_ms), min(m + MINUTE_MS, end_ms)))
        m += MINUTE_MS
    return out


Series = list[tuple[int, int | None]]


def online_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    """The last online reading in each minute; None for a minute without one (a gap in the chart
    rather than a stale number repeated)."""
    line = data.lines["online"]
    out: Series = []
    for m, lo, hi in _minutes(start_ms, end_ms):
        i, j = line.span(lo, hi)
        out.append((m, round(line.values[j - 1]) if j > i else None))
    return out


def _sales_per_minute(data: ShowData, start_ms: int, end_ms: int, code: str, orders) -> Series:
    # One source for the whole chart, so that a minute without orders is 0, not a counter.
    if sales_source(data, start_ms, end_ms) == ORDERS:
        return [(m, orders(lo, hi)) for m, lo, hi in _minutes(start_ms, end_ms)]
    return [(m, _counter(data.lines[code], lo, hi)) for m, lo, hi in _minutes(start_ms, end_ms)]


def gmv_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    """GMV (fen) in each minute. From the counters, a minute is None until the counter has a
    sample before it, and a correction shows as 0 (clamped), so the minutes then add up to more
    than the range's GMV; from the orders they add up exactly."""
    return _sales_per_minute(data, start_ms, end_ms, "gmv_fen", data.amounts.sum)


def orders_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    def count(lo: int, hi: int) -> int:
        i, j = data.amounts.span(lo, hi)
        return j - i

    return _sales_per_minute(data, start_ms, end_ms, "orders", count)


def gmv_cumulative_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    """The show's GMV (fen) since it began, as of the end of each minute."""
    if sales_source(data, None, end_ms) == ORDERS:
        return [(m, data.amounts.sum(None, hi)) for m, _, hi in _minutes(start_ms, end_ms)]
    gmv = data.lines["gmv_fen"]
    return [(m, _counter(gmv, None, hi)) for m, _, hi in _minutes(start_ms, end_ms)]


def _counts_per_minute(line: _Line, start_ms: int, end_ms: int) -> Series:
    # No row at all means no feed (None); with a feed, a quiet minute is 0.
    known = bool(line.ts)
    return [(m, line.sum(lo, hi) if known else None) for m, lo, hi in _minutes(start_ms, end_ms)]


def comments_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    return _counts_per_minute(data.comments, start_ms, end_ms)


def likes_per_minute(data: ShowData, start_ms: int, end_ms: int) -> Series:
    return _counts_per_minute(data.likes, start_ms, end_ms)
