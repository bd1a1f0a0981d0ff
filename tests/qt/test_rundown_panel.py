"""The rundown panel by keyboard, with an injected clock, against a real SQLite file through the
real writer thread: what the producer presses is what the store and the timeline hold."""

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QListWidget, QMainWindow, QMessageBox

from console.core.rundown import NS
from console.services.queue_service import QueueService
from console.services.rundown_service import RundownService
from console.store.writer import DbWriter
from console.ui.rundown_panel import RundownPanel
from tests.helpers.show_db import make_show

SAMPLE = Path(__file__).resolve().parents[2] / "resources/rundown/sample_rundown.csv"


class Clock:
    """Monotonic nanoseconds that move only when the test says so."""

    def __init__(self):
        self.ns = 5_000 * NS

    def __call__(self):
        return self.ns

    def advance(self, seconds):
        self.ns += int(seconds * NS)


def products(n=36):
    return [{"sku": f"SKU{k}", "name": f"商品{k}", "link_no": str(k)} for k in range(1, n + 1)]


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, products(), title="周五美妆场")
    writer = DbWriter(path)
    clock = Clock()
    queue = QueueService(writer, clock=clock)
    service = RundownService(writer, queue, clock=clock)
    panel = RundownPanel(service)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(service.changed, timeout=3000):
        queue.open_show(show_id)  # the rundown follows the queue's show
    panel.table.setFocus()
    yield panel, service, clock, path, show_id
    writer.close()


