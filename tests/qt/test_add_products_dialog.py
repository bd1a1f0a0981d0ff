"""Adding catalog products to the open show's queue: filter, select by keyboard, add in order;
products already in the queue are only added again when the user says so."""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.services.queue_service import QueueService
from console.store.queue_repo import add_products, load_queue
from console.store.writer import DbWriter
from console.ui.add_products_dialog import IN_QUEUE, AddProductsDialog

CATALOG = [  # sku, name, category, link number
    ("LIP-01", "丝绒口红 正红", "彩妆", "1"),
    ("MASK-01", "补水面膜 10片", "护肤", "2"),
    ("MASK-02", "美白面膜 5片", "护肤", "3"),
    ("TEA-01", "明前龙井 250g", "茶叶", "12"),
    ("MASK-03", "睡眠面膜", "护肤", "21"),
    ("PAN-01", "不粘炒锅", "厨具", "30"),
]


def seed(db):
    db["products"].insert_all(
        {"sku": s, "name": n, "category": c, "link_no": k, "live_price_fen": 9900, "stock": 50}
        for s, n, c, k in CATALOG
    )
    show_id = db["shows"].insert({"title": "周五场", "platform": "douyin"}).last_pk
    add_products(db, show_id, [1])  # the lipstick is in the queue already
    return show_id


@pytest.fixture
def env(qtbot, tmp_path):
    writer = DbWriter(tmp_path / "shows.db")
    show_id = writer.submit(seed).result(timeout=5)
    service = QueueService(writer)
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.open_show(show_id)
    dialog = AddProductsDialog(writer, service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == len(CATALOG), timeout=3000)
    yield dialog, writer, service, show_id
    writer.close()


def shown_skus(dialog):
    proxy = dialog.proxy
    return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]


def queued(writer, show_id):
    return [i.sku for i in writer.submit(load_queue, show_id).result(timeout=5).items]


def choose(dialog, *skus):
    dialog.table.clearSelection()
    for sku in skus:
        row = shown_skus(dialog).index(sku)
        dialog.table.selectionModel().select(
            dialog.proxy.index(row, 0),
            dialog.table.selectionModel().SelectionFlag.Select
            | dialog.table.selectionModel().SelectionFlag.Rows,
        )


def answer(qtbot, dialog, role):
    box = dialog.confirm
    qtbot.waitUntil(box.isVisible, timeout=1000)
    button = next(b for b in box.buttons() if box.buttonRole(b) == role)
    button.click()


def test_filter_by_name_sku_category_and_link_number(qtbot, env):
    dialog = env[0]
    dialog.filter.setText("面膜")
    assert shown_skus(dialog) == ["MASK-01", "MASK-02", "MASK-03"]
    dialog.filter.setText("tea")  # SKU, any case
    assert shown_skus(dialog) == ["TEA-01"]
    dialog.filter.setText("护肤 5片")  # every word must match
    assert shown_skus(dialog) == ["MASK-02"]
    dialog.filter.setText("21")  # link number
    assert shown_skus(dialog) == ["MASK-03"]
    dialog.filter.clear()
    assert len(shown_skus(dialog)) == len(CATALOG)
    assert dialog.count.text() == "6 of 6 products shown, 0 selected"


def test_products_in_the_queue_are_marked(env):
    dialog = env[0]
    marks = [dialog.proxy.index(r, IN_QUEUE).data() for r in range(dialog.proxy.rowCount())]
    assert marks == ["✓", "", "", "", "", ""]


def test_filter_select_all_by_keyboard_and_add_in_order(qtbot, env):
    dialog, writer, service, show_id = env
    qtbot.keyClicks(dialog.filter, "mask")  # QTest types ASCII only
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)  # to the list
    assert dialog.table.hasFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.count.text() == "3 of 6 products shown, 3 selected"
    with qtbot.waitSignal(service.changed, timeout=3000):
        dialog.add_button.click()
    expected = ["LIP-01", "MASK-01", "MASK-02", "MASK-03"]
    assert [i.sku for i in service.queue.items] == expected
    assert queued(writer, show_id) == expected
    assert dialog.status.text() == "Products added to the queue: 3."
    assert dialog.proxy.index(0, IN_QUEUE).data() == "✓"


