"""A show's review (复盘) as plain values, read on any thread from the show database.

load_review() is the one entry point: the review window, the HTML/PDF/CSV exports and the
comparison of two shows all take a Review. Money is in fen (int), rates are fractions (0.031),
times are Unix epoch ms (UTC); None means unknown ("—"), never 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

from console.core import metrics as m
from console.core.attribution import attribute
from console.core.metrics import Totals
from console.services.stats_service import EMPTY, EVENT_MARGIN_MS, ShowReader, wall_ms
from console.store.cues_repo import list_cues
from console.store.db import open_reader
from console.store.review_repo import load_notes

TREND_NAMES = ("online", "gmv_total", "gmv_per_minute", "orders_per_minute")
TREND_NAMES += ("comments_per_minute", "likes_per_minute")
# Timeline events the incidents and alerts come from (the dashboard's markers come from
# ShowReader). device_error: {"device": ..., "code": ...} as the device layer records it.
INCIDENT_KINDS = ("obs_disconnected", "obs_connected", "device_error", "dropped_frames")
INCIDENT_KINDS += ("input_muted", "input_unmuted", "stream_started", "stream_stopped")
ALERT_KINDS = ("alert_raised", "alert_cleared")


@dataclass(frozen=True)
class Point:
    ts_ms: int
    value: float


@dataclass(frozen=True)
class Band:
    """A marker on the trend charts: a range (explain, segment, flash sale, mic mute) or a
    moment (end_ms None: scene change, dropped frames, alert, disconnect)."""

    kind: str  # the dashboard's marker kinds (stats_service): explain, segment, flash_sale,
    # scene, mic_muted, dropped_frames; plus "alert" and "obs_disconnected"
    start_ms: int
    end_ms: int | None
    label: str = ""
    value: float | None = None  # dropped frames, %
    ref: int | None = None  # show item id (explain, flash sale), segment id


@dataclass(frozen=True)
class ProductResult:
    item_id: int
    sku: str
    name: str
    explain_count: int
    explain_ms: int
    during: Totals | None  # None: never explained
    after: Totals | None  # the attribution_after minutes after each window, summed
    stock_left: int | None


@dataclass(frozen=True)
class SegmentResult:
    segment_id: int
    title: str
    planned_s: int | None
    actual_ms: int | None  # None: never started
    start_ms: int | None
    during: Totals | None
    after: Totals | None


@dataclass(frozen=True)
class Incident:
    ts_ms: int
    kind: str  # obs_disconnected, device_error, dropped_frames, mic_muted_live, stream_stopped
    detail: dict = field(default_factory=dict)  # codes and values; the report words them
    duration_ms: int | None = None  # a mute while live, a disconnect: how long


@dataclass(frozen=True)
class AlertRecord:
    ts_ms: int
    rule: str  # console.core.alerts rule code
    detail: dict
    cleared_ms: int | None


@dataclass(frozen=True)
class CueRecord:
    ts_ms: int
    sender: str  # "assistant" or "host" (or the user name stored with it)
    text: str
    outcome: str | None  # acknowledged, expired, …
    kind: str = "free"  # console.core.cues CANNED (text is a built-in code or own words) or FREE


@dataclass(frozen=True)
class Review:
    show_id: int
    title: str
    platform: str
    start_ms: int | None  # the show's first known moment
    end_ms: int | None  # its last
    totals: Totals
    trends: dict[str, tuple[Point, ...]]  # online, gmv_total, gmv_per_minute,
    # orders_per_minute, comments_per_minute, likes_per_minute (the dashboard's series names)
    bands: tuple[Band, ...]
    products: tuple[ProductResult, ...]
    segments: tuple[SegmentResult, ...]
    incidents: tuple[Incident, ...]
    alerts: tuple[AlertRecord, ...]
    cues: tuple[CueRecord, ...]
    notes: str
    after_minutes: int
    rehearsal: bool = False


def load_review(db_path: Path, show_id: int, after_minutes: int = 10) -> Review:
    """The whole review of one show, on a read-only connection of its own (call it off the
    GUI thread: a 12-hour show takes a while). Raises KeyError for an unknown show."""
    db = open_reader(Path(db_path))
    try:
        show = db.execute(
            "SELECT title, platform, rehearsal FROM shows WHERE id = ?", [show_id]
        ).fetchone()
        if show is None:
            raise KeyError(show_id)
        reader = ShowReader(show_id)
        reader.poll(db)  # the dashboard's reading: numbers, windows, segments, flash sales
        events = _timeline(db, show_id)
        planned = db.execute(
            "SELECT id, title, planned_s FROM segments WHERE show_id = ? ORDER BY position, id",
            [show_id],
        ).fetchall()
        cues = tuple(_cues(list_cues(db, show_id)))
        notes = load_notes(db, show_id)
    finally:
        db.close()

    end = _end(reader)
    view = reader.view(0 if end is None else end)  # the dashboard's series and markers
    start, data = view.start_ms, reader.live.data
    shown = _in_show(events, start, end)
    return Review(
        show_id=show_id,
        title=show[0],
        platform=show[1],
        start_ms=start,
        end_ms=end,
        totals=m.totals_at(data, 0 if end is None else end),
        trends={name: _points(view.series.get(name, EMPTY)) for name in TREND_NAMES},
        bands=_bands(view.markers, shown),
        products=tuple(_products(reader, end, after_minutes)),
        segments=tuple(_segments(reader, planned, end, after_minutes)),
        incidents=tuple(_incidents(shown, end)),
        alerts=tuple(_alerts(shown)),
        cues=cues,
        notes=notes,
        after_minutes=after_minutes,
        rehearsal=bool(show[2]),
    )


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Event:
    ts_ms: int
    kind: str
    show_id: int | None
    data: dict


def _timeline(db, show_id: int) -> list[_Event]:
    kinds = INCIDENT_KINDS + ALERT_KINDS
    marks = ", ".join("?" * len(kinds))
    rows = db.execute(
        f"SELECT wall, kind, show_id, data FROM events WHERE kind IN ({marks}) "
        "AND (show_id = ? OR show_id IS NULL) ORDER BY id",
        [*kinds, show_id],
    )
    out = []
    for wall, kind, sid, text in rows:
        ts = wall_ms(wall)
        if ts is None:
            continue
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        out.append(_Event(ts, kind, sid, data if isinstance(data, dict) else {}))
    out.sort(key=lambda e: e.ts_ms)  # stable: same-ms events keep their commit order
    return out


def _in_show(events: list[_Event], start: int | None, end: int | None) -> list[_Event]:
    """The show's own events, and those recorded without a show (OBS's) within its time, as the
    dashboard counts them; here also shortly after it (the stream stopped after the last
    sample)."""
    if start is None or end is None:
        return [e for e in events if e.show_id is not None]
    lo, hi = start - EVENT_MARGIN_MS, end + EVENT_MARGIN_MS
    return [e for e in events if e.show_id is not None or lo <= e.ts_ms <= hi]


def _end(reader: ShowReader) -> int | None:
    """The show's last known moment: its last data, or the end of its last window."""
    times = [reader.live.last_ms]
    times += [end if end is not None else start for _, _, start, end, _ in reader.windows]
    times += [s.end_ms if s.end_ms is not None else s.start_ms for s in reader.segments]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def _points(series) -> tuple[Point, ...]:
    return tuple(Point(round(x * 1000), float(y)) for x, y in zip(series.x, series.y, strict=True))


