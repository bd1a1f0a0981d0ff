"""Alerts during a show: the rules, their editable thresholds, and when each one is raised and
cleared. Pure: the service gathers plain inputs (what OBS, the queue, the disk and the stats
say), AlertEngine.evaluate() turns them into changes (raised, cleared, updated) with codes and
values; the ui words them ("Viewers down 32 % in 5 min").

One rule raises one alert at a time, about one subject (a product, a mic, a sale). It is
raised once when its condition becomes true and cleared when it stops, never re-raised every
tick. Where a figure jitters around its threshold, a band below it (HOLD) keeps a raised
alert without raising a new one. A rule that cleared and comes back about the same subject
within QUIET_S is raised only when the quiet time is over (a mic toggled twice in a few
seconds is one alert, not three)."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

LOW_STOCK = "low_stock"
VIEWERS_DROP = "viewers_drop"
MIC_SILENT = "mic_silent"
DROPPED_FRAMES = "dropped_frames"
DISK_LOW = "disk_low"
FLASH_SALE_ENDING = "flash_sale_ending"
NO_STATS = "no_stats"
RULES = (
    LOW_STOCK,
    VIEWERS_DROP,
    MIC_SILENT,
    DROPPED_FRAMES,
    DISK_LOW,
    FLASH_SALE_ENDING,
    NO_STATS,
)
RED, AMBER = "red", "amber"  # red: the stream itself is hurt; amber: the sale or the data
LEVELS = {MIC_SILENT: RED, DROPPED_FRAMES: RED, DISK_LOW: RED}
QUIET_S = 30.0

# Threshold units, as codes for the ui: items, pct, min, s, db (dBFS), gb, people.
ITEMS, PCT, MINUTES, SECONDS, DBFS, GB, PEOPLE = "items", "pct", "min", "s", "db", "gb", "people"


@dataclass(frozen=True)
class Param:
    name: str
    default: int | float
    low: int | float
    high: int | float
    unit: str
    decimals: int = 0  # 0: a whole number

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        # Only a float can be NaN or infinite (isfinite would overflow on a huge int).
        if isinstance(value, float) and not math.isfinite(value):
            return False
        if not self.low <= value <= self.high:
            return False
        return self.decimals > 0 or float(value).is_integer()


PARAMS: dict[str, tuple[Param, ...]] = {
    # 0: the product's own low-stock mark (库存告急) only; more: also at or under this many.
    LOW_STOCK: (Param("stock_at_most", 0, 0, 100_000, ITEMS),),
    VIEWERS_DROP: (
        Param("drop_pct", 30, 5, 95, PCT),
        Param("window_min", 5, 1, 60, MINUTES),
        Param("min_viewers", 50, 0, 10_000_000, PEOPLE),  # a room of 6 losing 2 is no news
    ),
    MIC_SILENT: (Param("seconds", 10, 2, 600, SECONDS), Param("floor_db", -50, -90, -10, DBFS)),
    DROPPED_FRAMES: (Param("pct", 1.0, 0.1, 50.0, PCT, 1), Param("window_s", 10, 5, 300, SECONDS)),
    DISK_LOW: (Param("min_free_gb", 10.0, 0.5, 100_000.0, GB, 1),),
    FLASH_SALE_ENDING: (Param("seconds", 10, 3, 120, SECONDS),),
    NO_STATS: (Param("minutes", 5, 1, 240, MINUTES),),
}
ON_HOST = {LOW_STOCK: True, MIC_SILENT: True, FLASH_SALE_ENDING: True}  # the rest: False


@dataclass(frozen=True)
class Rule:
    code: str
    enabled: bool = True
    on_host: bool = False  # also a cue on the host view
    thresholds: dict = field(default_factory=dict, hash=False)

    def __getitem__(self, name: str) -> int | float:
        return self.thresholds[name]


def default_rule(code: str) -> Rule:
    values = {p.name: p.default for p in PARAMS[code]}
    return Rule(code, True, ON_HOST.get(code, False), values)


def default_rules() -> dict[str, Rule]:
    return {code: default_rule(code) for code in RULES}


def rules_from_dict(raw: Any) -> dict[str, Rule]:
    """Every rule from settings.alert_rules (rule code -> {"enabled", "on_host", thresholds}).
    A value of the wrong type or out of its range is its default; unknown keys are ignored;
    anything that is not a dict is all defaults. Never raises."""
    raw = raw if isinstance(raw, Mapping) else {}
    rules = {}
    for code in RULES:
        base = default_rule(code)
        entry = raw.get(code)
        entry = entry if isinstance(entry, Mapping) else {}
        enabled = _flag(entry, "enabled", base.enabled)
        on_host = _flag(entry, "on_host", base.on_host)
        values = {}
        for p in PARAMS[code]:
            value = entry.get(p.name, p.default)
            ok = p.accepts(value)
            values[p.name] = ((float if p.decimals else int)(value)) if ok else p.default
        rules[code] = Rule(code, enabled, on_host, values)
    return rules


def _flag(entry: Mapping, name: str, default: bool) -> bool:
    value = entry.get(name, default)
    return value if isinstance(value, bool) else default


def rules_to_dict(rules: Mapping[str, Rule]) -> dict:
    return {
        code: {"enabled": r.enabled, "on_host": r.on_host, **r.thresholds}
        for code, r in rules.items()
    }


# -- inputs: plain values the service gathers ---------------------------------------------------
@dataclass(frozen=True)
class Explaining:
    item_id: int
    name: str
    stock: int | None
    mark: int  # the product's own low-stock mark


@dataclass(frozen=True)
class MicState:
    name: str
    muted: bool
    quiet_s: float | None  # since it was last heard above the floor (or listened from); None: ?


@dataclass(frozen=True)
class Ending:
    """A sale running now: a flash sale (秒杀) or a room-wide coupon or 福袋."""

    key: Any  # which one
    kind: str  # flash_sale, coupon, lucky_bag
    seconds_left: int
    name: str = ""  # the product of a flash sale


@dataclass(frozen=True)
class RoomNumbers:
    """What the stats say, read from the store every few seconds (epoch ms, UTC)."""

    latest_ms: int | None = None  # the newest sample or order
    online: float | None = None  # the newest online viewers sample
    online_ms: int | None = None
    peak: float | None = None  # the highest online sample in the window before online_ms


@dataclass(frozen=True)
class Inputs:
    now: float  # clock seconds (monotonic)
    wall_ms: int  # epoch ms, UTC: the stats' clock
    streaming: bool = False
    streaming_since_ms: int | None = None
    watching_since_ms: int | None = None  # the open show has been watched since
    explaining: Explaining | None = None
    mics: tuple[MicState, ...] = ()
    dropped_pct: float | None = None  # over the rule's window (DropWindow)
    disk_free_gb: float | None = None
    sales: tuple[Ending, ...] = ()
    room: RoomNumbers | None = None  # None: no show open


# -- conditions ---------------------------------------------------------------------------------
ON, OFF, HOLD = "on", "off", "hold"


@dataclass(frozen=True)
class Condition:
    state: str  # ON, OFF, or HOLD: in the band below the threshold (kept if raised, else none)
    values: dict = field(default_factory=dict)
    key: Any = None  # the subject: another key is another alert


_OFF = Condition(OFF)


def _banded(value: float, raise_above: float, clear_below: float, values: dict) -> Condition:
    if value > raise_above:
        return Condition(ON, values)
    return Condition(HOLD, values) if value >= clear_below else _OFF


def _low_stock(r: Rule, x: Inputs) -> Condition:
    e = x.explaining
    if e is None or e.stock is None:
        return _OFF
    mark = max(e.mark, r["stock_at_most"])
    if e.stock > mark:
        return _OFF
    values = {"value": e.stock, "item": e.item_id, "name": e.name, "mark": mark}
    return Condition(ON, values, e.item_id)


def _viewers_drop(r: Rule, x: Inputs) -> Condition:
    room = x.room
    if room is None or room.online is None or room.peak is None or room.online_ms is None:
        return _OFF
    window_ms = r["window_min"] * 60_000
    if x.wall_ms - room.online_ms > window_ms:  # stale figures say nothing about now
        return _OFF
    if room.peak <= 0 or room.peak < r["min_viewers"]:
        return _OFF
    drop = 100.0 * (room.peak - room.online) / room.peak
    values = {
        "value": round(drop, 1),
        "from": int(room.peak),
        "to": int(room.online),
        "window_min": r["window_min"],
    }
    return _banded(drop, r["drop_pct"], r["drop_pct"] * 2 / 3, values)


def _mic_silent(r: Rule, x: Inputs) -> Condition:
    if not x.streaming:
        return _OFF
    for m in x.mics:
        if m.quiet_s is not None and m.quiet_s >= r["seconds"]:
            seconds = int(m.quiet_s) if math.isfinite(m.quiet_s) else None
            values = {"value": seconds, "input": m.name, "muted": m.muted}
            return Condition(ON, values, m.name)
    return _OFF


def _dropped_frames(r: Rule, x: Inputs) -> Condition:
    if not x.streaming or x.dropped_pct is None:
        return _OFF
    # Not "pct": the timeline's own dropped_frames event carries that (one marker per spike).
    values = {"value": round(x.dropped_pct, 2), "window_s": r["window_s"]}
    return _banded(x.dropped_pct, r["pct"], r["pct"] / 2, values)


def _disk_low(r: Rule, x: Inputs) -> Condition:
    if x.disk_free_gb is None:
        return _OFF
    low = r["min_free_gb"]
    values = {"value": round(x.disk_free_gb, 1), "min_gb": low}
    margin = max(1.0, low * 0.1)  # free space wobbles while recording: clear clearly above
    return _banded(-x.disk_free_gb, -low, -(low + margin), values)


def _flash_sale_ending(r: Rule, x: Inputs) -> Condition:
    for s in sorted(x.sales, key=lambda s: s.seconds_left):
        if 0 < s.seconds_left <= r["seconds"]:
            values = {"value": s.seconds_left, "offer": s.kind, "name": s.name}
            return Condition(ON, values, s.key)
    return _OFF


def _no_stats(r: Rule, x: Inputs) -> Condition:
    room = x.room
    if room is None:
        return _OFF
    quiet_ms = r["minutes"] * 60_000
    latest = room.latest_ms
    # Data that came in while this show was watched (or just before) is a live feed; the
    # numbers of a show opened the day after are not expected to move.
    feeding = (
        latest is not None
        and x.watching_since_ms is not None
        and latest >= x.watching_since_ms - quiet_ms
    )
    if not (x.streaming or feeding):
        return _OFF
    starts = [t for t in (latest, x.streaming_since_ms if x.streaming else None) if t is not None]
    if not starts:
        return _OFF
    silent_ms = x.wall_ms - max(starts)
    if silent_ms < quiet_ms:
        return _OFF
    return Condition(ON, {"value": int(silent_ms // 60_000), "minutes": r["minutes"]})


CONDITIONS: dict[str, Callable[[Rule, Inputs], Condition]] = {
    LOW_STOCK: _low_stock,
    VIEWERS_DROP: _viewers_drop,
    MIC_SILENT: _mic_silent,
    DROPPED_FRAMES: _dropped_frames,
    DISK_LOW: _disk_low,
    FLASH_SALE_ENDING: _flash_sale_ending,
    NO_STATS: _no_stats,
}


# -- alerts and their state machines ------------------------------------------------------------
@dataclass(frozen=True)
class Alert:
    id: int
    rule: str
    values: dict = field(default_factory=dict, hash=False)
    key: Any = None
    level: str = AMBER
    on_host: bool = False
    raised_at: float = 0.0  # clock seconds
    raised_ms: int = 0  # epoch ms
    cleared_at: float | None = None
    cleared_ms: int | None = None
    silenced: bool = False  # acknowledged: out of sight until it clears

    @property
    def active(self) -> bool:
        return self.cleared_at is None

    @property
    def value(self) -> Any:
        return self.values.get("value")


RAISED, CLEARED, UPDATED = "raised", "cleared", "updated"


@dataclass(frozen=True)
class Change:
    kind: str  # RAISED, CLEARED or UPDATED (its values moved; nothing is recorded)
    alert: Alert


class RuleMachine:
    """One rule's alert: idle, active, or cleared and quiet for a while about its subject."""

    def __init__(self, code: str, quiet_s: float = QUIET_S):
        self.code, self.quiet_s = code, quiet_s
        self.active: Alert | None = None
        self._last_cleared: tuple[Any, float] | None = None  # (key, clock seconds)

    def step(
        self, cond: Condition, now: float, wall_ms: int, new: Callable[..., Alert]
    ) -> list[Change]:
        out: list[Change] = []
        current = self.active
        if current is not None:
            if cond.state == OFF or (cond.state == ON and cond.key != current.key):
                out.append(self._clear(now, wall_ms))
                current = None
            elif cond.values != current.values:
                self.active = replace(current, values=cond.values)
                return [Change(UPDATED, self.active)]
            else:
                return []
        if cond.state != ON:
            return out
        last = self._last_cleared
        if last is not None and last[0] == cond.key and now - last[1] < self.quiet_s:
            return out  # came back too soon: raised when the quiet time is over, if still true
        self.active = new(self.code, cond.values, cond.key, now, wall_ms)
        out.append(Change(RAISED, self.active))
        return out

    def silence(self) -> Alert | None:
        if self.active is not None and not self.active.silenced:
            self.active = replace(self.active, silenced=True)
            return self.active
        return None

    def _clear(self, now: float, wall_ms: int) -> Change:
        done = replace(self.active, cleared_at=now, cleared_ms=wall_ms)
        self.active = None
        self._last_cleared = (done.key, now)
        return Change(CLEARED, done)


