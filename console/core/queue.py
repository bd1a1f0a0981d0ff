"""The show's product queue (中控台) as a value: every action is a pure function from one
Queue to the next, so undo is "go back to the previous value" and the rules can be checked
by property tests. Times are monotonic nanoseconds; the store adds wall-clock time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

PENDING, EXPLAINING, DONE, SOLD_OUT, SKIPPED = (
    "pending",
    "explaining",
    "done",
    "sold_out",
    "skipped",
)
STATES = (PENDING, EXPLAINING, DONE, SOLD_OUT, SKIPPED)
DEFAULT_LOW_STOCK = 10


class QueueError(ValueError):
    """An action the queue refuses; `code` is for the ui to word."""

    def __init__(self, code: str, item_id: int | None = None):
        super().__init__(code if item_id is None else f"{code}: item {item_id}")
        self.code = code
        self.item_id = item_id


@dataclass(frozen=True)
class QueueItem:
    id: int
    product_id: int
    sku: str
    name: str
    link_no: str = ""
    live_price_fen: int | None = None
    stock: int | None = None
    low_stock: int = DEFAULT_LOW_STOCK
    state: str = PENDING
    selling_points: str = ""
    preset_id: int | None = None  # the product's look, recalled when 讲解 starts

    @property
    def is_low_stock(self) -> bool:
        """库存告急: stock known and at or under the threshold (sold out counts too)."""
        return self.stock is not None and self.stock <= self.low_stock


@dataclass(frozen=True)
class ExplainWindow:
    item_id: int
    start_ns: int
    end_ns: int | None = None  # None while the product is being explained


@dataclass(frozen=True)
class Queue:
    items: tuple[QueueItem, ...] = ()  # in queue order
    windows: tuple[ExplainWindow, ...] = ()  # in start order; at most the last one is open

    @property
    def explaining(self) -> QueueItem | None:
        return next((i for i in self.items if i.state == EXPLAINING), None)

    def item(self, item_id: int) -> QueueItem:
        for i in self.items:
            if i.id == item_id:
                return i
        raise QueueError("no_such_item", item_id)

    def index(self, item_id: int) -> int:
        return self.items.index(self.item(item_id))

    def next_up(self) -> QueueItem | None:
        """The first pending item after the one being explained (or from the top)."""
        current = self.explaining
        start = self.index(current.id) + 1 if current else 0
        return next((i for i in self.items[start:] if i.state == PENDING), None)


def _with_item(q: Queue, item_id: int, **changes) -> Queue:
    q.item(item_id)  # raises for an unknown id
    return replace(q, items=tuple(replace(i, **changes) if i.id == item_id else i for i in q.items))


def _close_window(q: Queue, now_ns: int, new_state: str) -> Queue:
    """End the current explanation, if any: its window closes and the item takes new_state."""
    current = q.explaining
    if current is None:
        return q
    windows = q.windows
    if windows and windows[-1].end_ns is None:
        last = windows[-1]
        windows = windows[:-1] + (replace(last, end_ns=max(now_ns, last.start_ns)),)
    return _with_item(replace(q, windows=windows), current.id, state=new_state)


def move(q: Queue, item_id: int, to_index: int) -> Queue:
    item = q.item(item_id)
    rest = [i for i in q.items if i.id != item_id]
    to_index = max(0, min(to_index, len(rest)))
    rest.insert(to_index, item)
    return replace(q, items=tuple(rest))


def move_to_top(q: Queue, item_id: int) -> Queue:
    return move(q, item_id, 0)


def start_explain(q: Queue, item_id: int, now_ns: int) -> Queue:
    """讲解 this item; whatever was being explained is done. One explaining item at most."""
    item = q.item(item_id)
    if item.state == SOLD_OUT:
        raise QueueError("sold_out", item_id)
    if item.state == EXPLAINING:
        return q
    q = _close_window(q, now_ns, DONE)
    start = max([now_ns] + [w.end_ns for w in q.windows if w.end_ns is not None])
    q = replace(q, windows=q.windows + (ExplainWindow(item_id, start),))
    return _with_item(q, item_id, state=EXPLAINING)


def stop_explain(q: Queue, now_ns: int) -> Queue:
    return _close_window(q, now_ns, DONE)


def next_item(q: Queue, now_ns: int) -> Queue:
    """N: explain the next pending item; at the end of the queue just stop."""
    following = q.next_up()
    if following is None:
        if q.explaining is None:
            raise QueueError("nothing_pending")
        return stop_explain(q, now_ns)
    return start_explain(q, following.id, now_ns)


def mark_sold_out(q: Queue, item_id: int, now_ns: int) -> Queue:
    if q.item(item_id).state == EXPLAINING:
        q = _close_window(q, now_ns, SOLD_OUT)
    return _with_item(q, item_id, state=SOLD_OUT, stock=0)


def skip(q: Queue, item_id: int, now_ns: int) -> Queue:
    if q.item(item_id).state == EXPLAINING:
        q = _close_window(q, now_ns, SKIPPED)
    return _with_item(q, item_id, state=SKIPPED)


def set_price(q: Queue, item_id: int, live_price_fen: int) -> Queue:
    if live_price_fen < 0:
        raise QueueError("negative_price", item_id)
    return _with_item(q, item_id, live_price_fen=live_price_fen)


def set_stock(q: Queue, item_id: int, stock: int) -> Queue:
    """Stock never goes negative; restocking a sold-out item puts it back in the queue."""
    if stock < 0:
        raise QueueError("negative_stock", item_id)
    item = q.item(item_id)
    state = PENDING if item.state == SOLD_OUT and stock > 0 else item.state
    return _with_item(q, item_id, stock=stock, state=state)
