"""PTZ over VISCA-over-IP: PtzCamera (through visca-over-ip) against FakeViscaCamera, which
checks every command's bytes against the VISCA command set."""

from __future__ import annotations

import socket
import statistics
import struct
import time

import pytest

from console.core.devices import ERROR, ONLINE
from console.devices.camera.fake_visca import VISCA_COMMAND, FakeViscaCamera
from console.devices.camera.visca import IF_CLEAR, PtzCamera
from console.devices.device import DeviceError

RESULT_S = 3  # how long a test waits for a Future that should be quick


@pytest.fixture
def fake():
    with FakeViscaCamera() as camera:
        yield camera


@pytest.fixture
def make_camera():
    made = []

    def make(fake: FakeViscaCamera, **kwargs) -> PtzCamera:
        made.append(PtzCamera(f"cam{len(made)}", fake.host, fake.port, **kwargs))
        return made[-1]

    yield make
    for camera in made:
        camera.close()
    time.sleep(0.15)  # a command in flight at close() closes the sockets when it ends


def test_each_command_is_the_published_visca_bytes(fake, make_camera):
    camera = make_camera(fake)
    calls = [
        (lambda: camera.recall_preset(5), "81 01 04 3F 02 05 FF"),
        (lambda: camera.store_preset(127), "81 01 04 3F 01 7F FF"),
        (camera.home, "81 01 06 04 FF"),
        (lambda: camera.zoom(5), "81 01 04 07 25 FF"),
        (lambda: camera.zoom(-7), "81 01 04 07 37 FF"),
        (lambda: camera.zoom(0), "81 01 04 07 00 FF"),
        (lambda: camera.zoom_to(0x1234), "81 01 04 47 01 02 03 04 FF"),
        (lambda: camera.zoom_to(0), "81 01 04 47 00 00 00 00 FF"),
    ]
    for call, _ in calls:
        assert call().result(RESULT_S) is None
    # the library opens with a sequence-number reset (control 0x0200) and IF_Clear
    assert fake.received[0].payload_type == 0x0200 and fake.received[0].payload == b"\x01"
    assert fake.commands == [IF_CLEAR] + [bytes.fromhex(want) for _, want in calls]
    assert fake.errors == []
    assert all(r.answer in ("done", "reset") for r in fake.received)
    assert camera.status.state == ONLINE


def test_recall_after_store_moves_the_camera(fake, make_camera):
    camera = make_camera(fake)
    camera.zoom_to(0x1000).result(RESULT_S)
    camera.store_preset(3).result(RESULT_S)
    camera.home().result(RESULT_S)
    camera.zoom_to(0x3800).result(RESULT_S)
    camera.store_preset(4).result(RESULT_S)
    assert (fake.zoom, fake.pan_tilt) == (0x3800, (0, 0))

    camera.recall_preset(3).result(RESULT_S)
    assert (fake.preset, fake.zoom, fake.pan_tilt) == (3, 0x1000, (0x0123, 0x0045))
    camera.recall_preset(4).result(RESULT_S)
    assert (fake.preset, fake.zoom, fake.pan_tilt) == (4, 0x3800, (0, 0))
    camera.zoom(-2).result(RESULT_S)
    assert fake.zoom_motion == ("wide", 2)


def _datagram(seq: int, payload: str, kind: int = VISCA_COMMAND, length: int | None = None):
    body = bytes.fromhex(payload)
    return struct.pack(">HHI", kind, len(body) if length is None else length, seq) + body


