"""The live stats in their own window: the one panel moves there and back (the dock says where
it is meanwhile), the window's screen and geometry are remembered, it prefers a screen other
than the console's and the host view's, and the GMV target outlives a restart."""

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.services.queue_service import QueueService
from console.services.stats_service import StatsService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.dashboard_install import DashboardPlacement, install_dashboard
from console.ui.dashboard_panel import DashboardPanel
from console.ui.dashboard_window import pick_screen
from console.ui.host_window import screen_key
from tests.helpers.show_db import make_show


class Room:
    """A show database, its queue and a console window with the dashboard installed."""

    def __init__(self, qtbot, tmp_path, settings=None, lazy=False):
        path = tmp_path / "show.db"
        if not path.exists():
            products = [{"sku": "A1", "name": "保湿面霜", "live_price_fen": 990, "stock": 5}]
            self.show_id = make_show(path, products)
        self.writer = DbWriter(path)
        self.queue = QueueService(self.writer)
        self.window = QMainWindow()
        self.window.view_menu = self.window.menuBar().addMenu("&View")  # as MainWindow has
        qtbot.addWidget(self.window)
        self.settings = settings or Settings()
        self.installed = install_dashboard(
            self.window, self.writer, self.queue, lazy=lazy, settings=self.settings
        )
        self.dock = self.window.findChild(QDockWidget, "dashboardDock")
        self.placement = self.window.findChild(DashboardPlacement)
        if lazy:
            self.dock.hide()  # else showing it builds the panel at once
        self.window.show()

    def close(self):
        if self.placement.service is not None:
            self.placement.service.stop()
        if self.placement.own_window is not None:
            self.placement.own_window.close()
            self.placement.own_window.deleteLater()
        self.writer.close()


def fit_the_test_screen(panel):
    """The offscreen screen is 800 px square, less than the panel needs (Qt would clamp the
    window to the screen and move it): a smaller panel, to see where the window goes."""
    panel.setMinimumSize(200, 150)


def centred(area: QRect, share: float) -> QRect:
    rect = QRect(0, 0, round(area.width() * share), round(area.height() * share))
    rect.moveCenter(area.center())
    return rect


@pytest.fixture
def room(qtbot, tmp_path):
    r = Room(qtbot, tmp_path)
    yield r
    r.close()


def test_the_panel_moves_to_its_window_and_back(qtbot, room):
    p = room.placement
    panel = p.panel
    assert room.dock.widget() is panel and p.button.text() == "Own window"
    p.button.click()
    own = p.own_window
    assert own.isVisible() and panel.window() is own and panel.isVisible()
    assert room.dock.widget() is p.away and p.away.isVisible()
    assert p.away_note.text() == "The live stats are in their own window."
    assert p.action.isChecked() and p.button.text() == "Back to the console"
    assert own.windowTitle() == "LiveDesk — live stats"
    # One panel, one service: the panel in the window still follows the show.
    assert len(room.window.findChildren(StatsService)) == 1
    assert room.window.findChildren(DashboardPanel) == []
    with qtbot.waitSignal(room.queue.changed, timeout=3000):
        room.queue.open_show(room.show_id)
    qtbot.waitUntil(lambda: [r.name for r in panel.products.rows] == ["保湿面霜"], timeout=3000)

    own.close()  # the window's close button
    assert not own.isVisible() and room.dock.widget() is panel
    assert panel.window() is room.window and panel.isVisible() and not p.away.isVisible()
    assert not p.action.isChecked() and p.button.text() == "Own window"

    p.action.trigger()  # View ▸ Live stats window
    assert panel.window() is own and own.isVisible()
    p.bring_back_button.click()  # the dock's "Bring back"
    assert room.dock.widget() is panel and not own.isVisible()
    assert room.window.findChildren(DashboardPanel) == [panel]


