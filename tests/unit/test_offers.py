from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.offers import COUNTING_DOWN, ENDED, NS, ON_SALE, FlashSale, OfferError, clock_text


def test_countdown_then_sale_then_end():
    sale = FlashSale(item_id=1, start_ns=0, countdown_s=10, duration_s=60)
    assert sale.phase(0) == (COUNTING_DOWN, 10)
    assert sale.phase(int(9.5 * NS)) == (COUNTING_DOWN, 1)
    assert sale.phase(10 * NS) == (ON_SALE, 60)
    assert sale.phase(69 * NS + 1) == (ON_SALE, 1)
    assert sale.phase(70 * NS) == (ENDED, 0)


@pytest.mark.parametrize(
    "kwargs,code",
    [
        ({"countdown_s": 9}, "countdown_out_of_range"),
        ({"countdown_s": 301}, "countdown_out_of_range"),
        ({"duration_s": 59}, "duration_out_of_range"),
        ({"duration_s": 1201}, "duration_out_of_range"),
        ({"quantity": 0}, "bad_quantity"),
    ],
)
def test_limits_are_the_platforms(kwargs, code):
    args = {"item_id": 1, "start_ns": 0, "countdown_s": 60, "duration_s": 300} | kwargs
    with pytest.raises(OfferError) as e:
        FlashSale(**args)
    assert e.value.code == code


@given(st.integers(10, 300), st.integers(60, 1200), st.integers(0, 2000 * NS))
def test_seconds_left_never_grow_and_phases_follow_in_order(countdown, duration, t):
    sale = FlashSale(1, 0, countdown, duration)
    a, b = sale.phase(t), sale.phase(t + NS // 3)
    order = [COUNTING_DOWN, ON_SALE, ENDED]
    assert order.index(a[0]) <= order.index(b[0])
    if a[0] == b[0]:
        assert b[1] <= a[1]


def test_clock_text():
    assert clock_text(0) == "00:00" and clock_text(75) == "01:15" and clock_text(1200) == "20:00"


def test_scheduled_offer_runs_on_the_wall_clock():
    from datetime import datetime, timedelta, timezone

    from console.core.offers import LUCKY_BAG, RUNNING, SCHEDULED, ScheduledOffer

    cst = timezone(timedelta(hours=8))
    bag = ScheduledOffer(LUCKY_BAG, datetime(2026, 11, 25, 20, 30, tzinfo=cst), 600, 100)
    assert bag.phase(datetime(2026, 11, 25, 20, 25, 30, tzinfo=cst)) == (SCHEDULED, 270)
    assert bag.phase(datetime(2026, 11, 25, 12, 31, tzinfo=UTC)) == (RUNNING, 540)
    assert bag.phase(datetime(2026, 11, 25, 20, 40, tzinfo=cst)) == (ENDED, 0)
    for kwargs, code in (
        ({"kind": "raffle"}, "unknown_kind"),
        ({"start": datetime(2026, 11, 25, 20, 30)}, "time_without_offset"),
        ({"duration_s": 5}, "duration_out_of_range"),
        ({"quantity": -1}, "bad_quantity"),
    ):
        args = {"kind": LUCKY_BAG, "start": bag.start, "duration_s": 600} | kwargs
        with pytest.raises(OfferError) as e:
            ScheduledOffer(**args)
        assert e.value.code == code


MINUTES = st.integers(0, 59)


def test_a_clock_time_already_past_means_tomorrow():
    from datetime import datetime, timedelta, timezone

    from console.core.offers import next_start

    cst = timezone(timedelta(hours=8))
    late = datetime(2026, 11, 25, 23, 55, 30, tzinfo=cst)
    assert next_start(late, 0, 5) == datetime(2026, 11, 26, 0, 5, tzinfo=cst)  # past midnight
    assert next_start(late, 23, 58) == datetime(2026, 11, 25, 23, 58, tzinfo=cst)
    assert next_start(late, 23, 55) == datetime(2026, 11, 25, 23, 55, tzinfo=cst)  # 30 s ago: now
    assert next_start(late, 23, 54) == datetime(2026, 11, 26, 23, 54, tzinfo=cst)  # 90 s ago
    early = datetime(2026, 11, 26, 0, 3, tzinfo=cst)
    assert next_start(early, 0, 5) == datetime(2026, 11, 26, 0, 5, tzinfo=cst)
    assert next_start(early, 23, 50) == datetime(2026, 11, 26, 23, 50, tzinfo=cst)


@given(st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1)), st.integers(0, 23), MINUTES)
def test_a_picked_start_is_never_past_and_within_a_day(naive_now, hour, minute):
    from datetime import timedelta, timezone

    from console.core.offers import START_GRACE_S, check_start, next_start

    now = naive_now.replace(tzinfo=timezone(timedelta(hours=8)))
    start = next_start(now, hour, minute)
    assert (start.hour, start.minute) == (hour, minute)
    assert -START_GRACE_S <= (start - now).total_seconds() < 24 * 3600 - START_GRACE_S
    check_start(start, now)  # never refused


def test_a_start_in_the_past_is_refused_and_days_are_counted_on_the_local_clock():
    from datetime import datetime, timedelta, timezone

    from console.core.offers import check_start, days_from, default_start

    cst = timezone(timedelta(hours=8))
    now = datetime(2026, 11, 25, 23, 55, tzinfo=cst)
    check_start(now - timedelta(seconds=60), now)  # within the grace
    with pytest.raises(OfferError) as e:
        check_start(now - timedelta(seconds=61), now)
    assert e.value.code == "start_in_past"
    assert default_start(now) == datetime(2026, 11, 26, 0, 5, tzinfo=cst)
    assert days_from(now, default_start(now)) == 1
    assert days_from(now, datetime(2026, 11, 25, 15, 58, tzinfo=UTC)) == 0  # 23:58 in Beijing
    assert days_from(now, datetime(2026, 11, 25, 16, 5, tzinfo=UTC)) == 1  # 00:05 in Beijing
