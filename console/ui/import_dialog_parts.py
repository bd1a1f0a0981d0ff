"""The parts the file import dialogs (catalog, platform stats) build alike: the file row,
the status line with Close and Import, the read-only preview table, a box listing the rows
with problems, the file chooser. Texts come from the caller, so each dialog keeps its own
translation context."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def file_row(
    intro: str, choose_text: str, on_choose: Callable
) -> tuple[QLabel, QPushButton, QHBoxLayout]:
    """What to choose, worded (the chosen file's path replaces it), and the button that
    chooses; returns (the label, the button, their row)."""
    label = QLabel(intro)
    label.setWordWrap(True)
    button = QPushButton(choose_text)
    button.clicked.connect(on_choose)
    row = QHBoxLayout()
    row.addWidget(label, 1)
    row.addWidget(button)
    return label, button, row


def status_and_buttons(
    layout: QVBoxLayout, import_text: str, on_import: Callable, on_close: Callable
) -> tuple[QLabel, QPushButton, QPushButton]:
    """Add the status line (#dialogStatus) and the Close and Import buttons under `layout`;
    returns (status line, Close, Import)."""
    message = QLabel()
    message.setObjectName("dialogStatus")
    message.setWordWrap(True)
    layout.addWidget(message)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
    import_button = buttons.addButton(import_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.accepted.connect(on_import)
    buttons.rejected.connect(on_close)
    layout.addWidget(buttons)
    return message, close_button, import_button


def preview_table(model: QAbstractItemModel) -> QTableView:
    """The file's first rows as read: not editable, one line per row."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    return view


def fit_columns(view: QTableView, max_px: int) -> None:
    """Columns as wide as their contents, but none wider than max_px (a long cell would push
    the others out of sight)."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        view.setColumnWidth(column, min(view.columnWidth(column), max_px))


def list_box(title: str, model: QStringListModel) -> QGroupBox:
    """A titled, read-only list of sentences (rows with problems, outcomes)."""
    group = QGroupBox(title)
    view = QListView()
    view.setModel(model)
    view.setUniformItemSizes(True)  # else the view words every item to measure it
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    QVBoxLayout(group).addWidget(view)
    return group


def ask_file(parent: QWidget, title: str, filters: str) -> str:
    """The file the user chose to import; "" when they cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path
