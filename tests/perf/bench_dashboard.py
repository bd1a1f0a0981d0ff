"""Benchmark (prints figures; asserts only that it measured): the dashboard on a 12-hour show —
8 metrics sampled at 1 Hz (345,600 samples) and 1,000,000 comments, with explain windows,
segments and scene changes — in a real SQLite file read by StatsService. Targets (issue 6):
time per redraw < 10 ms, RSS < 300 MB.

Printed:
- the service's first load of the whole show (worker thread), and its time per view;
- redraw: one StatsView applied to the panel (cards, charts, table) and the paint that follows
  (processEvents), with every series new each time, ROUNDS updates half a second apart,
  following the last 30 minutes (the time axis moves on every ~90 s of show) and with the whole
  12 hours in view;
- live: the show growing 10× faster than real time for LIVE_S seconds while the service polls;
  the GUI thread's time per update and its 1 ms heartbeat lateness p99;
- RSS after all of it."""

import json
import statistics
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import psutil
import pytest
from PySide6.QtWidgets import QApplication

from console.services.stats_service import Series, StatsService
from console.store.db import open_db
from console.ui.dashboard_panel import DashboardPanel
from tests.helpers.figures import pct
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.show_db import make_show

pytestmark = pytest.mark.perf
HOURS = 12
SECONDS = HOURS * 3600
METRICS = ("online", "entries", "leaves", "viewers", "gmv_fen", "orders", "paying_users")
METRICS += ("items_sold",)
COMMENTS = 1_000_000
T0 = 1_750_000_020_000
END = T0 + SECONDS * 1000
ROUNDS = 200
LIVE_S = 8.0


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat()


def values_at(t: np.ndarray) -> dict[str, np.ndarray]:
    s = (t - T0) / 1000
    online = 800 + 300 * np.sin(s / 1800) + 50 * np.sin(s / 37)
    return {
        "online": online.round(),
        "entries": (online / 100).round(),
        "leaves": (online / 110).round(),
        "viewers": (s * 2.5).round(),
        "gmv_fen": (s * 900).round(),
        "orders": (s / 20).round(),
        "paying_users": (s / 25).round(),
        "items_sold": (s / 15).round(),
    }


