"""Puts what happened in OBS on the show's timeline, by comparing successive states."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from console.core.alerts import DropWindow
from console.core.obs_state import Health, ObsSnapshot
from console.devices.obs.client import CONNECTED
from console.services.obs_service import ObsService
from console.store.timeline import stamp
from console.store.writer import DbWriter

# OBS reports some program changes in bursts (leaving studio mode sends the preview, then the
# program, within milliseconds): only the scene still on air after this long is recorded.
SCENE_SETTLE_MS = 150
# A dropped-frame spike: over DROP_WINDOW_S the stream dropped more than DROP_SPIKE_PCT of its
# frames. Recorded once when it starts; the next one only after the share fell below
# DROP_CLEAR_PCT (no event every second of a bad minute).
DROP_WINDOW_S, DROP_SPIKE_PCT, DROP_CLEAR_PCT = 10.0, 1.0, 0.5


class TimelineRecorder(QObject):
    def __init__(self, service: ObsService, writer: DbWriter, parent: QObject | None = None):
        super().__init__(parent)
        self.writer = writer
        self._last = service.snapshot
        self._state = service.state
        self._on_air = service.snapshot.program  # last scene written to the timeline
        self._pending: tuple[str, tuple[int, str]] | None = None
        self._settle = QTimer(self, singleShot=True, interval=SCENE_SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._drops = DropWindow(DROP_WINDOW_S)
        self._in_spike = False
        service.changed.connect(self._on_service_changed)
        service.connection_changed.connect(self._on_service_connection_changed)
        service.health_changed.connect(self._on_service_health_changed)

    def _on_service_connection_changed(self, state: str, reason: str, detail: str) -> None:
        if state == CONNECTED:
            self.writer.record("obs_connected", version=detail)
        elif self._state == CONNECTED:
            self.writer.record("obs_disconnected", reason=reason)
        self._state = state

    def _on_service_changed(self, s: ObsSnapshot) -> None:
        last, self._last = self._last, s
        record = self.writer.record
        if s.program != last.program:
            self._pending = (s.program, stamp())
            self._settle.start()
        for i in s.inputs:
            before = last.input(i.name)
            if before is not None and before.muted != i.muted:
                record("input_muted" if i.muted else "input_unmuted", input=i.name)
        if s.streaming != last.streaming:
            record("stream_started" if s.streaming else "stream_stopped")
        if s.recording != last.recording:
            record("record_started" if s.recording else "record_stopped")

    def _on_service_health_changed(self, h: Health, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        pct = self._drops.add(now, h.stream_dropped, h.stream_frames)
        if pct is None:
            return
        if not self._in_spike and pct > DROP_SPIKE_PCT:
            self._in_spike = True
            self.writer.record("dropped_frames", pct=round(pct, 2), window_s=DROP_WINDOW_S)
        elif self._in_spike and pct < DROP_CLEAR_PCT:
            self._in_spike = False

    def flush(self) -> None:
        """Write a scene change still settling (at shutdown)."""
        if self._settle.isActive():
            self._settle.stop()
            self._on_settle_timeout()

    def _on_settle_timeout(self) -> None:
        scene, at = self._pending
        if scene != self._on_air:
            self._on_air = scene
            self.writer.record("scene_changed", at=at, scene=scene)
