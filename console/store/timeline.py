"""The append-only timeline (the events table): how an event is stamped and stored. The
DbWriter (console/store/writer.py) batches them; a user action writes its own in its
transaction."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime


def stamp() -> tuple[int, str]:
    """Now, on both clocks: monotonic for durations, wall (UTC) for people."""
    return time.monotonic_ns(), datetime.now(UTC).isoformat()


def event_row(
    kind: str, at: tuple[int, str] | None = None, show_id: int | None = None, **data
) -> dict:
    """An events row, stamped `at` (see stamp()) or now; `data` is stored as JSON."""
    mono_ns, wall = at or stamp()
    return {
        "mono_ns": mono_ns,
        "wall": wall,
        "kind": kind,
        "show_id": show_id,
        "data": json.dumps(data, ensure_ascii=False),
    }
