"""Coupons and 福袋 scheduled for the open show; follows the show the queue has open."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from console.core.offers import OfferError, ScheduledOffer, check_start
from console.services.queue_service import QueueService
from console.store.offers_repo import cancel_offer, list_scheduled, schedule_offer

log = logging.getLogger(__name__)


def local_now() -> datetime:
    return datetime.now().astimezone()


class OffersService(QObject):
    changed = Signal(list)  # [ScheduledOffer], by start time
    scheduled = Signal(object)  # the ScheduledOffer as saved, before the reload
    failed = Signal(str, str)  # action, reason code
    _loaded = Signal(object, int, str)  # future, show id, action

    def __init__(
        self,
        writer,
        queue: QueueService,
        clock: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.writer, self.queue, self.clock = writer, queue, clock
        self.offers: list[ScheduledOffer] = []
        self._show_id: int | None = None
        self._loaded.connect(self._on_loaded)
        queue.changed.connect(self._on_queue_changed)

    def schedule(self, kind: str, start: datetime, duration_s: int, quantity: int | None) -> None:
        show_id = self.queue.show_id
        if show_id is None:
            self.failed.emit("schedule", "no_show")
            return
        try:
            offer = ScheduledOffer(kind, start, duration_s, quantity)
            check_start(start, self.clock())
        except OfferError as e:
            self.failed.emit("schedule", e.code)
            return
        self._then_reload(self.writer.submit(schedule_offer, show_id, offer), show_id, "schedule")

    def cancel(self, offer_id: int) -> None:
        show_id = self.queue.show_id
        if show_id is not None:
            future = self.writer.submit(cancel_offer, show_id, offer_id)
            self._then_reload(future, show_id, "cancel")

    def _then_reload(self, future: Future, show_id: int, action: str) -> None:
        future.add_done_callback(lambda f: self._loaded.emit(f, show_id, action))

    def _on_queue_changed(self, _queue) -> None:
        if self.queue.show_id != self._show_id and self.queue.show_id is not None:
            self._show_id = self.queue.show_id
            self._reload(self._show_id)

    def _reload(self, show_id: int) -> None:
        self._then_reload(self.writer.submit(list_scheduled, show_id), show_id, "load")

    def _on_loaded(self, future: Future, show_id: int, action: str) -> None:
        error = future.exception()
        if error is not None:
            log.error("Offers %s failed: %r", action, error)
            self.failed.emit(action, "db_error")
        elif action == "load":
            if show_id == self._show_id:
                self.offers = future.result()
                self.changed.emit(self.offers)
        else:
            if action == "schedule":
                self.scheduled.emit(future.result())
            self._reload(show_id)
