"""What the last preset recall did, one line per device: done with its time, failed with why
(red, bold), "…" while waiting (and "still moving…" for a PTZ camera past the deadline).
Under the presets list; filed under the PresetsPanel
translation context, where its words have always been."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from console.services.preset_service import DONE, FAILED, Recall, Step
from console.ui.preset_messages import device_text, reason_text

translate = QCoreApplication.translate
GLYPH, DEVICE, RESULT = range(3)
DONE_FG, FAILED_FG, PENDING_FG = QColor("#3fb950"), QColor("#f85149"), QColor("#8b949e")


class RecallSteps(QTreeWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("presetResult")
        self.setColumnCount(3)
        self.setHeaderLabels(
            ["", translate("PresetsPanel", "Device"), translate("PresetsPanel", "Result")]
        )
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(GLYPH, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DEVICE, QHeaderView.ResizeMode.ResizeToContents)

    def show_recall(self, recall: Recall | None) -> None:
        self.clear()
        for step in recall.steps if recall is not None else ():
            self._add_line(step)

    def _add_line(self, step: Step) -> None:
        item = QTreeWidgetItem(self)
        glyph, text, color = _look(step)
        item.setText(GLYPH, glyph)
        item.setText(DEVICE, device_text(step))
        item.setText(RESULT, text)
        item.setToolTip(RESULT, text)
        for column in (GLYPH, RESULT):
            item.setForeground(column, QBrush(color))
        if step.state == FAILED:
            font = QFont(item.font(RESULT))
            font.setBold(True)
            for column in (GLYPH, DEVICE, RESULT):
                item.setFont(column, font)


def _look(step: Step) -> tuple[str, str, QColor]:
    if step.state == DONE:
        text = translate("PresetsPanel", "done in {0} ms").format(round(step.ms or 0))
        return "✓", text, DONE_FG
    if step.state == FAILED:
        return "✗", reason_text(step.reason), FAILED_FG
    if step.reason:  # past the deadline: a PTZ camera still moving
        return "…", reason_text(step.reason), PENDING_FG
    return "…", "…", PENDING_FG
