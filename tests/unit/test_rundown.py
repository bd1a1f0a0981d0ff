"""The rundown's rules and its clock, with an injected clock (nanoseconds passed in), by example
and as properties over random action sequences; then the store's round trip."""

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core import rundown as R
from console.core.rundown import NS, Rundown, RundownError, RundownStatus, Segment
from console.store.db import open_db
from console.store.rundown_repo import load_rundown, save_action, save_rundown

T0 = 1_000 * NS  # the clock's value when the show starts


def make(*planned_min, rehearsal=False):
    return Rundown(
        7,
        tuple(Segment(i, f"环节{i}", m * 60) for i, m in enumerate(planned_min, 1)),
        rehearsal,
    )


def at(seconds):
    return T0 + seconds * NS


def code_of(action):
    with pytest.raises(RundownError) as e:
        action()
    return e.value.code


# -- running ----------------------------------------------------------------------------------
def test_start_next_runs_down_the_rundown_and_finishes_after_the_last():
    r = R.start(make(5, 10, 5), at(0))
    assert r.running.id == 1
    r = R.next_segment(r, at(330))  # 30 s over
    assert [(s.start_ns, s.end_ns) for s in r.segments[:2]] == [(at(0), at(330)), (at(330), None)]
    r = R.next_segment(R.next_segment(r, at(900)), at(1200))
    assert r.running is None and r.segments[-1].end_ns == at(1200)
    assert code_of(lambda: R.next_segment(r, at(1300))) == "nothing_to_start"
    assert [s.actual_s(at(9999)) for s in r.segments] == [330, 570, 300]
    assert [s.over_under_s(at(9999)) for s in r.segments] == [30, -30, 0]


def test_previous_undoes_a_next_pressed_too_early():
    r = R.next_segment(R.start(make(5, 5), at(0)), at(60))
    r = R.previous(r, at(65))
    first, second = r.segments
    assert first.running and first.start_ns == at(0)  # runs on from its own start
    assert second.start_ns is None and not second.played
    assert R.status(r, at(70)).segment_elapsed_s == 70


def test_previous_after_stop_reopens_and_previous_on_the_first_unstarts_it():
    r = R.stop(R.start(make(5, 5), at(0)), at(100))
    assert R.previous(r, at(110)).running.id == 1
    assert R.previous(R.start(make(5, 5), at(0)), at(3)).segments[0].played is False
    assert code_of(lambda: R.previous(make(5), at(0))) == "nothing_to_reopen"
    assert code_of(lambda: R.stop(make(5), at(0))) == "not_running"


def test_start_jumps_to_a_chosen_segment_but_not_to_a_played_one():
    r = R.start(make(5, 5, 5), at(0), segment_id=3)
    assert r.running.id == 3 and r.next_up() is None
    r = R.start(r, at(10), segment_id=1)
    assert r.segments[2].end_ns == at(10) and r.running.id == 1
    assert R.start(r, at(20), segment_id=1) == r  # already running: nothing to do
    assert code_of(lambda: R.start(r, at(20), segment_id=3)) == "already_played"


def test_a_real_shows_played_segments_stay_and_reset_is_for_rehearsals():
    r = R.start(make(5, 5), at(0))
    assert code_of(lambda: R.remove(r, 1)) == "segment_running"
    assert code_of(lambda: R.remove(R.next_segment(r, at(9)), 1)) == "segment_played"
    assert code_of(lambda: R.reset(R.stop(r, at(5)))) == "not_rehearsal"
    rehearsal = R.start(make(5, 5, rehearsal=True), at(0))
    assert code_of(lambda: R.reset(rehearsal)) == "segment_running"
    played = R.stop(rehearsal, at(5))
    assert [s.id for s in R.remove(played, 1).segments] == [2]  # a rehearsal's may go
    again = R.reset(played)
    assert not any(s.played for s in again.segments)


