"""Which show the console opens at start: run on the writer thread (it may write)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import sqlite_utils

from console.core.catalog import validate_rows
from console.core.rundown import Rundown
from console.ingest.catalog_file import read_catalog
from console.ingest.rundown_file import link_key, read_rundown
from console.store.presets_repo import import_presets
from console.store.products import import_products
from console.store.queue_repo import add_products
from console.store.rundown_repo import save_rundown
from console.store.shows import create_show, list_shows


def current_show(db: sqlite_utils.Database, new_title: str) -> int:
    """The most recent open show, or a new one when there is none."""
    shows = list_shows(db)
    if shows:
        return max(shows, key=lambda s: s.id).id
    return create_show(db, new_title, "other").id


def demo_show(
    db: sqlite_utils.Database,
    sample_catalog: Path,
    title: str,
    sample_rundown: Path | None = None,
    sample_presets: Path | None = None,
) -> int:
    """For --demo: the sample catalog, and a show with all of it in the queue and the
    sample rundown; the sample presets, each linked to the products of its category."""
    if not db["products"].count:
        table = read_catalog(sample_catalog)
        rows, errors = validate_rows(table.header, table.rows, table.header_line)
        if errors:  # the shipped file is tested; this would be a packaging fault
            raise ValueError(f"sample catalog has {len(errors)} bad rows")
        import_products(db, rows)
    if sample_presets is not None and not db["presets"].count:
        _add_presets(db, sample_presets)
    if list_shows(db):
        return current_show(db, title)
    show_id = create_show(db, title, "douyin", rehearsal=True).id
    add_products(db, show_id, [r[0] for r in db.execute("SELECT id FROM products ORDER BY id")])
    if sample_rundown is not None:
        _add_rundown(db, show_id, sample_rundown)
    return show_id


DEMO_LOOKS = {"美妆护肤": "美妆特写", "服饰鞋包": "服装全景", "食品生鲜": "美食暖光"}


def _add_presets(db: sqlite_utils.Database, path: Path) -> None:
    for preset in import_presets(db, json.loads(path.read_text(encoding="utf-8"))):
        category = next((c for c, name in DEMO_LOOKS.items() if name == preset.name), None)
        db.execute("UPDATE products SET preset_id = ? WHERE category = ?", [preset.id, category])


def _add_rundown(db: sqlite_utils.Database, show_id: int, path: Path) -> None:
    links = dict(
        db.execute(
            "SELECT p.link_no, si.id FROM show_items si JOIN products p ON p.id = si.product_id "
            "WHERE si.show_id = ? AND p.link_no IS NOT NULL",
            [show_id],
        ).fetchall()
    )
    found = read_rundown(path, {link_key(k): v for k, v in links.items()})
    if found.errors:  # the shipped file is tested; this would be a packaging fault
        raise ValueError(f"sample rundown has {len(found.errors)} bad rows")
    segments = tuple(replace(s, id=-n) for n, (_, s) in enumerate(found.segments, 1))
    save_rundown(db, show_id, Rundown(show_id), Rundown(show_id, segments))
