"""Catalog files (encodings, XLSX, broken files) and the import into the store: all or
nothing, duplicates, cancel, 50,000 rows, export round trips."""

import codecs
import dataclasses
import sqlite3

import openpyxl
import pytest

from console.core.catalog import Product, validate_rows
from console.ingest.catalog_export import write_products, write_rows
from console.ingest.catalog_file import CatalogFileError, read_catalog
from console.resources import resource_path
from console.store.db import open_db
from console.store.products import existing_skus, import_products, list_products

HEADER = "商品名称,商品ID,价格,直播价,库存,卖点,品牌"
ROWS = ["补水面膜,MZ-1,￥129,59.9,3000,敷完透亮,水研社", "咖啡挂耳,SP-2,128,69,2500,坚果风味,滇山"]


def _csv(tmp_path, text: str, encoding: str = "utf-8", name: str = "catalog.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _parsed(path):
    table = read_catalog(path)
    products, errors = validate_rows(table.header, table.rows, table.header_line)
    return table, products, errors


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "shows.db")
    yield db
    db.close()


def _count(db) -> int:
    return db.execute("SELECT count(*) FROM products").fetchone()[0]


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030")],
)
def test_each_encoding_reads_the_same(tmp_path, encoding, detected):
    path = _csv(tmp_path, "\r\n".join([HEADER, *ROWS]) + "\r\n", encoding)
    table, products, errors = _parsed(path)
    assert table.encoding == detected and errors == []
    assert table.header[0] == "商品名称"  # no BOM left on the first header
    assert [p.product.name for p in products] == ["补水面膜", "咖啡挂耳"]
    assert products[0].product.extra == {"品牌": "水研社"}


def test_gb18030_only_characters(tmp_path):
    name = "𠮷野家牛肉饭€"  # outside GBK: only GB18030 (4-byte sequences) can hold these
    with pytest.raises(UnicodeEncodeError):
        name.encode("gbk")
    path = _csv(tmp_path, f"{HEADER}\r\n{name},X-1,1,1,1,,\r\n", "gb18030")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    table, products, _ = _parsed(path)
    assert table.encoding == "gb18030"
    assert products[0].product.name == name


def test_utf16_tab_separated_as_excel_unicode_text(tmp_path):
    text = "\r\n".join(line.replace(",", "\t") for line in [HEADER, *ROWS])
    path = tmp_path / "catalog.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    table, products, errors = _parsed(path)
    assert (table.encoding, table.delimiter, len(products), errors) == ("utf-16", "\t", 2, [])


def test_semicolon_delimiter(tmp_path):
    path = _csv(tmp_path, '名称;SKU;价格\na;1;"1,299"\n')
    table, products, _ = _parsed(path)
    assert table.delimiter == ";"
    assert products[0].product.list_price_fen == 129900


def test_line_numbers_count_a_multi_line_cell(tmp_path):
    text = (
        "商品名称,SKU,价格,卖点\r\n"  # line 1
        '面膜,A1,59,"补水\r\n保湿\r\n不黏腻"\r\n'  # lines 2-4: one row
        "\r\n"  # line 5: blank
        "精华,A2,免费,\r\n"  # line 6: bad price
        '"口红\n#16",A3,99,\r\n'  # lines 7-8
        "眼霜,,99,\r\n"  # line 9: no SKU
    )
    table, products, errors = _parsed(_csv(tmp_path, text, "utf-8-sig"))
    assert [line for line, _ in table.rows] == [2, 6, 7, 9]
    assert products[0].product.selling_points == "补水\n保湿\n不黏腻"
    assert [(e.line, e.code, e.value) for e in errors] == [
        (6, "bad_price", "免费"),
        (9, "missing_sku", ""),
    ]


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", codecs.BOM_UTF8, b",,,\r\n,,\r\n"])
def test_an_empty_file(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(CatalogFileError) as e:
        read_catalog(path)
    assert e.value.code == "empty"


def test_a_header_only_file(tmp_path):
    with pytest.raises(CatalogFileError) as e:
        read_catalog(_csv(tmp_path, HEADER + "\r\n\r\n", "utf-8-sig"))
    assert (e.value.code, e.value.line) == ("no_rows", 1)


def test_an_unclosed_quote_names_its_line(tmp_path):
    with pytest.raises(CatalogFileError) as e:
        read_catalog(_csv(tmp_path, '名称,SKU\na,1\n"b,2\nc,3\n'))
    assert (e.value.code, e.value.line) == ("bad_csv", 3)


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not_a_spreadsheet"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "unsupported_format"),
        ("web.xls", b"<html><table><tr><td>name</td></tr></table></html>", "unsupported_format"),
        ("fake.xlsx", "名称,SKU\na,1\n".encode(), "bad_xlsx"),
        ("binary.csv", bytes(range(128, 256)) * 4, "unknown_encoding"),
    ],
)
def test_files_that_are_not_catalogs(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CatalogFileError) as e:
        read_catalog(path)
    assert e.value.code == code


