"""StatsService against a real SQLite file written through the one writer: the cards match a
hand count, new rows show within a poll, markers come from the timeline tables, the product
rows take their stock from the queue, and stop() leaves no thread behind."""

import json
import random
import threading
import time
from datetime import UTC, datetime

import pytest

from console.core import metrics as m
from console.core.metrics import Count, Order, Sample
from console.core.stats_input import Batch, Comment
from console.services.queue_service import QueueService
from console.services.stats_service import (
    COMMENTS_MINUTE,
    DROPPED,
    EXPLAIN,
    FLASH_SALE,
    MUTE,
    ONLINE,
    ORDERS_MINUTE,
    SCENE,
    SEGMENT,
    LiveShowData,
    StatsService,
)
from console.store import stats_repo
from console.store.writer import DbWriter
from tests.helpers.show_db import make_show

MIN = 60_000
T0 = 1_750_000_020_000  # a whole minute (UTC)
NOW = T0 + 10 * MIN

PRODUCTS = [
    {"sku": "A1", "name": "保湿面霜", "live_price_fen": 990, "stock": 50},
    {"sku": "B2", "name": "防晒喷雾", "live_price_fen": 1980, "stock": 8},
]


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


@pytest.fixture
def room(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, PRODUCTS)
    writer = DbWriter(path)
    services = []

    def service(**kwargs) -> StatsService:
        s = StatsService(path, clock_ms=kwargs.pop("clock_ms", lambda: NOW), **kwargs)
        services.append(s)
        return s

    def write(batch: Batch) -> None:
        writer.submit(stats_repo.insert_batch, show_id, batch, "manual").result(5)

    yield type("Room", (), {"path": path, "show_id": show_id, "writer": writer})(), service, write
    for s in services:
        s.stop()
    writer.close()


def hand_counted_batch() -> Batch:
    return Batch(
        samples=(
            Sample(T0, "online", 100),
            Sample(T0 + 4 * MIN, "online", 150),
            Sample(T0 + 9 * MIN, "online", 120),
            Sample(T0, "viewers", 1000),
            Sample(T0 + 4 * MIN, "viewers", 1500),
            Sample(T0 + 9 * MIN, "viewers", 2000),
        ),
        orders=(
            Order(T0 + 1 * MIN, "o1", "A1", 1, 990, "a"),
            Order(T0 + 6 * MIN, "o2", "B2", 1, 1980, "b"),
            Order(T0 + 8 * MIN, "o3", "A1", 1, 500, "a"),
        ),
        comments=tuple(Comment(T0 + k * 20_000, "多少钱") for k in range(6)),  # 3 + 3 a minute
        likes=(Count(T0 + 30_000, 7), Count(T0 + 70_000, 5)),
    )


def wait_view(qtbot, service, until, timeout=3000):
    qtbot.waitUntil(lambda: until(service.view), timeout=timeout)
    return service.view


def test_cards_match_a_hand_count(qtbot, room):
    r, make, write = room
    write(hand_counted_batch())
    service = make()
    service.open_show(r.show_id)
    view = wait_view(qtbot, service, lambda v: v.card("orders").value is not None)
    # At T0+10 min, and 5 minutes earlier (T0+5 min).
    assert view.card("online").value == 120 and view.card("online").delta == 120 - 150
    assert view.card("gmv_fen").value == 990 + 1980 + 500
    assert view.card("gmv_fen").delta == 1980 + 500
    assert view.card("orders").value == 3 and view.card("orders").delta == 2
    # Paying users: the distinct buyers a, b; viewers: the 场观 counter.
    assert view.card("conversion").value == pytest.approx(2 / 2000)
    assert view.card("conversion").delta == pytest.approx(2 / 2000 - 1 / 1500)
    assert view.card("gpm_fen").value == 1735  # 3470 × 1000 / 2000
    assert view.card("gpm_fen").delta == 1735 - 660  # 990 × 1000 / 1500
    assert view.sales_source == m.ORDERS
    online = view.series[ONLINE]
    assert list(online.y) == [100, 150, 120] and online.x[0] == T0 / 1000
    assert list(view.series[ORDERS_MINUTE].y) == [0, 1, 0, 0, 0, 0, 1, 0, 1, 0]
    assert list(view.series[COMMENTS_MINUTE].y[:3]) == [3, 3, 0]
    assert view.start_ms == T0 and view.now_ms == NOW


