"""DmxUniverseOutput against real receivers in this process, on 127.0.0.1: sacn's sACNreceiver
and stupidArtnet's StupidArtnetServer (tests/helpers/dmx_receivers.py). What is asserted is what
arrives there: looks exactly, fades step by step, keepalives; plus the sender's configuration
(unicast only) and that a missing receiver costs nothing."""

import socket
import threading
import time
from types import SimpleNamespace

import pytest

from console.core import dmx
from console.core.devices import ERROR, OFFLINE, ONLINE, DeviceStatus
from console.core.dmx import DmxError, Fixture, Frame, Levels
from console.devices.device import DeviceError
from console.devices.lights.dmx import ARTNET, SACN, DmxUniverseOutput
from console.devices.lights.fake_dmx import FakeDmxUniverseOutput, RecordingTransport
from tests.helpers.dmx_receivers import ArtnetReceiver, SacnReceiver

FPS = 30
FRAME_S = 1 / FPS


def patch(universe):
    return [
        Fixture("key", universe, 1, ("dimmer", "cct")),
        Fixture("fill", universe, 10, ("dimmer", "dimmer_fine", "cct", "cct_fine"), 3200, 5600),
        Fixture("par", universe, 500, ("dimmer", "red", "green", "blue")),
    ]


def frame_of(universe, look):
    return dmx.look_frames(patch(universe), look)[universe]


@pytest.fixture(params=[SACN, ARTNET])
def rig(request):
    protocol = request.param
    rx = SacnReceiver(universe=1) if protocol == SACN else ArtnetReceiver(universe=0)
    outputs = []

    def make(**kwargs):
        kwargs.setdefault("port", rx.port)
        address = kwargs.pop("address", "127.0.0.1")
        out = DmxUniverseOutput(f"test-{protocol}", protocol, address, rx.universe, **kwargs)
        outputs.append(out)
        return out

    yield SimpleNamespace(protocol=protocol, rx=rx, make=make, universe=rx.universe)
    for out in outputs:
        out.close()
    rx.stop()


def arrived(rig, frame, timeout=3.0):
    packet = rig.rx.wait_for(lambda values: values == tuple(frame.values), timeout)
    assert packet is not None, f"{rig.protocol}: the frame did not arrive"
    return packet


def distinct(packets):
    """Consecutive repeats (keepalives) dropped."""
    out = []
    for p in packets:
        if not out or p.values != out[-1].values:
            out.append(p)
    return out


def step_indexes(start, target, steps, packets):
    """For each packet, the k of fade_step(start, target, k, steps) it equals (or fail)."""
    table = {tuple(dmx.fade_step(start, target, k, steps).values): k for k in range(1, steps + 1)}
    ks = [table.get(p.values) for p in packets]
    assert None not in ks, "a packet that is not a step of the fade arrived"
    return ks


def test_a_look_arrives_exactly(rig):
    out = rig.make()
    look = {
        "key": Levels(80, 5600),
        "fill": Levels(33.3, 4000),
        "par": Levels(100, rgb=(255, 64, 1)),
    }
    frame = frame_of(rig.universe, look)
    out.set_frame(frame).result(timeout=2)
    packet = arrived(rig, frame)
    assert len(packet.values) == 512
    assert packet.values[:2] == (204, 195)
    assert packet.values[499:503] == (255, 255, 64, 1)
    assert out.status.state == ONLINE and out.frame == frame
    if rig.protocol == SACN:  # and the library's own callback delivered it
        assert rig.rx.changes and rig.rx.changes[-1] == tuple(frame.values)


