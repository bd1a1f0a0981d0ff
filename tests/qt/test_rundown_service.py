"""RundownService against a writer that runs its work when the test says so (and fails it when
told to), so the order of saves and loads is the test's: a failed save's reload, a show switch
and a restart mid-show."""

import json
import sqlite3
from concurrent.futures import Future

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.core import rundown as R
from console.core.rundown import NS, Rundown, Segment
from console.services.rundown_service import RundownService
from console.store.db import open_db
from console.store.rundown_repo import load_rundown, save_rundown

WALL = "2025-06-18T12:00:00+00:00"


class ManualWriter:
    """DbWriter's submit(), run one by one by the test, in order."""

    def __init__(self, db):
        self.db = db
        self.pending: list[tuple] = []

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        self.pending.append((fn, args, future))
        return future

    def run(self, fail: bool = False) -> None:
        fn, args, future = self.pending.pop(0)
        if fail:
            future.set_exception(sqlite3.OperationalError("disk I/O error"))
        else:
            with self.db.atomic():
                future.set_result(fn(self.db, *args))
        QCoreApplication.processEvents()  # the answer comes back by a queued signal

    def run_all(self) -> None:
        while self.pending:
            self.run()


class FakeQueue(QObject):
    """What the rundown follows: the queue's open show."""

    changed = Signal(object)

    def __init__(self):
        super().__init__()
        self.show_id = None

    def open(self, show_id):
        self.show_id = show_id
        self.changed.emit(None)


class Clock:
    def __init__(self, ns=5_000 * NS):
        self.ns = ns

    def __call__(self):
        return self.ns


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "rundown.db")
    with db.atomic():
        for show_id in (7, 8):
            db["shows"].insert({"id": show_id, "title": f"场{show_id}", "platform": "douyin"})
        plan = tuple(Segment(-n, f"环节{n}", 300) for n in (1, 2, 3))
        save_rundown(db, 7, Rundown(7), Rundown(7, plan))
        save_rundown(db, 8, Rundown(8), Rundown(8, (Segment(-9, "周六开场", 600),)))
    yield db
    db.close()


@pytest.fixture
def rig(qtbot, db):
    writer, queue = ManualWriter(db), FakeQueue()
    return RundownService(writer, queue, clock=Clock()), writer, queue


def starts(db, show_id=7):
    rows = db.execute(
        "SELECT data FROM events WHERE kind = 'segment_started' AND show_id = ?", [show_id]
    )
    return [json.loads(d)["title"] for (d,) in rows]


@pytest.mark.allow_warning_logs
def test_a_reload_after_a_failed_save_never_undoes_a_later_action(rig, db):
    service, writer, queue = rig
    queue.open(7)
    writer.run()
    service.start()  # 环节1 ...
    writer.run(fail=True)  # ... not stored: the service reloads what is
    service.next()  # 环节2, pressed before the reload's answer; its save queues behind it
    writer.run()  # the reload reads the rows from before this next
    assert service.rundown.running.title == "环节2"  # the older rows were not shown
    writer.run_all()  # the next's save, then the reload asked again behind it
    assert not writer.pending
    assert service.rundown == load_rundown(db, 7)
    service.next()
    writer.run_all()
    assert starts(db) == ["环节2", "环节3"]  # 环节1's start was lost with its save, once


def test_only_the_latest_show_asked_for_is_shown(rig, db):
    service, writer, queue = rig
    queue.open(7)
    writer.run()
    queue.open(8)
    queue.open(7)  # back before show 8 arrived
    writer.run_all()
    assert service.show_id == 7 and [s.title for s in service.rundown.segments] == [
        "环节1",
        "环节2",
        "环节3",
    ]


def test_the_running_segment_goes_on_after_the_pc_restarts(qtbot, db):
    """Stored by the boot before: a start on a monotonic clock far ahead of this boot's."""
    with db.atomic():
        before = load_rundown(db, 7)
        save_rundown(db, 7, before, R.start(before, 9_000 * NS, wall=WALL))
    clock = Clock(40 * NS)  # 40 s after this boot, 90 s after the start by the wall
    writer, queue = ManualWriter(db), FakeQueue()
    service = RundownService(writer, queue, clock=clock, wall=lambda: "2025-06-18T12:01:30+00:00")
    queue.open(7)
    writer.run()
    status = service.status()
    assert (status.segment_title, status.segment_elapsed_s, status.segment_remaining_s) == (
        "环节1",
        90,
        210,
    )
    assert status.show_elapsed_s == 90
    clock.ns += 30 * NS
    assert service.status().segment_remaining_s == 180  # the clock runs
