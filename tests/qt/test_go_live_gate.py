"""Go Live through the checklist, against the fake OBS: open required items ask who overrides
and why (recorded on the timeline), a complete checklist goes to the usual question, and a
rehearsal cannot go live at all."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.services.checklist_service import ChecklistService
from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.go_live_gate import GoLiveGate
from console.ui.outputs_panel import OutputsPanel
from tests.helpers.show_db import make_show

PRODUCTS = [
    {"sku": "A1", "name": "玻尿酸补水面膜", "live_price_fen": 5990, "stock": 100},
    {"sku": "B2", "name": "冻干草莓脆", "live_price_fen": 1990, "stock": 300},
]


class Room:
    def __init__(self, qtbot, console, tmp_path):
        self.qtbot, self.fake = qtbot, console.fake
        path = tmp_path / "shows.db"
        self.show_id = make_show(path, PRODUCTS, title="618 大促")
        self.writer = DbWriter(path)
        self.queue = QueueService(self.writer)
        self.checklist = ChecklistService(
            self.writer,
            console.service,
            self.queue,
            language="zh_CN",
            template_path=tmp_path / "checklist_template.json",
        )
        self.checklist.user = "小王"
        self.rehearsal = False
        self.gate = GoLiveGate(self.checklist, lambda: self.rehearsal)
        self.outputs = OutputsPanel(console.service, gate=self.gate)
        # Owned by the panel: destroyed on the GUI thread with it (the service has a timer).
        self.checklist.setParent(self.outputs)
        self.gate.setParent(self.outputs)
        qtbot.addWidget(self.outputs)
        self.outputs.show()
        self.queue.open_show(self.show_id)
        qtbot.waitUntil(lambda: len(self.checklist.checklist.items) == 34, timeout=3000)
        collection = self.item("scene_collection")  # which one is this show's: not shipped
        self.checklist.edit_item(collection.id, params={"collection": "带货直播 Live shop"})
        qtbot.waitUntil(self.self_checks_pass, timeout=3000)  # the mic heard, the disk read

    def item(self, kind):
        return next(i for i in self.checklist.checklist.items if i.auto_check == kind)

    def self_checks_pass(self):
        c = self.checklist.checklist
        return all(c.done(i) for i in c.items if i.required and i.auto_check)

    def press_go_live(self):
        self.qtbot.mouseClick(self.outputs.live, Qt.MouseButton.LeftButton)

    def overrides(self):
        rows = self.writer.submit(
            lambda db: db.execute(
                "SELECT show_id, data FROM events WHERE kind = 'go_live_override'"
            ).fetchall()
        ).result(timeout=5)
        return [(show_id, json.loads(data)) for show_id, data in rows]

    def streaming(self):
        return self.fake.state()["streaming"]


@pytest.fixture
def room(qtbot, console, tmp_path):
    room = Room(qtbot, console, tmp_path)
    yield room
    room.writer.close()


def test_open_required_items_ask_who_and_why_then_go_live_on_the_record(qtbot, room):
    room.press_go_live()
    qtbot.waitUntil(
        lambda: room.gate.dialog is not None and room.gate.dialog.isVisible(), timeout=1000
    )
    dialog = room.gate.dialog
    listed = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert "样品已按讲解顺序摆放好" in listed
    assert not any(text.startswith("售罄商品") for text in listed)  # during the show: not yet
    assert dialog.who.text() == ""  # a person, typed: not the login, not who ticked items
    assert not dialog.go.isEnabled()
    dialog.why.setText("灯光控制器离线，已人工确认")
    assert not dialog.go.isEnabled()  # who is required
    dialog.who.setText("店长 老陈")
    dialog.why.setText("")
    assert not dialog.go.isEnabled()  # and so is why
    dialog.why.setText("灯光控制器离线，已人工确认")
    assert dialog.go.isEnabled()
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(room.streaming, timeout=2000)  # no second question after the override
    assert room.outputs.confirm is None
    qtbot.waitUntil(lambda: len(room.overrides()) == 1, timeout=3000)
    show_id, data = room.overrides()[0]
    assert (show_id, data["who"], data["why"]) == (
        room.show_id,
        "店长 老陈",
        "灯光控制器离线，已人工确认",
    )
    assert len(data["open"]) == len(listed)
    assert "样品已按讲解顺序摆放好" in [i["text"] for i in data["open"]]


def test_enter_after_the_reason_goes_live_and_esc_cancels(qtbot, room):
    room.press_go_live()
    qtbot.waitUntil(lambda: room.gate.dialog is not None, timeout=1000)
    dialog = room.gate.dialog
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    assert dialog.focusWidget() is dialog.who
    dialog.why.setFocus()
    dialog.why.setText("赶时间")  # (QTest types ASCII only)
    qtbot.keyClick(dialog.why, Qt.Key.Key_Return)  # no name yet: Enter does nothing
    assert dialog.isVisible() and dialog.why.text() == "赶时间" and not room.streaming()
    qtbot.keyClicks(dialog.who, "Chen")
    assert dialog.go.isDefault() and not dialog.cancel.isDefault()
    qtbot.keyClick(dialog.why, Qt.Key.Key_Return)
    qtbot.waitUntil(room.streaming, timeout=2000)
    qtbot.waitUntil(lambda: len(room.overrides()) == 1, timeout=3000)
    assert room.overrides()[0][1]["why"] == "赶时间"


def test_esc_cancels_the_override(qtbot, room):
    room.press_go_live()
    qtbot.waitUntil(lambda: room.gate.dialog is not None, timeout=1000)
    dialog = room.gate.dialog
    dialog.who.setText("店长 老陈")
    dialog.why.setText("赶时间")
    dialog.why.setFocus()
    qtbot.keyClick(dialog.why, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: room.gate.dialog is None, timeout=1000)
    qtbot.wait(300)
    assert not room.streaming() and room.overrides() == []


def test_cancelling_the_override_does_not_go_live(qtbot, room):
    room.press_go_live()
    qtbot.waitUntil(lambda: room.gate.dialog is not None, timeout=1000)
    room.gate.dialog.why.setText("赶时间")
    room.gate.dialog.reject()
    qtbot.wait(300)
    assert not room.streaming() and room.overrides() == []


def test_with_everything_done_go_live_asks_the_usual_question(qtbot, room):
    for item in room.checklist.checklist.open_required():
        assert item.auto_check is None, item.text  # the fake OBS passes every self-check
        room.checklist.check(item.id)
    assert room.checklist.open_required() == ()
    room.press_go_live()
    qtbot.waitUntil(lambda: room.outputs.confirm is not None, timeout=1000)
    assert room.gate.dialog is None
    box = room.outputs.confirm
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(room.streaming, timeout=2000)
    assert room.overrides() == []


def test_a_muted_mic_is_an_open_item_even_when_ticked_by_hand(qtbot, room):
    for item in room.checklist.checklist.open_required():
        room.checklist.check(item.id)
    mic = next(i for i in room.checklist.checklist.items if i.auto_check == "mic_live")
    room.checklist.check(mic.id)
    room.fake.set_input_mute("麦克风 Mic", True)
    qtbot.waitUntil(
        lambda: [i.id for i in room.checklist.open_required()] == [mic.id], timeout=2000
    )
    room.press_go_live()
    qtbot.waitUntil(lambda: room.gate.dialog is not None, timeout=1000)
    assert room.gate.dialog.list.item(0).text() == (
        "麦克风已打开，最近 10 秒有声音 — Mic “麦克风 Mic” is muted"
    )


def test_an_unconfigured_scene_collection_is_open_until_someone_names_it(qtbot, room):
    collection = room.item("scene_collection")
    room.checklist.edit_item(collection.id, params={"collection": ""})
    qtbot.waitUntil(
        lambda: collection.id in [i.id for i in room.checklist.open_required()], timeout=2000
    )
    for item in room.checklist.checklist.open_required():
        if item.auto_check is None:
            room.checklist.check(item.id)
    assert [i.id for i in room.checklist.open_required()] == [collection.id]
    room.press_go_live()
    qtbot.waitUntil(lambda: room.gate.dialog is not None, timeout=1000)
    assert room.gate.dialog.list.item(0).text() == (
        "OBS 场景集合是本场要用的 — Not configured: set the expected name"
    )


def test_a_rehearsal_cannot_go_live(qtbot, room):
    live = room.outputs.live
    assert live.isEnabled() and live.text() == "Go Live"
    room.rehearsal = True
    qtbot.waitUntil(lambda: not live.isEnabled(), timeout=1000)  # within a tick
    assert live.text() == "Rehearsal — Go Live off"
    assert "rehearsal" in live.toolTip()
    refused, started = [], []
    room.gate.refused.connect(refused.append)
    room.gate.request(lambda: started.append(True))  # e.g. from a shortcut
    assert started == [] and len(refused) == 1 and "Go Live is off" in refused[0]
    qtbot.waitUntil(lambda: room.outputs.notice is not None, timeout=1000)
    assert room.outputs.notice.isVisible() and room.outputs.notice.text() == refused[0]
    room.outputs.notice.close()
    qtbot.wait(300)
    assert not room.streaming()
    room.rehearsal = False  # the real show was opened
    qtbot.waitUntil(lambda: live.isEnabled() and live.text() == "Go Live", timeout=1000)


def test_a_show_stored_as_rehearsal_is_refused_through_the_checklist_service(qtbot, room):
    gate = GoLiveGate(room.checklist, room.checklist.is_rehearsal)
    gate.setParent(room.outputs)
    room.outputs.set_gate(gate)
    assert room.outputs.live.isEnabled()
    rehearsal = room.writer.submit(
        lambda db: (
            db["shows"].insert({"title": "彩排", "platform": "douyin", "rehearsal": 1}).last_pk
        )
    ).result(timeout=5)
    room.queue.open_show(rehearsal)
    qtbot.waitUntil(lambda: room.checklist.show_id == rehearsal, timeout=3000)
    qtbot.waitUntil(lambda: not room.outputs.live.isEnabled(), timeout=3000)
    assert room.outputs.live.text() == "Rehearsal — Go Live off"
    room.queue.open_show(room.show_id)
    qtbot.waitUntil(lambda: room.outputs.live.isEnabled(), timeout=3000)
