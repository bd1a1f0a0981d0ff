"""Benchmark (prints figures): a queue action from the key press to its durable commit
(WAL, synchronous=FULL) in a real SQLite file, and to the repainted row."""

import statistics

import pytest
from PySide6.QtCore import Qt

from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.queue_panel import QueuePanel
from tests.helpers.figures import pct
from tests.helpers.show_db import make_show

pytestmark = pytest.mark.perf
ROUNDS = 300


def test_queue_action_write_latency(qtbot, tmp_path, capsys):
    path = tmp_path / "shows.db"
    products = [
        {"sku": f"S{n}", "name": f"商品{n}", "live_price_fen": 990, "stock": 10**6}
        for n in range(60)
    ]
    show_id = make_show(path, products, title="bench")
    writer = DbWriter(path)
    service = QueueService(writer)
    panel = QueuePanel(service)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.open_show(show_id)
    panel.table.setFocus()
    saved = []
    service.saved.connect(lambda action, ms: saved.append(ms))
    try:
        for n in range(ROUNDS):
            panel.table.selectRow(n % 60)
            qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # 讲解 the selected product
            qtbot.waitUntil(lambda n=n: len(saved) >= n + 1, timeout=3000)
    finally:
        writer.close()
    assert len(saved) >= ROUNDS
    with capsys.disabled():
        print(
            f"\n[perf] queue action (Enter: 讲解) -> durable commit, n={len(saved)}: "
            f"p50 {pct(saved, 50):.2f} ms, p99 {pct(saved, 99):.2f} ms, "
            f"mean {statistics.mean(saved):.2f} ms"
        )
