"""Slow work off the GUI thread, its outcome and progress back on the GUI thread by signal only
(Anki's qt/aqt/taskman.py): reading a big catalog, writing an export, waiting on the db writer.

Worker threads hold no reference to any widget, nor to a signal of one: PySide crashes when a
thread drops the last reference to a signal whose object is gone (a dialog closed mid-import).
They post to one app-long mailbox; the callbacks stay on the GUI side, keyed by job, and are
dropped unrun when the widget that asked has been deleted.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)
Report = Callable[[int, int], None]  # (done, total), callable from any thread


@dataclass
class _Job:
    owner: QObject
    on_done: Callable[[object], None]
    on_failed: Callable[[BaseException], None]
    on_progress: Callable[[int, int], None] | None


class _Mailbox(QObject):
    _posted = Signal()

    def __init__(self):
        super().__init__()
        self._lock = threading.Lock()
        self._letters: list[tuple[int, str, object]] = []
        self._jobs: dict[int, _Job] = {}  # GUI thread only
        self._ids = itertools.count(1)
        # Queued even from the GUI thread: a caller's code never runs inside its own call.
        self._posted.connect(self._on_posted, Qt.ConnectionType.QueuedConnection)

    def open(self, job: _Job) -> int:
        job_id = next(self._ids)
        self._jobs[job_id] = job
        return job_id

    def post(self, job_id: int, kind: str, value: object) -> None:
        """From any thread. kind: done, failed or progress."""
        with self._lock:
            wake = not self._letters  # one wake-up per batch, not per progress report
            self._letters.append((job_id, kind, value))
        if wake:
            self._posted.emit()

    def _on_posted(self) -> None:
        with self._lock:
            letters, self._letters = self._letters, []
        for job_id, kind, value in letters:
            job = self._jobs.get(job_id)
            if job is None:
                continue
            if kind != "progress":
                del self._jobs[job_id]
            if not shiboken6.isValid(job.owner):
                self._jobs.pop(job_id, None)
                continue
            callback = {"done": job.on_done, "failed": job.on_failed}.get(kind, job.on_progress)
            if callback is None:  # a job that does not listen to its progress
                continue
            try:
                callback(*value) if kind == "progress" else callback(value)
            except Exception:  # a bug in one callback must not lose the other jobs' news
                log.exception("A background job's %s callback failed", kind)


_mailbox: _Mailbox | None = None


class Job:
    """A plain handle, safe to hand to any thread: it holds no Qt object but the mailbox."""

    def __init__(self, job_id: int, mailbox: _Mailbox):
        self._id, self._mailbox = job_id, mailbox

    def report(self, done: int, total: int) -> None:
        self._mailbox.post(self._id, "progress", (done, total))

    def watch(self, future: Future) -> None:
        """Resolve with the future (DbWriter resolves its futures on the writer thread)."""

        def resolved(f: Future) -> None:
            try:
                self._mailbox.post(self._id, "done", f.result())
            except BaseException as e:  # the job's own error, or the future was cancelled
                self._mailbox.post(self._id, "failed", e)

        future.add_done_callback(resolved)

    def run(self, fn: Callable[[Report], object], name: str = "livedesk-worker") -> None:
        """fn(report) on a new thread; fn must not touch Qt objects."""

        def run() -> None:
            try:
                result = fn(self.report)
            except BaseException as e:  # every outcome must reach the GUI, a bug's included
                self._mailbox.post(self._id, "failed", e)
            else:
                self._mailbox.post(self._id, "done", result)

        threading.Thread(target=run, name=name, daemon=True).start()


def new_job(
    owner: QObject,
    on_done: Callable[[object], None],
    on_failed: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Job:
    """Call on the GUI thread. on_done(result) or on_failed(exception) once, and
    on_progress(done, total) for each report, run on the GUI thread while `owner` lives."""
    global _mailbox
    if _mailbox is None:  # made on the GUI thread by the first job; lives as long as the app
        _mailbox = _Mailbox()
    return Job(_mailbox.open(_Job(owner, on_done, on_failed, on_progress)), _mailbox)
