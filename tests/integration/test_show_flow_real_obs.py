"""The assistant's whole path in one go, in Chinese, against a real OBS: import the sample
catalog and its GBK twin (as Excel on a Chinese Windows saves it) through the import dialog,
put the products into the show's queue, run the queue by keyboard, start a flash sale, and
read the overlay back from OBS."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from console import i18n
from console.resources import resource_path
from console.ui.add_products_dialog import AddProductsDialog
from console.ui.catalog_import_dialog import CatalogImportDialog
from console.ui.queue_panel import QueuePanel
from tests.helpers.console import Console
from tests.helpers.overlay_rig import open_overlay
from tests.helpers.raw_obs import RawObsError
from tests.helpers.real_obs import SCENES


@pytest.fixture
def chinese(qapp):
    locale = QLocale()
    translators = i18n.install_translators(qapp, "zh_CN")
    yield
    for t in translators:
        QApplication.removeTranslator(t)
    QLocale.setDefault(locale)


def text_of(raw, name):
    try:
        return raw.request("GetInputSettings", {"inputName": name})["inputSettings"].get("text")
    except RawObsError:
        return None


def test_catalog_files_to_queue_keys_to_obs_overlay(qtbot, chinese, real_obs, raw_obs, tmp_path):
    console = Console(qtbot, real_obs.host, real_obs.port, real_obs.password)
    writer, queue, overlay = open_overlay(
        qtbot, console.service, tmp_path / "shows.db", [], scene=SCENES[2]
    )
    try:
        overlay.configure(True, SCENES[2], {"name": "中控 商品名", "countdown": "中控 倒计时"})

        # 1. The catalog from both files: the second only finds SKUs already there.
        for name, inserted, skipped in [
            ("sample_catalog.csv", 36, 0),
            ("sample_catalog_gbk.csv", 0, 36),
        ]:
            dialog = CatalogImportDialog(writer)
            qtbot.addWidget(dialog)
            dialog.show()
            with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
                dialog.open_file(resource_path("catalog", name))
            with qtbot.waitSignal(dialog.import_finished, timeout=10000) as done:
                qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
            assert (done.args[0].inserted, done.args[0].skipped) == (inserted, skipped)
            dialog.close()

        # 2. Into the queue: type to filter, then select all by keyboard and add.
        adder = AddProductsDialog(writer, queue)
        qtbot.addWidget(adder)
        adder.show()
        qtbot.waitUntil(lambda: adder.proxy.rowCount() == 36, timeout=3000)
        qtbot.keyClicks(adder.filter, "MZ-")  # the beauty products (美妆护肤)
        qtbot.keyClick(adder.filter, Qt.Key.Key_Down)
        qtbot.keyClick(adder.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        with qtbot.waitSignal(queue.products_added, timeout=3000):
            adder.add_button.click()
        assert len(queue.queue.items) == adder.proxy.rowCount() > 3
        adder.close()

        # 3. The queue by keyboard, the overlay in OBS following it.
        panel = QueuePanel(queue)
        qtbot.addWidget(panel)
        panel.show()
        panel.activateWindow()  # the assistant clicks into the queue
        panel.table.setFocus()
        qtbot.waitUntil(panel.table.hasFocus, timeout=2000)
        first, second = queue.queue.items[:2]
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)  # 讲解 the first product
        qtbot.waitUntil(lambda: text_of(raw_obs, "中控 商品名") == first.name, timeout=5000)
        qtbot.keyClick(panel.table, Qt.Key.Key_N)  # next
        qtbot.waitUntil(lambda: text_of(raw_obs, "中控 商品名") == second.name, timeout=5000)
        price = f"直播价 ¥{second.live_price_fen / 100:.2f}"
        qtbot.waitUntil(lambda: text_of(raw_obs, "LiveDesk 直播价") == price, timeout=5000)

        # 4. A flash sale on it: the countdown shows in OBS, in Chinese.
        panel.countdown.setValue(10)
        qtbot.keyClick(panel.table, Qt.Key.Key_F)
        qtbot.waitUntil(
            lambda: (text_of(raw_obs, "中控 倒计时") or "").startswith("秒杀倒计时 00:"),
            timeout=5000,
        )
        scene = raw_obs.request("GetSceneItemList", {"sceneName": SCENES[2]})["sceneItems"]
        assert {"中控 商品名", "中控 倒计时"} <= {i["sourceName"] for i in scene}
    finally:
        console.close()
        writer.close()