def test_a_jump_skips_the_segments_in_between_and_the_show_still_finishes():
    r = R.start(make(5, 5, 5, 5), at(0))
    r = R.start(r, at(300), segment_id=3)  # 环节2 skipped
    assert r.skipped() == {2} and r.next_up().id == 4
    s = R.status(r, at(310))  # 5 min of the plan left out: 5 min gained
    assert (s.segment_title, s.next_title, s.show_over_under_s) == ("环节3", "环节4", -300)
    r = R.next_segment(R.next_segment(r, at(600)), at(900))
    assert r.running is None and r.next_up() is None
    finished = RundownStatus(None, None, 0, 0, "idle", None, 900, -300)
    assert R.status(r, at(950)) == R.status(r, at(5000)) == finished  # it does not grow
    assert code_of(lambda: R.next_segment(r, at(960))) == "nothing_to_start"
    assert code_of(lambda: R.start(r, at(960))) == "nothing_to_start"
    assert r.skipped() == {2}


def test_a_skipped_segment_can_still_be_chosen_and_next_goes_on_after_the_last_played():
    r = R.start(make(5, 5, 5, 5), at(0), segment_id=3)  # 1 and 2 skipped
    assert r.skipped() == {1, 2} and R.status(r, at(0)).next_title == "环节4"
    r = R.start(r, at(60), segment_id=1)  # back to a skipped one: 3 ends
    assert r.skipped() == {2} and r.next_up().id == 4
    r = R.next_segment(r, at(120))
    assert r.running.id == 4 and r.segment(2).played is False


def test_previous_after_a_jump_reopens_the_segment_jumped_from():
    r = R.start(make(5, 5, 5, 5), at(0))
    r = R.start(r, at(100), segment_id=3)  # 1 ends at 100
    r = R.start(r, at(200), segment_id=2)  # 3 ends at 200: 2 was skipped, now chosen
    r = R.previous(r, at(210))
    assert r.running.id == 3 and r.running.start_ns == at(100)
    assert r.segment(2).played is False and r.segment(1).end_ns == at(100)
    assert r.skipped() == {2}


def test_a_pause_after_a_jump_counts_against_the_plan_without_the_skipped():
    r = R.stop(R.start(make(5, 5, 5), at(0), segment_id=2), at(300))  # 1 skipped
    s = R.status(r, at(400))  # ends at 400 + 300 s (环节3) against 900 s planned
    assert (s.next_title, s.show_over_under_s) == ("环节3", -200)


def test_times_from_before_a_reboot_are_moved_onto_this_boots_clock():
    wall = "2025-06-18T12:{:02d}:00+00:00".format
    before_reboot = Rundown(
        7,
        (
            Segment(1, "开场", 300, start_ns=at(0), end_ns=at(330), start_wall=wall(0)),
            Segment(2, "爆品", 600, start_ns=at(330), start_wall=wall(5)),
            Segment(3, "返场", 300),
        ),
    )
    now = 40 * NS  # the PC restarted: its monotonic clock began again, at 12:12
    r = R.rebase(before_reboot, now, wall(12))
    one, two, three = r.segments
    assert two.start_ns == now - 7 * 60 * NS  # running for 7 min by the wall clock
    assert (one.end_ns - one.start_ns, one.start_ns) == (330 * NS, now - 12 * 60 * NS)
    assert three == before_reboot.segments[2]
    s = R.status(r, now + 10 * NS)
    assert (s.segment_title, s.segment_elapsed_s, s.segment_remaining_s) == ("爆品", 430, 170)
    assert s.show_elapsed_s == 730
    # same boot: nothing moves (a stamp is one moment on both clocks)
    same = R.rebase(r, now + NS, "2025-06-18T12:12:01+00:00")
    assert same == r


def test_a_reboot_with_a_short_uptime_is_found_by_the_wall_clock():
    """The old boot's clock was behind the new one's: its times are not later than now, but
    they started at another moment."""
    s = Segment(1, "开场", 300, start_ns=10 * NS, start_wall="2025-06-18T12:00:00+00:00")
    now, now_wall = 600 * NS, "2025-06-18T13:00:00+00:00"  # an hour later by the wall
    moved = R.rebase(Rundown(7, (s,)), now, now_wall).segments[0]
    assert moved.start_ns == now - 3600 * NS
    no_wall = R.rebase(Rundown(7, (replace(s, start_ns=900 * NS, start_wall=None),)), now, now_wall)
    assert no_wall.segments[0].start_ns == now  # no wall time: from now, not frozen


