"""The CSV export of a show's raw data: five files Excel opens as Chinese (UTF-8 with a BOM),
every stored row of the show and no other show's, the OBS events of its time, and files that
are replaced whole (a failed export leaves the previous one as it was)."""

import csv
import json
import sqlite3

import pytest

from console.reports.csv_export import write_csv
from console.reports.files import replacing
from console.store.db import open_db
from tests.helpers.review_show import MIN, T0, VIEWERS_DROP, iso, simulate_show
from tests.helpers.show_db import make_show


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    s = simulate_show(tmp_path_factory.mktemp("csv") / "show.db")
    db = open_db(s.path)
    with db.conn:  # another show's row, and an OBS event of another day: neither belongs
        other = db["shows"].insert({"title": "别的场次", "platform": "douyin"}).last_pk
        db["comments"].insert(
            {"show_id": other, "ts_ms": T0 + MIN, "text": "不是这场", "source": "manual"}
        )
        db["events"].insert(
            {"mono_ns": 0, "wall": iso(T0 - 24 * 60 * MIN), "kind": "scene_changed", "data": "{}"}
        )
    db.close()
    return s


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def count(show, table):
    with sqlite3.connect(show.path) as conn:
        return conn.execute(
            f"SELECT count(*) FROM {table} WHERE show_id = ?", [show.show_id]
        ).fetchone()[0]


def test_five_files_with_every_row_of_the_show(show, tmp_path):
    paths = write_csv(show.path, show.show_id, tmp_path / "export")
    assert [p.name for p in paths] == [
        "samples.csv",
        "orders.csv",
        "comments.csv",
        "likes.csv",
        "events.csv",
    ]
    for path in paths:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    for path, table in zip(paths[:4], ("samples", "orders", "comments", "likes"), strict=True):
        assert len(read(path)) == count(show, table) > 0, table
    comments = read(paths[2])
    assert "不是这场" not in {c["text"] for c in comments}
    assert all("\u4e00" <= c["text"][0] <= "\u9fff" or c["text"] == "666" for c in comments)
    order = read(paths[1])[0]
    assert int(order["amount_fen"]) == round(float(order["amount_yuan"]) * 100)
    assert order["time"].startswith("2025-06-15T")
    assert sorted(int(o["ts_ms"]) for o in read(paths[1])) == [
        int(o["ts_ms"]) for o in read(paths[1])
    ]


def test_events_are_the_shows_and_obs_ones_of_its_time(show, tmp_path):
    events = read(write_csv(show.path, show.show_id, tmp_path)[4])
    kinds = [e["kind"] for e in events]
    assert kinds == [k for k, *_ in show.events]  # OBS's (no show) included, yesterday's not
    alert = events[kinds.index("alert_raised")]
    assert json.loads(alert["data"]) == VIEWERS_DROP
    mute = events[kinds.index("input_muted")]
    assert json.loads(mute["data"]) == {"input": "麦克风"} and "麦克风" in mute["data"]


def test_an_empty_show_gives_headers_only(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, [])
    paths = write_csv(path, show_id, tmp_path / "out")
    assert [read(p) for p in paths] == [[]] * 5
    with open(paths[1], encoding="utf-8-sig") as f:
        assert (
            f.readline().strip() == "ts_ms,time,order_id,sku,qty,amount_fen,amount_yuan,user,source"
        )


def test_files_are_replaced_whole_or_left_alone(show, tmp_path):
    old = tmp_path / "samples.csv"
    old.write_text("old export", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(old) as tmp:
        tmp.write_text("half a new one", encoding="utf-8")
        raise RuntimeError("disk full")
    assert old.read_text(encoding="utf-8") == "old export"
    write_csv(show.path, show.show_id, tmp_path)
    assert len(read(old)) == count(show, "samples")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{n}.csv" for n in ("samples", "orders", "comments", "likes", "events")
    )  # no temporary file left behind
    with pytest.raises(KeyError):
        write_csv(show.path, 999, tmp_path)
