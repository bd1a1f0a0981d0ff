"""Where the host view goes: its own window on the host's screen (full-screen or windowed), or,
with one monitor, a dock of the console that the caller provides. The screen, full-screen and
the windowed geometry are kept in Settings for the next run.

Screens are found by a key: the screen's name, with "#n" when several screens share it (two X
screens of one Xvfb are both "screen") or it has none. A saved screen that is gone falls back
to another screen than the console's (`avoid`), windowed, so that the view never covers the
assistant's console unasked, and goes back to the saved screen when that one comes back (a TV
off standby). Sizes are logical pixels and fractions of the screen: Qt scales them by each
screen's devicePixelRatio.

The window never takes the keyboard from the console, not when shown, not when the host clicks
it to acknowledge a cue: the assistant's next keystroke must land in the console. So it has no
keys of its own (full-screen is toggled from the console's menu)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget

from console.settings import Settings
from console.ui.host_view import HostView

WINDOW, DOCK = "window", "dock"
WINDOWED_SHARE = 2 / 3  # of the screen, for a window with no saved geometry


def _screens() -> list[QScreen]:
    """The screens there are (a test stands in for unplugging one)."""
    return QGuiApplication.screens()


def screen_key(screen: QScreen) -> str:
    """Never "" (that means "not chosen yet"), even for a screen without a name."""
    name = screen.name()
    same = [s for s in QGuiApplication.screens() if s.name() == name]
    return name if name and len(same) < 2 else f"{name}#{same.index(screen)}"


def find_screen(key: str) -> QScreen | None:
    return next((s for s in _screens() if screen_key(s) == key), None)


class _Frame(QWidget):
    """The host view's own top-level window; it never takes the keyboard focus."""

    closed = Signal()
    shown_changed = Signal()  # shown, hidden, minimised or restored

    def __init__(self):
        flags = Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus
        super().__init__(None, flags)
        self.setObjectName("hostWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # the console decides
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def show_as(self, fullscreen: bool) -> None:
        """Not showFullScreen(): that one activates the window (and Qt warns about a window
        that does not accept focus)."""
        state = self.windowState() & ~(
            Qt.WindowState.WindowMinimized
            | Qt.WindowState.WindowMaximized
            | Qt.WindowState.WindowFullScreen
        )
        if fullscreen:
            state |= Qt.WindowState.WindowFullScreen
        self.setWindowState(state)
        self.show()

    def closeEvent(self, event) -> None:
        self.closed.emit()
        super().closeEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown_changed.emit()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.shown_changed.emit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.shown_changed.emit()


class HostWindow(QObject):
    placed = Signal(str)  # WINDOW or DOCK
    visibility_changed = Signal(bool)  # whether the host can see the view anywhere

    def __init__(
        self,
        view: HostView,
        settings: Settings,
        dock: QDockWidget | None = None,
        parent: QObject | None = None,
        avoid: Callable[[], QScreen | None] | None = None,
    ):
        """`avoid`: the console window's screen, which the view must not cover unasked."""
        super().__init__(parent)
        self.view, self.settings, self.dock, self.avoid = view, settings, dock, avoid
        self.frame = _Frame()
        self.frame.setWindowTitle(self.tr("LiveDesk — host view"))
        self.frame.closed.connect(self.remember)
        self.frame.shown_changed.connect(self._update_visibility)
        self.destroyed.connect(self.frame.deleteLater)  # and the view with it, if it is there
        if dock is not None:
            dock.visibilityChanged.connect(self._update_visibility)
        self.mode: str | None = None
        self._keep = False  # remember this placement (not a fallback) for the next run
        self._waiting = False  # a fallback: go to the saved screen when it comes back
        self._placing = False
        self._visible = False
        self._take_view()  # owned by the frame (or the dock) from now on, never by nobody
        app = QGuiApplication.instance()
        app.screenRemoved.connect(self._on_app_screen_removed)
        app.screenAdded.connect(self._on_app_screen_added)
        self._disposed = False

    # -- placing ----------------------------------------------------------------------------
    def restore(self) -> None:
        """Show the view as it was last run; safe to call at any time (start, Ctrl+H). On its
        saved screen; on the first run on another screen than the console's; with one monitor
        and a dock, in the dock; else (the saved screen is gone) windowed on another screen
        than the console's, until the saved one comes back."""
        if self.mode == WINDOW and self._keep and self.is_visible():
            self.frame.raise_()  # already where the user put it
            return
        screens, s = _screens(), self.settings
        saved = find_screen(s.host_view_screen) if s.host_view_screen else None
        console = self._console_screen()
        others = [x for x in screens if x != console]
        if len(screens) < 2 and self.dock is not None:
            self._dock_view()
            self._waiting = bool(s.host_view_screen)
        elif saved is not None:
            self.show_on(saved, s.host_view_fullscreen, s.host_view_geometry)
        elif not s.host_view_screen and others and len(screens) > 1:  # first run
            self.show_on(others[0], s.host_view_fullscreen)
        else:
            fallback = others[0] if others else QGuiApplication.primaryScreen()
            self.show_on(fallback, False, remember=False)
            self._waiting = bool(s.host_view_screen)

    def show_on(
        self, screen: QScreen, fullscreen: bool, geometry: str = "", remember: bool = True
    ) -> None:
        """The view in its own window on `screen`; `geometry` is a saved one (base64) to use
        when windowed. `remember`: the user's choice, kept for the next run (a fallback
        placement is not, so the saved screen is tried again next time)."""
        self._placing = True
        try:
            self._take_view()
            frame = self.frame
            frame.hide()  # a native window moves to another X screen only while hidden
            # Cleared before the move: cleared after it, full-screen came back on X11.
            frame.setWindowState(Qt.WindowState.WindowNoState)
            frame.setScreen(screen)
            area = screen.availableGeometry()
            restored = geometry and frame.restoreGeometry(QByteArray.fromBase64(geometry.encode()))
            if not restored or not area.intersects(frame.geometry()):
                frame.setGeometry(_centred(area, WINDOWED_SHARE))
            frame.show_as(fullscreen)
            if self.dock is not None:
                self.dock.hide()  # empty now: not a blank "Host view" panel in the console
            self.mode, self._keep, self._waiting = WINDOW, remember, False
            self.remember()
        finally:
            self._placing = False
        self._update_visibility()
        self.placed.emit(WINDOW)

    def show_docked(self) -> None:
        """In the console's dock: the user's choice, kept until they place it elsewhere."""
        self._dock_view()
        self._waiting = False

    def toggle_fullscreen(self) -> None:
        if self.mode != WINDOW:
            return
        if not self.frame.isFullScreen():
            self.remember()  # the windowed geometry, before it becomes the whole screen
        self.frame.show_as(not self.frame.isFullScreen())
        if self._keep:
            self.settings.host_view_fullscreen = self.frame.isFullScreen()

    def screen(self) -> QScreen | None:
        return self.frame.screen() if self.mode == WINDOW else None

    def is_visible(self) -> bool:
        """Whether the host can see the view: its window shown (not minimised), or its dock."""
        if self.mode == WINDOW:
            return self.frame.isVisible() and not self.frame.isMinimized()
        return self.mode == DOCK and self.dock.isVisible()

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

    def dispose(self) -> None:
        """At quit (and the end of a test): remember where, stop the view's timer, and delete
        the window (the view goes with it unless the console's dock has it)."""
        if self._disposed:
            return
        self._disposed = True
        app = QGuiApplication.instance()
        app.screenRemoved.disconnect(self._on_app_screen_removed)
        app.screenAdded.disconnect(self._on_app_screen_added)
        if shiboken6.isValid(self.view):
            self.view.stop()
        if shiboken6.isValid(self.frame):
            self.close()
            self.frame.shown_changed.disconnect(self._update_visibility)
            self.frame.deleteLater()
        self.mode = None
        self._update_visibility()

    # -- internals --------------------------------------------------------------------------
    def _console_screen(self) -> QScreen | None:
        console = self.avoid() if self.avoid is not None else None
        return console if console is not None else QGuiApplication.primaryScreen()

    def _dock_view(self) -> None:
        if self.dock is None:
            raise RuntimeError("HostWindow has no dock to put the host view in")
        self._placing = True
        try:
            if self.mode == WINDOW:
                self.remember()
                self.frame.hide()
            self.dock.setWidget(self.view)
            self.dock.show()
            self.mode = DOCK
        finally:
            self._placing = False
        self._update_visibility()
        self.placed.emit(DOCK)

    def _take_view(self) -> None:
        if self.view.parent() is not self.frame:
            self.frame.layout().addWidget(self.view)
            self.view.show()

    def _update_visibility(self) -> None:
        if self._placing:
            return  # one answer per placement, not the hide and show on the way
        visible = self.is_visible() if self.mode is not None else False
        if visible != self._visible:
            self._visible = visible
            self.visibility_changed.emit(visible)

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        if self.mode == WINDOW and self.frame.screen() in (screen, None):
            self._keep = False  # the saved screen stays saved: the view goes back to it
            self.restore()

    def _on_app_screen_added(self, _screen: QScreen) -> None:
        if self._waiting and find_screen(self.settings.host_view_screen) is not None:
            self.restore()


def _centred(area: QRect, share: float) -> QRect:
    width, height = round(area.width() * share), round(area.height() * share)
    rect = QRect(0, 0, width, height)
    rect.moveCenter(area.center())
    return rect