def test_a_one_second_fade_is_monotone_exact_and_on_time(rig, capsys):
    out = rig.make()
    start = frame_of(rig.universe, {"key": Levels(10, 2700), "par": Levels(100, rgb=(200, 0, 9))})
    target = frame_of(rig.universe, {"key": Levels(100, 6500), "fill": Levels(100, 5600)})
    out.set_frame(start).result(timeout=2)
    arrived(rig, start)

    called = time.monotonic()
    out.fade_to(target, 1.0).result(timeout=2)
    end = arrived(rig, target, timeout=4)
    packets = distinct(rig.rx.packets(since=called))
    packets = packets[next(i for i, p in enumerate(packets) if p.values != tuple(start.values)) :]
    assert packets[-1] is end or packets[-1].values == end.values

    ks = step_indexes(start, target, FPS, packets)
    assert ks == sorted(set(ks)) and ks[-1] == FPS  # steps in order, none twice, ends on target
    for ch in range(512):
        path = [start.values[ch]] + [p.values[ch] for p in packets]
        up = target.values[ch] >= start.values[ch]
        assert path == sorted(path, reverse=not up), f"channel {ch + 1} is not monotone"

    # The first step goes one frame after the fade starts: the fade took (last - first) + 1 frame.
    first = packets[0].at
    took = end.at - first + FRAME_S * ks[0]
    gaps = [b.at - a.at for a, b in zip(packets, packets[1:], strict=False)]
    fps = (len(packets) - 1) / (end.at - first)
    with capsys.disabled():
        print(
            f"\n[perf] dmx fade ({rig.protocol}, 1 s, loopback): {len(packets)} frames "
            f"(steps {ks[0]}..{ks[-1]}), duration {took * 1000:.1f} ms "
            f"(call -> target {(end.at - called) * 1000:.1f} ms), "
            f"{fps:.1f} fps, max frame gap {max(gaps) * 1000:.1f} ms"
        )
    assert abs(took - 1.0) <= FRAME_S


def test_keepalive_resends_the_frame_while_idle(rig):
    out = rig.make()
    frame = frame_of(rig.universe, {"key": Levels(50, 4000)})
    out.set_frame(frame).result(timeout=2)
    first = arrived(rig, frame)
    time.sleep(3.0)  # longer than sACN's 2.5 s source timeout
    same = [p for p in rig.rx.packets(since=first.at) if p.values == tuple(frame.values)]
    gaps = [b.at - a.at for a, b in zip(same, same[1:], strict=False)]
    assert len(same) >= 3, f"{len(same)} packets in 3 s"
    assert all(0.8 < g < 1.5 for g in gaps), gaps
    if rig.protocol == SACN:
        assert not rig.rx.terminated.is_set()  # the receiver still holds our source


def test_a_newer_fade_takes_over_from_where_the_old_one_is(rig):
    out = rig.make()
    a = frame_of(rig.universe, {"key": Levels(0, 2700)})
    b = frame_of(rig.universe, {"key": Levels(100, 6500)})
    c = frame_of(rig.universe, {"key": Levels(20, 3000)})
    out.set_frame(a).result(timeout=2)
    arrived(rig, a)
    since = time.monotonic()
    out.fade_to(b, 1.0).result(timeout=2)
    time.sleep(0.5)
    out.fade_to(c, 0.5).result(timeout=2)
    arrived(rig, c, timeout=3)

    packets = distinct(rig.rx.packets(since=since))
    packets = packets[next(i for i, p in enumerate(packets) if p.values != tuple(a.values)) :]
    peak_at = max(range(len(packets)), key=lambda i: packets[i].values[0])
    up, down = packets[: peak_at + 1], packets[peak_at + 1 :]
    assert up and down
    ks_up = step_indexes(a, b, FPS, up)
    assert ks_up == sorted(set(ks_up)) and 8 <= ks_up[-1] <= 22  # about half way
    peak = Frame(bytes(up[-1].values))
    ks_down = step_indexes(peak, c, 15, down)  # the new fade starts at the peak, not at a or b
    assert ks_down == sorted(set(ks_down)) and ks_down[-1] == 15


