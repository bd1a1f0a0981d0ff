"""One connection to obs-websocket v5, built on obs-websocket-py 1.0 and hardened.

obs-websocket-py has failure modes this class exists to cover (see shared notes/obs.md):
  1 subscriptions hard-coded to All      -> our own Identify with the mask we need
  2 call() inside a callback deadlocks   -> the event sink only hands events over
  3 a callback exception kills recv      -> the sink is wrapped; recv never sees it
  4 TCP reset kills recv silently        -> recv thread wrapped; alive() reports it
  5 connect() has no timeout             -> timeout on TCP connect, Hello and Identify
  6 failed requests lose code/comment    -> request() raises ObsRequestError with both
  7 port 4444 switches to legacy v4      -> legacy=False, always
  8 call() ids are not locked            -> the caller serialises requests on one thread
  9 half-open sockets go unnoticed       -> TCP keepalive, plus the client's 1 Hz poll
Not thread-safe: one worker thread owns a session.
"""

from __future__ import annotations

import errno
import json
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable

import websocket
from obswebsocket import obsws
from obswebsocket.core import RecvThread

from console.core.obs_state import MIN_OBS_MAJOR, obs_major

log = logging.getLogger(__name__)
# The library logs every message, and "Connection lost!" as a warning: this class reports
# connection state itself, so only the library's errors are worth a log line.
logging.getLogger("obswebsocket").setLevel(logging.ERROR)

# EventSubscription bits (obs-websocket protocol.md). Transitions (16) is left out on
# purpose: subscribing to it slows SetCurrentProgramScene's reply by ~40 ms.
SUB_GENERAL, SUB_CONFIG, SUB_SCENES, SUB_INPUTS, SUB_OUTPUTS, SUB_UI = 1, 2, 4, 8, 64, 1024
SUB_INPUT_VOLUME_METERS = 1 << 16
DEFAULT_SUBSCRIPTIONS = (
    SUB_GENERAL
    | SUB_CONFIG
    | SUB_SCENES
    | SUB_INPUTS
    | SUB_OUTPUTS
    | SUB_UI
    | SUB_INPUT_VOLUME_METERS
)

LEGACY_PORT = 4444
CLOSE_AUTH_FAILED = 4009
CLOSE_UNSUPPORTED_RPC = 4010


class ObsConnectError(Exception):
    """Why a connection could not be made; `kind` is a code the ui words."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


class ObsRequestError(Exception):
    """A request OBS refused (code >= 200) or did not answer (code 'timeout'/'lost')."""

    def __init__(self, request_type: str, code: int | str, comment: str = ""):
        super().__init__(f"{request_type} failed: {code} {comment}")
        self.request_type = request_type
        self.code = code
        self.comment = comment


class _GuardedRecvThread(RecvThread):
    """The library's receive loop, but a socket error ends it quietly instead of raising."""

    def run(self):
        try:
            super().run()
        except Exception as e:  # noqa: BLE001 - whatever ends the loop, it must end quietly
            if self.running:
                log.info("OBS connection lost: %r", e)
        finally:
            self.running = False


