"""The room's numbers in the store (migration m005): a checked Batch is written in the caller's
one transaction (DbWriter.submit), and simple reads for the dashboard and the API. The maths
(GPM, conversion, attribution) is console.core.metrics's; these only fetch rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from console.core.metrics import Count, Order, Sample
from console.core.stats_input import Batch
from console.store.db import open_reader

SOURCES = ("api", "file", "manual", "sim")
PER_MINUTE = {  # what: (table, the value summed per minute)
    "comments": ("comments", "1"),
    "likes": ("likes", "count"),
    "orders": ("orders", "1"),
    "gmv_fen": ("orders", "amount_fen"),
}


@dataclass(frozen=True)
class Stored:
    inserted: int  # rows written, all kinds together
    duplicates: int  # orders whose order_id the show already had (or repeated in the batch)


@dataclass(frozen=True)
class OrderTotals:
    orders: int
    items: int
    gmv_fen: int
    last_ts_ms: int | None


def insert_batch(db: sqlite_utils.Database, show_id: int, batch: Batch, source: str) -> Stored:
    """Write every record of the batch for the show. Run it on the writer (one transaction: an
    error leaves nothing). An order already stored for the show is a duplicate, not an error,
    and is not stored again."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    conn = db.conn
    conn.executemany(
        "INSERT INTO samples (show_id, ts_ms, metric, value, source) VALUES (?, ?, ?, ?, ?)",
        [(show_id, s.ts_ms, s.metric, s.value, source) for s in batch.samples],
    )
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO orders (show_id, order_id, ts_ms, sku, qty, amount_fen, user, "
        "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (show_id, o.order_id, o.ts_ms, o.sku, o.qty, o.amount_fen, o.user, source)
            for o in batch.orders
        ],
    )
    orders = conn.total_changes - before
    conn.executemany(
        "INSERT INTO comments (show_id, ts_ms, user, text, source) VALUES (?, ?, ?, ?, ?)",
        [(show_id, c.ts_ms, c.user, c.text, source) for c in batch.comments],
    )
    conn.executemany(
        "INSERT INTO likes (show_id, ts_ms, count, source) VALUES (?, ?, ?, ?)",
        [(show_id, lk.ts_ms, lk.n, source) for lk in batch.likes],
    )
    duplicates = len(batch.orders) - orders
    return Stored(len(batch) - duplicates, duplicates)


def replace_file_batch(db: sqlite_utils.Database, show_id: int, batch: Batch) -> tuple[Stored, int]:
    """A file import's rows (source "file"), in the caller's one transaction. A sample is the
    platform's reading of a metric at a time, so a reading an earlier file import stored for the
    same show, metric and time is replaced (the latest export wins), never doubled; readings from
    the API, quick entry or the simulator are never touched. Returns (stored, replaced)."""
    conn = db.conn
    before = conn.total_changes
    conn.executemany(
        "DELETE FROM samples WHERE show_id = ? AND metric = ? AND ts_ms = ? AND source = 'file'",
        [(show_id, s.metric, s.ts_ms) for s in batch.samples],
    )
    replaced = conn.total_changes - before
    return insert_batch(db, show_id, batch, "file"), replaced


# -- reads (any connection: the writer's, or a reader's from open_reader) ---------------------
def latest_values(db: sqlite_utils.Database, show_id: int, metrics) -> dict[str, tuple[int, float]]:
    """metric -> (ts_ms, value) of its latest sample, for those of `metrics` the show has.
    One index lookup per metric (no scan of a long show's samples)."""
    out = {}
    for metric in metrics:
        row = db.execute(
            "SELECT ts_ms, value FROM samples WHERE show_id = ? AND metric = ? "
            "ORDER BY ts_ms DESC, id DESC LIMIT 1",
            [show_id, metric],
        ).fetchone()
        if row is not None:
            out[metric] = (row[0], row[1])
    return out


def samples_between(
    db: sqlite_utils.Database, show_id: int, start_ms: int, end_ms: int, metric: str | None = None
) -> list[Sample]:
    """The samples with start_ms <= ts_ms < end_ms (of one metric, or all), in time order."""
    where, args = "", [show_id, start_ms, end_ms]
    if metric is not None:
        where, args = " AND metric = ?", [*args, metric]
    rows = db.execute(
        "SELECT ts_ms, metric, value FROM samples WHERE show_id = ? AND ts_ms >= ? "
        f"AND ts_ms < ?{where} ORDER BY ts_ms, id",
        args,
    ).fetchall()
    return [Sample(*r) for r in rows]


def orders_between(
    db: sqlite_utils.Database, show_id: int, start_ms: int, end_ms: int
) -> list[Order]:
    rows = db.execute(
        "SELECT ts_ms, order_id, sku, qty, amount_fen, user FROM orders WHERE show_id = ? "
        "AND ts_ms >= ? AND ts_ms < ? ORDER BY ts_ms, id",
        [show_id, start_ms, end_ms],
    ).fetchall()
    return [Order(*r) for r in rows]


def counts_between(
    db: sqlite_utils.Database, show_id: int, what: str, start_ms: int, end_ms: int
) -> list[Count]:
    """Comments (each a Count of 1) or likes, for metrics.ShowData."""
    value = {"comments": "1", "likes": "count"}[what]
    rows = db.execute(
        f"SELECT ts_ms, {value} FROM {what} WHERE show_id = ? AND ts_ms >= ? AND ts_ms < ? "
        "ORDER BY ts_ms, id",
        [show_id, start_ms, end_ms],
    ).fetchall()
    return [Count(*r) for r in rows]


def order_totals(db: sqlite_utils.Database, show_id: int) -> OrderTotals:
    """The show's orders table summed (0 orders: the metrics fall back to the samples)."""
    n, items, fen, last = db.execute(
        "SELECT count(*), coalesce(sum(qty), 0), coalesce(sum(amount_fen), 0), max(ts_ms) "
        "FROM orders WHERE show_id = ?",
        [show_id],
    ).fetchone()
    return OrderTotals(n, items, fen, last)


def per_minute(
    db: sqlite_utils.Database, show_id: int, what: str, start_ms: int, end_ms: int
) -> list[tuple[int, int]]:
    """(minute start in epoch ms, total) for the minutes that have any: comments and orders
    counted, likes and gmv_fen summed; start_ms <= ts_ms < end_ms."""
    table, value = PER_MINUTE[what]
    return db.execute(
        f"SELECT (ts_ms / 60000) * 60000 AS minute, sum({value}) FROM {table} "
        "WHERE show_id = ? AND ts_ms >= ? AND ts_ms < ? GROUP BY minute ORDER BY minute",
        [show_id, start_ms, end_ms],
    ).fetchall()


def read_now(path: Path, show_id: int, metrics) -> tuple[dict, OrderTotals]:
    """Latest values and order totals on a reader connection of its own (any thread)."""
    db = open_reader(path)
    try:
        return latest_values(db, show_id, metrics), order_totals(db, show_id)
    finally:
        db.close()
