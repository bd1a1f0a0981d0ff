"""The GUI thread's responsiveness gauge: a 1 ms timer that measures how late it fires.

Any stall of the event loop (a blocking call on the GUI thread) shows up as lateness.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class Heartbeat(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 1):
        super().__init__(parent)
        self.interval = interval_ms / 1000.0
        self.worst = 0.0  # seconds
        self.beats = 0
        self.late: list[float] = []  # every beat's lateness in ms, for percentiles
        self._last = 0.0
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.worst, self.beats, self._last = 0.0, 0, time.perf_counter()
        self.late = []
        self._timer.start()

    def stop(self) -> float:
        """Stop and return the worst stall in milliseconds."""
        self._timer.stop()
        return self.worst * 1000.0

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        late = max(0.0, now - self._last - self.interval)
        self.worst = max(self.worst, late)
        self.late.append(late * 1000)
        self._last = now
        self.beats += 1
