"""The local stats API against a real server on 127.0.0.1 and a real DbWriter: the token, every
refusal (4xx with a reason, nothing stored), idempotent orders, the 200 only after the commit,
/v1/now, and raw-body fuzzing that never gets a 5xx nor takes the server down."""

import errno
import json
import socket
import threading
import time
from http.client import HTTPConnection
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.app import parse_args
from console.ingest import stats_api
from console.ingest.stats_api import (
    LAN_HOST,
    LISTENING,
    MAX_BODY,
    NO_TOKEN,
    NOT_LISTENING,
    PORT_FORBIDDEN,
    PORT_IN_USE,
    StatsApi,
)
from console.store import stats_repo
from console.store.writer import DbWriter

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
PRODUCT = SimpleNamespace(sku="LIP-01", name="口红 01", live_price_fen=5990, stock=12)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def sample(metric="online", value=1000, ts=None):
    return {"type": "sample", "ts": ts or now_ms(), "metric": metric, "value": value}


def order(order_id, fen=5990, qty=1):
    return {"type": "order", "ts": now_ms(), "order_id": order_id, "qty": qty, "amount_fen": fen}


class Room:
    """A writer, an open show, and the API in front of them."""

    def __init__(self, path, **api_options):
        self.writer = DbWriter(path)
        self.show_id = self.writer.submit(
            lambda db: db["shows"].insert({"title": "接口测试", "platform": "douyin"}).last_pk
        ).result()
        self.open_show: int | None = self.show_id
        self.product = PRODUCT
        self.api = StatsApi(
            self.writer,
            stats_repo,
            lambda: self.open_show,
            lambda: self.product,
            TOKEN,
            port=0,
            **api_options,
        )
        self.port = self.api.start()
        self.conn = HTTPConnection("127.0.0.1", self.port, timeout=10)

    def call(self, method, path, body=None, headers=None, conn=None):
        conn = conn or self.conn
        if isinstance(body, dict | list):
            body = json.dumps(body)
        conn.request(method, path, body=body, headers=AUTH if headers is None else headers)
        response = conn.getresponse()
        data = response.read()
        if response.getheader("Connection") == "close":
            conn.close()
        return response.status, (json.loads(data) if data else None), response

    def post(self, body, **kw):
        status, data, _ = self.call("POST", "/v1/ingest", body, **kw)
        return status, data

    def counts(self) -> dict[str, int]:
        def count(db):
            return {t: db[t].count for t in ("samples", "orders", "comments", "likes")}

        return self.writer.submit(count).result()

    def close(self):
        self.conn.close()
        self.api.stop()
        self.writer.close()


@pytest.fixture
def room(tmp_path):
    r = Room(tmp_path / "api.db")
    yield r
    r.close()


