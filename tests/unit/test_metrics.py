import math
from dataclasses import fields

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.attribution import attribute
from console.core.metrics import (
    CUMULATIVE,
    DELTA_FIELDS,
    GAUGE,
    INTERVAL,
    METRICS,
    MINUTE_MS,
    ORDERS,
    SAMPLES,
    Count,
    Order,
    Sample,
    ShowData,
    Totals,
    Window,
    comments_per_minute,
    deltas,
    gmv_cumulative_per_minute,
    gmv_per_minute,
    likes_per_minute,
    online_per_minute,
    orders_per_minute,
    totals,
    totals_at,
)

M = MINUTE_MS
T0 = 28_333_334 * M  # 2023-11-14T22:14:00Z, on a minute boundary


def s(ts, metric, value):
    return Sample(ts, metric, value)


def order(ts, amount, qty=1, user=None, oid=None):
    return Order(ts, oid or f"o{ts}-{amount}", "SKU", qty, amount, user)


# Three minutes of a small show: orders posted one by one, and the platform's counters.
SHOW = ShowData(
    samples=[
        s(T0, "online", 100),
        s(T0 + M, "online", 300),
        s(T0 + 2 * M, "online", 250),
        s(T0, "viewers", 100),
        s(T0 + M, "viewers", 400),
        s(T0 + 2 * M, "viewers", 500),
        s(T0 + M, "entries", 300),
        s(T0 + 2 * M, "entries", 150),
        s(T0 + M, "leaves", 100),
        s(T0 + 2 * M, "leaves", 200),
        s(T0 + 2 * M, "interactions", 50),
        s(T0 + 2 * M, "new_followers", 7),
        s(T0 + 2 * M, "gmv_fen", 999_999),  # the counter disagrees: the orders win
        s(T0 + 2 * M, "orders", 99),
    ],
    orders=[
        order(T0 + 30_000, 19_900, qty=2, user="a"),
        order(T0 + 70_000, 9_900, user="b"),
        order(T0 + 100_000, 9_900, user="a"),
    ],
    comments=[Count(T0 + 5_000, 1), Count(T0 + 10_000, 1), Count(T0 + 61_000, 3)],
)


def test_metric_table_lists_every_code_of_the_spec():
    kinds = {code: d.kind for code, d in METRICS.items()}
    assert kinds == {
        "online": GAUGE,
        "avg_watch_s": GAUGE,
        "entries": INTERVAL,
        "leaves": INTERVAL,
        **dict.fromkeys(
            "viewers gmv_fen orders paying_users items_sold new_followers fan_club_joins "
            "interactions".split(),
            CUMULATIVE,
        ),
    }
    assert all(d.code == code and d.min == 0 < d.max for code, d in METRICS.items())


@pytest.mark.parametrize(
    "code,value,ok",
    [
        ("online", 50_000_000, True),
        ("online", 50_000_001, False),
        ("online", -1, False),
        ("gmv_fen", 10**13, True),
        ("gmv_fen", 10**13 + 1, False),
        ("gmv_fen", math.nan, False),
        ("viewers", math.inf, False),
        ("viewers", 10**400, False),  # too big for a float: refused, not an OverflowError
        ("viewers", "12", False),
    ],
)
def test_bounds_refuse_absurd_values(code, value, ok):
    assert METRICS[code].accepts(value) is ok


def test_show_totals_by_hand():
    t = totals_at(SHOW, T0 + 2 * M)
    assert t.source == ORDERS
    assert t.gmv_fen == 39_700  # 19,900 + 9,900 + 9,900, not the counter's 999,999
    assert (t.orders, t.items_sold, t.paying_users) == (3, 4, 2)  # qty 2+1+1; users {a, b}
    assert (t.online, t.peak_online, t.viewers) == (250, 300, 500)
    assert (t.entries, t.leaves, t.new_followers) == (450, 300, 7)  # 300+150, 100+200
    assert t.aov_fen == 19_850  # 39,700 / 2
    assert t.gpm_fen == 79_400  # 39,700 × 1000 / 500 = ¥794 per thousand views
    assert t.uv_value_fen == 79  # 39,700 / 500 = 79.4 → 79 fen
    assert t.conversion == pytest.approx(0.004)  # 2 / 500
    assert t.interaction_rate == pytest.approx(0.1)  # 50 / 500
    assert t.avg_watch_s is None and t.fan_club_joins is None


