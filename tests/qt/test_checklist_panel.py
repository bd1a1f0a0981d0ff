"""The checklist panel against the fake OBS and a real SQLite file through the writer thread:
what the assistant clicks is what the store holds, and the self-checks say what OBS says."""

import json
import re
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QStyle,
    QStyleOptionViewItem,
)

from console.core.checklist import CheckResult
from console.devices.obs.fake_server import FakeObsServer
from console.reports.format import moment_text
from console.services import checklist_service
from console.services.checklist_service import POLL_S, ChecklistService
from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.checklist_messages import evidence_text
from console.ui.checklist_panel import ChecklistPanel
from tests.helpers.console import FAKE_PASSWORD, Console
from tests.helpers.raw_obs import RawObs
from tests.helpers.show_db import make_show

MIC = "麦克风 Mic"
PRODUCTS = [
    {"sku": "A1", "name": "玻尿酸补水面膜", "live_price_fen": 5990, "stock": 100},
    {"sku": "B2", "name": "冻干草莓脆", "stock": 300},  # no live price yet
]


class Clock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


class Rig:
    def __init__(self, qtbot, console, tmp_path, products=PRODUCTS, devices=None):
        self.qtbot, self.console, self.fake = qtbot, console, console.fake
        self.path = tmp_path / "shows.db"
        self.show_id = make_show(self.path, products, title="618 大促")
        self.writer = DbWriter(self.path)
        self.queue = QueueService(self.writer)
        self.clock = Clock()
        self.template = tmp_path / "my" / "checklist_template.json"
        self.service = ChecklistService(
            self.writer,
            console.service,
            self.queue,
            clock=self.clock,
            language="en",
            template_path=self.template,
            devices=devices,
        )
        self.service.user = "小王"
        self.panel = ChecklistPanel(self.service)
        # Owned by the panel, so it is destroyed on the GUI thread with it, never by a garbage
        # collection that happens to run on another thread (its timer would outlive it).
        self.service.setParent(self.panel)
        qtbot.addWidget(self.panel)
        self.panel.resize(900, 700)
        self.panel.show()
        self.open_show(self.show_id)

    def open_show(self, show_id):
        self.queue.open_show(show_id)
        self.qtbot.waitUntil(
            lambda: self.service.show_id == show_id and len(self.service.checklist.items) > 20,
            timeout=3000,
        )

    def item(self, text=None, kind=None):
        for i in self.service.checklist.items:
            if (text is None or i.text == text) and (kind is None or i.auto_check == kind):
                return self.service.checklist.item(i.id)
        raise KeyError(text or kind)

    def label(self, kind):
        return self.panel.state_labels[self.item(kind=kind).id]

    def wait_state(self, kind, state, text=None, timeout=3000):
        def shown():
            label = self.label(kind)
            words = label.text()
            matches = text is None or (
                bool(text.search(words)) if isinstance(text, re.Pattern) else words == "● " + text
            )
            return label.property("state") == state and matches

        self.qtbot.waitUntil(shown, timeout=timeout)

    def stored(self, sql, *args):
        return self.writer.submit(lambda db: db.execute(sql, args).fetchall()).result(timeout=5)

    def click(self, item_id, double=False):
        """On the row's text, away from its box."""
        tree = self.panel.tree
        rect = tree.visualRect(tree.indexFromItem(self.panel.rows[item_id], 0))
        self.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        if double:  # as a mouse does it: a click, then the second press as a double-click
            self.qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def click_box(self, item_id, double=False):
        tree = self.panel.tree
        option = QStyleOptionViewItem()
        option.initFrom(tree.viewport())
        option.rect = tree.visualRect(tree.indexFromItem(self.panel.rows[item_id], 0))
        option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        box = tree.style().subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, tree
        )
        assert box.isValid() and option.rect.contains(box.center())
        self.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
        if double:
            self.qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=box.center())

    def configure(self, kind, params):
        item = self.item(kind=kind)
        self.service.edit_item(item.id, params=params)
        self.qtbot.waitUntil(lambda: self.item(kind=kind).params == params, timeout=3000)


@pytest.fixture
def rig(qtbot, console, tmp_path):
    rig = Rig(qtbot, console, tmp_path)
    yield rig
    rig.writer.close()


