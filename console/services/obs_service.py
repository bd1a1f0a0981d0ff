"""ObsService: the OBS state the console shows, kept current from the client's resyncs and
events, and the commands the panels call. Emits codes; the ui words them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from console.core.obs_state import Health, ObsSnapshot, meter_levels, scenes_top_to_bottom
from console.devices.obs.client import CONNECTED, ObsClient

log = logging.getLogger(__name__)

PEAK_HOLD_S = 1.5


class ObsService(QObject):
    connection_changed = Signal(str, str, str)  # state, reason, detail
    changed = Signal(object)  # ObsSnapshot
    health_changed = Signal(object)  # Health
    failed = Signal(str, str, str)  # requestType, code, comment

    def __init__(self, client: ObsClient, parent: QObject | None = None):
        super().__init__(parent)
        self.client = client
        self.snapshot = ObsSnapshot()
        self.health = Health()
        self.state = client.state
        self.reason = ""
        self.detail = ""
        # name -> (magnitude dBFS, peak dBFS, held peak dBFS, time of held peak); read by
        # the meters on their own redraw timer, never pushed per event.
        self.levels: dict[str, tuple[float, float, float, float]] = {}
        client.state_changed.connect(self._on_client_state_changed)
        client.synced.connect(self._on_client_synced)
        client.event_received.connect(self._on_client_event_received)
        client.replied.connect(self._on_client_replied)
        client.request_failed.connect(self._on_client_request_failed)
        client.polled.connect(self._on_client_polled)

    @property
    def connected(self) -> bool:
        return self.state == CONNECTED

    # -- commands -----------------------------------------------------------------------
    def select_scene(self, name: str) -> None:
        """Cut/transition to a scene; in studio mode, preview first and take on a second press."""
        s = self.snapshot
        if not s.studio:
            self.client.request("SetCurrentProgramScene", {"sceneName": name})
        elif name == s.preview:
            self.take()
        else:
            self.client.request("SetCurrentPreviewScene", {"sceneName": name})

    def select_scene_number(self, number: int) -> None:
        """Number keys 1-9: the scenes in the order OBS's own list shows them."""
        if 1 <= number <= len(self.snapshot.scenes):
            self.select_scene(self.snapshot.scenes[number - 1])

    def take(self) -> None:
        self.client.request("TriggerStudioModeTransition")

    def set_studio_mode(self, enabled: bool) -> None:
        self.client.request("SetStudioModeEnabled", {"studioModeEnabled": enabled})

    def set_transition(self, name: str) -> None:
        self.client.request("SetCurrentSceneTransition", {"transitionName": name})

    def set_transition_duration(self, ms: int) -> None:
        self.client.request("SetCurrentSceneTransitionDuration", {"transitionDuration": ms})

    def held_peaks(self) -> dict[str, tuple[float, float, float]]:
        """input -> (peak dBFS, held peak dBFS, seconds since the held peak): what
        console.core.mic_watch.MicWatch listens to."""
        now = time.monotonic()  # the held peaks' times are on it
        return {
            name: (peak, held, now - held_at)
            for name, (_magnitude, peak, held, held_at) in self.levels.items()
        }

    def set_mute(self, input_name: str, muted: bool) -> None:
        self.client.request("SetInputMute", {"inputName": input_name, "inputMuted": muted})

    def toggle_mute(self, input_name: str) -> None:
        """Mute or unmute from what OBS last said, not from what a button shows."""
        current = self.snapshot.input(input_name)
        if current is not None:
            self.set_mute(input_name, not current.muted)

    def set_volume_db(self, input_name: str, db: float) -> None:
        self.client.request("SetInputVolume", {"inputName": input_name, "inputVolumeDb": db})

    def set_streaming(self, on: bool) -> None:
        self.client.request("StartStream" if on else "StopStream")

    def set_recording(self, on: bool) -> None:
        self.client.request("StartRecord" if on else "StopRecord")

    # -- from the client ----------------------------------------------------------------
    def _on_client_state_changed(self, state: str, reason: str, detail: str) -> None:
        self.state, self.reason, self.detail = state, reason, detail
        if state != CONNECTED:
            # Nothing OBS said before it went away is known to be true any more.
            self.levels.clear()
            if self.health != Health():
                self.health = Health()
                self.health_changed.emit(self.health)
        self.connection_changed.emit(state, reason, detail)

    def _on_client_synced(self, snapshot: ObsSnapshot) -> None:
        names = {i.name for i in snapshot.inputs}
        self.levels = {k: v for k, v in self.levels.items() if k in names}
        self._set(snapshot)

    def _on_client_polled(self, health: Health) -> None:
        self.health = health
        s = self.snapshot
        if health.transition is not None and (s.transition, s.transition_ms) != (
            health.transition,
            health.transition_ms,
        ):  # changed in OBS itself
            self._set(replace(s, transition=health.transition, transition_ms=health.transition_ms))
        self.health_changed.emit(health)

    def _on_client_request_failed(
        self, _token: int, request_type: str, code: str, comment: str
    ) -> None:
        log.info("OBS request %s failed: %s %s", request_type, code, comment)
        self.failed.emit(request_type, code, comment)

    def _on_client_replied(self, _token: int, request_type: str, data: dict) -> None:
        s = self.snapshot
        if request_type == "GetCurrentPreviewScene" and s.studio:
            self._set(replace(s, preview=data.get("currentPreviewSceneName")))
        elif request_type == "GetSceneList":
            self._set(
                replace(
                    s,
                    scenes=scenes_top_to_bottom(data.get("scenes", [])),
                    program=data.get("currentProgramSceneName") or s.program,
                    preview=data.get("currentPreviewSceneName") if s.studio else None,
                )
            )
        elif request_type == "GetCurrentSceneTransition":
            self._set(
                replace(
                    s,
                    transition=data.get("transitionName", ""),
                    transition_ms=data.get("transitionDuration") or 0,
                )
            )
        elif request_type in ("SetCurrentSceneTransition", "SetCurrentSceneTransitionDuration"):
            # Transition events are not subscribed (they slow every switch): read it back.
            self.client.request("GetCurrentSceneTransition")

    def _on_client_event_received(self, event: str, d: dict) -> None:
        if event == "InputVolumeMeters":
            self._take_meters(d.get("inputs", []))
            return
        s = self.snapshot
        if event == "CurrentProgramSceneChanged":
            self._set(replace(s, program=d["sceneName"]))
        elif event == "CurrentPreviewSceneChanged":
            self._set(replace(s, preview=d["sceneName"]))
        elif event == "StudioModeStateChanged":
            on = d["studioModeEnabled"]
            self._set(replace(s, studio=on, preview=None))
            if on:
                self.client.request("GetCurrentPreviewScene")
        elif event == "SceneListChanged":
            self._set(replace(s, scenes=scenes_top_to_bottom(d.get("scenes", []))))
        elif event == "SceneNameChanged":  # OBS 29 sends only this for a rename
            old, new = d["oldSceneName"], d["sceneName"]
            self._set(
                replace(
                    s,
                    scenes=tuple(new if n == old else n for n in s.scenes),
                    program=new if s.program == old else s.program,
                    preview=new if s.preview == old else s.preview,
                )
            )
        elif event in ("SceneCreated", "SceneRemoved"):
            self.client.request("GetSceneList")
        elif event == "CurrentSceneCollectionChanged":
            self.client.resync()
        elif event == "InputNameChanged":
            old, new = d["oldInputName"], d["inputName"]
            self._set(s.with_input(old, name=new))
            if old in self.levels:
                self.levels[new] = self.levels.pop(old)
        elif event == "InputMuteStateChanged":
            self._set(s.with_input(d["inputName"], muted=d["inputMuted"]))
        elif event == "InputVolumeChanged":
            self._set(s.with_input(d["inputName"], volume_db=d["inputVolumeDb"]))
        elif event in ("InputCreated", "InputRemoved"):
            self.client.resync()
        elif event == "StreamStateChanged":
            self._set(replace(s, streaming=d["outputActive"]))
        elif event == "RecordStateChanged":
            self._set(replace(s, recording=d["outputActive"]))

    def _take_meters(self, inputs: list[dict]) -> None:
        now = time.monotonic()
        for entry in inputs:
            name = entry.get("inputName", "")
            magnitude, peak = meter_levels(entry.get("inputLevelsMul", []))
            _, _, held, held_at = self.levels.get(name, (0, 0, -float("inf"), 0.0))
            if peak >= held or now - held_at > PEAK_HOLD_S:
                held, held_at = peak, now
            self.levels[name] = (magnitude, peak, held, held_at)

    def _set(self, snapshot: ObsSnapshot) -> None:
        if snapshot != self.snapshot:
            self.snapshot = snapshot
            self.changed.emit(snapshot)