def raw(port: int, data: bytes, read_body: bool = True) -> tuple[int, dict | None]:
    """One request as raw bytes (for what http.client will not send)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(data)
        return _read_response(s, read_body)


def _read_response(s: socket.socket, read_body: bool = True) -> tuple[int, dict | None]:
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = s.recv(65536)
        if not chunk:
            break
        buf += chunk
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        (
            int(v)
            for k, _, v in (x.partition(":") for x in lines[1:])
            if k.lower() == "content-length"
        ),
        0,
    )
    while read_body and len(body) < length:
        body += s.recv(65536)
    return status, (json.loads(body) if read_body and body else None)


# -- health and the token ---------------------------------------------------------------------
def test_health_needs_no_token_and_the_default_is_loopback(room):
    status, data, _ = room.call("GET", "/v1/health", headers={})
    assert (status, data) == (200, {"status": "ok"})
    assert room.api.host == "127.0.0.1"
    assert StatsApi(room.writer, stats_repo, int, dict, TOKEN, lan=True).host == "0.0.0.0"


@pytest.mark.parametrize("path, method", [("/v1/ingest", "POST"), ("/v1/now", "GET")])
@pytest.mark.parametrize(
    "authorization, reason",
    [
        (None, "missing_token"),
        (f"Basic {TOKEN}", "not_bearer"),
        ("Bearer wrong", "wrong_token"),
        (f"Bearer {TOKEN}x", "wrong_token"),
        ("Bearer ", "wrong_token"),
    ],
)
def test_every_endpoint_but_health_needs_the_bearer_token(
    room, path, method, authorization, reason
):
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    status, data, response = room.call(method, path, [sample()], headers=headers)
    assert (status, data["error"], data["detail"]) == (401, "unauthorized", reason)
    assert response.getheader("WWW-Authenticate").startswith("Bearer")
    assert room.counts()["samples"] == 0


def test_the_scheme_is_case_insensitive_and_a_new_token_takes_over(room):
    assert room.post(sample(), headers={**AUTH, "Authorization": f"bearer {TOKEN}"})[0] == 200
    room.api.set_token("new-token")
    assert room.post({"items": [sample()]})[0] == 401
    assert room.post({"items": [sample()]}, headers={**AUTH, "Authorization": "Bearer new-token"})[
        0
    ] == (200)


# -- refusals ---------------------------------------------------------------------------------
def test_no_length_and_chunked_bodies_are_411(room):
    for extra in (b"", b"Transfer-Encoding: chunked\r\n"):
        status, data = raw(
            room.port,
            b"POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TOKEN.encode()
            + b"\r\nContent-Type: application/json\r\n"
            + extra
            + b"\r\n",
        )
        assert (status, data["error"]) == (411, "length_required")


def test_a_bad_length_header_is_400(room):
    status, data = raw(
        room.port,
        b"POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + TOKEN.encode()
        + b"\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n",
    )
    assert (status, data["error"]) == (400, "bad_length")


def test_a_body_over_the_limit_is_413_whether_sent_or_announced(room):
    body = b'{"items": [' + b" " * MAX_BODY + b"]}"
    status, data, _ = room.call("POST", "/v1/ingest", body)
    assert (status, data["error"]) == (413, "too_large")
    # with Expect: 100-continue the refusal comes before the body is sent
    status, data = raw(
        room.port,
        b"POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + TOKEN.encode()
        + b"\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
        + f"Content-Length: {10**12}\r\n\r\n".encode(),
    )
    assert (status, data["error"]) == (413, "too_large")
    assert room.counts()["samples"] == 0


def test_expect_100_continue_then_the_body(room):
    body = json.dumps([sample()][0]).encode()
    with socket.create_connection(("127.0.0.1", room.port), timeout=10) as s:
        s.sendall(
            b"POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TOKEN.encode()
            + b"\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        assert s.recv(100).startswith(b"HTTP/1.1 100")
        s.sendall(body)
        assert _read_response(s) == (200, {"inserted": 1, "duplicates": 0})


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=gbk"],
)
def test_anything_but_json_is_415(room, content_type):
    headers = {"Authorization": AUTH["Authorization"]}
    if content_type:
        headers["Content-Type"] = content_type
    status, data = room.post(json.dumps(sample()), headers=headers)
    assert (status, data["error"]) == (415, "unsupported_media_type")


def test_json_with_utf8_charset_is_accepted(room):
    headers = {**AUTH, "Content-Type": "Application/JSON; charset=UTF-8"}
    assert room.post(sample(), headers=headers)[0] == 200


@pytest.mark.parametrize(
    "body, detail",
    [
        ("{bad", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("", "Expecting value: line 1 column 1 (char 0)"),
        (b"\xff\xfe{}", "the body is not UTF-8 (invalid start byte)"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": 1} x', "Extra data: line 1 column 10 (char 9)"),
    ],
)
def test_malformed_json_is_400_with_the_parsers_message(room, body, detail):
    status, data = room.post(body)
    assert (status, data) == (400, {"error": "malformed_json", "detail": detail})


def test_validation_problems_are_422_with_every_path_and_nothing_is_stored(room):
    good = [sample(value=n) for n in range(10)] + [order("G-1")]
    bad = good + [sample(metric="gmv", value=5), order("G-2", fen=-1), {"type": "like"}]
    status, data = room.post({"items": bad})
    assert status == 422
    assert data["error"] == "invalid" and data["problem_count"] == 4
    assert [f"{p['path']}: {p['code']}" for p in data["problems"]] == [
        "items[11].metric: unknown_metric",
        "items[12].amount_fen: out_of_range",
        "items[13].ts: missing",
        "items[13].count: missing",
    ]
    assert room.counts() == {"samples": 0, "orders": 0, "comments": 0, "likes": 0}
    assert room.post({"items": good}) == (200, {"inserted": 11, "duplicates": 0})


def test_no_open_show_is_409(room):
    room.open_show = None
    status, data = room.post(sample())
    assert (status, data["error"]) == (409, "no_show")
    status, data, _ = room.call("GET", "/v1/now")
    assert (status, data["error"]) == (409, "no_show")
    assert room.counts()["samples"] == 0


def test_unknown_paths_and_methods(room):
    status, data, _ = room.call("GET", "/v2/now")
    assert (status, data["error"]) == (404, "not_found")
    status, data, response = room.call("GET", "/v1/ingest")
    assert (status, data["error"], response.getheader("Allow")) == (
        405,
        "method_not_allowed",
        "POST",
    )
    for method in ("PUT", "DELETE", "PATCH"):
        assert room.call(method, "/v1/now", "{}")[0] == 405
    status, _, response = room.call("HEAD", "/v1/now")
    assert status == 405


def test_a_browser_may_read_now_with_the_token(room):
    status, _, response = room.call("OPTIONS", "/v1/now", headers={})
    assert status == 204
    assert "Authorization" in response.getheader("Access-Control-Allow-Headers")
    status, _, response = room.call("GET", "/v1/now")
    assert response.getheader("Access-Control-Allow-Origin") == "*"


def test_a_flood_from_one_address_is_429(tmp_path):
    room = Room(tmp_path / "flood.db", rate_per_s=0.01, burst=3)
    try:
        statuses = [room.post(sample())[0] for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        status, data, response = room.call("GET", "/v1/health", headers={})
        assert (status, data["error"]) == (429, "too_many_requests")
        assert int(response.getheader("Retry-After")) >= 1
        assert room.counts()["samples"] == 3
    finally:
        room.close()


# -- writing --------------------------------------------------------------------------------
def test_orders_are_idempotent_on_their_order_id(room):
    assert room.post({"items": [order("A-1"), order("A-2")]}) == (
        200,
        {"inserted": 2, "duplicates": 0},
    )
    assert room.post(order("A-1", fen=1)) == (200, {"inserted": 0, "duplicates": 1})
    assert room.post({"items": [order("A-3"), order("A-3"), sample()]}) == (
        200,
        {"inserted": 2, "duplicates": 1},
    )
    rows = room.writer.submit(
        lambda db: db.execute("SELECT order_id, amount_fen FROM orders ORDER BY id").fetchall()
    ).result()
    assert rows == [("A-1", 5990), ("A-2", 5990), ("A-3", 5990)]


def test_every_kind_is_stored_with_its_source(room):
    ts = now_ms()
    body = {
        "items": [
            sample("gmv_fen", 1_000_000, ts),
            {"type": "order", "ts": ts, "order_id": "O-1", "sku": "S", "qty": 2, "amount": 119.8},
            {"type": "comment", "ts": ts, "user": "小王", "text": "链接在哪"},
            {"type": "like", "ts": ts, "count": 25},
        ]
    }
    assert room.post(body) == (200, {"inserted": 4, "duplicates": 0})

    def rows(db):
        return [
            db.execute(f"SELECT * FROM {t}").fetchall()
            for t in ("samples", "orders", "comments", "likes")
        ]

    sid = room.show_id
    assert room.writer.submit(rows).result() == [
        [(1, sid, ts, "gmv_fen", 1_000_000.0, "api")],
        [(1, sid, "O-1", ts, "S", 2, 11980, None, "api")],
        [(1, sid, ts, "小王", "链接在哪", "api")],
        [(1, sid, ts, 25, "api")],
    ]


def test_the_listener_hears_of_each_commit(room):
    heard = []
    done = threading.Event()

    def listener(*args):
        heard.append((*args, threading.current_thread().name))
        done.set()

    room.api.on_ingested(listener)
    room.post({"items": [order("L-1"), order("L-1"), sample()]})
    assert done.wait(5)
    (show, inserted, duplicates, thread), *_ = heard
    assert (show, inserted, duplicates) == (room.show_id, 2, 1)
    assert thread != threading.main_thread().name


def test_a_writer_too_busy_to_commit_in_time_is_503_and_nothing_is_stored(tmp_path):
    room = Room(tmp_path / "busy.db", write_timeout_s=0.3)
    release = threading.Event()
    try:
        room.writer.submit(lambda db: release.wait(10))  # the writer is stuck on this
        status, data = room.post({"items": [sample(), order("B-1")]})
        assert (status, data["error"]) == (503, "not_stored")
        release.set()
        assert room.counts() == {"samples": 0, "orders": 0, "comments": 0, "likes": 0}
        assert room.post(order("B-1")) == (200, {"inserted": 1, "duplicates": 0})
    finally:
        release.set()
        room.close()


def test_a_closed_writer_is_503(room):
    room.writer.close()
    status, data = room.post(sample())
    assert (status, data["error"]) == (503, "closing")


@pytest.mark.allow_warning_logs
def test_a_bug_is_a_generic_500_and_the_server_carries_on(room, caplog):
    def broken():
        raise KeyError("secret detail")

    room.api.current_show_id = broken
    status, data = room.post(sample())
    assert (status, data) == (500, {"error": "internal", "detail": "internal error (see the log)"})
    assert any("failed" in r.getMessage() and r.exc_info for r in caplog.records)
    assert room.call("GET", "/v1/health", headers={})[0] == 200


def test_keep_alive_serves_many_requests_on_one_connection(room):
    for n in range(20):
        assert room.post(sample(value=n))[0] == 200
    assert room.conn.sock is not None  # never closed in between
    assert room.counts()["samples"] == 20


def test_a_client_that_stalls_or_resets_mid_body_costs_nothing(room):
    import struct

    head = (
        b"POST /v1/ingest HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + TOKEN.encode()
        + b'\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"items": ['
    )
    s = socket.create_connection(("127.0.0.1", room.port), timeout=10)
    s.sendall(head)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()  # a reset, half-way through the body
    s = socket.create_connection(("127.0.0.1", room.port), timeout=10)
    s.sendall(head)
    s.shutdown(socket.SHUT_WR)  # the body never comes
    assert s.recv(100) == b""  # closed without a reply: there was no request
    s.close()
    assert room.call("GET", "/v1/health", headers={})[0] == 200
    assert room.counts()["samples"] == 0


def test_stop_closes_idle_connections_and_the_port(room):
    assert room.post(sample())[0] == 200
    port = room.api.port
    room.api.stop()
    with pytest.raises(OSError):
        room.post(sample())
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# -- /v1/now ----------------------------------------------------------------------------------
def test_now_has_the_latest_numbers_and_the_product(room):
    t = now_ms()
    room.post(
        {
            "items": [
                sample("online", 900, t - 2000),
                sample("online", 1200, t - 1000),
                sample("viewers", 15000, t - 1000),
                sample("gmv_fen", 99_900, t - 1000),
                sample("orders", 10, t - 1000),
            ]
        }
    )
    status, data, _ = room.call("GET", "/v1/now")
    assert status == 200
    assert data["show_id"] == room.show_id and abs(data["now_ms"] - t) < 60_000
    assert data["metrics"] == {
        "online": {"value": 1200, "ts_ms": t - 1000},
        "viewers": {"value": 15000, "ts_ms": t - 1000},
        "gmv_fen": {"value": 99_900, "ts_ms": t - 1000},
        "orders": {"value": 10, "ts_ms": t - 1000},
    }
    # no order rows yet: the platform's cumulative counters
    assert data["sales"] == {
        "source": "samples",
        "gmv_fen": 99_900,
        "orders": 10,
        "items_sold": None,
        "ts_ms": t - 1000,
    }
    assert data["product"] == {
        "sku": "LIP-01",
        "name": "口红 01",
        "live_price_fen": 5990,
        "stock": 12,
    }
    room.post({"items": [order("N-1", 5990, 2), order("N-2", 100)]})
    room.product = None
    data = room.call("GET", "/v1/now")[1]
    assert data["sales"]["source"] == "orders"
    assert (data["sales"]["gmv_fen"], data["sales"]["orders"], data["sales"]["items_sold"]) == (
        6090,
        2,
        3,
    )
    assert data["product"] is None


def test_now_of_an_empty_show(room):
    data = room.call("GET", "/v1/now")[1]
    assert (data["metrics"], data["sales"]) == ({}, None)


# -- fuzz -------------------------------------------------------------------------------------
json_bodies = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
item_like = st.fixed_dictionaries(
    {"type": st.sampled_from(["sample", "order", "comment", "like", "x"])},
    optional={
        "ts": st.integers() | st.text(max_size=30) | st.just(now_ms()),
        "metric": st.sampled_from(["online", "gmv_fen", "bad"]),
        "value": st.floats() | st.integers(),
        "order_id": st.text(max_size=10),
        "qty": st.integers(-1, 5),
        "amount": st.floats(),
        "amount_fen": st.integers(),
        "text": st.text(max_size=10),
        "count": st.integers(),
    },
)
raw_bodies = st.one_of(
    st.binary(max_size=300),
    json_bodies.map(lambda v: json.dumps(v).encode()),
    st.lists(item_like, max_size=6).map(lambda items: json.dumps({"items": items}).encode()),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b'{"items": [{"type": "sample", "ts": 1, "metric": "online", "value": NaN}]}',
            b'"\\ud800"',
            b'{"type": "comment", "ts": 1, "text": "\\udfff"}',
        ]
    ),
)


def test_fuzzed_bodies_never_get_a_5xx_and_refusals_store_nothing(tmp_path):
    room = Room(tmp_path / "fuzz.db", rate_per_s=1e6, burst=1e6)
    seen = set()

    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(raw_bodies)
    def post_any(body):
        before = room.counts()
        conn = HTTPConnection("127.0.0.1", room.port, timeout=10)
        try:
            status, data = room.post(body, conn=conn)
        finally:
            conn.close()
        seen.add(status)
        assert status in (200, 400, 422), (status, data)
        assert data["error"] if status != 200 else "inserted" in data
        if status != 200:
            assert room.counts() == before

    try:
        post_any()
        assert room.call("GET", "/v1/health", headers={})[0] == 200
        assert {400, 422} <= seen
    finally:
        room.close()


request_heads = st.builds(
    lambda method, path, version, headers, body: (
        f"{method} {path} {version}\r\n".encode("utf-8", "surrogatepass")
        + b"".join(h + b"\r\n" for h in headers)
        + b"\r\n"
        + body
    ),
    st.sampled_from(["GET", "POST", "OPTIONS", "HEAD", "get", "", "P\x00ST"]) | st.text(max_size=6),
    st.sampled_from(["/v1/ingest", "/v1/now", "/v1/health", "*", "/v1/now?x=1"])
    | st.text(max_size=20),
    st.sampled_from(["HTTP/1.1", "HTTP/1.0", "HTTP/0.9", "HTTP/2", "", "HTTP/1.1 x"]),
    st.lists(
        st.sampled_from(
            [
                b"Content-Type: application/json",
                b"Authorization: Bearer " + TOKEN.encode(),
                b"Authorization: Bearer",
                b"Content-Length: 2",
                b"Content-Length: 99999999999999999999",
                b"Content-Length: -1",
                b"Content-Length: 0x10",
                b"Transfer-Encoding: chunked",
                b"Expect: 100-continue",
                b"Connection: close",
                b": no name",
                b"\xff\xfe: \x00",
            ]
        )
        | st.binary(max_size=30),
        max_size=5,
    ),
    st.binary(max_size=40),
)


def test_fuzzed_requests_never_get_an_unplanned_5xx(tmp_path):
    """Whole requests of garbage: a reply is a 4xx, or 501/505 for an unknown method or HTTP
    version (the stdlib's, by design); the server stays up."""
    room = Room(tmp_path / "raw.db", rate_per_s=1e6, burst=1e6)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.binary(max_size=200) | request_heads)
    def send_any(data):
        with socket.create_connection(("127.0.0.1", room.port), timeout=10) as s:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            reply = b""
            while chunk := s.recv(65536):
                reply += chunk
        for line in reply.split(b"\r\n"):
            if line.startswith(b"HTTP/1.1 "):
                status = int(line.split()[1])
                assert status < 500 or status in (501, 505), reply[:300]

    try:
        send_any()
        assert room.call("GET", "/v1/health", headers={})[0] == 200
    finally:
        room.close()


