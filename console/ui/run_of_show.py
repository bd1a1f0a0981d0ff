"""The run of show in the console: checklist, rundown and cues docks, the host view (its own
window on the host's screen, or a dock with one monitor) and Go Live through the checklist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from console.services.checklist_service import ChecklistService
from console.services.cue_service import CueService
from console.services.obs_service import ObsService
from console.services.queue_service import QueueService
from console.services.rundown_service import RundownService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.checklist_panel import ChecklistPanel
from console.ui.cues_panel import CuesPanel
from console.ui.go_live_gate import GoLiveGate
from console.ui.host_view import HostView
from console.ui.host_window import HostWindow, screen_key
from console.ui.rundown_panel import RundownPanel

translate = QCoreApplication.translate


class RunOfShow(QObject):
    def __init__(
        self,
        window: QMainWindow,
        writer: DbWriter,
        obs: ObsService,
        queue: QueueService,
        settings: Settings,
        language: str,
        devices=None,
    ):
        super().__init__(window)
        self.window = window
        # Parented: a service with live timers must die with the console, on the GUI thread.
        self.rundown = RundownService(writer, queue, parent=self)
        self.checklist = ChecklistService(
            writer, obs, queue, parent=self, language=language, devices=devices
        )
        self.cues = CueService(writer, queue, parent=self)
        self.rundown_panel = RundownPanel(self.rundown)
        self.checklist_panel = ChecklistPanel(self.checklist)
        self.cues_panel = CuesPanel(self.cues, settings)
        area = Qt.DockWidgetArea
        left, bottom = area.LeftDockWidgetArea, area.BottomDockWidgetArea
        rundown = self._dock(
            translate("RunOfShow", "Rundown"), "rundownDock", self.rundown_panel, left
        )
        checklist = self._dock(
            translate("RunOfShow", "Checklist"), "checklistDock", self.checklist_panel, left
        )
        window.tabifyDockWidget(rundown, checklist)
        self.checklist_dock = checklist  # its title counts failing self-checks (muted mic)
        self.checklist.attention_changed.connect(self._on_checklist_attention_changed)
        self._on_checklist_attention_changed(self.checklist.attention)
        rundown.raise_()
        window.resizeDocks([rundown], [460], Qt.Orientation.Horizontal)
        cues = translate("RunOfShow", "Cues to the host")
        self._dock(cues, "cuesDock", self.cues_panel, bottom)
        self.host_view = HostView(queue, self.cues, self.rundown)
        self.host_dock = QDockWidget(translate("RunOfShow", "Host view"), window)
        self.host_dock.setObjectName("hostViewDock")
        window.addDockWidget(area.RightDockWidgetArea, self.host_dock)
        self.host_dock.hide()  # used only when the host view has no screen of its own
        self.host = HostWindow(
            self.host_view, settings, self.host_dock, parent=self, avoid=window.screen
        )
        self.host.visibility_changed.connect(self.cues_panel.set_host_visible)
        self.cues_panel.set_host_visible(self.host.is_visible())
        # The flag arrives with the queue itself: no window in which a rehearsal could go live.
        self.gate = GoLiveGate(
            self.checklist, lambda: bool(queue.show and queue.show.rehearsal), parent=self
        )
        outputs = getattr(window, "outputs", None)
        if outputs is not None:
            outputs.set_gate(self.gate)
            queue.changed.connect(lambda _queue: outputs.refresh_gate())
        self._host_menu()
        QGuiApplication.instance().aboutToQuit.connect(self.host.dispose)  # remember where

    def start(self) -> None:
        """The host view where it was last run; with one monitor, in its dock."""
        self.host.restore()

    def _on_checklist_attention_changed(self, count: int) -> None:
        title = translate("RunOfShow", "Checklist")
        if count:
            title = translate("RunOfShow", "{title} ({count} failing)").format(
                title=title, count=count
            )
        self.checklist_dock.setWindowTitle(title)

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _host_menu(self) -> None:
        menu = QMenu(translate("RunOfShow", "Host view"), self.window)
        self.show_host = QAction(translate("RunOfShow", "Show the host view"), self.window)
        self.show_host.setShortcut(QKeySequence("Ctrl+H"))
        self.show_host.triggered.connect(self.host.restore)
        menu.addAction(self.show_host)
        full = menu.addAction(translate("RunOfShow", "Full screen on and off"))
        full.setShortcut(QKeySequence(Qt.Key.Key_F11))  # here: the host window takes no keys
        full.triggered.connect(self.host.toggle_fullscreen)
        self.screens_menu = menu.addMenu(translate("RunOfShow", "On screen"))
        self.screens_menu.aboutToShow.connect(self._on_screens_menu_about_to_show)
        docked = menu.addAction(translate("RunOfShow", "In the console (one monitor)"))
        docked.triggered.connect(self.host.show_docked)
        self.window.menuBar().insertMenu(self.window.view_menu.menuAction(), menu)

    def _on_screens_menu_about_to_show(self) -> None:
        self.screens_menu.clear()
        for n, screen in enumerate(QGuiApplication.screens(), 1):
            size = screen.size()
            text = f"{n}: {screen_key(screen)} ({size.width()}×{size.height()})"
            action = self.screens_menu.addAction(text)
            action.triggered.connect(lambda _=False, s=screen: self._on_screen_chosen(s))

    def _on_screen_chosen(self, screen) -> None:
        self.host.show_on(screen, self.host.settings.host_view_fullscreen)
