"""The few stats the alerts need, read on a reader connection (console.store.db.open_reader)
every few seconds: each an index lookup or a short indexed range, never a scan of the show."""

from __future__ import annotations

import sqlite_utils

from console.core.alerts import RoomNumbers
from console.core.metrics import METRICS
from console.store.stats_repo import latest_values

ONLINE = "online"


def online_peak(
    db: sqlite_utils.Database, show_id: int, start_ms: int, end_ms: int
) -> float | None:
    """The highest online viewers sample with start_ms <= ts_ms <= end_ms."""
    row = db.execute(
        "SELECT max(value) FROM samples WHERE show_id = ? AND metric = ? AND ts_ms >= ? "
        "AND ts_ms <= ?",
        [show_id, ONLINE, start_ms, end_ms],
    ).fetchone()
    return None if row is None else row[0]


def latest_order_ms(db: sqlite_utils.Database, show_id: int) -> int | None:
    return db.execute("SELECT max(ts_ms) FROM orders WHERE show_id = ?", [show_id]).fetchone()[0]


def room_numbers(db: sqlite_utils.Database, show_id: int, window_ms: int) -> RoomNumbers:
    """The newest sample or order, the newest online figure and the peak in the window_ms
    before it."""
    latest = latest_values(db, show_id, METRICS)
    times = [ts for ts, _ in latest.values()]
    order_ms = latest_order_ms(db, show_id)
    if order_ms is not None:
        times.append(order_ms)
    online = latest.get(ONLINE)
    if online is None:
        return RoomNumbers(max(times, default=None))
    online_ms, value = online
    peak = online_peak(db, show_id, online_ms - window_ms, online_ms)
    return RoomNumbers(max(times), value, online_ms, peak)
