"""PresetService: the room's looks, recalled with one press and captured from the room.

A recall sends every part of a preset at once, each to its own worker (OBS's, each light's,
each camera's, each DMX output's), so a device that does not answer holds up only its own
line. The result is a Recall with one Step per device, re-emitted on every answer; whatever
has not answered after RESULT_DEADLINE_S shows as failed with "no_answer" (an answer that
comes later still updates its line). A newer recall replaces the one on screen. Each recall is
one `preset_recalled` timeline event with every step's result and time.

A capture reads the same parts back (the program scene and its camera, the mics, each Key
Light's state, the DMX levels last sent, and stores the PTZ camera's position in one of its
own preset slots) into a Preset for the user to name and save.

讲解 on a product with a linked preset, and the start of a rundown segment with one, recall it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.dmx import Levels
from console.core.presets import (
    FixtureSetting,
    LightSetting,
    Preset,
    PresetError,
    PtzRecall,
)
from console.devices.device import DeviceError
from console.devices.obs import looks
from console.devices.obs.session import ObsRequestError
from console.store.presets_repo import (
    DuplicateNameError,
    export_presets,
    import_presets,
    link_product,
    list_presets,
    remove_preset,
    save_preset,
)

log = logging.getLogger(__name__)

RESULT_DEADLINE_S = 2.0
PENDING, DONE, FAILED = "pending", "done", "failed"
SCENE, CAMERA, PTZ, KEYLIGHT, DMX, MIC = "scene", "camera", "ptz", "keylight", "dmx", "mic"
ORIGINS = ("button", "hotkey", "explain", "segment")
CAMERA_NOT_IN_SCENE = "camera_not_in_scene"  # looks.apply_camera's comment


@dataclass(frozen=True)
class Step:
    kind: str
    name: str
    state: str = PENDING
    reason: str = ""
    ms: float | None = None  # from the press to the device's answer


@dataclass(frozen=True)
class Recall:
    preset: Preset
    origin: str
    steps: tuple[Step, ...]
    finished: bool = False  # every step answered, or the deadline passed

    @property
    def failed(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.state == FAILED)


def reason_of(error: BaseException) -> str:
    """A failure's reason code for the UI to word."""
    if isinstance(error, DeviceError):
        return error.reason
    if isinstance(error, ObsRequestError):
        if error.comment == CAMERA_NOT_IN_SCENE:
            return CAMERA_NOT_IN_SCENE
        if isinstance(error.code, str):
            return "obs_" + error.code  # obs_not_connected, obs_timeout, obs_lost, obs_stale
        return "obs_not_found" if error.code == 600 else "obs_rejected"
    if isinstance(error, ValueError):
        return "out_of_range"
    return "bad_reply"


