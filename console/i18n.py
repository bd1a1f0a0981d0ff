"""Pick the UI language and install Qt's and LiveDesk's translators.

The .ts files in resources/translations are the source of truth: livedesk_zh_CN.ts holds every
string, livedesk_en.ts only the plural forms of the English sources ("1 segment", "3 segments").
A build compiles .qm files next to them (build.spec); from a source checkout they are compiled on
first use into the cache folder.
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from console.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("en", "zh_CN")


def choose_language(requested: str = "") -> str:
    """The requested language if known, else the system's: Chinese systems get Chinese."""
    if requested in LANGUAGES:
        return requested
    # The display language, not the regional format: on Windows QLocale.system() is the
    # format (Region ▸ Format), and a Chinese Windows may well write dates the US way.
    shown = QLocale.system().uiLanguages()
    first = QLocale(shown[0]) if shown else QLocale.system()
    return "zh_CN" if first.language() == QLocale.Language.Chinese else "en"


def format_locale(language: str) -> QLocale:
    """The locale numbers, money and dates are written in: the system's own when it speaks the
    UI's language (an en_GB desk keeps its day/month order in the English UI), else the
    language's usual one (an English UI on a Chinese system writes like en_US)."""
    system = QLocale.system()
    wanted = QLocale(language)
    same = system.language() == wanted.language() and system.script() == wanted.script()
    return system if same else wanted  # zh_TW/zh_HK formats would bring 週三 into 简体


def compiled_qm(language: str) -> Path | None:
    ts = resource_path("translations", f"livedesk_{language}.ts")
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cache = Path(platformdirs.user_cache_dir("LiveDesk", appauthor=False)) / shipped.name
    if cache.exists() and cache.stat().st_mtime >= ts.stat().st_mtime:
        return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    pyside = Path(PySide6.__file__).parent
    tool = next((t for t in (pyside / "lrelease", pyside / "lrelease.exe") if t.exists()), None)
    if tool is None:
        log.warning("No lrelease found; the UI stays in English")
        return None
    # Compile beside the target and rename: two LiveDesks starting at once never read half a file.
    tmp = cache.with_suffix(f".{os.getpid()}.qm")
    try:
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(tmp)],
            check=True,
            capture_output=True,
            timeout=30,
        )
        os.replace(tmp, cache)
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("Could not compile %s (%s); the UI stays in English", ts.name, e)
        tmp.unlink(missing_ok=True)
        return None
    return cache


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Set the format locale and install Qt's own and LiveDesk's translators; returns the
    translators so they stay alive."""
    QLocale.setDefault(format_locale(language))
    translators = []
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and qt.load(f"qtbase_{language}", qt_dir):  # Qt's sources are English
        translators.append(qt)
    ours = QTranslator(app)
    qm = compiled_qm(language)
    if qm and ours.load(str(qm)):
        translators.append(ours)
    else:
        log.warning("No translation loaded for %s", language)
    for t in translators:
        app.installTranslator(t)
    return translators
