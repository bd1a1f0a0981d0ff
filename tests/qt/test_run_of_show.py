"""The run of show as app.py wires it into the console: its docks are in the View menu, the
host view can be docked on a one-monitor desk, and a rehearsal show cannot go live."""

import sqlite3

import pytest
from PySide6.QtWidgets import QDockWidget

from console.services.queue_service import QueueService
from console.store.writer import DbWriter
from console.ui.run_of_show import RunOfShow
from tests.helpers.show_db import make_show


@pytest.fixture
def room(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    products = [{"sku": "A", "name": "补水面膜", "live_price_fen": 5990, "stock": 9}]
    show_id = make_show(path, products)
    writer = DbWriter(path)
    queue = QueueService(writer)
    window = console.window
    run = RunOfShow(window, writer, console.service, queue, window.settings, "en")
    window.finish_docks()
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    yield run, queue, window, path
    writer.close()


def test_every_run_of_show_dock_can_be_found_in_the_view_menu(room):
    run, queue, window, _ = room
    names = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert {"rundownDock", "checklistDock", "cuesDock", "hostViewDock"} <= names
    menu = [a.text() for a in window.view_menu.actions()]
    assert {"Rundown", "Checklist", "Cues to the host", "Host view"} <= set(menu)


def test_one_monitor_the_host_view_goes_into_a_dock_and_shows_the_cue(qtbot, room):
    run, queue, window, _ = room
    run.host.show_docked()
    assert run.host_dock.isVisible() and run.host_dock.widget() is run.host_view
    run.cues.send_text("看评论")
    assert run.cues.current.text == "看评论"


def test_a_rehearsal_show_cannot_go_live(qtbot, console, tmp_path):
    path = tmp_path / "rehearsal.db"
    show_id = make_show(path, [])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE shows SET rehearsal = 1 WHERE id = ?", [show_id])
    conn.close()
    writer = DbWriter(path)
    try:
        queue = QueueService(writer)
        window = console.window
        RunOfShow(window, writer, console.service, queue, window.settings, "en")
        with qtbot.waitSignal(queue.changed, timeout=3000):
            queue.open_show(show_id)
        go_live = window.outputs.live  # off with the queue's arrival, not after the checklist
        assert not go_live.isEnabled() and "Rehearsal" in go_live.text()
        go_live.click()
        assert not console.fake.state()["streaming"]
    finally:
        writer.close()


def test_failing_self_checks_show_on_the_checklist_tab_and_f1_lists_the_run_keys(room):
    run, queue, window, _ = room
    run.checklist.attention_changed.emit(2)
    assert run.checklist_dock.windowTitle() == "Checklist (2 failing)"
    run.checklist.attention_changed.emit(0)
    assert run.checklist_dock.windowTitle() == "Checklist"
    rows = dict((text, key) for key, text in window.shortcuts_help.rows())
    assert rows["Rundown: next segment"] == "Ctrl+Shift+Right"
    assert "Checklist: check or uncheck the selected item" in rows
    assert rows["Full screen on and off"] == "F11"  # the host window takes no keys itself


def test_the_whole_console_fits_a_1600_pixel_wide_screen(qtbot, console, tmp_path):
    """Every dock as app.py builds them, in English (the longer words): the window's minimum
    width must leave it usable on a 1600- or 1920-pixel desk monitor."""
    from console.services.offers_service import OffersService
    from console.ui.main_window import MainWindow

    writer = DbWriter(tmp_path / "shows.db")
    try:
        queue = QueueService(writer)
        offers = OffersService(writer, queue)
        window = MainWindow(console.service, console.window.settings, queue, offers)
        qtbot.addWidget(window)
        RunOfShow(window, writer, console.service, queue, window.settings, "en")
        window.finish_docks()
        assert window.minimumSizeHint().width() <= 1600
    finally:
        writer.close()
