"""The show queue in SQLite: load it as a core Queue, and save the difference between two
Queues (so an action and its undo are both one small transaction)."""

from __future__ import annotations

import json

import sqlite_utils

from console.core.offers import FlashSale
from console.core.queue import (
    DEFAULT_LOW_STOCK,
    PENDING,
    SOLD_OUT,
    ExplainWindow,
    Queue,
    QueueItem,
)
from console.store.timeline import event_row, stamp

_ITEMS = """
SELECT si.id, si.product_id, p.sku, p.name, p.link_no, si.live_price_fen, si.stock,
       si.low_stock, si.state, p.selling_points, p.preset_id
FROM show_items si JOIN products p ON p.id = si.product_id
WHERE si.show_id = ? ORDER BY si.position, si.id
"""
_WINDOWS = """
SELECT w.show_item_id, w.start_mono_ns, w.end_mono_ns
FROM explain_windows w JOIN show_items si ON si.id = w.show_item_id
WHERE si.show_id = ? ORDER BY w.start_mono_ns, w.id
"""


def load_queue(db: sqlite_utils.Database, show_id: int) -> Queue:
    items = tuple(
        QueueItem(
            id=r[0],
            product_id=r[1],
            sku=r[2],
            name=r[3],
            link_no=r[4] or "",
            live_price_fen=r[5],
            stock=r[6],
            low_stock=DEFAULT_LOW_STOCK if r[7] is None else r[7],
            state=r[8],
            selling_points=r[9] or "",
            preset_id=r[10],
        )
        for r in db.execute(_ITEMS, [show_id]).fetchall()
    )
    windows = tuple(ExplainWindow(r[0], r[1], r[2]) for r in db.execute(_WINDOWS, [show_id]))
    return Queue(items, windows)


def add_products(db: sqlite_utils.Database, show_id: int, product_ids: list[int]) -> None:
    """Append catalog products to the show's queue with their catalog price and stock."""
    end = db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM show_items WHERE show_id = ?", [show_id]
    ).fetchone()[0]
    rows = []
    for offset, product_id in enumerate(product_ids):
        p = db["products"].get(product_id)
        rows.append(
            {
                "show_id": show_id,
                "product_id": product_id,
                "position": end + offset,
                "state": SOLD_OUT if p["stock"] == 0 else PENDING,
                "live_price_fen": p["live_price_fen"],
                "stock": p["stock"],
                "low_stock": DEFAULT_LOW_STOCK,
            }
        )
    db["show_items"].insert_all(rows)


def append_to_queue(db: sqlite_utils.Database, show_id: int, product_ids: list[int]) -> Queue:
    """add_products with its timeline event, in the caller's transaction; the queue after."""
    add_products(db, show_id, product_ids)
    mono_ns, wall = stamp()
    db["events"].insert(
        {
            "mono_ns": mono_ns,
            "wall": wall,
            "kind": "queue_products_added",
            "show_id": show_id,
            "data": json.dumps({"products": product_ids}),
        }
    )
    return load_queue(db, show_id)


def save_queue(db: sqlite_utils.Database, before: Queue, after: Queue, wall_now: str) -> None:
    """Write what changed from `before` to `after` (both of the same show)."""
    old = {i.id: (n, i) for n, i in enumerate(before.items)}
    for position, item in enumerate(after.items):
        was = old.get(item.id)
        if was is None or was != (position, item):
            db["show_items"].update(
                item.id,
                {
                    "position": position,
                    "state": item.state,
                    "live_price_fen": item.live_price_fen,
                    "stock": item.stock,
                    "low_stock": item.low_stock,
                },
            )
    old_windows = {(w.item_id, w.start_ns): w for w in before.windows}
    new_windows = {(w.item_id, w.start_ns): w for w in after.windows}
    for key in old_windows.keys() - new_windows.keys():  # undone
        db.execute(
            "DELETE FROM explain_windows WHERE show_item_id = ? AND start_mono_ns = ?", list(key)
        )
    for key, w in new_windows.items():
        was = old_windows.get(key)
        if was is None:
            db["explain_windows"].insert(
                {
                    "show_item_id": w.item_id,
                    "start_mono_ns": w.start_ns,
                    "start_wall": wall_now,
                    "end_mono_ns": w.end_ns,
                    "end_wall": wall_now if w.end_ns is not None else None,
                }
            )
        elif was.end_ns != w.end_ns:
            db.execute(
                "UPDATE explain_windows SET end_mono_ns = ?, end_wall = ? "
                "WHERE show_item_id = ? AND start_mono_ns = ?",
                [w.end_ns, wall_now if w.end_ns is not None else None, *key],
            )


def save_action(
    db: sqlite_utils.Database, show_id: int, before: Queue, after: Queue, kind: str, data: dict
) -> None:
    """One queue action: the change and its timeline event, in the caller's transaction."""
    mono_ns, wall = stamp()
    save_queue(db, before, after, wall)
    db["events"].insert(
        {
            "mono_ns": mono_ns,
            "wall": wall,
            "kind": kind,
            "show_id": show_id,
            "data": json.dumps(data, ensure_ascii=False),
        }
    )


def save_flash_sale(db: sqlite_utils.Database, show_id: int, sale: FlashSale) -> None:
    mono_ns, wall = stamp()
    db["offers"].insert(
        {
            "show_id": show_id,
            "show_item_id": sale.item_id,
            "kind": "flash_sale",
            "countdown_s": sale.countdown_s,
            "duration_s": sale.duration_s,
            "quantity": sale.quantity,
            "start_wall": wall,
            "start_mono_ns": sale.start_ns,
            "state": "counting_down",
        }
    )
    db["events"].insert(
        {
            "mono_ns": mono_ns,
            "wall": wall,
            "kind": "flash_sale_started",
            "show_id": show_id,
            "data": json.dumps(
                {
                    "item": sale.item_id,
                    "countdown_s": sale.countdown_s,
                    "duration_s": sale.duration_s,
                    "quantity": sale.quantity,
                }
            ),
        }
    )


def end_flash_sale(db: sqlite_utils.Database, show_id: int, sale: FlashSale) -> None:
    """The host ended the sale before its time (sold out, or started by mistake)."""
    db.execute(
        "UPDATE offers SET state = 'ended' WHERE show_id = ? AND kind = 'flash_sale' "
        "AND start_mono_ns = ?",
        [show_id, sale.start_ns],
    )
    db["events"].insert(event_row("flash_sale_ended", show_id=show_id, item=sale.item_id))


_RESULTS = """
SELECT si.position, p.link_no, p.sku, p.name, si.live_price_fen, si.stock, si.state,
       COUNT(w.id) AS explain_count,
       -- MAX(0, …): an open window from before a reboot has a start on another monotonic clock
       COALESCE(SUM(MAX(0, COALESCE(w.end_mono_ns, :now) - w.start_mono_ns)), 0) AS explain_ns
FROM show_items si JOIN products p ON p.id = si.product_id
LEFT JOIN explain_windows w ON w.show_item_id = si.id
WHERE si.show_id = :show
GROUP BY si.id ORDER BY si.position, si.id
"""


def queue_results(db: sqlite_utils.Database, show_id: int, now_ns: int | None = None) -> list[dict]:
    """The show's queue in order with what happened to each product: 0-based position, link
    number, SKU, name, live price (fen), stock left, state, how many explain windows and their
    total length in ns. An open window counts up to `now_ns` (default: now, on the monotonic
    clock the queue's windows are stamped with)."""
    now = stamp()[0] if now_ns is None else now_ns
    cursor = db.execute(_RESULTS, {"now": now, "show": show_id})
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
