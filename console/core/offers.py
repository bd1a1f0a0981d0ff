"""Flash sales (秒杀 / 限时优惠): a countdown, then a sale window. Pure: times are monotonic
nanoseconds, and every screen that shows the countdown computes it from the same start."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

COUNTDOWN_RANGE_S = (10, 300)  # what the platforms allow (shared notes/domain.md)
SALE_RANGE_S = (60, 1200)  # 1-20 minutes
COUNTING_DOWN, ON_SALE, ENDED = "counting_down", "on_sale", "ended"
NS = 1_000_000_000


class OfferError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class FlashSale:
    item_id: int
    start_ns: int  # when the countdown began
    countdown_s: int
    duration_s: int
    quantity: int | None = None

    def __post_init__(self):
        if not COUNTDOWN_RANGE_S[0] <= self.countdown_s <= COUNTDOWN_RANGE_S[1]:
            raise OfferError("countdown_out_of_range")
        if not SALE_RANGE_S[0] <= self.duration_s <= SALE_RANGE_S[1]:
            raise OfferError("duration_out_of_range")
        if self.quantity is not None and self.quantity <= 0:
            raise OfferError("bad_quantity")

    def phase(self, now_ns: int) -> tuple[str, int]:
        """(phase, whole seconds left in it), rounded up so a countdown never shows 0 early."""
        elapsed = now_ns - self.start_ns
        countdown_ns = self.countdown_s * NS
        if elapsed < countdown_ns:
            return COUNTING_DOWN, -(-(countdown_ns - elapsed) // NS)
        sale_left = countdown_ns + self.duration_s * NS - elapsed
        if sale_left > 0:
            return ON_SALE, -(-sale_left // NS)
        return ENDED, 0


def clock_text(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


# Room-wide offers scheduled ahead: coupons (优惠券) and lucky bags (福袋). They run on the wall
# clock ("福袋 at 20:30 for 10 minutes"), unlike a flash sale, which starts when pressed.
COUPON, LUCKY_BAG = "coupon", "lucky_bag"
SCHEDULED, RUNNING = "scheduled", "running"
SCHEDULED_DURATION_S = (10, 12 * 3600)
START_GRACE_S = 60  # a time of day this recently past still means "now", not tomorrow
DEFAULT_LEAD_S = 600  # the start offered by default: ten minutes ahead


@dataclass(frozen=True)
class ScheduledOffer:
    kind: str
    start: datetime  # timezone-aware
    duration_s: int
    quantity: int | None = None
    id: int | None = None

    def __post_init__(self):
        if self.kind not in (COUPON, LUCKY_BAG):
            raise OfferError("unknown_kind")
        if self.start.tzinfo is None:
            raise OfferError("time_without_offset")
        if not SCHEDULED_DURATION_S[0] <= self.duration_s <= SCHEDULED_DURATION_S[1]:
            raise OfferError("duration_out_of_range")
        if self.quantity is not None and self.quantity <= 0:
            raise OfferError("bad_quantity")

    def phase(self, now: datetime) -> tuple[str, int]:
        """(phase, whole seconds until it starts / left to run), like FlashSale.phase."""
        until = (self.start - now).total_seconds()
        if until > 0:
            return SCHEDULED, math.ceil(until)
        left = until + self.duration_s
        return (RUNNING, math.ceil(left)) if left > 0 else (ENDED, 0)


def default_start(now: datetime) -> datetime:
    return now + timedelta(seconds=DEFAULT_LEAD_S)


def next_start(now: datetime, hour: int, minute: int) -> datetime:
    """The instant a clock time picked at `now` means: today, unless it passed more than the
    grace ago, then tomorrow (shows run past midnight: 00:05 picked at 23:55 is tomorrow).
    In `now`'s UTC offset."""
    start = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if (now - start).total_seconds() > START_GRACE_S:
        start += timedelta(days=1)
    return start


def check_start(start: datetime, now: datetime) -> None:
    """Refuse a start that has already passed (beyond the grace): it would show as ended."""
    if (now - start).total_seconds() > START_GRACE_S:
        raise OfferError("start_in_past")


def days_from(now: datetime, start: datetime) -> int:
    """Calendar days from `now`'s date to `start`'s, on `now`'s clock: 0 today, 1 tomorrow."""
    return (start.astimezone(now.tzinfo).date() - now.date()).days
