import json
import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from console.devices.obs.client import ObsAddress
from console.logsetup import install_excepthook
from console.services.timeline import SCENE_SETTLE_MS, TimelineRecorder
from console.store.writer import DbWriter
from console.ui.connect_dialog import ConnectDialog
from console.ui.error_dialog import ErrorDialog
from tests.helpers.console import FAKE_PASSWORD, Console


def test_connect_dialog_reports_wrong_password_then_connects(qtbot, fake):
    c = Console(qtbot, "127.0.0.1", fake.port, "wrong", wait=False)
    try:
        dialog = ConnectDialog(c.service, c.window)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.waitUntil(lambda: "Wrong OBS password" in dialog.status.text(), timeout=5000)
        assert dialog.isVisible()
        chosen = []
        dialog.address_chosen.connect(lambda a, remember: chosen.append((a, remember)))
        dialog.address_chosen.connect(lambda a, _r: c.client.set_address(a))
        dialog.password.setText(FAKE_PASSWORD)
        dialog.connect_button.click()
        assert chosen == [(ObsAddress("127.0.0.1", fake.port, FAKE_PASSWORD), True)]
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)  # closes once connected
        assert c.service.connected
    finally:
        c.close()


def test_connect_dialog_hides_the_password(qtbot, console):
    dialog = ConnectDialog(console.service)
    qtbot.addWidget(dialog)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password


@pytest.mark.allow_warning_logs  # the uncaught exception is logged at CRITICAL
def test_uncaught_exception_shows_one_dialog_and_the_app_goes_on(qtbot, tmp_path):
    saved = sys.excepthook
    dialog = ErrorDialog(str(tmp_path / "livedesk.log"))
    qtbot.addWidget(dialog)
    install_excepthook(dialog.report)
    try:
        for _ in range(3):  # a burst of errors: one dialog, counted
            try:
                raise ValueError("boom")
            except ValueError:
                sys.excepthook(*sys.exc_info())
        assert dialog.isVisible()
        assert "ValueError: boom" in dialog.informativeText()
        assert str(tmp_path / "livedesk.log") in dialog.informativeText()
        assert "3" in dialog.detailedText()
        assert [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()
        ] == [dialog]
    finally:
        sys.excepthook = saved


def timeline(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT kind, data FROM events ORDER BY mono_ns").fetchall()
    conn.close()
    return rows


def test_obs_changes_land_on_the_timeline(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    TimelineRecorder(console.service, writer, parent=console.service)
    scenes = console.fake.state()["scenes"]
    console.service.set_transition("Cut")
    console.service.select_scene(scenes[1])
    console.service.set_mute("麦克风 Mic", True)
    qtbot.waitUntil(
        lambda: (
            console.service.snapshot.program == scenes[1]
            and console.service.snapshot.input("麦克风 Mic").muted
        ),
        timeout=3000,
    )
    qtbot.wait(SCENE_SETTLE_MS * 2)
    writer.close()
    assert sorted(kind for kind, _ in timeline(path)) == ["input_muted", "scene_changed"]


def test_leaving_studio_mode_records_one_scene_change(qtbot, console, tmp_path):
    """OBS reports the preview, then the program, as program changes when studio mode ends:
    only what stays on air belongs on the timeline."""
    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    recorder = TimelineRecorder(console.service, writer, parent=console.service)
    scenes = console.fake.state()["scenes"]
    service = console.service
    service.set_studio_mode(True)
    qtbot.waitUntil(
        lambda: service.snapshot.studio and bool(service.snapshot.preview), timeout=2000
    )
    service.select_scene(scenes[3])  # preview only
    qtbot.waitUntil(lambda: service.snapshot.preview == scenes[3], timeout=2000)
    program = service.snapshot.program
    changes = []
    service.changed.connect(lambda s: changes.append(s.program))
    service.set_studio_mode(False)
    qtbot.waitUntil(lambda: not service.snapshot.studio, timeout=2000)
    qtbot.wait(SCENE_SETTLE_MS * 2)
    recorder.flush()
    writer.close()
    assert scenes[3] in changes  # OBS did report the preview scene as program for a moment
    assert service.snapshot.program == program
    assert [k for k, _ in timeline(path) if k == "scene_changed"] == []


def test_a_dropped_frame_spike_is_recorded_once(qtbot, console, tmp_path):
    """The stream drops 3 % of its frames for a while (more than 1 % over 10 s): one event when
    it starts, none while it lasts, a new one only after it has cleared."""
    from console.core.obs_state import Health

    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    recorder = TimelineRecorder(console.service, writer, parent=console.service)
    dropped = frames = 0

    def poll(t, drop_pct):
        nonlocal dropped, frames
        frames += 30
        dropped += round(30 * drop_pct / 100)
        recorder._on_service_health_changed(Health(stream_dropped=dropped, stream_frames=frames), t)

    for t in range(0, 20):  # clean stream
        poll(t, 0)
    for t in range(20, 50):  # a bad half minute: 1 of 30 frames dropped each second
        poll(t, 3.4)
    for t in range(50, 80):  # clean again
        poll(t, 0)
    for t in range(80, 90):  # a second spike
        poll(t, 3.4)
    writer.close()
    events = [json.loads(data) for kind, data in timeline(path) if kind == "dropped_frames"]
    assert len(events) == 2
    assert all(e["pct"] > 1.0 and e["window_s"] == 10.0 for e in events)
