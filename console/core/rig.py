"""The rig: which devices the room has and where they are. Key Lights, DMX outputs (one per
universe) with the fixtures patched on them, PTZ cameras, and which OBS sources are cameras and
which inputs are mics. Pure: the service opens devices from it, the settings page edits it.

Stored in the settings as a dict (`rig_to_dict` / `rig_from_dict`). Reading checks the shape
field by field, like presets: a wrong shape is a RigError with a code and the field's path
("fixtures[1].channels[2]"). Values that are merely wrong (a duplicate name, a port of 0, a
fixture on a universe no output sends) are *not* refused there but listed by `Rig.problems()`:
a rig saved yesterday must still load today so the devices page can show what to fix, and one
place holds the rules so the page and the loader never disagree.

Problem codes (the UI words them): empty_name, duplicate_name, bad_address, bad_port,
bad_protocol, bad_max_preset, universe_out_of_range, no_output_for_universe,
duplicate_universe, and console.core.dmx.validate_fixtures' codes (address_out_of_range,
overlapping_fixtures, unknown_role, duplicate_role, fine_without_coarse, bad_kelvin_range).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from console.core.dmx import DUPLICATE_NAME as DMX_DUPLICATE_NAME
from console.core.dmx import UNIVERSE_OUT_OF_RANGE, Fixture, validate_fixtures
from console.core.strict_json import FieldError, Reader

KEYLIGHT_PORT, VISCA_PORT = 9123, 52381
MAX_PRESET, PRESET_BYTE_MAX = 127, 0xFE  # as console/devices/camera/visca.py
SACN, ARTNET = "sacn", "artnet"
OUTPUT_UNIVERSES = {SACN: range(1, 64000), ARTNET: range(0, 32768)}  # Art-Net: 15 bits

# Which list a name is in: RigProblem.other of empty_name / duplicate_name.
KEYLIGHT, DMX, FIXTURE, PTZ = "keylight", "dmx", "fixture", "ptz"
CAMERA_SOURCE, MIC_INPUT = "camera_source", "mic_input"

EMPTY_NAME, DUPLICATE_NAME = "empty_name", "duplicate_name"
BAD_ADDRESS, BAD_PORT, BAD_PROTOCOL, BAD_MAX_PRESET = (
    "bad_address",
    "bad_port",
    "bad_protocol",
    "bad_max_preset",
)
NO_OUTPUT_FOR_UNIVERSE, DUPLICATE_UNIVERSE = "no_output_for_universe", "duplicate_universe"
# RigError codes: not_an_object, not_a_list, missing, wrong_type.


class RigError(FieldError):
    """A field of the wrong shape in a rig dict: .code at .path."""


_read = Reader(RigError)  # reads (and refuses) the document's fields


@dataclass(frozen=True)
class RigProblem:
    code: str
    name: str = ""  # the device (or source / input) concerned
    other: str = ""  # the list of an empty/duplicate name, the other fixture or output, ...


@dataclass(frozen=True)
class KeyLightConfig:
    name: str
    host: str
    port: int = KEYLIGHT_PORT


@dataclass(frozen=True)
class DmxOutputConfig:
    name: str
    protocol: str  # "sacn" | "artnet"
    address: str  # the node's IPv4 address
    universe: int
    multicast: bool = False  # sACN multicast group / Art-Net broadcast, only when asked


@dataclass(frozen=True)
class PtzCameraConfig:
    name: str
    host: str
    port: int = VISCA_PORT
    max_preset: int = MAX_PRESET


@dataclass(frozen=True)
class Rig:
    keylights: tuple[KeyLightConfig, ...] = ()
    dmx_outputs: tuple[DmxOutputConfig, ...] = ()
    fixtures: tuple[Fixture, ...] = ()
    ptz_cameras: tuple[PtzCameraConfig, ...] = ()
    camera_sources: tuple[str, ...] = ()  # OBS sources that are cameras
    mic_inputs: tuple[str, ...] = ()  # OBS inputs presets capture; () = OBS's mic1..4

    def problems(self) -> list[RigProblem]:
        """Everything that keeps this rig from working as configured, in rig order."""
        found: list[RigProblem] = []
        named = [
            *((d.name, KEYLIGHT) for d in self.keylights),
            *((d.name, DMX) for d in self.dmx_outputs),
            *((d.name, FIXTURE) for d in self.fixtures),
            *((d.name, PTZ) for d in self.ptz_cameras),
        ]
        found += _name_problems(named)
        found += _name_problems([(s, CAMERA_SOURCE) for s in self.camera_sources])
        found += _name_problems([(s, MIC_INPUT) for s in self.mic_inputs])
        for light in self.keylights:
            found += _host_problems(light.name, light.host, light.port)
        for camera in self.ptz_cameras:
            found += _host_problems(camera.name, camera.host, camera.port)
            if not 0 <= camera.max_preset <= PRESET_BYTE_MAX:
                found.append(RigProblem(BAD_MAX_PRESET, camera.name))
        found += self._output_problems()
        # Names are checked across every device above; the patch's own check would repeat it.
        found += [
            RigProblem(p.code, p.fixture, p.other)
            for p in validate_fixtures(self.fixtures)
            if p.code != DMX_DUPLICATE_NAME
        ]
        sent = {o.universe for o in self.dmx_outputs}
        found += [
            RigProblem(NO_OUTPUT_FOR_UNIVERSE, f.name, str(f.universe))
            for f in self.fixtures
            if f.universe not in sent
        ]
        return found

    def _output_problems(self) -> list[RigProblem]:
        found = []
        first: dict[int, str] = {}
        for out in self.dmx_outputs:
            if out.protocol not in OUTPUT_UNIVERSES:
                found.append(RigProblem(BAD_PROTOCOL, out.name, out.protocol))
            elif out.universe not in OUTPUT_UNIVERSES[out.protocol]:
                found.append(RigProblem(UNIVERSE_OUT_OF_RANGE, out.name, str(out.universe)))
            if not _is_ipv4(out.address):
                found.append(RigProblem(BAD_ADDRESS, out.name, out.address))
            # A look's frame for a universe goes to one output; two would fight over it.
            if out.universe in first:
                found.append(RigProblem(DUPLICATE_UNIVERSE, out.name, first[out.universe]))
            else:
                first[out.universe] = out.name
        return found


def _name_problems(named: list[tuple[str, str]]) -> list[RigProblem]:
    found, seen = [], set()
    for name, where in named:
        if not name.strip():
            found.append(RigProblem(EMPTY_NAME, name, where))
        elif name in seen:
            found.append(RigProblem(DUPLICATE_NAME, name, where))
        seen.add(name)
    return found


def _host_problems(name: str, host: str, port: int) -> list[RigProblem]:
    found = []
    if not is_host(host):
        found.append(RigProblem(BAD_ADDRESS, name, host))
    if not 1 <= port <= 65535:
        found.append(RigProblem(BAD_PORT, name, str(port)))
    return found


_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def is_host(host: str) -> bool:
    """An IP address or a DNS name (an mDNS `.local` name too), as a user would type it."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return (
        0 < len(host) <= 253
        and all(_LABEL.fullmatch(label) for label in labels)
        and not labels[-1].isdigit()  # "192.168.1.300" is a mistyped address, not a name
    )


