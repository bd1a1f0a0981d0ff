"""Scheduled room-wide offers (coupons, 福袋) of a show."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from console.core.offers import COUPON, LUCKY_BAG, SCHEDULED, ScheduledOffer
from console.store.timeline import event_row

CANCELLED = "cancelled"


def schedule_offer(
    db: sqlite_utils.Database, show_id: int, offer: ScheduledOffer
) -> ScheduledOffer:
    offer_id = (
        db["offers"]
        .insert(
            {
                "show_id": show_id,
                "kind": offer.kind,
                "start_wall": offer.start.isoformat(),
                "duration_s": offer.duration_s,
                "quantity": offer.quantity,
                "state": SCHEDULED,
            }
        )
        .last_pk
    )
    db["events"].insert(
        event_row(
            "offer_scheduled",
            show_id=show_id,
            offer=offer_id,
            offer_kind=offer.kind,
            start=offer.start.isoformat(),
            duration_s=offer.duration_s,
            quantity=offer.quantity,
        )
    )
    return ScheduledOffer(offer.kind, offer.start, offer.duration_s, offer.quantity, offer_id)


def cancel_offer(db: sqlite_utils.Database, show_id: int, offer_id: int) -> None:
    db["offers"].update(offer_id, {"state": CANCELLED})
    db["events"].insert(event_row("offer_cancelled", show_id=show_id, offer=offer_id))


def list_scheduled(db: sqlite_utils.Database, show_id: int) -> list[ScheduledOffer]:
    rows = db.execute(
        "SELECT id, kind, start_wall, duration_s, quantity FROM offers "
        "WHERE show_id = ? AND kind IN (?, ?) AND state != ? ORDER BY id",
        [show_id, COUPON, LUCKY_BAG, CANCELLED],
    ).fetchall()
    offers = [
        ScheduledOffer(kind, datetime.fromisoformat(start), duration, quantity, offer_id)
        for offer_id, kind, start, duration, quantity in rows
    ]
    return sorted(offers, key=lambda o: o.start)  # by the instant: offsets may differ
