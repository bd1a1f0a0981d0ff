"""The console's panels against the fake OBS: what the host sees and what OBS does."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from console.core.obs_state import Health

MIC = "麦克风 Mic"


def role(button):
    return button.property("role")


def test_scene_buttons_follow_obs_order_and_switch_program(qtbot, console):
    scenes = console.fake.state()["scenes"]
    buttons = console.window.scenes.buttons
    assert list(buttons) == scenes  # OBS's top-to-bottom order
    assert role(buttons[scenes[0]]) == "program"
    console.service.set_transition("Cut")
    qtbot.mouseClick(buttons[scenes[2]], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.fake.state()["program"] == scenes[2], timeout=2000)
    qtbot.waitUntil(lambda: role(buttons[scenes[2]]) == "program", timeout=2000)
    assert role(buttons[scenes[0]]) == ""


def test_number_keys_switch_to_the_nth_scene_top_to_bottom(qtbot, console):
    scenes = console.fake.state()["scenes"]
    console.service.set_transition("Cut")
    qtbot.keyClick(console.window, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: console.fake.state()["program"] == scenes[3], timeout=2000)
    qtbot.keyClick(console.window, Qt.Key.Key_9)  # no 9th scene: nothing happens
    qtbot.wait(300)
    assert console.fake.state()["program"] == scenes[3]


def test_scene_changed_in_obs_is_shown(qtbot, console):
    scenes = console.fake.state()["scenes"]
    console.fake.set_program_scene(scenes[5])
    qtbot.waitUntil(
        lambda: role(console.window.scenes.buttons[scenes[5]]) == "program", timeout=2000
    )


def test_studio_mode_previews_then_takes_on_second_press(qtbot, console):
    scenes = console.fake.state()["scenes"]
    panel = console.window.scenes
    assert not panel.take.isVisibleTo(panel)
    qtbot.mouseClick(panel.studio, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.take.isVisibleTo(panel), timeout=2000)
    console.service.set_transition("Cut")
    qtbot.mouseClick(panel.buttons[scenes[1]], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: role(panel.buttons[scenes[1]]) == "preview", timeout=2000)
    assert console.fake.state()["program"] == scenes[0]  # not on air yet
    qtbot.mouseClick(panel.buttons[scenes[1]], Qt.MouseButton.LeftButton)  # second press: take
    qtbot.waitUntil(lambda: console.fake.state()["program"] == scenes[1], timeout=2000)
    qtbot.waitUntil(lambda: role(panel.buttons[scenes[1]]) == "program", timeout=2000)


def test_transition_choice_and_duration_reach_obs(qtbot, console):
    panel = console.window.scenes
    panel.transition.setCurrentText("Cut")
    panel.transition.activated.emit(panel.transition.currentIndex())
    qtbot.waitUntil(lambda: console.fake.state()["transition"] == "Cut", timeout=2000)
    qtbot.waitUntil(lambda: not panel.duration.isEnabled(), timeout=2000)  # a cut has no duration
    console.service.set_transition("Fade")
    qtbot.waitUntil(lambda: panel.duration.isEnabled(), timeout=2000)
    panel.duration.setValue(800)
    panel.duration.editingFinished.emit()
    qtbot.waitUntil(lambda: console.fake.state()["transition_ms"] == 800, timeout=2000)


def test_mute_button_mutes_obs_and_the_banner_cannot_be_missed(qtbot, console):
    strip = console.window.audio.strips[MIC]
    banner = console.window.connection_bar.mic_banner
    assert not banner.isVisible()
    qtbot.mouseClick(strip.mute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.fake.state()["inputs"][MIC]["muted"], timeout=2000)
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert MIC in banner.text()
    assert strip.mute.property("muted") is True
    console.fake.set_input_mute(MIC, False)  # unmuted in OBS: the UI follows
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=2000)
    assert strip.mute.property("muted") is False


def test_fader_sets_volume_in_db_and_follows_obs(qtbot, console):
    strip = console.window.audio.strips[MIC]
    strip.fader.setValue(-120)  # tenths of a dB
    qtbot.waitUntil(
        lambda: abs(console.fake.state()["inputs"][MIC]["volume_db"] + 12.0) < 0.05, timeout=2000
    )
    console.fake.set_input_volume_db(MIC, -20.0)
    qtbot.waitUntil(lambda: strip.fader.value() == -200, timeout=2000)
    assert strip.db.text() == "-20.0 dB"


def test_mic_meter_moves(qtbot, console):
    meter = console.window.audio.strips[MIC].meter
    qtbot.waitUntil(lambda: meter.peak > -60, timeout=2000)


def answer(qtbot, panel, button):
    qtbot.waitUntil(lambda: panel.confirm is not None and panel.confirm.isVisible(), timeout=1000)
    box = panel.confirm
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_go_live_and_stop_ask_first(qtbot, console):
    outputs = console.window.outputs
    qtbot.mouseClick(outputs.live, Qt.MouseButton.LeftButton)
    answer(qtbot, outputs, QMessageBox.StandardButton.No)
    qtbot.wait(300)
    assert not console.fake.state()["streaming"]
    qtbot.mouseClick(outputs.live, Qt.MouseButton.LeftButton)
    answer(qtbot, outputs, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: console.fake.state()["streaming"], timeout=2000)
    qtbot.waitUntil(lambda: outputs.live.property("active") is True, timeout=3000)
    qtbot.waitUntil(lambda: outputs.live_time.text() >= "00:00:01", timeout=4000)
    qtbot.mouseClick(outputs.live, Qt.MouseButton.LeftButton)
    answer(qtbot, outputs, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not console.fake.state()["streaming"], timeout=2000)
    qtbot.waitUntil(lambda: outputs.live_time.text() == "00:00:00", timeout=3000)


def test_record_starts_at_once_and_stop_asks(qtbot, console):
    outputs = console.window.outputs
    qtbot.mouseClick(outputs.record, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: console.fake.state()["recording"], timeout=2000)
    qtbot.waitUntil(lambda: outputs.record.property("active") is True, timeout=2000)
    qtbot.mouseClick(outputs.record, Qt.MouseButton.LeftButton)
    answer(qtbot, outputs, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: not console.fake.state()["recording"], timeout=2000)


def test_refused_command_reaches_the_status_bar(qtbot, console):
    console.fake.fail_next("SetCurrentProgramScene", 600, "No source was found by the name of x.")
    scenes = console.fake.state()["scenes"]
    qtbot.mouseClick(console.window.scenes.buttons[scenes[1]], Qt.MouseButton.LeftButton)
    bar = console.window.statusBar()
    qtbot.waitUntil(lambda: "No source was found" in bar.currentMessage(), timeout=2000)


def test_obs_gone_shows_reconnecting_and_refuses_commands(qtbot, console):
    bar = console.window.connection_bar
    console.fake.stop()
    qtbot.waitUntil(lambda: bar.dot.property("state") == "reconnecting", timeout=3000)
    assert not console.window.scenes.isEnabled()
    assert not console.window.audio.isEnabled()
    console.service.select_scene_number(2)  # the panel is disabled; the key still works
    status = console.window.statusBar()
    qtbot.waitUntil(lambda: "not connected" in status.currentMessage(), timeout=1000)


@pytest.mark.parametrize(
    "health,levels",
    [
        (Health(stream_dropped=1, stream_frames=1000, disk_free_gb=100, cpu_pct=10), "ok"),
        (Health(stream_dropped=30, stream_frames=1000, disk_free_gb=3, cpu_pct=90), "warn"),
        (Health(stream_dropped=300, stream_frames=1000, disk_free_gb=0.2, cpu_pct=99), "bad"),
    ],
)
def test_health_strip_colours(console, health, levels):
    console.service.health_changed.emit(health)
    labels = console.window.health.labels
    assert {k: labels[k].property("level") for k in ("dropped", "disk", "cpu")} == dict.fromkeys(
        ("dropped", "disk", "cpu"), levels
    )


def test_health_strip_shows_obs_figures(qtbot, console):
    labels = console.window.health.labels
    qtbot.waitUntil(lambda: labels["fps"].text() == "FPS 30.0", timeout=3000)
    assert "GB" in labels["disk"].text() and "—" not in labels["disk"].text()


def test_window_geometry_is_remembered(qtbot, console):
    from console.settings import Settings
    from console.ui.main_window import MainWindow

    console.window.resize(700, 500)  # inside the offscreen 800x600 screen
    console.window.close()
    saved = console.window.settings  # the object app.py writes to disk at exit
    assert saved.window_geometry and saved.window_state
    again = MainWindow(
        console.service,
        Settings(window_geometry=saved.window_geometry, window_state=saved.window_state),
    )
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)


def test_request_timeout_is_shown(qtbot, console):
    console.fake.delay("SetInputMute", 4)
    qtbot.mouseClick(console.window.audio.strips[MIC].mute, Qt.MouseButton.LeftButton)
    bar = console.window.statusBar()
    qtbot.waitUntil(lambda: "did not answer within 3 seconds" in bar.currentMessage(), timeout=5000)
    console.fake.delay("SetInputMute", 0)


def test_bitrate_from_stream_byte_counts(qtbot, console):
    console.service.set_streaming(True)
    label = console.window.health.labels["bitrate"]
    qtbot.waitUntil(lambda: label.text()[0].isdigit(), timeout=4000)
    kbps, ok = QLocale().toDouble(label.text().split()[0])  # grouped as the locale groups
    assert ok and 4000 < kbps < 8000  # the fake sends ~6 Mbit/s
    console.service.set_streaming(False)


def test_obs_gone_shows_nothing_stale(qtbot, console):
    outputs, health = console.window.outputs, console.window.health.labels
    console.service.set_streaming(True)
    qtbot.waitUntil(lambda: outputs.live.property("active") is True, timeout=3000)
    qtbot.waitUntil(lambda: health["fps"].text() == "FPS 30.0", timeout=3000)
    console.fake.stop()
    qtbot.waitUntil(lambda: not console.service.connected, timeout=3000)
    qtbot.waitUntil(lambda: outputs.live_time.text() == "--:--:--", timeout=1000)
    assert outputs.live.text() == "Stream: unknown" and outputs.live.property("active") is False
    assert health["fps"].text() == "FPS —" and "—" in health["bitrate"].text()
    assert console.window.connection_bar.version.text() == ""


def test_failed_mute_leaves_the_button_showing_obs_state(qtbot, console):
    strip = console.window.audio.strips[MIC]
    console.fake.fail_next("SetInputMute", 604, "The specified input does not support audio.")
    failures = []
    console.service.failed.connect(lambda *a: failures.append(a))
    qtbot.mouseClick(strip.mute, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(failures), timeout=2000)
    assert strip.mute.property("muted") is False and strip.mute.text() == "Mute"
    qtbot.wait(100)  # a meter redraw
    assert strip.meter.muted is False
    assert not console.fake.state()["inputs"][MIC]["muted"]
