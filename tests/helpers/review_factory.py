"""Reviews made by hand for the review and comparison screens' tests. A simulated show in a real
SQLite file, for the tests that go through load_review, is tests/helpers/review_show.py's."""

from __future__ import annotations

import dataclasses

from console.core.metrics import ORDERS, Totals
from console.reports.review import (
    AlertRecord,
    Band,
    CueRecord,
    Incident,
    Point,
    ProductResult,
    Review,
    SegmentResult,
)
from tests.helpers.review_show import MIN, T0


def totals(**values) -> Totals:
    """Totals with every number unknown but those given."""
    fields = {f.name: None for f in dataclasses.fields(Totals)}
    fields["source"] = ORDERS
    fields.update(values)
    return Totals(**fields)


def product(item_id: int, sku: str, name: str, **kw) -> ProductResult:
    values = dict(explain_count=1, explain_ms=5 * MIN, during=None, after=None, stock_left=None)
    values.update(kw)
    return ProductResult(item_id, sku, name, **values)


def make_review(show_id: int = 1, **overrides) -> Review:
    """A 30-minute show: two products explained, one never; two segments (one over its plan,
    one never started); an incident, an alert and a cue; one unknown total (new followers)."""
    end = T0 + 30 * MIN
    minutes = range(30)
    values = dict(
        show_id=show_id,
        title="周五上新专场",
        platform="douyin",
        start_ms=T0,
        end_ms=end,
        totals=totals(
            online=300,
            peak_online=812,
            viewers=5000,
            gmv_fen=12_345_650,
            orders=321,
            paying_users=250,
            items_sold=400,
            interactions=900,
        ),
        trends={
            "online": tuple(Point(T0 + k * MIN, 200 + 20 * k) for k in minutes),
            "gmv_total": tuple(Point(T0 + k * MIN, 400_000 * k) for k in minutes),
            "gmv_per_minute": tuple(Point(T0 + k * MIN, 400_000) for k in minutes),
            "orders_per_minute": tuple(Point(T0 + k * MIN, 10 + k % 4) for k in minutes),
            "comments_per_minute": tuple(Point(T0 + k * MIN, 30) for k in minutes),
            "likes_per_minute": tuple(Point(T0 + k * MIN, 600) for k in minutes),
        },
        bands=(
            Band("segment", T0, T0 + 20 * MIN, "开场福利"),
            Band("explain", T0 + 2 * MIN, T0 + 10 * MIN, "保湿面霜"),
            Band("explain", T0 + 12 * MIN, T0 + 18 * MIN, "防晒喷雾"),
            Band("flash_sale", T0 + 14 * MIN, T0 + 16 * MIN, "防晒喷雾"),
            Band("scene", T0 + 5 * MIN, None, "Close-up"),
            Band("mic_muted", T0 + 21 * MIN, T0 + 21 * MIN + 14_000, "Mic"),
            Band("alert", T0 + 25 * MIN, None, "low_stock"),
            Band("obs_disconnected", T0 + 27 * MIN, None, ""),
        ),
        products=(
            product(
                11,
                "A1",
                "保湿面霜",
                explain_count=2,
                explain_ms=8 * MIN,
                during=totals(gmv_fen=123_450, orders=12, paying_users=10, viewers=1000),
                after=totals(gmv_fen=50_000, orders=4, paying_users=4, viewers=800),
                stock_left=38,
            ),
            product(
                12,
                "B2",
                "防晒喷雾",
                explain_ms=6 * MIN,
                during=totals(gmv_fen=990_000, orders=50, paying_users=45, viewers=1500),
                after=totals(gmv_fen=None, orders=None),
                stock_left=0,
            ),
            product(13, "C3", "羊绒围巾", explain_count=0, explain_ms=0, stock_left=None),
        ),
        segments=(
            SegmentResult(
                21,
                "开场福利",
                planned_s=15 * 60,
                actual_ms=20 * MIN,
                start_ms=T0,
                during=totals(gmv_fen=1_113_450, orders=62),
                after=totals(gmv_fen=50_000, orders=4),
            ),
            SegmentResult(22, "返场", 600, None, None, None, None),
        ),
        incidents=(
            Incident(T0 + 27 * MIN, "obs_disconnected", {}, 12_000),
            Incident(T0 + 21 * MIN, "mic_muted_live", {"input": "Mic"}, 14_000),
        ),
        alerts=(AlertRecord(T0 + 25 * MIN, "low_stock", {"sku": "B2", "stock": 3}, None),),
        cues=(CueRecord(T0 + 9 * MIN, "assistant", "B2 还剩 3 件", "acknowledged"),),
        notes="",
        after_minutes=10,
    )
    values.update(overrides)
    return Review(**values)
