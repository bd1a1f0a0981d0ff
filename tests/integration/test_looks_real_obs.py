"""The OBS part of a preset (console/devices/obs/looks.py) against a real OBS 29.0.2 /
obs-websocket 5.1.0: color sources stand in for cameras, and the mic gets OBS's own noise
suppression and gain filters. Also checks that the fake OBS answers the same requests the same
way, that reset_state() removes what a test added, and prints (pytest -s) the p50 latency of
apply_camera and apply_mic."""

import functools
import statistics
import time

import pytest

from console.core.presets import CameraChoice, MicSetting
from console.devices.obs import looks
from console.devices.obs.client import CONNECTED, ObsAddress, ObsClient
from console.devices.obs.session import ObsRequestError, ObsSession
from tests.helpers.console import FAKE_PASSWORD
from tests.helpers.obs_looks import Events, looks_session
from tests.helpers.raw_obs import Filters, RawObs, RawObsError, SceneItems
from tests.helpers.real_obs import CAMERAS, COLOR_SOURCE, MIC, SCENES

SCENE = SCENES[1]
MAIN, SECOND = CAMERAS[SCENE], "俯拍 Cam B"  # SECOND is added, hidden, on top of MAIN
CAMERA_SOURCES = (MAIN, SECOND)  # color sources are cameras only because the rig says so
NOISE, GAIN = "Noise Suppression", "Gain"
RUNS = 50


@pytest.fixture
def events():
    return Events()


@pytest.fixture
def rig(real_obs):
    """A second stand-in camera in SCENE and the two filters a host's mic usually has."""
    with RawObs(real_obs.url, real_obs.password, subscriptions=0) as raw:
        raw.request(
            "CreateInput",
            {
                "sceneName": SCENE,
                "inputName": SECOND,
                "inputKind": "color_source_v3",
                "inputSettings": {"color": 0xFF2020C0, "width": 640, "height": 360},
                "sceneItemEnabled": False,
            },
        )
        add_filter = {"sourceName": MIC, "filterName": NOISE}
        raw.request("CreateSourceFilter", {**add_filter, "filterKind": "noise_suppress_filter_v2"})
        add_filter = {"sourceName": MIC, "filterName": GAIN, "filterKind": "gain_filter"}
        raw.request("CreateSourceFilter", {**add_filter, "filterSettings": {"db": 6.0}})
    return real_obs


@pytest.fixture
def session(rig, events):
    with looks_session(rig.host, rig.port, rig.password, events) as s:
        yield s


def shown(session, scene):
    items = session.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]
    return {i["sourceName"]: i["sceneItemEnabled"] for i in items}


# ---- camera ------------------------------------------------------------------------------------
def test_apply_camera_shows_the_chosen_one_before_hiding_the_other(session, events):
    looks.apply_camera(session, CameraChoice(SCENE, SECOND), CAMERA_SOURCES)
    assert shown(session, SCENE) == {MAIN: False, SECOND: True}
    changes = events.wait("SceneItemEnableStateChanged", 2)
    assert [c["sceneItemEnabled"] for c in changes] == [True, False]
    assert looks.read_camera(session, SCENE, CAMERA_SOURCES) == CameraChoice(SCENE, SECOND)
    looks.apply_camera(session, CameraChoice(SCENE, MAIN), CAMERA_SOURCES)
    assert shown(session, SCENE) == {MAIN: True, SECOND: False}
    assert looks.read_camera(session, SCENE, CAMERA_SOURCES) == CameraChoice(SCENE, MAIN)


def test_camera_not_in_the_scene_is_refused(session):
    with pytest.raises(ObsRequestError) as e:
        looks.apply_camera(session, CameraChoice(SCENES[2], SECOND), CAMERA_SOURCES)
    assert (e.value.code, e.value.comment) == (600, "camera_not_in_scene")
    with pytest.raises(ObsRequestError) as e:
        looks.apply_camera(session, CameraChoice("后台 Backstage", MAIN), CAMERA_SOURCES)
    assert (e.value.request_type, e.value.code) == ("GetSceneItemList", 600)
    assert shown(session, SCENE) == {MAIN: True, SECOND: False}


def test_read_camera_counts_color_sources_only_when_the_rig_names_them(session):
    opening = CAMERAS[SCENES[0]]  # under the shown Logo, also a color source
    assert looks.read_camera(session, SCENES[0], ()) is None
    assert looks.read_camera(session, SCENES[0], [opening]) == CameraChoice(SCENES[0], opening)
    both = [opening, COLOR_SOURCE]
    assert looks.read_camera(session, SCENES[0], both) == CameraChoice(SCENES[0], COLOR_SOURCE)


