"""Reading catalog files: CSV (UTF-8, UTF-8 with BOM, GBK/GB18030, UTF-16) and XLSX.

Gives the header and the rows as text with their line numbers as in the file; core decides
what the text means. Errors are codes (CatalogFileError) for the UI to word.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_MARKUP = re.compile(r"\s*<(?:!doctype|html|table|\?xml)", re.IGNORECASE)
PROGRESS_EVERY = 1000


class CatalogFileError(Exception):
    """Codes: not_found, unreadable, empty, no_rows, bad_xlsx, bad_csv (with line),
    unsupported_format, not_a_spreadsheet, unknown_encoding, write_failed."""

    def __init__(self, code: str, detail: str = "", line: int | None = None):
        super().__init__(f"{code}: {detail}" + (f" (line {line})" if line else ""))
        self.code, self.detail, self.line = code, detail, line


@dataclass
class CatalogTable:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line as in the file, cells); blank rows left out
    header_line: int = 1
    encoding: str = ""  # "utf-8", "utf-8-sig", "gb18030", "utf-16" or "xlsx"
    delimiter: str = ""


def read_catalog(
    path: str | os.PathLike, progress: Callable[[int], None] | None = None
) -> CatalogTable:
    """The file's header and rows. `progress(rows_read)` is called every PROGRESS_EVERY rows
    (a big XLSX takes seconds to read); an exception it raises stops the reading."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as e:
        raise CatalogFileError("not_found", str(path)) from e
    except OSError as e:
        raise CatalogFileError("unreadable", str(e)) from e
    if not raw.strip():
        raise CatalogFileError("empty")
    if raw.startswith(_ZIP) or path.suffix.lower() in (".xlsx", ".xlsm"):
        with contextlib.closing(_xlsx_lines(raw)) as lines:
            return _table(lines, "xlsx", "", progress)
    if raw.startswith(_OLE):
        raise CatalogFileError("unsupported_format", "xls")
    text, encoding = _decode(raw)
    if _MARKUP.match(text):  # web back-ends hand out HTML tables named .xls
        raise CatalogFileError("unsupported_format", "html")
    delimiter = _sniff_delimiter(text)
    return _table(_csv_lines(text, delimiter), encoding, delimiter, progress)


def _table(
    lines: Iterable[tuple[int, list[str]]],
    encoding: str,
    delimiter: str,
    progress: Callable[[int], None] | None,
) -> CatalogTable:
    table = None
    for line, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        if table is None:
            table = CatalogTable(cells, [], line, encoding, delimiter)
            continue
        table.rows.append((line, cells))
        if progress and len(table.rows) % PROGRESS_EVERY == 0:
            progress(len(table.rows))
    if table is None:
        raise CatalogFileError("empty")
    if not table.rows:
        raise CatalogFileError("no_rows", line=table.header_line)
    return table


def _decode(raw: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), name
            except UnicodeDecodeError as e:
                raise CatalogFileError("unknown_encoding", name) from e
    if b"\x00" in raw[:65536]:  # text in a one-byte or GBK encoding never holds NUL
        raise CatalogFileError("not_a_spreadsheet")
    # Strict UTF-8 first: GBK text almost never decodes as UTF-8, the reverse often does.
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise CatalogFileError("unknown_encoding")


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_lines(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    # newline="" lets the reader see a quoted cell's line breaks, so line_num counts every
    # physical line and the rows after a multi-line cell keep their true line numbers.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, [c.replace("\r\n", "\n") for c in cells]
            start = reader.line_num + 1
    except csv.Error as e:
        raise CatalogFileError("bad_csv", str(e), start) from e


def _xlsx_lines(raw: bytes) -> Iterator[tuple[int, list[str]]]:
    # python-calamine (Rust) reads a 50,000-row sheet in ~0.5 s where openpyxl took ~6.5 s;
    # imported here, not at the top, so the app's start does not pay for it.
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheet = book.get_sheet_by_index(0)
    except Exception as e:  # zip, XML and format errors alike mean a damaged file
        raise CatalogFileError("bad_xlsx", f"{type(e).__name__}: {e}") from e
    try:
        # iter_rows starts at Excel's row 1 (blank rows above the data included), so the
        # line numbers are the row numbers Excel shows.
        for n, row in enumerate(sheet.iter_rows(), 1):
            yield n, [_cell_text(v) for v in row]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return format(value, ".15g")  # Excel's doubles: 59.9 → "59.9", 100.0 → "100"
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
