"""The presets dock as the assistant host uses it, over a real PresetService (show database on
disk), the fake OBS and the demo's device fakes: a preset typed in the editor is listed,
Ctrl+2 recalls the preset on key 2 and every line turns done, an unplugged light shows red
with why while the rest is done, capture opens the editor with what it read (not modal: the
console's keys still work, and Cancel leaves the camera's memory alone), and a broken import
file is worded and imports nothing."""

import json
import time

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget

from console.core.presets import (
    CameraChoice,
    LightSetting,
    Preset,
    PtzRecall,
)
from console.devices.obs.fake_state import CAMERA, MIC, NOISE_SUPPRESSION
from console.store.writer import DbWriter
from console.ui.presets_panel import DEVICE, GLYPH, KEY, NAME, RESULT, SUMMARY, PresetsPanel
from tests.helpers.demo_look import CLOSE_UP, LOOK, WIDE
from tests.helpers.demo_presets import DemoPresets, stores
from tests.helpers.heartbeat import Heartbeat

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


class Desk(DemoPresets):
    """The console's window with the presets dock, as the app wires it."""

    def __init__(self, qtbot, console, tmp_path):
        super().__init__(qtbot, console, DbWriter(tmp_path / "shows.db"))
        self.window = console.window
        self.panel = PresetsPanel(self.service, self.devices, console.service)
        self.dock = QDockWidget("Presets", self.window)
        self.dock.setObjectName("presetsDock")
        self.dock.setWidget(self.panel)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        with qtbot.waitSignal(self.service.presets_changed, timeout=3000):
            self.service.load()

    def rows(self):
        tree = self.panel.list
        return [
            (tree.topLevelItem(n).text(KEY), tree.topLevelItem(n).text(NAME))
            for n in range(tree.topLevelItemCount())
        ]

    def lines(self):
        """The result lines as the user reads them: (glyph, device, result)."""
        tree = self.panel.result
        return [
            (tree.topLevelItem(n).text(GLYPH), tree.topLevelItem(n).text(DEVICE),
             tree.topLevelItem(n).text(RESULT))
            for n in range(tree.topLevelItemCount())
        ]  # fmt: skip

    def activate(self):
        self.window.activateWindow()
        self.qtbot.waitActive(self.window)


@pytest.fixture
def desk(qtbot, console, tmp_path):
    d = Desk(qtbot, console, tmp_path)
    yield d
    d.close()


def captured_editor(qtbot, desk, name):
    """Capture the room as `name` (what the name box's OK does); the editor it opens."""
    with qtbot.waitSignal(desk.service.captured, timeout=3000):
        desk.panel._on_name_dialog_text_value_selected(name)
    editor = desk.panel.editor
    qtbot.waitExposed(editor)
    return editor


def type_text(widget, text):
    """Typed key by key; QTest's keyClicks takes ASCII only (Chinese comes from the IME)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def focused(qtbot, dialog):
    """The dialog as the window the keys go to (the offscreen platform does not move the
    focus to a new window by itself)."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    return dialog


def test_a_preset_made_in_the_editor_by_keyboard_is_saved_and_listed(qtbot, desk):
    desk.activate()
    desk.panel.list.setFocus()
    qtbot.keyClick(desk.panel.list, Qt.Key.Key_Insert)  # new preset
    editor = desk.panel.editor
    focused(qtbot, editor)
    assert editor.windowTitle() == "New preset"
    assert QApplication.focusWidget() is editor.name
    assert not editor.ok.isEnabled()  # no name yet
    type_text(editor.name, "服装全景 Wide")
    qtbot.keyClick(editor, Qt.Key.Key_K, ALT)  # Hot&key
    assert editor.hotkey.hasFocus()
    qtbot.keyClick(editor.hotkey, Qt.Key.Key_Down)
    qtbot.keyClick(editor.hotkey, Qt.Key.Key_Down)
    assert editor.hotkey.currentText() == "Ctrl+2"
    qtbot.keyClick(editor, Qt.Key.Key_S, ALT)  # Program &scene
    assert editor.scene.lineEdit().hasFocus()
    for _ in range(4):  # Don't change, then OBS's scenes top to bottom: the 4th is Wide
        qtbot.keyClick(editor.scene, Qt.Key.Key_Down)
    assert editor.scene.currentText() == WIDE
    with qtbot.waitSignal(desk.service.presets_changed, timeout=3000):
        qtbot.keyClick(editor.scene.lineEdit(), Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible(), timeout=2000)
    assert ("Ctrl+2", "服装全景 Wide") in desk.rows()
    row = desk.rows().index(("Ctrl+2", "服装全景 Wide"))
    assert desk.panel.list.topLevelItem(row).text(SUMMARY) == WIDE
    stored = desk.service.presets[0]
    assert (stored.name, stored.scene, stored.hotkey, stored.lights) == (
        "服装全景 Wide",
        WIDE,
        2,
        (),
    )
    assert desk.panel.message.text() == "Saved “服装全景 Wide”."


