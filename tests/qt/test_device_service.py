"""DeviceService with the shipped fakes on loopback: a dead device never holds up the others,
statuses reach the GUI thread, editing the rig leaves working devices alone, looks reach the DMX
universe with the right values, and the Test button answers for each kind of device."""

from __future__ import annotations

import socket
import struct
import threading
import time
from concurrent.futures import Future
from dataclasses import replace

import pytest

from console.core.devices import ERROR, OFFLINE, ONLINE, DeviceStatus
from console.core.dmx import Fixture, Levels
from console.core.rig import DmxOutputConfig, KeyLightConfig, PtzCameraConfig, Rig
from console.devices.camera.fake_visca import VISCA_INQUIRY, FakeViscaCamera
from console.devices.camera.visca import IF_CLEAR, POWER_INQ
from console.devices.device import DeviceError
from console.devices.lights.fake_dmx import FakeDmxUniverseOutput
from console.devices.lights.fake_keylight import FakeKeyLight
from console.services.device_service import (
    DemoDevices,
    DeviceFactory,
    DeviceService,
    demo_rig,
)

RESULT_S = 3
TOP = Fixture("Top", 1, 1, ("dimmer", "cct"), 2700, 6500)
BACK = Fixture("Back", 1, 3, ("dimmer", "red", "green", "blue"))
FAR = Fixture("Far", 2, 1, ("dimmer",))  # universe 2 has no output


class Factory(DeviceFactory):
    """The real factory, except that DMX records instead of sending packets."""

    def dmx_output(self, config):
        return FakeDmxUniverseOutput(config.name, config.universe, config.protocol)


@pytest.fixture
def lights():
    answering, dead = FakeKeyLight(), FakeKeyLight()
    answering.start()
    dead.start()
    yield answering, dead
    answering.stop()
    dead.stop()


@pytest.fixture
def camera():
    with FakeViscaCamera() as fake:
        yield fake


@pytest.fixture
def make_service(qtbot):
    made = []

    def make(rig: Rig, factory: DeviceFactory | None = None) -> DeviceService:
        made.append(DeviceService(rig, factory or Factory()))
        return made[-1]

    yield make
    for service in made:
        service.close()
    time.sleep(0.15)  # a VISCA command in flight at close() releases its sockets when it ends


def studio(lights, camera) -> Rig:
    answering, dead = lights
    return Rig(
        keylights=(
            KeyLightConfig("L", dead.host, dead.port),
            KeyLightConfig("R", answering.host, answering.port),
        ),
        dmx_outputs=(DmxOutputConfig("U1", "sacn", "127.0.0.1", 1),),
        fixtures=(TOP, BACK, FAR),
        ptz_cameras=(PtzCameraConfig("PTZ", camera.host, camera.port),),
    )


def wait_status(qtbot, service, name, state, reason=""):
    def arrived():
        status = service.status(name)
        return (status.state, status.reason) == (state, reason)

    qtbot.waitUntil(arrived, timeout=3000)


def error_of(future: Future) -> DeviceError:
    error = future.exception(timeout=RESULT_S)
    assert isinstance(error, DeviceError)
    return error


def last_sent(service, output="U1") -> bytes:
    frames = service.output(output).transport.frames()
    return frames[-1][1] if frames else b""


# -- one dead device ------------------------------------------------------------------------
def test_a_silent_key_light_does_not_delay_the_other(qtbot, make_service, lights, camera):
    answering, dead = lights
    dead.silent = True  # takes the connection, never answers
    service = make_service(studio(lights, camera))
    t0 = time.monotonic()
    state = service.keylight("R").apply(on=True, brightness=80).result(timeout=RESULT_S)
    assert time.monotonic() - t0 < 0.5  # the dead one's 1 s timeout is not ours to wait
    assert state.on and state.brightness == 80
    assert answering.state["on"] == 1
    wait_status(qtbot, service, "L", ERROR, "timeout")
    assert service.status("R").state == ONLINE


def test_an_unplugged_key_light_shows_refused_and_comes_back(qtbot, make_service, lights, camera):
    answering, dead = lights
    dead.unplug()
    service = make_service(studio(lights, camera))
    assert error_of(service.test("L")).reason == "refused"
    assert service.test("R").result(timeout=RESULT_S) == "identified"
    wait_status(qtbot, service, "L", ERROR, "refused")
    dead.plug_in()
    assert service.test("L").result(timeout=RESULT_S) == "identified"
    wait_status(qtbot, service, "L", ONLINE)


