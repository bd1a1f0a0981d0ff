"""A small, independent obs-websocket v5 client for tests (websocket-client, no project code).

Tests use it to check what OBS itself says.  Events are read by a background thread and
time-stamped with ``time.perf_counter()`` on receipt (key ``"_t"``), so benchmarks can use them.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import itertools
import json
import socket
import threading
import time

import websocket

# EventSubscription bits (obs-websocket 5 protocol.md)
General, Config, Scenes, Inputs = 1 << 0, 1 << 1, 1 << 2, 1 << 3
Transitions, Filters, Outputs, SceneItems = 1 << 4, 1 << 5, 1 << 6, 1 << 7
MediaInputs, Vendors, Ui = 1 << 8, 1 << 9, 1 << 10
All = (1 << 11) - 1
InputVolumeMeters, InputActiveStateChanged, InputShowStateChanged = 1 << 16, 1 << 17, 1 << 18
SceneItemTransformChanged = 1 << 19


class RawObsError(Exception):
    """A failed request (``code``/``comment`` from requestStatus) or a refused/closed socket
    (``code`` = websocket close code, e.g. 4009 AuthenticationFailed)."""

    def __init__(self, code: int | None, comment: str = "", request_type: str = ""):
        super().__init__(f"{request_type or 'obs-websocket'} failed: code={code} {comment}")
        self.code, self.comment, self.request_type = code, comment, request_type


def _auth(password: str, salt: str, challenge: str) -> str:
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode()).digest()).decode()


class RawObs:
    def __init__(
        self,
        url: str,
        password: str | None = None,
        subscriptions: int = Scenes | Inputs | Outputs,
        timeout: float = 5.0,
    ):
        self._ws = websocket.create_connection(
            url, timeout=timeout, subprotocols=["obswebsocket.json"]
        )
        try:
            hello = self._recv_handshake()["d"]
            ident = {"rpcVersion": 1, "eventSubscriptions": subscriptions}
            if "authentication" in hello:
                a = hello["authentication"]
                ident["authentication"] = _auth(password or "", a["salt"], a["challenge"])
            self._ws.send(json.dumps({"op": 1, "d": ident}))
            self.identified = self._recv_handshake()["d"]  # op 2 Identified
        except BaseException:
            self._ws.shutdown()
            raise
        self._ws.settimeout(None)
        self._ids = itertools.count(1)
        self._send_lock = threading.Lock()
        self._cond = threading.Condition()
        self._pending: dict[str, dict | None] = {}
        self._events: collections.deque[dict] = collections.deque(maxlen=20000)
        self.closed = False
        self._reader = threading.Thread(target=self._read_loop, name="RawObs-reader", daemon=True)
        self._reader.start()

    def _recv_handshake(self) -> dict:
        opcode, frame = self._ws.recv_data_frame()
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code = int.from_bytes(frame.data[:2], "big") if len(frame.data) >= 2 else None
            raise RawObsError(code, frame.data[2:].decode("utf-8", "replace"), "Identify")
        return json.loads(frame.data)

    def _read_loop(self) -> None:
        try:
            while True:
                opcode, frame = self._ws.recv_data_frame()
                t = time.perf_counter()
                if opcode == websocket.ABNF.OPCODE_CLOSE:
                    break
                msg = json.loads(frame.data)
                with self._cond:
                    if msg["op"] == 5:
                        self._events.append({**msg["d"], "_t": t})
                    elif msg["op"] == 7 and msg["d"]["requestId"] in self._pending:
                        self._pending[msg["d"]["requestId"]] = {**msg["d"], "_t": t}
                    self._cond.notify_all()
        except Exception:  # socket shut down, OBS killed, ...
            pass
        finally:
            with self._cond:
                self.closed = True
                self._cond.notify_all()

    def request(self, request_type: str, data: dict | None = None, timeout: float = 3) -> dict:
        """Send a request; return its responseData ({} if none) or raise RawObsError."""
        rid = str(next(self._ids))
        msg = {
            "op": 6,
            "d": {"requestType": request_type, "requestId": rid, "requestData": data or {}},
        }
        with self._cond:
            self._pending[rid] = None
        try:
            with self._send_lock:
                self._ws.send(json.dumps(msg))
            with self._cond:
                if not self._cond.wait_for(lambda: self._pending[rid] or self.closed, timeout):
                    raise RawObsError(None, f"no response in {timeout}s", request_type)
                resp = self._pending[rid]
        except (websocket.WebSocketException, OSError) as e:
            raise RawObsError(None, f"connection error: {e!r}", request_type) from e
        finally:
            with self._cond:
                self._pending.pop(rid, None)
        if resp is None:
            raise RawObsError(None, "connection closed", request_type)
        status = resp["requestStatus"]
        if not status["result"]:
            raise RawObsError(status["code"], status.get("comment", ""), request_type)
        return resp.get("responseData") or {}

    def wait_event(self, event_type: str, predicate=None, timeout: float = 3) -> dict:
        """Remove and return the first buffered/arriving event of that type whose eventData
        satisfies ``predicate(eventData)``: {"eventType", "eventIntent", "eventData", "_t"}."""

        def find():
            for ev in self._events:
                if ev["eventType"] == event_type and (
                    predicate is None or predicate(ev.get("eventData") or {})
                ):
                    return ev
            return None

        with self._cond:
            self._cond.wait_for(lambda: find() or self.closed, timeout)
            ev = find()
            if ev is None:
                why = "connection closed" if self.closed else f"not seen in {timeout}s"
                raise TimeoutError(f"event {event_type}: {why}")
            self._events.remove(ev)
            return ev

    def clear_events(self) -> None:
        with self._cond:
            self._events.clear()

    def close(self) -> None:
        if self._reader.is_alive():
            try:
                self._ws.send_close()  # the reader sees OBS's close reply and ends
            except Exception:
                pass
            self._reader.join(2)
        if self._reader.is_alive() and self._ws.sock is not None:
            try:
                self._ws.sock.shutdown(socket.SHUT_RDWR)  # unblocks the reader's recv
            except OSError:
                pass
            self._reader.join(2)
        self._ws.shutdown()  # closes the socket

    def __enter__(self) -> RawObs:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