# -- starting off the caller's thread, restarting, the state ---------------------------------
def api_for(room, token, port=0) -> StatsApi:
    return StatsApi(room.writer, stats_repo, lambda: room.open_show, lambda: None, token, port=port)


def post_to(port, token) -> int:
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {**AUTH, "Authorization": f"Bearer {token}"}
        conn.request("POST", "/v1/ingest", body=json.dumps(sample()), headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def test_the_token_loader_runs_on_the_start_thread_not_the_callers(room):
    """The app's keyring read must not happen on the GUI thread."""
    loaded_on = []

    def loader():
        loaded_on.append(threading.current_thread())
        time.sleep(0.05)  # a slow keyring: the caller does not wait for it
        return "from-keyring"

    api = api_for(room, loader)
    try:
        thread = api.start_in_background()
        assert api.state().status == "starting" and not api.token
        thread.join(5)
        assert loaded_on == [thread] and thread is not threading.current_thread()
        state = api.state()
        assert (state.status, state.host, state.port) == (LISTENING, "127.0.0.1", api.port)
        assert post_to(api.port, "from-keyring") == 200
        assert post_to(api.port, "") == 401
        assert api.start_in_background() is None  # listening already
    finally:
        api.stop()
    assert api.state().status == NOT_LISTENING


def test_a_token_set_while_the_loader_runs_wins(room):
    api = api_for(room, lambda: (time.sleep(0.1), "old")[1])
    try:
        thread = api.start_in_background()
        api.set_token("regenerated")
        thread.join(5)
        assert api.token == "regenerated" and post_to(api.port, "regenerated") == 200
    finally:
        api.stop()


@pytest.mark.allow_warning_logs
def test_a_failing_loader_or_a_taken_port_at_start_is_a_state_not_a_crash(room):
    def broken():
        raise RuntimeError("keyring locked")

    api = api_for(room, broken)
    api.start_in_background().join(5)
    state = api.state()
    assert (state.status, state.problem) == (NOT_LISTENING, NO_TOKEN)
    assert "keyring locked" in state.detail
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        api = api_for(room, "t", port=port)
        api.start_in_background().join(5)
        state = api.state()
        assert (state.listening, state.problem, state.wanted_port) == (False, PORT_IN_USE, port)
        with pytest.raises(OSError):
            api.start()


def test_restart_on_another_port_moves_the_api(room):
    old_port = room.port
    state = room.api.restart(0, False)
    assert state.listening and not state.problem and state.port != old_port
    assert post_to(state.port, TOKEN) == 200
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", old_port), timeout=2).close()
    room.conn.close()
    room.conn = HTTPConnection("127.0.0.1", state.port, timeout=10)


def test_a_taken_port_leaves_the_api_where_it_was(room):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        state = room.api.restart(port, False)
    assert (state.listening, state.port, state.problem) == (True, room.port, PORT_IN_USE)
    assert (state.wanted_port, state.wanted_lan) == (port, False)
    assert room.post(sample())[0] == 200  # the old listener never stopped


def test_the_same_port_on_the_lan_and_back(room):
    port = room.port
    state = room.api.restart(port, True)
    assert (state.listening, state.host, state.port, state.problem) == (True, LAN_HOST, port, "")
    assert room.api.lan and post_to(port, TOKEN) == 200
    state = room.api.restart(port, False)
    assert (state.host, state.port) == ("127.0.0.1", port) and not room.api.lan


def test_the_old_port_is_taken_back_when_the_lan_cannot_be_had(room, monkeypatch):
    """The same port must be let go before it is bound on every interface; if that bind
    fails, the API goes back to where it was rather than listening nowhere."""
    bind = room.api._bind

    def no_lan(host, port):
        if host == LAN_HOST:
            raise PermissionError(13, "Permission denied")
        return bind(host, port)

    monkeypatch.setattr(room.api, "_bind", no_lan)
    state = room.api.restart(room.port, True)
    assert (state.listening, state.host, state.port) == (True, "127.0.0.1", room.port)
    assert (state.problem, state.wanted_lan) == (PORT_FORBIDDEN, True)
    assert post_to(room.port, TOKEN) == 200


def test_a_bind_error_the_api_does_not_know_is_os_error():
    assert stats_api._problem(OSError(errno.ENETDOWN, "down")) == stats_api.OS_ERROR
    assert stats_api._problem(OSError(10048, "WSAEADDRINUSE")) == PORT_IN_USE


# -- settings and command line ----------------------------------------------------------------
def test_the_token_is_made_once_kept_in_the_keyring_and_the_environment_wins(monkeypatch):
    import keyring

    from console import settings as s

    monkeypatch.setattr(s, "_api_token_in_memory", "")
    monkeypatch.delenv(s.API_TOKEN_ENV, raising=False)
    first = s.load_api_token()
    assert len(first) >= 40
    assert keyring.get_password(s.API_TOKEN_SERVICE, s.API_TOKEN_ACCOUNT) == first
    monkeypatch.setattr(s, "_api_token_in_memory", "")
    assert s.load_api_token() == first  # from the keyring
    assert s.regenerate_api_token() != first
    monkeypatch.setenv(s.API_TOKEN_ENV, "from-env")
    assert s.load_api_token() == "from-env"


def test_without_a_keyring_the_token_lasts_the_session(monkeypatch):
    import keyring
    from keyring.errors import NoKeyringError

    from console import settings as s

    def no_keyring(*_args):
        raise NoKeyringError("none")

    monkeypatch.setattr(s, "_api_token_in_memory", "")
    monkeypatch.delenv(s.API_TOKEN_ENV, raising=False)
    monkeypatch.setattr(keyring, "get_password", no_keyring)
    monkeypatch.setattr(keyring, "set_password", no_keyring)
    token = s.load_api_token()
    assert token and s.load_api_token() == token


def test_settings_and_command_line(tmp_path):
    from console.settings import Settings

    assert (Settings().api_port, Settings().api_lan) == (8765, False)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"api_port": 9000, "api_lan": True}), encoding="utf-8")
    assert (Settings.load(path).api_port, Settings.load(path).api_lan) == (9000, True)
    assert parse_args(["--api-port", "9100"]).api_port == 9100
    assert parse_args([]).api_port is None
    with pytest.raises(SystemExit):
        parse_args(["--api-port", "70000"])
