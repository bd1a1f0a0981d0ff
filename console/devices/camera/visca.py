"""PTZ cameras over VISCA: recall / store a preset, home, zoom.

Commands are the bytes of the published VISCA command set (Sony), built here; a ViscaTransport
carries them to the camera on the camera's own worker thread (console/devices/device.py) and
waits for the ACK and then the Completion. The one transport today is VISCA-over-IP (Sony
framing, UDP 52381) through the `visca-over-ip` library; raw VISCA over TCP 5678 (PTZOptics and
similar) is the next one, see ViscaTransport.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import struct
import threading
import time
from abc import ABC, abstractmethod
from concurrent.futures import Future

from visca_over_ip import Camera
from visca_over_ip.exceptions import ViscaException

from console.devices.device import Device, DeviceError

log = logging.getLogger(__name__)

# Preset numbers are one data byte. 0-127 is what every VISCA camera we know accepts (Sony
# EVI/BRC models stop at 15 and answer a larger one with a syntax error: "rejected"); cameras
# with more (PTZOptics: up to 254) are configured with max_preset. 0xFF is the terminator.
MAX_PRESET, PRESET_BYTE_MAX = 127, 0xFE
ZOOM_SPEED_MAX = 7  # zoom tele/wide variable: 2p / 3p, p = 0 (slow) .. 7 (fast)
ZOOM_MAX = 0x4000  # zoom direct: 0 = wide end .. 0x4000 = optical tele end (Sony, PTZOptics)

HOME = bytes.fromhex("81 01 06 04 FF")
IF_CLEAR = bytes.fromhex("81 01 00 01 FF")  # also cancels the command in progress (Sony)
# CAM_PowerInq: answered 90 50 02 FF (on) or 90 50 03 FF (standby). Asking it moves nothing
# and cancels nothing, so it is how a camera is checked mid-show.
POWER_INQ = bytes.fromhex("81 09 04 00 FF")
VISCA_INQUIRY = 0x0110  # VISCA-over-IP payload type of an inquiry


def preset_command(action: int, n: int) -> bytes:
    """81 01 04 3F 0a pp FF: a = 0 reset, 1 set (store), 2 recall."""
    return bytes([0x81, 0x01, 0x04, 0x3F, action, n, 0xFF])


def zoom_command(speed: int) -> bytes:
    """81 01 04 07 2p FF tele (speed > 0), 3p FF wide (speed < 0), 00 FF stop."""
    p = abs(speed)
    return bytes(
        [0x81, 0x01, 0x04, 0x07, 0 if speed == 0 else (0x20 if speed > 0 else 0x30) | p, 0xFF]
    )


def zoom_to_command(position: int) -> bytes:
    """81 01 04 47 0p 0q 0r 0s FF: the position's four nibbles, one per byte."""
    nibbles = [(position >> shift) & 0x0F for shift in (12, 8, 4, 0)]
    return bytes([0x81, 0x01, 0x04, 0x47, *nibbles, 0xFF])


class ViscaTransport(ABC):
    """Carries one VISCA command (81 01 ... FF) to a camera and waits for its ACK (9y 4z FF) and
    its Completion (9y 5z FF), or one inquiry (81 09 ... FF) and returns its answer. `send` and
    `inquire` run on the camera's worker only; `close` may be called from any thread and never
    blocks.

    The seam for raw VISCA over TCP (port 5678, PTZOptics-class cameras): a second implementation
    of these three methods, passed as PtzCamera(transport=...). The command bytes are the same;
    it drops the 8-byte Sony header and its sequence number, reads replies up to each FF and
    pairs them with the command in order. Nothing above this class changes.
    """

    @abstractmethod
    def send(self, command: bytes) -> None:
        """Return when the camera reports Completion. Raise DeviceError: "timeout" (no ACK or
        no Completion in time), "rejected" (a VISCA error reply; detail has its code),
        "unreachable"/"refused" (socket errors), "bad_reply"."""

    @abstractmethod
    def inquire(self, inquiry: bytes) -> bytes:
        """The camera's answer (90 50 ... FF) to the inquiry; DeviceError as for `send`."""

    @abstractmethod
    def close(self) -> None: ...


# redirect_stdout swaps the process-wide sys.stdout: two workers doing it at once could leave
# it pointing at a dead buffer. Held only while the library's constructor runs (0.1-0.3 s).
_stdout_lock = threading.Lock()