class PresetService(QObject):
    presets_changed = Signal(list)  # list[Preset], by name
    recall_changed = Signal(object)  # Recall
    captured = Signal(object, list)  # Preset (not saved), the Steps that could not be read
    saved = Signal(object)  # Preset, as stored
    failed = Signal(str, str)  # action, reason code
    # recall serial, step index, Future, perf_counter() when it completed (on any thread)
    _answered = Signal(int, int, object, float)
    _stored = Signal(object, object)  # Future from the writer, what to do with it

    def __init__(self, writer, obs, devices, queue=None, rundown=None, *, parent=None):
        super().__init__(parent)
        self.writer, self.obs, self.devices = writer, obs, devices
        self.presets: list[Preset] = []
        self.recall_now: Recall | None = None
        self._serial = 0
        self._t0 = 0.0
        self._recorded = True
        self._deadline = QTimer(self, singleShot=True, interval=int(RESULT_DEADLINE_S * 1000))
        self._deadline.timeout.connect(self._on_deadline)
        self._answered.connect(self._on_answered)
        self._stored.connect(lambda future, then: then(future))
        self._capture: _Capture | None = None
        if queue is not None:
            queue.explain_started.connect(self._on_queue_explain_started)
        if rundown is not None:
            rundown.segment_started.connect(self._on_rundown_segment_started)
        self.queue = queue

    # -- the store ----------------------------------------------------------------------
    def load(self) -> None:
        self._store("load", list_presets, then=self._set_presets)

    def save(self, preset: Preset) -> None:
        def then(saved: Preset) -> None:
            self.saved.emit(saved)
            self.load()

        self._store("save", save_preset, preset, then=then)

    def remove(self, preset_id: int) -> None:
        def then(_):
            if self.queue is not None:
                for item in self.queue.queue.items:
                    if item.preset_id == preset_id:
                        self.queue.product_preset_changed(item.product_id, None)
            self.load()

        self._store("remove", remove_preset, preset_id, then=then)

    def import_json(self, path: str | Path) -> None:
        """All presets of the file or none; the file is read on the writer thread."""

        def read_and_import(db):
            try:
                document = json.loads(Path(path).read_text(encoding="utf-8"))
            except UnicodeDecodeError as e:
                raise PresetError("not_json", "$") from e
            except ValueError as e:
                raise PresetError("not_json", "$") from e
            return import_presets(db, document)

        self._store("import", read_and_import, then=lambda _: self.load())

    def export_json(self, path: str | Path) -> None:
        """Written to a temporary file and moved into place: never half a file."""

        def export(db):
            text = json.dumps(export_presets(db), ensure_ascii=False, indent=2)
            target = Path(path)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)

        self._store("export", export, then=lambda _: None)

    def link_product(self, product_id: int, preset_id: int | None) -> None:
        def then(_):
            if self.queue is not None:
                self.queue.product_preset_changed(product_id, preset_id)

        self._store("link", link_product, product_id, preset_id, then=then)

    def preset(self, preset_id: int | None) -> Preset | None:
        return next((p for p in self.presets if p.id == preset_id), None)

    def _set_presets(self, presets: list[Preset]) -> None:
        self.presets = presets
        self.presets_changed.emit(presets)

    def _store(self, action: str, fn, *args, then: Callable) -> None:
        future = self.writer.submit(fn, *args)
        future.add_done_callback(lambda f: self._stored.emit(f, self._result(action, then)))

    def _result(self, action: str, then: Callable) -> Callable[[Future], None]:
        def done(future: Future) -> None:
            error = future.exception()
            if error is None:
                then(future.result())
            elif isinstance(error, PresetError):
                self.failed.emit(action, f"{error.code}@{error.path}")
            elif isinstance(error, DuplicateNameError):
                self.failed.emit(action, "duplicate_name")
            elif isinstance(error, OSError):
                log.error("Presets %s failed: %r", action, error)
                self.failed.emit(action, "file_error")
            else:
                log.error("Presets %s failed: %r", action, error)
                self.failed.emit(action, "db_error")

        return done

    # -- recall -------------------------------------------------------------------------
    def recall_by_hotkey(self, number: int) -> None:
        preset = next((p for p in self.presets if p.hotkey == number), None)
        if preset is None:
            self.failed.emit("recall", "no_preset_on_key")
            return
        self.recall(preset.id, "hotkey")

    def recall(self, preset_id: int, origin: str = "button") -> None:
        preset = self.preset(preset_id)
        if preset is None:
            self.failed.emit("recall", "unknown_preset")
            return
        self._finish_record()  # the one on screen is replaced: store what it got so far
        self._serial += 1
        self._t0 = time.perf_counter()
        self._recorded = False
        jobs = self._jobs(preset)
        self.recall_now = Recall(preset, origin, tuple(Step(kind, name) for kind, name, _ in jobs))
        self.recall_changed.emit(self.recall_now)
        self._deadline.start()
        serial = self._serial
        for index, (_kind, _name, send) in enumerate(jobs):
            try:
                future = send()
            except Exception as e:  # refused before anything was sent (a bad value)
                future = _failed(e)
            future.add_done_callback(
                lambda f, i=index: self._answered.emit(serial, i, f, time.perf_counter())
            )
        if not jobs:
            self._finish()

    def _jobs(self, p: Preset) -> list[tuple[str, str, Callable[[], Future]]]:
        """(kind, name, send) per device. OBS does its parts one after another: the camera
        and the mic first and the scene last, so the scene comes on air with both set (and a
        scene switch, which waits for OBS's next frame, holds nothing else up)."""
        obs, devices = self.obs.client, self.devices
        sources = devices.rig.camera_sources
        jobs = []
        if p.camera is not None:
            camera = p.camera
            apply = partial(looks.apply_camera, choice=camera, camera_sources=sources)
            jobs.append((CAMERA, camera.source, partial(obs.call, apply)))
        for mic in p.mics:
            jobs.append((MIC, mic.input, partial(obs.call, partial(looks.apply_mic, mic=mic))))
        if p.scene is not None:
            apply = partial(looks.apply_scene, scene=p.scene)
            jobs.append((SCENE, p.scene, partial(obs.call, apply)))
        if p.ptz is not None:
            camera = devices.ptz(p.ptz.camera)
            send = partial(_device_call, camera, lambda c, n=p.ptz.preset: c.recall_preset(n))
            jobs.append((PTZ, p.ptz.camera, send))
        for s in p.lights:
            light = devices.keylight(s.light)
            send = partial(
                _device_call, light, lambda k, s=s: k.apply(s.on, s.brightness, s.kelvin)
            )
            jobs.append((KEYLIGHT, s.light, send))
        if p.fixtures:
            levels = {f.fixture: Levels(f.dimmer, f.kelvin, f.rgb) for f in p.fixtures}
            try:
                futures = devices.apply_fixtures(levels, p.fade_s)
            except Exception as e:  # a look the patch cannot make (console.core.dmx codes)
                log.info("Preset %s: DMX look refused: %r", p.name, e)
                futures = {"DMX": _failed(DeviceError("rejected", str(e)))}
            jobs += [(DMX, output, partial(lambda f: f, f)) for output, f in futures.items()]
        return jobs

    def _on_answered(self, serial: int, index: int, future: Future, at: float) -> None:
        if serial != self._serial or self.recall_now is None:
            return  # an answer to a recall no longer on screen
        ms = (at - self._t0) * 1000  # the device's time, not the GUI's turn to show it
        error = DeviceError("closed") if future.cancelled() else future.exception()
        step = self.recall_now.steps[index]
        if error is None:
            step = replace(step, state=DONE, reason="", ms=ms)
        else:
            log.info("Preset step %s %s failed: %r", step.kind, step.name, error)
            step = replace(step, state=FAILED, reason=reason_of(error), ms=ms)
        steps = list(self.recall_now.steps)
        steps[index] = step
        self.recall_now = replace(self.recall_now, steps=tuple(steps))
        if all(s.state != PENDING for s in steps) and not self.recall_now.finished:
            self._finish()
        else:
            self.recall_changed.emit(self.recall_now)

    def _on_deadline(self) -> None:
        if self.recall_now is None or self.recall_now.finished:
            return
        steps = tuple(
            replace(s, state=FAILED, reason="no_answer") if s.state == PENDING else s
            for s in self.recall_now.steps
        )
        self.recall_now = replace(self.recall_now, steps=steps)
        self._finish()

    def _finish(self) -> None:
        self._deadline.stop()
        self.recall_now = replace(self.recall_now, finished=True)
        self._finish_record()
        self.recall_changed.emit(self.recall_now)

    def _finish_record(self) -> None:
        r = self.recall_now
        if r is None or self._recorded:
            return
        self._recorded = True
        self.writer.record(
            "preset_recalled",
            preset=r.preset.id,
            name=r.preset.name,
            origin=r.origin,
            steps=[
                {"kind": s.kind, "name": s.name, "state": s.state, "reason": s.reason, "ms": s.ms}
                for s in r.steps
            ],
        )

    def _on_queue_explain_started(self, item) -> None:
        if item.preset_id is not None:
            self.recall(item.preset_id, "explain")

    def _on_rundown_segment_started(self, segment) -> None:
        if segment.preset_id is not None:
            self.recall(segment.preset_id, "segment")

    # -- capture ------------------------------------------------------------------------
    def capture(self, name: str) -> None:
        """Read the room into a preset named `name` (keeping that preset's hotkey, fade and PTZ
        slot when it exists); `captured` follows within RESULT_DEADLINE_S."""
        if self._capture is not None:
            self.failed.emit("capture", "busy")
            return
        existing = next((p for p in self.presets if p.name == name), None)
        self._capture = _Capture(self, name, existing)


