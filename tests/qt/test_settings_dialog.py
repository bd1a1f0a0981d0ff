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