def test_statuses_arrive_on_the_gui_thread(qtbot, make_service, lights, camera):
    lights[1].unplug()
    seen = []
    service = make_service(Rig())
    service.status_changed.connect(
        lambda kind, name, status: seen.append((kind, name, status.state, threading.get_ident()))
    )
    service.configure(studio(lights, camera))
    expected = {
        ("keylight", "L", ERROR),
        ("keylight", "R", ONLINE),
        ("dmx", "U1", ONLINE),
        ("ptz", "PTZ", ONLINE),
    }
    qtbot.waitUntil(lambda: expected <= {s[:3] for s in seen}, timeout=3000)
    assert {s[3] for s in seen} == {threading.get_ident()}


# -- editing the rig ------------------------------------------------------------------------
def test_configure_keeps_unchanged_devices_and_closes_removed_ones(
    qtbot, make_service, lights, camera
):
    lights[1].silent = True
    rig = studio(lights, camera)
    service = make_service(rig)
    kept_light, kept_output, dropped = (
        service.keylight("R"),
        service.output("U1"),
        service.keylight("L"),
    )
    service.apply_fixtures({"Top": Levels(100)}, 0)["U1"].result(timeout=RESULT_S)
    qtbot.waitUntil(lambda: last_sent(service)[:1] == b"\xff")
    changed = []
    service.rig_changed.connect(changed.append)

    smaller = Rig(keylights=rig.keylights[1:], dmx_outputs=rig.dmx_outputs, fixtures=(TOP, BACK))
    t0 = time.monotonic()
    service.configure(smaller)
    assert time.monotonic() - t0 < 0.5  # the silent light's worker is stuck; nobody waits on it

    assert changed == [smaller] and service.rig == smaller
    assert service.keylight("R") is kept_light and service.output("U1") is kept_output
    assert service.keylight("L") is None and service.ptz("PTZ") is None
    assert dropped.status == DeviceStatus(OFFLINE, "closed")
    assert [d.name for d in service.devices()] == ["R", "U1"]
    assert kept_output.frame.channel(1) == 255  # the kept universe still shows its look
    assert kept_light.apply(on=True).result(timeout=RESULT_S).on


def test_a_changed_output_is_replaced_and_picks_up_the_look(qtbot, make_service, lights, camera):
    rig = studio(lights, camera)
    service = make_service(rig)
    service.apply_fixtures(
        {"Top": Levels(50, kelvin=4600), "Back": Levels(100, rgb=(255, 0, 0))}, 0
    )
    qtbot.waitUntil(lambda: last_sent(service)[:6] == bytes([128, 128, 255, 255, 0, 0]))
    old = service.output("U1")

    moved = Rig(
        keylights=rig.keylights,
        dmx_outputs=(DmxOutputConfig("U1", "sacn", "127.0.0.9", 1),),  # a new node address
        fixtures=rig.fixtures,
        ptz_cameras=rig.ptz_cameras,
    )
    service.configure(moved)
    assert service.output("U1") is not old
    assert old.closed.wait(1) and old.transport.closed
    qtbot.waitUntil(lambda: last_sent(service)[:6] == bytes([128, 128, 255, 255, 0, 0]))


def test_a_device_that_cannot_be_made_is_listed_in_error(qtbot, make_service, lights, camera):
    rig = studio(lights, camera)
    broken = Rig(
        keylights=rig.keylights,
        dmx_outputs=(DmxOutputConfig("U1", "sacn", "127.0.0.1", 0),),  # sACN starts at 1
        fixtures=(TOP,),
    )
    service = make_service(broken)
    assert service.output("U1") is None
    assert service.status("U1").state == ERROR
    assert service.status("U1").reason == "not_configured"
    assert error_of(service.test("U1")).reason == "not_configured"
    assert error_of(service.apply_fixtures({"Top": Levels(100)}, 0)["Top"]).reason == (
        "not_configured"
    )
    assert service.test("R").result(timeout=RESULT_S) == "identified"


class FlakyFactory(Factory):
    """Key Lights named in `refuse` cannot be made (a demo fake's port taken, say)."""

    def __init__(self, refuse=()):
        self.refuse, self.made = set(refuse), []

    def keylight(self, config):
        self.made.append(config.name)
        if config.name in self.refuse:
            raise DeviceError("unreachable", "not yet")
        return super().keylight(config)


