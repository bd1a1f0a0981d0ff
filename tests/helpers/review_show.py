"""A finished show in a real SQLite file for the review's tests: the rehearsal room
(console/ingest/simulator.py) driven by a known plan of explain windows, segments and a flash
sale, plus what the timeline would hold (OBS dropping out, a mic muted on air, a dropped-frame
spike, an alert, cues). The plan is returned so that tests can check the review against SQL.
Several shows can go in one file (the comparison's tests): products already there are reused."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from console.ingest.simulator import Product, RoomInput, RoomProfile, RoomSimulator
from console.store import stats_repo
from console.store.db import open_db
from console.store.queue_repo import add_products

MIN = 60_000
T0 = 1_750_000_020_000  # a whole minute (UTC)

PRODUCTS = [
    {"sku": "A1", "name": "保湿面霜", "live_price_fen": 9900, "stock": 500},
    {"sku": "B2", "name": "防晒喷雾", "live_price_fen": 5990, "stock": 300},
    {"sku": "C3", "name": "真丝围巾", "live_price_fen": 12900, "stock": 200},
    {"sku": "D4", "name": "没讲的口红", "live_price_fen": 8900, "stock": 50},  # never explained
]


# As console/services/alert_service.py records a raised alert: the rule, then its values.
VIEWERS_DROP = {"rule": "viewers_drop", "level": "amber", "on_host": False, "value": 31.5}
VIEWERS_DROP |= {"from": 2400, "to": 1644, "window_min": 5}


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


@dataclass
class SimShow:
    path: Path
    show_id: int
    items: dict[str, int]  # sku -> show item id
    windows: list[tuple[str, int, int]]  # (sku, start_ms, end_ms), in order
    segments: list[tuple[str, int, int, int]]  # (title, planned_s, start_ms, end_ms)
    end_ms: int
    events: list[tuple[str, int, int | None, dict]] = field(default_factory=list)


def explain_plan(skus: list[str], explain_min: int = 6, gap_min: int = 2):
    """Each product explained explain_min minutes in turn, gap_min minutes apart, from T0+1 min;
    the first one twice (again at the end)."""
    windows, t = [], T0 + MIN
    for sku in [*skus, skus[0]]:
        windows.append((sku, t, t + explain_min * MIN))
        t += (explain_min + gap_min) * MIN
    return windows


def simulate_show(
    path: Path,
    products=PRODUCTS,
    explained: list[str] | None = None,
    seed: int = 5,
    profile: RoomProfile | None = None,
) -> SimShow:
    """A show in the database at `path` (made if new), its queue `products` in order: those
    whose SKU the catalog already holds (an earlier show's) are reused, the others added."""
    db = open_db(path)
    try:
        show_id = db["shows"].insert({"title": "测试场次", "platform": "douyin"}).last_pk
        ids = []
        for p in products:
            row = db.execute("SELECT id FROM products WHERE sku = ?", [p["sku"]]).fetchone()
            ids.append(row[0] if row else db["products"].insert(p).last_pk)
        add_products(db, show_id, ids)
    finally:
        db.close()
    explained = [p["sku"] for p in products[:3]] if explained is None else explained
    windows = explain_plan(explained)
    end = windows[-1][2] + 3 * MIN  # a tail after the last product
    sale = (explained[1], windows[1][1] + 2 * MIN, windows[1][1] + 4 * MIN)
    prices = {p["sku"]: Product(p["sku"], p["live_price_fen"], p["stock"]) for p in products}

    def room(t: int) -> RoomInput:
        on = next((prices[s] for s, a, b in windows if a <= t - 1000 < b), None)
        sale_on = prices[sale[0]] if sale[1] <= t - 1000 < sale[2] else None
        return RoomInput(t, explaining=on, flash_sale=sale_on)

    sim = RoomSimulator(T0, seed=seed, profile=profile or RoomProfile(peak_online=2000))
    batches = [sim.step(room(t)) for t in range(T0 + 1000, end + 1, 1000)]

    db = open_db(path)
    try:
        items = dict(
            db.execute(
                "SELECT p.sku, si.id FROM show_items si JOIN products p ON p.id = si.product_id "
                "WHERE si.show_id = ?",
                [show_id],
            ).fetchall()
        )
        half = windows[len(windows) // 2][1]
        segments = [("开场福利", 15 * 60, T0, half), ("主推爆款", 20 * 60, half, end)]
        events = [
            ("stream_started", T0, None, {}),
            ("obs_disconnected", T0 + 5 * MIN, None, {"reason": "socket_closed"}),
            ("obs_connected", T0 + 5 * MIN + 12_000, None, {"version": "31.0"}),
            ("input_muted", windows[0][1] + MIN, None, {"input": "麦克风"}),
            ("input_unmuted", windows[0][1] + MIN + 14_000, None, {"input": "麦克风"}),
            ("dropped_frames", T0 + 20 * MIN, show_id, {"pct": 2.5, "window_s": 10.0}),
            ("alert_raised", T0 + 22 * MIN, show_id, VIEWERS_DROP),
            ("alert_cleared", T0 + 24 * MIN, show_id, {"rule": "viewers_drop", "after_s": 120.0}),
            ("stream_stopped", end, None, {}),
        ]
        with db.conn:
            for batch in batches:
                stats_repo.insert_batch(db, show_id, batch, "sim")
            db["explain_windows"].insert_all(
                {
                    "show_item_id": items[sku],
                    "start_mono_ns": a * 1_000_000,
                    "start_wall": iso(a),
                    "end_mono_ns": b * 1_000_000,
                    "end_wall": iso(b),
                }
                for sku, a, b in windows
            )
            db["segments"].insert_all(
                {
                    "show_id": show_id,
                    "position": n,
                    "title": title,
                    "planned_s": planned,
                    "actual_start_wall": iso(a),
                    "actual_end_wall": iso(b),
                }
                for n, (title, planned, a, b) in enumerate(segments)
            )
            db["segments"].insert(  # planned, never started
                {"show_id": show_id, "position": 2, "title": "返场", "planned_s": 300}
            )
            db["offers"].insert(
                {
                    "show_id": show_id,
                    "show_item_id": items[sale[0]],
                    "kind": "flash_sale",
                    "countdown_s": 0,
                    "duration_s": (sale[2] - sale[1]) // 1000,
                    "start_wall": iso(sale[1]),
                    "state": "ended",
                }
            )
            db["events"].insert_all(
                {"mono_ns": 0, "wall": iso(t), "kind": k, "show_id": s, "data": json.dumps(d)}
                for k, t, s, d in events
            )
            db["messages"].insert_all(
                {
                    "show_id": show_id,
                    "mono_ns": n,
                    "wall": iso(t),
                    "kind": kind,
                    "text": text,
                    "outcome": outcome,
                }
                for n, (t, kind, text, outcome) in enumerate(
                    [
                        (T0 + 3 * MIN, "canned", "push_orders", "acknowledged"),
                        (T0 + 9 * MIN, "free", "讲一下尺码", "timed_out"),
                    ]
                )
            )
    finally:
        db.close()
    return SimShow(path, show_id, items, windows, segments, end, events)
