"""The review (复盘) of one show, on screen: totals as big numbers, the trend charts with what
happened on them, per product and per segment results, incidents, alerts, cues, the team's
notes, and the exports (HTML, PDF, CSV).

The Review is read off the GUI thread (a 12-hour show takes a while), and the exports are
written off it; their outcomes come back by signal (console/ui/background.py). The notes are
saved through the one writer a moment after typing stops, when another show is picked and when
the window closes, so that nothing typed is lost."""

from __future__ import annotations

import html
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QColor, QCursor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from console.core.show import Show
from console.reports.format import UNKNOWN, clock_text, date_text, duration_text, file_date
from console.reports.report_text import alert_name
from console.reports.review import Review, load_review
from console.services.stats_service import Marker, Series, StatsView
from console.services.writer_calls import WriterCalls
from console.store.review_repo import save_notes
from console.store.shows import list_shows
from console.store.writer import DbWriter
from console.ui import review_tables as rt
from console.ui.background import new_job
from console.ui.dashboard_cards import STYLE
from console.ui.dashboard_charts import DashboardCharts
from console.ui.dashboard_markers import MarkerLines
from console.ui.review_tables import ReviewTable
from console.ui.show_messages import platform_name
from console.ui.style import say

log = logging.getLogger(__name__)

SAVE_NOTES_MS = 800  # after the last keystroke
RELOAD_MS = 500  # after the last change of the attribution minutes
EXTRA = {"alert": QColor("#d29922"), "obs_disconnected": QColor("#f85149")}  # moments
CHART_KINDS = {"explain", "segment", "flash_sale", "scene", "mic_muted", "dropped_frames"}
Loader = Callable[[Path, int, int], Review]


def default_exporter(kind: str) -> Callable:
    """html and pdf: fn(review, path, language); csv: fn(db_path, show_id, folder) -> paths.
    Imported when first used, on the export's thread: they pull in the report rendering."""
    if kind == "html":
        from console.reports.html_report import write_html

        return write_html
    if kind == "pdf":
        from console.reports.pdf_report import write_pdf

        return write_pdf
    from console.reports.csv_export import write_csv

    return write_csv


def stats_view(review: Review) -> StatsView:
    """The review's trends and bands as the dashboard charts take them."""
    series = {}
    for name, points in review.trends.items():
        x = np.fromiter((p.ts_ms / 1000 for p in points), np.float64, len(points))
        y = np.fromiter((p.value for p in points), np.float64, len(points))
        x.flags.writeable = y.flags.writeable = False
        series[name] = Series(x, y)
    markers = tuple(
        Marker(b.kind, b.start_ms, b.end_ms, b.label, b.ref, b.value)
        for b in review.bands
        if b.kind in CHART_KINDS
    )
    end = review.end_ms or 0
    return StatsView(review.show_id, end, review.start_ms, end, series=series, markers=markers)


def _file_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "show"


