"""The presets in the console: a product gets its look from the queue's context menu (and 讲解
then recalls it), a device that fails is said in the status line even with the presets dock
behind another (and the words go once a late answer makes the recall all done), and a deleted
preset leaves the rundown's segments for good."""

import pytest

from console.core.presets import LightSetting, Preset
from console.services.device_service import DemoDevices, DeviceService, demo_rig
from console.services.queue_service import QueueService
from console.services.rundown_service import RundownService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.main_window import MainWindow
from console.ui.room_looks import RoomLooks
from console.ui.rundown_panel import RundownPanel
from tests.helpers.show_db import make_show


@pytest.fixture
def desk(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, [{"sku": "A", "name": "玻尿酸面膜", "live_price_fen": 5990}])
    writer = DbWriter(path)
    queue = QueueService(writer)
    fakes = DemoDevices()
    devices = DeviceService(demo_rig(), fakes)
    window = MainWindow(console.service, Settings(), queue)
    qtbot.addWidget(window)
    rundown = RundownPanel(RundownService(writer, queue))
    qtbot.addWidget(rundown)
    looks = RoomLooks(window, writer, console.service, devices, queue, rundown)
    window.show()
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    yield window, looks, queue, fakes
    devices.close()
    fakes.stop()
    writer.close()


def save(qtbot, looks, preset):
    with qtbot.waitSignal(looks.presets.presets_changed, timeout=3000):
        looks.presets.save(preset)
    return next(p for p in looks.presets.presets if p.name == preset.name)


def test_the_queue_menu_links_a_look_that_explain_then_recalls(qtbot, desk):
    window, looks, queue, _ = desk
    preset = save(qtbot, looks, Preset("美妆特写", lights=(LightSetting("Key Light L", True, 90),)))
    item = queue.queue.items[0]
    menu = looks.product_menu(item)
    choices = menu.actions()[0].menu().actions()
    assert [a.text() for a in choices] == ["No preset", "美妆特写"]
    assert choices[0].isChecked()  # no look yet
    choices[1].trigger()
    qtbot.waitUntil(lambda: queue.queue.items[0].preset_id == preset.id, timeout=3000)
    assert looks.product_menu(queue.queue.items[0]).actions()[0].menu().actions()[1].isChecked()
    with qtbot.waitSignal(looks.presets.recall_changed, timeout=3000) as got:
        queue.start_explain(item.id)
    assert (got.args[0].preset.id, got.args[0].origin) == (preset.id, "explain")


def test_a_failed_device_is_said_in_the_status_line(qtbot, desk):
    window, looks, _, fakes = desk
    preset = save(qtbot, looks, Preset("补光", lights=(LightSetting("Key Light R", True, 50),)))
    fakes.keylights["Key Light R"].unplug()
    looks.presets.recall(preset.id)
    qtbot.waitUntil(lambda: "补光" in window.statusBar().currentMessage(), timeout=3000)
    assert window.statusBar().currentMessage().startswith("Preset “补光”: Key Light · Key Light R:")


def test_a_segment_offers_the_presets_and_recalls_its_own_when_it_starts(qtbot, desk):
    _, looks, _, _ = desk
    wide = save(qtbot, looks, Preset("服装全景", scene="全景 Wide"))
    panel = looks.rundown_panel
    panel.add()
    dialog = panel.dialog
    combo = dialog.look
    assert [combo.itemText(n) for n in range(combo.count())] == ["No preset", "服装全景"]
    assert combo.currentData() is None
    dialog.title.setText("服装专场")
    dialog.duration.setText("10")
    combo.setCurrentIndex(1)
    dialog.accept()
    qtbot.waitUntil(lambda: len(panel.service.rundown.segments) == 1, timeout=3000)
    assert panel.service.rundown.segments[0].preset_id == wide.id
    with qtbot.waitSignal(looks.presets.recall_changed, timeout=3000) as got:
        panel.service.start()
    assert (got.args[0].preset.id, got.args[0].origin) == (wide.id, "segment")


def test_the_status_line_failure_goes_when_a_late_answer_makes_it_all_done(qtbot, desk, console):
    window, looks, _, _ = desk
    wide = save(qtbot, looks, Preset("服装全景", scene="全景 Wide"))
    console.fake.delay("SetCurrentProgramScene", 2.5)
    looks.presets.recall(wide.id)
    qtbot.waitUntil(lambda: "服装全景" in window.statusBar().currentMessage(), timeout=3000)
    assert window.statusBar().currentMessage() == (
        "Preset “服装全景”: Scene · 全景 Wide: no answer within 2 s"
    )
    qtbot.waitUntil(lambda: not looks.presets.recall_now.failed, timeout=3000)
    assert window.statusBar().currentMessage() == ""


def test_a_deleted_preset_leaves_the_rundown_for_good(qtbot, desk):
    _, looks, _, _ = desk
    wide = save(qtbot, looks, Preset("服装全景", scene="全景 Wide"))
    rundown = looks.rundown_panel.service
    with qtbot.waitSignal(rundown.saved, timeout=3000):
        rundown.add_segment("服装专场", 600, preset_id=wide.id)
    with qtbot.waitSignal(looks.presets.presets_changed, timeout=3000):
        looks.presets.remove(wide.id)
    assert rundown.rundown.segments[0].preset_id is None  # in memory too, at once
    with qtbot.waitSignal(rundown.saved, timeout=3000):  # the next save does not bring it back
        rundown.edit_segment(rundown.rundown.segments[0].id, title="服装专场 二")

    def stored(sql):
        writer = looks.presets.writer
        return writer.submit(lambda db: db.execute(sql).fetchall()).result(timeout=5)

    assert stored("SELECT title, preset_id FROM segments") == [("服装专场 二", None)]
    kinds = [k for (k,) in stored("SELECT kind FROM events WHERE kind LIKE 'rundown_%'")]
    assert kinds == ["rundown_segment_added", "rundown_segment_edited"]
