"""Comparing two shows: totals side by side with the difference and the change, products
matched by SKU (whatever their queue order), a product sold in only one show, and the two
reviews read off the GUI thread (also from a real simulated pair of shows)."""

import pytest

from console.store.writer import DbWriter
from console.ui.compare_window import CompareWindow
from tests.helpers.review_factory import make_review, product, totals
from tests.helpers.review_show import PRODUCTS, simulate_show
from tests.helpers.show_db import make_show

MIN = 60_000


def first_review(show_id):
    return make_review(
        show_id,
        title="上周五",
        totals=totals(gmv_fen=1_000_000, orders=100, viewers=4000, paying_users=80),
        products=(
            product(1, "A1", "保湿面霜", explain_ms=5 * MIN, during=totals(gmv_fen=200_000)),
            product(2, "B2", "防晒喷雾", during=totals(gmv_fen=300_000, orders=30)),
            product(3, "OLD", "旧款围巾", during=totals(gmv_fen=50_000)),
        ),
    )


def second_review(show_id):
    return make_review(
        show_id,
        title="本周五",
        totals=totals(gmv_fen=1_250_000, orders=90, viewers=5000, paying_users=80),
        products=(  # other order, one new product
            product(7, "B2", "防晒喷雾", during=totals(gmv_fen=240_000, orders=20)),
            product(8, "NEW", "新款口红", during=totals(gmv_fen=70_000)),
            product(9, "A1", "保湿面霜", explain_ms=7 * MIN, during=totals(gmv_fen=0)),
        ),
    )


@pytest.fixture
def room(tmp_path):
    path = tmp_path / "shows.db"
    ids = [make_show(path, [], title=t) for t in ("上周五", "本周五")]
    writer = DbWriter(path)
    yield path, writer, ids
    writer.close()


def open_compare(qtbot, room, loader=None):
    path, writer, (a, b) = room

    def fake(_path, show_id, _after):
        return first_review(show_id) if show_id == a else second_review(show_id)

    w = CompareWindow(writer, path, loader=loader or fake)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.loaded, timeout=3000):
        w.show()
    return w


def row_of(table, first_column_text):
    texts = table.column(0)
    return [table.text(texts.index(first_column_text), c) for c in range(table.proxy.columnCount())]


def test_totals_side_by_side_with_difference_and_change(qtbot, room):
    w = open_compare(qtbot, room)
    # By default the newest show is B and the one before it A.
    assert w.ids == [room[2][0], room[2][1]]
    assert "A: 上周五" in w.heading.text() and "B: 本周五" in w.heading.text()
    assert row_of(w.totals, "GMV") == ["GMV", "¥10,000.00", "¥12,500.00", "+¥2,500.00", "+25.0%"]
    assert row_of(w.totals, "Orders") == ["Orders", "100", "90", "−10", "−10.0%"]
    assert row_of(w.totals, "Conversion")[3] == "−0.40 pp"  # 2.00% → 1.60%
    assert row_of(w.totals, "New followers")[1:] == ["—", "—", "—", "—"]


def test_products_match_by_sku_and_one_sided_ones_show_dashes(qtbot, room):
    w = open_compare(qtbot, room)
    p = w.products
    assert p.column(0) == ["A1", "B2", "OLD", "NEW"]
    a1 = row_of(p, "A1")
    assert a1[1] == "保湿面霜" and a1[2:4] == ["5:00", "7:00"]
    assert a1[4:8] == ["¥2,000.00", "¥0.00", "−¥2,000.00", "−100.0%"]
    assert row_of(p, "B2")[8:10] == ["30", "20"]
    old, new = row_of(p, "OLD"), row_of(p, "NEW")
    assert old[1] == "旧款围巾 (only in A)" and old[5] == "—" and old[6] == "—"
    assert new[1] == "新款口红 (only in B)" and new[4] == "—" and new[7] == "—"


def test_picking_another_show_reloads_both(qtbot, room):
    path, writer, (a, b) = room
    calls = []

    def loader(_path, show_id, after):
        calls.append(show_id)
        return make_review(show_id)

    w = open_compare(qtbot, room, loader)
    assert sorted(calls) == [a, b]
    picker = w.pickers[0]
    with qtbot.waitSignal(w.loaded, timeout=3000) as blocker:
        picker.setCurrentIndex(picker.findData(b))
        picker.activated.emit(picker.currentIndex())
    assert [r.show_id for r in blocker.args] == [b, b]


@pytest.mark.allow_warning_logs
def test_a_failed_load_shows_a_message(qtbot, room):
    path, writer, _ = room

    def broken(*_args):
        raise OSError("disk I/O error")

    w = CompareWindow(writer, path, loader=broken)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.load_failed, timeout=3000):
        w.show()
    assert "disk I/O error" in w.status.text()


def test_two_real_simulated_shows(qtbot, tmp_path):
    path = tmp_path / "sim.db"
    a = simulate_show(path, seed=1)
    b = simulate_show(path, products=PRODUCTS[1:], seed=2)  # no A1; D4 explained

    writer = DbWriter(path)
    try:
        w = CompareWindow(writer, path, a.show_id, b.show_id)
        qtbot.addWidget(w)
        with qtbot.waitSignal(w.loaded, timeout=5000) as blocker:
            w.show()
        ra, rb = blocker.args
        gmv = row_of(w.totals, "GMV")
        assert gmv[1] != gmv[2] and gmv[3] not in ("—", "±¥0.00")
        assert w.products.column(0) == ["A1", "B2", "C3", "D4"]
        assert row_of(w.products, "A1")[1].endswith("(only in A)")
        assert row_of(w.products, "D4")[3] != "—"  # on air in B only
        assert ra.show_id == a.show_id and rb.show_id == b.show_id
    finally:
        writer.close()


def test_with_one_show_it_says_two_are_needed_and_compares_nothing(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    make_show(path, [], title="第一场")
    writer = DbWriter(path)
    calls = []
    try:
        w = CompareWindow(writer, path, loader=lambda *a: calls.append(a))
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: "two shows" in w.status.text(), timeout=3000)
        qtbot.wait(300)
        assert "two shows" in w.status.text() and calls == []
    finally:
        writer.close()
