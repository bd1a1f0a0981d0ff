"""The rehearsal simulator in the console, against a real DbWriter: at 60× a simulated minute a
second lands in the show database (source sim) without stalling the GUI thread; it follows
what is explained; it never runs for a real show; a restart continues the show's numbers; and
install_stats_inputs wires the Quick entry dock and the Tools action into the main window."""

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QDockWidget

from console.core.offers import LUCKY_BAG
from console.devices.obs.client import ObsAddress, ObsClient
from console.services.obs_service import ObsService
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.services.simulator_service import SimulatorService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.main_window import MainWindow
from console.ui.stats_inputs import install_stats_inputs
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.show_db import make_show

PRODUCTS = [
    {"sku": "MZ-1", "name": "丝绒哑光口红", "live_price_fen": 9900, "stock": 500},
    {"sku": "FS-2", "name": "羊绒围巾", "live_price_fen": 25900, "stock": 0},
]
CST = timezone(timedelta(hours=8))


class Room:
    """A show database with a rehearsal (and a real show), its writer, queue and offers."""

    def __init__(self, qtbot, tmp_path):
        self.qtbot = qtbot
        self.path = tmp_path / "shows.db"
        self.rehearsal = make_show(self.path, PRODUCTS, title="彩排")
        self.real = make_show(self.path, [], title="正式场")
        with sqlite3.connect(self.path) as conn:
            conn.execute("UPDATE shows SET rehearsal = 1 WHERE id = ?", [self.rehearsal])
        conn.close()
        self.writer = DbWriter(self.path)
        self.queue = QueueService(self.writer)
        self.offers = OffersService(self.writer, self.queue)

    def open(self, show_id):
        with self.qtbot.waitSignal(self.queue.changed, timeout=3000):
            self.queue.open_show(show_id)

    def rows(self, sql, *args):
        conn = sqlite3.connect(self.path)
        try:
            return conn.execute(sql, args).fetchall()
        finally:
            conn.close()


@pytest.fixture
def room(qtbot, tmp_path):
    r = Room(qtbot, tmp_path)
    yield r
    r.writer.close()


def test_at_60x_rows_appear_and_the_gui_keeps_its_pace(qtbot, room):
    room.open(room.rehearsal)
    lipstick = room.queue.queue.items[0]
    room.queue.start_explain(lipstick.id)
    sim = SimulatorService(room.writer, room.queue, room.offers, speed=60, seed=1)
    beat = Heartbeat()
    beat.start()
    wrote = []
    sim.wrote.connect(wrote.append)
    assert sim.start() and sim.running
    qtbot.waitUntil(lambda: len(wrote) >= 3, timeout=8000)  # three ticks: three minutes
    stall = beat.stop()
    sim.stop()
    print(f"\nGUI heartbeat worst stall while simulating at 60x: {stall:.1f} ms")
    assert stall < 50
    assert not sim.running
    samples = room.rows(
        "SELECT metric, count(*), min(ts_ms), max(ts_ms) FROM samples "
        "WHERE show_id = ? AND source = 'sim' GROUP BY metric",
        room.rehearsal,
    )
    assert {m for m, *_ in samples} >= {"online", "entries", "leaves", "viewers", "gmv_fen"}
    counts = {m: n for m, n, *_ in samples}
    assert counts["online"] >= 150  # 1 Hz over at least two and a half simulated minutes
    first, last = samples[0][2], samples[0][3]
    assert last - first >= 150_000
    orders = room.rows("SELECT sku, qty, amount_fen, source FROM orders")
    assert orders and {o[0] for o in orders} == {"MZ-1"}  # only what is explained
    assert all(amount == 9900 * qty and src == "sim" for _, qty, amount, src in orders)
    qtbot.waitUntil(lambda: sim._in_flight == 0, timeout=3000)  # a batch still on its way
    stored = sum(
        room.rows(f"SELECT count(*) FROM {table}")[0][0]
        for table in ("samples", "orders", "comments", "likes")
    )
    assert sum(wrote) == stored  # every row reported, each once

    def events():
        return [k for (k,) in room.rows("SELECT kind FROM events WHERE kind LIKE 'simulator%'")]

    qtbot.waitUntil(lambda: len(events()) == 2, timeout=3000)  # batched by the writer
    assert events() == ["simulator_started", "simulator_stopped"]


