"""Two shows side by side: their totals with the difference and the change, and their products
matched by SKU (a product sold in only one of them shows "—" on the other side).

Both reviews are read off the GUI thread, together, whenever either show is picked."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from console.core.show import Show
from console.reports.format import date_text
from console.reports.review import ProductResult, Review, load_review
from console.services.writer_calls import WriterCalls
from console.store.shows import list_shows
from console.store.writer import DbWriter
from console.ui import review_tables as rt
from console.ui.background import new_job
from console.ui.review_tables import Cell, ReviewTable
from console.ui.style import say

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


@dataclass(frozen=True)
class _Sold:
    """One product's results in one show, its explain windows added up."""

    name: str
    explain_ms: int
    gmv_fen: int | None
    orders: int | None
    conversion: float | None


def _add(a, b):
    return b if a is None else a if b is None else a + b


def _by_sku(products: tuple[ProductResult, ...]) -> dict[str, _Sold]:
    out: dict[str, _Sold] = {}
    for p in products:
        during = p.during
        sold = _Sold(
            p.name,
            p.explain_ms,
            during and during.gmv_fen,
            during and during.orders,
            during and during.conversion,
        )
        key = p.sku or p.name
        was = out.get(key)
        if was is not None:  # the same product twice in one queue
            sold = _Sold(
                was.name,
                was.explain_ms + sold.explain_ms,
                _add(was.gmv_fen, sold.gmv_fen),
                _add(was.orders, sold.orders),
                None,  # a rate does not add up
            )
        out[key] = sold
    return out


def total_rows(a: Review, b: Review) -> list[tuple[Cell, ...]]:
    rows = []
    for (_, label, va, kind), (_, _, vb, _) in zip(
        rt.totals_items(a.totals), rt.totals_items(b.totals), strict=True
    ):
        d = None if va is None or vb is None else vb - va
        rows.append(
            (
                Cell(label),
                Cell(rt.value_text(va, kind), va),
                Cell(rt.value_text(vb, kind), vb),
                Cell(rt.difference_text(va, vb, kind), d, tone=rt.tone(d)),
                Cell(rt.change_text(va, vb), rt.change(va, vb), tone=rt.tone(d)),
            )
        )
    return rows


def total_headers() -> list[str]:
    return [
        translate("CompareWindow", "Total"),
        "A",
        "B",
        translate("CompareWindow", "Difference (B − A)"),
        translate("CompareWindow", "Change"),
    ]


def product_headers() -> list[str]:
    return [
        translate("CompareWindow", "SKU"),
        translate("CompareWindow", "Product"),
        translate("CompareWindow", "On air A"),
        translate("CompareWindow", "On air B"),
        translate("CompareWindow", "GMV\nduring A"),
        translate("CompareWindow", "GMV\nduring B"),
        translate("CompareWindow", "Difference"),
        translate("CompareWindow", "Change"),
        translate("CompareWindow", "Orders A"),
        translate("CompareWindow", "Orders B"),
        translate("CompareWindow", "Conversion\nA"),
        translate("CompareWindow", "Conversion\nB"),
    ]


PRODUCT_NUMERIC = range(2, 12)


def product_rows(a: Review, b: Review) -> list[tuple[Cell, ...]]:
    """Every SKU of either show, the first show's order first."""
    in_a, in_b = _by_sku(a.products), _by_sku(b.products)
    rows = []
    for sku in [*in_a, *(s for s in in_b if s not in in_a)]:
        pa, pb = in_a.get(sku), in_b.get(sku)
        name = (pa or pb).name
        if pb is None:
            name, tip = (
                translate("CompareWindow", "{0} (only in A)").format(name),
                translate("CompareWindow", "Not in the second show"),
            )
        elif pa is None:
            name, tip = (
                translate("CompareWindow", "{0} (only in B)").format(name),
                translate("CompareWindow", "Not in the first show"),
            )
        else:
            tip = ""
        ga, gb = pa and pa.gmv_fen, pb and pb.gmv_fen
        d = None if ga is None or gb is None else gb - ga
        rows.append(
            (
                Cell(sku),
                Cell(name, tip=tip, tone="faded" if tip else ""),
                rt.duration_cell(pa and pa.explain_ms),
                rt.duration_cell(pb and pb.explain_ms),
                rt.money_cell(ga),
                rt.money_cell(gb),
                Cell(rt.difference_text(ga, gb, rt.MONEY), d, tone=rt.tone(d)),
                Cell(rt.change_text(ga, gb), rt.change(ga, gb), tone=rt.tone(d)),
                rt.count_cell(pa and pa.orders),
                rt.count_cell(pb and pb.orders),
                rt.percent_cell(pa and pa.conversion),
                rt.percent_cell(pb and pb.conversion),
            )
        )
    return rows