# -- editing ----------------------------------------------------------------------------------
def test_add_edit_move_duplicate_remove():
    r = R.add(make(5), Segment(-1, "  福袋互动 ", 120, "扣想要"), index=0)
    assert [s.title for s in r.segments] == ["福袋互动", "环节1"]
    r = R.edit(r, -1, planned_s=180, item_ids=(4, 5))
    r = R.duplicate(R.start(r, at(0)), -1, -2)
    copy = r.segment(-2)
    assert (copy.title, copy.planned_s, copy.item_ids, copy.played) == (
        "福袋互动",
        180,
        (4, 5),
        False,
    )
    assert [s.id for s in R.move(r, 1, 0).segments] == [1, -1, -2]
    assert [s.id for s in R.remove(r, -2).segments] == [-1, 1]
    assert code_of(lambda: R.edit(r, -1, title=" ")) == "title_empty"
    assert code_of(lambda: R.edit(r, -1, planned_s=0)) == "duration_out_of_range"
    assert code_of(lambda: R.move(r, 99, 0)) == "no_such_segment"


# -- the clock: levels, remaining, over/under --------------------------------------------------
@pytest.mark.parametrize(
    "planned_s, warning, danger",
    [(300, 60, 30), (60, 30, 10), (20, 30, 10), (3600, 120, 30), (150, 30, 15)],
)
def test_thresholds_scale_with_the_segment_within_their_bounds(planned_s, warning, danger):
    assert R.thresholds(planned_s) == (warning, danger)


@pytest.mark.parametrize(
    "elapsed, remaining, level",
    [
        (0, 300, "normal"),
        (239.9, 61, "normal"),
        (240, 60, "warning"),  # 20 % of 5 min left
        (269.5, 31, "warning"),
        (270, 30, "danger"),  # the last 10 %
        (299.9, 1, "danger"),
        (300, 0, "over"),
        (345, -45, "over"),
    ],
)
def test_a_five_minute_segment_turns_amber_red_then_over(elapsed, remaining, level):
    r = R.start(make(5, 10), at(0))
    s = R.status(r, T0 + int(elapsed * NS))
    assert (s.segment_remaining_s, s.level) == (remaining, level)
    assert (s.segment_title, s.segment_index, s.next_title) == ("环节1", 0, "环节2")


def test_show_over_under_counts_overruns_and_pauses_and_lead():
    r = R.start(make(5, 5, 5), at(0))
    assert R.status(r, at(200)).show_over_under_s == 0  # under in a segment is not yet ahead
    assert R.status(r, at(320)).show_over_under_s == 20
    r = R.next_segment(r, at(320))
    s = R.status(r, at(330))
    assert (s.show_over_under_s, s.show_elapsed_s, s.segment_elapsed_s) == (20, 330, 10)
    r = R.next_segment(r, at(500))  # the 2nd ran 3 min: 2 min made up, 100 s ahead now
    assert R.status(r, at(510)).show_over_under_s == -100
    r = R.stop(r, at(600))
    paused = R.status(r, at(700))  # finished: 600 s shown against 900 planned
    assert paused == RundownStatus(None, None, 0, 0, "idle", None, 600, -300)


def test_a_pause_between_segments_eats_into_the_plan():
    r = R.stop(R.start(make(5, 5), at(0)), at(300))
    s = R.status(r, at(400))
    assert (s.level, s.next_title, s.show_over_under_s, s.show_elapsed_s) == (
        "idle",
        "环节2",
        100,
        400,
    )


