"""The alert rules as a user lives them: each one raised once when its condition starts, kept
(not repeated) while it lasts, cleared when it stops, and back only after a quiet time."""

import math

import pytest

from console.core import alerts as a
from console.core.alerts import (
    CLEARED,
    QUIET_S,
    RAISED,
    UPDATED,
    AlertEngine,
    DropWindow,
    Ending,
    Explaining,
    Inputs,
    MicState,
    RoomNumbers,
    rules_from_dict,
    rules_to_dict,
)
from console.core.mic_watch import MicWatch

MIN = 60_000


class Room:
    """An engine and a clock; step() evaluates what the room looks like at that moment."""

    def __init__(self, rules=None):
        self.engine = AlertEngine(rules_from_dict(rules or {}))
        self.t = 1000.0
        self.wall = 1_700_000_000_000

    def step(self, dt=1.0, **inputs):
        self.t += dt
        self.wall += int(dt * 1000)
        changes = self.engine.evaluate(Inputs(now=self.t, wall_ms=self.wall, **inputs))
        return [(c.kind, c.alert.rule) for c in changes], changes

    def kinds(self, dt=1.0, **inputs):
        return self.step(dt, **inputs)[0]


def product(stock, mark=10, item_id=7, name="保湿面霜"):
    return Explaining(item_id, name, stock, mark)


# -- settings ------------------------------------------------------------------------------------
def test_missing_or_broken_settings_give_the_defaults():
    defaults = a.default_rules()
    for raw in (None, [], "rules", 42, {}, {"low_stock": "yes"}, {"nonsense": {"enabled": False}}):
        assert rules_from_dict(raw) == defaults
    assert defaults[a.MIC_SILENT]["floor_db"] == -50
    assert defaults[a.DROPPED_FRAMES]["pct"] == 1.0
    assert defaults[a.FLASH_SALE_ENDING]["seconds"] == 10
    assert defaults[a.LOW_STOCK].on_host and not defaults[a.VIEWERS_DROP].on_host


def test_each_bad_value_falls_back_to_its_default_and_good_ones_stay():
    raw = {
        "viewers_drop": {
            "enabled": "no",  # not a bool
            "on_host": True,
            "drop_pct": 40,
            "window_min": 0,  # below its range
            "min_viewers": True,  # a bool is not a number
            "extra": 1,
        },
        "mic_silent": {"seconds": 7.5, "floor_db": float("nan")},  # whole seconds only
        "dropped_frames": {"pct": 2, "window_s": "10"},
        "disk_low": {"min_free_gb": 1e9},
        "flash_sale_ending": {"seconds": 10**400},  # a hand-edited file: no float holds it
        "no_stats": {"minutes": 3.0, "enabled": False},
    }
    rules = rules_from_dict(raw)
    drop = rules[a.VIEWERS_DROP]
    assert (drop.enabled, drop.on_host) == (True, True)
    assert drop.thresholds == {"drop_pct": 40, "window_min": 5, "min_viewers": 50}
    assert rules[a.MIC_SILENT].thresholds == {"seconds": 10, "floor_db": -50}
    assert rules[a.DROPPED_FRAMES].thresholds == {"pct": 2.0, "window_s": 10}
    assert rules[a.DISK_LOW]["min_free_gb"] == 10.0
    assert rules[a.FLASH_SALE_ENDING]["seconds"] == 10
    assert rules[a.NO_STATS]["minutes"] == 3 and not rules[a.NO_STATS].enabled
    assert type(rules[a.NO_STATS]["minutes"]) is int


def test_rules_go_to_a_plain_dict_and_back_unchanged():
    rules = rules_from_dict({"low_stock": {"stock_at_most": 5, "on_host": False}})
    plain = rules_to_dict(rules)
    assert plain["low_stock"] == {"enabled": True, "on_host": False, "stock_at_most": 5}
    assert rules_from_dict(plain) == rules


# -- low stock -----------------------------------------------------------------------------------
def test_low_stock_on_the_explained_product_is_raised_once_and_cleared_by_a_restock():
    room = Room()
    assert room.kinds(explaining=product(50)) == []
    kinds, changes = room.step(explaining=product(8))
    assert kinds == [(RAISED, a.LOW_STOCK)]
    alert = changes[0].alert
    assert alert.values == {"value": 8, "item": 7, "name": "保湿面霜", "mark": 10}
    assert alert.level == a.AMBER and alert.on_host
    for _ in range(5):
        assert room.kinds(explaining=product(8)) == []  # not every second
    kinds, changes = room.step(explaining=product(3))
    assert kinds == [(UPDATED, a.LOW_STOCK)] and changes[0].alert.value == 3
    assert changes[0].alert.id == alert.id
    kinds, changes = room.step(explaining=product(0))
    assert changes[0].alert.level == a.AMBER  # raised amber; the level does not flicker
    kinds, changes = room.step(explaining=product(100))  # restocked
    assert kinds == [(CLEARED, a.LOW_STOCK)]
    assert changes[0].alert.cleared_at == room.t


