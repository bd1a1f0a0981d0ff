"""Catalog rules in core: prices, stock, header mapping and row validation with line numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.catalog import (
    HEADER_ALIASES,
    PRICE_MAX_FEN,
    field_for_header,
    format_price,
    parse_price,
    parse_stock,
    validate_rows,
)


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("¥59.90", 5990),
        ("￥59.9", 5990),
        ("59.9元", 5990),
        ("1,299", 129900),
        ("1299.5", 129950),
        (" 59 ", 5900),
        ("0", 0),
        ("¥ 1,234,567.89 元", 123456789),
        ("５９．９", 5990),  # typed with a Chinese input method in full-width mode
        ("RMB 12", 1200),
    ],
)
def test_prices_that_parse(text, fen):
    assert parse_price(text) == fen


@pytest.mark.parametrize(
    "text",
    ["免费", "abc", "", "   ", "-5", "59.999", "1,29", "12,3456", ".5", "59.", "¥", "1e3",
     "59.9.9", "100000000", "5 9"],
)  # fmt: skip
def test_things_that_are_not_prices(text):
    assert parse_price(text) is None


def _yuan_text(fen: int, prefix: str, suffix: str, commas: bool, trim: bool) -> str:
    whole = f"{fen // 100:,}" if commas else str(fen // 100)
    cents = f"{fen % 100:02d}"
    if trim:  # "59.9" and "59" as people type them
        cents = cents.rstrip("0")
    return f"{prefix}{whole}{'.' + cents if cents else ''}{suffix}"


@given(
    fen=st.integers(0, PRICE_MAX_FEN),
    prefix=st.sampled_from(["", "¥", "￥", "¥ ", " "]),
    suffix=st.sampled_from(["", "元", " 元", " "]),
    commas=st.booleans(),
    trim=st.booleans(),
)
def test_formatted_prices_round_trip(fen, prefix, suffix, commas, trim):
    assert parse_price(_yuan_text(fen, prefix, suffix, commas, trim)) == fen


@given(st.integers(0, PRICE_MAX_FEN))
def test_exported_prices_read_back(fen):
    assert parse_price(format_price(fen)) == fen


@given(st.text(max_size=30))
def test_parse_price_never_raises_and_stays_in_range(text):
    fen = parse_price(text)
    assert fen is None or 0 <= fen <= PRICE_MAX_FEN


@pytest.mark.parametrize(
    ("text", "stock"), [("1,200", 1200), ("0", 0), (" 35 ", 35), ("100.0", 100), ("", None)]
)
def test_stock(text, stock):
    assert parse_stock(text) == stock


@pytest.mark.parametrize("text", ["-1", "1.5", "many", "1,20", "十"])
def test_bad_stock(text):
    assert parse_stock(text) is None


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("商品名称", "name"),
        ("名称", "name"),
        ("Product Name", "name"),
        ("  NAME ", "name"),
        ("商品ID", "sku"),
        ("商品id", "sku"),
        ("商品编码", "sku"),
        ("ＳＫＵ", "sku"),  # full-width
        ("货号", "sku"),
        ("价格", "list_price"),
        ("原价（元）", "list_price"),
        ("List Price", "list_price"),
        ("price", "list_price"),
        ("直播价", "live_price"),
        ("活动价(元)", "live_price"),
        ("live_price", "live_price"),
        ("库存", "stock"),
        ("*库存", "stock"),
        ("Stock", "stock"),
        ("卖点", "selling_points"),
        ("Selling Points", "selling_points"),
        ("链接号", "link_no"),
        ("链接序号", "link_no"),
        ("Link", "link_no"),
        ("link number", "link_no"),
        ("图片", "image"),
        ("主图", "image"),
        ("Image", "image"),
        ("类目", "category"),
        ("分类", "category"),
        ("CATEGORY", "category"),
        ("品牌", None),
        ("", None),
    ],
)
def test_header_mapping(header, field):
    assert field_for_header(header) == field


def test_every_alias_maps_to_its_field():
    for field, aliases in HEADER_ALIASES.items():
        for alias in aliases:
            assert field_for_header(alias) == field, alias
            assert field_for_header(f" {alias.upper()} ") == field, alias


def test_mixed_chinese_and_english_headers_with_unknown_columns_kept():
    header = ["Link", "商品名称", "SKU", "原价", "live price", "库存", "卖点", "品牌", "规格", ""]
    rows = [
        (2, ["1", "补水面膜", "MZ-1", "¥129", "59.9元", "3,000", "敷完透亮", "水研社", "10片", ""]),
        (3, ["2", "Coffee", "SP-2", "", "", "", "", "", "", "stray note"]),
    ]
    products, errors = validate_rows(header, rows)
    assert errors == []
    first, second = (p.product for p in products)
    assert [p.line for p in products] == [2, 3]
    assert (first.link_no, first.name, first.sku) == ("1", "补水面膜", "MZ-1")
    assert (first.list_price_fen, first.live_price_fen, first.stock) == (12900, 5990, 3000)
    assert first.extra == {"品牌": "水研社", "规格": "10片"}  # an empty unnamed column is left out
    # Optional fields may be empty; an unnamed column with a value is kept, not dropped.
    assert (second.list_price_fen, second.live_price_fen, second.stock) == (None, None, None)
    assert second.extra == {"品牌": "", "规格": "", "#10": "stray note"}


def test_two_unknown_columns_with_the_same_header_both_survive():
    products, _ = validate_rows(["名称", "SKU", "备注", "备注"], [(2, ["a", "s", "x", "y"])])
    assert products[0].product.extra == {"备注": "x", "备注#4": "y"}


def test_bad_rows_carry_line_code_and_value():
    header = ["商品名称", "商品ID", "价格", "直播价", "库存"]
    rows = [
        (2, ["面膜", "A1", "59", "39", "10"]),
        (3, ["", "A2", "59", "39", "10"]),
        (4, ["洁面", "", "59", "39", "10"]),
        (5, ["精华", "A5", "免费", "39", "10"]),
        (6, ["口红", "A6", "99", "abc", "-1"]),
        (7, ["面膜 again", "A1", "59", "39", "10"]),
        (8, ["", "", "", "", ""]),  # blank: ignored
        (9, ["眼霜", "A9", "59", "39", "10", "", "1,299"]),  # shifted by an unquoted comma
    ]
    products, errors = validate_rows(header, rows)
    assert [p.product.sku for p in products] == ["A1"]
    got = {(e.line, e.code, e.value, e.column, e.other_line) for e in errors}
    assert got == {
        (3, "missing_name", "", "商品名称", None),
        (4, "missing_sku", "", "商品ID", None),
        (5, "bad_price", "免费", "价格", None),
        (6, "bad_price", "abc", "直播价", None),
        (6, "bad_stock", "-1", "库存", None),
        (7, "duplicate_sku_in_file", "A1", "商品ID", 2),
        (9, "extra_cells", "1,299", "", None),
    }
    assert {e.field for e in errors if e.code == "bad_price"} == {"list_price", "live_price"}


def test_a_header_without_name_or_sku_is_one_error_each_not_one_per_row():
    products, errors = validate_rows(["价格", "库存"], [(2, ["1", "2"])] * 5)
    assert products == []
    assert [(e.line, e.code) for e in errors] == [
        (1, "missing_name_column"),
        (1, "missing_sku_column"),
    ]


def test_two_columns_for_one_field_are_refused():
    _, errors = validate_rows(["名称", "商品ID", "商品编码"], [(3, ["a", "1", "2"])], 2)
    assert [(e.line, e.code, e.value, e.column, e.field) for e in errors] == [
        (2, "duplicate_column", "商品ID", "商品编码", "sku")
    ]
