"""The platform's stats exports (抖音罗盘 / 快手 / 淘宝 trend exports): a header row mapped to
metrics, and the rows turned into samples for one show. Pure: text in, a Batch and problem
codes out; the UI words them.

- Headers are matched like the catalog's (HEADER_ALIASES, Chinese and English; case, spaces,
  full-width letters and a trailing unit such as "(元)" do not matter; "(万元)" scales by 10⁴).
  A column may be remapped by the user: map_header() guesses, the caller may replace any Column.
- Time: "2026-11-25 20:15:00", "2026/11/25 20:15", "11-25 20:15", "2026年11月25日 20:15",
  ISO with an offset, "20:15" or "20:15:30" (on `day`, the show's date, rolling over midnight
  when the times do), a range "20:15-20:16" (its start), and Excel's serial dates ("46351.84").
  Times without an offset are in `tz`, the show's time zone.
- Values: as number_text reads them ("¥1,234.50", "1.2万", "10w+"); GMV is in yuan and stored in
  fen; people and counts are whole numbers. "-", "--", "—" and an empty cell mean "no figure".
- Running totals (场观, GMV, orders …: METRICS' CUMULATIVE) may be written as totals so far, or
  per row (per minute) and added up here. AUTO decides from the header (累计 → total) and then
  from the values: a column that ever falls, in time order, is per row. Per-row sums start at 0
  on the file's first row: exports cover the show from its start.
- A row with any bad cell is skipped whole, with a RowProblem per bad cell; the good rows make
  the Batch. A skipped row's per-row figures still count in the running totals (they happened);
  one that cannot be counted (its cell did not read, its row has no time or repeats a time)
  breaks that total: the metric's later readings are left out too (total_incomplete), never
  stored too low.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal

from console.core.metrics import CUMULATIVE, METRICS, Sample
from console.core.number_text import NumberTextError, parse_number
from console.core.stats_input import Batch

TIME = "time"
AUTO, TOTAL, PER_ROW = "", "total", "per_row"  # Column.mode of a running-total metric
MAX_ROWS = 100_000  # a 24-hour show at one row a second is 86,400
MAX_CELL = 40
HEADER_SEARCH_ROWS = 5  # exports may put a title line or two above the header
YEARS = (2000, 2099)
EXCEL_SERIALS = (36526, 73050)  # 2000-01-01 .. 2099-12-31 as Excel day numbers
_EXCEL_EPOCH = datetime(1899, 12, 30)  # Excel's day 0, given its 1900 leap-year bug
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    TIME: (
        "时间",
        "时间点",
        "日期时间",
        "统计时间",
        "时间段",
        "分钟",
        "日期",
        "time",
        "timestamp",
        "datetime",
        "date time",
        "minute",
    ),
    "online": (
        "在线人数",
        "实时在线人数",
        "当前在线人数",
        "在线",
        "online",
        "online users",
        "online viewers",
        "concurrent viewers",
    ),
    "entries": ("进入人数", "进入直播间人数", "进场人数", "entries", "entered", "viewers entered"),
    "leaves": ("离开人数", "离开直播间人数", "离场人数", "leaves", "left", "viewers left"),
    "viewers": (
        "累计观看人数",
        "累计观看人次",
        "场观",
        "观看人数",
        "观看人次",
        "累计观看",
        "viewers",
        "views",
        "total viewers",
        "cumulative viewers",
    ),
    "avg_watch_s": (
        "人均观看时长",
        "平均观看时长",
        "avg watch time",
        "average watch time",
        "avg watch s",
    ),
    "gmv_fen": (
        "成交金额",
        "直播间成交金额",
        "销售额",
        "支付金额",
        "gmv",
        "sales",
        "paid amount",
        "pay amount",
    ),
    "orders": (
        "成交订单数",
        "订单数",
        "成交单数",
        "支付订单数",
        "orders",
        "paid orders",
        "order count",
    ),
    "paying_users": ("成交人数", "支付人数", "购买人数", "paying users", "buyers", "paid users"),
    "items_sold": ("成交件数", "销量", "支付件数", "items sold", "items", "units sold"),
    "new_followers": (
        "新增粉丝",
        "新增粉丝数",
        "涨粉",
        "涨粉数",
        "new followers",
        "followers gained",
    ),
    "fan_club_joins": ("新加团", "新加团人数", "新增粉丝团", "加团人数", "fan club joins"),
    "interactions": ("互动次数", "互动数", "interactions"),
}
# Recognised, but not imported, and why: no such metric in LiveDesk (comment and like counts:
# the comments and likes tables hold single events, not counts per minute), or computed by
# LiveDesk itself from the metrics above.
NOT_IMPORTED: dict[str, tuple[str, ...]] = {
    "no_metric": (
        "评论数",
        "评论次数",
        "评论人数",
        "点赞数",
        "点赞次数",
        "分享数",
        "分享次数",
        "comments",
        "likes",
        "shares",
    ),
    "derived": (
        "转化率",
        "看播转化率",
        "成交转化率",
        "客单价",
        "gpm",
        "千次观看成交金额",
        "uv价值",
        "互动率",
        "conversion",
        "conversion rate",
        "aov",
        "uv value",
    ),
}
_UNIT = re.compile(r"[(\[]([^()\[\]]*)[)\]]$")
_IGNORED_IN_HEADER = re.compile(r"[\s_\-*.:\ufeff]")
SUMMARY = {"合计", "总计", "汇总", "总计/平均", "平均", "平均值", "total", "sum", "average"}
EMPTY = {"", "-", "--", "—", "——", "/", "n/a", "na", "null", "none", "无"}


def _normalize(header: str) -> tuple[str, str]:
    """(the header without case, spaces or unit, the unit)."""
    text = unicodedata.normalize("NFKC", header).casefold().strip()
    unit = _UNIT.search(text)
    text = _UNIT.sub("", text)
    return _IGNORED_IN_HEADER.sub("", text), unit[1].strip() if unit else ""


_BY_HEADER = {_normalize(a)[0]: t for t, aliases in HEADER_ALIASES.items() for a in aliases}
_BY_HEADER.update({c: c for c in METRICS})
_WHY_NOT = {_normalize(a)[0]: w for w, aliases in NOT_IMPORTED.items() for a in aliases}


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the file spells it
    target: str | None  # TIME, a METRICS code, or None: not imported
    mode: str = AUTO  # running totals only: AUTO, TOTAL or PER_ROW
    why_not: str = ""  # target None: unknown, no_metric, derived, duplicate, empty
    other: str = ""  # why_not duplicate: the column that has that meaning already
    scale: int = 1  # "(万)" in the header


def is_running_total(target: str | None) -> bool:
    return target in METRICS and METRICS[target].kind == CUMULATIVE


def targets() -> list[tuple[str, str]]:
    """Every (target, mode) a column may be mapped to, in menu order."""
    out = [(TIME, AUTO)]
    for code in METRICS:
        modes = (TOTAL, PER_ROW) if is_running_total(code) else (AUTO,)
        out += [(code, m) for m in modes]
    return out


def map_header(header: Sequence[str]) -> list[Column]:
    """A Column per header cell. The first column of a meaning gets it; a later one with the
    same meaning is not imported (why_not duplicate), so no figure counts twice."""
    columns: list[Column] = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(header):
        text = raw.strip()
        key, unit = _normalize(text)
        target = _BY_HEADER.get(key)
        scale = 10**4 if "万" in unit or unit == "w" else 1
        if not text:
            columns.append(Column(i, text, None, why_not="empty"))
        elif target in seen:
            columns.append(Column(i, text, None, why_not="duplicate", other=seen[target]))
        elif target:
            seen[target] = text
            mode = TOTAL if is_running_total(target) and "累计" in key else AUTO
            columns.append(Column(i, text, target, mode, scale=scale))
        else:
            columns.append(Column(i, text, None, why_not=_WHY_NOT.get(key, "unknown")))
    return columns


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong, as a code the UI words. `row` is the line as in the file (the header's
    for a header problem); `column` the header as the file spells it ("" for the whole row).

    Header codes (nothing imports): missing_time_column, no_metric_column, duplicate_target
    (value: the other column), too_many_rows. Cell codes: missing_time, bad_time, and
    number_text's empty/not_a_number/negative, plus not_whole, too_precise, out_of_range,
    too_long. Row codes: no_values, duplicate_time (value: the line it first appeared on),
    extra_cells, summary_row (合计: the file's own totals, not a reading). total_incomplete:
    this skipped row held a per-row figure, so the column's running total is unknown from
    there on and its later readings are not imported."""

    row: int
    column: str
    code: str
    value: str = ""


