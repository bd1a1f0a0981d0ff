"""Issue 4's whole day in the wired console (fake OBS, real SQLite): plan a rehearsal from the
sample rundown, tick the checklist, run every segment to the end with cues to the host view
acknowledged by a click, then duplicate it into the real show, which keeps the plan and may go
live. The timeline holds all of it."""

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt

from console.resources import resource_path
from console.services.queue_service import QueueService
from console.store.db import open_db
from console.store.shows import duplicate_show
from console.store.writer import DbWriter
from console.ui.run_of_show import RunOfShow
from tests.helpers.show_db import make_show


@pytest.fixture
def day(qtbot, console, tmp_path):
    path = tmp_path / "shows.db"
    products = [
        {
            "sku": f"S{n}",
            "name": f"商品{n}",
            "link_no": str(n),
            "live_price_fen": 990 * n,
            "stock": 50,
        }
        for n in range(1, 37)
    ]
    show_id = make_show(path, products, title="双11 彩排")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE shows SET rehearsal = 1 WHERE id = ?", [show_id])
    conn.close()
    writer = DbWriter(path)
    queue = QueueService(writer)
    window = console.window
    run = RunOfShow(window, writer, console.service, queue, window.settings, "zh_CN")
    window.finish_docks()
    run.start()  # one (offscreen) monitor: the host view goes into its dock
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    qtbot.waitUntil(lambda: bool(run.checklist.checklist.items), timeout=3000)
    yield run, queue, window, writer, path, show_id
    writer.close()


def kinds(path, show_id):
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT kind, data FROM events WHERE show_id = ? ORDER BY id", [show_id]
        ).fetchall()
    conn.close()
    return [(k, json.loads(d or "{}")) for k, d in rows]


def test_plan_rehearse_and_run_a_show_to_the_last_segment(qtbot, day, console):
    run, queue, window, writer, path, show_id = day
    # Plan: the sample rundown, linked to this show's queue by link number.
    with qtbot.waitSignal(run.rundown.imported, timeout=5000) as imported:
        run.rundown.import_csv(resource_path("rundown", "sample_rundown.csv"))
    count, errors = imported.args
    assert count >= 6 and not errors
    # Rehearse: the Chinese checklist is there; tick what a person checks.
    checklist = run.checklist
    assert checklist.checklist.items[0].text  # the zh_CN template
    for item in checklist.open_required():
        if item.auto_check is None:
            checklist.check(item.id)
    qtbot.waitUntil(lambda: all(i.auto_check for i in checklist.open_required()), timeout=3000)
    assert not window.outputs.live.isEnabled()  # a rehearsal never goes live
    # Run every segment, cueing the host on the way; the host acknowledges by a click.
    rundown = run.rundown
    rundown.start()
    for n in range(count - 1):
        if n == 1:
            run.cues.send_canned("push_orders")
            qtbot.waitUntil(lambda: run.host_view.cue.full != "", timeout=2000)
            qtbot.mouseClick(run.host_view, Qt.MouseButton.LeftButton)
            assert not run.cues.showing
        rundown.next()
    assert rundown.status().segment_index == count - 1  # the last one is on air
    rundown.next()  # and ends: the show is through
    assert rundown.status().segment_title is None and rundown.status().next_title is None
    qtbot.waitUntil(
        lambda: sum(k == "segment_ended" for k, _ in kinds(path, show_id)) == count, timeout=5000
    )
    events = kinds(path, show_id)
    names = [k for k, _ in events]
    assert names.count("segment_started") == count
    assert "checklist_checked" in names and "cue_sent" in names and "cue_acknowledged" in names
    assert names.index("cue_sent") < names.index("cue_acknowledged")
    # The real show: a copy of the rehearsal keeps the plan and can go live.
    db = open_db(path)
    try:
        real = duplicate_show(db, show_id, "双11 正式场")
        db.conn.commit()
    finally:
        db.close()
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(real.id)
    qtbot.waitUntil(lambda: rundown.rundown.show_id == real.id, timeout=3000)
    assert len(rundown.rundown.segments) == count
    assert all(s.start_ns is None for s in rundown.rundown.segments)  # planned, not played
    assert window.outputs.live.isEnabled()
