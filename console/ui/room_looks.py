"""The room's looks in the console: the preset service, its dock, and the two links that make
讲解 a one-press cue: a product's preset (the queue's context menu) and a rundown segment's
(its dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from console.services.preset_service import PresetService
from console.ui import preset_messages
from console.ui.presets_panel import PresetsPanel

translate = QCoreApplication.translate
FAILURE_MESSAGE_MS = 15000


class RoomLooks(QObject):
    def __init__(self, window: QMainWindow, writer, obs, devices, queue, rundown_panel):
        super().__init__(window)
        self.window, self.queue = window, queue
        rundown = rundown_panel.service
        self.presets = PresetService(writer, obs, devices, queue, rundown, parent=self)
        self.panel = PresetsPanel(self.presets, devices, obs)
        dock = QDockWidget(translate("RoomLooks", "Presets"), window)
        dock.setObjectName("presetsDock")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        cues = window.findChild(QDockWidget, "cuesDock")
        if cues is not None:  # the bottom row has no room for a fifth panel side by side
            window.tabifyDockWidget(cues, dock)
            cues.raise_()
        self.dock = dock
        # A failed device must be seen even with the dock behind another: the status line.
        self._failure_said = ""  # the status line's failure message, while it may show
        self.presets.recall_changed.connect(self._on_recall_changed)
        self.rundown_panel = rundown_panel
        rundown_panel.presets = lambda: self.presets.presets
        table = getattr(window.queue, "table", None)
        if table is not None:
            table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            table.customContextMenuRequested.connect(self._on_queue_menu_requested)
        self.presets.load()

    def _on_recall_changed(self, recall) -> None:
        if not recall.finished:
            return
        bar = self.window.statusBar()
        if recall.failed:
            steps = "; ".join(
                f"{preset_messages.device_text(s)}: {preset_messages.reason_text(s.reason)}"
                for s in recall.failed
            )
            text = translate("RoomLooks", "Preset “{0}”: {1}").format(recall.preset.name, steps)
            if text != bar.currentMessage():
                bar.showMessage(text, FAILURE_MESSAGE_MS)
            self._failure_said = text
        elif self._failure_said and bar.currentMessage() == self._failure_said:
            bar.clearMessage()  # a late answer made it all done: the failure no longer holds
            self._failure_said = ""

    def _on_queue_menu_requested(self, pos: QPoint) -> None:
        table = self.window.queue.table
        index = table.indexAt(pos)
        if not index.isValid():
            return
        item = self.window.queue.model.items[index.row()]
        menu = self.product_menu(item)
        menu.popup(table.viewport().mapToGlobal(pos))

    def product_menu(self, item) -> QMenu:
        """'Preset for 讲解' with one checkable entry per preset: choosing one links it to the
        product (in every show), so 讲解 on it recalls that look."""
        menu = QMenu(self.window.queue)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sub = menu.addMenu(translate("RoomLooks", "Preset for 讲解"))
        group = QActionGroup(sub)
        choices = [(translate("RoomLooks", "No preset"), None)]
        choices += [(p.name, p.id) for p in self.presets.presets]
        for text, preset_id in choices:
            action = QAction(text, sub, checkable=True, checked=preset_id == item.preset_id)
            group.addAction(action)
            sub.addAction(action)
            action.triggered.connect(
                lambda _=False, p=preset_id: self.presets.link_product(item.product_id, p)
            )
        return menu
