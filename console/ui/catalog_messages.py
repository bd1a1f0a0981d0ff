"""Every sentence about a catalog import or export, from the codes core, ingest and store
return. Shared by the command line and the import dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.catalog import RowError
from console.ingest.catalog_file import CatalogFileError
from console.store.products import ImportResult, RowOutcome

translate = QCoreApplication.translate
_VALUE_MAX = 40


def field_label(field: str) -> str:
    return {
        "name": translate("CatalogMessages", "product name"),
        "sku": translate("CatalogMessages", "SKU"),
        "list_price": translate("CatalogMessages", "list price"),
        "live_price": translate("CatalogMessages", "live price"),
        "stock": translate("CatalogMessages", "stock"),
        "selling_points": translate("CatalogMessages", "selling points"),
        "link_no": translate("CatalogMessages", "link number"),
        "image": translate("CatalogMessages", "image"),
        "category": translate("CatalogMessages", "category"),
    }.get(field, field)


def row_reason(error: RowError) -> str:
    """What is wrong, naming the column as the file spells it so the user can find it."""
    texts = {
        "missing_name": translate("CatalogMessages", "no product name"),
        "missing_sku": translate("CatalogMessages", "no SKU"),
        "bad_price": translate("CatalogMessages", "{column} is not a price"),
        "bad_stock": translate(
            "CatalogMessages", "{column} is not a stock count (a whole number, 0 or more)"
        ),
        "duplicate_sku_in_file": translate(
            "CatalogMessages", "this SKU is already used on line {other_line}"
        ),
        "extra_cells": translate(
            "CatalogMessages", "more cells than columns (a comma inside an unquoted value?)"
        ),
        "missing_name_column": translate(
            "CatalogMessages", "no product name column (such as 商品名称 or name)"
        ),
        "missing_sku_column": translate(
            "CatalogMessages", "no SKU column (such as 商品ID, 商品编码 or SKU)"
        ),
        "duplicate_column": translate(
            "CatalogMessages", "the columns {other} and {column} both mean {field}; keep one"
        ),
    }
    return texts.get(error.code, error.code).format(
        column=error.column or field_label(error.field),
        other_line=error.other_line,
        other=error.value,
        field=field_label(error.field),
    )


def row_error(error: RowError) -> str:
    value = "" if error.code == "duplicate_column" else error.value
    return line_problem(error.line, row_reason(error), value)


def line_problem(line: int, reason: str, value: str = "") -> str:
    """ "line N: reason (value)", the value shortened, and left out when there is none worth
    showing; the stats import words its rows the same way."""
    value = _shown(value)
    if value:
        return translate("CatalogMessages", "line {line}: {reason} ({value})").format(
            line=line, reason=reason, value=value
        )
    return translate("CatalogMessages", "line {line}: {reason}").format(line=line, reason=reason)


def file_error(error: CatalogFileError) -> str:
    texts = {
        "not_found": translate("CatalogMessages", "the file does not exist"),
        "unreadable": translate("CatalogMessages", "the file cannot be read ({detail})"),
        "empty": translate("CatalogMessages", "the file is empty"),
        "no_rows": translate("CatalogMessages", "the file has a header row but no products"),
        "bad_xlsx": translate(
            "CatalogMessages",
            "the Excel file is damaged or incomplete; open it in Excel and save it again",
        ),
        "bad_csv": translate(
            "CatalogMessages",
            "line {line}: a quotation mark is not closed, or text follows a closing one",
        ),
        "unsupported_format": translate(
            "CatalogMessages", "this file type is not supported ({detail}); use .xlsx or .csv"
        ),
        "not_a_spreadsheet": translate(
            "CatalogMessages", "this is not a spreadsheet; use a .xlsx or .csv file"
        ),
        "unknown_encoding": translate(
            "CatalogMessages",
            "the text encoding is not recognised; save the file as CSV UTF-8 or as .xlsx",
        ),
        "write_failed": translate(
            "CatalogMessages", "the file cannot be written ({detail}); is it open in Excel?"
        ),
    }
    return texts.get(error.code, error.code).format(line=error.line, detail=error.detail)


def duplicate_outcome(outcome: RowOutcome) -> str:
    if outcome.action == "updated":
        text = translate(
            "CatalogMessages", "line {line}: SKU {sku} is already in the catalog: updated"
        )
    else:
        text = translate(
            "CatalogMessages", "line {line}: SKU {sku} is already in the catalog: skipped"
        )
    return text.format(line=outcome.line if outcome.line is not None else "-", sku=outcome.sku)


def import_summary(result: ImportResult) -> str:
    return translate(
        "CatalogMessages",
        "Imported: {inserted} new, {updated} updated, {skipped} skipped (already in the catalog).",
    ).format(inserted=result.inserted, updated=result.updated, skipped=result.skipped)


def _shown(value: str) -> str:
    value = " ".join(value.split())  # a multi-line cell on one line
    return value if len(value) <= _VALUE_MAX else value[: _VALUE_MAX - 1] + "…"
