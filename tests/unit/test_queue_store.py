"""The queue survives the store exactly: every action, and every undo, saved as a difference and
loaded back gives the same Queue."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.queue import QueueError
from console.store.db import open_db
from console.store.queue_repo import add_products, load_queue, save_queue
from tests.unit.test_queue_rules import ACTIONS, apply, check_invariants


@pytest.fixture
def show_db(tmp_path):
    db = open_db(tmp_path / "shows.db")
    show_id = db["shows"].insert({"title": "618 大促", "platform": "douyin"}).last_pk
    db["products"].insert_all(
        {
            "sku": f"SKU{n}",
            "name": f"商品{n}",
            "live_price_fen": 990 * n,
            "stock": 5 * n,
            "link_no": str(n),
            "selling_points": "卖点",
        }
        for n in range(1, 7)
    )
    add_products(db, show_id, [1, 2, 3, 4, 5, 6])
    yield db, show_id
    db.close()


def test_products_join_the_queue_with_catalog_price_and_stock(show_db):
    db, show_id = show_db
    q = load_queue(db, show_id)
    assert [i.sku for i in q.items] == [f"SKU{n}" for n in range(1, 7)]
    assert (q.items[2].live_price_fen, q.items[2].stock, q.items[2].state) == (2970, 15, "pending")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(ACTIONS, st.integers(0, 1000)), max_size=25))
def test_actions_and_undos_round_trip_through_the_store(show_db, steps):
    db, show_id = show_db
    start = load_queue(db, show_id)
    ids = sorted(i.id for i in start.items)
    history = [start]
    now = 0
    for action, dt in steps:
        now += dt
        q = history[-1]
        try:
            new = apply(q, action, now)
        except QueueError:
            continue
        with db.atomic():
            save_queue(db, q, new, "2026-11-25T10:00:00+00:00")
        assert load_queue(db, show_id) == new
        history.append(new)
    while len(history) > 1:
        current = history.pop()
        with db.atomic():
            save_queue(db, current, history[-1], "2026-11-25T10:00:00+00:00")
        loaded = load_queue(db, show_id)
        assert loaded == history[-1]
        check_invariants(loaded, ids)
    assert load_queue(db, show_id) == start


def test_a_product_without_stock_joins_the_queue_sold_out(show_db):
    db, show_id = show_db
    db["products"].insert({"sku": "EMPTY", "name": "已空", "stock": 0})
    add_products(db, show_id, [7])
    assert load_queue(db, show_id).items[-1].state == "sold_out"
