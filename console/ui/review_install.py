"""Puts the review (复盘) and the comparison of two shows under the Show menu. Each window is
built when first asked for (pyqtgraph and the reports are imported then, not at start) and is
one of a kind: asking again raises the open one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget
from shiboken6 import isValid

from console.settings import Settings
from console.store.writer import DbWriter

translate = QCoreApplication.translate


class _ReviewMenu(QObject):
    def __init__(self, window, writer, queue, db_path, settings, language):
        super().__init__(window)
        self.window, self.writer, self.queue = window, writer, queue
        self.db_path, self.settings, self.language = Path(db_path), settings, language
        self.review_window: QWidget | None = None
        self.compare_window: QWidget | None = None
        menu = window.show_menu
        menu.addSeparator()
        self.review_action = QAction(translate("ReviewMenu", "Review (复盘)…"), window)
        self.review_action.triggered.connect(self._on_review_triggered)
        self.compare_action = QAction(translate("ReviewMenu", "Compare two shows…"), window)
        self.compare_action.triggered.connect(self._on_compare_triggered)
        menu.addAction(self.review_action)
        menu.addAction(self.compare_action)
        app = QCoreApplication.instance()
        if app is not None:  # notes typed just before quitting are saved too
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    def _on_review_triggered(self) -> None:
        if _raise(self.review_window):
            return
        from console.ui.review_window import ReviewWindow

        w = ReviewWindow(
            self.writer,
            self.db_path,
            self.queue.show_id,
            self.settings.attribution_after_min,
            self.language,
            parent=self.window,
        )
        w.after_minutes_changed.connect(self._on_review_after_minutes_changed)
        self.review_window = _show(w)

    def _on_compare_triggered(self) -> None:
        if _raise(self.compare_window):
            return
        from console.ui.compare_window import CompareWindow

        w = CompareWindow(
            self.writer,
            self.db_path,
            second_id=self.queue.show_id,
            after_minutes=self.settings.attribution_after_min,
            parent=self.window,
        )
        self.compare_window = _show(w)

    def _on_review_after_minutes_changed(self, minutes: int) -> None:
        # The next review opens with it; saved with the other settings when they are.
        self.settings.attribution_after_min = minutes

    def _on_app_about_to_quit(self) -> None:
        w = self.review_window
        if w is not None and isValid(w):
            w.save_notes()


def _raise(w: QWidget | None) -> bool:
    if w is None or not isValid(w) or not w.isVisible():
        return False
    w.raise_()
    w.activateWindow()
    return True


def _show(w: QWidget) -> QWidget:
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    w.show()
    return w


def install_review(
    window: QMainWindow,
    writer: DbWriter,
    queue,
    db_path: Path,
    settings: Settings,
    language: str,
) -> _ReviewMenu:
    """Adds "Review (复盘)…" and "Compare two shows…" to window.show_menu. Both open on the
    queue's open show (or the newest); the review's "sales after a window" minutes start from
    settings.attribution_after_min and, when changed there, update it (in memory)."""
    return _ReviewMenu(window, writer, queue, db_path, settings, language)