def test_new_rows_show_within_a_second(qtbot, room):
    r, make, write = room
    write(hand_counted_batch())
    service = make()
    service.open_show(r.show_id)
    wait_view(qtbot, service, lambda v: v.card("orders").value == 3)
    write(Batch(orders=(Order(T0 + 9 * MIN + 30_000, "o4", "B2", 2, 3960, "c"),)))
    # Polled every 0.5 s: on the cards within one poll and the view's way to the GUI.
    wait_view(qtbot, service, lambda v: v.card("orders").value == 4, timeout=1500)
    assert service.view.card("gmv_fen").value == 3470 + 3960
    # A late row (an import of an earlier minute) is new by id, and lands in its own minute.
    write(Batch(orders=(Order(T0 + 2 * MIN + 5, "o0", "A1", 1, 100, "d"),)))
    view = wait_view(qtbot, service, lambda v: v.card("orders").value == 5, timeout=1500)
    assert list(view.series[ORDERS_MINUTE].y[:3]) == [0, 1, 1]


def test_updates_come_at_most_ten_a_second(qtbot, room):
    r, make, write = room
    write(hand_counted_batch())
    service = make(poll_s=0.01)
    times = []
    service.updated.connect(lambda v: v.start_ms is not None and times.append(time.monotonic()))
    service.open_show(r.show_id)  # (the empty view it emits at once is not counted)
    qtbot.wait(1000)
    assert 3 <= len(times) <= 11  # polled every 10 ms, posted at most every 100 ms


def test_markers_from_the_timeline_tables(qtbot, room):
    r, make, write = room
    write(hand_counted_batch())

    def add_markers(db):
        items = [row[0] for row in db.execute("SELECT id FROM show_items ORDER BY position")]
        db["explain_windows"].insert_all(
            [
                {
                    "show_item_id": items[0],
                    "start_mono_ns": 1,
                    "start_wall": iso(T0 + 30_000),
                    "end_mono_ns": 2,
                    "end_wall": iso(T0 + 5 * MIN),
                },
                {  # still explaining
                    "show_item_id": items[1],
                    "start_mono_ns": 3,
                    "start_wall": iso(T0 + 5 * MIN + 30_000),
                },
            ]
        )
        db["segments"].insert(
            {
                "show_id": r.show_id,
                "position": 0,
                "title": "开场福利",
                "planned_s": 600,
                "actual_start_wall": iso(T0),
            }
        )
        db["offers"].insert(
            {
                "show_id": r.show_id,
                "show_item_id": items[1],
                "kind": "flash_sale",
                "countdown_s": 10,
                "duration_s": 120,
                "start_wall": iso(T0 + 6 * MIN),
                "state": "ended",
            }
        )
        events = [  # OBS's events carry no show: they count within the show's time
            ("scene_changed", T0 + 2 * MIN, None, {"scene": "特写"}),
            ("input_muted", T0 + 3 * MIN, None, {"input": "Mic"}),
            ("input_unmuted", T0 + 3 * MIN + 15_000, None, {"input": "Mic"}),
            ("dropped_frames", T0 + 7 * MIN, r.show_id, {"pct": 2.5}),
            ("scene_changed", T0 - 3 * 3600_000, None, {"scene": "yesterday"}),
            ("flash_sale_ended", T0 + 7 * MIN, r.show_id, {"item": items[1]}),
        ]
        db["events"].insert_all(
            {"mono_ns": 0, "wall": iso(t), "kind": k, "show_id": s, "data": json.dumps(d)}
            for k, t, s, d in events
        )

    r.writer.submit(add_markers).result(5)
    service = make()
    service.open_show(r.show_id)
    view = wait_view(qtbot, service, lambda v: len(v.markers) >= 6)
    by_kind = {}
    for marker in view.markers:
        by_kind.setdefault(marker.kind, []).append(marker)
    explain = by_kind[EXPLAIN]
    assert [(x.label, x.start_ms, x.end_ms) for x in explain] == [
        ("保湿面霜", T0 + 30_000, T0 + 5 * MIN),
        ("防晒喷雾", T0 + 5 * MIN + 30_000, None),
    ]
    assert [(x.label, x.start_ms, x.end_ms) for x in by_kind[SEGMENT]] == [("开场福利", T0, None)]
    # On sale after its 10 s countdown, ended by hand at T0+7 min.
    assert [(x.start_ms, x.end_ms) for x in by_kind[FLASH_SALE]] == [
        (T0 + 6 * MIN + 10_000, T0 + 7 * MIN)
    ]
    assert [(x.label, x.start_ms) for x in by_kind[SCENE]] == [("特写", T0 + 2 * MIN)]
    assert [(x.label, x.end_ms - x.start_ms) for x in by_kind[MUTE]] == [("Mic", 15_000)]
    assert [x.value for x in by_kind[DROPPED]] == [2.5]
    # Per product: the sales during its explain windows.
    rows = {row.name: row for row in view.products}
    assert rows["保湿面霜"].explain_ms == 4 * MIN + 30_000 and rows["保湿面霜"].orders == 1
    assert rows["保湿面霜"].gmv_fen == 990
    assert rows["防晒喷雾"].explain_ms == NOW - (T0 + 5 * MIN + 30_000)
    assert rows["防晒喷雾"].gmv_fen == 1980 + 500 and rows["防晒喷雾"].orders == 2
    assert rows["防晒喷雾"].stock == 8 and rows["防晒喷雾"].low_stock


