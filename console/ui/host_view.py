"""The host view (主播屏): what the host reads from two metres while talking. The segment and
its time left, the product being explained (name, live price, first selling point, stock,
flash-sale countdown), what comes next, the room's numbers, a clock, and the assistant's cue
flashing until the host clicks anywhere on the view.

Type scales with the view (sizes are fractions of its height), colours come from the theme
(resources/theme/dark.qss, #host…). It redraws on a 250 ms timer, never per event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from console.core.offers import COUNTING_DOWN, ON_SALE, clock_text
from console.reports.format import count_text, money_text, time_text, yuan_text
from console.services.cue_service import CueService
from console.services.queue_service import QueueService
from console.ui.cues_panel import cue_words_of
from console.ui.style import set_look

if TYPE_CHECKING:
    from console.core.rundown import RundownStatus

    class RundownSource(Protocol):
        def status(self) -> RundownStatus: ...


TICK_MS = 250
# Font pixel size as a fraction of the view's height (of a 16:9 box that fits in the view).
SIZES = {
    "hostCue": 0.08,
    "hostSegment": 0.06,
    "hostRemaining": 0.072,
    "hostClock": 0.06,
    "hostCaption": 0.042,
    "hostProduct": 0.078,
    "hostPrice": 0.125,
    "hostStock": 0.062,
    "hostSale": 0.066,
    "hostPoint": 0.05,
    "hostNext": 0.05,
    "hostStats": 0.046,
}
MARGIN = 0.02
SPACING = 0.008
NONE = "—"


def _local_now() -> datetime:
    return datetime.now().astimezone()


def money(fen: int | None) -> str:
    """¥59.90, and ¥99 rather than ¥99.00: fewer glyphs to read from across the room."""
    if fen is None:
        return NONE
    return yuan_text(fen) if fen % 100 == 0 else money_text(fen)


def first_point(selling_points: str) -> str:
    for line in selling_points.splitlines():
        point = line.replace(";", "；").split("；")[0].strip()
        if point:
            return point
    return ""


def _wrap(text: str, font: QFont, width: float, lines: int) -> str:
    """`text` broken into at most `lines` lines of `width`, the last one elided (…)."""
    metrics = QFontMetricsF(font)
    if lines == 1 or not text:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while len(starts) < lines + 1:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    starts += [len(text)] * (lines + 1 - len(starts))
    parts = [text[starts[n] : starts[n + 1]].strip() for n in range(lines - 1)]
    last = metrics.elidedText(text[starts[lines - 1] :].strip(), Qt.TextElideMode.ElideRight, width)
    return "\n".join(p for p in [*parts, last] if p)


class _Text(QLabel):
    """Large text that fits its box: broken into `lines` lines, the last one elided, never
    cut through a character. Its size comes from the view, not from what it shows."""

    def __init__(self, name: str, lines: int = 1, stretch: int = 1):
        super().__init__()
        self.setObjectName(name)
        self.lines, self.stretch, self.full = lines, stretch, ""
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        policy.setHorizontalStretch(stretch)
        self.setSizePolicy(policy)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def show_text(self, text: str) -> None:
        if text != self.full:
            self.full = text
            self._fit()

    def _fit(self) -> None:
        width = self.contentsRect().width()
        text = _wrap(self.full, self.font(), width, self.lines) if width > 0 else self.full
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._fit()


def _fitted(label: _Text, px: int, whole: bool) -> int:
    """The pixel size at most `px` at which the label's lines fit its height (fonts differ in
    line spacing: Noto CJK's is ~1.45 em), and, when `whole`, its text fits its width on one
    line: for what must be read whole (the cue, the countdowns) rather than elided. Digits are
    measured as zeros so the size does not twitch as a countdown runs."""
    box = label.contentsRect()
    if box.width() <= 0 or box.height() <= 0:
        return px
    font = QFont(label.font())
    font.setPixelSize(px)
    metrics = QFontMetricsF(font)
    fits = px * box.height() / (label.lines * metrics.lineSpacing())
    text = "".join("0" if c.isdigit() else c for c in label.full)
    if whole and text:
        width = box.width() - metrics.averageCharWidth()  # air at the edges
        fits = min(fits, px * width / max(1.0, metrics.horizontalAdvance(text)))
    return max(1, min(px, int(fits)))


class HostView(QWidget):
    def __init__(
        self,
        queue_service: QueueService,
        cue_service: CueService,
        rundown: RundownSource | None = None,
        clock: Callable[[], datetime] = _local_now,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.queue, self.cues, self.rundown, self.clock = queue_service, cue_service, rundown, clock
        self.setObjectName("hostView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stats: tuple[int | None, int | None, int | None] = (None, None, None)
        self.cue = _Text("hostCue")
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.segment = _Text("hostSegment", stretch=5)
        self.remaining = _Text("hostRemaining", stretch=3)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time = _Text("hostClock", stretch=2)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.caption = _Text("hostCaption")
        self.product = _Text("hostProduct", lines=2)
        self.price = _Text("hostPrice", stretch=4)
        self.stock = _Text("hostStock", stretch=3)
        self.sale = _Text("hostSale", stretch=4)
        self.sale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.point = _Text("hostPoint")
        self.next = _Text("hostNext")
        self.viewers = _Text("hostStats", stretch=2)
        self.gmv = _Text("hostStats", stretch=3)
        self.gmv.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.labels = [
            self.cue, self.segment, self.remaining, self.time, self.caption, self.product,
            self.price, self.stock, self.sale, self.point, self.next, self.viewers, self.gmv,
        ]  # fmt: skip
        rows = (  # (widgets, share of the height in ‰): each fits its font's lines
            ([self.cue], 125),
            ([self.segment, self.remaining, self.time], 105),
            ([self.caption], 60),
            ([self.product], 225),
            ([self.price, self.stock, self.sale], 165),
            ([self.point], 80),
            ([self.next], 75),
            ([self.viewers, self.gmv], 70),
        )
        self.main = QVBoxLayout(self)
        for widgets, share in rows:
            row = QHBoxLayout()
            for w in widgets:
                row.addWidget(w, w.stretch)
            self.main.addLayout(row, share)
        self._sheet = ""
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self._tick.start()
        self.refresh()

    def set_stats(
        self, viewers: int | None = None, gmv_fen: int | None = None, target_fen: int | None = None
    ) -> None:
        """The room's numbers as they arrive; None shows a dash until then."""
        self.stats = (viewers, gmv_fen, target_fen)

    def stop(self) -> None:
        """No more redraws: the console is closing (HostWindow.dispose)."""
        self._tick.stop()

    def refresh(self) -> None:
        self._show_cue()
        self._show_segment()
        self._show_product()
        viewers, gmv, target = self.stats
        self.viewers.show_text(
            self.tr("Online {0}").format(NONE if viewers is None else count_text(viewers))
        )
        self.gmv.show_text(self.tr("GMV {0} / target {1}").format(money(gmv), money(target)))
        self.time.show_text(time_text(self.clock()))
        self._fit_fonts()  # after the texts: a longer cue or countdown gets smaller type

    def mousePressEvent(self, event) -> None:
        self.cues.acknowledge()  # anywhere: the host reaches over without aiming
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        base = self._base()
        margin = round(base * MARGIN)
        self.main.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.main.setSpacing(round(base * SPACING))
        for n in range(self.main.count()):
            self.main.itemAt(n).layout().setSpacing(margin * 2)
        self._fit_fonts()

    # -- internals --------------------------------------------------------------------------
    def _base(self) -> float:
        """The height of the largest 16:9 box in the view: a tall narrow dock must not get
        type sized for its height that then cannot fit its width."""
        return min(self.height(), self.width() * 9 / 16)

    def _fit_fonts(self) -> None:
        base = self._base()
        nominal = {name: max(1, round(base * share)) for name, share in SIZES.items()}
        sizes = dict(nominal)
        for label in self.labels:  # labels sharing a name share the smaller size
            name = label.objectName()
            whole = label in (self.cue, self.remaining, self.sale)
            sizes[name] = min(sizes[name], _fitted(label, nominal[name], whole))
        sheet = "".join(f"#{name} {{ font-size: {px}px; }}\n" for name, px in sizes.items())
        if sheet != self._sheet:
            self._sheet = sheet
            self.setStyleSheet(sheet)

    def _show_cue(self) -> None:
        cue = self.cues.showing
        text = cue_words_of(cue) if cue else ""
        self.cue.show_text(text)
        flash = "" if cue is None else "on" if cue.flash_on(self.cues.clock()) else "off"
        set_look(self.cue, "flash", flash)

    def _show_segment(self) -> None:
        status = self.rundown.status() if self.rundown is not None else None
        if status is None or status.segment_title is None:
            self.segment.show_text(NONE)
            self.remaining.show_text("")
            set_look(self.remaining, "level", "idle")
            return
        self.segment.show_text(status.segment_title)
        left = status.segment_remaining_s
        if left >= 0:
            text = self.tr("{0} left").format(clock_text(left))
        else:
            text = self.tr("Over {0}").format(clock_text(-left))
        self.remaining.show_text(text)
        set_look(self.remaining, "level", status.level)

    def _show_product(self) -> None:
        queue = self.queue.queue
        item = queue.explaining
        up = queue.next_up()
        self.next.show_text(
            self.tr("Next: {0}").format(f"{up.name}  {money(up.live_price_fen)}" if up else NONE)
        )
        if item is None:
            self.caption.show_text(self.tr("NOW"))
            self.product.show_text(self.tr("Nothing being explained"))
            set_look(self.product, "idle", True)
            for label in (self.price, self.stock, self.sale, self.point):
                label.show_text("")
            set_look(self.sale, "phase", "")
            return
        set_look(self.product, "idle", False)
        caption = self.tr("NOW · link {0}").format(item.link_no) if item.link_no else self.tr("NOW")
        self.caption.show_text(caption)
        self.product.show_text(item.name)
        self.price.show_text(money(item.live_price_fen))
        if item.stock is None:
            stock = ""
        elif item.stock <= 0:
            stock = self.tr("Sold out")
        else:
            stock = self.tr("Stock {0}").format(count_text(item.stock))
        self.stock.show_text(stock)
        set_look(self.stock, "low", item.is_low_stock)
        self.point.show_text(first_point(item.selling_points))
        sale = self.queue.flash_sale
        phase = sale.phase(self.queue.clock()) if sale and sale.item_id == item.id else None
        if phase and phase[0] == COUNTING_DOWN:
            text = self.tr("Flash sale in {0}").format(clock_text(phase[1]))
        elif phase and phase[0] == ON_SALE:
            text = self.tr("On sale · {0} left").format(clock_text(phase[1]))
        else:
            text = ""
        self.sale.show_text(text)
        set_look(self.sale, "phase", phase[0] if text else "")
