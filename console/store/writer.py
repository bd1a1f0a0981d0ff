"""The one writer: a thread that owns the database's only write connection, so that no other
thread ever waits on a SQLite lock. User actions are committed durably one by one as they come;
timeline events are batched."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from console.store.db import ShowDatabase, open_db
from console.store.timeline import event_row

log = logging.getLogger(__name__)

BATCH_S = 0.25
CLOSE_TIMEOUT_S = 30.0  # long enough for a big catalog import still queued at shutdown
_STOP = object()


class WriterClosedError(RuntimeError):
    pass


class DbWriter:
    """Opens `path` with open_db on its own thread (open errors such as NewerDatabaseError and
    DatabaseDamagedError are raised here). Usable from any thread.

    Done-callbacks of the futures run on the writer thread: Qt code re-emits them as signals."""

    def __init__(self, path: Path, batch_s: float = BATCH_S):
        self.path = Path(path)
        self.batch_s = batch_s
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        opened: Future = Future()
        self._thread = threading.Thread(
            target=self._run, args=(opened,), name="db-writer", daemon=True
        )
        self._thread.start()
        opened.result()

    def submit(self, fn: Callable[..., Any], /, *args, **kwargs) -> Future:
        """Run fn(db, *args, **kwargs) in a transaction, committed (durably) before the future
        resolves. fn must not commit or roll back itself; an exception rolls back fn's writes
        only and is set on the future."""
        future: Future = Future()
        if not self._put((fn, args, kwargs, future)):
            future.set_exception(WriterClosedError(f"{self.path}: the writer is closed"))
        return future

    def record(self, kind: str, at: tuple[int, str] | None = None, **data) -> None:
        """Queue a timeline event (see timeline.event_row); it is written within BATCH_S, and
        always before or with any action submitted after it."""
        if not self._put(event_row(kind, at, **data)):
            log.debug("Event %s after the writer closed: not stored", kind)

    def close(self) -> None:
        """Write what is queued, then stop. Idempotent."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(_STOP)
        if threading.current_thread() is not self._thread:
            self._thread.join(CLOSE_TIMEOUT_S)
            if self._thread.is_alive():
                log.error("The database writer is still busy after %.0f s", CLOSE_TIMEOUT_S)

    def _put(self, item) -> bool:
        with self._lock:  # nothing may be queued behind _STOP: it would never be answered
            if self._closed:
                return False
            self._queue.put(item)
            return True

    def _run(self, opened: Future) -> None:
        try:
            db = open_db(self.path)  # a sqlite-utils Database is bound to the thread creating it
        except BaseException as e:
            self._closed = True
            opened.set_exception(e)
            return
        opened.set_result(None)
        events: list[dict] = []
        deadline = 0.0
        try:
            while True:
                if events and time.monotonic() >= deadline:  # also while events keep coming
                    self._commit(db, events, None)
                    events = []
                timeout = max(0.0, deadline - time.monotonic()) if events else None
                try:
                    item = self._queue.get(timeout=timeout)
                except queue.Empty:
                    item = None
                if isinstance(item, dict):
                    if not events:
                        deadline = time.monotonic() + self.batch_s
                    events.append(item)
                    continue
                self._commit(db, events, None if item is _STOP else item)
                events = []
                if item is _STOP:
                    break
            db.close()
        except BaseException:
            log.exception("The database writer stopped; nothing more is written")
            self._abandon(db)

    def _commit(self, db: ShowDatabase, events: list[dict], call: tuple | None) -> None:
        fn, args, kwargs, future = call or (None, (), {}, None)
        if future is not None and not future.set_running_or_notify_cancel():
            fn = future = None
        if not events and fn is None:
            return
        result = error = None
        try:
            with db.atomic():
                if events:
                    db["events"].insert_all(events)
                if fn is not None:
                    try:
                        with db.atomic():  # a savepoint: a failed action keeps the events
                            result = fn(db, *args, **kwargs)
                    except Exception as e:
                        error = e
        except Exception as e:  # the commit failed, or fn's error ended the whole transaction
            error = error or e
            if events:
                self._write_events_alone(db, events)
        if future is not None:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)

    def _write_events_alone(self, db: ShowDatabase, events: list[dict]) -> None:
        try:
            with db.atomic():
                db["events"].insert_all(events)
        except Exception:
            log.exception("%d timeline events could not be stored", len(events))

    def _abandon(self, db: ShowDatabase) -> None:
        with self._lock:
            self._closed = True
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, tuple) and item[3].set_running_or_notify_cancel():
                item[3].set_exception(WriterClosedError(f"{self.path}: the writer stopped"))
        db.marker = None  # not a clean close: the next start checks the file
        db.close()
