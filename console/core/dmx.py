"""DMX lighting, pure: fixtures and their channel maps, 512-channel frames per universe, the
channel values of a look, and fades as the frames between two looks. Nothing here sends: the
frames go out through console/devices/lights/dmx.py.

Addresses are DMX addresses, 1..512, as printed on the fixture and in its manual. A fixture's
channel map lists the role of each of its channels from its start address on; "" marks a channel
LiveDesk leaves alone (strobe, mode, ...). A role with "_fine" after it is the low byte of a
16-bit value whose coarse channel has the role itself."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

UNIVERSE_SIZE = 512
DEFAULT_FPS = 30
MAX_UNIVERSE = 63999  # sACN's top; Art-Net's port addresses stop at 32767

DIMMER, CCT, RED, GREEN, BLUE = "dimmer", "cct", "red", "green", "blue"
ROLES = (DIMMER, CCT, RED, GREEN, BLUE)
FINE = "_fine"
UNUSED = ""

# Problem codes (the UI words them).
ADDRESS_OUT_OF_RANGE = "address_out_of_range"
UNIVERSE_OUT_OF_RANGE = "universe_out_of_range"
OVERLAPPING_FIXTURES = "overlapping_fixtures"
DUPLICATE_NAME = "duplicate_name"
UNKNOWN_ROLE = "unknown_role"
DUPLICATE_ROLE = "duplicate_role"
FINE_WITHOUT_COARSE = "fine_without_coarse"
BAD_KELVIN_RANGE = "bad_kelvin_range"
UNKNOWN_FIXTURE = "unknown_fixture"
LEVEL_OUT_OF_RANGE = "level_out_of_range"
BAD_FRAME = "bad_frame"
BAD_DURATION = "bad_duration"


@dataclass(frozen=True)
class Problem:
    code: str
    fixture: str = ""
    other: str = ""  # the other fixture of an overlap, or the role / level concerned


class DmxError(ValueError):
    def __init__(self, code: str, fixture: str = "", other: str = ""):
        super().__init__(" ".join(p for p in (code, fixture, other) if p))
        self.problem = Problem(code, fixture, other)

    @property
    def code(self) -> str:
        return self.problem.code


@dataclass(frozen=True)
class Fixture:
    name: str
    universe: int
    address: int  # start address, 1..512
    channels: tuple[str, ...]  # the role of each channel from `address` on
    kelvin_min: int = 2700  # what the cct channel means at 0 ...
    kelvin_max: int = 6500  # ... and at full

    @property
    def last_address(self) -> int:
        return self.address + len(self.channels) - 1

    def address_of(self, role: str) -> int | None:
        try:
            return self.address + self.channels.index(role)
        except ValueError:
            return None

    def problems(self) -> list[Problem]:
        found = []
        if not 0 <= self.universe <= MAX_UNIVERSE:
            found.append(Problem(UNIVERSE_OUT_OF_RANGE, self.name))
        if not self.channels or self.address < 1 or self.last_address > UNIVERSE_SIZE:
            found.append(Problem(ADDRESS_OUT_OF_RANGE, self.name))
        known = set(ROLES) | {r + FINE for r in ROLES}
        for role in self.channels:
            if role == UNUSED:
                continue
            if role not in known:
                found.append(Problem(UNKNOWN_ROLE, self.name, role))
            elif self.channels.count(role) > 1:
                found.append(Problem(DUPLICATE_ROLE, self.name, role))
            elif role.endswith(FINE) and role.removesuffix(FINE) not in self.channels:
                found.append(Problem(FINE_WITHOUT_COARSE, self.name, role))
        if CCT in self.channels and not 0 < self.kelvin_min < self.kelvin_max:
            found.append(Problem(BAD_KELVIN_RANGE, self.name))
        return list(dict.fromkeys(found))  # a role twice is one problem


def validate_fixtures(fixtures: Iterable[Fixture]) -> list[Problem]:
    """Every problem of a patch: each fixture's own, names used twice, and overlaps (two
    fixtures sharing a channel of the same universe)."""
    fixtures = list(fixtures)
    found = [p for f in fixtures for p in f.problems()]
    names = [f.name for f in fixtures]
    found += [Problem(DUPLICATE_NAME, n) for n in dict.fromkeys(names) if names.count(n) > 1]
    ordered = sorted(fixtures, key=lambda f: (f.universe, f.address))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.universe != a.universe or b.address > a.last_address:
                break
            found.append(Problem(OVERLAPPING_FIXTURES, a.name, b.name))
    return found


@dataclass(frozen=True)
class Frame:
    """The 512 channel values of one universe."""

    values: bytes = bytes(UNIVERSE_SIZE)

    def __post_init__(self):
        if len(self.values) != UNIVERSE_SIZE:
            raise DmxError(BAD_FRAME, other=str(len(self.values)))
        if not isinstance(self.values, bytes):
            object.__setattr__(self, "values", bytes(self.values))

    def channel(self, address: int) -> int:
        return self.values[address - 1]

    def with_channels(self, levels: Mapping[int, int]) -> Frame:
        """A copy with the given channels (address -> value) changed."""
        values = bytearray(self.values)
        for address, value in levels.items():
            values[address - 1] = value
        return Frame(bytes(values))


@dataclass(frozen=True)
class Levels:
    """What a look asks of one fixture. A fixture without a dimmer channel dims its RGB."""

    dimmer: float = 0.0  # percent, 0..100
    kelvin: int | None = None  # clamped to the fixture's range
    rgb: tuple[int, int, int] | None = None  # 0..255 each


def channel_values(fixture: Fixture, levels: Levels) -> dict[int, int]:
    """The fixture's channel values (address -> 0..255) for these levels."""
    if not 0 <= levels.dimmer <= 100:
        raise DmxError(LEVEL_OUT_OF_RANGE, fixture.name, DIMMER)
    if levels.kelvin is not None and not (math.isfinite(levels.kelvin) and levels.kelvin > 0):
        raise DmxError(LEVEL_OUT_OF_RANGE, fixture.name, "kelvin")
    rgb = levels.rgb
    if rgb is not None and (len(rgb) != 3 or not all(0 <= c <= 255 for c in rgb)):
        raise DmxError(LEVEL_OUT_OF_RANGE, fixture.name, "rgb")
    out: dict[int, int] = {}
    dim = levels.dimmer / 100
    if DIMMER in fixture.channels:
        _put(out, fixture, DIMMER, dim)
    elif rgb is not None:
        rgb = (rgb[0] * dim, rgb[1] * dim, rgb[2] * dim)
    if levels.kelvin is not None and CCT in fixture.channels:
        span = fixture.kelvin_max - fixture.kelvin_min
        _put(out, fixture, CCT, min(1.0, max(0.0, (levels.kelvin - fixture.kelvin_min) / span)))
    if rgb is not None:
        for role, value in zip((RED, GREEN, BLUE), rgb, strict=True):
            _put(out, fixture, role, value / 255)
    return out


