"""A DMX universe output that sends nothing: it records the frames it would send, with their
times, for --demo and for service tests. Timing, fades and keepalive are the real output's."""

from __future__ import annotations

import threading
import time

from console.devices.lights.dmx import SACN, DmxUniverseOutput


class RecordingTransport:
    def __init__(self):
        self.sent: list[tuple[float, bytes]] = []  # (time.monotonic(), values)
        self.closed = False
        self._lock = threading.Lock()

    def send(self, values: bytes) -> None:
        with self._lock:
            self.sent.append((time.monotonic(), bytes(values)))

    def close(self) -> None:
        self.closed = True

    def frames(self) -> list[tuple[float, bytes]]:
        with self._lock:
            return list(self.sent)


class FakeDmxUniverseOutput(DmxUniverseOutput):
    def __init__(self, name: str, universe: int = 1, protocol: str = SACN, **kwargs):
        super().__init__(name, protocol, "127.0.0.1", universe, **kwargs)

    def _make_transport(self):
        return RecordingTransport()