class _Capture(QObject):
    """One capture: a Future per part, gathered on the GUI thread."""

    _answered = Signal(str, str, object)  # kind, name, Future

    def __init__(self, service: PresetService, name: str, existing: Preset | None):
        super().__init__(service)
        self.service = service
        self.preset = Preset(
            name,
            hotkey=existing.hotkey if existing else None,
            fade_s=existing.fade_s if existing else 0.0,
            id=existing.id if existing else None,
        )
        self.missing: list[Step] = []
        self.waiting: set[tuple[str, str]] = set()
        self._answered.connect(self._on_answered)
        self._deadline = QTimer(self, singleShot=True, interval=int(RESULT_DEADLINE_S * 1000))
        self._deadline.timeout.connect(self._finish)
        devices, rig = service.devices, service.devices.rig
        sources, mics = rig.camera_sources, rig.mic_inputs
        levels = devices.fixture_levels()
        self.preset = replace(
            self.preset,
            fixtures=tuple(
                FixtureSetting(
                    f.name, levels[f.name].dimmer, levels[f.name].kelvin, levels[f.name].rgb
                )
                for f in rig.fixtures
                if f.name in levels
            ),
        )

        def read_obs(session):
            scene = looks.read_program_scene(session)
            camera = looks.read_camera(session, scene, sources)
            found = []
            for name in list(mics) or looks.mic_inputs(session):
                try:
                    found.append(looks.read_mic(session, name))
                except ObsRequestError as e:  # a configured mic OBS no longer has
                    if isinstance(e.code, str):
                        raise
                    log.info("Capture: mic %s not read: %s", name, e)
            return scene, camera, tuple(found)

        self._wait("obs", "OBS", service.obs.client.call(read_obs))
        for light in rig.keylights:
            self._wait(
                KEYLIGHT,
                light.name,
                _device_call(devices.keylight(light.name), lambda k: k.read_state()),
            )
        if rig.ptz_cameras:
            camera = rig.ptz_cameras[0]
            slot = self._slot(camera.name, existing, camera.max_preset)
            self._wait(
                PTZ,
                f"{camera.name}:{slot}",
                _device_call(devices.ptz(camera.name), lambda c: c.store_preset(slot)),
            )
        self._deadline.start()

    def _slot(self, camera: str, existing: Preset | None, top: int) -> int:
        """The camera's preset slot for this look: its own when re-captured, else the lowest
        no other preset uses."""
        if existing and existing.ptz and existing.ptz.camera == camera:
            return existing.ptz.preset
        used = {p.ptz.preset for p in self.service.presets if p.ptz and p.ptz.camera == camera}
        return next((n for n in range(1, top + 1) if n not in used), top)

    def _wait(self, kind: str, name: str, future: Future) -> None:
        self.waiting.add((kind, name))
        future.add_done_callback(lambda f: self._answered.emit(kind, name, f))

    def _on_answered(self, kind: str, name: str, future: Future) -> None:
        if (kind, name) not in self.waiting:
            return
        self.waiting.discard((kind, name))
        error = DeviceError("closed") if future.cancelled() else future.exception()
        if error is not None:
            self.missing.append(Step(kind, name.split(":")[0], FAILED, reason_of(error)))
        elif kind == "obs":
            scene, camera, mics = future.result()
            self.preset = replace(self.preset, scene=scene, camera=camera, mics=mics)
        elif kind == KEYLIGHT:
            s = future.result()
            light = LightSetting(name, s.on, s.brightness, s.kelvin)
            self.preset = replace(self.preset, lights=(*self.preset.lights, light))
        elif kind == PTZ:
            camera, slot = name.rsplit(":", 1)
            self.preset = replace(self.preset, ptz=PtzRecall(camera, int(slot)))
        if not self.waiting:
            self._finish()

    def _finish(self) -> None:
        if self.service._capture is not self:
            return
        self._deadline.stop()
        for kind, name in sorted(self.waiting):
            self.missing.append(Step(kind, name.split(":")[0], FAILED, "no_answer"))
        self.waiting.clear()
        order = {light.name: n for n, light in enumerate(self.service.devices.rig.keylights)}
        lights = tuple(sorted(self.preset.lights, key=lambda s: order.get(s.light, 0)))
        self.service._capture = None
        self.service.captured.emit(replace(self.preset, lights=lights), self.missing)
        self.deleteLater()


def _device_call(device, send: Callable) -> Future:
    """send(device), or a failed Future when the preset names a device the rig lacks."""
    if device is None:
        return _failed(DeviceError("not_configured"))
    return send(device)


def _failed(error: BaseException) -> Future:
    future: Future = Future()
    future.set_exception(error)
    return future
