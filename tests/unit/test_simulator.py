"""The rehearsal room model: seeded and repeatable, believable shapes (online ramps then
declines, bursts on a flash sale or 福袋, orders only for what is explained and in stock, more
in a flash sale), counters that never fall, every row one the ingest would accept, and a
four-hour show in well under a few seconds."""

import json
import statistics
import time

import pytest

from console.core.metrics import CUMULATIVE, METRICS, ShowData, totals_at
from console.core.stats_input import parse
from console.ingest.simulator import COUNTERS, Product, RoomInput, RoomSimulator

T0 = 1_750_000_000_000
S = 1000
HOUR = 3600
LIPSTICK = Product("SKU-LIP", 5990, None)  # ¥59.90, stock not tracked
SCARF = Product("SKU-SCARF", 12900, 10_000)


def run(sim, seconds, plan=lambda t: {}):
    """One step per simulated second; plan(t) gives RoomInput's other fields at second t."""
    return [sim.step(RoomInput(T0 + t * S, **plan(t))) for t in range(1, seconds + 1)]


def rows(batches, kind):
    return [r for b in batches for r in getattr(b, kind)]


def series(batches, metric):
    return [s.value for s in rows(batches, "samples") if s.metric == metric]


def explain_plan(t):
    """Lipstick explained in minutes 5-15, the scarf in minutes 20-30, nothing otherwise."""
    if 300 <= t < 900:
        return {"explaining": LIPSTICK}
    if 1200 <= t < 1800:
        return {"explaining": SCARF}
    return {}


