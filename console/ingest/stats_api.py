"""The local stats API (resources/api/openapi.yaml): other tools POST the room's numbers as JSON,
and an OBS browser source or another screen GETs the current ones.

    POST /v1/ingest   one item or {"items": [...]} (console.core.stats_input) -> 200
                      {"inserted": n, "duplicates": m}, sent only once the writer committed it
    GET  /v1/now      the open show's latest numbers and the product being explained
    GET  /v1/health   {"status": "ok"}, the only request without the bearer token

stdlib ThreadingHTTPServer: a thread per connection, none of them the GUI's; nothing here is
Qt. Bound to 127.0.0.1 unless `lan` is asked for. start_in_background() and restart() keep the
keyring read and the binding off the caller's thread; state() says, in codes, whether and where
it listens and why not. Every refusal is a 4xx with a JSON body
{"error": code, "detail": text}; a timeout waiting for the writer is a 503 (never a 2xx for
what was not committed); only a bug is a 500.

`store` is console.store.stats_repo, passed in by the app: ingest and store are independent
layers (pyproject.toml), so this module names no store function itself."""

from __future__ import annotations

import errno
import hmac
import json
import logging
import math
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol

from console.core.metrics import METRICS
from console.core.stats_input import Batch, StatsInputError, parse

log = logging.getLogger(__name__)

MAX_BODY = 2 * 1024 * 1024
WRITE_TIMEOUT_S = 10.0
RATE_PER_S = 200.0  # requests per client address: 100,000 samples/s in batches of 500
BURST = 400
MAX_IN_FLIGHT = 16  # ingests waiting on the writer at once; more get 503 at once
MAX_CONNECTIONS = 64
IDLE_TIMEOUT_S = 15.0  # a connection silent this long (mid-body too) is closed
DRAIN_LIMIT = 8 * 1024 * 1024  # read and dropped after an early refusal, so the client sees it
SOURCE = "api"
LOCAL_HOST, LAN_HOST = "127.0.0.1", "0.0.0.0"

# ApiState.status
STARTING, LISTENING, NOT_LISTENING = "starting", "listening", "not_listening"
# ApiState.problem: why the last start or restart did not get what was asked
PORT_IN_USE = "port_in_use"
PORT_FORBIDDEN = "port_forbidden"  # below 1024 on Unix, a reserved range on Windows
ADDRESS_UNAVAILABLE = "address_unavailable"
NO_TOKEN = "no_token"  # the token loader failed
OS_ERROR = "os_error"
_PROBLEMS = {  # errno, and the Winsock numbers Windows reports
    errno.EADDRINUSE: PORT_IN_USE,
    10048: PORT_IN_USE,
    errno.EACCES: PORT_FORBIDDEN,
    10013: PORT_FORBIDDEN,
    errno.EADDRNOTAVAIL: ADDRESS_UNAVAILABLE,
    10049: ADDRESS_UNAVAILABLE,
}


@dataclass(frozen=True)
class ApiState:
    """Where the API listens, for the settings page. Listening with a problem: the last
    restart failed and the API stayed where it was."""

    status: str = NOT_LISTENING
    host: str = ""  # where it listens; "" when it does not
    port: int | None = None
    wanted_port: int = 0  # what was last asked for
    wanted_lan: bool = False
    problem: str = ""
    detail: str = ""  # the system's words for the problem, for the log and support

    @property
    def listening(self) -> bool:
        return self.status == LISTENING


class StatsStore(Protocol):
    """What the server needs from the store (console.store.stats_repo is one)."""

    def insert_batch(self, db, show_id: int, batch: Batch, source: str) -> Any:
        """On the writer thread; the result has .inserted and .duplicates."""

    def read_now(self, path, show_id: int, metrics) -> tuple[dict, Any]:
        """On the calling thread: ({metric: (ts_ms, value)}, totals with .orders, .items,
        .gmv_fen, .last_ts_ms)."""


class _Refusal(Exception):
    def __init__(self, status: int, error: str, detail: str = "", extra: dict | None = None):
        super().__init__(f"{status} {error}: {detail}")
        self.status, self.error, self.detail, self.extra = status, error, detail, extra or {}


