"""The Catalog menu's exports against a real SQLite file through the writer thread: the
catalog and a show's queue with its results, to CSV and XLSX, read back as a user's Excel
would."""

import csv
import gc
import time

import openpyxl
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMainWindow, QMessageBox

from console.core.catalog import EXPORT_HEADERS, validate_rows
from console.i18n import compiled_qm
from console.ingest.catalog_file import read_catalog
from console.resources import resource_path
from console.services.queue_service import QueueService
from console.store.products import import_products
from console.store.queue_repo import add_products, queue_results
from console.store.shows import create_show
from console.store.writer import DbWriter
from console.ui.catalog_menu import install_catalog_menu
from console.ui.queue_export import explain_time, queue_columns, state_labels

S = 1_000_000_000  # ns
QUEUE_HEADERS = [
    "Position",
    "Link number",
    "SKU",
    "Product name",
    "Live price",
    "Stock left",
    "State",
    "Explain windows",
    "Total explain time (mm:ss)",
]


def sample_rows():
    table = read_catalog(resource_path("catalog", "sample_catalog.csv"))
    rows, errors = validate_rows(table.header, table.rows, table.header_line)
    assert not errors
    return rows


def make_show(db, now_ns):
    """A show of the first three sample products: the first explained twice (65 s + 30 s)
    and done with 7 left, the second being explained for 90 s so far, the third untouched."""
    show_id = create_show(db, "双11 专场", "douyin").id
    add_products(db, show_id, [1, 2, 3])
    items = [r[0] for r in db.execute("SELECT id FROM show_items ORDER BY position")]
    db["show_items"].update(items[0], {"state": "done", "stock": 7})
    db["show_items"].update(items[1], {"state": "explaining"})
    windows = [(items[0], 10 * S, 75 * S), (items[0], 100 * S, 130 * S)]
    windows.append((items[1], now_ns - 90 * S, None))
    db["explain_windows"].insert_all(
        {"show_item_id": i, "start_mono_ns": start, "end_mono_ns": end} for i, start, end in windows
    )
    return show_id


@pytest.fixture
def env(qtbot, tmp_path):
    writer = DbWriter(tmp_path / "shows.db")
    writer.submit(import_products, sample_rows()).result()
    window = QMainWindow()
    window.catalog_menu = window.menuBar().addMenu("Catalog")
    qtbot.addWidget(window)
    queue = QueueService(writer)
    actions = install_catalog_menu(window, writer, queue)
    yield window, writer, queue, actions
    writer.close()


def export(qtbot, actions, run, path):
    with qtbot.waitSignal(actions.exported, timeout=10000) as blocker:
        run(path)
    return blocker.args


