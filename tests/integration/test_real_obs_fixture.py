"""Proves the real-OBS fixture and records what OBS 29.0.2 / obs-websocket 5.1.0 itself says."""

from __future__ import annotations

import json
import re
import statistics
import time

import pytest

from tests.helpers.raw_obs import RawObs, RawObsError, Scenes
from tests.helpers.real_obs import (
    AUDIO_INPUT_KIND,
    CAMERAS,
    COLLECTION,
    COLOR_SOURCE,
    DESKTOP_AUDIO,
    MIC,
    SAFE_STREAM_SERVER,
    SCENES,
    SCENES_SCENE_LIST_ORDER,
)


def test_connect_with_password(real_obs):
    with RawObs(real_obs.url, real_obs.password, subscriptions=0) as ws:
        assert ws.identified["negotiatedRpcVersion"] == 1
        version = ws.request("GetVersion")
    assert version["obsWebSocketVersion"].startswith("5.")
    assert "SetCurrentProgramScene" in version["availableRequests"]
    assert real_obs.start_seconds is not None and real_obs.start_seconds < 30


def test_wrong_password_is_refused_with_4009(real_obs):
    with pytest.raises(RawObsError) as err:
        RawObs(real_obs.url, real_obs.password + "-wrong")
    assert err.value.code == 4009  # WebSocketCloseCode::AuthenticationFailed


def test_stream_service_is_a_dead_local_address(raw_obs):
    svc = raw_obs.request("GetStreamServiceSettings")
    assert svc["streamServiceType"] == "rtmp_custom"
    assert svc["streamServiceSettings"]["server"] == SAFE_STREAM_SERVER
    assert raw_obs.request("GetStreamStatus")["outputActive"] is False


def _ui_order_from_log(real_obs) -> list[str]:
    # OBS logs "Loaded scenes:" by walking its scene list widget top to bottom.
    text = real_obs.log_path().read_text(encoding="utf-8", errors="replace")
    block = text[text.rindex("Loaded scenes:") :]
    return re.findall(r"^\S+: - scene '(.+)':$", block, flags=re.M)[: len(SCENES)]


def test_scene_list_is_reverse_ui_order(raw_obs, real_obs):
    resp = raw_obs.request("GetSceneList")
    scenes = resp["scenes"]
    # Independent evidence of the UI (top-to-bottom) order: OBS's own log.
    assert _ui_order_from_log(real_obs) == SCENES
    # obs-websocket 5: scenes[0] / sceneIndex 0 is the BOTTOM of OBS's list.
    assert [s["sceneName"] for s in scenes] == SCENES_SCENE_LIST_ORDER
    assert [s["sceneIndex"] for s in scenes] == list(range(len(SCENES)))
    assert scenes[0]["sceneName"] == "全景 Wide"
    assert scenes[-1]["sceneName"] == "开场 Opening"
    assert resp["currentProgramSceneName"] == SCENES[0]
    assert resp["currentPreviewSceneName"] is None  # studio mode off
    items = raw_obs.request("GetSceneItemList", {"sceneName": SCENES[1]})["sceneItems"]
    assert [i["sourceName"] for i in items] == [CAMERAS[SCENES[1]]]


def test_created_scene_goes_to_ui_bottom_and_scene_index_0(raw_obs, real_obs):
    temp = "临时 Temp"
    raw_obs.request("CreateScene", {"sceneName": temp})
    try:
        scenes = raw_obs.request("GetSceneList")["scenes"]
        assert scenes[0] == {"sceneIndex": 0, "sceneName": temp}
        assert [s["sceneName"] for s in scenes[1:]] == SCENES_SCENE_LIST_ORDER
        # OBS saved the collection on CreateScene: its scene_order (UI order, top to bottom)
        # has the new scene last.
        path = real_obs.config_dir / "basic" / "scenes" / f"{COLLECTION}.json"
        deadline = time.monotonic() + 3
        order = None
        while True:
            # OBS saves by writing a new file and renaming it over the old one: for a moment
            # there is none (or half of one); read again.
            try:
                doc = json.loads(path.read_text(encoding="utf-8"))
                order = [s["name"] for s in doc["scene_order"]]
            except (FileNotFoundError, ValueError):
                pass
            if (order and temp in order) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert order == SCENES + [temp]
    finally:
        raw_obs.request("RemoveScene", {"sceneName": temp})
    raw_obs.wait_event("SceneRemoved", lambda d: d["sceneName"] == temp)
    # OBS's scene list widget drops the scene a moment after the event: poll.
    deadline = time.monotonic() + 3
    while (
        names := [s["sceneName"] for s in raw_obs.request("GetSceneList")["scenes"]]
    ) != SCENES_SCENE_LIST_ORDER and time.monotonic() < deadline:
        time.sleep(0.02)
    assert names == SCENES_SCENE_LIST_ORDER


