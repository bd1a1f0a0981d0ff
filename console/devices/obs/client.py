"""ObsClient: the app's only door to OBS. One worker thread owns the session and does every
connect and request; the GUI thread gets states, replies and events back as Qt signals.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from console.core.obs_state import (
    AudioInput,
    Health,
    ObsSnapshot,
    bitrate_kbps,
    scenes_top_to_bottom,
)
from console.devices.obs.session import ObsConnectError, ObsRequestError, ObsSession

log = logging.getLogger(__name__)

# Connection states (codes; the ui words them).
DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, FAILED = (
    "disconnected",
    "connecting",
    "connected",
    "reconnecting",
    "failed",
)
# Errors that retrying cannot fix: wait for the user to change the settings.
FINAL_ERRORS = {"auth_failed", "password_required", "too_old"}

BACKOFF_FIRST, BACKOFF_MAX = 0.5, 2.0  # OBS back after a crash: found within 2 s
FINAL_RETRY = 10.0  # wrong password / old OBS: try again now and then, it may be fixed in OBS
CONNECT_TIMEOUT = 3.0
REQUEST_TIMEOUT = 3.0
POLL_INTERVAL = 1.0
STALE_AFTER = 2.0  # a queued command older than this is refused, never fired late
NOT_AUDIO = 604  # InvalidResourceState: the input has no audio
NOT_FOUND = 600  # ResourceNotFound


@dataclass(frozen=True)
class ObsAddress:
    host: str = "127.0.0.1"
    port: int = 4455
    password: str = ""

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"


@dataclass
class _Job:
    token: int
    request_type: str  # for a call(): the function's name
    data: dict | None
    queued_at: float
    fn: Callable[[ObsSession], Any] | None = None  # set for call(), with its future
    future: Future | None = None


class ObsClient(QObject):
    state_changed = Signal(str, str, str)  # state, reason code, detail
    synced = Signal(object)  # ObsSnapshot after every (re)connect and resync
    event_received = Signal(str, dict)  # eventType, eventData
    replied = Signal(int, str, dict)  # token, requestType, responseData
    request_failed = Signal(int, str, str, str)  # token, requestType, code, comment
    polled = Signal(object)  # Health, once a second while connected

    def __init__(self, address: ObsAddress, parent: QObject | None = None):
        super().__init__(parent)
        self._address = address
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._tokens = itertools.count(1)
        self._stop = threading.Event()
        self._wake = threading.Event()  # a new address: retry now
        self._resync_wanted = threading.Event()
        self._thread: threading.Thread | None = None
        self._session: ObsSession | None = None
        # Events that arrive while a resync reads the state are held back and sent after the
        # snapshot, so a change made during the read is never overwritten by it.
        self._events_lock = threading.Lock()
        self._held: list[tuple[str, dict]] | None = None
        self.state = DISCONNECTED

    # -- GUI thread API ---------------------------------------------------------------
    @property
    def address(self) -> ObsAddress:
        return self._address

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="obs-worker", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._wake.set()
            self._jobs.put(None)
            session = self._session
            if session is not None:
                session.close()  # a worker waiting on a hung OBS wakes at once
            self._thread.join(timeout=5)
            self._thread = None
            self._drain("not_connected")  # queued just as the worker ended: never left hanging
            self._set_state(DISCONNECTED, "", "")

    def set_address(self, address: ObsAddress) -> None:
        """Use a new address/password from now on (the next connect attempt is immediate)."""
        self._address = address
        self._wake.set()
        self._jobs.put(None)  # ends the current session loop so it reconnects with the new one

    def resync(self) -> None:
        """Read the whole state again soon; several calls in a row make one resync."""
        self._resync_wanted.set()
        self._jobs.put(None)

    def request(self, request_type: str, data: dict | None = None) -> int:
        """Queue one request; returns its token. Refused at once unless connected."""
        token = next(self._tokens)
        if self.state != CONNECTED:
            self.request_failed.emit(token, request_type, "not_connected", "")
            return token
        self._jobs.put(_Job(token, request_type, data, time.monotonic()))
        return token

    def call(self, fn: Callable[[ObsSession], Any]) -> Future:
        """Run `fn(session)` on the worker between requests: for requests that belong
        together (read a scene's items, then show one and hide the others) without a round
        trip through the GUI for each. Refused at once unless connected. The Future is
        resolved on the worker thread: hand its result to the GUI by signal."""
        future: Future = Future()
        name = _name_of(fn)
        if self.state != CONNECTED:
            future.set_running_or_notify_cancel()
            future.set_exception(ObsRequestError(name, "not_connected"))
            return future
        self._jobs.put(_Job(next(self._tokens), name, None, time.monotonic(), fn, future))
        return future

    # -- worker thread ----------------------------------------------------------------
    def _set_state(self, state: str, reason: str, detail: str) -> None:
        self.state = state
        self.state_changed.emit(state, reason, detail)

    def _run(self) -> None:
        backoff = BACKOFF_FIRST
        next_state = CONNECTING
        while not self._stop.is_set():
            self._wake.clear()
            address = self._address
            if self.state != FAILED:  # a quiet retry keeps the reason on screen
                self._set_state(next_state, "", address.url)
            next_state = RECONNECTING
            try:
                reason = self._connect_and_serve(address)
                backoff = BACKOFF_FIRST
            except ObsConnectError as e:
                log.info("OBS connect to %s failed: %s", address.url, e.kind)
                final = e.kind in FINAL_ERRORS
                self._set_state(FAILED if final else RECONNECTING, e.kind, e.detail)
                self._drain("not_connected")
                self._wake.wait(FINAL_RETRY if final else backoff)
                backoff = min(backoff * 2, BACKOFF_MAX)
                continue
            except Exception:  # a bug here must not leave a silently dead client
                log.exception("OBS worker failed; reconnecting")
                reason = "internal"
                self._wake.wait(backoff)
            if not self._stop.is_set():
                self._set_state(RECONNECTING, reason, address.url)
            self._drain("not_connected")

    def _connect_and_serve(self, address: ObsAddress) -> str:
        """One connection's life; returns why it ended. Raises ObsConnectError."""
        session = ObsSession(
            address.host, address.port, address.password, on_event=self._on_session_event
        )
        self._session = session
        try:
            session.open(timeout=CONNECT_TIMEOUT)
            try:
                self._send_resync(session)
            except ObsRequestError as e:
                log.info("OBS resync after connect failed: %s", e)
                return "lost"
            self._drain("not_connected")  # anything queued before this connection is stale
            self._set_state(CONNECTED, "", session.obs_version)
            return self._serve(session)
        finally:
            self._session = None
            session.close()

    def _serve(self, session: ObsSession) -> str:
        """Run requests, resyncs and the health poll until the connection ends."""
        poll = _Poller()
        next_poll = time.monotonic()
        while not self._stop.is_set():
            if not session.alive():
                return "lost"
            if self._wake.is_set():
                return "address_changed"
            try:
                job = self._jobs.get(timeout=max(0.0, min(0.1, next_poll - time.monotonic())))
            except queue.Empty:
                job = None
            try:
                if job is not None:
                    self._do(session, job)
                if self._resync_wanted.is_set():
                    self._resync_wanted.clear()
                    self._send_resync(session)
                if time.monotonic() >= next_poll:
                    next_poll = time.monotonic() + POLL_INTERVAL
                    self.polled.emit(poll.read(session))
            except ObsRequestError as e:
                # The poll is also our ping: no answer means a half-open or dead connection.
                log.info("OBS request during serve failed: %s", e)
                if e.code in ("timeout", "lost"):
                    return "no_answer" if e.code == "timeout" else "lost"
        return "stopped"

    def _do(self, session: ObsSession, job: _Job) -> None:
        if job.future is not None:
            self._do_call(session, job)
            return
        if time.monotonic() - job.queued_at > STALE_AFTER:
            self.request_failed.emit(job.token, job.request_type, "stale", "")
            return
        try:
            reply = session.request(job.request_type, job.data, timeout=REQUEST_TIMEOUT)
        except ObsRequestError as e:
            self.request_failed.emit(job.token, job.request_type, str(e.code), e.comment)
        except Exception as e:  # a bad request must not end the session
            log.exception("OBS request %s failed inside LiveDesk", job.request_type)
            self.request_failed.emit(job.token, job.request_type, "internal", repr(e))
        else:
            self.replied.emit(job.token, job.request_type, reply)

    def _do_call(self, session: ObsSession, job: _Job) -> None:
        """Resolve a call()'s future. Its failure stays with its caller, except that no
        answer (timeout) or a lost connection ends the session, as for any request."""
        assert job.fn is not None and job.future is not None
        future = job.future
        if not future.set_running_or_notify_cancel():
            return  # the caller cancelled it while it waited
        if time.monotonic() - job.queued_at > STALE_AFTER:
            future.set_exception(ObsRequestError(job.request_type, "stale"))
            return
        try:
            result = job.fn(session)
        except ObsRequestError as e:
            future.set_exception(e)
            if e.code in ("timeout", "lost"):
                raise
        except Exception as e:  # the caller reads it from the future; the session goes on
            log.info("OBS call %s failed inside LiveDesk: %r", job.request_type, e)
            future.set_exception(e)
        else:
            future.set_result(result)

    def _drain(self, code: str) -> None:
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if job is None:
                continue
            if job.future is None:
                self.request_failed.emit(job.token, job.request_type, code, "")
            elif job.future.set_running_or_notify_cancel():
                job.future.set_exception(ObsRequestError(job.request_type, code))

    def _on_session_event(self, event_type: str, data: dict) -> None:
        with self._events_lock:
            if self._held is None:
                self.event_received.emit(event_type, data)
            elif event_type != "InputVolumeMeters":  # levels: only the newest matter
                self._held.append((event_type, data))

    def _send_resync(self, session: ObsSession) -> None:
        with self._events_lock:
            self._held = []
        try:
            snapshot = self._resync(session)
        except BaseException:
            with self._events_lock:
                self._held = None
            raise
        with self._events_lock:
            self.synced.emit(snapshot)
            for event in self._held:
                self.event_received.emit(*event)
            self._held = None

    @staticmethod
    def _resync(s: ObsSession) -> ObsSnapshot:
        """Read everything the console shows, after every connect."""
        scene_list = s.request("GetSceneList")
        studio = s.request("GetStudioModeEnabled")["studioModeEnabled"]
        transitions = s.request("GetSceneTransitionList")
        current = s.request("GetCurrentSceneTransition")
        specials = s.request("GetSpecialInputs")
        mics = {v for k, v in specials.items() if k.startswith("mic") and v}
        inputs = []
        for i in s.request("GetInputList")["inputs"]:
            name = i["inputName"]
            try:
                muted = s.request("GetInputMute", {"inputName": name})["inputMuted"]
                volume = s.request("GetInputVolume", {"inputName": name})["inputVolumeDb"]
            except ObsRequestError as e:
                if e.code in (NOT_AUDIO, NOT_FOUND):  # no audio, or removed while we read
                    continue
                raise
            inputs.append(AudioInput(name, i.get("inputKind", ""), muted, volume, name in mics))
        return ObsSnapshot(
            version=s.obs_version,
            scenes=scenes_top_to_bottom(scene_list["scenes"]),
            program=scene_list["currentProgramSceneName"],
            preview=scene_list.get("currentPreviewSceneName") if studio else None,
            studio=studio,
            transitions=tuple(t["transitionName"] for t in transitions["transitions"]),
            fixed_transitions=tuple(
                t["transitionName"] for t in transitions["transitions"] if t.get("transitionFixed")
            ),
            transition=current.get("transitionName", ""),
            transition_ms=current.get("transitionDuration") or 0,
            inputs=tuple(inputs),
            streaming=s.request("GetStreamStatus")["outputActive"],
            recording=s.request("GetRecordStatus")["outputActive"],
        )


def _name_of(fn: Callable) -> str:
    """The function's name (through functools.partial) names a failed call()."""
    while not hasattr(fn, "__name__") and hasattr(fn, "func"):
        fn = fn.func
    return getattr(fn, "__name__", "call")


class _Poller:
    """The 1 Hz health read; keeps the previous byte count for the bitrate."""

    def __init__(self):
        self._bytes: tuple[int, float] | None = None

    def read(self, s: ObsSession) -> Health:
        stats = s.request("GetStats", timeout=REQUEST_TIMEOUT)
        stream = s.request("GetStreamStatus", timeout=REQUEST_TIMEOUT)
        now = time.monotonic()  # stamped with the byte count it belongs to
        record = s.request("GetRecordStatus", timeout=REQUEST_TIMEOUT)
        # Transition events are not subscribed (they slow every switch): read it here.
        transition = s.request("GetCurrentSceneTransition", timeout=REQUEST_TIMEOUT)
        rate = None
        if stream.get("outputActive"):
            sent = stream.get("outputBytes", 0)
            if self._bytes is not None:
                rate = bitrate_kbps(self._bytes[0], self._bytes[1], sent, now)
            self._bytes = (sent, now)
        else:
            self._bytes = None
        disk_mb = stats.get("availableDiskSpace")
        live, rec = bool(stream.get("outputActive")), bool(record.get("outputActive"))
        return Health(
            fps=stats.get("activeFps"),
            cpu_pct=stats.get("cpuUsage"),
            render_skipped=stats.get("renderSkippedFrames"),
            output_skipped=stats.get("outputSkippedFrames"),
            stream_dropped=stream.get("outputSkippedFrames") if live else None,
            stream_frames=stream.get("outputTotalFrames") if live else None,
            bitrate_kbps=rate,
            disk_free_gb=disk_mb / 1024.0 if disk_mb is not None else None,
            stream_ms=stream.get("outputDuration", 0) if live else 0,
            record_ms=record.get("outputDuration", 0) if rec else 0,
            transition=transition.get("transitionName"),
            transition_ms=transition.get("transitionDuration") or 0,
        )
