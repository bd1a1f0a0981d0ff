"""LiveDesk's side of the stats API (DbWriter + StatsApi) runs in a subprocess; two clients
post batches through it as fast as it takes them, and the process is SIGKILLed mid-stream.
After the restart, every batch acknowledged with a 2xx before the kill is in the database, and
no batch is there in part.

The subprocess is this module:  python -m tests.unit.test_stats_kill DB_PATH"""

import json
import random
import sys
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

from tests.helpers.child_process import Killed, reopen_after_kill

TOKEN = "kill-test-token"
BATCH = 200  # samples per batch, plus one order


def serve(path: str) -> None:
    from console.ingest.stats_api import StatsApi
    from console.store import stats_repo
    from console.store.writer import DbWriter

    writer = DbWriter(Path(path))
    show = writer.submit(
        lambda db: db["shows"].insert({"title": "断电测试 kill test", "platform": "other"}).last_pk
    ).result()
    api = StatsApi(writer, stats_repo, lambda: show, lambda: None, TOKEN, port=0)
    print(f"PORT {api.start()} SHOW {show}", flush=True)
    threading.Event().wait()  # until killed


class Client(threading.Thread):
    """Posts batch after batch; a batch counts as acknowledged once its 200 has been read."""

    def __init__(self, port: int, first: int, step: int):
        super().__init__(daemon=True)
        self.port, self.next, self.step = port, first, step
        self.acked: list[int] = []
        self.error: BaseException | None = None

    def body(self, n: int) -> str:
        ts = time.time_ns() // 1_000_000
        items = [
            {"type": "sample", "ts": ts, "metric": "interactions", "value": n * BATCH + k}
            for k in range(BATCH)
        ]
        items.append({"type": "order", "ts": ts, "order_id": f"K-{n}", "qty": 1, "amount_fen": n})
        return json.dumps({"items": items})

    def run(self) -> None:
        conn = HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        try:
            while True:
                n = self.next
                conn.request("POST", "/v1/ingest", self.body(n), headers)
                response = conn.getresponse()
                data = json.loads(response.read())
                assert response.status == 200, (response.status, data)
                assert data == {"inserted": BATCH + 1, "duplicates": 0}, data
                self.acked.append(n)
                self.next += self.step
        except (OSError, ValueError) as e:  # the kill: reset, or a reply cut short
            self.error = e
        except AssertionError as e:
            self.error = e
            raise
        finally:
            conn.close()


def run_until_killed(path: Path, at_least: int) -> tuple[int, list[int]]:
    """Start the server process, post until `at_least` batches were acknowledged, kill it;
    (its show, the acknowledged batch numbers)."""
    with Killed("tests.unit.test_stats_kill", path) as child:
        line = child.proc.stdout.readline().split()
        assert line[:1] == ["PORT"], child.proc.stderr.read()[-2000:]
        port, show = int(line[1]), int(line[3])
        clients = [Client(port, 0, 2), Client(port, 1, 2)]
        for c in clients:
            c.start()
        deadline = time.monotonic() + 20
        while sum(len(c.acked) for c in clients) < at_least and time.monotonic() < deadline:
            assert all(c.is_alive() for c in clients), [c.error for c in clients]
            time.sleep(0.001)
        child.kill()  # mid-stream: both clients have a batch in flight
        for c in clients:
            c.join(10)
    assert not any(isinstance(c.error, AssertionError) for c in clients), [c.error for c in clients]
    acked = sorted(n for c in clients for n in c.acked)
    assert len(acked) >= at_least, f"the server did too little: {child.stderr[-2000:]}"
    return show, acked


def test_every_acknowledged_batch_survives_a_kill(tmp_path, caplog):
    path = tmp_path / "kill.db"
    rng = random.Random(6)
    for round_ in range(3):
        show, acked = run_until_killed(path, rng.randint(10, 60))
        db = reopen_after_kill(path, caplog)
        try:
            per_batch = dict(
                db.execute(
                    "SELECT CAST(value AS INTEGER) / ?, count(*) FROM samples "
                    "WHERE show_id = ? GROUP BY 1",
                    [BATCH, show],
                ).fetchall()
            )
            orders = {
                int(r[0][2:])
                for r in db.execute("SELECT order_id FROM orders WHERE show_id = ?", [show])
            }
            missing = [n for n in acked if per_batch.get(n) != BATCH or n not in orders]
            assert not missing, (round_, missing[:10])
            # all or nothing: a batch in flight at the kill is whole or absent
            assert set(per_batch.values()) == {BATCH}, round_
            assert set(per_batch) == orders
            # at most the batches in flight at the kill beyond the acknowledged ones
            assert len(orders - set(acked)) <= 2
        finally:
            db.close()


if __name__ == "__main__":
    serve(sys.argv[1])
