"""Puts the live stats dashboard into the main window: its service, its dock, and its own window
(View ▸ Live stats window, Ctrl+Shift+D, or the button beside the GMV target).

The app builds it lazily: the dock (so the saved layout has its place) with a placeholder at
start, and the panel, with pyqtgraph and numpy (about half a second of imports), once the dock
is first shown, the window is first opened, or a moment after the window is up, whichever comes
first.

There is one panel and one StatsService. DashboardPlacement moves the panel between the dock
and the DashboardWindow; while it is away the dock says so, with a way to bring it back, and
closing the window brings it back too. The GMV target typed on the panel is kept in
Settings.gmv_target_fen (the app saves the file)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QWidget,
)

from console.settings import Settings
from console.ui.dashboard_window import DashboardWindow

LAZY_BUILD_MS = 1500
SHORTCUT = "Ctrl+Shift+D"


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardPanel", text)


def install_dashboard(
    window: QMainWindow,
    writer_path_or_reader,
    queue,
    lazy: bool = False,
    settings: Settings | None = None,
):
    """A StatsService reading the database (a DbWriter, its path, or a function returning a
    read-only connection) for the queue's open show, and its panel in a dock named
    "dashboardDock", tabbed with the cues dock when there is one. Returns (service, panel), or
    with `lazy` the dock, whose panel comes later. The service stops when the application
    quits; call stop() earlier to end it sooner. `settings`: where the window's screen and
    geometry and the GMV target are kept (without, they last until the app closes).
    window.findChild(DashboardPlacement) moves the panel to its own window and back."""
    dock = QDockWidget(_tr("Live stats"), window)
    dock.setObjectName("dashboardDock")
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    cues = window.findChild(QDockWidget, "cuesDock")
    if cues is not None:
        window.tabifyDockWidget(cues, dock)
        cues.raise_()
    placement = DashboardPlacement(window, dock, writer_path_or_reader, queue, settings)
    if not lazy:
        return placement.build()
    dock.setWidget(QLabel(_tr("Loading the live stats…")))
    dock.visibilityChanged.connect(lambda visible: visible and placement.build())
    QTimer.singleShot(LAZY_BUILD_MS, dock, placement.build)
    return dock


class DashboardPlacement(QObject):
    """Where the one panel is: the dock, or its own window (`in_window`). `action` is the
    checkable View menu entry (Ctrl+Shift+D), `button` the panel's own; both toggle."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, source, queue, settings):
        super().__init__(dock)
        self.setObjectName("dashboardPlacement")
        self.main, self.dock, self.source, self.queue = window, dock, source, queue
        self.settings = settings if settings is not None else Settings()
        self.service = self.panel = None
        self.own_window: DashboardWindow | None = None  # made when first opened
        self.in_window = False
        self.action = QAction(_tr("Live stats window"), window, checkable=True)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(_tr("The live stats in a window of their own (second monitor)"))
        self.action.triggered.connect(self._on_action_triggered)
        window.addAction(self.action)  # the key works whatever the menus hold
        self.view_menu = getattr(window, "view_menu", None)
        if self.view_menu is not None:
            # MainWindow.finish_docks() rebuilds the View menu: list the action again then.
            self.view_menu.aboutToShow.connect(self._on_view_menu_about_to_show)
            self._on_view_menu_about_to_show()
        self.button = QPushButton(_tr("Own window"))
        self.button.setToolTip(self.action.toolTip())
        self.button.clicked.connect(self.action.trigger)
        self.away = QWidget(dock)  # in the dock's layout while the panel is in its window
        away_row = QHBoxLayout(self.away)
        self.away_note = QLabel(_tr("The live stats are in their own window."))
        away_row.addWidget(self.away_note)
        bring_back = QPushButton(_tr("Bring back"))
        bring_back.clicked.connect(self.bring_back)
        away_row.addWidget(bring_back)
        away_row.addStretch(1)
        self.bring_back_button = bring_back
        self.away.hide()

    def build(self):
        """Make the service and the panel, once; (service, panel), None when made before."""
        if self.panel is not None:
            return None
        from console.services.stats_service import StatsService
        from console.ui.dashboard_panel import DashboardPanel

        self.service = StatsService(self.source, self.queue, parent=self.main)
        self.panel = panel = DashboardPanel(self.service)
        if self.settings.gmv_target_fen > 0:
            panel.target.setValue(self.settings.gmv_target_fen // 100)
        panel.target.valueChanged.connect(self._on_target_value_changed)
        panel.controls.addWidget(self.button)  # beside the GMV target: no extra row in the dock
        placeholder = self.dock.widget()
        self.dock.setWindowTitle(panel.title())
        self.dock.setWidget(panel)
        if placeholder is not None:
            placeholder.deleteLater()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.service.stop)
            app.aboutToQuit.connect(self._on_app_about_to_quit)
        return self.service, panel

    def open_window(self) -> None:
        """The panel into its own window (built first if need be); raised if there already."""
        self.build()
        if self.in_window:
            self.own_window.raise_()
            self.own_window.activateWindow()
            return
        if self.own_window is None:
            self.own_window = DashboardWindow(self.settings, avoid=self.main.screen)
            self.own_window.addAction(self.action)  # Ctrl+Shift+D there brings it back
            self.own_window.closed.connect(self.bring_back)
            self.destroyed.connect(self.own_window.deleteLater)
        self.dock.setWidget(self.away)  # out of the dock's layout before it moves
        self.away.show()
        self.own_window.hold(self.panel)
        self.in_window = True
        self._show_where()
        self.own_window.place()

    def bring_back(self) -> None:
        """The panel back into the dock, and the dock into view; the window remembers where."""
        if not self.in_window:
            return
        self.in_window = False
        self.own_window.remember()
        self.own_window.hide()
        self.dock.setWidget(self.panel)
        self.panel.show()
        self.away.hide()
        self.dock.show()
        self.dock.raise_()
        self._show_where()

    def _show_where(self) -> None:
        self.action.setChecked(self.in_window)
        self.button.setText(_tr("Back to the console") if self.in_window else _tr("Own window"))

    def _on_action_triggered(self, checked: bool) -> None:
        if checked:
            self.open_window()
        else:
            self.bring_back()

    def _on_view_menu_about_to_show(self) -> None:
        menu = self.view_menu
        if self.action in menu.actions():
            return
        separator = next((a for a in menu.actions() if a.isSeparator()), None)
        menu.insertAction(separator, self.action)  # after the docks, before Reset layout

    def _on_target_value_changed(self, yuan: int) -> None:
        self.settings.gmv_target_fen = yuan * 100

    def _on_app_about_to_quit(self) -> None:
        if self.in_window:
            self.own_window.remember()
