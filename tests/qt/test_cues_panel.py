"""The assistant's cue panel and CueService against a real SQLite file through the writer
thread: each cue, and how it ended, is in the show's log. Time is a clock the test moves."""

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from console.core.cues import ACKNOWLEDGED, CANNED, DEFAULT_CANNED, FREE, TIMED_OUT
from console.settings import Settings
from console.store.cues_repo import list_cues
from console.store.db import open_db
from console.ui.cues_panel import CuesPanel
from tests.helpers.host_view_rig import Clock, flush, open_services


@pytest.fixture
def env(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    clock = Clock()
    writer, queue, cues, show_id = open_services(tmp_path / "shows.db", clock)
    settings = Settings()
    panel = CuesPanel(cues, settings)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    yield panel, cues, clock, writer, tmp_path / "shows.db", show_id
    writer.close()


def logged(writer, path, show_id):
    flush(writer)
    db = open_db(path)
    try:
        return list_cues(db, show_id)
    finally:
        db.close()


def event_kinds(path):
    with sqlite3.connect(path) as conn:
        kinds = [
            r[0]
            for r in conn.execute("SELECT kind FROM events WHERE kind LIKE 'cue_%' ORDER BY id")
        ]
    conn.close()
    return kinds


def test_one_click_cue_then_the_host_acknowledges(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    assert [b.text() for b in panel.buttons] == [
        "Talk up the perks",
        "Push for orders",
        "Read the comments",
        "Slow down",
        "Next product",
        "Drink some water",
    ]
    qtbot.mouseClick(panel.buttons[0], Qt.MouseButton.LeftButton)
    assert cues.showing.text == "welfare" and cues.showing.kind == CANNED
    assert panel.state.text() == "Flashing on the host view: Talk up the perks (30 s)"
    assert panel.state.property("state") == "showing"
    clock.advance(12.2)
    panel._show_state()  # the panel's own 500 ms tick
    assert panel.state.text().endswith("(18 s)")
    cues.acknowledge()
    assert panel.state.text() == "The host saw it: Talk up the perks"
    assert panel.state.property("state") == ACKNOWLEDGED
    [cue] = logged(writer, path, show_id)
    assert (cue.kind, cue.text, cue.outcome) == (CANNED, "welfare", ACKNOWLEDGED)
    assert event_kinds(path) == ["cue_sent", "cue_acknowledged"]
    cues.acknowledge()  # a stray second click: nothing more happens
    assert event_kinds(path) == ["cue_sent", "cue_acknowledged"]


def test_alt_number_sends_the_canned_cue(qtbot, env):
    panel, cues, *_ = env
    panel.activateWindow()
    qtbot.waitActive(panel)
    qtbot.keyClick(panel, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert cues.showing.text == DEFAULT_CANNED[2] == "read_comments"


def test_free_text_enter_sends_and_clears(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    panel.text.setText("看左边第三条评论")  # QTest types ASCII only
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert cues.showing.kind == FREE and cues.showing.text == "看左边第三条评论"
    assert panel.text.text() == ""
    qtbot.keyClick(panel.text, Qt.Key.Key_Return)  # nothing typed
    assert panel.state.text() == "Type the cue first."
    assert panel.state.property("state") == "failed"
    assert logged(writer, path, show_id)[0].text == "看左边第三条评论"


def test_an_unacknowledged_cue_times_out(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    panel.send_canned(5)
    assert cues._timer.isActive() and cues._timer.interval() == 30_000
    clock.advance(29.9)
    cues.expire_due()  # the timer fired early: nothing yet
    assert cues.showing is not None
    clock.advance(0.1)
    cues.expire_due()
    assert cues.showing is None and cues.current.outcome == TIMED_OUT
    assert panel.state.text() == "Not acknowledged, timed out: Drink some water"
    assert [c.outcome for c in logged(writer, path, show_id)] == [TIMED_OUT]
    assert event_kinds(path) == ["cue_sent", "cue_timed_out"]


def test_a_newer_cue_replaces_the_one_showing(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    panel.send_canned(0)
    clock.advance(3)
    cues.send_text("放慢一点")
    assert cues.showing.text == "放慢一点"
    stored = logged(writer, path, show_id)
    assert [(c.text, c.outcome) for c in stored] == [("welfare", TIMED_OUT), ("放慢一点", None)]
    with sqlite3.connect(path) as conn:
        reason = conn.execute(
            "SELECT json_extract(data, '$.reason') FROM events WHERE kind = 'cue_timed_out'"
        ).fetchone()[0]
    conn.close()
    assert reason == "replaced"


def test_edited_cues_are_saved_and_built_ins_stay_codes(qtbot, env):
    panel, cues, *_ = env
    panel.edit_cues()
    dialog = panel.dialog
    dialog.edit.setPlainText("Talk up the perks\n看一下库存\n\n  Slow down  ")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.accept()
    assert panel.settings.canned_cues == ["welfare", "看一下库存", "slow_down"]
    panel.saving.result(timeout=5)
    assert Settings.load().canned_cues == ["welfare", "看一下库存", "slow_down"]
    assert [b.text() for b in panel.buttons] == ["Talk up the perks", "看一下库存", "Slow down"]
    qtbot.mouseClick(panel.buttons[1], Qt.MouseButton.LeftButton)
    assert cues.showing.text == "看一下库存"


def test_edit_dialog_refuses_too_many_and_restores_defaults(qtbot, env):
    panel, *_ = env
    panel.settings.canned_cues = ["自定义"]
    panel.edit_cues()
    dialog = panel.dialog
    dialog.edit.setPlainText("\n".join(f"提示{n}" for n in range(10)))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.error.text() == "At most 9 cues."
    dialog.edit.setPlainText("")
    assert dialog.error.text() == "Keep at least one cue."
    dialog.defaults.click()
    assert dialog.entries() == []  # the built-in list is saved as "the built-ins"
    dialog.accept()
    assert panel.settings.canned_cues == []
    assert len(panel.buttons) == len(DEFAULT_CANNED)


def test_no_cue_without_a_show(qtbot, tmp_path):
    from console.services.cue_service import CueService
    from console.services.queue_service import QueueService
    from console.store.writer import DbWriter

    writer = DbWriter(tmp_path / "empty.db")
    queue = QueueService(writer)
    cues = CueService(writer, queue)
    panel = CuesPanel(cues, Settings())
    qtbot.addWidget(panel)
    panel.send_canned(0)
    assert cues.current is None
    assert panel.state.text() == "Open a show first: cues are logged with the show."
    writer.close()


def test_opening_another_show_ends_the_cue_of_the_last(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    panel.send_canned(1)
    with qtbot.waitSignal(cues.queue.changed, timeout=3000):
        cues.queue.open_show(
            lambda db: db["shows"].insert({"title": "B", "platform": "douyin"}).last_pk
        )
    assert cues.current is None
    assert [c.outcome for c in logged(writer, path, show_id)] == [TIMED_OUT]


@pytest.mark.allow_warning_logs
def test_a_cue_that_cannot_be_saved_still_shows(qtbot, env):
    panel, cues, clock, writer, path, show_id = env
    writer.close()
    with qtbot.waitSignal(cues.failed, timeout=3000) as failed:
        panel.send_canned(0)
    assert failed.args == ["send", "db_error"]
    assert cues.showing.text == "welfare"
    assert panel.state.text() == "The host saw the cue, but the show log could not save it."


def test_edited_cues_are_in_use_at_once_and_written_off_the_gui_thread(qtbot, env, monkeypatch):
    panel, cues, *_ = env
    written = threading.Event()
    writers = []

    def slow_save(settings, path=None):
        writers.append((threading.current_thread(), list(settings.canned_cues)))
        written.wait(5)  # a disk that stalls on fsync

    monkeypatch.setattr(Settings, "save", slow_save)
    panel.edit_cues()
    panel.dialog.edit.setPlainText("看一下库存")
    panel.dialog.accept()  # returns while the disk is still busy
    assert panel.settings.canned_cues == ["看一下库存"]
    assert [b.text() for b in panel.buttons] == ["看一下库存"]
    threading.Thread(target=written.set).start()
    panel._on_app_about_to_quit()  # the app's own save at exit comes after this one
    assert panel.saving.done()
    [(thread, saved)] = writers
    assert thread is not threading.main_thread() and saved == ["看一下库存"]


def test_cues_that_cannot_be_written_stay_in_use_and_it_says_so(qtbot, env, monkeypatch):
    panel, cues, *_ = env

    def failing_save(settings, path=None):
        raise PermissionError("settings.json: read-only")

    monkeypatch.setattr(Settings, "save", failing_save)
    panel.edit_cues()
    panel.dialog.edit.setPlainText("看一下库存")
    panel.dialog.accept()
    qtbot.waitUntil(lambda: panel.state.property("state") == "failed", timeout=3000)
    assert panel.state.text() == "The cues could not be saved: settings.json: read-only"
    assert panel.settings.canned_cues == ["看一下库存"]  # the app saves again at exit


def test_the_panel_says_plainly_when_the_host_view_is_nowhere(qtbot, env):
    panel, cues, clock, *_ = env
    panel.set_host_visible(False)
    assert panel.state.text() == (
        "The host view is not shown anywhere: the host will not see cues."
    )
    assert panel.state.property("state") == "failed"
    panel.send_canned(0)
    assert panel.state.text() == (
        "The host view is not shown anywhere: the host cannot see Talk up the perks (30 s)"
    )
    assert panel.state.property("state") == "failed"
    panel.set_host_visible(True)
    assert panel.state.text() == "Flashing on the host view: Talk up the perks (30 s)"
    assert panel.state.property("state") == "showing"


def test_the_host_window_tells_the_panel_where_the_view_is(qtbot, env):
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from console.ui.host_view import HostView
    from console.ui.host_window import HostWindow

    panel, cues, *_ = env
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Host view", window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.show()
    host = HostWindow(HostView(cues.queue, cues), Settings(), dock)
    host.visibility_changed.connect(panel.set_host_visible)  # as RunOfShow wires it
    panel.set_host_visible(host.is_visible())
    try:
        assert panel.state.text().startswith("The host view is not shown anywhere")
        host.restore()  # at start, one monitor: the dock
        assert panel.state.text() == "No cue sent yet."
        dock.close()
        assert panel.state.text().startswith("The host view is not shown anywhere")
    finally:
        host.dispose()