HEADER_CODES = ("missing_time_column", "no_metric_column", "duplicate_target", "too_many_rows")


@dataclass(frozen=True)
class StatsFileResult:
    batch: Batch
    columns: tuple[Column, ...]  # AUTO resolved to TOTAL or PER_ROW where it could be
    problems: tuple[RowProblem, ...]
    rows_ok: int
    rows_bad: int
    first_ms: int | None = None
    last_ms: int | None = None

    @property
    def blocked(self) -> bool:
        """A header problem: nothing can be imported until the mapping is fixed."""
        return any(p.code in HEADER_CODES for p in self.problems)


def find_header(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]], header_line: int = 1
) -> tuple[list[str], list[tuple[int, Sequence[str]]], int]:
    """The header row: the first of the file's first rows with a time column and a metric
    column (a title line above it is left out); else the first row, as read."""
    candidates = [(header_line, header), *rows[:HEADER_SEARCH_ROWS]]
    for n, (line, cells) in enumerate(candidates):
        found = {c.target for c in map_header(cells)}
        if TIME in found and found - {TIME, None}:
            return list(cells), list(rows[n:]), line
    return list(header), list(rows), header_line


def header_problems(columns: Sequence[Column], line: int) -> list[RowProblem]:
    problems = []
    seen: dict[str, str] = {}
    for c in columns:
        if c.target is None:
            continue
        if c.target in seen:
            problems.append(RowProblem(line, c.header, "duplicate_target", seen[c.target]))
        seen.setdefault(c.target, c.header)
    if TIME not in seen:
        problems.append(RowProblem(line, "", "missing_time_column"))
    if not set(seen) - {TIME}:
        problems.append(RowProblem(line, "", "no_metric_column"))
    return problems


