"""Presets recalled and captured through the service, against the fake OBS and the demo's
device fakes (real HTTP, UDP and DMX frames on loopback): every device gets its part, a device
that is down fails alone and is reported within 2 s, 讲解 and a segment start recall the linked
look, and each recall is on the timeline."""

import json

import pytest

from console.core.lights import kelvin_to_mireds
from console.core.presets import (
    CameraChoice,
    FixtureSetting,
    LightSetting,
    Preset,
    PtzRecall,
)
from console.devices.obs.fake_state import CAMERA, MIC, NOISE_SUPPRESSION, OVERHEAD
from console.services.device_service import DemoDevices, DeviceService, demo_rig
from console.services.preset_service import DONE, FAILED, PresetService
from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from tests.helpers.demo_look import CLOSE_UP, LOOK
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.raw_obs import RawObs
from tests.helpers.show_db import make_show


class Room:
    def __init__(self, qtbot, console, tmp_path):
        self.qtbot, self.fake = qtbot, console.fake
        path = tmp_path / "shows.db"
        self.show_id = make_show(
            path,
            [
                {"sku": "A", "name": "玻尿酸面膜", "live_price_fen": 5990, "stock": 9},
                {"sku": "B", "name": "草莓脆", "live_price_fen": 1990, "stock": 50},
            ],
        )
        self.writer = DbWriter(path)
        self.queue = QueueService(self.writer)
        with qtbot.waitSignal(self.queue.changed, timeout=3000):
            self.queue.open_show(self.show_id)
        self.fakes = DemoDevices()
        self.devices = DeviceService(demo_rig(), self.fakes)
        self.service = PresetService(self.writer, console.service, self.devices, self.queue)
        self.raw = RawObs(console.fake.url, "pw", subscriptions=0)

    def close(self):
        self.raw.close()
        self.writer.close()
        self.devices.close()
        self.fakes.stop()

    def saved(self, preset):
        with self.qtbot.waitSignal(self.service.presets_changed, timeout=3000):
            self.service.save(preset)
        return next(p for p in self.service.presets if p.name == preset.name)

    def recall(self, preset_id, origin="button"):
        finished = []
        self.service.recall_changed.connect(lambda r: r.finished and finished.append(r))
        self.service.recall(preset_id, origin)
        self.qtbot.waitUntil(lambda: bool(finished), timeout=3000)
        return finished[0]

    def shown(self, scene, source):
        items = self.raw.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]
        return next(i["sceneItemEnabled"] for i in items if i["sourceName"] == source)

    def stored(self, sql):
        return self.writer.submit(lambda db: db.execute(sql).fetchall()).result(timeout=5)


@pytest.fixture
def room(qtbot, console, tmp_path):
    r = Room(qtbot, console, tmp_path)
    yield r
    r.close()


def test_one_recall_reaches_every_device(qtbot, room):
    preset = room.saved(LOOK)
    recall = room.recall(preset.id)
    assert [(s.kind, s.name, s.state) for s in recall.steps] == [
        ("camera", CAMERA, DONE),
        ("mic", MIC, DONE),
        ("scene", CLOSE_UP, DONE),
        ("ptz", "PTZ 1", DONE),
        ("keylight", "Key Light L", DONE),
        ("keylight", "Key Light R", DONE),
        ("dmx", "sACN 1", DONE),
    ]
    assert all(s.ms < 2000 for s in recall.steps)
    # what each device now holds
    assert room.raw.request("GetCurrentProgramScene")["currentProgramSceneName"] == CLOSE_UP
    assert room.shown(CLOSE_UP, CAMERA) and not room.shown(CLOSE_UP, OVERHEAD)
    left, right = room.fakes.keylights["Key Light L"], room.fakes.keylights["Key Light R"]
    assert left.state == {"on": 1, "brightness": 80, "temperature": kelvin_to_mireds(5600)}
    assert (right.state["on"], right.state["brightness"]) == (1, 40)
    assert room.fakes.cameras["PTZ 1"].commands[-1] == bytes.fromhex("81 01 04 3F 02 03 FF")
    output = room.devices.output("sACN 1")
    qtbot.waitUntil(lambda: not output.fading, timeout=2000)
    assert output.frame.values[0] == round(0.5 * 255)  # the top light's dimmer at 50 %
    mic = room.raw.request("GetInputVolume", {"inputName": MIC})
    assert mic["inputVolumeDb"] == pytest.approx(-6.0, abs=0.1)
    assert room.raw.request("GetInputMute", {"inputName": MIC})["inputMuted"] is False
    filters = room.raw.request("GetSourceFilterList", {"sourceName": MIC})["filters"]
    assert {f["filterName"]: f["filterEnabled"] for f in filters}[NOISE_SUPPRESSION] is False


