import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.obs_state import (
    AudioInput,
    Health,
    ObsSnapshot,
    bitrate_kbps,
    health_levels,
    meter_levels,
    mics,
    mul_to_dbfs,
    obs_major,
    scenes_top_to_bottom,
)


def test_scene_list_is_reversed_into_obs_ui_order():
    # obs-websocket 5 lists scenes bottom-up: sceneIndex 0 is the bottom of OBS's list.
    listed = [
        {"sceneIndex": 0, "sceneName": "Bottom"},
        {"sceneIndex": 1, "sceneName": "Mid"},
        {"sceneIndex": 2, "sceneName": "Top"},
    ]
    assert scenes_top_to_bottom(listed) == ("Top", "Mid", "Bottom")


@given(st.lists(st.text(min_size=1), unique=True, max_size=20))
def test_scene_order_is_by_index_whatever_the_array_order(names):
    listed = [{"sceneIndex": i, "sceneName": n} for i, n in enumerate(names)]
    assert scenes_top_to_bottom(list(reversed(listed))) == tuple(reversed(names))


@pytest.mark.parametrize("version,major", [("29.0.2", 29), ("27.2.4", 27), ("", 0), ("x.y", 0)])
def test_obs_major(version, major):
    assert obs_major(version) == major


def test_levels_in_dbfs():
    assert mul_to_dbfs(1.0) == 0.0
    assert mul_to_dbfs(0.1) == pytest.approx(-20.0)
    assert mul_to_dbfs(0.0) == -math.inf
    magnitude, peak = meter_levels([[0.01, 0.1, 0.1], [0.02, 0.05, 0.05]])
    assert magnitude == pytest.approx(mul_to_dbfs(0.02))
    assert peak == pytest.approx(-20.0)
    assert meter_levels([]) == (-math.inf, -math.inf)


def test_bitrate_from_byte_deltas():
    assert bitrate_kbps(0, 10.0, 750_000, 11.0) == pytest.approx(6000.0)
    assert bitrate_kbps(1000, 10.0, 500, 11.0) is None  # output restarted
    assert bitrate_kbps(0, 10.0, 100, 10.0) is None


def test_health_turns_amber_and_red_past_thresholds():
    assert health_levels(Health()) == {"dropped": "unknown", "disk": "unknown", "cpu": "unknown"}
    calm = Health(stream_dropped=5, stream_frames=1000, disk_free_gb=50, cpu_pct=30)
    assert health_levels(calm) == {"dropped": "ok", "disk": "ok", "cpu": "ok"}
    uneasy = Health(stream_dropped=20, stream_frames=1000, disk_free_gb=4.0, cpu_pct=85)
    assert health_levels(uneasy) == {"dropped": "warn", "disk": "warn", "cpu": "warn"}
    bad = Health(stream_dropped=100, stream_frames=1000, disk_free_gb=0.5, cpu_pct=99)
    assert health_levels(bad) == {"dropped": "bad", "disk": "bad", "cpu": "bad"}
    assert Health(stream_dropped=1, stream_frames=0).dropped_pct is None


def test_mics_prefers_obs_specials_then_capture_kinds():
    a = AudioInput("Mic", "pulse_input_capture", False, 0.0)
    b = AudioInput("Desk", "pulse_output_capture", False, 0.0)
    c = AudioInput("Headset", "ffmpeg_source", False, 0.0, is_mic=True)
    assert mics(ObsSnapshot(inputs=(a, b))) == (a,)
    assert mics(ObsSnapshot(inputs=(a, b, c))) == (c,)


def test_snapshot_with_input_changes_only_that_input():
    s = ObsSnapshot(inputs=(AudioInput("A", "k", False, 0.0), AudioInput("B", "k", False, -3.0)))
    t = s.with_input("B", muted=True)
    assert t.input("B").muted and not t.input("A").muted and t.input("B").volume_db == -3.0
    assert s.with_input("missing", muted=True) == s
