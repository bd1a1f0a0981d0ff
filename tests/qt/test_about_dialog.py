"""Help ▸ About LiveDesk: the version and folders, a licence for every component LiveDesk
ships (a new dependency without one fails here), Copy for a support request, and the Help
menu's two actions."""

import importlib.metadata
import sys
import tomllib
from pathlib import Path

import PySide6
import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from console import __version__
from console.core.components import (
    COMPONENTS,
    FROZEN,
    LINUX,
    LIVEDESK_LICENCE,
    PY_BELOW_312,
    SOURCE,
    WINDOWS,
    Component,
    applies,
    dist_key,
    listed_dists,
)
from console.settings import data_dir, log_dir
from console.ui import about_dialog
from console.ui.about_dialog import UNKNOWN, AboutDialog, install_about

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
WINDOWS_MARKERS = {
    "sys_platform": "win32",
    "platform_system": "Windows",
    "os_name": "nt",
    "platform_machine": "AMD64",
}


def runtime_dependencies(platform_markers: dict[str, str] | None = None) -> dict[str, set[str]]:
    """Normalized name -> the names that pulled it in: the requirements of LiveDesk (the
    pyproject's, so a dependency counts before it is installed, and the installed
    distribution's), and theirs, without test or other extras, for this machine or with
    another platform's markers. A distribution that is not installed here (a Windows-only one)
    is listed but not walked."""
    env = default_environment() | (platform_markers or {})
    roots = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    roots += importlib.metadata.requires("livedesk") or []
    found: dict[str, set[str]] = {}
    todo = [(Requirement(r), "livedesk") for r in roots]
    while todo:
        req, parent = todo.pop()
        if req.marker and not req.marker.evaluate(env | {"extra": ""}):
            continue
        key = dist_key(req.name)
        walked = key in found
        found.setdefault(key, set()).add(parent)
        if walked:
            continue
        try:
            requires = importlib.metadata.requires(req.name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for text in requires:
            sub = Requirement(text)
            if sub.marker and not any(
                sub.marker.evaluate(env | {"extra": extra}) for extra in req.extras | {""}
            ):
                continue
            sub.marker = None  # evaluated here, with the parent's extras
            todo.append((sub, req.name))
    return found


def table_rows(dialog: AboutDialog) -> dict[str, list[str]]:
    table = dialog.table
    return {
        table.item(row, 0).text(): [table.item(row, c).text() for c in range(table.columnCount())]
        for row in range(table.rowCount())
    }


@pytest.fixture
def dialog(qtbot):
    d = AboutDialog()
    qtbot.addWidget(d)
    return d


def test_the_dialog_shows_the_version_the_licence_and_the_folders(dialog):
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "LiveDesk 直播中控台" in texts
    for shown in (__version__, LIVEDESK_LICENCE, PySide6.__version__, qVersion()):
        assert shown in texts
    assert str(data_dir()) in texts and str(log_dir()) in texts
    rows = table_rows(dialog)
    assert rows["pyqtgraph"][1] == importlib.metadata.version("pyqtgraph")
    assert rows["Qt"][1] == qVersion()
    assert rows["OpenBLAS"][1] == "in numpy"
    lgpl = next(t for t in texts if "LGPL" in t and "dynamically linked" in t)
    assert 'href="https://www.qt.io/licensing/' in lgpl


def test_livedesk_licence_is_the_one_pyproject_declares():
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": LIVEDESK_LICENCE}


def test_every_runtime_dependency_is_listed_with_its_licence(dialog):
    here = runtime_dependencies()
    assert {"pyside6-essentials", "sqlite-utils", "click", "et-xmlfile"} <= set(here)
    listed = listed_dists()
    missing = {name: sorted(by) for name, by in here.items() if name not in listed}
    assert not missing, f"add these to console/core/components.py with their licence: {missing}"
    shown = table_rows(dialog)
    for name in here:  # in the dialog on this machine, with a licence
        row = shown.get(listed[name].name)
        assert row and row[2].strip(), name
    windows = runtime_dependencies(WINDOWS_MARKERS)
    assert "pywin32-ctypes" in windows
    missing = {name: sorted(by) for name, by in windows.items() if name not in listed}
    assert not missing, f"Windows-only, add with their licence: {missing}"


@pytest.mark.parametrize("component", COMPONENTS, ids=lambda c: c.name)
def test_each_component_has_an_spdx_looking_licence_and_a_home(component):
    assert component.licence.strip() and "\n" not in component.licence
    assert " " not in component.licence.replace(" AND ", "").replace(" OR ", "").replace(
        " WITH ", ""
    )
    assert component.home.startswith("https://")


def test_a_platform_only_component_shows_only_there():
    linux_only = Component("x", "MIT", "https://x", when=LINUX)
    windows_only = Component("x", "MIT", "https://x", when=WINDOWS)
    backport = Component("x", "MIT", "https://x", when=PY_BELOW_312)
    frozen_only = Component("x", "MIT", "https://x", when=FROZEN)
    assert applies(linux_only, "linux", (3, 11), False)
    assert not applies(linux_only, "win32", (3, 11), False)
    assert applies(windows_only, "win32", (3, 13), True)
    assert applies(backport, "win32", (3, 11), True) and not applies(backport, "linux", (3, 12), 0)
    assert applies(frozen_only, "win32", (3, 11), True)
    assert not applies(frozen_only, "linux", (3, 11), False)
    source_only = Component("x", "MIT", "https://x", when=SOURCE)
    assert applies(source_only, "linux", (3, 11), False)
    assert not applies(source_only, "win32", (3, 12), True)


def test_a_frozen_build_without_package_metadata_shows_dashes(qtbot, monkeypatch):
    def no_metadata(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", no_metadata)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    rows = table_rows(dialog)
    assert rows["pyqtgraph"][1] == UNKNOWN and rows["pyqtgraph"][2] == "MIT"
    assert rows["Qt"][1] == qVersion()  # from Qt itself, not from metadata
    assert "Bootloader-exception" in rows["PyInstaller bootloader"][2]


def test_copy_puts_the_version_and_every_component_on_the_clipboard(qtbot, dialog):
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"LiveDesk {__version__} ({LIVEDESK_LICENCE})\n")
    assert f"Log folder: {log_dir()}" in text.splitlines()
    version = importlib.metadata.version("sqlite-utils")
    assert f"sqlite-utils {version} (Apache-2.0) https://github.com/simonw/sqlite-utils" in text
    for name, version, licence, home in table_rows(dialog).values():
        assert f"{name} {version} ({licence}) {home}" in text.splitlines()
    assert dialog.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: dialog.copy_button.text() == "Copy", timeout=about_dialog.COPIED_MS * 2)


