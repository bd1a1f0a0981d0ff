"""The fake obs-websocket server, seen through a raw websocket-client connection.

Every assertion is about something a real client would notice on the wire. The expected
values were checked against a real OBS 29.0.2 / obs-websocket 5.1.0.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import threading
import time

import pytest
import websocket

from console.devices.obs.fake_server import FakeObsServer

PASSWORD = "弹幕-secret"
ALL = 2047  # obs-websocket 5.1's EventSubscription::All, Ui (1 << 10) included
SCENES, INPUTS, FILTERS, OUTPUTS, SCENE_ITEMS, UI = 1 << 2, 1 << 3, 1 << 5, 1 << 6, 1 << 7, 1 << 10
METERS = 1 << 16
UI_ORDER = [
    "开场 Opening",
    "主播近景 Host close-up",
    "商品特写 Product close-up",
    "全景 Wide",
    "福利时间 Giveaway",
    "休息 Break",
]
MIC, CAMERA, OVERHEAD = "麦克风 Mic", "摄像头 Camera", "俯拍 Overhead camera"
CLOSE_UP = "主播近景 Host close-up"


class Closed(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(code, reason)
        self.code, self.reason = code, reason


def auth_string(password: str, salt: str, challenge: str) -> str:
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest()).decode()
    return base64.b64encode(hashlib.sha256((secret + challenge).encode()).digest()).decode()


class Client:
    """A bare obs-websocket client: every message is read in the test's own thread."""

    def __init__(
        self,
        url: str,
        password: str | None = PASSWORD,
        subscriptions: int | None = None,
        identify: bool = True,
    ) -> None:
        self.ws = websocket.create_connection(url, timeout=2, subprotocols=["obswebsocket.json"])
        self.events: list[tuple[float, dict]] = []
        self._ids = itertools.count(1)
        self.hello = self.recv() if identify else None
        if identify:
            self.identify(password, subscriptions)

    def identify(self, password: str | None, subscriptions: int | None = None, rpc: int = 1):
        data: dict = {"rpcVersion": rpc}
        auth = self.hello["d"].get("authentication")
        if auth:
            data["authentication"] = auth_string(password or "", auth["salt"], auth["challenge"])
        if subscriptions is not None:
            data["eventSubscriptions"] = subscriptions
        self.send(1, data)
        reply = self.recv()
        assert reply == {"op": 2, "d": {"negotiatedRpcVersion": 1}}

    def send(self, op: int, data: dict) -> None:
        self.ws.send(json.dumps({"op": op, "d": data}))

    def recv(self, timeout: float = 2.0) -> dict:
        self.ws.settimeout(timeout)
        opcode, payload = self.ws.recv_data(control_frame=True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            raise Closed(int.from_bytes(payload[:2], "big"), payload[2:].decode())
        return json.loads(payload)

    def close_reason(self) -> tuple[int, str]:
        with pytest.raises(Closed) as closed:
            while True:
                self.recv()
        return closed.value.code, closed.value.reason

    def request(self, request_type: str, data: dict | None = None, timeout: float = 2.0) -> dict:
        """Send a request and return its RequestResponse `d`, keeping events seen meanwhile."""
        request_id = f"r{next(self._ids)}"
        body = {"requestType": request_type, "requestId": request_id}
        if data is not None:
            body["requestData"] = data
        self.send(6, body)
        deadline = time.monotonic() + timeout
        while True:
            message = self.recv(max(deadline - time.monotonic(), 0.001))
            if message["op"] == 7 and message["d"]["requestId"] == request_id:
                return message["d"]
            if message["op"] == 5:
                self.events.append((time.monotonic(), message["d"]))

    def ok(self, request_type: str, data: dict | None = None) -> dict:
        response = self.request(request_type, data)
        assert response["requestStatus"] == {"result": True, "code": 100}, response
        return response.get("responseData", {})

    def event(self, event_type: str, timeout: float = 2.0) -> tuple[float, dict]:
        """The first (arrival time, event `d`) of that type, buffered or arriving."""
        deadline = time.monotonic() + timeout
        while True:
            for seen in self.events:
                if seen[1]["eventType"] == event_type:
                    self.events.remove(seen)
                    return seen
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(event_type)
            try:
                message = self.recv(remaining)
            except websocket.WebSocketTimeoutException:
                continue
            if message["op"] == 5:
                self.events.append((time.monotonic(), message["d"]))

    def event_types(self, within: float) -> list[str]:
        """Every event type arriving in the next `within` seconds (and any buffered)."""
        deadline = time.monotonic() + within
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                message = self.recv(remaining)
            except websocket.WebSocketTimeoutException:
                break
            if message["op"] == 5:
                self.events.append((time.monotonic(), message["d"]))
        types = [d["eventType"] for _, d in self.events]
        self.events.clear()
        return types

    def close(self) -> None:
        try:
            self.ws.close(timeout=1)
        except Exception:  # the server may already have dropped the socket
            pass
        self.ws.shutdown()


@pytest.fixture
def server():
    srv = FakeObsServer(password=PASSWORD)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def connect(server):
    clients: list[Client] = []

    def make(**kwargs) -> Client:
        clients.append(Client(server.url, **kwargs))
        return clients[-1]

    yield make
    for client in clients:  # before server.stop(), which would wait for unanswered closes
        client.close()


def raw_connection(server: FakeObsServer) -> websocket.WebSocket:
    return websocket.create_connection(server.url, timeout=2)


# ---- handshake -------------------------------------------------------------------------------
def test_hello_offers_auth_and_the_right_password_identifies(connect):
    client = connect()
    hello = client.hello["d"]
    assert client.hello["op"] == 0
    assert hello["obsWebSocketVersion"] == "5.1.0" and hello["rpcVersion"] == 1
    assert set(hello["authentication"]) == {"challenge", "salt"}
    assert client.ok("GetVersion")["obsVersion"] == "29.0.2"


def test_no_password_means_no_authentication_in_hello():
    srv = FakeObsServer()
    srv.start()
    try:
        client = Client(srv.url, password=None)
        assert "authentication" not in client.hello["d"]
        client.ok("GetVersion")
        client.close()
    finally:
        srv.stop()


def test_wrong_password_is_closed_with_4009(connect):
    client = connect(identify=False)
    client.hello = client.recv()
    auth = client.hello["d"]["authentication"]
    client.send(
        1,
        {"rpcVersion": 1, "authentication": auth_string("wrong", auth["salt"], auth["challenge"])},
    )
    assert client.close_reason() == (4009, "Authentication failed.")


def test_request_before_identify_is_closed_with_4007(connect):
    client = connect(identify=False)
    client.recv()  # Hello
    client.send(6, {"requestType": "GetVersion", "requestId": "1"})
    assert client.close_reason()[0] == 4007


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", 4002),
        (b"\x81\x00", 4002),  # binary frame on the JSON subprotocol
        (json.dumps({"d": {}}), 4006),  # no op
        (json.dumps({"op": 1}), 4003),  # no d
        (json.dumps({"op": 99, "d": {}}), 4006),
    ],
)
def test_malformed_messages_close_with_obs_codes(connect, raw, code):
    client = connect()
    if isinstance(raw, bytes):
        client.ws.send_binary(raw)
    else:
        client.ws.send(raw)
    assert client.close_reason()[0] == code


