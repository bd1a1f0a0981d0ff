"""The presets dock's list: one row a preset, the keyed ones first in key order (row n is
Ctrl+n as far as it goes), each with a big Recall button, its key, its name and what it sets;
the preset recalled last stands out in the colour of its result. Double-click recalls. Filed
under the PresetsPanel translation context, where its words have always been."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from console.core.presets import Preset
from console.services.preset_service import Recall
from console.ui.preset_messages import summary
from console.ui.recall_steps import DONE_FG, FAILED_FG

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole
RECALL, KEY, NAME, SUMMARY = range(4)


class PresetList(QTreeWidget):
    def __init__(self, preset_service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = preset_service
        self.setObjectName("presetList")
        self.setColumnCount(4)
        self.setHeaderLabels(
            [
                "",
                translate("PresetsPanel", "Key"),
                translate("PresetsPanel", "Preset"),
                translate("PresetsPanel", "Sets"),
            ]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(True)
        for column in (RECALL, KEY, NAME):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.itemDoubleClicked.connect(self._on_item_double_clicked)

    def selected_id(self) -> int | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(NAME, ID_ROLE)

    def show_presets(self, presets: list[Preset], chosen: int | None) -> None:
        """The presets in the order given; chosen (an id) stays chosen, else the first row."""
        self.clear()
        for preset in presets:
            self._add_row(preset)
        if chosen is not None:
            self.select(chosen)
        if self.currentItem() is None and self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def _add_row(self, preset: Preset) -> None:
        item = QTreeWidgetItem(self)
        item.setData(NAME, ID_ROLE, preset.id)
        item.setText(KEY, f"Ctrl+{preset.hotkey}" if preset.hotkey else "")
        item.setText(NAME, preset.name)
        font = QFont(item.font(NAME))
        font.setBold(True)
        item.setFont(NAME, font)
        text = summary(preset)
        item.setText(SUMMARY, text)
        item.setToolTip(SUMMARY, text)
        button = QPushButton(translate("PresetsPanel", "Recall"))
        button.setObjectName("presetRecall")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(88, 34)
        font = QFont(button.font())
        font.setBold(True)
        button.setFont(font)
        button.setToolTip(translate("PresetsPanel", "Recall “{0}”").format(preset.name))
        button.clicked.connect(partial(self.service.recall, preset.id, "button"))
        self.setItemWidget(item, RECALL, button)

    def select(self, preset_id: int | None) -> None:
        for n in range(self.topLevelItemCount()):
            item = self.topLevelItem(n)
            if item.data(NAME, ID_ROLE) == preset_id:
                self.setCurrentItem(item)
                return

    def mark_recalled(self, recall: Recall | None) -> None:
        """The preset last recalled stands out, in the colour of its result."""
        for n in range(self.topLevelItemCount()):
            item = self.topLevelItem(n)
            if recall is not None and item.data(NAME, ID_ROLE) == recall.preset.id:
                color = FAILED_FG if recall.failed else DONE_FG
                item.setForeground(NAME, QBrush(color))
                item.setToolTip(NAME, translate("PresetsPanel", "Recalled last"))
            else:
                item.setData(NAME, Qt.ItemDataRole.ForegroundRole, None)
                item.setToolTip(NAME, "")

    def _on_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.service.recall(item.data(NAME, ID_ROLE), "button")
