"""Stats posted to the API, checked field by field: every refusal has its code and the path of
the field at fault, a batch with one bad item is refused whole with every problem listed, and no
JSON value whatever makes the parser raise anything else."""

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.core.metrics import Count, Order, Sample
from console.core.stats_input import (
    MAX_ITEMS,
    MAX_PROBLEMS,
    MAX_SKEW_MS,
    Batch,
    Comment,
    StatsInputError,
    parse,
)

NOW = 1_750_000_000_000  # 2025-06-15T15:06:40Z
DAY = 24 * 3600 * 1000


def sample(**over):
    return {"type": "sample", "ts": NOW, "metric": "online", "value": 1200, **over}


def order(**over):
    return {"type": "order", "ts": NOW, "order_id": "A-1", "sku": "SKU-1", "qty": 1, **over}


def problems(doc) -> list[str]:
    with pytest.raises(StatsInputError) as e:
        parse(doc, NOW)
    assert e.value.count == len(e.value.problems) or len(e.value.problems) == MAX_PROBLEMS
    return [str(p) for p in e.value.problems]


# -- accepted -----------------------------------------------------------------------------------
def test_one_item_of_each_type_in_a_batch():
    batch = parse(
        {
            "items": [
                sample(),
                order(amount=59.8, user="买家1"),
                {"type": "comment", "ts": NOW, "user": "小王", "text": "多少钱？"},
                {"type": "comment", "ts": NOW, "user": None, "text": "好看"},
                {"type": "like", "ts": NOW, "count": 30},
            ]
        },
        NOW,
    )
    assert batch == Batch(
        (Sample(NOW, "online", 1200.0),),
        (Order(NOW, "A-1", "SKU-1", 1, 5980, "买家1"),),
        (Comment(NOW, "多少钱？", "小王"), Comment(NOW, "好看", None)),
        (Count(NOW, 30),),
    )
    assert len(batch) == 5


def test_a_single_item_without_a_batch():
    assert parse(sample(metric="gmv_fen", value=123456), NOW).samples == (
        Sample(NOW, "gmv_fen", 123456.0),
    )


@pytest.mark.parametrize(
    "ts, ms",
    [
        ("2025-06-15T15:06:40Z", NOW),
        ("2025-06-15T23:06:40.250+08:00", NOW + 250),
        ("2025-06-15 15:06:40+00:00", NOW),
        (NOW - MAX_SKEW_MS, NOW - MAX_SKEW_MS),
        (NOW + MAX_SKEW_MS, NOW + MAX_SKEW_MS),
    ],
)
def test_timestamps_as_epoch_ms_or_iso_with_an_offset(ts, ms):
    assert parse(sample(ts=ts), NOW).samples[0].ts_ms == ms


@pytest.mark.parametrize(
    "money, fen",
    [
        ({"amount": 59.8}, 5980),
        ({"amount": 59.80}, 5980),
        ({"amount": 19.99}, 1999),
        ({"amount": 0.01}, 1),
        ({"amount": 60}, 6000),
        ({"amount": 0}, 0),
        ({"amount": 1234567.89}, 123456789),
        ({"amount_fen": 5980}, 5980),
    ],
)
def test_an_orders_money_in_yuan_or_fen(money, fen):
    assert parse(order(**money), NOW).orders[0].amount_fen == fen


def test_optional_order_fields_may_be_left_out_or_null():
    got = parse(order(sku=None, amount_fen=100), NOW).orders[0]
    assert (got.sku, got.user) == (None, None)