def test_unsupported_rpc_version_is_closed_with_4010(connect):
    client = connect(identify=False)
    client.hello = client.recv()
    with pytest.raises(Closed) as closed:
        client.identify(PASSWORD, rpc=2)
    assert closed.value.code == 4010


# ---- scenes and transitions ------------------------------------------------------------------
def test_scene_list_is_bottom_first_with_bottom_scene_index_zero(connect, server):
    scene_list = connect().ok("GetSceneList")
    assert scene_list["scenes"] == [
        {"sceneIndex": 5 - i, "sceneName": name} for i, name in reversed(list(enumerate(UI_ORDER)))
    ]
    assert scene_list["scenes"][0] == {"sceneIndex": 0, "sceneName": "休息 Break"}
    assert scene_list["currentProgramSceneName"] == "开场 Opening"
    assert scene_list["currentPreviewSceneName"] is None
    assert server.state()["scenes"] == UI_ORDER


def test_cut_switch_reports_the_scene_at_once(connect, server):
    client = connect(subscriptions=SCENES)
    client.ok("SetCurrentSceneTransition", {"transitionName": "Cut"})
    sent = time.monotonic()
    client.ok("SetCurrentProgramScene", {"sceneName": "全景 Wide"})
    arrived, event = client.event("CurrentProgramSceneChanged")
    assert event["eventData"] == {"sceneName": "全景 Wide"} and event["eventIntent"] == SCENES
    assert arrived - sent < 0.1
    assert server.state()["program"] == "全景 Wide"


