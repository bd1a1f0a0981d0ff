"""What the tests of console/devices/obs/looks.py share, against the fake OBS
(tests/unit/test_obs_looks.py) and a real one (tests/integration/test_looks_real_obs.py): the
events a session hands over, and the session itself, subscribed as a preset's recall needs."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from console.devices.obs.session import SUB_SCENES, ObsSession
from tests.helpers.raw_obs import Filters, SceneItems


class Events:
    """Events as the session's receive thread hands them over."""

    def __init__(self):
        self.seen: list[tuple[str, dict]] = []
        self._lock = threading.Lock()

    def __call__(self, event_type, data):
        with self._lock:
            self.seen.append((event_type, data))

    def of(self, event_type):
        with self._lock:
            return [d for t, d in self.seen if t == event_type]

    def wait(self, event_type, count, timeout=3.0):
        """The events of that type once `count` have arrived (they follow the replies)."""
        deadline, found = time.monotonic() + timeout, []
        while time.monotonic() < deadline:
            found = self.of(event_type)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"{count} {event_type} expected, got {len(found)}")


@contextmanager
def looks_session(host: str, port: int, password: str, events: Events) -> Iterator[ObsSession]:
    """An open session to the OBS at host:port, with the scene, scene item and filter events."""
    s = ObsSession(
        host,
        port,
        password,
        on_event=events,
        subscriptions=SUB_SCENES | SceneItems | Filters,
    )
    s.open()
    try:
        yield s
    finally:
        s.close()