def _put(out: dict[int, int], fixture: Fixture, role: str, fraction: float) -> None:
    coarse, fine = fixture.address_of(role), fixture.address_of(role + FINE)
    if coarse is None:
        return
    if fine is None:
        out[coarse] = round(fraction * 255)
    else:
        value = round(fraction * 65535)
        out[coarse], out[fine] = value >> 8, value & 0xFF


def look_frames(
    fixtures: Iterable[Fixture],
    look: Mapping[str, Levels],
    base: Mapping[int, Frame] | None = None,
) -> dict[int, Frame]:
    """The frames per universe of a look (fixture name -> levels). Channels of fixtures the
    look does not name keep their value in `base` (blank without one)."""
    fixtures = list(fixtures)
    problems = validate_fixtures(fixtures)
    if problems:
        raise DmxError(problems[0].code, problems[0].fixture, problems[0].other)
    by_name = {f.name: f for f in fixtures}
    frames = dict(base or {})
    for name, levels in look.items():
        fixture = by_name.get(name)
        if fixture is None:
            raise DmxError(UNKNOWN_FIXTURE, name)
        frame = frames.get(fixture.universe, Frame())
        frames[fixture.universe] = frame.with_channels(channel_values(fixture, levels))
    return frames


def fade_step_count(duration_s: float, fps: int = DEFAULT_FPS) -> int:
    """How many frames a fade sends; 0 means a cut (shorter than half a frame)."""
    if not (math.isfinite(duration_s) and duration_s >= 0 and fps > 0):
        raise DmxError(BAD_DURATION, other=str(duration_s))
    return round(duration_s * fps)


def fade_step(start: Frame, target: Frame, k: int, n: int) -> Frame:
    """Step k of n (1..n) from start to target: linear per channel, rounded half up, so every
    channel moves monotonically and step n is the target exactly."""
    a, b = start.values, target.values
    if k >= n:
        return target
    values = bytearray(a)
    for i in range(UNIVERSE_SIZE):
        if a[i] != b[i]:
            values[i] = a[i] + (2 * (b[i] - a[i]) * k + n) // (2 * n)
    return Frame(bytes(values))


def fade_frames(start: Frame, target: Frame, duration_s: float, fps: int = DEFAULT_FPS):
    """The frames of a fade of one universe: the first one step after the start, the last the
    target; a duration of 0 gives just the target."""
    n = fade_step_count(duration_s, fps)
    if n == 0:
        return [target]
    return [fade_step(start, target, k, n) for k in range(1, n + 1)]


def fade(
    from_frames: Mapping[int, Frame],
    to_frames: Mapping[int, Frame],
    duration_s: float,
    fps: int = DEFAULT_FPS,
) -> list[dict[int, Frame]]:
    """The frames per universe of a fade, as fade_frames does for one universe. A universe
    missing from `from_frames` starts blank; one missing from `to_frames` keeps its frame."""
    universes = sorted(set(from_frames) | set(to_frames))
    per_universe = {
        u: fade_frames(
            from_frames.get(u, Frame()),
            to_frames.get(u, from_frames.get(u, Frame())),
            duration_s,
            fps,
        )
        for u in universes
    }
    count = fade_step_count(duration_s, fps) or 1
    return [{u: per_universe[u][k] for u in universes} for k in range(count)]
