"""Every sentence about importing the platform's stats exports, from the codes of
console/core/stats_file.py and the file reader's."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.stats_file import PER_ROW, TIME, TOTAL, Column, RowProblem
from console.ingest.catalog_file import CatalogFileError
from console.ui import catalog_messages

translate = QCoreApplication.translate


def metric_label(code: str) -> str:
    return {
        TIME: translate("StatsImportMessages", "time"),
        "online": translate("StatsImportMessages", "online viewers"),
        "avg_watch_s": translate("StatsImportMessages", "average watch time"),
        "entries": translate("StatsImportMessages", "entries"),
        "leaves": translate("StatsImportMessages", "leaves"),
        "viewers": translate("StatsImportMessages", "cumulative viewers (场观)"),
        "gmv_fen": translate("StatsImportMessages", "GMV (yuan)"),
        "orders": translate("StatsImportMessages", "orders"),
        "paying_users": translate("StatsImportMessages", "paying users"),
        "items_sold": translate("StatsImportMessages", "items sold"),
        "new_followers": translate("StatsImportMessages", "new followers"),
        "fan_club_joins": translate("StatsImportMessages", "fan club joins"),
        "interactions": translate("StatsImportMessages", "interactions"),
    }.get(code, code)


def target_label(target: str | None, mode: str = "") -> str:
    """What a column becomes, as the mapping's menu and the preview's header say it."""
    if target is None:
        return translate("StatsImportMessages", "not imported")
    label = metric_label(target)
    if mode == TOTAL:
        return translate("StatsImportMessages", "{metric}, total so far").format(metric=label)
    if mode == PER_ROW:
        return translate("StatsImportMessages", "{metric}, per row (added up)").format(metric=label)
    return label


def column_meaning(column: Column) -> str:
    if column.target is not None:
        return "→ " + target_label(column.target, column.mode)
    return {
        "no_metric": translate("StatsImportMessages", "not imported: LiveDesk keeps no such count"),
        "derived": translate("StatsImportMessages", "not imported: LiveDesk computes it"),
        "duplicate": translate("StatsImportMessages", "not imported: {other} has that meaning"),
        "empty": translate("StatsImportMessages", "not imported"),
    }.get(column.why_not, translate("StatsImportMessages", "not imported: unknown column")).format(
        other=column.other
    )


def row_reason(problem: RowProblem) -> str:
    texts = {
        "missing_time_column": translate(
            "StatsImportMessages",
            "no time column (such as 时间 or time); an Excel file is read from its first sheet",
        ),
        "no_metric_column": translate(
            "StatsImportMessages",
            "no column LiveDesk imports (such as 在线人数, 成交金额 or 成交订单数)",
        ),
        "duplicate_target": translate(
            "StatsImportMessages",
            "the columns {value} and {column} are both imported as one figure",
        ),
        "too_many_rows": translate(
            "StatsImportMessages", "the file has {value} rows, more than LiveDesk imports at once"
        ),
        "missing_time": translate("StatsImportMessages", "no time"),
        "bad_time": translate("StatsImportMessages", "{column} is not a time LiveDesk reads"),
        "not_a_number": translate("StatsImportMessages", "{column} is not a number"),
        "negative": translate("StatsImportMessages", "{column} is negative"),
        "not_whole": translate("StatsImportMessages", "{column} is not a whole number"),
        "too_precise": translate("StatsImportMessages", "{column} has more than two decimals"),
        "out_of_range": translate("StatsImportMessages", "{column} is far beyond a real figure"),
        "too_long": translate("StatsImportMessages", "{column} is too long to be a figure"),
        "empty": translate("StatsImportMessages", "{column} is empty"),
        "summary_row": translate(
            "StatsImportMessages", "the file's own totals (合计), not a reading: left out"
        ),
        "no_values": translate("StatsImportMessages", "a time but no figures"),
        "duplicate_time": translate(
            "StatsImportMessages", "the same time as line {value}: only the first is imported"
        ),
        "extra_cells": translate(
            "StatsImportMessages", "more cells than columns (a comma inside an unquoted value?)"
        ),
        "total_incomplete": translate(
            "StatsImportMessages",
            "{column} is added up row by row and this row is skipped, so its totals from here "
            "on are unknown and are not imported",
        ),
    }
    return texts.get(problem.code, problem.code).format(
        column=problem.column or translate("StatsImportMessages", "the cell"),
        value=problem.value,
    )


_SHOWS_VALUE = ("bad_time", "not_a_number", "negative", "not_whole", "too_precise")
_SHOWS_VALUE += ("out_of_range", "extra_cells", "missing_time")


def row_problem(problem: RowProblem) -> str:
    """ "line N: reason (value)", as the catalog import words its rows."""
    value = problem.value if problem.code in _SHOWS_VALUE else ""
    return catalog_messages.line_problem(problem.row, row_reason(problem), value)


def file_error(error: CatalogFileError) -> str:
    if error.code == "no_rows":
        return translate("StatsImportMessages", "the file has a header row but no figures")
    return catalog_messages.file_error(error)