def _cues(cues) -> Iterable[CueRecord]:
    for c in cues:
        ts = wall_ms(c.wall)
        if ts is not None:
            yield CueRecord(ts, "assistant", c.text, c.outcome, c.kind)


# -- results -----------------------------------------------------------------------------------

_ADDED = ("viewers", "entries", "leaves", "gmv_fen", "orders", "paying_users", "items_sold")
_ADDED += ("new_followers", "fan_club_joins", "interactions")


def sum_totals(parts: Iterable[Totals | None]) -> Totals | None:
    """Several ranges' numbers as one: counts added (the known ones; None when none is known),
    the peak the highest, the gauges those of the last range. Ratios then follow from the sums,
    as the dashboard's product rows do (a repeat buyer in two windows counts in each)."""
    parts = [t for t in parts if t is not None]
    if len(parts) <= 1:
        return parts[0] if parts else None
    out = {f.name: getattr(parts[-1], f.name) for f in fields(Totals)}
    for name in _ADDED:
        known = [getattr(t, name) for t in parts if getattr(t, name) is not None]
        out[name] = sum(known) if known else None
    peaks = [t.peak_online for t in parts if t.peak_online is not None]
    out["peak_online"] = max(peaks) if peaks else None
    return Totals(**out)


def _products(reader: ShowReader, end: int | None, after_minutes: int) -> list[ProductResult]:
    now = 0 if end is None else end
    windows = [m.Window(wid, start, stop) for wid, _, start, stop, _ in reader.windows]
    by_window = {a.key: a for a in attribute(reader.live.data, windows, now, after_minutes)}
    per_item: dict[int, list] = {}
    for wid, item, start, stop, _ in reader.windows:
        per_item.setdefault(item, []).append((start, stop, by_window[wid]))
    out = []
    for iid, name, sku, _state, stock, _low in reader.items:
        spans = per_item.get(iid, [])
        on_air = sum(max(0, min(now, now if e is None else e) - s) for s, e, _ in spans)
        out.append(
            ProductResult(
                item_id=iid,
                sku=sku,
                name=name,
                explain_count=len(spans),
                explain_ms=on_air,
                during=sum_totals(a.during for _, _, a in spans),
                after=sum_totals(a.after for _, _, a in spans),
                stock_left=stock,
            )
        )
    return out


