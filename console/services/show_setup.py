"""Which show the console opens at start: run on the writer thread (it may write)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from console.core.catalog import validate_rows
from console.ingest.catalog_file import read_catalog
from console.store.products import import_products
from console.store.queue_repo import add_products
from console.store.shows import create_show, list_shows


def current_show(db: sqlite_utils.Database, new_title: str) -> int:
    """The most recent open show, or a new one when there is none."""
    shows = list_shows(db)
    if shows:
        return max(shows, key=lambda s: s.id).id
    return create_show(db, new_title, "other").id


def demo_show(db: sqlite_utils.Database, sample_catalog: Path, title: str) -> int:
    """For --demo: the sample catalog, and a show with all of it in the queue."""
    if not db["products"].count:
        table = read_catalog(sample_catalog)
        rows, errors = validate_rows(table.header, table.rows, table.header_line)
        if errors:  # the shipped file is tested; this would be a packaging fault
            raise ValueError(f"sample catalog has {len(errors)} bad rows")
        import_products(db, rows)
    if list_shows(db):
        return current_show(db, title)
    show_id = create_show(db, title, "douyin", rehearsal=True).id
    add_products(db, show_id, [r[0] for r in db.execute("SELECT id FROM products ORDER BY id")])
    return show_id
