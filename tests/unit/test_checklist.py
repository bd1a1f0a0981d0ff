"""Checklists: the pure self-check rules (missing evidence is UNKNOWN, never a crash), the
shipped templates, and the store (a show's instance, checks with their events, edits, the
user's own template)."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core import checklist as cl
from console.core.checklist import (
    AUTO_CHECKS,
    FAILED,
    OK,
    PHASES,
    UNKNOWN,
    Checklist,
    ChecklistItem,
    Evidence,
    MicEvidence,
    evaluate,
)
from console.core.queue import SKIPPED, QueueItem
from console.resources import resource_path
from console.store import checklist_repo as repo
from console.store.db import open_db
from tests.helpers.show_db import make_show

LIVE = Evidence(
    now=100.0,
    obs="connected",
    collection="带货直播",
    collections=("未命名", "带货直播"),
    profile="抖音竖屏",
    profiles=("抖音竖屏",),
    stream_type="rtmp_custom",
    stream_server="rtmp://push.example.com/live",
    stream_key_set=True,
    mics=(
        MicEvidence("桌面音频", False, 99.0, -20.0, is_mic=False),
        MicEvidence("麦克风", False, 97.0, -18.04),
    ),
    listening_since=10.0,
    disk_free_gb=120.5,
    queue=(QueueItem(1, 1, "A1", "面膜", live_price_fen=5990, stock=100),),
)


def result(kind, params=None, **evidence):
    ev = Evidence(**{**LIVE.__dict__, **evidence})
    return evaluate(kind, params or {}, ev)


# -- missing or odd evidence ----------------------------------------------------------------
@pytest.mark.parametrize("kind", AUTO_CHECKS)
def test_nothing_known_is_unknown_for_every_check(kind):
    r = evaluate(kind, {}, Evidence())
    assert r.state == UNKNOWN


def test_a_hand_checked_item_has_no_self_check_and_an_unknown_kind_is_unknown():
    assert evaluate(None, {}, LIVE) is None
    r = evaluate("dmx_universe", {}, LIVE)  # from a newer template
    assert (r.state, r.code, r.values) == (UNKNOWN, "unknown_kind", {"kind": "dmx_universe"})


@pytest.mark.parametrize(
    "kind, params",
    [
        ("disk_free", {"min_free_gb": "twenty"}),
        ("disk_free", {"min_free_gb": -1}),
        ("disk_free", {"min_free_gb": float("nan")}),
        ("mic_live", {"window_s": True}),
        ("scene_collection", {"collection": 3}),
        ("profile", ["not", "a", "dict"]),
    ],
)
def test_malformed_params_are_reported_not_raised(kind, params):
    assert evaluate(kind, params, LIVE).code == "bad_params"


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from((*AUTO_CHECKS, "other", None)),
    params=st.one_of(
        st.none(),
        st.dictionaries(
            st.sampled_from(["collection", "profile", "input", "window_s", "min_free_gb", "x"]),
            st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text()),
        ),
        st.text(),
    ),
    obs=st.one_of(st.none(), st.sampled_from(["connected", "reconnecting", "failed"])),
    collection=st.one_of(st.none(), st.text()),
    server=st.one_of(st.none(), st.text()),
    key=st.one_of(st.none(), st.booleans()),
    heard=st.one_of(st.none(), st.floats(allow_nan=True)),
    peak=st.one_of(st.none(), st.floats()),
    disk=st.one_of(st.none(), st.floats()),
    since=st.one_of(st.none(), st.floats()),
)
def test_any_evidence_gives_a_state_never_an_exception(
    kind, params, obs, collection, server, key, heard, peak, disk, since
):
    ev = Evidence(
        now=50.0,
        obs=obs,
        collection=collection,
        stream_type=None if server is None else "rtmp_custom",
        stream_server=server,
        stream_key_set=key,
        mics=(MicEvidence("mic", False, heard, peak),),
        listening_since=since,
        disk_free_gb=disk,
    )
    r = evaluate(kind, params, ev)
    assert r is None or r.state in (OK, FAILED, UNKNOWN)


# -- each check ---------------------------------------------------------------------------------
def test_obs_connected():
    assert result("obs_connected").state == OK
    r = result("obs_connected", obs="reconnecting")
    assert (r.state, r.code, r.values) == (FAILED, "obs_not_connected", {"state": "reconnecting"})


@pytest.mark.parametrize(
    "kind, key, which",
    [("scene_collection", "collection", "collection"), ("profile", "profile", "profile")],
)
def test_collection_and_profile(kind, key, which):
    current = LIVE.collection if which == "collection" else LIVE.profile
    r = result(kind, {key: current})
    assert (r.state, r.code, r.values) == (OK, f"{which}_current", {"name": current})
    r = result(kind, {key: "彩排"})
    assert (r.state, r.code) == (FAILED, f"{which}_other")
    assert r.values == {"expected": "彩排", "actual": current}
    wanted = {key: current}
    assert result(kind, wanted, **{which: None}).code == "waiting"  # OBS has not answered yet
    r = result(kind, wanted, obs="reconnecting")
    assert (r.state, r.code) == (UNKNOWN, "obs_not_connected")  # OBS gone: not known, not wrong


@pytest.mark.parametrize(
    "kind, key, which",
    [("scene_collection", "collection", "collection"), ("profile", "profile", "profile")],
)
def test_an_expected_name_not_set_is_not_configured_whatever_obs_says(kind, key, which):
    # "Whatever is current" would pass whenever OBS answers: a check that cannot fail.
    for params in ({}, {key: ""}, {key: "  "}):
        for evidence in ({}, {"obs": "reconnecting"}, {which: None}):
            r = result(kind, params, **evidence)
            assert (r.state, r.code, r.values) == (UNKNOWN, "not_configured", {"param": which})
    item = ChecklistItem(1, "before_live", "OBS", 0, True, kind, {key: ""})
    r = result(kind, item.params)
    assert not cl.is_done(item, r)  # nobody has said which one: open
    ticked = ChecklistItem(1, "before_live", "OBS", 0, True, kind, {key: ""}, "小王", "2025")
    assert cl.is_done(ticked, r)  # unless a person looked and vouches for it


def test_stream_service():
    r = result("stream_service")
    assert (r.state, r.values["server"]) == (OK, "rtmp://push.example.com/live")
    assert result("stream_service", stream_server="").code == "stream_no_server"
    assert result("stream_service", stream_key_set=False).code == "stream_no_key"
    # a service type without a key (WHIP) is fine without one
    assert result("stream_service", stream_type="whip_custom", stream_key_set=None).state == OK
    r = result("stream_service", {"server_contains": "douyincdn"})
    assert (r.state, r.code, r.values["expected"]) == (FAILED, "stream_server_other", "douyincdn")
    assert result("stream_service", {"server_contains": "EXAMPLE.com"}).state == OK
    assert result("stream_service", stream_type=None).code == "waiting"


def test_mic_heard_recently_with_its_peak_and_age():
    r = result("mic_live")  # the default is the host's mic, not the desktop audio
    assert (r.state, r.code) == (OK, "mic_heard")
    assert r.values == {"input": "麦克风", "ago_s": 3, "peak_db": -18.0}


def test_mic_muted_silent_listening_missing():
    mics = lambda **kw: (MicEvidence(**{"name": "麦克风", "muted": False, **kw}),)  # noqa: E731
    assert result("mic_live", mics=mics(muted=True, heard_at=99.0)).code == "mic_muted"
    r = result("mic_live", mics=mics(heard_at=85.0, heard_peak_db=-30.0))
    assert (r.state, r.code, r.values["window_s"], r.values["ago_s"]) == (
        FAILED,
        "mic_silent",
        10.0,
        15,
    )
    r = result("mic_live", {"window_s": 20}, mics=mics(heard_at=85.0, heard_peak_db=-30.0))
    assert r.state == OK
    # just connected, nothing heard yet: wait for the window before calling it silent
    assert result("mic_live", mics=mics(), listening_since=95.0).code == "mic_listening"
    assert result("mic_live", mics=mics(), listening_since=80.0).code == "mic_silent"
    r = result("mic_live", {"input": "领夹麦"})
    assert (r.state, r.code, r.values) == (FAILED, "mic_missing", {"input": "领夹麦"})
    assert result("mic_live", mics=()).code == "mic_missing"
    r = result("mic_live", {"input": "桌面音频"})  # a named input need not be a mic
    assert (r.state, r.values["input"]) == (OK, "桌面音频")


def test_disk_free_against_its_minimum():
    r = result("disk_free", {"min_free_gb": 20})
    assert (r.state, r.code, r.values) == (OK, "disk_free", {"free_gb": 120.5, "min_gb": 20.0})
    r = result("disk_free", {"min_free_gb": 200})
    assert (r.state, r.code) == (FAILED, "disk_low")
    assert result("disk_free", disk_free_gb=None).code == "no_disk_figure"


def test_queue_checks():
    assert result("queue_not_empty").values == {"count": 1}
    assert result("queue_not_empty", queue=()).state == FAILED
    assert result("queue_not_empty", queue=None).code == "no_show"
    items = (
        QueueItem(1, 1, "A1", "面膜", live_price_fen=5990, stock=100),
        QueueItem(2, 2, "B2", "草莓脆", live_price_fen=None, stock=10),
        QueueItem(3, 3, "C3", "口红", live_price_fen=9900, stock=None),
        QueueItem(4, 4, "D4", "不卖了", state=SKIPPED),
    )
    r = result("queue_priced", queue=items)
    assert (r.state, r.code) == (FAILED, "queue_unpriced")
    assert r.values == {"count": 2, "total": 3, "names": ["草莓脆", "口红"]}
    assert result("queue_priced", queue=items[:1]).state == OK
    assert result("queue_priced", queue=()).state == UNKNOWN


def test_lights_and_camera_say_which_device_is_down():
    from console.core.checklist import DeviceEvidence

    for kind, key in (("lights_reachable", "lights"), ("camera_reachable", "cameras")):
        assert (result(kind).state, result(kind).code) == (UNKNOWN, "not_available")
        assert (result(kind, **{key: ()}).state, result(kind, **{key: ()}).code) == (
            UNKNOWN,
            "no_devices",
        )
        up = (DeviceEvidence("主灯", "online"), DeviceEvidence("补光", "online"))
        assert result(kind, **{key: up}).state == OK
        down = (*up, DeviceEvidence("顶灯", "error", "timeout"))
        r = result(kind, **{key: down})
        assert (r.state, r.code, r.values) == (
            FAILED,
            "devices_down",
            {"count": 1, "names": ["顶灯"]},
        )


# -- done and open ------------------------------------------------------------------------------
def test_open_required_before_go_live():
    def item(id_, phase="before_live", required=True, auto=None, checked=False):
        at = "2025-06-18T12:00:00+00:00" if checked else None
        return ChecklistItem(id_, phase, f"item {id_}", id_, required, auto, {}, None, at)

    items = (
        item(1, checked=True),
        item(2),  # open
        item(3, required=False),
        item(4, auto="obs_connected"),  # ok by itself
        item(5, auto="disk_free", checked=True),  # failed: a tick by hand does not hide it
        item(6, auto="lights_reachable", checked=True),  # unknown, vouched for by a person
        item(7, auto="lights_reachable"),  # unknown, nobody vouched
        item(8, phase="after"),  # cannot be done before the show
    )
    ev = Evidence(obs="connected", disk_free_gb=1.0)
    checklist = Checklist(1, cl.ordered(items), cl.evaluate_all(items, ev))
    assert [i.id for i in checklist.open_required()] == [2, 5, 7]
    assert [i.id for i in checklist.open_required(phases=None)] == [2, 5, 7, 8]


def test_attention_counts_failing_self_checks_up_to_the_live_phase():
    def item(id_, phase, auto=None, required=False, checked=False, params=None):
        at = "2025-06-18T12:00:00+00:00" if checked else None
        return ChecklistItem(id_, phase, f"item {id_}", id_, required, auto, params or {}, None, at)

    items = (
        item(1, "account", "queue_not_empty", required=True),  # failed: empty queue
        item(2, "before_live", "mic_live", required=True, checked=True),  # muted, ticked
        item(3, "before_live", required=True),  # a hand item left open: not a failure
        item(4, "before_live", "scene_collection", required=True),  # not configured: unknown
        item(5, "before_live", "lights_reachable"),  # unknown
        item(6, "before_live", "obs_connected"),  # ok
        item(7, "during", "mic_live"),  # muted, not required: counts once the show is on
        item(8, "after", "disk_free", params={"min_free_gb": 500}),  # failed, after the show
    )
    ev = Evidence(
        now=100.0, obs="connected", mics=(MicEvidence("mic", True),), queue=(), disk_free_gb=1
    )
    checklist = Checklist(1, cl.ordered(items), cl.evaluate_all(items, ev))
    assert [checklist.result(i).state for i in (1, 2, 4, 5, 6, 7, 8)] == [
        FAILED,
        FAILED,
        UNKNOWN,
        UNKNOWN,
        OK,
        FAILED,
        FAILED,
    ]
    assert cl.attention_count(checklist, "account") == 1
    assert cl.attention_count(checklist, "before_live") == 2
    assert cl.attention_count(checklist, "during") == 3
    assert cl.attention_count(checklist, "after") == 4
    assert cl.attention_count(Checklist(), "during") == 0


# -- templates ----------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_shipped_templates_follow_the_show_and_use_known_checks(language):
    data = json.loads(resource_path("checklists", f"{language}.json").read_text("utf-8"))
    items = cl.template_items(data)
    assert 20 <= len(items) <= 35
    assert {i.phase for i in items} == set(PHASES)
    kinds = {i.auto_check for i in items} - {None}
    assert kinds == set(AUTO_CHECKS)
    assert all(cl.params_of(i.auto_check, i.params) is not None for i in items)
    assert any(i.required for i in items if i.phase == "before_live")
    assert {"min_free_gb": 20} in [i.params for i in items]


def test_self_checked_template_items_claim_only_what_their_check_sees():
    # An OK self-check alone makes an item done, so its text must not promise more (a charged
    # battery, a key made for this show): those are items a person ticks.
    data = json.loads(resource_path("checklists", "en.json").read_text("utf-8"))
    items = cl.template_items(data)
    assert [(i.phase, i.auto_check, i.text) for i in items if i.auto_check] == [
        ("account", "queue_not_empty", "The product queue is not empty"),
        ("account", "queue_priced", "Every product in the queue has a live price and stock"),
        ("before_live", "lights_reachable", "Lights reachable"),
        ("before_live", "camera_reachable", "Camera reachable"),
        ("before_live", "mic_live", "Microphone on and heard in the last 10 s"),
        ("before_live", "obs_connected", "OBS connected"),
        (
            "before_live",
            "scene_collection",
            "The OBS scene collection is the one this show needs",
        ),
        ("before_live", "profile", "The OBS profile is the one this show needs"),
        ("before_live", "stream_service", "Stream server and a stream key set in OBS"),
        ("before_live", "disk_free", "Enough free disk space for the recording"),
        ("during", "mic_live", "Microphone on and heard in the last 10 s (watched all show)"),
    ]
    by_hand = {i.text for i in items if i.auto_check is None and i.required}
    assert "Microphone battery charged, a spare one at hand" in by_hand
    assert (
        "The stream key in OBS is the one newly generated for this show, not an old one" in by_hand
    )


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_shipped_self_check_passes_before_someone_names_the_collection(language):
    data = json.loads(resource_path("checklists", f"{language}.json").read_text("utf-8"))
    items = cl.template_items(data)
    for item in items:
        if item.auto_check in ("scene_collection", "profile"):
            assert evaluate(item.auto_check, item.params, LIVE).code == "not_configured"


def test_the_two_shipped_templates_say_the_same_things():
    def shape(language):
        data = json.loads(resource_path("checklists", f"{language}.json").read_text("utf-8"))
        return [(i.phase, i.required, i.auto_check, i.params) for i in cl.template_items(data)]

    assert shape("zh_CN") == shape("en")


@pytest.mark.parametrize(
    "doc, code",
    [
        ([], "not_a_template"),
        ({"items": []}, "empty"),
        ({"items": [{"phase": "soon", "text": "x"}]}, "bad_phase"),
        ({"items": [{"phase": "after", "text": "  "}]}, "bad_text"),
        ({"items": [{"phase": "after", "text": "x", "params": []}]}, "bad_params"),
    ],
)
def test_bad_templates_are_refused_with_a_code(doc, code):
    with pytest.raises(cl.TemplateError) as e:
        cl.template_items(doc)
    assert e.value.code == code


# -- the store ----------------------------------------------------------------------------------
@pytest.fixture
def db(tmp_path):
    path = tmp_path / "shows.db"
    show_id = make_show(path, [])
    db = open_db(path)
    db.show_id = show_id
    yield db
    db.close()


def events(db, kind):
    rows = db.execute("SELECT data FROM events WHERE kind = ? ORDER BY id", [kind]).fetchall()
    return [json.loads(r[0]) for r in rows]


def test_a_show_gets_its_own_instance_once(db, tmp_path):
    mine = tmp_path / "none.json"
    items, problem = repo.ensure_checklist(db, db.show_id, "zh_CN", mine)
    assert problem is None and len(items) == 34
    assert items[0].phase == "account" and "账号" in items[0].text
    again, _ = repo.ensure_checklist(db, db.show_id, "en", mine)  # not made again, not English
    assert again == items
    other = db["shows"].insert({"title": "周四场", "platform": "douyin"}).last_pk
    english, _ = repo.ensure_checklist(db, other, "en", mine)
    assert english[0].text.startswith("Logged in") and english[0].id not in {i.id for i in items}


def test_checking_records_who_and_when_with_an_event(db, tmp_path):
    items, _ = repo.ensure_checklist(db, db.show_id, "en", tmp_path / "none.json")
    first = items[0]
    with db.atomic():
        after = repo.set_checked(db, db.show_id, first.id, True, "小王")
    checked = next(i for i in after if i.id == first.id)
    assert checked.checked_by == "小王" and checked.checked_at.endswith("+00:00")
    assert events(db, "checklist_checked") == [{"item": first.id, "text": first.text, "by": "小王"}]
    after = repo.set_checked(db, db.show_id, first.id, False, "小李")
    assert not next(i for i in after if i.id == first.id).checked
    assert events(db, "checklist_unchecked")[0]["by"] == "小李"
    with pytest.raises(LookupError):  # an item of another show
        repo.set_checked(db, db.show_id + 1, first.id, True, "小王")


def test_edit_add_remove_and_reorder(db, tmp_path):
    items, _ = repo.ensure_checklist(db, db.show_id, "en", tmp_path / "none.json")
    disk = next(i for i in items if i.auto_check == "disk_free")
    items = repo.update_item(
        db, db.show_id, disk.id, {"params": {"min_free_gb": 50}, "required": False}
    )
    disk = next(i for i in items if i.id == disk.id)
    assert (disk.params, disk.required) == ({"min_free_gb": 50}, False)
    items = repo.add_item(db, db.show_id, "account", "Shop deposit paid", True)
    new = max(items, key=lambda i: i.id)
    account = [i.text for i in items if i.phase == "account"]
    assert account[-1] == "Shop deposit paid" and new.required
    items = repo.move_item(db, db.show_id, new.id, 0)
    assert [i.text for i in items if i.phase == "account"][0] == "Shop deposit paid"
    assert [i.position for i in items] == list(range(len(items)))
    items = repo.update_item(db, db.show_id, new.id, {"phase": "after"})
    assert items[-1].id == new.id  # to the end of its new phase
    items = repo.remove_item(db, db.show_id, new.id)
    assert new.id not in {i.id for i in items}
    assert [i.position for i in items] == list(range(len(items)))
    with pytest.raises(ValueError):
        repo.update_item(db, db.show_id, disk.id, {"checked_by": "me"})


def test_the_users_template_is_used_for_new_shows(db, tmp_path):
    mine = tmp_path / "data" / "checklist_template.json"
    items, _ = repo.ensure_checklist(db, db.show_id, "en", mine)
    items = repo.set_checked(db, db.show_id, items[0].id, True, "小王")
    items = repo.update_item(db, db.show_id, items[1].id, {"text": "Room decorated for 618"})
    repo.save_template(items, mine, "en")
    saved = json.loads(mine.read_text("utf-8"))
    assert "checked_by" not in json.dumps(saved) and "小王" not in json.dumps(saved)
    assert not list(mine.parent.glob(".checklist-*"))  # no temporary file left behind
    other = db["shows"].insert({"title": "周四场", "platform": "douyin"}).last_pk
    copy, problem = repo.ensure_checklist(db, other, "zh_CN", mine)
    assert problem is None
    assert [i.text for i in copy] == [i.text for i in items]
    assert not any(i.checked for i in copy)


@pytest.mark.allow_warning_logs
def test_a_broken_user_template_falls_back_to_the_shipped_one(db, tmp_path):
    mine = tmp_path / "checklist_template.json"
    mine.write_text('{"items": [{"phase": "nope"', encoding="utf-8")
    items, problem = repo.ensure_checklist(db, db.show_id, "en", mine)
    assert problem == "user_template_unreadable" and len(items) == 34


def test_an_override_goes_on_the_timeline(db):
    with db.atomic():
        repo.record_override(db, db.show_id, "店长", "灯光控制器离线，已人工确认", [{"item": 3}])
    assert events(db, "go_live_override") == [
        {"who": "店长", "why": "灯光控制器离线，已人工确认", "open": [{"item": 3}]}
    ]
