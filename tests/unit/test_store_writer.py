"""The single writer thread, the running marker and the integrity check."""

import logging
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from console.store.db import (
    DatabaseDamagedError,
    NewerDatabaseError,
    open_db,
    open_reader,
    running_marker,
)
from console.store.timeline import event_row
from console.store.writer import DbWriter, WriterClosedError


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


DEAD_PID = _dead_pid()  # a process that has exited: its marker was left by a "crash"


@pytest.fixture
def path(tmp_path):
    return tmp_path / "shows.db"


@pytest.fixture
def writer(path):
    w = DbWriter(path)
    yield w
    w.close()


def add_show(db, title="早场 Morning"):
    return db["shows"].insert({"title": title, "platform": "douyin"}).last_pk


def count(path, sql="SELECT count(*) FROM shows"):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def kinds(path):
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT kind FROM events ORDER BY id")]
    finally:
        conn.close()


def test_a_future_resolves_after_the_commit(writer, path):
    seen_at_resolution = []
    called = threading.Event()

    def on_done(_future):  # runs the moment the future resolves, on the writer thread
        seen_at_resolution.append(count(path))
        called.set()

    future = writer.submit(add_show)
    future.add_done_callback(on_done)
    assert future.result(timeout=5) == 1
    assert called.wait(5)
    assert seen_at_resolution == [1]  # another connection already saw the row


def test_a_failing_action_rolls_back_and_the_writer_goes_on(writer, path):
    def half_then_fail(db):
        add_show(db)
        raise ValueError("bad_action")

    assert isinstance(writer.submit(half_then_fail).exception(timeout=5), ValueError)
    # foreign_keys is on: a queue item for a show that does not exist is refused
    orphan = writer.submit(
        lambda db: db["show_items"].insert(
            {"show_id": 99, "product_id": 99, "position": 0, "state": "pending"}
        )
    )
    assert isinstance(orphan.exception(timeout=5), sqlite3.IntegrityError)
    assert count(path) == 0
    assert writer.submit(add_show).result(timeout=5) == 1
    assert count(path) == 1


def test_events_keep_their_order_around_actions(writer, path):
    def act(db):
        db["events"].insert(event_row("queue_explain_started", show_id=1, item=3))

    writer.record("before")
    writer.submit(act).result(timeout=5)
    assert kinds(path) == ["before", "queue_explain_started"]  # flushed with the action
    writer.record("before_failure")
    writer.submit(lambda db: 1 / 0).exception(timeout=5)
    writer.record("after")
    writer.close()
    assert kinds(path) == ["before", "queue_explain_started", "before_failure", "after"]


def test_events_are_batched(path):
    writer = DbWriter(path, batch_s=0.3)
    try:
        writer.record("scene_changed", scene="开场", show_id=4)
        time.sleep(0.05)
        assert kinds(path) == []  # still waiting for its batch
        deadline = time.monotonic() + 3
        while not kinds(path) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert kinds(path) == ["scene_changed"]
        assert count(path, "SELECT show_id FROM events") == 4
    finally:
        writer.close()


def test_a_steady_stream_of_events_is_written_while_it_lasts(path):
    writer = DbWriter(path, batch_s=0.1)
    sent = 0
    try:
        # An event every 10 ms: the first batch must land while the stream goes on, not only
        # when it stops (generous deadline: a loaded 2-core machine schedules late).
        deadline = time.monotonic() + 5
        while not kinds(path):
            assert time.monotonic() < deadline, "nothing written while events kept coming"
            writer.record("stats_sample", value=sent)
            sent += 1
            time.sleep(0.01)
        for _ in range(10):  # and the stream goes on after it
            writer.record("stats_sample", value=sent)
            sent += 1
    finally:
        writer.close()
    assert len(kinds(path)) == sent


