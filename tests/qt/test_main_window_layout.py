"""The console's layout: every dock can be brought back from the View menu, Reset layout puts
them where they started, and F1 lists the keys over the window."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QLabel


def docks(window):
    return {d.objectName(): d for d in window.findChildren(QDockWidget)}


def test_a_closed_dock_comes_back_from_the_view_menu(qtbot, console):
    window = console.window
    audio = docks(window)["audioDock"]
    audio.close()
    assert not audio.isVisible()
    toggle = next(a for a in window.view_menu.actions() if a.text() == "Audio mixer")
    toggle.trigger()
    assert audio.isVisible()


def test_reset_layout_docks_floating_and_closed_panels_again(qtbot, console):
    window = console.window
    audio, outputs = docks(window)["audioDock"], docks(window)["outputsDock"]
    before = (window.dockWidgetArea(audio), window.dockWidgetArea(outputs))
    audio.setFloating(True)
    outputs.close()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, outputs)
    reset = next(a for a in window.view_menu.actions() if a.text() == "Reset layout")
    reset.trigger()
    assert not audio.isFloating() and outputs.isVisible()
    assert (window.dockWidgetArea(audio), window.dockWidgetArea(outputs)) == before


def test_f1_lists_the_keys_and_any_key_closes_it(qtbot, console):
    window = console.window
    made_later = QShortcut(QKeySequence("Ctrl+Shift+Right"), window)
    made_later.setWhatsThis("Rundown: next segment")  # how a panel lists its key
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_ = window.shortcuts_help
    assert help_.isVisible() and help_.geometry() == window.rect()
    texts = [label.text() for label in help_.findChildren(QLabel)]
    assert "Ctrl+," in texts and "Settings" in texts  # from the Tools menu
    assert "Rundown: next segment" in texts and "Ctrl+Shift+Right" in texts
    assert "Switch to scene 1 … 9" in texts
    qtbot.keyClick(help_, Qt.Key.Key_Escape)
    assert not help_.isVisible()


def test_scenes_are_a_dock_and_the_obs_bar_cannot_be_hidden(qtbot, console):
    window = console.window
    scenes = docks(window)["scenesDock"]
    assert scenes.widget() is window.scenes
    assert "Scenes" in [a.text() for a in window.view_menu.actions()]
    assert window.centralWidget() is None  # every panel can be moved, tabbed or floated
    bar = window.connection_bar.parent()
    assert bar.objectName() == "connectionToolBar" and not bar.isMovable()
    assert not bar.toggleViewAction().isEnabled()  # the OBS link and mic banner stay in view