def test_cut_switch_emits_program_scene_changed(raw_obs, record_property):
    assert raw_obs.request("GetCurrentSceneTransition")["transitionName"] == "Cut"
    latencies = []
    for i in range(20):
        target = SCENES[(i + 1) % len(SCENES)]
        raw_obs.clear_events()
        t0 = time.perf_counter()
        raw_obs.request("SetCurrentProgramScene", {"sceneName": target})
        ev = raw_obs.wait_event(
            "CurrentProgramSceneChanged", lambda d, t=target: d["sceneName"] == t, timeout=3
        )
        latencies.append(ev["_t"] - t0)
        assert raw_obs.request("GetCurrentProgramScene")["currentProgramSceneName"] == target
    p50_ms = statistics.median(latencies) * 1000
    record_property("cut_event_latency_p50_ms", round(p50_ms, 1))
    print(
        f"Cut -> CurrentProgramSceneChanged: p50 {p50_ms:.1f} ms, "
        f"min {min(latencies) * 1000:.1f}, max {max(latencies) * 1000:.1f} (n=20)"
    )
    assert p50_ms < 1000  # sanity only: a Cut is not a 300 ms Fade


def test_mic_mute_and_volume_round_trip(raw_obs):
    inputs = {i["inputName"]: i["inputKind"] for i in raw_obs.request("GetInputList")["inputs"]}
    assert inputs[MIC] == AUDIO_INPUT_KIND
    assert raw_obs.request("GetSpecialInputs")["mic1"] == MIC
    assert raw_obs.request("GetSpecialInputs")["desktop1"] == DESKTOP_AUDIO
    assert raw_obs.request("GetInputMute", {"inputName": MIC})["inputMuted"] is False
    for muted in (True, False):
        raw_obs.request("SetInputMute", {"inputName": MIC, "inputMuted": muted})
        ev = raw_obs.wait_event("InputMuteStateChanged", lambda d: d["inputName"] == MIC)
        assert ev["eventData"]["inputMuted"] is muted
        assert raw_obs.request("GetInputMute", {"inputName": MIC})["inputMuted"] is muted
    raw_obs.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -6.0})
    ev = raw_obs.wait_event("InputVolumeChanged", lambda d: d["inputName"] == MIC)
    assert ev["eventData"]["inputVolumeDb"] == pytest.approx(-6.0, abs=0.01)
    vol = raw_obs.request("GetInputVolume", {"inputName": MIC})
    assert vol["inputVolumeDb"] == pytest.approx(-6.0, abs=0.01)
    assert vol["inputVolumeMul"] == pytest.approx(0.501, abs=0.001)


def test_audio_request_on_color_source_fails_with_604(raw_obs):
    with pytest.raises(RawObsError) as err:
        raw_obs.request("GetInputMute", {"inputName": COLOR_SOURCE})
    assert err.value.code == 604  # InvalidResourceState: "does not support audio"
    with pytest.raises(RawObsError) as err:
        raw_obs.request("SetInputMute", {"inputName": COLOR_SOURCE, "inputMuted": True})
    assert err.value.code == 604
    with pytest.raises(RawObsError) as err:
        raw_obs.request("GetInputMute", {"inputName": "no such input"})
    assert err.value.code == 600  # ResourceNotFound


def test_reset_state_restores_known_state(real_obs):
    with RawObs(real_obs.url, real_obs.password, subscriptions=0) as ws:
        ws.request("SetStudioModeEnabled", {"studioModeEnabled": True})
        ws.request("SetCurrentSceneTransition", {"transitionName": "Fade"})
        ws.request("SetCurrentProgramScene", {"sceneName": SCENES[2]})
        ws.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
        ws.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -20.0})
    real_obs.reset_state()
    with RawObs(real_obs.url, real_obs.password, subscriptions=0) as ws:
        assert ws.request("GetStudioModeEnabled")["studioModeEnabled"] is False
        assert ws.request("GetCurrentSceneTransition")["transitionName"] == "Cut"
        # The program scene is whatever OBS last saved itself (a switch alone does not save).
        assert ws.request("GetCurrentProgramScene")["currentProgramSceneName"] in SCENES
        assert ws.request("GetInputMute", {"inputName": MIC})["inputMuted"] is False
        vol = ws.request("GetInputVolume", {"inputName": MIC})["inputVolumeDb"]
        assert vol == pytest.approx(0.0, abs=0.01)


def test_kill_then_restart(real_obs, raw_obs):
    old_pid = real_obs.pid
    assert old_pid is not None
    real_obs.kill()
    assert real_obs.pid is None
    with pytest.raises(RawObsError):  # the connected client notices the dead socket
        raw_obs.request("GetVersion", timeout=2)
    deadline = time.monotonic() + 2  # its reader thread marks it closed a moment later
    while not raw_obs.closed and time.monotonic() < deadline:
        time.sleep(0.01)
    assert raw_obs.closed
    with pytest.raises(OSError):  # ConnectionRefusedError: nobody listens any more
        RawObs(real_obs.url, real_obs.password, timeout=2)
    t0 = time.perf_counter()
    real_obs.restart()
    print(f"restart after SIGKILL: ready in {time.perf_counter() - t0:.2f} s")
    assert real_obs.pid not in (None, old_pid)
    with RawObs(real_obs.url, real_obs.password, subscriptions=Scenes) as ws:
        names = [s["sceneName"] for s in ws.request("GetSceneList")["scenes"]]
        assert names == SCENES_SCENE_LIST_ORDER
        # The program scene is whatever OBS last saved itself (a switch alone does not save).
        assert ws.request("GetCurrentProgramScene")["currentProgramSceneName"] in SCENES
        assert ws.request("GetInputMute", {"inputName": MIC})["inputMuted"] is False