def read_back(path):
    if path.suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def test_the_menu_has_the_three_actions(env):
    window, *_ = env
    texts = [a.text() for a in window.catalog_menu.actions() if not a.isSeparator()]
    assert texts == ["Import catalog…", "Export catalog…", "Export show queue…"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_the_catalog(qtbot, env, tmp_path, suffix):
    window, _, _, actions = env
    path = tmp_path / f"catalog{suffix}"
    assert export(qtbot, actions, actions.export_catalog, path) == [str(path), 36]
    assert window.statusBar().currentMessage() == f"Exported 36 products to {path}."
    rows = read_back(path)
    assert rows[0] == [*EXPORT_HEADERS.values(), "品牌", "规格"]
    assert len(rows) == 37
    mask = next(r for r in rows if r[1] == "MZ-HY-010")
    header = rows[0]
    if suffix == ".csv":
        assert mask[header.index("直播价")] == "59.90"
        assert mask[header.index("库存")] == "3000"
    else:
        assert mask[header.index("直播价")] == pytest.approx(59.9)
        assert mask[header.index("库存")] == 3000
    assert mask[header.index("品牌")] == "水研社"


def test_queue_results_adds_up_the_explain_windows(env):
    _, writer, _, _ = env
    now = 1_000 * S
    show_id = writer.submit(make_show, now).result()
    results = writer.submit(queue_results, show_id, now).result()
    assert [(r["position"], r["sku"], r["state"]) for r in results] == [
        (0, "MZ-HY-010", "done"),
        (1, "MZ-NA-030", "explaining"),
        (2, "MZ-AM-120", "pending"),
    ]
    assert [(r["explain_count"], r["explain_ns"]) for r in results] == [
        (2, 95 * S),
        (1, 90 * S),
        (0, 0),
    ]
    # An open window from before a reboot (a start later than "now") adds nothing.
    assert writer.submit(queue_results, show_id, 0).result()[1]["explain_ns"] == 0
    assert [explain_time(n) for n in (0, 95 * S, 90 * S + S // 2, 4503 * S)] == [
        "00:00",
        "01:35",
        "01:30",
        "75:03",
    ]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_the_show_queue_with_results(qtbot, env, tmp_path, suffix):
    window, writer, queue, actions = env
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(lambda db: make_show(db, time.monotonic_ns()))
    path = tmp_path / f"queue{suffix}"
    assert export(qtbot, actions, actions.export_queue, path) == [str(path), 3]
    rows = read_back(path)
    assert rows[0] == QUEUE_HEADERS
    first, second, third = rows[1:]
    if suffix == ".csv":
        assert first[:7] == [
            "1",
            "1",
            "MZ-HY-010",
            "玻尿酸补水保湿面膜 10片装",
            "59.90",
            "7",
            "Done",
        ]
        assert first[7:] == ["2", "01:35"]
    else:
        assert first[:7] == [1, 1, "MZ-HY-010", "玻尿酸补水保湿面膜 10片装", 59.9, 7, "Done"]
        assert first[7:] == [2, "01:35"]
    assert second[6] == "Explaining"
    assert second[8] in ("01:30", "01:31")  # open: counted up to the export
    assert third[6:] == (["Pending", "0", "00:00"] if suffix == ".csv" else ["Pending", 0, "00:00"])
    assert window.statusBar().currentMessage() == (
        f"Exported the show queue (3 products) to {path}."
    )


def test_queue_headers_and_states_in_chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(compiled_qm("zh_CN")))
    QCoreApplication.installTranslator(translator)
    try:
        headers = [h for _, h in queue_columns()]
        states = state_labels()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert headers[:4] == ["序号", "链接号", "商品编码", "商品名称"]
    assert not any(h.isascii() for h in headers)
    assert states["explaining"] == "讲解中"


def test_export_without_an_open_show_says_so(qtbot, env, tmp_path):
    window, _, _, actions = env
    with qtbot.waitSignal(actions.export_failed, timeout=3000) as blocker:
        actions.export_queue(tmp_path / "queue.xlsx")
    assert blocker.args == ["No show is open, so there is no queue to export."]
    close_message_box(window)


def test_an_export_that_cannot_be_written_is_explained(qtbot, env, tmp_path):
    window, _, _, actions = env
    path = tmp_path / "missing-folder" / "catalog.xlsx"
    with qtbot.waitSignal(actions.export_failed, timeout=10000) as blocker:
        actions.export_catalog(path)
    assert blocker.args[0].startswith(f"Cannot export to {path}: the file cannot be written")
    assert not path.exists()
    close_message_box(window)


def close_message_box(window):
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and boxes[0].isVisible()
    boxes[0].close()


def test_the_import_action_opens_the_dialog_over_the_window(qtbot, env):
    window, writer, _, actions = env
    dialog = actions.open_import_dialog(choose=False)
    assert dialog.parent() is window and dialog.isVisible() and dialog.isModal()
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.open_file(resource_path("catalog", "sample_catalog_gbk.csv"))
    assert "SKUs already in the catalog: 36" in dialog.counts.text()
    assert gc.get_freeze_count() > 0  # the 36 products it holds are out of the GC's way
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=3000)  # deleteLater
    assert gc.get_freeze_count() == 0
