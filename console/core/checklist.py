"""Run-of-show checklists and their live self-checks, as values. The phases follow the show's
life cycle (notes/domain.md). The service gathers plain evidence (what OBS, the meters, the disk
and the queue say); evaluate() turns it into a state and an evidence code with values, never a
sentence: the ui words them ("mic −18 dBFS peak, 3 s ago").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from console.core.queue import SKIPPED, QueueItem

ACCOUNT, PLANNING, BEFORE_LIVE, DURING, AFTER = (
    "account",
    "planning",
    "before_live",
    "during",
    "after",
)
PHASES = (ACCOUNT, PLANNING, BEFORE_LIVE, DURING, AFTER)
# What has to be done before Go Live; required items of later phases cannot be done yet.
GO_LIVE_PHASES = (ACCOUNT, PLANNING, BEFORE_LIVE)

OK, FAILED, UNKNOWN = "ok", "failed", "unknown"

OBS_CONNECTED = "obs_connected"
SCENE_COLLECTION = "scene_collection"
PROFILE = "profile"
STREAM_SERVICE = "stream_service"
MIC_LIVE = "mic_live"
DISK_FREE = "disk_free"
QUEUE_NOT_EMPTY = "queue_not_empty"
QUEUE_PRICED = "queue_priced"
LIGHTS_REACHABLE = "lights_reachable"
CAMERA_REACHABLE = "camera_reachable"
AUTO_CHECKS = (
    OBS_CONNECTED,
    SCENE_COLLECTION,
    PROFILE,
    STREAM_SERVICE,
    MIC_LIVE,
    DISK_FREE,
    QUEUE_NOT_EMPTY,
    QUEUE_PRICED,
    LIGHTS_REACHABLE,
    CAMERA_REACHABLE,
)

MIC_FLOOR_DB = -60.0  # a peak above this counts as the mic hearing something
# Each auto-check's parameters and their defaults. An expected collection or profile of ""
# is not configured (UNKNOWN: "whatever OBS has now" would pass every time); a server of ""
# is any server; an input of "" is the host's mic.
PARAMS: dict[str, dict[str, Any]] = {
    SCENE_COLLECTION: {"collection": ""},
    PROFILE: {"profile": ""},
    STREAM_SERVICE: {"server_contains": ""},
    MIC_LIVE: {"input": "", "window_s": 10},
    DISK_FREE: {"min_free_gb": 20},
}


class TemplateError(ValueError):
    """A checklist template the app cannot use; `code` is for the ui to word."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class ChecklistItem:
    id: int
    phase: str
    text: str
    position: int = 0
    required: bool = False
    auto_check: str | None = None  # None: checked by hand only
    params: dict = field(default_factory=dict, hash=False)
    checked_by: str | None = None
    checked_at: str | None = None  # wall clock, ISO 8601 with offset

    @property
    def checked(self) -> bool:
        return self.checked_at is not None


@dataclass(frozen=True)
class CheckResult:
    state: str  # OK, FAILED or UNKNOWN
    code: str  # what the evidence says, for the ui to word
    values: dict = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class MicEvidence:
    name: str
    muted: bool
    heard_at: float | None = None  # clock seconds: the last peak above MIC_FLOOR_DB
    heard_peak_db: float | None = None
    is_mic: bool = True  # the host's mic (OBS's Mic/Aux or an input-capture device)


@dataclass(frozen=True)
class DeviceEvidence:
    """A configured light or camera and what its adapter says (console.core.devices)."""

    name: str
    state: str  # online | offline | error
    reason: str = ""


@dataclass(frozen=True)
class Evidence:
    """Plain values the service gathered; None means "not known (yet)". Times are seconds on
    one monotonic clock, `now` included."""

    now: float = 0.0
    obs: str | None = None  # the OBS connection state code ("connected", "reconnecting", …)
    collection: str | None = None
    collections: tuple[str, ...] = ()
    profile: str | None = None
    profiles: tuple[str, ...] = ()
    stream_type: str | None = None
    stream_server: str | None = None
    stream_key_set: bool | None = None  # None: this service type has no key
    mics: tuple[MicEvidence, ...] = ()  # every audio input; the first is_mic one is the default
    listening_since: float | None = None  # meters watched since (the connect)
    disk_free_gb: float | None = None
    queue: tuple[QueueItem, ...] | None = None  # None: no show open
    lights: tuple[DeviceEvidence, ...] | None = None  # Key Lights, DMX outputs; None: no control
    cameras: tuple[DeviceEvidence, ...] | None = None  # PTZ cameras; None: no device control


