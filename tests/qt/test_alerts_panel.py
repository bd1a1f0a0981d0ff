"""The assistant's alerts panel and dock: active alerts on top in red or amber, worded with
their numbers and what to do; Acknowledge puts one out of sight until it clears; the history
keeps the times; the dock's title counts; a host rule becomes a worded cue on the host view."""

import dataclasses

from PySide6.QtCore import QDateTime, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel

from console.core import alerts as core
from console.core.alerts import Alert
from console.core.cues import MAX_TEXT
from console.reports.report_text import alert_detail, alert_name
from console.reports.review import AlertRecord
from console.services.cue_service import CueService
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.alert_messages import alert_text, cue_text, rule_name
from console.ui.alerts_install import install_alerts
from console.ui.alerts_panel import AlertsPanel
from tests.helpers.show_db import make_show

T0 = 1_750_000_020_000


class FakeAlerts(QObject):
    """What the panel reads of an AlertService."""

    changed = Signal()

    def __init__(self, *alerts):
        super().__init__()
        self.history = list(alerts)
        self.silenced = []

    def put(self, alert):
        self.history = [alert if a.id == alert.id else a for a in self.history]
        if all(a.id != alert.id for a in self.history):
            self.history.insert(0, alert)
        self.changed.emit()

    def silence(self, alert_id):
        self.silenced.append(alert_id)
        alert = next(a for a in self.history if a.id == alert_id)
        self.put(dataclasses.replace(alert, silenced=True))


def alert(id, rule, level=core.AMBER, at=T0, **values):
    return Alert(id, rule, values, None, level, False, 0.0, at)


STOCK = alert(1, core.LOW_STOCK, value=3, item=7, name="保湿面霜", mark=10)
DROP = alert(2, core.VIEWERS_DROP, value=32.0, window_min=5, to=843, **{"from": 1240})
MIC = alert(3, core.MIC_SILENT, core.RED, T0 + 5000, value=12, input="麦克风 Mic", muted=True)


def hhmmss(ms):
    return QDateTime.fromMSecsSinceEpoch(ms).toLocalTime().toString("HH:mm:ss")


def row_texts(panel):
    return [(r.what.text(), r.property("level")) for r in panel.rows.values()]


def test_active_alerts_are_worded_with_their_numbers_and_colour(qtbot):
    service = FakeAlerts(MIC, DROP, STOCK)
    panel = AlertsPanel(service)
    qtbot.addWidget(panel)
    panel.show()
    assert row_texts(panel) == [
        ("Mic “麦克风 Mic” muted for 12 s while live", "red"),
        ("Viewers down 32 % in 5 min (1,240 → 843)", "amber"),
        ("Stock low on 讲解 product 保湿面霜: 3 left", "amber"),
    ]
    row = panel.rows[MIC.id]
    assert "Unmute" in row.todo.text()
    assert row.since.text() == hhmmss(T0 + 5000)
    assert panel.title() == "Alerts (3)"
    assert not panel.none.isVisible()
    first = panel.history.topLevelItem(0)
    assert (first.text(0), first.text(2)) == (hhmmss(T0 + 5000), "active")


def test_acknowledge_hides_an_alert_until_it_clears(qtbot):
    service = FakeAlerts(DROP, STOCK)
    panel = AlertsPanel(service)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.rows[STOCK.id].acknowledge, Qt.MouseButton.LeftButton)
    assert service.silenced == [STOCK.id]
    assert list(panel.rows) == [DROP.id]
    assert panel.title() == "Alerts (1)"
    states = {
        panel.history.topLevelItem(i).text(1): panel.history.topLevelItem(i).text(2)
        for i in range(2)
    }
    assert states["Stock low on 讲解 product 保湿面霜: 3 left"] == "acknowledged"
    service.put(dataclasses.replace(DROP, cleared_at=5.0, cleared_ms=T0 + 60_000))
    assert panel.rows == {} and panel.title() == "Alerts"
    assert panel.none.isVisibleTo(panel)
    assert panel.history.topLevelItem(0).text(2) == hhmmss(T0 + 60_000)


