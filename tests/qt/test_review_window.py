"""The review (复盘) window: the numbers a user reads, formatted ("—" where unknown); sortable
tables; what a band was on hover; notes that survive closing and switching shows; exports that
land in files with the folder one click away; a clear message when loading fails; a GUI that
keeps its pace while a slow show loads; and a real simulated show read through load_review."""

import sqlite3
import threading
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from console.reports.review import load_review
from console.store.db import open_reader
from console.store.review_repo import load_notes
from console.store.writer import DbWriter
from console.ui import review_window
from console.ui.review_install import install_review
from console.ui.review_window import ReviewWindow
from tests.helpers.heartbeat import Heartbeat
from tests.helpers.review_factory import MIN, T0, make_review
from tests.helpers.review_show import simulate_show
from tests.helpers.show_db import make_show


class Room:
    def __init__(self, tmp_path):
        self.path = tmp_path / "shows.db"
        self.first = make_show(self.path, [], title="周五上新专场")
        self.second = make_show(self.path, [], title="周六返场")
        self.writer = DbWriter(self.path)
        self.calls: list[tuple[int, int]] = []

    def loader(self, path, show_id, after_minutes):
        """A made-up review carrying the notes really stored (as load_review does)."""
        self.calls.append((show_id, after_minutes))
        db = open_reader(path)
        try:
            notes = load_notes(db, show_id)
        finally:
            db.close()
        return make_review(show_id, notes=notes, after_minutes=after_minutes)

    def notes(self, show_id):
        self.writer.submit(lambda db: None).result(5)  # whatever was queued is written
        db = open_reader(self.path)
        try:
            return load_notes(db, show_id)
        finally:
            db.close()


@pytest.fixture
def room(tmp_path):
    r = Room(tmp_path)
    yield r
    r.writer.close()


def open_window(qtbot, room, show_id=None, loader=None, wait=True, **kw) -> ReviewWindow:
    w = ReviewWindow(
        room.writer,
        room.path,
        room.first if show_id is None else show_id,
        loader=loader or room.loader,
        **kw,
    )
    qtbot.addWidget(w)
    if wait:
        with qtbot.waitSignal(w.loaded, timeout=3000):
            w.show()
    return w


def card(w, code):
    return w.numbers.values[code].text()


def test_totals_and_tables_are_worded(qtbot, room):
    w = open_window(qtbot, room)
    assert not w.isModal() and w.isWindow()
    assert card(w, "gmv_fen") == "¥123,456.50"
    assert card(w, "orders") == "321"
    assert card(w, "conversion") == "5.00%"  # 250 paying / 5,000 viewers
    assert card(w, "aov_fen") == "¥493.83"  # 12,345,650 / 250, rounded half up
    assert card(w, "new_followers") == "—"
    assert "周五上新专场" in w.heading.text() and "30:00" in w.heading.text()

    products = w.tables["products"]
    assert products.column(0) == ["保湿面霜", "防晒喷雾", "羊绒围巾"]
    assert products.column(4) == ["¥1,234.50", "¥9,900.00", "—"]  # GMV during
    assert products.column(3) == ["8:00", "6:00", "—"]  # on air; never explained
    assert products.column(8)[1] == "—"  # after: unknown, not ¥0.00
    assert products.column(12) == ["38", "0", "—"]

    segments = w.tables["segments"]
    assert segments.column(4) == ["+5:00 over", "—"]
    assert segments.text(1, 3) == "—"  # never started
    assert w.tables["alerts"].text(0, 2) == "not cleared"
    assert w.tables["incidents"].column(1) == ["OBS disconnected", "Mic muted while live"]
    assert w.tables["cues"].column(3) == ["Acknowledged"]
    assert w.tabs.tabText(2) == "Incidents (2)"


def test_products_sort_by_value_with_unknowns_last(qtbot, room):
    w = open_window(qtbot, room)
    products = w.tables["products"]
    products.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # GMV during
    assert products.column(0) == ["防晒喷雾", "保湿面霜", "羊绒围巾"]
    products.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert products.column(4) == ["—", "¥1,234.50", "¥9,900.00"]


def test_hovering_a_band_says_what_it_was(qtbot, room):
    w = open_window(qtbot, room)
    qtbot.waitExposed(w)
    assert w.charts.charts.marker_counts()["explain"] == 2
    in_explain = w.charts.details_at((T0 + 13 * MIN) / 1000)
    assert any("防晒喷雾" in t and t.startswith("Explaining") for t in in_explain)
    at_alert = w.charts.details_at((T0 + 25 * MIN) / 1000)
    assert any(t.startswith("Alert Low stock") for t in at_alert)
    assert w.charts.details_at((T0 + 29 * MIN) / 1000) == []


