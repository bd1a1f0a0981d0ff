"""A show's raw data as CSV, for a spreadsheet or another tool: samples.csv, orders.csv,
comments.csv, likes.csv and events.csv in one folder. UTF-8 with a byte-order mark, so that
Excel opens the Chinese as Chinese; each file written whole or not at all. The column names are
the stored fields' (data, not UI text); a `time` column beside each epoch-ms one gives the
local time for people. Numbers and times are written as other programs read them, the same in
every locale: 1234.50 and ISO 8601, never grouped nor with a comma for a point."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from console.reports.files import replacing
from console.reports.format import local_time, plain_yuan
from console.services.stats_service import EVENT_MARGIN_MS, wall_ms
from console.store.db import open_reader

FILES = ("samples", "orders", "comments", "likes", "events")
_QUERIES = {
    "samples": (
        ("ts_ms", "time", "metric", "value", "source"),
        "SELECT ts_ms, metric, value, source FROM samples WHERE show_id = ? ORDER BY ts_ms, id",
    ),
    "orders": (
        ("ts_ms", "time", "order_id", "sku", "qty", "amount_fen", "amount_yuan", "user", "source"),
        "SELECT ts_ms, order_id, sku, qty, amount_fen, user, source FROM orders "
        "WHERE show_id = ? ORDER BY ts_ms, id",
    ),
    "comments": (
        ("ts_ms", "time", "user", "text", "source"),
        "SELECT ts_ms, user, text, source FROM comments WHERE show_id = ? ORDER BY ts_ms, id",
    ),
    "likes": (
        ("ts_ms", "time", "count", "source"),
        "SELECT ts_ms, count, source FROM likes WHERE show_id = ? ORDER BY ts_ms, id",
    ),
}
_SPAN = """
SELECT min(lo), max(hi) FROM (
  SELECT min(ts_ms) AS lo, max(ts_ms) AS hi FROM samples WHERE show_id = :show
  UNION ALL SELECT min(ts_ms), max(ts_ms) FROM orders WHERE show_id = :show
  UNION ALL SELECT min(ts_ms), max(ts_ms) FROM comments WHERE show_id = :show
  UNION ALL SELECT min(ts_ms), max(ts_ms) FROM likes WHERE show_id = :show
)
"""
_WALLS = """
SELECT w.start_wall, w.end_wall FROM explain_windows w
JOIN show_items si ON si.id = w.show_item_id WHERE si.show_id = :show
UNION ALL SELECT actual_start_wall, actual_end_wall FROM segments WHERE show_id = :show
"""


def write_csv(db_path: Path, show_id: int, folder: Path) -> list[Path]:
    """Write the five files into `folder` (created if missing), replacing files of the same
    names; returns their paths. Any thread; one read snapshot of the show."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    db = open_reader(Path(db_path))
    conn = db.conn
    paths = []
    try:
        conn.execute("BEGIN")  # the five files from one moment, while the writer goes on
        if conn.execute("SELECT 1 FROM shows WHERE id = ?", [show_id]).fetchone() is None:
            raise KeyError(show_id)
        for name in FILES:
            header, rows = _rows(conn, name, show_id)
            path = folder / f"{name}.csv"
            with replacing(path) as tmp:
                with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                    out = csv.writer(f)
                    out.writerow(header)
                    out.writerows(rows)
            paths.append(path)
    finally:
        conn.commit()
        db.close()
    return paths


def _time(ts_ms: int | None) -> str:
    return "" if ts_ms is None else local_time(ts_ms).isoformat(timespec="milliseconds")


def _rows(conn, name: str, show_id: int):
    if name == "events":
        return ("id", "time", "wall", "kind", "show_id", "data"), _events(conn, show_id)
    header, sql = _QUERIES[name]
    rows = conn.execute(sql, [show_id])
    if name == "orders":
        return header, (
            (ts, _time(ts), oid, sku, qty, fen, plain_yuan(fen), user, src)
            for ts, oid, sku, qty, fen, user, src in rows
        )
    return header, ((r[0], _time(r[0]), *r[1:]) for r in rows)


def _events(conn, show_id: int):
    """The show's timeline events, and those recorded without a show (OBS's) within its time,
    as the review counts them."""
    times = list(conn.execute(_SPAN, {"show": show_id}).fetchone())
    for start, end in conn.execute(_WALLS, {"show": show_id}):
        times += [wall_ms(start), wall_ms(end)]
    known = [t for t in times if t is not None]
    lo = min(known) - EVENT_MARGIN_MS if known else None
    hi = max(known) + EVENT_MARGIN_MS if known else None
    rows = conn.execute(
        "SELECT id, wall, kind, show_id, data FROM events "
        "WHERE show_id = ? OR show_id IS NULL ORDER BY id",
        [show_id],
    )
    for event_id, wall, kind, sid, data in rows:
        ts = wall_ms(wall)
        if sid is None and (lo is None or ts is None or not lo <= ts <= hi):
            continue
        yield event_id, _time(ts), wall, kind, sid, _compact(data)


def _compact(data: str | None) -> str:
    """The JSON as stored, Chinese left readable."""
    try:
        return json.dumps(json.loads(data), ensure_ascii=False) if data else ""
    except ValueError:
        return data
