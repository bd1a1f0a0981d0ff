"""A believable live room for rehearsals and demos: the numbers a platform's big screen would
show, second by second, driven by what the console is doing (the product being explained, a
flash sale, a 福袋). Pure and seeded: no clock, no thread, no I/O, so the same seed and the same
inputs give the same rows, and a four-hour show runs in about a second.

The room, in short:
- Online viewers follow a target: a ramp after the start (ramp_s), then a slow decline towards
  a floor (decay_s), with a slowly wandering noise. Viewers leave at 1/stay_s per second each;
  entries replace them and pull online towards the target, so that online, entries and leaves
  always add up (online[t] = online[t-1] + entries - leaves).
- A flash sale or a 福袋 starting pushes traffic into the room: a burst that fades (burst_s);
  during a 福袋 viewers stay longer (they wait for the draw) and comment more (its 口令).
- Orders come for the product being explained at a rate per viewer, for a flash sale's product
  at flash_sale_boost times that, and in a tail after either ends (tail_s); never for a product
  without a live price or with no stock left (the stock is counted down by what was sold).
  Some buyers come back for a second order (repeat_buyer_share).
- 场观, paying users, items, GMV, followers and interactions only ever rise.

Output per step: a Batch with one sample of every metric each second (ts on the second) and
the orders, comments and likes at the millisecond they happened, all within the bounds
stats_input accepts."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass

from console.core.metrics import Count, Order, Sample
from console.core.stats_input import Batch, Comment

SECOND_MS = 1000
GAUGES = ("online", "avg_watch_s")
COUNTERS = ("viewers", "gmv_fen", "orders", "paying_users", "items_sold", "new_followers")
COUNTERS += ("fan_club_joins", "interactions")
# Viewers' comments: data, as a viewer would type them (not UI text).
CHAT = (
    "主播好",
    "来了来了",
    "多少钱",
    "几号链接",
    "有优惠券吗",
    "已拍",
    "尺码怎么选",
    "发什么快递",
)
CHAT += ("能便宜点吗", "好看", "求讲解", "还有库存吗", "拍了", "质量怎么样", "支持主播", "666")
LUCKY_BAG_CHAT = ("福袋福袋", "想要想要", "冲冲冲")


@dataclass(frozen=True)
class Product:
    """A product as the room sees it: its live price (None: not priced, so not sold) and the
    stock left (None: not tracked, no limit)."""

    sku: str
    live_price_fen: int | None
    stock: int | None = None


@dataclass(frozen=True)
class RoomInput:
    """What the console is doing at now_ms (Unix epoch ms)."""

    now_ms: int
    explaining: Product | None = None
    flash_sale: Product | None = None  # the product on sale now (past its countdown)
    lucky_bag: bool = False  # a 福袋 running now


@dataclass(frozen=True)
class RoomProfile:
    peak_online: float = 800.0
    ramp_s: float = 300.0
    decay_s: float = 3 * 3600.0
    floor: float = 0.3  # of the peak, where the decline levels off
    noise_sd: float = 0.01  # per second, of the log of the target (an AR(1) walk)
    noise_keep: float = 0.995
    stay_s: float = 120.0  # a viewer's mean time in the room
    pull: float = 0.02  # per second: how fast entries close the gap to the target
    new_viewer_share: float = 0.8  # of entries: first visits (the rest come back)
    burst_share: float = 0.5  # of the peak: viewers a flash sale or 福袋 pulls in
    burst_arrive_s: float = 20.0  # they come within about this long
    burst_s: float = 180.0  # and drift out again over this long
    lucky_bag_stay: float = 1.6  # viewers stay this much longer while a 福袋 runs
    buy_per_viewer_s: float = 0.0002  # orders per viewer per second for the explained product
    flash_sale_boost: float = 4.0
    tail_s: float = 90.0
    repeat_buyer_share: float = 0.15
    qty_weights: tuple[float, ...] = (0.8, 0.15, 0.05)  # 1, 2, 3 items per order
    comment_per_viewer_s: float = 0.001
    lucky_bag_comments: float = 5.0
    like_per_viewer_s: float = 0.03
    share_per_viewer_s: float = 0.0002
    follow_per_viewer_s: float = 0.00015
    fan_club_share: float = 0.08  # of new followers who also join the fan club


class _Selling:
    """A product with a chance of orders: how strongly (1 while explained, decaying after) and
    how much of it is left."""

    __slots__ = ("price", "stock", "sold", "strength")

    def __init__(self, product: Product):
        self.price, self.stock, self.sold, self.strength = None, None, 0, 0.0
        self.update(product)

    def update(self, product: Product) -> None:
        self.price = product.live_price_fen
        if product.stock != self.stock:  # edited in the queue (restocked, sold out): start over
            self.stock, self.sold = product.stock, 0

    @property
    def left(self) -> int | None:
        return None if self.stock is None else max(0, self.stock - self.sold)


class RoomSimulator:
    """step() simulates every whole second after the last one simulated, up to room.now_ms.

    `carry`: the show's latest numbers (metric -> value) when it already has some, so that a
    restarted simulator continues them (counters never fall back to 0) with the room warmed up.
    Order ids and buyers are named after start_ms: another run on the same show never reuses
    them."""

    def __init__(
        self,
        start_ms: int,
        seed: int = 0,
        profile: RoomProfile | None = None,
        carry: Mapping[str, float] | None = None,
    ):
        self.p = p = profile or RoomProfile()
        self.rng = random.Random(seed)
        self.now_ms = start_ms
        self.start_ms = start_ms
        carry = carry or {}
        self.values = {m: float(carry.get(m, 0)) for m in COUNTERS}
        self.online = int(carry.get("online", 0))
        self.watch_s = float(carry.get("avg_watch_s", 0)) * self.values["viewers"]
        # A room that had viewers is taken up at its peak, not ramped from nothing again.
        self.elapsed_s = p.ramp_s * math.log1p(p.decay_s / p.ramp_s) if self.online else 0.0
        self._noise = 0.0
        self._burst = 0.0  # viewers above the curve a burst brought, drifting out
        self._coming = 0.0  # viewers of a burst still on their way in
        self._sale_was = self._bag_was = False
        self._selling: dict[str, _Selling] = {}
        self._buyers = int(self.values["paying_users"])  # carried buyers: not named again
        self._new_buyers: list[str] = []
        self._order_no = 0
        self._tag = f"sim{start_ms}"

    # -- the step --------------------------------------------------------------------------
    def step(self, room: RoomInput) -> Batch:
        samples: list[Sample] = []
        orders: list[Order] = []
        comments: list[Comment] = []
        likes: list[Count] = []
        while self.now_ms + SECOND_MS <= room.now_ms:
            self.now_ms += SECOND_MS
            self.elapsed_s += 1
            self._second(room, samples, orders, comments, likes)
        return Batch(tuple(samples), tuple(orders), tuple(comments), tuple(likes))

    def skip_to(self, now_ms: int) -> None:
        """Move the clock on without simulating (a paused simulator resumed): the room is as
        it was, its next samples are at now_ms's seconds."""
        if now_ms > self.now_ms:
            self.now_ms += (now_ms - self.now_ms) // SECOND_MS * SECOND_MS

    def _second(self, room: RoomInput, samples, orders, comments, likes) -> None:
        p, rng, ts = self.p, self.rng, self.now_ms
        on_sale, bag = room.flash_sale is not None, room.lucky_bag
        if (on_sale and not self._sale_was) or (bag and not self._bag_was):
            self._coming += p.burst_share * p.peak_online  # pushed by the platform's feed
        self._sale_was, self._bag_was = on_sale, bag
        arriving = self._coming / p.burst_arrive_s
        self._coming -= arriving
        # The newcomers raise the target too (so that the pull does not undo them), and
        # drift out again over burst_s.
        self._burst = self._burst * math.exp(-1 / p.burst_s) + arriving
        self._noise = p.noise_keep * self._noise + rng.gauss(0, p.noise_sd)
        target = p.peak_online * self._shape() * math.exp(self._noise) + self._burst

        online = self.online
        leave_rate = 1 / (p.stay_s * (p.lucky_bag_stay if bag else 1))
        leaves = min(online, _poisson(rng, online * leave_rate))
        inflow = online * leave_rate + p.pull * (target - online) + arriving
        entries = _poisson(rng, max(0.0, inflow))
        self.online = online = online - leaves + entries
        v = self.values
        v["viewers"] += _binomial(rng, entries, p.new_viewer_share)
        self.watch_s += online

        self._sell(room, ts, orders)
        talk = online * p.comment_per_viewer_s * (p.lucky_bag_comments if bag else 1)
        said = _poisson(rng, talk)
        for at in sorted(ts - rng.randrange(SECOND_MS) for _ in range(said)):
            chat = LUCKY_BAG_CHAT if bag and rng.random() < 0.7 else CHAT
            viewer = f"{self._tag}-v{rng.randrange(max(1, int(v['viewers'])))}"
            comments.append(Comment(at, rng.choice(chat), viewer))
        liked = _poisson(rng, online * p.like_per_viewer_s)
        if liked:
            likes.append(Count(ts, liked))
        follows = _poisson(rng, online * p.follow_per_viewer_s)
        v["new_followers"] += follows
        v["fan_club_joins"] += _binomial(rng, follows, p.fan_club_share)
        v["interactions"] += said + follows + _poisson(rng, online * p.share_per_viewer_s)

        samples += (
            Sample(ts, "online", float(online)),
            Sample(ts, "entries", float(entries)),
            Sample(ts, "leaves", float(leaves)),
            Sample(
                ts, "avg_watch_s", round(self.watch_s / v["viewers"], 1) if v["viewers"] else 0.0
            ),
        )
        samples += (Sample(ts, m, v[m]) for m in COUNTERS)

    def _shape(self) -> float:
        p, t = self.p, self.elapsed_s
        ramp = 1 - math.exp(-t / p.ramp_s)
        return ramp * (p.floor + (1 - p.floor) * math.exp(-t / p.decay_s))

    # -- orders -----------------------------------------------------------------------------
    def _sell(self, room: RoomInput, ts: int, orders: list[Order]) -> None:
        p, rng = self.p, self.rng
        fade = math.exp(-1 / p.tail_s)
        for selling in self._selling.values():
            selling.strength *= fade
        for product, strength in ((room.explaining, 1.0), (room.flash_sale, p.flash_sale_boost)):
            if product is not None:
                selling = self._selling.get(product.sku)
                if selling is None:
                    selling = self._selling[product.sku] = _Selling(product)
                selling.update(product)
                selling.strength = max(selling.strength, strength)
        for sku in [s for s, sel in self._selling.items() if sel.strength < 0.01]:
            del self._selling[sku]  # long after its explanation (a current one is at 1 or more)
        for sku, selling in self._selling.items():
            if selling.price is None or selling.left == 0:
                continue
            n = _poisson(rng, self.online * p.buy_per_viewer_s * selling.strength)
            for at in sorted(ts - rng.randrange(SECOND_MS) for _ in range(n)):
                left = selling.left
                qty = rng.choices(range(1, len(p.qty_weights) + 1), p.qty_weights)[0]
                qty = qty if left is None else min(qty, left)
                if qty == 0:
                    break
                selling.sold += qty
                orders.append(self._order(at, sku, qty, qty * selling.price))

    def _order(self, ts: int, sku: str, qty: int, amount_fen: int) -> Order:
        v, rng = self.values, self.rng
        if self._new_buyers and rng.random() < self.p.repeat_buyer_share:
            user = rng.choice(self._new_buyers)
        else:
            self._buyers += 1
            user = f"{self._tag}-b{self._buyers}"
            self._new_buyers.append(user)
            v["paying_users"] += 1
        self._order_no += 1
        v["orders"] += 1
        v["items_sold"] += qty
        v["gmv_fen"] += amount_fen
        return Order(ts, f"{self._tag}-{self._order_no}", sku, qty, amount_fen, user)


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:  # a normal is close enough there, and far cheaper than counting
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, prod = math.exp(-lam), 0, rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def _binomial(rng: random.Random, n: int, share: float) -> int:
    if n <= 0:
        return 0
    if n > 30:
        sd = math.sqrt(n * share * (1 - share))
        return min(n, max(0, round(rng.gauss(n * share, sd))))
    return sum(rng.random() < share for _ in range(n))
