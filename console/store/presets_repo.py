"""Presets in the show database (writer thread): saved by name, listed, removed, and imported
all-or-nothing from an exported document. Every change is a timeline event."""

from __future__ import annotations

import json
from dataclasses import replace

import sqlite_utils

from console.core.presets import Preset, from_json, to_json
from console.store.timeline import event_row, stamp


def _data(preset: Preset) -> str:
    return json.dumps(to_json([preset])["presets"][0], ensure_ascii=False)


class DuplicateNameError(ValueError):
    """Another preset already has this name (a rename onto it)."""


def save_preset(db: sqlite_utils.Database, preset: Preset) -> Preset:
    """Update the preset's own row when it has an id (a rename too), else insert or replace
    the preset of the same name; returns it with its id. Its hotkey moves to it: another
    preset holding the same number loses it."""
    if preset.id is not None:
        other = db.execute(
            "SELECT id FROM presets WHERE name = ? AND id != ?", [preset.name, preset.id]
        ).fetchone()
        if other:
            raise DuplicateNameError(preset.name)
        row = db.execute("SELECT id FROM presets WHERE id = ?", [preset.id]).fetchone()
    else:
        row = db.execute("SELECT id FROM presets WHERE name = ?", [preset.name]).fetchone()
    values = {"name": preset.name, "data": _data(preset), "updated_at": stamp()[1]}
    if row:
        db["presets"].update(row[0], values)
        preset_id = row[0]
    else:
        preset_id = db["presets"].insert(values).last_pk
    if preset.hotkey is not None:
        for other_id, data in db.execute(
            "SELECT id, data FROM presets WHERE json_extract(data, '$.hotkey') = ? AND id != ?",
            [preset.hotkey, preset_id],
        ).fetchall():
            released = json.loads(data)
            del released["hotkey"]
            db["presets"].update(other_id, {"data": json.dumps(released, ensure_ascii=False)})
    db["events"].insert(event_row("preset_saved", preset=preset_id, name=preset.name))
    return _with_id(preset, preset_id)


def list_presets(db: sqlite_utils.Database) -> list[Preset]:
    rows = db.execute("SELECT id, data FROM presets ORDER BY name").fetchall()
    doc = {"format": "livedesk-presets", "version": 1, "presets": [json.loads(d) for _, d in rows]}
    return [_with_id(p, row[0]) for p, row in zip(from_json(doc), rows, strict=True)]


def remove_preset(db: sqlite_utils.Database, preset_id: int) -> None:
    db.execute("UPDATE products SET preset_id = NULL WHERE preset_id = ?", [preset_id])
    db.execute("UPDATE segments SET preset_id = NULL WHERE preset_id = ?", [preset_id])
    db.execute("DELETE FROM presets WHERE id = ?", [preset_id])
    db["events"].insert(event_row("preset_removed", preset=preset_id))


def link_product(db: sqlite_utils.Database, product_id: int, preset_id: int | None) -> None:
    """讲解 on the product recalls the preset (None: no look of its own)."""
    db.execute("UPDATE products SET preset_id = ? WHERE id = ?", [preset_id, product_id])
    db["events"].insert(event_row("product_preset_linked", product=product_id, preset=preset_id))


def import_presets(db: sqlite_utils.Database, document: object) -> list[Preset]:
    """Every preset of the document or none (a PresetError, raised before anything is
    written, rolls the caller's transaction back). Same-named presets are replaced."""
    return [save_preset(db, p) for p in from_json(document)]


def export_presets(db: sqlite_utils.Database) -> dict:
    return to_json(list_presets(db))


def _with_id(preset: Preset, preset_id: int) -> Preset:
    return replace(preset, id=preset_id)