def test_close_writes_what_is_queued_and_is_idempotent(path):
    writer = DbWriter(path)
    assert running_marker(path).exists()
    writer.record("stream_started")
    futures = [writer.submit(add_show, f"场次 {i}") for i in range(20)]
    writer.close()
    writer.close()
    assert [f.result(timeout=0) for f in futures] == list(range(1, 21))
    assert count(path) == 20 and kinds(path) == ["stream_started"]
    assert not running_marker(path).exists()
    assert isinstance(writer.submit(add_show).exception(timeout=0), WriterClosedError)
    writer.record("too_late")  # dropped, not an error at shutdown
    assert kinds(path) == ["stream_started"]


def test_actions_from_many_threads_all_land(writer, path):
    futures = []

    def client():
        futures.extend(writer.submit(add_show) for _ in range(25))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(f.result(timeout=10) for f in futures) == list(range(1, 201))


def test_a_reader_reads_while_the_writer_writes(writer, path):
    writer.submit(add_show).result(timeout=5)
    inside, release = threading.Event(), threading.Event()

    def slow(db):
        add_show(db, "未提交 uncommitted")
        inside.set()
        release.wait(5)

    future = writer.submit(slow)
    reader = open_reader(path)
    try:
        assert inside.wait(5)
        started = time.perf_counter()
        assert [r["title"] for r in reader["shows"].rows] == ["早场 Morning"]
        assert time.perf_counter() - started < 1  # not blocked by the open write transaction
        assert reader.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):  # readers cannot write
            reader.execute("DELETE FROM shows")
    finally:
        release.set()
        future.result(timeout=5)
        reader.close()


def test_open_errors_are_raised_by_the_constructor(path):
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('livedesk', 'm999_from_the_future', 'x')"
        )
    conn.close()
    with pytest.raises(NewerDatabaseError):
        DbWriter(path)
    assert not running_marker(path).exists()


def test_after_an_unclean_shutdown_the_file_is_checked(path, caplog):
    db = open_db(path)
    db.conn.close()  # as if the process died: the marker stays...
    running_marker(path).rename(running_marker(path, pid=DEAD_PID))  # ...with a dead pid
    caplog.clear()
    open_db(path).close()
    checks = [r.getMessage() for r in caplog.records if "integrity_check" in r.getMessage()]
    assert len(checks) == 1 and checks[0].endswith(": ok")
    assert all(r.levelno == logging.INFO for r in caplog.records)
    caplog.clear()
    open_db(path).close()  # closed cleanly last time: no check
    assert not [r for r in caplog.records if "integrity_check" in r.getMessage()]


def damaged_copy(tmp_path):
    good = tmp_path / "good.db"
    db = open_db(good)
    with db.atomic():
        db["products"].insert_all(
            {"sku": f"SKU-{i:05}", "name": f"商品 {i} " * 8} for i in range(3000)
        )
    db.close()
    bad = tmp_path / "bad.db"
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big")  # the header's page size
    # The page headers of the file's middle half: pages in use whatever the schema's layout.
    for start in range(len(data) // 4 // page * page, len(data) * 3 // 4, page):
        data[start : start + 64] = b"\xff" * 64
    bad.write_bytes(bytes(data))
    running_marker(bad, pid=DEAD_PID).write_text("pid gone", encoding="utf-8")
    return bad


def test_a_damaged_file_is_refused_and_left_untouched(tmp_path):
    bad = damaged_copy(tmp_path)
    before = bad.read_bytes()
    with pytest.raises(DatabaseDamagedError) as e:
        open_db(bad)
    assert e.value.path == bad and e.value.problems and "ok" not in e.value.problems
    with pytest.raises(DatabaseDamagedError):
        DbWriter(bad)
    assert bad.read_bytes() == before
    assert running_marker(bad, pid=DEAD_PID).exists()  # still suspect at the next start


def test_a_second_process_closing_cleanly_keeps_our_marker(path, caplog):
    """The GUI has the database open and `livedesk catalog import` runs beside it."""
    db = open_db(path)
    try:
        script = f"from console.store.db import open_db; open_db({str(path)!r}).close()"
        subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
        assert running_marker(path).exists()  # ours is still there: a crash now gets a check
        assert [r for r in caplog.records if "integrity_check" in r.getMessage()] == []
    finally:
        db.close()
    assert not running_marker(path).exists()
