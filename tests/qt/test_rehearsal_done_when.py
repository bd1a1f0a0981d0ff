"""Issue 6's "done when", as the console's pieces are wired in app.py: a rehearsal with the
simulator fills the live dashboard; alerts fire and clear (a mic muted while live, the 讲解
product's stock running low as the simulated room buys it); the review (复盘) exports as HTML,
PDF (its pages rendered with pdftoppm) and CSV, with the GMV of a direct SQL query.

LIVEDESK_SHOT_DIR=<folder> also keeps screenshots of the console, the dashboard window, the
review window and the PDF's pages there (for the closing note)."""

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDockWidget

from console.reports.csv_export import write_csv
from console.reports.format import money_text
from console.reports.html_report import write_html
from console.reports.pdf_report import write_pdf
from console.reports.review import load_review
from console.resources import resource_path
from console.services import show_setup
from console.services.offers_service import OffersService
from console.services.queue_service import QueueService
from console.services.simulator_service import SimulatorService
from console.services.timeline import TimelineRecorder
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.alerts_install import install_alerts
from console.ui.dashboard_install import DashboardPlacement, install_dashboard
from console.ui.review_window import ReviewWindow
from console.ui.run_of_show import RunOfShow
from tests.helpers.report_files import on_a_worker, pdf_text, render_pages

MIC = "麦克风 Mic"
pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")


def shot(widget, name: str) -> None:
    folder = os.environ.get("LIVEDESK_SHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / name))


def sql(path, query, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def test_a_rehearsal_fills_the_dashboard_raises_alerts_and_exports_its_review(
    qtbot, console, tmp_path
):
    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    window, obs = console.window, console.service
    settings = Settings()
    settings.alert_rules = {"mic_silent": {"seconds": 2}}
    TimelineRecorder(obs, writer, parent=obs)
    queue = QueueService(writer, parent=obs)
    offers = OffersService(writer, queue, parent=obs)
    run = RunOfShow(window, writer, obs, queue, settings, "en")
    alerts = install_alerts(
        window, writer, obs, queue, offers, settings, run.cues, checklist=run.checklist
    )
    stats, panel = install_dashboard(window, writer, queue, settings=settings)
    sim = SimulatorService(writer, queue, offers, demo=True, speed=30, interval_ms=200)
    sample = resource_path("catalog", "sample_catalog.csv")
    rundown = resource_path("rundown", "sample_rundown.csv")
    with qtbot.waitSignal(queue.changed, timeout=5000):
        queue.open_show(lambda db: show_setup.demo_show(db, sample, "彩排 Rehearsal", rundown))
    qtbot.waitUntil(lambda: queue.show_id is not None and bool(queue.queue.items), timeout=5000)
    show_id = queue.show_id
    try:
        # The show goes live: the stream starts and the first product is explained, with only
        # a little more than its low-stock mark left.
        obs.set_streaming(True)
        qtbot.waitUntil(lambda: obs.snapshot.streaming, timeout=3000)
        item = queue.queue.items[0]
        queue.set_stock(item.id, item.low_stock + 6)
        queue.start_explain(item.id)
        qtbot.waitUntil(lambda: queue.queue.explaining is not None, timeout=3000)
        assert sim.start()

        # The dashboard fills while the simulated room runs.
        def filled():
            v = panel.view
            online = len(v.series.get("online", ())) if v is not None else 0
            return online >= 60 and bool(v.card("gmv_fen").value)

        qtbot.waitUntil(filled, timeout=30_000)
        first_gmv = panel.view.card("gmv_fen").value
        qtbot.waitUntil(lambda: panel.view.card("gmv_fen").value > first_gmv, timeout=20_000)
        assert panel.view.card("online").value > 0

        # What the room buys brings the 讲解 product to its low-stock mark: an alert; the
        # assistant restocks it: cleared.
        qtbot.waitUntil(lambda: "low_stock" in {a.rule for a in alerts.active}, timeout=30_000)
        dock = window.findChild(QDockWidget, "alertsDock")
        assert "1" in dock.windowTitle()
        cue = run.cues.showing  # on the host view too (low stock goes there by default)
        assert cue is not None and ("Stock low" in cue.text or "sold out" in cue.text)
        queue.set_stock(item.id, 500)
        qtbot.waitUntil(lambda: "low_stock" not in {a.rule for a in alerts.active}, timeout=5000)

        # A mic muted while live: raised after its 2 s, cleared when unmuted.
        console.fake.set_input_mute(MIC, True)
        qtbot.waitUntil(lambda: "mic_silent" in {a.rule for a in alerts.active}, timeout=8000)
        shot(window, "rehearsal_console.png")
        placement = window.findChild(DashboardPlacement)
        placement.open_window()
        qtbot.waitUntil(lambda: placement.in_window and placement.own_window.isVisible())
        qtbot.wait(700)
        shot(placement.own_window, "rehearsal_dashboard_window.png")
        placement.bring_back()
        console.fake.set_input_mute(MIC, False)
        qtbot.waitUntil(lambda: "mic_silent" not in {a.rule for a in alerts.active}, timeout=8000)
        sim.stop()
        obs.set_streaming(False)
        queue.stop_explain()
        writer.submit(lambda db: None).result(10)  # everything queued is committed

        def rules(kind):
            return {
                json.loads(d)["rule"]
                for (d,) in sql(path, f"SELECT data FROM events WHERE kind = '{kind}'")
            }

        assert rules("alert_raised") >= {"low_stock", "mic_silent"}
        assert rules("alert_cleared") >= {"low_stock", "mic_silent"}

        # The review: read off the GUI thread, its GMV is the orders' sum in SQL.
        review = on_a_worker(lambda: load_review(path, show_id, 10))
        (gmv,), (orders,) = (
            sql(path, "SELECT sum(amount_fen) FROM orders WHERE show_id = ?", show_id)[0],
            sql(path, "SELECT count(*) FROM orders WHERE show_id = ?", show_id)[0],
        )
        assert gmv > 0 and review.totals.gmv_fen == gmv and review.totals.orders == orders
        assert {a.rule for a in review.alerts} >= {"low_stock", "mic_silent"}
        out = tmp_path / "report"
        out.mkdir()
        html = on_a_worker(lambda: write_html(review, out / "review.html", "zh_CN"))
        pdf = on_a_worker(lambda: write_pdf(review, out / "review.pdf", "zh_CN"))
        csvs = on_a_worker(lambda: write_csv(path, show_id, out))
        assert money_text(gmv) in html.read_text(encoding="utf-8")
        assert {p.name for p in csvs} >= {"samples.csv", "orders.csv", "events.csv"}
        pngs = render_pages(pdf, tmp_path)
        assert pngs
        assert money_text(gmv) in pdf_text(pdf)
        folder = os.environ.get("LIVEDESK_SHOT_DIR")
        if folder:
            for png in pngs:
                shutil.copy(png, Path(folder) / f"rehearsal_report_{png.name}")
            shutil.copy(pdf, Path(folder) / "rehearsal_report.pdf")
            review_window = ReviewWindow(writer, path, show_id, 10, "en")
            qtbot.addWidget(review_window)
            review_window.resize(1900, 1040)
            review_window.show()
            qtbot.waitUntil(lambda: review_window.review is not None, timeout=20_000)
            qtbot.wait(500)
            shot(review_window, "rehearsal_review_window.png")
    finally:
        sim.stop()
        alerts.stop()
        stats.stop()
        writer.close()