def params_of(kind: str | None, raw: Any) -> dict | None:
    """The item's parameters over the check's defaults, or None when a value has the wrong
    type (a hand-edited template, say). Keys the check does not know are ignored."""
    defaults = PARAMS.get(kind or "", {})
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        return None
    params = dict(defaults)
    for key, default in defaults.items():
        if key not in raw:
            continue
        value = raw[key]
        if isinstance(default, str):
            if not isinstance(value, str):
                return None
            value = value.strip()
        elif isinstance(value, bool) or not isinstance(value, int | float):
            return None
        elif not math.isfinite(value) or value < 0:
            return None
        params[key] = value
    return params


def evaluate(kind: str | None, raw_params: Any, ev: Evidence) -> CheckResult | None:
    """One auto-check against the evidence; None for an item checked by hand. Never raises:
    whatever is missing or malformed makes the result UNKNOWN."""
    if kind is None:
        return None
    check = _CHECKS.get(kind)
    if check is None:
        return CheckResult(UNKNOWN, "unknown_kind", {"kind": kind})
    params = params_of(kind, raw_params)
    if params is None:
        return CheckResult(UNKNOWN, "bad_params")
    try:
        return check(params, ev)
    except (TypeError, ValueError, AttributeError, KeyError):  # evidence of an odd shape
        return CheckResult(UNKNOWN, "no_evidence")


def _obs_gate(ev: Evidence) -> CheckResult | None:
    if ev.obs != "connected":
        return CheckResult(UNKNOWN, "obs_not_connected", {"state": ev.obs or ""})
    return None


def _obs_connected(_p: dict, ev: Evidence) -> CheckResult:
    if ev.obs == "connected":
        return CheckResult(OK, "obs_connected")
    if ev.obs is None:
        return CheckResult(UNKNOWN, "obs_not_connected", {"state": ""})
    return CheckResult(FAILED, "obs_not_connected", {"state": ev.obs})


def _named(which: str, current: str | None, wanted: str, ev: Evidence) -> CheckResult:
    if not wanted:  # said first: no answer from OBS can make it pass
        return CheckResult(UNKNOWN, "not_configured", {"param": which})
    gate = _obs_gate(ev)
    if gate:
        return gate
    if current is None:
        return CheckResult(UNKNOWN, "waiting")
    if wanted == current:
        return CheckResult(OK, f"{which}_current", {"name": current})
    return CheckResult(FAILED, f"{which}_other", {"expected": wanted, "actual": current})


def _scene_collection(p: dict, ev: Evidence) -> CheckResult:
    return _named("collection", ev.collection, p["collection"], ev)


def _profile(p: dict, ev: Evidence) -> CheckResult:
    return _named("profile", ev.profile, p["profile"], ev)


def _stream_service(p: dict, ev: Evidence) -> CheckResult:
    gate = _obs_gate(ev)
    if gate:
        return gate
    if ev.stream_type is None:
        return CheckResult(UNKNOWN, "waiting")
    server = (ev.stream_server or "").strip()
    values = {"type": ev.stream_type, "server": server}
    if not server:
        return CheckResult(FAILED, "stream_no_server", values)
    if ev.stream_key_set is False:
        return CheckResult(FAILED, "stream_no_key", values)
    wanted = p["server_contains"]
    if wanted and wanted.lower() not in server.lower():
        return CheckResult(FAILED, "stream_server_other", {**values, "expected": wanted})
    return CheckResult(OK, "stream_set", values)


