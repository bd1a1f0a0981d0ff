"""The base of every device adapter: its own worker thread, so a device that does not answer
holds up only itself (never another device, never the GUI), and a status others can follow.

Adapters do their I/O in functions passed to `submit`, with short timeouts; the Future carries
the result. Listeners of the status are called on the device's thread: a Qt service re-emits
them as signals (design.md: background work returns to the GUI thread by signal only)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from console.core.devices import ERROR, OFFLINE, ONLINE, DeviceStatus

log = logging.getLogger(__name__)


class DeviceError(Exception):
    """A device call failed; `reason` is a code of console.core.devices."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason, self.detail = reason, detail


def failed_future(error: BaseException) -> Future:
    """A Future that has already failed with `error`: a device call refused before it was
    sent, answered the way every other answer is."""
    future: Future = Future()
    future.set_exception(error)
    return future


class Device:
    kind = "device"

    def __init__(self, name: str):
        self.name = name
        self.status = DeviceStatus(OFFLINE, "not_configured")
        self._listeners: list[Callable[[Device, DeviceStatus], None]] = []
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=f"{self.kind}-{name}")

    def on_status(self, listener: Callable[[Device, DeviceStatus], None]) -> None:
        self._listeners.append(listener)

    def submit(self, fn: Callable, /, *args, **kwargs) -> Future:
        """Run fn on this device's thread. A DeviceError sets the status to error with its
        reason (and fails the Future); a return sets it online."""
        return self._executor.submit(self._run, fn, args, kwargs)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._set_status(DeviceStatus(OFFLINE, "closed"))

    def _run(self, fn, args, kwargs):
        try:
            result = fn(*args, **kwargs)
        except DeviceError as e:
            self._set_status(DeviceStatus(ERROR, e.reason, e.detail))
            raise
        except Exception as e:  # a bug in an adapter: the device shows an error, not a hang
            log.exception("%s %s: unexpected failure", self.kind, self.name)
            self._set_status(DeviceStatus(ERROR, "bad_reply", repr(e)))
            raise DeviceError("bad_reply", repr(e)) from e
        self._set_status(DeviceStatus(ONLINE))
        return result

    def _set_status(self, status: DeviceStatus) -> None:
        with self._lock:
            if status == self.status:
                return
            self.status = status
        for listener in list(self._listeners):
            try:
                listener(self, status)
            except Exception:
                log.exception("A status listener of %s %s failed", self.kind, self.name)