def test_the_show_gets_the_template_grouped_by_the_five_phases(rig):
    tree = rig.panel.tree
    headers = [
        tree.topLevelItem(n).text(0)
        for n in range(tree.topLevelItemCount())
        if tree.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole) is None
    ]
    assert [re.sub(r" \(\d+/\d+\)$", "", h) for h in headers] == [
        "Account and platform",
        "Content planning",
        "Before going live",
        "During the show",
        "After the show",
    ]
    assert len(rig.panel.rows) == len(rig.service.checklist.items) == 34
    rows = rig.stored("SELECT COUNT(*) FROM checklist_items WHERE show_id = ?", rig.show_id)
    assert rows == [(34,)]
    assert rig.panel.rows[rig.item("Samples laid out in script order").id].text(1) == "Required"


def test_self_checks_show_what_the_fake_obs_says(rig):
    rig.wait_state("obs_connected", "ok", "OBS connected")
    # which collection and profile this show needs is not known until someone says so
    rig.wait_state("scene_collection", "unknown", "Not configured: set the expected name")
    rig.wait_state("profile", "unknown", "Not configured: set the expected name")
    rig.configure("scene_collection", {"collection": "带货直播 Live shop"})
    rig.configure("profile", {"profile": "抖音竖屏 Douyin 1080x1920"})
    rig.wait_state("scene_collection", "ok", "Scene collection “带货直播 Live shop”")
    rig.wait_state("profile", "ok", "Profile “抖音竖屏 Douyin 1080x1920”")
    rig.wait_state("stream_service", "ok", "Stream server rtmp://127.0.0.1:1/live")
    rig.wait_state("disk_free", "ok", "177 GB free (at least 20)")  # OBS's GetStats figure
    rig.wait_state("mic_live", "ok", re.compile(r"^● Mic −\d+ dBFS peak, (just now|\d+ s ago)$"))
    rig.wait_state("queue_not_empty", "ok", "2 products in the queue")
    rig.wait_state(
        "queue_priced", "failed", "1 of 2 products lack a live price or stock: 冻干草莓脆"
    )
    rig.wait_state("lights_reachable", "unknown", "No device control in this console")
    assert rig.label("camera_reachable").property("state") == "unknown"
    # pricing the product in the queue turns the item green
    rig.queue.set_price(rig.queue.queue.items[1].id, 1990)
    rig.wait_state("queue_priced", "ok", "All 2 products have a live price and stock")


def test_a_light_that_stops_answering_turns_its_item_red(qtbot, console, tmp_path):
    from console.services.device_service import POLL_MS, DemoDevices, DeviceService, demo_rig

    fakes = DemoDevices()
    devices = DeviceService(demo_rig(), fakes)
    rig = Rig(qtbot, console, tmp_path, devices=devices)
    try:
        # two Key Lights answer; the DMX output sends, but DMX never answers
        rig.wait_state("lights_reachable", "ok", "2 answering")
        rig.wait_state("camera_reachable", "ok", "1 answering")
        fakes.keylights["Key Light R"].unplug()  # its cable pulled mid-show
        # seen at the next poll, up to POLL_MS away, plus the light's 1 s timeout
        rig.wait_state(
            "lights_reachable", "failed", "Not answering: Key Light R", timeout=POLL_MS + 3000
        )
        assert rig.label("camera_reachable").property("state") == "ok"
    finally:
        rig.writer.close()
        devices.close()
        fakes.stop()


def test_muting_the_mic_in_obs_turns_its_item_red_at_once(qtbot, rig):
    rig.wait_state("mic_live", "ok")
    rig.fake.set_input_mute(MIC, True)  # somebody clicks mute in OBS
    rig.wait_state("mic_live", "failed", "Mic “麦克风 Mic” is muted", timeout=2000)
    assert "1 required before going live still open" not in rig.panel.progress.text()
    rig.fake.set_input_mute(MIC, False)
    rig.wait_state("mic_live", "ok", timeout=2000)


