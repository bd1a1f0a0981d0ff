"""QueueService: the show's product queue for the panels. Every action changes the Queue value
at once (the host sees it within a frame), is written durably by the store's writer thread in
one transaction together with its timeline event, and can be undone."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from console.core import queue as rules
from console.core.offers import ENDED, FlashSale, OfferError
from console.core.queue import Queue, QueueError
from console.core.show import Show
from console.store.queue_repo import (
    append_to_queue,
    end_flash_sale,
    load_queue,
    save_action,
    save_flash_sale,
)
from console.store.shows import get_show

log = logging.getLogger(__name__)

UNDO_DEPTH = 100


class QueueService(QObject):
    changed = Signal(object)  # Queue
    products_added = Signal(int, int)  # show id, how many joined its queue
    flash_sale_changed = Signal(object)  # FlashSale | None
    explain_started = Signal(object)  # QueueItem: 讲解 began on it (by a press, not by undo)
    failed = Signal(str, str)  # action, reason code
    saved = Signal(str, float)  # action, milliseconds from the press to the durable commit
    _written = Signal(object, object, str, float)  # future, (before, after), action, t0

    def __init__(
        self, writer, clock: Callable[[], int] = time.monotonic_ns, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.writer = writer
        self.clock = clock
        self.show_id: int | None = None
        self.show: Show | None = None  # as loaded with the queue (title, rehearsal flag)
        self.queue = Queue()
        self._undo: list[Queue] = []
        self.flash_sale: FlashSale | None = None
        self._written.connect(self._on_written)

    # -- loading --------------------------------------------------------------------------
    def open_show(self, show_id: int | Callable) -> Future:
        """Load a show's queue on the writer thread; `changed` follows. `show_id` may be a
        function of the database that returns it (and may create the show)."""

        def load(db):
            sid = show_id(db) if callable(show_id) else show_id
            return sid, get_show(db, sid), load_queue(db, sid)

        future = self.writer.submit(load)
        future.add_done_callback(lambda f: self._written.emit(f, None, "open_show", 0.0))
        return future

    def add_products(self, product_ids: list[int]) -> None:
        """Append catalog products to the open show's queue; `products_added` follows. What
        the host did meanwhile stays (and stays undoable): the new items are merged in, not
        the whole queue reloaded."""
        if self.show_id is None:
            self.failed.emit("add_products", "no_show")
            return
        show_id = self.show_id
        future = self.writer.submit(append_to_queue, show_id, list(product_ids))
        future.add_done_callback(
            lambda f: self._written.emit(f, (show_id, None), "add_products", 0.0)
        )

    # -- actions (keyboard: Enter, N, S, K, T, Ctrl+Z) -------------------------------------
    def start_explain(self, item_id: int) -> None:
        self._act(
            "explain_started", lambda q: rules.start_explain(q, item_id, self.clock()), item=item_id
        )

    def stop_explain(self) -> None:
        current = self.queue.explaining
        self._act(
            "explain_stopped",
            lambda q: rules.stop_explain(q, self.clock()),
            item=current.id if current else None,
        )

    def next_item(self) -> None:
        self._act("explain_next", lambda q: rules.next_item(q, self.clock()))

    def sold_out(self, item_id: int) -> None:
        self._act("sold_out", lambda q: rules.mark_sold_out(q, item_id, self.clock()), item=item_id)

    def skip(self, item_id: int) -> None:
        self._act("skipped", lambda q: rules.skip(q, item_id, self.clock()), item=item_id)

    def move(self, item_id: int, to_index: int) -> None:
        self._act("moved", lambda q: rules.move(q, item_id, to_index), item=item_id, to=to_index)

    def move_to_top(self, item_id: int) -> None:
        self._act("moved", lambda q: rules.move_to_top(q, item_id), item=item_id, to=0)

    def set_price(self, item_id: int, live_price_fen: int) -> None:
        self._act(
            "price_set",
            lambda q: rules.set_price(q, item_id, live_price_fen),
            item=item_id,
            live_price_fen=live_price_fen,
        )

    def set_stock(self, item_id: int, stock: int) -> None:
        self._act(
            "stock_set", lambda q: rules.set_stock(q, item_id, stock), item=item_id, stock=stock
        )

    def start_flash_sale(self, countdown_s: int, duration_s: int, quantity: int | None) -> None:
        """秒杀 on the product being explained: a countdown, then the sale window."""
        item = self.queue.explaining
        if self.show_id is None or item is None:
            self.failed.emit("flash_sale", "nothing_explaining")
            return
        if self.sale_running:  # one stray F must not restart the countdown on stream
            self.failed.emit("flash_sale", "sale_running")
            return
        try:
            sale = FlashSale(item.id, self.clock(), countdown_s, duration_s, quantity)
        except OfferError as e:
            self.failed.emit("flash_sale", e.code)
            return
        self.flash_sale = sale
        self.flash_sale_changed.emit(sale)
        future = self.writer.submit(save_flash_sale, self.show_id, sale)
        t0 = time.perf_counter()
        future.add_done_callback(lambda f: self._written.emit(f, (None, None), "flash_sale", t0))

    @property
    def sale_running(self) -> bool:
        sale = self.flash_sale
        return sale is not None and sale.phase(self.clock())[0] != ENDED

    def end_flash_sale(self) -> None:
        """End the running flash sale now (sold out early, or started by mistake)."""
        sale = self.flash_sale
        if self.show_id is None or not self.sale_running:
            self.failed.emit("flash_sale_end", "no_sale_running")
            return
        self.flash_sale = None
        self.flash_sale_changed.emit(None)
        future = self.writer.submit(end_flash_sale, self.show_id, sale)
        t0 = time.perf_counter()
        future.add_done_callback(lambda f: self._written.emit(f, (None, None), "flash_sale", t0))

    def undo(self) -> None:
        if not self._undo:
            self.failed.emit("undo", "nothing_to_undo")
            return
        before, after = self.queue, self._undo.pop()
        self._commit("queue_undo", before, after, {})

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def product_preset_changed(self, product_id: int, preset_id: int | None) -> None:
        """The product's linked preset changed in the store: show it in this queue and in
        every undo state (an undo must not bring the old link back)."""

        def relink(q: Queue) -> Queue:
            items = tuple(
                dataclasses.replace(i, preset_id=preset_id) if i.product_id == product_id else i
                for i in q.items
            )
            return dataclasses.replace(q, items=items)

        self.queue = relink(self.queue)
        self._undo = [relink(q) for q in self._undo]
        self.changed.emit(self.queue)

    # -- internals --------------------------------------------------------------------------
    def _act(self, action: str, change: Callable[[Queue], Queue], **data) -> None:
        if self.show_id is None:
            self.failed.emit(action, "no_show")
            return
        try:
            after = change(self.queue)
        except QueueError as e:
            self.failed.emit(action, e.code)
            return
        if after == self.queue:
            return
        self._undo = (self._undo + [self.queue])[-UNDO_DEPTH:]
        self._commit(action, self.queue, after, data)

    def _commit(self, action: str, before: Queue, after: Queue, data: dict) -> None:
        t0 = time.perf_counter()
        self.queue = after
        self.changed.emit(after)
        now = after.explaining
        if now is not None and action != "queue_undo":
            was = before.explaining
            if was is None or was.id != now.id:
                self.explain_started.emit(now)
        kind = action if action.startswith("queue_") else "queue_" + action
        future = self.writer.submit(save_action, self.show_id, before, after, kind, data)
        future.add_done_callback(lambda f: self._written.emit(f, (before, after), action, t0))

    def _on_products_added(self, future: Future, show_id: int) -> None:
        if future.exception() is not None:
            log.error("Adding products to show %s failed: %r", show_id, future.exception())
            self.failed.emit("add_products", "db_error")
            return
        if show_id != self.show_id:  # another show was opened meanwhile: it has its queue
            return
        known = {i.id for i in self.queue.items}
        new = tuple(i for i in future.result().items if i.id not in known)
        # Stored at the end, after every item: the end of this queue and of each undo state
        # (an undo must not take the new products out of the list again).
        self.queue = dataclasses.replace(self.queue, items=self.queue.items + new)
        self._undo = [dataclasses.replace(q, items=q.items + new) for q in self._undo]
        self.changed.emit(self.queue)
        self.products_added.emit(show_id, len(new))

    def _on_written(self, future: Future, change: tuple, action: str, t0: float) -> None:
        error = future.exception()
        if action == "add_products":
            self._on_products_added(future, change[0])
            return
        if action == "open_show":
            if error is None:
                (self.show_id, self.show, self.queue), self._undo = future.result(), []
                self.changed.emit(self.queue)
            else:
                log.error("Opening the show failed: %r", error)
                self.failed.emit(action, "db_error")
            return
        if error is None:
            self.saved.emit(action, (time.perf_counter() - t0) * 1000)
            return
        if action == "flash_sale":
            log.error("Saving the flash sale failed: %r", error)
            self.failed.emit(action, "db_error")
            return
        log.error("Saving queue action %s failed: %r", action, error)
        before, after = change
        if self.queue == after:  # nothing newer on top: show what is really stored
            self.queue = before
            self.changed.emit(before)
        self.failed.emit(action, "db_error")
