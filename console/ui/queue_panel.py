"""The product queue (商品队列), keyboard first: ↑/↓ choose, Enter 讲解, N next, S sold out,
K skip, T to the top, Esc stop, Ctrl+Z undo; drag rows to reorder; double-click (or F2) a price
or stock to edit it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.catalog import parse_price
from console.core.offers import COUNTING_DOWN, ON_SALE, clock_text
from console.core.queue import DONE, EXPLAINING, SKIPPED, SOLD_OUT, Queue, QueueItem
from console.reports.format import count_text, money_text
from console.services.queue_service import QueueService
from console.ui.drag_reorder import DragReorderModel

ROOT = QModelIndex()
LINK, NAME, PRICE, STOCK, STATE = range(5)
EXPLAINING_BG, LOW_STOCK_FG, FADED_FG = QColor("#9e6a03"), QColor("#f85149"), QColor("#6e7681")


class _QueueModel(DragReorderModel):
    mime_type = "application/x-livedesk-queue-item"

    def __init__(self, service: QueueService, panel: QueuePanel):
        super().__init__(panel)
        self.service = service
        self.panel = panel
        self.items: tuple[QueueItem, ...] = ()

    def set_queue(self, queue: Queue) -> None:
        """Tell the view only what changed: a reset would close a price or stock editor the
        assistant is typing in whenever the host presses a key."""
        old, new = [i.id for i in self.items], [i.id for i in queue.items]
        if new[: len(old)] == old:  # the same rows, perhaps more at the end
            was = self.items
            changed = [n for n, item in enumerate(queue.items[: len(was)]) if item != was[n]]
            if len(new) > len(old):
                self.beginInsertRows(ROOT, len(old), len(new) - 1)
                self.items = queue.items
                self.endInsertRows()
            self.items = queue.items
            for n in changed:
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))
        elif sorted(new) == sorted(old):  # reordered: editors and selection move with rows
            self.layoutAboutToBeChanged.emit()
            row_of = {item_id: n for n, item_id in enumerate(new)}
            persistent = self.persistentIndexList()
            moved = [self.index(row_of[old[p.row()]], p.column()) for p in persistent]
            self.items = queue.items
            self.changePersistentIndexList(persistent, moved)
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self.items = queue.items
            self.endResetModel()

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.panel.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.link_no,
                item.name,
                money_text(item.live_price_fen),
                count_text(item.stock),
                self.panel.state_names[item.state],
            )[col]
        if role == Qt.ItemDataRole.EditRole:
            if col == PRICE:
                return "" if item.live_price_fen is None else f"{item.live_price_fen / 100:.2f}"
            if col == STOCK:
                return "" if item.stock is None else str(item.stock)
        if role == Qt.ItemDataRole.BackgroundRole and item.state == EXPLAINING:
            return QBrush(EXPLAINING_BG)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STOCK and item.is_low_stock:
                return QBrush(LOW_STOCK_FG)
            if item.state in (DONE, SOLD_OUT, SKIPPED):
                return QBrush(FADED_FG)
        if role == Qt.ItemDataRole.FontRole and item.state == EXPLAINING:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == STOCK and item.is_low_stock:
            return self.panel.low_stock_text
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        item = self.items[index.row()]
        text = str(value)
        if index.column() == PRICE:
            fen = parse_price(text)
            if fen is None:
                self.service.failed.emit("price_set", "bad_price")
                return False
            self.service.set_price(item.id, fen)
        elif index.column() == STOCK:
            try:
                stock = int(text.replace(",", "").strip())
            except ValueError:
                self.service.failed.emit("stock_set", "bad_stock")
                return False
            self.service.set_stock(item.id, stock)
        return True

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (PRICE, STOCK):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    # drag to reorder (DragReorderModel)
    def row_ids(self) -> list[int]:
        return [x.id for x in self.items]

    def move_row(self, row_id: int, to_index: int) -> None:
        self.service.move(row_id, to_index)


class QueuePanel(QWidget):
    def __init__(self, service: QueueService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.headers = (
            self.tr("Link"),
            self.tr("Product"),
            self.tr("Live price"),
            self.tr("Stock"),
            self.tr("State"),
        )
        self.state_names = {
            "pending": self.tr("Pending"),
            "explaining": self.tr("Explaining"),
            "done": self.tr("Done"),
            "sold_out": self.tr("Sold out"),
            "skipped": self.tr("Skipped"),
        }
        self.low_stock_text = self.tr("Low stock")
        self.model = _QueueModel(service, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().setVisible(False)
        # Names get the room; the other columns are fitted when rows come or go, not by
        # ResizeToContents, which measured every row on each key press (18 ms at 60 rows).
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self._fitted_rows = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self._flash_sale_bar())
        # whatsThis: the F1 list's wording (ui/shortcuts_help.py); "" keeps a key off the list.
        keys = [
            (Qt.Key.Key_Return, self._explain_selected, self.tr("Queue: start 讲解")),
            (Qt.Key.Key_Enter, self._explain_selected, ""),
            (Qt.Key.Key_N, service.next_item, self.tr("Queue: next product")),
            (Qt.Key.Key_S, self._on_selected(service.sold_out), self.tr("Queue: sold out")),
            (Qt.Key.Key_K, self._on_selected(service.skip), self.tr("Queue: skip")),
            (Qt.Key.Key_T, self._on_selected(service.move_to_top), self.tr("Queue: to the top")),
            (Qt.Key.Key_Escape, service.stop_explain, self.tr("Queue: stop 讲解")),
        ]
        for key, slot, text in keys:
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(text)
            shortcut.activated.connect(slot)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.setWhatsThis(self.tr("Queue: undo the last action"))
        undo.activated.connect(service.undo)
        self._explaining: int | None = None
        service.changed.connect(self._on_service_changed)
        self._on_service_changed(service.queue)

    def _flash_sale_bar(self) -> QVBoxLayout:
        self.countdown = QSpinBox(minimum=10, maximum=300, value=60, suffix=self.tr(" s"))
        self.countdown.setPrefix(self.tr("countdown "))
        self.duration = QSpinBox(minimum=1, maximum=20, value=5, suffix=self.tr(" min"))
        self.duration.setPrefix(self.tr("sale "))
        self.quantity = QSpinBox(minimum=0, maximum=1_000_000, value=0)
        self.quantity.setSpecialValueText(self.tr("any quantity"))
        self.quantity.setPrefix(self.tr("quantity "))
        self.flash = QPushButton(self.tr("Flash sale (F)"))
        self.flash.setObjectName("flashSaleButton")
        self.flash.clicked.connect(self._start_flash_sale)
        self.end_sale = QPushButton(self.tr("End sale (Shift+F)"))
        self.end_sale.setEnabled(False)
        self.end_sale.clicked.connect(self.service.end_flash_sale)
        self.sale_state = QLabel()
        self.sale_state.setObjectName("flashSaleState")
        self._sale_tick = QTimer(self, interval=200)
        self._sale_tick.timeout.connect(self._show_sale)
        self._sale_tick.start()
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_F), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.setWhatsThis(self.tr("Flash sale on the product being explained"))
        shortcut.activated.connect(self._start_flash_sale)
        end = QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F), self.table)
        end.setContext(Qt.ShortcutContext.WidgetShortcut)
        end.setWhatsThis(self.tr("End the flash sale early"))
        end.activated.connect(self.service.end_flash_sale)
        box = QVBoxLayout()  # the countdown on a line of its own: it must never be cut off
        box.addWidget(self.sale_state)
        rows = ((self.flash, self.end_sale), (self.countdown, self.duration, self.quantity))
        for widgets in rows:
            bar = QHBoxLayout()  # two rows keep the dock narrow enough for a 1920-pixel screen
            for w in widgets:
                bar.addWidget(w)
            box.addLayout(bar)
        return box

    def _start_flash_sale(self) -> None:
        quantity = self.quantity.value() or None
        self.service.start_flash_sale(self.countdown.value(), self.duration.value() * 60, quantity)

    def _show_sale(self) -> None:
        """The same countdown as the overlay: both compute it from the sale's start."""
        sale = self.service.flash_sale
        phase = sale.phase(self.service.clock()) if sale else None
        if phase and phase[0] == COUNTING_DOWN:
            text = self.tr("Flash sale starts in {0}").format(clock_text(phase[1]))
        elif phase and phase[0] == ON_SALE:
            text = self.tr("ON SALE — {0} left").format(clock_text(phase[1]))
        else:
            text = ""
        self.sale_state.setText(text)
        running = bool(text)
        self.flash.setEnabled(not running)  # a second press must not restart the countdown
        self.end_sale.setEnabled(running)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.items[rows[0].row()].id if rows else None

    def _on_selected(self, action):
        def run():
            item_id = self.selected_id()
            if item_id is not None:
                action(item_id)

        return run

    def _explain_selected(self) -> None:
        self._on_selected(self.service.start_explain)()

    def _on_service_changed(self, queue: Queue) -> None:
        keep = self.selected_id()
        current = queue.explaining.id if queue.explaining else None
        if current is not None and current != self._explaining:
            keep = current  # the selection follows 讲解, so the arrows work from there
        self._explaining = current
        self.model.set_queue(queue)
        if len(queue.items) != self._fitted_rows:
            self._fitted_rows = len(queue.items)
            for column in range(self.model.columnCount()):
                if column != NAME:
                    self.table.resizeColumnToContents(column)
        if self.table.state() == QAbstractItemView.State.EditingState:
            return  # moving the current row would commit a half-typed price
        ids = [i.id for i in queue.items]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif ids:
            self.table.selectRow(0)
