"""A show's review (复盘) as plain values, read on any thread from the show database.

load_review() is the one entry point: the review window, the HTML/PDF/CSV exports and the
comparison of two shows all take a Review. Money is in fen (int), rates are fractions (0.031),
times are Unix epoch ms (UTC); None means unknown ("—"), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from console.core.metrics import Totals


@dataclass(frozen=True)
class Point:
    ts_ms: int
    value: float


@dataclass(frozen=True)
class Band:
    """A marker on the trend charts: a range (explain, segment, flash sale, mic mute) or a
    moment (end_ms None: scene change, dropped frames, alert, disconnect)."""

    kind: str  # the dashboard's marker kinds (stats_service): explain, segment, flash_sale,
    # scene, mic_muted, dropped_frames; plus "alert" and "obs_disconnected"
    start_ms: int
    end_ms: int | None
    label: str = ""


@dataclass(frozen=True)
class ProductResult:
    item_id: int
    sku: str
    name: str
    explain_count: int
    explain_ms: int
    during: Totals | None  # None: never explained
    after: Totals | None  # the attribution_after minutes after each window, summed
    stock_left: int | None


@dataclass(frozen=True)
class SegmentResult:
    segment_id: int
    title: str
    planned_s: int | None
    actual_ms: int | None  # None: never started
    start_ms: int | None
    during: Totals | None
    after: Totals | None


@dataclass(frozen=True)
class Incident:
    ts_ms: int
    kind: str  # obs_disconnected, device_error, dropped_frames, mic_muted_live, stream_stopped
    detail: dict = field(default_factory=dict)  # codes and values; the report words them
    duration_ms: int | None = None  # a mute while live, a disconnect: how long


@dataclass(frozen=True)
class AlertRecord:
    ts_ms: int
    rule: str  # console.core.alerts rule code
    detail: dict
    cleared_ms: int | None


@dataclass(frozen=True)
class CueRecord:
    ts_ms: int
    sender: str  # "assistant" or "host" (or the user name stored with it)
    text: str
    outcome: str | None  # acknowledged, expired, …


@dataclass(frozen=True)
class Review:
    show_id: int
    title: str
    platform: str
    start_ms: int | None  # the show's first known moment
    end_ms: int | None  # its last
    totals: Totals
    trends: dict[str, tuple[Point, ...]]  # online, gmv_total, gmv_per_minute,
    # orders_per_minute, comments_per_minute, likes_per_minute (the dashboard's series names)
    bands: tuple[Band, ...]
    products: tuple[ProductResult, ...]
    segments: tuple[SegmentResult, ...]
    incidents: tuple[Incident, ...]
    alerts: tuple[AlertRecord, ...]
    cues: tuple[CueRecord, ...]
    notes: str
    after_minutes: int


def load_review(db_path: Path, show_id: int, after_minutes: int = 10) -> Review:
    """The whole review of one show, on a read-only connection of its own (call it off the
    GUI thread: a 12-hour show takes a while). Raises KeyError for an unknown show."""
    raise NotImplementedError  # built in issue 6 (reports helper)