def test_fade_switch_reports_the_scene_after_the_transition(connect):
    client = connect(subscriptions=SCENES)
    client.ok("SetCurrentSceneTransitionDuration", {"transitionDuration": 200})
    sent = time.monotonic()
    client.ok("SetCurrentProgramScene", {"sceneName": "福利时间 Giveaway"})
    # Like OBS, the request already reads back the new scene; the event waits for the fade.
    assert client.ok("GetCurrentProgramScene") == {"currentProgramSceneName": "福利时间 Giveaway"}
    arrived, event = client.event("CurrentProgramSceneChanged")
    assert event["eventData"] == {"sceneName": "福利时间 Giveaway"}
    assert 0.19 <= arrived - sent < 0.35


def test_unknown_scene_is_600_and_out_of_range_duration_is_402(connect):
    client = connect()
    status = client.request("SetCurrentProgramScene", {"sceneName": "后台 Backstage"})
    assert status["requestStatus"] == {
        "result": False,
        "code": 600,
        "comment": "No source was found by the name of `后台 Backstage`.",
    }
    status = client.request("SetCurrentSceneTransitionDuration", {"transitionDuration": 10})
    assert status["requestStatus"]["code"] == 402


def test_studio_mode_preview_and_transition_swap(connect, server):
    client = connect(subscriptions=SCENES | UI)
    assert client.request("GetCurrentPreviewScene")["requestStatus"]["code"] == 506
    client.ok("SetCurrentSceneTransition", {"transitionName": "Cut"})
    client.ok("SetStudioModeEnabled", {"studioModeEnabled": True})
    assert client.event("StudioModeStateChanged")[1]["eventIntent"] == UI
    client.ok("SetCurrentPreviewScene", {"sceneName": "全景 Wide"})
    client.ok("TriggerStudioModeTransition")
    assert client.event("CurrentProgramSceneChanged")[1]["eventData"]["sceneName"] == "全景 Wide"
    scenes = client.ok("GetSceneList")
    assert (scenes["currentProgramSceneName"], scenes["currentPreviewSceneName"]) == (
        "全景 Wide",
        "开场 Opening",
    )
    assert server.state()["studio"] is True


# ---- subscriptions -----------------------------------------------------------------------------
def test_events_only_reach_subscribed_categories(connect):
    scenes_only = connect(subscriptions=SCENES)
    everything = connect()  # Identify without eventSubscriptions means All
    scenes_only.ok("SetCurrentSceneTransition", {"transitionName": "Cut"})
    scenes_only.ok("SetCurrentProgramScene", {"sceneName": "全景 Wide"})
    scenes_only.ok("SetInputMute", {"inputName": MIC, "inputMuted": True})
    assert scenes_only.event_types(0.15) == ["CurrentProgramSceneChanged"]
    assert set(everything.event_types(0.05)) >= {
        "CurrentSceneTransitionChanged",
        "SceneTransitionStarted",
        "CurrentProgramSceneChanged",
        "InputMuteStateChanged",
    }


def test_default_subscription_is_all_including_ui(connect):
    default = connect()
    pre_ui = connect(subscriptions=1023)  # what obs-websocket-py 1.0 hard-codes
    default.ok("SetStudioModeEnabled", {"studioModeEnabled": True})
    assert default.event("StudioModeStateChanged")[1]["eventData"] == {"studioModeEnabled": True}
    assert "StudioModeStateChanged" not in pre_ui.event_types(0.05)


def test_meters_need_their_own_bit_and_follow_reidentify(connect):
    client = connect()  # All: no high-volume events
    assert "InputVolumeMeters" not in client.event_types(0.12)
    client.send(3, {"eventSubscriptions": ALL | METERS})
    assert client.recv() == {"op": 2, "d": {"negotiatedRpcVersion": 1}}
    peaks = []
    for _ in range(6):
        _, event = client.event("InputVolumeMeters", timeout=0.2)
        assert event["eventIntent"] == METERS
        levels = {i["inputName"]: i["inputLevelsMul"] for i in event["eventData"]["inputs"]}
        assert CAMERA not in levels and len(levels[MIC]) == 2
        assert all(len(channel) == 3 for channel in levels[MIC])
        peaks.append(20 * math.log10(levels[MIC][0][1]))
    assert max(peaks) - min(peaks) > 1.0  # the demo meter visibly moves
    assert -40.0 < max(peaks) < -5.0
    client.send(3, {"eventSubscriptions": ALL})
    client.event_types(0.05)  # drains the answer and meters already on their way
    assert "InputVolumeMeters" not in client.event_types(0.12)


