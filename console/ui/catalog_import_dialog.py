"""Catalog import (商品导入) with a preview. The file is read and checked on a worker thread;
the user sees every bad row before anything is written; the import is one transaction on the
writer thread, which Cancel rolls back. Nothing here waits on the GUI thread."""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.ingest.catalog_file import CatalogFileError
from console.store.products import ImportResult, existing_skus
from console.ui import catalog_messages as msg
from console.ui import import_dialog_parts as parts
from console.ui.background import new_job
from console.ui.catalog_import_jobs import CheckedFile, ReadCancelled, import_rows, read_and_check
from console.ui.catalog_preview import fill_preview
from console.ui.style import set_look

log = logging.getLogger(__name__)
IDLE, READING, PREVIEW, IMPORTING, DONE = "idle", "reading", "preview", "importing", "done"
COMMITTED = "committed"  # written; the duplicates' report is still being worded
COLUMN_MAX_PX = 260
REDRAW_MS = 100


class CatalogImportDialog(QDialog):
    preview_ready = Signal()  # a file was read: its preview, or why it cannot be read, shows
    import_progressed = Signal(int, int)  # rows written, rows in all
    import_finished = Signal(object)  # ImportResult (maybe cancelled); None when it failed

    def __init__(self, writer, parent: QWidget | None = None):
        super().__init__(parent)
        self.writer = writer
        self._state = IDLE
        self._generation = 0
        self._cancel = threading.Event()
        self._checked: CheckedFile | None = None
        self._existing: int | str | None = None  # "?" when the lookup failed
        self._latest = (0, 0)  # the last progress report, drawn by the redraw timer
        # Progress is redrawn at 10 Hz, not per report: with a worker busy in Python, every
        # repaint costs the GUI thread GIL hand-overs.
        self._redraw = QTimer(self, interval=REDRAW_MS)
        self._redraw.timeout.connect(self._on_redraw_timeout)
        self.setWindowTitle(self.tr("Import catalog"))
        self.resize(1100, 720)
        self.file_label, self.choose_button, top = parts.file_row(
            self.tr(
                "Choose a .csv or .xlsx file. Headers may be Chinese or English (商品名称 / name, "
                "商品ID / SKU, 直播价 / live price …); columns LiveDesk does not know are kept "
                "as extra fields."
            ),
            self.tr("Choose file…"),
            self.choose_file,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._build_progress_row())
        layout.addWidget(self._build_details(), 1)
        self.message, self.close_button, self.import_button = parts.status_and_buttons(
            layout, self.tr("Import"), self.start_import, self.reject
        )
        self._set_state(IDLE)

    def _build_progress_row(self) -> QWidget:
        self.progress_row = QWidget()
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.status)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        return self.progress_row

    def _build_details(self) -> QWidget:
        self.details = QWidget()
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, 0, 0, 0)
        self.counts = QLabel()
        self.model = QStandardItemModel(self)
        self.preview = parts.preview_table(self.model)
        # C++ models filled with sentences worded on a worker thread: a Python model would be
        # asked rowCount() twice per row while the view lays out 50,000 of them.
        self.problem_model = QStringListModel(self)
        self.outcome_model = QStringListModel(self)
        self.problems_box = parts.list_box(
            self.tr("Rows with problems (line numbers as in the file; the header is line 1)"),
            self.problem_model,
        )
        self.outcomes_box = parts.list_box(
            self.tr("SKUs that were already in the catalog"), self.outcome_model
        )
        self.duplicates_box = QGroupBox(self.tr("SKUs already in the catalog"))
        self.skip_radio = QRadioButton(self.tr("Skip them: the catalog keeps what it has"))
        self.update_radio = QRadioButton(self.tr("Update them with the values in this file"))
        self.skip_radio.setChecked(True)
        choice = QHBoxLayout(self.duplicates_box)
        choice.addWidget(self.skip_radio)
        choice.addWidget(self.update_radio)
        choice.addStretch(1)
        box.addWidget(self.counts)
        box.addWidget(self.preview, 3)
        box.addWidget(self.problems_box, 2)
        box.addWidget(self.outcomes_box, 2)
        box.addWidget(self.duplicates_box)
        return self.details

    # -- reading ------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = parts.ask_file(
            self,
            self.tr("Import catalog"),
            self.tr("Catalog files (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Read and check the file off the GUI thread; preview_ready follows."""
        if self._state in (READING, IMPORTING, COMMITTED):
            return
        path = Path(path)
        self._generation += 1
        self._drop_rows()
        self._checked, self._existing = None, None
        # A fresh flag per job: a late Cancel of the last job must not stop this one.
        cancel = self._cancel = threading.Event()
        self.file_label.setText(str(path))
        self.status.setText(self.tr("Reading {file}…").format(file=path.name))
        self.progress.setRange(0, 0)
        self._say("")
        self._set_state(READING)
        generation = self._generation
        job = new_job(
            self,
            self._on_read_done,
            functools.partial(self._on_read_failed, generation),
            self._on_read_progressed,
        )
        job.run(
            lambda report: read_and_check(generation, path, cancel, report), name="catalog-read"
        )

    def _on_read_progressed(self, rows: int, total: int) -> None:
        self._latest = (rows, total)

    def _on_redraw_timeout(self) -> None:
        rows, total = self._latest
        if self._cancel.is_set() or not rows:
            return
        if self._state == IMPORTING:
            self.progress.setValue(rows)
        elif total:
            self.progress.setRange(0, total)
            self.progress.setValue(rows)
            self.status.setText(self.tr("Checking rows: {0} of {1}").format(rows, total))
        else:
            self.status.setText(self.tr("Reading: {0} rows").format(rows))

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_state(IDLE)
        if isinstance(error, ReadCancelled):
            self._say(self.tr("Reading cancelled: nothing was imported."))
        elif isinstance(error, CatalogFileError):
            self._say(msg.file_error(error), "failed")
        else:
            log.error("Reading a catalog failed", exc_info=error)
            self._say(self.tr("The file cannot be read ({error}).").format(error=error), "failed")
        self.preview_ready.emit()

    def _on_read_done(self, checked: CheckedFile) -> None:
        if checked.generation != self._generation:
            return
        self._checked = checked
        fill_preview(self.model, checked.columns, checked.first_rows, checked.first_errors)
        parts.fit_columns(self.preview, COLUMN_MAX_PX)
        self.problem_model.setStringList(checked.problems)
        self.outcome_model.setStringList([])
        self._set_state(PREVIEW)
        self._show_counts()
        if checked.problems:
            self._say(
                self.tr(
                    "Nothing can be imported while the file has problems (the import is all or "
                    "nothing): fix the rows listed below in the file, save it and choose it again."
                ),
                "failed",
            )
            self.preview_ready.emit()
            return
        self._say(self.tr("Ready to import. Nothing is written until you press Import."))
        on_existing = functools.partial(self._on_existing, checked.generation)
        job = new_job(self, on_existing, on_existing)
        job.watch(self.writer.submit(existing_skus, [r.product.sku for r in checked.rows]))

    def _on_existing(self, generation: int, skus: set[str] | BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(skus, BaseException):
            log.error("Looking up the catalog's SKUs failed: %r", skus)
            self._existing = "?"  # unknown; the import itself still reports each duplicate
        else:
            self._existing = len(skus)
        self._show_counts()
        self.preview_ready.emit()

    def _show_counts(self) -> None:
        checked = self._checked
        existing = "…" if self._existing is None else str(self._existing)
        self.counts.setText(
            self.tr(
                "{file} · products ready: {products} · rows with problems: {bad} · "
                "SKUs already in the catalog: {existing}"
            ).format(
                file=checked.path.name,
                products=len(checked.rows),
                bad=checked.bad_rows,
                existing="—" if checked.problems else existing,
            )
        )

    # -- importing ----------------------------------------------------------------------
    def start_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        rows = self._checked.rows
        on_duplicate = "update" if self.update_radio.isChecked() else "skip"
        cancel = self._cancel = threading.Event()
        self.progress.setRange(0, len(rows))
        self.progress.setValue(0)
        self.status.setText(self.tr("Importing {count} products…").format(count=len(rows)))
        self._say("")
        self._set_state(IMPORTING)
        job = new_job(
            self, self._on_import_done, self._on_import_failed, self._on_import_progressed
        )
        # Quitting mid-import lets it finish: the writer drains its queue before it closes.
        job.watch(
            self.writer.submit(
                import_rows,
                rows,
                on_duplicate,
                progress=job.report,
                is_cancelled=cancel.is_set,
            )
        )

    def _on_import_progressed(self, done: int, total: int) -> None:
        if self._state == IMPORTING:
            self._latest = (done, total)
            self.import_progressed.emit(done, total)

    def _on_import_done(self, result: ImportResult) -> None:
        if result.cancelled:
            self._set_state(PREVIEW)
            self._say(self.tr("Import cancelled: nothing was written."), "failed")
            self.import_finished.emit(result)
            return
        self._drop_rows()  # imported: they need not stay in memory
        self._set_state(COMMITTED)  # too late to cancel
        duplicates = result.duplicates
        job = new_job(
            self,
            functools.partial(self._on_outcomes_worded, result),
            functools.partial(self._on_outcomes_failed, result),
        )
        job.run(lambda _report: [msg.duplicate_outcome(d) for d in duplicates], "catalog-words")

    def _on_outcomes_worded(self, result: ImportResult, outcomes: list[str]) -> None:
        self.outcome_model.setStringList(outcomes)
        self._set_state(DONE)
        self._say(msg.import_summary(result))
        self.import_finished.emit(result)

    def _on_outcomes_failed(self, result: ImportResult, error: BaseException) -> None:
        log.error("Wording the duplicate SKUs' outcomes failed: %r", error)  # imported all the same
        self._on_outcomes_worded(result, [])

    def _on_import_failed(self, error: BaseException) -> None:
        log.error("Catalog import failed: %r", error)
        self._set_state(PREVIEW)
        self._say(
            self.tr("The database refused the import ({error}); nothing was written.").format(
                error=error
            ),
            "failed",
        )
        self.import_finished.emit(None)

    # -- state --------------------------------------------------------------------------
    def cancel(self) -> None:
        """Stop the reading or the import under way; a cancelled import writes nothing."""
        if self._state in (READING, IMPORTING):
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        if self._state == IMPORTING:
            self.cancel()  # stay open until the writer says what became of the import
            return
        self._cancel.set()
        super().reject()

    def done(self, result: int) -> None:
        self._generation += 1  # a reading still under way has nobody to show its rows to
        self._drop_rows()
        super().done(result)

    def _drop_rows(self) -> None:
        if self._checked is not None:
            self._checked.rows = []
            self._checked.release()

    def problem_texts(self) -> list[str]:
        return self.problem_model.stringList()

    def outcome_texts(self) -> list[str]:
        return self.outcome_model.stringList()

    def _say(self, text: str, look: str = "") -> None:
        self.message.setText(text)
        set_look(self.message, "state", look)

    def _set_state(self, state: str) -> None:
        self._state = state
        busy = state in (READING, IMPORTING)
        self._latest = (0, 0)
        if busy:
            self._redraw.start()
        else:
            self._redraw.stop()
        checked = self._checked if state != IDLE else None
        errors = bool(checked and checked.problems)
        self.choose_button.setEnabled(not busy and state != COMMITTED)
        self.progress_row.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(state != IMPORTING)
        self.details.setVisible(checked is not None and state != READING)
        self.problems_box.setVisible(errors)
        self.outcomes_box.setVisible(state == DONE and self.outcome_model.rowCount() > 0)
        self.duplicates_box.setVisible(checked is not None and not errors and state != DONE)
        self.duplicates_box.setEnabled(state == PREVIEW)
        self.import_button.setEnabled(
            state == PREVIEW and checked is not None and not errors and bool(checked.rows)
        )