def test_a_device_that_could_not_be_made_is_tried_again_by_apply(
    qtbot, make_service, lights, camera
):
    factory = FlakyFactory(refuse={"R"})
    rig = studio(lights, camera)
    service = make_service(rig, factory)
    assert service.status("R") == DeviceStatus(ERROR, "unreachable", "not yet")
    service.configure(rig)  # Apply, nothing changed: R is tried again, and fails again
    assert factory.made == ["L", "R", "R"] and service.keylight("R") is None
    factory.refuse.clear()
    service.configure(rig)
    assert factory.made == ["L", "R", "R", "R"]  # L kept, R made
    assert service.test("R").result(timeout=RESULT_S) == "identified"
    assert [d.name for d in service.devices()] == ["L", "R", "U1", "PTZ"]
    wait_status(qtbot, service, "R", ONLINE)


def test_a_device_that_could_not_be_made_is_tried_again_by_its_test(
    qtbot, make_service, lights, camera
):
    factory = FlakyFactory(refuse={"R"})
    service = make_service(studio(lights, camera), factory)
    assert error_of(service.test("R")).reason == "unreachable"  # tried, refused again
    assert factory.made == ["L", "R", "R"]
    factory.refuse.clear()
    assert service.test("R").result(timeout=RESULT_S) == "identified"
    assert lights[0].identified == 1
    assert [d.name for d in service.devices()] == ["L", "R", "U1", "PTZ"]  # in rig order
    wait_status(qtbot, service, "R", ONLINE)


# -- looks ----------------------------------------------------------------------------------
def test_a_fade_reaches_the_look_and_leaves_other_fixtures_alone(
    qtbot, make_service, lights, camera
):
    service = make_service(studio(lights, camera))
    service.apply_fixtures({"Back": Levels(100, rgb=(0, 0, 255))}, 0)["U1"].result(RESULT_S)
    futures = service.apply_fixtures({"Top": Levels(100, kelvin=6500)}, 0.3)
    assert set(futures) == {"U1"}
    futures["U1"].result(timeout=RESULT_S)
    target = bytes([255, 255, 255, 0, 0, 255])
    qtbot.waitUntil(lambda: last_sent(service)[:6] == target, timeout=3000)

    sent = [values for _, values in service.output("U1").transport.frames()]
    steps = sent[sent.index(bytes([0, 0, 255, 0, 0, 255]) + bytes(506)) :]
    dimmer = [values[0] for values in steps]
    assert dimmer == sorted(dimmer) and len(set(dimmer)) > 5  # a fade, not a cut
    assert all(values[2:6] == bytes([255, 0, 0, 255]) for values in steps)  # Back untouched
    assert service.fixture_levels() == {
        "Back": Levels(100, rgb=(0, 0, 255)),
        "Top": Levels(100, kelvin=6500),
    }


def test_fixtures_that_cannot_be_reached_fail_on_their_own(make_service, lights, camera):
    service = make_service(studio(lights, camera))
    futures = service.apply_fixtures(
        {"Top": Levels(40), "Far": Levels(100), "Nobody": Levels(100)}, 0
    )
    assert futures["U1"].result(timeout=RESULT_S) is None
    assert error_of(futures["Far"]).reason == "not_configured"
    assert error_of(futures["Nobody"]).reason == "not_configured"
    assert set(service.fixture_levels()) == {"Top"}


def test_a_level_out_of_range_fails_its_output_without_sending(make_service, lights, camera):
    service = make_service(studio(lights, camera))
    future = service.apply_fixtures({"Top": Levels(150)}, 0)["U1"]
    assert future.exception(timeout=RESULT_S).code == "level_out_of_range"
    assert service.fixture_levels() == {}
    assert service.output("U1").transport.frames() == []


# -- the Test button ------------------------------------------------------------------------
def test_the_test_button_for_each_kind(qtbot, make_service, lights, camera):
    answering, _ = lights
    service = make_service(studio(lights, camera))
    assert service.test("R").result(timeout=RESULT_S) == "identified"
    assert answering.identified == 1
    wait_status(qtbot, service, "PTZ", ONLINE)  # the probe: the library's IF_Clear on connecting
    commands = len(camera.commands)
    assert service.test("PTZ").result(timeout=RESULT_S) == "answered"
    assert camera.inquiries[-1] == POWER_INQ and camera.errors == []
    assert camera.received[-1].payload_type == VISCA_INQUIRY
    assert len(camera.commands) == commands  # no IF_Clear: it would cancel a move
    # Nothing sent yet: the test opens the socket but sends no blank frame into the rig.
    assert service.test("U1").result(timeout=RESULT_S) == "opened"
    assert service.output("U1").transport.frames() == []
    service.apply_fixtures({"Top": Levels(100)}, 0)["U1"].result(timeout=RESULT_S)
    qtbot.waitUntil(lambda: last_sent(service)[:1] == b"\xff")
    count = len(service.output("U1").transport.frames())
    assert service.test("U1").result(timeout=RESULT_S) == "sent"
    frames = service.output("U1").transport.frames()
    assert len(frames) > count and frames[-1][1][:1] == b"\xff"
    assert error_of(service.test("Nobody")).reason == "not_configured"


