"""The review's notes (migration m006): the team's conclusions on a show, one text per show.
save_notes runs on the DbWriter (writer.submit(save_notes, show_id, text)); load_notes on any
connection, the review's reader included."""

from __future__ import annotations

import sqlite_utils

from console.store.timeline import event_row, stamp


def load_notes(db: sqlite_utils.Database, show_id: int) -> str:
    """The show's notes; "" when none were saved (or the file predates the notes table)."""
    if not db["review_notes"].exists():
        return ""
    row = db.execute("SELECT text FROM review_notes WHERE show_id = ?", [show_id]).fetchone()
    return row[0] if row else ""


def save_notes(db: sqlite_utils.Database, show_id: int, text: str) -> None:
    """Replace the show's notes (on the writer: one transaction with its timeline event)."""
    at = stamp()
    db.execute(
        "INSERT INTO review_notes (show_id, text, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(show_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
        [show_id, text, at[1]],
    )
    db["events"].insert(event_row("review_notes_saved", at, show_id, chars=len(text)))
