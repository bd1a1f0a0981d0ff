"""Open the show database: one SQLite file, WAL, append-only migrations applied at start."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from console.settings import data_dir

migrations = Migrations("livedesk")


class NewerDatabaseError(Exception):
    """The file was written by a newer LiveDesk; it is left untouched."""

    def __init__(self, path: Path, unknown: list[str]):
        super().__init__(f"{path}: unknown migrations {unknown}")
        self.path = path
        self.unknown = unknown


@migrations()
def m001_events(db: sqlite_utils.Database) -> None:
    # The append-only timeline: everything that happened, with both clocks.
    db["events"].create({"id": int, "mono_ns": int, "wall": str, "kind": str, "data": str}, pk="id")
    db["events"].create_index(["kind", "mono_ns"])


@migrations()
def m002_shows_catalog_queue(db: sqlite_utils.Database) -> None:
    db["shows"].create(
        {
            "id": int,
            "title": str,
            "platform": str,  # douyin, kuaishou, taobao, channels, tiktok, other
            "planned_start": str,  # ISO 8601 with offset
            "planned_end": str,
            "archived": int,
            "rehearsal": int,
            "created_at": str,
        },
        pk="id",
        not_null={"title", "platform"},
        defaults={"archived": 0, "rehearsal": 0},
    )
    db["products"].create(
        {
            "id": int,
            "sku": str,
            "name": str,
            "list_price_fen": int,
            "live_price_fen": int,
            "stock": int,
            "selling_points": str,
            "link_no": str,
            "image": str,
            "category": str,
            "extra": str,  # JSON object of the columns LiveDesk does not know
            "updated_at": str,
        },
        pk="id",
        not_null={"sku", "name"},
    )
    db["products"].create_index(["sku"], unique=True)
    db["show_items"].create(
        {
            "id": int,
            "show_id": int,
            "product_id": int,
            "position": int,  # 0-based order in the queue
            "state": str,  # pending, explaining, done, sold_out, skipped
            "live_price_fen": int,  # this show's price and stock, copied from the catalog
            "stock": int,
            "low_stock": int,  # 库存告急 threshold
        },
        pk="id",
        foreign_keys=[("show_id", "shows", "id"), ("product_id", "products", "id")],
        not_null={"show_id", "product_id", "position", "state"},
    )
    db["show_items"].create_index(["show_id", "position"])
    db["explain_windows"].create(
        {
            "id": int,
            "show_item_id": int,
            "start_mono_ns": int,
            "start_wall": str,
            "end_mono_ns": int,  # null while explaining
            "end_wall": str,
        },
        pk="id",
        foreign_keys=[("show_item_id", "show_items", "id")],
    )
    db["offers"].create(
        {
            "id": int,
            "show_id": int,
            "show_item_id": int,  # null for room-wide offers (coupons, 福袋)
            "kind": str,  # flash_sale, coupon, lucky_bag
            "countdown_s": int,
            "duration_s": int,
            "quantity": int,
            "start_wall": str,  # when the countdown (or the offer) starts
            "start_mono_ns": int,
            "state": str,  # scheduled, counting_down, on_sale, ended, cancelled
        },
        pk="id",
        foreign_keys=[("show_id", "shows", "id"), ("show_item_id", "show_items", "id")],
    )
    db["events"].add_column("show_id", int)


def default_path() -> Path:
    return data_dir() / "livedesk.db"


def open_db(path: Path | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate; refuse a database from a newer version."""
    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        db.close()
        raise NewerDatabaseError(path, unknown)
    db.enable_wal()
    db.execute("PRAGMA synchronous=FULL")
    migrations.apply(db)
    return db
