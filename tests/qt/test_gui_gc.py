"""The cyclic GC runs on the GUI thread only: Qt objects caught in cycles are destroyed there,
never by a worker thread that happened to allocate."""

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread, QTimer

from console.ui import bulk_work
from console.ui.gui_gc import GuiThreadGc


class Panel(QObject):
    destroyed_on = None

    def __init__(self):
        super().__init__()
        self.timer = QTimer(self, interval=1000)
        self.timer.start()
        self.me = self  # a reference cycle: only the cyclic GC frees it


def test_cycles_are_collected_on_the_gui_thread_not_by_a_worker(qtbot):
    GuiThreadGc()
    assert not gc.isenabled()
    threads = []
    panel = Panel()
    panel.destroyed.connect(lambda: threads.append(QThread.currentThread()))
    ref = weakref.ref(panel)
    del panel
    worker = threading.Thread(target=lambda: [[] for _ in range(200_000)])  # allocates a lot
    worker.start()
    worker.join()
    assert ref() is not None  # the worker's allocations did not set off a collection
    alive = [{} for _ in range(5000)]  # the GUI thread allocates past the threshold
    qtbot.waitUntil(lambda: ref() is None, timeout=3000)  # and its timer collects
    del alive
    assert threads == [QThread.currentThread()]


def test_no_collection_while_a_bulk_job_runs(qtbot):
    collector = GuiThreadGc()
    cycle = Panel()
    ref = weakref.ref(cycle)
    del cycle
    with bulk_work.bulk_work():
        for _ in range(1000):
            [[] for _ in range(100)]
        collector.collect_due()
        assert ref() is not None
    gc.collect()
    assert ref() is None
