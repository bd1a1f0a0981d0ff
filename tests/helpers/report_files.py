"""For the review report's tests: run an export as the review window does (off the GUI
thread), and read the PDF it wrote with poppler's tools (pdftotext, pdftoppm)."""

import subprocess
import threading
import unicodedata
from pathlib import Path


def on_a_worker(job):
    """Run job() on a plain Python thread (like console/ui/background.py); its result."""
    out = {}

    def run():
        try:
            out["value"] = job()
        except BaseException as e:  # handed to the test's thread
            out["error"] = e

    thread = threading.Thread(target=run, name="report-test")
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    if "error" in out:
        raise out["error"]
    return out["value"]


def pdf_text(pdf: Path) -> str:
    """The PDF's text, NFKC-normalised: with Noto Sans CJK, Qt's PDF maps some ideographs to
    the Kangxi radical that shares their glyph (面 copies out as ⾯, U+2F8F), a known font/PDF
    limitation (wkhtmltopdf#4414) that NFKC folds back."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))


def render_pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))