def test_fake_answers_with_sony_framing(fake):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as raw:
        raw.settimeout(1)
        raw.bind(("127.0.0.1", 0))

        def ask(datagram: bytes, replies: int = 1) -> list[str]:
            raw.sendto(datagram, (fake.host, fake.port))
            return [raw.recv(64).hex(" ") for _ in range(replies)]

        # reply type 0x0111, length 3, the command's sequence number; ACK then Completion
        assert ask(_datagram(0x2A, "81 01 04 3F 02 05 FF"), 2) == [
            "01 11 00 03 00 00 00 2a 90 41 ff",
            "01 11 00 03 00 00 00 2a 90 51 ff",
        ]
        assert ask(_datagram(7, "01", kind=0x0200)) == ["02 01 00 01 00 00 00 07 01"]
        assert ask(_datagram(8, "81 01 00 01 FF")) == ["01 11 00 03 00 00 00 08 90 50 ff"]
        assert ask(_datagram(9, "81 09 04 47 FF", kind=0x0110)) == [
            "01 11 00 07 00 00 00 09 90 50 00 00 00 00 ff"
        ]
        syntax = "90 60 02 ff"
        for malformed in (
            "81 01 04 3F 02 05 05 FF",  # one byte too many
            "81 01 04 3F 03 05 FF",  # no such preset action
            "81 01 04 3F 02 80 FF",  # preset out of this camera's range (0-127)
            "81 01 04 07 28 FF",  # zoom speed 8
            "81 01 04 47 01 02 13 04 FF",  # a position byte that is not a nibble
            "81 01 04 47 04 00 00 01 FF",  # past the tele end
            "81 01 06 04",  # no terminator
            "82 01 06 04 FF",  # another address
        ):
            assert ask(_datagram(10, malformed)) == ["01 11 00 04 00 00 00 0a " + syntax]
        assert ask(_datagram(11, "81 01 06 04 FF", length=9)) == [
            "01 11 00 04 00 00 00 0b 90 60 01 ff"
        ]
    assert fake.preset == 5 and len(fake.errors) == 9


def test_a_silent_camera_times_out_and_holds_up_no_one(make_camera):
    with FakeViscaCamera(answering=False) as silent, FakeViscaCamera() as live:
        dead, alive = make_camera(silent, timeout_s=0.5), make_camera(live)
        statuses = []
        dead.on_status(lambda device, status: statuses.append(status))

        started = time.monotonic()
        stuck = dead.recall_preset(1)
        submit_s = time.monotonic() - started
        alive.recall_preset(2).result(RESULT_S)  # while the other one waits
        alive_s = time.monotonic() - started
        still_waiting = not stuck.done()
        with pytest.raises(DeviceError) as caught:
            stuck.result(RESULT_S)
        failed_s = time.monotonic() - started

    assert submit_s < 0.02 and alive_s < 0.4 and still_waiting
    assert 0.3 <= failed_s <= 0.5 + 0.1, failed_s  # one 0.1 s try of slack, under load
    assert caught.value.reason == "timeout"
    assert (dead.status.state, dead.status.reason) == (ERROR, "timeout")
    assert statuses[-1] == dead.status
    assert alive.status.state == ONLINE and live.preset == 2
    assert silent.commands[-1] == bytes.fromhex("81 01 04 3F 02 01 FF")  # it was sent


def test_ack_without_completion_times_out(make_camera):
    with FakeViscaCamera(completion_delay_s=1.0) as slow:
        camera = make_camera(slow, completion_timeout_s=0.3)
        with pytest.raises(DeviceError, match="no Completion") as caught:
            camera.recall_preset(9).result(RESULT_S)
    assert caught.value.reason == "timeout"


def test_completion_arrives_after_the_move(make_camera):
    with FakeViscaCamera(completion_delay_s=0.3) as slow:
        camera = make_camera(slow)
        started = time.monotonic()
        camera.recall_preset(9).result(RESULT_S)
    assert time.monotonic() - started >= 0.3 and slow.preset == 9


