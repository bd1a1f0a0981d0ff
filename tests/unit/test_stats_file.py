"""The platform's stats exports: headers to metrics, each time and number format, bad cells named
by line and column, running totals written per row, and fuzzing (no crash, every rejected row
has a reason, nothing of a rejected row in the batch)."""

import csv
import string
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.metrics import METRICS
from console.core.stats_file import (
    HEADER_CODES,
    PER_ROW,
    TIME,
    TOTAL,
    CellError,
    RowProblem,
    convert,
    find_header,
    map_header,
    parse_time,
    parse_value,
)
from console.ingest.catalog_file import CatalogFileError, read_catalog
from console.resources import resource_path

CST = timezone(timedelta(hours=8))
DAY = date(2026, 11, 25)
SAMPLE = resource_path("samples", "douyin_stats_export.csv")
CELL_CODES = {"missing_time", "bad_time", "empty", "not_a_number", "negative", "not_whole"}
CELL_CODES |= {"too_precise", "out_of_range", "too_long"}
ROW_CODES = {"no_values", "duplicate_time", "extra_cells", "total_incomplete", "summary_row"}


def ms(*args, tz=CST) -> int:
    return int(datetime(*args, tzinfo=tz).timestamp() * 1000)


def run(header, rows, day=DAY):
    """convert() of a header and rows numbered as in a file (the header is line 1)."""
    return convert(map_header(header), list(enumerate(rows, 2)), day, CST)


def values(result, metric):
    return [(s.ts_ms, s.value) for s in result.batch.samples if s.metric == metric]


# -- header --------------------------------------------------------------------------------
def test_chinese_and_english_headers_map_to_the_metrics():
    header = ["时间", "在线人数", "进入人数", "离开人数", "场观", "成交金额(元)", "成交订单数"]
    header += ["成交人数", "成交件数", "新增粉丝", "新加团", "互动次数", "人均观看时长"]
    found = [c.target for c in map_header(header)]
    assert found == [TIME, "online", "entries", "leaves", "viewers", "gmv_fen", "orders"] + [
        "paying_users",
        "items_sold",
        "new_followers",
        "fan_club_joins",
        "interactions",
        "avg_watch_s",
    ]
    english = ["Time", "Online Users", "GMV", "Paid Orders", "Items Sold", "new_followers"]
    assert [c.target for c in map_header(english)] == [
        TIME,
        "online",
        "gmv_fen",
        "orders",
        "items_sold",
        "new_followers",
    ]


def test_columns_not_imported_say_why():
    columns = map_header(["时间", "评论次数", "转化率", "备注", "在线人数", "实时在线人数", ""])
    assert [(c.target, c.why_not) for c in columns] == [
        (TIME, ""),
        (None, "no_metric"),  # LiveDesk keeps single comments, not counts per minute
        (None, "derived"),  # computed by LiveDesk
        (None, "unknown"),
        ("online", ""),
        (None, "duplicate"),  # the first 在线 column wins: no figure counts twice
        (None, "empty"),
    ]
    assert columns[5].other == "在线人数"


def test_a_running_total_header_and_a_unit_in_ten_thousands():
    cum, gmv = map_header(["累计观看人数", "成交金额（万元）"])
    assert (cum.target, cum.mode) == ("viewers", TOTAL)
    assert (gmv.target, gmv.scale) == ("gmv_fen", 10_000)
    result = run(["时间", "成交金额（万元）"], [["20:00", "1.5"], ["20:01", "2"]])
    assert values(result, "gmv_fen") == [
        (ms(2026, 11, 25, 20), 1_500_000),
        (ms(2026, 11, 25, 20, 1), 2_000_000),
    ]


def test_a_title_line_above_the_header_is_left_out():
    header = ["直播间数据 2026-11-25", "", ""]
    rows = [(2, ["时间", "在线人数", "成交金额"]), (3, ["20:00", "100", "5"])]
    found, data, line = find_header(header, rows)
    assert (found, line, data) == (
        ["时间", "在线人数", "成交金额"],
        2,
        [(3, ["20:00", "100", "5"])],
    )


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (["在线人数", "成交金额"], "missing_time_column"),
        (["时间", "评论次数"], "no_metric_column"),
    ],
)
def test_a_header_without_time_or_figures_imports_nothing(header, code):
    result = run(header, [["20:00", "100"]])
    assert [p.code for p in result.problems] == [code]
    assert result.blocked and len(result.batch) == 0


