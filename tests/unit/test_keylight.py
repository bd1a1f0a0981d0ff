"""The Key Light adapter against FakeKeyLight, the fake's own checks on the wire, and the
kelvin/mireds arithmetic of console.core.lights."""

from __future__ import annotations

import errno
import http.client
import json
import socket
import statistics
import threading
import time

import pytest

from console.core.devices import ERROR, ONLINE
from console.core.lights import (
    LightState,
    clamp_brightness,
    kelvin_to_mireds,
    mireds_to_kelvin,
)
from console.devices.device import DeviceError
from console.devices.lights.fake_keylight import FakeKeyLight
from console.devices.lights.keylight import LIGHTS, KeyLight

# --- console.core.lights -----------------------------------------------------------------------


def test_kelvin_mireds_ends_are_the_lights_range():
    assert kelvin_to_mireds(7000) == 143 and kelvin_to_mireds(2900) == 344
    assert mireds_to_kelvin(143) == 7000 and mireds_to_kelvin(344) == 2900
    assert kelvin_to_mireds(5000) == 200 and mireds_to_kelvin(200) == 5000


def test_every_50_kelvin_step_reads_back_as_set():
    steps = range(2900, 7001, 50)
    assert [mireds_to_kelvin(kelvin_to_mireds(k)) for k in steps] == list(steps)
    assert len({kelvin_to_mireds(k) for k in steps}) == len(steps)


def test_kelvin_and_brightness_are_clamped_not_refused():
    assert kelvin_to_mireds(1000) == 344 and kelvin_to_mireds(20000) == 143
    assert kelvin_to_mireds(-5) == 344
    given = (-10, 0, 2, 3, 55.6, 100, 101, 1e9)
    assert [clamp_brightness(v) for v in given] == [3, 3, 3, 3, 56, 100, 100, 100]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), True])
def test_non_values_are_refused(bad):
    with pytest.raises(ValueError):
        clamp_brightness(bad)
    with pytest.raises(ValueError):
        kelvin_to_mireds(bad)


@pytest.mark.parametrize("bad", [0, -143, float("nan")])
def test_mireds_must_be_positive(bad):
    with pytest.raises(ValueError):
        mireds_to_kelvin(bad)


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def make_fake():
    fakes: list[FakeKeyLight] = []

    def make(**kwargs) -> FakeKeyLight:
        fake = FakeKeyLight(**kwargs)
        fake.start()
        fakes.append(fake)
        return fake

    yield make
    for fake in fakes:
        fake.stop()


@pytest.fixture
def make_light():
    lights: list[KeyLight] = []

    def make(fake: FakeKeyLight, name: str = "key", **kwargs) -> KeyLight:
        light = KeyLight(name, fake.host, fake.port, **kwargs)
        lights.append(light)
        return light

    yield make
    for light in lights:
        light.close()


@pytest.fixture
def fake(make_fake):
    return make_fake()


@pytest.fixture
def light(make_light, fake):
    return make_light(fake)


def raw_request(fake: FakeKeyLight, method: str, path: str, body: bytes | None = None):
    conn = http.client.HTTPConnection(fake.host, fake.port, timeout=2)
    try:
        conn.request(method, path, body=body)
        reply = conn.getresponse()
        return reply.status, reply.read()
    finally:
        conn.close()


def puts(fake: FakeKeyLight) -> list:
    return [r.body for r in fake.requests if r.method == "PUT"]


# --- the adapter against the fake --------------------------------------------------------------


def test_apply_then_read_back(fake, light):
    assert light.kind == "keylight"
    state = light.apply(on=True, brightness=55, kelvin=4000).result(timeout=3)
    assert state == LightState(on=True, brightness=55, kelvin=4000)
    assert fake.state == {"on": 1, "brightness": 55, "temperature": 250}
    assert puts(fake) == [
        {"numberOfLights": 1, "lights": [{"on": 1, "brightness": 55, "temperature": 250}]}
    ]
    assert light.read_state().result(timeout=3) == state
    assert light.status.state == ONLINE


def test_apply_sends_only_what_is_given(fake, light):
    light.apply(on=True, brightness=40, kelvin=5600).result(timeout=3)
    state = light.apply(on=False).result(timeout=3)
    assert state == LightState(on=False, brightness=40, kelvin=5600)
    assert puts(fake)[-1] == {"numberOfLights": 1, "lights": [{"on": 0}]}
    assert light.apply().result(timeout=3) == state  # nothing to set: a read
    assert fake.requests[-1].method == "GET"


