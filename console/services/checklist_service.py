"""ChecklistService: the open show's checklist (it follows QueueService's show), its self-checks
re-evaluated twice a second from what OBS, the meters, the disk and the queue say, and the
hand checks, edits and the user's template. Nothing here waits: OBS is asked through the
client (replies matched by token), the store through the writer, the disk on a thread."""

from __future__ import annotations

import getpass
import logging
import math
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from console.core.checklist import (
    AUTO_CHECKS,
    BEFORE_LIVE,
    DURING,
    MIC_FLOOR_DB,
    PHASES,
    Checklist,
    ChecklistItem,
    DeviceEvidence,
    Evidence,
    MicEvidence,
    attention_count,
    evaluate_all,
    params_of,
)
from console.core.mic_watch import MicWatch
from console.core.obs_state import mics
from console.devices.obs.client import CONNECTED
from console.services.obs_service import ObsService
from console.services.queue_service import QueueService
from console.services.writer_calls import WriterCalls
from console.store import checklist_repo as repo
from console.store.timeline import stamp

log = logging.getLogger(__name__)

TICK_MS = 500  # re-evaluate at 2 Hz
POLL_S = 3.0  # ask OBS for its collection, profile and stream service this often
OBS_READS = ("GetSceneCollectionList", "GetProfileList", "GetStreamServiceSettings")
# Changed in OBS itself: ask again at once (a profile brings its own stream service).
CONFIG_EVENTS = frozenset(
    {
        "CurrentSceneCollectionChanged",
        "SceneCollectionListChanged",
        "CurrentProfileChanged",
        "ProfileListChanged",
    }
)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _open_checklist(db, show_id: int, language: str, template_path: Path | None) -> tuple:
    items, problem = repo.ensure_checklist(db, show_id, language, template_path)
    return items, problem, repo.show_is_rehearsal(db, show_id)


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in this environment: the user types one
        return ""


