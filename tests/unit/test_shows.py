"""Shows (场次): the rules in core and the store functions, run as the app runs them (through the
writer) or directly on an open database."""

import pytest

from console.core.show import PLATFORMS, Show, ShowError, check_schedule
from console.store import shows
from console.store.db import open_db
from console.store.rundown_repo import load_rundown
from console.store.writer import DbWriter

START, END = "2025-06-18T20:00:00+08:00", "2025-06-18T23:00:00+08:00"


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "shows.db")
    yield db
    db.close()


def add_products(db, n):
    return [
        db["products"].insert({"sku": f"SKU-{i}", "name": f"商品 {i}", "stock": 100}).last_pk
        for i in range(n)
    ]


def test_create_list_rename_archive_through_the_writer(tmp_path):
    writer = DbWriter(tmp_path / "shows.db")
    try:
        show = writer.submit(
            shows.create_show, "  618 大促 ", "douyin", START, END, rehearsal=True
        ).result(timeout=5)
        assert show == Show(show.id, "618 大促", "douyin", START, END, False, True)
        other = writer.submit(shows.create_show, "日常场", "kuaishou").result(timeout=5)
        assert writer.submit(shows.list_shows).result(timeout=5) == [other, show]
        renamed = writer.submit(shows.rename_show, show.id, "618 返场").result(timeout=5)
        assert renamed.title == "618 返场"
        writer.submit(shows.archive_show, other.id).result(timeout=5)
        assert [s.id for s in writer.submit(shows.list_shows).result(timeout=5)] == [show.id]
        every = writer.submit(shows.list_shows, include_archived=True).result(timeout=5)
        assert [(s.id, s.archived) for s in every] == [(other.id, True), (show.id, False)]
        assert writer.submit(shows.get_show, 999).result(timeout=5) is None
    finally:
        writer.close()


def test_duplicate_copies_the_queue_pending_and_nothing_that_happened(db):
    with db.atomic():
        source = shows.create_show(db, "周二场", "taobao", START, END)
        products = add_products(db, 4)
        states = ["done", "explaining", "sold_out", "skipped"]
        for pos, (product, state) in enumerate(zip(products, states, strict=True)):
            item = db["show_items"].insert(
                {
                    "show_id": source.id,
                    "product_id": product,
                    "position": pos * 10,  # gaps: the copy renumbers
                    "state": state,
                    "live_price_fen": 5990 + pos,
                    "stock": pos,
                    "low_stock": 5,
                }
            )
            db["explain_windows"].insert({"show_item_id": item.last_pk, "start_mono_ns": 1})
        db["offers"].insert({"show_id": source.id, "kind": "coupon", "state": "ended"})
        copy = shows.duplicate_show(db, source.id, "周四场", rehearsal=True)
    assert (copy.title, copy.platform, copy.planned_start, copy.rehearsal) == (
        "周四场",
        "taobao",
        None,
        True,
    )
    rows = db.execute(
        "SELECT product_id, position, state, live_price_fen, stock, low_stock "
        "FROM show_items WHERE show_id = ? ORDER BY position",
        [copy.id],
    ).fetchall()
    assert rows == [(p, i, "pending", 5990 + i, i, 5) for i, p in enumerate(products)]
    copied_items = "SELECT id FROM show_items WHERE show_id = ?"
    assert db.execute(
        f"SELECT count(*) FROM explain_windows WHERE show_item_id IN ({copied_items})", [copy.id]
    ).fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM offers WHERE show_id = ?", [copy.id]).fetchone() == (0,)
    assert shows.get_show(db, source.id).title == "周二场"  # the source is untouched


def test_duplicate_copies_the_rundowns_plan_with_links_to_the_new_queue(db):
    with db.atomic():
        source = shows.create_show(db, "周二场", "douyin")
        a, b, c = add_products(db, 3)
        # b is queued twice; c is in the source's queue only.
        queue = [a, b, c, b]
        items = [
            db["show_items"]
            .insert({"show_id": source.id, "product_id": p, "position": n, "state": "done"})
            .last_pk
            for n, p in enumerate(queue)
        ]
        db.execute("DELETE FROM show_items WHERE id = ?", [items[2]])  # c left the queue
        plan = [
            ("开场福利", 300, "点关注", [items[1]], 10, 20),
            ("爆品", 600, "", [items[3], items[0]], 30, None),  # the 2nd b, then a
            ("返场", 120, "", [], None, None),
        ]
        for n, (title, planned_s, notes, linked, start, end) in enumerate(plan):
            sid = (
                db["segments"]
                .insert(
                    {
                        "show_id": source.id,
                        "position": n * 5,
                        "title": title,
                        "planned_s": planned_s,
                        "notes": notes,
                        "actual_start_mono_ns": start,
                        "actual_end_mono_ns": end,
                    }
                )
                .last_pk
            )
            db["segment_items"].insert_all(
                {"segment_id": sid, "show_item_id": i, "position": k} for k, i in enumerate(linked)
            )
        copy = shows.duplicate_show(db, source.id, "周四场")
    new_items = [
        r[0]
        for r in db.execute(
            "SELECT id FROM show_items WHERE show_id = ? ORDER BY position", [copy.id]
        )
    ]  # a, b, b
    rundown = load_rundown(db, copy.id)
    assert [(s.title, s.planned_s, s.notes, s.item_ids) for s in rundown.segments] == [
        ("开场福利", 300, "点关注", (new_items[1],)),
        ("爆品", 600, "", (new_items[2], new_items[0])),
        ("返场", 120, "", ()),
    ]
    assert not any(s.played for s in rundown.segments)  # the plan, not what happened
    assert len(load_rundown(db, source.id).segments) == 3  # the source keeps its own


@pytest.mark.parametrize(
    "args, code",
    [
        (("  ", "douyin"), "title_empty"),
        ((None, "douyin"), "title_empty"),
        (("场", "weibo"), "platform_unknown"),
        (("场", "Douyin"), "platform_unknown"),  # codes, not display names
        (("场", "douyin", "2025-06-18 20:00"), "time_without_offset"),
        (("场", "douyin", "tonight"), "time_invalid"),
        (("场", "douyin", END, START), "end_not_after_start"),
        (("场", "douyin", START, START), "end_not_after_start"),
    ],
)
def test_invalid_shows_are_refused_with_a_code(db, args, code):
    with pytest.raises(ShowError) as e:
        shows.create_show(db, *args)
    assert e.value.code == code and isinstance(e.value, ValueError)
    assert shows.list_shows(db, include_archived=True) == []


def test_changing_a_missing_show_is_refused(db):
    for change in (
        lambda: shows.rename_show(db, 42, "x"),
        lambda: shows.archive_show(db, 42),
        lambda: shows.duplicate_show(db, 42, "x"),
    ):
        with pytest.raises(ShowError) as e:
            change()
        assert e.value.code == "show_not_found"
    with db.atomic():
        show = shows.create_show(db, "场", "other")
    with pytest.raises(ShowError, match="title_empty"):
        shows.rename_show(db, show.id, "")


def test_platforms_and_open_ended_schedules():
    assert PLATFORMS == ("douyin", "kuaishou", "taobao", "channels", "tiktok", "other")
    check_schedule(None, None)
    check_schedule(START, None)
    check_schedule("2025-06-18T12:00:00Z", "2025-06-18T21:00:00+08:00")  # 20:00 < 21:00 +08
