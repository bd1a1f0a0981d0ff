"""What the catalog import dialog runs off the GUI thread: reading and checking the file on a
worker thread, the import itself on the db writer's thread. Nothing here touches a widget."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from console.core.catalog import Column, ParsedRow, RowError, map_header, validate_rows
from console.ingest.catalog_file import PROGRESS_EVERY, read_catalog
from console.store.products import ImportResult, import_products
from console.ui import catalog_messages as msg
from console.ui.background import Report
from console.ui.bulk_work import bulk_work, keep_out_of_gc
from console.ui.catalog_preview import PREVIEW_ROWS


class ReadCancelled(Exception):
    """The user cancelled the reading."""


@dataclass
class CheckedFile:
    generation: int
    path: Path
    columns: list[Column]
    first_rows: list[tuple[int, list[str]]]  # for the preview
    first_errors: list[RowError]  # those on the first rows
    rows: list[ParsedRow]
    problems: list[str]  # every error, worded
    bad_rows: int
    release: Callable[[], object] = field(default=lambda: None, repr=False)  # keep_out_of_gc


def read_and_check(
    generation: int, path: Path, cancel: threading.Event, report: Report
) -> CheckedFile:
    """On a worker thread. Reading reports (rows, 0), checking (rows, total)."""

    def progressed(n: int, total: int = 0) -> None:
        if cancel.is_set():
            raise ReadCancelled
        report(n, total)

    def rows_checked(table):
        for n, row in enumerate(table.rows, 1):
            if n % PROGRESS_EVERY == 0:
                progressed(n, len(table.rows))
            yield row

    with bulk_work():
        table = read_catalog(path, progressed)
        parsed, errors = validate_rows(table.header, rows_checked(table), table.header_line)
        columns, _ = map_header(table.header, table.header_line)
        first = table.rows[:PREVIEW_ROWS]
        del table  # the raw cells go now, by refcount, before the collector is back
        # Anything that walks every row is done here: a file can have 50,000 bad ones.
        shown = {line for line, _ in first}
        first_errors = [e for e in errors if e.line in shown]
        bad = len({e.line for e in errors})
        problems = [msg.row_error(e) for e in errors]  # translate() is thread-safe
        del errors
        checked = CheckedFile(generation, path, columns, first, first_errors, parsed, problems, bad)
        checked.release = keep_out_of_gc(checked)
    return checked


def import_rows(db, rows: list[ParsedRow], on_duplicate: str, **kwargs) -> ImportResult:
    """On the writer thread."""
    with bulk_work():
        return import_products(db, rows, on_duplicate, **kwargs)