def test_part_of_a_show_counts_who_was_there_and_who_came():
    t = totals(SHOW, T0 + M, T0 + 2 * M)  # [T0+1m, T0+2m)
    assert (t.gmv_fen, t.orders, t.paying_users) == (19_800, 2, 2)  # 9,900 × 2; users {b, a}
    # viewers = online before the range (100 at T0) + counter rise (400 at T0+1m − 100 at T0)
    assert t.viewers == 100 + 300
    assert t.conversion == pytest.approx(2 / 400)
    assert (t.online, t.peak_online, t.entries) == (300, 300, 300)


def test_zero_viewers_gives_none_not_division_error():
    data = ShowData([s(T0, "viewers", 0), s(T0, "interactions", 5)], [order(T0, 500, user="a")])
    t = totals_at(data, T0)
    assert t.viewers == 0 and t.gmv_fen == 500
    assert t.gpm_fen is t.uv_value_fen is t.conversion is t.interaction_rate is None
    assert t.aov_fen == 500


def test_missing_data_is_none():
    empty = totals_at(ShowData(), T0)
    assert empty.source == SAMPLES
    assert all(getattr(empty, f) is None for f in DELTA_FIELDS)
    # Orders without users, and no counters: sales are known, people are not.
    t = totals_at(ShowData(orders=[order(T0, 1_000), order(T0 + 1, 3_000)]), T0 + 1)
    assert (t.gmv_fen, t.orders, t.items_sold) == (4_000, 2, 2)
    assert t.paying_users is t.aov_fen is t.viewers is t.conversion is t.gpm_fen is None
    # Before the first sample of a counter, a range has no baseline: unknown, not "all of it".
    assert totals(SHOW, T0 - M, T0 + M).viewers is None


def test_values_the_ingest_refuses_are_ignored():
    data = ShowData([s(T0, "online", 10), s(T0 + 1, "online", math.nan), s(T0 + 2, "bogus", 1)])
    assert totals_at(data, T0 + 5).online == 10


def test_counter_correction_is_taken_as_is_but_ranges_never_go_negative():
    data = ShowData(
        [
            s(T0, "gmv_fen", 1_000),
            s(T0 + M, "gmv_fen", 5_000),
            s(T0 + 2 * M, "gmv_fen", 4_000),  # the platform corrected itself downwards
            s(T0 + 3 * M, "gmv_fen", 4_500),
        ]
    )
    assert totals_at(data, T0 + 2 * M).gmv_fen == 4_000  # as is
    assert totals(data, T0 + 90_000, T0 + 150_000).gmv_fen == 0  # 4,000 − 5,000 → 0
    assert totals(data, T0 + 90_000, T0 + 4 * M).gmv_fen == 0  # 4,500 − 5,000 → 0
    assert totals(data, T0 + 150_000, T0 + 4 * M).gmv_fen == 500  # 4,500 − 4,000
    assert deltas(data, T0 + 2 * M, minutes=1)["gmv_fen"] == 0  # 4,000 − 5,000 → 0
    assert deltas(data, T0 + 3 * M, minutes=1)["gmv_fen"] == 500
    assert gmv_per_minute(data, T0, T0 + 4 * M) == [
        (T0, None),  # no sample before T0: no baseline
        (T0 + M, 4_000),  # 5,000 − 1,000
        (T0 + 2 * M, 0),  # 4,000 − 5,000 → 0
        (T0 + 3 * M, 500),
    ]
    assert gmv_cumulative_per_minute(data, T0, T0 + 4 * M) == [
        (T0, 1_000),
        (T0 + M, 5_000),
        (T0 + 2 * M, 4_000),
        (T0 + 3 * M, 4_500),
    ]