def fill(path, show_id: int) -> None:
    db = open_db(path)
    conn = db.conn
    t = np.arange(T0, END, 1000, dtype=np.int64)
    values = values_at(t)
    with db.atomic():
        for metric in METRICS:
            conn.executemany(
                "INSERT INTO samples (show_id, ts_ms, metric, value, source) VALUES (?,?,?,?,?)",
                (
                    (show_id, int(ts), metric, float(v), "sim")
                    for ts, v in zip(t, values[metric], strict=True)
                ),
            )
        rng = np.random.default_rng(3)
        stamps = np.sort(rng.integers(T0, END, COMMENTS))
        conn.executemany(
            "INSERT INTO comments (show_id, ts_ms, user, text, source) VALUES (?,?,?,?,?)",
            ((show_id, int(ts), "v", "多少钱", "sim") for ts in stamps),
        )
        items = [r[0] for r in conn.execute("SELECT id FROM show_items ORDER BY position")]
        for n, start in enumerate(range(T0 + 60_000, END - 600_000, 7 * 60_000)):  # ~100
            db["explain_windows"].insert(
                {
                    "show_item_id": items[n % len(items)],
                    "start_mono_ns": n,
                    "start_wall": iso(start),
                    "end_mono_ns": n,
                    "end_wall": iso(start + 6 * 60_000),
                }
            )
        for n in range(24):  # half-hour segments
            db["segments"].insert(
                {
                    "show_id": show_id,
                    "position": n,
                    "title": f"环节 {n + 1}",
                    "planned_s": 1800,
                    "actual_start_wall": iso(T0 + n * 1_800_000),
                    "actual_end_wall": iso(T0 + (n + 1) * 1_800_000),
                }
            )
        db["events"].insert_all(
            {
                "mono_ns": 0,
                "wall": iso(T0 + k * 150_000),
                "kind": "scene_changed",
                "data": json.dumps({"scene": f"机位{k % 3}"}),
            }
            for k in range(SECONDS // 150)
        )
    db.close()


def grow(path, show_id: int, stop: threading.Event, clock: list[int]) -> None:
    """The show going on, 10× real time: one second of samples and comments every 100 ms."""
    db = open_db(path)
    try:
        while not stop.is_set():
            ts = clock[0] + 1000
            values = values_at(np.array([ts]))
            with db.atomic():
                db.conn.executemany(
                    "INSERT INTO samples (show_id, ts_ms, metric, value, source) "
                    "VALUES (?,?,?,?,?)",
                    [(show_id, ts, m, float(values[m][0]), "sim") for m in METRICS],
                )
                db.conn.executemany(
                    "INSERT INTO comments (show_id, ts_ms, text, source) VALUES (?,?,?,?)",
                    [(show_id, ts - k * 40, "来了", "sim") for k in range(23)],
                )
            clock[0] = ts
            stop.wait(0.1)
    finally:
        db.close()


def fresh(view, k: int):
    """The view as it was k updates (half seconds) before its end, every series a new object
    (so that the panel sets them all again): what a live update looks like to the charts. Run
    forwards, now crosses the following window's right edge every few updates."""
    back = (ROUNDS - k) * 500
    series = {}
    for name, s in view.series.items():
        n = len(s) - (back // 1000 if name == "online" else 0)
        series[name] = Series(s.x[:n], s.y[:n])
    return replace(view, series=series, now_ms=view.now_ms - back)


def redraws(panel, view, rounds: int) -> list[float]:
    out = []
    for k in range(rounds):
        v = fresh(view, k)
        t0 = time.perf_counter()
        panel.service.updated.emit(v)
        QApplication.processEvents()  # the charts paint here: the scene's changes are queued
        out.append((time.perf_counter() - t0) * 1000)
    return out


def test_dashboard_on_a_12_hour_show(qtbot, tmp_path, capsys):
    path = tmp_path / "long-show.db"
    products = [{"sku": f"S{n}", "name": f"商品{n}", "live_price_fen": 990} for n in range(40)]
    show_id = make_show(path, products, title="12h")
    t0 = time.perf_counter()
    fill(path, show_id)
    fill_s = time.perf_counter() - t0

    clock = [END - 1000]
    service = StatsService(path, clock_ms=lambda: clock[0])
    panel = DashboardPanel(service)
    qtbot.addWidget(panel)
    panel.resize(1600, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    builds: list[float] = []
    service.updated.connect(lambda v: builds.append(v.build_ms))
    loading = Heartbeat()
    loading.start()
    t0 = time.perf_counter()
    service.open_show(show_id)
    qtbot.waitUntil(lambda: panel.view.end_ms == END - 1000, timeout=60_000)
    load_s = time.perf_counter() - t0
    loading.stop()
    view = panel.view
    qtbot.wait(1500)  # a few polls with nothing new

    follow = redraws(panel, view, ROUNDS)
    panel.whole_show.click()
    whole = redraws(panel, view, ROUNDS)
    panel.follow.setChecked(True)

    # Live: the show grows while the service polls; the GUI thread's share is timed.
    slot_ms: list[float] = []

    def timed(v):
        t = time.perf_counter()
        panel._on_service_updated(v)
        QApplication.processEvents()  # nested, only to take the paint into the measure
        slot_ms.append((time.perf_counter() - t) * 1000)

    service.updated.disconnect(panel._on_service_updated)
    service.updated.connect(timed)
    heartbeat = Heartbeat()
    stop = threading.Event()
    feeder = threading.Thread(target=grow, args=(path, show_id, stop, clock), daemon=True)
    builds.clear()
    heartbeat.start()
    feeder.start()
    qtbot.wait(int(LIVE_S * 1000))
    stop.set()
    feeder.join(10)
    heartbeat.stop()
    live_view = panel.view
    service.stop()
    rss_mb = psutil.Process().memory_info().rss / 2**20
    QApplication.processEvents()

    assert follow and whole and slot_ms and builds
    assert live_view.end_ms > END - 1000
    with capsys.disabled():
        print(
            f"\n[perf] dashboard, {HOURS} h show: {len(METRICS)} series at 1 Hz "
            f"({len(METRICS) * SECONDS:,} samples) + {COMMENTS:,} comments; "
            f"{len(view.markers)} markers; db filled in {fill_s:.1f} s"
            f"\n[perf]   service first load {load_s:.2f} s (GUI heartbeat meanwhile: lateness "
            f"p99 {pct(loading.late, 99):.1f} ms, worst {max(loading.late):.1f} ms)"
            f"\n[perf]   per view (worker) p50 {pct(builds, 50):.1f} ms, "
            f"p99 {pct(builds, 99):.1f} ms while growing"
            f"\n[perf]   redraw, following 30 min, n={len(follow)}: p50 {pct(follow, 50):.2f} ms, "
            f"p99 {pct(follow, 99):.2f} ms, mean {statistics.mean(follow):.2f} ms"
            f"\n[perf]   redraw, whole show in view, n={len(whole)}: p50 {pct(whole, 50):.2f} ms, "
            f"p99 {pct(whole, 99):.2f} ms, mean {statistics.mean(whole):.2f} ms"
            f"\n[perf]   live 10x for {LIVE_S:.0f} s: {len(slot_ms)} updates, GUI repaint "
            f"p50 {pct(slot_ms, 50):.2f} ms, p99 {pct(slot_ms, 99):.2f} ms; heartbeat "
            f"lateness p99 {pct(heartbeat.late, 99):.2f} ms, worst {max(heartbeat.late):.1f} ms"
            f"\n[perf]   RSS {rss_mb:.0f} MB"
        )
