"""Per-product results of the open show, in queue order: time on air, what sold while it was
explained, conversion, and the stock left (red when low)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from console.core.queue import EXPLAINING
from console.services.stats_service import ProductRow
from console.ui.dashboard_cards import count_text, money_text, percent_text

LOW_STOCK = QBrush(QColor("#f85149"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def duration_text(ms: int) -> str:
    s = ms // 1000
    return (
        f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
    )


class ProductTable(QTableWidget):
    COLUMNS = 6

    def __init__(self, parent=None):
        super().__init__(0, self.COLUMNS, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("On air"),
                self.tr("GMV on air"),
                self.tr("Orders"),
                self.tr("Conversion"),
                self.tr("Stock"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fitted when the longest texts change, not ResizeToContents: that measures every row
        # on each update (see the queue panel).
        self.rows: tuple[ProductRow, ...] = ()
        self._widths: list[int] = []

    def show_rows(self, rows: tuple[ProductRow, ...]) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        widths = [0] * self.COLUMNS
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            texts = (
                row.name,
                duration_text(row.explain_ms) if row.explain_count else "—",
                money_text(row.gmv_fen),
                count_text(row.orders),
                percent_text(row.conversion),
                count_text(row.stock),
            )
            for c, text in enumerate(texts):
                widths[c] = max(widths[c], len(text))
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    if c:
                        item.setTextAlignment(RIGHT)
                    self.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
            name = self.item(r, 0)
            font = QFont(name.font())
            font.setBold(row.state == EXPLAINING)
            name.setFont(font)
            name.setToolTip(row.sku)
            stock = self.item(r, 5)
            stock.setForeground(LOW_STOCK if row.low_stock else self.palette().text())
        if widths != self._widths:  # longest texts changed: fit the columns again
            self._widths = widths
            for col in range(1, self.COLUMNS):
                self.resizeColumnToContents(col)
