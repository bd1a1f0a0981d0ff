"""Open the show database: one SQLite file, WAL, append-only migrations applied at start, and
an integrity check when the previous run did not close it."""

from __future__ import annotations

import glob
import logging
import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil
import sqlite_utils
from sqlite_utils import Migrations

from console.settings import data_dir

log = logging.getLogger(__name__)
migrations = Migrations("livedesk")


class NewerDatabaseError(Exception):
    """The file was written by a newer LiveDesk; it is left untouched."""

    def __init__(self, path: Path, unknown: list[str]):
        super().__init__(f"{path}: unknown migrations {unknown}")
        self.path = path
        self.unknown = unknown


class DatabaseDamagedError(Exception):
    """SQLite found the file damaged; it is left untouched for the user to restore or inspect."""

    def __init__(self, path: Path, problems: list[str]):
        super().__init__(f"{path}: damaged: {'; '.join(problems)}")
        self.path = path
        self.problems = problems


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


@migrations()
def m003_run_of_show(db: sqlite_utils.Database) -> None:
    # The rundown: planned segments, and when each really started and ended.
    db["segments"].create(
        {
            "id": int,
            "show_id": int,
            "position": int,  # 0-based order in the rundown
            "title": str,
            "planned_s": int,
            "notes": str,  # script / 话术
            "preset_id": int,  # the look recalled with the segment (presets come later)
            "actual_start_mono_ns": int,
            "actual_start_wall": str,
            "actual_end_mono_ns": int,
            "actual_end_wall": str,
        },
        pk="id",
        foreign_keys=[("show_id", "shows", "id")],
        not_null={"show_id", "position", "title", "planned_s"},
    )
    db["segments"].create_index(["show_id", "position"])
    db["segment_items"].create(  # the queue's products a segment presents, in order
        {"segment_id": int, "show_item_id": int, "position": int},
        pk=("segment_id", "show_item_id"),
        foreign_keys=[("segment_id", "segments", "id"), ("show_item_id", "show_items", "id")],
    )
    # Each show's own checklist, made from a template; auto_check names a live self-check.
    db["checklist_items"].create(
        {
            "id": int,
            "show_id": int,
            "position": int,
            "phase": str,  # account, planning, before_live, during, after (notes/domain.md)
            "text": str,
            "required": int,
            "auto_check": str,  # null: checked by hand
            "params": str,  # JSON, e.g. {"min_free_gb": 20}
            "checked_by": str,
            "checked_at": str,  # wall clock, ISO 8601 with offset
        },
        pk="id",
        foreign_keys=[("show_id", "shows", "id")],
        not_null={"show_id", "position", "phase", "text"},
        defaults={"required": 0},
    )
    db["checklist_items"].create_index(["show_id", "position"])
    # Cues from the assistant to the host view (design.md "messages").
    db["messages"].create(
        {
            "id": int,
            "show_id": int,
            "mono_ns": int,
            "wall": str,
            "kind": str,  # canned, free
            "text": str,
            "outcome": str,  # null while showing; acknowledged, timed_out
            "outcome_wall": str,
        },
        pk="id",
        foreign_keys=[("show_id", "shows", "id")],
    )


@migrations()
def m004_presets(db: sqlite_utils.Database) -> None:
    # Looks recalled with one press (console/core/presets.py); the bundle is stored as its
    # exchange JSON, so what is exported is what is stored.
    db["presets"].create(
        {"id": int, "name": str, "data": str, "updated_at": str},
        pk="id",
        not_null={"name", "data"},
    )
    db["presets"].create_index(["name"], unique=True)
    db["products"].add_column("preset_id", int)  # 讲解 on the product recalls it


@migrations()
def m005_stats(db: sqlite_utils.Database) -> None:
    # The room's numbers (issue 6): ts_ms is Unix epoch ms, UTC; source is api, file, manual
    # or sim. Orders are idempotent on the platform's order_id within a show.
    db["samples"].create(
        {
            "id": int,
            "show_id": int,
            "ts_ms": int,
            "metric": str,
            "value": float,
            "source": str,
        },
        pk="id",
        not_null={"show_id", "ts_ms", "metric", "value", "source"},
    )
    db["samples"].create_index(["show_id", "metric", "ts_ms"])
    db["orders"].create(
        {
            "id": int,
            "show_id": int,
            "order_id": str,
            "ts_ms": int,
            "sku": str,
            "qty": int,
            "amount_fen": int,
            "user": str,
            "source": str,
        },
        pk="id",
        not_null={"show_id", "order_id", "ts_ms", "qty", "amount_fen", "source"},
    )
    db["orders"].create_index(["show_id", "order_id"], unique=True)
    db["comments"].create(
        {"id": int, "show_id": int, "ts_ms": int, "user": str, "text": str, "source": str},
        pk="id",
        not_null={"show_id", "ts_ms", "text", "source"},
    )
    db["comments"].create_index(["show_id", "ts_ms"])
    db["likes"].create(
        {"id": int, "show_id": int, "ts_ms": int, "count": int, "source": str},
        pk="id",
        not_null={"show_id", "ts_ms", "count", "source"},
    )
    db["likes"].create_index(["show_id", "ts_ms"])


