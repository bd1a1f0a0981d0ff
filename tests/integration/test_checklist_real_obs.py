"""The checklist's self-checks against a real OBS: they read its scene collection, profile,
stream service and free disk (a collection or profile nobody named is not configured, however
OBS answers), and muting the mic in OBS turns the mic item red within 2 s."""

import math
import re
import struct
import time
import wave

import pytest

from console.services.checklist_service import ChecklistService
from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.checklist_panel import ChecklistPanel
from tests.helpers.console import Console
from tests.helpers.real_obs import COLLECTION, MIC, PROFILE, SAFE_STREAM_SERVER, SCENES
from tests.helpers.show_db import make_show

TONE = "LiveDesk 测试音 Tone"


class Live:
    def __init__(self, qtbot, real_obs, tmp_path):
        self.qtbot = qtbot
        self.console = Console(qtbot, real_obs.host, real_obs.port, real_obs.password)
        path = tmp_path / "shows.db"
        show_id = make_show(path, [{"sku": "A1", "name": "面膜", "live_price_fen": 5990}])
        self.writer = DbWriter(path)
        self.queue = QueueService(self.writer)
        self.service = ChecklistService(
            self.writer,
            self.console.service,
            self.queue,
            language="zh_CN",
            template_path=tmp_path / "checklist_template.json",
        )
        self.panel = ChecklistPanel(self.service)
        self.service.setParent(self.panel)  # destroyed on the GUI thread, with the panel
        qtbot.addWidget(self.panel)
        self.panel.show()
        self.queue.open_show(show_id)
        qtbot.waitUntil(lambda: len(self.service.checklist.items) == 34, timeout=3000)
        self.mic = next(i for i in self.service.checklist.items if i.auto_check == "mic_live")

    def result(self, kind=None, item_id=None):
        c = self.service.checklist
        item_id = item_id or next(i.id for i in c.items if i.auto_check == kind)
        return c.result(item_id)

    def label(self, item_id):
        return self.panel.state_labels[item_id]

    def wait_muted_red(self, mute) -> float:
        """Mute in OBS; milliseconds until the mic item shows red with the reason."""
        label = self.label(self.mic.id)
        t0 = time.perf_counter()
        mute()
        self.qtbot.waitUntil(
            lambda: label.property("state") == "failed" and "muted" in label.text(), timeout=2000
        )
        return (time.perf_counter() - t0) * 1000


@pytest.fixture
def live(qtbot, real_obs, tmp_path):
    live = Live(qtbot, real_obs, tmp_path)
    yield live
    live.console.close()
    live.writer.close()


def test_obs_self_checks_read_the_real_obs(qtbot, live):
    def shows(kind, state, code):
        r = live.result(kind)
        return r is not None and (r.state, r.code) == (state, code)

    qtbot.waitUntil(lambda: shows("obs_connected", "ok", "obs_connected"), timeout=3000)
    qtbot.waitUntil(lambda: live.service.evidence().collection == COLLECTION, timeout=3000)
    qtbot.waitUntil(lambda: live.service.evidence().profile == PROFILE, timeout=3000)  # own reply
    assert shows("scene_collection", "unknown", "not_configured")  # OBS answers; nobody named it
    assert shows("profile", "unknown", "not_configured")
    collection = next(i for i in live.service.checklist.items if i.auto_check == "scene_collection")
    live.service.edit_item(collection.id, params={"collection": "彩排"})
    qtbot.waitUntil(lambda: shows("scene_collection", "failed", "collection_other"), timeout=3000)
    assert live.result("scene_collection").values == {"expected": "彩排", "actual": COLLECTION}
    for kind, params in (
        ("scene_collection", {"collection": COLLECTION}),
        ("profile", {"profile": PROFILE}),
    ):
        item = next(i for i in live.service.checklist.items if i.auto_check == kind)
        live.service.edit_item(item.id, params=params)
    qtbot.waitUntil(lambda: shows("scene_collection", "ok", "collection_current"), timeout=3000)
    assert live.result("scene_collection").values == {"name": COLLECTION}
    qtbot.waitUntil(lambda: shows("profile", "ok", "profile_current"), timeout=3000)
    assert live.result("profile").values == {"name": PROFILE}
    qtbot.waitUntil(lambda: shows("stream_service", "ok", "stream_set"), timeout=3000)
    assert live.result("stream_service").values["server"] == SAFE_STREAM_SERVER
    qtbot.waitUntil(
        lambda: live.result("disk_free").code in ("disk_free", "disk_low"), timeout=3000
    )
    assert live.result("disk_free").values["free_gb"] > 0  # GetStats' availableDiskSpace
    # This OBS's mic has no audio server behind it: silent, so red after its 10 s window.
    assert live.result("mic_live").code in ("mic_listening", "mic_silent")


def test_muting_the_mic_in_obs_turns_its_item_red_within_2_s(qtbot, live, raw_obs):
    qtbot.waitUntil(
        lambda: live.result(item_id=live.mic.id).code != "obs_not_connected", timeout=3000
    )
    took = live.wait_muted_red(
        lambda: raw_obs.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
    )
    assert live.result(item_id=live.mic.id).values == {"input": MIC}
    print(f"\n[perf] mic muted in OBS -> checklist item red: {took:.0f} ms")
    assert took < 2000
    raw_obs.request("SetInputMute", {"inputName": MIC, "inputMuted": False})
    qtbot.waitUntil(lambda: live.result(item_id=live.mic.id).code != "mic_muted", timeout=2000)


def tone_file(path):
    """One second of a 440 Hz tone at −12 dBFS, looped by OBS: a mic that is really heard."""
    rate = 48000
    frames = b"".join(
        struct.pack("<h", int(8192 * math.sin(2 * math.pi * 440 * n / rate))) for n in range(rate)
    )
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return path


def test_a_heard_input_is_green_and_goes_red_when_muted(qtbot, live, raw_obs, tmp_path):
    wav = tone_file(tmp_path / "tone.wav")
    raw_obs.request(
        "CreateInput",
        {
            "sceneName": SCENES[0],
            "inputName": TONE,
            "inputKind": "ffmpeg_source",
            "inputSettings": {"local_file": str(wav), "is_local_file": True, "looping": True},
        },
    )  # removed again by the next test's reset
    live.service.edit_item(live.mic.id, params={"input": TONE, "window_s": 10})
    label = live.label(live.mic.id)
    heard = re.compile(r"^● Mic −\d+ dBFS peak, (just now|\d+ s ago)$")
    qtbot.waitUntil(
        lambda: label.property("state") == "ok" and bool(heard.match(label.text())),
        timeout=8000,
    )
    assert -20 < live.result(item_id=live.mic.id).values["peak_db"] < -5
    took = live.wait_muted_red(
        lambda: raw_obs.request("SetInputMute", {"inputName": TONE, "inputMuted": True})
    )
    print(f"\n[perf] heard input muted in OBS -> checklist item green to red: {took:.0f} ms")
    assert took < 2000
