"""The live stats dashboard: big-number cards, the charts with the show's markers, and the
per-product table. It redraws only when StatsService posts a view (a few times a second); all
reading and arithmetic happen on the service's thread.

"Follow live" keeps the last N minutes in view as the show goes on; moving or zooming the charts
by hand turns it off, "Whole show" zooms out to everything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.services.stats_service import StatsService, StatsView
from console.ui.dashboard_cards import StatCards
from console.ui.dashboard_charts import DashboardCharts
from console.ui.dashboard_products import ProductTable

FOLLOW_MINUTES = 30
RIGHT_MARGIN = 0.05  # of the window, empty on the right of "now" when the view moves on
LEGEND_COLORS = (  # swatch colours of the chart markers (dashboard_charts.COLORS, opaque)
    ("#58a6ff", "■"),
    ("#f0b429", "■"),
    ("#f85149", "■"),
    ("#8b949e", "┊"),
    ("#a371f7", "┆"),
    ("#f85149", "│"),
)


class DashboardPanel(QWidget):
    def __init__(self, service: StatsService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.view: StatsView = service.view
        self.target_fen = 0
        self._ranged_show: int | None = None  # the show whose time range was set last
        self.cards = StatCards()
        self.follow = QPushButton(self.tr("Follow live"), checkable=True, checked=True)
        self.follow.setToolTip(self.tr("Keep the last minutes in view as the show goes on"))
        self.follow.toggled.connect(self._on_follow_toggled)
        # On or off must be seen at a glance (the theme does not mark checked buttons yet).
        self.follow.setStyleSheet(
            "QPushButton:checked { background: #1f6feb; border-color: #58a6ff; color: white; }"
        )
        self.minutes = QSpinBox(minimum=1, maximum=720, value=FOLLOW_MINUTES)
        self.minutes.setPrefix(self.tr("last "))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.valueChanged.connect(self._on_minutes_value_changed)
        self.whole_show = QPushButton(self.tr("Whole show"))
        self.whole_show.clicked.connect(self._on_whole_show_clicked)
        self.target = QSpinBox(minimum=0, maximum=2_000_000_000, singleStep=1000, prefix="¥")
        self.target.setSpecialValueText(self.tr("no target"))
        self.target.setGroupSeparatorShown(True)
        self.target.valueChanged.connect(self._on_target_value_changed)
        self.charts = DashboardCharts()
        self.charts.panned.connect(self._on_charts_panned)
        self.charts.hovered.connect(self._on_charts_hovered)
        self.details = QLabel()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend = QLabel(self._legend_html())
        self.products = ProductTable()

        # The control row; whoever places the panel may add a button at its end.
        self.controls = bar = QHBoxLayout()
        bar.addWidget(self.follow)
        bar.addWidget(self.minutes)
        bar.addWidget(self.whole_show)
        bar.addSpacing(16)
        bar.addWidget(self.legend)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("GMV target")))
        bar.addWidget(self.target)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.charts, 1)
        column.addWidget(self.details)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.products)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1200, 480])  # the table's six columns readable from the start
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.cards)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        service.updated.connect(self._on_service_updated)
        service.failed.connect(self._on_service_failed)
        self._on_charts_hovered("")
        self._on_service_updated(service.view)

    def title(self) -> str:
        return self.tr("Live stats")

    def _legend_html(self) -> str:
        names = (
            self.tr("explaining"),
            self.tr("flash sale"),
            self.tr("mic muted"),
            self.tr("scene change"),
            self.tr("segment start"),
            self.tr("dropped frames"),
        )
        return "&nbsp;&nbsp;".join(
            f'<span style="color:{color}">{mark}</span>&nbsp;{name}'
            for (color, mark), name in zip(LEGEND_COLORS, names, strict=True)
        )

    # -- updates -------------------------------------------------------------------------------
    def _on_service_updated(self, view: StatsView) -> None:
        self.view = view
        self.cards.show_view(view, self.target_fen)
        self.charts.show_view(view)
        self.products.show_rows(view.products)
        if view.start_ms is None:
            return
        if self.follow.isChecked():
            self._follow(view)
        elif self._ranged_show != view.show_id:
            self._show_whole(view)
        self._ranged_show = view.show_id

    def _on_service_failed(self, code: str) -> None:
        self.details.setText(self.tr("The stats cannot be read right now; retrying."))

    def _follow(self, view: StatsView) -> None:
        """The last N minutes, moved on in steps: while now is still left of the right edge,
        the time axis stays put (a range change repaints every axis and marker), then jumps
        so that now sits RIGHT_MARGIN from the edge again."""
        now = view.now_ms / 1000
        span = self.minutes.value() * 60
        x0, x1 = self.charts.x_range()
        # Placed for an earlier now, and now still short of the edge: leave it.
        placed = abs((x1 - x0) - span) < 1 and x0 <= now - span * (1 - RIGHT_MARGIN) + 1
        if placed and now <= x1 - span * RIGHT_MARGIN / 20:
            return
        self.charts.show_range(now + span * RIGHT_MARGIN - span, now + span * RIGHT_MARGIN)

    def _show_whole(self, view: StatsView) -> None:
        start, now = view.start_ms / 1000, view.now_ms / 1000
        span = max(60.0, now - start)
        self.charts.show_range(start - span * 0.01, now + span * RIGHT_MARGIN)

    # -- controls ------------------------------------------------------------------------------
    def _on_follow_toggled(self, on: bool) -> None:
        if on and self.view.start_ms is not None:
            self._follow(self.view)

    def _on_minutes_value_changed(self, _minutes: int) -> None:
        if self.view.start_ms is None:
            return
        if self.follow.isChecked():
            self._follow(self.view)
        else:
            self.follow.setChecked(True)

    def _on_whole_show_clicked(self) -> None:
        self.follow.setChecked(False)
        if self.view.start_ms is not None:
            self._show_whole(self.view)

    def _on_charts_panned(self) -> None:
        self.follow.setChecked(False)

    def _on_target_value_changed(self, yuan: int) -> None:
        self.target_fen = yuan * 100
        self.cards.show_view(self.view, self.target_fen)

    def _on_charts_hovered(self, text: str) -> None:
        self.details.setText(
            text or self.tr("Point at a chart for details; wheel to zoom, drag to move in time.")
        )