class TokenBuckets:
    """One token bucket per client address: `rate` requests per second, `burst` at once."""

    MAX_ADDRESSES = 4096

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (tokens, at)
        self._lock = threading.Lock()

    def take(self, address: str) -> float:
        """0 when the request may go; else the seconds until it could."""
        now = self.clock()
        with self._lock:
            tokens, at = self._buckets.get(address, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate)
            if tokens < 1:
                self._buckets[address] = (tokens, now)
                return (1 - tokens) / self.rate
            if len(self._buckets) >= self.MAX_ADDRESSES and address not in self._buckets:
                self._buckets.clear()  # only a LAN full of clients gets here; forget them all
            self._buckets[address] = (tokens - 1, now)
            return 0.0


class StatsApi:
    """The server. start() binds and serves on its own threads; stop() before the writer
    closes. `current_show_id()` and `current_product()` are called on server threads: they
    must only read plain attributes. The product is an object with name, sku, live_price_fen
    and stock (a console.core.queue.QueueItem), or None.

    `token` is the token, or a function returning it (console.settings.load_api_token, a
    keyring read) that start() calls on its own thread: start_in_background() keeps it off the
    caller's. Every public method is safe from any thread."""

    def __init__(
        self,
        writer,
        store: StatsStore,
        current_show_id: Callable[[], int | None],
        current_product: Callable[[], object | None],
        token: str | Callable[[], str],
        *,
        port: int = 8765,
        lan: bool = False,
        rate_per_s: float = RATE_PER_S,
        burst: float = BURST,
        write_timeout_s: float = WRITE_TIMEOUT_S,
        clock_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ):
        self._token_loader: Callable[[], str] | None = None
        self._token = b""  # one reference swapped whole: readers on any thread see old or new
        self._token_lock = threading.Lock()
        if callable(token):
            self._token_loader = token
        else:
            self.set_token(token)
        self.writer, self.store = writer, store
        self.current_show_id, self.current_product = current_show_id, current_product
        self.host = LAN_HOST if lan else LOCAL_HOST
        self.requested_port = port
        self.write_timeout_s = write_timeout_s
        self.clock_ms = clock_ms
        self.buckets = TokenBuckets(rate_per_s, burst)
        self._callbacks: list[Callable[[int, int, int], None]] = []
        self._in_flight = threading.BoundedSemaphore(MAX_IN_FLIGHT)
        self._busy = 0  # ingests between submit and reply
        self._busy_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        # start, restart and stop one at a time; a start waiting on the token loader that a
        # later call overtook (its generation is old) gives up
        self._lifecycle = threading.RLock()
        self._generation = 0
        self._state = ApiState(wanted_port=port, wanted_lan=lan)

    @property
    def port(self) -> int | None:
        server = self._server
        return server.server_address[1] if server else None

    @property
    def lan(self) -> bool:
        return self.host == LAN_HOST

    @property
    def token(self) -> str:
        """The token in use; "" while the loader has not given it yet."""
        return self._token.decode("utf-8")

    def state(self) -> ApiState:
        return self._state

    def set_token(self, token: str) -> None:
        """A regenerated token takes effect with the next request (from any thread)."""
        if not token:
            raise ValueError("the stats API needs a token")
        with self._token_lock:
            self._token = token.encode("utf-8")

    def on_ingested(self, callback: Callable[[int, int, int], None]) -> None:
        """callback(show_id, inserted, duplicates) on a server thread after each commit."""
        self._callbacks.append(callback)

    def start(self) -> int:
        """Load the token if need be, bind (OSError if the port is taken) and serve on the
        calling thread; returns the port."""
        with self._lifecycle:
            if self._server is not None:
                return self.port
            self._generation += 1
            self._set_state(STARTING)
        try:
            self._load_token()
        except Exception as e:
            self._failed(NO_TOKEN, e, self.requested_port, self.lan)
            raise
        with self._lifecycle:
            if self._server is None:
                try:
                    self._serve(self._bind(self.host, self.requested_port), self.requested_port)
                except OSError as e:
                    self._failed(_problem(e), e, self.requested_port, self.lan)
                    raise
            return self.port

    def start_in_background(self) -> threading.Thread | None:
        """start() on a thread of its own: the token loader and the bind stay off the
        caller's (the GUI's) thread. A failure is logged and kept in state(), never raised:
        a taken port must not stop a show. Returns the thread (None: listening already)."""
        with self._lifecycle:
            if self._server is not None:
                return None
            self._generation += 1
            generation = self._generation
            self._set_state(STARTING)

        def run() -> None:
            try:
                self._load_token()
            except Exception as e:
                log.warning("The stats API has no token (%s): it does not listen", e)
                self._failed(NO_TOKEN, e, self.requested_port, self.lan, generation)
                return
            with self._lifecycle:
                if generation != self._generation or self._server is not None:
                    return  # stopped or restarted meanwhile
                try:
                    self._serve(self._bind(self.host, self.requested_port), self.requested_port)
                except OSError as e:
                    log.warning(
                        "The stats API could not listen on port %d: %s", self.requested_port, e
                    )
                    self._failed(_problem(e), e, self.requested_port, self.lan)

        thread = threading.Thread(target=run, name="stats-api-start", daemon=True)
        thread.start()
        return thread

    def restart(self, port: int, lan: bool) -> ApiState:
        """Listen on `port`, on every interface with `lan`, instead; blocks up to stop()'s
        time (call it off the GUI thread). A new port is bound before the old listener
        closes, so a taken one leaves the API where it was. The same port on other
        interfaces must be let go first (the system would refuse it); if the new bind then
        fails, the old one is taken back. Returns the state; its problem says what failed."""
        host = LAN_HOST if lan else LOCAL_HOST
        try:
            self._load_token()
        except Exception as e:
            return self._failed(NO_TOKEN, e, port, lan)
        with self._lifecycle:
            self._generation += 1
            old, old_thread = self._server, self._thread
            old_host, old_port, old_asked = self.host, self.port, self.requested_port
            if old is not None and port and port == old_port:
                self._server = None
                self._shut(old, old_thread)
                old = None
            try:
                new = self._bind(host, port)
            except OSError as e:
                if old is None and old_port is not None:  # let go above: take it back
                    try:
                        self._serve(self._bind(old_host, old_port), old_asked)
                    except OSError as again:
                        log.warning("The stats API lost port %d: %s", old_port, again)
                log.info("The stats API could not listen on %s:%d: %s", host, port, e)
                return self._failed(_problem(e), e, port, lan)
            if old is not None:
                self._server = None
                self._shut(old, old_thread)
            self._serve(new, port)
            return self._state

    def stop(self, timeout: float = 5.0) -> None:
        """Stop accepting, let ingests waiting on the writer answer, close every connection."""
        with self._lifecycle:
            self._generation += 1
            server, thread, self._server = self._server, self._thread, None
            self._set_state(NOT_LISTENING)
            if server is None:
                return
            self._shut(server, thread, timeout)
            log.info("Stats API stopped")

    # -- lifecycle internals (under self._lifecycle, but _load_token) -------------------------
    def _load_token(self) -> None:
        if self._token or self._token_loader is None:
            return
        token = self._token_loader()  # a keyring read: slow, and never under the lock
        if not token:
            raise ValueError("the token loader gave no token")
        with self._token_lock:
            if not self._token:  # a set_token() meanwhile (regenerated) wins
                self._token = token.encode("utf-8")

    def _bind(self, host: str, port: int) -> _Server:
        return _Server((host, port), self)

    def _serve(self, server: _Server, asked_port: int) -> None:
        self._server = server
        self.host, self.requested_port = server.server_address[0], asked_port
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="stats-api"
        )
        self._thread.daemon = True
        self._thread.start()
        self._set_state(LISTENING)
        log.info("Stats API listening on %s:%d", self.host, self.port)

    def _shut(self, server: _Server, thread: threading.Thread | None, timeout: float = 5.0):
        server.stopping = True
        server.shutdown()
        server.server_close()
        deadline = time.monotonic() + timeout
        while self._busy and time.monotonic() < deadline:
            time.sleep(0.01)
        server.close_connections()
        if thread is not None:
            thread.join(timeout)

    def _set_state(self, status: str) -> ApiState:
        listening = status == LISTENING and self._server is not None
        self._state = ApiState(
            status=status,
            host=self.host if listening else "",
            port=self.port if listening else None,
            wanted_port=self.requested_port,
            wanted_lan=self.lan,
        )
        return self._state

    def _failed(self, problem, error, port, lan, generation=None) -> ApiState:
        """Say why (port, lan) was not had; whatever listened before still does."""
        with self._lifecycle:
            if generation is not None and generation != self._generation:
                return self._state
            listening = self._server is not None
            self._state = ApiState(
                status=LISTENING if listening else NOT_LISTENING,
                host=self.host if listening else "",
                port=self.port,
                wanted_port=port,
                wanted_lan=lan,
                problem=problem,
                detail=str(error)[:300],
            )
            return self._state

    # -- used by the handlers -----------------------------------------------------------------
    def authorized(self, header: str | None) -> str | None:
        """None when the header carries the token; else why not."""
        if not header:
            return "missing_token"
        token = self._token
        if not token:  # not loaded yet: nothing matches (an empty "Bearer " must not)
            return "wrong_token"
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer":
            return "not_bearer"
        given_bytes = given.strip().encode("utf-8", "surrogateescape")
        return None if hmac.compare_digest(given_bytes, token) else "wrong_token"

    def ingest(self, doc: object) -> tuple[int, Any]:
        """Check, write and wait for the commit: (show_id, the store's counts); _Refusal."""
        try:
            batch = parse(doc, self.clock_ms())
        except StatsInputError as e:
            raise _Refusal(
                422,
                "invalid",
                f"{e.count} problems",
                {
                    "problem_count": e.count,
                    "problems": [{"path": p.path, "code": p.code} for p in e.problems],
                },
            ) from None
        show_id = self.current_show_id()
        if show_id is None:
            raise _Refusal(409, "no_show", "no show is open in LiveDesk")
        if not self._in_flight.acquire(timeout=1.0):
            raise _Refusal(503, "busy", "too many ingests waiting", {"retry_after": 1})
        try:
            with self._busy_lock:
                self._busy += 1
            stored = self._write(show_id, batch)
        finally:
            with self._busy_lock:
                self._busy -= 1
            self._in_flight.release()
        return show_id, stored

    def _write(self, show_id: int, batch: Batch):
        future = self.writer.submit(self.store.insert_batch, show_id, batch, SOURCE)
        try:
            return future.result(timeout=self.write_timeout_s)
        except FutureTimeout:
            if future.cancel():
                raise _Refusal(
                    503, "not_stored", "the database is busy", {"retry_after": 1}
                ) from None
            # Being written right now: it may still commit, but it was not acknowledged.
            raise _Refusal(503, "not_confirmed", "the write did not finish in time") from None
        except CancelledError:
            raise _Refusal(503, "not_stored", "the write was cancelled") from None
        except RuntimeError as e:  # WriterClosedError: LiveDesk is closing
            if type(e).__name__ == "WriterClosedError":
                raise _Refusal(503, "closing", "LiveDesk is closing") from None
            raise

    def notify(self, show_id: int, inserted: int, duplicates: int) -> None:
        for callback in list(self._callbacks):
            try:
                callback(show_id, inserted, duplicates)
            except Exception:
                log.exception("A stats API listener failed")

    def now(self) -> dict:
        show_id = self.current_show_id()
        if show_id is None:
            raise _Refusal(409, "no_show", "no show is open in LiveDesk")
        latest, totals = self.store.read_now(self.writer.path, show_id, tuple(METRICS))
        metrics = {m: {"value": _number(v), "ts_ms": ts} for m, (ts, v) in latest.items()}
        if totals.orders:
            sales = {
                "source": "orders",
                "gmv_fen": totals.gmv_fen,
                "orders": totals.orders,
                "items_sold": totals.items,
                "ts_ms": totals.last_ts_ms,
            }
        elif any(m in latest for m in ("gmv_fen", "orders", "items_sold")):
            sales = {"source": "samples", "ts_ms": None}
            for m in ("gmv_fen", "orders", "items_sold"):
                ts, value = latest.get(m, (None, None))
                sales[m] = None if value is None else _number(value)
                sales["ts_ms"] = max(filter(None, (sales["ts_ms"], ts)), default=None)
        else:
            sales = None
        return {
            "show_id": show_id,
            "now_ms": self.clock_ms(),
            "metrics": metrics,
            "sales": sales,
            "product": _product(self.current_product()),
        }