# ---- scene and mic -----------------------------------------------------------------------------
def test_scene_and_mic_inputs(session):
    assert looks.read_program_scene(session) == SCENES[0]
    looks.apply_scene(session, SCENES[2])  # transition Cut after reset_state()
    assert looks.read_program_scene(session) == SCENES[2]
    assert looks.mic_inputs(session) == [MIC]


def test_mic_read_back_is_what_was_applied(session, events):
    assert looks.read_mic(session, MIC) == MicSetting(
        MIC, False, 0.0, ((NOISE, True), (GAIN, True))
    )
    setting = MicSetting(MIC, True, -12.3, ((NOISE, False), (GAIN, False)))
    looks.apply_mic(session, setting)
    assert looks.read_mic(session, MIC) == setting
    changed = events.wait("SourceFilterEnableStateChanged", 2)
    assert changed[0] == {"sourceName": MIC, "filterName": NOISE, "filterEnabled": False}
    with pytest.raises(ObsRequestError) as e:
        looks.read_mic(session, COLOR_SOURCE)
    assert e.value.code == 604  # no audio


def test_a_missing_filter_still_lets_the_unmute_through(session):
    """A filter renamed in OBS since the preset was made: the host is not left muted on air,
    the other filter is still set, and the failure names the missing one."""
    session.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
    setting = MicSetting(MIC, False, -6.0, (("旧名 Old name", False), (GAIN, False)))
    with pytest.raises(ObsRequestError) as e:
        looks.apply_mic(session, setting)
    assert (e.value.request_type, e.value.code, e.value.comment) == (
        "SetSourceFilterEnabled",
        600,
        "filter_missing:旧名 Old name",
    )
    assert looks.read_mic(session, MIC) == MicSetting(
        MIC, False, -6.0, ((NOISE, True), (GAIN, False))
    )


def test_read_mic_keeps_the_volume_in_the_range_a_preset_allows(session):
    session.request("SetInputVolume", {"inputName": MIC, "inputVolumeMul": 1e-6})  # -120 dB
    assert looks.read_mic(session, MIC).volume_db == -100.0


# ---- the fake answers like this OBS ------------------------------------------------------------
BAD_REQUESTS = [
    ("GetSceneItemList", {"sceneName": "后台 Backstage"}),
    ("GetSceneItemList", {"sceneName": MIC}),
    ("GetSceneItemEnabled", {"sceneName": SCENE, "sceneItemId": 99}),
    ("GetSceneItemEnabled", {"sceneName": SCENE, "sceneItemId": -1}),
    ("SetSceneItemEnabled", {"sceneName": SCENE, "sceneItemId": 1}),
    ("SetSceneItemEnabled", {"sceneName": SCENE, "sceneItemId": 1, "sceneItemEnabled": "yes"}),
    ("GetSceneItemId", {"sceneName": SCENE, "sourceName": "无 None"}),
    ("GetSceneItemId", {"sceneName": SCENE, "sourceName": MIC, "searchOffset": -2}),
    ("CreateSceneItem", {"sceneName": SCENE, "sourceName": SCENE}),
    ("CreateSceneItem", {"sceneName": SCENE, "sourceName": "无 None"}),
    ("GetSourceFilterList", {"sourceName": "无 None"}),
    ("SetSourceFilterEnabled", {"sourceName": MIC, "filterName": "无 None", "filterEnabled": True}),
    ("SetSourceFilterEnabled", {"sourceName": MIC, "filterName": GAIN}),
    ("CreateSourceFilter", {"sourceName": MIC, "filterName": GAIN, "filterKind": "gain_filter"}),
    ("CreateSourceFilter", {"sourceName": MIC, "filterName": "X", "filterKind": "nope_filter"}),
    (
        "CreateSourceFilter",
        {"sourceName": MIC, "filterName": "X", "filterKind": "gain_filter", "filterSettings": 3},
    ),
    ("RemoveSourceFilter", {"sourceName": MIC, "filterName": "无 None"}),
]


def refusal(ws, request_type, data):
    try:
        ws.request(request_type, data)
    except RawObsError as e:
        return e.code, e.comment
    return None


