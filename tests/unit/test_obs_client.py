"""ObsClient against the fake v5 server: one test per failure mode of obs-websocket-py that
the client must cover (shared notes/obs.md), plus the connection errors a user sees."""

import errno
import functools
import socket
import threading
import time

import pytest
import websocket

from console.devices.obs import looks
from console.devices.obs.client import CONNECTED, FAILED, RECONNECTING, ObsAddress, ObsClient
from console.devices.obs.fake_server import FakeObsServer
from console.devices.obs.session import ObsConnectError, ObsRequestError, ObsSession
from tests.helpers.console import FAKE_PASSWORD as PASSWORD


@pytest.fixture
def make_client(qtbot):
    clients = []

    def make(port, password=PASSWORD, host="127.0.0.1"):
        client = ObsClient(ObsAddress(host, port, password))
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.stop()


def start_and_sync(qtbot, client):
    with qtbot.waitSignal(client.synced, timeout=5000) as blocker:
        client.start()
    qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=2000)
    return blocker.args[0]


class States:
    """Every state the client reports, recorded from before the action that causes it."""

    def __init__(self, client):
        self.seen = []
        client.state_changed.connect(lambda *a: self.seen.append(a))

    def wait(self, qtbot, state, timeout=5000):
        qtbot.waitUntil(lambda: any(s[0] == state for s in self.seen), timeout=timeout)
        return next(s for s in self.seen if s[0] == state)


def wait_state(qtbot, client, state, timeout=5000):
    """For states caused by start(): record, then start."""
    states = States(client)
    client.start()
    return states.wait(qtbot, state, timeout)


def test_connect_and_full_resync(qtbot, fake, make_client):
    snap = start_and_sync(qtbot, make_client(fake.port))
    assert snap.scenes == tuple(fake.state()["scenes"])  # OBS's top-to-bottom order
    assert snap.program == fake.state()["program"]
    names = [i.name for i in snap.inputs]
    assert "麦克风 Mic" in names and "背景音乐 BGM" in names
    assert "摄像头 Camera" not in names  # no audio: not a mixer strip
    assert [i.name for i in snap.inputs if i.is_mic] == ["麦克风 Mic"]
    assert snap.version == "29.0.2" and not snap.streaming and not snap.recording


def test_subscribes_to_meters_but_not_transitions(qtbot, fake, make_client):
    """Failure mode 1: the library subscribes to All (no meters, slow transitions)."""
    client = make_client(fake.port)
    events = []
    client.event_received.connect(lambda t, d: events.append(t))
    start_and_sync(qtbot, client)
    qtbot.waitUntil(lambda: "InputVolumeMeters" in events, timeout=2000)
    client.request("SetCurrentSceneTransition", {"transitionName": "Cut"})
    client.request("SetCurrentProgramScene", {"sceneName": fake.state()["scenes"][2]})
    qtbot.waitUntil(lambda: "CurrentProgramSceneChanged" in events, timeout=2000)
    assert not any(e.startswith(("CurrentSceneTransition", "SceneTransition")) for e in events)


def test_request_from_an_event_handler_does_not_deadlock(qtbot, fake, make_client):
    """Failure mode 2: call() inside a library callback waits for its own reader thread."""
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    replies = []
    client.replied.connect(lambda tok, typ, data: replies.append(typ))

    def on_event(event_type, _data):
        if event_type == "InputMuteStateChanged":
            client.request("GetInputVolume", {"inputName": "麦克风 Mic"})

    client.event_received.connect(on_event)
    fake.set_input_mute("麦克风 Mic", True)
    qtbot.waitUntil(lambda: "GetInputVolume" in replies, timeout=1000)


@pytest.mark.allow_warning_logs  # the handler's exception is logged, as it should be
def test_event_handler_exception_does_not_kill_the_session(fake):
    """Failure mode 3: an exception in a callback ends the library's receive thread."""

    def broken(_t, _d):
        raise RuntimeError("handler bug")

    session = ObsSession("127.0.0.1", fake.port, PASSWORD, on_event=broken)
    session.open()
    try:
        fake.set_input_mute("麦克风 Mic", True)
        time.sleep(0.2)
        assert session.alive()
        assert session.request("GetInputMute", {"inputName": "麦克风 Mic"})["inputMuted"] is True
    finally:
        session.close()