def _is_ipv4(address: str) -> bool:
    try:
        ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return True


# -- the settings form ------------------------------------------------------------------------
def rig_to_dict(rig: Rig) -> dict:
    return {
        "keylights": [{"name": k.name, "host": k.host, "port": k.port} for k in rig.keylights],
        "dmx_outputs": [
            {
                "name": o.name,
                "protocol": o.protocol,
                "address": o.address,
                "universe": o.universe,
                "multicast": o.multicast,
            }
            for o in rig.dmx_outputs
        ],
        "fixtures": [
            {
                "name": f.name,
                "universe": f.universe,
                "address": f.address,
                "channels": list(f.channels),
                "kelvin_min": f.kelvin_min,
                "kelvin_max": f.kelvin_max,
            }
            for f in rig.fixtures
        ],
        "ptz_cameras": [
            {"name": c.name, "host": c.host, "port": c.port, "max_preset": c.max_preset}
            for c in rig.ptz_cameras
        ],
        "camera_sources": list(rig.camera_sources),
        "mic_inputs": list(rig.mic_inputs),
    }


def rig_from_dict(data: object) -> Rig:
    """The rig of a settings dict; every list optional ({} is a rig without devices), every
    field's type checked. Unknown keys are ignored, as a newer LiveDesk may add some. A null is
    never read as absent: `"port": null` is wrong_type, `"keylights": null` not_a_list."""
    d = _read.obj(data, "$")
    return Rig(
        keylights=_items(d, "keylights", _keylight),
        dmx_outputs=_items(d, "dmx_outputs", _output),
        fixtures=_items(d, "fixtures", _fixture),
        ptz_cameras=_items(d, "ptz_cameras", _ptz),
        camera_sources=_read.strings(d.get("camera_sources", []), "camera_sources"),
        mic_inputs=_read.strings(d.get("mic_inputs", []), "mic_inputs"),
    )


def _items(d: dict, key: str, parse) -> tuple:
    items = _read.array(d.get(key, []), key)
    return tuple(parse(_read.obj(x, f"{key}[{n}]"), f"{key}[{n}]") for n, x in enumerate(items))


def _keylight(d: dict, path: str) -> KeyLightConfig:
    return KeyLightConfig(
        _read.string(d, "name", path),
        _read.string(d, "host", path),
        _read.integer(d, "port", path, default=KEYLIGHT_PORT),
    )


def _output(d: dict, path: str) -> DmxOutputConfig:
    multicast = _read.boolean(d, "multicast", path, default=False)
    return DmxOutputConfig(
        _read.string(d, "name", path),
        _read.string(d, "protocol", path),
        _read.string(d, "address", path),
        _read.integer(d, "universe", path),
        multicast,
    )


def _fixture(d: dict, path: str) -> Fixture:
    if "channels" not in d:  # an absent list is refused first, a wrong one in order
        _read.fail("missing", f"{path}.channels")
    return Fixture(
        _read.string(d, "name", path),
        _read.integer(d, "universe", path),
        _read.integer(d, "address", path),
        _read.strings(d["channels"], f"{path}.channels"),
        _read.integer(d, "kelvin_min", path, default=Fixture.kelvin_min),
        _read.integer(d, "kelvin_max", path, default=Fixture.kelvin_max),
    )


def _ptz(d: dict, path: str) -> PtzCameraConfig:
    return PtzCameraConfig(
        _read.string(d, "name", path),
        _read.string(d, "host", path),
        _read.integer(d, "port", path, default=VISCA_PORT),
        _read.integer(d, "max_preset", path, default=MAX_PRESET),
    )