def test_orders_are_preferred_and_counters_fill_the_gaps():
    data = ShowData(
        [
            s(T0 + 4 * M, "gmv_fen", 60_000),  # the API stopped; the assistant typed the totals
            s(T0 + 5 * M, "gmv_fen", 80_000),
            s(T0 + 5 * M, "paying_users", 9),
        ],
        [order(T0, 10_000), order(T0 + 10, 20_000)],  # no users on the orders
    )
    first = totals(data, T0, T0 + M)
    assert (first.source, first.gmv_fen) == (ORDERS, 30_000)
    assert first.paying_users is None  # no user on the orders, no counter before T0+1m
    later = totals(data, T0 + 4 * M + 1, T0 + 6 * M)  # no order in it
    assert (later.source, later.gmv_fen, later.orders) == (SAMPLES, 20_000, None)  # 80k − 60k
    assert totals_at(data, T0 + 6 * M).paying_users == 9  # orders without users: the counter
    # One order without a user among named ones: distinct users would undercount, so the counter.
    mixed = ShowData([s(T0, "paying_users", 4)], [order(T0, 1, user="a"), order(T0, 1)])
    assert totals_at(mixed, T0).paying_users == 4


def test_deltas_over_the_last_minutes():
    d = deltas(SHOW, T0 + 2 * M, minutes=1)  # at T0+2m less at T0+1m (only o1 by then)
    assert d["gmv_fen"] == 39_700 - 19_900
    assert (d["orders"], d["paying_users"], d["viewers"]) == (2, 1, 100)
    assert d["online"] == 250 - 300  # a gauge may fall
    assert d["conversion"] == pytest.approx(2 / 500 - 1 / 400)
    assert d["interactions"] is None  # no counter before T0+2m
    quiet = deltas(SHOW, T0 + 10 * M)  # no order in the last 5 minutes: 0, not the counters
    assert (quiet["gmv_fen"], quiet["orders"]) == (0, 0)
    assert all(v is None for v in deltas(SHOW, T0 - M).values())


def test_every_total_has_a_delta():
    names = {f.name for f in fields(Totals)} - {"source"}
    assert names | {"aov_fen", "gpm_fen", "uv_value_fen", "conversion", "interaction_rate"} == set(
        DELTA_FIELDS
    )


def test_per_minute_series():
    end = T0 + 4 * M
    assert online_per_minute(SHOW, T0, end) == [
        (T0, 100),
        (T0 + M, 300),
        (T0 + 2 * M, 250),
        (T0 + 3 * M, None),  # no reading in that minute: a gap, not a repeated stale number
    ]
    assert gmv_per_minute(SHOW, T0, end) == [
        (T0, 19_900),
        (T0 + M, 19_800),  # 9,900 + 9,900
        (T0 + 2 * M, 0),
        (T0 + 3 * M, 0),
    ]
    assert [v for _, v in gmv_cumulative_per_minute(SHOW, T0, end)] == [
        19_900,
        39_700,
        39_700,
        39_700,
    ]
    assert [v for _, v in orders_per_minute(SHOW, T0, end)] == [1, 2, 0, 0]
    assert [v for _, v in comments_per_minute(SHOW, T0, end)] == [2, 3, 0, 0]
    assert [v for _, v in likes_per_minute(SHOW, T0, end)] == [None] * 4  # no likes feed
    # A range off the minute grid: the first minute is cut to [T0+45s, T0+1m), missing o1 at 30s.
    assert gmv_per_minute(SHOW, T0 + 45_000, T0 + 2 * M) == [(T0, 0), (T0 + M, 19_800)]