def test_two_lights_each_their_own_values(make_fake, make_light):
    key, fill = make_fake(), make_fake(product="Elgato Key Light Air")
    key_light, fill_light = make_light(key, "key"), make_light(fill, "fill")
    futures = [
        key_light.apply(on=True, brightness=80, kelvin=5600),
        fill_light.apply(on=True, brightness=35, kelvin=3200),
    ]
    states = [f.result(timeout=3) for f in futures]
    assert states == [LightState(True, 80, 5600), LightState(True, 35, 3200)]
    assert key.state == {"on": 1, "brightness": 80, "temperature": 179}
    assert fill.state == {"on": 1, "brightness": 35, "temperature": 312}
    assert len(puts(key)) == len(puts(fill)) == 1


@pytest.mark.parametrize(
    ("brightness", "kelvin", "sent"),
    [
        (0, 10_000, {"brightness": 3, "temperature": 143}),
        (2.4, 7000, {"brightness": 3, "temperature": 143}),
        (250, 1000, {"brightness": 100, "temperature": 344}),
        (55.6, 4100, {"brightness": 56, "temperature": 244}),
    ],
)
def test_out_of_range_values_are_clamped_not_sent(fake, light, brightness, kelvin, sent):
    light.apply(brightness=brightness, kelvin=kelvin).result(timeout=3)
    assert puts(fake) == [{"numberOfLights": 1, "lights": [sent]}]
    assert all(r.status == 200 for r in fake.requests)


def test_values_that_are_not_values_fail_at_once(light):
    with pytest.raises(TypeError):
        light.apply(on=1)
    with pytest.raises(ValueError):
        light.apply(brightness=float("nan"))


def test_identify_and_info(fake, light):
    light.identify().result(timeout=3)
    assert fake.identified == 1
    assert fake.requests[-1].method == "POST"
    info = light.info().result(timeout=3)
    assert info["productName"] == "Elgato Key Light"
    assert {"displayName", "serialNumber", "firmwareVersion"} <= set(info)


def test_a_light_that_never_answers_times_out_and_delays_no_other(make_fake, make_light):
    dead, alive = make_fake(), make_fake()
    dead.silent = True
    dead_light, alive_light = make_light(dead, "dead"), make_light(alive, "alive")
    seen = []
    dead_light.on_status(lambda device, status: seen.append(status))

    start = time.perf_counter()
    dead_future = dead_light.apply(on=True, brightness=50)
    alive_future = alive_light.apply(on=True, brightness=70)
    assert alive_future.result(timeout=3) == LightState(True, 70, 4700)
    alive_took = time.perf_counter() - start
    assert not dead_future.done()  # the other light was served while this one hung
    assert alive_took < 0.5

    with pytest.raises(DeviceError) as failed:
        dead_future.result(timeout=3)
    dead_took = time.perf_counter() - start
    print(f"\nalive light {alive_took * 1000:.1f} ms; dead light timeout after {dead_took:.2f} s")
    assert failed.value.reason == "timeout"
    assert (dead_light.status.state, dead_light.status.reason) == (ERROR, "timeout")
    assert [(s.state, s.reason) for s in seen] == [(ERROR, "timeout")]
    assert alive_light.status.state == ONLINE


def test_nothing_listening_is_refused_and_recovers(fake, light):
    fake.unplug()
    with pytest.raises(DeviceError) as failed:
        light.read_state().result(timeout=3)
    assert failed.value.reason == "refused"
    assert (light.status.state, light.status.reason) == (ERROR, "refused")
    fake.plug_in()
    light.apply(on=True).result(timeout=3)
    assert light.status.state == ONLINE


@pytest.mark.parametrize(
    "garbage",
    [
        b"<html>503</html>",
        b"",
        b'{"numberOfLights":1,"lights":[]}',
        b'{"numberOfLights":1,"lights":[{"on":1}]}',
        b'{"numberOfLights":1,"lights":[{"on":1,"brightness":300,"temperature":200}]}',
        b'{"numberOfLights":1,"lights":[{"on":"1","brightness":30,"temperature":200}]}',
        b"[1, 2]",
    ],
)
def test_a_reply_that_is_not_the_protocol_is_bad_reply(fake, light, garbage):
    fake.garbage = garbage
    with pytest.raises(DeviceError) as failed:
        light.apply(on=True).result(timeout=3)
    assert failed.value.reason == "bad_reply"
    assert light.status.reason == "bad_reply"


def test_accessory_info_without_product_is_bad_reply(fake, light):
    fake.garbage = b'{"serialNumber":"x"}'
    with pytest.raises(DeviceError) as failed:
        light.info().result(timeout=3)
    assert failed.value.reason == "bad_reply"


