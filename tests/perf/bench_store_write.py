"""Benchmark (prints figures; asserts only that it measured): the write latency of a user action,
DbWriter.submit -> future resolved (committed, WAL, synchronous=FULL), over 500 actions: alone,
and with 20 timeline events/s being recorded from another thread, as during a show.

Actions are paced (one every PACE_S) rather than back to back: a host's action finds the writer
idle or busy with a batch of events, not a queue of other actions, and the pacing gives the
event batches time to happen."""

import statistics
import threading
import time

import pytest

from console.store.timeline import event_row
from console.store.writer import DbWriter
from tests.helpers.figures import pct

pytestmark = pytest.mark.perf
ACTIONS = 500
EVENTS_PER_S = 20
PACE_S = 0.005


def setup(db):
    show = db["shows"].insert({"title": "基准 bench", "platform": "other"}).last_pk
    db["products"].insert_all(
        {"sku": f"B-{i}", "name": f"商品 {i}", "stock": 1000} for i in range(50)
    )
    db["show_items"].insert_all(
        {"show_id": show, "product_id": i + 1, "position": i, "state": "pending", "stock": 1000}
        for i in range(50)
    )
    return show


def stock_edit(db, show, n):
    """A queue action as the queue panel makes it: the change and its timeline event."""
    item = n % 50 + 1
    db.execute("UPDATE show_items SET stock = stock - 1 WHERE id = ?", [item])
    db["events"].insert(event_row("queue_stock_changed", show_id=show, item=item))


def measure(writer, show):
    latencies = []
    for n in range(ACTIONS):
        t0 = time.perf_counter()
        writer.submit(stock_edit, show, n).result(timeout=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        time.sleep(PACE_S)
    return latencies


def report(capsys, label, ms):
    assert len(ms) == ACTIONS
    with capsys.disabled():
        print(
            f"\n[perf] user action submit -> durable ({label}), {ACTIONS} actions: "
            f"p50 {pct(ms, 50):.2f} ms, p99 {pct(ms, 99):.2f} ms, "
            f"mean {statistics.fmean(ms):.2f} ms, max {max(ms):.2f} ms"
        )


def test_user_action_write_latency(tmp_path, capsys):
    writer = DbWriter(tmp_path / "bench.db")
    try:
        show = writer.submit(setup).result(timeout=10)
        report(capsys, "alone", measure(writer, show))
    finally:
        writer.close()


def test_user_action_write_latency_with_timeline_events(tmp_path, capsys):
    writer = DbWriter(tmp_path / "bench.db")
    stop = threading.Event()
    recorded = 0

    def events():
        nonlocal recorded
        while not stop.wait(1 / EVENTS_PER_S):
            writer.record("stats_sample", metric="viewers", value=recorded)
            recorded += 1

    recorder = threading.Thread(target=events)
    try:
        show = writer.submit(setup).result(timeout=10)
        recorder.start()
        started = time.perf_counter()
        ms = measure(writer, show)
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        if recorder.is_alive():
            recorder.join()
        writer.close()
    report(capsys, f"{recorded / elapsed:.0f} events/s recorded meanwhile", ms)