def test_ctrl_shift_d_opens_and_closes_it(qtbot, room):
    p = room.placement
    room.window.activateWindow()
    qtbot.waitUntil(room.window.isActiveWindow, timeout=2000)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(room.window, Qt.Key.Key_D, mods)
    assert p.in_window and p.own_window.isVisible()
    p.own_window.activateWindow()
    qtbot.waitUntil(p.own_window.isActiveWindow, timeout=2000)
    qtbot.keyClick(p.own_window, Qt.Key.Key_D, mods)  # from the window too
    assert not p.in_window and room.dock.widget() is p.panel


def test_the_view_menu_lists_it_after_the_menu_is_rebuilt(room):
    menu = room.window.view_menu
    assert room.placement.action in menu.actions()
    menu.clear()  # as MainWindow.finish_docks() does
    menu.addAction("Live stats (dock)")
    menu.addSeparator()
    menu.addAction("Reset layout")
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Live stats (dock)", "Live stats window", "", "Reset layout"]
    assert room.placement.action.shortcut().toString() == "Ctrl+Shift+D"


def test_its_geometry_is_remembered_for_next_time(qtbot, room):
    p = room.placement
    fit_the_test_screen(p.panel)
    screen = QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    p.open_window()
    own = p.own_window
    # One monitor: a window over part of the console, not all of it.
    assert own.geometry() == centred(area, 0.8) and not own.isMaximized()
    rect = QRect(area.x() + 40, area.y() + 30, 500, 400)
    own.setGeometry(rect)
    own.close()
    s = room.settings
    assert s.dashboard_window_screen == screen_key(screen) and s.dashboard_window_geometry
    p.open_window()
    assert own.geometry() == rect
    p.bring_back()
    own.setGeometry(rect.translated(100, 100))  # moved while hidden: not kept
    p.open_window()
    assert own.geometry() == rect


def test_a_saved_screen_that_is_gone_is_not_used(qtbot, room):
    fit_the_test_screen(room.placement.panel)
    room.settings.dashboard_window_screen = "HDMI-9"
    room.settings.dashboard_window_geometry = "garbage"
    room.placement.open_window()
    own = room.placement.own_window
    assert own.isVisible() and own.screen() == QGuiApplication.primaryScreen()
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert own.geometry() == centred(area, 0.8)  # placed afresh, the garbage ignored


def screens(*names):
    return [SimpleNamespace(name=n) for n in names]


def key(screen):
    return screen.name


@pytest.mark.parametrize(
    ("names", "saved", "console", "host", "expected"),
    [
        (("desk", "tv"), "", "desk", "", ("tv", False)),  # the second screen by default
        (("desk", "tv", "side"), "", "desk", "tv", ("side", False)),  # not over the host's
        (("desk", "tv"), "", "desk", "tv", ("tv", False)),  # rather than over the console
        (("desk", "tv", "side"), "desk", "desk", "", ("desk", True)),  # the user's choice
        (("desk", "tv"), "gone", "desk", "", ("tv", False)),
        (("desk",), "", "desk", "", ("desk", False)),  # one monitor
    ],
)
def test_which_screen_it_goes_to(names, saved, console, host, expected):
    all_screens = screens(*names)
    desk = next(s for s in all_screens if s.name == console)
    screen, is_saved = pick_screen(all_screens, saved, desk, host, key=key)
    assert (screen.name, is_saved) == expected


def test_the_gmv_target_survives_a_restart(qtbot, tmp_path):
    first = Room(qtbot, tmp_path)
    try:
        first.placement.panel.target.setValue(50_000)  # ¥50,000
        assert first.settings.gmv_target_fen == 5_000_000
        first.settings.save(tmp_path / "settings.json")  # as the app does when it quits
    finally:
        first.close()
    again = Room(qtbot, tmp_path, settings=Settings.load(tmp_path / "settings.json"), lazy=True)
    try:
        assert again.placement.panel is None  # lazy: nothing built yet
        again.placement.action.trigger()  # opening the window builds it
        panel = again.placement.panel
        assert panel.window() is again.placement.own_window
        assert panel.target.value() == 50_000 and panel.target_fen == 5_000_000
        assert "¥50,000" in panel.cards.target_note.text()  # the GMV card shows it
        again.placement.bring_back()
        assert again.dock.widget() is panel  # the loading placeholder is gone
    finally:
        again.close()