def test_a_silent_mic_turns_red_after_its_window(qtbot, rig):
    rig.wait_state("mic_live", "ok")
    rig.fake.set_input_volume_db(MIC, -100.0)  # fader down: every peak far below −60 dBFS
    levels = rig.console.service.levels
    qtbot.waitUntil(lambda: max(levels[MIC][1:3]) < -60, timeout=3000)  # held peak expired
    qtbot.wait(600)  # one more sampling tick sees the silence
    rig.clock.t += 9  # still within the 10 s window
    rig.service.refresh()
    rig.wait_state("mic_live", "ok", re.compile(r", (9|10) s ago$"))
    rig.clock.t += 2
    rig.service.refresh()
    rig.wait_state("mic_live", "failed", "Mic silent for over 10 s")


def test_a_click_on_the_text_only_selects_so_its_evidence_can_be_read(qtbot, rig):
    samples = rig.item("Samples laid out in script order")
    rig.click(samples.id)
    assert rig.panel.current_id() == samples.id
    qtbot.wait(300)
    assert not rig.item(samples.text).checked
    assert rig.panel.rows[samples.id].checkState(0) == Qt.CheckState.Unchecked
    assert rig.stored("SELECT COUNT(*) FROM events WHERE kind LIKE 'checklist_%'") == [(0,)]


def test_the_box_and_a_double_click_check_and_uncheck(qtbot, rig):
    samples = rig.item("Samples laid out in script order")
    rig.click_box(samples.id)
    qtbot.waitUntil(lambda: rig.item(samples.text).checked, timeout=2000)
    assert rig.panel.rows[samples.id].checkState(0) == Qt.CheckState.Checked
    rig.click_box(samples.id)
    qtbot.waitUntil(lambda: not rig.item(samples.text).checked, timeout=2000)
    rig.click(samples.id, double=True)
    qtbot.waitUntil(lambda: rig.item(samples.text).checked, timeout=2000)
    rig.click(samples.id, double=True)
    qtbot.waitUntil(lambda: not rig.item(samples.text).checked, timeout=2000)
    rig.click_box(samples.id, double=True)  # a double-click on the box: one tick, not two
    qtbot.waitUntil(lambda: rig.item(samples.text).checked, timeout=2000)
    qtbot.wait(300)
    assert rig.item(samples.text).checked
    kinds = rig.stored("SELECT kind FROM events WHERE kind LIKE 'checklist_%' ORDER BY id")
    assert [k for (k,) in kinds] == ["checklist_checked", "checklist_unchecked"] * 2 + [
        "checklist_checked"
    ]


def test_a_refused_tick_leaves_the_box_as_stored(qtbot, rig):
    rig.panel.user.setText("")
    samples = rig.item("Samples laid out in script order")
    rig.click_box(samples.id)
    assert rig.panel.status.text() == "Enter your name first: it is recorded with every check."
    assert rig.panel.rows[samples.id].checkState(0) == Qt.CheckState.Unchecked


def test_the_checked_by_name_defaults_to_the_login_and_stays_for_the_session(qtbot, rig):
    assert rig.panel.user.text() == "小王"
    rig.panel.user.setText("小李 ")
    next_show = rig.writer.submit(
        lambda db: db["shows"].insert({"title": "周四场", "platform": "douyin"}).last_pk
    ).result(timeout=5)
    rig.open_show(next_show)
    assert rig.panel.user.text() == "小李 " and rig.service.user == "小李"


def test_the_panel_lists_its_keys_for_the_help_overlay(rig):
    space = QKeySequence(Qt.Key.Key_Space).toString(QKeySequence.SequenceFormat.NativeText)
    assert rig.panel.shortcuts() == [(space, "Checklist: check or uncheck the selected item")]