@pytest.mark.parametrize("reset", [True, False], ids=["tcp-reset", "clean-close"])
def test_dropped_connection_is_noticed_and_recovered(qtbot, fake, make_client, reset):
    """Failure mode 4: a TCP reset kills the receive thread without on_disconnect."""
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.set_program_scene(fake.state()["scenes"][3])
    t0 = time.monotonic()
    states = States(client)
    with qtbot.waitSignal(client.synced, timeout=6000) as blocker:
        fake.drop_connections(reset=reset)
        state = states.wait(qtbot, RECONNECTING, timeout=2000)
        noticed = time.monotonic() - t0
    assert noticed < 2.0
    assert state[1] == "lost"
    assert blocker.args[0].program == fake.state()["scenes"][3]  # resynced, not remembered


def test_connect_timeout_when_no_hello(qtbot, fake, make_client):
    """Failure mode 5: connect() has no timeout; a mute server must not hang the client."""
    fake.silent = True
    client = make_client(fake.port)
    t0 = time.monotonic()
    state = wait_state(qtbot, client, RECONNECTING, timeout=6000)
    assert state[1] == "no_hello"
    assert time.monotonic() - t0 < 4.5


def test_failed_request_keeps_code_and_comment(qtbot, fake, make_client):
    """Failure mode 6: the library reduces a failure to status False."""
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    with qtbot.waitSignal(client.request_failed, timeout=2000) as blocker:
        client.request("SetCurrentProgramScene", {"sceneName": "No such scene"})
    _token, request_type, code, comment = blocker.args
    assert (request_type, code) == ("SetCurrentProgramScene", "600")
    assert comment  # OBS's own words reach the log and the status bar


def test_port_4444_is_not_legacy():
    """Failure mode 7: the library switches to the v4 protocol on port 4444."""
    assert ObsSession("127.0.0.1", 4444).legacy is False


def test_replies_match_their_requests_under_load(qtbot, fake, make_client):
    """Failure mode 8 (ids not locked) is avoided by construction: one worker thread sends
    every request. This checks the other half: 200 queued requests, each reply to its own."""
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    replies = {}
    client.replied.connect(lambda tok, typ, data: replies.__setitem__(tok, (typ, data)))
    scenes = fake.state()["scenes"]
    sent = {}
    for n in range(200):
        if n % 2:
            sent[client.request("GetInputMute", {"inputName": "麦克风 Mic"})] = "GetInputMute"
        else:
            sent[client.request("GetSceneList")] = "GetSceneList"
    qtbot.waitUntil(lambda: len(replies) == 200, timeout=10000)
    for token, (typ, data) in replies.items():
        assert sent[token] == typ
        assert (
            ("inputMuted" in data)
            if typ == "GetInputMute"
            else (len(data["scenes"]) == len(scenes))
        )


def test_half_open_connection_is_noticed(qtbot, fake, make_client):
    """Failure mode 9: a peer that stops answering is only seen when a request times out."""
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    states = States(client)
    fake.delay("GetStats", 30)
    state = states.wait(qtbot, RECONNECTING, timeout=6000)
    assert state[1] == "no_answer"
    fake.delay("GetStats", 0)
    qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=8000)


def test_wrong_password_fails_once_and_waits_for_the_user(qtbot, fake, make_client):
    client = make_client(fake.port, password="wrong")
    state = wait_state(qtbot, client, FAILED)
    assert state[1] == "auth_failed"
    with qtbot.assertNotEmitted(client.state_changed, wait=1500):
        pass  # no retry loop hammering OBS with a wrong password
    with qtbot.waitSignal(client.synced, timeout=5000):
        client.set_address(ObsAddress("127.0.0.1", fake.port, PASSWORD))


def test_missing_password_is_its_own_error(qtbot, fake, make_client):
    client = make_client(fake.port, password="")
    assert wait_state(qtbot, client, FAILED)[1] == "password_required"