def test_notes_are_saved_after_typing_and_come_back(qtbot, room):
    w = open_window(qtbot, room)
    w.notes.setFocus()
    with qtbot.waitSignal(w.notes_saved, timeout=3000):
        qtbot.keyClicks(w.notes, "Flash sale worked")
        w.notes.insertPlainText("，下次提前")
    assert room.notes(room.first) == "Flash sale worked，下次提前"
    w.close()
    again = open_window(qtbot, room)
    assert again.notes.toPlainText() == "Flash sale worked，下次提前"


def test_notes_typed_just_before_closing_are_not_lost(qtbot, room):
    w = open_window(qtbot, room)
    w.notes.insertPlainText("GPM fell after the disconnect")
    w.close()  # well before the save timer would fire
    assert room.notes(room.first) == "GPM fell after the disconnect"


def test_switching_shows_saves_the_first_shows_notes(qtbot, room):
    w = open_window(qtbot, room)
    w.notes.insertPlainText("第一场的结论")
    with qtbot.waitSignal(w.loaded, timeout=3000):
        w.load(room.second)
    assert room.notes(room.first) == "第一场的结论"
    assert w.notes.toPlainText() == ""
    assert room.notes(room.second) == ""


def test_the_show_picker_lists_the_shows_and_loads_the_one_picked(qtbot, room):
    w = open_window(qtbot, room)
    qtbot.waitUntil(lambda: w.picker.count() == 2, timeout=3000)
    assert w.picker.currentData() == room.first
    index = w.picker.findData(room.second)
    with qtbot.waitSignal(w.loaded, timeout=3000) as blocker:
        w.picker.setCurrentIndex(index)
        w.picker.activated.emit(index)
    assert blocker.args[0].show_id == room.second


def test_without_a_show_it_opens_the_newest(qtbot, room):
    w = ReviewWindow(room.writer, room.path, None, loader=room.loader)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=3000) as blocker:
        w.show()
    assert blocker.args[0].show_id == room.second


def test_changing_the_minutes_after_reloads(qtbot, room):
    w = open_window(qtbot, room, after_minutes=10)
    assert room.calls[-1] == (room.first, 10)
    with qtbot.waitSignals([w.after_minutes_changed, w.loaded], timeout=3000):
        w.after.setValue(5)
    assert room.calls[-1] == (room.first, 5)


def fake_exporters(calls):
    def html(review, path, language):
        calls.append(("html", language))
        path.write_text(f"<h1>{review.title}</h1>", encoding="utf-8")

    def pdf(review, path, language):
        calls.append(("pdf", language))
        path.write_bytes(b"%PDF-1.4\n")

    def csv(db_path, show_id, folder):
        calls.append(("csv", show_id))
        return [folder / "samples.csv", folder / "events.csv"]

    return {"html": html, "pdf": pdf, "csv": csv}


def test_export_buttons_write_files_and_offer_the_folder(qtbot, room, tmp_path, monkeypatch):
    calls = []
    w = open_window(qtbot, room, exporters=fake_exporters(calls), language="zh_CN")
    out = tmp_path / "out"
    out.mkdir()
    w.ask_path = lambda kind, suggested: out if kind == "csv" else out / suggested.name
    for kind, button in w.buttons.items():
        with qtbot.waitSignal(w.exported, timeout=3000) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args[0] == kind
    html_file = next(out.glob("*.html"))
    assert "周五上新专场" in html_file.name and html_file.read_text(encoding="utf-8")
    assert next(out.glob("*.pdf")).read_bytes().startswith(b"%PDF")
    assert calls == [("html", "zh_CN"), ("pdf", "zh_CN"), ("csv", room.first)]
    assert str(out) in w.export_status.text() and "Open folder" in w.export_status.text()
    opened = []
    monkeypatch.setattr(review_window.QDesktopServices, "openUrl", opened.append)
    w.export_status.linkActivated.emit(w.export_status.text().split('href="')[1].split('"')[0])
    assert opened[0].toLocalFile() == str(out)


def test_the_real_html_export_writes_the_review(qtbot, room, tmp_path):
    w = open_window(qtbot, room)
    w.ask_path = lambda kind, suggested: tmp_path / suggested.name
    with qtbot.waitSignal(w.exported, timeout=10_000) as blocker:
        w.buttons["html"].click()
    page = blocker.args[1].read_text(encoding="utf-8")
    assert "周五上新专场" in page and "¥123,456.50" in page


