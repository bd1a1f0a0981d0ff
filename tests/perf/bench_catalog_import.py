"""Benchmark (prints figures): a 50,000-product catalog from CSV and from XLSX, read + check +
import in one transaction, then the same file again with update; and the export back out."""

import time

import pytest

from console.core.catalog import validate_rows
from console.ingest.catalog_export import write_rows
from console.ingest.catalog_file import read_catalog
from console.store.db import open_db
from console.store.products import import_products, list_products
from tests.helpers.big_catalog import COLUMNS, rows

pytestmark = pytest.mark.perf
ROWS = 50_000


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_50000_products(tmp_path, capsys, suffix):
    path = tmp_path / f"catalog{suffix}"
    _, write_s = _timed(lambda: write_rows(path, COLUMNS, rows(ROWS)))
    db = open_db(tmp_path / "shows.db")
    try:
        table, read_s = _timed(lambda: read_catalog(path))
        (products, errors), check_s = _timed(
            lambda: validate_rows(table.header, table.rows, table.header_line)
        )
        assert errors == [] and len(products) == ROWS
        result, insert_s = _timed(lambda: import_products(db, products))
        assert result.inserted == ROWS
        again, update_s = _timed(lambda: import_products(db, products, "update"))
        assert again.updated == ROWS
        catalog, list_s = _timed(lambda: list_products(db))
        assert len(catalog) == ROWS
        _, export_s = _timed(lambda: write_rows(tmp_path / f"out{suffix}", COLUMNS, rows(ROWS)))
    finally:
        db.close()
    total = read_s + check_s + insert_s
    kind = suffix[1:].upper()
    with capsys.disabled():
        print(
            f"\n[perf] {kind} {ROWS:,} products ({path.stat().st_size / 2**20:.1f} MB): "
            f"read {read_s:.2f} s + check {check_s:.2f} s + import {insert_s:.2f} s "
            f"= {total:.2f} s ({ROWS / total:,.0f} rows/s)"
        )
        print(
            f"[perf] {kind} again with update: {update_s:.2f} s; list {list_s:.2f} s; "
            f"write the file {write_s:.2f} s, export {export_s:.2f} s"
        )
