"""Coupons and lucky bags scheduled from the panel land in the show database, count down to
their start, and can be cancelled."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QTime

from console.core.offers import LUCKY_BAG
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.store.db import open_db
from console.store.writer import DbWriter
from console.ui.offers_panel import OffersPanel


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    db = open_db(path)
    show_id = db["shows"].insert({"title": "t", "platform": "kuaishou"}).last_pk
    db.close()
    writer = DbWriter(path)
    queue = QueueService(writer)
    offers = OffersService(writer, queue)
    panel = OffersPanel(offers)
    qtbot.addWidget(panel)
    with qtbot.waitSignals([queue.changed, offers.changed], timeout=3000):  # both loaded
        queue.open_show(show_id)
    yield panel, offers, path
    writer.close()


def test_schedule_from_the_panel_then_cancel(qtbot, env):
    panel, offers, path = env
    start = (datetime.now() + timedelta(minutes=30)).replace(second=0, microsecond=0)
    panel.kind.setCurrentIndex(panel.kind.findData(LUCKY_BAG))
    panel.start.setTime(QTime(start.hour, start.minute))
    panel.minutes.setValue(15)
    panel.quantity.setValue(200)
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.add.click()
    assert panel.table.rowCount() == 1
    assert panel.table.item(0, 0).text() == "Lucky bag"
    assert panel.table.item(0, 4).text().startswith("starts in ")
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT kind, duration_s, quantity, state FROM offers").fetchone()
    conn.close()
    assert row == ("lucky_bag", 900, 200, "scheduled")
    panel.table.selectRow(0)
    with qtbot.waitSignal(offers.changed, timeout=3000):
        panel.cancel.click()
    assert panel.table.rowCount() == 0


def test_refused_offer_says_why(qtbot, env):
    panel, offers, path = env
    failures = []
    offers.failed.connect(lambda *a: failures.append(a))
    offers.schedule("lucky_bag", datetime.now().astimezone(), 5, None)
    offers.schedule("lucky_bag", datetime.now(), 600, None)  # no UTC offset
    assert failures == [("schedule", "duration_out_of_range"), ("schedule", "time_without_offset")]
