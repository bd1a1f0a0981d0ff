"""What LiveDesk knows about OBS, and the arithmetic on it. Pure: no Qt, no sockets.

Values and codes only; the ui turns them into words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

MIN_OBS_MAJOR = 28  # first OBS with obs-websocket 5 built in

# Health thresholds named in the issue: amber/red past these.
DROPPED_WARN_PCT, DROPPED_BAD_PCT = 1.0, 5.0
DISK_WARN_GB, DISK_BAD_GB = 5.0, 1.0
CPU_WARN_PCT, CPU_BAD_PCT = 80.0, 95.0


@dataclass(frozen=True)
class AudioInput:
    name: str
    kind: str
    muted: bool
    volume_db: float
    is_mic: bool = False


@dataclass(frozen=True)
class ObsSnapshot:
    """Everything a full resync reads, in OBS's own order."""

    version: str = ""
    scenes: tuple[str, ...] = ()  # top to bottom, as OBS's scene list shows them
    program: str = ""
    preview: str | None = None
    studio: bool = False
    transitions: tuple[str, ...] = ()
    fixed_transitions: tuple[str, ...] = ()  # those without a duration (Cut)
    transition: str = ""
    transition_ms: int = 0
    inputs: tuple[AudioInput, ...] = ()
    streaming: bool = False
    recording: bool = False

    def with_input(self, input_name: str, /, **changes) -> ObsSnapshot:
        inputs = tuple(replace(i, **changes) if i.name == input_name else i for i in self.inputs)
        return replace(self, inputs=inputs)

    def input(self, name: str) -> AudioInput | None:
        return next((i for i in self.inputs if i.name == name), None)


def scenes_top_to_bottom(scene_list: list[dict]) -> tuple[str, ...]:
    """GetSceneList gives scenes bottom-up (sceneIndex 0 is the bottom of OBS's list)."""
    ordered = sorted(scene_list, key=lambda s: s.get("sceneIndex", 0), reverse=True)
    return tuple(s["sceneName"] for s in ordered)


def obs_major(version: str) -> int:
    try:
        return int(version.split(".")[0])
    except ValueError:
        return 0


def mul_to_dbfs(mul: float) -> float:
    """Linear level to dBFS; silence is -inf, never a math error."""
    return 20.0 * math.log10(mul) if mul > 0 else -math.inf


def meter_levels(levels_mul: list[list[float]]) -> tuple[float, float]:
    """(magnitude, peak) in dBFS over all channels of one InputVolumeMeters entry."""
    if not levels_mul:
        return -math.inf, -math.inf
    magnitude = max(ch[0] for ch in levels_mul)
    peak = max(ch[1] for ch in levels_mul)
    return mul_to_dbfs(magnitude), mul_to_dbfs(peak)


@dataclass(frozen=True)
class Health:
    """What the 1 Hz poll reads: OBS's health figures, the output clocks, the transition."""

    fps: float | None = None
    cpu_pct: float | None = None
    render_skipped: int | None = None
    output_skipped: int | None = None
    stream_dropped: int | None = None  # frames the stream output dropped (network/encoder)
    stream_frames: int | None = None
    bitrate_kbps: float | None = None
    disk_free_gb: float | None = None
    stream_ms: int = 0
    record_ms: int = 0
    transition: str | None = None
    transition_ms: int = 0

    @property
    def dropped_pct(self) -> float | None:
        """The stream's dropped frames as a share of its frames: what OBS calls 'dropped'."""
        if self.stream_dropped is None or not self.stream_frames:
            return None
        return 100.0 * self.stream_dropped / self.stream_frames


def bitrate_kbps(bytes_before: int, t_before: float, bytes_now: int, t_now: float) -> float | None:
    """Stream bitrate from two GetStreamStatus byte counts; None when it cannot be known."""
    dt = t_now - t_before
    if dt <= 0 or bytes_now < bytes_before:  # a restarted output resets its counter
        return None
    return (bytes_now - bytes_before) * 8 / 1000.0 / dt


def level(value: float | None, warn: float, bad: float, higher_is_worse: bool = True) -> str:
    """'ok', 'warn', 'bad' or 'unknown' for one health figure."""
    if value is None:
        return "unknown"
    if not higher_is_worse:
        value, warn, bad = -value, -warn, -bad
    if value > bad:
        return "bad"
    if value > warn:
        return "warn"
    return "ok"


def health_levels(h: Health) -> dict[str, str]:
    return {
        "dropped": level(h.dropped_pct, DROPPED_WARN_PCT, DROPPED_BAD_PCT),
        "disk": level(h.disk_free_gb, DISK_WARN_GB, DISK_BAD_GB, higher_is_worse=False),
        "cpu": level(h.cpu_pct, CPU_WARN_PCT, CPU_BAD_PCT),
    }


MIC_KINDS = (
    "pulse_input_capture",
    "wasapi_input_capture",
    "coreaudio_input_capture",
    "alsa_input_capture",
)


def mics(snapshot: ObsSnapshot) -> tuple[AudioInput, ...]:
    """The inputs a host speaks into: OBS's Mic/Aux specials, or any input-capture device."""
    flagged = tuple(i for i in snapshot.inputs if i.is_mic)
    return flagged or tuple(i for i in snapshot.inputs if i.kind in MIC_KINDS)
