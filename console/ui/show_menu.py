"""The Show menu (shows, adding catalog products to the queue) and the open show's title in the
window title, so the assistant always sees which show the queue belongs to."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow
from shiboken6 import isValid

from console.core.show import Show
from console.services.queue_service import QueueService
from console.services.writer_calls import WriterCalls
from console.store.shows import get_show
from console.store.writer import DbWriter
from console.ui.add_products_dialog import AddProductsDialog
from console.ui.shows_dialog import ShowsDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class _ShowMenu(QObject):
    def __init__(
        self, window: QMainWindow, writer: DbWriter, queue_service: QueueService, db_path: Path
    ):
        super().__init__(window)
        self.window, self.writer, self.queue_service, self.db_path = (
            window,
            writer,
            queue_service,
            db_path,
        )
        self.calls = WriterCalls(writer, self)
        self.base_title = window.windowTitle()
        self.shows_dialog: ShowsDialog | None = None
        self.products_dialog: AddProductsDialog | None = None
        self.shows_action = self._action(
            translate("ShowMenu", "Shows…"), "Ctrl+Shift+O", self._on_shows_triggered
        )
        self.products_action = self._action(
            translate("ShowMenu", "Add products to the queue…"),
            "Ctrl+Shift+A",
            self._on_products_triggered,
        )
        self._title_of: int | None = None
        queue_service.changed.connect(self._on_queue_changed)
        self._on_queue_changed()

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.show_menu.addAction(action)
        return action

    def _on_shows_triggered(self) -> None:
        if not self._raise(self.shows_dialog):
            dialog = ShowsDialog(self.writer, self.queue_service, self.db_path, self.window)
            dialog.show_saved.connect(self._set_title)
            self.shows_dialog = self._open(dialog, modal=True)

    def _on_products_triggered(self) -> None:
        # Not modal: the queue panel behind it shows what was added.
        if not self._raise(self.products_dialog):
            dialog = AddProductsDialog(self.writer, self.queue_service, self.window)
            self.products_dialog = self._open(dialog, modal=False)

    def _raise(self, dialog: QDialog | None) -> bool:
        if dialog is None or not isValid(dialog) or not dialog.isVisible():
            return False
        dialog.raise_()
        dialog.activateWindow()
        return True

    def _open(self, dialog: QDialog, modal: bool) -> QDialog:
        dialog.finished.connect(dialog.deleteLater)
        if modal:
            dialog.open()
        else:
            dialog.show()
        return dialog

    def _on_queue_changed(self, _queue=None) -> None:
        show_id = self.queue_service.show_id
        if show_id is not None and show_id != self._title_of:
            self._title_of = show_id
            self.calls.submit(get_show, show_id, then=self._on_show_read)

    def _on_show_read(self, future: Future) -> None:
        if future.exception() is not None:
            log.error("Reading the open show failed: %r", future.exception())
            return
        self._set_title(future.result())

    def _set_title(self, show: Show | None) -> None:
        if show is None or show.id != self.queue_service.show_id:
            return
        title = show.title
        if show.rehearsal:  # its figures do not count: the host should know
            title = translate("ShowMenu", "{0} (rehearsal)").format(title)
        self.window.setWindowTitle(f"{title} — {self.base_title}")


def install_show_menu(
    window: QMainWindow, writer: DbWriter, queue_service: QueueService, db_path: Path
) -> _ShowMenu:
    """Adds Shows… (Ctrl+Shift+O) and Add products to the queue… (Ctrl+Shift+A) to
    window.show_menu and keeps the window title on the open show."""
    return _ShowMenu(window, writer, queue_service, db_path)
