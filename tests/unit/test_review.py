"""The review (复盘) of a simulated show read from a real SQLite file: its figures equal a direct
SQL count of the stored rows (show totals, each product's explain windows and the minutes
after them, each segment), the timeline gives the incidents, alerts and cues, an empty or
zero-viewer show gives "unknown" rather than errors, and the team's notes are kept."""

import json
import sqlite3

import pytest

from console.core.metrics import Order, Sample
from console.core.stats_input import Batch
from console.reports.review import load_review
from console.store import stats_repo
from console.store.db import open_db, open_reader
from console.store.review_repo import load_notes, save_notes
from console.store.writer import DbWriter
from tests.helpers.review_show import MIN, PRODUCTS, T0, VIEWERS_DROP, iso, simulate_show
from tests.helpers.show_db import make_show

AFTER = 10


@pytest.fixture(scope="module")
def show(tmp_path_factory):
    return simulate_show(tmp_path_factory.mktemp("review") / "show.db")


@pytest.fixture(scope="module")
def review(show):
    return load_review(show.path, show.show_id, AFTER)


def sql(show, query, *args):
    with sqlite3.connect(show.path) as conn:
        return conn.execute(query, [show.show_id, *args]).fetchone()


def orders_between(show, start, end):
    """(GMV in fen, orders) of the show's orders in [start, end)."""
    return sql(
        show,
        "SELECT coalesce(sum(amount_fen), 0), count(*) FROM orders "
        "WHERE show_id = ? AND ts_ms >= ? AND ts_ms < ?",
        start,
        end,
    )


def test_show_totals_equal_the_stored_orders(show, review):
    gmv, orders, items, buyers = sql(
        show,
        "SELECT sum(amount_fen), count(*), sum(qty), count(DISTINCT user) FROM orders "
        "WHERE show_id = ?",
    )
    assert orders > 100  # the simulated room sold: the comparison means something
    t = review.totals
    assert (t.gmv_fen, t.orders, t.items_sold, t.paying_users) == (gmv, orders, items, buyers)
    (viewers,) = sql(
        show,
        "SELECT value FROM samples WHERE show_id = ? AND metric = 'viewers' "
        "ORDER BY ts_ms DESC LIMIT 1",
    )
    (peak,) = sql(show, "SELECT max(value) FROM samples WHERE show_id = ? AND metric = 'online'")
    assert (t.viewers, t.peak_online) == (viewers, peak)
    assert t.gpm_fen == round(gmv * 1000 / viewers)
    assert review.title == "测试场次" and review.platform == "douyin"
    assert review.start_ms == T0 and review.end_ms == show.end_ms


def test_each_product_gets_what_sold_in_its_windows_and_after_them(show, review):
    by_sku = {p.sku: p for p in review.products}
    assert [p.sku for p in review.products] == [p["sku"] for p in PRODUCTS]  # queue order
    for sku in ("A1", "B2", "C3"):
        windows = [(a, b) for s, a, b in show.windows if s == sku]
        during = [orders_between(show, a, b) for a, b in windows]
        after = [orders_between(show, b, min(b + AFTER * MIN, show.end_ms + 1)) for _, b in windows]
        p = by_sku[sku]
        assert p.explain_count == len(windows)
        assert p.explain_ms == sum(b - a for a, b in windows)
        assert p.during.gmv_fen == sum(g for g, _ in during) > 0
        assert p.during.orders == sum(n for _, n in during)
        assert p.after.gmv_fen == sum(g for g, _ in after)
        assert p.after.orders == sum(n for _, n in after)
        assert p.during.gpm_fen is not None and p.during.conversion is not None
    assert by_sku["A1"].explain_count == 2  # explained again at the end: both windows summed
    never = by_sku["D4"]
    assert (never.explain_count, never.explain_ms, never.during, never.after) == (0, 0, None, None)
    assert never.stock_left == 50


def test_segments_planned_against_actual_with_their_sales(show, review):
    first, second, unrun = review.segments
    for result, (title, planned, start, end) in zip((first, second), show.segments, strict=True):
        assert (result.title, result.planned_s, result.start_ms) == (title, planned, start)
        assert result.actual_ms == end - start
        assert result.during.gmv_fen == orders_between(show, start, end)[0]
    assert (unrun.title, unrun.planned_s, unrun.actual_ms, unrun.during) == (
        "返场",
        300,
        None,
        None,
    )


def test_incidents_alerts_and_cues_from_the_timeline(show, review):
    incidents = [(i.kind, i.duration_ms) for i in review.incidents]
    assert incidents == [
        ("mic_muted_live", 14_000),  # muted for 14 s while streaming
        ("obs_disconnected", 12_000),  # back after 12 s
        ("dropped_frames", None),
        ("stream_stopped", None),
    ]
    assert review.incidents[0].detail == {"input": "麦克风"}
    assert review.incidents[2].detail["pct"] == 2.5
    (alert,) = review.alerts
    assert (alert.rule, alert.detail, alert.ts_ms, alert.cleared_ms) == (
        "viewers_drop",
        {k: v for k, v in VIEWERS_DROP.items() if k != "rule"},
        T0 + 22 * MIN,
        T0 + 24 * MIN,
    )
    assert [(c.kind, c.text, c.outcome) for c in review.cues] == [
        ("canned", "push_orders", "acknowledged"),
        ("free", "讲一下尺码", "timed_out"),
    ]
    assert review.cues[0].ts_ms == T0 + 3 * MIN


