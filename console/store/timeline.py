"""The single writer of the events timeline: a thread with its own connection that commits in
batches, so the GUI thread never waits for the disk."""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

log = logging.getLogger(__name__)

BATCH_S = 0.25


def stamp() -> tuple[int, str]:
    """Now, on both clocks: monotonic for durations, wall (UTC) for people."""
    return time.monotonic_ns(), datetime.now(UTC).isoformat()


class TimelineWriter:
    def __init__(self, path: Path):
        self.path = path
        self._queue: queue.Queue[tuple | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="db-writer", daemon=True)
        self._thread.start()

    def record(self, kind: str, at: tuple[int, str] | None = None, **data) -> None:
        """Hand an event to the writer, stamped `at` (see stamp()) or now."""
        mono_ns, wall = at or stamp()
        self._queue.put((mono_ns, wall, kind, json.dumps(data, ensure_ascii=False)))

    def close(self) -> None:
        """Write what is queued, then stop."""
        self._queue.put(None)
        self._thread.join(timeout=10)

    def _run(self) -> None:
        db = sqlite_utils.Database(self.path)  # bound to this thread
        try:
            running = True
            while running:
                batch = []
                try:
                    item = self._queue.get(timeout=1.0)
                except queue.Empty:
                    continue
                deadline = time.monotonic() + BATCH_S
                while item is not None:
                    batch.append(item)
                    try:
                        item = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
                    except queue.Empty:
                        break
                running = item is not None
                if batch:
                    with db.atomic():
                        db["events"].insert_all(
                            [
                                {"mono_ns": m, "wall": w, "kind": k, "data": d}
                                for m, w, k, d in batch
                            ]
                        )
        except Exception:
            log.exception("Timeline writer failed; events after this are not stored")
        finally:
            db.close()
