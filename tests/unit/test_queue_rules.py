"""The queue's rules, by example and as properties over random action sequences."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core import queue as Q
from console.core.queue import ExplainWindow, Queue, QueueError, QueueItem


def make(n=5):
    return Queue(
        items=tuple(
            QueueItem(id=i, product_id=100 + i, sku=f"S{i}", name=f"P{i}", stock=20)
            for i in range(1, n + 1)
        )
    )


def test_starting_the_next_ends_the_previous():
    q = Q.start_explain(make(), 2, now_ns=100)
    q = Q.start_explain(q, 4, now_ns=250)
    assert [i.state for i in q.items] == ["pending", "done", "pending", "explaining", "pending"]
    assert q.windows == (ExplainWindow(2, 100, 250), ExplainWindow(4, 250, None))


def test_next_goes_down_the_queue_and_stops_at_the_end():
    q = make(3)
    q = Q.next_item(q, 10)
    assert q.explaining.id == 1
    q = Q.next_item(Q.next_item(q, 20), 30)
    assert q.explaining.id == 3
    q = Q.next_item(q, 40)  # end of the queue: stop
    assert q.explaining is None and q.windows[-1].end_ns == 40
    with pytest.raises(QueueError) as e:
        Q.next_item(q, 50)
    assert e.value.code == "nothing_pending"


def test_a_product_can_be_explained_twice():
    q = Q.start_explain(make(), 1, 10)
    q = Q.start_explain(q, 2, 20)
    q = Q.start_explain(q, 1, 30)
    assert [(w.item_id, w.start_ns, w.end_ns) for w in q.windows] == [
        (1, 10, 20),
        (2, 20, 30),
        (1, 30, None),
    ]


def test_sold_out_ends_its_explanation_and_cannot_be_explained():
    q = Q.start_explain(make(), 3, 10)
    q = Q.mark_sold_out(q, 3, 20)
    assert q.item(3).state == "sold_out" and q.item(3).stock == 0 and q.explaining is None
    assert q.windows[-1].end_ns == 20
    with pytest.raises(QueueError) as e:
        Q.start_explain(q, 3, 30)
    assert e.value.code == "sold_out"
    q = Q.set_stock(q, 3, 5)  # restocked: back in the queue
    assert q.item(3).state == "pending"


def test_stock_and_price_never_negative_and_low_stock_flag():
    q = make()
    for action, args in ((Q.set_stock, (1, -1)), (Q.set_price, (1, -1))):
        with pytest.raises(QueueError):
            action(q, *args)
    q = Q.set_stock(q, 1, 10)
    assert q.item(1).is_low_stock and not q.item(2).is_low_stock
    assert Q.set_price(q, 1, 5990).item(1).live_price_fen == 5990


def test_move_and_move_to_top():
    q = Q.move(make(), 5, 1)
    assert [i.id for i in q.items] == [1, 5, 2, 3, 4]
    assert [i.id for i in Q.move_to_top(q, 3).items] == [3, 1, 5, 2, 4]
    assert [i.id for i in Q.move(q, 1, 99).items] == [5, 2, 3, 4, 1]


# -- properties ------------------------------------------------------------------------

ACTIONS = st.one_of(
    st.tuples(st.just("move"), st.integers(1, 6), st.integers(-1, 7)),
    st.tuples(st.just("top"), st.integers(1, 6)),
    st.tuples(st.just("explain"), st.integers(1, 6)),
    st.tuples(st.just("stop")),
    st.tuples(st.just("next")),
    st.tuples(st.just("sold_out"), st.integers(1, 6)),
    st.tuples(st.just("skip"), st.integers(1, 6)),
    st.tuples(st.just("stock"), st.integers(1, 6), st.integers(-3, 50)),
    st.tuples(st.just("price"), st.integers(1, 6), st.integers(-100, 100_000)),
)


def apply(q, action, now):
    kind, *args = action
    fn = {"move": Q.move, "top": Q.move_to_top, "stock": Q.set_stock, "price": Q.set_price}
    if kind in fn:
        return fn[kind](q, *args)
    if kind in ("stop", "next"):
        return {"stop": Q.stop_explain, "next": Q.next_item}[kind](q, now)
    return {"explain": Q.start_explain, "sold_out": Q.mark_sold_out, "skip": Q.skip}[kind](
        q, *args, now
    )


def check_invariants(q, ids):
    assert sorted(i.id for i in q.items) == ids  # positions stay a permutation
    assert sum(i.state == "explaining" for i in q.items) <= 1
    open_windows = [w for w in q.windows if w.end_ns is None]
    assert len(open_windows) == (1 if q.explaining else 0)
    if q.explaining:
        assert q.windows[-1] == ExplainWindow(q.explaining.id, q.windows[-1].start_ns)
    for a, b in zip(q.windows, q.windows[1:], strict=False):  # windows never overlap
        assert a.end_ns is not None and a.start_ns <= a.end_ns <= b.start_ns
    assert all(i.stock is None or i.stock >= 0 for i in q.items)
    assert all(i.live_price_fen is None or i.live_price_fen >= 0 for i in q.items)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(ACTIONS, st.integers(0, 1000)), max_size=40))
def test_any_action_sequence_keeps_the_rules_and_undo_restores_exactly(steps):
    q = make(6)
    ids = sorted(i.id for i in q.items)
    history = [q]
    now = 0
    for action, dt in steps:
        now += dt
        try:
            new = apply(q, action, now)
        except QueueError:
            continue  # refused: the queue is unchanged
        check_invariants(new, ids)
        if new != q:
            history.append(new)
        q = new
    while len(history) > 1:  # undo, step by step, back to the start
        history.pop()
        q = history[-1]
        check_invariants(q, ids)
    assert q == make(6)
