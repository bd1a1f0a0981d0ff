"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, it runs on whichever thread happens to allocate: the OBS worker, the database
writer or a file reader. A Qt object freed there (a dialog or panel caught in a reference
cycle, with its timers) is destroyed on the wrong thread: Qt warns "Timers cannot be stopped
from another thread" and may crash. So the automatic collector is off and a timer on the GUI
thread collects instead, a generation at a time as the counts call for, as the automatic one
would. Reference counting still frees everything that is not in a cycle at once."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from console.ui import bulk_work

INTERVAL_MS = 500


class GuiThreadGc(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        if bulk_work.busy():  # a bulk job keeps its heap out of the collector's way meanwhile
            return
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return