# -- cells -------------------------------------------------------------------------------------
class CellError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


_DATE = r"(?:(?P<y>\d{4})\s*[-/.年]\s*)?(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
_HMS = r"\d{1,2}\s*[:时]\s*\d{1,2}(?:\s*[:分]\s*\d{1,2})?\s*[分秒]?"
_CLOCK = (
    r"(?P<h>\d{1,2})\s*[:时]\s*(?P<mi>\d{1,2})"
    r"(?:\s*[:分]\s*(?P<s>\d{1,2})(?:\.(?P<f>\d{1,6}))?)?\s*[分秒]?"
)
_RANGE_END = rf"(?:\s*[-~～至]\s*{_HMS})?"
_WHEN = re.compile(rf"(?:{_DATE}(?:\s*t\s*|\s+|(?<=日)))?{_CLOCK}{_RANGE_END}")
_DAY_ONLY = re.compile(_DATE)
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})", re.IGNORECASE)
_SERIAL = re.compile(r"\d{1,5}(?:\.\d+)?|\.\d+")


def parse_time(text: str, day: date, tz: tzinfo) -> tuple[datetime, bool]:
    """(aware datetime, whether the text gave a date). Raises CellError (missing_time,
    bad_time)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise CellError("missing_time")
    if len(cleaned) > MAX_CELL:
        raise CellError("bad_time")
    try:
        if _ISO.fullmatch(cleaned):  # with an offset of its own: kept, not the show's
            return datetime.fromisoformat(cleaned.upper()), True
        return _parse_time(cleaned.casefold(), day, tz)
    except (ValueError, OverflowError, ArithmeticError):
        raise CellError("bad_time") from None


def _parse_time(text: str, day: date, tz: tzinfo) -> tuple[datetime, bool]:
    if _SERIAL.fullmatch(text):
        serial = Decimal(text)
        if serial < 1:  # a time of day, as Excel keeps one
            seconds = round(serial * 86400)
            return _on(day, tz) + timedelta(seconds=seconds), False
        if not EXCEL_SERIALS[0] <= serial <= EXCEL_SERIALS[1]:
            raise CellError("bad_time")
        when = _EXCEL_EPOCH + timedelta(seconds=round(serial * 86400))
        return when.replace(tzinfo=tz), True
    m = _WHEN.fullmatch(text)
    if m is None:
        d = _DAY_ONLY.fullmatch(text)  # a daily export: the day's start
        if d is None or d["y"] is None:
            raise CellError("bad_time")
        return datetime(int(d["y"]), int(d["mo"]), int(d["d"]), tzinfo=tz), True
    micro = int((m["f"] or "0").ljust(6, "0"))
    clock = (int(m["h"]), int(m["mi"]), int(m["s"] or 0), micro)
    if m["mo"] is None:
        on_day = _on(day, tz)
        return on_day.replace(
            hour=clock[0], minute=clock[1], second=clock[2], microsecond=micro
        ), False
    year = int(m["y"]) if m["y"] else day.year
    return datetime(year, int(m["mo"]), int(m["d"]), *clock, tzinfo=tz), True


def _on(day: date, tz: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def epoch_ms(when: datetime) -> int:
    if not YEARS[0] <= when.year <= YEARS[1]:
        raise CellError("bad_time")
    return (when - _EPOCH) // timedelta(milliseconds=1)


_DURATION = re.compile(
    r"(?:(?P<h>\d+)\s*(?:小时|时|h))?\s*(?:(?P<m>\d+)\s*(?:分钟|分|min|m))?\s*"
    r"(?:(?P<s>\d+(?:\.\d+)?)\s*(?:秒|s))?"
)
_CLOCK_DURATION = re.compile(r"(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{2}(?:\.\d+)?)")


def parse_value(metric: str, text: str, scale: int = 1) -> float | None:
    """The sample value of one cell, None for no figure. Raises CellError."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned.casefold() in EMPTY:
        return None
    if len(cleaned) > MAX_CELL:
        raise CellError("too_long")
    if metric == "avg_watch_s":
        seconds = _duration_s(cleaned.casefold())
        if seconds is not None:
            return _checked(metric, seconds)
    try:
        value = parse_number(cleaned) * scale
    except NumberTextError as e:
        raise CellError(e.code) from None
    if metric == "gmv_fen":
        value *= 100
        if value != value.to_integral_value():
            raise CellError("too_precise")
    elif metric != "avg_watch_s" and value != value.to_integral_value():
        raise CellError("not_whole")
    return _checked(metric, value)


