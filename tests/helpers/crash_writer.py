"""Run as a subprocess by tests/unit/test_crash_safety.py: user actions through DbWriter.submit
as fast as they commit, each reported on stdout only once its future has resolved, until the
test kills the process.

    python -m tests.helpers.crash_writer DB_PATH
"""

import sys
from pathlib import Path

from console.store.timeline import event_row
from console.store.writer import DbWriter


def setup(db) -> tuple[int, int]:
    show = db["shows"].insert({"title": "崩溃测试 crash test", "platform": "other"}).last_pk
    product = {"sku": f"CRASH-{show}", "name": "测试商品", "stock": 0}
    return show, db["products"].insert(product).last_pk


def action(db, show: int, product: int, n: int) -> None:
    """Like a queue action: a new queue item, a stock edit and its timeline event."""
    db["show_items"].insert(
        {"show_id": show, "product_id": product, "position": n, "state": "pending", "stock": n}
    )
    db["products"].update(product, {"stock": n})
    db["events"].insert(event_row("queue_stock_changed", show_id=show, item=n, stock=n))


def main(path: str) -> None:
    writer = DbWriter(Path(path))
    show, product = writer.submit(setup).result()
    n = 0
    while True:
        writer.record("stats_sample", viewers=n)  # batched events interleaved with the actions
        writer.submit(action, show, product, n).result()
        print(f"DONE {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1])
