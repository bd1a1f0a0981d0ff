"""Products and the rules for catalog data. Pure: values and codes, never sentences.

Money is kept in fen (分, integer hundredths of a yuan) so that no price is ever off by a
floating-point cent.

Catalog files: the header row is mapped to fields by HEADER_ALIASES; unknown columns go to
Product.extra. Name and SKU are required. Prices, stock, link number, image, category and
selling points may be empty (stored as NULL / ""), but a value that is there must parse: a
list price of "免费" is an error, not a missing price. A SKU used twice in one file is an error
on the later row (which row should win is the user's call); a SKU already in the database is
not an error here: the import's skip/update choice handles it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    list_price_fen: int | None = None
    live_price_fen: int | None = None
    stock: int | None = None
    selling_points: str = ""
    link_no: str = ""
    image: str = ""
    category: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # columns LiveDesk does not know
    id: int | None = None


# The headers a catalog file may use for each field, in the spellings operations staff and the
# platforms' back-ends use. Compared after _normalize(), so case, spaces, full-width letters and
# a trailing unit such as "(元)" do not matter.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("商品名称", "名称", "商品名", "商品标题", "name", "product name", "title"),
    "sku": ("商品ID", "商品编码", "商品编号", "SKU", "货号", "sku id", "sku code", "product id"),
    "list_price": ("价格", "原价", "划线价", "list price", "price", "original price"),
    "live_price": ("直播价", "活动价", "到手价", "live price"),
    "stock": ("库存", "库存数量", "stock", "inventory"),
    "selling_points": ("卖点", "商品卖点", "selling points", "selling point"),
    # Not 链接 alone: in most sheets that column holds the product's URL, not its number.
    "link_no": ("链接号", "链接序号", "link", "link number", "link no"),
    "image": ("图片", "主图", "商品图片", "image", "image url", "picture"),
    "category": ("类目", "分类", "商品类目", "category"),
}
# What the exporter writes: file format, not UI text, so the same in every UI language; each is
# one of the aliases above so an exported file imports again unchanged.
EXPORT_HEADERS: dict[str, str] = {
    "link_no": "链接号",
    "sku": "商品编码",
    "name": "商品名称",
    "category": "类目",
    "list_price": "原价",
    "live_price": "直播价",
    "stock": "库存",
    "selling_points": "卖点",
    "image": "图片",
}
PRICE_MAX_FEN = 10**10 - 1  # ¥99,999,999.99: anything larger is a typo, not a price
STOCK_MAX = 10**9

_UNIT_SUFFIX = re.compile(r"[(\[].*[)\]]$")
_IGNORED_IN_HEADER = re.compile(r"[\s_\-*.:\ufeff]")
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)"  # commas only as thousands separators: "1,29" is ambiguous
_PRICE = re.compile(r"(?:¥|rmb|cny)?\s*" + _NUMBER + r"(?:\.(\d{1,2}))?\s*元?")
_STOCK = re.compile(_NUMBER + r"(?:\.0+)?")


def _normalize(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).casefold().strip()
    text = _UNIT_SUFFIX.sub("", text)
    return _IGNORED_IN_HEADER.sub("", text)


_FIELD_BY_HEADER = {_normalize(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}
_FIELD_BY_HEADER.update({_normalize(f): f for f in HEADER_ALIASES})  # "list_price" etc.


def field_for_header(header: str) -> str | None:
    """The Product field a column header means, or None for a column LiveDesk does not know."""
    return _FIELD_BY_HEADER.get(_normalize(header))


def parse_price(text: str) -> int | None:
    """Fen from "¥59.90", "￥59.9", "59.9元", "1,299"; None for anything that is not a price
    (empty, "免费", negative, more than two decimals, absurdly large)."""
    m = _PRICE.fullmatch(unicodedata.normalize("NFKC", text).strip().casefold())
    if not m:
        return None
    fen = int(m[1].replace(",", "")) * 100 + int((m[2] or "0").ljust(2, "0"))
    return fen if fen <= PRICE_MAX_FEN else None


def parse_stock(text: str) -> int | None:
    """A whole number of items, 0 or more ("1,200" and Excel's "100.0" included), else None."""
    m = _STOCK.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not m:
        return None
    stock = int(m[1].replace(",", ""))
    return stock if stock <= STOCK_MAX else None


def format_price(fen: int) -> str:
    """Fen as plain yuan with two decimals ("59.90"), the way the exporter writes prices."""
    return f"{fen // 100}.{fen % 100:02d}"


@dataclass(frozen=True)
class ParsedRow:
    line: int  # as in the file: CSV physical line where the row starts, or the Excel row
    product: Product


@dataclass(frozen=True)
class RowError:
    """One thing wrong with a catalog file, as a code the UI turns into a sentence.

    Codes: missing_name_column, missing_sku_column, duplicate_column (header, line of the
    header); missing_name, missing_sku, bad_price, bad_stock, duplicate_sku_in_file (other_line
    is where the SKU first appeared), extra_cells (more cells than columns).
    """

    line: int
    code: str
    value: str = ""
    field: str = ""
    column: str = ""  # the header as the file spells it, so the user finds the column
    other_line: int | None = None


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the file spells it
    field: str | None  # None: unknown to LiveDesk, kept in Product.extra under `key`
    key: str = ""


def map_header(header: Sequence[str], line: int = 1) -> tuple[list[Column], list[RowError]]:
    columns: list[Column] = []
    errors: list[RowError] = []
    seen: dict[str, str] = {}
    keys: set[str] = set()
    for i, text in enumerate(h.strip() for h in header):
        field_ = field_for_header(text) if text else None
        if field_ in seen:
            errors.append(RowError(line, "duplicate_column", seen[field_], field_, text))
        elif field_:
            seen[field_] = text
            columns.append(Column(i, text, field_))
            continue
        # Two columns both called 备注 must not overwrite each other in extra.
        key = text if text and text not in keys else f"{text}#{i + 1}"
        keys.add(key)
        columns.append(Column(i, text, None, key))
    for required in ("name", "sku"):
        if required not in seen:
            errors.append(RowError(line, f"missing_{required}_column", field=required))
    return columns, errors


def validate_rows(
    header: Sequence[str], rows: Iterable[tuple[int, Sequence[str]]], header_line: int = 1
) -> tuple[list[ParsedRow], list[RowError]]:
    """Products from a file's rows (line number, cells), and everything wrong with them. A bad
    header stops here: without a name or SKU column every row would repeat the complaint."""
    columns, errors = map_header(header, header_line)
    if errors:
        return [], errors
    by_field = {c.field: c for c in columns if c.field}
    parsed: list[ParsedRow] = []
    first_line_of_sku: dict[str, int] = {}
    for line, cells in rows:
        product, row_errors = _product_from_cells(line, columns, by_field, cells)
        if product is None and not row_errors:
            continue
        sku = product.sku if product else ""
        if sku in first_line_of_sku:
            row_errors.append(
                RowError(
                    line,
                    "duplicate_sku_in_file",
                    sku,
                    "sku",
                    by_field["sku"].header,
                    first_line_of_sku[sku],
                )
            )
        elif sku:
            first_line_of_sku[sku] = line
        if row_errors:
            errors.extend(row_errors)
        else:
            parsed.append(ParsedRow(line, product))
    return parsed, errors


def _product_from_cells(
    line: int, columns: list[Column], by_field: dict[str, Column], cells: Sequence[str]
) -> tuple[Product | None, list[RowError]]:
    cells = [c.strip() for c in cells]
    if not any(cells):
        return None, []  # Excel leaves blank rows behind; they are not products
    errors = []
    # A shifted row (an unquoted "1,299" in a CSV) shows up as cells past the last column.
    overflow = [c for c in cells[len(columns) :] if c]
    if overflow:
        errors.append(RowError(line, "extra_cells", overflow[0]))
    values: dict[str, object] = {}
    extra: dict[str, str] = {}
    for col in columns:
        text = cells[col.index] if col.index < len(cells) else ""
        if col.field is None:
            if col.header or text:  # an unnamed, empty column is Excel's leftover formatting
                extra[col.key] = text
        elif col.field in ("list_price", "live_price"):
            fen = parse_price(text) if text else None
            values[f"{col.field}_fen"] = fen
            if text and fen is None:
                errors.append(RowError(line, "bad_price", text, col.field, col.header))
        elif col.field == "stock":
            values["stock"] = parse_stock(text) if text else None
            if text and values["stock"] is None:
                errors.append(RowError(line, "bad_stock", text, col.field, col.header))
        else:
            values[col.field] = text
    for required in ("name", "sku"):
        if not values.get(required):
            column = by_field[required].header
            errors.append(RowError(line, f"missing_{required}", field=required, column=column))
    if not values.get("sku"):
        return None, errors
    return Product(extra=extra, **values), errors
