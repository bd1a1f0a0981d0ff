"""The queue panel by keyboard and by drag, against a real SQLite file through the writer
thread: what the assistant presses is what the store holds."""

import sqlite3

import pytest
from PySide6.QtCore import QModelIndex, Qt

from console.services.queue_service import QueueService
from console.store.db import open_db
from console.store.queue_repo import load_queue
from console.store.writer import DbWriter
from console.ui.queue_panel import PRICE, STOCK, QueuePanel
from tests.helpers.show_db import make_show


class Clock:
    def __init__(self):
        self.ns = 1_000_000_000

    def __call__(self):
        self.ns += 1_000_000
        return self.ns


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    products = [
        {
            "sku": f"SKU{n}",
            "name": f"商品{n}",
            "live_price_fen": 1990 * n,
            "stock": 8 * n,
            "link_no": str(n),
        }
        for n in range(1, 6)
    ]
    show_id = make_show(path, products, title="双11 专场")
    writer = DbWriter(path)
    service = QueueService(writer, clock=Clock())
    panel = QueuePanel(service)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.open_show(show_id)
    panel.table.setFocus()
    yield panel, service, path, show_id
    writer.close()


def stored(path, show_id):
    reader = open_db(path)
    try:
        return load_queue(reader, show_id)
    finally:
        reader.close()


def wait_saved(qtbot, service, n=1):
    saved = []
    service.saved.connect(lambda *a: saved.append(a))
    return lambda: qtbot.waitUntil(lambda: len(saved) >= n, timeout=3000)


def key(qtbot, panel, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(panel.table, k, modifier)


def test_keyboard_runs_the_show(qtbot, env):
    panel, service, path, show_id = env
    done = wait_saved(qtbot, service, 5)
    key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_Return)  # 讲解 the 2nd product
    assert service.queue.explaining.sku == "SKU2"
    key(qtbot, panel, Qt.Key.Key_N)  # next: the 3rd
    key(qtbot, panel, Qt.Key.Key_N)
    assert service.queue.explaining.sku == "SKU4"
    key(qtbot, panel, Qt.Key.Key_Up)  # select the 3rd (done) and mark it sold out
    key(qtbot, panel, Qt.Key.Key_S)
    key(qtbot, panel, Qt.Key.Key_Escape)  # stop explaining
    done()
    q = stored(path, show_id)
    assert [i.state for i in q.items] == ["pending", "done", "sold_out", "done", "pending"]
    assert [w.item_id for w in q.windows] == [2, 3, 4]
    assert all(w.end_ns is not None for w in q.windows)
    model = panel.model
    assert model.data(model.index(2, 4)) == "Sold out"


