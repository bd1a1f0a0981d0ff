"""The review report exported from a simulated show, in English and in Chinese, on a worker
thread as the app does it: the PDF opens and its pages render to PNG (pdftoppm) with something
on them, its text (pdftotext) has the show's GMV and order count as SQL counts them, worded as
the report words money and counts, and the products' Chinese names; a long queue runs over more
pages; the HTML file stands alone. One page per language is kept in /tmp/report_pages/ for a
person to look at.

Needs poppler-utils (pdftoppm, pdftotext), as CI installs; no OBS."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from console import i18n
from console.reports.format import count_text, money_text
from console.reports.html_report import write_html
from console.reports.pdf_report import write_pdf
from console.reports.review import load_review
from console.store.review_repo import save_notes
from console.store.writer import DbWriter
from tests.helpers.report_files import on_a_worker, pdf_text, render_pages
from tests.helpers.review_show import PRODUCTS, simulate_show

PAGES = Path("/tmp/report_pages")


@pytest.fixture(autouse=True)
def _known_obs_state():
    """This module needs no OBS: it overrides the directory's fixture that starts one."""


@pytest.fixture
def language(request, qapp):
    """The app's translators installed as the app does for the language (as the console's
    other tests do); removed after."""
    locale = QLocale()
    translators = i18n.install_translators(qapp, request.param)
    yield request.param
    for t in translators:
        QApplication.removeTranslator(t)
    QLocale.setDefault(locale)


def inked(png: Path) -> float:
    """The share of pixels that are not white, sampled."""
    image = QImage(str(png))
    assert not image.isNull()
    step = 3
    seen = dark = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen += 1
            dark += image.pixelColor(x, y).lightness() < 200
    return dark / seen


@pytest.fixture(scope="module")
def tools():
    missing = [t for t in ("pdftoppm", "pdftotext") if shutil.which(t) is None]
    if missing:
        pytest.fail(f"poppler-utils missing: {missing}")


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    s = simulate_show(tmp_path_factory.mktemp("report") / "show.db")
    writer = DbWriter(s.path)
    try:
        writer.submit(save_notes, s.show_id, "福袋之后在线涨了一倍，下次提前发。").result(5)
    finally:
        writer.close()
    return s


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_report_pdf_and_html_from_a_simulated_show(tools, show, language, tmp_path):
    pdf, html = tmp_path / "review.pdf", tmp_path / "review.html"

    def export():
        review = load_review(show.path, show.show_id)
        write_html(review, html, language)
        return write_pdf(review, pdf, language)

    assert on_a_worker(export) == pdf

    pages = render_pages(pdf, tmp_path)
    assert len(pages) >= 2
    for page in pages[:-1]:  # the last one may hold only the notes
        assert inked(page) > 0.02, page
    assert inked(pages[0]) > 0.05  # the totals and the first charts
    PAGES.mkdir(exist_ok=True)
    for n in (0, 1):
        shutil.copy(pages[n], PAGES / f"report_{language}_page{n + 1}.png")

    with sqlite3.connect(show.path) as conn:
        gmv, orders = conn.execute(
            "SELECT sum(amount_fen), count(*) FROM orders WHERE show_id = ?", [show.show_id]
        ).fetchone()
    text = pdf_text(pdf)
    assert money_text(gmv) in text  # "¥75,747.00"
    assert count_text(orders) in text
    for p in PRODUCTS:
        assert p["name"] in text, p["name"]
    assert "福袋之后在线涨了一倍" in text  # the notes

    platform = {"en": "Douyin", "zh_CN": "抖音"}[language]  # worded in the report's language
    assert platform in text

    page = html.read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == 4  # the charts travel inside it
    assert "http" not in page.split("<body>", 1)[1]  # nothing fetched from elsewhere
    assert money_text(gmv) in page and "保湿面霜" in page and platform in page
    assert "Viewers down 32 % in 5 min (2,400 → 1,644)" in page or language != "en"
    if language != "en":  # an English report from a Chinese desk
        english = tmp_path / "english.html"
        on_a_worker(lambda: write_html(load_review(show.path, show.show_id), english, "en"))
        assert "Douyin" in english.read_text(encoding="utf-8")


def test_a_long_queue_runs_over_more_pages(tools, tmp_path):
    products = [
        {"sku": f"S{n:02d}", "name": f"商品{n:02d} 款式", "live_price_fen": 1990, "stock": 99}
        for n in range(90)
    ]
    s = simulate_show(tmp_path / "show.db", products, explained=["S00", "S01", "S02"])
    pdf = on_a_worker(lambda: write_pdf(load_review(s.path, s.show_id), tmp_path / "r.pdf", "en"))
    pages = render_pages(pdf, tmp_path)
    assert len(pages) >= 4  # totals and charts, then the products over more than a page
    text = pdf_text(pdf)
    assert "商品00 款式" in text and "商品89 款式" in text and "返场" in text