def test_nothing_for_a_real_show(qtbot, room):
    room.open(room.real)
    sim = SimulatorService(room.writer, room.queue, room.offers, speed=60, interval_ms=100)
    assert not sim.allowed
    with qtbot.waitSignal(sim.failed) as refused:
        assert not sim.start()
    assert refused.args == ["simulator", "not_rehearsal"]
    assert not sim.running
    qtbot.wait(400)
    assert room.rows("SELECT count(*) FROM samples")[0][0] == 0


def test_opening_a_real_show_stops_it(qtbot, room):
    room.open(room.rehearsal)
    sim = SimulatorService(room.writer, room.queue, room.offers, speed=60, interval_ms=100)
    with qtbot.waitSignal(sim.wrote, timeout=3000):
        sim.start()
    with qtbot.waitSignal(sim.running_changed, timeout=3000) as stopped:
        room.open(room.real)
    assert stopped.args == [False] and not sim.running and not sim.allowed
    qtbot.wait(400)
    assert room.rows("SELECT count(*) FROM samples WHERE show_id = ?", room.real)[0][0] == 0


def test_demo_runs_for_any_show(qtbot, room):
    room.open(room.real)
    sim = SimulatorService(
        room.writer, room.queue, room.offers, demo=True, speed=60, interval_ms=100
    )
    assert sim.allowed
    with qtbot.waitSignal(sim.wrote, timeout=3000):
        assert sim.start()
    sim.stop()


def test_a_new_run_continues_the_shows_numbers(qtbot, room):
    room.open(room.rehearsal)
    first = SimulatorService(room.writer, room.queue, room.offers, speed=60, interval_ms=200)
    with qtbot.waitSignal(first.wrote, timeout=3000):
        first.start()
    first.stop()
    second = SimulatorService(room.writer, room.queue, room.offers, speed=60, interval_ms=200)
    with qtbot.waitSignal(second.wrote, timeout=3000):
        second.start()
    second.stop()
    viewers = [
        v
        for (v,) in room.rows(
            "SELECT value FROM samples WHERE metric = 'viewers' AND show_id = ? ORDER BY id",
            room.rehearsal,
        )
    ]
    assert len(viewers) > 10
    assert all(a <= b for a, b in zip(viewers, viewers[1:], strict=False))  # no fall back to 0


def test_it_reads_the_flash_sale_and_the_lucky_bag(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, PRODUCTS)
    writer = DbWriter(path)
    try:
        ns = [0]
        now = [datetime(2026, 11, 25, 20, 0, tzinfo=CST)]
        queue = QueueService(writer, clock=lambda: ns[0])
        offers = OffersService(writer, queue, clock=lambda: now[0])
        sim = SimulatorService(writer, queue, offers, demo=True)
        with qtbot.waitSignals([queue.changed, offers.changed], timeout=3000):
            queue.open_show(show_id)
        lipstick, scarf = queue.queue.items
        assert sim._room_input(0).explaining is None
        queue.start_explain(lipstick.id)
        queue.start_flash_sale(10, 60, None)
        room = sim._room_input(0)
        assert room.explaining.sku == "MZ-1" and room.explaining.live_price_fen == 9900
        assert room.flash_sale is None  # still counting down
        ns[0] = 11 * 10**9
        assert sim._room_input(0).flash_sale.sku == "MZ-1"
        queue.sold_out(lipstick.id)
        assert sim._room_input(0).flash_sale.stock == 0  # sold out: nothing more sells
        assert not sim._room_input(0).lucky_bag
        with qtbot.waitSignal(offers.changed, timeout=3000):
            offers.schedule(LUCKY_BAG, now[0], 600, None)
        assert sim._room_input(0).lucky_bag
        now[0] += timedelta(minutes=11)
        assert not sim._room_input(0).lucky_bag
        assert scarf.stock == 0
    finally:
        writer.close()