def _duration_s(text: str) -> Decimal | None:
    m = _CLOCK_DURATION.fullmatch(text)
    if m is None:
        m = _DURATION.fullmatch(text)
        if m is None or not any(m.groupdict().values()):
            return None
    h, mi, s = (Decimal(m[k] or 0) for k in ("h", "m", "s"))
    return h * 3600 + mi * 60 + s


def _checked(metric: str, value: Decimal) -> float:
    number = float(value)
    if not METRICS[metric].accepts(number):
        raise CellError("out_of_range")
    return number


# -- rows --------------------------------------------------------------------------------------
@dataclass
class _Row:
    line: int
    ts: int | None
    values: dict[int, float]  # column index -> parsed value (a bad row keeps the good ones)
    bad: bool = False
    unread: set[int] = field(default_factory=set)  # columns whose cell did not read
    duplicate: bool = False  # a time already seen: its figures may be the same ones again


def convert(
    columns: Sequence[Column],
    rows: Iterable[tuple[int, Sequence[str]]],
    day: date,
    tz: tzinfo,
    header_line: int = 1,
) -> StatsFileResult:
    """The samples of the good rows, and every problem. Never raises on what the file holds."""
    columns = tuple(columns)
    problems = header_problems(columns, header_line)
    rows = list(rows)
    if len(rows) > MAX_ROWS:
        problems.append(RowProblem(header_line, "", "too_many_rows", str(len(rows))))
    if problems:
        return StatsFileResult(Batch(), columns, tuple(problems), 0, 0)
    time_col = next(c for c in columns if c.target == TIME)
    metric_cols = [c for c in columns if c.target not in (None, TIME)]
    parsed: list[_Row] = []
    first_line_of: dict[int, int] = {}
    previous: datetime | None = None  # the last time without a date, for midnight
    for line, cells in rows:
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        row = _Row(line, None, {})
        found: list[RowProblem] = []
        overflow = [c for c in cells[len(columns) :] if c]
        if overflow:
            found.append(RowProblem(line, "", "extra_cells", overflow[0][:MAX_CELL]))
        if _normalize(_cell(cells, time_col))[0] in SUMMARY:  # 合计: not a reading
            problems.append(RowProblem(line, time_col.header, "summary_row"))
            parsed.append(_Row(line, None, {}, bad=True))
            continue
        try:
            when, dated = parse_time(_cell(cells, time_col), day, tz)
            if not dated and previous is not None:
                when = _nearest_day(when, previous)
            previous = when if not dated else previous
            row.ts = epoch_ms(when)
        except CellError as e:
            found.append(RowProblem(line, time_col.header, e.code, _cell(cells, time_col)))
        for col in metric_cols:
            text = _cell(cells, col)
            try:
                value = parse_value(col.target, text, col.scale)
            except CellError as e:
                found.append(RowProblem(line, col.header, e.code, text[:MAX_CELL]))
                row.unread.add(col.index)
                continue
            if value is not None:
                row.values[col.index] = value
        if not found and not row.values:
            found.append(RowProblem(line, "", "no_values"))
        if row.ts is not None and row.ts in first_line_of:
            found.append(RowProblem(line, "", "duplicate_time", str(first_line_of[row.ts])))
            row.duplicate = True
        elif row.ts is not None:
            first_line_of[row.ts] = line
        row.bad = bool(found)
        problems += found
        parsed.append(row)
    columns = tuple(_resolve(c, parsed) for c in columns)
    samples, cut_problems = _samples(columns, parsed)
    good = [r for r in parsed if not r.bad]
    times = [r.ts for r in good]
    return StatsFileResult(
        Batch(tuple(samples)),
        columns,
        tuple(problems + cut_problems),
        len(good),
        len(parsed) - len(good),
        min(times, default=None),
        max(times, default=None),
    )


