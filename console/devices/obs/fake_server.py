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
from websockets.protocol import State
from websockets.sync.server import Server, ServerConnection, serve

from console.devices.obs.fake_state import (
    GENERAL,
    INPUT_VOLUME_METERS,
    ObsState,
    Session,
    b64_sha256,
)

log = logging.getLogger(__name__)
# websockets reports a peer's TCP reset during a read as an "unexpected internal error"; for the
# fake that is a test doing drop_connections() or a client vanishing, not a fault of its own.
_ws_log = logging.getLogger(f"{__name__}.websockets")
_ws_log.setLevel(logging.CRITICAL)

METER_PERIOD_S = 0.05


def _dump(message: dict[str, Any]) -> str:
    # nlohmann::json::dump() writes compact UTF-8 (no \u escapes) with keys in sorted order.
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


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
        self._secret = b64_sha256(password + self._salt) if password else None
        self._lock = threading.RLock()
        self._wake = threading.Condition(self._lock)
        self._state = ObsState(obs_version, ws_version, schedule=self._schedule_state)
        self._sessions: set[Session] = set()
        self._handler_threads: set[threading.Thread] = set()
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._requests_seen: list[str] = []
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
        """Serve in the background; after stop() this is OBS starting again on the same port
        (same scenes and inputs, outputs stopped, new auth salt)."""
        if self._server is not None and not self._stopping.is_set():
            return self.port
        if self._server is not None:
            self._salt = base64.b64encode(os.urandom(32)).decode()
            if self._password:
                self._secret = b64_sha256(self._password + self._salt)
            with self._lock:
                self._timers.clear()
                self._state.restarted()
                self._threads = []
                self._stopping.clear()
        self._server = serve(
            self._handle,
            self.host,
            self.port,
            select_subprotocol=lambda _conn, offered: (
                "obswebsocket.json" if "obswebsocket.json" in offered else None
            ),
            compression=None,  # websocketpp in OBS negotiates no permessage-deflate
            ping_interval=None,  # nor does it ping clients
            # After a close handshake websockets waits this long for the client to drop TCP
            # (websocketpp in OBS closes at once); it also bounds stop() on a silent client.
            close_timeout=0.25,
            open_timeout=5.0,
            server_header="WebSocket++/0.8.2",
            logger=_ws_log,
        )
        self.port = self._server.socket.getsockname()[1]
        self._server.SHUTDOWN_POLLING_INTERVAL = 0.01  # stop() polls for closing handlers
        for target, name in ((self._server.serve_forever, "accept"), (self._run_ticker, "ticker")):
            thread = threading.Thread(
                target=target, name=f"FakeObs-{name}-{self.port}", daemon=True
            )
            self._threads.append(thread)
            thread.start()
        log.info("fake OBS listening on %s", self.url)
        return self.port

    def stop(self) -> None:
        """Quit like OBS: ExitStarted, then close code 1001 "Server stopping." to every client;
        returns once every thread of this server has ended. Idempotent."""
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
        """Cut every client's TCP connection without a websocket close: reset=True is what a
        crashed or killed OBS looks like (RST), reset=False a FIN."""
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
            self._state.failures.setdefault(request_type, []).append((code, comment))

    def delay(self, request_type: str, seconds: float) -> None:
        with self._lock:
            if seconds > 0:
                self._delays[request_type] = seconds
            else:
                self._delays.pop(request_type, None)

    def set_program_scene(self, name: str) -> None:
        self._change(lambda state: state.cut_to(name))

    def set_input_mute(self, name: str, muted: bool) -> None:
        self._change(lambda state: state.set_mute(state.audio_input(name), bool(muted)))

    def set_input_volume_db(self, name: str, db: float) -> None:
        self._change(lambda state: state.set_volume_db(state.audio_input(name), db))

    def set_scene_list(self, scenes: list[str]) -> None:
        """Extra hook: the scene list was edited in OBS (emits SceneListChanged)."""
        self._change(lambda state: state.set_scene_list(scenes))

    def set_scene_item_enabled(self, scene: str, source: str, enabled: bool) -> None:
        """The eye of `source`'s top-most item in `scene` was clicked in OBS."""
        self._change(
            lambda state: state.set_item_enabled(scene, state.top_item(scene, source), enabled)
        )

    def set_filter_enabled(self, source: str, name: str, enabled: bool) -> None:
        """A filter of `source` was switched on or off in OBS."""
        self._change(
            lambda state: state.set_filter_enabled(source, state.filter_of(source, name), enabled)
        )

    def state(self) -> dict:
        with self._lock:
            return self._state.snapshot()

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
                        due = min(
                            self._timers[0][0] if self._timers else math.inf,
                            next_meter if self._meters else math.inf,
                        )
                        self._wake.wait(None if due == math.inf else due - now)
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
    def _send(self, session: Session, message: dict[str, Any]) -> None:
        if session.conn.state is not State.OPEN:
            return  # websockets' send() would wait for a closing connection to finish closing
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
        session = Session(conn, self._salt, self._secret, self._ws_version)
        with self._lock:
            if self._stopping.is_set():
                return
            self._sessions.add(session)
            self._handler_threads = {t for t in self._handler_threads if t.is_alive()}
            self._handler_threads.add(threading.current_thread())
        try:
            if self.silent:
                for _ in conn:  # the client must notice on its own that no Hello comes
                    pass
                return
            self._send(session, session.hello())
            while True:
                message = conn.recv()
                session.incoming += 1
                verdict = session.receive(message)
                if verdict is None:
                    continue
                if verdict[0] == "close":
                    log.info("fake OBS closing a client: %s %s", *verdict[1:])
                    with self._lock:
                        self._sessions.discard(session)  # no more events while it closes
                    conn.close(*verdict[1:])
                    return
                if verdict[0] == "reply":
                    self._send(session, verdict[1])
                elif verdict[0] == "request":
                    self._request(session, verdict[1])
                else:
                    self._batch(session, verdict[1])
        except ConnectionClosed:
            pass
        finally:
            with self._lock:
                self._sessions.discard(session)

    def _request(self, session: Session, data: dict[str, Any]) -> None:
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

    def _answer(self, session: Session, data: dict[str, Any]) -> None:
        with self._lock:
            body = self._state.respond(data, (session.incoming, session.outgoing))
            events = self._state.take_events()
        self._send(session, {"op": 7, "d": body})
        self._broadcast(events)

    def _batch(self, session: Session, data: dict[str, Any]) -> None:
        items = [item if isinstance(item, dict) else {} for item in data["requests"]]
        with self._lock:
            self._requests_seen += [str(item.get("requestType")) for item in items]
            results = []
            for item in items:
                results.append(self._state.respond(item, (session.incoming, session.outgoing)))
                if data.get("haltOnFailure") is True and not results[-1]["requestStatus"]["result"]:
                    break
            events = self._state.take_events()
        self._send(session, {"op": 9, "d": {"requestId": data["requestId"], "results": results}})
        self._broadcast(events)
