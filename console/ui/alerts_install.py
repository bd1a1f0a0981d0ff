"""Puts the alerts into the main window: the service, its panel in a dock tabbed with the cues,
the number of alerts showing in the dock's title, and the host cue worded here."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.core.alerts import RED
from console.services.alert_service import AlertService
from console.services.checklist_service import ChecklistService
from console.ui.alert_messages import cue_text
from console.ui.alerts_panel import AlertsPanel


def install_alerts(
    window: QMainWindow,
    writer,
    obs_service,
    queue,
    offers,
    settings,
    cue_service=None,
    *,
    checklist: ChecklistService | None = None,
) -> AlertService:
    """An AlertService with settings.alert_rules, and its panel in a dock named "alertsDock",
    tabbed with "cuesDock" when there is one. cue_service (CueService, or None): where rules
    chosen for the host send their cue. checklist: whose disk figure the disk rule reads (by
    default the window's, when the run of show is installed). The service stops when the
    application quits."""
    if checklist is None:
        checklist = window.findChild(ChecklistService)
    host_cue = None
    if cue_service is not None:

        def host_cue(alert) -> None:
            cue_service.send_text(cue_text(alert))

    service = AlertService(
        writer,
        obs_service,
        queue,
        offers,
        settings.alert_rules,
        checklist=checklist,
        host_cue=host_cue,
        parent=window,
    )
    panel = AlertsPanel(service)
    dock = QDockWidget(panel.title(), window)
    dock.setObjectName("alertsDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    cues = window.findChild(QDockWidget, "cuesDock")
    if cues is not None:
        window.tabifyDockWidget(cues, dock)
        cues.raise_()
    service.changed.connect(lambda: dock.setWindowTitle(panel.title()))

    def on_raised(alert) -> None:
        if alert.level == RED:  # the stream itself is hurt: show it, whatever tab is on top
            dock.raise_()

    service.raised.connect(on_raised)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(service.stop)
    return service