def test_muted_input_meters_zero_after_the_fader(connect):
    client = connect(subscriptions=METERS)
    client.ok("SetInputMute", {"inputName": MIC, "inputMuted": True})
    client.event_types(0.06)
    _, event = client.event("InputVolumeMeters", timeout=0.2)
    mic = next(i for i in event["eventData"]["inputs"] if i["inputName"] == MIC)
    assert all(c[0] == 0 and c[1] == 0 and c[2] > 0 for c in mic["inputLevelsMul"])


# ---- inputs ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("request_type", "data"),
    [
        ("GetInputMute", {}),
        ("SetInputMute", {"inputMuted": True}),
        ("ToggleInputMute", {}),
        ("GetInputVolume", {}),
        ("SetInputVolume", {"inputVolumeDb": -6.0}),
    ],
)
def test_audio_requests_on_a_camera_are_604(connect, request_type, data):
    status = connect().request(request_type, {"inputName": CAMERA, **data})["requestStatus"]
    assert status == {
        "result": False,
        "code": 604,
        "comment": "The specified input does not support audio.",
    }


def test_volume_in_db_and_mul_like_libobs(connect, server):
    client = connect(subscriptions=INPUTS)
    client.ok("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -6.0})
    assert client.ok("GetInputVolume", {"inputName": MIC}) == {
        "inputVolumeDb": -6.0,
        "inputVolumeMul": pytest.approx(0.5011872, abs=1e-7),
    }
    client.ok("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -100})
    volume = client.ok("GetInputVolume", {"inputName": MIC})
    assert volume["inputVolumeDb"] == -100.0
    assert volume["inputVolumeMul"] == pytest.approx(1e-5)  # powf(10, -5), not silence
    assert client.event("InputVolumeChanged")[1]["eventData"]["inputVolumeDb"] == -6.0
    assert server.state()["inputs"][MIC] == {"muted": False, "volume_db": -100.0}
    status = client.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": 30})
    assert status["requestStatus"]["code"] == 402


def test_special_inputs_and_input_kinds(connect):
    client = connect()
    special = client.ok("GetSpecialInputs")
    assert (special["mic1"], special["desktop1"], special["mic2"]) == (
        MIC,
        "桌面音频 Desktop Audio",
        None,
    )
    kinds = {i["inputName"]: i["inputKind"] for i in client.ok("GetInputList")["inputs"]}
    assert kinds[MIC] == "pulse_input_capture" and kinds[CAMERA] == "v4l2_input"


# ---- scene items -------------------------------------------------------------------------------
def test_scene_items_are_listed_bottom_first_with_obs_fields(connect):
    items = connect().ok("GetSceneItemList", {"sceneName": CLOSE_UP})["sceneItems"]
    assert [(i["sourceName"], i["sceneItemIndex"], i["sceneItemEnabled"]) for i in items] == [
        (CAMERA, 0, True),
        (OVERHEAD, 1, False),
        ("价格贴片 Price overlay", 2, True),
    ]
    camera = items[0]
    assert set(camera) == {
        "inputKind",
        "isGroup",
        "sceneItemBlendMode",
        "sceneItemEnabled",
        "sceneItemId",
        "sceneItemIndex",
        "sceneItemLocked",
        "sceneItemTransform",
        "sourceName",
        "sourceType",
    }
    assert (camera["inputKind"], camera["isGroup"], camera["sourceType"]) == (
        "v4l2_input",
        None,
        "OBS_SOURCE_TYPE_INPUT",
    )
    assert camera["sceneItemTransform"]["sourceWidth"] > 0
    assert len({i["sceneItemId"] for i in items}) == 3


def test_a_scene_in_a_scene_is_an_item_without_input_kind(connect):
    client = connect()
    client.ok("CreateSceneItem", {"sceneName": CLOSE_UP, "sourceName": "全景 Wide"})
    nested = client.ok("GetSceneItemList", {"sceneName": CLOSE_UP})["sceneItems"][-1]
    assert (nested["inputKind"], nested["isGroup"], nested["sourceType"]) == (
        None,
        False,
        "OBS_SOURCE_TYPE_SCENE",
    )
    status = client.request("CreateSceneItem", {"sceneName": CLOSE_UP, "sourceName": CLOSE_UP})
    assert status["requestStatus"] == {
        "result": False,
        "code": 703,
        "comment": "You cannot create scene item of a scene within itself.",
    }


def test_scene_item_enabled_reports_only_changes(connect, server):
    client = connect(subscriptions=SCENE_ITEMS)
    overhead = client.ok("GetSceneItemId", {"sceneName": CLOSE_UP, "sourceName": OVERHEAD})
    where = {"sceneName": CLOSE_UP, **overhead}
    client.ok("SetSceneItemEnabled", {**where, "sceneItemEnabled": False})  # already hidden
    client.ok("SetSceneItemEnabled", {**where, "sceneItemEnabled": True})
    assert client.event_types(0.05) == ["SceneItemEnableStateChanged"]
    client.ok("SetSceneItemEnabled", {**where, "sceneItemEnabled": False})
    _, event = client.event("SceneItemEnableStateChanged")
    assert event["eventIntent"] == SCENE_ITEMS
    assert event["eventData"] == {**where, "sceneItemEnabled": False}
    assert client.ok("GetSceneItemEnabled", where) == {"sceneItemEnabled": False}
    assert dict(server.state()["scene_items"][CLOSE_UP])[OVERHEAD] is False


SHOW = {"sceneItemEnabled": True}


@pytest.mark.parametrize(
    ("data", "code", "comment"),
    [
        (
            {"sceneItemId": 99, **SHOW},
            600,
            f"No scene items were found in scene `{CLOSE_UP}` with the ID `99`.",
        ),
        (
            {"sceneItemId": -1, **SHOW},
            402,
            "The field value of `sceneItemId` is below the minimum of `0.000000`",
        ),
        ({"sceneItemId": "1", **SHOW}, 401, "The field value of `sceneItemId` must be a number."),
        ({"sceneItemId": 1}, 300, "Your request is missing the `sceneItemEnabled` field."),
        (
            {"sceneItemId": 1, "sceneItemEnabled": 1},
            401,
            "The field value of `sceneItemEnabled` must be boolean.",
        ),
        ({"sceneName": MIC, "sceneItemId": 1}, 602, "The specified source is not a scene."),
    ],
)
def test_scene_item_errors_are_obs_own(connect, data, code, comment):
    request = {"sceneName": CLOSE_UP, **data}
    status = connect().request("SetSceneItemEnabled", request)["requestStatus"]
    assert status == {"result": False, "code": code, "comment": comment}


def test_scene_item_id_searches_from_the_bottom_and_minus_one_is_the_top(connect):
    client = connect()
    added = client.ok("CreateSceneItem", {"sceneName": CLOSE_UP, "sourceName": CAMERA})
    find = {"sceneName": CLOSE_UP, "sourceName": CAMERA}
    bottom = client.ok("GetSceneItemId", find)
    assert client.ok("GetSceneItemId", {**find, "searchOffset": 1}) == added
    assert client.ok("GetSceneItemId", {**find, "searchOffset": -1}) == added
    assert bottom != added
    for data, code in (({"searchOffset": 2}, 600), ({"searchOffset": -2}, 402)):
        assert client.request("GetSceneItemId", {**find, **data})["requestStatus"]["code"] == code
    missing = client.request("GetSceneItemId", {**find, "sourceName": "后台 Backstage"})
    assert missing["requestStatus"]["comment"] == (
        "No scene items were found in the specified scene by that name or offset."
    )


def test_created_items_go_on_top_with_new_ids(connect):
    client = connect(subscriptions=SCENE_ITEMS)
    before = client.ok("GetSceneItemList", {"sceneName": CLOSE_UP})["sceneItems"]
    added = client.ok(
        "CreateSceneItem",
        {"sceneName": CLOSE_UP, "sourceName": OVERHEAD, "sceneItemEnabled": False},
    )
    assert added["sceneItemId"] not in {i["sceneItemId"] for i in before}
    _, created = client.event("SceneItemCreated")
    assert created["eventData"] == {
        "sceneName": CLOSE_UP,
        "sourceName": OVERHEAD,
        "sceneItemId": added["sceneItemId"],
        "sceneItemIndex": len(before),
    }
    assert client.event("SceneItemEnableStateChanged")[1]["eventData"]["sceneItemEnabled"] is False
    missing = client.request("CreateSceneItem", {"sceneName": CLOSE_UP, "sourceName": "无 None"})
    assert missing["requestStatus"]["code"] == 600


def test_create_input_creates_its_scene_item(connect):
    client = connect(subscriptions=INPUTS | SCENE_ITEMS)
    reply = client.ok(
        "CreateInput",
        {
            "sceneName": "全景 Wide",
            "inputName": "手机 Phone",
            "inputKind": "color_source_v3",
            "sceneItemEnabled": False,
        },
    )
    items = client.ok("GetSceneItemList", {"sceneName": "全景 Wide"})["sceneItems"]
    assert (items[-1]["sceneItemId"], items[-1]["sourceName"]) == (
        reply["sceneItemId"],
        "手机 Phone",
    )
    assert items[-1]["sceneItemEnabled"] is False
    assert client.event("InputCreated")[1]["eventData"]["unversionedInputKind"] == "color_source"
    assert client.event("SceneItemCreated")[1]["eventData"]["sourceName"] == "手机 Phone"


# ---- source filters ----------------------------------------------------------------------------
def test_the_mic_has_noise_suppression_and_gain(connect):
    filters = connect().ok("GetSourceFilterList", {"sourceName": MIC})["filters"]
    assert [(f["filterIndex"], f["filterName"], f["filterKind"]) for f in filters] == [
        (0, "Noise Suppression", "noise_suppress_filter_v2"),
        (1, "Gain", "gain_filter"),
    ]
    assert all(
        set(f) == {"filterEnabled", "filterIndex", "filterKind", "filterName", "filterSettings"}
        for f in filters
    )


def test_filter_enable_is_reported_even_when_unchanged(connect, server):
    client = connect(subscriptions=FILTERS)
    where = {"sourceName": MIC, "filterName": "Gain"}
    client.ok("SetSourceFilterEnabled", {**where, "filterEnabled": True})
    client.ok("SetSourceFilterEnabled", {**where, "filterEnabled": True})
    changes = [client.event("SourceFilterEnableStateChanged")[1] for _ in range(2)]
    assert [c["eventData"] for c in changes] == [{**where, "filterEnabled": True}] * 2
    assert changes[0]["eventIntent"] == FILTERS
    assert server.state()["filters"][MIC]["Gain"] is True


@pytest.mark.parametrize(
    ("data", "code", "comment"),
    [
        (
            {"filterName": "无 None"},
            600,
            f"No filter was found in the source `{MIC}` with the name `无 None`.",
        ),
        ({"sourceName": "无 None"}, 600, "No source was found by the name of `无 None`."),
        ({"filterEnabled": None}, 300, "Your request is missing the `filterEnabled` field."),
        (
            {"filterName": "无 None", "filterEnabled": "x"},
            600,
            f"No filter was found in the source `{MIC}` with the name `无 None`.",
        ),
    ],
)
def test_filter_errors_are_obs_own(connect, data, code, comment):
    request = {"sourceName": MIC, "filterName": "Gain", "filterEnabled": False, **data}
    status = connect().request("SetSourceFilterEnabled", request)["requestStatus"]
    assert status == {"result": False, "code": code, "comment": comment}


def test_create_and_remove_a_filter(connect):
    client = connect(subscriptions=FILTERS)
    scene = "全景 Wide"  # scenes have filters too
    client.ok(
        "CreateSourceFilter",
        {
            "sourceName": scene,
            "filterName": "Warm",
            "filterKind": "color_filter_v2",
            "filterSettings": {"gamma": 0.2},
        },
    )
    _, created = client.event("SourceFilterCreated")
    assert created["eventData"]["filterIndex"] == 0
    assert created["eventData"]["filterSettings"] == {"gamma": 0.2}
    assert created["eventData"]["defaultFilterSettings"]["opacity"] == 1.0
    listed = client.ok("GetSourceFilterList", {"sourceName": scene})["filters"]
    assert [(f["filterName"], f["filterEnabled"], f["filterSettings"]) for f in listed] == [
        ("Warm", True, {"gamma": 0.2})
    ]
    again = client.request(
        "CreateSourceFilter",
        {"sourceName": scene, "filterName": "Warm", "filterKind": "gain_filter"},
    )
    assert again["requestStatus"] == {
        "result": False,
        "code": 601,
        "comment": "A filter already exists by that name.",
    }
    unknown = client.request(
        "CreateSourceFilter", {"sourceName": scene, "filterName": "X", "filterKind": "nope_filter"}
    )
    assert unknown["requestStatus"]["code"] == 607
    client.ok("RemoveSourceFilter", {"sourceName": scene, "filterName": "Warm"})
    assert client.event("SourceFilterRemoved")[1]["eventData"] == {
        "sourceName": scene,
        "filterName": "Warm",
    }
    assert client.ok("GetSourceFilterList", {"sourceName": scene}) == {"filters": []}
    gone = client.request("RemoveSourceFilter", {"sourceName": scene, "filterName": "Warm"})
    assert gone["requestStatus"]["code"] == 600


def test_item_and_filter_events_need_their_own_bits(connect):
    scenes_only = connect(subscriptions=SCENES)
    scenes_only.ok(
        "SetSourceFilterEnabled", {"sourceName": MIC, "filterName": "Gain", "filterEnabled": True}
    )
    overhead = scenes_only.ok("GetSceneItemId", {"sceneName": CLOSE_UP, "sourceName": OVERHEAD})
    scenes_only.ok(
        "SetSceneItemEnabled", {"sceneName": CLOSE_UP, **overhead, "sceneItemEnabled": True}
    )
    assert scenes_only.event_types(0.1) == []


# ---- outputs and general ------------------------------------------------------------------------
def test_stream_states_and_growing_counters(connect, server):
    client = connect(subscriptions=OUTPUTS)
    assert client.request("StopStream")["requestStatus"]["code"] == 501
    client.ok("StartStream")
    states = [client.event("StreamStateChanged")[1]["eventData"] for _ in range(2)]
    assert [s["outputState"] for s in states] == [
        "OBS_WEBSOCKET_OUTPUT_STARTING",
        "OBS_WEBSOCKET_OUTPUT_STARTED",
    ]
    assert [s["outputActive"] for s in states] == [False, True]
    assert client.request("StartStream")["requestStatus"]["code"] == 500
    first = client.ok("GetStreamStatus")
    time.sleep(0.1)
    second = client.ok("GetStreamStatus")
    assert second["outputActive"] and second["outputBytes"] > first["outputBytes"]
    assert second["outputTimecode"].startswith("00:00:00.")
    assert server.state()["streaming"] is True


def test_record_stop_returns_the_file(connect):
    client = connect(subscriptions=OUTPUTS)
    client.ok("StartRecord")
    client.event("RecordStateChanged")
    started = client.event("RecordStateChanged")[1]["eventData"]
    stopped = client.ok("StopRecord")
    assert stopped["outputPath"] == started["outputPath"]
    assert stopped["outputPath"].endswith(".mkv")


def test_version_lists_what_is_implemented_and_stats_count(connect):
    client = connect()
    version = client.ok("GetVersion")
    assert {"GetSceneList", "SetInputVolume", "ToggleStream", "StopRecord"} <= set(
        version["availableRequests"]
    )
    status = client.request(version["availableRequests"][0])["requestStatus"]
    assert status["code"] != 204
    assert client.request("Sleep")["requestStatus"]["code"] == 204
    stats = client.ok("GetStats")
    assert stats["webSocketSessionIncomingMessages"] == 5
    assert stats["activeFps"] == pytest.approx(30, abs=0.1)


# ---- hooks and fault injection ---------------------------------------------------------------
def test_changes_made_in_obs_reach_clients(connect, server):
    client = connect(subscriptions=SCENES | INPUTS)
    server.set_program_scene("休息 Break")
    server.set_input_mute(MIC, True)
    server.set_input_volume_db(MIC, -20.0)
    assert client.event("CurrentProgramSceneChanged")[1]["eventData"]["sceneName"] == "休息 Break"
    assert client.event("InputMuteStateChanged")[1]["eventData"]["inputMuted"] is True
    volume = client.event("InputVolumeChanged")[1]["eventData"]
    assert volume["inputVolumeMul"] == pytest.approx(0.1)
    assert client.ok("GetInputMute", {"inputName": MIC}) == {"inputMuted": True}
    with pytest.raises(ValueError):
        server.set_input_mute(CAMERA, True)
    with pytest.raises(KeyError):
        server.set_program_scene("后台 Backstage")


def test_items_and_filters_changed_in_obs_reach_clients(connect, server):
    client = connect(subscriptions=SCENE_ITEMS | FILTERS)
    server.set_scene_item_enabled(CLOSE_UP, OVERHEAD, True)
    server.set_filter_enabled(MIC, "Noise Suppression", False)
    item = client.event("SceneItemEnableStateChanged")[1]["eventData"]
    assert (item["sceneName"], item["sceneItemEnabled"]) == (CLOSE_UP, True)
    assert client.event("SourceFilterEnableStateChanged")[1]["eventData"] == {
        "sourceName": MIC,
        "filterName": "Noise Suppression",
        "filterEnabled": False,
    }
    with pytest.raises(KeyError):
        server.set_scene_item_enabled("全景 Wide", OVERHEAD, True)
    with pytest.raises(KeyError):
        server.set_filter_enabled(CAMERA, "Gain", True)


def test_fail_next_fails_once_with_the_given_status(connect, server):
    client = connect()
    server.fail_next("GetSceneList", 207, "OBS is not ready to perform the request.")
    assert client.request("GetSceneList")["requestStatus"] == {
        "result": False,
        "code": 207,
        "comment": "OBS is not ready to perform the request.",
    }
    client.ok("GetSceneList")
    assert server.requests_seen == ["GetSceneList", "GetSceneList"]


def test_delay_answers_late_without_holding_up_other_requests(connect, server):
    client = connect()
    server.delay("GetStats", 0.3)
    sent = time.monotonic()
    client.send(6, {"requestType": "GetStats", "requestId": "slow"})
    assert client.ok("GetVersion")["rpcVersion"] == 1
    assert time.monotonic() - sent < 0.2
    late = client.recv()
    assert late["d"]["requestId"] == "slow" and time.monotonic() - sent >= 0.29
    server.delay("GetStats", 0)
    sent = time.monotonic()
    client.ok("GetStats")
    assert time.monotonic() - sent < 0.1


def test_silent_server_sends_no_hello(server):
    server.silent = True
    ws = raw_connection(server)
    ws.settimeout(1.0)
    try:
        with pytest.raises(websocket.WebSocketTimeoutException):
            ws.recv()
    finally:
        ws.close(timeout=1)
        ws.shutdown()


def test_drop_with_reset_gives_the_client_a_connection_reset(connect, server):
    client = connect()
    server.drop_connections(reset=True)
    with pytest.raises(ConnectionResetError):
        client.recv()


def test_clean_drop_closes_without_a_close_frame(connect, server):
    client = connect()
    server.drop_connections(reset=False)
    with pytest.raises(websocket.WebSocketConnectionClosedException):
        client.recv()


def test_start_after_stop_is_obs_coming_back_on_the_same_port():
    srv = FakeObsServer(password=PASSWORD)
    port = srv.start()
    try:
        client = Client(srv.url)
        client.ok("SetCurrentSceneTransition", {"transitionName": "Cut"})
        client.close()
        srv.stop()
        with pytest.raises(ConnectionRefusedError):
            Client(srv.url)
        assert srv.start() == port
        client = Client(srv.url)
        assert client.ok("GetCurrentSceneTransition")["transitionName"] == "Cut"
        client.close()
    finally:
        srv.stop()


def test_stop_with_a_request_in_flight_leaves_no_thread():
    before = set(threading.enumerate())
    srv = FakeObsServer(password=PASSWORD)
    srv.start()
    srv.delay("GetStats", 5.0)
    client = Client(srv.url)
    client.send(6, {"requestType": "GetStats", "requestId": "never"})
    seen: list[dict | int] = []

    def read() -> None:  # a live client keeps reading, so it answers the server's close
        try:
            while True:
                seen.append(client.recv(3.0))
        except Closed as closed:
            seen.append(closed.code)
        except Exception:
            pass

    reader = threading.Thread(target=read)
    reader.start()
    started = time.monotonic()
    srv.stop()
    srv.stop()  # idempotent
    assert time.monotonic() - started < 1.5
    reader.join(2)
    client.ws.shutdown()
    assert {"op": 5, "d": {"eventIntent": 1, "eventType": "ExitStarted"}} in seen
    assert seen[-1] == 1001  # going away, as OBS closes on shutdown
    assert set(threading.enumerate()) - before == set()
