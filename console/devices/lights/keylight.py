"""Elgato Key Light / Key Light Air / Ring Light over their HTTP API on port 9123.

A small client on http.client rather than `leglight`, which has no timeouts (notes/devices.md):
each call opens a connection, waits at most `timeout_s` for the connect and for each read, and
closes it, on this light's own worker thread (Device). A light that never answers costs its own
thread one timeout per queued call and nobody else anything.

Endpoints (documented by Elgato's Control Center traffic, see python-elgato): GET/PUT
/elgato/lights, GET /elgato/accessory-info, POST /elgato/identify (the light blinks). PUT may
carry only the fields to change; the light answers with its whole new state.
"""

from __future__ import annotations

import errno
import http.client
import json
import logging
import socket
from concurrent.futures import Future

from console.core.lights import (
    LightState,
    clamp_brightness,
    kelvin_to_mireds,
    mireds_to_kelvin,
)
from console.devices.device import Device, DeviceError

log = logging.getLogger(__name__)

PORT = 9123
LIGHTS, INFO, IDENTIFY = "/elgato/lights", "/elgato/accessory-info", "/elgato/identify"


class KeyLight(Device):
    kind = "keylight"

    def __init__(self, name: str, host: str, port: int = PORT, timeout_s: float = 1.0):
        super().__init__(name)
        self.host, self.port, self.timeout_s = host, port, timeout_s

    def read_state(self) -> Future[LightState]:
        return self.submit(self._read_state)

    def apply(
        self,
        on: bool | None = None,
        brightness: float | None = None,
        kelvin: float | None = None,
    ) -> Future[LightState]:
        """Set what is given (brightness clamped to 3-100 %, kelvin to 2900-7000 K, sent in
        mireds); the Future gives the state the light answers with. Nothing given: a read."""
        light = lights_body(on, brightness, kelvin)
        if not light:
            return self.read_state()
        return self.submit(self._put_lights, light)

    def identify(self) -> Future[None]:
        return self.submit(self._identify)

    def info(self) -> Future[dict]:
        """accessory-info as the light sends it: productName, displayName, serialNumber,
        firmwareVersion, ..."""
        return self.submit(self._info)

    def _read_state(self) -> LightState:
        return parse_lights(self._request("GET", LIGHTS))

    def _put_lights(self, light: dict) -> LightState:
        return parse_lights(self._request("PUT", LIGHTS, {"numberOfLights": 1, "lights": [light]}))

    def _identify(self) -> None:
        self._request("POST", IDENTIFY)

    def _info(self) -> dict:
        info = _json(self._request("GET", INFO))
        if not isinstance(info, dict) or not isinstance(info.get("productName"), str):
            raise DeviceError("bad_reply", f"accessory-info without productName: {info!r:.120}")
        return info

    def _request(self, method: str, path: str, body: dict | None = None) -> bytes:
        if not self.host:
            raise DeviceError("not_configured")
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout_s)
        try:
            conn.request(method, path, body=data, headers=headers)
            reply = conn.getresponse()
            raw = reply.read()
        except TimeoutError as e:
            raise DeviceError("timeout", f"no answer within {self.timeout_s:g} s") from e
        except ConnectionRefusedError as e:
            raise DeviceError("refused", str(e)) from e
        except (http.client.HTTPException, ConnectionResetError) as e:
            # It took the connection, then closed it or sent something that is not HTTP.
            raise DeviceError("bad_reply", repr(e)) from e
        except OSError as e:  # no route, no such host, network down
            reason = "unreachable" if _unreachable(e) else "bad_reply"
            raise DeviceError(reason, str(e)) from e
        finally:
            conn.close()
        log.debug("%s %s %s %s -> %s", self.kind, self.name, method, path, reply.status)
        if reply.status >= 400:
            text = raw[:200].decode("utf-8", "replace")
            raise DeviceError("rejected", f"HTTP {reply.status} {reply.reason}: {text}".rstrip())
        if not 200 <= reply.status < 300:
            raise DeviceError("bad_reply", f"HTTP {reply.status} {reply.reason}")
        return raw


def _unreachable(e: OSError) -> bool:
    return isinstance(e, socket.gaierror) or e.errno in {
        errno.EHOSTUNREACH,
        errno.ENETUNREACH,
        errno.EHOSTDOWN,
        errno.ENETDOWN,
        errno.EADDRNOTAVAIL,
    }


def lights_body(on: bool | None, brightness: float | None, kelvin: float | None) -> dict:
    """The light object of a PUT /elgato/lights: only the given fields, in the light's units
    and ranges. Raises TypeError/ValueError at once for values that are not values."""
    light: dict[str, int] = {}
    if on is not None:
        if not isinstance(on, bool):
            raise TypeError(f"on must be a bool, not {on!r}")
        light["on"] = int(on)
    if brightness is not None:
        light["brightness"] = clamp_brightness(brightness)
    if kelvin is not None:
        light["temperature"] = kelvin_to_mireds(kelvin)
    return light


def _json(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except ValueError as e:  # UnicodeDecodeError included
        raise DeviceError("bad_reply", f"not JSON: {raw[:80]!r}") from e


def parse_lights(raw: bytes) -> LightState:
    """The first light of a GET/PUT /elgato/lights reply."""
    doc = _json(raw)
    try:
        light = doc["lights"][0]
        on, brightness, mireds = light["on"], light["brightness"], light["temperature"]
    except (KeyError, IndexError, TypeError) as e:
        detail = f"no lights[0] with on/brightness/temperature: {doc!r:.120}"
        raise DeviceError("bad_reply", detail) from e
    ints = all(type(v) is int for v in (on, brightness, mireds))
    if not ints or on not in (0, 1) or not 0 <= brightness <= 100 or mireds <= 0:
        raise DeviceError("bad_reply", f"light out of range: {light!r:.120}")
    return LightState(bool(on), brightness, mireds_to_kelvin(mireds))