@migrations()
def m006_review_notes(db: sqlite_utils.Database) -> None:
    # The team's conclusions on a show's review (复盘): one text per show, edited in place.
    db["review_notes"].create(
        {"show_id": int, "text": str, "updated_at": str},
        pk="show_id",
        foreign_keys=[("show_id", "shows", "id")],
        not_null={"text"},
    )


def default_path() -> Path:
    return data_dir() / "livedesk.db"


def running_marker(path: Path, pid: int | None = None) -> Path:
    """One marker per process that has the database open for writing (the GUI and a
    `livedesk catalog` run may overlap): a clean close removes only its own."""
    return path.with_name(f"{path.name}.running-{pid or os.getpid()}")


def running_markers(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{glob.escape(path.name)}.running-*"))


def _left_by_a_crash(marker: Path) -> bool:
    try:
        pid = int(marker.name.rsplit("-", 1)[1])
    except ValueError:
        return True
    return pid != os.getpid() and not psutil.pid_exists(pid)


class ShowDatabase(sqlite_utils.Database):
    """The write connection. Closing it is the clean shutdown that removes the running marker."""

    marker: Path | None = None

    def close(self) -> None:
        super().close()
        if self.marker is not None:
            self.marker.unlink(missing_ok=True)
            self.marker = None


def open_db(path: Path | None = None) -> ShowDatabase:
    """Open (creating if needed) and migrate the database for its one writer. Refuses a database
    from a newer version, and one that fails integrity_check after an unclean shutdown."""
    path = Path(path or default_path()).absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    marker = running_marker(path)
    stale = [m for m in running_markers(path) if _left_by_a_crash(m)]
    if stale and path.exists():
        check_integrity(path, stale[0].read_text(encoding="utf-8", errors="replace").strip())
    for m in stale:  # checked: the next start need not check again
        m.unlink(missing_ok=True)
    db = ShowDatabase(path)
    try:
        _configure(db)
        known = {m.name for m in migrations._migrations}
        unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    except sqlite3.DatabaseError as e:
        db.close()
        if e.sqlite_errorcode in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise DatabaseDamagedError(path, [str(e)]) from e
        raise
    if unknown:
        db.close()
        raise NewerDatabaseError(path, unknown)
    # Before the first write, so that a crash from here on is noticed at the next start.
    _mark_running(marker)
    db.marker = marker
    try:
        db.enable_wal()
        migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def open_reader(path: Path) -> sqlite_utils.Database:
    """A read-only connection (dashboard, review): WAL lets it read while the writer writes."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    db = sqlite_utils.Database(conn)
    _configure(db)
    return db


def check_integrity(path: Path, previous_run: str = "") -> None:
    """Full integrity_check (quick_check skips index contents) on a read-only connection, which
    can neither checkpoint the WAL into the file nor repair anything."""
    started = time.perf_counter()
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as e:
        rows = [str(e)]
    finally:
        conn.close()
    ms = (time.perf_counter() - started) * 1000
    problems = [
        line for r in rows for line in r.splitlines() if line and not line.startswith("***")
    ]
    ok = problems == ["ok"]
    log.info(
        "%s was not closed cleanly (%s): integrity_check took %.0f ms: %s",
        path,
        previous_run or "no details",
        ms,
        "ok" if ok else f"{len(problems)} problems",
    )
    if not ok:
        raise DatabaseDamagedError(path, problems[:5])


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys=ON")
    # FULL: in WAL mode NORMAL may lose the last commits on power loss; a queue action or stock
    # edit the host saw as saved must survive that.
    db.execute("PRAGMA synchronous=FULL")


def _read_only_uri(path: Path) -> str:
    return Path(path).absolute().as_uri() + "?mode=ro"


def _mark_running(marker: Path) -> None:
    with open(marker, "w", encoding="utf-8") as f:
        f.write(f"pid {os.getpid()}, opened {datetime.now(UTC).isoformat(timespec='seconds')}\n")
        f.flush()
        os.fsync(f.fileno())
    if os.name == "posix":  # the marker's directory entry must reach the disk before the db pages
        fd = os.open(marker.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