@pytest.mark.allow_warning_logs
def test_a_failed_export_says_why(qtbot, room, tmp_path):
    def broken(review, path, language):
        raise OSError("No space left on device")

    w = open_window(qtbot, room, exporters={"pdf": broken})
    w.ask_path = lambda kind, suggested: tmp_path / "x.pdf"
    with qtbot.waitSignal(w.export_failed, timeout=3000):
        w.buttons["pdf"].click()
    assert "No space left on device" in w.export_status.text()
    assert w.buttons["pdf"].isEnabled()  # the user can try again


@pytest.mark.allow_warning_logs
def test_a_failed_load_shows_a_message(qtbot, room):
    def broken(path, show_id, after):
        raise sqlite3.OperationalError("database disk image is malformed")

    w = open_window(qtbot, room, loader=broken, wait=False)
    with qtbot.waitSignal(w.load_failed, timeout=3000):
        w.show()
    assert "database disk image is malformed" in w.status.text()
    assert w.status.property("state") == "failed"
    assert not any(b.isEnabled() for b in w.buttons.values())  # nothing to export


def test_an_unknown_show_is_said_so(qtbot, room):
    def gone(path, show_id, after):
        raise KeyError(show_id)

    w = open_window(qtbot, room, loader=gone, wait=False)
    with qtbot.waitSignal(w.load_failed, timeout=3000):
        w.show()
    assert "not in the database" in w.status.text()


def test_the_gui_keeps_its_pace_while_a_slow_show_loads(qtbot, room):
    release = threading.Event()

    def slow(path, show_id, after):
        release.wait(5)  # reading a long show
        return make_review(show_id)

    w = open_window(qtbot, room, loader=slow, wait=False)
    w.show()
    qtbot.waitExposed(w)
    beat = Heartbeat()
    beat.start()
    qtbot.wait(400)
    stall = beat.stop()
    assert w.status.text() == "Loading…" and w.review is None
    assert beat.beats > 100 and stall < 50, f"the GUI stalled {stall:.0f} ms"
    with qtbot.waitSignal(w.loaded, timeout=5000):
        release.set()
    assert w.status.text() == ""


def test_a_real_simulated_show(qtbot, tmp_path):
    show = simulate_show(tmp_path / "sim.db")
    writer = DbWriter(show.path)
    try:
        w = ReviewWindow(writer, show.path, show.show_id, 10)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.loaded, timeout=5000) as blocker:
            w.show()
        review = blocker.args[0]
        with sqlite3.connect(show.path) as conn:
            gmv, orders = conn.execute(
                "SELECT sum(amount_fen), count(*) FROM orders WHERE show_id = ?", [show.show_id]
            ).fetchone()
        conn.close()
        assert card(w, "gmv_fen") == f"¥{gmv / 100:,.2f}"
        assert card(w, "orders") == f"{orders:,}"
        products = w.tables["products"]
        assert products.column(1) == ["A1", "B2", "C3", "D4"]
        assert products.text(0, 2) == "2"  # A1 explained twice
        assert products.text(3, 4) == "—"  # D4 never explained
        assert w.charts.charts.marker_counts()["explain"] == 4
        assert w.tables["incidents"].proxy.rowCount() == len(review.incidents) > 0
        w.notes.insertPlainText("复盘：秒杀有效")
        w.close()
        writer.submit(lambda db: None).result(5)
        assert load_review(show.path, show.show_id).notes == "复盘：秒杀有效"
    finally:
        writer.close()


def test_install_adds_the_show_menu_actions(qtbot, room):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show_menu = window.menuBar().addMenu("&Show")
    settings = SimpleNamespace(attribution_after_min=7)
    menu = install_review(
        window, room.writer, SimpleNamespace(show_id=room.second), room.path, settings, "en"
    )
    texts = [a.text() for a in window.show_menu.actions()]
    assert "Review (复盘)…" in texts and "Compare two shows…" in texts
    menu.review_action.trigger()
    w = menu.review_window
    assert w.show_id == room.second and w.after.value() == 7
    menu.review_action.trigger()  # one review window: raised, not a second one
    assert menu.review_window is w
    w.after.setValue(12)
    assert settings.attribution_after_min == 12
    menu.compare_action.trigger()
    assert menu.compare_window.isVisible()
    with qtbot.waitSignal(w.loaded, timeout=5000):
        pass
    w.close()
    menu.compare_window.close()
