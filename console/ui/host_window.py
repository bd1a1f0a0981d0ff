"""Where the host view goes: its own window on the host's screen (full-screen or windowed), or,
with one monitor, a dock of the console that the caller provides. The screen, full-screen and
the windowed geometry are kept in Settings for the next run.

Screens are found by a key: the screen's name, with "#n" when several screens share it (two X
screens of one Xvfb are both "screen"). A saved screen that is gone falls back to the primary
screen, windowed, so that the view never covers the assistant's console unasked. Sizes are
logical pixels and fractions of the screen: Qt scales them by each screen's devicePixelRatio."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from console.settings import Settings
from console.ui.host_view import HostView

WINDOW, DOCK = "window", "dock"
WINDOWED_SHARE = 2 / 3  # of the screen, for a window with no saved geometry


def screen_key(screen: QScreen) -> str:
    screens = QGuiApplication.screens()
    same = [s for s in screens if s.name() == screen.name()]
    return screen.name() if len(same) < 2 else f"{screen.name()}#{same.index(screen)}"


def find_screen(key: str) -> QScreen | None:
    return next((s for s in QGuiApplication.screens() if screen_key(s) == key), None)


class _Frame(QWidget):
    """The host view's own top-level window; F11 toggles full-screen."""

    closed = Signal()

    def __init__(self):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("hostWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # the console decides
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toggle = QShortcut(QKeySequence(Qt.Key.Key_F11), self)

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)


class HostWindow(QObject):
    placed = Signal(str)  # WINDOW or DOCK

    def __init__(
        self,
        view: HostView,
        settings: Settings,
        dock: QDockWidget | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.view, self.settings, self.dock = view, settings, dock
        self.frame = _Frame()
        self.frame.setWindowTitle(self.tr("LiveDesk — host view"))
        self.frame.toggle.activated.connect(self.toggle_fullscreen)
        self.frame.closed.connect(self.remember)
        self.mode: str | None = None
        self._keep = False  # remember this placement (not a fallback) for the next run
        QGuiApplication.instance().screenRemoved.connect(self._on_app_screen_removed)

    # -- placing ----------------------------------------------------------------------------
    def restore(self) -> None:
        """Place the view as it was last run: on its saved screen, else the primary one; with
        one monitor and a dock, in the dock."""
        screens, s = QGuiApplication.screens(), self.settings
        saved = find_screen(s.host_view_screen)
        if len(screens) < 2 and self.dock is not None:
            self.show_docked()
        elif saved is not None:
            self.show_on(saved, s.host_view_fullscreen, s.host_view_geometry)
        elif not s.host_view_screen and len(screens) > 1:  # first run: not the console's screen
            other = next(x for x in screens if x != QGuiApplication.primaryScreen())
            self.show_on(other, s.host_view_fullscreen)
        else:
            self.show_on(QGuiApplication.primaryScreen(), False, remember=False)

    def show_on(
        self, screen: QScreen, fullscreen: bool, geometry: str = "", remember: bool = True
    ) -> None:
        """The view in its own window on `screen`; `geometry` is a saved one (base64) to use
        when windowed. `remember`: the user's choice, kept for the next run (a fallback
        placement is not, so the saved screen is tried again next time)."""
        self._take_view()
        frame = self.frame
        frame.hide()  # a native window moves to another X screen only while hidden
        frame.setScreen(screen)
        area = screen.availableGeometry()
        restored = geometry and frame.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
        if not restored or not area.intersects(frame.geometry()):
            frame.setGeometry(_centred(area, WINDOWED_SHARE))
        frame.setWindowState(Qt.WindowState.WindowNoState)
        if fullscreen:
            frame.showFullScreen()
        else:
            frame.showNormal()
        self.mode, self._keep = WINDOW, remember
        self.remember()
        self.placed.emit(WINDOW)

    def show_docked(self) -> None:
        if self.dock is None:
            raise RuntimeError("HostWindow has no dock to put the host view in")
        if self.mode == WINDOW:
            self.remember()
            self.frame.hide()
        self.dock.setWidget(self.view)
        self.dock.show()
        self.mode = DOCK
        self.placed.emit(DOCK)

    def toggle_fullscreen(self) -> None:
        if self.mode != WINDOW:
            return
        if self.frame.isFullScreen():
            self.frame.showNormal()
        else:
            self.remember()  # the windowed geometry, before it becomes the whole screen
            self.frame.showFullScreen()
        if self._keep:
            self.settings.host_view_fullscreen = self.frame.isFullScreen()

    def screen(self) -> QScreen | None:
        return self.frame.screen() if self.mode == WINDOW else None

    def remember(self) -> None:
        """Into Settings (the app saves the file): the screen the window is on, full-screen,
        and the windowed geometry. A fallback placement is not remembered."""
        if self.mode != WINDOW or not self._keep or not self.frame.isVisible():
            return
        self.settings.host_view_screen = screen_key(self.frame.screen())
        self.settings.host_view_fullscreen = self.frame.isFullScreen()
        if not self.frame.isFullScreen():
            self.settings.host_view_geometry = bytes(self.frame.saveGeometry().toBase64()).decode()

    def close(self) -> None:
        self.remember()
        self.frame.hide()

    # -- internals --------------------------------------------------------------------------
    def _take_view(self) -> None:
        if self.view.parent() is not self.frame:
            self.frame.layout().addWidget(self.view)
            self.view.show()

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        if self.mode == WINDOW and self.frame.screen() in (screen, None):
            self._keep = False  # the saved screen is tried again when it is back, next run
            self.restore()


def _centred(area: QRect, share: float) -> QRect:
    width, height = round(area.width() * share), round(area.height() * share)
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    return rect