def _cell(cells: Sequence[str], col: Column) -> str:
    return cells[col.index] if col.index < len(cells) else ""


def _nearest_day(when: datetime, previous: datetime) -> datetime:
    """A time without a date on the day that puts it nearest the row before: 23:59 then 00:00
    is the next day (and, in a newest-first file, 00:00 then 23:59 the day before)."""
    half = timedelta(hours=12)
    while when - previous > half:
        when -= timedelta(days=1)
    while previous - when > half:
        when += timedelta(days=1)
    return when


def _resolve(col: Column, rows: list[_Row]) -> Column:
    if col.mode != AUTO or not is_running_total(col.target):
        return col
    points = sorted(
        (r.ts, r.values[col.index]) for r in rows if not r.bad and col.index in r.values
    )
    # A running total only dips a little (a refund); per-minute figures fall by much, and
    # often. A dip of more than a fifth, in at least one step in ten, says per row.
    steps = len(points) - 1
    big_falls = sum(b[1] < 0.8 * a[1] for a, b in zip(points, points[1:], strict=False))
    per_row = big_falls > 0 and big_falls >= 0.1 * steps
    return replace(col, mode=PER_ROW if per_row else TOTAL)


def _samples(columns: Sequence[Column], rows: list[_Row]) -> tuple[list[Sample], list[RowProblem]]:
    timed = sorted((r for r in rows if r.ts is not None), key=lambda r: r.ts)
    good = [r for r in timed if not r.bad]
    samples: list[Sample] = []
    problems: list[RowProblem] = []
    for col in columns:
        if col.target in (None, TIME):
            continue
        if col.mode != PER_ROW:
            samples += [
                Sample(r.ts, col.target, r.values[col.index]) for r in good if col.index in r.values
            ]
            continue
        cut, why = _cutoff(col, rows)
        if why is not None:
            problems.append(RowProblem(why, col.header, "total_incomplete"))
        total = 0.0
        for r in timed:
            if cut is not None and r.ts >= cut:
                break
            if col.index in r.values:  # a skipped row's figure still happened: it counts
                total += r.values[col.index]
                if not METRICS[col.target].accepts(total):
                    problems.append(RowProblem(r.line, col.header, "out_of_range", str(total)))
                    break
                if not r.bad:
                    samples.append(Sample(r.ts, col.target, total))
    samples.sort(key=lambda s: s.ts_ms)
    return samples, problems


def _cutoff(col: Column, rows: list[_Row]) -> tuple[int | None, int | None]:
    """From when a per-row column's running total is unknown, and the line of the row that
    makes it so; (None, None) if never. Unknown: its cell did not read, or it read in a row
    that cannot be placed (no time) or may repeat another (the same time twice)."""
    cut: int | None = None
    line: int | None = None
    for n, r in enumerate(rows):
        if not r.bad:
            continue
        read = col.index in r.values
        if not (col.index in r.unread or (read and (r.ts is None or r.duplicate))):
            continue
        at = r.ts if r.ts is not None else _after_neighbour(rows, n)
        if cut is None or at < cut:
            cut, line = at, r.line
    return cut, line


def _after_neighbour(rows: list[_Row], n: int) -> int:
    """For a row without a time: just after the row before it in time, taking the file to be
    in time order, oldest or newest first (as its times are); with none before it, the whole
    total is unknown."""
    times = [r.ts for r in rows if r.ts is not None]
    oldest_first = not times or times[0] <= times[-1]
    side = reversed(rows[:n]) if oldest_first else rows[n + 1 :]
    earlier = next((r.ts for r in side if r.ts is not None), None)
    return -(2**62) if earlier is None else earlier + 1


def ms_to_local(ms: int, tz: tzinfo) -> datetime:
    return (_EPOCH + timedelta(milliseconds=ms)).astimezone(tz)