class CompareWindow(QWidget):
    loaded = Signal(object, object)  # the two Reviews shown (A, B)
    load_failed = Signal(str)  # the message shown

    def __init__(
        self,
        writer: DbWriter,
        db_path: Path,
        first_id: int | None = None,
        second_id: int | None = None,
        after_minutes: int = 10,
        *,
        loader=load_review,
        parent: QWidget | None = None,
    ):
        """`second_id` defaults to the newest show, `first_id` to the one before it."""
        super().__init__(parent, Qt.WindowType.Window)
        self.db_path, self.after_minutes, self.loader = Path(db_path), after_minutes, loader
        self.ids = [first_id, second_id]
        self.reviews: tuple[Review, Review] | None = None
        self._token = 0
        self.calls = WriterCalls(writer, self)
        self.setWindowTitle(self.tr("Compare two shows"))
        self.resize(1300, 820)
        self.pickers = (QComboBox(), QComboBox())
        top = QHBoxLayout()
        for label, picker in zip(
            (self.tr("Show &A:"), self.tr("Show &B:")), self.pickers, strict=True
        ):
            picker.setMinimumContentsLength(28)
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            picker.activated.connect(self._on_picker_activated)
            top.addWidget(QLabel(label, buddy=picker))
            top.addWidget(picker)
            top.addSpacing(12)
        self.status = QLabel(objectName="dialogStatus")
        top.addWidget(self.status, 1)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.totals = ReviewTable(total_headers(), (1, 2, 3, 4))
        self.products = ReviewTable(product_headers(), PRODUCT_NUMERIC)
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(self.totals)
        body.addWidget(self.products)
        body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(body, 1)
        self.calls.submit(list_shows, True, then=self._on_shows_read)

    def _on_shows_read(self, future: Future) -> None:
        if future.exception() is not None:
            log.error("Reading the list of shows failed: %r", future.exception())
            say(self.status, self.tr("Could not read the list of shows."), failed=True)
            return
        shows: list[Show] = future.result()
        for picker in self.pickers:
            picker.clear()
            for show in shows:
                picker.addItem(self._show_text(show), show.id)
        if len(shows) < 2:  # a show compared with itself says nothing
            say(self.status, self.tr("Comparing needs two shows."))
            return
        ids = [s.id for s in shows]
        if self.ids[1] is None and ids:
            self.ids[1] = ids[0]
        if self.ids[0] is None:
            older = [i for i in ids if i != self.ids[1]]
            self.ids[0] = older[0] if older else self.ids[1]
        self.load()

    def _show_text(self, show: Show) -> str:
        text = show.title
        if show.rehearsal:
            text = self.tr("{0} (rehearsal)").format(text)
        return text

    def _on_picker_activated(self, _index: int) -> None:
        ids = [p.currentData() for p in self.pickers]
        if ids != self.ids:
            self.ids = ids
            self.load()

    def load(self) -> None:
        a, b = self.ids
        if a is None or b is None:
            return
        for picker, show_id in zip(self.pickers, self.ids, strict=True):
            i = picker.findData(show_id)
            if i >= 0:
                picker.setCurrentIndex(i)
        self._token += 1
        say(self.status, self.tr("Loading…"))
        loader, path, minutes = self.loader, self.db_path, self.after_minutes
        job = new_job(
            self, partial(self._on_loaded, self._token), partial(self._on_failed, self._token)
        )
        job.run(lambda _r: (loader(path, a, minutes), loader(path, b, minutes)), "livedesk-compare")

    def _on_loaded(self, token: int, reviews: tuple[Review, Review]) -> None:
        if token != self._token:
            return
        self.reviews = a, b = reviews
        say(self.status, "")
        self.heading.setText(
            self.tr("A: {0} ({1}) · B: {2} ({3})").format(
                a.title, date_text(a.start_ms), b.title, date_text(b.start_ms)
            )
        )
        self.totals.set_rows(total_rows(a, b))
        self.products.set_rows(product_rows(a, b))
        self.loaded.emit(a, b)

    def _on_failed(self, token: int, error: BaseException) -> None:
        if token != self._token:
            return
        if isinstance(error, KeyError):
            text = self.tr("One of the shows is not in the database any more.")
        else:
            log.warning("Loading the comparison failed: %r", error)
            text = self.tr("Could not load the comparison: {0}").format(str(error) or repr(error))
        say(self.status, text, failed=True)
        self.load_failed.emit(text)