# Two back-to-back explain windows A [T0, T0+10m) and B [T0+10m, T0+20m).
ROOM = ShowData(
    samples=[
        s(T0 - 1_000, "online", 200),
        s(T0 + 5 * M, "online", 400),
        s(T0 + 15 * M, "online", 300),
        s(T0 - 1_000, "viewers", 200),
        s(T0 + 9 * M, "viewers", 1_000),
        s(T0 + 19 * M, "viewers", 1_600),
        s(T0 + 24 * M, "viewers", 1_800),
    ],
    orders=[
        order(T0 + M, 10_000, user="u1"),
        order(T0 + 10 * M - 1, 5_000, user="u2"),
        order(T0 + 10 * M, 3_000, user="u3"),  # at B's start: B's
        order(T0 + 12 * M, 2_000, user="u1"),
        order(T0 + 21 * M, 4_000, user="u4"),
        order(T0 + 26 * M, 1_000, user="u5"),
    ],
)
A, B = Window("A", T0, T0 + 10 * M), Window("B", T0 + 10 * M, T0 + 20 * M)


def test_attribution_back_to_back_windows():
    a, b = attribute(ROOM, [A, B], now_ms=T0 + 30 * M, after_minutes=5)
    assert (a.key, a.during.gmv_fen, a.during.orders, a.during.paying_users) == ("A", 15_000, 2, 2)
    # viewers of A = 200 online before T0 + (1,000 − 200) new = 1,000; conversion 2 / 1,000
    assert a.during.viewers == 1_000 and a.during.conversion == pytest.approx(0.002)
    assert (b.during.gmv_fen, b.during.orders, b.during.paying_users) == (5_000, 2, 2)
    # viewers of B = 400 online before T0+10m + (1,600 − 1,000) = 1,000
    assert b.during.viewers == 1_000 and b.during.conversion == pytest.approx(0.002)
    # A's after, not cut: [T0+10m, T0+15m) overlaps B: 3,000 + 2,000
    assert (a.after.gmv_fen, a.after.orders) == (5_000, 2)
    # B's after [T0+20m, T0+25m): 4,000; the order at T0+26m is past it
    assert (b.after.gmv_fen, b.after.orders, b.after.paying_users) == (4_000, 1, 1)
    # viewers = 300 online before T0+20m + (1,800 − 1,600) = 500; conversion 1 / 500
    assert b.after.conversion == pytest.approx(0.002)


def test_after_range_cut_at_the_next_window():
    a, b = attribute(ROOM, [A, B], now_ms=T0 + 30 * M, after_minutes=5, cut_at_next=True)
    assert (a.after.gmv_fen, a.after.orders) == (0, 0)  # B started as A ended: 0, not "—"
    assert b.after.gmv_fen == 4_000  # no window after B: not cut


def test_open_window_counts_up_to_now_and_after_is_cut_at_now():
    c = Window("C", T0 + 20 * M, None)
    b, c = attribute(ROOM, [B, c], now_ms=T0 + 22 * M)
    assert c.during.gmv_fen == 4_000 and c.after is None
    assert b.after.gmv_fen == 4_000  # [T0+20m, T0+22m] so far


def test_overlapping_windows_each_get_what_falls_inside():
    x, y = Window("x", T0, T0 + 12 * M), Window("y", T0 + 9 * M, T0 + 20 * M)
    rx, ry = attribute(ROOM, [x, y], now_ms=T0 + 30 * M, cut_at_next=True)
    assert rx.during.gmv_fen == 10_000 + 5_000 + 3_000  # the order at T0+12m is not x's
    assert ry.during.gmv_fen == 5_000 + 3_000 + 2_000
    assert rx.after.gmv_fen == 0  # y started before x ended


def test_attribution_from_counters_alone():
    data = ShowData(
        [s(T0, "gmv_fen", 0), s(T0 + 5 * M, "gmv_fen", 7_000), s(T0 + 12 * M, "gmv_fen", 9_000)]
    )
    (a,) = attribute(data, [Window("A", T0 + 1, T0 + 10 * M)], now_ms=T0 + 30 * M)
    # during: last before T0+10m (7,000) − last before T0+1ms (0) = 7,000
    # after [T0+10m, T0+15m): 9,000 at T0+12m − 7,000 = 2,000
    assert (a.during.source, a.during.gmv_fen, a.after.gmv_fen) == (SAMPLES, 7_000, 2_000)


