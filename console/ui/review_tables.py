"""The review's tables: one sortable table widget (ReviewTable), and the rows the review and the
comparison of two shows put in it, worded for the screen.

A row is a tuple of Cells: the text shown and the value it sorts by, so that "¥1,234.50" sorts
as money and "—" (unknown) sorts below every number instead of among the words."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.core.metrics import ORDERS, Totals
from console.reports import report_text as words
from console.reports.format import (
    UNKNOWN,
    clock_text,
    count_text,
    duration_text,
    money_text,
    number_text,
    percent_text,
)
from console.reports.review import AlertRecord, CueRecord, Incident, ProductResult, SegmentResult
from console.ui.dashboard_cards import signed

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LOWEST = -math.inf  # what "—" sorts as
TONES = {"bad": QBrush(QColor("#f85149")), "good": QBrush(QColor("#3fb950"))}
TONES["faded"] = QBrush(QColor("#8b949e"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MONEY, COUNT, PERCENT = "money", "count", "percent"
EMPTY_TOTALS = Totals(
    **{f.name: None for f in dataclasses.fields(Totals) if f.name != "source"}, source=ORDERS
)


translate = QCoreApplication.translate


@dataclass(frozen=True)
class Cell:
    text: str
    sort: float | str | None = None  # None: the text (text columns) or LOWEST (numbers)
    tip: str = ""
    tone: str = ""  # "", or a TONES key


class _RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], numeric: set[int], parent=None):
        super().__init__(parent)
        self.headers, self.numeric = headers, numeric
        self.rows: list[tuple[Cell, ...]] = []

    def set_rows(self, rows: list[tuple[Cell, ...]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def columnCount(self, parent=None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        cell = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == SORT_ROLE:
            if cell.sort is not None:
                return cell.sort
            return LOWEST if index.column() in self.numeric else cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tip or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return TONES.get(cell.tone)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(RIGHT.value)
        return None


class ReviewTable(QTableView):
    """Read-only rows, sortable by clicking a header; `numeric` columns are right-aligned and
    sort by value."""

    def __init__(self, headers: list[str], numeric=(), parent: QWidget | None = None):
        super().__init__(parent)
        self.rows_model = _RowsModel(headers, set(numeric), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSourceModel(self.rows_model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the rows' own order until asked
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The theme has no alternate row colour: the light default would glare in the dark.
        self.setAlternatingRowColors(True)
        self.setStyleSheet("alternate-background-color: #161b22;")
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def set_rows(self, rows: list[tuple[Cell, ...]]) -> None:
        self.rows_model.set_rows(rows)
        self.resizeColumnsToContents()  # once per review, not per update: a few hundred rows

    def text(self, row: int, column: int) -> str:
        """The text shown at (row, column), in the order shown."""
        return self.proxy.index(row, column).data()

    def column(self, column: int) -> list[str]:
        return [self.text(r, column) for r in range(self.proxy.rowCount())]


# -- wording ----------------------------------------------------------------------------------


def value_text(value, kind: str) -> str:
    return {MONEY: money_text, PERCENT: percent_text}.get(kind, count_text)(value)


def difference_text(a, b, kind: str) -> str:
    """B − A, signed; "—" when either is unknown."""
    if a is None or b is None:
        return UNKNOWN
    d = b - a
    if kind == PERCENT:  # a change of a rate is in percentage points
        return signed(translate("ReviewTables", "{0} pp").format(number_text(abs(d) * 100, 2)), d)
    return signed(value_text(abs(d), kind), d)


def change(a, b) -> float | None:
    """B against A as a fraction (0.25: up a quarter); None when A is unknown or zero."""
    if a is None or b is None or a == 0:
        return None
    return (b - a) / abs(a)


def change_text(a, b) -> str:
    c = change(a, b)
    return UNKNOWN if c is None else signed(percent_text(abs(c), 1), c)


def tone(delta) -> str:
    if delta is None or delta == 0:
        return ""
    return "good" if delta > 0 else "bad"


def money_cell(fen) -> Cell:
    return Cell(money_text(fen), fen)


def count_cell(n) -> Cell:
    return Cell(count_text(n), n)


def percent_cell(ratio) -> Cell:
    return Cell(percent_text(ratio), ratio)


def duration_cell(ms) -> Cell:
    return Cell(duration_text(ms), ms)


def totals_items(totals: Totals) -> list[tuple[str, str, object, str]]:
    """(code, label, value, kind) of the show totals the review and the comparison show."""
    t = totals
    return [
        ("gmv_fen", translate("ReviewTables", "GMV"), t.gmv_fen, MONEY),
        ("orders", translate("ReviewTables", "Orders"), t.orders, COUNT),
        ("viewers", translate("ReviewTables", "Viewers (场观)"), t.viewers, COUNT),
        ("peak_online", translate("ReviewTables", "Peak online"), t.peak_online, COUNT),
        ("paying_users", translate("ReviewTables", "Paying users"), t.paying_users, COUNT),
        ("items_sold", translate("ReviewTables", "Items sold"), t.items_sold, COUNT),
        ("aov_fen", translate("ReviewTables", "Average order value"), t.aov_fen, MONEY),
        ("gpm_fen", translate("ReviewTables", "GPM"), t.gpm_fen, MONEY),
        ("uv_value_fen", translate("ReviewTables", "UV value"), t.uv_value_fen, MONEY),
        ("conversion", translate("ReviewTables", "Conversion"), t.conversion, PERCENT),
        (
            "interaction_rate",
            translate("ReviewTables", "Interaction rate"),
            t.interaction_rate,
            PERCENT,
        ),
        ("new_followers", translate("ReviewTables", "New followers"), t.new_followers, COUNT),
    ]


# -- the review's tables ----------------------------------------------------------------------


def product_headers() -> list[str]:
    return [
        translate("ReviewTables", "Product"),
        translate("ReviewTables", "SKU"),
        translate("ReviewTables", "Explains"),
        translate("ReviewTables", "On air"),
        translate("ReviewTables", "GMV\nduring"),
        translate("ReviewTables", "Orders\nduring"),
        translate("ReviewTables", "Conversion\nduring"),
        translate("ReviewTables", "GPM\nduring"),
        translate("ReviewTables", "GMV\nafter"),
        translate("ReviewTables", "Orders\nafter"),
        translate("ReviewTables", "Conversion\nafter"),
        translate("ReviewTables", "GPM\nafter"),
        translate("ReviewTables", "Stock\nleft"),
    ]


PRODUCT_NUMERIC = range(2, 13)


def _part(totals: Totals | None) -> tuple[Cell, ...]:
    if totals is None:
        return (Cell(UNKNOWN),) * 4
    return (
        money_cell(totals.gmv_fen),
        count_cell(totals.orders),
        percent_cell(totals.conversion),
        money_cell(totals.gpm_fen),
    )


def product_rows(products: tuple[ProductResult, ...]) -> list[tuple[Cell, ...]]:
    rows = []
    for p in products:
        never = p.explain_count == 0
        rows.append(
            (
                Cell(p.name, tip=p.sku, tone="faded" if never else ""),
                Cell(p.sku),
                count_cell(p.explain_count),
                Cell(UNKNOWN, None) if never else duration_cell(p.explain_ms),
                *_part(p.during),
                *_part(p.after),
                count_cell(p.stock_left),
            )
        )
    return rows


def segment_headers() -> list[str]:
    return [
        translate("ReviewTables", "Segment"),
        translate("ReviewTables", "Started"),
        translate("ReviewTables", "Planned"),
        translate("ReviewTables", "Actual"),
        translate("ReviewTables", "Over /\nunder"),
        translate("ReviewTables", "GMV\nduring"),
        translate("ReviewTables", "Orders\nduring"),
        translate("ReviewTables", "Conversion\nduring"),
        translate("ReviewTables", "GMV\nafter"),
        translate("ReviewTables", "Orders\nafter"),
    ]


SEGMENT_NUMERIC = range(1, 10)


def _over_under(s: SegmentResult) -> Cell:
    if s.planned_s is None or s.actual_ms is None:
        return Cell(UNKNOWN)
    over = s.actual_ms - s.planned_s * 1000
    text = duration_text(abs(over))
    if over > 0:
        return Cell(translate("ReviewTables", "+{0} over").format(text), over, tone="bad")
    if over < 0:
        return Cell(translate("ReviewTables", "−{0} under").format(text), over)
    return Cell(translate("ReviewTables", "on time"), 0, tone="good")


def segment_rows(segments: tuple[SegmentResult, ...]) -> list[tuple[Cell, ...]]:
    rows = []
    for s in segments:
        during, after = s.during, s.after
        rows.append(
            (
                Cell(s.title, tone="faded" if s.actual_ms is None else ""),
                Cell(clock_text(s.start_ms), s.start_ms),
                duration_cell(None if s.planned_s is None else s.planned_s * 1000),
                duration_cell(s.actual_ms),
                _over_under(s),
                money_cell(during and during.gmv_fen),
                count_cell(during and during.orders),
                percent_cell(during and during.conversion),
                money_cell(after and after.gmv_fen),
                count_cell(after and after.orders),
            )
        )
    return rows


def _senders() -> dict[str, str]:
    return {
        "assistant": translate("ReviewTables", "Assistant"),
        "host": translate("ReviewTables", "Host"),
    }


def incident_headers() -> list[str]:
    return [
        translate("ReviewTables", "Time"),
        translate("ReviewTables", "What"),
        translate("ReviewTables", "How long"),
        translate("ReviewTables", "Detail"),
    ]


def incident_rows(incidents: tuple[Incident, ...]) -> list[tuple[Cell, ...]]:
    return [
        (
            Cell(clock_text(i.ts_ms), i.ts_ms),
            Cell(words.incident_name(i.kind, translate), tone="bad"),
            duration_cell(i.duration_ms),
            Cell(words.incident_detail(i, translate)),
        )
        for i in incidents
    ]


def alert_headers() -> list[str]:
    return [
        translate("ReviewTables", "Raised"),
        translate("ReviewTables", "Alert"),
        translate("ReviewTables", "Cleared"),
        translate("ReviewTables", "Detail"),
    ]


def alert_rows(records: tuple[AlertRecord, ...]) -> list[tuple[Cell, ...]]:
    return [
        (
            Cell(clock_text(a.ts_ms), a.ts_ms),
            Cell(words.alert_name(a.rule, translate)),
            Cell(clock_text(a.cleared_ms), a.cleared_ms)
            if a.cleared_ms is not None
            else Cell(translate("ReviewTables", "not cleared"), tone="bad"),
            Cell(words.alert_detail(a)),
        )
        for a in records
    ]


def cue_headers() -> list[str]:
    return [
        translate("ReviewTables", "Time"),
        translate("ReviewTables", "From"),
        translate("ReviewTables", "Cue"),
        translate("ReviewTables", "Outcome"),
    ]


def cue_rows(records: tuple[CueRecord, ...]) -> list[tuple[Cell, ...]]:
    return [
        (
            Cell(clock_text(c.ts_ms), c.ts_ms),
            Cell(_senders().get(c.sender, c.sender)),
            Cell(words.cue_text(c, translate), tip=c.text),
            Cell(words.cue_outcome(c.outcome, translate)),
        )
        for c in records
    ]
