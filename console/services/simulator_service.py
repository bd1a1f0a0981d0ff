"""The rehearsal simulator in the console: every tick it reads what the queue and the offers are
doing (on the GUI thread, plain values), lets the room model (console/ingest/simulator.py) run
the seconds since the last tick, and hands the rows to the writer thread (source "sim").

Only for a rehearsal show, or anything in --demo: it never invents numbers for a real show.
With `speed` above 1 the simulated clock runs ahead of the wall clock (60: a minute of show per
second), for tests and demos; a tick never simulates more than MAX_TICK_S, and while the writer
has MAX_IN_FLIGHT batches unanswered the tick waits, so a slow disk slows the room down instead
of queueing rows without end.

What the simulated room buys comes off the queue's stock (a stock edit, as the assistant makes
when the platform's console shows the new figure), so a rehearsal also rehearses 库存告急 and
sold out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.metrics import METRICS
from console.core.offers import LUCKY_BAG, ON_SALE, RUNNING
from console.core.queue import SOLD_OUT, QueueError, QueueItem
from console.ingest.simulator import Product, RoomInput, RoomProfile, RoomSimulator
from console.services.writer_calls import WriterCalls
from console.store import stats_repo
from console.store.writer import WriterClosedError

log = logging.getLogger(__name__)

SOURCE = "sim"
MAX_TICK_S = 600  # simulated seconds per tick at most (10 minutes: a few ms of work)
MAX_IN_FLIGHT = 3


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class SimulatorService(QObject):
    running_changed = Signal(bool)
    allowed_changed = Signal(bool)  # whether start() may run for the open show
    wrote = Signal(int)  # rows of one batch, committed
    failed = Signal(str, str)  # action, reason code: no_show, not_rehearsal, db_error

    def __init__(
        self,
        writer,
        queue,
        offers=None,
        *,
        demo: bool = False,
        interval_ms: int = 1000,
        speed: float = 1.0,
        seed: int | None = None,
        profile: RoomProfile | None = None,
        wall: Callable[[], int] = wall_ms,
        parent: QObject | None = None,
    ):
        """`seed`: the room's randomness (default: the show's id, so a show's rehearsal looks
        the same each time); `wall`: now in epoch ms (tests)."""
        super().__init__(parent)
        self.writer, self.queue, self.offers = writer, queue, offers
        self.demo, self.speed, self.seed, self.profile = demo, speed, seed, profile
        self.wall = wall
        self.calls = WriterCalls(writer, self)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._rooms: dict[int, RoomSimulator] = {}  # per show: a restart continues its room
        self._show_id: int | None = None  # the show being simulated while running
        self._in_flight = 0
        self._last_tick = 0.0  # time.monotonic() of the last tick that simulated
        self._sim_ms = 0.0  # the simulated clock (ms): a tick's fraction of a second carries on
        self._allowed = self.allowed
        queue.changed.connect(self._on_queue_changed)

    @property
    def running(self) -> bool:
        return self._show_id is not None

    @property
    def allowed(self) -> bool:
        show = self.queue.show
        if show is None or self.queue.show_id is None or show.id != self.queue.show_id:
            return False
        return self.demo or show.rehearsal

    def start(self) -> bool:
        """Run the room for the open show; False (and `failed`) when it may not."""
        if self.running:
            return True
        if self.queue.show_id is None:
            self.failed.emit("simulator", "no_show")
            return False
        if not self.allowed:
            self.failed.emit("simulator", "not_rehearsal")
            return False
        show_id = self._show_id = self.queue.show_id
        self.writer.record("simulator_started", show_id=show_id, speed=self.speed)
        if show_id in self._rooms:
            self._go(show_id)
        else:  # continue the numbers the show already has (an earlier run, another source)
            self.calls.submit(
                stats_repo.latest_values,
                show_id,
                tuple(METRICS),
                then=lambda f: self._on_latest_read(f, show_id),
            )
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        if not self.running:
            return
        self._timer.stop()
        self.writer.record("simulator_stopped", show_id=self._show_id)
        self._show_id = None
        self.running_changed.emit(False)

    # -- internals --------------------------------------------------------------------------
    def _on_latest_read(self, future: Future, show_id: int) -> None:
        if show_id != self._show_id or show_id in self._rooms:
            return  # stopped (or restarted) meanwhile
        error = future.exception()
        if error is not None:
            self._fail(error)
            return
        carry = {metric: value for metric, (_, value) in future.result().items()}
        seed = show_id if self.seed is None else self.seed
        self._rooms[show_id] = RoomSimulator(self.wall(), seed, self.profile, carry)
        self._go(show_id)

    def _go(self, show_id: int) -> None:
        room = self._rooms[show_id]
        room.skip_to(self.wall())  # resumed: from now on (or on, if sped ahead of the wall)
        self._sim_ms = float(room.now_ms)
        self._last_tick = time.monotonic()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        show_id = self._show_id
        if show_id is None or show_id not in self._rooms or self._in_flight >= MAX_IN_FLIGHT:
            return
        if not self.allowed or show_id != self.queue.show_id:
            self.stop()
            return
        now = time.monotonic()
        self._sim_ms += min((now - self._last_tick) * self.speed, MAX_TICK_S) * 1000
        self._last_tick = now
        batch = self._rooms[show_id].step(self._room_input(int(self._sim_ms)))
        if not len(batch):
            return
        self._in_flight += 1
        self.calls.submit(
            stats_repo.insert_batch,
            show_id,
            batch,
            SOURCE,
            then=lambda f: self._on_written(f, show_id, batch.orders),
        )

    def _room_input(self, now_ms: int) -> RoomInput:
        queue = self.queue.queue
        explaining = _product(queue.explaining)
        on_sale = None
        sale = self.queue.flash_sale
        if sale is not None and sale.phase(self.queue.clock())[0] == ON_SALE:
            try:
                on_sale = _product(queue.item(sale.item_id))
            except QueueError:  # its item left the queue
                pass
        bag = False
        if self.offers is not None:
            at = self.offers.clock()
            bag = any(o.kind == LUCKY_BAG and o.phase(at)[0] == RUNNING for o in self.offers.offers)
        return RoomInput(now_ms, explaining, on_sale, bag)

    def _on_written(self, future: Future, show_id: int, orders) -> None:
        self._in_flight -= 1
        error = future.exception()
        if error is not None:
            self._fail(error)
            return
        if show_id == self.queue.show_id:
            self._count_down_stock(orders)
        self.wrote.emit(future.result().inserted)

    def _count_down_stock(self, orders) -> None:
        sold: dict[str, int] = {}
        for o in orders:
            sold[o.sku] = sold.get(o.sku, 0) + o.qty
        for item in self.queue.queue.items:
            qty = sold.pop(item.sku, 0)
            if qty and item.stock is not None and item.state != SOLD_OUT:
                self.queue.set_stock(item.id, max(0, item.stock - qty))

    def _fail(self, error: BaseException) -> None:
        if isinstance(error, WriterClosedError):  # shutting down: nothing to say
            log.info("The simulator stopped with the writer")
        else:
            log.error("The simulator's rows could not be stored: %r", error)
            self.failed.emit("simulator", "db_error")
        self.stop()

    def _on_queue_changed(self, _queue=None) -> None:
        if self.running and self._show_id != self.queue.show_id:
            self.stop()  # another show: its own start (a real show must never get these)
        allowed = self.allowed
        if allowed != self._allowed:
            self._allowed = allowed
            self.allowed_changed.emit(allowed)


def _product(item: QueueItem | None) -> Product | None:
    if item is None:
        return None
    stock = 0 if item.state == SOLD_OUT else item.stock
    return Product(item.sku, item.live_price_fen, stock)
