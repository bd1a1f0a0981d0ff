"""The rundown in SQLite: load it as a core Rundown, save the difference between two Rundowns
with the segment_started / segment_ended events it implies (one transaction: the caller's), and
copy a rundown to another show.

Segments made in the GUI before they are stored carry negative ids; `ids` (one dict per
service, used only on the writer thread) maps them to the rows inserted for them, so later
changes made before the GUI knows the row id still find it."""

from __future__ import annotations

import sqlite_utils

from console.core.rundown import NS, Rundown, Segment, rebase
from console.store.timeline import event_row, stamp

_SEGMENTS = """
SELECT id, title, planned_s, notes, preset_id, actual_start_mono_ns, actual_end_mono_ns,
       actual_start_wall, actual_end_wall
FROM segments WHERE show_id = ? ORDER BY position, id
"""
_LINKS = """
SELECT l.segment_id, l.show_item_id FROM segment_items l JOIN segments s ON s.id = l.segment_id
WHERE s.show_id = ? ORDER BY l.segment_id, l.position
"""
_QUEUE = "SELECT id, product_id FROM show_items WHERE show_id = ? ORDER BY position, id"


def load_rundown(
    db: sqlite_utils.Database, show_id: int, now: tuple[int, str] | None = None
) -> Rundown:
    """The show's rundown. With `now` (monotonic ns, wall: a pair read at one moment, such as
    stamp()'s), times stored before a reboot are moved onto this boot's monotonic clock (see
    core.rundown.rebase); like the queue's explain windows, they are otherwise stored as they
    were stamped."""
    links: dict[int, list[int]] = {}
    for segment_id, item_id in db.execute(_LINKS, [show_id]):
        links.setdefault(segment_id, []).append(item_id)
    segments = tuple(
        Segment(r[0], r[1], r[2], r[3] or "", tuple(links.get(r[0], ())), r[4], *r[5:])
        for r in db.execute(_SEGMENTS, [show_id]).fetchall()
    )
    show = db.execute("SELECT rehearsal FROM shows WHERE id = ?", [show_id]).fetchone()
    rundown = Rundown(show_id, segments, bool(show and show[0]))
    return rundown if now is None else rebase(rundown, *now)


def _columns(s: Segment, position: int) -> dict:
    return {
        "position": position,
        "title": s.title,
        "planned_s": s.planned_s,
        "notes": s.notes,
        "preset_id": s.preset_id,
        "actual_start_mono_ns": s.start_ns,
        "actual_start_wall": s.start_wall,
        "actual_end_mono_ns": s.end_ns,
        "actual_end_wall": s.end_wall,
    }


def _link(db: sqlite_utils.Database, row_id: int, item_ids) -> None:
    db.execute("DELETE FROM segment_items WHERE segment_id = ?", [row_id])
    unique = list(dict.fromkeys(item_ids))
    db["segment_items"].insert_all(
        {"segment_id": row_id, "show_item_id": item, "position": n} for n, item in enumerate(unique)
    )


def save_rundown(
    db: sqlite_utils.Database,
    show_id: int,
    before: Rundown,
    after: Rundown,
    ids: dict[int, int] | None = None,
) -> None:
    """Write what changed from `before` to `after` (both of the same show), and the segments'
    starts, ends, resets and reopenings as timeline events."""
    ids = {} if ids is None else ids
    mono_now, wall_now = stamp()
    old = {s.id: (n, s) for n, s in enumerate(before.segments)}
    kept = {s.id for s in after.segments}
    for gone in old.keys() - kept:
        row_id = ids.get(gone, gone)
        db.execute("DELETE FROM segment_items WHERE segment_id = ?", [row_id])
        db.execute("DELETE FROM segments WHERE id = ?", [row_id])
    events = []
    for position, s in enumerate(after.segments):
        was = old.get(s.id)
        if was == (position, s):
            continue
        row = _columns(s, position)
        if was is None:
            chosen = {} if s.id < 0 else {"id": s.id}
            row_id = db["segments"].insert({**chosen, "show_id": show_id, **row}).last_pk
            if s.id < 0:
                ids[s.id] = row_id
        else:
            row_id = ids.get(s.id, s.id)
            db["segments"].update(row_id, row)
        if was is None or was[1].item_ids != s.item_ids:
            _link(db, row_id, s.item_ids)
        events += _segment_events(show_id, row_id, was[1] if was else None, s, (mono_now, wall_now))
    # Ends before starts at the same moment: the timeline reads "ended, started".
    events.sort(key=lambda e: (e[0], e[1]))
    if events:
        db["events"].insert_all(e[2] for e in events)


