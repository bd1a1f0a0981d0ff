"""Cue rules (console/core/cues.py) and their log in the store (console/store/cues_repo.py)."""

import json
import sqlite3

import pytest

from console.core.cues import (
    ACKNOWLEDGED,
    CANNED,
    DEFAULT_CANNED,
    DEFAULT_TIMEOUT_S,
    FREE,
    MAX_CANNED,
    MAX_TEXT,
    NS,
    TIMED_OUT,
    CueError,
    canned_list,
    make_cue,
)
from console.settings import Settings
from console.store.cues_repo import close_open_cues, list_cues, save_cue, set_outcome
from console.store.db import open_db
from tests.helpers.show_db import make_show

T0 = 5_000 * NS


def test_a_cue_times_out_after_thirty_seconds():
    cue = make_cue(CANNED, "welfare", T0)
    assert cue.showing and cue.timeout_s == DEFAULT_TIMEOUT_S == 30
    assert not cue.expired(T0 + 30 * NS - 1)
    assert cue.expired(T0 + 30 * NS)
    ended = cue.ended(TIMED_OUT, T0 + 30 * NS)
    assert not ended.showing and ended.outcome_ns == T0 + 30 * NS


def test_the_flash_is_one_hertz_from_the_cue_s_own_start():
    cue = make_cue(FREE, "看左边", T0)
    lit = [cue.flash_on(T0 + n * NS // 4) for n in range(8)]
    assert lit == [True, True, False, False, True, True, False, False]


def test_words_are_tidied_and_checked():
    assert make_cue(FREE, "  放慢\n 一点 ", T0).text == "放慢 一点"
    with pytest.raises(CueError) as e:
        make_cue(FREE, " \n ", T0)
    assert e.value.code == "empty"
    with pytest.raises(CueError) as e:
        make_cue(FREE, "字" * (MAX_TEXT + 1), T0)
    assert e.value.code == "too_long"
    with pytest.raises(CueError):
        make_cue("shout", "hi", T0)


def test_two_cues_never_share_a_stamp_on_a_coarse_clock():
    first = make_cue(CANNED, "welfare", T0)
    second = make_cue(CANNED, "push_orders", T0, last_sent_ns=first.sent_ns)
    assert second.sent_ns == T0 + 1


def test_canned_list_defaults_and_cleans():
    assert canned_list([]) == DEFAULT_CANNED
    assert canned_list(["讲福利", " 讲福利 ", "", 3, "x" * (MAX_TEXT + 1), "welfare"]) == (
        "讲福利",
        "welfare",
    )
    assert len(canned_list([f"cue {n}" for n in range(20)])) == MAX_CANNED


def test_settings_keep_the_canned_list(tmp_path):
    path = tmp_path / "settings.json"
    Settings(canned_cues=["welfare", "看一下库存"], host_view_screen="HDMI-1").save(path)
    loaded = Settings.load(path)
    assert loaded.canned_cues == ["welfare", "看一下库存"]
    assert loaded.host_view_screen == "HDMI-1" and loaded.host_view_fullscreen is True


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, [])
    database = open_db(path)
    yield database, show_id, path
    database.close()


def events(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT kind, mono_ns, data FROM events ORDER BY id").fetchall()
    conn.close()
    return [(kind, mono_ns, json.loads(data)) for kind, mono_ns, data in rows]


def test_store_logs_each_cue_with_its_events(db):
    database, show_id, path = db
    first = make_cue(CANNED, "welfare", T0)
    second = make_cue(FREE, "看评论区第三条", T0 + 4 * NS)
    with database.atomic():
        first_id = save_cue(database, show_id, first)
    with database.atomic():  # the second replaces the first, which ends unacknowledged
        save_cue(database, show_id, second, first.ended(TIMED_OUT, second.sent_ns))
    with database.atomic():
        assert set_outcome(database, show_id, second.ended(ACKNOWLEDGED, T0 + 6 * NS))
    with database.atomic():  # already ended: nothing more is written
        assert not set_outcome(database, show_id, second.ended(TIMED_OUT, T0 + 34 * NS))
    cues = list_cues(database, show_id)
    assert [(c.kind, c.text, c.outcome) for c in cues] == [
        (CANNED, "welfare", TIMED_OUT),
        (FREE, "看评论区第三条", ACKNOWLEDGED),
    ]
    assert cues[0].id == first_id and cues[0].sent_ns == T0 and cues[0].wall
    log = events(path)
    assert [k for k, _, _ in log] == ["cue_sent", "cue_timed_out", "cue_sent", "cue_acknowledged"]
    assert log[1][2] == {"message": first_id, "shown_ms": 4000, "reason": "replaced"}
    assert log[3][1] == T0 + 6 * NS and log[3][2]["shown_ms"] == 2000
    row = database.execute("SELECT outcome_wall FROM messages WHERE id = ?", [first_id]).fetchone()
    assert row[0]


def test_cues_left_showing_by_a_crash_are_closed_at_the_next_open(db):
    database, show_id, path = db
    with database.atomic():
        save_cue(database, show_id, make_cue(CANNED, "drink_water", T0))
    with database.atomic():
        assert close_open_cues(database, show_id) == 1
    assert close_open_cues(database, show_id) == 0
    assert [c.outcome for c in list_cues(database, show_id)] == [TIMED_OUT]
    assert events(path)[-1][2]["reason"] == "not_closed"
