"""Coupons (优惠券) and lucky bags (福袋) scheduled for the show, with the time to each."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.offers import COUPON, LUCKY_BAG, RUNNING, SCHEDULED, ScheduledOffer, clock_text
from console.services.offers_service import OffersService


class OffersPanel(QWidget):
    def __init__(self, service: OffersService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.kind_names = {COUPON: self.tr("Coupon"), LUCKY_BAG: self.tr("Lucky bag")}
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Offer"),
                self.tr("Starts"),
                self.tr("Minutes"),
                self.tr("Quantity"),
                self.tr("Status"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.kind = QComboBox()
        for code, name in self.kind_names.items():
            self.kind.addItem(name, code)
        self.start = QTimeEdit(QTime.currentTime().addSecs(600))
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(minimum=1, maximum=720, value=10, suffix=self.tr(" min"))
        self.quantity = QSpinBox(minimum=0, maximum=1_000_000, value=0)
        self.quantity.setSpecialValueText(self.tr("any quantity"))
        self.add = QPushButton(self.tr("Schedule"))
        self.add.clicked.connect(self._on_add_clicked)
        self.cancel = QPushButton(self.tr("Cancel offer"))
        self.cancel.clicked.connect(self._on_cancel_clicked)
        form = QHBoxLayout()
        for w in (self.kind, self.start, self.minutes, self.quantity, self.add, self.cancel):
            form.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(form)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_status)
        self._tick.start()
        service.changed.connect(self._on_service_changed)
        self._on_service_changed(service.offers)

    def _on_add_clicked(self) -> None:
        now = datetime.now().astimezone()
        t = self.start.time()
        start = now.replace(hour=t.hour(), minute=t.minute(), second=0, microsecond=0)
        self.service.schedule(
            self.kind.currentData(), start, self.minutes.value() * 60, self.quantity.value() or None
        )

    def _on_cancel_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.service.cancel(self.service.offers[rows[0].row()].id)

    def _on_service_changed(self, offers: list[ScheduledOffer]) -> None:
        self.table.setRowCount(len(offers))
        for row, o in enumerate(offers):
            cells = (
                self.kind_names[o.kind],
                o.start.astimezone().strftime("%H:%M"),
                str(o.duration_s // 60),
                "—" if o.quantity is None else str(o.quantity),
            )
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self._show_status()

    def _show_status(self) -> None:
        now = datetime.now().astimezone()
        for row, o in enumerate(self.service.offers):
            phase, seconds = o.phase(now)
            if phase == SCHEDULED:
                text = self.tr("starts in {0}").format(clock_text(seconds))
            elif phase == RUNNING:
                text = self.tr("RUNNING — {0} left").format(clock_text(seconds))
            else:
                text = self.tr("ended")
            self.table.setItem(row, 4, QTableWidgetItem(text))
