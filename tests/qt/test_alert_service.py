"""AlertService against the fake OBS and a real SQLite file written through the one writer:
alerts are raised once from what OBS, the queue and the stats say, land on the timeline, reach
the host through the cue hook when chosen, clear, and never make the GUI wait."""

import json
import sqlite3
import threading
import time

import pytest

from console.core.metrics import Sample
from console.core.obs_state import Health
from console.core.stats_input import Batch
from console.services import alert_service
from console.services.alert_service import AlertService
from console.services.queue_service import QueueService
from console.store import stats_repo
from console.store.writer import DbWriter
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.show_db import make_show

MIC = "麦克风 Mic"
MIN = 60_000
T0 = 1_750_000_020_000
PRODUCTS = [
    {"sku": "A1", "name": "保湿面霜", "live_price_fen": 990, "stock": 5},
    {"sku": "B2", "name": "防晒喷雾", "live_price_fen": 1980, "stock": 300},
]


class Clock:
    """A clock that moves only when the test says so (seconds, or whatever unit it is given)."""

    def __init__(self, t):
        self.t = t

    def __call__(self):
        return self.t


class Rig:
    def __init__(self, qtbot, console, tmp_path, rules=None, queue_clock=None):
        self.qtbot, self.console = qtbot, console
        self.path = tmp_path / "show.db"
        self.show_id = make_show(self.path, PRODUCTS)
        self.writer = DbWriter(self.path)
        self.queue = QueueService(self.writer, clock=queue_clock or time.monotonic_ns)
        self.clock, self.wall = Clock(1000.0), Clock(T0)
        self.cues = []
        self.service = AlertService(
            self.writer,
            console.service,
            self.queue,
            None,
            rules or {},
            host_cue=self.cues.append,
            clock=self.clock,
            wall=self.wall,
            stats_poll_s=0.05,
            parent=console.window,  # dies on the GUI thread, with the window
        )
        self.raised, self.cleared = [], []
        self.service.raised.connect(self.raised.append)
        self.service.cleared.connect(self.cleared.append)
        with qtbot.waitSignal(self.queue.changed, timeout=3000):
            self.queue.open_show(self.show_id)

    def close(self):
        self.service.stop()
        self.writer.close()

    def events(self, kind):
        conn = sqlite3.connect(self.path)
        try:
            rows = conn.execute(
                "SELECT data, show_id FROM events WHERE kind = ? ORDER BY id", [kind]
            ).fetchall()
        finally:
            conn.close()
        return [(json.loads(data), show_id) for data, show_id in rows]

    def write(self, *samples):
        batch = Batch(samples=tuple(Sample(ts, "online", v) for ts, v in samples))
        self.writer.submit(stats_repo.insert_batch, self.show_id, batch, "api").result(5)

    def rules_raised(self):
        return [a.rule for a in self.raised]


@pytest.fixture
def rig(qtbot, console, tmp_path):
    made = []

    def make(**kwargs):
        r = Rig(qtbot, console, tmp_path, **kwargs)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


def test_a_muted_mic_while_live_is_raised_logged_cued_and_cleared(qtbot, console, rig):
    r = rig(rules={"mic_silent": {"seconds": 3}})
    console.service.set_streaming(True)
    qtbot.waitUntil(lambda: console.service.snapshot.streaming, timeout=3000)
    r.service.refresh()
    console.fake.set_input_mute(MIC, True)  # somebody clicks mute in OBS
    levels = console.service.levels
    qtbot.waitUntil(lambda: max(levels[MIC][1:3]) < -50, timeout=3000)  # held peak expired
    qtbot.wait(600)  # a tick hears the silence
    assert r.raised == []  # muted, but not yet for 3 s
    r.clock.t += 3
    r.service.refresh()
    assert r.rules_raised() == ["mic_silent"]
    alert = r.raised[0]
    assert alert.values["input"] == MIC and alert.values["muted"] is True
    assert r.cues == [alert]  # on the host view by default
    qtbot.waitUntil(lambda: bool(r.events("alert_raised")), timeout=2000)
    data, show_id = r.events("alert_raised")[0]
    assert data["rule"] == "mic_silent" and data["input"] == MIC and show_id == r.show_id
    for _ in range(4):  # ticks go by: still one alert
        r.clock.t += 1
        r.service.refresh()
    assert len(r.raised) == 1 and len(r.service.active) == 1
    console.fake.set_input_mute(MIC, False)  # the host speaks again
    qtbot.waitUntil(lambda: bool(r.cleared), timeout=5000)
    assert not r.service.active
    qtbot.waitUntil(lambda: bool(r.events("alert_cleared")), timeout=2000)
    assert r.events("alert_cleared")[0][0]["rule"] == "mic_silent"
    console.service.set_streaming(False)
    qtbot.waitUntil(lambda: not console.service.snapshot.streaming, timeout=3000)


def test_low_stock_on_the_explained_product_is_raised_once_and_cleared_by_a_restock(qtbot, rig):
    r = rig()
    low, plenty = r.queue.queue.items
    r.queue.start_explain(plenty.id)
    assert r.raised == []
    r.queue.start_explain(low.id)  # 5 left, its mark is 10: at once, not at the next tick
    assert r.rules_raised() == ["low_stock"]
    assert r.raised[0].values == {"value": 5, "item": low.id, "name": "保湿面霜", "mark": 10}
    qtbot.wait(600)  # a tick
    assert len(r.raised) == 1
    r.queue.set_stock(low.id, 3)
    assert r.service.active[0].value == 3 and len(r.raised) == 1
    r.queue.set_stock(low.id, 200)
    assert [a.rule for a in r.cleared] == ["low_stock"]
    qtbot.waitUntil(lambda: bool(r.events("alert_cleared")), timeout=2000)
    assert r.events("alert_raised")[0][0]["name"] == "保湿面霜"


