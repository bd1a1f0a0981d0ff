"""Rundown files as operations staff write them: Chinese or English headers, UTF-8 (with or
without BOM) or GBK, durations in any usual spelling, products by their link numbers."""

from pathlib import Path

import pytest

from console.ingest.catalog_file import CatalogFileError
from console.ingest.rundown_file import RundownRowError, link_key, read_rundown

ROOT = Path(__file__).resolve().parents[2]
QUEUE = {str(n): 100 + n for n in range(1, 37)}  # link number → show_item id

CHINESE = (
    "环节,时长(分钟),链接号,话术\n"
    "开场福利,5分钟,1,大家晚上好\n"
    '爆品,5:30,"2，3、4","三重玻尿酸\n敏感肌可用"\n'
)


def write(tmp_path, text, encoding="utf-8", name="rundown.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_chinese_file_in_each_encoding(tmp_path, encoding):
    found = read_rundown(write(tmp_path, CHINESE, encoding), QUEUE)
    assert found.errors == []
    assert [(line, s.title, s.planned_s, s.item_ids, s.notes) for line, s in found.segments] == [
        (2, "开场福利", 300, (101,), "大家晚上好"),
        (3, "爆品", 330, (102, 103, 104), "三重玻尿酸\n敏感肌可用"),
    ]


def test_english_headers_in_any_order_and_optional_columns(tmp_path):
    text = "Notes,Title,Links,Duration\n,Opening,,90秒\nhi,Hero product,#07 ,1h\n"
    found = read_rundown(write(tmp_path, text), {"7": 5})
    assert [(s.title, s.planned_s, s.item_ids, s.notes) for _, s in found.segments] == [
        ("Opening", 90, (), ""),
        ("Hero product", 3600, (5,), "hi"),
    ]
    only_required = read_rundown(write(tmp_path, "环节,时长\n开场,5\n"), {})
    assert [(s.title, s.planned_s) for _, s in only_required.segments] == [("开场", 300)]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_taken(tmp_path):
    text = '环节,时长,链接号\n开场,5,1\n,5,\n爆品,五分钟,\n返场,10,"1,99"\n'
    found = read_rundown(write(tmp_path, text), QUEUE)
    assert found.errors == [
        RundownRowError(3, "missing_title"),
        RundownRowError(4, "bad_duration", "五分钟"),
        RundownRowError(5, "unknown_link", "99"),
    ]
    assert [line for line, _ in found.segments] == [2]  # the caller decides: none are added


def test_missing_and_doubled_columns_stop_at_the_header(tmp_path):
    found = read_rundown(write(tmp_path, "话术,备注\n好,好\n"), QUEUE)  # 备注 is not 话术
    assert [e.code for e in found.errors] == ["missing_title_column", "missing_duration_column"]
    found = read_rundown(write(tmp_path, "环节,title,时长\na,b,5\n"), QUEUE)
    assert found.errors == [RundownRowError(1, "duplicate_column", "title")]
    assert found.segments == []


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf\xe7\x8e\xaf\xe8\x8a\x82,\xe6\x97\xb6\xe9\x95\xbf\n", "no_rows"),
    ],
)
def test_unreadable_files_raise_the_catalog_readers_codes(tmp_path, content, code):
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    with pytest.raises(CatalogFileError) as e:
        read_rundown(path, QUEUE)
    assert e.value.code == code
    with pytest.raises(CatalogFileError, match="not_found"):
        read_rundown(tmp_path / "missing.csv", QUEUE)


def test_link_numbers_compare_as_people_mean_them():
    assert [link_key(t) for t in ("01", "１", "#3", " 7 ", "A1")] == ["1", "1", "3", "7", "a1"]


def test_the_sample_rundown_links_the_sample_catalog():
    catalog = (ROOT / "resources/catalog/sample_catalog.csv").read_text(encoding="utf-8-sig")
    links = {line.split(",")[0] for line in catalog.splitlines()[1:] if line[:1].isdigit()}
    found = read_rundown(ROOT / "resources/rundown/sample_rundown.csv", QUEUE)
    assert found.errors == []
    titles = [s.title for _, s in found.segments]
    assert titles[0] == "开场福利" and len(titles) == 8
    assert sum(s.planned_s for _, s in found.segments) == 120 * 60  # a two-hour show
    linked = {i - 100 for _, s in found.segments for i in s.item_ids}
    assert linked == set(range(1, 37)) and {str(n) for n in linked} <= links
