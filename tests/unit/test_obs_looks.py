"""The OBS part of a preset (console/devices/obs/looks.py) against the fake OBS: what each
function changes in OBS, in which order, and what the read-backs return. The same functions
run against a real OBS in tests/integration/test_looks_real_obs.py."""

import functools

import pytest

from console.core.presets import CameraChoice, MicSetting
from console.devices.obs import looks
from console.devices.obs.client import CONNECTED, ObsAddress, ObsClient
from console.devices.obs.session import ObsRequestError
from tests.helpers.console import FAKE_PASSWORD
from tests.helpers.obs_looks import Events, looks_session

CLOSE_UP = "主播近景 Host close-up"  # the fake shows CAMERA here and hides OVERHEAD
CAMERA, OVERHEAD, OVERLAY = "摄像头 Camera", "俯拍 Overhead camera", "价格贴片 Price overlay"
MIC = "麦克风 Mic"


@pytest.fixture
def events():
    return Events()


@pytest.fixture
def session(fake, events):
    with looks_session("127.0.0.1", fake.port, FAKE_PASSWORD, events) as s:
        yield s


def shown(fake, scene):
    return dict(fake.state()["scene_items"][scene])


def add_phone_camera(session, scene):
    """A phone streaming in through a color source: a camera only if the rig says so."""
    session.request(
        "CreateInput",
        {"sceneName": scene, "inputName": "手机 Phone", "inputKind": "color_source_v3"},
    )


# ---- scene and camera ------------------------------------------------------------------------
def test_apply_scene_and_read_it_back(fake, session):
    looks.apply_scene(session, "全景 Wide")
    assert fake.state()["program"] == "全景 Wide"
    assert looks.read_program_scene(session) == "全景 Wide"
    with pytest.raises(ObsRequestError) as e:
        looks.apply_scene(session, "后台 Backstage")
    assert (e.value.request_type, e.value.code) == ("SetCurrentProgramScene", 600)


def test_apply_camera_shows_the_chosen_one_before_hiding_the_others(fake, session, events):
    looks.apply_camera(session, CameraChoice(CLOSE_UP, OVERHEAD), ())
    assert shown(fake, CLOSE_UP) == {CAMERA: False, OVERHEAD: True, OVERLAY: True}
    changes = events.wait("SceneItemEnableStateChanged", 2)
    assert [c["sceneItemEnabled"] for c in changes] == [True, False]  # never no camera
    assert {c["sceneName"] for c in changes} == {CLOSE_UP}


def test_apply_camera_hides_sources_the_rig_calls_cameras(fake, session):
    add_phone_camera(session, CLOSE_UP)
    looks.apply_camera(session, CameraChoice(CLOSE_UP, CAMERA), ())
    assert shown(fake, CLOSE_UP)["手机 Phone"] is True  # a color source is no camera by kind
    rig = {CAMERA, OVERHEAD, "手机 Phone"}
    looks.apply_camera(session, CameraChoice(CLOSE_UP, CAMERA), rig)
    assert shown(fake, CLOSE_UP) == {
        CAMERA: True,
        OVERHEAD: False,
        OVERLAY: True,
        "手机 Phone": False,
    }
    looks.apply_camera(session, CameraChoice(CLOSE_UP, "手机 Phone"), rig)
    assert shown(fake, CLOSE_UP) == {
        CAMERA: False,
        OVERHEAD: False,
        OVERLAY: True,
        "手机 Phone": True,
    }


def test_a_capture_source_the_rig_does_not_list_is_no_camera(fake, session):
    """The rig names its cameras: a capture card showing the comments (a v4l2 input, like the
    cameras) stays on screen when a preset picks the camera."""
    fake.set_scene_item_enabled(CLOSE_UP, OVERHEAD, True)  # OVERHEAD: the comments, say
    looks.apply_camera(session, CameraChoice(CLOSE_UP, CAMERA), {CAMERA})
    assert shown(fake, CLOSE_UP) == {CAMERA: True, OVERHEAD: True, OVERLAY: True}
    assert looks.read_camera(session, CLOSE_UP, {CAMERA}) == CameraChoice(CLOSE_UP, CAMERA)
    looks.apply_camera(session, CameraChoice(CLOSE_UP, CAMERA), ())  # no list: kinds decide
    assert shown(fake, CLOSE_UP) == {CAMERA: True, OVERHEAD: False, OVERLAY: True}


