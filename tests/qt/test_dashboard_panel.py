"""DashboardPanel fed StatsViews by hand (no thread, no database): the cards' wording, the
follow-live toggle, the markers on the charts and what hovering says."""

from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from console.services.queue_service import QueueService
from console.services.stats_service import (
    DROPPED,
    EXPLAIN,
    FLASH_SALE,
    GMV_MINUTE,
    GMV_TOTAL,
    MUTE,
    ONLINE,
    ORDERS_MINUTE,
    SCENE,
    SEGMENT,
    Card,
    Marker,
    ProductRow,
    Series,
    StatsService,
    StatsView,
)
from console.store.writer import DbWriter
from console.ui.dashboard_install import install_dashboard
from console.ui.dashboard_panel import DashboardPanel
from tests.helpers.show_db import make_show

MIN = 60_000
T0 = 1_750_000_020_000
NOW = T0 + 60 * MIN


def series(x_ms, y) -> Series:
    return Series(np.asarray(x_ms, dtype=float) / 1000, np.asarray(y, dtype=float))


def a_view(**changes) -> StatsView:
    seconds = np.arange(T0, NOW, 1000)
    minutes = np.arange(T0, NOW, MIN)
    view = StatsView(
        show_id=1,
        now_ms=NOW,
        start_ms=T0,
        end_ms=NOW - 1000,
        cards=MappingProxyType(
            {
                "online": Card(1234, -56),
                "gmv_fen": Card(1_234_567, 89_000),
                "orders": Card(321, 0),
                "conversion": Card(0.0345, 0.0012),
                "gpm_fen": Card(45_678, None),
            }
        ),
        series=MappingProxyType(
            {
                ONLINE: series(seconds, 500 + (seconds - T0) // 10_000),
                GMV_TOTAL: series(minutes + MIN, np.arange(60) * 10_000),
                GMV_MINUTE: series(minutes, [10_000] * 60),
                ORDERS_MINUTE: series(minutes, [3] * 60),
            }
        ),
        markers=(
            Marker(SEGMENT, T0, None, "开场福利", 1),
            Marker(EXPLAIN, T0 + 5 * MIN, T0 + 12 * MIN, "保湿面霜", 7),
            Marker(EXPLAIN, T0 + 50 * MIN, None, "防晒喷雾", 8),
            Marker(FLASH_SALE, T0 + 8 * MIN, T0 + 10 * MIN, "保湿面霜", 7),
            Marker(SCENE, T0 + 20 * MIN, None, "特写"),
            Marker(MUTE, T0 + 30 * MIN, T0 + 31 * MIN, "Mic"),
            Marker(DROPPED, T0 + 40 * MIN, None, value=2.5),
        ),
        products=(
            ProductRow(7, "保湿面霜", "A1", "done", 7 * MIN, 1, 99_000, 10, 0.021, 40, False),
            ProductRow(8, "防晒喷雾", "B2", "explaining", 10 * MIN, 1, None, None, None, 3, True),
        ),
    )
    return replace(view, **changes)


@pytest.fixture
def panel(qtbot, tmp_path):
    service = StatsService(tmp_path / "never-opened.db")  # no show: no thread
    panel = DashboardPanel(service)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    service.stop()


def card_texts(panel):
    return {
        code: (c.value.text(), c.delta.text(), c.delta.property("trend"))
        for code, c in panel.cards.cards.items()
    }


def test_cards_show_a_dash_without_data(panel):
    texts = card_texts(panel)
    assert {value for value, _, _ in texts.values()} == {"—"}
    assert {delta for _, delta, _ in texts.values()} == {"—"}
    assert panel.cards.target_note.text() == "No target set"
    assert panel.products.rowCount() == 0


def test_values_and_deltas_are_worded(panel):
    panel.service.updated.emit(a_view())
    texts = card_texts(panel)
    assert texts["online"] == ("1,234", "\u221256 in 5 min", "down")
    assert texts["gmv_fen"] == ("¥12,345.67", "+¥890.00 in 5 min", "up")
    assert texts["orders"] == ("321", "±0 in 5 min", "flat")
    assert texts["conversion"] == ("3.45%", "+0.12 pp in 5 min", "up")
    assert texts["gpm_fen"] == ("¥456.78", "—", "flat")
    panel.target.setValue(20_000)
    assert panel.cards.target_note.text() == "Target ¥20,000.00 · 61.7%"
    assert panel.cards.target_bar.value() == 617


def test_product_rows(panel):
    panel.service.updated.emit(a_view())
    table = panel.products
    rows = [[table.item(r, c).text() for c in range(6)] for r in range(table.rowCount())]
    assert rows == [
        ["保湿面霜", "7:00", "¥990.00", "10", "2.10%", "40"],
        ["防晒喷雾", "10:00", "—", "—", "—", "3"],
    ]
    assert table.item(1, 0).font().bold() and not table.item(0, 0).font().bold()


def test_follow_live_shows_the_last_minutes_and_a_pan_turns_it_off(qtbot, panel):
    panel.service.updated.emit(a_view())
    assert panel.follow.isChecked()
    x0, x1 = panel.charts.x_range()
    assert x1 - x0 == pytest.approx(30 * 60) and x0 < NOW / 1000 - 28 * 60 < NOW / 1000 < x1
    panel.service.updated.emit(a_view(now_ms=NOW + 30_000))
    assert panel.charts.x_range() == (x0, x1)  # now is still in view: the axis stays put
    panel.service.updated.emit(a_view(now_ms=NOW + 2 * MIN))
    x0, x1 = panel.charts.x_range()
    assert x0 < (NOW + 2 * MIN) / 1000 - 28 * 60 and (NOW + 2 * MIN) / 1000 < x1  # moved on

    # A wheel turn over a chart (zoom) is the user taking the time axis over.
    view = panel.charts
    plot = view.plots["online"]
    centre = view.mapFromScene(plot.vb.sceneBoundingRect().center())
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(view.viewport().mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert not panel.follow.isChecked()
    zoomed = panel.charts.x_range()
    panel.service.updated.emit(a_view(now_ms=NOW + 5 * MIN))
    assert panel.charts.x_range() == zoomed  # no longer follows

    panel.follow.setChecked(True)
    x0, x1 = panel.charts.x_range()
    assert x1 - x0 == pytest.approx(30 * 60) and x0 < (NOW + 5 * MIN) / 1000 < x1
    panel.whole_show.click()
    assert not panel.follow.isChecked()
    x0, x1 = panel.charts.x_range()
    assert x0 <= T0 / 1000 and x1 >= (NOW + 5 * MIN) / 1000


def test_markers_are_drawn_and_hover_names_them(panel):
    panel.service.updated.emit(a_view())
    assert panel.charts.marker_counts() == {
        EXPLAIN: 2,
        FLASH_SALE: 1,
        MUTE: 1,
        SCENE: 1,
        SEGMENT: 1,
        DROPPED: 1,
    }
    # The open explain window reaches to the right edge, whatever it is.
    bands = panel.charts.bands[EXPLAIN][0]
    assert bands.ends[0] == (T0 + 12 * MIN) / 1000 and bands.ends[1] > 10 * NOW / 1000
    assert panel.charts.product_lane.labels == ["保湿面霜", "防晒喷雾"]

    text, markers = panel.charts.details_at((T0 + 9 * MIN) / 1000)
    assert any(m.startswith("Explaining 保湿面霜") for m in markers)
    assert any(m.startswith("Flash sale 保湿面霜") for m in markers)
    assert any(m.startswith("Segment 开场福利") for m in markers)
    assert "Online 554" in text and "GMV ¥800.00" in text and "3 orders" in text
    _, markers = panel.charts.details_at((T0 + 40 * MIN) / 1000)
    assert any(m.startswith("Dropped frames 2.5%") for m in markers)
    panel.charts._on_scene_mouse_moved(
        panel.charts.plots["gmv_total"].vb.sceneBoundingRect().center()
    )
    assert "GMV" in panel.details.text()


def test_an_unchanged_series_is_not_set_again(panel, monkeypatch):
    first = a_view()
    panel.service.updated.emit(first)
    calls = []
    curve = panel.charts.curves[ONLINE]
    monkeypatch.setattr(curve, "setData", lambda *a, **k: calls.append(a))
    panel.service.updated.emit(replace(first, now_ms=NOW + 1000))  # same series objects
    assert calls == []


def test_install_adds_the_dock_and_follows_the_queue(qtbot, tmp_path):
    path = tmp_path / "show.db"
    products = [{"sku": "A1", "name": "保湿面霜", "live_price_fen": 990, "stock": 5}]
    show_id = make_show(path, products)
    writer = DbWriter(path)
    queue = QueueService(writer)
    window = QMainWindow()
    qtbot.addWidget(window)
    service, panel = install_dashboard(window, writer, queue)
    try:
        dock = window.findChild(QDockWidget, "dashboardDock")
        assert dock is not None and dock.widget() is panel
        assert dock.windowTitle() == "Live stats"
        assert not service.running  # no show yet: no thread
        with qtbot.waitSignal(queue.changed, timeout=3000):
            queue.open_show(show_id)
        qtbot.waitUntil(lambda: [r.name for r in panel.products.rows] == ["保湿面霜"], timeout=3000)
        assert panel.products.item(0, 5).text() == "5"
    finally:
        service.stop()
        writer.close()


def test_the_app_builds_the_dashboard_when_its_dock_is_first_shown(qtbot, tmp_path):
    """--demo and a real start: the dock is there at once (its place in the saved layout),
    pyqtgraph's half second of imports is paid only when it is first shown."""
    writer = DbWriter(tmp_path / "shows.db")
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = install_dashboard(window, writer, QueueService(writer), lazy=True)
    try:
        assert window.findChild(QDockWidget, "dashboardDock") is dock
        assert not isinstance(dock.widget(), DashboardPanel)
        window.show()
        dock.show()
        qtbot.waitUntil(lambda: isinstance(dock.widget(), DashboardPanel), timeout=3000)
        assert dock.windowTitle() == "Live stats"
    finally:
        if isinstance(dock.widget(), DashboardPanel):
            dock.widget().service.stop()
        writer.close()