def _segment_events(show_id, row_id, was: Segment | None, s: Segment, now) -> list:
    was = was or Segment(s.id, s.title, s.planned_s)
    about = {"segment": row_id, "title": s.title, "planned_s": s.planned_s}
    out = []
    if was.start_ns is None and s.start_ns is not None:
        at = (s.start_ns, s.start_wall or now[1])
        out.append((s.start_ns, 1, event_row("segment_started", at, show_id, **about)))
    if was.end_ns is None and s.end_ns is not None:
        at = (s.end_ns, s.end_wall or now[1])
        actual_s = (s.end_ns - s.start_ns) // NS
        row = event_row("segment_ended", at, show_id, actual_s=actual_s, **about)
        out.append((s.end_ns, 0, row))
    if was.start_ns is not None and s.start_ns is None:
        out.append((now[0], 2, event_row("segment_reset", now, show_id, **about)))
    elif was.end_ns is not None and s.end_ns is None:
        out.append((now[0], 2, event_row("segment_reopened", now, show_id, **about)))
    return out


def save_action(
    db: sqlite_utils.Database,
    show_id: int,
    before: Rundown,
    after: Rundown,
    ids: dict[int, int],
    action: str | None = None,
    data: dict | None = None,
) -> None:
    """save_rundown plus, for an edit, its `rundown_<action>` event (a segment id in `data`
    is stored as the row's id)."""
    save_rundown(db, show_id, before, after, ids)
    if action:
        data = dict(data or {})
        if "segment" in data:
            data["segment"] = ids.get(data["segment"], data["segment"])
        db["events"].insert(event_row("rundown_" + action, show_id=show_id, **data))


def copy_rundown(db: sqlite_utils.Database, from_show_id: int, to_show_id: int) -> int:
    """Append `from_show_id`'s segments (the plan: titles, durations, notes, presets, linked
    products; not what happened) to `to_show_id`'s rundown. Linked products are found in the
    target's queue by product: the n-th time a product is in the source queue maps to its n-th
    time in the target's (else its first); products not in the target's queue are dropped.
    Returns how many segments were copied."""
    source = load_rundown(db, from_show_id)
    target = _occurrences(db.execute(_QUEUE, [to_show_id]).fetchall())
    mapped = {}
    for (product, n), item_id in _occurrences(db.execute(_QUEUE, [from_show_id])).items():
        found = target.get((product, n)) or target.get((product, 0))
        if found is not None:
            mapped[item_id] = found
    start = db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM segments WHERE show_id = ?", [to_show_id]
    ).fetchone()[0]
    for n, s in enumerate(source.segments):
        plan = Segment(0, s.title, s.planned_s, s.notes, preset_id=s.preset_id)
        row_id = db["segments"].insert({"show_id": to_show_id, **_columns(plan, start + n)}).last_pk
        _link(db, row_id, [mapped[i] for i in s.item_ids if i in mapped])
    return len(source.segments)


def _occurrences(rows) -> dict:
    """{(product_id, n): show_item id} for the n-th (0-based) time the product is queued."""
    seen: dict[int, int] = {}
    out = {}
    for item_id, product_id in rows:
        n = seen.get(product_id, 0)
        seen[product_id] = n + 1
        out[(product_id, n)] = item_id
    return out