def test_apply_camera_sends_nothing_for_items_already_right(fake, session):
    looks.apply_camera(session, CameraChoice(CLOSE_UP, CAMERA), ())
    assert fake.requests_seen.count("SetSceneItemEnabled") == 0
    looks.apply_camera(session, CameraChoice(CLOSE_UP, OVERHEAD), ())
    assert fake.requests_seen.count("SetSceneItemEnabled") == 2


def test_apply_camera_shows_the_top_most_item_of_a_source_placed_twice(fake, session):
    session.request(
        "CreateSceneItem",
        {"sceneName": CLOSE_UP, "sourceName": OVERHEAD, "sceneItemEnabled": False},
    )
    looks.apply_camera(session, CameraChoice(CLOSE_UP, OVERHEAD), ())
    items = fake.state()["scene_items"][CLOSE_UP]
    assert [i for i in items if i[0] == OVERHEAD] == [(OVERHEAD, False), (OVERHEAD, True)]
    assert looks.read_camera(session, CLOSE_UP, ()) == CameraChoice(CLOSE_UP, OVERHEAD)


def test_camera_not_in_the_scene_changes_nothing(fake, session):
    before = fake.state()["scene_items"]
    with pytest.raises(ObsRequestError) as e:
        looks.apply_camera(session, CameraChoice("全景 Wide", OVERHEAD), ())
    assert (e.value.request_type, e.value.code, e.value.comment) == (
        "GetSceneItemList",
        600,
        "camera_not_in_scene",
    )
    with pytest.raises(ObsRequestError) as e:
        looks.apply_camera(session, CameraChoice("后台 Backstage", CAMERA), ())
    assert (e.value.request_type, e.value.code) == ("GetSceneItemList", 600)
    assert fake.state()["scene_items"] == before


def test_read_camera_is_the_top_most_shown_camera(fake, session):
    assert looks.read_camera(session, CLOSE_UP, ()) == CameraChoice(CLOSE_UP, CAMERA)
    fake.set_scene_item_enabled(CLOSE_UP, OVERHEAD, True)  # both shown: OVERHEAD is on top
    assert looks.read_camera(session, CLOSE_UP, ()) == CameraChoice(CLOSE_UP, OVERHEAD)
    fake.set_scene_item_enabled(CLOSE_UP, OVERHEAD, False)
    fake.set_scene_item_enabled(CLOSE_UP, CAMERA, False)
    assert looks.read_camera(session, CLOSE_UP, ()) is None
    assert looks.read_camera(session, "休息 Break", ()) is None  # music, no camera


def test_read_camera_counts_the_rigs_camera_sources(session):
    add_phone_camera(session, "全景 Wide")  # on top of the shown CAMERA
    assert looks.read_camera(session, "全景 Wide", ()) == CameraChoice("全景 Wide", CAMERA)
    choice = looks.read_camera(session, "全景 Wide", ["手机 Phone"])
    assert choice == CameraChoice("全景 Wide", "手机 Phone")


@pytest.mark.parametrize("source", [CAMERA, OVERHEAD])
def test_camera_read_back_is_what_was_applied(session, source):
    choice = CameraChoice("商品特写 Product close-up", source)
    looks.apply_camera(session, choice, ())
    assert looks.read_camera(session, choice.scene, ()) == choice


@pytest.mark.parametrize(
    ("kind", "camera"),
    [
        ("v4l2_input", True),
        ("dshow_input", True),
        ("av_capture_input_v2", True),  # versioned kinds count by their family
        ("macos-avcapture", True),
        ("decklink-input", True),
        ("color_source_v3", False),
        ("text_ft2_source_v2", False),
        (None, False),  # a scene in a scene
    ],
)
def test_camera_kinds(kind, camera):
    assert looks.is_camera({"sourceName": "x", "inputKind": kind}, ()) is camera
    assert looks.is_camera({"sourceName": "x", "inputKind": kind}, ("x",)) is True
    # a rig that lists its cameras: only those count, whatever the kind
    assert looks.is_camera({"sourceName": "x", "inputKind": kind}, ("y",)) is False


# ---- mic ---------------------------------------------------------------------------------------
def test_read_mic_reads_mute_volume_and_every_filter(fake, session):
    fake.set_input_volume_db(MIC, -6.04)
    assert looks.read_mic(session, MIC) == MicSetting(
        MIC, muted=False, volume_db=-6.0, filters=(("Noise Suppression", True), ("Gain", False))
    )