def test_a_moving_number_updates_its_row_in_place(qtbot):
    service = FakeAlerts(MIC)
    panel = AlertsPanel(service)
    qtbot.addWidget(panel)
    row, button = panel.rows[MIC.id], panel.rows[MIC.id].acknowledge
    service.put(dataclasses.replace(MIC, values={**MIC.values, "value": 13}))
    assert panel.rows[MIC.id] is row and row.acknowledge is button
    assert row.what.text() == "Mic “麦克风 Mic” muted for 13 s while live"
    assert panel.history.topLevelItemCount() == 1


def test_every_rule_is_worded_and_a_cue_fits_the_host_view():
    samples = [
        alert(1, core.LOW_STOCK, value=0, name="保湿面霜"),
        alert(2, core.MIC_SILENT, value=10, input="Mic", muted=False),
        alert(3, core.DROPPED_FRAMES, value=3.456, window_s=10),
        alert(4, core.DISK_LOW, value=8.04, min_gb=10.0),
        alert(5, core.FLASH_SALE_ENDING, value=10, offer="flash_sale", name="防晒喷雾"),
        alert(6, core.FLASH_SALE_ENDING, value=9, offer="lucky_bag", name=""),
        alert(7, core.NO_STATS, value=6, minutes=5),
        alert(8, core.LOW_STOCK, value=2, name="超长名字的产品" * 6),
    ]
    words = [alert_text(a)[0] for a in samples]
    assert words[:7] == [
        "讲解 product 保湿面霜 is sold out",
        "Mic “Mic” silent for 10 s while live",
        "Dropped frames: 3.5 % over the last 10 s",
        "Disk almost full: 8.0 GB free (alert under 10.0 GB)",
        "Flash sale on 防晒喷雾 ends in 10 s",
        "福袋 ends in 9 s",
        "No stats for 6 min",
    ]
    assert all(alert_text(a)[1] for a in samples)  # each says what to do
    assert all(len(cue_text(a)) <= MAX_TEXT for a in samples)
    assert cue_text(samples[7]).endswith("…")


def test_the_panel_and_the_review_word_an_alert_alike():
    # The review reads the alert back from the timeline: its values plus level and on_host.
    recorded = AlertRecord(T0, DROP.rule, {**DROP.values, "level": "amber", "on_host": False}, None)
    assert (
        alert_text(DROP)[0] == alert_detail(recorded) == "Viewers down 32 % in 5 min (1,240 → 843)"
    )
    assert rule_name(core.NO_STATS) == alert_name(core.NO_STATS) == "No stats coming in"
    # A rule this version does not know: the panel names it, the review shows its values.
    assert alert_text(alert(9, "future_rule", value=3)) == ("Alert: future_rule", "")
    future = AlertRecord(T0, "future_rule", {"value": 3, "level": "amber"}, None)
    assert alert_detail(future) == "value 3"


def test_install_docks_the_panel_with_the_cues_and_cues_the_host(qtbot, console, tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, [{"sku": "A1", "name": "保湿面霜", "stock": 5}])
    writer = DbWriter(path)
    queue = QueueService(writer, parent=console.window)
    offers = OffersService(writer, queue, parent=console.window)
    cues = CueService(writer, queue, parent=console.window)
    window = console.window
    cues_dock = QDockWidget("Cues", window)
    cues_dock.setObjectName("cuesDock")
    cues_dock.setWidget(QLabel())
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, cues_dock)
    settings = Settings(alert_rules={"low_stock": {"stock_at_most": 5}})
    service = install_alerts(window, writer, console.service, queue, offers, settings, cues)
    try:
        dock = window.findChild(QDockWidget, "alertsDock")
        qtbot.waitUntil(lambda: dock in window.tabifiedDockWidgets(cues_dock), timeout=1000)
        assert dock.windowTitle() == "Alerts"
        with qtbot.waitSignal(queue.changed, timeout=3000):
            queue.open_show(show_id)
        queue.start_explain(queue.queue.items[0].id)
        assert dock.windowTitle() == "Alerts (1)"
        assert cues.showing.text == "Stock low on 讲解 product 保湿面霜: 5 left"
        assert service.rules["low_stock"]["stock_at_most"] == 5
    finally:
        service.stop()
        writer.close()
