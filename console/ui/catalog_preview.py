"""The catalog import dialog's preview: the file's first rows under headers that say what
each column becomes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from console.core.catalog import Column, RowError
from console.ui import catalog_messages as msg

translate = QCoreApplication.translate
PREVIEW_ROWS = 200
BAD_ROW_BG = QColor("#5a1e1e")


def column_title(column: Column) -> str:
    """The header as the file spells it, and under it what LiveDesk makes of the column."""
    if column.field:
        meaning = translate("CatalogPreview", "→ {field}").format(
            field=msg.field_label(column.field)
        )
    else:
        meaning = translate("CatalogPreview", "kept as extra field")
    header = column.header or translate("CatalogPreview", "(no header)")
    return f"{header}\n{meaning}"


def fill_preview(
    model: QStandardItemModel,
    columns: list[Column],
    rows: Sequence[tuple[int, list[str]]],
    errors: Sequence[RowError],
) -> None:
    """The first PREVIEW_ROWS rows as the file has them, line numbers down the side; rows with
    problems tinted, their reasons in the tooltip. A C++ model on purpose: painting it takes
    no GIL, so the view repaints while a worker thread is busy in Python."""
    rows = rows[:PREVIEW_ROWS]
    problems: dict[int, list[RowError]] = {}
    for error in errors:
        problems.setdefault(error.line, []).append(error)
    model.clear()
    model.setColumnCount(len(columns))
    model.setHorizontalHeaderLabels([column_title(c) for c in columns])
    tint = QBrush(BAD_ROW_BG)
    for line, cells in rows:
        items = [QStandardItem(cells[c.index] if c.index < len(cells) else "") for c in columns]
        if line in problems:
            why = "\n".join(msg.row_reason(e) for e in problems[line])
            for item in items:
                item.setBackground(tint)
                item.setToolTip(why)
        model.appendRow(items)
    model.setVerticalHeaderLabels([str(line) for line, _ in rows])