def test_ctrl_2_recalls_the_preset_on_key_2_and_every_line_turns_done(qtbot, desk):
    desk.saved(LOOK)
    desk.saved(Preset("服装全景", scene=WIDE, hotkey=3))
    desk.activate()
    qtbot.keyClick(desk.window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: desk.panel.badge.text().startswith("All done"), timeout=3000)
    assert desk.panel.result_title.text() == "“美妆特写”, recalled by hotkey Ctrl+2"
    lines = desk.lines()
    assert [device for _, device, _ in lines] == [
        f"Camera · {CAMERA}",
        f"Mic · {MIC}",
        f"Scene · {CLOSE_UP}",
        "PTZ camera · PTZ 1",
        "Key Light · Key Light L",
        "Key Light · Key Light R",
        "DMX · sACN 1",
    ]
    assert all(glyph == "✓" and result.startswith("done in ") for glyph, _, result in lines)
    assert desk.dock.windowTitle() == "Presets"


def test_an_unplugged_light_fails_alone_and_shows_why(qtbot, desk):
    desk.saved(LOOK)
    desk.fakes.keylights["Key Light R"].unplug()
    desk.activate()
    beat = Heartbeat()
    beat.start()
    t0 = time.perf_counter()
    qtbot.keyClick(desk.window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: desk.service.recall_now.finished, timeout=3000)
    elapsed = time.perf_counter() - t0
    qtbot.wait(300)  # and a while after: nothing stalls later either
    worst_ms = beat.stop()
    lines = {device: (glyph, result) for glyph, device, result in desk.lines()}
    why = desk.panel.reason_text("refused")
    assert lines.pop("Key Light · Key Light R") == ("✗", why)
    assert why == "connection refused: wrong port, or restarting?"
    assert all(glyph == "✓" for glyph, _ in lines.values())
    failed_row = next(
        desk.panel.result.topLevelItem(n)
        for n in range(desk.panel.result.topLevelItemCount())
        if desk.panel.result.topLevelItem(n).text(DEVICE) == "Key Light · Key Light R"
    )
    assert failed_row.foreground(RESULT).color().name() == "#f85149"  # red at a glance
    assert desk.panel.badge.text() == "1 device failed"
    assert desk.panel.badge.property("state") == "failed"
    assert desk.dock.windowTitle() == "Presets — 1 device failed"
    assert elapsed < 2.0
    assert worst_ms < 100 and beat.beats > 100  # the GUI never waited on the dead light


