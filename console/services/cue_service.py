"""CueService: the assistant's cues to the host view (rules in console/core/cues.py). A cue
shows at once and is written by the store's writer thread with its timeline event; a timer
ends it when nobody acknowledged it in time. Follows the show QueueService has open."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.cues import (
    ACKNOWLEDGED,
    CANNED,
    DEFAULT_TIMEOUT_S,
    FREE,
    NS,
    SHOW_CHANGED,
    TIMED_OUT,
    Cue,
    CueError,
    make_cue,
)
from console.services.queue_service import QueueService
from console.store.cues_repo import close_open_cues, save_cue, set_outcome

log = logging.getLogger(__name__)


class CueService(QObject):
    cue_changed = Signal(object)  # Cue | None: the latest cue, showing or with its outcome
    failed = Signal(str, str)  # action, reason code
    _written = Signal(object, str)  # future, action

    def __init__(
        self,
        writer,
        queue_service: QueueService,
        clock: Callable[[], int] = time.monotonic_ns,
        parent: QObject | None = None,
        timeout_s: int = DEFAULT_TIMEOUT_S,
    ):
        super().__init__(parent)
        self.writer, self.queue, self.clock = writer, queue_service, clock
        self.timeout_s = timeout_s
        self.current: Cue | None = None
        self._show_id: int | None = None
        self._last_sent_ns: int | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.expire_due)
        self._written.connect(self._on_written)
        queue_service.changed.connect(self._on_queue_changed)
        self._on_queue_changed(queue_service.queue)

    @property
    def showing(self) -> Cue | None:
        """The cue the host view flashes now, if any."""
        cue = self.current
        return cue if cue is not None and cue.showing else None

    def send_canned(self, code_or_text: str) -> None:
        """A canned cue: a built-in code (console/core/cues.py) or the user's own words."""
        self._send(CANNED, code_or_text)

    def send_text(self, text: str) -> None:
        self._send(FREE, text)

    def acknowledge(self) -> None:
        """The host clicked the host view. Nothing showing: nothing to do (a stray click)."""
        if self.showing is not None:
            self._end(ACKNOWLEDGED)

    def expire_due(self) -> None:
        """Time out the showing cue if its time is up, else wait for the rest. The timer calls
        this; so may a test that moves its own clock."""
        cue = self.showing
        if cue is None:
            return
        now = self.clock()
        if cue.expired(now):
            self._end(TIMED_OUT, now)
        else:
            self._arm(cue, now)

    # -- internals --------------------------------------------------------------------------
    def _send(self, kind: str, text: str) -> None:
        show_id = self._show_id
        if show_id is None:
            self.failed.emit("send", "no_show")
            return
        try:
            cue = make_cue(kind, text, self.clock(), self._last_sent_ns, self.timeout_s)
        except CueError as e:
            self.failed.emit("send", e.code)
            return
        replaced = self.showing
        if replaced is not None:
            replaced = replaced.ended(TIMED_OUT, cue.sent_ns)
        self._last_sent_ns = cue.sent_ns
        self._show(cue)
        self._arm(cue, cue.sent_ns)
        self._submit("send", save_cue, show_id, cue, replaced)

    def _end(self, outcome: str, now: int | None = None, reason: str | None = None) -> None:
        cue = self.showing.ended(outcome, self.clock() if now is None else now)
        self._timer.stop()
        self._show(cue)
        if self._show_id is not None:
            self._submit(outcome, set_outcome, self._show_id, cue, reason)

    def _show(self, cue: Cue | None) -> None:
        self.current = cue
        self.cue_changed.emit(cue)

    def _arm(self, cue: Cue, now: int) -> None:
        self._timer.start(max(1, -(-(cue.due_ns - now) * 1000 // NS)))

    def _submit(self, action: str, fn, *args) -> None:
        future = self.writer.submit(fn, *args)
        future.add_done_callback(lambda f: self._written.emit(f, action))

    def _on_queue_changed(self, _queue) -> None:
        show_id = self.queue.show_id
        if show_id == self._show_id:
            return
        if self.showing is not None:  # the cue was about the show that closed
            self._end(TIMED_OUT, reason=SHOW_CHANGED)
        self._show_id = show_id
        if self.current is not None:
            self._show(None)
        if show_id is not None:
            self._submit("open_show", close_open_cues, show_id)

    def _on_written(self, future: Future, action: str) -> None:
        error = future.exception()
        if error is not None:
            # The host has seen the cue either way; only the log of it is missing.
            log.error("Cue %s not saved: %r", action, error)
            self.failed.emit(action, "db_error")