@pytest.mark.parametrize("kwargs", [{"obs_version": "27.2.4"}, {"ws_version": "4.9.1"}])
def test_too_old_obs(qtbot, make_client, kwargs):
    server = FakeObsServer(password=PASSWORD, **kwargs)
    server.start()
    try:
        client = make_client(server.port)
        assert wait_state(qtbot, client, FAILED)[1] == "too_old"
    finally:
        server.stop()


def test_refused_connection(qtbot, make_client):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, not listening: connections are refused
        client = make_client(port)
        assert wait_state(qtbot, client, RECONNECTING)[1] == "refused"


def test_command_while_disconnected_is_refused_at_once(qtbot, make_client):
    client = make_client(1)
    with qtbot.waitSignal(client.request_failed, timeout=100) as blocker:
        client.request("StartStream")
    assert blocker.args[1:3] == ["StartStream", "not_connected"]


def test_command_that_waited_too_long_is_not_fired_late(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.delay("GetInputVolume", 2.5)
    failures = []
    client.request_failed.connect(lambda *a: failures.append(a))
    client.request("GetInputVolume", {"inputName": "麦克风 Mic"})
    client.request("SetInputMute", {"inputName": "麦克风 Mic", "inputMuted": True})
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures[0][1:3] == ("SetInputMute", "stale")
    time.sleep(0.3)
    assert fake.state()["inputs"]["麦克风 Mic"]["muted"] is False


def test_stop_leaves_no_thread(qtbot, fake):
    before = set(threading.enumerate())
    client = ObsClient(ObsAddress("127.0.0.1", fake.port, PASSWORD))
    start_and_sync(qtbot, client)
    client.stop()
    time.sleep(0.2)
    assert {
        t
        for t in threading.enumerate()
        if t not in before and not t.name.startswith(("fake-obs", "Dummy"))
    } == set()


def test_session_request_raises_lost_when_dead(fake):
    session = ObsSession("127.0.0.1", fake.port, PASSWORD)
    session.open()
    fake.drop_connections(reset=True)
    time.sleep(0.3)
    with pytest.raises(ObsRequestError) as e:
        session.request("GetVersion")
    assert e.value.code == "lost"
    session.close()


@pytest.mark.parametrize(
    "error,kind",
    [
        (OSError(errno.EHOSTUNREACH, "No route to host"), "unreachable"),
        (OSError(errno.ENETUNREACH, "Network is unreachable"), "unreachable"),
        (socket.gaierror(-2, "Name or service not known"), "bad_host"),
        (TimeoutError("timed out"), "timeout"),
        (ConnectionRefusedError(111, "refused"), "refused"),
    ],
)
def test_connect_errors_are_told_apart(monkeypatch, error, kind):
    """Unreachable hosts and unknown names without sending a packet: the socket layer's
    answers are simulated."""

    def fail(*_a, **_k):
        raise error

    monkeypatch.setattr(websocket.WebSocket, "connect", fail)
    with pytest.raises(ObsConnectError) as e:
        ObsSession("obs-pc.example", 4455, PASSWORD).open(timeout=0.5)
    assert e.value.kind == kind


def test_every_connect_error_has_words():
    from console.ui import messages

    kinds = {
        "refused",
        "timeout",
        "unreachable",
        "bad_host",
        "network",
        "no_hello",
        "not_obs",
        "closed",
        "protocol",
        "auth_failed",
        "password_required",
        "too_old",
        "lost",
        "no_answer",
    }
    texts = {k: messages.connect_reason(k, "ws://h:1") for k in kinds}
    assert all(texts.values()), [k for k, t in texts.items() if not t]
    assert len(set(texts.values())) == len(kinds)  # each its own message


def test_silent_server_on_the_legacy_port_means_obs_too_old(monkeypatch, fake):
    """obs-websocket 4.x (OBS <= 27) listens on 4444 and never sends Hello."""
    from console.devices.obs import session as session_mod

    fake.silent = True
    monkeypatch.setattr(session_mod, "LEGACY_PORT", fake.port)
    with pytest.raises(ObsConnectError) as e:
        ObsSession("127.0.0.1", fake.port, PASSWORD).open(timeout=0.5)
    assert e.value.kind == "too_old"


def test_output_refusals_name_the_output():
    from console.ui import messages

    assert messages.request_failure("StartStream", "500", "") == (
        "Not done: the live stream is already running."
    )
    assert "the recording is not running" in messages.request_failure("StopRecord", "501", "")


def test_change_made_during_a_resync_is_not_overwritten(qtbot, fake, make_client):
    from console.services.obs_service import ObsService

    scenes = fake.state()["scenes"]
    fake.delay("GetSpecialInputs", 0.5)  # GetSceneList has been read by then
    client = make_client(fake.port)
    service = ObsService(client)
    client.start()
    qtbot.waitUntil(lambda: "GetSpecialInputs" in fake.requests_seen, timeout=3000)
    fake.set_program_scene(scenes[3])  # changed in OBS while LiveDesk reads
    qtbot.waitUntil(lambda: service.connected, timeout=5000)
    qtbot.wait(200)
    assert service.snapshot.program == scenes[3]


@pytest.mark.allow_warning_logs  # the bug is logged with its traceback, as it should be
def test_internal_error_in_the_worker_is_survived(qtbot, fake, make_client, monkeypatch):
    original = ObsClient._resync
    calls = []

    def flaky(session):
        calls.append(1)
        if len(calls) == 1:
            raise KeyError("a field OBS did not send")
        return original(session)

    monkeypatch.setattr(ObsClient, "_resync", staticmethod(flaky))
    client = make_client(fake.port)
    states = States(client)
    client.start()
    assert states.wait(qtbot, RECONNECTING)[1] == "internal"
    qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=5000)