def test_a_viewer_drop_is_read_from_the_stored_samples(qtbot, rig):
    r = rig()
    r.write((T0 - 4 * MIN, 1240), (T0 - 2 * MIN, 1100))
    qtbot.wait(300)  # read, and nothing to say
    assert r.raised == []
    r.write((T0, 843))
    qtbot.waitUntil(lambda: bool(r.raised), timeout=3000)
    alert = r.raised[0]
    assert alert.rule == "viewers_drop"
    assert alert.values == {"value": 32.0, "from": 1240, "to": 843, "window_min": 5}
    r.wall.t += 2 * MIN  # viewers come back
    r.write((r.wall.t, 1200))
    qtbot.waitUntil(lambda: bool(r.cleared), timeout=3000)
    assert r.events("alert_raised")[0][0]["to"] == 843


def test_no_stats_for_minutes_is_raised_and_cleared_by_the_next_sample(qtbot, rig):
    r = rig(rules={"no_stats": {"minutes": 2}})
    r.write((T0, 500))
    qtbot.wait(300)
    assert r.raised == []
    r.wall.t += 2 * MIN + 1000
    qtbot.waitUntil(lambda: bool(r.raised), timeout=3000)  # at the next tick
    assert r.raised[0].rule == "no_stats" and r.raised[0].values == {"value": 2, "minutes": 2}
    r.write((r.wall.t, 510))
    qtbot.waitUntil(lambda: bool(r.cleared), timeout=3000)
    assert r.rules_raised() == ["no_stats"]


def test_a_flash_sale_ending_is_raised_with_ten_seconds_left_and_cued(qtbot, rig):
    ns = Clock(10**12)
    r = rig(queue_clock=ns)
    item = r.queue.queue.items[1]
    r.queue.start_explain(item.id)
    r.queue.start_flash_sale(10, 60, None)  # 10 s countdown, a minute on sale
    ns.t += 59 * 10**9
    r.service.refresh()
    assert r.raised == []  # 11 s left
    ns.t += 10**9
    r.service.refresh()
    assert r.rules_raised() == ["flash_sale_ending"]
    assert r.raised[0].values == {"value": 10, "offer": "flash_sale", "name": "防晒喷雾"}
    assert r.cues == r.raised
    ns.t += 11 * 10**9  # over
    r.service.refresh()
    assert [a.rule for a in r.cleared] == ["flash_sale_ending"]


def test_dropped_frames_are_recorded_without_a_second_pct(qtbot, console, rig):
    """The timeline's own dropped_frames event carries "pct"; the alert carries "value", so a
    spike is marked once on the dashboard by whichever the dashboard chooses."""
    r = rig()
    console.service.set_streaming(True)
    qtbot.waitUntil(lambda: console.service.snapshot.streaming, timeout=3000)
    r.service.refresh()
    for second in range(12):
        r.clock.t += 1
        console.service.health_changed.emit(
            Health(stream_dropped=second, stream_frames=30 * second + 30)
        )
    r.service.refresh()
    assert "dropped_frames" in r.rules_raised()
    qtbot.waitUntil(lambda: bool(r.events("alert_raised")), timeout=2000)
    data = [d for d, _ in r.events("alert_raised") if d["rule"] == "dropped_frames"][0]
    assert "pct" not in data and data["value"] == pytest.approx(3.33, abs=0.01)
    console.service.set_streaming(False)
    qtbot.waitUntil(lambda: bool(r.cleared), timeout=3000)  # off air: cleared


def test_switching_a_rule_off_clears_its_alert(qtbot, rig):
    r = rig()
    r.queue.start_explain(r.queue.queue.items[0].id)
    assert r.rules_raised() == ["low_stock"]
    r.service.configure({"low_stock": {"enabled": False}})
    assert [a.rule for a in r.cleared] == ["low_stock"]
    assert not r.service.rules["low_stock"].enabled


def test_a_slow_stats_read_never_holds_up_the_gui(qtbot, rig, monkeypatch):
    """A long show on a slow disk: each read takes half a second, on the reader's thread."""
    real = alert_service.alerts_repo.room_numbers
    threads = set()

    def slow(*args):
        threads.add(threading.current_thread().name)
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(alert_service.alerts_repo, "room_numbers", slow)
    r = rig()
    r.write((T0 - 4 * MIN, 1240), (T0, 843))
    beat = Heartbeat()
    beat.start()
    qtbot.waitUntil(lambda: bool(r.raised), timeout=5000)
    qtbot.wait(600)
    worst_ms = beat.stop()
    assert threads == {"alerts-reader"}
    assert worst_ms < 250, f"the GUI stalled {worst_ms:.0f} ms"
    started = time.monotonic()
    r.service.stop()  # waits for the read in flight, no longer
    assert time.monotonic() - started < 1.5
    assert not any(t.name == "alerts-reader" for t in threading.enumerate())
