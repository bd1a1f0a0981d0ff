"""The Catalog menu: import with a preview, export of the catalog and of the current show's
queue with its results. An export reads through the db writer and writes the file on a worker
thread; how it went shows in the status bar (and in a message box when it failed)."""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from console.ingest.catalog_export import write_products, write_rows
from console.ingest.catalog_file import CatalogFileError
from console.store.products import list_products
from console.store.queue_repo import queue_results
from console.ui import catalog_messages as msg
from console.ui.background import Report, new_job
from console.ui.bulk_work import bulk_work
from console.ui.catalog_import_dialog import CatalogImportDialog
from console.ui.queue_export import queue_columns, queue_rows, state_labels

log = logging.getLogger(__name__)
MESSAGE_MS = 8000


def install_catalog_menu(window: QMainWindow, writer, queue_service) -> CatalogActions:
    actions = CatalogActions(window, writer, queue_service)
    window.catalog_menu.addAction(actions.import_action)
    window.catalog_menu.addSeparator()
    window.catalog_menu.addAction(actions.export_catalog_action)
    window.catalog_menu.addAction(actions.export_queue_action)
    return actions


class CatalogActions(QObject):
    exported = Signal(str, int)  # file, rows written
    export_failed = Signal(str)  # the sentence the user was shown

    def __init__(self, window: QMainWindow, writer, queue_service):
        super().__init__(window)
        self.window, self.writer, self.queue_service = window, writer, queue_service
        self.import_action = QAction(self.tr("Import catalog…"), self)
        self.export_catalog_action = QAction(self.tr("Export catalog…"), self)
        self.export_queue_action = QAction(self.tr("Export show queue…"), self)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.export_catalog_action.triggered.connect(self._on_export_catalog_triggered)
        self.export_queue_action.triggered.connect(self._on_export_queue_triggered)

    def open_import_dialog(self, choose: bool = True) -> CatalogImportDialog:
        dialog = CatalogImportDialog(self.writer, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        if choose:  # the user asked to import: go straight to the file
            QTimer.singleShot(0, dialog.choose_file)
        return dialog

    def _on_import_triggered(self) -> None:
        self.open_import_dialog()

    def export_catalog(self, path: str | Path) -> None:
        path, writer = Path(path), self.writer

        def job(_report) -> int:
            with bulk_work():
                products = writer.submit(list_products).result()
                write_products(path, products)
            return len(products)

        done = self.tr("Exported {count} products to {file}.")
        self._run(path, job, done, self.tr("Exporting the catalog…"))

    def export_queue(self, path: str | Path) -> None:
        path, show_id = Path(path), self.queue_service.show_id
        if show_id is None:
            self._fail(self.tr("No show is open, so there is no queue to export."))
            return
        # Worded here, on the GUI thread: the worker holds no Qt object (see background.py).
        columns, states, sheet = queue_columns(), state_labels(), self.tr("Queue")
        writer = self.writer

        def job(_report) -> int:
            with bulk_work():
                results = writer.submit(queue_results, show_id).result()
                write_rows(path, columns, queue_rows(results, states), sheet_title=sheet)
            return len(results)

        done = self.tr("Exported the show queue ({count} products) to {file}.")
        self._run(path, job, done, self.tr("Exporting the show queue…"))

    def _on_export_catalog_triggered(self) -> None:
        path = self._ask(self.tr("Export catalog"), f"catalog-{time.strftime('%Y%m%d')}")
        if path:
            self.export_catalog(path)

    def _on_export_queue_triggered(self) -> None:
        show_id = self.queue_service.show_id
        if show_id is None:  # say so before asking where to save it
            self.export_queue("")
            return
        path = self._ask(self.tr("Export show queue"), f"show-{show_id}-queue")
        if path:
            self.export_queue(path)

    def _ask(self, title: str, name: str) -> Path | None:
        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        chosen, kind = QFileDialog.getSaveFileName(
            self.window, title, f"{name}.xlsx", f"{xlsx};;{csv}"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (".csv", ".xlsx"):  # the format goes by the extension
            path = path.with_name(path.name + (".csv" if kind == csv else ".xlsx"))
        return path

    def _run(self, path: Path, job: Callable[[Report], int], done: str, busy: str) -> None:
        self.window.statusBar().showMessage(busy)
        on_done = functools.partial(self._on_exported, path, done)
        new_job(self, on_done, functools.partial(self._on_failed, path)).run(job, "export")

    def _on_exported(self, path: Path, done: str, count: int) -> None:
        self.window.statusBar().showMessage(done.format(count=count, file=path), MESSAGE_MS)
        self.exported.emit(str(path), count)

    def _on_failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, CatalogFileError):
            reason = msg.file_error(error)
        else:
            log.error("Export to %s failed: %r", path, error)
            reason = str(error)
        self._fail(self.tr("Cannot export to {file}: {reason}").format(file=path, reason=reason))

    def _fail(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export"), text, parent=self.window)
        box.finished.connect(box.deleteLater)
        box.open()  # not exec(): the show goes on while the message is up
        self.export_failed.emit(text)
