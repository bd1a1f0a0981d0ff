"""Import of the platform's stats exports (CSV/XLSX: 时间, 在线人数, 成交金额 …) into the open show,
with a preview. The file is read and its rows checked on a worker thread; the user sees how
each column is mapped (and may change it) and every bad row before anything is written; the
good rows are stored in one transaction on the writer thread. Rows with problems are skipped,
each with its reason. Importing a file again replaces its readings rather than adding them
(console/ui/stats_import_jobs.py)."""

from __future__ import annotations

import functools
import logging
from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.stats_file import AUTO, TOTAL, Column, ms_to_local, targets
from console.ingest.catalog_file import CatalogFileError
from console.reports.format import date_pattern, moment_text, time_text
from console.ui import import_dialog_parts as parts
from console.ui import stats_import_messages as msg
from console.ui.background import new_job
from console.ui.stats_import_jobs import (
    CheckedFile,
    FileImported,
    ReadFile,
    check,
    read_file,
    store_file_batch,
)
from console.ui.style import say

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
IDLE, READING, PREVIEW, IMPORTING, DONE = "idle", "reading", "preview", "importing", "done"
PREVIEW_ROWS = 200
BAD_ROW_BG = QColor("#5a1e1e")
COLUMN_MAX_PX = 220


def show_day(show) -> tuple[date, tzinfo]:
    """The day and time zone of times written without a date: the show's planned start's, else
    today's here."""
    if show is not None and show.planned_start:
        try:
            start = datetime.fromisoformat(show.planned_start)
            return start.date(), start.tzinfo
        except ValueError:
            pass
    now = datetime.now().astimezone()
    return now.date(), now.tzinfo


