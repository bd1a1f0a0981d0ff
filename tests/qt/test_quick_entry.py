"""Quick entry with the keyboard only: type the platform's numbers, Tab, Enter → samples of that
moment in the show database (source manual), a confirmation line; nonsense is worded, focused
and nothing is written; Esc clears."""

import sqlite3

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from console.services.queue_service import QueueService
from console.store.db import open_db
from console.store.shows import create_show
from console.store.writer import DbWriter
from console.ui.quick_entry import QuickEntry

NOW_MS = 1_750_000_000_000  # 2025-06-15T15:06:40Z


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    db = open_db(path)
    show_id = create_show(db, "晚场", "douyin").id
    db.close()
    writer = DbWriter(path)
    queue = QueueService(writer)
    entry = QuickEntry(writer, queue, clock=lambda: NOW_MS)
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(entry.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    entry.setFocus()
    yield entry, path, show_id
    writer.close()


def type_(qtbot, text):
    """Key by key into the focused field; QTest's keyClicks takes ASCII only (万 and
    full-width digits come from the IME), so each character is its own key event."""
    widget = QApplication.focusWidget()
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def key(qtbot, k):
    qtbot.keyClick(QApplication.focusWidget(), k)


def samples(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT show_id, ts_ms, metric, value, source FROM samples ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_type_tab_enter_records_samples_of_that_moment(qtbot, env):
    entry, path, show_id = env
    assert QApplication.focusWidget() is entry.fields["online"]
    type_(qtbot, "1.2万")
    key(qtbot, Qt.Key.Key_Tab)
    type_(qtbot, "¥123,456.78")
    key(qtbot, Qt.Key.Key_Tab)
    type_(qtbot, "356")
    with qtbot.waitSignal(entry.recorded, timeout=3000) as recorded:
        key(qtbot, Qt.Key.Key_Return)
    assert recorded.args == [3]
    assert samples(path) == [
        (show_id, NOW_MS, "online", 12000.0, "manual"),
        (show_id, NOW_MS, "gmv_fen", 12345678.0, "manual"),
        (show_id, NOW_MS, "orders", 356.0, "manual"),
    ]
    status = entry.status.text()
    assert status.startswith("Recorded ") and "¥123,456.78" in status and "12,000" in status
    assert entry.status.property("state") == ""  # not red
    # Ready for the next reading: the fields empty, the last value in view, focus at the start.
    assert all(not e.text() for e in entry.fields.values())
    assert "¥123,456.78" in entry.fields["gmv_fen"].placeholderText()
    assert QApplication.focusWidget() is entry.fields["online"]


def test_only_the_filled_fields_are_recorded_full_width_too(qtbot, env):
    entry, path, show_id = env
    key(qtbot, Qt.Key.Key_Tab)
    type_(qtbot, "１２．３万")  # GMV as an IME may type it
    with qtbot.waitSignal(entry.recorded, timeout=3000):
        key(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert samples(path) == [(show_id, NOW_MS, "gmv_fen", 12_300_000.0, "manual")]


@pytest.mark.parametrize(
    ("field", "text", "words"),
    [
        ("gmv_fen", "12,34", "is not a number"),
        ("online", "abc", "is not a number"),
        ("online", "1.5", "is not a whole number"),
        ("gmv_fen", "1.005", "more than two decimals"),
        ("orders", "-3", "is negative"),
        ("online", "2亿", "far beyond"),
    ],
)
def test_nonsense_is_worded_and_nothing_is_written(qtbot, env, field, text, words):
    entry, path, _ = env
    type_(qtbot, "5000")  # a good online figure: refused with the rest (all or nothing)
    order = ["online", "gmv_fen", "orders"]
    if field != "online":
        for _ in range(order.index(field)):
            key(qtbot, Qt.Key.Key_Tab)
    else:
        entry.fields["online"].clear()
    type_(qtbot, text)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.wait(200)  # a write, had there been one, is committed by now
    assert samples(path) == []
    assert words in entry.status.text()
    assert text in entry.status.text()
    assert entry.status.property("state") == "failed"
    bad = entry.fields[field]
    assert QApplication.focusWidget() is bad and bad.selectedText() == text  # retype at once


def test_enter_on_empty_fields_says_so_and_esc_clears(qtbot, env):
    entry, path, _ = env
    key(qtbot, Qt.Key.Key_Return)
    assert "Type the numbers" in entry.status.text()
    type_(qtbot, "800")
    key(qtbot, Qt.Key.Key_Tab)
    type_(qtbot, "9000")
    key(qtbot, Qt.Key.Key_Escape)
    assert all(not e.text() for e in entry.fields.values())
    assert entry.status.text() == ""
    assert QApplication.focusWidget() is entry.fields["online"]
    qtbot.wait(100)
    assert samples(path) == []


def test_no_show_open_is_worded(qtbot, tmp_path):
    writer = DbWriter(tmp_path / "empty.db")
    try:
        entry = QuickEntry(writer, QueueService(writer))
        qtbot.addWidget(entry)
        entry.fields["online"].setText("100")
        entry.commit()
        assert "No show is open" in entry.status.text()
    finally:
        writer.close()