def test_unicast_only_unless_asked(rig):
    out = rig.make()
    out.set_frame(frame_of(rig.universe, {"key": Levels(100)})).result(timeout=2)
    out.fade_to(Frame(), 0.2).result(timeout=2)
    time.sleep(0.4)
    t = out.transport
    if rig.protocol == SACN:
        assert t.sender.universeDiscovery is False
        assert t.output.multicast is False and t.output.destination == "127.0.0.1"
        assert t.socket._socket.getsockname()[1] not in (0, 5568)
        assert t.socket.sent["unicast"] >= 7
        assert t.socket.sent["multicast"] == t.socket.sent["broadcast"] == 0
        assert t.socket.refused == {"multicast": 0, "broadcast": 0}
    else:
        node = t.node
        assert node.target_ip == "127.0.0.1" and node.port == rig.rx.port
        assert node.socket_client.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST) == 0
        assert not getattr(node, "running", False)  # its thread-per-frame start() never ran
        assert node.if_sync is False

    asked = rig.make(multicast=True)
    asked.open().result(timeout=2)  # configuration only: nothing is sent
    if rig.protocol == SACN:
        assert asked.transport.output.multicast is True
        assert asked.transport.socket.allow_multicast is True
    else:
        sock = asked.transport.node.socket_client
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST) == 1


@pytest.mark.allow_warning_logs
def test_a_broadcast_address_without_permission_is_a_socket_error(rig):
    out = rig.make(address="255.255.255.255")
    with pytest.raises(DeviceError) as caught:
        out.set_frame(Frame().with_channels({1: 255})).result(timeout=2)
    assert caught.value.reason in ("rejected", "unreachable")
    assert out.status.state == ERROR and out.status.reason == caught.value.reason


def test_a_receiver_that_is_gone_blocks_nothing(rig):
    out = rig.make()
    on = frame_of(rig.universe, {"key": Levels(100)})
    out.set_frame(on).result(timeout=2)
    arrived(rig, on)
    rig.rx.stop()  # nothing listens on that port any more
    statuses = []
    out.on_status(lambda device, status: statuses.append(status))
    took = []
    for level in (10, 90, 40):
        started = time.monotonic()
        out.fade_to(frame_of(rig.universe, {"key": Levels(level)}), 0.3).result(timeout=1)
        out.set_frame(frame_of(rig.universe, {"key": Levels(level)})).result(timeout=1)
        took.append(time.monotonic() - started)
    off = frame_of(rig.universe, {"key": Levels(0)})
    out.fade_to(off, 0.3).result(timeout=1)
    time.sleep(1.5)  # the fade ends, keepalives go out to nobody
    assert max(took) < 0.5
    assert out.frame == off and not out.fading
    assert out.status.state == ONLINE and statuses == []


def test_close_ends_the_stream_and_releases_socket_and_thread(rig):
    out = rig.make()
    out.set_frame(frame_of(rig.universe, {"key": Levels(100)})).result(timeout=2)
    arrived(rig, out.frame)
    transport = out.transport
    out.close()
    assert out.status.state == OFFLINE and out.status.reason == "closed"
    assert out.closed.wait(1)  # the worker closes the transport, then ends
    assert worker_ended(out)
    if rig.protocol == SACN:
        assert transport.socket._socket.fileno() == -1
        assert rig.rx.terminated.wait(1)  # stream-terminated packets: the receiver let go
    else:
        assert transport.node.socket_client.fileno() == -1
    out.close()  # twice is fine


def worker_ended(out, timeout=1.0) -> bool:
    deadline = time.monotonic() + timeout
    while [t for t in threading.enumerate() if t.name.startswith(f"dmx-{out.name}")]:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


class StuckTransport(RecordingTransport):
    """A send that takes as long as the test says (a socket buffer full, say)."""

    def __init__(self):
        super().__init__()
        self.sending, self.release = threading.Event(), threading.Event()

    def send(self, values):
        self.sending.set()
        self.release.wait(2)
        super().send(values)


class StuckOutput(FakeDmxUniverseOutput):
    def _make_transport(self):
        return StuckTransport()