def test_what_the_light_refuses_is_rejected_with_detail(fake, light):
    body = {"numberOfLights": 1, "lights": [{"brightness": 101}]}
    with pytest.raises(DeviceError) as failed:
        light.submit(light._request, "PUT", LIGHTS, body).result(timeout=3)
    assert failed.value.reason == "rejected"
    assert "HTTP 400" in failed.value.detail and "brightness" in failed.value.detail
    assert light.status.reason == "rejected"


@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENETUNREACH, "Network is unreachable"), socket.gaierror(-2, "unknown")],
)
def test_no_route_or_no_such_host_is_unreachable(monkeypatch, error):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(socket, "create_connection", fail)
    light = KeyLight("far", "keylight.invalid")
    try:
        with pytest.raises(DeviceError) as failed:
            light.read_state().result(timeout=3)
    finally:
        light.close()
    assert failed.value.reason == "unreachable"


def test_no_address_is_not_configured():
    light = KeyLight("new", "")
    try:
        with pytest.raises(DeviceError) as failed:
            light.read_state().result(timeout=3)
    finally:
        light.close()
    assert failed.value.reason == "not_configured"


# --- the fake checks what a real light checks --------------------------------------------------


def _put(light: dict, **doc) -> bytes:
    return json.dumps({"numberOfLights": 1, "lights": [light], **doc}).encode()


@pytest.mark.parametrize(
    "body",
    [
        _put({"brightness": 101}),
        _put({"brightness": -1}),
        _put({"temperature": 142}),
        _put({"temperature": 345}),
        _put({"on": 2}),
        _put({"on": True}),
        _put({"brightness": "50"}),
        _put({"brightness": 50.5}),
        _put({"hue": 40}),
        _put({}),
        _put({"on": 1}, numberOfLights=2),
        b'{"numberOfLights":1,"lights":[]}',
        b'{"numberOfLights":1,"lights":[{"on":1},{"on":1}]}',
        b'{"numberOfLights":1,"lights":{"on":1}}',
        b'[{"on":1}]',
        b'{"on":1}',
        b"on=1",
        b"",
    ],
)
def test_the_fake_rejects_what_a_light_rejects(fake, body):
    before = fake.state
    status, reply = raw_request(fake, "PUT", LIGHTS, body)
    assert status == 400, reply
    assert fake.state == before


@pytest.mark.parametrize(
    "light",
    [
        {"on": 1, "brightness": 0, "temperature": 143},
        {"on": 0, "brightness": 100, "temperature": 344},
        {"brightness": 2},
    ],
)
def test_the_fake_takes_the_whole_documented_range(fake, light):
    status, reply = raw_request(fake, "PUT", LIGHTS, _put(light))
    assert status == 200
    assert json.loads(reply)["lights"][0] == fake.state
    assert fake.state.items() >= light.items()


def test_the_fake_knows_its_routes_and_methods(fake):
    assert raw_request(fake, "GET", "/elgato/nothing")[0] == 404
    assert raw_request(fake, "PUT", "/elgato/identify")[0] == 405
    assert raw_request(fake, "DELETE", LIGHTS)[0] == 405
    status, reply = raw_request(fake, "GET", "/elgato/lights/settings")
    assert status == 200 and "powerOnBrightness" in json.loads(reply)


def test_the_fake_stops_cleanly_while_holding_a_silent_connection(make_fake):
    fake = make_fake()
    fake.silent = True
    with socket.create_connection((fake.host, fake.port), timeout=2) as sock:
        sock.sendall(b"GET /elgato/lights HTTP/1.1\r\nHost: x\r\n\r\n")
        deadline = time.monotonic() + 2
        while not fake.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert fake.requests[0].status is None  # taken, never answered
        start = time.perf_counter()
        fake.stop()
        assert time.perf_counter() - start < 1
        try:
            assert sock.recv(100) == b""  # closed without an answer
        except ConnectionResetError:
            pass  # or reset: the request was never read
    names = [t.name for t in threading.enumerate()]
    assert not [n for n in names if "fake-keylight" in n or "process_request" in n]


# --- figures -----------------------------------------------------------------------------------


def test_apply_latency_against_the_fake(fake, light, capsys):
    light.read_state().result(timeout=3)  # warm up
    took = []
    for n in range(200):
        start = time.perf_counter()
        light.apply(on=True, brightness=3 + n % 98, kelvin=2900 + 50 * (n % 83)).result(timeout=3)
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    with capsys.disabled():
        print(
            f"\n[perf] keylight apply: p50 {statistics.median(took):.2f} ms, "
            f"p95 {took[int(0.95 * len(took))]:.2f} ms, max {took[-1]:.2f} ms "
            f"(n={len(took)}, new connection per call, fake on 127.0.0.1)"
        )
