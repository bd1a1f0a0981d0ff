"""The OBS part of a preset: recall and capture the program scene, the camera shown in a scene
and the mic settings. Each function runs inside `ObsClient.call()` on the OBS worker, so a
look's several requests go out back to back, and raises ObsRequestError when OBS refuses one.

A mic filter OBS does not have (renamed or deleted there) does not stop the mic's other
settings, above all not its unmute: apply_mic sets the rest, then raises ObsRequestError
("SetSourceFilterEnabled", 600, "filter_missing:<name>"), the names of every missing filter
after the colon, joined by ", " when there are several (FILTER_MISSING is the prefix).

Scene items come from GetSceneItemList bottom first (sceneItemIndex 0 is the bottom of OBS's
source list); "top-most" is the highest index, the item OBS draws over the others.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from console.core.presets import VOLUME_DB_RANGE, CameraChoice, MicSetting
from console.devices.obs.session import ObsRequestError, ObsSession

NOT_FOUND = 600  # obs-websocket's ResourceNotFound
CAMERA_NOT_IN_SCENE = "camera_not_in_scene"  # apply_camera's comment
FILTER_MISSING = "filter_missing"  # apply_mic's comment: "filter_missing:<name>[, <name>…]"
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
        raise ObsRequestError("GetSceneItemList", NOT_FOUND, CAMERA_NOT_IN_SCENE)
    _set_enabled(session, choice.scene, chosen, True)
    for item in items:
        if item is not chosen and is_camera(item, camera_sources):
            _set_enabled(session, choice.scene, item, False)


def apply_mic(session: ObsSession, mic: MicSetting) -> None:
    """Set what the preset holds (None leaves it). A mute goes first and an unmute last, so
    the room never hears the mic at the old volume or without its filters. A filter OBS does
    not have is skipped, the rest (the unmute too) still set, and then reported: a renamed
    filter must not leave the host muted on air."""
    name = mic.input
    if mic.muted is True:
        session.request("SetInputMute", {"inputName": name, "inputMuted": True})
    if mic.volume_db is not None:
        session.request("SetInputVolume", {"inputName": name, "inputVolumeDb": mic.volume_db})
    missing: list[str] = []
    for filter_name, enabled in mic.filters:
        try:
            session.request(
                "SetSourceFilterEnabled",
                {"sourceName": name, "filterName": filter_name, "filterEnabled": enabled},
            )
        except ObsRequestError as e:
            # 600 is also OBS's answer when the input itself is gone: that one stops here.
            if e.code != NOT_FOUND or not (missing or _has_source(session, name)):
                raise
            missing.append(filter_name)
    if mic.muted is False:
        session.request("SetInputMute", {"inputName": name, "inputMuted": False})
    if missing:
        comment = f"{FILTER_MISSING}:{', '.join(missing)}"
        raise ObsRequestError("SetSourceFilterEnabled", NOT_FOUND, comment)


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
    """A scene item is a camera if the rig lists it; only a rig that lists none lets the
    input kind decide (video capture). A capture card showing the phone or the comments is
    no camera once the rig names its cameras, and a recall must not hide it."""
    if camera_sources:
        return item["sourceName"] in camera_sources
    return unversioned(item.get("inputKind") or "") in VIDEO_CAPTURE_KINDS


def unversioned(kind: str) -> str:
    """OBS versions kinds with a suffix ("av_capture_input_v2"); the family is what counts."""
    head, _, tail = kind.rpartition("_v")
    return head if head and tail.isdigit() else kind


def _scene_items(session: ObsSession, scene: str) -> list[dict]:
    return session.request("GetSceneItemList", {"sceneName": scene})["sceneItems"]


def _has_source(session: ObsSession, name: str) -> bool:
    try:
        session.request("GetSourceFilterList", {"sourceName": name})
    except ObsRequestError as e:
        if e.code == NOT_FOUND:
            return False
        raise
    return True


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
