"""The language follows the system (a Chinese system gets Chinese, Qt's own buttons included),
a choice in Settings wins, and numbers and dates follow the locale. Each case runs in a fresh
process: Qt reads the system locale once, from LANG, when it starts."""

import json
import os
import subprocess
import sys

import pytest

PROBE = r"""
import json, sys
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from console import i18n

app = QApplication([])
language = i18n.choose_language(sys.argv[1])
i18n.install_translators(app, language)
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
print(json.dumps({
    "language": language,
    "locale": QLocale().name(),
    "cancel": box.button(QDialogButtonBox.StandardButton.Cancel).text(),
    "number": QLocale().toString(1234567.5, "f", 1),
    "date": QLocale().toString(QDate(2026, 11, 25), QLocale.FormatType.ShortFormat),
    "ours": app.translate("Messages", "Connected to OBS"),
}, ensure_ascii=False))
"""


def probe(lang_env: str, requested: str = "", language: str = "") -> dict:
    env = {
        **os.environ,
        "LANG": lang_env,
        "LC_ALL": "",
        "LANGUAGE": language,
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE, requested],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_chinese_system_gets_chinese_with_qt_s_own_buttons():
    seen = probe("zh_CN.UTF-8")
    assert seen["language"] == "zh_CN" and seen["locale"] == "zh_CN"
    assert seen["ours"] == "已连接 OBS"
    assert seen["cancel"] == "取消"  # qtbase_zh_CN: Qt's own dialogs speak Chinese too
    assert seen["date"] == "2026/11/25"


def test_an_english_system_gets_english_with_its_own_formats():
    seen = probe("en_GB.UTF-8")
    assert seen["language"] == "en" and seen["locale"] == "en_GB"
    assert seen["ours"] == "Connected to OBS" and seen["cancel"] == "Cancel"
    assert seen["date"] == "25/11/2026"  # the British desk keeps day/month
    assert seen["number"] == "1,234,567.5"


@pytest.mark.parametrize(
    ("system", "chosen", "locale", "cancel"),
    [("en_US.UTF-8", "zh_CN", "zh_CN", "取消"), ("zh_CN.UTF-8", "en", "en_US", "Cancel")],
)
def test_the_language_chosen_in_settings_wins(system, chosen, locale, cancel):
    seen = probe(system, chosen)
    assert seen["language"] == chosen and seen["locale"] == locale and seen["cancel"] == cancel


def test_a_traditional_chinese_system_gets_simplified_text_and_formats():
    seen = probe("zh_TW.UTF-8")
    assert seen["language"] == "zh_CN" and seen["locale"] == "zh_CN"  # not 週三 among 简体


def test_the_display_language_decides_not_the_regional_format():
    # LANGUAGE is the display language on Linux (uiLanguages), LANG the formats: an English
    # display with Chinese formats is English, and writes numbers and dates the Chinese way.
    seen = probe("zh_CN.UTF-8", language="en_US")
    assert seen["language"] == "en" and seen["cancel"] == "Cancel"


def test_a_german_system_in_the_english_ui_writes_numbers_like_english():
    # German has no LiveDesk translation: the UI is English, and so are the number formats
    # (a "1.234.567,5" among English words would be misread).
    seen = probe("de_DE.UTF-8")
    assert seen["language"] == "en" and seen["number"] == "1,234,567.5"