class _Charts(QWidget):
    """The dashboard's charts (bands, lanes, hover, zoom) over a finished show, plus the
    alerts and OBS disconnects as lines; what is under the mouse is worded below them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.charts = DashboardCharts(self)
        self.extra: dict[str, list[MarkerLines]] = {kind: [] for kind in EXTRA}
        for plot in self.charts.plots.values():
            for kind, color in EXTRA.items():
                item = MarkerLines(color, Qt.PenStyle.DashDotLine, 1.5)
                plot.addItem(item, ignoreBounds=True)
                self.extra[kind].append(item)
        self.moments: list[tuple[str, int, str]] = []
        self.hover = QLabel(" ", objectName="reviewHover")
        self.hover.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.charts, 1)
        layout.addWidget(self.hover)
        self.charts.hovered.connect(self._on_charts_hovered)

    def show_review(self, review: Review) -> None:
        view = stats_view(review)
        self.charts.show_view(view)
        self.moments = [(b.kind, b.start_ms, b.label) for b in review.bands if b.kind in EXTRA]
        for kind, items in self.extra.items():
            xs = [ms / 1000 for k, ms, _ in self.moments if k == kind]
            for item in items:
                item.set_moments(xs)
        if review.start_ms is not None and review.end_ms is not None:
            self.charts.show_range(review.start_ms / 1000, review.end_ms / 1000)

    def details_at(self, x: float) -> list[str]:
        """What happened at x (epoch seconds): the bands and lines there, worded."""
        slack = 4 * (self.charts.lane.vb.viewPixelSize()[0] or 0.0)
        out = self.charts.markers_at(x) if self.charts.view is not None else []
        for kind, ms, label in self.moments:
            if abs(ms / 1000 - x) <= slack:
                if kind == "alert":
                    text = self.tr("Alert {0} at {1}").format(
                        alert_name(label, QCoreApplication.translate), clock_text(ms)
                    )
                else:
                    text = self.tr("OBS disconnected at {0}").format(clock_text(ms))
                out.append(text)
        return out

    def _on_charts_hovered(self, text: str) -> None:
        if not text:
            self.hover.setText(" ")
            return
        x = self.charts.crosshairs[0].value()
        extra = [t for t in self.details_at(x) if t not in text]
        self.hover.setText(" · ".join([text, *extra]))
        if extra:  # the charts' own tooltip names only their markers
            QToolTip.showText(QCursor.pos(), "\n".join(self.details_at(x)), self)


class _Numbers(QWidget):
    """The show's totals as big numbers, two rows of cards."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(STYLE + "#statValue { color: #e6edf3; }")
        self.values: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        items = rt.totals_items(rt.EMPTY_TOTALS)
        per_row = (len(items) + 1) // 2
        for i, (code, title, _, _) in enumerate(items):
            card = QFrame(objectName="statCard")
            self.titles[code] = QLabel(title, objectName="statTitle")
            self.values[code] = QLabel(UNKNOWN, objectName="statValue")
            box = QVBoxLayout(card)
            box.setContentsMargins(10, 6, 10, 6)
            box.setSpacing(2)
            box.addWidget(self.titles[code])
            box.addWidget(self.values[code])
            layout.addWidget(card, i // per_row, i % per_row)

    def show_review(self, review: Review) -> None:
        for code, _, value, kind in rt.totals_items(review.totals):
            self.values[code].setText(rt.value_text(value, kind))


class ReviewWindow(QWidget):
    """Its own window, not modal: the assistant keeps working in the console beside it."""

    loaded = Signal(object)  # the Review now shown
    load_failed = Signal(str)  # the message shown
    exported = Signal(str, object)  # kind (html, pdf, csv), the file or the CSV folder
    export_failed = Signal(str, str)  # kind, the message shown
    notes_saved = Signal(int)  # the show's id
    after_minutes_changed = Signal(int)

    def __init__(
        self,
        writer: DbWriter,
        db_path: Path,
        show_id: int | None = None,
        after_minutes: int = 10,
        language: str = "en",
        *,
        loader: Loader = load_review,
        exporters: dict[str, Callable] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.writer, self.db_path, self.language = writer, Path(db_path), language
        self.loader = loader
        self.exporters = exporters
        self.calls = WriterCalls(writer, self)
        self.review: Review | None = None
        self.show_id = show_id
        self.shows: list[Show] = []
        self._token = 0  # of the newest load; older ones' answers are dropped
        self._exporting: set[str] = set()
        self._notes_show: int | None = None  # the show the notes editor holds
        self._notes_kept = ""  # its text as saved (or loaded)
        self.last_folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.setWindowTitle(self.tr("Review (复盘)"))
        self.resize(1500, 920)
        self._build(after_minutes)
        self._notes_timer = QTimer(self, singleShot=True, interval=SAVE_NOTES_MS)
        self._notes_timer.timeout.connect(self.save_notes)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.calls.submit(list_shows, True, then=self._on_shows_read)
        if show_id is not None:
            self.load(show_id)

    # -- building ------------------------------------------------------------------------------
    def _build(self, after_minutes: int) -> None:
        self.picker = QComboBox()
        self.picker.setMinimumContentsLength(28)
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.activated.connect(self._on_picker_activated)
        self.after = QSpinBox(minimum=1, maximum=240, value=after_minutes)
        self.after.setSuffix(self.tr(" min"))
        self.after.setToolTip(
            self.tr("Sales in this many minutes after an explain window or segment count as its")
        )
        self.after.valueChanged.connect(self._on_after_value_changed)
        self.status = QLabel(objectName="dialogStatus")
        self.buttons = {
            "html": QPushButton(self.tr("Export &HTML…")),
            "pdf": QPushButton(self.tr("Export &PDF…")),
            "csv": QPushButton(self.tr("Export &CSV…")),
        }
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Show:"), buddy=self.picker))
        top.addWidget(self.picker)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Sales &after a window:"), buddy=self.after))
        top.addWidget(self.after)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        for kind, button in self.buttons.items():
            button.setEnabled(False)
            button.clicked.connect(partial(self.export, kind))
            top.addWidget(button)
        self.export_status = QLabel(objectName="dialogStatus")
        self.export_status.setTextFormat(Qt.TextFormat.RichText)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.export_status.linkActivated.connect(self._on_export_status_link_activated)
        self.export_status.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.export_status.hide()  # until there is an export to speak of
        self.heading = QLabel(objectName="reviewHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.numbers = _Numbers()
        self.charts = _Charts()
        self.tables = {
            "products": ReviewTable(rt.product_headers(), rt.PRODUCT_NUMERIC),
            "segments": ReviewTable(rt.segment_headers(), rt.SEGMENT_NUMERIC),
            "incidents": ReviewTable(rt.incident_headers(), (0, 2)),
            "alerts": ReviewTable(rt.alert_headers(), (0, 2)),
            "cues": ReviewTable(rt.cue_headers(), (0,)),
        }
        self.tabs = QTabWidget()
        for table in self.tables.values():
            self.tabs.addTab(table, "")
        self._name_tabs(None)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            self.tr("The team's conclusions: what worked, what to change next time…")
        )
        self.notes.setReadOnly(True)
        self.notes.textChanged.connect(self._on_notes_text_changed)
        self.notes_state = QLabel(objectName="dialogStatus")
        notes_box = QGroupBox(self.tr("&Notes"))
        box = QVBoxLayout(notes_box)
        box.addWidget(self.notes, 1)
        box.addWidget(self.notes_state)
        self.notes_label = notes_box

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tabs)
        right.addWidget(notes_box)
        right.setSizes([700, 260])  # ratios: the splitter shares its height out this way
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(self.charts)
        body.addWidget(right)
        body.setSizes([680, 1220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.export_status)
        layout.addWidget(self.heading)
        layout.addWidget(self.numbers)
        layout.addWidget(body, 1)

    def _name_tabs(self, review: Review | None) -> None:
        names = {
            "products": self.tr("Products ({0})"),
            "segments": self.tr("Segments ({0})"),
            "incidents": self.tr("Incidents ({0})"),
            "alerts": self.tr("Alerts ({0})"),
            "cues": self.tr("Cues ({0})"),
        }
        for i, (key, text) in enumerate(names.items()):
            count = UNKNOWN if review is None else len(getattr(review, key))
            self.tabs.setTabText(i, text.format(count))

    # -- the shows -----------------------------------------------------------------------------
    def _on_shows_read(self, future: Future) -> None:
        if future.exception() is not None:
            log.error("Reading the list of shows failed: %r", future.exception())
            say(self.status, self.tr("Could not read the list of shows."), failed=True)
            return
        self.shows = future.result()
        self.picker.clear()
        for show in self.shows:
            text = show.title
            if show.rehearsal:
                text = self.tr("{0} (rehearsal)").format(text)
            if show.archived:
                text = self.tr("{0} (archived)").format(text)
            self.picker.addItem(text, show.id)
        if not self.shows:
            say(self.status, self.tr("There is no show to review yet."))
            return
        if self.show_id is None:
            self.load(self.shows[0].id)  # the newest
        else:
            self._select(self.show_id)

    def _select(self, show_id: int) -> None:
        i = self.picker.findData(show_id)
        if i >= 0:
            self.picker.setCurrentIndex(i)

    def _on_picker_activated(self, index: int) -> None:
        show_id = self.picker.itemData(index)
        if show_id is not None and show_id != self.show_id:
            self.load(show_id)

    def _on_after_value_changed(self, minutes: int) -> None:
        self.after_minutes_changed.emit(minutes)
        self._reload_timer.start()

    # -- loading -------------------------------------------------------------------------------
    def load(self, show_id: int) -> None:
        """Read the show's review in the background; the screen keeps the previous one (or
        its blanks) until it comes."""
        if show_id != self._notes_show:
            self.save_notes()  # the previous show's, before the editor moves on
            self.notes.setReadOnly(True)
        self.show_id = show_id
        self._select(show_id)
        self._token += 1
        say(self.status, self.tr("Loading…"))
        for button in self.buttons.values():
            button.setEnabled(False)
        loader, path, minutes = self.loader, self.db_path, self.after.value()
        job = new_job(
            self, partial(self._on_loaded, self._token), partial(self._on_load_failed, self._token)
        )
        job.run(lambda _report: loader(path, show_id, minutes), name="livedesk-review")

    def reload(self) -> None:
        self._reload_timer.stop()
        if self.show_id is not None:
            self.load(self.show_id)

    def _on_loaded(self, token: int, review: Review) -> None:
        if token != self._token:
            return  # a newer load is on its way
        self.review = review
        say(self.status, "")
        self._show(review)
        for kind, button in self.buttons.items():
            button.setEnabled(kind not in self._exporting)
        if review.show_id != self._notes_show:
            self.notes.blockSignals(True)
            self.notes.setPlainText(review.notes)
            self.notes.blockSignals(False)
            self._notes_show, self._notes_kept = review.show_id, review.notes
            self.notes_state.setText("")
        self.notes.setReadOnly(False)
        self.loaded.emit(review)

    def _on_load_failed(self, token: int, error: BaseException) -> None:
        if token != self._token:
            return
        if isinstance(error, KeyError):
            text = self.tr("This show is not in the database any more.")
        else:
            log.warning("Loading the review of show %s failed: %r", self.show_id, error)
            text = self.tr("Could not load the review: {0}").format(str(error) or repr(error))
        say(self.status, text, failed=True)
        self.load_failed.emit(text)

    def _show(self, review: Review) -> None:
        end = clock_text(review.end_ms, seconds=False)
        span = self.tr("{0} – {1}").format(date_text(review.start_ms), end)
        length = None
        if review.start_ms is not None and review.end_ms is not None:
            length = review.end_ms - review.start_ms
        self.heading.setText(
            " · ".join(
                (
                    review.title,
                    platform_name(review.platform),
                    span,
                    self.tr("{0} long").format(duration_text(length)),
                )
            )
        )
        self.setWindowTitle(self.tr("Review (复盘) — {0}").format(review.title))
        self.numbers.show_review(review)
        self.charts.show_review(review)
        self.tables["products"].set_rows(rt.product_rows(review.products))
        self.tables["segments"].set_rows(rt.segment_rows(review.segments))
        self.tables["incidents"].set_rows(rt.incident_rows(review.incidents))
        self.tables["alerts"].set_rows(rt.alert_rows(review.alerts))
        self.tables["cues"].set_rows(rt.cue_rows(review.cues))
        self._name_tabs(review)

    # -- notes ---------------------------------------------------------------------------------
    def _on_notes_text_changed(self) -> None:
        if self._notes_show is not None and not self.notes.isReadOnly():
            self.notes_state.setText(self.tr("Not saved yet…"))
            self._notes_timer.start()

    def save_notes(self) -> None:
        """Save the notes now if they changed since they were last saved."""
        self._notes_timer.stop()
        show_id, text = self._notes_show, self.notes.toPlainText()
        if show_id is None or text == self._notes_kept:
            return
        self._notes_kept = text
        then = partial(self._on_notes_written, show_id, text)
        self.calls.submit(save_notes, show_id, text, then=then)

    def _on_notes_written(self, show_id: int, text: str, future: Future) -> None:
        error = future.exception()
        if error is not None:
            log.error("Saving the review notes of show %s failed: %r", show_id, error)
            if show_id == self._notes_show and self._notes_kept == text:
                self._notes_kept = None  # not saved: the next change or the close tries again
            say(self.notes_state, self.tr("Could not save the notes: {0}").format(error), True)
            return
        if show_id == self._notes_show:
            say(self.notes_state, self.tr("Saved at {0}").format(clock_text(_now_ms())))
        self.notes_saved.emit(show_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_notes()
        super().closeEvent(event)

    # -- exports -------------------------------------------------------------------------------
    def ask_path(self, kind: str, suggested: Path) -> Path | None:
        """Where to write the export (a folder for CSV); None if the user cancelled."""
        if kind == "csv":
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Export the samples and events (CSV) into"), str(suggested.parent)
            )
        else:
            filters = {"html": self.tr("Web page (*.html)"), "pdf": self.tr("PDF (*.pdf)")}
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the review"), str(suggested), filters[kind]
            )
        return Path(chosen) if chosen else None

    def export(self, kind: str) -> None:
        review = self.review
        if review is None or kind in self._exporting:
            return
        name = _file_name(
            self.tr("{0} {1} review").format(review.title, file_date(review.start_ms))
        )
        path = self.ask_path(kind, self.last_folder / f"{name}.{kind}")
        if path is None:
            return
        self.last_folder = path if kind == "csv" else path.parent
        self._exporting.add(kind)
        self.buttons[kind].setEnabled(False)
        say(self.export_status, self.tr("Exporting…"))
        self.export_status.show()
        exporters, language, db_path = self.exporters, self.language, self.db_path

        def work(_report):
            fn = exporters[kind] if exporters else default_exporter(kind)
            if kind == "csv":
                fn(db_path, review.show_id, path)
            else:
                fn(review, path, language)
            return path

        job = new_job(self, partial(self._on_exported, kind), partial(self._on_export_failed, kind))
        job.run(work, name="livedesk-export")

    def _on_exported(self, kind: str, path: Path) -> None:
        self._done_exporting(kind)
        folder = path if kind == "csv" else path.parent
        link = html.escape(QUrl.fromLocalFile(str(folder)).toString(), quote=True)
        text = self.tr("Saved to {0}").format(html.escape(str(path)))
        label = self.tr("Open folder")
        self.export_status.setText(f'{text} · <a href="{link}">{label}</a>')
        self.exported.emit(kind, path)

    def _on_export_failed(self, kind: str, error: BaseException) -> None:
        self._done_exporting(kind)
        log.warning("Exporting the review (%s) failed: %r", kind, error)
        text = self.tr("The export failed: {0}").format(str(error) or repr(error))
        say(self.export_status, html.escape(text), failed=True)
        self.export_failed.emit(kind, text)

    def _done_exporting(self, kind: str) -> None:
        self._exporting.discard(kind)
        self.buttons[kind].setEnabled(self.review is not None)

    def _on_export_status_link_activated(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))


def _now_ms() -> int:
    return time.time_ns() // 1_000_000
