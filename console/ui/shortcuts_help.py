"""F1: the console's keys over the whole window, for a glance mid-show. Any key or click closes
it. Built from the menus' actions, so a new menu shortcut is listed without extra work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QMainWindow, QWidget

COLUMNS = 2


class ShortcutsHelp(QWidget):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("shortcutsHelp")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.window_ = window
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(48, 32, 48, 32)
        self.grid.setHorizontalSpacing(24)
        window.installEventFilter(self)  # follow the window's size
        self.hide()

    def panel_keys(self) -> list[tuple[str, str]]:
        """Keys that belong to panels, not menus (where the focus is decides)."""
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString()
        return [
            ("1 … 9", self.tr("Switch to scene 1 … 9")),
            ("↑ ↓", self.tr("Queue: choose a product")),
            ("Enter", self.tr("Queue: start 讲解 on the chosen product")),
            ("N", self.tr("Queue: next product")),
            ("Esc", self.tr("Queue: stop 讲解")),
            ("S / K / T", self.tr("Queue: sold out / skip / to the top")),
            ("F2", self.tr("Queue: edit the live price or stock")),
            ("F / Shift+F", self.tr("Flash sale: start / end early")),
            (undo, self.tr("Undo the last queue action")),
            ("Enter / N / P", self.tr("Rundown: start / next / previous segment")),
            ("Alt+1 … Alt+6", self.tr("Cues: send a canned cue to the host")),
            ("F11", self.tr("Host view window: full screen on and off")),
        ]

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        for menu_action in self.window_.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu else ():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys:
                    rows.append((keys, action.text().replace("&", "").rstrip("…")))
        return self.panel_keys() + rows + [("F1", self.tr("Show or hide this list"))]

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        title = QLabel(self.tr("Keyboard shortcuts"))
        title.setObjectName("shortcutsTitle")
        self.grid.addWidget(title, 0, 0, 1, 2 * COLUMNS)
        rows = self.rows()
        per_column = -(-len(rows) // COLUMNS)
        for n, (keys, text) in enumerate(rows):
            column, row = divmod(n, per_column)
            key = QLabel(keys)
            key.setObjectName("shortcutKey")
            self.grid.addWidget(key, row + 1, 2 * column, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(QLabel(text), row + 1, 2 * column + 1)
        self.grid.setRowStretch(per_column + 1, 1)
        self.setGeometry(self.window_.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window_ and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.window_.rect())
        return False

    def keyPressEvent(self, event) -> None:
        self.hide()  # F1, Esc or any other key: back to work

    def mousePressEvent(self, event) -> None:
        self.hide()
