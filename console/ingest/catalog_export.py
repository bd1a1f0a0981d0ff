"""Writing catalog files (and, later, any table such as a show's queue with results) as CSV
that Excel opens correctly and as XLSX; headers in Chinese, files replaced atomically."""

from __future__ import annotations

import csv
import io
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from console.core.catalog import EXPORT_HEADERS, Product
from console.ingest.catalog_file import CatalogFileError

_CANONICAL_INT = re.compile(r"0|[1-9]\d{0,14}")


def product_rows(products: Iterable[Product]) -> tuple[list[tuple[str, str]], list[dict]]:
    """Columns (key, Chinese header) and one row per product, prices as Decimal yuan."""
    products = list(products)
    extra_keys = list(dict.fromkeys(k for p in products for k in p.extra))
    columns = list(EXPORT_HEADERS.items()) + [(f"extra:{k}", k) for k in extra_keys]
    rows = []
    for p in products:
        row = {
            "link_no": int(p.link_no) if _CANONICAL_INT.fullmatch(p.link_no) else p.link_no,
            "sku": p.sku,
            "name": p.name,
            "category": p.category,
            "list_price": _yuan(p.list_price_fen),
            "live_price": _yuan(p.live_price_fen),
            "stock": p.stock,
            "selling_points": p.selling_points,
            "image": p.image,
        }
        row.update({f"extra:{k}": v for k, v in p.extra.items()})
        rows.append(row)
    return columns, rows


def write_products(path: str | os.PathLike, products: Iterable[Product]) -> None:
    columns, rows = product_rows(products)
    write_rows(path, columns, rows, sheet_title="商品")


def write_rows(
    path: str | os.PathLike,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Mapping[str, object]],
    sheet_title: str = "Sheet1",
) -> None:
    """Write rows (dicts by column key) under the columns' headers, as .csv or .xlsx by the
    file name. Atomic: the old file stays whole until the new one is complete."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        _atomic(path, lambda tmp: _write_csv(tmp, columns, rows))
    elif suffix == ".xlsx":
        _atomic(path, lambda tmp: _write_xlsx(tmp, columns, rows, sheet_title))
    else:
        raise CatalogFileError("unsupported_format", suffix or path.name)


def _yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen).scaleb(-2)


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    # Not mkstemp: its 0600 mode would stick to the exported file.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            write(tmp)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise CatalogFileError("write_failed", str(e)) from e


def _write_csv(tmp: Path, columns, rows) -> None:
    # The BOM is what makes Excel read UTF-8 instead of the system's GBK; CRLF is Excel's own.
    with open(tmp, "x", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow([header for _, header in columns])
        for row in rows:
            out.writerow(["" if row.get(k) is None else str(row.get(k)) for k, _ in columns])


def _write_xlsx(tmp: Path, columns, rows, sheet_title: str) -> None:
    # openpyxl is imported when a spreadsheet is written: it costs ~60 ms at every app start.
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    header = []
    for _, text in columns:
        cell = WriteOnlyCell(sheet, text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, row.get(k)) for k, _ in columns])
    # Into memory first (a few MB for 50,000 rows): saving can then not fail half-way on the
    # target path and leave openpyxl's row buffer open; the file is written in one go.
    buffer = io.BytesIO()
    book.save(buffer)
    with open(tmp, "xb") as f:
        f.write(buffer.getbuffer())


def _xlsx_cell(sheet, value: object) -> object:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, Decimal):
        cell = WriteOnlyCell(sheet, float(value))
        cell.number_format = "0.00"
        return cell
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value)
            cell.data_type = "s"  # a product called "=…" is text, not a formula
            return cell
    return value