def _segments(reader: ShowReader, planned, end: int | None, after_minutes: int):
    now = 0 if end is None else end
    started = {s.ref: s for s in reader.segments}
    windows = [m.Window(s.ref, s.start_ms, s.end_ms) for s in started.values()]
    results = {a.key: a for a in attribute(reader.live.data, windows, now, after_minutes)}
    for seg_id, title, planned_s in planned:
        s, a = started.get(seg_id), results.get(seg_id)
        stop = None if s is None else (s.end_ms if s.end_ms is not None else now)
        yield SegmentResult(
            segment_id=seg_id,
            title=title or "",
            planned_s=planned_s,
            actual_ms=None if s is None else max(0, stop - s.start_ms),
            start_ms=None if s is None else s.start_ms,
            during=None if a is None else a.during,
            after=None if a is None else a.after,
        )


# -- the timeline: markers, incidents, alerts --------------------------------------------------


def _bands(markers, events: list[_Event]) -> tuple[Band, ...]:
    out = [Band(x.kind, x.start_ms, x.end_ms, x.label, x.value, x.ref) for x in markers]
    for e in events:
        if e.kind == "alert_raised":
            out.append(Band("alert", e.ts_ms, None, str(e.data.get("rule", ""))))
        elif e.kind == "obs_disconnected":
            out.append(Band("obs_disconnected", e.ts_ms, None, str(e.data.get("reason", ""))))
    return tuple(sorted(out, key=lambda b: (b.start_ms, b.kind)))


def _incidents(events: list[_Event], end: int | None) -> list[Incident]:
    """Disconnects (lasting until OBS was back), device errors, dropped-frame spikes, stream
    stops, and mic mutes while streaming (from the mute, or the stream's start, to the unmute
    or the stream's end). The stream was on before its first event if that event is a stop;
    with no stream event at all it never was (a mute then is no incident)."""
    out: list[Incident] = []
    stream = [e.kind for e in events if e.kind in ("stream_started", "stream_stopped")]
    live = bool(stream) and stream[0] == "stream_stopped"
    live_since: int | None = None  # None: on since before the timeline knew
    muted: dict[str, int] = {}  # input -> muted since
    disconnected: int | None = None  # index in out of the disconnect not yet over

    def muted_while_live(name: str, since: int, until: int | None) -> None:
        start = since if live_since is None else max(since, live_since)
        duration = None if until is None or until < start else until - start
        out.append(Incident(start, "mic_muted_live", {"input": name}, duration))

    for e in events:
        if e.kind == "obs_disconnected" and disconnected is None:
            disconnected = len(out)
            out.append(Incident(e.ts_ms, e.kind, dict(e.data)))
        elif e.kind == "obs_connected" and disconnected is not None:
            d = out[disconnected]
            out[disconnected] = Incident(d.ts_ms, d.kind, d.detail, e.ts_ms - d.ts_ms)
            disconnected = None
        elif e.kind in ("device_error", "dropped_frames"):
            out.append(Incident(e.ts_ms, e.kind, dict(e.data)))
        elif e.kind == "stream_started" and not live:
            live, live_since = True, e.ts_ms
        elif e.kind == "stream_stopped":
            if live:
                for name, since in muted.items():
                    muted_while_live(name, since, e.ts_ms)
            live = False
            out.append(Incident(e.ts_ms, e.kind, dict(e.data)))
        elif e.kind == "input_muted":
            muted.setdefault(str(e.data.get("input", "")), e.ts_ms)
        elif e.kind == "input_unmuted":
            name = str(e.data.get("input", ""))
            since = muted.pop(name, None)
            if since is not None and live:
                muted_while_live(name, since, e.ts_ms)
    if live:  # still muted at the end of what is known
        for name, since in muted.items():
            muted_while_live(name, since, end)
    return sorted(out, key=lambda i: i.ts_ms)


def _alerts(events: list[_Event]) -> list[AlertRecord]:
    """Each alert_raised with the first alert_cleared of the same rule (and key, when the
    alert names one) after it."""
    out: list[AlertRecord] = []
    open_: dict[tuple, int] = {}
    for e in events:
        key = (str(e.data.get("rule", "")), str(e.data.get("key", "")))
        if e.kind == "alert_raised":
            detail = {k: v for k, v in e.data.items() if k != "rule"}
            open_[key] = len(out)
            out.append(AlertRecord(e.ts_ms, key[0], detail, None))
        elif e.kind == "alert_cleared" and key in open_:
            i = open_.pop(key)
            a = out[i]
            out[i] = AlertRecord(a.ts_ms, a.rule, a.detail, e.ts_ms)
    return out
