"""F1: the console's keys over the whole window, for a glance mid-show. Any key or click closes
it. Built from the menus' actions, so a new menu shortcut is listed without extra work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
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
        self.hide()

    def fixed_keys(self) -> list[tuple[str, str]]:
        """Keys that are not shortcuts of their own (the views' built-in keys)."""
        return [
            ("1 … 9", self.tr("Switch to scene 1 … 9")),
            ("↑ ↓", self.tr("Queue: choose a product")),
            ("F2", self.tr("Edit the selected cell (price, stock, segment)")),
        ]

    def rows(self) -> list[tuple[str, str]]:
        """The fixed keys, every panel shortcut that says what it does (its whatsThis, or a
        panel's shortcuts() list) and every menu action with a key: so a new shortcut is
        listed where it is made."""
        rows = self.fixed_keys()
        native = QKeySequence.SequenceFormat.NativeText
        for shortcut in self.window_.findChildren(QShortcut):
            if shortcut.whatsThis():
                rows.append((shortcut.key().toString(native), shortcut.whatsThis()))
        for panel in self.window_.findChildren(QWidget):
            listed = getattr(panel, "shortcuts", None)  # a panel that lists its own keys
            if callable(listed):
                rows.extend(listed())
        for menu_action in self.window_.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if menu else ():
                keys = action.shortcut().toString(native)
                if keys:
                    rows.append((keys, action.text().replace("&", "").rstrip("…")))
        rows.append(("F1", self.tr("Show or hide this list")))
        return list(dict.fromkeys(rows))  # in order, each once

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

    def follow_window(self) -> None:
        """The window was resized: cover it again (called by MainWindow.resizeEvent)."""
        if self.isVisible():
            self.setGeometry(self.window_.rect())

    def keyPressEvent(self, event) -> None:
        self.hide()  # F1, Esc or any other key: back to work

    def mousePressEvent(self, event) -> None:
        self.hide()
