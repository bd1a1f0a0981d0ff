"""Issue 5's "Done when", against the real OBS and real receivers: the crew sets the room up by
hand (a scene, its second camera, the mic's level and noise filter, two Key Lights, a DMX top
light, the PTZ camera), captures it as a preset, messes the room up, and the look comes back by
its hotkey (Ctrl+4 on the console) and by one press of 讲解 on a product linked to it. Every
value is read back where it landed: from OBS, from the Key Lights' HTTP API (the fake checks
every body as the light does), from the PTZ camera's VISCA bytes and from OLA's olad, which
receives the sACN universe in its own network namespace."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.core.dmx import Levels
from console.services.preset_service import DONE
from tests.helpers.ola_peer import SACN_UNIVERSE
from tests.helpers.preset_room import CAMERAS, CLOSE_UP, SECOND_CAMERA, WIDE, Room, prepare_obs

pytestmark = [pytest.mark.real_obs, pytest.mark.real_dmx]


@pytest.fixture
def room(qtbot, real_obs, raw_obs, ola, tmp_path):
    prepare_obs(raw_obs)
    r = Room(qtbot, real_obs, raw_obs, ola, tmp_path)
    yield r
    r.close()


def test_a_captured_look_comes_back_by_hotkey_and_by_explain(qtbot, room, capsys):
    look_top, dark_top = Levels(60, 4500), Levels(5, 2700)
    lit = {"主灯": (85, 5000), "辅灯": (40, 3200)}
    room.set_room(CLOSE_UP, SECOND_CAMERA, -4.0, True, lit, look_top)

    # 1. Capture the room (what the name box's OK does); the editor opens with what was read,
    # the crew puts the look on Ctrl+4 and saves.
    with qtbot.waitSignal(room.presets.captured, timeout=3000) as got:
        room.presets.capture("口红特写")
    assert got.args[1] == []  # nothing that could not be read
    editor = room.looks.panel.editor
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible(), timeout=2000)
    editor.hotkey.setCurrentIndex(editor.hotkey.findData(4))
    with qtbot.waitSignal(room.presets.saved, timeout=3000):
        qtbot.mouseClick(editor.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(room.presets.presets), timeout=3000)
    preset = room.presets.presets[0]
    assert preset.scene == CLOSE_UP and preset.camera.source == SECOND_CAMERA
    assert preset.ptz.camera == "云台"
    # The camera stored its position on OK (not at the capture), in LiveDesk's top slot.
    stored_slot = bytes.fromhex(f"81 01 04 3F 01 {preset.ptz.preset:02X} FF")
    assert preset.ptz.preset == 127 and stored_slot in room.camera.commands
    assert [(s.light, s.brightness) for s in preset.lights] == [("主灯", 85), ("辅灯", 40)]

    timings = {}
    for how in ("hotkey", "explain"):
        # 2. Somebody changes everything.
        dim = {"主灯": (10, 2900), "辅灯": (10, 2900)}
        room.set_room(WIDE, CAMERAS[CLOSE_UP], -20.0, False, dim, dark_top)
        assert room.ola.wait_for(SACN_UNIVERSE, lambda v: v[0] == round(0.05 * 255), timeout=4)

        # 3. One press brings the look back.
        if how == "hotkey":
            room.window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is room.window, timeout=2000)
            press = lambda: qtbot.keyClick(  # noqa: E731
                room.window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier
            )
        else:
            item = room.queue.queue.items[0]
            room.presets.link_product(item.product_id, preset.id)
            qtbot.waitUntil(lambda: room.queue.queue.items[0].preset_id == preset.id, timeout=3000)
            press = lambda item=item: room.queue.start_explain(item.id)  # noqa: E731 - Enter
        recall = room.recall_by(press, how)
        assert all(s.state == DONE for s in recall.steps), recall.steps
        room.assert_the_look_is_back(look_top)
        recalled_slot = bytes.fromhex(f"81 01 04 3F 02 {preset.ptz.preset:02X} FF")
        assert room.camera.commands[-1] == recalled_slot
        timings[how] = {f"{s.kind} {s.name}": s.ms for s in recall.steps}
    assert room.queue.queue.explaining.name == "丝绒哑光口红"  # 讲解 runs, its timer with it

    def recalls():
        return room.writer.submit(
            lambda db: db.execute(
                "SELECT data FROM events WHERE kind = 'preset_recalled' ORDER BY id"
            ).fetchall()
        ).result(timeout=5)

    qtbot.waitUntil(lambda: len(recalls()) == 2, timeout=3000)
    assert [json.loads(r[0])["origin"] for r in recalls()] == ["hotkey", "explain"]
    with capsys.disabled():
        for how, steps in timings.items():
            line = ", ".join(f"{name} {ms:.1f} ms" for name, ms in steps.items())
            print(f"\n[perf] preset recall by {how} (press to each device's answer): {line}")
