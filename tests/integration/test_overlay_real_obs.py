"""The on-stream overlay against a real OBS: starting 讲解 puts the product into OBS's text
sources (read back with GetInputSettings), and a flash-sale countdown ticks there."""

import time

import pytest

from console.services.overlay_service import DEFAULT_SOURCES
from tests.helpers.console import Console
from tests.helpers.overlay_rig import open_overlay
from tests.helpers.raw_obs import RawObs, RawObsError
from tests.helpers.real_obs import SCENES


@pytest.fixture
def live(qtbot, real_obs, obs_clean_state, tmp_path):
    console = Console(qtbot, real_obs.host, real_obs.port, real_obs.password)
    writer, queue, overlay = open_overlay(
        qtbot,
        console.service,
        tmp_path / "shows.db",
        [
            {
                "sku": "A1",
                "name": "玻尿酸补水面膜",
                "live_price_fen": 5990,
                "stock": 100,
                "selling_points": "一片顶三片\n敏感肌可用",
            },
            {"sku": "B2", "name": "冻干草莓脆", "live_price_fen": 1990, "stock": 300},
        ],
        scene=SCENES[0],
    )
    overlay._on_obs_connection_changed("connected")  # as after a (re)connect
    names = set(DEFAULT_SOURCES.values())
    with RawObs(real_obs.url, real_obs.password, subscriptions=0) as raw:
        qtbot.waitUntil(
            lambda: names <= {i["inputName"] for i in raw.request("GetInputList")["inputs"]},
            timeout=8000,
        )
    yield queue, overlay
    console.close()
    writer.close()


def text_of(raw, name):
    try:
        return raw.request("GetInputSettings", {"inputName": name})["inputSettings"].get("text")
    except RawObsError:  # not there (yet)
        return None


def test_explain_updates_obs_text_sources(qtbot, live, raw_obs):
    queue, overlay = live
    name_src = DEFAULT_SOURCES["name"]
    qtbot.waitUntil(
        lambda: name_src in [i["inputName"] for i in raw_obs.request("GetInputList")["inputs"]],
        timeout=3000,
    )
    t0 = time.perf_counter()
    queue.start_explain(queue.queue.items[0].id)
    qtbot.waitUntil(lambda: text_of(raw_obs, name_src) == "玻尿酸补水面膜", timeout=5000)
    took = (time.perf_counter() - t0) * 1000
    # the texts are sent name, price, selling point: wait for the last one
    sp = DEFAULT_SOURCES["selling_point"]
    qtbot.waitUntil(lambda: text_of(raw_obs, sp) == "一片顶三片", timeout=5000)
    assert text_of(raw_obs, DEFAULT_SOURCES["price"]) == "Live price ¥59.90"
    t1 = time.perf_counter()
    queue.next_item()
    qtbot.waitUntil(lambda: text_of(raw_obs, name_src) == "冻干草莓脆", timeout=5000)
    took_next = (time.perf_counter() - t1) * 1000
    print(f"\n[perf] 讲解 -> OBS text read back: first {took:.0f} ms, next {took_next:.0f} ms")


def test_flash_sale_countdown_ticks_in_obs(qtbot, live, raw_obs):
    queue, overlay = live
    src = DEFAULT_SOURCES["countdown"]
    queue.start_explain(queue.queue.items[1].id)
    queue.start_flash_sale(countdown_s=10, duration_s=60, quantity=None)
    qtbot.waitUntil(
        lambda: (text_of(raw_obs, src) or "").startswith("Flash sale in 00:"), timeout=5000
    )
    first = text_of(raw_obs, src)
    qtbot.waitUntil(lambda: text_of(raw_obs, src) != first, timeout=5000)
    assert text_of(raw_obs, src) < first  # 00:10 -> 00:09


def test_renamed_source_is_created_in_the_chosen_scene(qtbot, live, raw_obs):
    queue, overlay = live
    overlay.configure(True, SCENES[1], {"name": "直播间 商品名"})  # as Settings ▸ OK does

    def items():
        reply = raw_obs.request("GetSceneItemList", {"sceneName": SCENES[1]})
        return {i["sourceName"] for i in reply["sceneItems"]}

    qtbot.waitUntil(lambda: "直播间 商品名" in items(), timeout=5000)
    queue.start_explain(queue.queue.items[1].id)
    qtbot.waitUntil(lambda: text_of(raw_obs, "直播间 商品名") == "冻干草莓脆", timeout=5000)