def test_capture_opens_the_editor_with_what_it_read(qtbot, desk):
    desk.service.recall(desk.saved(LOOK).id)
    qtbot.waitUntil(lambda: desk.service.recall_now.finished, timeout=3000)
    output = desk.devices.output("sACN 1")
    qtbot.waitUntil(lambda: not output.fading, timeout=2000)
    desk.fakes.keylights["Key Light R"].unplug()
    desk.activate()
    qtbot.keyClick(desk.window, Qt.Key.Key_P, ALT)  # Ca&pture…
    qtbot.waitUntil(lambda: desk.panel.name_dialog is not None, timeout=1000)  # animated click
    dialog = desk.panel.name_dialog
    qtbot.waitExposed(dialog)
    assert dialog.textValue() == ""  # not the chosen preset's name: re-capturing it is deliberate
    dialog.setTextValue("直播新造型")  # Chinese comes from the IME, not from key clicks
    with qtbot.waitSignal(desk.service.captured, timeout=3000):
        dialog.accept()
    editor = desk.panel.editor
    qtbot.waitExposed(editor)
    assert editor.name.text() == "直播新造型"
    assert editor.scene.currentText() == CLOSE_UP
    assert (editor.cam_scene.currentText(), editor.cam_source.currentText()) == (CLOSE_UP, CAMERA)
    assert (editor.ptz.currentText(), editor.ptz_slot.value()) == ("PTZ 1", 127)
    left, right = editor.lights["Key Light L"], editor.lights["Key Light R"]
    assert left.include.isChecked() and not right.include.isChecked()
    assert (left.power.currentText(), left.brightness.value(), left.kelvin.value()) == (
        "On",
        80,
        5600,
    )
    top = editor.fixtures["Top light"]
    assert top.include.isChecked() and top.dimmer.value() == 50.0 and top.kelvin.value() == 4000
    mic = editor.mics[MIC]
    assert mic.box.isChecked() and mic.volume.value() == -6.0
    assert mic.muted.currentText() == "Live (unmuted)"
    assert mic.filters[NOISE_SUPPRESSION].currentText() == "Off"
    assert editor.missing.isVisible()
    assert "Key Light · Key Light R: " + desk.panel.reason_text("refused") in editor.missing.text()
    shown = editor.preset()
    assert shown.lights == (LightSetting("Key Light L", True, 80, 5600),)
    assert shown.camera == CameraChoice(CLOSE_UP, CAMERA) and shown.fixtures == LOOK.fixtures
    camera = desk.fakes.cameras["PTZ 1"]
    assert not stores(camera)  # the camera stores its position on OK, not at the capture
    with qtbot.waitSignal(desk.service.presets_changed, timeout=3000):
        editor.ok.click()
    assert ("", "直播新造型") in desk.rows()
    assert stores(camera) == [bytes.fromhex("81 01 04 3F 01 7F FF")]


def test_a_broken_import_file_is_worded_and_imports_nothing(qtbot, desk, tmp_path):
    desk.saved(LOOK)
    document = {
        "format": "livedesk-presets",
        "version": 1,
        "presets": [
            {"name": "A", "fade_s": 0},
            {"name": "B", "fade_s": 0, "lights": [{"light": "Key Light L", "brightness": 140}]},
        ],
    }
    broken = tmp_path / "presets.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    desk.panel.choose_import()
    chooser = desk.panel.file_dialog
    qtbot.waitExposed(chooser)
    with qtbot.waitSignal(desk.service.failed, timeout=3000):
        chooser.selectFile(str(broken))
        chooser.accept()
    message = desk.panel.message
    assert message.isVisible() and message.property("state") == "failed"
    assert message.text() == (
        "Nothing was imported: a value is out of range (at presets[1].lights[0].brightness)"
    )
    qtbot.wait(300)  # nothing else arrives
    assert desk.rows() == [("Ctrl+2", "美妆特写")]
    not_json = tmp_path / "notes.json"
    not_json.write_text("这不是 JSON", encoding="utf-8")
    with qtbot.waitSignal(desk.service.failed, timeout=3000):
        desk.panel.import_file(str(not_json))
    assert message.text() == "Nothing was imported: the file is not JSON"
    assert desk.rows() == [("Ctrl+2", "美妆特写")]