def test_testing_a_camera_does_not_stop_another_controllers_move(qtbot, make_service, lights):
    """A joystick (another VISCA controller) recalls a preset; Test meanwhile must not
    cancel the move, as IF_Clear would."""
    with FakeViscaCamera(completion_delay_s=0.5) as moving:
        rig = replace(
            studio(lights, moving), ptz_cameras=(PtzCameraConfig("PTZ", moving.host, moving.port),)
        )
        service = make_service(rig)
        wait_status(qtbot, service, "PTZ", ONLINE)  # connected (the library's IF_Clear is done)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as joystick:
            joystick.settimeout(2)
            joystick.bind(("127.0.0.1", 0))
            recall = bytes.fromhex("81 01 04 3F 02 05 FF")
            joystick.sendto(
                struct.pack(">HHI", 0x0100, len(recall), 7) + recall, (moving.host, moving.port)
            )
            assert joystick.recv(64)[8:] == bytes.fromhex("90 41 FF")  # ACK: moving
            assert service.test("PTZ").result(timeout=RESULT_S) == "answered"
            assert joystick.recv(64)[8:] == bytes.fromhex("90 51 FF")  # the move completed
        assert moving.preset == 5 and IF_CLEAR not in moving.commands[1:]


def test_a_camera_that_does_not_answer_fails_its_test(qtbot, make_service, lights, camera):
    camera.answering = False
    service = make_service(studio(lights, camera))
    assert error_of(service.test("PTZ")).reason == "timeout"
    wait_status(qtbot, service, "PTZ", ERROR, "timeout")


# -- --demo ---------------------------------------------------------------------------------
def test_the_demo_rig_is_valid_and_every_device_answers(qtbot, make_service):
    demo = DemoDevices()
    try:
        rig = demo_rig()
        assert rig.problems() == []
        service = make_service(rig, demo)
        for device in service.devices():
            wait_status(qtbot, service, device.name, ONLINE)
        assert {d.name for d in service.devices()} == {
            "Key Light L",
            "Key Light R",
            "sACN 1",
            "PTZ 1",
        }
        assert service.test("PTZ 1").result(timeout=RESULT_S) == "answered"
        assert demo.cameras["PTZ 1"].host == "127.0.0.2"
        ports = [fake.port for fake in demo.keylights.values()]
        assert len(set(ports)) == 2
        service.close()
    finally:
        demo.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("fake-")]


def fake_running(name: str) -> bool:
    return any(t.name == name for t in threading.enumerate())


def test_the_demo_reuses_a_changed_devices_fake_and_stops_a_removed_ones(qtbot, make_service):
    demo = DemoDevices()
    try:
        rig = demo_rig()
        service = make_service(rig, demo)
        left, right = demo.keylights["Key Light L"], demo.keylights["Key Light R"]
        wait_status(qtbot, service, "Key Light L", ONLINE)
        moved = KeyLightConfig("Key Light L", "192.168.1.20")  # settings changed: a new device
        service.configure(replace(rig, keylights=(moved, rig.keylights[1])))
        assert demo.keylights["Key Light L"] is left  # on the same fake, not a second one
        assert service.test("Key Light L").result(timeout=RESULT_S) == "identified"
        assert left.identified == 1
        right_thread = f"fake-keylight-{right.port}"
        assert fake_running(right_thread)
        service.configure(replace(rig, keylights=(moved,), ptz_cameras=()))
        assert set(demo.keylights) == {"Key Light L"} and demo.cameras == {}
        qtbot.waitUntil(lambda: not fake_running(right_thread), timeout=2000)
        qtbot.waitUntil(lambda: not fake_running("fake-visca"), timeout=2000)
        assert fake_running(f"fake-keylight-{left.port}")
    finally:
        demo.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith(("fake-", "demo-"))]


def test_a_demo_fake_that_cannot_start_leaves_its_device_in_error(qtbot, make_service, monkeypatch):
    def no_such_address(self):
        raise OSError(99, "Cannot assign requested address")

    monkeypatch.setattr(FakeViscaCamera, "start", no_such_address)  # a system without 127.0.0.2
    demo = DemoDevices()
    try:
        service = make_service(demo_rig(), demo)
        assert service.status("PTZ 1").state == ERROR
        assert service.status("PTZ 1").reason == "unreachable"
        assert service.ptz("PTZ 1") is None
        assert service.test("Key Light L").result(timeout=RESULT_S) == "identified"
    finally:
        demo.stop()