def test_low_stock_comes_back_only_after_the_quiet_time():
    room = Room()
    room.step(explaining=product(5))
    room.step(explaining=product(100))
    assert room.kinds(explaining=product(4)) == []  # back within the quiet time
    assert room.kinds(dt=QUIET_S - 2, explaining=product(4)) == []
    assert room.kinds(dt=2, explaining=product(4)) == [(RAISED, a.LOW_STOCK)]


def test_another_low_product_is_another_alert_at_once():
    room = Room()
    room.step(explaining=product(5))
    room.step(explaining=None)  # 讲解 stopped
    kinds = room.kinds(explaining=product(2, item_id=8, name="面膜"))
    assert kinds == [(RAISED, a.LOW_STOCK)]
    kinds = room.kinds(explaining=product(1, item_id=9, name="唇膏"))
    assert kinds == [(CLEARED, a.LOW_STOCK), (RAISED, a.LOW_STOCK)]


def test_low_stock_threshold_adds_to_the_products_own_mark_and_sold_out_is_red():
    room = Room({"low_stock": {"stock_at_most": 20}})
    kinds, changes = room.step(explaining=product(15, mark=3))
    assert kinds == [(RAISED, a.LOW_STOCK)] and changes[0].alert.values["mark"] == 20
    room = Room()
    assert room.kinds(explaining=product(15, mark=3)) == []
    assert room.kinds(explaining=product(None)) == []  # stock unknown: nothing to say
    assert room.step(explaining=product(0))[1][0].alert.level == a.RED


# -- viewers drop --------------------------------------------------------------------------------
def viewers(room, now, peak):
    return RoomNumbers(room.wall, now, room.wall, peak)


def test_a_viewer_drop_is_raised_with_its_numbers_and_cleared_with_hysteresis():
    room = Room()
    assert room.kinds(room=viewers(room, 1100, 1240)) == []  # 11 %
    kinds, changes = room.step(room=viewers(room, 843, 1240))
    assert kinds == [(RAISED, a.VIEWERS_DROP)]
    assert changes[0].alert.values == {"value": 32.0, "from": 1240, "to": 843, "window_min": 5}
    assert room.kinds(room=viewers(room, 843, 1240)) == []
    kinds = room.kinds(room=viewers(room, 950, 1240))  # 23 %: in the band, kept
    assert kinds == [(UPDATED, a.VIEWERS_DROP)]
    assert room.kinds(room=viewers(room, 1100, 1240)) == [(CLEARED, a.VIEWERS_DROP)]


def test_small_rooms_and_stale_figures_raise_no_viewer_drop():
    room = Room()
    assert room.kinds(room=viewers(room, 10, 40)) == []  # under min_viewers
    stale = RoomNumbers(room.wall - 6 * MIN, 500, room.wall - 6 * MIN, 1000)
    assert room.kinds(room=stale) == []
    room = Room({"viewers_drop": {"min_viewers": 0}})
    assert room.kinds(room=viewers(room, 10, 40)) == [(RAISED, a.VIEWERS_DROP)]


# -- mic -----------------------------------------------------------------------------------------
def test_a_silent_mic_while_live_is_raised_after_its_seconds_and_cleared_when_heard():
    room = Room()
    mic = [MicState("麦克风 Mic", True, 9.0)]
    assert room.kinds(streaming=True, mics=tuple(mic)) == []
    kinds, changes = room.step(streaming=True, mics=(MicState("麦克风 Mic", True, 10.0),))
    assert kinds == [(RAISED, a.MIC_SILENT)]
    assert changes[0].alert.values == {"value": 10, "input": "麦克风 Mic", "muted": True}
    assert changes[0].alert.level == a.RED
    assert room.kinds(streaming=True, mics=(MicState("麦克风 Mic", True, 11.0),)) == [
        (UPDATED, a.MIC_SILENT)
    ]
    assert room.kinds(streaming=True, mics=(MicState("麦克风 Mic", False, 0.0),)) == [
        (CLEARED, a.MIC_SILENT)
    ]
    # Muted again at once: one alert, not a new one per toggle.
    assert room.kinds(streaming=True, mics=(MicState("麦克风 Mic", True, 12.0),)) == []