def test_idle_before_the_show():
    assert R.status(make(5, 5), at(50)) == RundownStatus(None, None, 0, 0, "idle", "环节1", 0, 0)
    assert R.status(Rundown(), 0).next_title is None


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("5", 300),
        ("5分钟", 300),
        ("５分", 300),
        ("5 min", 300),
        ("5:00", 300),
        ("5：30", 330),
        ("1:30:00", 5400),
        ("90秒", 90),
        ("90s", 90),
        ("1h", 3600),
        ("1小时30分", 5400),
        ("1.5h", 5400),
        ("0.5", 30),
        ("", None),
        ("0", None),
        ("5:75", None),
        ("五分钟", None),
        ("5m 3x", None),
        ("13h", None),
    ],
)
def test_durations_as_people_write_them(text, seconds):
    assert R.parse_duration(text) == seconds


def test_duration_text():
    assert [R.duration_text(s) for s in (0, 65, 3723, -30)] == [
        "00:00",
        "01:05",
        "1:02:03",
        "-00:30",
    ]


# -- properties -------------------------------------------------------------------------------
ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "move", "dup", "start", "next", "prev", "stop", "jump"]),
        st.integers(0, 8),
        st.integers(-5, 400),  # seconds the clock moves: sometimes backwards
    ),
    max_size=40,
)


def apply(r, action, n, now, new_id):
    target = r.segments[n % len(r.segments)].id if r.segments else 0
    if action == "add":
        return R.add(r, Segment(new_id, "新环节", 60), n)
    if action == "dup":
        return R.duplicate(r, target, new_id)
    if action == "move":
        return R.move(r, target, n)
    if action in ("remove", "jump"):
        return R.remove(r, target) if action == "remove" else R.start(r, now, target)
    rule = {"start": R.start, "next": R.next_segment, "prev": R.previous, "stop": R.stop}
    return rule[action](r, now)


@settings(max_examples=300, deadline=None)
@given(ACTIONS)
def test_any_sequence_keeps_the_rundown_sound(actions):
    r, now, new_id = make(5, 3, 8), T0, -1
    for action, n, step in actions:
        now += step * NS
        try:
            r = apply(r, action, n, now, new_id)
        except RundownError:
            continue
        new_id -= 1
        ids = [s.id for s in r.segments]
        assert len(ids) == len(set(ids))  # positions stay a permutation of the segments
        assert sum(s.running for s in r.segments) <= 1
        for s in r.segments:
            assert s.end_ns is None or (s.start_ns is not None and s.end_ns >= s.start_ns)
        st_ = R.status(r, now)
        assert st_.level in ("idle", "normal", "warning", "danger", "over")
        assert (st_.segment_title is None) == (r.running is None)
        nxt = r.next_up()
        assert nxt is None or (not nxt.played and nxt.id not in r.skipped())
        if r.running is None and nxt is None and any(s.played for s in r.segments):
            assert R.status(r, now + 3600 * NS) == st_  # finished: the figures stay
        rebooted = R.rebase(r, T0 + n * NS, "2025-06-18T12:00:00+00:00")  # a clock from 0
        assert [s.played for s in rebooted.segments] == [s.played for s in r.segments]
        for s in rebooted.segments:
            assert s.start_ns is None or s.start_ns <= max(now, T0 + n * NS)
            assert s.end_ns is None or s.end_ns >= s.start_ns


# -- the store ----------------------------------------------------------------------------------
@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "rundown.db")
    with db.atomic():
        db["shows"].insert({"id": 7, "title": "场", "platform": "douyin", "rehearsal": 1})
        db["products"].insert_all({"id": p, "sku": f"S{p}", "name": f"商品{p}"} for p in (1, 2))
        db["show_items"].insert_all(
            {"id": 10 + p, "show_id": 7, "product_id": p, "position": p, "state": "pending"}
            for p in (1, 2)
        )
    yield db
    db.close()


def events(db):
    return [(k, json.loads(d)) for k, d in db.execute("SELECT kind, data FROM events ORDER BY id")]