def _mic_live(p: dict, ev: Evidence) -> CheckResult:
    gate = _obs_gate(ev)
    if gate:
        return gate
    wanted = p["input"]
    if wanted:
        mic = next((m for m in ev.mics if m.name == wanted), None)
    else:
        mic = next((m for m in ev.mics if m.is_mic), None)
    if mic is None:
        return CheckResult(FAILED, "mic_missing", {"input": wanted})
    values: dict[str, Any] = {"input": mic.name}
    if mic.muted:
        return CheckResult(FAILED, "mic_muted", values)
    window = float(p["window_s"])
    if mic.heard_at is not None:
        # Whole seconds and tenths of a dB: the ui shows no more, and equal values let the
        # service skip repaints.
        ago = max(0, int(ev.now - mic.heard_at))
        peak = None if mic.heard_peak_db is None else round(float(mic.heard_peak_db), 1)
        values.update(ago_s=ago, peak_db=peak)
        if values["ago_s"] <= window:
            return CheckResult(OK, "mic_heard", values)
    if ev.listening_since is not None and ev.now - ev.listening_since < window:
        return CheckResult(UNKNOWN, "mic_listening", values)
    return CheckResult(FAILED, "mic_silent", {**values, "window_s": window})


def _disk_free(p: dict, ev: Evidence) -> CheckResult:
    if ev.disk_free_gb is None:
        return CheckResult(UNKNOWN, "no_disk_figure")
    values = {"free_gb": float(ev.disk_free_gb), "min_gb": float(p["min_free_gb"])}
    state = OK if values["free_gb"] >= values["min_gb"] else FAILED
    return CheckResult(state, "disk_free" if state == OK else "disk_low", values)


def _queue_not_empty(_p: dict, ev: Evidence) -> CheckResult:
    if ev.queue is None:
        return CheckResult(UNKNOWN, "no_show")
    if not ev.queue:
        return CheckResult(FAILED, "queue_empty")
    return CheckResult(OK, "queue_items", {"count": len(ev.queue)})


def _queue_priced(_p: dict, ev: Evidence) -> CheckResult:
    if ev.queue is None:
        return CheckResult(UNKNOWN, "no_show")
    items = [i for i in ev.queue if i.state != SKIPPED]
    if not items:
        return CheckResult(UNKNOWN, "queue_empty")
    missing = [i for i in items if i.live_price_fen is None or i.stock is None]
    if missing:
        names = [i.name for i in missing[:3]]
        return CheckResult(
            FAILED, "queue_unpriced", {"count": len(missing), "total": len(items), "names": names}
        )
    return CheckResult(OK, "queue_priced", {"count": len(items)})


def _reachable(devices: tuple[DeviceEvidence, ...] | None) -> CheckResult:
    if devices is None:
        return CheckResult(UNKNOWN, "not_available")
    if not devices:
        return CheckResult(UNKNOWN, "no_devices")
    down = [d for d in devices if d.state != "online"]
    if down:
        names = [d.name for d in down[:3]]
        return CheckResult(FAILED, "devices_down", {"count": len(down), "names": names})
    return CheckResult(OK, "devices_online", {"count": len(devices)})


def _lights_reachable(_p: dict, ev: Evidence) -> CheckResult:
    return _reachable(ev.lights)


def _camera_reachable(_p: dict, ev: Evidence) -> CheckResult:
    return _reachable(ev.cameras)


_CHECKS = {
    OBS_CONNECTED: _obs_connected,
    SCENE_COLLECTION: _scene_collection,
    PROFILE: _profile,
    STREAM_SERVICE: _stream_service,
    MIC_LIVE: _mic_live,
    DISK_FREE: _disk_free,
    QUEUE_NOT_EMPTY: _queue_not_empty,
    QUEUE_PRICED: _queue_priced,
    LIGHTS_REACHABLE: _lights_reachable,
    CAMERA_REACHABLE: _camera_reachable,
}


def is_done(item: ChecklistItem, result: CheckResult | None) -> bool:
    """Done: a hand-checked item is checked; a self-check is OK, or UNKNOWN and vouched for by
    a person who checked it by hand. A FAILED self-check is never done: what OBS says wins.
    An OK alone is enough, so a self-checked item must say only what its check sees: what a
    person has to look at (a battery, a key made for this show) is an item of its own."""
    if item.auto_check is None or result is None:
        return item.checked
    return result.state == OK or (result.state == UNKNOWN and item.checked)


