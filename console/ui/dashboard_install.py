"""Puts the live stats dashboard into the main window: its service and its dock.

The app builds it lazily: the dock (so the saved layout has its place) with a placeholder at
start, and the panel, with pyqtgraph and numpy (about half a second of imports), once the dock
is first shown or a moment after the window is up, whichever comes first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

LAZY_BUILD_MS = 1500


def install_dashboard(window: QMainWindow, writer_path_or_reader, queue, lazy: bool = False):
    """A StatsService reading the database (a DbWriter, its path, or a function returning a
    read-only connection) for the queue's open show, and its panel in a dock named
    "dashboardDock", tabbed with the cues dock when there is one. Returns (service, panel), or
    with `lazy` the dock, whose panel comes later. The service stops when the application
    quits; call stop() earlier to end it sooner."""
    title = QCoreApplication.translate("DashboardPanel", "Live stats")
    dock = QDockWidget(title, window)
    dock.setObjectName("dashboardDock")
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    cues = window.findChild(QDockWidget, "cuesDock")
    if cues is not None:
        window.tabifyDockWidget(cues, dock)
        cues.raise_()

    def build():
        if dock.property("built"):
            return None
        dock.setProperty("built", True)
        from console.services.stats_service import StatsService
        from console.ui.dashboard_panel import DashboardPanel

        service = StatsService(writer_path_or_reader, queue, parent=window)
        panel = DashboardPanel(service)
        dock.setWindowTitle(panel.title())
        dock.setWidget(panel)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(service.stop)
        return service, panel

    if not lazy:
        return build()
    dock.setWidget(QLabel(QCoreApplication.translate("DashboardPanel", "Loading the live stats…")))
    dock.visibilityChanged.connect(lambda visible: visible and build())
    QTimer.singleShot(LAZY_BUILD_MS, dock, build)
    return dock
