"""The show's checklist (开播检查清单), phase by phase: tick an item's box, double-click it or
press Space to check it (a single click only selects, to read its evidence); self-checks show
their state in colour with what they saw ("mic −18 dBFS peak, 3 s ago"). Edit mode adds,
removes, reorders and edits items; "Save as my template" makes this list the one every new
show starts from."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.checklist import PHASES, Checklist, ChecklistItem
from console.services.checklist_service import ChecklistService
from console.ui.checklist_item_dialog import ChecklistItemDialog
from console.ui.checklist_messages import (
    check_name,
    evidence_text,
    failure_text,
    local_time,
    phase_name,
)
from console.ui.style import set_look

ID_ROLE = Qt.ItemDataRole.UserRole
TEXT, REQUIRED, CHECK, WHO = range(4)
CHECK_WIDTH = 300  # the evidence column; its full text is in the tooltip
DONE_FG = QColor("#6e7681")
CHECK_KEY = Qt.Key.Key_Space


class ChecklistPanel(QWidget):
    def __init__(self, service: ChecklistService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.editing = False
        self.dialog: ChecklistItemDialog | None = None
        self._painting = False  # the rows are being set from the service, not by the user
        self._ticked: int | None = None  # the item whose box this mouse press ticked
        self.user = QLineEdit(service.user)
        self.user.setPlaceholderText(self.tr("your name"))
        self.user.textChanged.connect(self._on_user_text_changed)
        self.progress = QLabel()
        self.progress.setObjectName("checklistProgress")
        self.edit = QPushButton(self.tr("Edit"))
        self.edit.setCheckable(True)
        self.edit.toggled.connect(self._on_edit_toggled)
        self.save_template = QPushButton(self.tr("Save as my template"))
        self.save_template.setToolTip(self.tr("New shows start from this checklist"))
        self.save_template.clicked.connect(service.save_as_template)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Checked by")))
        top.addWidget(self.user)
        top.addStretch(1)
        top.addWidget(self.edit)
        top.addWidget(self.save_template)
        self.progress.setWordWrap(True)  # on a line of its own: the dock stays narrow

        self.tree = QTreeWidget()
        self.tree.setObjectName("checklistTree")
        self.tree.setWordWrap(True)  # long items wrap in a narrow dock
        self.tree.installEventFilter(self)  # Space checks (no back-reference: no cycle)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Item"), self.tr("Required"), self.tr("Self-check"), self.tr("Checked by")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (REQUIRED, WHO):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CHECK, CHECK_WIDTH)
        self.tree.itemPressed.connect(self._on_tree_item_pressed)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)

        self.add = QPushButton(self.tr("Add…"))
        self.add.clicked.connect(self._add)
        self.change = QPushButton(self.tr("Edit item…"))
        self.change.clicked.connect(self._edit_current)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove_current)
        self.up = QPushButton(self.tr("Move up"))
        self.up.clicked.connect(lambda: self._move_current(-1))
        self.down = QPushButton(self.tr("Move down"))
        self.down.clicked.connect(lambda: self._move_current(1))
        self.edit_bar = QWidget()
        bar = QHBoxLayout(self.edit_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.add, self.change, self.remove, self.up, self.down):
            bar.addWidget(button)
        bar.addStretch(1)
        self.edit_bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("checklistStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.edit_bar)
        layout.addWidget(self.status)

        self.rows: dict[int, QTreeWidgetItem] = {}
        self.state_labels: dict[int, QLabel] = {}
        self._phase_rows: dict[str, QTreeWidgetItem] = {}
        self._shape: tuple = ()
        service.changed.connect(self._on_service_changed)
        service.failed.connect(self._on_service_failed)
        service.template_saved.connect(self._on_service_template_saved)
        self._on_service_changed(service.checklist)

    def shortcuts(self) -> list[tuple[str, str]]:
        """This panel's keys for the F1 overlay: (key as this system writes it, what it does)."""
        key = QKeySequence(CHECK_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        return [(key, self.tr("Checklist: check or uncheck the selected item"))]

    # -- what the user does ------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if (
            watched is getattr(self, "tree", None)  # None while being torn down
            and event.type() == QEvent.Type.KeyPress
            and event.key() == CHECK_KEY
            and not event.modifiers()
        ):
            self.toggle_current()
            return True
        return super().eventFilter(watched, event)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(TEXT, ID_ROLE) if item is not None else None

    def current_phase(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        item_id = item.data(TEXT, ID_ROLE)
        if item_id is None:
            return next((p for p, row in self._phase_rows.items() if row is item), None)
        found = self.service.checklist.item(item_id)
        return found.phase if found else None

    def toggle_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.service.toggle(item_id)

    def _on_tree_item_pressed(self, _row: QTreeWidgetItem, _column: int) -> None:
        self._ticked = None  # a new click; a double-click's second press is not one

    def _on_tree_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        """The user ticked or cleared a box. The service decides: the box shows what it
        stores, so a refused check (no name) leaves the box as it was."""
        item_id = row.data(TEXT, ID_ROLE)
        if self._painting or column != TEXT or item_id is None:
            return
        item = self.service.checklist.item(item_id)
        wanted = row.checkState(TEXT) == Qt.CheckState.Checked
        self._show_check(row, item is not None and item.checked)
        if item is not None and wanted != item.checked:
            self._ticked = item_id
            self.service.toggle(item_id)

    def _on_tree_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        item_id = item.data(TEXT, ID_ROLE)
        if item_id is None:
            return
        if self.editing:
            self._edit_current()
            return
        if self._ticked == item_id:
            return  # the double-click's first click was on the box and has ticked it
        self.service.toggle(item_id)

    def _on_user_text_changed(self, text: str) -> None:
        self.service.user = text.strip()

    def _on_edit_toggled(self, on: bool) -> None:
        self.editing = on
        self.edit_bar.setVisible(on)

    def _add(self) -> None:
        self._open_dialog(None)

    def _edit_current(self) -> None:
        item_id = self.current_id()
        item = self.service.checklist.item(item_id) if item_id is not None else None
        if item is not None:
            self._open_dialog(item)

    def _open_dialog(self, item: ChecklistItem | None) -> None:
        dialog = ChecklistItemDialog(self.service.evidence(), item, self.current_phase(), self)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_accepted(self, dialog: ChecklistItemDialog) -> None:
        values = dialog.values()
        if dialog.item is None:
            self.service.add_item(**values)
            return
        old = dialog.item
        changes = {k: v for k, v in values.items() if getattr(old, k) != v}
        if changes:
            self.service.edit_item(old.id, **changes)

    def _remove_current(self) -> None:
        item_id = self.current_id()
        if item_id is not None:
            self.service.remove_item(item_id)

    def _move_current(self, step: int) -> None:
        item_id = self.current_id()
        item = self.service.checklist.item(item_id) if item_id is not None else None
        if item is None:
            return
        siblings = [i.id for i in self.service.checklist.in_phase(item.phase)]
        to = siblings.index(item_id) + step
        if 0 <= to < len(siblings):
            self.service.move_item(item_id, to)

    # -- from the service --------------------------------------------------------------------
    def _on_service_failed(self, action: str, code: str) -> None:
        self.status.setText(failure_text(action, code))

    def _on_service_template_saved(self, _path: str) -> None:
        self.status.setText(self.tr("Saved as your template: new shows start from this list."))

    @contextmanager
    def _from_service(self) -> Iterator[None]:
        """Rows set from here are the service's, not a user's tick (itemChanged says both)."""
        painting, self._painting = self._painting, True
        try:
            yield
        finally:
            self._painting = painting

    def _on_service_changed(self, checklist: Checklist) -> None:
        with self._from_service():
            self._show(checklist)

    def _show(self, checklist: Checklist) -> None:
        shape = tuple((i.id, i.phase) for i in checklist.items)
        if shape != self._shape:
            self._rebuild(checklist)
            self._shape = shape
        for item in checklist.items:
            self._show_item(checklist, item)
        for phase, row in self._phase_rows.items():
            items = checklist.in_phase(phase)
            done = sum(checklist.done(i) for i in items)
            row.setText(
                TEXT,
                self.tr("{phase} ({done}/{total})").format(
                    phase=phase_name(phase), done=done, total=len(items)
                ),
            )
        open_items = len(checklist.open_required())
        if not checklist.items:
            self.progress.setText("")
        elif open_items:
            self.progress.setText(
                self.tr("{count} required before going live still open").format(count=open_items)
            )
        else:
            self.progress.setText(self.tr("Ready to go live"))
        set_look(self.progress, "state", "failed" if open_items else "ok")

    def _rebuild(self, checklist: Checklist) -> None:
        keep = self.current_id()
        self.tree.clear()
        self.rows, self.state_labels, self._phase_rows = {}, {}, {}
        bold = QFont()
        bold.setBold(True)
        for phase in PHASES:
            header = QTreeWidgetItem(self.tree)
            header.setFirstColumnSpanned(True)
            header.setFont(TEXT, bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self._phase_rows[phase] = header
            for item in checklist.in_phase(phase):
                row = QTreeWidgetItem(self.tree)
                row.setData(TEXT, ID_ROLE, item.id)
                # The box is the user's; what it shows is the service's (who checked, when).
                row.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                self.rows[item.id] = row
                label = QLabel()
                label.setObjectName("checkState")
                self.state_labels[item.id] = label
                self.tree.setItemWidget(row, CHECK, label)
        if keep in self.rows:
            self.tree.setCurrentItem(self.rows[keep])

    def _show_check(self, row: QTreeWidgetItem, checked: bool) -> None:
        with self._from_service():
            row.setCheckState(TEXT, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _show_item(self, checklist: Checklist, item: ChecklistItem) -> None:
        row = self.rows[item.id]
        result = checklist.result(item.id)
        done = checklist.done(item)
        row.setText(TEXT, item.text)
        row.setCheckState(TEXT, Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked)
        row.setText(REQUIRED, self.tr("Required") if item.required else "")
        row.setText(WHO, f"{item.checked_by} {local_time(item.checked_at)}" if item.checked else "")
        brush = QBrush(DONE_FG) if done else QBrush()
        for column in (TEXT, REQUIRED, WHO):
            row.setForeground(column, brush)
        if item.checked:
            tip = self.tr("Checked by {who} at {when}").format(
                who=item.checked_by, when=local_time(item.checked_at, with_date=True)
            )
        else:
            tip = self.tr("Not checked yet")
        if item.auto_check:
            tip += "\n" + self.tr("Self-check: {name}").format(name=check_name(item.auto_check))
        for column in (TEXT, REQUIRED, WHO):
            row.setToolTip(column, f"{item.text}\n{tip}")
        label = self.state_labels[item.id]
        if result is None:
            label.setText("")
            set_look(label, "state", "")
        else:
            words = evidence_text(result)
            label.setText("● " + words)
            label.setToolTip(f"{words}\n{tip}")
            set_look(label, "state", result.state)
