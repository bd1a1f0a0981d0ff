"""ObsService against the event sequences OBS really sends, with a stub client: the state the
panels show must match OBS's after each sequence."""

import pytest
from PySide6.QtCore import QObject, Signal

from console.core.obs_state import AudioInput, Health, ObsSnapshot
from console.devices.obs.client import CONNECTED, RECONNECTING
from console.services.obs_service import ObsService

SCENES = ("Top", "Middle", "Bottom")


class StubClient(QObject):
    """Same signals as ObsClient; records what the service asks for."""

    state_changed = Signal(str, str, str)
    synced = Signal(object)
    event_received = Signal(str, dict)
    replied = Signal(int, str, dict)
    request_failed = Signal(int, str, str, str)
    polled = Signal(object)

    def __init__(self):
        super().__init__()
        self.state = CONNECTED
        self.sent = []
        self.resyncs = 0

    def request(self, request_type, data=None):
        self.sent.append((request_type, data))
        return len(self.sent)

    def resync(self):
        self.resyncs += 1


@pytest.fixture
def stub(qapp):
    client = StubClient()
    service = ObsService(client)
    client.state_changed.emit(CONNECTED, "", "29.0.2")
    client.synced.emit(
        ObsSnapshot(
            version="29.0.2",
            scenes=SCENES,
            program="Top",
            inputs=(AudioInput("Mic", "pulse_input_capture", False, 0.0, True),),
            transitions=("Cut", "Fade"),
            transition="Fade",
            transition_ms=300,
        )
    )
    return client, service


def event(client, name, **data):
    client.event_received.emit(name, data)


def test_scene_rename_updates_buttons_and_program(stub):
    client, service = stub
    event(client, "SceneNameChanged", oldSceneName="Top", sceneName="Opening")
    assert service.snapshot.scenes == ("Opening", "Middle", "Bottom")
    assert service.snapshot.program == "Opening"


def test_scene_created_or_removed_rereads_the_list(stub):
    client, service = stub
    event(client, "SceneCreated", sceneName="New", isGroup=False)
    assert client.sent[-1] == ("GetSceneList", None)
    client.replied.emit(
        1,
        "GetSceneList",
        {
            "currentProgramSceneName": "Top",
            "currentPreviewSceneName": None,
            "scenes": [
                {"sceneIndex": 0, "sceneName": "Bottom"},
                {"sceneIndex": 1, "sceneName": "New"},
                {"sceneIndex": 2, "sceneName": "Middle"},
                {"sceneIndex": 3, "sceneName": "Top"},
            ],
        },
    )
    assert service.snapshot.scenes == ("Top", "Middle", "New", "Bottom")


def test_studio_mode_take_swaps_program_and_preview(stub):
    client, service = stub
    event(client, "StudioModeStateChanged", studioModeEnabled=True)
    assert service.snapshot.studio and client.sent[-1][0] == "GetCurrentPreviewScene"
    client.replied.emit(1, "GetCurrentPreviewScene", {"currentPreviewSceneName": "Middle"})
    assert service.snapshot.preview == "Middle"
    service.select_scene("Middle")  # second press on the preview scene: take
    assert client.sent[-1] == ("TriggerStudioModeTransition", None)
    event(client, "CurrentPreviewSceneChanged", sceneName="Top")
    event(client, "CurrentProgramSceneChanged", sceneName="Middle")
    assert (service.snapshot.program, service.snapshot.preview) == ("Middle", "Top")


def test_late_preview_reply_after_studio_mode_ended_is_ignored(stub):
    client, service = stub
    event(client, "StudioModeStateChanged", studioModeEnabled=True)
    event(client, "StudioModeStateChanged", studioModeEnabled=False)
    client.replied.emit(1, "GetCurrentPreviewScene", {"currentPreviewSceneName": "Middle"})
    assert service.snapshot.preview is None


def test_input_rename_keeps_its_state_and_meter(stub):
    client, service = stub
    event(client, "InputMuteStateChanged", inputName="Mic", inputMuted=True)
    event(
        client,
        "InputVolumeMeters",
        inputs=[{"inputName": "Mic", "inputLevelsMul": [[0.1, 0.2, 0.2]]}],
    )
    event(client, "InputNameChanged", oldInputName="Mic", inputName="Host mic")
    renamed = service.snapshot.input("Host mic")
    assert renamed is not None and renamed.muted and service.snapshot.input("Mic") is None
    assert "Host mic" in service.levels and "Mic" not in service.levels
    assert client.resyncs == 0  # renamed in place, no full re-read


def test_inputs_added_or_collection_switched_resync(stub):
    client, service = stub
    event(client, "InputCreated", inputName="Guest mic", inputKind="pulse_input_capture")
    event(client, "CurrentSceneCollectionChanged", sceneCollectionName="Other show")
    assert client.resyncs == 2


def test_toggle_mute_asks_obs_for_the_opposite_of_obs_state(stub):
    client, service = stub
    service.toggle_mute("Mic")
    assert client.sent[-1] == ("SetInputMute", {"inputName": "Mic", "inputMuted": True})


def test_poll_brings_in_a_transition_changed_in_obs(stub):
    client, service = stub
    client.polled.emit(Health(fps=30.0, transition="Cut", transition_ms=300))
    assert service.snapshot.transition == "Cut"


def test_disconnect_forgets_health_and_levels(stub):
    client, service = stub
    client.polled.emit(Health(fps=30.0, bitrate_kbps=6000.0))
    event(
        client,
        "InputVolumeMeters",
        inputs=[{"inputName": "Mic", "inputLevelsMul": [[0.1, 0.2, 0.2]]}],
    )
    health = []
    service.health_changed.connect(health.append)
    client.state = RECONNECTING
    client.state_changed.emit(RECONNECTING, "lost", "")
    assert health == [Health()] and service.levels == {}
