"""FakeViscaCamera: a PTZ camera speaking VISCA-over-IP (Sony framing) on 127.0.0.2, for tests
and `--demo`. No VISCA simulator exists, so this one is strict: it checks every command's bytes
against the published VISCA command set and answers what a Sony camera answers.

Framing (both ways): payload type (2 bytes: 0x0100 VISCA command, 0x0110 inquiry, 0x0111 reply,
0x0200 control command, 0x0201 control reply), payload length (2), sequence number (4), payload.
Replies carry the command's sequence number: ACK 90 4y FF, then Completion 90 5y FF (y: the
command socket, 1 or 2), or an error 90 6y ee FF (01 length, 02 syntax, 03 buffer full).

Commands it knows; anything else, or a parameter out of range, is a syntax error:
  IF_Clear 81 01 00 01 FF · preset reset/set/recall 81 01 04 3F 00/01/02 pp FF · home
  81 01 06 04 FF · zoom stop/tele/wide 81 01 04 07 00/02/03 FF, variable 2p/3p (p 0-7) · zoom
  direct 81 01 04 47 0p 0q 0r 0s FF · inquiries (payload type 0x0110 only, as Sony's spec
  has them): zoom position 81 09 04 47 FF, power 81 09 04 00 FF (90 50 02 FF: on).

127.0.0.2, not 127.0.0.1: visca-over-ip binds the camera's port on all interfaces on our side;
the more specific address still receives the camera's datagrams (SO_REUSEADDR on both).
"""

from __future__ import annotations

import logging
import select
import socket
import struct
import threading
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

VISCA_COMMAND, VISCA_INQUIRY, VISCA_REPLY = 0x0100, 0x0110, 0x0111
CONTROL_COMMAND, CONTROL_REPLY = 0x0200, 0x0201
LENGTH_ERROR, SYNTAX_ERROR, BUFFER_FULL = 0x01, 0x02, 0x03
_HEADER = struct.Struct(">HHI")


@dataclass(frozen=True)
class Received:
    """One datagram as it came, and how the fake answered it: "done", "error 0x02",
    "reset", "unanswered" (silent mode), "ignored" (not VISCA-over-IP)."""

    payload_type: int | None
    sequence: int | None
    payload: bytes
    answer: str