class StatsImportDialog(QDialog):
    preview_ready = Signal()  # a file was read and checked, or why it cannot be read shows
    import_finished = Signal(object)  # FileImported; None when the database refused it

    def __init__(self, writer, queue, parent: QWidget | None = None):
        super().__init__(parent)
        self.writer = writer
        self.show_id = queue.show_id  # the show open now: a later switch does not move the import
        self.show_title = queue.show.title if queue.show is not None else ""
        day, self.tz = show_day(queue.show)
        self._state = IDLE
        self._generation = 0
        self._read: ReadFile | None = None
        self._columns: list[Column] = []
        self._checked: CheckedFile | None = None
        self.setWindowTitle(self.tr("Import platform stats"))
        self.resize(1100, 760)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top(day))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self._build_details(), 1)
        self.message, self.close_button, self.import_button = parts.status_and_buttons(
            layout, self.tr("Import"), self.start_import, self.reject
        )
        self._set_state(IDLE)
        if self.show_id is None:
            say(self.message, self.tr("No show is open: open one with Show ▸ Shows… first."), True)

    def _build_top(self, day: date) -> QVBoxLayout:
        self.file_label, self.choose_button, top = parts.file_row(
            self.tr(
                "Choose the platform's export (.csv or .xlsx) of the room's figures over time. "
                "Headers may be Chinese or English (时间 / time, 在线人数 / online, 成交金额 / GMV "
                "…); check below how each column is imported."
            ),
            self.tr("Choose file…"),
            self.choose_file,
        )
        self.show_label = QLabel(self.tr("Into show: {title}").format(title=self.show_title or "—"))
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_pattern())
        self.date_edit.dateChanged.connect(self._on_date_edit_date_changed)
        date_label = QLabel(self.tr("Times without a date are on"))
        date_label.setBuddy(self.date_edit)
        second = QHBoxLayout()
        second.addWidget(self.show_label, 1)
        second.addWidget(date_label)
        second.addWidget(self.date_edit)
        box = QVBoxLayout()
        box.addLayout(top)
        box.addLayout(second)
        return box

    def _build_details(self) -> QWidget:
        self.details = QWidget()
        box = QVBoxLayout(self.details)
        box.setContentsMargins(0, 0, 0, 0)
        self.counts = QLabel()
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First figure"), self.tr("Imported as")]
        )
        self.mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = QStandardItemModel(self)
        self.preview = parts.preview_table(self.model)
        self.problem_model = QStringListModel(self)
        self.problems_box = parts.list_box(
            self.tr("Rows with problems, skipped (line numbers as in the file)"),
            self.problem_model,
        )
        box.addWidget(self.counts)
        box.addWidget(self.mapping, 2)
        box.addWidget(self.preview, 3)
        box.addWidget(self.problems_box, 2)
        return self.details

    # -- reading and checking -----------------------------------------------------------
    def choose_file(self) -> None:
        path = parts.ask_file(
            self,
            self.tr("Import platform stats"),
            self.tr("Stats exports (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.open_file(path)

    def open_file(self, path: str | Path) -> None:
        """Read and check the file off the GUI thread; preview_ready follows."""
        if self._state in (READING, IMPORTING):
            return
        path = Path(path)
        self._generation += 1
        self._read, self._checked, self._columns = None, None, []
        self.file_label.setText(str(path))
        say(self.message, self.tr("Reading {file}…").format(file=path.name))
        self._set_state(READING)
        generation = self._generation
        job = new_job(
            self,
            functools.partial(self._on_read_done, generation),
            functools.partial(self._on_read_failed, generation),
        )
        job.run(lambda report: read_file(path, report), name="stats-read")

    def _on_read_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_state(IDLE)
        if isinstance(error, CatalogFileError):
            reason = msg.file_error(error)
        else:
            log.error("Reading a stats file failed", exc_info=error)
            reason = str(error)
        say(self.message, self.tr("Nothing imported: {reason}.").format(reason=reason), True)
        self.preview_ready.emit()

    def _on_read_done(self, generation: int, read: ReadFile) -> None:
        if generation != self._generation:
            return
        self._read, self._columns = read, list(read.columns)
        self._recheck()

    def _recheck(self) -> None:
        """Convert the rows again with the current mapping and date, on a worker thread."""
        read = self._read
        if read is None:
            return
        self._generation += 1
        generation, columns, tz = self._generation, list(self._columns), self.tz
        day = self.date_edit.date().toPython()
        self._set_state(READING)
        job = new_job(
            self,
            self._on_checked,
            functools.partial(self._on_read_failed, generation),
        )
        job.run(lambda _report: check(generation, read, columns, day, tz), "stats-check")

    def _on_checked(self, checked: CheckedFile) -> None:
        if checked.generation != self._generation:
            return
        self._checked = checked
        self._fill_mapping(checked.result.columns)
        self._fill_preview(checked)
        self.problem_model.setStringList(checked.problems)
        self._set_state(PREVIEW)
        self._show_counts()
        result = checked.result
        if result.blocked:
            first = checked.problems[0] if checked.problems else ""
            say(
                self.message,
                self.tr(
                    "Nothing can be imported yet: {problem}. Change how the columns are "
                    "imported above, or fix the file."
                ).format(problem=first),
                True,
            )
        elif not result.batch.samples:
            say(self.message, self.tr("No row of this file can be imported."), True)
        elif self.show_id is None:
            say(self.message, self.tr("No show is open: open one with Show ▸ Shows… first."), True)
        elif result.rows_bad:
            say(
                self.message,
                self.tr(
                    "The rows with problems are skipped; the others are imported. Nothing "
                    "is written until you press Import."
                ),
            )
        else:
            say(
                self.message, self.tr("Ready to import. Nothing is written until you press Import.")
            )
        self.preview_ready.emit()

    def _show_counts(self) -> None:
        result = self._checked.result
        text = self.tr("{file}: {ok} rows ready, {bad} with problems (skipped)").format(
            file=self._read.path.name, ok=result.rows_ok, bad=result.rows_bad
        )
        if result.first_ms is not None:
            first = ms_to_local(result.first_ms, self.tz)
            last = ms_to_local(result.last_ms, self.tz)
            same_day = first.date() == last.date()
            text += " · " + self.tr("{first} to {last}").format(
                first=moment_text(first, seconds=True),
                last=time_text(last) if same_day else moment_text(last, seconds=True),
            )
        self.counts.setText(text)

    def _fill_mapping(self, columns: tuple[Column, ...]) -> None:
        read = self._read
        first = read.rows[0][1] if read.rows else []
        self.mapping.setRowCount(len(columns))
        for row, column in enumerate(columns):
            header = column.header or self.tr("(no header)")
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            text = first[column.index] if column.index < len(first) else ""
            self.mapping.setItem(row, 1, QTableWidgetItem(text))
            combo = self.mapping.cellWidget(row, 2)
            if combo is None:
                combo = self._target_combo()
                combo.currentIndexChanged.connect(
                    functools.partial(self._on_combo_current_index_changed, row)
                )
                self.mapping.setCellWidget(row, 2, combo)
            combo.blockSignals(True)
            index = combo.findData(_key(column.target, column.mode))
            if index < 0:  # AUTO not yet resolved (no figure in the column)
                index = combo.findData(_key(column.target, TOTAL))
            combo.setCurrentIndex(max(0, index))
            combo.setToolTip(msg.column_meaning(column))
            combo.blockSignals(False)

    def _target_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(msg.target_label(None), _key(None, AUTO))
        for target, mode in targets():
            combo.addItem(msg.target_label(target, mode), _key(target, mode))
        return combo

    def _on_combo_current_index_changed(self, row: int, _index: int) -> None:
        combo = self.mapping.cellWidget(row, 2)
        target, mode = combo.currentData().split("|")
        target = target or None
        old = self._columns[row]
        self._columns[row] = Column(old.index, old.header, target, mode, scale=old.scale)
        self._recheck()

    def _on_date_edit_date_changed(self, _date: QDate) -> None:
        if self._state == PREVIEW:
            self._recheck()

    def _fill_preview(self, checked: CheckedFile) -> None:
        columns = checked.result.columns
        rows = self._read.rows[:PREVIEW_ROWS]
        reasons: dict[int, list[str]] = {}
        for problem, text in zip(checked.result.problems, checked.problems, strict=True):
            reasons.setdefault(problem.row, []).append(text)
        self.model.clear()
        self.model.setColumnCount(len(columns))
        no_header = self.tr("(no header)")
        self.model.setHorizontalHeaderLabels(
            [f"{c.header or no_header}\n{msg.column_meaning(c)}" for c in columns]
        )
        tint = QBrush(BAD_ROW_BG)
        for line, cells in rows:
            items = [QStandardItem(cells[c.index] if c.index < len(cells) else "") for c in columns]
            if line in reasons:
                why = "\n".join(reasons[line])
                for item in items:
                    item.setBackground(tint)
                    item.setToolTip(why)
            self.model.appendRow(items)
        self.model.setVerticalHeaderLabels([str(line) for line, _ in rows])
        parts.fit_columns(self.preview, COLUMN_MAX_PX)

    # -- importing ----------------------------------------------------------------------
    def start_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        result = self._checked.result
        say(self.message, self.tr("Importing {count} rows…").format(count=result.rows_ok))
        self._set_state(IMPORTING)
        job = new_job(self, self._on_import_done, self._on_import_failed)
        job.watch(self.writer.submit(store_file_batch, self.show_id, result, self._read.path.name))

    def _on_import_done(self, imported: FileImported) -> None:
        self._set_state(DONE)
        text = self.tr("Imported {rows} rows ({readings} readings) into {show}.").format(
            rows=self._checked.result.rows_ok, readings=imported.inserted, show=self.show_title
        )
        if imported.replaced:
            text += " " + self.tr(
                "{count} readings replaced those of an earlier import at the same times, so "
                "nothing counts twice."
            ).format(count=imported.replaced)
        say(self.message, text)
        self.import_finished.emit(imported)

    def _on_import_failed(self, error: BaseException) -> None:
        log.error("Stats file import failed: %r", error)
        self._set_state(PREVIEW)
        say(
            self.message,
            self.tr("The database refused the import ({error}); nothing was written.").format(
                error=error
            ),
            True,
        )
        self.import_finished.emit(None)

    # -- state --------------------------------------------------------------------------
    def reject(self) -> None:
        if self._state != IMPORTING:  # stay open until the writer says how the import went
            super().reject()

    def done(self, result: int) -> None:
        self._generation += 1  # a reading still under way has nobody to show its rows to
        super().done(result)

    def problem_texts(self) -> list[str]:
        return self.problem_model.stringList()

    def _set_state(self, state: str) -> None:
        self._state = state
        busy = state in (READING, IMPORTING)
        checked = self._checked if state != IDLE else None
        self.choose_button.setEnabled(not busy)
        self.date_edit.setEnabled(not busy)
        self.mapping.setEnabled(state == PREVIEW)
        self.progress.setVisible(busy)
        self.close_button.setEnabled(state != IMPORTING)
        self.details.setVisible(checked is not None)
        self.problems_box.setVisible(bool(checked and checked.problems))
        self.import_button.setEnabled(
            state == PREVIEW
            and self.show_id is not None
            and checked is not None
            and not checked.result.blocked
            and bool(checked.result.batch.samples)
        )


def _key(target: str | None, mode: str) -> str:
    """A mapping menu item's data: a plain string, which findData() compares reliably."""
    return f"{target or ''}|{mode}"


def install_stats_import(window: QMainWindow, writer, queue) -> QAction:
    """Tools ▸ Import platform stats… (the menu holding Settings…, as the quick entry's)."""
    action = QAction(translate("StatsImportDialog", "Import platform stats…"), window)

    def open_dialog() -> None:
        dialog = StatsImportDialog(writer, queue, window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        QTimer.singleShot(0, dialog.choose_file)

    action.triggered.connect(open_dialog)
    _tools_menu(window).addAction(action)
    return action


def _tools_menu(window: QMainWindow) -> QMenu:
    settings = getattr(window, "settings_action", None)
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and settings in menu.actions():
            return menu
    return window.menuBar().addMenu(translate("StatsImportDialog", "&Tools"))
