"""Camera sources or mic inputs in Settings ▸ Devices: OBS names, picked from OBS's list or
typed, edited in place in the page's draft (F2 renames, Delete removes, Enter in the name box
adds, and only adds: the key never reaches the dialog's OK). The page fills the choices and the
note from OBS and marks the rows with problems. Filed under DevicesPage's translation context,
where its words have always been."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.ui.device_section import PROBLEM_BACK

translate = QCoreApplication.translate


class NameListTab(QWidget):
    edited = Signal()  # a name added, renamed or removed

    def __init__(self, kind: str, names: list[str], parent: QWidget | None = None):
        """names: the page's draft list of this kind, edited in place."""
        super().__init__(parent)
        self.kind, self.names = kind, names
        self.list = QListWidget()
        self.choice = QComboBox()
        self.add = QPushButton(translate("DevicesPage", "&Add"))
        self.remove = QPushButton(translate("DevicesPage", "&Remove"))
        self.note = QLabel()
        self.problems = QLabel()
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.lineEdit().setPlaceholderText(
            translate("DevicesPage", "Pick one of OBS's inputs or type a name")
        )
        # Return would also press the dialog's default button (OK: save and close); the box
        # takes it, from the combo or its line edit, whichever has the focus.
        self.choice.installEventFilter(self)
        self.choice.lineEdit().installEventFilter(self)
        self.choice.currentTextChanged.connect(lambda _: self._enable_buttons())
        self.add.clicked.connect(self._add_name)
        self.remove.clicked.connect(self._remove_name)
        self.list.currentRowChanged.connect(lambda _: self._enable_buttons())
        self.list.itemChanged.connect(self._on_name_edited)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove_name)
        self.note.setWordWrap(True)
        self.problems.setObjectName("dialogStatus")
        self.problems.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.add)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        choice = getattr(self, "choice", None)  # None while being torn down
        if (
            choice is not None
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and watched in (choice, choice.lineEdit())
        ):
            self._add_name()
            return True
        return super().eventFilter(watched, event)

    def fill(self, select: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for text in self.names:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)  # F2 renames
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(select, self.list.count() - 1))
        self._enable_buttons()

    def set_choices(self, choices: list[str]) -> None:
        """OBS's names to pick from; what is being typed stays."""
        combo = self.choice
        if [combo.itemText(i) for i in range(combo.count())] == choices:
            return  # OBS changed something else: leave what is being typed alone
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(choices)
        combo.setCurrentText(typed)
        combo.blockSignals(False)
        self._enable_buttons()

    def mark(self, rows: dict[int, list[str]]) -> None:
        """Mark the rows with problems: red, the problems as tooltip."""
        self.list.blockSignals(True)  # marking is no rename (itemChanged)
        for row in range(self.list.count()):
            item = self.list.item(row)
            texts = rows.get(row)
            item.setBackground(QBrush(PROBLEM_BACK) if texts else QBrush())
            item.setToolTip("\n".join(texts or []))
        self.list.blockSignals(False)

    def _enable_buttons(self) -> None:
        text = self.choice.currentText().strip()
        self.add.setEnabled(bool(text) and text not in self.names)
        self.remove.setEnabled(self.list.currentRow() >= 0)

    def _add_name(self) -> None:
        text = self.choice.currentText().strip()
        if not text or text in self.names:
            return
        self.names.append(text)
        self.fill(len(self.names) - 1)
        self.choice.setCurrentText("")
        self.edited.emit()

    def _remove_name(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.names):
            return
        del self.names[row]
        self.fill(row)
        self.edited.emit()

    def _on_name_edited(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.names):
            self.names[row] = item.text().strip()
            self.edited.emit()