def test_chart_series_and_markers(show, review):
    (online,) = sql(show, "SELECT count(*) FROM samples WHERE show_id = ? AND metric = 'online'")
    assert len(review.trends["online"]) == online
    assert review.trends["gmv_total"][-1].value == review.totals.gmv_fen
    assert sum(p.value for p in review.trends["orders_per_minute"]) == review.totals.orders
    kinds = {b.kind for b in review.bands}
    assert {"explain", "segment", "flash_sale", "mic_muted", "dropped_frames", "alert"} <= kinds
    assert "obs_disconnected" in kinds
    explains = [(b.label, b.start_ms, b.end_ms) for b in review.bands if b.kind == "explain"]
    names = {p["sku"]: p["name"] for p in PRODUCTS}
    assert explains == [(names[s], a, b) for s, a, b in show.windows]


def test_mutes_count_only_while_streaming(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, PRODUCTS[:1])
    events = [  # muted before going live, unmuted 30 s into the stream; muted after it ended
        ("input_muted", T0, {"input": "Mic"}),
        ("stream_started", T0 + 60_000, {}),
        ("input_unmuted", T0 + 90_000, {"input": "Mic"}),
        ("stream_stopped", T0 + 5 * MIN, {}),
        ("input_muted", T0 + 6 * MIN, {"input": "Mic"}),
        ("input_unmuted", T0 + 7 * MIN, {"input": "Mic"}),
    ]
    db = open_db(path)
    with db.conn:
        stats_repo.insert_batch(
            db,
            show_id,
            Batch(samples=(Sample(T0, "online", 10), Sample(T0 + 8 * MIN, "online", 5))),
            "manual",
        )
        db["events"].insert_all(
            {"mono_ns": 0, "wall": iso(t), "kind": k, "show_id": show_id, "data": json.dumps(d)}
            for k, t, d in events
        )
    db.close()
    review = load_review(path, show_id)
    mutes = [(i.ts_ms, i.duration_ms) for i in review.incidents if i.kind == "mic_muted_live"]
    assert mutes == [(T0 + 60_000, 30_000)]


def test_an_empty_show_is_all_unknown_not_an_error(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, PRODUCTS)
    review = load_review(path, show_id)
    assert review.start_ms is None and review.end_ms is None
    t = review.totals
    assert (t.gmv_fen, t.orders, t.viewers, t.peak_online, t.gpm_fen, t.conversion) == (None,) * 6
    assert all(p.during is None and p.after is None for p in review.products)
    assert all(not points for points in review.trends.values())
    assert review.incidents == review.alerts == review.cues == () and review.notes == ""


def test_zero_viewers_give_no_ratios(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, PRODUCTS[:1])
    samples = tuple(
        Sample(T0 + k * 1000, metric, 0) for k in range(120) for metric in ("online", "viewers")
    )
    batch = Batch(samples=samples, orders=(Order(T0 + 5000, "o1", "A1", 1, 9900, "u1"),))
    db = open_db(path)
    with db.conn:
        stats_repo.insert_batch(db, show_id, batch, "manual")
    db.close()
    t = load_review(path, show_id).totals
    assert (t.gmv_fen, t.orders, t.viewers, t.peak_online) == (9900, 1, 0, 0)
    assert (t.gpm_fen, t.uv_value_fen, t.conversion, t.interaction_rate) == (None,) * 4
    assert t.aov_fen == 9900


def test_unknown_show_is_a_key_error(show):
    with pytest.raises(KeyError):
        load_review(show.path, 999)


def test_notes_are_saved_by_the_writer_and_read_back(tmp_path):
    path = tmp_path / "show.db"
    show_id = make_show(path, PRODUCTS[:1])
    writer = DbWriter(path)
    try:
        text = "开场节奏偏慢。\nNext time: flash sale earlier."
        writer.submit(save_notes, show_id, text).result(5)
        assert load_review(path, show_id).notes == text
        writer.submit(save_notes, show_id, "改好了").result(5)  # edited: replaced, not added
    finally:
        writer.close()
    db = open_reader(path)
    try:
        assert load_notes(db, show_id) == "改好了"
        assert load_notes(db, show_id + 1) == ""
        assert db.execute("SELECT count(*) FROM review_notes").fetchone()[0] == 1
        kinds = [r[0] for r in db.execute("SELECT kind FROM events WHERE show_id = ?", [show_id])]
        assert kinds == ["review_notes_saved", "review_notes_saved"]
    finally:
        db.close()


def test_the_notes_migration_is_the_latest(tmp_path):
    db = open_db(tmp_path / "show.db")
    try:
        names = [r["name"] for r in db["_sqlite_migrations"].rows]
        assert names[-1] == "m006_review_notes" and "review_notes" in db.table_names()
    finally:
        db.close()
