"""RundownService: the show's run of show for the panels and the host view. Like the queue,
every action changes the Rundown value at once and is written by the store's writer thread in
one transaction with its timeline events. It follows the queue: the rundown shown is always
that of the show the queue has open."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from console.core import rundown as rules
from console.core.rundown import Rundown, RundownError, RundownStatus, Segment
from console.ingest.catalog_file import CatalogFileError
from console.ingest.rundown_file import read_rundown
from console.store.rundown_repo import load_rundown, save_action
from console.store.timeline import stamp

log = logging.getLogger(__name__)


class RundownService(QObject):
    changed = Signal(object)  # Rundown
    failed = Signal(str, str)  # action, reason code
    imported = Signal(int, object)  # segments added, row errors (when any, none are added)
    saved = Signal(str)  # action, durably stored
    segment_started = Signal(object)  # Segment: it became the running one by a run key
    _finished = Signal(object, object)  # future, callback: from the writer or a reading thread

    def __init__(
        self,
        writer,
        queue_service,
        clock: Callable[[], int] = time.monotonic_ns,
        wall: Callable[[], str] | None = None,
        parent: QObject | None = None,
    ):
        """`clock`: monotonic ns for the timers; `wall`: now as ISO text for people (both
        injected by tests; they are read together as one moment)."""
        super().__init__(parent)
        self.writer = writer
        self.queue_service = queue_service
        self.clock = clock
        self.wall = wall or (lambda: stamp()[1])
        self.rundown = Rundown()
        self._wanted: int | None = None  # the show last asked for (or shown)
        self._requests = itertools.count(1)
        self._request = 0  # the latest open_show: only its answer is shown
        self._version = 0  # actions applied: a reload asked for before the last one is stale
        self._ids: dict[int, int] = {}  # unsaved (negative) id → row id; writer thread only
        self._new_ids = itertools.count(-1, -1)
        # Queued even from the GUI thread: a caller's code never runs inside its own call.
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        queue_service.changed.connect(self._on_queue_service_changed)
        self._on_queue_service_changed()

    @property
    def show_id(self) -> int | None:
        return self.rundown.show_id

    def status(self) -> RundownStatus:
        return rules.status(self.rundown, self.clock())

    # -- loading ----------------------------------------------------------------------------
    def open_show(self, show_id: int) -> None:
        """Load the show's rundown (times from before a reboot moved onto this boot's clock).
        Only the latest request's answer is shown; the shown show's own reload is read again
        when an action was applied after it was asked for, as the rows it read may lack that
        action's save."""
        request = self._request = next(self._requests)
        self._wanted = show_id
        version, now = self._version, (self.clock(), self.wall())
        self._submit(
            load_rundown,
            show_id,
            now,
            then=lambda f: self._on_opened(f, request, show_id, version),
        )

    def _on_opened(self, future: Future, request: int, show_id: int, version: int) -> None:
        if request != self._request:  # another show (or a later reload) was asked for
            return
        if show_id == self.show_id and version != self._version:
            self.open_show(show_id)  # queued behind the saves of the actions since
            return
        if future.exception() is not None:
            log.error("Loading the rundown of show %s failed: %r", show_id, future.exception())
            self._wanted = self.show_id  # the queue's next change asks again
            self.failed.emit("open_show", "db_error")
            return
        self.rundown = future.result()
        self.changed.emit(self.rundown)

    def _on_queue_service_changed(self, _queue=None) -> None:
        show_id = self.queue_service.show_id
        if show_id is not None and show_id != self._wanted:
            self.open_show(show_id)

    # -- planning ---------------------------------------------------------------------------
    def add_segment(
        self,
        title: str,
        planned_s: int,
        notes: str = "",
        item_ids=(),
        index: int | None = None,
        preset_id: int | None = None,
    ) -> None:
        segment = Segment(next(self._new_ids), title, planned_s, notes, tuple(item_ids), preset_id)
        self._act("segment_added", lambda r: rules.add(r, segment, index), segment=segment.id)

    def edit_segment(self, segment_id: int, **changes) -> None:
        """title, planned_s, notes, item_ids, preset_id."""
        if "item_ids" in changes:
            changes["item_ids"] = tuple(changes["item_ids"])
        self._act(
            "segment_edited", lambda r: rules.edit(r, segment_id, **changes), segment=segment_id
        )

    def move_segment(self, segment_id: int, to_index: int) -> None:
        self._act(
            "segment_moved",
            lambda r: rules.move(r, segment_id, to_index),
            segment=segment_id,
            to=to_index,
        )

    def duplicate_segment(self, segment_id: int) -> None:
        new_id = next(self._new_ids)
        self._act(
            "segment_duplicated",
            lambda r: rules.duplicate(r, segment_id, new_id),
            segment=new_id,
            source=segment_id,
        )

    def remove_segment(self, segment_id: int) -> None:
        self._act("segment_removed", lambda r: rules.remove(r, segment_id), segment=segment_id)

    def reset(self) -> None:
        """A rehearsal again from the top."""
        self._act("reset", rules.reset)

    def drop_preset(self, preset_id: int) -> None:
        """A deleted preset leaves the segments that recalled it. The store has already
        cleared them (presets_repo.remove_preset); the rundown in memory must follow, or the
        next save writes the id back (and sqlite may give it to a new preset). Saved again
        all the same, in case an edit sent meanwhile wrote it back; no timeline event of its
        own: the removal is one."""
        if self.show_id is None or all(s.preset_id != preset_id for s in self.rundown.segments):
            return

        def drop(r: Rundown) -> Rundown:
            segments = tuple(
                replace(s, preset_id=None) if s.preset_id == preset_id else s for s in r.segments
            )
            return replace(r, segments=segments)

        self._act("preset_dropped", drop, record=False)

    # -- running (the segment events are the timeline's record) -----------------------------
    def start(self, segment_id: int | None = None) -> None:
        self._run("start", lambda r, now, wall: rules.start(r, now, segment_id, wall))

    def next(self) -> None:
        self._run("next", rules.next_segment)

    def previous(self) -> None:
        self._run("previous", lambda r, now, wall: rules.previous(r, now))

    def stop(self) -> None:
        self._run("stop", rules.stop)

    def _run(self, action: str, change: Callable[[Rundown, int, str], Rundown]) -> None:
        """Stamped with the service's clock (and the wall clock for people); recorded by the
        segment events it implies, not by an event of its own."""
        was = self.rundown.running
        self._act(action, lambda r: change(r, self.clock(), self.wall()), record=False)
        now = self.rundown.running
        if now is not None and (was is None or was.id != now.id):
            self.segment_started.emit(now)

    # -- import -----------------------------------------------------------------------------
    def import_csv(self, path: str | Path) -> None:
        """Read the file on a thread of its own; the segments are added at the end (all of
        them, or none when a row is wrong: `imported` lists the rows)."""
        show_id = self.show_id
        if show_id is None:
            self.failed.emit("import_csv", "no_show")
            return
        queue = self.queue_service.queue if self.queue_service.show_id == show_id else None
        links = {i.link_no: i.id for i in (queue.items if queue else ()) if i.link_no}
        future: Future = Future()

        def read() -> None:
            try:
                future.set_result(read_rundown(path, links))
            except BaseException as e:  # every outcome must reach the GUI, a bug's included
                future.set_exception(e)

        future.add_done_callback(lambda f: self._hand_back(f, self._imported(show_id, path)))
        threading.Thread(target=read, name="rundown-import", daemon=True).start()

    def _imported(self, show_id: int, path) -> Callable[[Future], None]:
        def done(future: Future) -> None:
            if show_id != self.show_id:
                return
            error = future.exception()
            if isinstance(error, CatalogFileError):
                self.failed.emit("import_csv", error.code)
                return
            if error is not None:
                log.error("Reading the rundown %s failed: %r", path, error)
                self.failed.emit("import_csv", "unreadable")
                return
            found = future.result()
            if found.errors:
                self.imported.emit(0, found.errors)
                return
            segments = [replace(s, id=next(self._new_ids)) for _, s in found.segments]

            def add_all(r: Rundown) -> Rundown:
                for s in segments:
                    r = rules.add(r, s)
                return r

            self._act("imported", add_all, file=Path(path).name, segments=len(segments))
            self.imported.emit(len(segments), [])

        return done

    # -- internals ----------------------------------------------------------------------------
    def _act(
        self, action: str, change: Callable[[Rundown], Rundown], record: bool = True, **data
    ) -> None:
        """Apply, show, save; `record`: with a `rundown_<action>` event holding `data`."""
        if self.show_id is None:
            self.failed.emit(action, "no_show")
            return
        try:
            after = change(self.rundown)
        except RundownError as e:
            self.failed.emit(action, e.code)
            return
        before = self.rundown
        if after == before:
            return
        self.rundown = after
        self._version += 1
        self.changed.emit(after)
        self._submit(
            save_action,
            self.show_id,
            before,
            after,
            self._ids,
            action if record else None,
            data,
            then=lambda f: self._on_saved(f, action, after),
        )

    def _on_saved(self, future: Future, action: str, after: Rundown) -> None:
        if future.exception() is None:
            self.saved.emit(action)
            return
        log.error("Saving rundown action %s failed: %r", action, future.exception())
        self.failed.emit(action, "db_error")
        if after.show_id == self.show_id == self._wanted:  # show what is really stored
            self.open_show(after.show_id)

    def _submit(self, fn, *args, then: Callable[[Future], None]) -> None:
        future = self.writer.submit(fn, *args)
        future.add_done_callback(lambda f: self._hand_back(f, then))

    def _hand_back(self, future: Future, then: Callable[[Future], None]) -> None:
        try:
            self._finished.emit(future, then)
        except RuntimeError:  # this QObject is deleted: nobody waits for the answer
            pass

    def _on_finished(self, future: Future, then: Callable[[Future], None]) -> None:
        then(future)