def answers(url, password):
    """What OBS answers to the bad requests, and the fields of the good ones and their events."""
    with RawObs(url, password, subscriptions=SceneItems | Filters) as ws:
        refusals = [refusal(ws, *request) for request in BAD_REQUESTS]
        item = ws.request("GetSceneItemList", {"sceneName": SCENE})["sceneItems"][0]
        filters = ws.request("GetSourceFilterList", {"sourceName": MIC})["filters"]
        where = {"sceneName": SCENE, "sceneItemId": item["sceneItemId"]}
        ws.request(
            "SetSceneItemEnabled", {**where, "sceneItemEnabled": not item["sceneItemEnabled"]}
        )
        ws.request(
            "SetSourceFilterEnabled", {"sourceName": MIC, "filterName": GAIN, "filterEnabled": True}
        )
        item_event = ws.wait_event("SceneItemEnableStateChanged")
        filter_event = ws.wait_event("SourceFilterEnableStateChanged")
        return {
            "refusals": refusals,
            "item": sorted(item),
            "transform": sorted(item["sceneItemTransform"]),
            "filter": sorted(filters[0]),
            "item_event": (item_event["eventIntent"], sorted(item_event["eventData"])),
            "filter_event": (filter_event["eventIntent"], sorted(filter_event["eventData"])),
        }


def test_the_fake_answers_like_real_obs(rig, fake):
    real = answers(rig.url, rig.password)
    assert all(real["refusals"]), "every bad request must be refused by the real OBS"
    assert answers(fake.url, FAKE_PASSWORD) == real


# ---- the reset between tests ---------------------------------------------------------------------
def test_reset_removes_added_filters_and_items(rig, session):
    looks.apply_camera(session, CameraChoice(SCENE, SECOND), CAMERA_SOURCES)
    session.request("CreateSceneItem", {"sceneName": SCENES[2], "sourceName": COLOR_SOURCE})
    session.request(
        "CreateSourceFilter",
        {"sourceName": SCENES[3], "filterName": "Warm", "filterKind": "color_filter_v2"},
    )
    rig.reset_state()
    with RawObs(rig.url, rig.password, subscriptions=0) as ws:
        for source in (MIC, SCENES[3]):
            assert ws.request("GetSourceFilterList", {"sourceName": source})["filters"] == []
        for scene in SCENES[1:3]:
            items = ws.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]
            assert [(i["sourceName"], i["sceneItemEnabled"]) for i in items] == [
                (CAMERAS[scene], True)
            ]


# ---- latency -----------------------------------------------------------------------------------
def p50_ms(run) -> float:
    took = []
    for n in range(RUNS):
        t0 = time.perf_counter()
        run(n)
        took.append((time.perf_counter() - t0) * 1000)
    return statistics.median(took)


def test_recall_latency(qtbot, rig):
    """Every run changes something (the two looks alternate), so none is a no-op."""
    cams = [CameraChoice(SCENE, SECOND), CameraChoice(SCENE, MAIN)]
    mics = [
        MicSetting(MIC, True, -12.0, ((NOISE, False), (GAIN, True))),
        MicSetting(MIC, False, 0.0, ((NOISE, True), (GAIN, False))),
    ]
    client = ObsClient(ObsAddress(rig.host, rig.port, rig.password))
    direct = ObsSession(rig.host, rig.port, rig.password)  # the client's subscriptions
    try:
        client.start()
        qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=10000)
        direct.open()

        def camera(n):
            return functools.partial(
                looks.apply_camera, choice=cams[n % 2], camera_sources=CAMERA_SOURCES
            )

        def mic(n):
            return functools.partial(looks.apply_mic, mic=mics[n % 2])

        camera_call = p50_ms(lambda n: client.call(camera(n)).result(timeout=3))
        mic_call = p50_ms(lambda n: client.call(mic(n)).result(timeout=3))
        camera_session = p50_ms(lambda n: camera(n)(direct))
        mic_session = p50_ms(lambda n: mic(n)(direct))
        assert looks.read_camera(direct, SCENE, CAMERA_SOURCES) == cams[(RUNS - 1) % 2]
        assert looks.read_mic(direct, MIC) == mics[(RUNS - 1) % 2]
    finally:
        direct.close()
        client.stop()
    print(
        f"\n[perf] real OBS, p50 of {RUNS}: apply_camera {camera_call:.2f} ms through "
        f"ObsClient.call ({camera_session:.2f} ms on a session), apply_mic {mic_call:.2f} ms "
        f"({mic_session:.2f} ms)"
    )
