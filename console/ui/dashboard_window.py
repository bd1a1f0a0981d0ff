"""The live stats in a window of their own, for the assistant's second monitor: the console's
bottom dock is about 250 px high on a 1080p desk screen, too little for the charts.

The window holds the one DashboardPanel while it is open (dashboard_install.py moves it here and
back); it has no panel, service or timer of its own. Its screen and geometry are kept in
Settings (dashboard_window_screen / dashboard_window_geometry; the app saves the file). Screens
are found by the host view's keys (host_window.screen_key). With no saved screen it goes to
another screen than the console's, preferring one the host view is not on, and fills it; with
one monitor it is a window over part of the console."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.settings import Settings
from console.ui.host_window import screen_key

SHARED_SCREEN_SHARE = 0.8  # of the console's screen, when it has to share it


def _screens() -> list[QScreen]:
    """The screens there are (a test stands in for a second monitor)."""
    return QGuiApplication.screens()


def pick_screen(screens: Sequence, saved: str, console, host: str, key: Callable = screen_key):
    """(screen, whether it is the saved one): the saved screen while it is there; else the
    first that is neither the console's nor the host view's (`host`: its key), then any but
    the console's, then the console's."""
    found = next((s for s in screens if saved and key(s) == saved), None)
    if found is not None:
        return found, True
    others = [s for s in screens if s != console]
    free = [s for s in others if key(s) != host]
    return next(iter(free or others or [console or screens[0]])), False


class DashboardWindow(QWidget):
    closed = Signal()  # closed by the user: the panel goes back to the console

    def __init__(
        self,
        settings: Settings,
        avoid: Callable[[], QScreen | None] | None = None,
        parent: QWidget | None = None,
    ):
        """`avoid`: the console window's screen, which the window does not cover unasked."""
        super().__init__(parent, Qt.WindowType.Window)
        self.settings, self.avoid = settings, avoid
        self.setObjectName("dashboardWindow")
        self.setWindowTitle(self.tr("LiveDesk — live stats"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # the console decides
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, panel: QWidget) -> None:
        self.layout().addWidget(panel)
        panel.show()

    def place(self) -> None:
        """Show it where it was last time, or on a screen of its own (see the module)."""
        s = self.settings
        console = self.avoid() if self.avoid is not None else None
        console = console or QGuiApplication.primaryScreen()
        screen, saved = pick_screen(
            _screens(), s.dashboard_window_screen, console, s.host_view_screen
        )
        self.hide()  # a native window moves to another X screen only while hidden
        self.setWindowState(Qt.WindowState.WindowNoState)
        self.setScreen(screen)
        area = screen.availableGeometry()
        geometry = s.dashboard_window_geometry if saved else ""
        restored = geometry and self.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if restored and area.intersects(self.geometry()):
            self.show()
        elif screen != console:
            self.setGeometry(_centred(area, SHARED_SCREEN_SHARE))
            self.showMaximized()  # the assistant's own monitor: all of it
        else:
            self.setGeometry(_centred(area, SHARED_SCREEN_SHARE))
            self.show()
        self.raise_()
        self.remember()

    def remember(self) -> None:
        """Into Settings (the app saves the file): its screen and geometry, while shown."""
        if not self.isVisible():
            return
        self.settings.dashboard_window_screen = screen_key(self.screen())
        self.settings.dashboard_window_geometry = bytes(self.saveGeometry().toBase64()).decode()

    def closeEvent(self, event) -> None:
        self.remember()
        super().closeEvent(event)
        self.closed.emit()


def _centred(area: QRect, share: float) -> QRect:
    rect = QRect(0, 0, round(area.width() * share), round(area.height() * share))
    rect.moveCenter(area.center())
    return rect