class ViscaOverIpTransport(ViscaTransport):
    """VISCA-over-IP via visca-over-ip 0.5.2, whose limits shape this class:

    - Its constructor binds UDP on all interfaces (an ephemeral command port, and the camera's
      port, 52381, for inquiries) and takes no local address, so the wildcard bind stays; it
      also sends a sequence reset and IF_Clear (≥ 0.1 s: it waits out a reply it never accepts)
      and may print, hence redirect_stdout.
    - Its `_send_command` tries a command once for 0.1 s and returns None when nothing came
      back, or returns at the ACK. So we resend until `timeout_s` (all our commands are
      idempotent) and then read the Completion off its socket ourselves.
    - Its inquiries go out typed as commands (0x0100) from the socket on the camera's port,
      which every camera's transport binds: one camera's answer can reach another's socket.
      We send ours typed as inquiries (0x0110) from the command socket, this camera's own.
    Private names used: Camera._send_command, Camera._cmd_sock, Camera._location,
    Camera._increment_sequence_number (pinned version).
    """

    _TRY_S = 0.1  # the library's socket timeout: the length of one try

    def __init__(
        self,
        host: str,
        port: int = 52381,
        timeout_s: float = 1.0,
        completion_timeout_s: float = 3.0,
    ):
        self.host, self.port = host, port
        self.timeout_s, self.completion_timeout_s = timeout_s, completion_timeout_s
        self._camera: Camera | None = None
        self._lock = threading.Lock()  # held by send; close only tries it
        self._closed = False

    def send(self, command: bytes) -> None:
        if command[:2] != b"\x81\x01" or command[-1:] != b"\xff" or len(command) < 4:
            raise ValueError(f"not a VISCA command: {command.hex(' ')}")
        self._locked(self._send, command)

    def inquire(self, inquiry: bytes) -> bytes:
        if inquiry[:2] != b"\x81\x09" or inquiry[-1:] != b"\xff" or len(inquiry) < 4:
            raise ValueError(f"not a VISCA inquiry: {inquiry.hex(' ')}")
        return self._locked(self._ask, inquiry)

    def _locked(self, fn, message: bytes):
        try:
            with self._lock:
                if self._closed:
                    raise DeviceError("closed")
                try:
                    return self._mapped(fn, message)
                except DeviceError as e:
                    if e.reason != "rejected":  # the next command starts afresh (reset, clear)
                        self._drop()
                    raise
        finally:
            if self._closed:  # close() came while we held the lock: closing is ours to do
                self.close()

    def close(self) -> None:
        self._closed = True
        if self._lock.acquire(blocking=False):
            try:
                self._drop()
            finally:
                self._lock.release()

    def _mapped(self, fn, message: bytes):
        """fn(camera, message, deadline), its library and socket errors as DeviceErrors. The
        time to connect counts against the deadline."""
        where = f"{self.host}:{self.port}"
        deadline = time.monotonic() + self.timeout_s
        try:
            return fn(self._camera or self._open(), message, deadline)
        except ViscaException as e:
            raise DeviceError(
                "rejected", f"VISCA error 0x{e.status_code:02x} ({e.description})"
            ) from e
        except (ConnectionError, socket.gaierror) as e:  # Windows reports ICMP unreachable here
            raise DeviceError(
                "refused"
                if isinstance(e, ConnectionRefusedError | ConnectionResetError)
                else "unreachable",
                f"{where}: {e}",
            ) from e
        except OSError as e:
            raise DeviceError("unreachable", f"{where}: {e}") from e
        except (KeyError, IndexError) as e:  # ViscaException knows only six error codes
            raise DeviceError("bad_reply", f"{where}: {e!r}") from e

    def _send(self, camera: Camera, command: bytes, deadline: float) -> None:
        while True:
            body = camera._send_command(command[2:-1].hex(" "))
            if body is not None:
                break
            if time.monotonic() + self._TRY_S > deadline:
                where = f"{self.host}:{self.port}"
                raise DeviceError("timeout", f"no ACK from {where} in {self.timeout_s} s")
        if body[0] >> 4 != 5:  # an ACK: the Completion follows when the move is done
            self._await_completion(camera)

    def _ask(self, camera: Camera, inquiry: bytes, deadline: float) -> bytes:
        while time.monotonic() < deadline:  # one try per _TRY_S (the socket's timeout)
            camera._increment_sequence_number()
            header = struct.pack(">HHI", VISCA_INQUIRY, len(inquiry), camera.sequence_number)
            camera._cmd_sock.sendto(header + inquiry, camera._location)
            reply = self._reply_to(camera, camera.sequence_number)
            if reply is None:
                continue
            if reply[9] >> 4 == 6:
                raise DeviceError("rejected", f"VISCA error 0x{reply[10]:02x}")
            if reply[9] >> 4 != 5:
                raise DeviceError("bad_reply", f"{self.host}:{self.port}: {reply[8:].hex(' ')}")
            return reply[8:]
        where = f"{self.host}:{self.port}"
        raise DeviceError("timeout", f"no answer from {where} in {self.timeout_s} s")

    @staticmethod
    def _reply_to(camera: Camera, sequence: int) -> bytes | None:
        """The answer to `sequence` within one try, or None; late answers to earlier tries
        are passed over."""
        while True:
            try:
                reply = camera._cmd_sock.recv(64)
            except TimeoutError:
                return None
            if len(reply) >= 11 and int.from_bytes(reply[4:8], "big") == sequence:
                return reply

    def _open(self) -> Camera:
        address = socket.gethostbyname(self.host)  # once, not per datagram
        with _stdout_lock, contextlib.redirect_stdout(io.StringIO()) as printed:
            camera = Camera.__new__(Camera)  # to close its sockets when __init__ fails
            try:
                camera.__init__(address, self.port)
            except BaseException as e:
                camera.close_connection()
                if isinstance(e, RuntimeError):  # the local port is taken
                    raise DeviceError("unreachable", str(e.__cause__ or e)) from e
                raise
        if printed.getvalue().strip():
            log.info("visca %s:%s: %s", self.host, self.port, printed.getvalue().strip())
        self._camera = camera
        return camera

    def _await_completion(self, camera: Camera) -> None:
        sequence = camera.sequence_number
        deadline = time.monotonic() + self.completion_timeout_s
        while time.monotonic() < deadline:
            try:
                reply = camera._cmd_sock.recv(64)
            except TimeoutError:
                continue
            if len(reply) < 11 or int.from_bytes(reply[4:8], "big") != sequence:
                continue  # a late reply to an earlier try
            status = reply[9] >> 4
            if status == 5:
                return
            if status == 6:
                raise DeviceError("rejected", f"VISCA error 0x{reply[10]:02x}")
        raise DeviceError("timeout", f"ACK but no Completion in {self.completion_timeout_s} s")

    def _drop(self) -> None:
        camera, self._camera = self._camera, None
        if camera is not None:
            camera.close_connection()


