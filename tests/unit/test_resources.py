"""One helper finds the shipped resources, from a source checkout and from a frozen build
(PyInstaller's sys._MEIPASS), and a frozen build's compiled translation is used as it is."""

import sys
from pathlib import Path

from console import i18n
from console.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_from_source_the_resources_are_the_repository_s():
    assert resource_path("theme", "dark.qss") == ROOT / "resources" / "theme" / "dark.qss"
    assert resource_path("icons", "livedesk.png").is_file()


def test_frozen_the_resources_are_inside_the_bundle(tmp_path, monkeypatch):
    shipped = tmp_path / "resources" / "translations" / "livedesk_zh_CN.qm"
    shipped.parent.mkdir(parents=True)
    shipped.write_bytes(b"compiled by build.spec")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("theme", "dark.qss") == tmp_path / "resources" / "theme" / "dark.qss"
    # no .ts in a bundle: the shipped .qm is used, nothing is compiled into the cache
    assert i18n.compiled_qm("zh_CN") == shipped
    assert i18n.compiled_qm("ja") is None
