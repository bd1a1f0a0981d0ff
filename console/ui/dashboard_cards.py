"""The dashboard's big numbers: online, GMV against the target, orders, conversion and GPM, each
with its change over the last few minutes (green up, red down, "—" when unknown). Also the
number wording the dashboard's table and charts share (console/reports/format.py: the review
words a figure the same way)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from console.reports.format import (
    MINUS,
    UNKNOWN,
    count_text,
    money_text,
    number_text,
    percent_text,
)
from console.services.stats_service import DELTA_MINUTES, StatsView
from console.ui.style import set_look

# Local to the dashboard until the theme (resources/theme/dark.qss) takes these over.
STYLE = """
#statCard { background: #161b22; border: 1px solid #30363d; border-radius: 6px; }
#statCard QLabel { background: transparent; }
#statTitle { color: #8b949e; }
#statValue { font-size: 20pt; font-weight: bold; }
#statDelta, #statNote { color: #8b949e; }
#statDelta[trend="up"] { color: #3fb950; }
#statDelta[trend="down"] { color: #f85149; }
#statTarget { background: #21262d; border: none; border-radius: 2px; max-height: 4px; }
#statTarget::chunk { background: #3fb950; border-radius: 2px; }
"""


def signed(text: str, value: float) -> str:
    """'+' or '−' before a magnitude's text."""
    if value > 0:
        return "+" + text
    return MINUS + text if value < 0 else "±" + text


def trend(delta: float | None) -> str:
    if delta is None or delta == 0:
        return "flat"
    return "up" if delta > 0 else "down"


class _Card(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statCard")
        self.title = QLabel(title, objectName="statTitle")
        self.value = QLabel(UNKNOWN, objectName="statValue")
        self.delta = QLabel(UNKNOWN, objectName="statDelta")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        for w in (self.title, self.value, self.delta):
            layout.addWidget(w)


class StatCards(QWidget):
    """Five cards in a row. show_view() words a StatsView; the GMV target (fen, 0: none) is the
    panel's setting."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.cards = {
            "online": _Card(self.tr("Online now")),
            "gmv_fen": _Card(self.tr("GMV")),
            "orders": _Card(self.tr("Orders")),
            "conversion": _Card(self.tr("Conversion")),
            "gpm_fen": _Card(self.tr("GPM")),
        }
        gmv = self.cards["gmv_fen"]
        self.target_note = QLabel(objectName="statNote")
        self.target_bar = QProgressBar(objectName="statTarget", textVisible=False)
        self.target_bar.setRange(0, 1000)
        gmv.layout().addWidget(self.target_note)
        gmv.layout().addWidget(self.target_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for card in self.cards.values():
            layout.addWidget(card, 1)
        self.show_view(StatsView(None, 0), 0)

    def show_view(self, view: StatsView, target_fen: int) -> None:
        values = {
            "online": count_text,
            "gmv_fen": money_text,
            "orders": count_text,
            "conversion": percent_text,
            "gpm_fen": money_text,
        }
        for code, card in self.cards.items():
            c = view.card(code)
            card.value.setText(values[code](c.value))
            card.delta.setText(self._delta_text(code, c.delta))
            set_look(card.delta, "trend", trend(c.delta))
        self._show_target(view.card("gmv_fen").value, target_fen)

    def _delta_text(self, code: str, delta: float | None) -> str:
        if delta is None:
            return UNKNOWN
        if code in ("gmv_fen", "gpm_fen"):
            text = signed(money_text(abs(delta)), delta)
        elif code == "conversion":
            points = number_text(abs(delta) * 100, 2)
            text = signed(self.tr("{0} pp").format(points), delta)
        else:
            text = signed(count_text(abs(delta)), delta)
        return self.tr("{0} in {1} min").format(text, DELTA_MINUTES)

    def _show_target(self, gmv_fen: int | None, target_fen: int) -> None:
        if target_fen <= 0:
            self.target_note.setText(self.tr("No target set"))
            self.target_bar.setValue(0)
            return
        share = None if gmv_fen is None else gmv_fen / target_fen
        self.target_note.setText(
            self.tr("Target {0} · {1}").format(money_text(target_fen), percent_text(share, 1))
        )
        self.target_bar.setValue(0 if share is None else int(min(1.0, share) * 1000))
