"""The words viewers see in the on-stream overlay (they follow the UI language)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.offers import COUNTING_DOWN, ON_SALE, clock_text
from console.core.queue import QueueItem
from console.reports.format import number_text

translate = QCoreApplication.translate


def overlay_texts(item: QueueItem | None, sale_phase: tuple[str, int] | None) -> dict[str, str]:
    """Text per overlay source: name, price, selling point, countdown ("" hides it)."""
    if item is None:
        return {"name": "", "price": "", "selling_point": "", "countdown": ""}
    price = (
        ""
        if item.live_price_fen is None
        else translate("Overlay", "Live price ¥{0}").format(
            number_text(item.live_price_fen / 100, 2)
        )
    )
    countdown = ""
    if sale_phase and sale_phase[0] == COUNTING_DOWN:
        countdown = translate("Overlay", "Flash sale in {0}").format(clock_text(sale_phase[1]))
    elif sale_phase and sale_phase[0] == ON_SALE:
        countdown = translate("Overlay", "Flash sale! Ends in {0}").format(
            clock_text(sale_phase[1])
        )
    point = item.selling_points.splitlines()[0] if item.selling_points else ""
    return {"name": item.name, "price": price, "selling_point": point, "countdown": countdown}
