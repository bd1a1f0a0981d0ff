"""A preset: the room's look for a product, recalled with one press. A named bundle of an
optional program scene, a camera (a camera source shown in a scene, and/or a PTZ camera's own
preset), light levels per Key Light and per DMX fixture with one fade time, and mic settings.

Presets are exported and imported as JSON (`to_json` / `from_json`, format below). Reading is
strict: a file from another tool or a hand edit is checked field by field, and a problem is a
PresetError with a code and the path of the field ("presets[2].lights[0].brightness"), for the
UI to word. Nothing here talks to a device."""

from __future__ import annotations

from dataclasses import dataclass, field

from console.core.lights import BRIGHTNESS_MAX, BRIGHTNESS_MIN, KELVIN_MAX, KELVIN_MIN
from console.core.strict_json import ABSENT, REQUIRED, FieldError, Reader

FORMAT = "livedesk-presets"
VERSION = 1
FADE_MAX_S = 60.0
VOLUME_DB_RANGE = (-100.0, 26.0)  # what OBS's fader allows
PTZ_PRESET_MAX = 254  # VISCA (0xFF ends a command)
HOTKEYS = range(1, 10)  # Ctrl+1 .. Ctrl+9 recall the preset holding that number
# Codes: not_an_object, not_a_list, missing, wrong_type, out_of_range, empty_name,
# duplicate_name, duplicate_hotkey, unknown_format, newer_version.


class PresetError(FieldError):
    """A problem in a presets document: .code at .path."""


_read = Reader(PresetError)  # reads (and refuses) the document's fields


@dataclass(frozen=True)
class CameraChoice:
    """Show `source` in `scene` and hide the scene's other camera sources."""

    scene: str
    source: str


@dataclass(frozen=True)
class PtzRecall:
    camera: str  # the PTZ camera's name in LiveDesk
    preset: int


@dataclass(frozen=True)
class LightSetting:
    """A Key Light; None leaves that value as it is."""

    light: str
    on: bool | None = None
    brightness: int | None = None  # percent
    kelvin: int | None = None


@dataclass(frozen=True)
class FixtureSetting:
    """A DMX fixture (console.core.dmx.Levels)."""

    fixture: str
    dimmer: float = 0.0  # percent
    kelvin: int | None = None
    rgb: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class MicSetting:
    """An OBS audio input; None leaves that value as it is."""

    input: str
    muted: bool | None = None
    volume_db: float | None = None
    filters: tuple[tuple[str, bool], ...] = ()  # (filter name, enabled)


@dataclass(frozen=True)
class Preset:
    name: str
    scene: str | None = None  # the program scene to switch to
    camera: CameraChoice | None = None
    ptz: PtzRecall | None = None
    lights: tuple[LightSetting, ...] = ()
    fixtures: tuple[FixtureSetting, ...] = ()
    fade_s: float = 0.0  # for lights and fixtures alike
    mics: tuple[MicSetting, ...] = ()
    hotkey: int | None = None  # n of Ctrl+n, unique among presets
    id: int | None = field(default=None, compare=False)  # the store's row, not part of the look


# -- writing ----------------------------------------------------------------------------------
def to_json(presets: list[Preset]) -> dict:
    return {"format": FORMAT, "version": VERSION, "presets": [_preset_json(p) for p in presets]}


def _preset_json(p: Preset) -> dict:
    out: dict = {"name": p.name, "fade_s": p.fade_s}
    if p.hotkey is not None:
        out["hotkey"] = p.hotkey
    if p.scene is not None:
        out["scene"] = p.scene
    if p.camera is not None:
        out["camera"] = {"scene": p.camera.scene, "source": p.camera.source}
    if p.ptz is not None:
        out["ptz"] = {"camera": p.ptz.camera, "preset": p.ptz.preset}
    out["lights"] = [_drop_none(vars(s)) for s in p.lights]
    out["fixtures"] = [
        _drop_none({**vars(s), "rgb": list(s.rgb) if s.rgb else None}) for s in p.fixtures
    ]
    out["mics"] = [_drop_none({**vars(m), "filters": dict(m.filters) or None}) for m in p.mics]
    return out


def _drop_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