def test_a_missing_file(tmp_path):
    with pytest.raises(CatalogFileError) as e:
        read_catalog(tmp_path / "nope.csv")
    assert e.value.code == "not_found"


def _xlsx(path, rows, start_row: int = 1):
    book = openpyxl.Workbook()
    sheet = book.active
    for i, row in enumerate(rows, start_row):
        for j, value in enumerate(row, 1):
            sheet.cell(i, j, value)
    book.save(path)
    return path


def test_xlsx_values_as_excel_stores_them(tmp_path):
    path = _xlsx(
        tmp_path / "c.xlsx",
        [
            ["商品名称", "SKU", "价格", "直播价", "库存", "链接号", "上架日期"],
            ["面膜", 6901234567890, 59.9, 39.0, 100.0, 1, None],
            ["精华", "B2", 1299.5, 0.1 + 0.2, 3, 2, None],
        ],
        start_row=3,  # two empty rows above: line numbers are Excel's row numbers
    )
    table, products, errors = _parsed(path)
    assert (table.encoding, table.header_line) == ("xlsx", 3)
    # Every row as wide as the sheet's used range: the empty date cell is an empty string.
    assert table.rows[0] == (4, ["面膜", "6901234567890", "59.9", "39", "100", "1", ""])
    assert errors == []
    first, second = (p.product for p in products)
    assert (first.sku, first.list_price_fen, first.live_price_fen, first.stock) == (
        "6901234567890",
        5990,
        3900,
        100,
    )
    assert (second.list_price_fen, second.live_price_fen) == (129950, 30)
    assert first.extra == {"上架日期": ""}