def test_stock_follows_the_queue(qtbot, room):
    r, make, write = room
    queue = QueueService(r.writer)
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(r.show_id)
    service = make(queue=queue)
    assert service.show_id == r.show_id  # it follows the queue's show
    wait_view(qtbot, service, lambda v: len(v.products) == 2)
    item = queue.queue.items[0]
    queue.set_stock(item.id, 3)
    view = wait_view(qtbot, service, lambda v: v.products[0].stock == 3, timeout=1500)
    assert view.products[0].low_stock


def test_stop_leaves_no_thread(qtbot, room):
    r, make, write = room
    service = make()
    service.open_show(r.show_id)
    qtbot.waitUntil(lambda: service.running, timeout=1000)
    service.stop()
    assert not service.running
    assert not [t for t in threading.enumerate() if t.name == "stats-reader"]
    service.stop()  # idempotent


def test_grown_show_data_equals_one_built_at_once():
    rng = random.Random(5)
    samples = [
        Sample(T0 + rng.randrange(600) * 1000, "online", rng.randrange(500)) for _ in range(400)
    ]
    samples += [Sample(T0 + k * 1000, "viewers", k) for k in range(300)]
    orders = [
        Order(T0 + rng.randrange(600_000), f"o{k}", "A1", 1, rng.randrange(1, 999), f"u{k % 7}")
        for k in range(200)
    ]
    live = LiveShowData()
    for k in range(0, 400, 37):  # chunks, mostly out of time order
        live.add_samples((s.ts_ms, s.metric, s.value) for s in samples[k : k + 37])
    live.add_samples((s.ts_ms, s.metric, s.value) for s in samples[400:])  # in order
    live.add_orders(orders[:50])
    live.add_orders(sorted(orders[50:], key=lambda o: o.ts_ms))
    whole = m.ShowData(samples, orders)
    for t in range(T0, T0 + 11 * MIN, 17_000):
        assert m.totals_at(live.data, t) == m.totals_at(whole, t)
    assert list(live.online.series().y) == whole.lines["online"].values


@pytest.mark.allow_warning_logs
def test_an_unreadable_database_is_reported_once_and_retried(qtbot, tmp_path):
    service = StatsService(tmp_path / "missing.db", poll_s=0.05)
    failures = []
    service.failed.connect(failures.append)
    try:
        with qtbot.waitSignal(service.failed, timeout=2000):
            service.open_show(1)
        qtbot.wait(300)  # several polls later: still one report
        assert failures == ["db_error"] and service.running
    finally:
        service.stop()
