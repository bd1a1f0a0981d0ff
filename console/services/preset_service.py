"""PresetService: the room's looks, recalled with one press and captured from the room.

A recall sends every part of a preset at once, each to its own worker (OBS's, each light's,
each camera's, each DMX output's), so a device that does not answer holds up only its own
line. The result is a Recall with one Step per device, re-emitted on every answer. At
RESULT_DEADLINE_S the recall is finished: what has not answered shows as failed with
"no_answer", except a PTZ camera, whose Completion comes only when its move ends: it shows as
still moving. An answer that comes later still updates its line and is recorded as a
`preset_step_late` event. A newer recall replaces the one on screen: the old one's answers
are ignored, what it had not started yet is cancelled, and its record says "replaced" for the
steps still waiting. Each recall is one `preset_recalled` timeline event, stamped at the press.

A capture reads the same parts back (the program scene and its camera, the mics, each Key
Light's state, the DMX levels last sent) into a Preset for the user to check and save. For a
PTZ camera it only proposes one of LiveDesk's preset slots (the top of the camera's range,
downward); the camera stores its position there when the captured preset is saved
(`save(preset, store_ptz=True)`), so a capture the user cancels leaves the camera's memory as
it was. Re-capturing a preset keeps what it had for the parts that could not be read.

讲解 on a product with a linked preset, and the start of a rundown segment with one, recall it.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from console.core.dmx import DmxError, Levels
from console.core.presets import (
    PTZ_PRESET_MAX,
    FixtureSetting,
    LightSetting,
    Preset,
    PresetError,
    PtzRecall,
)
from console.devices.device import DeviceError, failed_future
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
from console.store.timeline import stamp

log = logging.getLogger(__name__)

RESULT_DEADLINE_S = 2.0
PENDING, DONE, FAILED = "pending", "done", "failed"
REPLACED = "replaced"  # only in the timeline: the step of a recall a newer one replaced
STILL_MOVING = "moving"  # a PTZ step's reason while its camera has not reported Completion
SCENE, CAMERA, PTZ, KEYLIGHT, DMX, MIC = "scene", "camera", "ptz", "keylight", "dmx", "mic"
OBS = "obs"  # a capture's reading of OBS as a whole
ORIGINS = ("button", "hotkey", "explain", "segment")
# LiveDesk's own PTZ preset slots: the top of the camera's range, downward. The low numbers
# stay the crew's (many cameras also treat 0 as Home).
PTZ_SLOTS = 32
NO_FREE_SLOT = "no_free_slot"


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

    @property
    def waiting(self) -> tuple[Step, ...]:
        """Steps with no answer yet (after the deadline: PTZ cameras still moving)."""
        return tuple(s for s in self.steps if s.state == PENDING)


@dataclass
class _Capture:
    serial: int
    preset: Preset
    existing: Preset | None  # the preset of that name, re-captured
    missing: list[Step] = field(default_factory=list)
    waiting: set[tuple[str, str]] = field(default_factory=set)


def reason_of(error: BaseException) -> str:
    """A failure's reason code for the UI to word."""
    if isinstance(error, DeviceError):
        return error.reason
    if isinstance(error, ObsRequestError):
        if error.comment == looks.CAMERA_NOT_IN_SCENE:
            return looks.CAMERA_NOT_IN_SCENE
        if error.comment.startswith(looks.FILTER_MISSING + ":"):
            return error.comment  # "filter_missing:<names>": the rest of the mic was applied
        if isinstance(error.code, str):
            return "obs_" + error.code  # obs_not_connected, obs_timeout, obs_lost, obs_stale
        return "obs_not_found" if error.code == 600 else "obs_rejected"
    if isinstance(error, DmxError):
        return error.code  # console.core.dmx's codes: level_out_of_range, unknown_fixture, ...
    if isinstance(error, ValueError):
        return "out_of_range"
    return "bad_reply"