def test_a_truncated_xlsx(tmp_path):
    rows = [["商品名称", "SKU", "价格"]] + [[f"商品{i}", f"S{i}", i] for i in range(2000)]
    whole = _xlsx(tmp_path / "whole.xlsx", rows).read_bytes()
    for cut in (len(whole) // 2, len(whole) - 30, 100):
        path = tmp_path / f"cut{cut}.xlsx"
        path.write_bytes(whole[:cut])
        with pytest.raises(CatalogFileError) as e:
            read_catalog(path)
        assert e.value.code == "bad_xlsx"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_reading_reports_progress_and_can_be_stopped(tmp_path, suffix):
    rows = [{"name": f"商品{i}", "sku": f"S{i}"} for i in range(2500)]
    path = tmp_path / f"big{suffix}"
    write_rows(path, [("name", "商品名称"), ("sku", "SKU")], rows)
    seen = []
    assert len(read_catalog(path, progress=seen.append).rows) == 2500
    assert seen == [1000, 2000]

    def stop(n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # and the workbook is closed: no ResourceWarning
        read_catalog(path, progress=stop)


def test_an_xlsx_with_only_a_header(tmp_path):
    with pytest.raises(CatalogFileError) as e:
        read_catalog(_xlsx(tmp_path / "h.xlsx", [["商品名称", "SKU"]]))
    assert e.value.code == "no_rows"


def test_the_sample_catalogs_are_the_same_in_both_encodings():
    utf8 = resource_path("catalog", "sample_catalog.csv")
    gbk = resource_path("catalog", "sample_catalog_gbk.csv")
    assert utf8.read_bytes().startswith(codecs.BOM_UTF8)
    raw = gbk.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")[:200]  # Excel's CRLF
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    a, products, errors = _parsed(utf8)
    b, products_gbk, errors_gbk = _parsed(gbk)
    assert errors == errors_gbk == []
    assert (a.encoding, b.encoding) == ("utf-8-sig", "gb18030")
    assert products == products_gbk
    catalog = [p.product for p in products]
    assert len(catalog) >= 30
    assert [p.link_no for p in catalog] == [str(i) for i in range(1, len(catalog) + 1)]
    assert len({p.category for p in catalog}) >= 4
    assert all(p.name and p.sku and p.list_price_fen for p in catalog)
    assert all(p.live_price_fen is None or p.live_price_fen < p.list_price_fen for p in catalog)


def _products(n: int, prefix: str = "S") -> list[Product]:
    return [
        Product(f"{prefix}{i:06d}", f"商品{i}", 10000 + i, 5000 + i, i % 500, "卖点", str(i + 1))
        for i in range(n)
    ]


def test_one_bad_row_writes_nothing(tmp_path, db):
    rows = [f"商品{i},S{i},59,39,{i},," for i in range(50)] + ["坏行,S99,免费,39,1,,"]
    path = _csv(tmp_path, "\n".join([HEADER, *rows]) + "\n")
    _, products, errors = _parsed(path)
    assert [(e.line, e.code) for e in errors] == [(52, "bad_price")]
    # The caller imports only a clean file; and a failure inside the import rolls back.
    assert len(products) == 50
    with pytest.raises(sqlite3.IntegrityError):
        import_products(db, [*products, dataclasses.replace(products[0].product, sku=None)])
    assert _count(db) == 0


def test_a_failure_in_a_later_batch_rolls_back_the_earlier_ones(db):
    def progress(done, total):
        if done >= 2000:
            raise OSError("disk full")

    with pytest.raises(OSError):
        import_products(db, _products(5000), progress=progress)
    assert _count(db) == 0


def test_duplicates_skipped_or_updated_and_reported_per_row(tmp_path, db):
    import_products(db, _products(3))
    header = "商品名称,SKU,价格,直播价,库存,图片,品牌\n"
    text = header + "新名字,S000001,88,,,,新品牌\n新品,N1,10,5,1,,\n第三,S000002,,,7,,\n"
    _, products, _ = _parsed(_csv(tmp_path, text))
    assert existing_skus(db, [p.product.sku for p in products]) == {"S000001", "S000002"}

    skipped = import_products(db, products, "skip")
    assert (skipped.inserted, skipped.updated, skipped.skipped) == (1, 0, 2)
    assert [(o.line, o.sku, o.action) for o in skipped.duplicates] == [
        (2, "S000001", "skipped"),
        (4, "S000002", "skipped"),
    ]
    assert list_products(db)[1].name == "商品1"

    updated = import_products(db, products, "update")
    assert (updated.inserted, updated.updated, updated.skipped) == (0, 3, 0)
    assert [o.action for o in updated.duplicates] == ["updated"] * 3
    by_sku = {p.sku: p for p in list_products(db)}
    one = by_sku["S000001"]
    # The file's values win; what it leaves empty keeps the catalog's value.
    assert (one.name, one.list_price_fen, one.live_price_fen, one.stock) == (
        "新名字",
        8800,
        5001,
        1,
    )
    assert one.link_no == "2" and one.extra == {"品牌": "新品牌"}
    assert (by_sku["S000002"].stock, by_sku["S000002"].list_price_fen) == (7, 10002)
    assert _count(db) == 4


def test_cancel_midway_writes_nothing(db):
    import_products(db, _products(10, "OLD"))
    seen = []

    def progress(done, total):
        seen.append((done, total))

    result = import_products(
        db, _products(5000), progress=progress, is_cancelled=lambda: len(seen) >= 3
    )
    assert result.cancelled and result.inserted == 0
    assert seen == [(1000, 5000), (2000, 5000), (3000, 5000)]
    assert _count(db) == 10
    assert not db.conn.in_transaction


def test_50000_rows_from_a_file(tmp_path, db):
    lines = [HEADER] + [
        f'商品{i},SKU{i:06d},"{1000 + i:,}.50",￥{i % 900 + 9}.9,{i % 3000},"卖点{i}",品牌{i % 7}'
        for i in range(50_000)
    ]
    path = _csv(tmp_path, "\r\n".join(lines) + "\r\n", "gbk")
    _, products, errors = _parsed(path)
    assert errors == [] and len(products) == 50_000
    calls = []
    result = import_products(db, products, progress=lambda d, t: calls.append(d))
    assert result.inserted == 50_000 and calls[-1] == 50_000 and len(calls) == 50
    assert _count(db) == 50_000
    total = db.execute("SELECT sum(list_price_fen), sum(stock) FROM products").fetchone()
    assert total == (
        sum((1000 + i) * 100 + 50 for i in range(50_000)),
        sum(i % 3000 for i in range(50_000)),
    )
    last = list_products(db)[-1]
    assert (last.sku, last.name, last.extra) == ("SKU049999", "商品49999", {"品牌": "品牌5"})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trip(tmp_path, db, suffix):
    _, products, _ = _parsed(resource_path("catalog", "sample_catalog.csv"))
    # A file has a column for every extra key, so each product carries all of them.
    extra = {"品牌": "x", "规格": ""}
    tricky = Product("=1+1", "=SUM(A1)", 1, None, 0, "换行\n第二行", "007", extra=extra)
    import_products(db, [*products, tricky])
    before = list_products(db)
    out = tmp_path / f"export{suffix}"
    out.write_text("old")
    write_products(out, before)
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    table, again, errors = _parsed(out)
    assert errors == []
    assert table.header[:3] == ["链接号", "商品编码", "商品名称"]
    assert [p.product for p in again] == [dataclasses.replace(p, id=None) for p in before]


def test_export_csv_is_excel_friendly(tmp_path):
    path = tmp_path / "out.csv"
    write_products(path, [Product("A", "面膜", 5990, 3990, 10)])
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and raw.endswith(b"\r\n")
    assert "59.90,39.90,10" in raw.decode("utf-8-sig")


def test_generic_rows_and_write_errors(tmp_path):
    columns = [("title", "场次"), ("gmv", "成交金额")]
    write_rows(tmp_path / "q.xlsx", columns, [{"title": "周二场", "gmv": 1}, {"title": "x"}])
    sheet = openpyxl.load_workbook(tmp_path / "q.xlsx").active
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [
        ["场次", "成交金额"],
        ["周二场", 1],
        ["x", None],
    ]
    for path, code in [
        (tmp_path / "q.txt", "unsupported_format"),
        (tmp_path / "missing" / "q.csv", "write_failed"),
    ]:
        with pytest.raises(CatalogFileError) as e:
            write_rows(path, columns, [])
        assert e.value.code == code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.xlsx"]
