"""The overlay against the fake OBS: sources created once with OBS's text kind, texts follow
讲解 and the flash sale, and nothing is re-sent that OBS already shows."""

import pytest

from console.services.overlay_service import DEFAULT_SOURCES
from tests.helpers.overlay_rig import open_overlay
from tests.helpers.raw_obs import RawObs, RawObsError


@pytest.fixture
def live(qtbot, console, tmp_path):
    writer, queue, overlay = open_overlay(
        qtbot,
        console.service,
        tmp_path / "shows.db",
        [
            {
                "sku": "A",
                "name": "补水面膜",
                "live_price_fen": 5990,
                "stock": 9,
                "selling_points": "一片顶三片",
            },
            {"sku": "B", "name": "草莓脆", "live_price_fen": 1990, "stock": 50},
        ],
    )
    overlay._on_obs_connection_changed("connected")  # as after a (re)connect
    raw = RawObs(console.fake.url, "pw", subscriptions=0)
    names = set(DEFAULT_SOURCES.values())
    qtbot.waitUntil(
        lambda: names <= {i["inputName"] for i in raw.request("GetInputList")["inputs"]},
        timeout=3000,
    )
    yield queue, overlay, raw, console.fake
    raw.close()
    writer.close()


def text(raw, key):
    try:
        reply = raw.request("GetInputSettings", {"inputName": DEFAULT_SOURCES[key]})
    except RawObsError:  # not created yet
        return None
    return reply["inputSettings"].get("text")


def test_sources_are_created_and_follow_the_queue(qtbot, live):
    queue, overlay, raw, fake = live
    assert fake.requests_seen.count("CreateInput") == 4
    kinds = {i["inputName"]: i["inputKind"] for i in raw.request("GetInputList")["inputs"]}
    assert all(kinds[name] == "text_ft2_source_v2" for name in DEFAULT_SOURCES.values())
    queue.start_explain(queue.queue.items[0].id)
    qtbot.waitUntil(lambda: text(raw, "selling_point") == "一片顶三片", timeout=2000)
    assert text(raw, "name") == "补水面膜"
    assert text(raw, "price") == "Live price ¥59.90"
    sent = fake.requests_seen.count("SetInputSettings")
    queue.set_stock(queue.queue.items[0].id, 8)  # nothing on screen changes: nothing is sent
    qtbot.wait(200)
    assert fake.requests_seen.count("SetInputSettings") == sent
    queue.stop_explain()
    qtbot.waitUntil(lambda: text(raw, "name") == "", timeout=2000)


def test_countdown_ticks_once_a_second(qtbot, live):
    queue, overlay, raw, fake = live
    queue.start_explain(queue.queue.items[1].id)
    queue.start_flash_sale(countdown_s=10, duration_s=60, quantity=None)
    qtbot.waitUntil(
        lambda: (text(raw, "countdown") or "").startswith("Flash sale in 00:"), timeout=2000
    )
    seen = []
    for _ in range(25):  # 2.5 s, looked at every 100 ms
        value = text(raw, "countdown")
        if not seen or seen[-1] != value:
            seen.append(value)
        qtbot.wait(100)
    seconds = [int(v.rsplit(":", 1)[1]) for v in seen]
    assert len(seconds) >= 2
    assert seconds == list(range(seconds[0], seconds[0] - len(seconds), -1))  # 9, 8, 7: no gaps
