"""Shows (场次): the list, and create, rename, duplicate, archive, open. Every read and write
runs on the database writer; its answers come back as signals, so the window never waits."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from console.core.show import Show, ShowError
from console.services.queue_service import QueueService
from console.services.writer_calls import WriterCalls
from console.store.shows import archive_show, create_show, duplicate_show, list_shows, rename_show
from console.store.writer import DbWriter
from console.ui.show_form_dialog import DUPLICATE, NEW, RENAME, ShowFormDialog
from console.ui.show_messages import local_time, platform_name, show_error
from console.ui.style import say

log = logging.getLogger(__name__)

TITLE, PLATFORM, START, END, REHEARSAL, ARCHIVED = range(6)
FADED_FG = QColor("#6e7681")


class ShowsDialog(QDialog):
    """Keys: Enter opens the selected show (or only closes the dialog if it is open already),
    F2 renames, Delete archives, Ctrl+N makes a new show."""

    show_saved = Signal(object)  # Show: created, renamed, duplicated, archived or unarchived

    def __init__(
        self,
        writer: DbWriter,
        queue_service: QueueService,
        db_path: Path | str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.queue_service = queue_service
        self.calls = WriterCalls(writer, self)
        self.shows: list[Show] = []
        self._form: ShowFormDialog | None = None
        self._confirm: QMessageBox | None = None
        self._pending = 0
        self._select_id = queue_service.show_id
        self.setWindowTitle(self.tr("Shows"))
        self.resize(960, 520)
        self.table = self._table()
        self.show_archived = QCheckBox(self.tr("S&how archived shows"))
        self.show_archived.toggled.connect(self.reload)
        self.new_button = self._button(self.tr("&New…"), self._on_new_clicked)
        self.rename_button = self._button(self.tr("&Rename…"), self._on_rename_clicked)
        self.duplicate_button = self._button(self.tr("&Duplicate…"), self._on_duplicate_clicked)
        self.archive_button = self._button(self.tr("Un&archive"), self._on_archive_clicked)
        # Wide enough for both words: the row of buttons must not jump as the selection moves.
        self.archive_button.setMinimumWidth(self.archive_button.sizeHint().width())
        self.open_button = self._button(self.tr("&Open"), self._on_open_clicked)
        self.open_button.setDefault(True)
        # Through the buttons, so a key does nothing that its disabled button would not do.
        self._shortcut(QKeySequence.StandardKey.New, self.new_button.click)
        self._shortcut(Qt.Key.Key_F2, self.rename_button.click)
        self._shortcut(Qt.Key.Key_Delete, self._on_delete_pressed)
        self.new_button.setToolTip(_key_name(QKeySequence.StandardKey.New))
        self.rename_button.setToolTip(_key_name(Qt.Key.Key_F2))
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.path = QLabel(str(db_path))  # where to find it for a backup: selectable to copy
        self.path.setObjectName("databasePath")
        self.path.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        for b in (self.new_button, self.rename_button, self.duplicate_button, self.archive_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.show_archived)
        actions.addWidget(self.open_button)
        footer = QHBoxLayout()
        footer.addWidget(QLabel(self.tr("Show database:")))
        footer.addWidget(self.path, 1)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        layout.addLayout(footer)
        self._update_buttons()
        self.reload()

    @property
    def form(self) -> ShowFormDialog | None:
        """The new / rename / duplicate form last opened, while it exists."""
        return self._form if self._form is not None and isValid(self._form) else None

    @property
    def confirm(self) -> QMessageBox | None:
        """The question before archiving the open show, while it exists."""
        return self._confirm if self._confirm is not None and isValid(self._confirm) else None

    def selected(self) -> Show | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shows[rows[0].row()] if rows else None

    def reload(self) -> None:
        self._run(list_shows, include_archived=self.show_archived.isChecked(), then=self._listed)

    # -- buttons ----------------------------------------------------------------------------
    def _on_new_clicked(self) -> None:
        self._open_form(ShowFormDialog(NEW, None, self), create_show)

    def _on_duplicate_clicked(self) -> None:
        show = self.selected()
        if show:
            self._open_form(ShowFormDialog(DUPLICATE, show, self), duplicate_show, show.id)

    def _on_rename_clicked(self) -> None:
        show = self.selected()
        if show:
            self._open_form(ShowFormDialog(RENAME, show, self), rename_show, show.id)

    def _on_archive_clicked(self) -> None:
        show = self.selected()
        if show is None:
            return
        if show.archived or show.id != self.queue_service.show_id:
            self._archive(show)
        else:  # it is the pre-selected row: one stray press must not archive the running show
            self._ask_before_archiving(show)

    def _on_delete_pressed(self) -> None:
        show = self.selected()
        if show is not None and not show.archived:  # Delete never unarchives
            self.archive_button.click()

    def _on_open_clicked(self) -> None:
        show = self.selected()
        if self._pending or show is None or show.archived:
            return
        # Opening the open show again would reload its queue and throw its undo away: Enter
        # right after this dialog appears (Open is the default) must only close it.
        if show.id != self.queue_service.show_id:
            self.queue_service.open_show(show.id)  # its failure reaches the main window
        self.accept()

    def _on_table_double_clicked(self, _index) -> None:
        self.open_button.click()  # the button's checks: nothing while an answer is awaited

    # -- the writer's answers -----------------------------------------------------------------
    def _listed(self, future: Future) -> None:
        if self._failed(future, None):
            return
        self.shows = future.result()
        self._fill()

    def _saved(self, future: Future, form: ShowFormDialog | None = None) -> None:
        if self._failed(future, form):
            return
        show = future.result()
        self._select_id = show.id
        if form is not None and isValid(form):
            form.accept()
        hidden = show.archived and not self.show_archived.isChecked()
        self._say(self.tr("“{0}” is archived.").format(show.title) if hidden else "")
        self.show_saved.emit(show)
        self.reload()

    def _failed(self, future: Future, form: ShowFormDialog | None) -> bool:
        error = future.exception()
        if error is None:
            return False
        if isinstance(error, ShowError):
            message = show_error(error.code)
        else:
            log.error("Show database call failed: %r", error)
            message = show_error("db_error")
        if form is not None and isValid(form) and form.isVisible():
            form.show_error(message)
        else:
            self._say(message, failed=True)
        if isinstance(error, ShowError) and error.code == "show_not_found":
            self.reload()
        return True

    # -- internals ----------------------------------------------------------------------------
    def _archive(self, show: Show) -> None:
        self._run(archive_show, show.id, not show.archived, then=self._saved)

    def _ask_before_archiving(self, show: Show) -> None:
        # open(), not exec(): no nested event loop, in which this dialog could be closed and
        # deleted under the question while the writer's answers keep arriving.
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Archive the open show?"), "", parent=self
        )
        box.setText(self.tr("“{0}” is open in the console now. Archive it?").format(show.title))
        box.setInformativeText(
            self.tr(
                "Its queue stays in the database. To find the show again, tick "
                "“Show archived shows” in this window."
            )
        )
        archive = box.addButton(self.tr("&Archive"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.buttonClicked.connect(lambda b: self._archive(show) if b is archive else None)
        box.finished.connect(box.deleteLater)
        self._confirm = box
        box.open()

    def _open_form(self, form: ShowFormDialog, fn, *args) -> None:
        def submit(values: dict) -> None:
            self._run(fn, *args, **values, then=lambda f: self._saved(f, form))

        self._form = form
        form.submitted.connect(submit)
        form.finished.connect(form.deleteLater)
        form.open()

    def _run(self, fn, *args, then, **kwargs) -> None:
        def done(future: Future) -> None:
            self._pending -= 1
            self._update_buttons()
            then(future)

        self._pending += 1
        self._update_buttons()
        self.calls.submit(fn, *args, then=done, **kwargs)

    def _say(self, text: str, failed: bool = False) -> None:
        say(self.status, text, failed)

    def _fill(self) -> None:
        keep = self._select_id  # refilling moves the selection on its way
        self.table.setRowCount(len(self.shows))
        bold = QFont()
        bold.setBold(True)
        for row, show in enumerate(self.shows):
            cells = (
                show.title,
                platform_name(show.platform),
                local_time(show.planned_start),
                local_time(show.planned_end),
                self.tr("Rehearsal") if show.rehearsal else "",
                self.tr("Archived") if show.archived else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if show.id == self.queue_service.show_id:
                    item.setFont(bold)
                    item.setToolTip(self.tr("Open in the console now"))
                if show.archived:
                    item.setForeground(QBrush(FADED_FG))
                self.table.setItem(row, col, item)
        self.table.setColumnHidden(ARCHIVED, not self.show_archived.isChecked())
        ids = [s.id for s in self.shows]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif ids:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        show = self.selected()
        idle = not self._pending
        self.new_button.setEnabled(idle)
        for b in (self.rename_button, self.duplicate_button, self.archive_button):
            b.setEnabled(idle and show is not None)
        archived = show is not None and show.archived
        self.archive_button.setText(self.tr("Un&archive") if archived else self.tr("&Archive"))
        self.archive_button.setToolTip("" if archived else _key_name(Qt.Key.Key_Delete))
        self.open_button.setEnabled(idle and show is not None and not show.archived)

    def _on_selection_changed(self) -> None:
        show = self.selected()
        if show is not None:
            self._select_id = show.id
        self._update_buttons()

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Title"),
                self.tr("Platform"),
                self.tr("Planned start"),
                self.tr("Planned end"),
                self.tr("Rehearsal"),
                self.tr("Archived"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._on_selection_changed)
        table.doubleClicked.connect(self._on_table_double_clicked)
        return table

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter opens the selected show, whatever has the focus
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys, slot) -> None:
        QShortcut(QKeySequence(keys), self).activated.connect(slot)


def _key_name(key) -> str:
    """The key as this system writes it, for a button's tooltip."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
