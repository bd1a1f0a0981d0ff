"""Presets in a real SQLite file through the writer thread: saved by name, exported and
imported whole or not at all, and a removed preset no longer linked from a product."""

import json
import sqlite3

import pytest

from console.core.presets import LightSetting, Preset, PresetError, PtzRecall
from console.store.presets_repo import (
    export_presets,
    import_presets,
    list_presets,
    remove_preset,
    save_preset,
)
from console.store.writer import DbWriter

CLOSE_UP = Preset("美妆特写", scene="商品特写", ptz=PtzRecall("云台1", 3), fade_s=1.0)
WIDE = Preset("服装全景", lights=(LightSetting("主灯", True, 60, 4500),))


@pytest.fixture
def writer(tmp_path):
    w = DbWriter(tmp_path / "shows.db")
    yield w
    w.close()


def run(writer, fn, *args):
    return writer.submit(fn, *args).result(timeout=5)


def test_saved_presets_come_back_by_name_and_a_same_name_replaces(writer):
    saved = run(writer, save_preset, CLOSE_UP)
    run(writer, save_preset, WIDE)
    assert saved.id is not None
    brighter = Preset("美妆特写", scene="商品特写", fade_s=2.0)
    again = run(writer, save_preset, brighter)
    assert again.id == saved.id
    assert run(writer, list_presets) == [WIDE, brighter]  # by name; compare ignores ids


def test_an_export_imports_into_another_database_unchanged(writer, tmp_path):
    run(writer, save_preset, CLOSE_UP)
    run(writer, save_preset, WIDE)
    text = json.dumps(run(writer, export_presets), ensure_ascii=False)
    other = DbWriter(tmp_path / "other.db")
    try:
        assert run(other, import_presets, json.loads(text)) == [WIDE, CLOSE_UP]  # file order
        assert run(other, list_presets) == [WIDE, CLOSE_UP]
    finally:
        other.close()


def test_a_bad_file_imports_nothing(writer):
    run(writer, save_preset, WIDE)
    doc = {
        "format": "livedesk-presets",
        "version": 1,
        "presets": [{"name": "好的"}, {"name": "坏的", "lights": [{"light": "主灯", "kelvin": 1}]}],
    }
    with pytest.raises(PresetError) as e:
        run(writer, import_presets, doc)
    assert e.value.path == "presets[1].lights[0].kelvin"
    assert run(writer, list_presets) == [WIDE]  # "好的" was not written either


def test_removing_a_preset_unlinks_its_products_and_is_on_the_timeline(writer, tmp_path):
    preset = run(writer, save_preset, CLOSE_UP)

    def link(db):
        db["products"].insert({"sku": "A", "name": "面膜", "preset_id": preset.id})

    run(writer, link)
    run(writer, remove_preset, preset.id)
    assert run(writer, list_presets) == []
    with sqlite3.connect(tmp_path / "shows.db") as conn:
        assert conn.execute("SELECT preset_id FROM products").fetchone() == (None,)
        kinds = [r[0] for r in conn.execute("SELECT kind FROM events ORDER BY id")]
    conn.close()
    assert kinds[-2:] == ["preset_saved", "preset_removed"]


def test_a_hotkey_moves_to_the_preset_saved_with_it(writer):
    first = run(writer, save_preset, Preset("美妆特写", hotkey=1))
    run(writer, save_preset, Preset("服装全景", hotkey=1))
    by_name = {p.name: p for p in run(writer, list_presets)}
    assert by_name["服装全景"].hotkey == 1
    assert by_name["美妆特写"].hotkey is None
    assert by_name["美妆特写"].id == first.id


def test_a_rename_keeps_the_row_and_refuses_a_name_in_use(writer):
    from dataclasses import replace

    from console.store.presets_repo import DuplicateNameError

    close_up = run(writer, save_preset, CLOSE_UP)
    run(writer, save_preset, WIDE)
    renamed = run(writer, save_preset, replace(close_up, name="口红特写"))
    assert renamed.id == close_up.id
    assert [p.name for p in run(writer, list_presets)] == ["口红特写", "服装全景"]
    with pytest.raises(DuplicateNameError):
        run(writer, save_preset, replace(renamed, name="服装全景"))
