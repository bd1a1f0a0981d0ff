"""The assistant's console: connection bar and scenes in the middle, audio and outputs in
docks, OBS health in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from console.services.obs_service import ObsService
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.settings import Settings
from console.ui import messages
from console.ui.audio_panel import AudioPanel
from console.ui.connection_bar import ConnectionBar
from console.ui.health_strip import HealthStrip
from console.ui.offers_panel import OffersPanel
from console.ui.outputs_panel import OutputsPanel
from console.ui.queue_panel import QueuePanel
from console.ui.scenes_panel import ScenesPanel
from console.ui.shortcuts_help import ShortcutsHelp

MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    def __init__(
        self,
        service: ObsService,
        settings: Settings,
        queue: QueueService | None = None,
        offers: OffersService | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.setWindowTitle(self.tr("LiveDesk — live room console"))
        self.connection_bar = ConnectionBar(service)
        self.scenes = ScenesPanel(service)
        # The OBS link and the muted-mic banner always in view, across the top: a fixed bar.
        bar = self.addToolBar(self.tr("OBS connection"))
        bar.setObjectName("connectionToolBar")
        bar.setMovable(False)
        bar.toggleViewAction().setEnabled(False)  # cannot be hidden
        bar.addWidget(self.connection_bar)
        # Every panel is a dock the user can move, tab, float or close (View menu brings
        # them back): no central widget.
        scenes = self._dock(self.tr("Scenes"), "scenesDock", self.scenes)
        self.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, scenes)
        self.audio = AudioPanel(service)
        self.outputs = OutputsPanel(service)
        audio = self._dock(self.tr("Audio mixer"), "audioDock", self.audio)
        outputs = self._dock(self.tr("Stream and recording"), "outputsDock", self.outputs)
        self.splitDockWidget(audio, outputs, Qt.Orientation.Horizontal)
        self.resizeDocks([audio, outputs], [900, 300], Qt.Orientation.Horizontal)
        self.resizeDocks([audio], [280], Qt.Orientation.Vertical)
        self.queue = None
        if queue is not None:
            self.queue = QueuePanel(queue)
            dock = self._dock(self.tr("Product queue"), "queueDock", self.queue)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.resizeDocks([dock], [620], Qt.Orientation.Horizontal)
            queue.failed.connect(self._on_queue_failed)
        self.offers = None
        if offers is not None:
            self.offers = OffersPanel(offers)
            offers_dock = self._dock(self.tr("Coupons and lucky bags"), "offersDock", self.offers)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, offers_dock)
            if self.queue is not None:
                self.tabifyDockWidget(dock, offers_dock)
                dock.raise_()
            offers.failed.connect(self._on_offers_failed)
        self.health = HealthStrip(service)
        self.statusBar().addPermanentWidget(self.health)  # messages keep the room on the left
        self.connect_action = QAction(self.tr("OBS connection…"), self)
        self.show_menu = self.menuBar().addMenu(self.tr("&Show"))
        self.catalog_menu = self.menuBar().addMenu(self.tr("&Catalog"))
        menu = self.menuBar().addMenu(self.tr("&OBS"))
        menu.addAction(self.connect_action)
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.menuBar().addMenu(self.tr("&Tools")).addAction(self.settings_action)
        self.shortcuts_help = ShortcutsHelp(self)
        help_action = QAction(self.tr("Keyboard shortcuts"), self)
        help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        help_action.triggered.connect(self.shortcuts_help.toggle)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(help_action)
        self.connection_bar.settings_requested.connect(self.connect_action.trigger)
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.activated.connect(lambda n=n: service.select_scene_number(n))
        service.failed.connect(self._on_service_failed)
        service.connection_changed.connect(self._on_service_connection_changed)
        # First run: nearly the whole desk monitor (the docks need it); later, as left.
        area = self.screen().availableGeometry()
        self.resize(max(1280, area.width() * 19 // 20), max(760, area.height() * 19 // 20))
        self._default_state: QByteArray | None = None
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))

    def finish_docks(self) -> None:
        """Once every dock is added (the app adds more after construction): list them in the
        View menu, remember the layout as built (for Reset layout), restore the user's."""
        self.view_menu.clear()
        for dock in self.findChildren(QDockWidget):
            self.view_menu.addAction(dock.toggleViewAction())  # a closed dock comes back here
        self.view_menu.addSeparator()
        reset = self.view_menu.addAction(self.tr("Reset layout"))
        reset.triggered.connect(self.reset_layout)
        self._default_state = self.saveState()
        if self.settings.window_state:
            self.restoreState(QByteArray.fromBase64(self.settings.window_state.encode()))

    def reset_layout(self) -> None:
        for dock in self.findChildren(QDockWidget):
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _on_service_failed(self, request_type: str, code: str, comment: str) -> None:
        self.statusBar().showMessage(
            messages.request_failure(request_type, code, comment), MESSAGE_MS
        )

    def _on_offers_failed(self, action: str, code: str) -> None:
        self.statusBar().showMessage(messages.offer_failure(code), MESSAGE_MS)

    def _on_queue_failed(self, action: str, code: str) -> None:
        self.statusBar().showMessage(messages.queue_failure(action, code), MESSAGE_MS)

    def _on_service_connection_changed(self, state: str, reason: str, _detail: str) -> None:
        if reason and state != "connected":
            text = messages.connect_reason(reason, self.service.client.address.url)
            self.statusBar().showMessage(text, MESSAGE_MS)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "shortcuts_help"):  # not during construction
            self.shortcuts_help.follow_window()

    def closeEvent(self, event) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.window_state = bytes(self.saveState().toBase64()).decode()
        super().closeEvent(event)
