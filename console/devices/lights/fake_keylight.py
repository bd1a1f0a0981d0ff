"""A fake Elgato Key Light on 127.0.0.1, for unit tests and `livedesk --demo`.

It serves the documented endpoints (GET/PUT /elgato/lights, GET /elgato/accessory-info,
GET /elgato/lights/settings, POST /elgato/identify), keeps its state and checks what it gets
the way the light does: a PUT must be {"numberOfLights": 1, "lights": [{...}]} with on 0|1,
brightness 0-100, temperature 143-344 as JSON integers, else HTTP 400 and nothing changes.
Where the firmware's answer to nonsense is not documented (unknown fields, an empty light) the
fake refuses too: stricter than the light is safe, laxer would hide a client bug.

Faults: `silent` (the connection is accepted and never answered), `unplug()` (nothing listens
on its port: connection refused) and `plug_in()`, `garbage` (every 2xx answer's body replaced).
Every request is recorded in `requests`. stop() joins every thread it started and closes every
socket (the tests treat a leaked socket as an error).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from console.core.lights import MIREDS_MAX, MIREDS_MIN

log = logging.getLogger(__name__)

LIGHTS, SETTINGS = "/elgato/lights", "/elgato/lights/settings"
INFO, IDENTIFY = "/elgato/accessory-info", "/elgato/identify"
_ROUTES = {LIGHTS: {"GET", "PUT"}, SETTINGS: {"GET"}, INFO: {"GET"}, IDENTIFY: {"POST"}}
_RANGES = {"on": (0, 1), "brightness": (0, 100), "temperature": (MIREDS_MIN, MIREDS_MAX)}


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str
    body: object  # the JSON sent, or the raw bytes when it was not JSON, or None
    status: int | None  # None: never answered (silent)


def check_lights_body(doc: object) -> str | None:
    """Why a PUT /elgato/lights body is refused, or None when the light takes it."""
    if not isinstance(doc, dict) or set(doc) - {"numberOfLights", "lights"}:
        return "body must be an object with numberOfLights and lights"
    lights = doc.get("lights")
    if not isinstance(lights, list) or len(lights) != 1 or not isinstance(lights[0], dict):
        return "lights must be a list of one light object"
    if "numberOfLights" in doc and (
        type(doc["numberOfLights"]) is not int or doc["numberOfLights"] != 1
    ):
        return "numberOfLights must be 1"
    light = lights[0]
    if not light or set(light) - set(_RANGES):
        return f"light fields must be some of {sorted(_RANGES)}"
    for key, value in light.items():
        low, high = _RANGES[key]
        if type(value) is not int or not low <= value <= high:
            return f"{key} must be an integer {low}-{high}"
    return None


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins every handler thread
    fake: FakeKeyLight


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = 5  # a client that connects and sends nothing cannot hold up stop() for long

    def handle(self) -> None:
        fake = self.server.fake
        if fake.silent:
            fake._record(SeenRequest("?", "?", None, None))
            fake._released.wait()  # until not silent any more, or stop(); then just close
            return
        super().handle()

    def do_GET(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        status, reply = self.server.fake._answer(self.command, self.path, body)
        self.server.fake._record(SeenRequest(self.command, self.path, body, status))
        self.send_response(status)
        ctype = "application/json" if reply.startswith(b"{") else "text/plain"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format: str, *args) -> None:
        log.debug("fake keylight %s: " + format, self.server.server_address[1], *args)


class FakeKeyLight:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        product: str = "Elgato Key Light",
        serial: str = "BW33J1A00000",
        display_name: str = "",
    ) -> None:
        self.host, self.port = host, port
        self.light = {"on": 0, "brightness": 20, "temperature": 213}
        self.accessory_info = {
            "productName": product,
            "hardwareBoardType": 53,
            "firmwareBuildNumber": 218,
            "firmwareVersion": "1.0.3",
            "serialNumber": serial,
            "displayName": display_name,
            "features": ["lights"],
        }
        self.settings = {
            "powerOnBehavior": 1,
            "powerOnBrightness": 20,
            "powerOnTemperature": 213,
            "switchOnDurationMs": 100,
            "switchOffDurationMs": 300,
            "colorChangeDurationMs": 100,
        }
        self.requests: list[SeenRequest] = []
        self.identified = 0
        self.garbage: bytes | None = None
        self._silent = False
        self._released = threading.Event()
        self._released.set()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def silent(self) -> bool:
        return self._silent

    @silent.setter
    def silent(self, value: bool) -> None:
        self._silent = value
        if value:
            self._released.clear()
        else:
            self._released.set()

    def start(self) -> None:
        """Listen (on the same port again after unplug())."""
        if self._server is not None:
            return
        if self._silent:
            self._released.clear()
        self._server = _Server((self.host, self.port), _Handler)
        self._server.fake = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-keylight-{self.port}",
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self._released.set()  # silent handlers give up their connection
        server.shutdown()
        server.server_close()  # closes the listening socket, joins the handler threads
        thread.join()
        self._server = self._thread = None

    unplug = stop  # off the network: the port stays ours on paper, nothing listens there
    plug_in = start

    @property
    def state(self) -> dict:
        with self._lock:
            return dict(self.light)

    def _record(self, seen: SeenRequest) -> None:
        with self._lock:
            self.requests.append(seen)

    def _answer(self, method: str, path: str, body: object) -> tuple[int, bytes]:
        allowed = _ROUTES.get(path)
        if allowed is None:
            return 404, b"Not Found"
        if method not in allowed:
            return 405, b"Method Not Allowed"
        with self._lock:
            if method == "PUT":
                why = "body is not JSON" if isinstance(body, bytes) else check_lights_body(body)
                if why:
                    return 400, why.encode()
                self.light.update(body["lights"][0])
            if path == IDENTIFY:
                self.identified += 1
                return 200, b""
            if self.garbage is not None:
                return 200, self.garbage
            if path == LIGHTS:
                reply: dict = {"numberOfLights": 1, "lights": [dict(self.light)]}
            elif path == SETTINGS:
                reply = self.settings
            else:
                reply = self.accessory_info
            return 200, json.dumps(reply, separators=(",", ":")).encode()
