"""A fake OBS Studio speaking obs-websocket v5, for unit tests and `livedesk --demo`.

It behaves like OBS 29.0.2 with its bundled obs-websocket 5.1.0 for the requests LiveDesk
uses (see fake_state.py), down to close codes, status codes and comment texts, and adds
fault injection: silence, dropped sockets, failing and late answers. JSON only: a client
asking for the msgpack subprotocol still gets JSON.

Threads: one accept loop, one handler per connection (both websockets'), and one ticker that
runs timers (transitions, output start/stop, late answers) and sends the 50 ms volume meters.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import itertools
import json
import logging
import math
import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from console.devices.obs.fake_state import (
    EVENT_ALL,
    GENERAL,
    INPUT_VOLUME_METERS,
    ObsState,
    db_to_mul,
)

log = logging.getLogger(__name__)

METER_PERIOD_S = 0.05
RPC_VERSION = 1


def _b64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _dump(message: dict[str, Any]) -> str:
    # nlohmann::json::dump() writes compact UTF-8 (no \u escapes) with keys in sorted order.
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")  # nlohmann rejects NaN/Infinity; Python accepts them


def _unsigned(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


class _Session:
    def __init__(self, conn: ServerConnection) -> None:
        self.conn = conn
        self.identified = False
        self.subscriptions = EVENT_ALL
        self.ignore_invalid = False
        self.challenge = base64.b64encode(os.urandom(32)).decode()
        self.incoming = self.outgoing = 0


class FakeObsServer:
    def __init__(
        self,
        password: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        obs_version: str = "29.0.2",
        ws_version: str = "5.1.0",
        meters: bool = True,
    ) -> None:
        self.host, self.port, self.silent = host, port, False
        self._password, self._meters, self._ws_version = password, meters, ws_version
        self._salt = base64.b64encode(os.urandom(32)).decode()
        self._secret = _b64_sha256(password + self._salt) if password else ""
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._state = ObsState(obs_version, ws_version, schedule=self._schedule_state)
        self._sessions: set[_Session] = set()
        self._handler_threads: set[threading.Thread] = set()
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._requests_seen: list[str] = []
        self._failures: dict[str, list[tuple[int, str]]] = {}
        self._delays: dict[str, float] = {}
        self._stopping = threading.Event()
        self._server: Server | None = None
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"ws://{self.host}:{self.port}"

    @property
    def requests_seen(self) -> list[str]:
        with self._lock:
            return list(self._requests_seen)

    # ---- lifecycle ----------------------------------------------------------------------------
    def start(self) -> int:
        if self._server is not None:
            return self.port
        self._server = serve(
            self._handle,
            self.host,
            self.port,
            select_subprotocol=lambda _conn, offered: (
                "obswebsocket.json" if "obswebsocket.json" in offered else None
            ),
            compression=None,  # websocketpp in OBS negotiates no permessage-deflate
            ping_interval=None,  # nor does it ping clients
            close_timeout=1.0,  # keeps stop() short when a client never answers a close
            open_timeout=5.0,
            server_header="WebSocket++/0.8.2",
            logger=log,
        )
        self.port = self._server.socket.getsockname()[1]
        for target, name in ((self._server.serve_forever, "accept"), (self._run_ticker, "ticker")):
            thread = threading.Thread(
                target=target, name=f"FakeObs-{name}-{self.port}", daemon=True
            )
            self._threads.append(thread)
            thread.start()
        log.info("fake OBS listening on %s", self.url)
        return self.port

    def stop(self) -> None:
        with self._lock:
            if self._server is None or self._stopping.is_set():
                return
            self._stopping.set()
            self._wake.notify_all()
        self._broadcast([(GENERAL, "ExitStarted", None)])
        server = self._server
        closer = threading.Thread(
            target=server.shutdown, kwargs={"code": 1001, "reason": "Server stopping."}, daemon=True
        )
        closer.start()
        closer.join(3.0)
        if closer.is_alive():  # a send stuck on a client that stopped reading
            self.drop_connections(reset=False)
            closer.join()
        with self._lock:
            threads = [*self._threads, *self._handler_threads]
            threads += [s.conn.recv_events_thread for s in self._sessions]
        for thread in threads:
            thread.join(5.0)
        log.info("fake OBS on port %s stopped", self.port)

    # ---- fault injection and "somebody changed it in OBS" -------------------------------------
    def drop_connections(self, reset: bool = True) -> None:
        with self._lock:
            sessions = list(self._sessions)
        for session in sessions:
            sock = session.conn.socket
            try:
                if reset:  # abortive close: the kernel sends RST instead of FIN
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            # Close before waking websockets' reader, which would otherwise send a FIN first.
            sock.close()
            session.conn.close_socket()

    def fail_next(self, request_type: str, code: int, comment: str) -> None:
        with self._lock:
            self._failures.setdefault(request_type, []).append((code, comment))

    def delay(self, request_type: str, seconds: float) -> None:
        with self._lock:
            if seconds > 0:
                self._delays[request_type] = seconds
            else:
                self._delays.pop(request_type, None)

    def set_program_scene(self, name: str) -> None:
        def change(state: ObsState) -> None:
            if name not in state.scenes:
                raise KeyError(name)
            state.cut_to(name)

        self._change(change)

    def set_input_mute(self, name: str, muted: bool) -> None:
        self._change(lambda state: state.set_mute(self._audio_input(state, name), bool(muted)))

    def set_input_volume_db(self, name: str, db: float) -> None:
        if not -100.0 <= db <= 26.0 or math.isnan(db):
            raise ValueError(f"volume {db} dB is outside OBS's -100..26 dB")
        self._change(lambda state: state.set_volume(self._audio_input(state, name), db_to_mul(db)))

    def set_scene_list(self, scenes: list[str]) -> None:
        """Extra hook: the scene list was edited in OBS (emits SceneListChanged)."""
        if not scenes:
            raise ValueError("OBS always keeps at least one scene")
        self._change(lambda state: state.set_scene_list(scenes))

    def state(self) -> dict:
        with self._lock:
            return self._state.snapshot()

    @staticmethod
    def _audio_input(state: ObsState, name: str):
        item = state.inputs[name]
        if not item.audio:
            raise ValueError(f"{name} has no audio")
        return item

    def _change(self, change: Callable[[ObsState], None]) -> None:
        with self._lock:
            change(self._state)
            events = self._state.take_events()
        self._broadcast(events)

    # ---- timers and meters --------------------------------------------------------------------
    def _schedule(self, delay_s: float, fn: Callable[[], None]) -> None:
        with self._lock:
            heapq.heappush(self._timers, (time.monotonic() + delay_s, next(self._seq), fn))
            self._wake.notify()

    def _schedule_state(self, delay_s: float, fn: Callable[[], None]) -> None:
        self._schedule(delay_s, lambda: self._change(lambda _state: fn()))

    def _run_ticker(self) -> None:
        next_meter = time.monotonic()
        while True:
            job: Callable[[], None] | None = None
            with self._wake:
                while job is None:
                    if self._stopping.is_set():
                        return
                    now = time.monotonic()
                    if self._timers and self._timers[0][0] <= now:
                        job = heapq.heappop(self._timers)[2]
                    elif self._meters and now >= next_meter:
                        job = self._send_meters
                        next_meter = max(next_meter + METER_PERIOD_S, now)
                    else:
                        due = [
                            t
                            for t in (
                                self._timers[0][0] if self._timers else None,
                                next_meter if self._meters else None,
                            )
                            if t is not None
                        ]
                        self._wake.wait(min(due) - now if due else None)
            try:
                job()
            except Exception:
                log.exception("fake OBS timer failed")

    def _send_meters(self) -> None:
        with self._lock:
            if not any(
                s.identified and s.subscriptions & INPUT_VOLUME_METERS for s in self._sessions
            ):
                return
            inputs = self._state.meter_inputs()
        self._broadcast([(INPUT_VOLUME_METERS, "InputVolumeMeters", {"inputs": inputs})])

    # ---- sending ----------------------------------------------------------------------------
    def _send(self, session: _Session, message: dict[str, Any]) -> None:
        try:
            session.conn.send(_dump(message))
        except (ConnectionClosed, OSError):
            return
        with self._lock:
            session.outgoing += 1

    def _broadcast(self, events: list[tuple[int, str, dict[str, Any] | None]]) -> None:
        for intent, event_type, data in events:
            payload: dict[str, Any] = {"eventType": event_type, "eventIntent": intent}
            if data is not None:
                payload["eventData"] = data
            with self._lock:
                targets = [s for s in self._sessions if s.identified and s.subscriptions & intent]
            for session in targets:
                self._send(session, {"op": 5, "d": payload})

    # ---- one connection -----------------------------------------------------------------------
    def _handle(self, conn: ServerConnection) -> None:
        session = _Session(conn)
        with self._lock:
            if self._stopping.is_set():
                return
            self._sessions.add(session)
            self._handler_threads.add(threading.current_thread())
        try:
            if self.silent:
                for _ in conn:  # the client must notice on its own that no Hello comes
                    pass
                return
            hello: dict[str, Any] = {
                "obsWebSocketVersion": self._ws_version,
                "rpcVersion": RPC_VERSION,
            }
            if self._password:
                hello["authentication"] = {"challenge": session.challenge, "salt": self._salt}
            self._send(session, {"op": 0, "d": hello})
            while True:
                message = conn.recv()
                with self._lock:
                    session.incoming += 1
                verdict = self._on_message(session, message)
                if verdict is not None:
                    log.info("fake OBS closing a client: %s %s", *verdict)
                    conn.close(*verdict)
                    return
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                self._sessions.discard(session)

    def _on_message(self, session: _Session, raw: str | bytes) -> tuple[int, str] | None:
        """Handle one client message; returns (close code, reason) to end the session."""
        if isinstance(raw, bytes):
            return 4002, "Your session encoding is set to Json, but a binary message was received."
        try:
            message = json.loads(raw, parse_constant=_reject_constant)
        except ValueError as exc:
            return 4002, f"Unable to decode Json: {exc}"
        if not isinstance(message, dict):
            return 4002, "You sent a non-object payload."
        if not session.identified and "request-type" in message:
            return 4010, (
                "You appear to be attempting to connect with the pre-5.0.0 plugin protocol. "
                "Check to make sure your client is updated."
            )
        op = message.get("op")
        if "op" not in message:
            return 4006, "Your request is missing an `op`."
        if isinstance(op, bool) or not isinstance(op, int | float):
            return 4006, "Your `op` is not a number."
        data = message.get("d")
        if data is None:
            return 4003, "Your payload is missing data (`d`)."
        if not isinstance(data, dict):
            return 4004, "Your payload's data (`d`) is not an object."
        if not session.identified and op != 1:
            return 4007, "You attempted to send a non-Identify message while not identified."
        if op == 1:
            return self._identify(session, data)
        if op == 3:
            return self._session_parameters(session, data) or self._identified(session)
        if op in (6, 8):
            problem = self._check_request(op, data)
            if problem is not None:
                return None if session.ignore_invalid else problem
            self._request(session, data) if op == 6 else self._batch(session, data)
            return None
        return 4006, f"Unknown OpCode: {int(op)}"  # ignoreInvalidMessages does not cover this

    @staticmethod
    def _check_request(op: int | float, data: dict[str, Any]) -> tuple[int, str] | None:
        if "requestId" not in data:
            return 4003, "Your payload data is missing a `requestId`."
        if op == 8:
            if "requests" not in data:
                return 4003, "Your payload data is missing a `requests`."
            if not isinstance(data["requests"], list):
                return 4004, "Your `requests` is not an array."
        elif "requestType" not in data:
            return 4003, "Your payload's data is missing an `requestType`."  # sic
        elif not isinstance(data["requestType"], str):
            return 4004, "Your `requestType` is not a string."
        return None

    def _identify(self, session: _Session, data: dict[str, Any]) -> tuple[int, str] | None:
        if session.identified:
            return (
                None
                if session.ignore_invalid
                else (4008, "You are already Identified with the obs-websocket server.")
            )
        if self._password:
            if "authentication" not in data:
                return 4009, (
                    "Your payload's data is missing an `authentication` string, "
                    "however authentication is required."
                )
            if data["authentication"] != _b64_sha256(self._secret + session.challenge):
                return 4009, "Authentication failed."
        if "rpcVersion" not in data:
            return 4003, "Your payload's data is missing an `rpcVersion`."
        if not _unsigned(data["rpcVersion"]):
            return 4004, "Your `rpcVersion` is not an unsigned number."
        if data["rpcVersion"] != RPC_VERSION:
            return 4010, "Your requested RPC version is not supported by this server."
        return self._session_parameters(session, data) or self._identified(session)

    def _session_parameters(
        self, session: _Session, data: dict[str, Any]
    ) -> tuple[int, str] | None:
        if "ignoreInvalidMessages" in data:
            if not isinstance(data["ignoreInvalidMessages"], bool):
                return 4004, "Your `ignoreInvalidMessages` is not a boolean."
            session.ignore_invalid = data["ignoreInvalidMessages"]
        if "eventSubscriptions" in data:
            if not _unsigned(data["eventSubscriptions"]):
                return 4004, "Your `eventSubscriptions` is not an unsigned number."
            with self._lock:
                session.subscriptions = data["eventSubscriptions"]
        return None

    def _identified(self, session: _Session) -> None:
        with self._lock:
            session.identified = True
        self._send(session, {"op": 2, "d": {"negotiatedRpcVersion": RPC_VERSION}})

    def _request(self, session: _Session, data: dict[str, Any]) -> None:
        request_type = data.get("requestType")
        with self._lock:
            self._requests_seen.append(str(request_type))
            late = self._delays.get(str(request_type), 0.0)
        if late > 0:
            # Answered from the ticker so this client's other requests are not held up,
            # as OBS answers requests from a thread pool.
            self._schedule(late, lambda: self._answer(session, data))
        else:
            self._answer(session, data)

    def _run(self, session: _Session, data: dict[str, Any]) -> dict[str, Any]:
        """Run one request under the lock; returns the response body without the requestId."""
        request_type = data.get("requestType")
        queued = self._failures.get(str(request_type))
        if queued:
            code, comment = queued.pop(0)
            response = None
        else:
            code, comment, response = self._state.handle(
                request_type, data.get("requestData"), (session.incoming, session.outgoing)
            )
        body: dict[str, Any] = {
            "requestType": request_type,
            "requestStatus": {"result": code == 100, "code": code},
        }
        if comment:
            body["requestStatus"]["comment"] = comment
        if response is not None:
            body["responseData"] = response
        return body

    def _answer(self, session: _Session, data: dict[str, Any]) -> None:
        with self._lock:
            body = self._run(session, data)
            events = self._state.take_events()
        body["requestId"] = data["requestId"]
        self._send(session, {"op": 7, "d": body})
        self._broadcast(events)

    def _batch(self, session: _Session, data: dict[str, Any]) -> None:
        results = []
        with self._lock:
            for item in data["requests"]:
                item = item if isinstance(item, dict) else {}
                self._requests_seen.append(str(item.get("requestType")))
                result = self._run(session, item)
                if "requestId" in item:
                    result["requestId"] = item["requestId"]
                results.append(result)
                if data.get("haltOnFailure") is True and not result["requestStatus"]["result"]:
                    break
            events = self._state.take_events()
        self._send(session, {"op": 9, "d": {"requestId": data["requestId"], "results": results}})
        self._broadcast(events)
