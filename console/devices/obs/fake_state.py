"""The OBS side of the fake obs-websocket server: state, request handlers, events.

Nothing here touches a socket or starts a thread. FakeObsServer calls in while holding its
one lock, then delivers the events collected in `ObsState.events` after releasing it, so a
slow client socket never stalls the state. Field names, status codes and comments follow
obs-websocket 5.1.0 as bundled with OBS 29.0.2 (no UUID fields: those came in 5.3).
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import random
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SUCCESS = 100
MISSING_REQUEST_TYPE = 203
UNKNOWN_REQUEST_TYPE = 204
MISSING_REQUEST_FIELD = 300
MISSING_REQUEST_DATA = 301
INVALID_REQUEST_FIELD_TYPE = 401
REQUEST_FIELD_OUT_OF_RANGE = 402
REQUEST_FIELD_EMPTY = 403
TOO_MANY_REQUEST_FIELDS = 404
OUTPUT_RUNNING = 500
OUTPUT_NOT_RUNNING = 501
STUDIO_MODE_NOT_ACTIVE = 506
RESOURCE_NOT_FOUND = 600
RESOURCE_ALREADY_EXISTS = 601
INVALID_RESOURCE_TYPE = 602
INVALID_RESOURCE_STATE = 604
INVALID_FILTER_KIND = 607
RESOURCE_CREATION_FAILED = 700
CANNOT_ACT = 703

GENERAL, CONFIG, SCENES, INPUTS, TRANSITIONS, FILTERS, OUTPUTS, SCENE_ITEMS, UI = (
    1, 2, 4, 8, 16, 32, 64, 128, 1024
)  # fmt: skip
# obs-websocket 5.0-5.6 define All as every low-volume bit including Ui (1 << 10), so a client
# sending 1023 misses StudioModeStateChanged (checked against OBS 29.0.2).
EVENT_ALL = 2047
INPUT_VOLUME_METERS = 1 << 16

DEFAULT_SCENES = [
    "开场 Opening",
    "主播近景 Host close-up",
    "商品特写 Product close-up",
    "全景 Wide",
    "福利时间 Giveaway",
    "休息 Break",
]
MIC, DESKTOP, BGM = "麦克风 Mic", "桌面音频 Desktop Audio", "背景音乐 BGM"
CAMERA, OVERHEAD, OVERLAY = "摄像头 Camera", "俯拍 Overhead camera", "价格贴片 Price overlay"
NOISE_SUPPRESSION, GAIN = "Noise Suppression", "Gain"
# Bottom-first items per scene (source, shown): both cameras sit in the close-up scenes with
# one shown, so a demo preset has a camera to switch; scenes not listed start empty.
DEFAULT_ITEMS = {
    "开场 Opening": [(CAMERA, True), (OVERLAY, False)],
    "主播近景 Host close-up": [(CAMERA, True), (OVERHEAD, False), (OVERLAY, True)],
    "商品特写 Product close-up": [(CAMERA, False), (OVERHEAD, True), (OVERLAY, True)],
    "全景 Wide": [(CAMERA, True)],
    "福利时间 Giveaway": [(CAMERA, True), (OVERLAY, True)],
    "休息 Break": [(BGM, True)],
}
# Filter kinds the fake knows, with the defaults OBS 29.0.2 reports for them.
FILTER_DEFAULTS: dict[str, dict[str, Any]] = {
    "noise_suppress_filter_v2": {"method": "rnnoise", "suppress_level": -30},
    "noise_suppress_filter": {"method": "speex", "suppress_level": -30},
    "gain_filter": {"db": 0.0},
    "noise_gate_filter": {
        "attack_time": 25,
        "close_threshold": -32.0,
        "hold_time": 200,
        "open_threshold": -26.0,
        "release_time": 150,
    },
    "compressor_filter": {
        "attack_time": 6,
        "output_gain": 0.0,
        "ratio": 10.0,
        "release_time": 60,
        "sidechain_source": "none",
        "threshold": -18.0,
    },
    "limiter_filter": {"release_time": 60, "threshold": -6.0},
    "basic_eq_filter": {"high": 0.0, "low": 0.0, "mid": 0.0},
    "color_filter_v2": {
        "brightness": 0.0,
        "color_add": 0,
        "color_multiply": 16777215,
        "contrast": 0.0,
        "gamma": 0.0,
        "hue_shift": 0.0,
        "opacity": 1.0,
        "saturation": 0.0,
    },
    "crop_filter": {"relative": True},
}
DEFAULT_MIC_FILTERS = [  # name, kind, enabled, settings
    (NOISE_SUPPRESSION, "noise_suppress_filter_v2", True, {}),
    (GAIN, "gain_filter", False, {"db": 6.0}),
]
CANVAS = (1920, 1080)
AUDIO_ONLY_KINDS = {"pulse_input_capture", "pulse_output_capture"}  # no picture: sized 0x0
NO_AUDIO = "The specified input does not support audio."
IMAGE_FORMATS = ["bmp", "cur", "ico", "jpeg", "jpg", "pbm", "pgm", "png", "ppm", "xbm", "xpm"]
STREAM_BYTES_PER_S = 6_000_000 // 8
RECORD_BYTES_PER_S = 10_000_000 // 8
# Measured on OBS 29: a Cut's events arrive ~15 ms after the request, a 300 ms Fade's 310-335 ms.
TRANSITION_LAG_S = 0.015
OUTPUT_SETTLE_S = 0.2  # starting->started and stopping->stopped; a local RTMP target is quick
# OBS keeps scene collections and profiles (with the stream service) in its config folder.
DEFAULT_COLLECTIONS = ["未命名 Untitled", "带货直播 Live shop"]
DEFAULT_PROFILES = ["未命名 Untitled", "抖音竖屏 Douyin 1080x1920"]
DEFAULT_STREAM_SERVICE = (
    "rtmp_custom",
    {
        "bwtest": False,
        "key": "livedesk-demo",
        "server": "rtmp://127.0.0.1:1/live",
        "use_auth": False,
    },
)
STREAM_SERVICE_TYPES = ("rtmp_common", "rtmp_custom")


def b64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


class RequestFailed(Exception):
    def __init__(self, code: int, comment: str | None = None) -> None:
        super().__init__(code, comment)
        self.code, self.comment = code, comment


def _f32(value: float) -> float:
    # libobs keeps volumes as C floats; clients see float32 rounding in the JSON.
    return struct.unpack("f", struct.pack("f", value))[0]


def mul_to_db(mul: float) -> float:
    # obs_mul_to_db() works in float: 20.0f * log10f(mul), so -6 dB reads back as exactly -6.0.
    return -100.0 if mul <= 0.0 else _f32(20.0 * _f32(math.log10(mul)))


def db_to_mul(db: float) -> float:
    # obs_db_to_mul() is powf(10, db/20) for any finite dB: -100 dB is 1e-5, not silence.
    return _f32(10.0 ** _f32(_f32(db) / 20.0))


def timecode(ms: int) -> str:
    s, ms = divmod(ms, 1000)
    m, s = divmod(s, 60)
    h, m = divmod(m, 60)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


class Fields:
    """Request-field checks with obs-websocket's codes and comment texts."""

    def __init__(self, data: Any) -> None:
        self.present = isinstance(data, dict)
        self.data = data if self.present else {}

    def has(self, key: str) -> bool:
        return self.data.get(key) is not None

    def _basic(self, key: str) -> Any:
        if not self.present:
            raise RequestFailed(
                MISSING_REQUEST_DATA, "Your request data is missing or invalid (non-object)"
            )
        if not self.has(key):
            raise RequestFailed(
                MISSING_REQUEST_FIELD, f"Your request is missing the `{key}` field."
            )
        return self.data[key]

    def string(self, key: str) -> str:
        value = self._basic(key)
        if not isinstance(value, str):
            raise RequestFailed(
                INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be a string."
            )
        if not value:
            raise RequestFailed(
                REQUEST_FIELD_EMPTY, f"The field value of `{key}` must not be empty."
            )
        return value

    def boolean(self, key: str) -> bool:
        value = self._basic(key)
        if not isinstance(value, bool):
            raise RequestFailed(
                INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be boolean."
            )
        return value

    def number(self, key: str, lo: float, hi: float, optional: bool = False) -> float:
        value = self.data[key] if optional else self._basic(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RequestFailed(
                INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be a number."
            )
        # std::to_string(double) prints six decimals, and the comments carry no full stop.
        if value < lo:
            raise RequestFailed(
                REQUEST_FIELD_OUT_OF_RANGE,
                f"The field value of `{key}` is below the minimum of `{lo:f}`",
            )
        if value > hi:
            raise RequestFailed(
                REQUEST_FIELD_OUT_OF_RANGE,
                f"The field value of `{key}` is above the maximum of `{hi:f}`",
            )
        return value

    def obj(self, key: str) -> dict[str, Any]:
        value = self._basic(key)
        if not isinstance(value, dict):
            raise RequestFailed(
                INVALID_REQUEST_FIELD_TYPE, f"The field value of `{key}` must be an object."
            )
        if not value:
            raise RequestFailed(
                REQUEST_FIELD_EMPTY, f"The field value of `{key}` must not be empty."
            )
        return value


@dataclass
class Input:
    name: str
    kind: str
    audio: bool
    level_db: tuple[float, float] = (-60.0, 3.0)  # typical peak and its spread, for the meters
    muted: bool = False
    volume_mul: float = 1.0
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def unversioned_kind(self) -> str:
        head, _, tail = self.kind.rpartition("_v")
        return head if head and tail.isdigit() else self.kind


@dataclass
class SceneItem:
    id: int  # unique within its scene, never reused (OBS's per-scene id counter)
    source: str
    enabled: bool = True


@dataclass
class Filter:
    name: str
    kind: str
    enabled: bool = True
    settings: dict[str, Any] = field(default_factory=dict)  # only what was set, as OBS lists


class Voice:
    """Talk spurts of syllables (~4.5 per second) between short pauses, so the mic meter looks
    like somebody presenting a product rather than noise."""

    def __init__(self, rng: random.Random) -> None:
        self._rng, self._talking, self._until, self._loud = rng, False, 0.0, -14.0

    def peak_db(self, t: float) -> float:
        rng = self._rng
        if t >= self._until:
            self._talking = not self._talking
            self._until = t + (rng.uniform(1.2, 4.0) if self._talking else rng.uniform(0.15, 0.9))
            self._loud = rng.uniform(-15.0, -10.0)
        if not self._talking:
            return rng.uniform(-58.0, -50.0)
        syllable = abs(math.sin(math.pi * 4.5 * t))
        return self._loud - 18.0 * (1.0 - syllable) + rng.uniform(-2.0, 2.0)


class Output:
    """Stream or record output: OBS_WEBSOCKET_OUTPUT_* states and growing counters."""

    def __init__(self, bytes_per_s: int) -> None:
        self.state, self.started_at, self.bytes_per_s, self.path = "STOPPED", 0.0, bytes_per_s, None

    @property
    def running(self) -> bool:
        # What obs_frontend_streaming/recording_active() report: set on STARTED, cleared on STOPPED.
        return self.state in ("STARTED", "STOPPING")

    def duration_ms(self, now: float) -> int:
        return int((now - self.started_at) * 1000) if self.running else 0


class ObsState:
    """One OBS instance: scenes (top-to-bottom as in OBS's dock) with their items, inputs,
    source filters, transitions, outputs.

    Request handlers are the `req_<RequestType>` methods; `schedule(delay_s, fn)` runs `fn`
    later under the server's lock (transitions, outputs settling)."""

    def __init__(
        self,
        obs_version: str = "29.0.2",
        ws_version: str = "5.1.0",
        schedule: Callable[[float, Callable[[], None]], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        seed: int | None = None,
    ) -> None:
        self.obs_version, self.ws_version = obs_version, ws_version
        self.schedule = schedule or (lambda _delay, fn: fn())
        self.clock = clock
        self.born = clock()
        self.rng = random.Random(seed)
        self.events: list[tuple[int, str, dict[str, Any] | None]] = []
        self.scenes = list(DEFAULT_SCENES)  # top-to-bottom, as OBS's scene dock shows them
        self.program, self.preview, self.studio = self.scenes[0], None, False
        self.inputs = {
            i.name: i
            for i in (
                Input(DESKTOP, "pulse_output_capture", True, (-62.0, 2.0)),
                Input(MIC, "pulse_input_capture", True),
                Input(CAMERA, "v4l2_input", False),
                Input(OVERHEAD, "v4l2_input", False),
                Input(OVERLAY, "text_ft2_source_v2", False),
                Input(BGM, "ffmpeg_source", True, (-24.0, 3.0), volume_mul=db_to_mul(-12.0)),
            )
        }
        self.items = {
            scene: [SceneItem(n, *item) for n, item in enumerate(DEFAULT_ITEMS.get(scene, []), 1)]
            for scene in self.scenes
        }
        self._last_item_id = {scene: len(items) for scene, items in self.items.items()}
        self.filters = {MIC: [Filter(n, k, on, dict(s)) for n, k, on, s in DEFAULT_MIC_FILTERS]}
        self.voice = Voice(self.rng)
        self.transitions = {"Cut": ("cut_transition", True), "Fade": ("fade_transition", False)}
        self.transition, self.transition_ms, self._transition_token = "Fade", 300, 0
        self.stream, self.record = Output(STREAM_BYTES_PER_S), Output(RECORD_BYTES_PER_S)
        self.collections, self.collection = list(DEFAULT_COLLECTIONS), DEFAULT_COLLECTIONS[-1]
        self.profiles, self.profile = list(DEFAULT_PROFILES), DEFAULT_PROFILES[-1]
        self.stream_service = (DEFAULT_STREAM_SERVICE[0], dict(DEFAULT_STREAM_SERVICE[1]))
        self.record_directory = os.path.join(os.path.expanduser("~"), "Videos")
        self._session_counts = (0, 0)
        self.failures: dict[str, list[tuple[int, str]]] = {}  # fault injection: fail_next()
        self.handlers: dict[str, Callable[[Fields], dict[str, Any] | None]] = {
            name[4:]: getattr(self, name) for name in dir(self) if name.startswith("req_")
        }

    # ---- plumbing -------------------------------------------------------------------------
    def emit(self, intent: int, event_type: str, data: dict[str, Any] | None = None) -> None:
        self.events.append((intent, event_type, data))

    def take_events(self) -> list[tuple[int, str, dict[str, Any] | None]]:
        events, self.events = self.events, []
        return events

    def respond(self, data: dict[str, Any], session_counts: tuple[int, int]) -> dict[str, Any]:
        """The RequestResponse `d` for one request (or one item of a batch)."""
        request_type = data.get("requestType")
        queued = self.failures.get(str(request_type))
        if queued:
            code, comment, response = *queued.pop(0), None
        else:
            code, comment, response = self.handle(
                request_type, data.get("requestData"), session_counts
            )
        status: dict[str, Any] = {"result": code == SUCCESS, "code": code}
        if comment:
            status["comment"] = comment
        body = {"requestType": request_type, "requestStatus": status}
        if "requestId" in data:
            body["requestId"] = data["requestId"]
        if response is not None:
            body["responseData"] = response
        return body

    def handle(self, request_type: Any, data: Any, session_counts: tuple[int, int] = (0, 0)):
        """Run one request; returns (status code, comment or None, responseData or None)."""
        if not isinstance(request_type, str) or not request_type:
            return MISSING_REQUEST_TYPE, "Your request's `requestType` may not be empty.", None
        handler = self.handlers.get(request_type)
        if handler is None:
            return UNKNOWN_REQUEST_TYPE, "Your request type is not valid.", None
        self._session_counts = session_counts
        try:
            return SUCCESS, None, handler(Fields(data))
        except RequestFailed as failure:
            return failure.code, failure.comment, None

    def _scene(self, fields: Fields) -> str:
        name = fields.string("sceneName")
        if name in self.inputs:
            raise RequestFailed(INVALID_RESOURCE_TYPE, "The specified source is not a scene.")
        if name not in self.scenes:
            raise RequestFailed(RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        return name

    def _input(self, fields: Fields, audio: bool = False) -> Input:
        name = fields.string("inputName")
        if name in self.scenes:
            raise RequestFailed(INVALID_RESOURCE_TYPE, "The specified source is not an input.")
        if name not in self.inputs:
            raise RequestFailed(RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        found = self.inputs[name]
        if audio and not found.audio:
            raise RequestFailed(INVALID_RESOURCE_STATE, NO_AUDIO)
        return found

    # ---- state changes shared by requests and the "somebody did it in OBS" hooks -----------
    def switch_program(self, target: str) -> None:
        if target == self.program:
            return  # OBS starts no transition and says nothing
        name = self.transition
        self._transition_token += 1
        token, old = self._transition_token, self.program
        # OBS reports the new program scene at once (and, in studio mode, swaps the old one
        # into preview), but its events only when the transition has run.
        self.program = target
        swapped = old if self.studio else None
        if swapped is not None:
            self.preview = swapped
        self.emit(TRANSITIONS, "SceneTransitionStarted", {"transitionName": name})
        duration_s = 0.0 if self.transitions[name][1] else self.transition_ms / 1000.0
        self.schedule(
            duration_s + TRANSITION_LAG_S,
            lambda: self._end_transition(token, name, target, swapped),
        )

    def _end_transition(self, token: int, name: str, target: str, swapped: str | None) -> None:
        if token != self._transition_token:
            return  # cut short by a newer transition, which OBS reports no end for
        self.emit(TRANSITIONS, "SceneTransitionVideoEnded", {"transitionName": name})
        if swapped is not None:
            self.emit(SCENES, "CurrentPreviewSceneChanged", {"sceneName": swapped})
        self.emit(SCENES, "CurrentProgramSceneChanged", {"sceneName": target})
        ended = {"transitionName": name}
        self.schedule(
            TRANSITION_LAG_S, lambda: self.emit(TRANSITIONS, "SceneTransitionEnded", ended)
        )

    def cut_to(self, name: str) -> None:
        if name not in self.scenes:
            raise KeyError(name)
        if name == self.program:
            return  # OBS says nothing when the scene does not change
        self._transition_token += 1  # a running transition must not land afterwards
        self.set_program(name)

    def set_program(self, name: str) -> None:
        self.program = name
        self.emit(SCENES, "CurrentProgramSceneChanged", {"sceneName": name})

    def set_mute(self, item: Input, muted: bool) -> None:
        item.muted = muted  # libobs signals "mute" even when nothing changed
        self.emit(INPUTS, "InputMuteStateChanged", {"inputName": item.name, "inputMuted": muted})

    def audio_input(self, name: str) -> Input:
        item = self.inputs[name]
        if not item.audio:
            raise ValueError(f"{name} has no audio")
        return item

    def set_volume_db(self, item: Input, db: float) -> None:
        if not -100.0 <= db <= 26.0:  # also refuses NaN
            raise ValueError(f"volume {db} dB is outside OBS's -100..26 dB")
        self.set_volume(item, db_to_mul(db))

    def set_volume(self, item: Input, mul: float) -> None:
        item.volume_mul = _f32(mul)
        self.emit(
            INPUTS,
            "InputVolumeChanged",
            {
                "inputName": item.name,
                "inputVolumeMul": item.volume_mul,
                "inputVolumeDb": mul_to_db(mul),
            },
        )

    def scene_items(self, scene: str) -> list[SceneItem]:
        """The scene's items, bottom first (list position = sceneItemIndex)."""
        return self.items.setdefault(scene, [])

    def add_item(self, scene: str, source: str, enabled: bool) -> SceneItem:
        last = self._last_item_id.get(scene, 0) + 1
        self._last_item_id[scene] = last
        item = SceneItem(last, source, enabled)
        items = self.scene_items(scene)
        items.append(item)  # OBS adds on top
        created = {"sceneName": scene, "sourceName": source, "sceneItemId": item.id}
        self.emit(SCENE_ITEMS, "SceneItemCreated", {**created, "sceneItemIndex": len(items) - 1})
        if not enabled:
            self._item_enabled_event(scene, item)
        # OBS's source dock selects a new item, and obs-websocket reports that too.
        self.emit(SCENE_ITEMS, "SceneItemSelected", {"sceneName": scene, "sceneItemId": item.id})
        return item

    def set_item_enabled(self, scene: str, item: SceneItem, enabled: bool) -> None:
        if item.enabled != enabled:  # libobs signals nothing when the item already is so
            item.enabled = enabled
            self._item_enabled_event(scene, item)

    def _item_enabled_event(self, scene: str, item: SceneItem) -> None:
        data = {"sceneName": scene, "sceneItemId": item.id, "sceneItemEnabled": item.enabled}
        self.emit(SCENE_ITEMS, "SceneItemEnableStateChanged", data)

    def top_item(self, scene: str, source: str) -> SceneItem:
        """The top-most item of `source` in `scene` (KeyError if none): what a person
        clicking the eye in OBS's source list most likely means."""
        for item in reversed(self.scene_items(scene)):
            if item.source == source:
                return item
        raise KeyError(f"{source} in {scene}")

    def set_filter_enabled(self, source: str, found: Filter, enabled: bool) -> None:
        found.enabled = enabled  # obs-websocket reports it even when nothing changed
        data = {"sourceName": source, "filterName": found.name, "filterEnabled": enabled}
        self.emit(FILTERS, "SourceFilterEnableStateChanged", data)

    def filter_of(self, source: str, name: str) -> Filter:
        for found in self.filters.get(source, []):
            if found.name == name:
                return found
        raise KeyError(f"{name} on {source}")

    def set_scene_list(self, scenes: list[str]) -> None:
        if not scenes:
            raise ValueError("OBS always keeps at least one scene")
        self.scenes = list(scenes)
        sources = set(self.inputs) | set(scenes)  # a removed scene goes from other scenes too
        self.items = {s: [i for i in self.scene_items(s) if i.source in sources] for s in scenes}
        self.filters = {s: f for s, f in self.filters.items() if s in sources}
        self.emit(SCENES, "SceneListChanged", {"scenes": self.scene_array()})
        if self.program not in self.scenes:
            self.set_program(self.scenes[0])
        if self.preview is not None and self.preview not in self.scenes:
            self.preview = self.program
            self.emit(SCENES, "CurrentPreviewSceneChanged", {"sceneName": self.preview})

    def scene_array(self) -> list[dict[str, Any]]:
        # obs-websocket reverses OBS's list: index 0 is the bottom scene of the dock.
        n = len(self.scenes)
        return [
            {"sceneIndex": n - 1 - i, "sceneName": s}
            for i, s in reversed(list(enumerate(self.scenes)))
        ]

    def _output_event(self, which: Output, event_type: str, state: str) -> None:
        which.state = state
        data: dict[str, Any] = {
            "outputActive": state == "STARTED",
            "outputState": f"OBS_WEBSOCKET_OUTPUT_{state}",
        }
        if which is self.record:
            data["outputPath"] = which.path if state in ("STARTED", "STOPPED") else None
        self.emit(OUTPUTS, event_type, data)

    def start_output(self, which: Output, event_type: str) -> None:
        if which.state != "STOPPED":
            return  # the frontend ignores a second start while one is on its way
        if which is self.record:
            stamp = time.strftime("%Y-%m-%d %H-%M-%S")
            which.path = os.path.join(os.path.expanduser("~"), "Videos", f"{stamp}.mkv")
        self._output_event(which, event_type, "STARTING")

        def started() -> None:
            if which.state == "STARTING":
                which.started_at = self.clock()
                self._output_event(which, event_type, "STARTED")

        self.schedule(OUTPUT_SETTLE_S, started)

    def stop_output(self, which: Output, event_type: str) -> None:
        if which.state != "STARTED":
            return
        self._output_event(which, event_type, "STOPPING")
        self.schedule(OUTPUT_SETTLE_S, lambda: self._output_event(which, event_type, "STOPPED"))

    def restarted(self) -> None:
        self.stream, self.record = Output(STREAM_BYTES_PER_S), Output(RECORD_BYTES_PER_S)
        self._transition_token += 1
        self.events.clear()

    # ---- read-backs -------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        return {
            "program": self.program,
            "preview": self.preview,
            "studio": self.studio,
            "inputs": {
                i.name: {"muted": i.muted, "volume_db": mul_to_db(i.volume_mul)}
                for i in self.inputs.values()
                if i.audio
            },
            "streaming": self.stream.state in ("STARTING", "STARTED"),
            "recording": self.record.state in ("STARTING", "STARTED"),
            "transition": self.transition,
            "transition_ms": self.transition_ms,
            "scenes": list(self.scenes),
            "scene_items": {
                scene: [(i.source, i.enabled) for i in items] for scene, items in self.items.items()
            },
            "filters": {
                source: {f.name: f.enabled for f in filters}
                for source, filters in self.filters.items()
                if filters
            },
        }

    def meter_inputs(self) -> list[dict[str, Any]]:
        """One InputVolumeMeters payload: per channel [magnitude, peak, input peak], where the
        first two are after the fader (zero when muted) like obs-websocket's meter."""
        now = self.clock() - self.born
        result = []
        for item in self.inputs.values():
            if not item.audio:
                continue
            if item.name == MIC:
                peak_db = self.voice.peak_db(now)
            else:
                peak_db = item.level_db[0] + self.rng.uniform(-item.level_db[1], item.level_db[1])
            fader = 0.0 if item.muted else item.volume_mul
            channels = []
            for _ in range(2):
                peak = 10 ** ((peak_db + self.rng.uniform(-0.8, 0.8)) / 20)
                magnitude = peak * 10 ** (-self.rng.uniform(8.0, 12.0) / 20)
                channels.append([magnitude * fader, peak * fader, peak])
            result.append({"inputName": item.name, "inputLevelsMul": channels})
        return result

    # ---- requests: general --------------------------------------------------------------------
    def req_GetVersion(self, _f: Fields) -> dict[str, Any]:
        return {
            "obsVersion": self.obs_version,
            "obsWebSocketVersion": self.ws_version,
            "rpcVersion": 1,
            "availableRequests": sorted(self.handlers),
            "supportedImageFormats": IMAGE_FORMATS,
            "platform": "debian",
            "platformDescription": "Debian GNU/Linux 12 (bookworm)",
        }

    def req_GetStats(self, _f: Fields) -> dict[str, Any]:
        frames = int((self.clock() - self.born) * 30)
        output_frames = int(self.stream.duration_ms(self.clock()) * 0.03)
        incoming, outgoing = self._session_counts
        return {
            "cpuUsage": round(self.rng.uniform(2.5, 6.0), 6),
            "memoryUsage": round(self.rng.uniform(340.0, 360.0), 6),
            "availableDiskSpace": 181_536.48828125,
            "activeFps": 30.0000003,
            "averageFrameRenderTime": round(self.rng.uniform(0.9, 1.6), 6),
            "renderSkippedFrames": 0,
            "renderTotalFrames": frames,
            "outputSkippedFrames": 0,
            "outputTotalFrames": max(frames, output_frames),
            "webSocketSessionIncomingMessages": incoming,
            "webSocketSessionOutgoingMessages": outgoing,
        }

    def req_GetStudioModeEnabled(self, _f: Fields) -> dict[str, Any]:
        return {"studioModeEnabled": self.studio}

    def req_SetStudioModeEnabled(self, f: Fields) -> None:
        enabled = f.boolean("studioModeEnabled")
        if enabled == self.studio:
            return
        if not enabled:
            # OBS 29 leaving studio mode reports the preview, then the (unchanged) program,
            # as the program scene.
            self.emit(SCENES, "CurrentProgramSceneChanged", {"sceneName": self.preview})
            self.emit(SCENES, "CurrentProgramSceneChanged", {"sceneName": self.program})
        self.studio = enabled
        self.preview = self.program if enabled else None
        self.emit(UI, "StudioModeStateChanged", {"studioModeEnabled": enabled})

    # ---- requests: config (scene collections, profiles, stream service) ----------------------
    def req_GetSceneCollectionList(self, _f: Fields) -> dict[str, Any]:
        return {
            "currentSceneCollectionName": self.collection,
            "sceneCollections": list(self.collections),
        }

    def req_SetCurrentSceneCollection(self, f: Fields) -> None:
        name = f.string("sceneCollectionName")
        if name not in self.collections:
            raise RequestFailed(RESOURCE_NOT_FOUND)
        if name != self.collection:  # OBS queues no change when nothing would change
            # The fake's collections share one set of scenes and inputs: only the name changes.
            self.emit(
                CONFIG, "CurrentSceneCollectionChanging", {"sceneCollectionName": self.collection}
            )
            self.collection = name
            self.emit(CONFIG, "CurrentSceneCollectionChanged", {"sceneCollectionName": name})

    def req_GetProfileList(self, _f: Fields) -> dict[str, Any]:
        return {"currentProfileName": self.profile, "profiles": list(self.profiles)}

    def req_SetCurrentProfile(self, f: Fields) -> None:
        name = f.string("profileName")
        if name not in self.profiles:
            raise RequestFailed(RESOURCE_NOT_FOUND)
        if name != self.profile:
            self.emit(CONFIG, "CurrentProfileChanging", {"profileName": self.profile})
            self.profile = name
            self.emit(CONFIG, "CurrentProfileChanged", {"profileName": name})

    def req_GetStreamServiceSettings(self, _f: Fields) -> dict[str, Any]:
        kind, settings = self.stream_service
        return {"streamServiceType": kind, "streamServiceSettings": dict(settings)}

    def req_SetStreamServiceSettings(self, f: Fields) -> None:
        if self.stream.running:
            raise RequestFailed(
                OUTPUT_RUNNING, "You cannot change stream service settings while streaming."
            )
        kind, settings = f.string("streamServiceType"), f.obj("streamServiceSettings")
        if kind == self.stream_service[0]:  # the same type: the settings are merged
            self.stream_service[1].update(settings)
        elif kind in STREAM_SERVICE_TYPES:
            self.stream_service = (kind, dict(settings))
        else:
            raise RequestFailed(
                RESOURCE_CREATION_FAILED,
                "Failed to create the stream service with the requested streamServiceType. "
                "It may be an invalid type.",
            )

    def req_GetRecordDirectory(self, _f: Fields) -> dict[str, Any]:
        return {"recordDirectory": self.record_directory}

    # ---- requests: scenes -------------------------------------------------------------------
    def req_GetSceneList(self, _f: Fields) -> dict[str, Any]:
        return {
            "currentProgramSceneName": self.program,
            "currentPreviewSceneName": self.preview if self.studio else None,
            "scenes": self.scene_array(),
        }

    def req_GetCurrentProgramScene(self, _f: Fields) -> dict[str, Any]:
        return {"currentProgramSceneName": self.program}

    def req_SetCurrentProgramScene(self, f: Fields) -> None:
        self.switch_program(self._scene(f))

    def _need_studio(self) -> None:
        if not self.studio:
            raise RequestFailed(STUDIO_MODE_NOT_ACTIVE)

    def req_GetCurrentPreviewScene(self, _f: Fields) -> dict[str, Any]:
        self._need_studio()
        return {"currentPreviewSceneName": self.preview}

    def req_SetCurrentPreviewScene(self, f: Fields) -> None:
        self._need_studio()
        name = self._scene(f)
        if name != self.preview:
            self.preview = name
            self.emit(SCENES, "CurrentPreviewSceneChanged", {"sceneName": name})

    def req_TriggerStudioModeTransition(self, _f: Fields) -> None:
        self._need_studio()
        assert self.preview is not None
        self.switch_program(self.preview)

    # ---- requests: inputs -------------------------------------------------------------------
    def req_GetInputList(self, f: Fields) -> dict[str, Any]:
        kind = None
        if f.has("inputKind"):
            kind = f.data["inputKind"]
            if not isinstance(kind, str):
                raise RequestFailed(
                    INVALID_REQUEST_FIELD_TYPE, "The field value of `inputKind` must be a string."
                )
        return {
            "inputs": [
                {
                    "inputKind": i.kind,
                    "inputName": i.name,
                    "unversionedInputKind": i.unversioned_kind,
                }
                for i in self.inputs.values()
                if not kind or i.kind == kind
            ]
        }

    # Text sources for the on-stream overlay (OBS 29 on Linux offers text_ft2_source_v2).
    def req_GetInputKindList(self, f: Fields) -> dict[str, Any]:
        kinds = {i.kind for i in self.inputs.values()} | {"text_ft2_source_v2", "color_source_v3"}
        if f.has("unversioned") and f.boolean("unversioned"):
            kinds = {Input("", k, False).unversioned_kind for k in kinds}
        return {"inputKinds": sorted(kinds)}

    def req_CreateInput(self, f: Fields) -> dict[str, Any]:
        self._scene(f)
        name, kind = f.string("inputName"), f.string("inputKind")
        if name in self.inputs or name in self.scenes:
            raise RequestFailed(
                RESOURCE_ALREADY_EXISTS, "A source already exists by that input name."
            )
        settings = f.data.get("inputSettings") or {}
        enabled = f.boolean("sceneItemEnabled") if f.has("sceneItemEnabled") else True
        created = self.inputs[name] = Input(name, kind, audio=False, settings=dict(settings))
        self.emit(
            INPUTS,
            "InputCreated",
            {
                "inputName": name,
                "inputKind": kind,
                "unversionedInputKind": created.unversioned_kind,
                "inputSettings": settings,
                "defaultInputSettings": {},
            },
        )
        return {"sceneItemId": self.add_item(self._scene(f), name, enabled).id}

    def req_SetInputSettings(self, f: Fields) -> None:
        item = self._input(f)
        settings = f.data.get("inputSettings")
        if not isinstance(settings, dict):
            raise RequestFailed(
                MISSING_REQUEST_FIELD, "Your request is missing the `inputSettings` field."
            )
        item.settings.update(settings)

    def req_GetInputSettings(self, f: Fields) -> dict[str, Any]:
        item = self._input(f)
        return {"inputKind": item.kind, "inputSettings": dict(item.settings)}

    def req_GetSpecialInputs(self, _f: Fields) -> dict[str, Any]:
        return {
            "desktop1": DESKTOP,
            "desktop2": None,
            "mic1": MIC,
            "mic2": None,
            "mic3": None,
            "mic4": None,
        }

    def req_GetInputMute(self, f: Fields) -> dict[str, Any]:
        return {"inputMuted": self._input(f, audio=True).muted}

    def req_SetInputMute(self, f: Fields) -> None:
        item = self._input(f)
        muted = f.boolean("inputMuted")  # OBS checks the field before the audio capability
        if not item.audio:
            raise RequestFailed(INVALID_RESOURCE_STATE, NO_AUDIO)
        self.set_mute(item, muted)

    def req_ToggleInputMute(self, f: Fields) -> dict[str, Any]:
        item = self._input(f, audio=True)
        self.set_mute(item, not item.muted)
        return {"inputMuted": item.muted}

    def req_GetInputVolume(self, f: Fields) -> dict[str, Any]:
        item = self._input(f, audio=True)
        return {"inputVolumeMul": item.volume_mul, "inputVolumeDb": mul_to_db(item.volume_mul)}

    def req_SetInputVolume(self, f: Fields) -> None:
        item = self._input(f, audio=True)
        has_mul, has_db = f.has("inputVolumeMul"), f.has("inputVolumeDb")
        mul = f.number("inputVolumeMul", 0, 20, optional=True) if has_mul else None
        db = f.number("inputVolumeDb", -100, 26, optional=True) if has_db else None
        if has_mul and has_db:
            raise RequestFailed(TOO_MANY_REQUEST_FIELDS, "You may only specify one volume field.")
        if mul is None and db is None:
            raise RequestFailed(MISSING_REQUEST_FIELD, "You must specify one volume field.")
        self.set_volume(item, mul if mul is not None else db_to_mul(db))

    # ---- requests: scene items ----------------------------------------------------------------
    def _source(self, f: Fields) -> str:
        name = f.string("sourceName")
        if name not in self.inputs and name not in self.scenes:
            raise RequestFailed(RESOURCE_NOT_FOUND, f"No source was found by the name of `{name}`.")
        return name

    def _scene_item(self, f: Fields) -> tuple[str, SceneItem]:
        scene = self._scene(f)
        item_id = int(f.number("sceneItemId", 0, math.inf))  # OBS truncates 1.5 to 1
        for item in self.scene_items(scene):
            if item.id == item_id:
                return scene, item
        raise RequestFailed(
            RESOURCE_NOT_FOUND,
            f"No scene items were found in scene `{scene}` with the ID `{item_id}`.",
        )

    def _item_json(self, item: SceneItem, index: int) -> dict[str, Any]:
        found = self.inputs.get(item.source)  # None: the item shows a scene
        return {
            "inputKind": found.kind if found else None,
            "isGroup": None if found else False,
            "sceneItemBlendMode": "OBS_BLEND_NORMAL",
            "sceneItemEnabled": item.enabled,
            "sceneItemId": item.id,
            "sceneItemIndex": index,
            "sceneItemLocked": False,
            "sceneItemTransform": _transform(*self._size(found)),
            "sourceName": item.source,
            "sourceType": "OBS_SOURCE_TYPE_INPUT" if found else "OBS_SOURCE_TYPE_SCENE",
        }

    @staticmethod
    def _size(found: Input | None) -> tuple[float, float]:
        if found is None:
            return CANVAS  # a scene is canvas-sized
        if found.kind in AUDIO_ONLY_KINDS:
            return 0, 0
        return found.settings.get("width", CANVAS[0]), found.settings.get("height", CANVAS[1])

    def req_GetSceneItemList(self, f: Fields) -> dict[str, Any]:
        items = self.scene_items(self._scene(f))
        return {"sceneItems": [self._item_json(item, n) for n, item in enumerate(items)]}

    def req_GetSceneItemEnabled(self, f: Fields) -> dict[str, Any]:
        return {"sceneItemEnabled": self._scene_item(f)[1].enabled}

    def req_SetSceneItemEnabled(self, f: Fields) -> None:
        scene, item = self._scene_item(f)
        self.set_item_enabled(scene, item, f.boolean("sceneItemEnabled"))

    def req_GetSceneItemId(self, f: Fields) -> dict[str, Any]:
        scene, source = self._scene(f), f.string("sourceName")
        offset = 0  # the n-th match from the bottom; -1 is the top-most
        if f.has("searchOffset"):
            offset = int(f.number("searchOffset", -1, math.inf, optional=True))
        matches = [item for item in self.scene_items(scene) if item.source == source]
        if offset >= len(matches) or not matches:
            raise RequestFailed(
                RESOURCE_NOT_FOUND,
                "No scene items were found in the specified scene by that name or offset.",
            )
        return {"sceneItemId": matches[offset].id}

    def req_CreateSceneItem(self, f: Fields) -> dict[str, Any]:
        scene, source = self._scene(f), self._source(f)
        if source == scene:
            raise RequestFailed(
                CANNOT_ACT, "You cannot create scene item of a scene within itself."
            )
        enabled = f.boolean("sceneItemEnabled") if f.has("sceneItemEnabled") else True
        return {"sceneItemId": self.add_item(scene, source, enabled).id}

    # ---- requests: source filters -------------------------------------------------------------
    def _filters_of(self, f: Fields) -> tuple[str, list[Filter]]:
        source = self._source(f)  # scenes have filters too
        return source, self.filters.setdefault(source, [])

    def _filter(self, f: Fields) -> tuple[str, Filter]:
        source = self._source(f)
        name = f.string("filterName")
        try:
            return source, self.filter_of(source, name)
        except KeyError:
            raise RequestFailed(
                RESOURCE_NOT_FOUND,
                f"No filter was found in the source `{source}` with the name `{name}`.",
            ) from None

    def req_GetSourceFilterList(self, f: Fields) -> dict[str, Any]:
        _source, filters = self._filters_of(f)
        return {
            "filters": [
                {
                    "filterEnabled": x.enabled,
                    "filterIndex": n,
                    "filterKind": x.kind,
                    "filterName": x.name,
                    "filterSettings": dict(x.settings),
                }
                for n, x in enumerate(filters)
            ]
        }

    def req_SetSourceFilterEnabled(self, f: Fields) -> None:
        source, found = self._filter(f)  # OBS looks for the filter before the flag
        self.set_filter_enabled(source, found, f.boolean("filterEnabled"))

    def req_CreateSourceFilter(self, f: Fields) -> None:
        source, filters = self._filters_of(f)
        name, kind = f.string("filterName"), f.string("filterKind")
        if any(x.name == name for x in filters):
            raise RequestFailed(RESOURCE_ALREADY_EXISTS, "A filter already exists by that name.")
        if kind not in FILTER_DEFAULTS:
            raise RequestFailed(
                INVALID_FILTER_KIND,
                "Your specified filter kind is not supported by OBS. "
                "Check that any necessary plugins are loaded.",
            )
        settings = f.data.get("filterSettings") if f.has("filterSettings") else {}
        if not isinstance(settings, dict):
            raise RequestFailed(
                INVALID_REQUEST_FIELD_TYPE, "The field value of `filterSettings` must be an object."
            )
        filters.append(Filter(name, kind, True, dict(settings)))
        self.emit(
            FILTERS,
            "SourceFilterCreated",
            {
                "sourceName": source,
                "filterName": name,
                "filterKind": kind,
                "filterIndex": len(filters) - 1,
                "filterSettings": dict(settings),
                "defaultFilterSettings": dict(FILTER_DEFAULTS[kind]),
            },
        )

    def req_RemoveSourceFilter(self, f: Fields) -> None:
        source, found = self._filter(f)
        self.filters[source].remove(found)
        self.emit(FILTERS, "SourceFilterRemoved", {"sourceName": source, "filterName": found.name})

    # ---- requests: stream and record --------------------------------------------------------
    def _status(self, which: Output) -> dict[str, Any]:
        ms = which.duration_ms(self.clock())
        return {
            "outputActive": which.running,
            "outputTimecode": timecode(ms),
            "outputDuration": ms,
            "outputBytes": ms * which.bytes_per_s // 1000,
        }

    def req_GetStreamStatus(self, _f: Fields) -> dict[str, Any]:
        status = self._status(self.stream)
        status.update(
            outputReconnecting=False,
            outputCongestion=round(self.rng.uniform(0.0, 0.02), 6) if self.stream.running else 0.0,
            outputSkippedFrames=0,
            outputTotalFrames=status["outputDuration"] * 30 // 1000,
        )
        return status

    def req_StartStream(self, _f: Fields) -> None:
        if self.stream.running:
            raise RequestFailed(OUTPUT_RUNNING)
        self.start_output(self.stream, "StreamStateChanged")

    def req_StopStream(self, _f: Fields) -> None:
        if not self.stream.running:
            raise RequestFailed(OUTPUT_NOT_RUNNING)
        self.stop_output(self.stream, "StreamStateChanged")

    def req_ToggleStream(self, _f: Fields) -> dict[str, Any]:
        if self.stream.running:
            self.stop_output(self.stream, "StreamStateChanged")
            return {"outputActive": False}
        self.start_output(self.stream, "StreamStateChanged")
        return {"outputActive": True}

    def req_GetRecordStatus(self, _f: Fields) -> dict[str, Any]:
        status = self._status(self.record)
        status["outputPaused"] = False
        return status

    def req_StartRecord(self, _f: Fields) -> None:
        if self.record.running:
            raise RequestFailed(OUTPUT_RUNNING)
        self.start_output(self.record, "RecordStateChanged")

    def req_StopRecord(self, _f: Fields) -> dict[str, Any]:
        if not self.record.running:
            raise RequestFailed(OUTPUT_NOT_RUNNING)
        self.stop_output(self.record, "RecordStateChanged")
        return {"outputPath": self.record.path}

    # ---- requests: transitions --------------------------------------------------------------
    def req_GetSceneTransitionList(self, _f: Fields) -> dict[str, Any]:
        return {
            "currentSceneTransitionName": self.transition,
            "currentSceneTransitionKind": self.transitions[self.transition][0],
            "transitions": [
                {
                    "transitionConfigurable": False,
                    "transitionFixed": fixed,
                    "transitionKind": kind,
                    "transitionName": name,
                }
                for name, (kind, fixed) in self.transitions.items()
            ],
        }

    def req_GetCurrentSceneTransition(self, _f: Fields) -> dict[str, Any]:
        kind, fixed = self.transitions[self.transition]
        return {
            "transitionName": self.transition,
            "transitionKind": kind,
            "transitionFixed": fixed,
            "transitionDuration": None if fixed else self.transition_ms,
            "transitionConfigurable": False,
            "transitionSettings": None,
        }

    def req_SetCurrentSceneTransition(self, f: Fields) -> None:
        name = f.string("transitionName")
        if name not in self.transitions:
            raise RequestFailed(RESOURCE_NOT_FOUND, "No scene transition was found by that name.")
        self.transition = name  # OBS reports it even when the transition was already current
        self.emit(TRANSITIONS, "CurrentSceneTransitionChanged", {"transitionName": name})

    def req_SetCurrentSceneTransitionDuration(self, f: Fields) -> None:
        duration = int(f.number("transitionDuration", 50, 20000))
        if duration != self.transition_ms:
            self.transition_ms = duration
            self.emit(
                TRANSITIONS,
                "CurrentSceneTransitionDurationChanged",
                {"transitionDuration": duration},
            )


def _transform(width: float, height: float) -> dict[str, Any]:
    """A scene item as OBS adds it: top left, unscaled, uncropped."""
    return {
        "alignment": 5,
        "boundsAlignment": 0,
        "boundsHeight": 0.0,
        "boundsType": "OBS_BOUNDS_NONE",
        "boundsWidth": 0.0,
        "cropBottom": 0,
        "cropLeft": 0,
        "cropRight": 0,
        "cropTop": 0,
        "height": float(height),
        "positionX": 0.0,
        "positionY": 0.0,
        "rotation": 0.0,
        "scaleX": 1.0,
        "scaleY": 1.0,
        "sourceHeight": float(height),
        "sourceWidth": float(width),
        "width": float(width),
    }


# ---- one connection's protocol state (the obs-websocket session) -----------------------------
def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")  # nlohmann rejects NaN/Infinity; Python accepts them


def _unsigned(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


class Session:
    """Identify/Reidentify and message validation for one client, with obs-websocket 5.1's
    close codes and reasons. `receive()` answers with ("close", code, reason),
    ("reply", message), ("request", d), ("batch", d) or None (ignored)."""

    def __init__(self, conn: Any, salt: str, secret: str | None, ws_version: str) -> None:
        self.conn, self.salt, self.secret, self.ws_version = conn, salt, secret, ws_version
        self.identified = False
        self.subscriptions = EVENT_ALL
        self.ignore_invalid = False
        self.challenge = base64.b64encode(os.urandom(32)).decode()
        self.incoming = self.outgoing = 0

    def hello(self) -> dict[str, Any]:
        hello: dict[str, Any] = {"obsWebSocketVersion": self.ws_version, "rpcVersion": 1}
        if self.secret is not None:
            hello["authentication"] = {"challenge": self.challenge, "salt": self.salt}
        return {"op": 0, "d": hello}

    def receive(self, raw: str | bytes) -> tuple[Any, ...] | None:
        if isinstance(raw, bytes):
            return _close(
                4002, "Your session encoding is set to Json, but a binary message was received."
            )
        try:
            message = json.loads(raw, parse_constant=_reject_constant)
        except ValueError as exc:
            return _close(4002, f"Unable to decode Json: {exc}")
        if not isinstance(message, dict):
            return _close(4002, "You sent a non-object payload.")
        if not self.identified and "request-type" in message:
            return _close(
                4010,
                "You appear to be attempting to connect with the pre-5.0.0 plugin protocol. "
                "Check to make sure your client is updated.",
            )
        if "op" not in message:
            return _close(4006, "Your request is missing an `op`.")
        op, data = message["op"], message.get("d")
        if isinstance(op, bool) or not isinstance(op, int | float):
            return _close(4006, "Your `op` is not a number.")
        if data is None:
            return _close(4003, "Your payload is missing data (`d`).")
        if not isinstance(data, dict):
            return _close(4004, "Your payload's data (`d`) is not an object.")
        if not self.identified and op != 1:
            return _close(
                4007, "You attempted to send a non-Identify message while not identified."
            )
        if op == 1:
            return self._identify(data)
        if op == 3:
            return self._parameters(data) or self._identified()
        if op in (6, 8):
            problem = _request_problem(op, data)
            if problem is not None:
                return None if self.ignore_invalid else problem
            return ("request" if op == 6 else "batch", data)
        return _close(4006, f"Unknown OpCode: {int(op)}")  # ignoreInvalidMessages does not cover it

    def _identify(self, data: dict[str, Any]) -> tuple[Any, ...] | None:
        if self.identified:
            if self.ignore_invalid:
                return None
            return _close(4008, "You are already Identified with the obs-websocket server.")
        if self.secret is not None:
            if "authentication" not in data:
                return _close(
                    4009,
                    "Your payload's data is missing an `authentication` string, "
                    "however authentication is required.",
                )
            if data["authentication"] != b64_sha256(self.secret + self.challenge):
                return _close(4009, "Authentication failed.")
        if "rpcVersion" not in data:
            return _close(4003, "Your payload's data is missing an `rpcVersion`.")
        if not _unsigned(data["rpcVersion"]):
            return _close(4004, "Your `rpcVersion` is not an unsigned number.")
        if data["rpcVersion"] != 1:
            return _close(4010, "Your requested RPC version is not supported by this server.")
        return self._parameters(data) or self._identified()

    def _parameters(self, data: dict[str, Any]) -> tuple[Any, ...] | None:
        # Reidentify without eventSubscriptions keeps the current ones (it does not reset to All).
        if "ignoreInvalidMessages" in data:
            if not isinstance(data["ignoreInvalidMessages"], bool):
                return _close(4004, "Your `ignoreInvalidMessages` is not a boolean.")
            self.ignore_invalid = data["ignoreInvalidMessages"]
        if "eventSubscriptions" in data:
            if not _unsigned(data["eventSubscriptions"]):
                return _close(4004, "Your `eventSubscriptions` is not an unsigned number.")
            self.subscriptions = data["eventSubscriptions"]
        return None

    def _identified(self) -> tuple[Any, ...]:
        self.identified = True
        return ("reply", {"op": 2, "d": {"negotiatedRpcVersion": 1}})


def _close(code: int, reason: str) -> tuple[str, int, str]:
    return ("close", code, reason)


def _request_problem(op: int | float, data: dict[str, Any]) -> tuple[str, int, str] | None:
    if "requestId" not in data:
        return _close(4003, "Your payload data is missing a `requestId`.")
    if op == 8:
        if "requests" not in data:
            return _close(4003, "Your payload data is missing a `requests`.")
        if not isinstance(data["requests"], list):
            return _close(4004, "Your `requests` is not an array.")
    elif "requestType" not in data:
        return _close(4003, "Your payload's data is missing an `requestType`.")  # sic
    elif not isinstance(data["requestType"], str):
        return _close(4004, "Your `requestType` is not a string.")
    return None