class PtzCamera(Device):
    """A PTZ camera. Every command returns a Future that completes at the camera's Completion,
    or fails with DeviceError (and the device's status says why). Invalid arguments raise
    ValueError at once, before anything is sent."""

    kind = "ptz"

    def __init__(
        self,
        name: str,
        host: str,
        port: int = 52381,
        timeout_s: float = 1.0,
        *,
        completion_timeout_s: float = 3.0,
        max_preset: int = MAX_PRESET,
        transport: ViscaTransport | None = None,
    ):
        super().__init__(name)
        if not 0 <= max_preset <= PRESET_BYTE_MAX:
            raise ValueError(f"max_preset must be 0-{PRESET_BYTE_MAX}")
        self.host, self.port, self.max_preset = host, port, max_preset
        self.transport = transport or ViscaOverIpTransport(
            host, port, timeout_s, completion_timeout_s
        )

    def recall_preset(self, n: int) -> Future:
        return self.send_command(preset_command(2, self._preset(n)))

    def store_preset(self, n: int) -> Future:
        return self.send_command(preset_command(1, self._preset(n)))

    def home(self) -> Future:
        return self.send_command(HOME)

    def zoom(self, speed: int) -> Future:
        """Zoom in (speed 1..7), out (-1..-7) until zoom(0) stops it."""
        if not _is_int(speed) or abs(speed) > ZOOM_SPEED_MAX:
            raise ValueError(f"zoom speed must be -{ZOOM_SPEED_MAX}..{ZOOM_SPEED_MAX}: {speed!r}")
        return self.send_command(zoom_command(speed))

    def zoom_to(self, position: int) -> Future:
        """Zoom to an absolute position: 0 (wide) .. ZOOM_MAX (optical tele)."""
        if not _is_int(position) or not 0 <= position <= ZOOM_MAX:
            raise ValueError(f"zoom position must be 0..{ZOOM_MAX:#x}: {position!r}")
        return self.send_command(zoom_to_command(position))

    def send_command(self, command: bytes) -> Future:
        """Any VISCA command (81 01 ... FF), as is."""
        if command[:2] != b"\x81\x01" or command[-1:] != b"\xff" or len(command) < 4:
            raise ValueError(f"not a VISCA command: {bytes(command).hex(' ')}")
        return self.submit(self.transport.send, bytes(command))

    def inquire(self, inquiry: bytes) -> Future[bytes]:
        """Any VISCA inquiry (81 09 ... FF); the Future has the answer (90 50 ... FF)."""
        if inquiry[:2] != b"\x81\x09" or inquiry[-1:] != b"\xff" or len(inquiry) < 4:
            raise ValueError(f"not a VISCA inquiry: {bytes(inquiry).hex(' ')}")
        return self.submit(self.transport.inquire, bytes(inquiry))

    def close(self) -> None:
        self.transport.close()
        super().close()

    def _preset(self, n: int) -> int:
        if not _is_int(n) or not 0 <= n <= self.max_preset:
            raise ValueError(f"preset must be 0..{self.max_preset}: {n!r}")
        return n


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