def test_a_dead_light_fails_alone_within_two_seconds(qtbot, room):
    preset = room.saved(LOOK)
    room.fakes.keylights["Key Light R"].silent = True  # on the network, never answering
    beat = Heartbeat()
    beat.start()
    recall = room.recall(preset.id, "hotkey")
    worst_ms = beat.stop()
    states = {s.name: (s.state, s.reason) for s in recall.steps}
    assert states["Key Light R"] == (FAILED, "timeout")
    assert all(state == DONE for name, (state, _) in states.items() if name != "Key Light R")
    light_r = next(s for s in recall.steps if s.name == "Key Light R")
    others = [s.ms for s in recall.steps if s.name != "Key Light R"]
    assert light_r.ms < 2000 and max(others) < 900  # not held up by its 1 s timeout
    assert worst_ms < 100 and beat.beats > 100  # the GUI never waited
    room.fakes.keylights["Key Light R"].silent = False


def test_a_light_not_in_the_rig_is_reported_not_configured(room):
    preset = room.saved(Preset("补光", lights=(LightSetting("Ring light", True, 50),)))
    recall = room.recall(preset.id)
    assert [(s.name, s.state, s.reason) for s in recall.steps] == [
        ("Ring light", FAILED, "not_configured")
    ]


def test_explain_on_a_linked_product_recalls_its_preset_and_it_is_on_the_timeline(qtbot, room):
    preset = room.saved(LOOK)
    item = room.queue.queue.items[0]
    room.service.link_product(item.product_id, preset.id)
    qtbot.waitUntil(lambda: room.queue.queue.items[0].preset_id == preset.id, timeout=3000)
    seen = []
    room.service.recall_changed.connect(lambda r: r.finished and seen.append(r))
    room.queue.start_explain(item.id)  # the one press
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert (seen[0].preset.name, seen[0].origin) == ("美妆特写", "explain")
    room.queue.start_explain(room.queue.queue.items[1].id)  # no preset: nothing recalled
    qtbot.wait(300)
    assert len(seen) == 1

    def events():
        return room.stored("SELECT data FROM events WHERE kind = 'preset_recalled'")

    qtbot.waitUntil(lambda: len(events()) == 1, timeout=3000)
    data = json.loads(events()[0][0])
    assert (data["name"], data["origin"]) == ("美妆特写", "explain")
    assert {s["kind"] for s in data["steps"]} == {
        "camera",
        "scene",
        "ptz",
        "keylight",
        "dmx",
        "mic",
    }
    assert all(s["state"] == "done" and s["ms"] < 2000 for s in data["steps"])


def test_a_hotkey_recalls_the_preset_holding_it(qtbot, room):
    room.saved(LOOK)
    other = room.saved(Preset("服装全景", scene="全景 Wide", hotkey=3))
    seen = []
    room.service.recall_changed.connect(lambda r: r.finished and seen.append(r))
    room.service.recall_by_hotkey(3)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert (seen[0].preset.id, seen[0].origin) == (other.id, "hotkey")
    failures = []
    room.service.failed.connect(lambda action, code: failures.append((action, code)))
    room.service.recall_by_hotkey(7)
    assert failures == [("recall", "no_preset_on_key")]


def test_capture_reads_the_room_into_a_preset(qtbot, room):
    room.recall(room.saved(LOOK).id)
    output = room.devices.output("sACN 1")
    qtbot.waitUntil(lambda: not output.fading, timeout=2000)
    with qtbot.waitSignal(room.service.captured, timeout=3000) as got:
        room.service.capture("新造型")
    preset, missing = got.args
    assert missing == []
    assert preset.name == "新造型" and preset.id is None
    assert preset.scene == CLOSE_UP
    assert preset.camera == CameraChoice(CLOSE_UP, CAMERA)
    assert preset.lights[0] == LightSetting("Key Light L", True, 80, 5600)
    assert preset.fixtures == (FixtureSetting("Top light", 50.0, 4000),)
    assert preset.ptz == PtzRecall("PTZ 1", 1)  # a slot no other preset uses (LOOK has 3)
    assert room.fakes.cameras["PTZ 1"].commands[-1] == bytes.fromhex("81 01 04 3F 01 01 FF")
    mic = next(m for m in preset.mics if m.input == MIC)
    assert (mic.muted, mic.volume_db, dict(mic.filters)[NOISE_SUPPRESSION]) == (False, -6.0, False)


def test_capture_lists_what_it_could_not_read(qtbot, room):
    room.fakes.keylights["Key Light L"].unplug()
    with qtbot.waitSignal(room.service.captured, timeout=3000) as got:
        room.service.capture("缺一盏灯")
    preset, missing = got.args
    assert [(s.kind, s.name, s.reason) for s in missing] == [("keylight", "Key Light L", "refused")]
    assert [s.light for s in preset.lights] == ["Key Light R"]