def test_export_then_import_says_so(qtbot, desk, tmp_path):
    desk.saved(LOOK)
    target = tmp_path / "out.json"
    desk.panel.export_file(str(target))
    qtbot.waitUntil(lambda: desk.panel.message.text() == f"Exported to {target}.", timeout=3000)
    assert json.loads(target.read_text(encoding="utf-8"))["presets"][0]["name"] == "美妆特写"
    said = []  # the message at each change of the list
    desk.service.presets_changed.connect(lambda _: said.append(desk.panel.message.text()))
    desk.service.load()  # answered while the import waits behind it: not "Imported"
    with qtbot.waitSignal(desk.service.imported, timeout=3000):
        desk.panel.import_file(str(target))
    assert said and said[0] == f"Importing {target}…"
    assert desk.panel.message.text() == f"Imported 1 preset from {target}."
    assert desk.panel.message.property("state") == ""


def test_a_rename_onto_another_name_keeps_the_editor_open_with_why(qtbot, desk):
    desk.saved(LOOK)
    wide = desk.saved(Preset("服装全景", scene=WIDE, hotkey=3))
    desk.panel._select(wide.id)
    desk.panel.edit_selected()
    editor = desk.panel.editor
    qtbot.waitExposed(editor)
    editor.name.setText("美妆特写")
    editor.hotkey.setCurrentIndex(editor.hotkey.findData(2))
    assert editor.note.text() == "Ctrl+2 is on “美妆特写” now: saving moves the key to this preset."
    with qtbot.waitSignal(desk.service.failed, timeout=3000):
        editor.ok.click()
    assert editor.isVisible()
    assert (
        editor.status.text() == "Another preset is already called “美妆特写”. Choose another name."
    )
    assert editor.status.property("state") == "failed" and editor.ok.isEnabled()


def test_delete_asks_first(qtbot, desk):
    desk.saved(LOOK)
    desk.panel.list.setFocus()
    desk.panel.list.setCurrentItem(desk.panel.list.topLevelItem(0))
    desk.panel.ask_delete()
    box = desk.panel.delete_box
    qtbot.waitExposed(box)
    box.reject()  # Cancel: nothing happens
    qtbot.wait(200)
    assert desk.rows() == [("Ctrl+2", "美妆特写")]
    desk.panel.ask_delete()
    box = desk.panel.delete_box
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(desk.service.presets_changed, timeout=3000):
        delete.click()
    assert desk.rows() == []


def test_the_hotkeys_are_in_the_f1_list_and_no_other_key_takes_ctrl_digits(qtbot, desk):
    desk.saved(LOOK)
    rows = desk.window.shortcuts_help.rows()
    assert ("Ctrl+2", "Recall preset “美妆特写”") in rows
    assert ("Ctrl+3", "Recall a preset (no preset on this key yet)") in rows
    assert ("F2", "Presets list: edit the preset") in rows
    ours = set(desk.panel.hotkeys())
    assert len(ours) == 9 and all(s.whatsThis() for s in ours)
    digits = {f"Ctrl+{n}" for n in range(10)}
    others = [s.key().toString() for s in desk.window.findChildren(QShortcut) if s not in ours]
    others += [a.shortcut().toString() for a in desk.window.findChildren(QAction)]
    assert not digits & set(others)


def test_enter_or_a_double_click_on_a_preset_recalls_it(qtbot, desk):
    desk.saved(LOOK)
    desk.saved(Preset("服装全景", scene=WIDE, hotkey=3))
    desk.activate()
    tree = desk.panel.list
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(desk.rows().index(("Ctrl+3", "服装全景"))))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.panel.badge.text().startswith("All done"), timeout=3000)
    assert desk.panel.result_title.text() == "“服装全景”, recalled by button"
    assert desk.lines() == [("✓", f"Scene · {WIDE}", desk.lines()[0][2])]
    item = tree.topLevelItem(desk.rows().index(("Ctrl+2", "美妆特写")))
    where = tree.visualItemRect(item).center()
    where.setX(tree.header().sectionPosition(NAME) + 10)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # selects only
    assert desk.panel.result_title.text().startswith("“服装全景”")
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: desk.panel.result_title.text().startswith("“美妆特写”"), timeout=3000)
    qtbot.waitUntil(lambda: desk.service.recall_now.finished, timeout=3000)
    assert not desk.service.recall_now.failed
    assert item.foreground(NAME).color().name() == "#3fb950"  # the one recalled, all done