def key(qtbot, panel, k, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the producer presses it: to the focused list, in the active window."""
    if not panel.isActiveWindow():  # a dialog was open
        panel.activateWindow()
        qtbot.waitUntil(panel.isActiveWindow, timeout=1000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, k, modifier)


RUN = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def start(qtbot, panel):
    key(qtbot, panel, Qt.Key.Key_Return, RUN)


def next_(qtbot, panel):
    key(qtbot, panel, Qt.Key.Key_Right, RUN)


def previous(qtbot, panel):
    key(qtbot, panel, Qt.Key.Key_Left, RUN)


def stop(qtbot, panel):
    """The Stop button, then Stop in the question it asks."""
    panel.stop_button.click()
    box = panel.stop_box
    assert box.isVisible() and box.windowModality() != Qt.WindowModality.NonModal
    stop_button = next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
    )
    stop_button.click()


def wait_saved(qtbot, service, n):
    saved = []
    service.saved.connect(saved.append)
    return lambda: qtbot.waitUntil(lambda: len(saved) >= n, timeout=3000)


def query(path, sql, args=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def import_file(qtbot, service, path):
    """Import and wait until the segments are stored."""
    saved = []
    service.saved.connect(saved.append)
    with qtbot.waitSignal(service.imported, timeout=3000) as outcome:
        service.import_csv(path)
    if outcome.args[0]:
        qtbot.waitUntil(lambda: "imported" in saved, timeout=3000)
    return outcome.args


def type_text(widget, text):
    """Typed key by key; QTest's keyClicks takes ASCII only (Chinese comes from the IME)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def focused(qtbot, dialog):
    """The dialog as the window the keys go to (the offscreen platform does not move the
    focus to a new window by itself)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    assert QApplication.focusWidget() == dialog.title
    return dialog


def add_by_keyboard(qtbot, panel, title, duration):
    key(qtbot, panel, Qt.Key.Key_Insert)
    dialog = focused(qtbot, panel.dialog)
    type_text(dialog.title, title)
    type_text(dialog.duration, duration)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_a_show_run_by_keyboard_is_stored_as_planned_vs_actual(qtbot, env):
    panel, service, clock, path, show_id = env
    assert import_file(qtbot, service, SAMPLE) == [8, []]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 8, timeout=1000)
    model = panel.model
    assert model.data(model.index(3, 3)) == "3, 4, 5, 6, 7, 8"  # 美妆专场's links
    done = wait_saved(qtbot, service, 6)
    key(qtbot, panel, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    start(qtbot, panel)  # 开场福利 starts
    clock.advance(330)  # planned 5 min: 30 s over
    next_(qtbot, panel)
    clock.advance(60)
    next_(qtbot, panel)  # too early ...
    clock.advance(5)
    previous(qtbot, panel)  # ... back to 爆品1, which runs on
    assert service.rundown.running.title == "爆品1 补水面膜"
    clock.advance(475)
    next_(qtbot, panel)
    clock.advance(600)
    stop(qtbot, panel)  # stop after 爆品2, exactly on time
    done()
    # 30 s over, then 60 s under, then on time: 30 s ahead of the plan
    qtbot.waitUntil(
        lambda: panel.show_label.text() == "Show 24:30 · 00:30 ahead of the plan", timeout=1000
    )
    assert [model.data(model.index(row, 7)) for row in range(4)] == [
        "+00:30",
        "-01:00",
        "00:00",
        "",
    ]
    assert panel.segment.text() == "Not running" and panel.next_label.text() == "Next: 美妆专场"
    rows = query(
        path,
        "SELECT title, planned_s, (actual_end_mono_ns - actual_start_mono_ns) / 1000000000, "
        "actual_start_wall IS NOT NULL FROM segments WHERE show_id = ? ORDER BY position LIMIT 4",
        [show_id],
    )
    assert rows == [
        ("开场福利", 300, 330, 1),
        ("爆品1 补水面膜", 600, 540, 1),
        ("爆品2 美白精华", 600, 600, 1),
        ("美妆专场", 1200, None, 0),
    ]
    events = query(
        path,
        "SELECT kind, data FROM events WHERE kind LIKE 'segment_%' AND show_id = ? ORDER BY id",
        [show_id],
    )
    kinds = [(k, json.loads(d)["title"]) for k, d in events]
    assert kinds == [
        ("segment_started", "开场福利"),
        ("segment_ended", "开场福利"),
        ("segment_started", "爆品1 补水面膜"),
        ("segment_ended", "爆品1 补水面膜"),
        ("segment_started", "爆品2 美白精华"),
        ("segment_reopened", "爆品1 补水面膜"),
        ("segment_reset", "爆品2 美白精华"),
        ("segment_ended", "爆品1 补水面膜"),
        ("segment_started", "爆品2 美白精华"),
        ("segment_ended", "爆品2 美白精华"),
    ]
    assert json.loads(events[1][1])["actual_s"] == 330


def test_the_clock_turns_amber_red_then_over(qtbot, env):
    panel, service, clock, path, show_id = env
    add_by_keyboard(qtbot, panel, "开场福利", "5分钟")
    add_by_keyboard(qtbot, panel, "爆品", "10:00")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=1000)
    key(qtbot, panel, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    start(qtbot, panel)

    def shows(text, level):
        qtbot.waitUntil(
            lambda: (panel.clock.text(), panel.clock.property("level")) == (text, level),
            timeout=1000,
        )

    shows("05:00", "normal")
    assert panel.segment.text() == "开场福利" and panel.next_label.text() == "Next: 爆品"
    clock.advance(240)
    shows("01:00", "warning")
    clock.advance(30)
    shows("00:30", "danger")
    clock.advance(45)
    shows("-00:15", "over")
    assert service.status().show_over_under_s == 15
    next_(qtbot, panel)
    shows("10:00", "normal")


def test_plan_editing_by_keys_reaches_the_store(qtbot, env):
    panel, service, clock, path, show_id = env
    done = wait_saved(qtbot, service, 2)
    add_by_keyboard(qtbot, panel, "开场", "5")
    add_by_keyboard(qtbot, panel, "返场", "90秒")
    done()
    done = wait_saved(qtbot, service, 4)
    key(qtbot, panel, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, panel, Qt.Key.Key_F2)  # edit 开场: title, script, two products
    dialog = focused(qtbot, panel.dialog)
    dialog.title.selectAll()
    type_text(dialog.title, "开场福利")
    type_text(dialog.notes, "家人们晚上好")
    for row in (2, 0):  # link 3, then link 1
        dialog.products.item(row).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    key(qtbot, panel, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # a copy, chosen
    assert [s.title for s in service.rundown.segments] == ["开场福利", "开场福利", "返场"]
    key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # 返场 up one
    key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_Delete)  # the copy goes again
    done()
    rows = query(
        path,
        "SELECT s.title, s.planned_s, s.notes, GROUP_CONCAT(p.link_no) FROM segments s "
        "LEFT JOIN segment_items l ON l.segment_id = s.id "
        "LEFT JOIN show_items i ON i.id = l.show_item_id LEFT JOIN products p ON p.id = "
        "i.product_id WHERE s.show_id = ? GROUP BY s.id ORDER BY s.position",
        [show_id],
    )
    assert rows == [("开场福利", 300, "家人们晚上好", "1,3"), ("返场", 90, "", None)]
    assert panel.model.data(panel.model.index(0, 3)) == "1, 3"
    kinds = [k for (k,) in query(path, "SELECT kind FROM events ORDER BY id")]
    assert kinds[-4:] == [
        "rundown_segment_edited",
        "rundown_segment_duplicated",
        "rundown_segment_moved",
        "rundown_segment_removed",
    ]


def test_a_drag_reorders_the_rundown(qtbot, env):
    panel, service, clock, path, show_id = env
    import_file(qtbot, service, SAMPLE)
    done = wait_saved(qtbot, service, 1)  # the drag (import_file waited for the import)
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 8, timeout=1000)
    data = model.mimeData([model.index(7, 0)])  # 返场 dragged to the top
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    done()
    titles = [t for (t,) in query(path, "SELECT title FROM segments ORDER BY position")]
    assert titles[:2] == ["返场与下播预告", "开场福利"]


def test_a_rehearsal_runs_its_timers_and_can_run_again(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, products(3), title="彩排")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE shows SET rehearsal = 1")
    conn.close()
    writer = DbWriter(path)
    try:
        clock = Clock()
        queue = QueueService(writer, clock=clock)
        service = RundownService(writer, queue, clock=clock)
        panel = RundownPanel(service)
        qtbot.addWidget(panel)
        panel.show()
        with qtbot.waitSignal(service.changed, timeout=3000):
            queue.open_show(show_id)
        assert panel.rehearsal.isVisible() and panel.reset_button.isVisible()
        panel.table.setFocus()
        done = wait_saved(qtbot, service, 4)
        add_by_keyboard(qtbot, panel, "开场", "1:00")
        start(qtbot, panel)
        clock.advance(50)
        qtbot.waitUntil(lambda: panel.clock.text() == "00:10", timeout=1000)
        assert panel.clock.property("level") == "danger"
        next_(qtbot, panel)  # the last: the rehearsal is over
        panel.reset_button.click()
        done()
        assert query(path, "SELECT actual_start_mono_ns, actual_end_mono_ns FROM segments") == [
            (None, None)
        ]
        kinds = [k for (k,) in query(path, "SELECT kind FROM events ORDER BY id")]
        assert kinds[-4:] == ["segment_started", "segment_ended", "segment_reset", "rundown_reset"]
    finally:
        writer.close()


def test_a_real_show_keeps_its_times(qtbot, env):
    panel, service, clock, path, show_id = env
    assert not panel.rehearsal.isVisible()
    failures = []
    service.failed.connect(lambda *a: failures.append(a))
    service.reset()
    next_(qtbot, panel)  # an empty rundown has nothing to start
    assert failures == [("reset", "not_rehearsal"), ("next", "no_segments")]
    assert panel.message.text().startswith("The rundown has no segments yet")


def test_a_file_with_mistakes_is_listed_by_line_and_nothing_is_added(qtbot, env, tmp_path):
    panel, service, clock, path, show_id = env
    bad = tmp_path / "bad.csv"
    bad.write_bytes("环节,时长,链接号\n开场,5,1\n爆品,五分钟,\n返场,10,99\n".encode("gbk"))
    count, errors = import_file(qtbot, service, bad)
    assert (count, [(e.line, e.code) for e in errors]) == (
        0,
        [(3, "bad_duration"), (4, "unknown_link")],
    )
    assert panel.error_box.isVisible()
    assert panel.error_box.informativeText().splitlines() == [
        "line 3: “五分钟” is not a duration (write 5, 5分钟, 5:00 or 90秒)",
        "line 4: link number 99 is not in this show's queue",
    ]
    assert service.rundown.segments == () and query(path, "SELECT * FROM segments") == []
    with qtbot.waitSignal(service.failed, timeout=3000) as failed:
        service.import_csv(tmp_path / "missing.csv")
    assert failed.args == ["import_csv", "not_found"]
    assert panel.message.text() == "The file does not exist."


def test_the_rundown_follows_the_queues_show(qtbot, env):
    panel, service, clock, path, show_id = env
    import_file(qtbot, service, SAMPLE)
    conn = sqlite3.connect(path)
    with conn:
        other = conn.execute("INSERT INTO shows (title, platform) VALUES ('周六场', 'douyin')")
    conn.close()
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.queue_service.open_show(other.lastrowid)
    assert service.show_id == other.lastrowid and panel.model.rowCount() == 0
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.queue_service.open_show(show_id)
    assert panel.model.rowCount() == 8


def plan(qtbot, panel, *titles):
    """Segments of 5 min each, stored; the first one chosen."""
    done = wait_saved(qtbot, panel.service, len(titles))
    for title in titles:
        panel.service.add_segment(title, 300)
    done()
    choose(panel, 0)


def choose(panel, row):
    panel.table.selectRow(row)


def test_the_running_keys_work_from_anywhere_in_the_window(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品", "返场")
    window = QMainWindow()
    qtbot.addWidget(window)
    queue_list = QListWidget()  # another dock's list (the queue's) has the focus
    window.setCentralWidget(queue_list)
    dock = QDockWidget("Rundown", window)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    checklist = QDockWidget("Checklist", window)
    checklist.setWidget(QListWidget())
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, checklist)
    window.tabifyDockWidget(dock, checklist)  # the rundown's tab behind the checklist's
    try:
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=1000)
        queue_list.setFocus()
        for k, running in ((Qt.Key.Key_Return, "开场"), (Qt.Key.Key_Right, "爆品")):
            qtbot.keyClick(queue_list, k, RUN)
            assert service.rundown.running.title == running
        qtbot.keyClick(queue_list, Qt.Key.Key_Left, RUN)
        assert service.rundown.running.title == "开场"
        panel.table.setFocus()
        for k in (Qt.Key.Key_N, Qt.Key.Key_Escape, Qt.Key.Key_Return):  # the queue's keys
            qtbot.keyClick(panel.table, k)
        assert service.rundown.running.title == "开场"
    finally:
        panel.setParent(None)  # the fixture's panel outlives this window


def test_buttons_leave_the_focus_on_the_list(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品", "返场")
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in panel.buttons)
    assert panel.reset_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    start_button = next(b for b in panel.buttons if b.text() == "Start")
    next_button = next(b for b in panel.buttons if b.text() == "Next")
    assert start_button.toolTip() == "Ctrl+Shift+Return"
    panel.table.setFocus()
    qtbot.mouseClick(start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is panel.table
    key(qtbot, panel, Qt.Key.Key_Space)  # does not press Next again
    assert service.rundown.running.title == "爆品"


def test_the_panel_lists_its_keys_for_the_help_overlay(env):
    panel = env[0]
    keys = panel.shortcuts()
    assert [k for k, _ in keys] == [
        "Ctrl+Shift+Return",
        "Ctrl+Shift+Right",
        "Ctrl+Shift+Left",
        "Ins",
        "F2",
        "Ctrl+D",
        "Del",
        "Ctrl+Up",
        "Ctrl+Down",
    ]
    assert keys[1][1] == "Rundown: next segment"
    assert all(text for _, text in keys)


def test_stop_asks_first(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品")
    start(qtbot, panel)
    panel.stop_button.click()
    box = panel.stop_box
    assert box.isVisible() and "开场" in box.text()  # opened with open(): not blocking
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert service.rundown.running.title == "开场"
    stop(qtbot, panel)
    assert service.rundown.running is None


def test_start_after_stop_goes_on_with_the_next_segment(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品")
    panel.start_selected()
    service.stop()
    assert panel.selected().title == "开场"  # the stopped one stays chosen ...
    panel.start_selected()  # ... and Start goes on with the next one
    assert service.rundown.running.title == "爆品" and panel.message.text() == ""
    choose(panel, 0)  # with one running, a played one is refused, not a hidden Next
    panel.start_selected()
    assert service.rundown.running.title == "爆品"
    assert panel.message.text() == "That segment has been played already."


def test_a_jump_shows_the_skipped_segment_and_the_show_finishes(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品", "返场")
    panel.start_selected()
    clock.advance(300)
    choose(panel, 2)
    panel.start_selected()  # 返场 now: 爆品 skipped
    assert panel.model.data(panel.model.index(1, 6)) == "Skipped"
    assert panel.next_label.text() == ""
    clock.advance(300)
    service.next()  # the last one played: the show is over
    assert service.rundown.running is None
    clock.advance(3600)
    panel._show_time()
    assert panel.next_label.text() == "" and panel.segment.text() == "Not running"
    assert panel.show_label.text() == "Show 10:00 · 05:00 ahead of the plan"
    service.next()  # a stray press starts nothing
    assert not service.rundown.segments[1].played
    assert panel.message.text() == "Every segment has been played."


def test_the_segment_dialog_leaves_the_console_working(qtbot, env):
    panel, service, clock, path, show_id = env
    plan(qtbot, panel, "开场", "爆品")
    start(qtbot, panel)
    key(qtbot, panel, Qt.Key.Key_F2)
    dialog = panel.dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert QApplication.activeModalWidget() is None
    panel.table.setFocus()
    next(b for b in panel.buttons if b.text() == "Next").click()  # the show goes on
    assert service.rundown.running.title == "爆品"
    key(qtbot, panel, Qt.Key.Key_Insert)  # one at a time: the open one comes to the front
    assert panel.dialog is dialog and dialog.isVisible()
    focused(qtbot, dialog)
    type_text(dialog.notes, "家人们")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert service.rundown.segments[0].notes == "家人们" and not dialog.isVisible()