def ui_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class ChecklistService(QObject):
    changed = Signal(object)  # Checklist
    # The self-checks failing now in the live phase and the phases before it (core's
    # attention_count), for a badge where the checklist is out of sight; emitted on change.
    attention_changed = Signal(int)
    failed = Signal(str, str)  # action, reason code
    template_saved = Signal(str)  # the file written
    _finished = Signal(object, object)  # callback, (result, error) from a worker thread

    def __init__(
        self,
        writer,
        obs_service: ObsService,
        queue_service: QueueService,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        *,
        language: str | None = None,
        template_path: Path | None = None,
        devices=None,
    ):
        super().__init__(parent)
        self.obs, self.queue, self.clock = obs_service, queue_service, clock
        self.devices = devices  # DeviceService, for the lights and camera self-checks
        self.calls = WriterCalls(writer, self)
        self.user = login_name()  # who checks; editable in the panel
        self.language = language or ui_language()  # which shipped template a new show gets
        self.template_path = template_path  # None: the user's template in the data folder
        self.checklist = Checklist()
        self._show_id: int | None = None
        self._rehearsal = False
        self._items: tuple[ChecklistItem, ...] = ()
        # Each opened show is a new generation: answers for an older one are dropped, so the
        # count of writes in flight (their results wait until the last one is back) only
        # ever counts this generation's writes, and only the latest load is applied.
        self._generation = 0
        self._writes = 0
        self._loading = 0  # the latest load's number
        self._attention = 0
        self._pending: dict[int, str] = {}  # OBS request token -> request type
        self._refused: int | None = None  # a token the client refused before returning it
        self._answers: dict[str, dict] = {}  # request type -> OBS's latest answer
        self._polled_at = -math.inf
        self._mics = MicWatch(MIC_FLOOR_DB)  # listening while OBS is connected
        self._folder_free_gb: float | None = None
        self._disk_busy = False
        self._finished.connect(self._on_finished)
        client = obs_service.client
        client.replied.connect(self._on_client_replied)
        client.request_failed.connect(self._on_client_request_failed)
        client.event_received.connect(self._on_client_event_received)
        obs_service.connection_changed.connect(self._on_obs_connection_changed)
        obs_service.changed.connect(self._on_obs_changed)
        queue_service.changed.connect(self._on_queue_changed)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        if obs_service.connected:
            self._on_obs_connection_changed(obs_service.state)
        self._on_queue_changed(queue_service.queue)

    # -- reading ----------------------------------------------------------------------------
    @property
    def show_id(self) -> int | None:
        return self._show_id

    def is_rehearsal(self) -> bool:
        """Whether the open show is a rehearsal (彩排), as stored when it was opened: the
        GoLiveGate's `is_rehearsal` unless the app knows better."""
        return self._rehearsal

    @property
    def attention(self) -> int:
        """The number `attention_changed` last said."""
        return self._attention

    def live_phase(self) -> str:
        """The show's phase as far as the checklist can tell: during the show while OBS
        streams, before going live otherwise (a rehearsal never streams)."""
        return DURING if self.obs.connected and self.obs.snapshot.streaming else BEFORE_LIVE

    def open_required(self) -> tuple[ChecklistItem, ...]:
        """Required items before Go Live that are unchecked or whose self-check failed, as of
        now."""
        self.refresh()
        return self.checklist.open_required()

    def evidence(self) -> Evidence:
        """What is known now, as plain values for the checks."""
        connected = self.obs.connected
        answers = self._answers if connected else {}
        collections = answers.get("GetSceneCollectionList", {})
        profiles = answers.get("GetProfileList", {})
        stream = answers.get("GetStreamServiceSettings")
        stream_type = server = key_set = None
        if stream is not None:
            stream_type = str(stream.get("streamServiceType") or "")
            settings = stream.get("streamServiceSettings") or {}
            server = str(settings.get("server") or "")
            # RTMP needs a key (推流码); WHIP and others may not have one.
            key_set = bool(settings.get("key")) if "rtmp" in stream_type else None
        snapshot = self.obs.snapshot
        hosts = {i.name for i in mics(snapshot)}
        audio = sorted(snapshot.inputs, key=lambda i: i.name not in hosts)  # host's mic first
        mic_evidence = tuple(
            MicEvidence(
                i.name, i.muted, *(self._mics.heard(i.name) or (None, None)), i.name in hosts
            )
            for i in audio
        )
        disk = self.obs.health.disk_free_gb if connected else None
        in_show = self._show_id is not None and self.queue.show_id == self._show_id
        return Evidence(
            now=self.clock(),
            obs=self.obs.state,
            collection=collections.get("currentSceneCollectionName"),
            collections=tuple(collections.get("sceneCollections") or ()),
            profile=profiles.get("currentProfileName"),
            profiles=tuple(profiles.get("profiles") or ()),
            stream_type=stream_type,
            stream_server=server,
            stream_key_set=key_set,
            mics=mic_evidence if connected else (),
            listening_since=self._mics.since,
            disk_free_gb=disk if disk is not None else self._folder_free_gb,
            queue=self.queue.queue.items if in_show else None,
            lights=self._device_evidence("keylights", "dmx_outputs"),
            cameras=self._device_evidence("ptz_cameras"),
        )

    def _device_evidence(self, *kinds: str) -> tuple[DeviceEvidence, ...] | None:
        """The devices' statuses. DMX is one-way: an output sending without error is fine
        but does not answer, so it is left out of the devices counted as answering; one that
        fails to send is listed like any device that is down. Only a rig whose lights are all
        DMX outputs, all sending, has them as its evidence (so the check is not "none set up")."""
        if self.devices is None:
            return None
        configured = [(kind, c.name) for kind in kinds for c in getattr(self.devices.rig, kind)]
        statuses = [(kind, n, self.devices.status(n)) for kind, n in configured]
        evidence = [(kind, DeviceEvidence(n, s.state, s.reason)) for kind, n, s in statuses]
        answering = [e for kind, e in evidence if kind != "dmx_outputs" or e.state != "online"]
        return tuple(answering if answering else (e for _, e in evidence))

    def refresh(self) -> None:
        """Evaluate every self-check now; `changed` follows when anything differs."""
        results = evaluate_all(self._items, self.evidence())
        checklist = Checklist(self._show_id, self._items, results)
        if checklist != self.checklist:
            self.checklist = checklist
            self.changed.emit(checklist)
        count = attention_count(checklist, self.live_phase())
        if count != self._attention:
            self._attention = count
            self.attention_changed.emit(count)

    # -- hand checks and edits ----------------------------------------------------------------
    def check(self, item_id: int) -> None:
        self._set_checked(item_id, True)

    def uncheck(self, item_id: int) -> None:
        self._set_checked(item_id, False)

    def toggle(self, item_id: int) -> None:
        item = self.checklist.item(item_id)
        if item is None:
            self.failed.emit("check", "no_such_item")
            return
        self._set_checked(item_id, not item.checked)

    def _set_checked(self, item_id: int, checked: bool) -> None:
        action = "check" if checked else "uncheck"
        item = self._find(action, item_id)
        if item is None or item.checked == checked:
            return
        who = self.user.strip()
        if not who:
            self.failed.emit(action, "no_user")
            return
        at = stamp()
        mine = replace(item, checked_by=who if checked else None)
        mine = replace(mine, checked_at=at[1] if checked else None)
        self._set_items(tuple(mine if i.id == item_id else i for i in self._items))
        self._write(action, repo.set_checked, item_id, checked, who, at)

    def edit_item(self, item_id: int, **changes) -> None:
        """Change text, required, auto_check, params and/or phase."""
        item = self._find("edit", item_id)
        if item is None:
            return
        reason = self._invalid(changes, item)
        if reason:
            self.failed.emit("edit", reason)
            return
        if "text" in changes:
            changes["text"] = changes["text"].strip()
        self._write("edit", repo.update_item, item_id, changes)

    def add_item(
        self,
        phase: str,
        text: str,
        required: bool = False,
        auto_check: str | None = None,
        params: dict | None = None,
    ) -> None:
        if self._show_id is None:
            self.failed.emit("add", "no_show")
            return
        changes = {"phase": phase, "text": text, "auto_check": auto_check, "params": params}
        reason = self._invalid(changes, None)
        if reason:
            self.failed.emit("add", reason)
            return
        self._write("add", repo.add_item, phase, text.strip(), required, auto_check, params)

    def remove_item(self, item_id: int) -> None:
        if self._find("remove", item_id) is not None:
            self._write("remove", repo.remove_item, item_id)

    def move_item(self, item_id: int, to_index: int) -> None:
        """Move an item to `to_index` within its phase."""
        if self._find("move", item_id) is not None:
            self._write("move", repo.move_item, item_id, to_index)

    def save_as_template(self) -> None:
        """This show's items become the template every new show starts from."""
        items = self._items
        if not items:
            self.failed.emit("save_template", "empty")
            return
        path, language = self.template_path or repo.user_template_path(), self.language
        self._in_thread(lambda: repo.save_template(items, path, language), self._on_saved)

    def record_override(self, who: str, why: str, items) -> None:
        """Go Live although required items are open: on the timeline with who and why."""
        if self._show_id is None:
            self.failed.emit("override", "no_show")
            return
        listed = [{"item": i.id, "text": i.text} for i in items]
        self.calls.submit(
            repo.record_override,
            self._show_id,
            who.strip(),
            why.strip(),
            listed,
            then=self._on_override_recorded,
        )

    # -- internals ----------------------------------------------------------------------------
    def _find(self, action: str, item_id: int) -> ChecklistItem | None:
        if self._show_id is None:
            self.failed.emit(action, "no_show")
            return None
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            self.failed.emit(action, "no_such_item")
        return item

    @staticmethod
    def _invalid(changes: dict, item: ChecklistItem | None) -> str | None:
        if "text" in changes and not str(changes["text"] or "").strip():
            return "empty_text"
        if "phase" in changes and changes["phase"] not in PHASES:
            return "bad_phase"
        kind = changes.get("auto_check", item.auto_check if item else None)
        if kind is not None and kind not in AUTO_CHECKS:
            return "bad_auto_check"
        params = changes.get("params", item.params if item else None)
        if params_of(kind, params) is None:
            return "bad_params"
        return None

    def _set_items(self, items: tuple[ChecklistItem, ...]) -> None:
        self._items = items
        self.refresh()

    def _write(self, action: str, fn: Callable, *args) -> None:
        show_id, generation = self._show_id, self._generation
        self._writes += 1
        self.calls.submit(
            fn, show_id, *args, then=lambda f: self._on_written(action, show_id, generation, f)
        )

    def _on_written(self, action: str, show_id: int, generation: int, future) -> None:
        if generation != self._generation:  # another show was opened meanwhile (A→B→A too)
            return
        self._writes = max(0, self._writes - 1)
        error = future.exception()
        if error is not None:
            log.error("Checklist %s failed: %r", action, error)
            self.failed.emit(action, "db_error")
            self._load(show_id)  # show what is really stored
            return
        if self._writes == 0:
            self._set_items(future.result())

    def _on_override_recorded(self, future) -> None:
        # Not one of the writes that change the items: the list waits for none of these.
        if future.exception() is not None:
            log.error("Recording the Go Live override failed: %r", future.exception())
            self.failed.emit("override", "db_error")

    def _load(self, show_id: int) -> None:
        self._loading += 1
        number = self._loading
        self.calls.submit(
            _open_checklist,
            show_id,
            self.language,
            self.template_path,
            then=lambda f: self._on_loaded(show_id, number, f),
        )

    def _on_loaded(self, show_id: int, number: int, future) -> None:
        if number != self._loading or show_id != self._show_id:  # a later load is coming
            return
        if future.exception() is not None:
            log.error("Loading the checklist of show %s failed: %r", show_id, future.exception())
            self.failed.emit("load", "db_error")
            return
        items, problem, self._rehearsal = future.result()
        if problem:
            self.failed.emit("template", problem)
        if not self._writes:  # else the last write's answer is newer than this
            self._set_items(items)

    def _in_thread(self, fn: Callable, then: Callable) -> None:
        def run():
            try:
                outcome = (fn(), None)
            except Exception as e:  # handed to the GUI thread, which reports it
                outcome = (None, e)
            try:
                self._finished.emit(then, outcome)
            except RuntimeError:  # the service is gone: nobody waits for the answer
                pass

        threading.Thread(target=run, name="checklist-io", daemon=True).start()

    def _on_finished(self, then: Callable, outcome: tuple) -> None:
        then(*outcome)

    def _on_saved(self, path, error) -> None:
        if error is not None:
            log.error("Saving the checklist template failed: %r", error)
            self.failed.emit("save_template", "io_error")
        else:
            self.template_saved.emit(str(path))

    # -- OBS --------------------------------------------------------------------------------
    def _send(self, request_type: str, data: dict | None = None) -> None:
        self._refused = None
        token = self.obs.client.request(request_type, data)
        if self._refused != token:  # not refused on the spot (not connected)
            self._pending[token] = request_type

    def _poll(self) -> None:
        self._polled_at = self.clock()
        asked = set(self._pending.values())
        for request_type in OBS_READS:
            if request_type not in asked:  # one at a time: a slow OBS is not flooded
                self._send(request_type)
        if (
            self.obs.health.disk_free_gb is None
            and self.obs.client.address.host in LOCAL_HOSTS
            and "GetRecordDirectory" not in asked
            and not self._disk_busy
        ):  # no disk figure from OBS: measure the recording folder ourselves
            self._send("GetRecordDirectory")

    def _on_client_replied(self, token: int, _request_type: str, data: dict) -> None:
        purpose = self._pending.pop(token, None)
        if purpose is None:
            return
        if purpose == "GetRecordDirectory":
            folder = data.get("recordDirectory")
            if folder and not self._disk_busy:
                self._disk_busy = True
                self._in_thread(lambda: shutil.disk_usage(folder).free / 1024**3, self._on_disk)
            return
        self._answers[purpose] = data
        self.refresh()

    def _on_client_request_failed(self, token: int, _type: str, code: str, comment: str) -> None:
        purpose = self._pending.pop(token, None)
        if purpose is None:
            self._refused = token
            return
        log.info("Checklist read %s failed: %s %s", purpose, code, comment)
        self._answers.pop(purpose, None)
        self.refresh()

    def _on_client_event_received(self, event: str, _data: dict) -> None:
        if event in CONFIG_EVENTS and self.obs.connected:  # InputVolumeMeters: 20 Hz, cheap
            self._poll()

    def _on_disk(self, free_gb, error) -> None:
        self._disk_busy = False
        if error is not None:
            log.info("Free space of the recording folder unknown: %r", error)
        self._folder_free_gb = free_gb
        self.refresh()

    def _on_obs_connection_changed(self, state: str, *_rest) -> None:
        self._answers.clear()
        self._folder_free_gb = None
        self._mics.restart(self.clock() if state == CONNECTED else None)
        if state == CONNECTED:
            self._poll()
        self.refresh()

    def _on_obs_changed(self, _snapshot) -> None:
        self.refresh()  # a mute shows at once, not at the next tick

    def _on_tick(self) -> None:
        if self.obs.connected and self.clock() - self._polled_at >= POLL_S:
            self._poll()
        self._mics.listen(self.clock(), self.obs.held_peaks())
        self.refresh()

    def _on_queue_changed(self, _queue) -> None:
        show_id = self.queue.show_id
        if show_id != self._show_id:
            self._show_id, self._items, self._writes = show_id, (), 0
            self._generation += 1
            self._rehearsal = False
            if show_id is not None:
                self._load(show_id)
        self.refresh()