def test_close_does_not_wait_for_the_worker():
    out = StuckOutput("stuck")
    out.set_frame(Frame().with_channels({1: 9}))
    queued = out.set_frame(Frame().with_channels({1: 10}))
    deadline = time.monotonic() + 2
    while out.transport is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert out.transport.sending.wait(1)
    started = time.monotonic()
    out.close()  # on the GUI thread in the app
    assert time.monotonic() - started < 0.05
    assert out.status == DeviceStatus(OFFLINE, "closed") and not out.transport.closed
    out.transport.release.set()  # the send in progress ends; then the worker closes
    assert out.closed.wait(1) and out.transport.closed
    assert queued.cancelled() and len(out.transport.frames()) == 1  # nothing after close
    assert out.status == DeviceStatus(OFFLINE, "closed")  # the send's end changed nothing
    assert worker_ended(out)


def test_output_settings_are_checked():
    for args, code in [
        (("x", "dmx512", "127.0.0.1", 1), "bad_protocol"),
        (("x", SACN, "lights.local", 1), "bad_address"),
        (("x", SACN, "127.0.0.1", 0), dmx.UNIVERSE_OUT_OF_RANGE),
        (("x", ARTNET, "127.0.0.1", 32768), dmx.UNIVERSE_OUT_OF_RANGE),
    ]:
        with pytest.raises(DmxError) as caught:
            DmxUniverseOutput(*args)
        assert caught.value.code == code
    with pytest.raises(DmxError) as caught:
        DmxUniverseOutput("x", SACN, "127.0.0.1", 1, priority=201)
    assert caught.value.code == "priority_out_of_range"
    out = DmxUniverseOutput("x", ARTNET, "10.0.0.9", 0)
    assert out.port == 6454 and out.status.reason == "not_configured"
    with pytest.raises(DmxError):
        out.fade_to(Frame(), -1)
    with pytest.raises(TypeError):
        out.set_frame(bytes(512))
    out.close()


def test_the_fake_output_records_what_it_would_send():
    out = FakeDmxUniverseOutput("demo", keepalive_s=0.2)
    target = Frame().with_channels({1: 30})
    out.fade_to(target, 0.2).result(timeout=2)
    time.sleep(0.5)
    sent = out.transport.frames()
    assert [v[0] for _, v in sent[:6]] == [5, 10, 15, 20, 25, 30]
    assert len(sent) >= 7  # and a keepalive
    out.close()
    assert out.closed.wait(1) and out.transport.closed


# --- OLA's olad in a network namespace (tests/helpers/ola_peer.py) ------------------------------
# olad holds a universe's last values after its source goes quiet, so keepalives are checked
# with the in-process receivers above, not here.


@pytest.mark.real_dmx
@pytest.mark.parametrize("protocol", [SACN, ARTNET])
def test_olad_receives_a_look_and_a_fade(ola, protocol, capsys):
    from tests.helpers.ola_peer import ARTNET_UNIVERSE, SACN_UNIVERSE

    universe = SACN_UNIVERSE if protocol == SACN else ARTNET_UNIVERSE
    out = DmxUniverseOutput(
        f"ola-{protocol}", protocol, ola.address, universe, bind_address=ola.local_address
    )
    try:
        look = frame_of(universe, {"key": Levels(80, 5600), "par": Levels(100, rgb=(9, 8, 7))})
        out.set_frame(look).result(timeout=2)
        assert ola.wait_for(universe, lambda v: v == list(look.values)), ola.log_tail()

        target = frame_of(universe, {"key": Levels(5, 2700), "fill": Levels(100, 5600)})
        started = time.monotonic()
        out.fade_to(target, 1.0).result(timeout=2)
        seen = []
        while time.monotonic() - started < 1.5:
            seen.append(ola.get_dmx(universe))
            time.sleep(0.01)
        took_ms = (time.monotonic() - started) * 1000
        assert seen[-1] == list(target.values)
        samples = [list(look.values)] + [v for v in seen if len(v) == 512]
        for ch in range(512):
            path = [v[ch] for v in samples]
            up = target.values[ch] >= look.values[ch]
            assert path == sorted(path, reverse=not up), f"channel {ch + 1} is not monotone"
        distinct = len({tuple(v) for v in samples})
        with capsys.disabled():
            print(
                f"\n[perf] dmx fade at olad ({protocol}): {distinct} distinct values seen "
                f"in {len(samples)} HTTP reads over {took_ms:.0f} ms"
            )
    finally:
        out.close()
