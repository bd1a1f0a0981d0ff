"""LiveDesk's console against a real OBS, each result checked through OBS itself by an
independent raw websocket connection (tests/helpers/raw_obs.py)."""

import socket
import threading
import time

import pytest
from PySide6.QtCore import Qt

from tests.helpers.console import Console
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.raw_obs import RawObs
from tests.helpers.real_obs import MIC, SCENES


@pytest.fixture
def console(qtbot, real_obs):
    c = Console(qtbot, real_obs.host, real_obs.port, real_obs.password)
    yield c
    c.close()


def test_connects_with_password_and_shows_obs_scene_order(console, real_obs):
    assert console.service.snapshot.scenes == tuple(SCENES)
    assert list(console.window.scenes.buttons) == SCENES
    assert console.window.connection_bar.version.text() == f"OBS {real_obs.version['obsVersion']}"
    assert MIC in console.window.audio.strips


def test_wrong_password_is_told_plainly(qtbot, real_obs):
    c = Console(qtbot, real_obs.host, real_obs.port, "not-the-password", wait=False)
    try:
        bar = c.window.connection_bar
        qtbot.waitUntil(lambda: bar.dot.property("state") == "failed", timeout=5000)
        assert "Wrong OBS password" in bar.reason.text()
    finally:
        c.close()


def test_scene_button_switches_obs_program(qtbot, console, raw_obs):
    button = console.window.scenes.buttons[SCENES[2]]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    event = raw_obs.wait_event("CurrentProgramSceneChanged", timeout=3)
    assert event["eventData"]["sceneName"] == SCENES[2]
    assert raw_obs.request("GetCurrentProgramScene")["currentProgramSceneName"] == SCENES[2]
    qtbot.waitUntil(lambda: button.property("role") == "program", timeout=2000)


def test_number_key_switches_to_nth_scene_of_obs_list(qtbot, console, raw_obs):
    qtbot.keyClick(console.window, Qt.Key.Key_4)
    event = raw_obs.wait_event("CurrentProgramSceneChanged", timeout=3)
    assert event["eventData"]["sceneName"] == SCENES[3]


def test_mute_and_volume_round_trip_both_ways(qtbot, console, raw_obs):
    strip = console.window.audio.strips[MIC]
    qtbot.mouseClick(strip.mute, Qt.MouseButton.LeftButton)
    raw_obs.wait_event("InputMuteStateChanged", lambda d: d["inputName"] == MIC, timeout=3)
    assert raw_obs.request("GetInputMute", {"inputName": MIC})["inputMuted"] is True
    strip.fader.setValue(-150)  # sent after a short coalescing timer: let Qt run
    qtbot.waitUntil(
        lambda: (
            abs(raw_obs.request("GetInputVolume", {"inputName": MIC})["inputVolumeDb"] + 15) < 0.05
        ),
        timeout=3000,
    )
    # changed in OBS: the console follows
    raw_obs.request("SetInputMute", {"inputName": MIC, "inputMuted": False})
    raw_obs.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": -6.0})
    qtbot.waitUntil(lambda: strip.mute.property("muted") is False, timeout=2000)
    qtbot.waitUntil(lambda: strip.fader.value() == -60, timeout=2000)
    assert not console.window.connection_bar.mic_banner.isVisible()


def test_obs_killed_then_restarted(qtbot, console, real_obs, raw_obs):
    bar = console.window.connection_bar
    service = console.service
    # Put LiveDesk in a state that a restarted OBS will not have: program on the 3rd scene
    # and the mic muted (OBS comes back from its saved collection: 1st scene, mic live).
    raw_obs.request("SetCurrentProgramScene", {"sceneName": SCENES[2]})
    raw_obs.request("SetInputMute", {"inputName": MIC, "inputMuted": True})
    qtbot.waitUntil(
        lambda: service.snapshot.program == SCENES[2] and service.snapshot.input(MIC).muted,
        timeout=2000,
    )
    raw_obs.close()
    real_obs.kill()
    t0 = time.monotonic()
    qtbot.waitUntil(lambda: bar.dot.property("state") != "connected", timeout=2000)
    noticed = time.monotonic() - t0
    assert noticed < 2.0
    assert not console.window.scenes.isEnabled()
    synced = []
    console.client.synced.connect(lambda s: synced.append((time.monotonic(), s)))
    t1 = time.monotonic()
    real_obs.restart(fresh=True)
    obs_up = time.monotonic()
    qtbot.waitUntil(lambda: bool(synced) and service.connected, timeout=5000)
    back = synced[0][0] - t1
    assert back < 5.0
    with RawObs(real_obs.url, real_obs.password) as raw:  # what OBS itself now says
        program = raw.request("GetCurrentProgramScene")["currentProgramSceneName"]
        muted = raw.request("GetInputMute", {"inputName": MIC})["inputMuted"]
    assert (program, muted) != (SCENES[2], True), "OBS came back as it was: nothing proven"
    snap = service.snapshot
    assert (snap.program, snap.input(MIC).muted) == (program, muted)  # resynced, not remembered
    assert snap.scenes == tuple(SCENES)
    assert console.window.scenes.buttons[program].property("role") == "program"
    assert bar.dot.property("state") == "connected"
    print(
        f"\nOBS SIGKILL noticed in {noticed * 1000:.0f} ms; resynced {back:.2f} s after "
        f"restart began ({synced[0][0] - obs_up:.2f} s after OBS was ready)"
    )


def test_gui_never_stalls_on_a_server_that_never_answers(qtbot):
    """A listener of our own on 127.0.0.1 accepts the TCP connection and says nothing."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    c = Console(qtbot, "127.0.0.1", listener.getsockname()[1], "pw", wait=False)
    heartbeat = Heartbeat()
    heartbeat.start()  # after the window is built: only the connecting is measured
    try:
        bar = c.window.connection_bar
        qtbot.waitUntil(lambda: bar.dot.property("state") == "reconnecting", timeout=6000)
        qtbot.wait(500)
        worst = heartbeat.stop()
    finally:
        c.close()
        stop.set()
        thread.join()
        for s in accepted:
            s.close()
        listener.close()
    assert accepted, "the client never reached the listener"
    assert heartbeat.beats > 1000
    assert worst < 50.0, f"event loop stalled {worst:.1f} ms"
    print(f"\nworst event-loop stall while connecting to a mute server: {worst:.1f} ms")