# -- reading ----------------------------------------------------------------------------------
# A null reads as absent for a whole number (a required one is then "missing"), and as None for
# a flag or a float, even where an absent float has a default: "fade_s": null reads as None.
def from_json(data: object) -> list[Preset]:
    """The presets in an exported document, every field checked."""
    root = _read.obj(data, "$")
    if root.get("format") != FORMAT:
        raise PresetError("unknown_format", "format")
    version = root.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PresetError("wrong_type", "version")
    if version > VERSION:
        raise PresetError("newer_version", "version")
    items = _read.array(root.get("presets"), "presets")
    presets = [_preset(item, f"presets[{n}]") for n, item in enumerate(items)]
    seen: set[str] = set()
    keys: set[int] = set()
    for n, p in enumerate(presets):
        if p.name in seen:
            raise PresetError("duplicate_name", f"presets[{n}].name")
        if p.hotkey is not None and p.hotkey in keys:
            raise PresetError("duplicate_hotkey", f"presets[{n}].hotkey")
        seen.add(p.name)
        keys.add(p.hotkey)
    return presets


def _preset(data: object, path: str) -> Preset:
    d = _read.obj(data, path)
    camera = ptz = None
    if d.get("camera") is not None:
        c = _read.obj(d["camera"], f"{path}.camera")
        camera = CameraChoice(
            _name(c, "scene", f"{path}.camera"), _name(c, "source", f"{path}.camera")
        )
    if d.get("ptz") is not None:
        p = _read.obj(d["ptz"], f"{path}.ptz")
        ptz = PtzRecall(
            _name(p, "camera", f"{path}.ptz"), _int(p, "preset", f"{path}.ptz", 0, PTZ_PRESET_MAX)
        )
    scene = None if d.get("scene") is None else _name(d, "scene", path)
    lights = tuple(
        _light(x, f"{path}.lights[{n}]")
        for n, x in enumerate(_read.array(d.get("lights", []), f"{path}.lights"))
    )
    fixtures = tuple(
        _fixture(x, f"{path}.fixtures[{n}]")
        for n, x in enumerate(_read.array(d.get("fixtures", []), f"{path}.fixtures"))
    )
    mics = tuple(
        _mic(x, f"{path}.mics[{n}]")
        for n, x in enumerate(_read.array(d.get("mics", []), f"{path}.mics"))
    )
    fade = _read.number(d, "fade_s", path, 0.0, FADE_MAX_S, default=0.0, null=None)
    hotkey = _int(d, "hotkey", path, HOTKEYS.start, HOTKEYS.stop - 1, default=None)
    name = _name(d, "name", path)
    return Preset(name, scene, camera, ptz, lights, fixtures, fade, mics, hotkey)


def _light(data: object, path: str) -> LightSetting:
    d = _read.obj(data, path)
    return LightSetting(
        _name(d, "light", path),
        _read.boolean(d, "on", path, default=None, null=None),
        _int(d, "brightness", path, BRIGHTNESS_MIN, BRIGHTNESS_MAX, default=None),
        _int(d, "kelvin", path, KELVIN_MIN, KELVIN_MAX, default=None),
    )


def _fixture(data: object, path: str) -> FixtureSetting:
    d = _read.obj(data, path)
    rgb = None
    if d.get("rgb") is not None:
        values = _read.array(d["rgb"], f"{path}.rgb")
        if len(values) != 3:
            raise PresetError("out_of_range", f"{path}.rgb")
        # Each item read as the field "v" of its own object: a bad one is at "rgb[1].v".
        rgb = tuple(_int({"v": v}, "v", f"{path}.rgb[{n}]", 0, 255) for n, v in enumerate(values))
    return FixtureSetting(
        _name(d, "fixture", path),
        _read.number(d, "dimmer", path, 0.0, 100.0, default=0.0, null=None),
        _int(d, "kelvin", path, 1000, 20000, default=None),
        rgb,
    )


def _mic(data: object, path: str) -> MicSetting:
    d = _read.obj(data, path)
    filters = _read.obj(d.get("filters") or {}, f"{path}.filters")
    for name in filters:
        _read.boolean(filters, name, f"{path}.filters")
    low, high = VOLUME_DB_RANGE
    return MicSetting(
        _name(d, "input", path),
        _read.boolean(d, "muted", path, default=None, null=None),
        _read.number(d, "volume_db", path, low, high, default=None, null=None),
        tuple(filters.items()),
    )


def _name(d: dict, key: str, path: str) -> str:
    return _read.string(d, key, path, name=True)


def _int(d: dict, key: str, path: str, low: int, high: int, default=REQUIRED) -> int | None:
    return _read.integer(d, key, path, low, high, default=default, null=ABSENT)
