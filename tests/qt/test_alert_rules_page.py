"""Settings ▸ Alerts: the rules as saved (a broken entry shows its defaults), edited within
their limits, written to the settings by apply() and into a running AlertService at once."""

from PySide6.QtCore import QObject

from console.core import alerts as core
from console.settings import Settings
from console.ui.alert_rules_page import AlertRulesPage


class FakeService(QObject):
    def __init__(self):
        super().__init__()
        self.configured = []

    def configure(self, rules):
        self.configured.append(rules)


def page_for(qtbot, settings):
    page = AlertRulesPage(settings)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_saved_rules_show_and_broken_values_show_their_defaults(qtbot):
    settings = Settings(
        alert_rules={
            "viewers_drop": {"drop_pct": 40, "window_min": "five", "on_host": True},
            "no_stats": {"enabled": False},
            "mic_silent": "garbage",
        }
    )
    page = page_for(qtbot, settings)
    drop = page.spins["viewers_drop"]
    assert drop["drop_pct"].value() == 40 and drop["window_min"].value() == 5
    assert drop["drop_pct"].suffix() == " %" and drop["window_min"].suffix() == " min"
    assert page.on_host["viewers_drop"].isChecked()
    assert page.spins["mic_silent"]["floor_db"].value() == -50
    assert page.spins["mic_silent"]["floor_db"].suffix() == " dBFS"
    assert not page.enabled["no_stats"].isChecked()
    assert not page.spins["no_stats"]["minutes"].isEnabled()  # greyed with its rule off
    assert page.spins["low_stock"]["stock_at_most"].text() == "its own mark only"


def test_edits_stay_within_limits_and_apply_reaches_settings_and_service(qtbot):
    settings = Settings()
    page = page_for(qtbot, settings)
    page.spins["viewers_drop"]["drop_pct"].setValue(500)  # over its limit: kept at 95
    page.spins["dropped_frames"]["pct"].setValue(2.5)
    page.spins["disk_low"]["min_free_gb"].setValue(0)  # under its limit: 0.5
    page.enabled["disk_low"].setChecked(False)
    page.on_host["flash_sale_ending"].setChecked(False)
    service = FakeService()
    page.apply(service)
    rules = settings.alert_rules
    assert rules["viewers_drop"]["drop_pct"] == 95
    assert rules["dropped_frames"]["pct"] == 2.5
    assert rules["disk_low"] == {"enabled": False, "on_host": False, "min_free_gb": 0.5}
    assert rules["flash_sale_ending"]["on_host"] is False
    assert service.configured == [rules]
    assert core.rules_from_dict(rules)["viewers_drop"]["drop_pct"] == 95
    reloaded = page_for(qtbot, settings)  # opened again: as applied
    assert reloaded.rules() == rules


def test_restore_defaults_puts_every_rule_back(qtbot):
    settings = Settings(alert_rules={"mic_silent": {"seconds": 60, "enabled": False}})
    page = page_for(qtbot, settings)
    page.restore.click()
    assert page.rules() == core.rules_to_dict(core.default_rules())
    assert page.spins["mic_silent"]["seconds"].isEnabled()
    assert settings.alert_rules == {"mic_silent": {"seconds": 60, "enabled": False}}  # not yet
    page.apply()
    assert settings.alert_rules["mic_silent"]["seconds"] == 10
