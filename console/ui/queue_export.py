"""A show's queue with its results as a table to export: headers and states in the user's
language (the file is for people: the operations team's review), values as Excel wants them."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate
_PLAIN_NUMBER = re.compile(r"0|[1-9]\d{0,14}")  # "007" stays text: Excel would drop the zeros


def queue_columns() -> list[tuple[str, str]]:
    return [
        ("position", translate("QueueExport", "Position")),
        ("link_no", translate("QueueExport", "Link number")),
        ("sku", translate("QueueExport", "SKU")),
        ("name", translate("QueueExport", "Product name")),
        ("live_price", translate("QueueExport", "Live price")),
        ("stock", translate("QueueExport", "Stock left")),
        ("state", translate("QueueExport", "State")),
        ("explain_count", translate("QueueExport", "Explain windows")),
        ("explain_time", translate("QueueExport", "Total explain time (mm:ss)")),
    ]


def state_labels() -> dict[str, str]:
    return {
        "pending": translate("QueueExport", "Pending"),
        "explaining": translate("QueueExport", "Explaining"),
        "done": translate("QueueExport", "Done"),
        "sold_out": translate("QueueExport", "Sold out"),
        "skipped": translate("QueueExport", "Skipped"),
    }


def explain_time(ns: int) -> str:
    """mm:ss, minutes past 59 kept as they are ("75:03"): a show's total, not a clock time."""
    seconds = ns // 1_000_000_000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def queue_rows(results: list[dict], states: dict[str, str]) -> list[dict]:
    """Rows for write_rows from queue_repo.queue_results."""
    rows = []
    for r in results:
        link = r["link_no"] or ""
        price = r["live_price_fen"]
        rows.append(
            {
                "position": r["position"] + 1,
                "link_no": int(link) if _PLAIN_NUMBER.fullmatch(link) else link,
                "sku": r["sku"],
                "name": r["name"],
                "live_price": None if price is None else Decimal(price).scaleb(-2),
                "stock": r["stock"],
                "state": states.get(r["state"], r["state"]),
                "explain_count": r["explain_count"],
                "explain_time": explain_time(r["explain_ns"]),
            }
        )
    return rows