def phase_rank(phase: str) -> int:
    return PHASES.index(phase) if phase in PHASES else len(PHASES)


def ordered(items: Iterable[ChecklistItem]) -> tuple[ChecklistItem, ...]:
    """Phase by phase in life-cycle order, then by position."""
    return tuple(sorted(items, key=lambda i: (phase_rank(i.phase), i.position, i.id)))


@dataclass(frozen=True)
class Checklist:
    """One show's checklist with the latest self-check results (by item id)."""

    show_id: int | None = None
    items: tuple[ChecklistItem, ...] = ()  # ordered()
    results: dict = field(default_factory=dict, hash=False)

    def item(self, item_id: int) -> ChecklistItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def result(self, item_id: int) -> CheckResult | None:
        return self.results.get(item_id)

    def in_phase(self, phase: str) -> tuple[ChecklistItem, ...]:
        return tuple(i for i in self.items if i.phase == phase)

    def done(self, item: ChecklistItem) -> bool:
        return is_done(item, self.results.get(item.id))

    def open_required(self, phases: Iterable[str] | None = GO_LIVE_PHASES) -> tuple:
        """Required items not done, in order; `phases` None means every phase."""
        wanted = None if phases is None else set(phases)
        return tuple(
            i
            for i in self.items
            if i.required and (wanted is None or i.phase in wanted) and not self.done(i)
        )


def phases_up_to(phase: str) -> tuple[str, ...]:
    """`phase` and the phases before it."""
    return PHASES[: phase_rank(phase) + 1]


def attention_count(checklist: Checklist, phase: str) -> int:
    """How many items need someone now: the items of `phase` and the phases before it whose
    self-check says FAILED, required or not, ticked by hand or not (a tick does not hide it).
    Only a self-check can fail: an item checked by hand that is still open is not counted,
    nor is a self-check that does not know (UNKNOWN)."""
    wanted = phases_up_to(phase)
    return sum(
        1
        for i in checklist.items
        if i.phase in wanted and (r := checklist.result(i.id)) is not None and r.state == FAILED
    )


def evaluate_all(items: Iterable[ChecklistItem], ev: Evidence) -> dict[int, CheckResult]:
    results = {}
    for item in items:
        result = evaluate(item.auto_check, item.params, ev)
        if result is not None:
            results[item.id] = result
    return results


# -- templates ------------------------------------------------------------------------------
def template_items(data: Any) -> tuple[ChecklistItem, ...]:
    """The items of a template document ({"items": [{phase, text, required, auto_check,
    params}, …]}), ids 0, positions in order. Raises TemplateError."""
    if not isinstance(data, Mapping) or not isinstance(data.get("items"), list):
        raise TemplateError("not_a_template")
    items = []
    for n, raw in enumerate(data["items"]):
        if not isinstance(raw, Mapping):
            raise TemplateError("bad_item", f"item {n + 1}")
        phase, text = raw.get("phase"), raw.get("text")
        if phase not in PHASES:
            raise TemplateError("bad_phase", f"item {n + 1}: {phase!r}")
        if not isinstance(text, str) or not text.strip():
            raise TemplateError("bad_text", f"item {n + 1}")
        auto = raw.get("auto_check")
        if auto is not None and not isinstance(auto, str):
            raise TemplateError("bad_auto_check", f"item {n + 1}")
        params = raw.get("params")
        params = {} if params is None else params
        if not isinstance(params, Mapping):
            raise TemplateError("bad_params", f"item {n + 1}")
        items.append(
            ChecklistItem(
                id=0,
                phase=phase,
                text=text.strip(),
                position=n,
                required=bool(raw.get("required", False)),
                auto_check=auto or None,
                params=dict(params),
            )
        )
    if not items:
        raise TemplateError("empty")
    return ordered(items)


def to_template(items: Iterable[ChecklistItem], language: str = "") -> dict:
    """A template document from a show's items: what is checked, not who checked it."""
    return {
        "version": 1,
        "language": language,
        "items": [
            {
                "phase": i.phase,
                "text": i.text,
                "required": i.required,
                "auto_check": i.auto_check,
                "params": dict(i.params),
            }
            for i in ordered(items)
        ],
    }