@pytest.fixture(scope="module")
def four_hours():
    """A four-hour show: a product explained 8 minutes of every 12, a 福袋 every 45 minutes
    and a flash sale on the hour; its run time is measured."""
    products = [Product(f"SKU-{n}", 3990 + 1000 * n, 300) for n in range(12)]

    def plan(t):
        minute = t // 60
        product = products[minute // 12 % len(products)] if minute % 12 < 8 else None
        sale = product if product is not None and 30 <= minute % 60 < 35 else None
        return {"explaining": product, "flash_sale": sale, "lucky_bag": 20 <= minute % 45 < 25}

    started = time.perf_counter()
    batches = run(RoomSimulator(T0, seed=7), 4 * HOUR, plan)
    return batches, time.perf_counter() - started, plan


def test_a_four_hour_show_simulates_in_well_under_a_few_seconds(four_hours):
    batches, seconds, _ = four_hours
    print(f"\n4-hour show simulated in {seconds * 1000:.0f} ms ({sum(map(len, batches))} rows)")
    assert seconds < 3.0
    assert len(series(batches, "online")) == 4 * HOUR  # 1 Hz, one each second


def test_same_seed_same_room_other_seed_other_room():
    a = run(RoomSimulator(T0, seed=1), 1200, explain_plan)
    b = run(RoomSimulator(T0, seed=1), 1200, explain_plan)
    c = run(RoomSimulator(T0, seed=2), 1200, explain_plan)
    assert a == b
    assert a != c


def test_one_big_step_is_the_same_as_many_small_ones():
    small = run(RoomSimulator(T0, seed=3), 600, lambda t: {"explaining": LIPSTICK})
    big = RoomSimulator(T0, seed=3).step(RoomInput(T0 + 600 * S + 999, LIPSTICK))
    assert rows(small, "samples") == list(big.samples)
    assert rows(small, "orders") == list(big.orders)


def test_samples_are_on_the_second_and_events_within_it(four_hours):
    batches, _, _ = four_hours
    for t, batch in enumerate(batches[:900], 1):
        assert {s.ts_ms for s in batch.samples} == {T0 + t * S}
        assert {s.metric for s in batch.samples} == set(METRICS)
        for r in batch.orders + batch.comments + batch.likes:
            assert T0 + (t - 1) * S < r.ts_ms <= T0 + t * S


def test_online_ramps_up_then_declines_slowly(four_hours):
    online = series(four_hours[0], "online")
    per_10_min = [statistics.mean(online[i : i + 600]) for i in range(0, len(online), 600)]
    peak = max(per_10_min)
    assert online[0] < 50  # the room opens nearly empty
    assert statistics.mean(online[:60]) < 0.3 * peak  # and fills over minutes
    assert per_10_min.index(peak) < 9  # peak within the first hour and a half
    assert 0.3 * peak < per_10_min[-1] < 0.8 * peak  # a slow decline, not a collapse
    # noisy, not a smooth curve
    assert len(set(online[3600:3700])) > 10


def test_entries_and_leaves_add_up_to_online(four_hours):
    batches, _, _ = four_hours
    online, entries, leaves = (series(batches, m) for m in ("online", "entries", "leaves"))
    before = 0
    for now, came, went in zip(online, entries, leaves, strict=True):
        assert now == before + came - went
        before = now
    assert sum(entries) > 10 * max(online)  # people come and go; 场观 is far above online


def test_counters_never_decrease(four_hours):
    batches, _, _ = four_hours
    for metric in COUNTERS:
        values = series(batches, metric)
        assert all(a <= b for a, b in zip(values, values[1:], strict=False)), metric
        assert values[-1] > 0, metric
    viewers = series(batches, "viewers")
    assert viewers[-1] > 5 * max(series(batches, "online"))  # 场观 grows well past online


def test_every_batch_is_what_the_ingest_accepts(four_hours):
    batches, _, _ = four_hours
    for batch in batches[::7]:  # a spread of them; parse is the slow part
        for s in batch.samples:
            assert METRICS[s.metric].accepts(s.value), s
        assert parse(json.loads(json.dumps(as_document(batch))), T0) == batch


def as_document(batch):
    """The batch as a client of the HTTP API would post it."""
    items = [
        {"type": "sample", "ts": s.ts_ms, "metric": s.metric, "value": s.value}
        for s in batch.samples
    ]
    items += [
        {"type": "order", "ts": o.ts_ms, "order_id": o.order_id, "sku": o.sku, "qty": o.qty}
        | {"amount_fen": o.amount_fen, "user": o.user}
        for o in batch.orders
    ]
    items += [
        {"type": "comment", "ts": c.ts_ms, "user": c.user, "text": c.text} for c in batch.comments
    ]
    items += [{"type": "like", "ts": lk.ts_ms, "count": lk.n} for lk in batch.likes]
    return {"items": items}


def test_orders_follow_the_explained_product_with_a_tail():
    batches = run(RoomSimulator(T0, seed=4), 2400, explain_plan)
    orders = rows(batches, "orders")
    seconds = {o.order_id: (o.ts_ms - T0 - 1) // S + 1 for o in orders}
    assert orders
    for o in orders:
        t = seconds[o.order_id]
        assert t >= 300  # nothing sells before the first explanation
        if o.sku == LIPSTICK.sku:
            assert 300 <= t < 900 + 600  # during, or in the tail after it
        else:
            assert o.sku == SCARF.sku and 1200 <= t < 1800 + 600
        price = LIPSTICK.live_price_fen if o.sku == LIPSTICK.sku else SCARF.live_price_fen
        assert o.amount_fen == price * o.qty and o.qty >= 1
    during = sum(300 <= seconds[o.order_id] < 900 for o in orders)
    tail = sum(900 <= seconds[o.order_id] < 1200 for o in orders)
    assert during > 2 * tail > 0  # a tail, smaller than the explanation itself
    assert len({o.order_id for o in orders}) == len(orders)


def test_no_orders_for_a_sold_out_or_unpriced_product_and_never_beyond_stock():
    sold_out = Product("SKU-GONE", 9900, 0)
    unpriced = Product("SKU-FREE", None, None)
    few = Product("SKU-FEW", 9900, 5)
    products = [sold_out, unpriced, few]
    batches = run(
        RoomSimulator(T0, seed=5), 3600, lambda t: {"explaining": products[(t - 1) // 1200]}
    )
    orders = rows(batches, "orders")
    assert {o.sku for o in orders} == {"SKU-FEW"}
    assert sum(o.qty for o in orders) == 5  # sold out, then nothing more


def test_restocking_sells_again():
    def plan(t):
        return {"explaining": Product("SKU-FEW", 9900, 3 if t < 900 else 20)}

    orders = rows(run(RoomSimulator(T0, seed=6), 1800, plan), "orders")
    assert sum(o.qty for o in orders if o.ts_ms <= T0 + 899 * S) == 3
    assert sum(o.qty for o in orders) == 23


def test_a_flash_sale_raises_the_order_rate_and_pulls_viewers_in():
    def plain(t):
        return {"explaining": LIPSTICK}

    def sale(t):
        return {"explaining": LIPSTICK, "flash_sale": LIPSTICK if 1200 <= t < 1500 else None}

    def window(batches, lo, hi, kind="orders"):
        return [r for r in rows(batches, kind) if T0 + lo * S < r.ts_ms <= T0 + hi * S]

    without = run(RoomSimulator(T0, seed=8), 1500, plain)
    with_sale = run(RoomSimulator(T0, seed=8), 1500, sale)
    assert len(window(with_sale, 1200, 1500)) > 2 * len(window(without, 1200, 1500))
    assert window(with_sale, 0, 1199) == window(without, 0, 1199)  # the same room until then
    online_without = series(without, "online")[1300]
    online_with = series(with_sale, "online")[1300]
    assert online_with > 1.15 * online_without  # the burst of viewers


def test_a_flash_sale_sells_its_product_even_while_another_is_explained():
    def plan(t):
        return {"explaining": LIPSTICK, "flash_sale": SCARF}

    orders = rows(run(RoomSimulator(T0, seed=9), 1200, plan), "orders")
    assert {o.sku for o in orders} == {LIPSTICK.sku, SCARF.sku}
    assert sum(o.sku == SCARF.sku for o in orders) > sum(o.sku == LIPSTICK.sku for o in orders)


def test_a_lucky_bag_brings_viewers_and_comments():
    def bag(t):
        return {"lucky_bag": 1200 <= t < 1500}

    quiet = run(RoomSimulator(T0, seed=10), 1500)
    lucky = run(RoomSimulator(T0, seed=10), 1500, bag)
    assert series(lucky, "online")[1400] > 1.15 * series(quiet, "online")[1400]
    said = [c for c in rows(lucky, "comments") if c.ts_ms > T0 + 1200 * S]
    quiet_said = [c for c in rows(quiet, "comments") if c.ts_ms > T0 + 1200 * S]
    assert len(said) > 3 * len(quiet_said)


def test_buyers_come_back_and_the_counters_match_the_orders(four_hours):
    batches, _, _ = four_hours
    orders = rows(batches, "orders")
    users = {o.user for o in orders}
    assert len(users) < len(orders)  # some repeat buyers
    assert len(users) > 0.7 * len(orders)  # but most buy once
    data = ShowData(rows(batches, "samples"), orders)
    end = T0 + 4 * HOUR * S
    from_orders, from_counters = totals_at(data, end), totals_at(data, end, "samples")
    assert from_orders.source == "orders"
    for name in ("gmv_fen", "orders", "items_sold", "paying_users"):
        assert getattr(from_orders, name) == getattr(from_counters, name), name
    conversion = from_orders.conversion
    assert 0.005 < conversion < 0.2  # paying users / 场观: a believable room


def test_carried_numbers_continue_and_skip_to_moves_on_silently():
    first = run(RoomSimulator(T0, seed=11), 1800, explain_plan)
    carry = {s.metric: s.value for s in first[-1].samples}
    resumed_at = T0 + 3600 * S
    sim = RoomSimulator(resumed_at, seed=12, carry=carry)
    sim.skip_to(resumed_at + 10_500)
    assert sim.now_ms == resumed_at + 10_000
    batch = sim.step(RoomInput(resumed_at + 70_000, LIPSTICK))
    values = {}
    for s in batch.samples:
        values.setdefault(s.metric, s.value)
    assert min(s.ts_ms for s in batch.samples) == resumed_at + 11_000
    for metric in COUNTERS:
        assert values[metric] >= carry[metric], metric
    assert values["online"] > 0.5 * carry["online"]  # warmed up, not ramped from nothing
    assert not {o.order_id for o in batch.orders} & {o.order_id for o in rows(first, "orders")}
    assert all(METRICS[m].kind == CUMULATIVE for m in COUNTERS)