def test_undo_reverses_a_mis_click_in_the_store_too(qtbot, env):
    panel, service, path, show_id = env
    before = stored(path, show_id)
    done = wait_saved(qtbot, service, 2)
    key(qtbot, panel, Qt.Key.Key_S)  # oops: first product marked sold out
    key(qtbot, panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    done()
    assert stored(path, show_id) == before == service.queue
    with sqlite3.connect(path) as conn:
        kinds = [r[0] for r in conn.execute("SELECT kind FROM events ORDER BY id")]
    conn.close()
    assert kinds[-2:] == ["queue_sold_out", "queue_undo"]


def test_move_to_top_and_drag(qtbot, env):
    panel, service, path, show_id = env
    done = wait_saved(qtbot, service, 2)
    key(qtbot, panel, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # last row
    key(qtbot, panel, Qt.Key.Key_T)
    assert [i.sku for i in service.queue.items][0] == "SKU5"
    model = panel.model
    data = model.mimeData([model.index(0, 0)])  # drag the top row below the 3rd
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    done()
    expected = ["SKU1", "SKU2", "SKU5", "SKU3", "SKU4"]
    assert [i.sku for i in service.queue.items] == expected
    assert [i.sku for i in stored(path, show_id).items] == expected


def test_inline_price_and_stock_edits(qtbot, env):
    panel, service, path, show_id = env
    failures = []
    service.failed.connect(lambda *a: failures.append(a))
    done = wait_saved(qtbot, service, 2)
    model = panel.model
    assert model.setData(model.index(0, PRICE), "¥49.90")
    assert model.setData(model.index(0, STOCK), "3")
    assert not model.setData(model.index(0, PRICE), "免费")
    assert not model.setData(model.index(0, STOCK), "lots")
    model.setData(model.index(0, STOCK), "-1")  # refused by the rules
    done()
    item = stored(path, show_id).items[0]
    assert (item.live_price_fen, item.stock) == (4990, 3)
    assert [f[1] for f in failures] == ["bad_price", "bad_stock", "negative_stock"]
    assert model.data(model.index(0, STOCK), Qt.ItemDataRole.ToolTipRole) == "Low stock"


def test_sold_out_product_cannot_be_explained(qtbot, env):
    panel, service, path, show_id = env
    failures = []
    service.failed.connect(lambda *a: failures.append(a))
    key(qtbot, panel, Qt.Key.Key_S)
    key(qtbot, panel, Qt.Key.Key_Return)
    assert failures == [("explain_started", "sold_out")]
    assert service.queue.explaining is None


def test_flash_sale_on_the_explained_product(qtbot, env):
    panel, service, path, show_id = env
    failures = []
    service.failed.connect(lambda *a: failures.append(a))
    key(qtbot, panel, Qt.Key.Key_F)  # nothing explained yet
    assert failures == [("flash_sale", "nothing_explaining")]
    done = wait_saved(qtbot, service, 2)
    key(qtbot, panel, Qt.Key.Key_Return)
    panel.countdown.setValue(30)
    panel.duration.setValue(2)
    panel.quantity.setValue(50)
    key(qtbot, panel, Qt.Key.Key_F)
    done()
    qtbot.waitUntil(lambda: panel.sale_state.text() == "Flash sale starts in 00:30", timeout=1000)
    with sqlite3.connect(path) as conn:
        offer = conn.execute(
            "SELECT kind, show_item_id, countdown_s, duration_s, quantity FROM offers"
        ).fetchone()
    conn.close()
    assert offer == ("flash_sale", service.queue.explaining.id, 30, 120, 50)


def test_a_second_f_does_not_restart_the_sale_and_shift_f_ends_it(qtbot, env):
    panel, service, path, show_id = env
    failures = []
    service.failed.connect(lambda *a: failures.append(a))
    done = wait_saved(qtbot, service, 3)
    key(qtbot, panel, Qt.Key.Key_Return)
    key(qtbot, panel, Qt.Key.Key_F)
    first = service.flash_sale
    qtbot.waitUntil(
        lambda: not panel.flash.isEnabled() and panel.end_sale.isEnabled(), timeout=1000
    )
    key(qtbot, panel, Qt.Key.Key_F)  # a stray second press
    assert service.flash_sale is first
    assert failures == [("flash_sale", "sale_running")]
    key(qtbot, panel, Qt.Key.Key_F, Qt.KeyboardModifier.ShiftModifier)
    assert service.flash_sale is None
    qtbot.waitUntil(lambda: panel.flash.isEnabled() and panel.sale_state.text() == "", timeout=1000)
    done()
    with sqlite3.connect(path) as conn:
        states = conn.execute("SELECT state FROM offers").fetchall()
        kinds = [r[0] for r in conn.execute("SELECT kind FROM events ORDER BY id")]
    conn.close()
    assert states == [("ended",)]
    assert kinds[-2:] == ["flash_sale_started", "flash_sale_ended"]


def test_a_price_being_typed_survives_the_hosts_key_presses(qtbot, env):
    panel, service, path, show_id = env
    table, model = panel.table, panel.model
    table.setCurrentIndex(model.index(2, PRICE))
    table.edit(model.index(2, PRICE))
    editor = table.focusWidget()
    editor.setText("39.9")  # half-way through the edit, the host starts the next product
    # Three actions and the edit, saved in that order: the 4th save is the price (waiting for
    # "one more" could see a late save of the reorder and read the database too early).
    done = wait_saved(qtbot, service, 4)
    service.start_explain(service.queue.items[0].id)
    service.next_item()
    service.move_to_top(service.queue.items[4].id)  # and the queue is reordered
    assert table.state() == table.State.EditingState
    assert editor.text() == "39.9" and editor.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    done()
    edited = next(i for i in service.queue.items if i.sku == "SKU3")
    assert edited.live_price_fen == 3990  # the row moved down by one; the edit went to it
    assert next(i for i in stored(path, show_id).items if i.sku == "SKU3").live_price_fen == 3990


def test_every_queue_key_says_what_it_does_for_the_f1_list(env):
    panel = env[0]
    from PySide6.QtGui import QShortcut

    keys = {s.key().toString(): s.whatsThis() for s in panel.findChildren(QShortcut)}
    assert keys["Return"] == "Queue: start 讲解" and keys["Shift+F"] == "End the flash sale early"
    assert keys["Enter"] == ""  # the keypad's Enter: the same action, listed once
    assert all(text for key, text in keys.items() if key != "Enter")
