"""A process killed in the middle of a stream of user actions loses none it reported as done,
and the next start checks the file (the running marker is still there) and finds it intact."""

import random
import time
from pathlib import Path

from tests.helpers.child_process import Killed, reopen_after_kill


def run_until_killed(path: Path, at_least: int) -> int:
    """Start the writer process, kill it once it reported `at_least` actions; the last n done."""
    last = -1
    with Killed("tests.helpers.crash_writer", path) as child:
        deadline = time.monotonic() + 10
        while last + 1 < at_least and time.monotonic() < deadline:
            line = child.proc.stdout.readline()
            if not line:
                break
            last = int(line.split()[1])
        child.kill()
        # lines written before the kill and not yet read are actions done, too
        rest = child.proc.stdout.read().splitlines()
        last = max([last, *(int(x.split()[1]) for x in rest if x.startswith("DONE "))])
    assert last + 1 >= at_least, f"the writer process did too little: {child.stderr[-2000:]}"
    return last


def test_actions_reported_done_survive_a_kill(tmp_path, caplog):
    path = tmp_path / "crash.db"
    rng = random.Random(3)
    kept: dict[int, int] = {}  # show -> its queue length, which later rounds must not change
    for round_ in range(4):
        last = run_until_killed(path, rng.randint(20, 120))
        db = reopen_after_kill(path, caplog)
        try:
            # every round starts a new show; its items are 0..n
            show = db.execute("SELECT max(id) FROM shows").fetchone()[0]
            stored = [
                r[0]
                for r in db.execute(
                    "SELECT position FROM show_items WHERE show_id = ? ORDER BY position", [show]
                )
            ]
            assert stored[: last + 1] == list(range(last + 1)), round_
            assert len(stored) <= last + 2  # at most the one in flight at the kill
            stock = db.execute("SELECT stock FROM products WHERE sku = ?", [f"CRASH-{show}"])
            stock = stock.fetchone()[0]
            assert stock in (last, last + 1)
            events = db.execute(
                "SELECT count(*) FROM events WHERE kind = 'queue_stock_changed' AND show_id = ?",
                [show],
            ).fetchone()[0]
            assert events == len(stored)
            kept[show] = len(stored)
            assert kept == dict(
                db.execute("SELECT show_id, count(*) FROM show_items GROUP BY show_id").fetchall()
            )
        finally:
            db.close()
