"""The review as a PDF: the HTML report's markup laid out by QTextDocument (the charts handed
over as document resources, not base64) and printed on A4 by QPdfWriter. QTextDocument
paginates: a long product list runs over as many pages as it needs, its header rows repeated,
with page numbers at the foot.

Call it off the GUI thread. QTextDocument lays a long document out in steps on a timer, which
Qt refuses (with a warning per step) on a thread it did not start, such as a Python worker: the
document is therefore laid out and printed on a short QThread of its own, waited for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QThread, QUrl
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.reports.charts import font_families, render_charts, report_font
from console.reports.files import replacing
from console.reports.html_report import CHART_SIZE, build_html
from console.reports.review import Review
from console.reports.words import Words

# QTextDocument.print_ keeps 2 cm margins of its own (and puts the page number in the bottom
# one): the page itself has none. The text is then 170 mm wide, 642 px at the 96 dpi the
# document is laid out in.
CHART_WIDTH = 640
RESOLUTION = 300  # dpi of the PDF's page; the charts come out at ~240 dpi on it
FONT_PT = 9


def write_pdf(review: Review, path: Path, language: str | None = None) -> Path:
    """Write the report to `path` as an A4 PDF (atomically). language: see words.Words."""
    translate = Words(language)
    images = render_charts(review, *CHART_SIZE, translate=translate, locale=translate.locale)
    sources = {name: f"chart-{name}.png" for name in images}
    fonts = tuple(font_families())
    html = build_html(review, translate, sources, CHART_WIDTH, language, fonts, translate.locale)

    def print_it(target: Path) -> None:
        doc = QTextDocument()
        font = report_font()
        font.setPointSize(FONT_PT)
        doc.setDefaultFont(font)
        for name, image in images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(sources[name]), image)
        doc.setHtml(html)
        writer = QPdfWriter(str(target))
        writer.setResolution(RESOLUTION)
        writer.setTitle(review.title)
        writer.setCreator("LiveDesk")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
                QPageLayout.Unit.Millimeter,
            )
        )
        doc.print_(writer)
        del writer  # the file is complete once the writer is gone

    with replacing(Path(path)) as tmp:
        _on_a_qt_thread(lambda: print_it(tmp))
    return Path(path)


class _Job(QThread):
    def __init__(self, job: Callable[[], None]):
        super().__init__()
        self.job = job
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.job()
        except BaseException as e:  # raised again on the caller's thread
            self.error = e


def _on_a_qt_thread(job: Callable[[], None]) -> None:
    thread = _Job(job)
    thread.start()
    thread.wait()
    if thread.error is not None:
        raise thread.error
