import sqlite3
import sys

import pytest
from PySide6.QtWidgets import QApplication

from console.devices.obs.client import ObsAddress
from console.logsetup import install_excepthook
from console.services.timeline import TimelineRecorder
from console.store.db import open_db
from console.store.timeline import TimelineWriter
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


def test_obs_changes_land_on_the_timeline(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    open_db(path).close()
    writer = TimelineWriter(path)
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
    writer.close()
    with sqlite3.connect(path) as conn:
        kinds = [r[0] for r in conn.execute("SELECT kind FROM events ORDER BY id")]
    conn.close()
    assert sorted(kinds) == ["input_muted", "scene_changed"]
