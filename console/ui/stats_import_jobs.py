"""What the stats import dialog runs off the GUI thread: reading the file and checking its rows
on a worker thread, storing the good rows on the db writer's thread. Nothing here touches a
widget.

Importing the same file twice does not double anything: stats_repo.replace_file_batch replaces
a reading an earlier file import stored (the latest export wins: a minute still under way in an
export taken during the show is corrected by the one taken after it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from console.core.stats_file import Column, StatsFileResult, convert, find_header, map_header
from console.ingest.catalog_file import read_catalog
from console.store import stats_repo
from console.store.timeline import event_row
from console.ui import stats_import_messages as msg
from console.ui.background import Report
from console.ui.bulk_work import bulk_work


@dataclass
class ReadFile:
    path: Path
    header: list[str]
    rows: list[tuple[int, Sequence[str]]]
    header_line: int
    columns: list[Column]  # as the headers map; the user may change them


@dataclass
class CheckedFile:
    generation: int
    result: StatsFileResult
    problems: list[str]  # worded
    bad_lines: set[int]


@dataclass(frozen=True)
class FileImported:
    inserted: int  # readings written
    replaced: int  # of those, how many replaced a reading of an earlier file import


def read_file(path: Path, report: Report) -> ReadFile:
    """On a worker thread. Raises CatalogFileError for a file that cannot be read at all."""
    with bulk_work():
        table = read_catalog(path, lambda n: report(n, 0))
        header, rows, line = find_header(table.header, table.rows, table.header_line)
    return ReadFile(path, header, rows, line, map_header(header))


def check(
    generation: int, read: ReadFile, columns: Sequence[Column], day: date, tz: tzinfo
) -> CheckedFile:
    """On a worker thread: the rows converted with this mapping, and the problems worded."""
    with bulk_work():
        result = convert(columns, read.rows, day, tz, read.header_line)
        problems = [msg.row_problem(p) for p in result.problems]  # translate() is thread-safe
    bad = {p.row for p in result.problems if p.row != read.header_line}
    return CheckedFile(generation, result, problems, bad)


def store_file_batch(db, show_id: int, result: StatsFileResult, file_name: str) -> FileImported:
    """On the writer, in its one transaction: every good row or nothing."""
    stored, replaced = stats_repo.replace_file_batch(db, show_id, result.batch)
    db["events"].insert(
        event_row(
            "stats_file_imported",
            show_id=show_id,
            file=file_name,
            rows=result.rows_ok,
            skipped=result.rows_bad,
            readings=stored.inserted,
            replaced=replaced,
        )
    )
    return FileImported(stored.inserted, replaced)
