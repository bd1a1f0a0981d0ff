"""One DMX universe sent to one node, over sACN / E1.31 (sacn) or Art-Net (stupidArtnet),
unicast to the node's address unless the user turns multicast (sACN) or broadcast (Art-Net) on.

The output keeps the universe's current 512-byte frame. Everything runs on the output's worker
thread (Device): commands (set_frame, fade_to) and a pump that sends fade steps at `fps` and, when
idle, resends the frame every `keepalive_s` because receivers drop a source they have not heard
from for a few seconds (sACN: 2.5 s). The pump waits on a condition between sends, so a command
queued meanwhile wakes it and runs at once, and a newer fade starts from wherever the old one is.
Fade steps are chosen by the clock, not counted, so a late send skips a step rather than
stretching the fade.

Library traps (notes/devices.md): sacn's sender thread is not used (it runs its own 30 fps loop
beside ours and would drop or delay steps; its `flush()` adds a multicast sync packet); instead
its sender gets a socket of ours that binds an ephemeral port (never 5568, a local receiver's)
and refuses multicast and broadcast unless allowed. stupidArtnet's `start()` spawns a thread per
frame: we call `show()` from the worker, and our `show()` lets socket errors reach the status
instead of printing them.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import socket
import threading
import time
from concurrent.futures import Future

import sacn
from sacn.sending.sender_socket_base import SenderSocketBase
from stupidArtnet import StupidArtnet

from console.core.devices import ERROR, OFFLINE, ONLINE, DeviceStatus
from console.core.dmx import (
    DEFAULT_FPS,
    UNIVERSE_OUT_OF_RANGE,
    DmxError,
    Frame,
    fade_step,
    fade_step_count,
)
from console.devices.device import Device, DeviceError

log = logging.getLogger(__name__)

SACN, ARTNET = "sacn", "artnet"
PORTS = {SACN: 5568, ARTNET: 6454}
UNIVERSES = {SACN: range(1, 64000), ARTNET: range(0, 32768)}  # Art-Net: 15-bit port address
KEEPALIVE_S = 1.0
BAD_PROTOCOL, BAD_ADDRESS = "bad_protocol", "bad_address"


def config_problem(protocol: str, address: str, universe: int) -> str | None:
    """The code of what is wrong with an output's settings, or None."""
    if protocol not in PORTS:
        return BAD_PROTOCOL
    try:
        ipaddress.IPv4Address(address)
    except ValueError:
        return BAD_ADDRESS
    if universe not in UNIVERSES[protocol]:
        return UNIVERSE_OUT_OF_RANGE
    return None