def test_read_mic_keeps_the_volume_in_the_range_a_preset_allows(session):
    session.request("SetInputVolume", {"inputName": MIC, "inputVolumeMul": 1e-6})  # -120 dB
    assert looks.read_mic(session, MIC).volume_db == -100.0
    session.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -0.04})
    volume = looks.read_mic(session, MIC).volume_db
    assert volume == 0.0 and str(volume) == "0.0"


def test_apply_mic_sets_what_the_setting_holds_and_leaves_the_rest(fake, session, events):
    looks.apply_mic(session, MicSetting(MIC, volume_db=-12.5, filters=(("Gain", True),)))
    assert fake.state()["inputs"][MIC] == {"muted": False, "volume_db": pytest.approx(-12.5)}
    assert fake.state()["filters"][MIC] == {"Noise Suppression": True, "Gain": True}
    assert events.wait("SourceFilterEnableStateChanged", 1)[0] == {
        "sourceName": MIC,
        "filterName": "Gain",
        "filterEnabled": True,
    }
    assert "SetInputMute" not in fake.requests_seen


def test_mic_read_back_is_what_was_applied(session):
    setting = MicSetting(MIC, True, -20.0, (("Noise Suppression", False), ("Gain", True)))
    looks.apply_mic(session, setting)
    assert looks.read_mic(session, MIC) == setting


def sets(fake):
    return [r for r in fake.requests_seen if r.startswith("Set")]


def test_a_mute_goes_first(fake, session):
    looks.apply_mic(session, MicSetting(MIC, True, -3.0, (("Gain", True),)))
    assert sets(fake) == ["SetInputMute", "SetInputVolume", "SetSourceFilterEnabled"]
    assert fake.state()["inputs"][MIC]["muted"] is True


def test_an_unmute_goes_last(fake, session):
    fake.set_input_mute(MIC, True)
    looks.apply_mic(session, MicSetting(MIC, False, -3.0, (("Gain", True),)))
    assert sets(fake) == ["SetInputVolume", "SetSourceFilterEnabled", "SetInputMute"]
    assert fake.state()["inputs"][MIC]["muted"] is False


def test_a_missing_filter_is_skipped_and_the_unmute_still_goes(fake, session):
    """A filter renamed or deleted in OBS: the mic's other settings, its unmute above all,
    are still applied, and the failure names the missing filters."""
    fake.set_input_mute(MIC, True)
    setting = MicSetting(
        MIC, False, -3.0, (("No such filter", True), ("Gain", True), ("旧 Old", False))
    )
    with pytest.raises(ObsRequestError) as e:
        looks.apply_mic(session, setting)
    assert (e.value.request_type, e.value.code, e.value.comment) == (
        "SetSourceFilterEnabled",
        600,
        "filter_missing:No such filter, 旧 Old",
    )
    assert e.value.comment.startswith(looks.FILTER_MISSING + ":")
    assert fake.state()["inputs"][MIC] == {"muted": False, "volume_db": pytest.approx(-3.0)}
    assert fake.state()["filters"][MIC]["Gain"] is True
    assert sets(fake)[-1] == "SetInputMute"  # the unmute still goes last


def test_a_missing_input_stops_at_once(fake, session):
    gone = MicSetting("无 Gone", muted=False, filters=(("Gain", True), ("Noise Suppression", True)))
    with pytest.raises(ObsRequestError) as e:
        looks.apply_mic(session, gone)
    assert (e.value.request_type, e.value.code) == ("SetSourceFilterEnabled", 600)
    assert not e.value.comment.startswith(looks.FILTER_MISSING)
    assert sets(fake) == ["SetSourceFilterEnabled"]  # nothing more tried
    with pytest.raises(ObsRequestError) as e:
        looks.read_mic(session, CAMERA)
    assert e.value.code == 604  # a camera has no audio


def test_mic_inputs_are_obs_mic_channels(session):
    assert looks.mic_inputs(session) == [MIC]


# ---- through ObsClient.call, as the preset service runs them -----------------------------------
def test_looks_run_inside_call(qtbot, fake):
    client = ObsClient(ObsAddress("127.0.0.1", fake.port, FAKE_PASSWORD))
    try:
        with qtbot.waitSignal(client.synced, timeout=5000):
            client.start()
        qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=2000)
        choice = CameraChoice(CLOSE_UP, OVERHEAD)
        client.call(functools.partial(looks.apply_camera, choice=choice, camera_sources=())).result(
            2
        )
        read = functools.partial(looks.read_camera, scene=CLOSE_UP, camera_sources=())
        assert client.call(read).result(timeout=2) == choice
        assert client.call(looks.mic_inputs).result(timeout=2) == [MIC]
    finally:
        client.stop()