# --- properties ---------------------------------------------------------------------------------

times = st.integers(T0 - 60 * M, T0 + 60 * M)
any_time = st.one_of(times, st.integers(-(2**62), 2**62))
samples = st.builds(
    Sample,
    any_time,
    st.sampled_from([*METRICS, "bogus"]),
    st.one_of(st.floats(), st.integers(-(2**70), 2**70)),
)
orders = st.builds(
    Order,
    any_time,
    st.text(max_size=3),
    st.none(),
    st.integers(-(2**40), 2**40),
    st.integers(-(2**70), 2**70),
    st.one_of(st.none(), st.sampled_from("abc")),
)
counts = st.builds(Count, any_time, st.integers(-(2**40), 2**40))
windows = st.builds(Window, st.integers(), any_time, st.one_of(st.none(), any_time))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(samples, max_size=30),
    st.lists(orders, max_size=10),
    st.lists(counts, max_size=5),
    st.lists(windows, max_size=4),
    any_time,
    times,
    st.integers(0, 180 * M),
    st.integers(0, 120),
    st.booleans(),
)
def test_no_input_raises(samples, orders, counts, windows, now, start, length, minutes, cut):
    data = ShowData(samples, orders, counts, counts)
    for t in (totals_at(data, now), totals(data, start, start + length)):
        for name in DELTA_FIELDS:
            getattr(t, name)
    deltas(data, now, minutes)
    for series in (online_per_minute, gmv_per_minute, gmv_cumulative_per_minute):
        series(data, start, start + length)
    for series in (orders_per_minute, comments_per_minute, likes_per_minute):
        series(data, start, start + length)
    attribute(data, windows, now, minutes, cut)


def _monotone_counter(steps):
    """gmv_fen samples that never go down, from (ms after T0, increase) pairs."""
    points, total = [], 0
    for dt, inc in sorted(steps):
        total += inc
        points.append(s(T0 + dt, "gmv_fen", total))
    return points


steps = st.lists(st.tuples(st.integers(-10 * M, 60 * M), st.integers(0, 10**6)), max_size=20)
sales = st.lists(st.tuples(st.integers(-10 * M, 60 * M), st.integers(0, 10**6)), max_size=20)


@settings(max_examples=200, deadline=None)
@given(
    steps,
    sales,
    st.lists(st.integers(0, 60 * M), min_size=2, max_size=10, unique=True),
    st.integers(0, 70 * M),
)
def test_disjoint_windows_never_add_up_to_more_than_the_show(steps, sales, cuts, now):
    data = ShowData(_monotone_counter(steps), [order(T0 + dt, fen) for dt, fen in sales])
    cuts = sorted(cuts)  # every other gap between cuts is a window: they never overlap
    ws = [Window(i, T0 + cuts[i], T0 + cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    show = totals_at(data, T0 + now).gmv_fen
    during = [r.during.gmv_fen for r in attribute(data, ws, T0 + now)]
    assert sum(g or 0 for g in during) <= (show or 0)


@settings(max_examples=200, deadline=None)
@given(steps, sales, st.integers(-10 * M, 60 * M), st.integers(0, 30 * M))
def test_minutes_add_up_to_the_range(steps, sales, start, length):
    data = ShowData(_monotone_counter(steps), [order(T0 + dt, fen) for dt, fen in sales])
    start, end = T0 + start, T0 + start + length
    whole = totals(data, start, end)
    minutes = [v for _, v in gmv_per_minute(data, start, end)]
    if whole.gmv_fen is not None:
        assert sum(minutes) == whole.gmv_fen
    if whole.source == ORDERS:
        assert sum(v for _, v in orders_per_minute(data, start, end)) == whole.orders
