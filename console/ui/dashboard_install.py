"""Puts the live stats dashboard into the main window: its service and its dock."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.services.stats_service import StatsService
from console.ui.dashboard_panel import DashboardPanel


def install_dashboard(
    window: QMainWindow, writer_path_or_reader, queue
) -> tuple[StatsService, DashboardPanel]:
    """A StatsService reading the database (a DbWriter, its path, or a function returning a
    read-only connection) for the queue's open show, and its panel in a dock named
    "dashboardDock", tabbed with the cues dock when there is one. The service stops when the
    application quits; call stop() earlier to end it sooner."""
    service = StatsService(writer_path_or_reader, queue, parent=window)
    panel = DashboardPanel(service)
    dock = QDockWidget(panel.title(), window)
    dock.setObjectName("dashboardDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    cues = window.findChild(QDockWidget, "cuesDock")
    if cues is not None:
        window.tabifyDockWidget(cues, dock)
        cues.raise_()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(service.stop)
    return service, panel