def test_selection_is_added_in_list_order_not_click_order(qtbot, env):
    dialog, writer, service, show_id = env
    choose(dialog, "PAN-01", "TEA-01", "MASK-01")
    assert dialog.selected_ids() == [2, 4, 6]
    with qtbot.waitSignal(service.changed, timeout=3000):
        dialog.add_selected()
    assert queued(writer, show_id) == ["LIP-01", "MASK-01", "TEA-01", "PAN-01"]


def test_products_already_queued_are_skipped_unless_confirmed(qtbot, env):
    dialog, writer, service, show_id = env
    choose(dialog, "LIP-01", "MASK-01")
    dialog.add_selected()
    assert "1 of the 2 selected products are already in the queue." == dialog.confirm.text()
    assert dialog.confirm.informativeText() == "丝绒口红 正红"
    with qtbot.waitSignal(service.changed, timeout=3000):
        answer(qtbot, dialog, QMessageBox.ButtonRole.NoRole)  # skip them
    assert queued(writer, show_id) == ["LIP-01", "MASK-01"]
    assert dialog.status.text() == (
        "Products added to the queue: 1. Skipped, already in the queue: 1."
    )

    choose(dialog, "LIP-01")
    dialog.add_selected()
    answer(qtbot, dialog, QMessageBox.ButtonRole.RejectRole)  # cancel: nothing happens
    choose(dialog, "LIP-01", "MASK-01")
    dialog.add_selected()
    answer(qtbot, dialog, QMessageBox.ButtonRole.NoRole)  # skip both: nothing left to add
    assert dialog.status.text() == "Nothing added: they are all in the queue already."
    assert queued(writer, show_id) == ["LIP-01", "MASK-01"]

    choose(dialog, "LIP-01")
    dialog.add_selected()
    with qtbot.waitSignal(service.changed, timeout=3000):
        answer(qtbot, dialog, QMessageBox.ButtonRole.YesRole)  # add it again
    assert queued(writer, show_id) == ["LIP-01", "MASK-01", "LIP-01"]
    assert dialog.proxy.index(0, IN_QUEUE).data() == "✓ ×2"


def test_nothing_to_add_to_without_an_open_show_or_a_selection(qtbot, tmp_path):
    writer = DbWriter(tmp_path / "shows.db")
    try:
        writer.submit(seed).result(timeout=5)
        dialog = AddProductsDialog(writer, QueueService(writer))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.proxy.rowCount() == len(CATALOG), timeout=3000)
        dialog.add_selected()
        assert dialog.status.text() == "No show is open. Open one in Show → Shows…"
        dialog.queue_service.show_id = 1
        dialog.add_selected()
        assert dialog.status.text() == "Select the products to add first."
    finally:
        writer.close()


def test_what_the_host_does_while_products_are_added_stays_and_can_be_undone(qtbot, env):
    dialog, writer, service, show_id = env
    lipstick = service.queue.items[0].id
    block = writer.submit(lambda db: time.sleep(0.3))  # a busy writer
    choose(dialog, "TEA-01")
    with qtbot.waitSignal(service.products_added, timeout=3000):
        dialog.add_selected()
        service.start_explain(lipstick)  # the host presses Enter before the add is stored
        assert not block.done()
    assert [i.sku for i in service.queue.items] == ["LIP-01", "TEA-01"]
    assert service.queue.explaining.id == lipstick  # on screen as in the database
    stored = writer.submit(load_queue, show_id).result(timeout=5)
    assert stored == service.queue
    assert dialog.status.text() == "Products added to the queue: 1."
    service.undo()  # the 讲解 press is still undoable; the added product stays
    qtbot.waitUntil(lambda: writer.submit(load_queue, show_id).result(5) == service.queue)
    assert service.queue.explaining is None
    assert [i.sku for i in service.queue.items] == ["LIP-01", "TEA-01"]
