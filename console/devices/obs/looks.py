"""The OBS part of a preset: recall and capture the program scene, the camera shown in a scene
and the mic settings. Each function runs inside `ObsClient.call()` on the OBS worker, so a
look's several requests go out back to back, and raises ObsRequestError when OBS refuses one.

Scene items come from GetSceneItemList bottom first (sceneItemIndex 0 is the bottom of OBS's
source list); "top-most" is the highest index, the item OBS draws over the others.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from console.core.presets import VOLUME_DB_RANGE, CameraChoice, MicSetting
from console.devices.obs.session import ObsRequestError, ObsSession

NOT_FOUND = 600  # obs-websocket's ResourceNotFound
# Input kinds (unversioned) that are a camera whatever the rig calls them: OBS's own video
# capture sources on Windows, macOS and Linux, capture cards, and NDI (DistroAV).
VIDEO_CAPTURE_KINDS = frozenset(
    {
        "dshow_input",
        "av_capture_input",
        "macos-avcapture",
        "macos-avcapture-fast",
        "v4l2_input",
        "decklink-input",
        "aja_source",
        "ndi_source",
    }
)
MIC_SLOTS = ("mic1", "mic2", "mic3", "mic4")  # OBS's Mic/Aux audio channels


def apply_scene(session: ObsSession, scene: str) -> None:
    session.request("SetCurrentProgramScene", {"sceneName": scene})


def apply_camera(
    session: ObsSession, choice: CameraChoice, camera_sources: Collection[str]
) -> None:
    """Show the chosen camera in its scene and hide the scene's other cameras. The chosen one
    is shown first, so the scene never goes without a camera in between."""
    items = _scene_items(session, choice.scene)
    chosen = _top([i for i in items if i["sourceName"] == choice.source])
    if chosen is None:
        raise ObsRequestError("GetSceneItemList", NOT_FOUND, "camera_not_in_scene")
    _set_enabled(session, choice.scene, chosen, True)
    for item in items:
        if item is not chosen and is_camera(item, camera_sources):
            _set_enabled(session, choice.scene, item, False)


def apply_mic(session: ObsSession, mic: MicSetting) -> None:
    """Set what the preset holds (None leaves it). A mute goes first and an unmute last, so
    the room never hears the mic at the old volume or without its filters."""
    name = mic.input
    if mic.muted is True:
        session.request("SetInputMute", {"inputName": name, "inputMuted": True})
    if mic.volume_db is not None:
        session.request("SetInputVolume", {"inputName": name, "inputVolumeDb": mic.volume_db})
    for filter_name, enabled in mic.filters:
        session.request(
            "SetSourceFilterEnabled",
            {"sourceName": name, "filterName": filter_name, "filterEnabled": enabled},
        )
    if mic.muted is False:
        session.request("SetInputMute", {"inputName": name, "inputMuted": False})


def read_program_scene(session: ObsSession) -> str:
    return session.request("GetCurrentProgramScene")["currentProgramSceneName"]


def read_camera(
    session: ObsSession, scene: str, camera_sources: Collection[str]
) -> CameraChoice | None:
    """The camera the scene shows: its top-most enabled camera item; None if it shows none."""
    items = _scene_items(session, scene)
    top = _top([i for i in items if i["sceneItemEnabled"] and is_camera(i, camera_sources)])
    return None if top is None else CameraChoice(scene, top["sourceName"])


def read_mic(session: ObsSession, input_name: str) -> MicSetting:
    """The input's mute, volume (dB to 0.1, inside the range a preset allows) and every
    filter's enabled state, in OBS's filter order."""
    muted = session.request("GetInputMute", {"inputName": input_name})["inputMuted"]
    db = session.request("GetInputVolume", {"inputName": input_name})["inputVolumeDb"]
    filters = session.request("GetSourceFilterList", {"sourceName": input_name})["filters"]
    filters = sorted(filters, key=lambda f: f["filterIndex"])
    return MicSetting(
        input=input_name,
        muted=muted,
        volume_db=_preset_db(db),
        filters=tuple((f["filterName"], f["filterEnabled"]) for f in filters),
    )


def mic_inputs(session: ObsSession) -> list[str]:
    """The inputs on OBS's Mic/Aux channels, in channel order (unset channels left out)."""
    special = session.request("GetSpecialInputs")
    return [special[slot] for slot in MIC_SLOTS if special.get(slot)]


def is_camera(item: dict, camera_sources: Collection[str]) -> bool:
    """A scene item is a camera if the rig says so or its input kind captures video."""
    kind = item.get("inputKind") or ""
    return item["sourceName"] in camera_sources or unversioned(kind) in VIDEO_CAPTURE_KINDS


def unversioned(kind: str) -> str:
    """OBS versions kinds with a suffix ("av_capture_input_v2"); the family is what counts."""
    head, _, tail = kind.rpartition("_v")
    return head if head and tail.isdigit() else kind


def _scene_items(session: ObsSession, scene: str) -> list[dict]:
    return session.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]


def _top(items: Iterable[dict]) -> dict | None:
    return max(items, key=lambda i: i["sceneItemIndex"], default=None)


def _set_enabled(session: ObsSession, scene: str, item: dict, enabled: bool) -> None:
    if item["sceneItemEnabled"] != enabled:  # a request saved is a millisecond saved
        session.request(
            "SetSceneItemEnabled",
            {"sceneName": scene, "sceneItemId": item["sceneItemId"], "sceneItemEnabled": enabled},
        )


def _preset_db(db: float | None) -> float:
    # OBS reports silence as -100 dB but a fader set by multiplier can read lower still.
    low, high = VOLUME_DB_RANGE
    value = low if db is None else min(max(round(db, 1), low), high)
    return value + 0.0  # no -0.0