class DmxUniverseOutput(Device):
    kind = "dmx"

    def __init__(
        self,
        name: str,
        protocol: str,
        address: str,
        universe: int,
        *,
        port: int | None = None,
        multicast: bool = False,
        bind_address: str = "0.0.0.0",
        fps: int = DEFAULT_FPS,
        keepalive_s: float = KEEPALIVE_S,
        priority: int = 100,
    ):
        """`address` is the node's IPv4 address (the target of every packet unless
        `multicast`); `port` is the protocol's unless given; `multicast` sends sACN to the
        universe's multicast group, or lets Art-Net send to a broadcast `address`."""
        problem = config_problem(protocol, address, universe)
        if not problem and not 0 <= priority <= 200:  # E1.31's range
            problem = "priority_out_of_range"
        if problem:
            raise DmxError(problem, name)
        super().__init__(name)
        self.protocol, self.address, self.universe = protocol, address, universe
        self.port = port or PORTS[protocol]
        self.multicast, self.bind_address = multicast, bind_address
        self.fps, self.keepalive_s, self.priority = fps, keepalive_s, priority
        self.transport = None  # made on the worker by the first command
        self._frame = Frame()
        self._live = False  # nothing is sent before the first frame: the rig keeps its look
        self._fade: tuple[Frame, Frame, float, int] | None = None  # start, target, t0, steps
        self._fade_sent = 0
        self._last_send = 0.0
        self._cv = threading.Condition()
        self._woken = self._closing = False
        self._queued: set[Future] = set()  # commands not yet done, for close() to cancel
        self.closed = threading.Event()  # set by the worker once the transport is closed

    @property
    def frame(self) -> Frame:
        """The frame last sent (or being faded from)."""
        return self._frame

    @property
    def fading(self) -> bool:
        return self._fade is not None

    def open(self) -> Future[None]:
        """Make the socket (nothing is sent until a frame is set)."""
        return self.submit(self._ensure_open)

    def set_frame(self, frame: Frame) -> Future[None]:
        """Send `frame` now, ending any fade."""
        _check(frame)
        return self.submit(self._set_frame, frame)

    def fade_to(self, frame: Frame, duration_s: float) -> Future[None]:
        """Fade from the current frame to `frame` at `fps`; the Future is done once the fade
        has started. A newer fade or set_frame replaces this one from where it is."""
        _check(frame)
        fade_step_count(duration_s, self.fps)  # a bad duration fails here, on the caller
        return self.submit(self._fade_to, frame, duration_s)

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future = super().submit(fn, *args, **kwargs)
        with self._cv:  # the pump waits on this: let the command run now
            self._queued.add(future)
            self._woken = True
            self._cv.notify_all()
        future.add_done_callback(self._on_command_done)
        return future

    def close(self) -> None:
        """Stop the pump and drop the commands not started; the worker then tells sACN
        receivers the stream ended, releases the socket and ends (`closed` is set). Returns at
        once: the caller is often the GUI thread, and a send in progress is the worker's."""
        with self._cv:
            if self._closing:
                return
            self._closing = True
            queued, self._queued = self._queued, set()
            self._cv.notify_all()
        for future in queued:
            future.cancel()  # one already running finishes; the close job comes after it
        self._executor.submit(self._close_transport)
        self._executor.shutdown(wait=False)
        self._set_status(DeviceStatus(OFFLINE, "closed"))

    def _on_command_done(self, future: Future) -> None:
        with self._cv:
            self._queued.discard(future)

    def _set_status(self, status: DeviceStatus) -> None:
        if self._closing and status.reason != "closed":
            return  # a command that was running at close() does not bring it back online
        super()._set_status(status)

    # On the worker:

    def _close_transport(self) -> None:
        try:
            if self.transport is not None:
                self.transport.close()
        except OSError as e:  # the socket is gone either way
            log.debug("dmx %s: closing: %s", self.name, e)
        finally:
            self.closed.set()

    def _ensure_open(self) -> None:
        if self.transport is not None:
            return
        try:
            self.transport = self._make_transport()
        except OSError as e:
            raise DeviceError(_reason(e), str(e)) from e
        log.info(
            "dmx %s: %s universe %s to %s:%s%s",
            self.name,
            self.protocol,
            self.universe,
            self.address,
            self.port,
            " (multicast)" if self.multicast else "",
        )
        try:
            self._executor.submit(self._pump)
        except RuntimeError:  # closed meanwhile: the close job, queued already, releases it
            pass

    def _make_transport(self):
        if self.protocol == SACN:
            return SacnTransport(self)
        return ArtnetTransport(self)

    def _set_frame(self, frame: Frame) -> None:
        self._ensure_open()
        self._fade, self._frame, self._live = None, frame, True
        self._send(time.monotonic())

    def _fade_to(self, frame: Frame, duration_s: float) -> None:
        self._ensure_open()
        steps = fade_step_count(duration_s, self.fps)
        if steps == 0:
            return self._set_frame(frame)
        self._fade = (self._frame, frame, time.monotonic(), steps)
        self._fade_sent, self._live = 0, True

    def _pump(self) -> None:
        if self._closing:
            return
        try:
            self._tick(time.monotonic())
        except DeviceError as e:  # the status says it; keep trying at the keepalive rate
            self._set_status(DeviceStatus(ERROR, e.reason, e.detail))
        except Exception as e:  # a bug: show it, and keep the universe alive
            log.exception("dmx %s: the pump failed", self.name)
            self._set_status(DeviceStatus(ERROR, "bad_reply", repr(e)))
            self._fade = None
        with self._cv:
            if not (self._woken or self._closing):
                due = self._next_due()
                self._cv.wait(None if due is None else max(0.0, due - time.monotonic()))
            self._woken = False
        if not self._closing:
            try:
                self._executor.submit(self._pump)
            except RuntimeError:  # shut down meanwhile
                pass

    def _tick(self, now: float) -> None:
        if self._fade is not None:
            start, target, t0, steps = self._fade
            # 1 ms of slack: a wait that ends a hair early must not cost a whole frame
            k = min(steps, int((now - t0 + 0.001) * self.fps))
            if k > self._fade_sent:
                self._fade_sent = k
                self._frame = fade_step(start, target, k, steps)
                if k == steps:
                    self._fade = None
                self._send(now)
                self._set_status(DeviceStatus(ONLINE))
        elif self._live and now - self._last_send >= self.keepalive_s:
            self._send(now)
            self._set_status(DeviceStatus(ONLINE))

    def _next_due(self) -> float | None:
        if self._fade is not None:
            return self._fade[2] + (self._fade_sent + 1) / self.fps
        if self._live:
            return self._last_send + self.keepalive_s
        return None

    def _send(self, now: float) -> None:
        self._last_send = now
        try:
            self.transport.send(self._frame.values)
        except (ConnectionRefusedError, ConnectionResetError):
            # An ICMP "port unreachable" from an earlier packet (Windows reports these): the
            # node is rebooting or gone. UDP keeps sending; that is not this socket's error.
            log.debug("dmx %s: %s:%s not listening", self.name, self.address, self.port)
        except OSError as e:
            if self.status.state != ERROR:
                log.warning(
                    "dmx %s: cannot send to %s:%s: %s", self.name, self.address, self.port, e
                )
            raise DeviceError(_reason(e), str(e)) from e