def test_cancel_after_a_capture_leaves_the_camera_slots_untouched(qtbot, desk):
    camera = desk.fakes.cameras["PTZ 1"]
    memory = dict(camera.memory)
    editor = captured_editor(qtbot, desk, "不要了")
    assert editor.ptz_slot.value() == 127
    editor.buttons.button(editor.buttons.StandardButton.Cancel).click()
    qtbot.wait(300)
    assert not stores(camera) and camera.memory == memory
    assert desk.rows() == []


def test_the_editor_is_not_modal_and_never_closes_one_with_changes(qtbot, desk):
    desk.saved(LOOK)
    first = captured_editor(qtbot, desk, "第一个")
    assert not first.isModal() and QApplication.activeModalWidget() is None
    desk.window.activateWindow()  # the crew goes back to the console mid-show: its keys work
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window, timeout=2000)
    qtbot.keyClick(desk.window, Qt.Key.Key_2, CTRL)
    qtbot.waitUntil(lambda: desk.panel.badge.text().startswith("All done"), timeout=3000)
    assert desk.service.recall_now.preset.name == "美妆特写"
    assert first.isVisible()
    second = captured_editor(qtbot, desk, "第二个")  # the first, unsaved, stays open beside it
    assert second is not first and first.isVisible() and second.isVisible()
    assert first.name.text() == "第一个" and second.name.text() == "第二个"
    desk.panel.new_preset()  # a new editor; the two captures stay
    assert (
        first.isVisible() and second.isVisible() and desk.panel.editor.windowTitle() == "New preset"
    )
    for editor in (first, second, desk.panel.editor):
        editor.reject()


def test_a_slow_ptz_move_shows_as_moving_then_done(qtbot, desk):
    desk.fakes.cameras["PTZ 1"].completion_delay_s = 2.5
    preset = desk.saved(Preset("转动", ptz=PtzRecall("PTZ 1", 3)))
    desk.service.recall(preset.id)
    qtbot.waitUntil(lambda: desk.service.recall_now.finished, timeout=3000)
    assert desk.lines() == [("…", "PTZ camera · PTZ 1", "still moving…")]
    assert desk.panel.badge.text() == "Done; camera still moving…"
    assert desk.dock.windowTitle() == "Presets"  # not a failure
    qtbot.waitUntil(lambda: desk.lines()[0][0] == "✓", timeout=3000)
    assert desk.lines()[0][2].startswith("done in ")
    assert desk.panel.badge.text().startswith("All done in ")


def test_a_recall_and_a_capture_with_obs_down_say_so_at_once(qtbot, desk, console):
    preset = desk.saved(Preset("全景", scene=WIDE, lights=(LightSetting("Key Light L", True, 50),)))
    console.client.stop()
    t0 = time.perf_counter()
    desk.service.recall(preset.id)
    qtbot.waitUntil(lambda: desk.service.recall_now.finished, timeout=3000)
    assert time.perf_counter() - t0 < 1.0
    assert desk.lines()[0] == ("✗", f"Scene · {WIDE}", "OBS is not connected")
    t0 = time.perf_counter()
    editor = captured_editor(qtbot, desk, "没有 OBS")
    assert time.perf_counter() - t0 < 1.0
    assert "• OBS: OBS is not connected" in editor.missing.text()
    editor.reject()


def test_a_camera_that_does_not_store_on_ok_is_said_and_the_preset_is_saved(qtbot, desk):
    editor = captured_editor(qtbot, desk, "新机位")
    desk.fakes.cameras["PTZ 1"].answering = False
    with qtbot.waitSignal(desk.service.failed, timeout=4000):
        editor.ok.click()
    qtbot.waitUntil(lambda: ("", "新机位") in desk.rows(), timeout=3000)
    assert desk.panel.message.text() == (
        "Saved, but the PTZ camera PTZ 1 did not store its position: no answer in time: is it on?"
    )
    assert desk.panel.message.property("state") == "failed"
    desk.fakes.cameras["PTZ 1"].answering = True