def _problem(error: OSError) -> str:
    return _PROBLEMS.get(error.errno, OS_ERROR)


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _product(item: object | None) -> dict | None:
    if item is None:
        return None
    return {key: getattr(item, key, None) for key in ("sku", "name", "live_price_fen", "stock")}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() closes the connections itself
    allow_reuse_address = os.name != "nt"  # on Windows it would let a second server share it
    request_queue_size = 64

    def __init__(self, address, api: StatsApi):
        self.api = api
        self.stopping = False  # this listener only: a restart's new one serves meanwhile
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request, client_address):
        with self._lock:
            full = len(self._connections) >= MAX_CONNECTIONS
            if not full:
                self._connections.add(request)
        if full:
            log.debug("Stats API: connection from %s refused (too many)", client_address[0])
            try:
                request.settimeout(1.0)
                request.sendall(_raw_reply(503, "too_many_connections"))
            except OSError:
                pass
            super().shutdown_request(request)
            return
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._lock:
            open_ = list(self._connections)
        for sock in open_:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], OSError):  # a client reset its connection, and such
            log.debug("Stats API: connection with %s lost", client_address[0], exc_info=True)
        else:
            log.exception("Stats API: unexpected error with a client at %s", client_address[0])


def _raw_reply(status: int, error: str) -> bytes:
    body = json.dumps({"error": error, "detail": ""}).encode()
    phrase = HTTPStatus(status).phrase
    return (
        f"HTTP/1.1 {status} {phrase}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a client posting batches reuses its connection
    server_version = "LiveDesk"
    sys_version = ""
    timeout = IDLE_TIMEOUT_S
    disable_nagle_algorithm = True
    server: _Server

    def handle_one_request(self):
        self._gated = self._checked = self._body_read = self._replied = False
        self._expecting = False
        super().handle_one_request()

    # -- routing ----------------------------------------------------------------------------
    def do_GET(self):
        self._serve(self._get)

    def do_POST(self):
        self._serve(self._post)

    def do_OPTIONS(self):  # a browser's preflight before GET /v1/now with the token
        if self._path() in ("/v1/now", "/v1/health"):
            self._serve(lambda: self._reply(204, None, _cors(preflight=True)))
        else:
            self._serve(self._route)

    def do_HEAD(self):
        self._serve(self._route)

    do_PUT = do_DELETE = do_PATCH = do_HEAD

    def _path(self) -> str:
        return self.path.split("?", 1)[0]

    def _route(self) -> str:
        path = self._path()
        allowed = {"/v1/ingest": "POST", "/v1/now": "GET", "/v1/health": "GET"}.get(path)
        if allowed is None:
            raise _Refusal(404, "not_found", f"no such endpoint: {path[:100]}")
        if self.command != allowed:
            raise _Refusal(405, "method_not_allowed", f"use {allowed}", {"allow": allowed})
        return path

    def _get(self) -> None:
        if self._route() == "/v1/health":
            self._reply(200, {"status": "ok"}, _cors())
            return
        self._authorize()
        self._reply(200, self.server.api.now(), _cors())

    def _post(self) -> None:
        self._route()
        if not self._checked:
            self._check_headers()
        length = int(self.headers["Content-Length"])
        body = self.rfile.read(length)
        self._body_read = True
        if len(body) < length:  # the client gave up
            self.close_connection = True
            return
        try:
            doc = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError as e:
            raise _Refusal(400, "malformed_json", f"the body is not UTF-8 ({e.reason})") from None
        except json.JSONDecodeError as e:
            detail = f"{e.msg}: line {e.lineno} column {e.colno} (char {e.pos})"
            raise _Refusal(400, "malformed_json", detail) from None
        except RecursionError:
            raise _Refusal(400, "malformed_json", "nested too deeply") from None
        except ValueError as e:  # e.g. an integer of more than 4300 digits
            raise _Refusal(400, "malformed_json", str(e)[:200]) from None
        api = self.server.api
        show_id, stored = api.ingest(doc)
        try:
            self._reply(200, {"inserted": stored.inserted, "duplicates": stored.duplicates})
        finally:  # committed: the listeners hear of it even if the client has gone
            api.notify(show_id, stored.inserted, stored.duplicates)

    # -- checks made on the headers alone ---------------------------------------------------
    def _gate(self) -> None:
        """Every request: not while stopping, and not faster than the client's bucket."""
        if self._gated:
            return
        self._gated = True
        api = self.server.api
        if self.server.stopping:
            raise _Refusal(503, "closing", "LiveDesk is closing")
        wait = api.buckets.take(self.client_address[0])
        if wait:
            raise _Refusal(429, "too_many_requests", "slow down", {"retry_after": wait})

    def _authorize(self) -> None:
        why = self.server.api.authorized(self.headers.get("Authorization"))
        if why:
            raise _Refusal(401, "unauthorized", why, {"www_authenticate": True})

    def _check_headers(self) -> None:
        """What POST /v1/ingest can refuse before its body: also answers 100-continue."""
        self._checked = True
        self._authorize()
        content_type = self.headers.get("Content-Type", "")
        media, _, params = content_type.partition(";")
        charset = params.strip().lower().replace(" ", "").replace('"', "")
        if media.strip().lower() != "application/json" or charset not in ("", "charset=utf-8"):
            raise _Refusal(415, "unsupported_media_type", "send application/json (UTF-8)")
        if self.headers.get("Transfer-Encoding"):
            raise _Refusal(411, "length_required", "chunked bodies are not accepted")
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refusal(411, "length_required", "Content-Length is required")
        digits = length.strip()
        if not (digits.isascii() and digits.isdigit()):
            raise _Refusal(400, "bad_length", "Content-Length is not a number")
        if len(digits) > 9 or int(digits) > MAX_BODY:
            raise _Refusal(413, "too_large", f"the body limit is {MAX_BODY} bytes")

    def handle_expect_100(self) -> bool:
        self._expecting = True
        try:
            self._gate()
            if self._route() == "/v1/ingest":
                self._check_headers()
        except _Refusal as r:  # refused before the client sends the body
            self._refuse(r)
            return False
        return super().handle_expect_100()

    # -- replies -----------------------------------------------------------------------------
    def _serve(self, handler: Callable[[], None]) -> None:
        try:
            self._gate()
            handler()
        except _Refusal as r:
            if not self._replied:
                self._refuse(r)
        except OSError as e:  # the client went away, or stalled mid-body
            log.debug("Stats API: connection with %s ended: %r", self.client_address[0], e)
            self.close_connection = True
        except Exception:
            log.exception("Stats API: %s %s failed", self.command, self._path()[:100])
            if not self._replied:
                self._reply(500, {"error": "internal", "detail": "internal error (see the log)"})

    def _refuse(self, r: _Refusal) -> None:
        headers = {}
        body: dict = {"error": r.error, "detail": r.detail}
        if "problems" in r.extra:
            body["problem_count"] = r.extra["problem_count"]
            body["problems"] = r.extra["problems"]
        if "retry_after" in r.extra:
            headers["Retry-After"] = str(max(1, math.ceil(r.extra["retry_after"])))
        if "allow" in r.extra:
            headers["Allow"] = r.extra["allow"]
        if r.extra.get("www_authenticate"):
            headers["WWW-Authenticate"] = 'Bearer realm="livedesk"'
        if r.status >= 500:
            headers.setdefault("Retry-After", "1")
        log.debug("Stats API: %s %s -> %d %s", self.command, self._path()[:100], r.status, r.error)
        self._reply(r.status, body, headers)

    def _unread_body(self) -> bool:
        if self._body_read or self._expecting:
            return False
        headers = getattr(self, "headers", None)
        if headers is None:
            return False
        length = (headers.get("Content-Length") or "").strip()
        return bool(headers.get("Transfer-Encoding")) or (length not in ("", "0"))

    def _reply(self, status: int, body: dict | None, headers: dict | None = None) -> None:
        data = b"" if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        unread = self._unread_body()
        if unread or self._expecting and status >= 400 or status >= 500:
            self.close_connection = True  # the body still on the wire is no next request
        self._replied = True
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        if self.command == "HEAD":
            data = b""
        if self.request_version == "HTTP/0.9":  # no status line, no headers: the body alone
            self.wfile.write(data)
            return
        # Headers and body in one send: two would wait on the client's delayed ACK (Nagle).
        self._headers_buffer.append(b"\r\n" + data)
        self.flush_headers()
        if unread:
            self._drain()

    def _drain(self) -> None:
        """Read and drop, briefly, what the client is still sending: closing with unread data
        would reset the connection before the client has read the refusal."""
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(0.5)
            left = DRAIN_LIMIT
            while left > 0 and (chunk := self.connection.recv(min(65536, left))):
                left -= len(chunk)
        except OSError:
            pass

    def send_error(self, code, message=None, explain=None):
        """Errors the stdlib finds in the request line and headers, in this API's form."""
        self.close_connection = True
        try:
            error = HTTPStatus(code).name.lower()
        except ValueError:
            error = "bad_request"
        self._reply(code, {"error": error, "detail": message or ""})

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        log.debug("Stats API %s: " + format, self.client_address[0], *args)


def _cors(preflight: bool = False) -> dict:
    """Pages (an OBS browser source) may read the numbers; they still need the token."""
    headers = {"Access-Control-Allow-Origin": "*"}
    if preflight:
        headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "Authorization"
        headers["Access-Control-Max-Age"] = "600"
    return headers