def test_malformed_or_unsupported_commands_are_rejected(fake, make_camera):
    camera = make_camera(fake)
    with pytest.raises(DeviceError) as caught:
        camera.send_command(bytes.fromhex("81 01 04 3F 02 05 05 FF")).result(RESULT_S)
    assert caught.value.reason == "rejected" and "0x02" in caught.value.detail
    assert (camera.status.state, camera.status.reason) == (ERROR, "rejected")
    camera.home().result(RESULT_S)  # the camera is fine: the next command goes through
    assert camera.status.state == ONLINE

    with FakeViscaCamera(presets=range(16)) as sony:  # EVI/BRC models keep 16 presets
        small = make_camera(sony)
        with pytest.raises(DeviceError, match="0x02") as caught:
            small.recall_preset(20).result(RESULT_S)
        assert caught.value.reason == "rejected" and sony.preset is None


def test_arguments_are_checked_before_sending(fake, make_camera):
    camera = make_camera(fake)
    for bad in (-1, 128, 1.0, True, None):
        with pytest.raises(ValueError):
            camera.recall_preset(bad)
        with pytest.raises(ValueError):
            camera.store_preset(bad)
    for bad in (8, -8, 1.5):
        with pytest.raises(ValueError):
            camera.zoom(bad)
    for bad in (-1, 0x4001):
        with pytest.raises(ValueError):
            camera.zoom_to(bad)
    for bad in ("81 09 04 47 FF", "81 01 04 3F 02 05"):
        with pytest.raises(ValueError):
            camera.send_command(bytes.fromhex(bad))
    with pytest.raises(ValueError):
        PtzCamera("wide", fake.host, fake.port, max_preset=255)
    assert fake.received == []

    with FakeViscaCamera(presets=range(255)) as ptzoptics:
        big = make_camera(ptzoptics, max_preset=254)
        big.recall_preset(254).result(RESULT_S)
        assert ptzoptics.preset == 254


def test_the_library_prints_nothing(capsys, caplog):
    # a camera that refuses IF_Clear makes visca-over-ip print from its constructor
    with FakeViscaCamera(unsupported=(IF_CLEAR,)) as picky:
        camera = PtzCamera("picky", picky.host, picky.port)
        camera.home().result(RESULT_S)
        camera.close()
    assert capsys.readouterr().out == ""
    assert "Could not clear the camera's interface socket" in caplog.text
    assert picky.pan_tilt == (0, 0)


def test_close_does_not_wait_for_a_command_in_flight():
    with FakeViscaCamera(answering=False) as silent:
        camera = PtzCamera("gone", silent.host, silent.port, timeout_s=0.4)
        pending = camera.recall_preset(1)
        time.sleep(0.05)
        started = time.monotonic()
        camera.close()
        assert time.monotonic() - started < 0.02
        with pytest.raises(DeviceError):
            pending.result(RESULT_S)
        assert camera.transport._camera is None  # its sockets closed when the command ended


def test_perf_recall_latency(fake, make_camera, capsys):
    camera = make_camera(fake)
    started = time.perf_counter()
    camera.recall_preset(0).result(RESULT_S)
    first_ms = (time.perf_counter() - started) * 1000
    took = []
    for n in range(100):
        started = time.perf_counter()
        camera.recall_preset(n % 128).result(RESULT_S)
        took.append((time.perf_counter() - started) * 1000)
    p50, p95 = statistics.median(took), statistics.quantiles(took, n=20)[-1]
    with capsys.disabled():
        print(
            f"\n[perf] visca recall: p50 {p50:.2f} ms, p95 {p95:.2f} ms "
            f"(first, with the library's open: {first_ms:.0f} ms)"
        )
    assert p50 < 50


def test_a_taken_local_port_is_reported_and_leaks_no_socket():
    # visca-over-ip binds the camera's port (52381) on all interfaces on our side
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as holder:
        holder.bind(("0.0.0.0", 0))
        camera = PtzCamera("taken", "127.0.0.2", holder.getsockname()[1])
        with pytest.raises(DeviceError, match="in use") as caught:
            camera.home().result(RESULT_S)
        camera.close()
    assert caught.value.reason == "unreachable"  # and no ResourceWarning (warnings are errors)
