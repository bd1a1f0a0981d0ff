"""The rundown (run of show, 流程): the running segment's time left, large and coloured by how
much is left, and the segments with their planned and actual times. Keyboard first. Running
keys work wherever the focus is in the console's window (they differ from the queue's Enter, N
and Esc, so the focus never decides which list a key moves): Ctrl+Shift+Enter start (the
chosen segment), Ctrl+Shift+→ next, Ctrl+Shift+← previous. Stop has no key: its button asks
first. On the list: Insert add, F2 (or double-click) edit, Ctrl+D duplicate, Delete remove,
Ctrl+↑/↓ move (or drag). The buttons take no focus, so a click leaves the keys where they
were."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.rundown import Rundown, RundownStatus, Segment, duration_text, parse_duration
from console.reports.format import clock_pattern
from console.services.rundown_service import RundownService
from console.ui.drag_reorder import DragReorderModel
from console.ui.style import set_look

ROOT = QModelIndex()
NUM, TITLE, PLANNED, PRODUCTS, START, END, ACTUAL, DIFF = range(8)
RUNNING_BG, OVER_FG, UNDER_FG = QColor("#1f4e79"), QColor("#f85149"), QColor("#3fb950")
SKIPPED_FG = QColor("#8b949e")
TICK_MS = 200


def _clock_time(iso: str | None) -> str:
    moment = QDateTime.fromString(iso or "", Qt.DateFormat.ISODate)
    if not moment.isValid():
        return ""
    return QLocale().toString(moment.toLocalTime().time(), clock_pattern())


def _key_text(shortcut: QShortcut) -> str:
    return shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)


def _signed(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return ("+" if seconds > 0 else "") + duration_text(seconds)


class _RundownModel(DragReorderModel):
    mime_type = "application/x-livedesk-rundown-segment"

    def __init__(self, panel: RundownPanel):
        super().__init__(panel)
        self.panel = panel
        self.segments: tuple[Segment, ...] = ()
        self.skipped: frozenset[int] = frozenset()
        self.now_ns = 0

    def set_rundown(self, rundown: Rundown) -> None:
        self.beginResetModel()  # a few dozen rows, never edited in place
        self.segments = rundown.segments
        self.skipped = rundown.skipped()
        self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.panel.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        s, col = self.segments[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NUM:
                return str(index.row() + 1)
            if col == TITLE:
                return s.title
            if col == PLANNED:
                return duration_text(s.planned_s)
            if col == PRODUCTS:
                return self.panel.link_numbers(s.item_ids)
            if col in (START, END):
                return _clock_time(s.start_wall if col == START else s.end_wall)
            if col == ACTUAL and s.id in self.skipped:
                return self.panel.skipped_text
            actual = s.actual_s(self.now_ns)
            if col == ACTUAL:
                return "" if actual is None else duration_text(actual)
            return _signed(s.over_under_s(self.now_ns))
        if role == Qt.ItemDataRole.ToolTipRole and col == TITLE and s.notes:
            return s.notes
        if role == Qt.ItemDataRole.BackgroundRole and s.running:
            return QBrush(RUNNING_BG)
        if role == Qt.ItemDataRole.FontRole and s.running:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and s.id in self.skipped:
            return QBrush(SKIPPED_FG)
        if role == Qt.ItemDataRole.ForegroundRole and col == DIFF:
            diff = s.over_under_s(self.now_ns)
            if diff:
                return QBrush(OVER_FG if diff > 0 else UNDER_FG)
        return None

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled

    # drag to reorder (DragReorderModel)
    def row_ids(self) -> list[int]:
        return [x.id for x in self.segments]

    def move_row(self, row_id: int, to_index: int) -> None:
        self.panel.service.move_segment(row_id, to_index)


class _SegmentDialog(QDialog):
    """Title, planned duration (as people write it), 话术, and products from the queue. Not
    modal: the assistant edits the script mid-show while 讲解 and cues go on."""

    def __init__(self, parent: QWidget, queue_items, segment: Segment | None, presets=()):
        super().__init__(parent)
        self.setModal(False)
        self.setWindowTitle(self.tr("Edit segment") if segment else self.tr("New segment"))
        self.title = QLineEdit(segment.title if segment else "")
        self.duration = QLineEdit(duration_text(segment.planned_s) if segment else "")
        self.duration.setPlaceholderText(self.tr("5, 5分钟, 5:00 or 90秒"))
        self.notes = QPlainTextEdit(segment.notes if segment else "")
        self.notes.setTabChangesFocus(True)
        self.products = QListWidget()
        linked = set(segment.item_ids) if segment else set()
        for item in queue_items:
            row = QListWidgetItem(f"{item.link_no or '—'}  {item.name}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setCheckState(
                Qt.CheckState.Checked if item.id in linked else Qt.CheckState.Unchecked
            )
            self.products.addItem(row)
        self.look = QComboBox()  # the preset recalled when the segment starts
        self.look.addItem(self.tr("No preset"), None)
        for preset in presets:
            self.look.addItem(preset.name, preset.id)
        self.look.setCurrentIndex(
            max(0, self.look.findData(segment.preset_id if segment else None))
        )
        self.error = QLabel()
        self.error.setObjectName("segmentDialogError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter: OK
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Planned duration"), self.duration)
        form.addRow(self.tr("Script (话术)"), self.notes)
        form.addRow(self.tr("Products"), self.products)
        form.addRow(self.tr("Preset at the start"), self.look)
        form.addRow(self.error)
        form.addRow(buttons)
        self.planned_s: int | None = None

    def accept(self) -> None:
        self.planned_s = parse_duration(self.duration.text())
        if not self.title.text().strip():
            self.error.setText(self.tr("Give the segment a title."))
        elif self.planned_s is None:
            self.error.setText(self.tr("Write the duration as 5, 5分钟, 5:00 or 90秒."))
        else:
            super().accept()

    def values(self) -> dict:
        rows = (self.products.item(n) for n in range(self.products.count()))
        return {
            "title": self.title.text().strip(),
            "planned_s": self.planned_s,
            "notes": self.notes.toPlainText(),
            "item_ids": [
                r.data(Qt.ItemDataRole.UserRole)
                for r in rows
                if r.checkState() == Qt.CheckState.Checked
            ],
            "preset_id": self.look.currentData(),
        }


class RundownPanel(QWidget):
    def __init__(self, service: RundownService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.headers = (
            "#",
            self.tr("Segment"),
            self.tr("Planned"),
            self.tr("Links"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Actual"),
            self.tr("+/−"),
        )
        self.skipped_text = self.tr("Skipped")  # jumped over: out of the plan that is left
        self.dialog: _SegmentDialog | None = None
        self.presets = lambda: ()  # the presets a segment may recall (set by the console)
        self.file_dialog: QFileDialog | None = None
        self.error_box: QMessageBox | None = None
        self.stop_box: QMessageBox | None = None
        self._links_of, self._links = None, {}
        self.model = _RundownModel(self)
        self.table = self._table()
        self._shortcuts: list[tuple[QShortcut, str]] = []
        self._keys()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._clock_area())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.message = QLabel()
        self.message.setObjectName("rundownMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._running: int | None = None
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._show_time)
        self._tick.start()
        service.changed.connect(self._on_service_changed)
        service.failed.connect(self._on_service_failed)
        service.imported.connect(self._on_service_imported)
        self._on_service_changed(service.rundown)

    # -- building ---------------------------------------------------------------------------
    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDragDropOverwriteMode(False)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        return table

    def _clock_area(self) -> QVBoxLayout:
        self.rehearsal = QLabel(self.tr("REHEARSAL"))
        self.rehearsal.setObjectName("rehearsalBadge")
        self.segment = QLabel()
        self.segment.setObjectName("rundownSegment")
        self.clock = QLabel()
        self.clock.setObjectName("rundownClock")
        self.next_label = QLabel()
        self.show_label = QLabel()
        self.show_label.setObjectName("rundownShow")
        top = QHBoxLayout()
        top.addWidget(self.rehearsal)
        top.addWidget(self.segment, 1)
        top.addWidget(self.clock)
        box = QVBoxLayout()
        box.addLayout(top)
        box.addWidget(self.next_label)
        box.addWidget(self.show_label)
        return box

    def _buttons(self) -> QVBoxLayout:
        s = self.service
        run = [
            (self.tr("Start", "run a segment"), self.start_selected, self.start_key),
            (self.tr("Previous"), s.previous, self.previous_key),
            (self.tr("Next"), s.next, self.next_key),
            (self.tr("Stop…"), self.ask_stop, None),
        ]
        plan = [
            (self.tr("Add…"), self.add, None),
            (self.tr("Edit…"), self.edit_selected, None),
            (self.tr("Duplicate"), self._on_selected(s.duplicate_segment), None),
            (self.tr("Remove"), self._on_selected(s.remove_segment), None),
            (self.tr("Import CSV…"), self.choose_file, None),
        ]
        box = QVBoxLayout()
        self.buttons: list[QPushButton] = []
        for buttons in (run, plan):
            row = QHBoxLayout()
            for text, slot, shortcut in buttons:
                button = self._button(text, slot)
                if shortcut is not None:
                    button.setToolTip(_key_text(shortcut))
                row.addWidget(button)
            row.addStretch(1)
            box.addLayout(row)
        self.stop_button = self.buttons[3]
        self.reset_button = self._button(self.tr("Reset the rehearsal"), s.reset)
        box.itemAt(0).layout().addWidget(self.reset_button)  # both rows about as wide
        return box

    def _button(self, text: str, slot) -> QPushButton:
        """A button that leaves the focus where it was: the list keeps its keys, and Space
        never presses the button again."""
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.buttons.append(button)
        return button

    def _keys(self) -> None:
        s, window, table = self.service, Qt.ShortcutContext.WindowShortcut, self.table
        self.start_key = self._shortcut(
            ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
            self.start_selected,
            self.tr("Rundown: start the chosen segment (or the next one)"),
            self,
            window,
        )
        self.next_key = self._shortcut(
            ("Ctrl+Shift+Right",), s.next, self.tr("Rundown: next segment"), self, window
        )
        self.previous_key = self._shortcut(
            ("Ctrl+Shift+Left",),
            s.previous,
            self.tr("Rundown: back to the previous segment"),
            self,
            window,
        )
        local = Qt.ShortcutContext.WidgetShortcut
        for keys, slot, text in (
            ("Insert", self.add, self.tr("Rundown list: add a segment")),
            ("F2", self.edit_selected, self.tr("Rundown list: edit the segment")),
            (
                "Ctrl+D",
                self._on_selected(s.duplicate_segment),
                self.tr("Rundown list: duplicate the segment"),
            ),
            (
                "Del",
                self._on_selected(s.remove_segment),
                self.tr("Rundown list: remove the segment"),
            ),
            ("Ctrl+Up", self._move_selected(-1), self.tr("Rundown list: move the segment up")),
            (
                "Ctrl+Down",
                self._move_selected(+1),
                self.tr("Rundown list: move the segment down"),
            ),
        ):
            self._shortcut((keys,), slot, text, table, local)

    def _shortcut(self, keys, slot, text: str, parent: QWidget, context) -> QShortcut:
        shortcut = QShortcut(parent)
        shortcut.setKeys([QKeySequence(k) for k in keys])
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        self._shortcuts.append((shortcut, text))
        return shortcut

    def shortcuts(self) -> list[tuple[str, str]]:
        """(key, what it does) for every key of the panel, for the F1 list: the running keys
        (anywhere in the window) first, then the list's (with the rundown list focused)."""
        return [(_key_text(shortcut), text) for shortcut, text in self._shortcuts]

    # -- actions ----------------------------------------------------------------------------
    def selected(self) -> Segment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.segments[rows[0].row()] if rows else None

    def _on_selected(self, action):
        def run():
            segment = self.selected()
            if segment is not None:
                action(segment.id)

        return run

    def _move_selected(self, step: int):
        def run():
            segment = self.selected()
            if segment is not None:
                to = self.model.segments.index(segment) + step
                self.service.move_segment(segment.id, max(0, to))

        return run

    def start_selected(self) -> None:
        """The chosen segment, or the next one to play: with none chosen, or when the chosen
        one has been played and none runs (after Stop the selection stays on the stopped one)."""
        segment = self.selected()
        if segment is not None and segment.end_ns is not None and not self.service.rundown.running:
            segment = None
        self.service.start(segment.id if segment else None)

    def ask_stop(self) -> None:
        """Stop the running segment, after asking: a stop mid-show is seldom meant."""
        running = self.service.rundown.running
        if running is None:
            self.service.stop()  # says that none runs
            return
        if self.stop_box is not None:
            self.stop_box.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop the segment"),
            self.tr("Stop “{0}”?").format(running.title),
            parent=self,
        )
        box.setInformativeText(
            self.tr("The show's clock runs on; Start or Next goes on with the next segment.")
        )
        stop = box.addButton(self.tr("Stop"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.buttonClicked.connect(
            lambda button: self._on_stop_box_clicked(button is stop, running.id)
        )
        self.stop_box = box
        box.open()

    def _on_stop_box_clicked(self, confirmed: bool, segment_id: int) -> None:
        running = self.service.rundown.running
        if confirmed and running is not None and running.id == segment_id:
            self.service.stop()

    def add(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        segment = self.selected()
        if segment is not None:
            self._open_dialog(segment)

    def _open_dialog(self, segment: Segment | None) -> None:
        """Not modal (the console runs on while the script is edited), one at a time: an open
        one is brought to the front instead."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        queue = self.service.queue_service.queue.items
        dialog = self.dialog = _SegmentDialog(self, queue, segment, self.presets())
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog, segment))
        dialog.show()

    def _on_dialog_accepted(self, dialog: _SegmentDialog, segment: Segment | None) -> None:
        values = dialog.values()
        if segment is None:
            chosen = self.selected()
            at = self.model.segments.index(chosen) + 1 if chosen else None
            self.service.add_segment(index=at, **values)
        else:
            self.service.edit_segment(segment.id, **values)
        self.table.setFocus()

    def choose_file(self) -> None:
        if self.file_dialog is not None:
            self.file_dialog.deleteLater()
        self.file_dialog = QFileDialog(
            self, self.tr("Import a rundown"), "", self.tr("Rundown (*.csv *.xlsx)")
        )
        self.file_dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.file_dialog.fileSelected.connect(self.service.import_csv)
        self.file_dialog.open()

    # -- showing ----------------------------------------------------------------------------
    def link_numbers(self, item_ids) -> str:
        queue = self.service.queue_service.queue
        if queue is not self._links_of:  # queues are values: a new one may have new items
            self._links_of, self._links = queue, {i.id: i.link_no for i in queue.items}
        return ", ".join(self._links.get(i) or "?" for i in item_ids)

    def _show_time(self) -> None:
        """On the 200 ms tick only: the clock, the show line and the running row."""
        now = self.service.clock()
        self.model.now_ns = now
        status = self.service.status()
        self._show_status(status)
        if status.segment_index is not None and status.segment_index < self.model.rowCount():
            row = status.segment_index
            self.model.dataChanged.emit(self.model.index(row, ACTUAL), self.model.index(row, DIFF))

    def _show_status(self, s: RundownStatus) -> None:
        if s.segment_title is None:
            self.segment.setText(self.tr("Not running") if self.model.segments else "")
            self.clock.setText("--:--")
        else:
            self.segment.setText(s.segment_title)
            self.clock.setText(duration_text(s.segment_remaining_s))
        set_look(self.clock, "level", s.level)
        self.next_label.setText(self.tr("Next: {0}").format(s.next_title) if s.next_title else "")
        lag = duration_text(abs(s.show_over_under_s))
        if s.show_over_under_s > 0:
            plan = self.tr("{0} behind the plan").format(lag)
        elif s.show_over_under_s < 0:
            plan = self.tr("{0} ahead of the plan").format(lag)
        else:
            plan = self.tr("on plan")
        started = s.show_elapsed_s or s.segment_title is not None
        text = self.tr("Show {0} · {1}").format(duration_text(s.show_elapsed_s), plan)
        self.show_label.setText(text if started else "")
        set_look(self.show_label, "behind", s.show_over_under_s > 0)

    def _on_service_changed(self, rundown: Rundown) -> None:
        keep, row_before = self.selected(), self.table.currentIndex().row()
        keep_id = keep.id if keep else None
        old_ids = {s.id for s in self.model.segments}
        new = [s.id for s in rundown.segments if s.id not in old_ids]
        if len(new) == 1 and old_ids:  # added or duplicated: go on from there
            keep_id = new[0]
        running = rundown.running.id if rundown.running else None
        if running is not None and running != self._running:
            keep_id = running  # the selection follows the running segment
        self._running = running
        self.message.clear()  # an earlier refusal is old news after a change
        self.model.now_ns = self.service.clock()
        self.model.set_rundown(rundown)
        self.rehearsal.setVisible(rundown.rehearsal)
        self.reset_button.setVisible(rundown.rehearsal)
        ids = [s.id for s in rundown.segments]
        if keep_id in ids:
            self.table.selectRow(ids.index(keep_id))
        elif ids:  # the chosen one was removed: its neighbour, so Delete can go on
            self.table.selectRow(min(max(row_before, 0), len(ids) - 1))
        self._show_time()

    def _on_service_failed(self, action: str, code: str) -> None:
        self.message.setText(self._reason(code))

    def _on_service_imported(self, count: int, errors) -> None:
        if not errors:
            self.message.setText(self.tr("Imported %n segment(s).", "", count))
            return
        self.message.setText(self.tr("Nothing imported: the file has mistakes."))
        if self.error_box is not None:
            self.error_box.deleteLater()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import a rundown"), "", parent=self)
        box.setText(self.tr("Nothing was imported. Correct these lines and import again:"))
        box.setDetailedText("\n".join(self._row_error(e) for e in errors))
        box.setInformativeText("\n".join(self._row_error(e) for e in errors[:10]))
        box.open()
        self.error_box = box

    def _row_error(self, e) -> str:
        reasons = {
            "missing_title_column": self.tr("no segment column (such as 环节 or title)"),
            "missing_duration_column": self.tr("no duration column (such as 时长 or duration)"),
            "duplicate_column": self.tr("the column {0} repeats another one; keep one"),
            "missing_title": self.tr("no segment title"),
            "bad_duration": self.tr("“{0}” is not a duration (write 5, 5分钟, 5:00 or 90秒)"),
            "unknown_link": self.tr("link number {0} is not in this show's queue"),
        }
        reason = reasons.get(e.code, e.code).format(e.value)
        return self.tr("line {0}: {1}").format(e.line, reason)

    def _reason(self, code: str) -> str:
        return {
            "no_show": self.tr("Open a show first."),
            "no_segments": self.tr(
                "The rundown has no segments yet: add one (Insert) or import a file."
            ),
            "nothing_to_start": self.tr("Every segment has been played."),
            "already_played": self.tr("That segment has been played already."),
            "not_running": self.tr("No segment is running."),
            "nothing_to_reopen": self.tr("No segment has been played yet."),
            "segment_running": self.tr("Stop the running segment first."),
            "segment_played": self.tr(
                "A played segment stays: it is the show's planned-vs-actual record."
            ),
            "not_rehearsal": self.tr("Only a rehearsal's times can be reset."),
            "title_empty": self.tr("Give the segment a title."),
            "duration_out_of_range": self.tr("A segment lasts from 1 second to 12 hours."),
            "no_such_segment": self.tr("That segment is no longer in the rundown."),
            "db_error": self.tr("Could not save to the show database (see the log)."),
            "not_found": self.tr("The file does not exist."),
            "empty": self.tr("The file is empty."),
            "no_rows": self.tr("The file has a header row but no segments."),
            "bad_csv": self.tr("A quotation mark in the file is not closed."),
            "unknown_encoding": self.tr("Save the file as CSV UTF-8 and import it again."),
        }.get(code, self.tr("Not done ({0}).").format(code))