def _check(frame: Frame) -> None:
    if not isinstance(frame, Frame):  # on the caller: on the worker it would be a "bug" status
        raise TypeError(f"a Frame, not {type(frame).__name__}")


def _reason(e: OSError) -> str:
    if e.errno in {errno.EACCES, errno.EPERM}:
        return "rejected"  # broadcast without permission, a firewall
    if e.errno in {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.ENETDOWN, errno.EADDRNOTAVAIL}:
        return "unreachable"
    return "bad_reply"


class _UnicastSocket(SenderSocketBase):
    """sacn's sender socket, without a thread: the device worker sends. Multicast only when
    allowed; broadcast (universe discovery, off anyway) never."""

    def __init__(self, bind_address: str, port: int, allow_multicast: bool):
        super().__init__(listener=None)
        self.port, self.allow_multicast = port, allow_multicast
        self.sent = {"unicast": 0, "multicast": 0, "broadcast": 0}
        self.refused = {"multicast": 0, "broadcast": 0}
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            self._socket.bind((bind_address, 0))  # ephemeral: 5568 belongs to receivers
        except OSError:
            self._socket.close()
            raise

    def start(self) -> None:
        pass

    def stop(self) -> None:
        self._socket.close()

    def send_unicast(self, data, destination: str) -> None:
        self._socket.sendto(bytes(data.getBytes()), (destination, self.port))
        self.sent["unicast"] += 1

    def send_multicast(self, data, destination: str, ttl: int) -> None:
        if not self.allow_multicast:
            self.refused["multicast"] += 1
            return
        self._socket.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, ttl)
        self._socket.sendto(bytes(data.getBytes()), (destination, self.port))
        self.sent["multicast"] += 1

    def send_broadcast(self, data) -> None:
        self.refused["broadcast"] += 1


class SacnTransport:
    def __init__(self, output: DmxUniverseOutput):
        self.socket = _UnicastSocket(output.bind_address, output.port, output.multicast)
        source = _utf8_prefix(f"LiveDesk {output.name}", 63)  # E1.31 limit
        self.sender = sacn.sACNsender(
            source_name=source, universeDiscovery=False, socket=self.socket
        )
        self.universe = output.universe
        self.sender.activate_output(self.universe)
        self.output = self.sender[self.universe]
        self.output.destination = output.address
        self.output.multicast = output.multicast
        self.output.priority = output.priority

    def send(self, values: bytes) -> None:
        self.output.dmx_data = tuple(values)
        # sacn 1.11.0 (pinned) has no public "send this universe now" without a sync packet
        self.sender._sender_handler.send_out(self.output, time.time())

    def close(self) -> None:
        try:  # three packets with "stream terminated": receivers let go at once
            self.sender.deactivate_output(self.universe)
        except OSError:
            pass
        self.sender.stop()


class _ArtnetNode(StupidArtnet):
    def show(self):
        """The library's show() prints socket errors and carries on; here they are raised."""
        self.socket_client.sendto(self.packet_header + self.buffer, (self.target_ip, self.port))


class ArtnetTransport:
    def __init__(self, output: DmxUniverseOutput):
        source = (output.bind_address, 0) if output.bind_address != "0.0.0.0" else None
        self.node = _ArtnetNode(
            output.address,
            output.universe,
            packet_size=512,
            fps=output.fps,
            broadcast=output.multicast,
            source_address=source,
            port=output.port,
        )

    def send(self, values: bytes) -> None:
        self.node.buffer = bytearray(values)
        self.node.show()

    def close(self) -> None:
        self.node.stop()
        self.node.close()


def _utf8_prefix(text: str, limit: int) -> str:
    data = text.encode()[:limit]
    return data.decode("utf-8", "ignore")