@pytest.mark.allow_warning_logs
def test_bad_request_does_not_end_the_session(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    with qtbot.waitSignal(client.request_failed, timeout=2000) as blocker:
        client.request("SetInputMute", {"inputName": object()})  # cannot be sent as JSON
    assert blocker.args[2] == "internal"
    with qtbot.waitSignal(client.replied, timeout=2000):
        client.request("GetVersion")


def test_server_that_is_not_obs(qtbot, make_client):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.server import serve

    def handler(ws):
        try:
            ws.send("[1, 2]")  # JSON, but not an obs-websocket message
            for _ in ws:  # until the client hangs up (it drops the connection)
                pass
        except ConnectionClosed:
            pass

    with serve(handler, "127.0.0.1", 0) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        client = make_client(server.socket.getsockname()[1])
        assert wait_state(qtbot, client, RECONNECTING)[1] == "not_obs"
        client.stop()
        server.shutdown()
        thread.join()


def test_request_from_the_event_callback_fails_fast_instead_of_deadlocking(fake):
    """Failure mode 2 at the session: the callback runs on the receive thread."""
    seen = []
    session = ObsSession("127.0.0.1", fake.port, PASSWORD)

    def on_event(event_type, _data):
        if event_type == "InputMuteStateChanged":
            t0 = time.monotonic()
            try:
                session.request("GetVersion")
            except RuntimeError as e:
                seen.append((threading.current_thread().name, time.monotonic() - t0, str(e)))

    session._on_event = on_event
    session.open()
    try:
        fake.set_input_mute("麦克风 Mic", True)
        deadline = time.monotonic() + 2
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
        assert seen, "the callback never ran"
        thread, took, _ = seen[0]
        assert thread != threading.main_thread().name
        assert took < 0.1
        assert session.request("GetVersion")["obsVersion"]  # and the session still works
    finally:
        session.close()


def test_many_resync_calls_make_one_resync(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    before = fake.requests_seen.count("GetSceneList")
    synced = []
    client.synced.connect(synced.append)
    for _ in range(5):
        client.resync()
    qtbot.waitUntil(lambda: bool(synced), timeout=3000)
    qtbot.wait(300)
    assert fake.requests_seen.count("GetSceneList") - before <= 2


# ---- call(): a function of several requests, run on the worker ------------------------------
MIC = "麦克风 Mic"


def mute_state(session):
    return session.request("GetInputMute", {"inputName": MIC})["inputMuted"]


def test_call_runs_several_requests_on_the_worker_and_returns_the_result(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    threads = []

    def read_then_mute(session):
        threads.append(threading.current_thread().name)
        before = mute_state(session)
        session.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
        return before, mute_state(session)

    assert client.call(read_then_mute).result(timeout=2) == (False, True)
    assert threads == ["obs-worker"]
    assert fake.state()["inputs"][MIC]["muted"] is True


def test_call_runs_between_requests_in_the_order_queued(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    client.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
    between = client.call(mute_state)
    client.request("SetInputMute", {"inputName": MIC, "inputMuted": False})
    after = client.call(mute_state)
    assert (between.result(timeout=2), after.result(timeout=2)) == (True, False)


def test_call_while_disconnected_fails_at_once_with_the_functions_name(make_client):
    client = make_client(1)
    future = client.call(functools.partial(looks.apply_scene, scene="全景 Wide"))
    assert future.done()
    with pytest.raises(ObsRequestError) as e:
        future.result(timeout=0)
    assert (e.value.request_type, e.value.code) == ("apply_scene", "not_connected")


def test_call_that_waited_too_long_is_not_run(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.delay("GetInputVolume", 2.5)  # holds the worker past STALE_AFTER
    client.request("GetInputVolume", {"inputName": MIC})
    ran = []
    future = client.call(lambda session: ran.append(mute_state(session)))
    with pytest.raises(ObsRequestError) as e:
        future.result(timeout=5)
    assert (e.value.request_type, e.value.code) == ("<lambda>", "stale")
    assert ran == []


def test_call_cancelled_while_queued_is_not_run(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.delay("GetInputVolume", 0.3)
    client.request("GetInputVolume", {"inputName": MIC})
    ran = []
    cancelled = client.call(lambda session: ran.append(mute_state(session)))
    assert cancelled.cancel()
    assert client.call(mute_state).result(timeout=3) is False  # the next one runs
    assert ran == []


def test_call_failures_go_to_its_future_and_the_session_goes_on(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    states = States(client)

    def buggy(session):
        mute_state(session)
        raise KeyError("a field OBS did not send")

    def refused(session):
        session.request("SetCurrentProgramScene", {"sceneName": "No such scene"})

    with pytest.raises(KeyError):
        client.call(buggy).result(timeout=2)
    with pytest.raises(ObsRequestError) as e:
        client.call(refused).result(timeout=2)
    assert (e.value.request_type, e.value.code) == ("SetCurrentProgramScene", 600)
    assert client.call(mute_state).result(timeout=2) is False
    qtbot.wait(100)
    assert states.seen == [] and client.state == CONNECTED  # never reconnected


def test_call_without_an_answer_ends_the_session(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    states = States(client)
    fake.delay("GetSourceFilterList", 30)
    future = client.call(functools.partial(looks.read_mic, input_name=MIC))
    with pytest.raises(ObsRequestError) as e:
        future.result(timeout=6)
    assert (e.value.request_type, e.value.code) == ("GetSourceFilterList", "timeout")
    # The 1 Hz poll is answered: only the call itself can tell that OBS stopped answering.
    assert states.wait(qtbot, RECONNECTING)[1] == "no_answer"
    fake.delay("GetSourceFilterList", 0)
    qtbot.waitUntil(lambda: client.state == CONNECTED, timeout=8000)
    assert client.call(looks.read_program_scene).result(timeout=2) == fake.state()["program"]


def test_call_queued_when_the_connection_drops_fails_not_connected(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.delay("GetInputVolume", 1.0)
    client.request("GetInputVolume", {"inputName": MIC})  # the worker waits for this one
    queued = client.call(mute_state)
    fake.drop_connections(reset=True)
    with pytest.raises(ObsRequestError) as e:
        queued.result(timeout=3)
    assert e.value.code == "not_connected"


def test_stop_leaves_no_call_unresolved(qtbot, fake, make_client):
    client = make_client(fake.port)
    start_and_sync(qtbot, client)
    fake.delay("GetInputVolume", 1.0)
    client.request("GetInputVolume", {"inputName": MIC})
    queued = client.call(mute_state)
    client.stop()
    assert queued.done()
    assert queued.exception().code == "not_connected"