def test_space_checks_items_with_who_and_when(qtbot, rig):
    samples = rig.item("Samples laid out in script order")
    rig.panel.tree.setFocus()
    rig.panel.tree.setCurrentItem(rig.panel.rows[samples.id])
    qtbot.keyClick(rig.panel.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: rig.item(samples.text).checked, timeout=2000)
    row = rig.panel.rows[samples.id]
    assert row.checkState(0) == Qt.CheckState.Checked
    assert row.text(3).startswith("小王 ")
    today = moment_text(datetime.now().astimezone()).split(" ")[0]  # "11/25/2026" in en_US
    assert row.toolTip(0).startswith(f"{samples.text}\nChecked by 小王 at {today} ")
    qtbot.waitUntil(
        lambda: (
            rig.stored("SELECT checked_by FROM checklist_items WHERE id = ?", samples.id)
            == [("小王",)]
        ),
        timeout=3000,
    )
    network = rig.item("Network: wired, upload speed test at least 10 Mbps")
    rig.panel.tree.setFocus()
    rig.panel.tree.setCurrentItem(rig.panel.rows[network.id])
    qtbot.keyClick(rig.panel.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: rig.item(network.text).checked, timeout=2000)
    rig.panel.user.setText("小李")
    qtbot.keyClick(rig.panel.tree, Qt.Key.Key_Space)  # again: unchecked, by 小李
    qtbot.waitUntil(lambda: not rig.item(network.text).checked, timeout=2000)
    assert rig.panel.rows[network.id].toolTip(0).endswith("\nNot checked yet")

    def timeline():
        rows = rig.stored("SELECT kind, data FROM events WHERE kind LIKE 'checklist_%' ORDER BY id")
        return [(kind, json.loads(data)["by"], json.loads(data)["item"]) for kind, data in rows]

    qtbot.waitUntil(lambda: len(timeline()) == 3, timeout=3000)
    assert timeline() == [
        ("checklist_checked", "小王", samples.id),
        ("checklist_checked", "小王", network.id),
        ("checklist_unchecked", "小李", network.id),
    ]


def test_checking_without_a_name_is_refused_with_a_reason(qtbot, rig):
    rig.panel.user.setText("  ")
    samples = rig.item("Samples laid out in script order")
    rig.panel.tree.setFocus()
    rig.panel.tree.setCurrentItem(rig.panel.rows[samples.id])
    qtbot.keyClick(rig.panel.tree, Qt.Key.Key_Space)
    assert not rig.item(samples.text).checked
    assert rig.panel.status.text() == "Enter your name first: it is recorded with every check."


def test_a_profile_changed_in_obs_is_noticed(qtbot, rig):
    profile = rig.item(kind="profile")
    rig.service.edit_item(profile.id, params={"profile": "未命名 Untitled"})
    rig.wait_state(
        "profile", "failed", "Profile is “抖音竖屏 Douyin 1080x1920”, not “未命名 Untitled”"
    )
    with RawObs(rig.fake.url, FAKE_PASSWORD, subscriptions=0) as obs:  # somebody, in OBS
        obs.request("SetCurrentProfile", {"profileName": "未命名 Untitled"})
    rig.wait_state("profile", "ok", "Profile “未命名 Untitled”", timeout=2000)  # no poll needed


def test_a_missing_stream_key_is_found_at_the_next_poll(qtbot, rig):
    rig.wait_state("stream_service", "ok")
    with RawObs(rig.fake.url, FAKE_PASSWORD, subscriptions=0) as obs:
        settings = {"server": "rtmp://push-rtmp-l1.douyincdn.com/stage", "key": ""}
        obs.request(
            "SetStreamServiceSettings",
            {"streamServiceType": "rtmp_custom", "streamServiceSettings": settings},
        )
    rig.clock.t += POLL_S
    rig.wait_state("stream_service", "failed", "No stream key set in OBS", timeout=2000)


def test_losing_obs_greys_its_checks_and_reddens_the_connection(qtbot, rig):
    rig.configure("scene_collection", {"collection": "带货直播 Live shop"})
    rig.configure("profile", {"profile": "抖音竖屏 Douyin 1080x1920"})
    rig.wait_state("scene_collection", "ok")
    rig.fake.stop()
    rig.wait_state("obs_connected", "failed", re.compile("Reconnecting to OBS"))
    for kind in ("scene_collection", "profile", "stream_service", "mic_live", "disk_free"):
        assert rig.label(kind).property("state") == "unknown", kind
    rig.fake.start()
    rig.wait_state("scene_collection", "ok", timeout=5000)


