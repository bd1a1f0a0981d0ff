"""Reviews made by hand for the review and comparison screens' tests, and a simulated show in a
real SQLite file for the tests (and the screenshot) that go through load_review."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from console.core.metrics import ORDERS, Totals
from console.reports.review import (
    AlertRecord,
    Band,
    CueRecord,
    Incident,
    Point,
    ProductResult,
    Review,
    SegmentResult,
)

MIN = 60_000
T0 = 1_750_000_020_000  # a whole minute (UTC)


def totals(**values) -> Totals:
    """Totals with every number unknown but those given."""
    fields = {f.name: None for f in dataclasses.fields(Totals)}
    fields["source"] = ORDERS
    fields.update(values)
    return Totals(**fields)


def product(item_id: int, sku: str, name: str, **kw) -> ProductResult:
    values = dict(explain_count=1, explain_ms=5 * MIN, during=None, after=None, stock_left=None)
    values.update(kw)
    return ProductResult(item_id, sku, name, **values)


def make_review(show_id: int = 1, **overrides) -> Review:
    """A 30-minute show: two products explained, one never; two segments (one over its plan,
    one never started); an incident, an alert and a cue; one unknown total (new followers)."""
    end = T0 + 30 * MIN
    minutes = range(30)
    values = dict(
        show_id=show_id,
        title="周五上新专场",
        platform="douyin",
        start_ms=T0,
        end_ms=end,
        totals=totals(
            online=300,
            peak_online=812,
            viewers=5000,
            gmv_fen=12_345_650,
            orders=321,
            paying_users=250,
            items_sold=400,
            interactions=900,
        ),
        trends={
            "online": tuple(Point(T0 + k * MIN, 200 + 20 * k) for k in minutes),
            "gmv_total": tuple(Point(T0 + k * MIN, 400_000 * k) for k in minutes),
            "gmv_per_minute": tuple(Point(T0 + k * MIN, 400_000) for k in minutes),
            "orders_per_minute": tuple(Point(T0 + k * MIN, 10 + k % 4) for k in minutes),
            "comments_per_minute": tuple(Point(T0 + k * MIN, 30) for k in minutes),
            "likes_per_minute": tuple(Point(T0 + k * MIN, 600) for k in minutes),
        },
        bands=(
            Band("segment", T0, T0 + 20 * MIN, "开场福利"),
            Band("explain", T0 + 2 * MIN, T0 + 10 * MIN, "保湿面霜"),
            Band("explain", T0 + 12 * MIN, T0 + 18 * MIN, "防晒喷雾"),
            Band("flash_sale", T0 + 14 * MIN, T0 + 16 * MIN, "防晒喷雾"),
            Band("scene", T0 + 5 * MIN, None, "Close-up"),
            Band("mic_muted", T0 + 21 * MIN, T0 + 21 * MIN + 14_000, "Mic"),
            Band("alert", T0 + 25 * MIN, None, "low_stock"),
            Band("obs_disconnected", T0 + 27 * MIN, None, ""),
        ),
        products=(
            product(
                11,
                "A1",
                "保湿面霜",
                explain_count=2,
                explain_ms=8 * MIN,
                during=totals(gmv_fen=123_450, orders=12, paying_users=10, viewers=1000),
                after=totals(gmv_fen=50_000, orders=4, paying_users=4, viewers=800),
                stock_left=38,
            ),
            product(
                12,
                "B2",
                "防晒喷雾",
                explain_ms=6 * MIN,
                during=totals(gmv_fen=990_000, orders=50, paying_users=45, viewers=1500),
                after=totals(gmv_fen=None, orders=None),
                stock_left=0,
            ),
            product(13, "C3", "羊绒围巾", explain_count=0, explain_ms=0, stock_left=None),
        ),
        segments=(
            SegmentResult(
                21,
                "开场福利",
                planned_s=15 * 60,
                actual_ms=20 * MIN,
                start_ms=T0,
                during=totals(gmv_fen=1_113_450, orders=62),
                after=totals(gmv_fen=50_000, orders=4),
            ),
            SegmentResult(22, "返场", 600, None, None, None, None),
        ),
        incidents=(
            Incident(T0 + 27 * MIN, "obs_disconnected", {}, 12_000),
            Incident(T0 + 21 * MIN, "mic_muted_live", {"input": "Mic"}, 14_000),
        ),
        alerts=(AlertRecord(T0 + 25 * MIN, "low_stock", {"sku": "B2", "stock": 3}, None),),
        cues=(CueRecord(T0 + 9 * MIN, "assistant", "B2 还剩 3 件", "acknowledged"),),
        notes="",
        after_minutes=10,
    )
    values.update(overrides)
    return Review(**values)


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


SIM_PRODUCTS = [
    {"sku": "MZ-1", "name": "丝绒哑光口红", "live_price_fen": 9900, "stock": 500},
    {"sku": "FS-2", "name": "羊绒围巾", "live_price_fen": 25900, "stock": 300},
    {"sku": "BY-3", "name": "保湿面霜", "live_price_fen": 12900, "stock": 200},
]


def simulated_show(
    path: Path,
    minutes: int = 30,
    seed: int = 1,
    title: str = "彩排",
    products=None,
    start_ms: int = T0,
) -> int:
    """A show in the database at `path` (made if new) as the rehearsal simulator would fill it:
    its products explained one after the other for a third of the show each (the last one
    never, when there are more than three), two rundown segments, and a second-by-second room.
    Returns the show's id."""
    from console.ingest.simulator import Product, RoomInput, RoomSimulator
    from console.store import stats_repo
    from console.store.db import open_db
    from console.store.queue_repo import add_products

    products = list(SIM_PRODUCTS if products is None else products)
    db = open_db(path)
    try:
        show_id = db["shows"].insert({"title": title, "platform": "douyin"}).last_pk
        ids = []
        for p in products:
            row = db.execute("SELECT id FROM products WHERE sku = ?", [p["sku"]]).fetchone()
            ids.append(row[0] if row else db["products"].insert(p).last_pk)
        add_products(db, show_id, ids)
        items = [
            r[0]
            for r in db.execute(
                "SELECT id FROM show_items WHERE show_id = ? ORDER BY position", [show_id]
            )
        ]
        third = minutes * MIN // 3
        windows = []  # (item index, start, end)
        for k in range(min(3, len(items))):
            start = start_ms + k * third + MIN
            windows.append((k, start, start + third - 2 * MIN))
        for k, start, end in windows:
            db["explain_windows"].insert(
                {
                    "show_item_id": items[k],
                    "start_mono_ns": start * 1_000_000,
                    "start_wall": iso(start),
                    "end_mono_ns": end * 1_000_000,
                    "end_wall": iso(end),
                }
            )
        half = minutes * MIN // 2
        for pos, (name, planned, actual) in enumerate(
            (("开场福利", half // 1000 - 120, half), ("爆款返场", half // 1000, half - 3 * MIN))
        ):
            seg_start = start_ms + pos * half
            db["segments"].insert(
                {
                    "show_id": show_id,
                    "position": pos,
                    "title": name,
                    "planned_s": planned,
                    "actual_start_mono_ns": seg_start * 1_000_000,
                    "actual_start_wall": iso(seg_start),
                    "actual_end_mono_ns": (seg_start + actual) * 1_000_000,
                    "actual_end_wall": iso(seg_start + actual),
                }
            )
        room = RoomSimulator(start_ms, seed=seed)
        with db.conn:  # one transaction: a 30-minute show in a fraction of a second
            for minute in range(minutes):
                at = start_ms + minute * MIN  # windows start and end on whole minutes
                k = next((k for k, s, e in windows if s <= at < e), None)
                p = None if k is None else products[k]
                sold = None if p is None else Product(p["sku"], p["live_price_fen"], p["stock"])
                batch = room.step(RoomInput(at + MIN, explaining=sold))
                stats_repo.insert_batch(db, show_id, batch, "sim")
        return show_id
    finally:
        db.close()