def test_a_silent_mic_off_air_raises_nothing_and_stopping_the_stream_clears_it():
    room = Room()
    assert room.kinds(streaming=False, mics=(MicState("Mic", True, 60.0),)) == []
    assert room.kinds(streaming=True, mics=(MicState("Mic", True, 60.0),)) == [
        (RAISED, a.MIC_SILENT)
    ]
    assert room.kinds(streaming=False) == [(CLEARED, a.MIC_SILENT)]


def test_mic_watch_counts_silence_from_the_last_peak_above_its_floor():
    watch = MicWatch(-50.0)
    assert watch.quiet_s("Mic", 100.0) is None  # not listening
    watch.restart(100.0)
    watch.listen(101.0, {"Mic": (-20.0, -20.0, 0.0)})
    assert watch.quiet_s("Mic", 104.0) == 3.0
    assert watch.heard("Mic") == (101.0, -20.0)
    watch.listen(105.0, {"Mic": (-55.0, -45.0, 1.0)})  # the held peak: heard 1 s ago
    assert watch.quiet_s("Mic", 105.0) == 1.0
    assert watch.heard("Mic") == (104.0, -45.0)  # the checklist shows this peak
    watch.listen(106.0, {"Mic": (-58.0, -55.0, 0.2)})  # room noise under −50 dBFS
    assert watch.quiet_s("Mic", 116.0) == 12.0
    watch.floor_db = -60.0
    watch.listen(116.0, {"Mic": (-58.0, -55.0, 0.2)})
    assert watch.quiet_s("Mic", 116.0) == 0.0
    assert watch.quiet_s("Other", 116.0) == 16.0  # never heard: since listening began
    watch.restart(None)
    assert watch.quiet_s("Mic", 116.0) is None and watch.heard("Mic") is None


# -- dropped frames ------------------------------------------------------------------------------
def test_drop_window_gives_the_share_dropped_over_its_window():
    w = DropWindow(10.0)
    assert w.add(0.0, 0, 30) is None  # one poll: no frames in between yet
    for t in range(1, 11):
        pct = w.add(float(t), t, 30 + 30 * t)  # one of every 30 frames dropped
    assert pct == pytest.approx(100 / 30)
    pct = w.add(11.0, 10, 360)  # the window slides: 9 of 300
    assert pct == pytest.approx(3.0)
    assert w.add(12.0, 0, 30) is None  # the stream restarted: counters from zero
    assert w.add(13.0, 0, 60) == 0.0
    assert w.add(14.0, None, None) is None  # not streaming
    assert w.add(15.0, 0, 90) is None


def test_dropped_frames_are_raised_above_their_share_and_cleared_under_half_of_it():
    room = Room()
    assert room.kinds(streaming=True, dropped_pct=0.8) == []
    kinds, changes = room.step(streaming=True, dropped_pct=3.456)
    assert kinds == [(RAISED, a.DROPPED_FRAMES)]
    assert changes[0].alert.values == {"value": 3.46, "window_s": 10}
    assert "pct" not in changes[0].alert.values  # the timeline's own event carries that
    assert room.kinds(streaming=True, dropped_pct=0.7)[0][0] == UPDATED
    assert room.kinds(streaming=True, dropped_pct=0.4) == [(CLEARED, a.DROPPED_FRAMES)]
    assert room.kinds(dt=QUIET_S, streaming=True, dropped_pct=2.0) == [(RAISED, a.DROPPED_FRAMES)]
    assert room.kinds(streaming=False, dropped_pct=2.0) == [(CLEARED, a.DROPPED_FRAMES)]


# -- disk ----------------------------------------------------------------------------------------
def test_low_disk_is_raised_under_its_minimum_and_cleared_a_gigabyte_above():
    room = Room()
    assert room.kinds(disk_free_gb=181.0) == []
    kinds, changes = room.step(disk_free_gb=8.04)
    assert kinds == [(RAISED, a.DISK_LOW)]
    assert changes[0].alert.values == {"value": 8.0, "min_gb": 10.0}
    assert room.kinds(disk_free_gb=10.5) == [(UPDATED, a.DISK_LOW)]  # still too close
    assert room.kinds(disk_free_gb=11.5) == [(CLEARED, a.DISK_LOW)]
    assert room.kinds(dt=QUIET_S, disk_free_gb=None) == []


# -- flash sale ending ---------------------------------------------------------------------------
def sale(left, key=("flash_sale", 7, 1), kind="flash_sale", name="保湿面霜"):
    return (Ending(key, kind, left, name),)