@pytest.fixture
def window(qtbot, room):
    obs = ObsService(ObsClient(ObsAddress("127.0.0.1", 9, "")))  # never started
    w = MainWindow(obs, Settings(), room.queue, room.offers)
    qtbot.addWidget(w)
    return w


def tools_action(window, text):
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else ():
            if action.text() == text:
                return menu_action.text(), action
    raise AssertionError(text)


def test_install_puts_the_dock_beside_the_queue_and_demo_starts_a_rehearsal(qtbot, room, window):
    sim, entry = install_stats_inputs(
        window, room.writer, room.queue, room.offers, demo=True, speed=60, interval_ms=200
    )
    window.finish_docks()
    dock = window.findChild(QDockWidget, "quickEntryDock")
    assert dock is not None and dock.widget() is entry
    queue_dock = window.findChild(QDockWidget, "queueDock")
    assert dock in window.tabifiedDockWidgets(queue_dock)
    assert "Quick entry" in [a.text() for a in window.view_menu.actions()]
    menu, action = tools_action(window, "Run the rehearsal simulator")
    assert menu == "&Tools" and action.isCheckable()
    with qtbot.waitSignal(sim.wrote, timeout=3000):
        room.open(room.rehearsal)  # --demo: on by itself for a rehearsal
    assert sim.running and action.isChecked() and action.isEnabled()
    action.trigger()
    assert not sim.running and not action.isChecked()
    _, focus = tools_action(window, "Type the platform's numbers")
    assert focus.shortcut().toString() == "Ctrl+E"


def test_the_action_is_off_for_a_real_show_and_toggles_a_rehearsal(qtbot, room, window):
    sim, _ = install_stats_inputs(
        window, room.writer, room.queue, room.offers, demo=False, interval_ms=200
    )
    _, action = tools_action(window, "Run the rehearsal simulator")
    room.open(room.real)
    assert not action.isEnabled() and "rehearsal" in action.toolTip()
    room.open(room.rehearsal)
    assert action.isEnabled() and not sim.running  # not by itself outside --demo
    action.trigger()
    assert sim.running and action.isChecked()
    with qtbot.waitSignal(sim.running_changed, timeout=3000):
        room.open(room.real)
    assert not action.isChecked() and not action.isEnabled()


def test_what_the_room_buys_comes_off_the_queues_stock(qtbot, room):
    room.open(room.rehearsal)
    lipstick = room.queue.queue.items[0]
    room.queue.start_explain(lipstick.id)
    sim = SimulatorService(room.writer, room.queue, room.offers, speed=60, seed=1)
    assert sim.start()
    qtbot.waitUntil(lambda: room.rows("SELECT count(*) FROM orders")[0][0] > 0, timeout=8000)
    qtbot.waitUntil(lambda: room.queue.queue.item(lipstick.id).stock < 500, timeout=3000)
    sim.stop()
    qtbot.waitUntil(lambda: sim._in_flight == 0, timeout=3000)
    qtbot.waitUntil(
        lambda: (
            room.queue.queue.item(lipstick.id).stock
            == 500 - room.rows("SELECT sum(qty) FROM orders WHERE sku = 'MZ-1'")[0][0]
        ),
        timeout=3000,
    )
    # the stock the assistant sees is stored too (a reopened show keeps it)
    qtbot.waitUntil(
        lambda: (
            room.rows("SELECT stock FROM show_items WHERE id = ?", lipstick.id)[0][0]
            == room.queue.queue.item(lipstick.id).stock
        ),
        timeout=3000,
    )
