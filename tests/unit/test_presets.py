"""Presets as exported and imported (JSON): what goes out comes back the same, and a broken or
foreign file is refused with the path of the field at fault, never half-read."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.presets import (
    CameraChoice,
    FixtureSetting,
    LightSetting,
    MicSetting,
    Preset,
    PresetError,
    PtzRecall,
    from_json,
    to_json,
)

COSMETICS = Preset(
    "美妆特写",
    scene="商品特写 Product close-up",
    camera=CameraChoice("商品特写 Product close-up", "Cam 特写"),
    ptz=PtzRecall("云台1", 3),
    lights=(LightSetting("主灯", True, 80, 5600), LightSetting("补光", False)),
    fixtures=(FixtureSetting("顶灯", 65.5, 5000), FixtureSetting("背景", 30, None, (255, 80, 0))),
    fade_s=1.5,
    mics=(MicSetting("麦克风 Mic", False, -6.0, (("降噪", True), ("增益", False))),),
)


def test_a_full_preset_survives_export_and_import_as_text():
    text = json.dumps(to_json([COSMETICS, Preset("全景")]), ensure_ascii=False)
    assert from_json(json.loads(text)) == [COSMETICS, Preset("全景")]


names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s and s)
presets = st.builds(
    Preset,
    name=names,
    scene=st.none() | names,
    camera=st.none() | st.builds(CameraChoice, names, names),
    ptz=st.none() | st.builds(PtzRecall, names, st.integers(0, 254)),
    lights=st.lists(
        st.builds(
            LightSetting,
            names,
            st.none() | st.booleans(),
            st.none() | st.integers(3, 100),
            st.none() | st.integers(2900, 7000),
        ),
        max_size=3,
    ).map(tuple),
    fixtures=st.lists(
        st.builds(
            FixtureSetting,
            names,
            st.floats(0, 100),
            st.none() | st.integers(1000, 20000),
            st.none() | st.tuples(*[st.integers(0, 255)] * 3),
        ),
        max_size=3,
    ).map(tuple),
    fade_s=st.floats(0, 60),
    mics=st.lists(
        st.builds(
            MicSetting,
            names,
            st.none() | st.booleans(),
            st.none() | st.floats(-100, 26),
            st.dictionaries(names, st.booleans(), max_size=2).map(lambda d: tuple(d.items())),
        ),
        max_size=2,
    ).map(tuple),
    hotkey=st.none() | st.integers(1, 9),
)


def _unique_hotkeys(values):
    keys = [p.hotkey for p in values if p.hotkey is not None]
    return len(keys) == len(set(keys))


@given(st.lists(presets, max_size=4, unique_by=lambda p: p.name).filter(_unique_hotkeys))
def test_any_preset_round_trips(values):
    assert from_json(json.loads(json.dumps(to_json(values)))) == values


def document(**preset):
    return {"format": "livedesk-presets", "version": 1, "presets": [{"name": "A", **preset}]}


@pytest.mark.parametrize(
    ("doc", "code", "path"),
    [
        ([], "not_an_object", "$"),
        ({"format": "obs-scenes", "version": 1, "presets": []}, "unknown_format", "format"),
        ({"format": "livedesk-presets", "version": 2, "presets": []}, "newer_version", "version"),
        (
            document(lights=[{"light": "主灯", "brightness": 101}]),
            "out_of_range",
            "presets[0].lights[0].brightness",
        ),
        (
            document(lights=[{"light": "主灯", "brightness": "80"}]),
            "wrong_type",
            "presets[0].lights[0].brightness",
        ),
        (document(lights=[{"brightness": 80}]), "missing", "presets[0].lights[0].light"),
        (
            document(lights=[{"light": "主灯", "kelvin": 2000}]),
            "out_of_range",
            "presets[0].lights[0].kelvin",
        ),
        (
            document(fixtures=[{"fixture": "顶灯", "rgb": [1, 2]}]),
            "out_of_range",
            "presets[0].fixtures[0].rgb",
        ),
        (
            document(fixtures=[{"fixture": "顶灯", "dimmer": float("nan")}]),
            "wrong_type",
            "presets[0].fixtures[0].dimmer",
        ),
        (document(ptz={"camera": "云台1", "preset": 255}), "out_of_range", "presets[0].ptz.preset"),
        (
            document(mics=[{"input": "Mic", "filters": {"降噪": "on"}}]),
            "wrong_type",
            "presets[0].mics[0].filters.降噪",
        ),
        (
            document(mics=[{"input": "Mic", "volume_db": 40}]),
            "out_of_range",
            "presets[0].mics[0].volume_db",
        ),
        (document(fade_s=-1), "out_of_range", "presets[0].fade_s"),
        (document(fade_s=10**400), "out_of_range", "presets[0].fade_s"),  # no float holds it
        (document(fade_s=float("inf")), "wrong_type", "presets[0].fade_s"),
        (document(name="  "), "empty_name", "presets[0].name"),
        (document(lights={"light": "主灯"}), "not_a_list", "presets[0].lights"),
        (document(hotkey=0), "out_of_range", "presets[0].hotkey"),
        (document(hotkey=10), "out_of_range", "presets[0].hotkey"),
        (document(hotkey="1"), "wrong_type", "presets[0].hotkey"),
    ],
)
def test_a_bad_file_is_refused_with_the_field_at_fault(doc, code, path):
    with pytest.raises(PresetError) as e:
        from_json(doc)
    assert (e.value.code, e.value.path) == (code, path)


def test_two_presets_of_one_name_are_refused():
    doc = to_json([Preset("A"), Preset("B")])
    doc["presets"][1]["name"] = "A"
    with pytest.raises(PresetError) as e:
        from_json(doc)
    assert (e.value.code, e.value.path) == ("duplicate_name", "presets[1].name")


def test_two_presets_on_one_hotkey_are_refused():
    doc = to_json([Preset("A", hotkey=3), Preset("B", hotkey=3)])
    with pytest.raises(PresetError) as e:
        from_json(doc)
    assert (e.value.code, e.value.path) == ("duplicate_hotkey", "presets[1].hotkey")