def test_a_sale_ending_is_raised_at_ten_seconds_counted_down_and_cleared_when_over():
    room = Room()
    assert room.kinds(sales=sale(11)) == []
    kinds, changes = room.step(sales=sale(10))
    assert kinds == [(RAISED, a.FLASH_SALE_ENDING)]
    assert changes[0].alert.values == {"value": 10, "offer": "flash_sale", "name": "保湿面霜"}
    assert room.kinds(sales=sale(9)) == [(UPDATED, a.FLASH_SALE_ENDING)]
    assert room.kinds(sales=()) == [(CLEARED, a.FLASH_SALE_ENDING)]
    # The next sale ends a minute later: another sale, raised although within the quiet time.
    assert room.kinds(sales=sale(10, key=("flash_sale", 8, 2))) == [(RAISED, a.FLASH_SALE_ENDING)]


def test_a_coupon_ending_counts_too_with_its_kind():
    room = Room({"flash_sale_ending": {"seconds": 30}})
    kinds, changes = room.step(sales=sale(25, key=("offer", 3), kind="lucky_bag", name=""))
    assert kinds == [(RAISED, a.FLASH_SALE_ENDING)]
    assert changes[0].alert.values["offer"] == "lucky_bag"


# -- no stats ------------------------------------------------------------------------------------
def test_no_stats_while_live_counts_from_the_stream_start_and_clears_on_new_data():
    room = Room()
    started = room.wall
    live = {"streaming": True, "streaming_since_ms": started, "watching_since_ms": started}
    assert room.kinds(room=RoomNumbers(), **live) == []
    assert room.kinds(dt=4 * 60, room=RoomNumbers(), **live) == []
    kinds, changes = room.step(dt=60, room=RoomNumbers(), **live)
    assert kinds == [(RAISED, a.NO_STATS)]
    assert changes[0].alert.values == {"value": 5, "minutes": 5}
    assert room.kinds(room=RoomNumbers(), **live) == []
    assert room.kinds(room=RoomNumbers(latest_ms=room.wall - 2000), **live) == [
        (CLEARED, a.NO_STATS)
    ]


def test_no_stats_off_air_only_for_a_show_being_fed_now():
    room = Room()
    opened = room.wall
    yesterday = RoomNumbers(latest_ms=opened - 24 * 60 * MIN)
    assert room.kinds(dt=10 * 60, room=yesterday, watching_since_ms=opened) == []
    fed = RoomNumbers(latest_ms=room.wall)  # the simulator or the API sends numbers
    assert room.kinds(room=fed, watching_since_ms=opened) == []
    assert room.kinds(dt=5 * 60, room=fed, watching_since_ms=opened) == [(RAISED, a.NO_STATS)]
    assert room.kinds(room=None, watching_since_ms=opened) == [(CLEARED, a.NO_STATS)]  # closed


# -- the engine ----------------------------------------------------------------------------------
def test_switching_a_rule_off_clears_its_alert_and_keeps_it_quiet():
    room = Room()
    room.step(disk_free_gb=2.0)
    room.engine.configure(rules_from_dict({"disk_low": {"enabled": False}}))
    assert room.kinds(disk_free_gb=2.0) == [(CLEARED, a.DISK_LOW)]
    assert room.kinds(dt=QUIET_S * 2, disk_free_gb=2.0) == []
    room.engine.configure(rules_from_dict({"disk_low": {"min_free_gb": 1.5}}))
    assert room.kinds(disk_free_gb=2.0) == []  # above the new minimum
    assert room.kinds(disk_free_gb=1.0) == [(RAISED, a.DISK_LOW)]


def test_a_silenced_alert_stays_silenced_until_it_clears():
    room = Room()
    alert = room.step(explaining=product(5))[1][0].alert
    assert room.engine.silence(alert.id).silenced
    assert room.engine.silence(alert.id) is None  # once
    assert room.step(explaining=product(4))[1][0].alert.silenced  # an update stays silenced
    room.step(explaining=product(100))
    assert room.engine.silence(alert.id) is None  # cleared: nothing to silence
    kinds, changes = room.step(dt=QUIET_S, explaining=product(3))
    assert kinds == [(RAISED, a.LOW_STOCK)] and not changes[0].alert.silenced
    assert changes[0].alert.id != alert.id


def test_several_rules_at_once_each_raise_their_own_alert():
    room = Room()
    kinds = room.kinds(
        streaming=True,
        explaining=product(2),
        dropped_pct=5.0,
        disk_free_gb=1.0,
        mics=(MicState("Mic", False, math.inf),),
    )
    assert sorted(r for _, r in kinds) == sorted(
        [a.LOW_STOCK, a.DROPPED_FRAMES, a.DISK_LOW, a.MIC_SILENT]
    )
    assert len(room.engine.active) == 4
