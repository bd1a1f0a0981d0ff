"""Coupons and lucky bags scheduled from the panel land in the show database, count down to
their start (past midnight too), and can be cancelled: a running one only after a yes."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QTime

from console.core.offers import COUPON, LUCKY_BAG
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.store.db import open_db
from console.store.writer import DbWriter
from console.ui.offers_panel import OffersPanel

CST = timezone(timedelta(hours=8))


class WallClock:
    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    db = open_db(path)
    show_id = db["shows"].insert({"title": "t", "platform": "kuaishou"}).last_pk
    db.close()
    writer = DbWriter(path)
    queue = QueueService(writer)
    clock = WallClock(datetime(2026, 11, 25, 20, 0, tzinfo=CST))
    offers = OffersService(writer, queue, clock=clock)
    panel = OffersPanel(offers)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignals([queue.changed, offers.changed], timeout=3000):  # both loaded
        queue.open_show(show_id)
    panel.table.setFocus()
    yield panel, offers, path, clock
    writer.close()


def stored(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT kind, start_wall, duration_s, quantity, state FROM offers")
        result = rows.fetchall()
    conn.close()
    return result


def texts(panel, column):
    return [panel.table.item(row, column).text() for row in range(panel.table.rowCount())]


def test_schedule_from_the_panel_then_cancel(qtbot, env):
    panel, offers, path, _clock = env
    panel.kind.setCurrentIndex(panel.kind.findData(LUCKY_BAG))
    panel.start.setTime(QTime(20, 30))
    panel.minutes.setValue(15)
    panel.quantity.setValue(200)
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.add.click()
    assert texts(panel, 0) == ["Lucky bag"]
    assert texts(panel, 1) == ["20:30"]
    assert texts(panel, 4) == ["starts in 30:00"]
    assert stored(path) == [("lucky_bag", "2026-11-25T20:30:00+08:00", 900, 200, "scheduled")]
    assert not panel.cancel.isEnabled()  # nothing selected
    panel.table.selectRow(0)
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.cancel.click()  # not running yet: no question
    assert panel.table.rowCount() == 0
    assert stored(path)[0][-1] == "cancelled"


def test_at_2355_a_start_of_0005_is_tomorrow_and_upcoming(qtbot, env):
    panel, offers, path, clock = env
    clock.now = datetime(2026, 11, 25, 23, 55, 20, tzinfo=CST)  # hours after the panel was built
    panel.hide()
    panel.show()  # e.g. its dock tab raised again
    assert panel.start.time() == QTime(0, 5)  # the default is ten minutes from now again
    assert panel.start_day.text() == "tomorrow 00:05"
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.add.click()
    assert stored(path)[0][1] == "2026-11-26T00:05:00+08:00"
    assert texts(panel, 1) == ["tomorrow 00:05"]
    assert texts(panel, 4) == ["starts in 09:40"]
    status = panel.table.item(0, 4)
    clock.now = datetime(2026, 11, 26, 0, 6, tzinfo=CST)  # past midnight: it runs, and is today's
    qtbot.waitUntil(lambda: texts(panel, 4) == ["RUNNING — 09:00 left"], timeout=2000)
    assert texts(panel, 1) == ["00:05"]
    assert panel.table.item(0, 4) is status  # updated in place, not a new item each second


def test_a_time_just_passed_starts_now_and_an_earlier_one_tomorrow(qtbot, env):
    panel, offers, path, clock = env
    clock.now = datetime(2026, 11, 25, 21, 30, 45, tzinfo=CST)
    panel.start.setTime(QTime(21, 30))  # 45 s ago: within the grace, so now
    assert panel.start_day.text() == ""
    panel.start.setTime(QTime(21, 29))  # 105 s ago: tomorrow, and the form says so
    assert panel.start_day.text() == "tomorrow 21:29"
    panel.start.setTime(QTime(21, 30))
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.add.click()
    assert texts(panel, 4) == ["RUNNING — 09:15 left"]


def test_the_default_start_is_refreshed_after_each_scheduled_offer(qtbot, env):
    panel, offers, _path, clock = env
    assert panel.start.time() == QTime(20, 10)
    panel.start.setTime(QTime(22, 0))
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.add.click()
        clock.now = datetime(2026, 11, 25, 21, 42, tzinfo=CST)  # before the save comes back
    assert panel.start.time() == QTime(21, 52)
    assert panel.start_day.text() == ""


def answer(qtbot, panel, text):
    box = panel.confirm
    qtbot.waitUntil(box.isVisible, timeout=1000)
    next(b for b in box.buttons() if b.text() == text).click()


def click_row(qtbot, panel, row, modifier=Qt.KeyboardModifier.NoModifier):
    pos = panel.table.visualItemRect(panel.table.item(row, 0)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, modifier, pos)


def test_one_offer_at_a_time_and_a_running_one_is_ended_only_after_a_yes(qtbot, env):
    panel, offers, path, clock = env
    with qtbot.waitSignals([offers.changed, offers.changed], timeout=3000):
        offers.schedule(COUPON, clock.now + timedelta(hours=1), 600, None)
        offers.schedule(LUCKY_BAG, clock.now - timedelta(seconds=30), 600, 50)  # running
    qtbot.waitUntil(lambda: texts(panel, 0) == ["Lucky bag", "Coupon"], timeout=3000)
    click_row(qtbot, panel, 0)
    click_row(qtbot, panel, 1, Qt.KeyboardModifier.ControlModifier)
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [1]  # single select

    click_row(qtbot, panel, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # the running bag: asks first
    assert panel.confirm.text() == "End this offer now? It is running."
    assert panel.confirm.informativeText() == "Lucky bag started at 19:59. Viewers will see it end."
    answer(qtbot, panel, "Keep it running")
    assert panel.confirm is None
    click_row(qtbot, panel, 1)
    with qtbot.waitSignal(offers.changed, timeout=3000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)  # the coupon has not started: no question
    assert panel.confirm is None
    assert texts(panel, 0) == ["Lucky bag"]  # kept running
    assert not panel.cancel.isEnabled()  # the selected coupon is gone, and so is the selection

    click_row(qtbot, panel, 0)
    panel.cancel.click()
    with qtbot.waitSignal(offers.changed, timeout=3000):
        answer(qtbot, panel, "End it now")
    assert panel.table.rowCount() == 0
    assert [(kind, state) for kind, *_, state in stored(path)] == [
        ("coupon", "cancelled"),
        ("lucky_bag", "cancelled"),
    ]


def test_refused_offer_says_why(qtbot, env):
    panel, offers, path, clock = env
    failures = []
    offers.failed.connect(lambda *a: failures.append(a))
    offers.schedule("lucky_bag", clock.now, 5, None)
    offers.schedule("lucky_bag", datetime.now(), 600, None)  # no UTC offset
    offers.schedule("lucky_bag", clock.now - timedelta(minutes=5), 600, None)
    assert failures == [
        ("schedule", "duration_out_of_range"),
        ("schedule", "time_without_offset"),
        ("schedule", "start_in_past"),
    ]
    assert stored(path) == []