def test_edit_mode_adds_edits_moves_and_removes_items(qtbot, rig):
    panel = rig.panel
    qtbot.mouseClick(panel.edit, Qt.MouseButton.LeftButton)
    assert panel.edit_bar.isVisible()
    # add a required item to the first phase
    panel.tree.setCurrentItem(panel.rows[rig.item(kind="queue_priced").id])
    qtbot.mouseClick(panel.add, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.isVisible() and dialog.phase.currentData() == "account"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no text yet
    dialog.text.setText("保证金已缴纳")
    dialog.required.setChecked(True)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "保证金已缴纳" in [i.text for i in rig.service.checklist.items], timeout=3000
    )
    new = rig.item("保证金已缴纳")
    account = [i.text for i in rig.service.checklist.in_phase("account")]
    assert account[-1] == "保证金已缴纳" and new.required
    # move it up twice, then down once
    panel.tree.setCurrentItem(panel.rows[new.id])
    qtbot.mouseClick(panel.up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: rig.service.checklist.in_phase("account")[-2].id == new.id, timeout=3000
    )
    panel.tree.setCurrentItem(panel.rows[new.id])
    qtbot.mouseClick(panel.up, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: rig.service.checklist.in_phase("account")[-3].id == new.id, timeout=3000
    )
    # edit the disk check's minimum: 500 GB is more than the fake OBS has
    disk = rig.item(kind="disk_free")
    panel.tree.setCurrentItem(panel.rows[disk.id])
    qtbot.mouseClick(panel.change, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog.kind.currentData() == "disk_free"
    minimum = dialog.fields["min_free_gb"]
    assert isinstance(minimum, QDoubleSpinBox) and minimum.value() == 20
    minimum.setValue(500)
    dialog.text.setText("Recording disk: 500 GB free")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    rig.wait_state("disk_free", "failed", "Only 177 GB free, 500 GB needed")
    assert rig.item(kind="disk_free").text == "Recording disk: 500 GB free"
    # the scene collection is picked from OBS's collections: not set, it is not configured
    rig.wait_state("scene_collection", "unknown", "Not configured: set the expected name")
    collection = rig.item(kind="scene_collection")
    panel.tree.setCurrentItem(panel.rows[collection.id])
    qtbot.mouseClick(panel.change, Qt.MouseButton.LeftButton)
    field = panel.dialog.fields["collection"]
    assert isinstance(field, QComboBox)
    assert [field.itemText(n) for n in range(field.count())] == [
        "未命名 Untitled",
        "带货直播 Live shop",
    ]
    assert field.currentText() == "" and field.lineEdit().placeholderText()
    field.setCurrentIndex(1)
    ok = panel.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    rig.wait_state("scene_collection", "ok", "Scene collection “带货直播 Live shop”")
    panel.tree.setCurrentItem(panel.rows[collection.id])
    qtbot.mouseClick(panel.change, Qt.MouseButton.LeftButton)
    assert panel.dialog.fields["collection"].currentText() == "带货直播 Live shop"
    panel.dialog.reject()
    # remove the new item; in edit mode a double-click edits instead of checking
    rig.click(new.id)
    assert not rig.item(new.text).checked
    qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: new.id not in panel.rows, timeout=3000)
    stored = rig.stored(
        "SELECT text, position FROM checklist_items WHERE show_id = ? ORDER BY position",
        rig.show_id,
    )
    assert "保证金已缴纳" not in [t for t, _ in stored]
    assert [p for _, p in stored] == list(range(34))
    assert ("Recording disk: 500 GB free",) in [(t,) for t, _ in stored]


def test_saved_template_is_what_the_next_show_starts_from(qtbot, rig):
    first = rig.item(kind="queue_not_empty")
    rig.service.edit_item(first.id, text="队列里有商品")
    qtbot.waitUntil(lambda: rig.item(kind="queue_not_empty").text == "队列里有商品", timeout=3000)
    qtbot.mouseClick(rig.panel.save_template, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.template.exists(), timeout=3000)
    qtbot.waitUntil(
        lambda: rig.panel.status.text().startswith("Saved as your template"), timeout=3000
    )
    next_show = rig.writer.submit(
        lambda db: db["shows"].insert({"title": "周四场", "platform": "douyin"}).last_pk
    ).result(timeout=5)
    rig.open_show(next_show)
    assert rig.item(kind="queue_not_empty").text == "队列里有商品"
    assert not any(i.checked for i in rig.service.checklist.items)