class AlertEngine:
    def __init__(self, rules: Mapping[str, Rule] | None = None, quiet_s: float = QUIET_S):
        self.rules = dict(rules or default_rules())
        self.machines = {code: RuleMachine(code, quiet_s) for code in RULES}
        self._next_id = 1

    def configure(self, rules: Mapping[str, Rule]) -> None:
        """New thresholds apply at the next evaluate(): a disabled rule's alert clears then."""
        self.rules = {**default_rules(), **rules}

    @property
    def active(self) -> tuple[Alert, ...]:
        return tuple(m.active for m in self.machines.values() if m.active is not None)

    def evaluate(self, x: Inputs) -> list[Change]:
        changes: list[Change] = []
        for code in RULES:
            rule = self.rules[code]
            cond = CONDITIONS[code](rule, x) if rule.enabled else _OFF
            changes += self.machines[code].step(cond, x.now, x.wall_ms, self._new)
        return changes

    def silence(self, alert_id: int) -> Alert | None:
        """The active alert with that id, now silenced; None when there is none (cleared)."""
        for m in self.machines.values():
            if m.active is not None and m.active.id == alert_id:
                return m.silence()
        return None

    def _new(self, code: str, values: dict, key: Any, now: float, wall_ms: int) -> Alert:
        alert_id, self._next_id = self._next_id, self._next_id + 1
        level = LEVELS.get(code, AMBER)
        if code == LOW_STOCK and values.get("value", 1) <= 0:
            level = RED  # sold out while on air
        on_host = self.rules[code].on_host
        return Alert(alert_id, code, values, key, level, on_host, now, wall_ms)


# -- helpers the service and the timeline share --------------------------------------------------
class DropWindow:
    """The stream's dropped frames as a share of its frames over the last `window_s`, from
    OBS's cumulative counters polled about once a second."""

    def __init__(self, window_s: float):
        self.window_s = window_s
        self._polls: deque[tuple[float, int, int]] = deque()  # (clock s, dropped, frames)

    def clear(self) -> None:
        self._polls.clear()

    def add(self, now: float, dropped: int | None, frames: int | None) -> float | None:
        """The share in %, or None when it cannot be known (not streaming, no frames yet)."""
        if dropped is None or frames is None:
            self._polls.clear()  # not streaming, or OBS gone: a new stream starts from zero
            return None
        if self._polls and frames < self._polls[-1][2]:
            self._polls.clear()  # the stream restarted: its counters too
        self._polls.append((now, dropped, frames))
        while now - self._polls[0][0] > self.window_s:
            self._polls.popleft()
        _, dropped0, frames0 = self._polls[0]
        if frames - frames0 <= 0:
            return None
        return 100.0 * (dropped - dropped0) / (frames - frames0)
