"""Coupons (优惠券) and lucky bags (福袋) scheduled for the show, with the time to each."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.offers import (
    COUPON,
    LUCKY_BAG,
    RUNNING,
    SCHEDULED,
    ScheduledOffer,
    clock_text,
    days_from,
    default_start,
    next_start,
)
from console.reports.format import clock_pattern, moment_text, time_text
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.kind = QComboBox()
        for code, name in self.kind_names.items():
            self.kind.addItem(name, code)
        self.start = QTimeEdit()
        self.start.setDisplayFormat(clock_pattern(False))
        self.start.timeChanged.connect(self._show_start_day)
        self.start_day = QLabel()  # "tomorrow 00:05" when the time picked has passed today
        self.minutes = QSpinBox(minimum=1, maximum=720, value=10, suffix=self.tr(" min"))
        self.quantity = QSpinBox(minimum=0, maximum=1_000_000, value=0)
        self.quantity.setSpecialValueText(self.tr("any quantity"))
        self.add = QPushButton(self.tr("Schedule"))
        self.add.clicked.connect(self._on_add_clicked)
        self.cancel = QPushButton(self.tr("Cancel offer"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel_selected)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._cancel_selected)
        self.confirm: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        # Two rows: in one, the dock would be wider than a 1920-pixel screen allows for.
        for widgets in (
            (self.kind, self.start, self.start_day),
            (self.minutes, self.quantity, self.add, self.cancel),
        ):
            row = QHBoxLayout()
            for w in widgets:
                row.addWidget(w)
            layout.addLayout(row)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_status)
        self._tick.start()
        service.changed.connect(self._on_service_changed)
        service.scheduled.connect(self._on_service_scheduled)
        self._reset_start()
        self._on_service_changed(service.offers)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._reset_start()  # "in ten minutes" from now, not from when the panel was last seen

    def _reset_start(self) -> None:
        t = default_start(self.service.clock())
        self.start.setTime(QTime(t.hour, t.minute))
        self._show_start_day()

    def _picked_start(self, now: datetime) -> datetime:
        t = self.start.time()
        return next_start(now, t.hour(), t.minute())

    def _start_text(self, now: datetime, start: datetime) -> str:
        local = start.astimezone(now.tzinfo)
        days, hhmm = days_from(now, start), time_text(local, seconds=False)
        if days == 0:
            return hhmm
        if days == 1:
            return self.tr("tomorrow {0}").format(hhmm)
        return moment_text(local)

    def _show_start_day(self) -> None:
        now = self.service.clock()
        start = self._picked_start(now)
        self.start_day.setText(self._start_text(now, start) if days_from(now, start) else "")

    def _on_add_clicked(self) -> None:
        self.service.schedule(
            self.kind.currentData(),
            self._picked_start(self.service.clock()),
            self.minutes.value() * 60,
            self.quantity.value() or None,
        )

    def _on_service_scheduled(self, _offer: ScheduledOffer) -> None:
        self._reset_start()

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _selected_offer(self) -> ScheduledOffer | None:
        offer_id = self._selected_id()
        return next((o for o in self.service.offers if o.id == offer_id), None)

    def _on_table_selection_changed(self) -> None:
        self.cancel.setEnabled(self._selected_offer() is not None)

    def _cancel_selected(self) -> None:
        offer = self._selected_offer()
        if offer is None:
            return
        if offer.phase(self.service.clock())[0] != RUNNING:
            self.service.cancel(offer.id)
            return
        # open(), not exec(): the show goes on while the question is up
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel offer"), "", parent=self)
        box.setText(self.tr("End this offer now? It is running."))
        box.setInformativeText(
            self.tr("{0} started at {1}. Viewers will see it end.").format(
                self.kind_names[offer.kind], self._start_text(self.service.clock(), offer.start)
            )
        )
        end = box.addButton(self.tr("End it now"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep it running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda b: self.service.cancel(offer.id) if b is end else None)
        box.finished.connect(self._on_confirm_finished)
        self.confirm = box
        box.open()

    def _on_confirm_finished(self) -> None:
        self.confirm.deleteLater()
        self.confirm = None

    def _on_service_changed(self, offers: list[ScheduledOffer]) -> None:
        selected = self._selected_id()  # read before the rows change under it
        self.table.setRowCount(len(offers))
        for row, o in enumerate(offers):
            self._set_text(row, 0, self.kind_names[o.kind])
            self.table.item(row, 0).setData(Qt.ItemDataRole.UserRole, o.id)
            self._set_text(row, 2, str(o.duration_s // 60))
            self._set_text(row, 3, "—" if o.quantity is None else str(o.quantity))
        # rows move when offers come and go: keep the selection on the same offer, or drop it
        ids = [o.id for o in offers]
        if selected in ids:
            self.table.selectRow(ids.index(selected))
        else:
            self.table.clearSelection()
        self._show_status()

    def _show_status(self) -> None:
        now = self.service.clock()
        for row, o in enumerate(self.service.offers):
            phase, seconds = o.phase(now)
            if phase == SCHEDULED:
                text = self.tr("starts in {0}").format(clock_text(seconds))
            elif phase == RUNNING:
                text = self.tr("RUNNING — {0} left").format(clock_text(seconds))
            else:
                text = self.tr("ended")
            self._set_text(row, 1, self._start_text(now, o.start))  # "tomorrow" turns to today
            self._set_text(row, 4, text)
        self._show_start_day()

    def _set_text(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        elif item.text() != text:
            item.setText(text)
