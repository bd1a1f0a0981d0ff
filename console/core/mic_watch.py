"""When each audio input was last heard above a floor: the checklist's "mic is live" check and
the alerts' "mic silent while live" rule both ask this, each with its own floor."""

from __future__ import annotations

import math
from collections.abc import Mapping


class MicWatch:
    """From the meters' held peaks (OBS holds a peak ~1.5 s) read a few times a second, so a
    peak between two reads is not missed and is dated when it happened."""

    def __init__(self, floor_db: float):
        self.floor_db = floor_db
        self._heard: dict[str, tuple[float, float]] = {}  # input -> (clock s, peak dBFS)
        self.since: float | None = None  # listening since (clock s); None: not listening

    def restart(self, now: float | None) -> None:
        """Listen from `now` (None: not listening): a stream start, an OBS connect."""
        self._heard.clear()
        self.since = now

    def listen(self, now: float, held_ago: Mapping[str, tuple[float, float, float]]) -> None:
        """held_ago: input -> (peak dBFS now, held peak dBFS, seconds since the held peak)."""
        for name, (peak, held, ago) in held_ago.items():
            if peak >= self.floor_db:
                seen = (now, max(peak, held))
            elif held >= self.floor_db:
                seen = (now - max(0.0, ago), held)
            else:
                continue
            if seen[0] >= self._heard.get(name, (-math.inf, 0.0))[0]:
                self._heard[name] = seen

    def heard(self, name: str) -> tuple[float, float] | None:
        """(clock s, peak dBFS) of the last time it was heard above the floor, or None."""
        return self._heard.get(name)

    def quiet_s(self, name: str, now: float) -> float | None:
        """Seconds since it was last heard, or since listening began; None: not listening.
        OBS meters after the fader, so a muted input is never heard."""
        if self.since is None:
            return None
        heard = self._heard.get(name)
        return max(0.0, now - max(self.since, -math.inf if heard is None else heard[0]))