class ObsSession(obsws):
    def __init__(
        self,
        host: str,
        port: int,
        password: str = "",
        on_event: Callable[[str, dict], None] | None = None,
        subscriptions: int = DEFAULT_SUBSCRIPTIONS,
    ):
        super().__init__(host, port, password or "", legacy=False, timeout=3)
        self.subscriptions = subscriptions
        self.obs_version = ""
        self._on_event = on_event
        self.register(self._deliver)

    # -- connection -------------------------------------------------------------------
    def open(self, timeout: float = 3.0) -> None:
        """Connect, authenticate and start receiving; raises ObsConnectError."""
        url = f"ws://{self.host}:{self.port}"
        self.ws = websocket.WebSocket(enable_multithread=True, sockopt=_keepalive_opts())
        try:
            self.ws.connect(url, timeout=timeout)
        except ConnectionRefusedError as e:
            raise ObsConnectError("refused", str(e)) from e
        except socket.gaierror as e:
            raise ObsConnectError("bad_host", str(e)) from e
        except (TimeoutError, websocket.WebSocketTimeoutException) as e:
            raise ObsConnectError("timeout", str(e)) from e
        except websocket.WebSocketBadStatusException as e:
            raise ObsConnectError("not_obs", str(e)) from e
        except (OSError, websocket.WebSocketException) as e:
            if getattr(e, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH):
                raise ObsConnectError("unreachable", str(e)) from e
            raise ObsConnectError("network", str(e)) from e
        try:
            self._auth()
            self.ws.settimeout(None)
            self.thread_recv = _GuardedRecvThread(self)
            self.thread_recv.daemon = True
            self.thread_recv.start()
            version = self.request("GetVersion")
        except ObsConnectError:
            self.close()
            raise
        except ObsRequestError as e:
            self.close()
            raise ObsConnectError("no_hello", str(e)) from e
        except (OSError, websocket.WebSocketException) as e:
            self.close()
            if not isinstance(e, TimeoutError | websocket.WebSocketTimeoutException):
                raise ObsConnectError("network", str(e)) from e
            # obs-websocket 4.x (OBS 27 and older) listens on 4444 and never says Hello.
            raise ObsConnectError(
                "too_old" if self.port == LEGACY_PORT else "no_hello", str(e)
            ) from e
        self.obs_version = version.get("obsVersion", "")
        if obs_major(self.obs_version) < MIN_OBS_MAJOR:
            self.close()
            raise ObsConnectError("too_old", self.obs_version)

    def _auth(self) -> None:
        hello = self._recv_json()
        if hello.get("op") != 0:
            raise ObsConnectError("not_obs", "first message is not Hello")
        d = hello.get("d", {})
        self.server_version = d.get("obsWebSocketVersion", "")
        if obs_major(self.server_version) < 5 or d.get("rpcVersion", 0) < 1:
            raise ObsConnectError("too_old", f"obs-websocket {self.server_version}")
        auth = d.get("authentication")
        if auth and not self.password:
            raise ObsConnectError("password_required")
        identify = {"rpcVersion": 1, "eventSubscriptions": self.subscriptions}
        if auth:
            identify["authentication"] = self._build_auth_string(auth["salt"], auth["challenge"])
        self.ws.send(json.dumps({"op": 1, "d": identify}))
        identified = self._recv_json()
        if identified.get("op") != 2:
            raise ObsConnectError("protocol", f"unexpected op {identified.get('op')}")

    def _recv_json(self) -> dict:
        """Next text message; a close frame becomes an ObsConnectError with its code."""
        opcode, data = self.ws.recv_data(control_frame=True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            code = struct.unpack("!H", data[:2])[0] if len(data) >= 2 else 0
            reason = data[2:].decode("utf-8", "replace")
            if code == CLOSE_AUTH_FAILED:
                raise ObsConnectError("auth_failed", reason)
            if code == CLOSE_UNSUPPORTED_RPC:
                raise ObsConnectError("too_old", reason)
            raise ObsConnectError("closed", f"{code} {reason}")
        try:
            message = json.loads(data)
        except ValueError as e:
            raise ObsConnectError("not_obs", "not JSON") from e
        if not isinstance(message, dict):
            raise ObsConnectError("not_obs", "not a protocol message")
        return message

    def disconnect(self) -> None:
        # The library's receive loop calls this on a clean close; its own version joins
        # the calling thread and waits for a close handshake.
        self.close()

    def alive(self) -> bool:
        t = self.thread_recv
        return bool(t and t.running and t.is_alive() and self.ws and self.ws.connected)

    def close(self) -> None:
        """Drop the connection at once: no close handshake to wait for on a dead peer."""
        t, self.thread_recv = self.thread_recv, None
        if t:
            t.running = False
        if self.ws:
            try:
                self.ws.abort()  # wakes the receive thread
            except OSError:
                pass
            self.ws.shutdown()
        if t and t is not threading.current_thread():
            t.join(timeout=1.0)

    # -- requests ---------------------------------------------------------------------
    def request(
        self, request_type: str, data: dict | None = None, timeout: float | None = None
    ) -> dict:
        """Send one request and wait for its response; raises ObsRequestError."""
        if threading.current_thread() is self.thread_recv:
            # Failure mode 2: the receive thread would wait for its own answer.
            raise RuntimeError("OBS requests cannot be made from the event callback")
        if not self.alive():
            raise ObsRequestError(request_type, "lost")
        request_id = str(self.id)
        self.id += 1
        answered = threading.Event()
        self.events[request_id] = answered
        payload = {"requestType": request_type, "requestId": request_id, "requestData": data or {}}
        try:
            self.ws.send(json.dumps({"op": 6, "d": payload}))
            deadline = time.monotonic() + (timeout or self.timeout)
            # Wait in slices so a dead receive thread is noticed at once, not at the timeout.
            while not answered.wait(0.05):
                if not self.alive():
                    raise ObsRequestError(request_type, "lost")
                if time.monotonic() > deadline:
                    raise ObsRequestError(request_type, "timeout")
        except (OSError, websocket.WebSocketException) as e:
            raise ObsRequestError(request_type, "lost", str(e)) from e
        finally:
            self.events.pop(request_id, None)
        answer = self.answers.pop(request_id)
        status = answer.get("requestStatus", {})
        if not status.get("result"):
            raise ObsRequestError(request_type, status.get("code", 0), status.get("comment", ""))
        return answer.get("responseData") or {}

    def _deliver(self, event) -> None:
        # Runs on the receive thread: hand over, never call back into OBS, never raise.
        try:
            if self._on_event:
                self._on_event(event.name, event.datain)
        except Exception:
            log.exception("OBS event handler failed for %s", event.name)


def _keepalive_opts() -> list:
    opts = [
        (socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1),
        (socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),
    ]
    for name, value in (("TCP_KEEPIDLE", 5), ("TCP_KEEPINTVL", 2), ("TCP_KEEPCNT", 3)):
        if hasattr(socket, name):
            opts.append((socket.IPPROTO_TCP, getattr(socket, name), value))
    return opts