class FakeViscaCamera:
    def __init__(
        self,
        host: str = "127.0.0.2",
        port: int = 0,
        *,
        answering: bool = True,
        presets: range = range(128),
        max_zoom: int = 0x4000,
        completion_delay_s: float = 0.0,
        unsupported: tuple[bytes, ...] = (),
    ):
        self.host, self.port = host, port
        self.answering = answering  # False: a camera that receives and never answers
        self.presets, self.max_zoom = presets, max_zoom
        self.completion_delay_s = completion_delay_s  # the move's duration
        self.unsupported = unsupported  # commands this model answers with a syntax error
        self.preset: int | None = None  # the last recalled
        self.zoom = 0
        self.zoom_motion = ("stop", 0)
        self.pan_tilt = (0x0123, 0x0045)  # somewhere; home is (0, 0)
        self.memory: dict[int, tuple[tuple[int, int], int]] = {}  # preset -> (pan_tilt, zoom)
        self.received: list[Received] = []
        self._pending: list[tuple[float, int, bytes, tuple]] = []  # (due, socket, data, to)
        self._outgoing: list[tuple[bytes, tuple]] = []  # replies of the datagram being handled
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def commands(self) -> list[bytes]:
        """The payloads of the VISCA commands received, in order."""
        return [r.payload for r in list(self.received) if r.payload_type == VISCA_COMMAND]

    @property
    def inquiries(self) -> list[bytes]:
        """The payloads of the VISCA inquiries received, in order."""
        return [r.payload for r in list(self.received) if r.payload_type == VISCA_INQUIRY]

    @property
    def errors(self) -> list[Received]:
        return [r for r in list(self.received) if r.answer.startswith("error")]

    def start(self) -> FakeViscaCamera:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self._sock, self.port = sock, sock.getsockname()[1]
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name="fake-visca", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def __enter__(self) -> FakeViscaCamera:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            now = time.monotonic()
            wait = min([0.05] + [due - now for due, *_ in self._pending])
            readable, _, _ = select.select([self._sock], [], [], max(wait, 0))
            if readable:
                try:
                    data, peer = self._sock.recvfrom(2048)
                except OSError:  # Windows: the peer's port was closed (ICMP unreachable)
                    continue
                self.received.append(self._handle(data, peer))
                # Answered only once recorded: whoever reads the answer sees the record too.
                for datagram, to in self._outgoing:
                    self._sock.sendto(datagram, to)
                self._outgoing.clear()
            now = time.monotonic()
            for item in [p for p in self._pending if p[0] <= now]:
                self._pending.remove(item)
                self._sock.sendto(item[2], item[3])

    def _handle(self, data: bytes, peer) -> Received:
        if len(data) < _HEADER.size:
            return Received(None, None, data, "ignored")
        kind, length, seq = _HEADER.unpack_from(data)
        payload = data[_HEADER.size :]

        def answer(how: str) -> Received:
            return Received(kind, seq, payload, how)

        def reply(body: bytes, kind_: int = VISCA_REPLY, delay: float = 0.0, slot: int = 0):
            datagram = _HEADER.pack(kind_, len(body), seq) + body
            if delay > 0:
                self._pending.append((time.monotonic() + delay, slot, datagram, peer))
            else:
                self._outgoing.append((datagram, peer))

        def error(code: int) -> Received:
            reply(bytes([0x90, 0x60, code, 0xFF]))
            return answer(f"error 0x{code:02x}")

        if not self.answering:
            return answer("unanswered")
        if kind == CONTROL_COMMAND:
            if length == len(payload) == 1 and payload == b"\x01":  # RESET the sequence number
                reply(b"\x01", CONTROL_REPLY)
                return answer("reset")
            reply(b"\x0f\x02", CONTROL_REPLY)  # abnormality in the message
            return answer("error 0x0f02")
        if kind not in (VISCA_COMMAND, VISCA_INQUIRY):
            return answer("ignored")
        if length != len(payload) or not 3 <= len(payload) <= 16:
            return error(LENGTH_ERROR)
        if payload[0] != 0x81 or payload[-1] != 0xFF or 0xFF in payload[:-1]:
            return error(SYNTAX_ERROR)
        if kind == VISCA_INQUIRY:
            if payload == b"\x81\x09\x04\x00\xff":  # CAM_PowerInq: on
                reply(b"\x90\x50\x02\xff")
                return answer("done")
            if payload != b"\x81\x09\x04\x47\xff":
                return error(SYNTAX_ERROR)
            reply(bytes([0x90, 0x50, *_nibbles(self.zoom), 0xFF]))
            return answer("done")
        if payload == b"\x81\x01\x00\x01\xff" and payload not in self.unsupported:
            self._pending.clear()  # IF_Clear empties the command sockets; Completion only
            reply(b"\x90\x50\xff")
            return answer("done")
        action = None if payload in self.unsupported else self._parse(payload[1:-1])
        if action is None:
            return error(SYNTAX_ERROR)
        busy = {p[1] for p in self._pending}
        slot = next((y for y in (1, 2) if y not in busy), None)
        if slot is None:
            return error(BUFFER_FULL)
        action()
        reply(bytes([0x90, 0x40 | slot, 0xFF]))
        reply(bytes([0x90, 0x50 | slot, 0xFF]), delay=self.completion_delay_s, slot=slot)
        return answer("done")

    def _parse(self, body: bytes):
        """The state change a valid command makes, or None when the bytes are not one."""
        if len(body) == 5 and body[:3] == b"\x01\x04\x3f" and body[4] in self.presets:
            n = body[4]
            return {
                0: lambda: self.memory.pop(n, None),
                1: lambda: self._store(n),
                2: lambda: self._recall(n),
            }.get(body[3])
        if body == b"\x01\x06\x04":
            return lambda: setattr(self, "pan_tilt", (0, 0))
        if len(body) == 4 and body[:3] == b"\x01\x04\x07":
            z, direction = body[3], {0x2: "tele", 0x3: "wide"}.get(body[3] >> 4)
            if z in (0x00, 0x02, 0x03):
                motion = {0x00: ("stop", 0), 0x02: ("tele", 0), 0x03: ("wide", 0)}[z]
            elif direction and z & 0x0F <= 7:
                motion = (direction, z & 0x0F)
            else:
                return None
            return lambda: setattr(self, "zoom_motion", motion)
        if len(body) == 7 and body[:3] == b"\x01\x04\x47" and max(body[3:]) <= 0x0F:
            position = (body[3] << 12) | (body[4] << 8) | (body[5] << 4) | body[6]
            if position <= self.max_zoom:
                return lambda: self._zoom_to(position)
        return None

    def _store(self, n: int) -> None:
        self.memory[n] = (self.pan_tilt, self.zoom)

    def _recall(self, n: int) -> None:
        self.preset = n
        if n in self.memory:
            self.pan_tilt, self.zoom = self.memory[n]
        self.zoom_motion = ("stop", 0)

    def _zoom_to(self, position: int) -> None:
        self.zoom, self.zoom_motion = position, ("stop", 0)


def _nibbles(value: int) -> list[int]:
    return [(value >> shift) & 0x0F for shift in (12, 8, 4, 0)]