def test_two_columns_mapped_to_one_metric_by_the_user_block_the_import():
    columns = map_header(["时间", "在线人数", "观看"])
    columns[2] = columns[2].__class__(2, "观看", "online")
    result = convert(columns, [(2, ["20:00", "1", "2"])], DAY, CST)
    assert result.problems == (RowProblem(1, "观看", "duplicate_target", "在线人数"),)
    assert result.blocked and not result.batch.samples


# -- cells ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25 20:15:00", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("2026/11/25 20:15", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("2026.11.25 20:15:30", datetime(2026, 11, 25, 20, 15, 30, tzinfo=CST)),
        ("2026年11月25日 20:15", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("2026-11-25T20:15:00", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("2026-11-25T12:15:00Z", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("2026-11-25T20:15:00+08:00", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("11-25 20:15", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("20:15", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("２０：１５", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),  # full-width
        ("20:15:30", datetime(2026, 11, 25, 20, 15, 30, tzinfo=CST)),
        ("20时15分", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),
        ("20:15-20:16", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),  # a minute: its start
        ("46351.84375", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),  # Excel's serial date
        ("0.84375", datetime(2026, 11, 25, 20, 15, tzinfo=CST)),  # Excel's time of day
        ("2026-11-25", datetime(2026, 11, 25, tzinfo=CST)),  # a daily export
    ],
)
def test_time_formats(text, expected):
    assert parse_time(text, DAY, CST)[0] == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "missing_time"), ("abc", "bad_time"), ("25:00", "bad_time"), ("20:61", "bad_time")]
    + [("2026-02-30 10:00", "bad_time"), ("12", "bad_time"), ("1" * 60, "bad_time")],
)
def test_times_that_are_not(text, code):
    with pytest.raises(CellError) as e:
        parse_time(text, DAY, CST)
    assert e.value.code == code


def test_times_without_a_date_roll_over_midnight_either_way():
    rows = [["23:58", "1"], ["23:59", "2"], ["00:00", "3"], ["00:01", "4"]]
    expected = [ms(2026, 11, 25, 23, 58), ms(2026, 11, 25, 23, 59)]
    expected += [ms(2026, 11, 26, 0, 0), ms(2026, 11, 26, 0, 1)]
    assert [t for t, _ in values(run(["时间", "在线人数"], rows), "online")] == expected
    newest_first = run(["时间", "在线人数"], rows[::-1])
    assert [t for t, _ in values(newest_first, "online")] == [
        t - 86_400_000 for t in expected
    ]  # the first row's 00:01 is on the chosen day; 23:59 is the day before


@pytest.mark.parametrize(
    ("metric", "text", "value"),
    [
        ("gmv_fen", "¥1,234.50", 123_450),
        ("gmv_fen", "1.2万", 1_200_000),
        ("gmv_fen", "￥８，０００", 800_000),
        ("gmv_fen", "12.3元", 1230),
        ("online", "1.2万", 12_000),
        ("online", "10w+", 100_000),
        ("orders", "1,356", 1356),
        ("avg_watch_s", "1分30秒", 90),
        ("avg_watch_s", "01:30", 90),
        ("avg_watch_s", "75.5", 75.5),
        ("orders", "-", None),
        ("orders", "--", None),
        ("orders", "", None),
    ],
)
def test_numbers_as_the_platforms_write_them(metric, text, value):
    assert parse_value(metric, text) == value


@pytest.mark.parametrize(
    ("metric", "text", "code"),
    [
        ("online", "1.5", "not_whole"),
        ("gmv_fen", "1.005", "too_precise"),
        ("orders", "-3", "negative"),
        ("orders", "abc", "not_a_number"),
        ("gmv_fen", "12%", "not_a_number"),
        ("gmv_fen", "12,34", "not_a_number"),
        ("online", "2亿", "out_of_range"),
        ("online", "9" * 50, "too_long"),
    ],
)
def test_numbers_that_are_not(metric, text, code):
    with pytest.raises(CellError) as e:
        parse_value(metric, text)
    assert e.value.code == code


# -- rows ----------------------------------------------------------------------------------
def test_the_sample_export_imports_whole():
    table = read_catalog(SAMPLE)
    header, rows, line = find_header(table.header, table.rows, table.header_line)
    result = convert(map_header(header), rows, DAY, CST, line)
    assert (result.rows_ok, result.rows_bad, result.problems) == (60, 0, ())
    assert result.first_ms == ms(2026, 11, 25, 20) and result.last_ms == ms(2026, 11, 25, 20, 59)
    modes = {c.target: c.mode for c in result.columns if c.target}
    assert modes["viewers"] == TOTAL and modes["gmv_fen"] == PER_ROW  # 成交金额 per minute
    # The GMV total is the per-minute figures added up, computed here straight from the file.
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        per_minute = [r["成交金额(元)"] for r in csv.DictReader(f)]
    expected = sum(
        Decimal(v.strip("¥").replace(",", "").removesuffix("万")) * (10_000 if "万" in v else 1)
        for v in per_minute
    )
    assert values(result, "gmv_fen")[-1][1] == expected * 100
    assert values(result, "online")[0] == (ms(2026, 11, 25, 20), 1329)
    # 成交订单数 "-" in a minute: no figure, the running total simply carries on.
    assert len(values(result, "orders")) == sum(r != "-" for r in _column("成交订单数"))


def _column(name):
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        return [r[name] for r in csv.DictReader(f)]


def test_bad_cells_are_named_by_line_and_column_and_their_rows_skipped():
    header = ["时间", "在线人数", "成交金额", "备注"]
    rows = [
        ["20:00", "100", "10", "ok"],
        ["20:01", "很多", "10", ""],  # line 3
        ["", "120", "10", ""],  # line 4
        ["20:03", "130", "1.005", ""],  # line 5
        ["20:04", "-", "-", "only a note"],  # line 6: no figures
        ["20:00", "140", "10", ""],  # line 7: same time as line 2
        ["20:06", "150", "10", "", "stray"],  # line 8: shifted
        ["20:07", "160", "10", ""],
    ]
    result = run(header, rows)
    assert list(result.problems) == [
        RowProblem(3, "在线人数", "not_a_number", "很多"),
        RowProblem(4, "时间", "missing_time", ""),
        RowProblem(5, "成交金额", "too_precise", "1.005"),
        RowProblem(6, "", "no_values"),
        RowProblem(7, "", "duplicate_time", "2"),
        RowProblem(8, "", "extra_cells", "stray"),
    ]
    assert (result.rows_ok, result.rows_bad) == (2, 6)
    assert values(result, "online") == [(ms(2026, 11, 25, 20), 100), (ms(2026, 11, 25, 20, 7), 160)]


def test_a_row_skipped_for_another_cell_still_counts_in_a_per_row_total():
    header = ["时间", "在线人数", "成交金额"]
    rows = [["20:00", "100", "50"], ["20:01", "x", "30"], ["20:02", "90", "20"]]
    result = run(header, rows)
    assert result.problems == (RowProblem(3, "在线人数", "not_a_number", "x"),)
    # 20:01's ¥30 happened: the total at 20:02 has it, though 20:01 has no reading of its own.
    assert values(result, "gmv_fen") == [
        (ms(2026, 11, 25, 20), 5000),
        (ms(2026, 11, 25, 20, 2), 10000),
    ]
    assert len(values(result, "online")) == 2


@pytest.mark.parametrize(
    ("bad", "line"),
    [(["20:01", "100", "3O"], 3), (["20:00", "100", "30"], 3)],  # a typo; a time seen before
)
def test_a_per_row_figure_that_cannot_be_counted_stops_that_total_never_too_low(bad, line):
    header = ["时间", "在线人数", "成交金额"]
    rows = [["20:00", "100", "50"], bad, ["20:02", "90", "20"], ["20:03", "95", "5"]]
    result = run(header, rows)
    assert RowProblem(line, "成交金额", "total_incomplete") in result.problems
    # No total that may lack the ¥30 (or count it twice) is stored: none from 20:01 on.
    assert values(result, "gmv_fen") in ([(ms(2026, 11, 25, 20), 5000)], [])
    assert len(values(result, "online")) == 3  # the other figures of the good rows stay


def test_a_row_without_a_time_stops_a_per_row_total_just_after_the_row_before_it():
    header = ["时间", "成交金额"]
    rows = [["20:00", "50"], ["20:01", "30"], ["??", "20"], ["20:03", "5"]]
    result = run(header, rows)
    assert RowProblem(4, "成交金额", "total_incomplete") in result.problems
    assert values(result, "gmv_fen") == [
        (ms(2026, 11, 25, 20), 5000),
        (ms(2026, 11, 25, 20, 1), 8000),
    ]
    newest_first = run(header, rows[::-1])  # the lost ¥20 is then before 20:03, after 20:01
    assert values(newest_first, "gmv_fen") == values(result, "gmv_fen")


def test_the_files_own_total_row_is_left_out_with_its_reason():
    rows = [["20:00", "50"], ["20:01", "30"], ["合计", "80"]]
    result = run(["时间", "成交金额"], rows)
    assert result.problems == (RowProblem(4, "时间", "summary_row"),)
    assert [v for _, v in values(result, "gmv_fen")] == [5000, 8000]  # no total_incomplete


def test_a_column_of_totals_so_far_is_kept_as_it_is():
    rows = [["20:00", "50"], ["20:01", "80"], ["20:02", "80"]]
    assert [v for _, v in values(run(["时间", "成交金额"], rows), "gmv_fen")] == [5000, 8000, 8000]


def test_an_xlsx_with_date_cells_time_cells_and_serials(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["时间", "在线人数", "成交金额（元）"])
    sheet.append([datetime(2026, 11, 25, 20, 0), 1200, 59.9])
    sheet.append([time(20, 1), 1300, 119.8])
    sheet.append([46351.84375, 1400, 0])  # a date cell formatted as General: its serial
    path = tmp_path / "export.xlsx"
    book.save(path)
    table = read_catalog(path)
    result = convert(map_header(table.header), table.rows, DAY, CST, table.header_line)
    assert result.problems == ()
    assert values(result, "online") == [
        (ms(2026, 11, 25, 20, 0), 1200),
        (ms(2026, 11, 25, 20, 1), 1300),
        (ms(2026, 11, 25, 20, 15), 1400),
    ]
    assert [v for _, v in values(result, "gmv_fen")] == [
        5990,
        17970,
        17970,
    ]  # it falls: per row, added up


# -- fuzzing -------------------------------------------------------------------------------
_CELL = st.one_of(
    st.text(max_size=12),
    st.text(alphabet=string.digits + ".,:-/ 万亿¥年月日时分秒wk+%", max_size=14),
    st.sampled_from(["20:15", "2026-11-25 20:15:00", "46351.5", "¥1,234.50", "1.2万", "-", ""]),
)
_HEADERS = ["时间", "在线人数", "成交金额", "成交订单数", "累计观看人数", "备注", "进入人数"]


@settings(max_examples=300, deadline=None)
@given(
    header=st.lists(st.sampled_from(_HEADERS), min_size=1, max_size=6),
    rows=st.lists(st.lists(_CELL, max_size=8), max_size=12),
)
def test_fuzz_cells_never_crash_and_every_skipped_row_has_a_reason(header, rows):
    result = run(header, rows)
    codes = {p.code for p in result.problems}
    assert codes <= CELL_CODES | ROW_CODES | set(HEADER_CODES)
    if result.blocked:
        assert len(result.batch) == 0
        return
    filled = [n for n, r in enumerate(rows, 2) if any(c.strip() for c in r)]
    with_problem = {p.row for p in result.problems if p.code != "total_incomplete"}
    assert result.rows_ok + result.rows_bad == len(filled)
    assert len(with_problem) == result.rows_bad  # each skipped row, and only those, has a reason
    for s in result.batch.samples:
        assert METRICS[s.metric].accepts(s.value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(st.binary(max_size=400), st.text(max_size=300).map(str.encode)))
def test_fuzz_file_bytes_are_read_or_refused_with_a_code(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes(raw)
        try:
            table = read_catalog(path)
        except CatalogFileError as e:
            assert e.code
            return
    header, rows, line = find_header(table.header, table.rows, table.header_line)
    result = convert(map_header(header), rows, DAY, CST, line)
    assert all(p.code for p in result.problems)


def test_a_running_total_with_a_refund_is_not_read_as_per_minute_figures():
    """A cumulative 成交金额 that dips by a refund stays a running total; per-minute
    figures that fall by much, often, are added up."""
    from console.core import stats_file as sf

    def mode(values):
        col = sf.Column(0, "成交金额", "gmv_fen", sf.AUTO)
        rows = [
            sf._Row(line=i + 2, ts=1_750_000_000_000 + i * 60_000, values={0: v})
            for i, v in enumerate(values)
        ]
        return sf._resolve(col, rows).mode

    assert mode([1000, 2000, 1990, 3000, 3500, 4200]) == sf.TOTAL
    assert mode([120, 80, 300, 40, 220, 90]) == sf.PER_ROW
