"""The assistant's cues to the host (the messages table), each change with its timeline event
in the caller's transaction. A cue is found by its show and its send stamp (mono_ns): the
service ends a cue before the writer has told it the row's id."""

from __future__ import annotations

import sqlite_utils

from console.core.cues import NOT_CLOSED, REPLACED, TIMED_OUT, Cue
from console.store.timeline import event_row, stamp

EVENT_KINDS = {"acknowledged": "cue_acknowledged", "timed_out": "cue_timed_out"}


def save_cue(db: sqlite_utils.Database, show_id: int, cue: Cue, replaced: Cue | None = None) -> int:
    """Store a cue just sent; `replaced`, the cue it ended, gets its outcome in the same
    transaction. Returns the new row's id."""
    wall = stamp()[1]
    if replaced is not None:
        set_outcome(db, show_id, replaced, reason=REPLACED)
    message_id = (
        db["messages"]
        .insert(
            {
                "show_id": show_id,
                "mono_ns": cue.sent_ns,
                "wall": wall,
                "kind": cue.kind,
                "text": cue.text,
                "outcome": None,
                "outcome_wall": None,
            }
        )
        .last_pk
    )
    db["events"].insert(
        event_row(
            "cue_sent",
            (cue.sent_ns, wall),
            show_id,
            message=message_id,
            cue_kind=cue.kind,
            text=cue.text,
            timeout_s=cue.timeout_s,
        )
    )
    return message_id


def set_outcome(
    db: sqlite_utils.Database, show_id: int, cue: Cue, reason: str | None = None
) -> bool:
    """Record how a showing cue ended (cue.outcome, at cue.outcome_ns). False, and no event,
    when the row is missing or already ended."""
    if cue.outcome not in EVENT_KINDS or cue.outcome_ns is None:
        raise ValueError(f"cue has not ended: {cue!r}")
    wall = stamp()[1]
    row = db.execute(
        "SELECT id FROM messages WHERE show_id = ? AND mono_ns = ? AND outcome IS NULL",
        [show_id, cue.sent_ns],
    ).fetchone()
    if row is None:
        return False
    db["messages"].update(row[0], {"outcome": cue.outcome, "outcome_wall": wall})
    data = {"message": row[0], "shown_ms": (cue.outcome_ns - cue.sent_ns) // 1_000_000}
    if reason:
        data["reason"] = reason
    db["events"].insert(
        event_row(EVENT_KINDS[cue.outcome], (cue.outcome_ns, wall), show_id, **data)
    )
    return True


def close_open_cues(db: sqlite_utils.Database, show_id: int) -> int:
    """End as timed out the cues a previous run left showing (it quit or crashed meanwhile);
    their send stamps are from another monotonic clock. Returns how many."""
    mono_ns, wall = stamp()
    ids = [
        r[0]
        for r in db.execute(
            "SELECT id FROM messages WHERE show_id = ? AND outcome IS NULL ORDER BY id", [show_id]
        )
    ]
    for message_id in ids:
        db["messages"].update(message_id, {"outcome": TIMED_OUT, "outcome_wall": wall})
        db["events"].insert(
            event_row(
                EVENT_KINDS[TIMED_OUT],
                (mono_ns, wall),
                show_id,
                message=message_id,
                reason=NOT_CLOSED,
            )
        )
    return len(ids)


def list_cues(db: sqlite_utils.Database, show_id: int) -> list[Cue]:
    """The show's cues in the order sent, with their outcomes (outcome_ns is not stored)."""
    rows = db.execute(
        "SELECT id, kind, text, mono_ns, wall, outcome FROM messages WHERE show_id = ? ORDER BY id",
        [show_id],
    ).fetchall()
    return [
        Cue(kind, text, mono_ns, outcome=outcome, id=message_id, wall=wall or "")
        for message_id, kind, text, mono_ns, wall, outcome in rows
    ]