class PresetService(QObject):
    presets_changed = Signal(list)  # list[Preset], by name
    recall_changed = Signal(object)  # Recall
    captured = Signal(object, list)  # Preset (not saved), the Steps that could not be read
    saved = Signal(object)  # Preset, as stored
    imported = Signal(int)  # presets imported (all of the file's)
    exported = Signal(str)  # the file written
    # action, reason code. "ptz_store": the preset was saved but its PTZ camera did not store
    # the position; the code is "<reason>@<camera>".
    failed = Signal(str, str)
    # recall serial, step index, Future, perf_counter() when it completed (on any thread)
    _answered = Signal(int, int, object, float)
    # capture serial, kind, name, Future (on any thread)
    _capture_answered = Signal(int, str, str, object)
    _stored = Signal(object, object)  # Future from the writer or a device, what to do with it

    def __init__(self, writer, obs, devices, queue=None, rundown=None, *, parent=None):
        super().__init__(parent)
        self.writer, self.obs, self.devices = writer, obs, devices
        self.queue, self.rundown = queue, rundown
        self.presets: list[Preset] = []
        self.recall_now: Recall | None = None
        self._serial = 0
        self._t0 = 0.0
        self._at: tuple[int, str] = (0, "")  # the press, on the timeline's clocks
        self._recorded = True
        self._futures: list[Future] = []  # the recall on screen's, to cancel when replaced
        self._deadline = QTimer(self, singleShot=True, interval=int(RESULT_DEADLINE_S * 1000))
        self._deadline.timeout.connect(self._on_deadline)
        self._answered.connect(self._on_answered)
        self._stored.connect(lambda future, then: then(future))
        self._capture: _Capture | None = None
        self._captures = 0
        self._capture_deadline = QTimer(
            self, singleShot=True, interval=int(RESULT_DEADLINE_S * 1000)
        )
        self._capture_deadline.timeout.connect(self._finish_capture)
        # Queued even from the GUI thread: a part that fails at once is counted after all
        # parts are under way.
        self._capture_answered.connect(
            self._on_capture_answered, Qt.ConnectionType.QueuedConnection
        )
        if queue is not None:
            queue.explain_started.connect(self._on_queue_explain_started)
        if rundown is not None:
            rundown.segment_started.connect(self._on_rundown_segment_started)

    # -- the store ----------------------------------------------------------------------
    def load(self) -> None:
        self._store("load", list_presets, then=self._set_presets)

    def save(self, preset: Preset, store_ptz: bool = False) -> None:
        """Store the preset. `store_ptz` (a captured preset): its PTZ camera first stores its
        position under the preset's PTZ slot (another of LiveDesk's slots if another preset
        has taken that one since the capture). The preset is saved whether or not the camera
        did; a camera that did not is reported as failed("ptz_store", "<reason>@<camera>")."""
        if not store_ptz or preset.ptz is None:
            self._save(preset)
            return
        camera, slot = preset.ptz.camera, preset.ptz.preset
        if slot in self._used_slots(camera, preset.id):
            slot = self._free_slot(camera, preset.id)
            if slot is None:
                report = partial(self.failed.emit, "ptz_store", f"{NO_FREE_SLOT}@{camera}")
                self._save(replace(preset, ptz=None), report)
                return
            preset = replace(preset, ptz=PtzRecall(camera, slot))
        try:
            device = self.devices.ptz(camera)
            if device is None:
                raise self._missing_device(camera, self.devices.rig.ptz_cameras)
            future = device.store_preset(slot)
        except Exception as e:  # a slot the camera refuses, a camera not in the rig
            future = failed_future(e)

        def stored(future: Future) -> None:
            error = DeviceError("closed") if future.cancelled() else future.exception()
            report = None
            if error is not None:
                log.info(
                    "Preset %s: PTZ %s did not store slot %s: %r", preset.name, camera, slot, error
                )
                report = partial(self.failed.emit, "ptz_store", f"{reason_of(error)}@{camera}")
            self._save(preset, report)

        self._hand_back(future, stored)

    def _save(self, preset: Preset, after: Callable[[], None] | None = None) -> None:
        def then(saved: Preset) -> None:
            self.saved.emit(saved)
            self.load()
            if after is not None:
                after()

        self._store("save", save_preset, preset, then=then)

    def remove(self, preset_id: int) -> None:
        def then(_):
            if self.queue is not None:
                for item in self.queue.queue.items:
                    if item.preset_id == preset_id:
                        self.queue.product_preset_changed(item.product_id, None)
            if self.rundown is not None:  # the store cleared its segments; so must its memory
                self.rundown.drop_preset(preset_id)
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

        def then(presets: list[Preset]) -> None:
            self.load()
            self.imported.emit(len(presets))

        self._store("import", read_and_import, then=then)

    def export_json(self, path: str | Path) -> None:
        """Written to a temporary file and moved into place: never half a file."""

        def export(db):
            text = json.dumps(export_presets(db), ensure_ascii=False, indent=2)
            target = Path(path)
            tmp = target.with_name(f".{target.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)

        self._store("export", export, then=lambda _: self.exported.emit(str(path)))

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
        self._hand_back(self.writer.submit(fn, *args), self._result(action, then))

    def _hand_back(self, future: Future, then: Callable[[Future], None]) -> None:
        """then(future) on the GUI thread once the future is done."""

        def done(f: Future) -> None:
            try:
                self._stored.emit(f, then)
            except RuntimeError:  # the service is deleted (the app is closing): nobody waits
                pass

        future.add_done_callback(done)

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

    # -- devices ------------------------------------------------------------------------
    def _missing_device(self, name: str, configs) -> DeviceError:
        """Why a device the preset names is not there: not in the rig, or in it but it could
        not be opened (then its status says why: a bad address, a port taken, ...)."""
        reason = "not_configured"
        if any(c.name == name for c in configs):
            reason = self.devices.status(name).reason or reason
        return DeviceError(reason, name)

    def _device_call(self, device, name: str, configs, send: Callable) -> Future:
        """send(device), or a failed Future when the device is not there."""
        if device is None:
            return failed_future(self._missing_device(name, configs))
        return send(device)

    def _used_slots(self, camera: str, own_id: int | None) -> set[int]:
        return {
            p.ptz.preset
            for p in self.presets
            if p.ptz and p.ptz.camera == camera and (own_id is None or p.id != own_id)
        }

    def _free_slot(self, camera: str, own_id: int | None) -> int | None:
        """The highest of LiveDesk's slots on this camera that no other preset uses."""
        config = next((c for c in self.devices.rig.ptz_cameras if c.name == camera), None)
        if config is None:
            return None
        top = min(config.max_preset, PTZ_PRESET_MAX)
        used = self._used_slots(camera, own_id)
        return next((n for n in range(top, max(0, top - PTZ_SLOTS), -1) if n not in used), None)

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
        at = stamp()  # the press is the moment on the timeline, not when the answers came
        previous, futures = self.recall_now, self._futures
        self._serial += 1  # from here on the previous recall's answers are ignored
        serial = self._serial
        for future in futures:
            future.cancel()  # only what has not started: a command under way runs to its end
        if previous is not None:
            self._record_replaced(previous)
        self._t0, self._at = time.perf_counter(), at
        self._recorded = False
        self._futures = []
        jobs = self._jobs(preset)
        self.recall_now = Recall(preset, origin, tuple(Step(kind, name) for kind, name, _ in jobs))
        self.recall_changed.emit(self.recall_now)
        self._deadline.start()
        for index, (kind, _name, send) in enumerate(jobs):
            try:
                future = send()
            except Exception as e:  # refused before anything was sent (a bad value)
                future = failed_future(e)
            if kind != DMX:  # a DMX frame is the output's record of the look: always sent
                self._futures.append(future)
            future.add_done_callback(partial(self._on_step_done, serial, index))
        if not jobs:
            self._finish()

    def _on_step_done(self, serial: int, index: int, future: Future) -> None:
        """A step's Future is done, on whichever thread completed it."""
        try:
            self._answered.emit(serial, index, future, time.perf_counter())
        except RuntimeError:  # the service is deleted (the app is closing)
            pass

    def _jobs(self, p: Preset) -> list[tuple[str, str, Callable[[], Future]]]:
        """(kind, name, send) per device. OBS does its parts one after another: the camera
        and the mic first and the scene last, so the scene comes on air with both set (and a
        scene switch, which waits for OBS's next frame, holds nothing else up)."""
        obs, devices = self.obs.client, self.devices
        rig = devices.rig
        jobs = []
        if p.camera is not None:
            camera = p.camera
            apply = partial(looks.apply_camera, choice=camera, camera_sources=rig.camera_sources)
            jobs.append((CAMERA, camera.source, partial(obs.call, apply)))
        for mic in p.mics:
            jobs.append((MIC, mic.input, partial(obs.call, partial(looks.apply_mic, mic=mic))))
        if p.scene is not None:
            apply = partial(looks.apply_scene, scene=p.scene)
            jobs.append((SCENE, p.scene, partial(obs.call, apply)))
        if p.ptz is not None:
            name, n = p.ptz.camera, p.ptz.preset
            send = partial(
                self._device_call,
                devices.ptz(name),
                name,
                rig.ptz_cameras,
                lambda c, n=n: c.recall_preset(n),
            )
            jobs.append((PTZ, name, send))
        for s in p.lights:
            send = partial(
                self._device_call,
                devices.keylight(s.light),
                s.light,
                rig.keylights,
                lambda k, s=s: k.apply(s.on, s.brightness, s.kelvin),
            )
            jobs.append((KEYLIGHT, s.light, send))
        if p.fixtures:
            levels = {f.fixture: Levels(f.dimmer, f.kelvin, f.rgb) for f in p.fixtures}
            try:
                futures = devices.apply_fixtures(levels, p.fade_s)
            except Exception as e:  # a look the patch cannot make (console.core.dmx codes)
                log.info("Preset %s: DMX look refused: %r", p.name, e)
                futures = {", ".join(f.fixture for f in p.fixtures): failed_future(e)}
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
        if self.recall_now.finished:  # after the deadline: its own line and event
            self._record_late(self.recall_now, step)
            self.recall_changed.emit(self.recall_now)
        elif all(s.state != PENDING for s in steps):
            self._finish()
        else:
            self.recall_changed.emit(self.recall_now)

    def _on_deadline(self) -> None:
        if self.recall_now is None or self.recall_now.finished:
            return
        steps = tuple(self._overdue(s) if s.state == PENDING else s for s in self.recall_now.steps)
        self.recall_now = replace(self.recall_now, steps=steps)
        self._finish()

    @staticmethod
    def _overdue(step: Step) -> Step:
        """A step with no answer at the deadline. A PTZ camera answers at the end of its
        move, which may take longer: it is still moving, not failed."""
        if step.kind == PTZ:
            return replace(step, reason=STILL_MOVING)
        return replace(step, state=FAILED, reason="no_answer")

    def _finish(self) -> None:
        self._deadline.stop()
        self.recall_now = replace(self.recall_now, finished=True)
        if not self._recorded:
            self._record(self.recall_now)
        self.recall_changed.emit(self.recall_now)

    def _record(self, r: Recall, replaced: bool = False) -> None:
        """The recall's event, stamped at its press; `replaced`: its waiting steps say so."""
        self._recorded = True
        steps = [
            replace(s, state=REPLACED) if replaced and s.state == PENDING else s for s in r.steps
        ]
        self.writer.record(
            "preset_recalled",
            at=self._at,
            preset=r.preset.id,
            name=r.preset.name,
            origin=r.origin,
            steps=[_step_data(s) for s in steps],
        )

    def _record_late(self, r: Recall, step: Step) -> None:
        """A step's answer after its recall was recorded, stamped when it came."""
        self.writer.record(
            "preset_step_late",
            preset=r.preset.id,
            name=r.preset.name,
            recalled_at=self._at[1],
            step=_step_data(step),
        )

    def _record_replaced(self, r: Recall) -> None:
        if not self._recorded:
            self._record(r, replaced=True)
            return
        for step in r.waiting:  # finished, a camera still moving: its end is not known
            self._record_late(r, replace(step, state=REPLACED))

    def _on_queue_explain_started(self, item) -> None:
        if item.preset_id is not None:
            self.recall(item.preset_id, "explain")

    def _on_rundown_segment_started(self, segment) -> None:
        if segment.preset_id is not None:
            self.recall(segment.preset_id, "segment")

    # -- capture ------------------------------------------------------------------------
    def capture(self, name: str) -> None:
        """Read the room into a preset named `name` (keeping that preset's hotkey, fade and
        PTZ slot when it exists, and its values for what cannot be read); `captured` follows
        within RESULT_DEADLINE_S. Nothing is written to any device."""
        if self._capture is not None:
            self.failed.emit("capture", "busy")
            return
        existing = next((p for p in self.presets if p.name == name), None)
        self._captures += 1
        c = self._capture = _Capture(
            self._captures,
            Preset(
                name,
                hotkey=existing.hotkey if existing else None,
                fade_s=existing.fade_s if existing else 0.0,
                id=existing.id if existing else None,
            ),
            existing,
        )
        self._capture_deadline.start()
        devices, rig = self.devices, self.devices.rig
        try:
            levels = devices.fixture_levels()  # DMX is one-way: the levels LiveDesk last sent
            fixtures = tuple(
                FixtureSetting(
                    f.name, levels[f.name].dimmer, levels[f.name].kelvin, levels[f.name].rgb
                )
                for f in rig.fixtures
                if f.name in levels
            )
            c.preset = replace(c.preset, fixtures=fixtures)
        except Exception as e:  # a bug must not leave the capture waiting
            log.error("Capture: DMX levels not read: %r", e)
        sources, mics = rig.camera_sources, rig.mic_inputs

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

        c.waiting = {(OBS, "OBS")} | {(KEYLIGHT, k.name) for k in rig.keylights}
        self._capture_part(c, OBS, "OBS", lambda: self.obs.client.call(read_obs))
        for light in rig.keylights:
            read = partial(
                self._device_call,
                devices.keylight(light.name),
                light.name,
                rig.keylights,
                lambda k: k.read_state(),
            )
            self._capture_part(c, KEYLIGHT, light.name, read)
        self._propose_ptz(c)

    def _capture_part(self, c: _Capture, kind: str, name: str, send: Callable) -> None:
        try:
            future = send()
        except Exception as e:  # refused before anything was sent
            future = failed_future(e)

        def done(f: Future) -> None:
            try:
                self._capture_answered.emit(c.serial, kind, name, f)
            except RuntimeError:  # the service is deleted (the app is closing)
                pass

        future.add_done_callback(done)

    def _propose_ptz(self, c: _Capture) -> None:
        """The PTZ camera and one of LiveDesk's slots for this look: its own when re-captured.
        Nothing is sent: the camera stores its position when the preset is saved."""
        rig, own = self.devices.rig, c.existing.ptz if c.existing else None
        if not rig.ptz_cameras:
            if own is not None:
                c.missing.append(Step(PTZ, own.camera, FAILED, "not_configured"))
                c.preset = replace(c.preset, ptz=own)
            return
        config = next((p for p in rig.ptz_cameras if own and p.name == own.camera), None)
        config = config or rig.ptz_cameras[0]
        try:
            if self.devices.ptz(config.name) is None:
                raise self._missing_device(config.name, rig.ptz_cameras)
            top = min(config.max_preset, PTZ_PRESET_MAX)
            if own is not None and own.camera == config.name and 0 < own.preset <= top:
                slot = own.preset
            else:
                slot = self._free_slot(config.name, c.preset.id)
        except Exception as e:
            if not isinstance(e, DeviceError):
                log.error("Capture: PTZ %s: %r", config.name, e)
            c.missing.append(Step(PTZ, config.name, FAILED, reason_of(e)))
            c.preset = replace(c.preset, ptz=own)
            return
        if slot is None:
            c.missing.append(Step(PTZ, config.name, FAILED, NO_FREE_SLOT))
            return
        c.preset = replace(c.preset, ptz=PtzRecall(config.name, slot))

    def _on_capture_answered(self, serial: int, kind: str, name: str, future: Future) -> None:
        c = self._capture
        if c is None or c.serial != serial or (kind, name) not in c.waiting:
            return  # an answer after its capture ended
        c.waiting.discard((kind, name))
        error = DeviceError("closed") if future.cancelled() else future.exception()
        if error is not None:
            log.info("Capture: %s %s not read: %r", kind, name, error)
            c.missing.append(Step(kind, name, FAILED, reason_of(error)))
        elif kind == OBS:
            scene, camera, mics = future.result()
            c.preset = replace(c.preset, scene=scene, camera=camera, mics=mics)
        elif kind == KEYLIGHT:
            s = future.result()
            light = LightSetting(name, s.on, s.brightness, s.kelvin)
            c.preset = replace(c.preset, lights=(*c.preset.lights, light))
        if not c.waiting:
            self._finish_capture()

    def _finish_capture(self) -> None:
        c, self._capture = self._capture, None
        if c is None:
            return
        self._capture_deadline.stop()
        for kind, name in sorted(c.waiting):
            c.missing.append(Step(kind, name, FAILED, "no_answer"))
        preset = c.preset
        if c.existing is not None:
            preset = self._keep_unread(preset, c.existing, c.missing)
        order = {light.name: n for n, light in enumerate(self.devices.rig.keylights)}
        lights = tuple(sorted(preset.lights, key=lambda s: order.get(s.light, len(order))))
        self.captured.emit(replace(preset, lights=lights), c.missing)

    def _keep_unread(self, preset: Preset, existing: Preset, missing: list[Step]) -> Preset:
        """A re-capture keeps the preset's values for what could not be read (listed in
        `missing`: a light no longer in the rig is added there)."""
        unread = {(s.kind, s.name) for s in missing}
        if (OBS, "OBS") in unread:
            preset = replace(
                preset, scene=existing.scene, camera=existing.camera, mics=existing.mics
            )
        rig_lights = {k.name for k in self.devices.rig.keylights}
        read = {s.light for s in preset.lights}
        kept = []
        for s in existing.lights:
            if s.light in read:
                continue
            if s.light not in rig_lights:
                missing.append(Step(KEYLIGHT, s.light, FAILED, "not_configured"))
            if s.light not in rig_lights or (KEYLIGHT, s.light) in unread:
                kept.append(s)
        fixtures = {f.fixture for f in preset.fixtures}
        return replace(
            preset,
            lights=(*preset.lights, *kept),
            fixtures=(
                *preset.fixtures,
                *(f for f in existing.fixtures if f.fixture not in fixtures),
            ),
        )


def _step_data(s: Step) -> dict:
    return {"kind": s.kind, "name": s.name, "state": s.state, "reason": s.reason, "ms": s.ms}
