"""Real DMX receivers in-process, on loopback: sacn's sACNreceiver and stupidArtnet's
StupidArtnetServer, each recording every DMX packet that reaches it with its arrival time.

sacn: on Linux its UDP socket binds every interface whatever `bind_address` says, and its
callbacks fire only when the data changes (a keepalive is invisible). So the receiver gets a
socket of ours bound to 127.0.0.1 on a port the OS picks, and a tap that records each datagram
before the library's handler (sequence, priority, parsing) sees it; the values recorded are the
ones the library's callback delivers plus the repeats it filters.

stupidArtnet: the server binds all interfaces on a fixed port in a `_thread` that blocks in
recvfrom forever, `listeners` is a class attribute shared by every server, and `close()` only
sets a flag. So: a free port, an own listener list, and a stop that wakes the thread with a
packet it answers to before the socket is closed.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

from sacn import DataPacket, sACNreceiver
from sacn.receiving.receiver_socket_udp import ReceiverSocketUDP
from stupidArtnet import StupidArtnetServer


@dataclass(frozen=True)
class Packet:
    at: float  # time.monotonic() on arrival
    values: tuple[int, ...]  # channel 1 is values[0]


class _Recorder:
    def __init__(self):
        self._lock = threading.Lock()
        self._packets: list[Packet] = []
        self._arrived = threading.Condition(self._lock)

    def record(self, values) -> None:
        with self._lock:
            self._packets.append(Packet(time.monotonic(), tuple(values)))
            self._arrived.notify_all()

    def packets(self, since: float = 0.0) -> list[Packet]:
        with self._lock:
            return [p for p in self._packets if p.at >= since]

    def wait_for(self, predicate, timeout: float = 3.0) -> Packet | None:
        """The first packet (old or new) for which predicate(values) holds."""
        deadline = time.monotonic() + timeout
        with self._lock:
            seen = 0
            while True:
                for p in self._packets[seen:]:
                    if predicate(p.values):
                        return p
                seen = len(self._packets)
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._arrived.wait(left)

    def last(self) -> Packet | None:
        with self._lock:
            return self._packets[-1] if self._packets else None


class _LoopbackSocket(ReceiverSocketUDP):
    def __init__(self):  # ReceiverSocketUDP.__init__ would bind ("", 5568)
        super(ReceiverSocketUDP, self).__init__(listener=None)
        self._bind_address, self._enabled_flag = "127.0.0.1", True
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
        self._socket.bind(("127.0.0.1", 0))
        self._bind_port = self._socket.getsockname()[1]


class _Tap:
    def __init__(self, handler, on_packet):
        self._handler, self._on_packet = handler, on_packet

    def on_data(self, data, current_time):
        try:
            packet = DataPacket.make_data_packet(data)
        except TypeError:  # not a data packet
            packet = None
        if packet is not None and not packet.option_StreamTerminated:
            self._on_packet(packet)
        self._handler.on_data(data, current_time)

    def on_periodic_callback(self, current_time):
        self._handler.on_periodic_callback(current_time)


class SacnReceiver(_Recorder):
    """Every DMX data packet of `universe` that reaches 127.0.0.1:`port`, in `packets()`;
    `changes` holds what the library's own callback delivered."""

    def __init__(self, universe: int = 1):
        super().__init__()
        self.universe = universe
        self.changes: list[tuple[int, ...]] = []
        self.terminated = threading.Event()
        self._socket = _LoopbackSocket()
        self.port = self._socket._bind_port
        self.receiver = sACNreceiver(socket=self._socket)
        self._socket._listener = _Tap(self.receiver._handler, self._on_packet)
        self.receiver.register_listener("universe", self._on_change, universe=universe)
        self.receiver.register_listener("availability", self._on_availability)
        self.receiver.start()

    def _on_packet(self, packet) -> None:
        if packet.universe == self.universe and packet.dmxStartCode == 0:
            self.record(packet.dmxData)

    def _on_change(self, packet) -> None:
        self.changes.append(packet.dmxData)

    def _on_availability(self, universe, changed) -> None:
        if universe == self.universe and changed == "timeout":
            self.terminated.set()

    def stop(self) -> None:
        self.receiver.stop()  # joins its thread (0.1 s receive timeout), closes the socket


class ArtnetReceiver(_Recorder):
    """Every ArtDmx packet of `universe` that StupidArtnetServer accepts on `port`."""

    _WAKE_UNIVERSE = 32767

    def __init__(self, universe: int = 0):
        super().__init__()
        self.universe = universe
        self.port = _free_udp_port()
        self.server = StupidArtnetServer(port=self.port)
        self.server.listeners = []  # the class attribute is shared by all servers
        self.server.register_listener(universe, callback_function=self._on_buffer)
        self._woken = threading.Event()
        self.server.register_listener(self._WAKE_UNIVERSE, callback_function=self._on_wake)
        deadline = time.monotonic() + 3
        while not _bound(self.server.socket_server, self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("StupidArtnetServer did not bind")
            time.sleep(0.005)

    def _on_buffer(self, buffer):
        self.record(buffer)

    def _on_wake(self, buffer):
        self._woken.set()

    def stop(self) -> None:
        self.server.close()  # listen = False: the loop ends after the next packet
        wake = bytearray(b"Art-Net\x00\x00P\x00\x0e\x00\x00")
        wake += self._WAKE_UNIVERSE.to_bytes(2, "little") + b"\x00\x02\x00\x00"
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            for _ in range(20):
                s.sendto(wake, ("127.0.0.1", self.port))
                if self._woken.wait(0.1):
                    break
        time.sleep(0.02)  # from the callback back to `while self.listen`, which ends the thread
        self.server.socket_server.close()


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _bound(sock, port: int) -> bool:
    try:
        return sock is not None and sock.getsockname()[1] == port
    except OSError:
        return False
