"""Tools ▸ Settings…: what the user changes is saved to the settings file and applied to the
running overlay against the fake OBS; bad names keep OK disabled; a failed save changes
nothing."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from console.services.overlay_service import DEFAULT_SOURCES
from console.settings import Settings
from console.ui.settings_dialog import SettingsDialog
from tests.helpers.overlay_rig import open_overlay
from tests.helpers.raw_obs import RawObs


@pytest.fixture
def setup(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    products = [{"sku": "A", "name": "补水面膜", "live_price_fen": 5990, "stock": 9}]
    writer, queue, overlay = open_overlay(qtbot, console.service, path, products)
    settings = Settings()
    dialog = SettingsDialog(settings, overlay, path, tmp_path / "logs" / "livedesk.log")
    qtbot.addWidget(dialog)
    dialog.show()
    raw = RawObs(console.fake.url, "pw", subscriptions=0)
    yield dialog, settings, queue, overlay, raw
    raw.close()
    writer.close()


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def inputs(raw):
    return {i["inputName"] for i in raw.request("GetInputList")["inputs"]}


def test_renamed_sources_are_saved_created_in_obs_and_followed(qtbot, setup):
    dialog, settings, queue, overlay, raw = setup
    dialog.tabs.setCurrentIndex(1)
    dialog.source_edits["name"].setText("  直播间 商品名 ")
    dialog.scene.setCurrentIndex(dialog.scene.findData(overlay.obs.snapshot.scenes[2]))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = Settings.load()
    assert saved.overlay_sources["name"] == "直播间 商品名"  # trimmed
    assert saved.overlay_scene == overlay.obs.snapshot.scenes[2]
    assert settings == saved  # the running app's settings object has the new values
    qtbot.waitUntil(lambda: "直播间 商品名" in inputs(raw), timeout=3000)
    queue.start_explain(queue.queue.items[0].id)

    def shown():
        return raw.request("GetInputSettings", {"inputName": "直播间 商品名"})["inputSettings"]

    qtbot.waitUntil(lambda: shown().get("text") == "补水面膜", timeout=3000)


def test_overlay_turned_off_sends_nothing(qtbot, setup, console):
    dialog, settings, queue, overlay, raw = setup
    dialog.overlay_enabled.setChecked(False)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert Settings.load().overlay_enabled is False
    before = len(console.fake.requests_seen)
    queue.start_explain(queue.queue.items[0].id)
    qtbot.wait(300)
    after = console.fake.requests_seen[before:]
    assert "CreateInput" not in after and "SetInputSettings" not in after
    assert not set(DEFAULT_SOURCES.values()) & inputs(raw)


@pytest.mark.parametrize(
    ("name", "price", "message"),
    [("", "P", "needs a name"), ("Same", "Same", "cannot share one source")],
)
def test_empty_or_shared_source_names_keep_ok_disabled(qtbot, setup, name, price, message):
    dialog = setup[0]
    dialog.source_edits["name"].setText(name)
    dialog.source_edits["price"].setText(price)
    assert not ok_button(dialog).isEnabled()
    assert message in dialog.error.text()
    dialog.source_edits["name"].setText("Other")
    assert ok_button(dialog).isEnabled() and dialog.error.text() == ""


def test_language_choice_is_saved_for_the_next_start(qtbot, setup):
    dialog, settings = setup[:2]
    assert dialog.language_note.text() == ""
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert "next started" in dialog.language_note.text()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert Settings.load().language == settings.language == "zh_CN"


def test_a_failed_save_keeps_the_dialog_and_the_old_settings(qtbot, setup, monkeypatch):
    dialog, settings = setup[:2]

    def refuse(self, path=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Settings, "save", refuse)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "No space left on device" in dialog.error.text()
    assert settings == Settings()


def test_source_names_from_a_hand_edited_file_fall_back_to_the_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        '{"overlay_sources": {"name": 5, "price": "  ", "countdown": "倒计时"}}', encoding="utf-8"
    )
    from console.services.overlay_service import source_names

    names = source_names(Settings.load(path).overlay_sources)
    assert names == {**DEFAULT_SOURCES, "countdown": "倒计时"}


# -- the Stats API tab ----------------------------------------------------------------------
@pytest.fixture
def api_dialog(qtbot, setup, tmp_path, monkeypatch):
    """The dialog with a running stats API (port from the system, a fixed token)."""
    import socket

    from console.ingest.stats_api import StatsApi
    from console.store import stats_repo

    monkeypatch.delenv("LIVEDESK_API_TOKEN", raising=False)
    overlay, writer = setup[3], setup[2].writer
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    api = StatsApi(writer, stats_repo, lambda: None, lambda: None, "tok", port=port)
    api.start()
    settings = Settings()
    dialog = SettingsDialog(
        settings, overlay, tmp_path / "shows.db", tmp_path / "livedesk.log", api=api
    )
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, settings, api
    api.stop()


def test_the_stats_api_tab_is_there_only_with_an_api(setup, api_dialog):
    tabs = api_dialog[0].tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][-1] == "Stats API"
    assert setup[0].api_page is None
    assert "Stats API" not in [setup[0].tabs.tabText(i) for i in range(setup[0].tabs.count())]


def test_ok_restarts_the_api_on_the_new_port_then_closes(qtbot, api_dialog):
    import socket

    dialog, settings, api = api_dialog
    with socket.create_server(("127.0.0.1", 0)) as s:
        new = s.getsockname()[1]
    dialog.api_page.port.setValue(new)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert api.port == new and settings.api_port == Settings.load().api_port == new


def test_ok_with_a_taken_port_stays_open_on_the_reason(qtbot, api_dialog):
    import socket

    dialog, settings, api = api_dialog
    old = api.port
    dialog.tabs.setCurrentIndex(0)
    with socket.create_server(("127.0.0.1", 0)) as taken:
        busy = taken.getsockname()[1]
        dialog.api_page.port.setValue(busy)
        with qtbot.waitSignal(dialog.api_page.restarted, timeout=5000):
            qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.api_page
    assert "in use by another program" in dialog.api_page.message.text()
    assert api.port == old and settings.api_port != busy


def test_an_alert_threshold_edited_in_settings_reaches_the_running_alerts(qtbot, setup, tmp_path):
    _dialog, settings, _queue, overlay, _raw = setup
    configured = []

    class Alerts:  # the running AlertService's one method the dialog uses
        def configure(self, rules):
            configured.append(rules)

    log = tmp_path / "logs" / "livedesk.log"
    dialog = SettingsDialog(settings, overlay, tmp_path / "shows.db", log, alerts=Alerts())
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.alerts_page)
    dialog.alerts_page.spins["mic_silent"]["seconds"].setValue(25)
    dialog.alerts_page.on_host["viewers_drop"].setChecked(True)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert configured and configured[-1]["mic_silent"]["seconds"] == 25
    assert configured[-1]["viewers_drop"]["on_host"] is True
    saved = Settings.load().alert_rules
    assert saved["mic_silent"]["seconds"] == 25 and settings.alert_rules == saved