def test_about_qt_from_the_dialog(qtbot, dialog, monkeypatch):
    calls = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, *a: calls.append(parent))
    qtbot.mouseClick(dialog.about_qt_button, Qt.MouseButton.LeftButton)
    assert calls == [dialog]


def test_the_help_menu_has_about_livedesk_and_about_qt(qtbot, monkeypatch):
    from console.devices.obs.client import ObsAddress, ObsClient
    from console.services.obs_service import ObsService
    from console.settings import Settings
    from console.ui.main_window import MainWindow

    window = MainWindow(ObsService(ObsClient(ObsAddress("127.0.0.1", 1, ""))), Settings())
    qtbot.addWidget(window)
    install_about(window)
    actions = {a.text(): a for a in window.help_menu.actions()}
    assert "Keyboard shortcuts" in actions  # the menu's own action stays
    actions["About LiveDesk"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    actions["About LiveDesk"].trigger()  # once more: the same window, raised
    assert window.findChildren(AboutDialog) == [dialog]
    calls = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, *a: calls.append(parent))
    actions["About Qt"].trigger()
    assert calls == [window]


def test_install_about_on_a_bare_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.help_menu = window.menuBar().addMenu("&Help")
    install_about(window)
    assert [a.text() for a in window.help_menu.actions() if a.text()] == [
        "About LiveDesk",
        "About Qt",
    ]