def test_unsaved_segments_get_rows_and_later_changes_find_them(db):
    ids = {}
    empty = Rundown(7, (), True)
    one = R.add(empty, Segment(-1, "开场福利", 300, "话术", (12, 11)))
    with db.atomic():
        save_action(db, 7, empty, one, ids, "segment_added", {"segment": -1})
    row = ids[-1]
    two = R.start(R.edit(one, -1, title="开场"), at(0), wall="2025-06-18T12:00:00+00:00")
    with db.atomic():  # still by the unsaved id: the GUI has not heard back yet
        save_rundown(db, 7, one, two, ids)
    loaded = load_rundown(db, 7)
    assert loaded.rehearsal and len(loaded.segments) == 1
    s = loaded.segments[0]
    assert (s.id, s.title, s.item_ids, s.start_ns, s.start_wall) == (
        row,
        "开场",
        (12, 11),
        at(0),
        "2025-06-18T12:00:00+00:00",
    )
    assert events(db) == [
        ("rundown_segment_added", {"segment": row}),
        ("segment_started", {"segment": row, "title": "开场", "planned_s": 300}),
    ]


def test_a_next_is_stored_as_ended_then_started_at_the_same_moment(db):
    ids = {}
    plan = make(5, 5)
    with db.atomic():
        save_rundown(db, 7, Rundown(7), plan, ids)
    stored = load_rundown(db, 7)
    running = R.start(stored, at(0))
    after = R.next_segment(running, at(310))
    with db.atomic():
        save_rundown(db, 7, stored, running, ids)
        save_rundown(db, 7, running, after, ids)
        save_rundown(db, 7, after, R.remove(after, stored.segments[0].id), ids)
    rows = db.execute("SELECT kind, mono_ns FROM events ORDER BY id").fetchall()
    assert rows == [
        ("segment_started", at(0)),
        ("segment_ended", at(310)),
        ("segment_started", at(310)),
    ]
    assert json.loads(db.execute("SELECT data FROM events WHERE id = 2").fetchone()[0]) == {
        "segment": 1,
        "title": "环节1",
        "planned_s": 300,
        "actual_s": 310,
    }
    assert [s.id for s in load_rundown(db, 7).segments] == [2]
    assert db.execute("SELECT count(*) FROM segment_items WHERE segment_id = 1").fetchone() == (0,)


@settings(max_examples=40, deadline=None)
@given(ACTIONS)
def test_any_sequence_saved_step_by_step_loads_back_the_same(tmp_path_factory, actions):
    db = open_db(tmp_path_factory.mktemp("prop") / "rundown.db")
    try:
        db["shows"].insert({"id": 7, "title": "场", "platform": "douyin"})
        ids, stored = {}, Rundown(7)
        r, now, new_id = make(5, 3, 8), T0, -1
        with db.atomic():
            save_rundown(db, 7, stored, r, ids)
        for action, n, step in actions:
            now += step * NS
            try:
                after = apply(r, action, n, now, new_id)
            except RundownError:
                continue
            new_id -= 1
            with db.atomic():
                save_rundown(db, 7, r, after, ids)
            r = after
        loaded = load_rundown(db, 7)
        assert [s.id for s in loaded.segments] == [ids.get(s.id, s.id) for s in r.segments]
        assert [(s.title, s.start_ns, s.end_ns) for s in loaded.segments] == [
            (s.title, s.start_ns, s.end_ns) for s in r.segments
        ]
        positions = [p for (p,) in db.execute("SELECT position FROM segments ORDER BY position")]
        assert positions == list(range(len(r.segments)))
    finally:
        db.close()


def test_loading_with_now_moves_a_running_segment_from_before_a_reboot(db):
    plan = Rundown(7, (Segment(-1, "开场", 300),), True)
    ids = {}
    with db.atomic():
        save_rundown(db, 7, Rundown(7, (), True), plan, ids)
    running = R.start(load_rundown(db, 7), 9_000 * NS, wall="2025-06-18T12:00:00+00:00")
    with db.atomic():
        save_rundown(db, 7, load_rundown(db, 7), running, ids)
    now = (5 * NS, "2025-06-18T12:01:00+00:00")  # after the restart
    assert load_rundown(db, 7).running.start_ns == 9_000 * NS  # as stored
    assert load_rundown(db, 7, now).running.start_ns == 5 * NS - 60 * NS
