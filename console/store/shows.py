"""Shows (场次) in SQLite. Functions of the writer's connection: callers run the writing ones
inside DbWriter.submit, so each is one durable transaction."""

from __future__ import annotations

import sqlite_utils

from console.core.show import Show, ShowError, check_platform, check_schedule, clean_title
from console.store.rundown_repo import copy_rundown
from console.store.timeline import stamp

PENDING = "pending"  # a queue item's first state (console.core.queue)
_COLUMNS = "id, title, platform, planned_start, planned_end, archived, rehearsal"


def get_show(db: sqlite_utils.Database, show_id: int) -> Show | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM shows WHERE id = ?", [show_id]).fetchone()
    return _show(row) if row else None


def list_shows(db: sqlite_utils.Database, include_archived: bool = False) -> list[Show]:
    """Newest first."""
    where = "" if include_archived else "WHERE archived = 0"
    rows = db.execute(f"SELECT {_COLUMNS} FROM shows {where} ORDER BY id DESC").fetchall()
    return [_show(r) for r in rows]


def create_show(
    db: sqlite_utils.Database,
    title: str,
    platform: str,
    planned_start: str | None = None,
    planned_end: str | None = None,
    rehearsal: bool = False,
) -> Show:
    title = clean_title(title)
    check_platform(platform)
    check_schedule(planned_start, planned_end)
    show_id = (
        db["shows"]
        .insert(
            {
                "title": title,
                "platform": platform,
                "planned_start": planned_start,
                "planned_end": planned_end,
                "archived": 0,
                "rehearsal": int(rehearsal),
                "created_at": stamp()[1],
            }
        )
        .last_pk
    )
    return get_show(db, show_id)


def rename_show(db: sqlite_utils.Database, show_id: int, title: str) -> Show:
    return _update(db, show_id, "title = ?", clean_title(title))


def archive_show(db: sqlite_utils.Database, show_id: int, archived: bool = True) -> Show:
    return _update(db, show_id, "archived = ?", int(archived))


def duplicate_show(
    db: sqlite_utils.Database,
    show_id: int,
    title: str,
    planned_start: str | None = None,
    planned_end: str | None = None,
    rehearsal: bool = False,
    platform: str | None = None,
) -> Show:
    """A new show with the source's queue and rundown, ready to run: every item pending, the
    source's price, stock and low-stock mark kept. What happened in the source (explain
    windows, offers, the segments' actual times) stays with it. Times and the rehearsal flag
    are the new show's own: the usual copy is of last week's show, or of the rehearsal, for
    the real show. The platform is the source's unless given (the same lineup, streamed on
    another platform)."""
    source = get_show(db, show_id)
    if source is None:
        raise ShowError("show_not_found", str(show_id))
    copy = create_show(
        db, title, platform or source.platform, planned_start, planned_end, rehearsal
    )
    # Renumbered so that positions are 0..n-1 even if the source's had gaps.
    db.execute(
        "INSERT INTO show_items "
        "(show_id, product_id, position, state, live_price_fen, stock, low_stock) "
        "SELECT ?, product_id, ROW_NUMBER() OVER (ORDER BY position, id) - 1, ?, "
        "live_price_fen, stock, low_stock FROM show_items WHERE show_id = ? "
        "ORDER BY position, id",
        [copy.id, PENDING, show_id],
    )
    # The rundown's plan (titles, planned durations, linked products and presets, 话术), its
    # links remapped to the new show_items; what happened (actual times) stays with the source.
    copy_rundown(db, show_id, copy.id)
    return copy


def _update(db: sqlite_utils.Database, show_id: int, assignment: str, value) -> Show:
    if db.execute(f"UPDATE shows SET {assignment} WHERE id = ?", [value, show_id]).rowcount != 1:
        raise ShowError("show_not_found", str(show_id))
    return get_show(db, show_id)


def _show(row: tuple) -> Show:
    id_, title, platform, start, end, archived, rehearsal = row
    return Show(id_, title, platform, start, end, bool(archived), bool(rehearsal))
