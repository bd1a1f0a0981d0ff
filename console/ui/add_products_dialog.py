"""Pick catalog products and append them to the open show's queue. Type to filter, arrows and
Shift/Ctrl to select (Ctrl+A: everything shown), Enter to add."""

from __future__ import annotations

import logging
from collections import Counter
from concurrent.futures import Future

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.catalog import Product
from console.core.queue import Queue
from console.reports.format import money_text
from console.services.queue_service import QueueService
from console.services.writer_calls import WriterCalls
from console.store.products import list_products
from console.store.writer import DbWriter
from console.ui.style import say

log = logging.getLogger(__name__)

ROOT = QModelIndex()
LINK, SKU, NAME, CATEGORY, PRICE, STOCK, IN_QUEUE = range(7)
NAMES_SHOWN = 5  # in the "already in the queue" question; the rest are counted
FADED_FG = QColor("#6e7681")


class _CatalogModel(QAbstractTableModel):
    def __init__(self, headers: list[str], parent: QWidget):
        super().__init__(parent)
        self.headers = headers
        self.products: list[Product] = []
        self.haystacks: list[str] = []  # what the filter searches, once per load not per key
        self.in_queue: Counter[int] = Counter()

    def set_products(self, products: list[Product]) -> None:
        self.beginResetModel()
        self.products = products
        self.haystacks = [
            "\n".join((p.name, p.sku, p.category, p.link_no)).casefold() for p in products
        ]
        self.endResetModel()

    def set_in_queue(self, in_queue: Counter[int]) -> None:
        self.in_queue = in_queue
        if self.products:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.products) - 1, IN_QUEUE))

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.products)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        p = self.products[index.row()]
        times = self.in_queue[p.id]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                p.link_no,
                p.sku,
                p.name,
                p.category,
                money_text(p.live_price_fen),
                "—" if p.stock is None else str(p.stock),
                "" if not times else "✓" if times == 1 else f"✓ ×{times}",
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and times:
            return QBrush(FADED_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (PRICE, STOCK):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class _Filter(QSortFilterProxyModel):
    """Every word typed must be in the product's name, SKU, category or link number."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:
        haystack = self.sourceModel().haystacks[row]
        return all(w in haystack for w in self.words)


class AddProductsDialog(QDialog):
    def __init__(
        self, writer: DbWriter, queue_service: QueueService, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.queue_service = queue_service
        self.calls = WriterCalls(writer, self)
        self.confirm: QMessageBox | None = None
        self.setWindowTitle(self.tr("Add products to the queue"))
        self.resize(980, 600)
        headers = [
            self.tr("Link"),
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Category"),
            self.tr("Live price"),
            self.tr("Stock"),
            self.tr("In queue"),
        ]
        self.model = _CatalogModel(headers, self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(
            self.tr("Filter by name, SKU, category or link number (↓ to the list)")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.installEventFilter(self)
        self.table = self._table()
        self.count = QLabel()
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = buttons.addButton(
            self.tr("Add to queue"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._adding, self._skipped = False, 0
        queue_service.changed.connect(self._on_queue_changed)
        queue_service.products_added.connect(self._on_products_added)
        queue_service.failed.connect(self._on_queue_failed)
        self._on_queue_changed(queue_service.queue)
        self.calls.submit(list_products, then=self._listed)

    def selected_ids(self) -> list[int]:
        """In the order shown, whatever order they were clicked in."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        products = self.model.products
        return [products[self.proxy.mapToSource(self.proxy.index(r, 0)).row()].id for r in rows]

    def add_selected(self) -> None:
        ids = self.selected_ids()
        show_id = self.queue_service.show_id
        if show_id is None:
            self._say(self.tr("No show is open. Open one in Show → Shows…"), failed=True)
            return
        if not ids:
            self._say(self.tr("Select the products to add first."), failed=True)
            return
        repeated = [i for i in ids if self.model.in_queue[i]]
        if not repeated:
            self._add(show_id, ids, 0)
            return
        self._ask_about_repeats(show_id, ids, repeated)

    # -- adding -------------------------------------------------------------------------------
    def _ask_about_repeats(self, show_id: int, ids: list[int], repeated: list[int]) -> None:
        by_id = {p.id: p.name for p in self.model.products}
        names = "\n".join(by_id[i] for i in repeated[:NAMES_SHOWN])
        if len(repeated) > NAMES_SHOWN:
            names += "\n" + self.tr("… and {0} more").format(len(repeated) - NAMES_SHOWN)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Already in the queue"), "", parent=self
        )
        box.setText(
            self.tr("{0} of the {1} selected products are already in the queue.").format(
                len(repeated), len(ids)
            )
        )
        box.setInformativeText(names)
        again = box.addButton(self.tr("Add them again"), QMessageBox.ButtonRole.YesRole)
        skip = box.addButton(self.tr("Skip them"), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(skip)  # a second explain slot for a product is the rarer wish

        def on_clicked(button) -> None:
            if button is again:
                self._add(show_id, ids, 0)
            elif button is skip:
                fresh = [i for i in ids if i not in repeated]
                if fresh:
                    self._add(show_id, fresh, len(ids) - len(fresh))
                else:
                    self._say(self.tr("Nothing added: they are all in the queue already."))

        box.buttonClicked.connect(on_clicked)
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()

    def _add(self, show_id: int, ids: list[int], skipped: int) -> None:
        if show_id != self.queue_service.show_id:  # another show was opened meanwhile
            return
        self.add_button.setEnabled(False)
        self._adding, self._skipped = True, skipped
        self.queue_service.add_products(ids)

    def _on_products_added(self, _show_id: int, added: int) -> None:
        if not self._adding:  # not this dialog's request
            return
        self._adding = False
        self.add_button.setEnabled(True)
        if self._skipped:
            text = self.tr(
                "Products added to the queue: {0}. Skipped, already in the queue: {1}."
            ).format(added, self._skipped)
        else:
            text = self.tr("Products added to the queue: {0}.").format(added)
        self._say(text)
        self.table.clearSelection()

    def _on_queue_failed(self, action: str, _code: str) -> None:
        if action == "add_products" and self._adding:
            self._adding = False
            self.add_button.setEnabled(True)
            self._say(self.tr("Could not add to the queue (see the log)."), failed=True)

    # -- views --------------------------------------------------------------------------------
    def _listed(self, future: Future) -> None:
        if future.exception() is not None:
            log.error("Reading the catalog failed: %r", future.exception())
            self._say(self.tr("Could not read the catalog (see the log)."), failed=True)
            return
        self.model.set_products(future.result())
        if not self.model.products:
            self._say(self.tr("The catalog is empty: import products first (Catalog menu)."))
        self._show_count()

    def _on_queue_changed(self, queue: Queue) -> None:
        self.model.set_in_queue(Counter(i.product_id for i in queue.items))

    def _on_filter_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        selected = len(self.table.selectionModel().selectedRows())
        self.count.setText(
            self.tr("{0} of %n product(s) shown, {1} selected", "", total).format(shown, selected)
        )

    def _say(self, text: str, failed: bool = False) -> None:
        say(self.status, text, failed)

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is getattr(self, "filter", None)  # None while being torn down
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(self._show_count)
        return table