# -- refused, with code and path ---------------------------------------------------------------
@pytest.mark.parametrize(
    "doc, expected",
    [
        ([sample()], ["$: not_an_object"]),
        ("online", ["$: not_an_object"]),
        (None, ["$: not_an_object"]),
        ({"items": {"0": sample()}}, ["items: not_a_list"]),
        ({"items": []}, ["items: empty_batch"]),
        ({"items": [sample()], "show": 1}, ["show: unknown_field"]),
        ({"items": [sample(), 7]}, ["items[1]: not_an_object"]),
        ({"items": [{"ts": NOW}]}, ["items[0].type: missing"]),
        ({"items": [sample(type=1)]}, ["items[0].type: wrong_type"]),
        ({"items": [sample(type="view")]}, ["items[0].type: unknown_type"]),
        ({"items": [sample(extra=1)]}, ["items[0].extra: unknown_field"]),
        ({"items": [sample(**{"a b": 1})]}, ['items[0]["a b"]: unknown_field']),
        ({"items": [sample(metric="gmv")]}, ["items[0].metric: unknown_metric"]),
        ({"items": [sample(metric=5)]}, ["items[0].metric: wrong_type"]),
        ({"items": [sample(metric="")]}, ["items[0].metric: empty"]),
        ({"items": [sample(value="12")]}, ["items[0].value: wrong_type"]),
        ({"items": [sample(value=True)]}, ["items[0].value: wrong_type"]),
        ({"items": [sample(value=-1)]}, ["items[0].value: out_of_range"]),
        ({"items": [sample(value=10**30)]}, ["items[0].value: out_of_range"]),
        ({"items": [sample(value=10**400)]}, ["items[0].value: out_of_range"]),
        ({"items": [sample(value=math.nan)]}, ["items[0].value: not_finite"]),
        ({"items": [sample(value=math.inf)]}, ["items[0].value: not_finite"]),
        ({"items": [sample(value=None)]}, ["items[0].value: wrong_type"]),
        (
            {"items": [{"type": "sample", "ts": NOW, "metric": "online"}]},
            ["items[0].value: missing"],
        ),
        ({"items": [sample(ts=None)]}, ["items[0].ts: wrong_type"]),
        ({"items": [sample(ts=float(NOW))]}, ["items[0].ts: wrong_type"]),
        ({"items": [sample(ts=NOW // 1000)]}, ["items[0].ts: far_from_now"]),  # seconds
        ({"items": [sample(ts=NOW - 3 * DAY)]}, ["items[0].ts: far_from_now"]),
        ({"items": [sample(ts=NOW + MAX_SKEW_MS + 1)]}, ["items[0].ts: far_from_now"]),
        ({"items": [sample(ts=10**300)]}, ["items[0].ts: far_from_now"]),
        ({"items": [sample(ts="yesterday")]}, ["items[0].ts: bad_time"]),
        ({"items": [sample(ts="2025-06-15T15:06:40")]}, ["items[0].ts: no_offset"]),
        ({"items": [sample(ts="2020-06-15T15:06:40Z")]}, ["items[0].ts: far_from_now"]),
        ({"items": [sample(ts="0001-01-01T00:00:00+01:00")]}, ["items[0].ts: far_from_now"]),
        ({"items": [sample(ts="2025-06-15T15:06:40Z" + " " * 40)]}, ["items[0].ts: bad_time"]),
        ({"items": [order(amount=59.999)]}, ["items[0].amount: too_precise"]),
        ({"items": [order(amount=-1)]}, ["items[0].amount: out_of_range"]),
        ({"items": [order(amount=1e12)]}, ["items[0].amount: out_of_range"]),
        ({"items": [order(amount="59.8")]}, ["items[0].amount: wrong_type"]),
        ({"items": [order()]}, ["items[0].amount: missing"]),
        ({"items": [order(amount=1, amount_fen=100)]}, ["items[0].amount_fen: conflict"]),
        ({"items": [order(amount_fen=1.5)]}, ["items[0].amount_fen: wrong_type"]),
        ({"items": [order(amount_fen=-1)]}, ["items[0].amount_fen: out_of_range"]),
        ({"items": [order(amount_fen=1, qty=0)]}, ["items[0].qty: out_of_range"]),
        ({"items": [order(amount_fen=1, qty=2.0)]}, ["items[0].qty: wrong_type"]),
        ({"items": [order(amount_fen=1, order_id=123)]}, ["items[0].order_id: wrong_type"]),
        ({"items": [order(amount_fen=1, order_id=" ")]}, ["items[0].order_id: empty"]),
        ({"items": [order(amount_fen=1, order_id="x" * 129)]}, ["items[0].order_id: too_long"]),
        ({"items": [order(amount_fen=1, sku="\ud800")]}, ["items[0].sku: bad_text"]),
        ({"items": [order(amount_fen=1, user=[])]}, ["items[0].user: wrong_type"]),
        (
            {"items": [{"type": "comment", "ts": NOW, "text": "x" * 2001}]},
            ["items[0].text: too_long"],
        ),
        ({"items": [{"type": "comment", "ts": NOW}]}, ["items[0].text: missing"]),
        ({"items": [{"type": "like", "ts": NOW, "count": 0}]}, ["items[0].count: out_of_range"]),
        ({"items": [{"type": "like", "ts": NOW, "count": "3"}]}, ["items[0].count: wrong_type"]),
        (sample(value=-5), ["value: out_of_range"]),
        (sample(oops=1), ["oops: unknown_field"]),
    ],
)
def test_refusals_name_the_code_and_the_path(doc, expected):
    assert problems(doc) == expected


def test_a_batch_over_the_limit_is_refused_without_reading_the_items():
    assert problems({"items": [sample()] * (MAX_ITEMS + 1)}) == ["items: too_many_items"]
    assert len(parse({"items": [sample()] * MAX_ITEMS}, NOW)) == MAX_ITEMS


def test_one_bad_item_refuses_the_batch_and_every_problem_is_listed():
    doc = {
        "items": [
            sample(),
            sample(metric="nope", ts="soon"),
            order(amount=1.001, qty=-1, color="red"),
            sample(),
        ]
    }
    assert problems(doc) == [
        "items[1].ts: bad_time",
        "items[1].metric: unknown_metric",
        "items[2].color: unknown_field",
        "items[2].qty: out_of_range",
        "items[2].amount: too_precise",
    ]


def test_the_problem_list_is_capped_but_counted():
    with pytest.raises(StatsInputError) as e:
        parse({"items": [sample(value=-1)] * 1000}, NOW)
    assert len(e.value.problems) == MAX_PROBLEMS
    assert e.value.count == 1000
    assert str(e.value.problems[-1]) == f"items[{MAX_PROBLEMS - 1}].value: out_of_range"
    assert "more" in str(e.value)


def test_a_long_odd_key_is_cut_short_in_the_path():
    (path,) = problems(sample(**{"\ud800" + "k" * 500: 1}))
    assert len(path) < 80 and path.endswith(": unknown_field")


# -- fuzz ---------------------------------------------------------------------------------------
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["sample", "order", "comment", "like", "online", "gmv_fen", "ts"]),
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(
                ["type", "ts", "metric", "value", "order_id", "sku", "qty", "amount", "amount_fen"]
                + ["user", "text", "count", "items", "x"]
            )
            | st.text(max_size=5),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)
timestamps = st.one_of(
    st.integers(NOW - 3 * DAY, NOW + 3 * DAY),
    st.datetimes().map(lambda d: d.isoformat()),
    st.text(max_size=30),
)
near_valid_items = st.one_of(
    st.fixed_dictionaries(
        {"type": st.just("sample"), "ts": timestamps, "metric": st.sampled_from(["online", "x"])},
        optional={"value": st.one_of(st.floats(), st.integers(), st.text(max_size=3))},
    ),
    st.fixed_dictionaries(
        {"type": st.just("order"), "ts": timestamps, "order_id": st.text(max_size=130)},
        optional={
            "qty": st.integers(-2, 200_000),
            "amount": st.floats(-1, 1e12) | st.decimals(0, 10**6, places=3).map(float),
            "amount_fen": st.integers(-5, 10**12),
            "sku": st.none() | st.text(max_size=70),
        },
    ),
    st.fixed_dictionaries(
        {"type": st.just("like"), "ts": timestamps, "count": st.integers(-1, 2_000_000)}
    ),
)


def check_never_both(doc) -> None:
    try:
        batch = parse(doc, NOW)
    except StatsInputError as e:
        assert e.problems and e.count >= len(e.problems)
        assert all(p.path and p.code for p in e.problems)
        json.dumps([str(p) for p in e.problems])  # echoed in a response
    else:
        items = doc["items"] if "items" in doc else [doc]
        assert len(batch) == len(items)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_gives_records_or_problems(doc):
    check_never_both(doc)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(near_valid_items, min_size=1, max_size=8), st.booleans())
def test_near_valid_batches_give_records_or_problems(items, single):
    check_never_both(items[0] if single else {"items": items})