def test_without_obs_disk_figure_the_recording_folder_is_measured_off_the_gui_thread(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.setenv("HOME", str(tmp_path))  # the fake OBS records to ~/Videos
    (tmp_path / "Videos").mkdir()
    fake = FakeObsServer(password=FAKE_PASSWORD)
    for _ in range(100):  # an OBS whose GetStats gives no figure, for the whole test
        fake.fail_next("GetStats", 702, "Stats are not available.")
    fake.start()
    measured = []
    real_disk_usage = checklist_service.shutil.disk_usage

    def disk_usage(path):
        usage = real_disk_usage(path)
        measured.append((str(path), threading.current_thread(), usage.free / 1024**3))
        return usage

    monkeypatch.setattr(checklist_service.shutil, "disk_usage", disk_usage)
    console = Console(qtbot, "127.0.0.1", fake.port, FAKE_PASSWORD)
    console.fake = fake
    rig = Rig(qtbot, console, tmp_path)
    try:
        qtbot.waitUntil(lambda: rig.label("disk_free").property("state") != "unknown", timeout=3000)
        path, thread, free_gb = measured[-1]
        assert path == str(tmp_path / "Videos")
        assert thread is not threading.main_thread()
        assert rig.service.checklist.result(rig.item(kind="disk_free").id).values["free_gb"] == (
            free_gb
        )
        assert console.service.health.disk_free_gb is None
    finally:
        console.close()
        rig.writer.close()
        fake.stop()


def test_evidence_is_worded_for_people():
    mic = CheckResult("ok", "mic_heard", {"input": MIC, "peak_db": -18.2, "ago_s": 3})
    assert evidence_text(mic) == "Mic −18 dBFS peak, 3 s ago"
    assert evidence_text(CheckResult("ok", "mic_heard", {"peak_db": -9.0, "ago_s": 0})) == (
        "Mic −9 dBFS peak, just now"
    )
    assert evidence_text(CheckResult("unknown", "some_new_code")) == "Not known"
    assert evidence_text(None) == ""


def test_attention_counts_failing_self_checks_up_to_the_live_phase(qtbot, rig):
    """What the dock's tab shows when the checklist is behind the rundown: self-checks that
    fail now in the phase the show is in and the phases before it."""
    rig.queue.set_price(rig.queue.queue.items[1].id, 1990)  # every self-check passes now
    rig.wait_state("mic_live", "ok")
    rig.wait_state("queue_priced", "ok")
    qtbot.waitUntil(lambda: rig.service.attention == 0, timeout=3000)
    said = []
    rig.service.attention_changed.connect(said.append)
    rig.fake.set_input_mute(MIC, True)  # before going live: the before-live mic item
    qtbot.waitUntil(lambda: said == [1], timeout=2000)
    rig.console.service.set_streaming(True)  # live: the during-the-show mic item too
    qtbot.waitUntil(lambda: said == [1, 2], timeout=3000)
    assert rig.service.live_phase() == "during"
    rig.fake.set_input_mute(MIC, False)
    qtbot.waitUntil(lambda: said == [1, 2, 0], timeout=2000)
    rig.service.refresh()
    assert said == [1, 2, 0]  # said when it changes, not on every tick
    rig.console.service.set_streaming(False)
    qtbot.waitUntil(lambda: rig.service.live_phase() == "before_live", timeout=3000)


def test_a_quick_switch_away_and_back_still_loads_the_checklist(qtbot, rig):
    """A→B→A with a check of A still being written: its late answer is dropped, not counted
    against the new load, and the latest load is what shows."""
    samples = rig.item("Samples laid out in script order")
    other = rig.writer.submit(
        lambda db: db["shows"].insert({"title": "周四场", "platform": "douyin"}).last_pk
    ).result(timeout=5)
    hold = threading.Event()
    rig.writer.submit(lambda db: hold.wait(5))  # the writer is busy: answers wait
    rig.service.check(samples.id)
    for show_id in (other, rig.show_id):  # as QueueService says when shows are opened
        rig.queue.show_id = show_id
        rig.queue.changed.emit(rig.queue.queue)
    assert rig.service.checklist.items == ()
    hold.set()
    qtbot.waitUntil(lambda: len(rig.service.checklist.items) == 34, timeout=3000)
    assert rig.item(samples.text).checked  # stored before the load read it
    assert len(rig.panel.rows) == 34
