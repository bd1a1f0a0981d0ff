"""The rig as the settings file holds it: what is saved loads back the same, a damaged file is
refused with the path of the field at fault, and every mistake a user can make in the devices
page is named (so the page can say it and keep OK disabled)."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.dmx import Fixture
from console.core.rig import (
    DmxOutputConfig,
    KeyLightConfig,
    PtzCameraConfig,
    Rig,
    RigError,
    RigProblem,
    rig_from_dict,
    rig_to_dict,
)
from console.settings import Settings

STUDIO = Rig(
    keylights=(
        KeyLightConfig("主灯 Key", "192.168.1.20"),
        KeyLightConfig("补光", "elgato.local", 9124),
    ),
    dmx_outputs=(
        DmxOutputConfig("sACN 1", "sacn", "192.168.1.50", 1),
        DmxOutputConfig("Art-Net", "artnet", "192.168.1.255", 0, multicast=True),
    ),
    fixtures=(
        Fixture("顶灯", 1, 1, ("dimmer", "dimmer_fine", "cct")),
        Fixture("背景", 1, 10, ("", "red", "green", "blue"), 3000, 5600),
        Fixture("Par", 0, 1, ("dimmer",)),
    ),
    ptz_cameras=(PtzCameraConfig("云台1", "192.168.1.60", max_preset=254),),
    camera_sources=("Cam 特写", "Cam 全景"),
    mic_inputs=("麦克风 Mic",),
)


def test_the_studio_rig_has_no_problems_and_survives_the_settings_file(tmp_path):
    assert STUDIO.problems() == []
    settings = Settings(rig=rig_to_dict(STUDIO))
    settings.save(tmp_path / "settings.json")
    assert rig_from_dict(Settings.load(tmp_path / "settings.json").rig) == STUDIO


def test_no_saved_rig_is_a_rig_without_devices():
    assert Settings().rig == {}
    assert rig_from_dict({}) == Rig()
    assert Rig().problems() == []


def test_defaults_may_be_left_out_of_a_hand_written_file():
    rig = rig_from_dict(
        {
            "keylights": [{"name": "L", "host": "10.0.0.2"}],
            "dmx_outputs": [
                {"name": "U", "protocol": "sacn", "address": "10.0.0.3", "universe": 2}
            ],
            "fixtures": [{"name": "F", "universe": 2, "address": 5, "channels": ["dimmer"]}],
            "ptz_cameras": [{"name": "P", "host": "10.0.0.4"}],
            "a_field_of_a_newer_livedesk": 1,
        }
    )
    assert rig == Rig(
        (KeyLightConfig("L", "10.0.0.2", 9123),),
        (DmxOutputConfig("U", "sacn", "10.0.0.3", 2, False),),
        (Fixture("F", 2, 5, ("dimmer",), 2700, 6500),),
        (PtzCameraConfig("P", "10.0.0.4", 52381, 127),),
    )


names = st.text(max_size=10)
rigs = st.builds(
    Rig,
    keylights=st.lists(
        st.builds(KeyLightConfig, names, names, st.integers(-5, 70000)), max_size=3
    ).map(tuple),
    dmx_outputs=st.lists(
        st.builds(DmxOutputConfig, names, names, names, st.integers(-1, 70000), st.booleans()),
        max_size=3,
    ).map(tuple),
    fixtures=st.lists(
        st.builds(
            Fixture,
            names,
            st.integers(-1, 70000),
            st.integers(-1, 600),
            st.lists(names, max_size=5).map(tuple),
            st.integers(0, 10000),
            st.integers(0, 10000),
        ),
        max_size=3,
    ).map(tuple),
    ptz_cameras=st.lists(
        st.builds(PtzCameraConfig, names, names, st.integers(0, 70000), st.integers(-1, 300)),
        max_size=2,
    ).map(tuple),
    camera_sources=st.lists(names, max_size=3).map(tuple),
    mic_inputs=st.lists(names, max_size=3).map(tuple),
)


@given(rigs)
def test_any_rig_even_a_wrong_one_comes_back_from_the_settings_json_unchanged(rig):
    """A rig with problems is still saved and loaded, so the page can show what to fix."""
    text = json.dumps(rig_to_dict(rig), ensure_ascii=False)
    assert rig_from_dict(json.loads(text)) == rig
    rig.problems()  # and judging it never raises


OUT = DmxOutputConfig("U1", "sacn", "10.0.0.3", 1)


@pytest.mark.parametrize(
    ("rig", "expected"),
    [
        (
            Rig(keylights=(KeyLightConfig(" ", "10.0.0.2"),)),
            RigProblem("empty_name", " ", "keylight"),
        ),
        (Rig(camera_sources=("",)), RigProblem("empty_name", "", "camera_source")),
        (
            # One name for a key light and a camera: a preset could not say which it means.
            Rig(
                keylights=(KeyLightConfig("Main", "10.0.0.2"),),
                ptz_cameras=(PtzCameraConfig("Main", "10.0.0.4"),),
            ),
            RigProblem("duplicate_name", "Main", "ptz"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("U1", 1, 1, ("dimmer",)),)),
            RigProblem("duplicate_name", "U1", "fixture"),
        ),
        (Rig(mic_inputs=("Mic", "Mic")), RigProblem("duplicate_name", "Mic", "mic_input")),
        (Rig(keylights=(KeyLightConfig("L", ""),)), RigProblem("bad_address", "L", "")),
        (
            Rig(keylights=(KeyLightConfig("L", "192.168.1.300"),)),
            RigProblem("bad_address", "L", "192.168.1.300"),
        ),
        (
            Rig(ptz_cameras=(PtzCameraConfig("P", "cam one.local"),)),
            RigProblem("bad_address", "P", "cam one.local"),
        ),
        (
            # DMX nodes are addressed by IPv4 only (sacn and stupidArtnet take nothing else).
            Rig(dmx_outputs=(DmxOutputConfig("U", "sacn", "node.local", 1),)),
            RigProblem("bad_address", "U", "node.local"),
        ),
        (Rig(keylights=(KeyLightConfig("L", "10.0.0.2", 0),)), RigProblem("bad_port", "L", "0")),
        (
            Rig(ptz_cameras=(PtzCameraConfig("P", "10.0.0.4", 65536),)),
            RigProblem("bad_port", "P", "65536"),
        ),
        (
            Rig(ptz_cameras=(PtzCameraConfig("P", "10.0.0.4", max_preset=255),)),
            RigProblem("bad_max_preset", "P"),
        ),
        (
            Rig(dmx_outputs=(DmxOutputConfig("U", "dmx512", "10.0.0.3", 1),)),
            RigProblem("bad_protocol", "U", "dmx512"),
        ),
        (
            # sACN starts at universe 1; Art-Net's 0 is valid.
            Rig(dmx_outputs=(DmxOutputConfig("U", "sacn", "10.0.0.3", 0),)),
            RigProblem("universe_out_of_range", "U", "0"),
        ),
        (
            Rig(dmx_outputs=(DmxOutputConfig("U", "artnet", "10.0.0.3", 32768),)),
            RigProblem("universe_out_of_range", "U", "32768"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 2, 1, ("dimmer",)),)),
            RigProblem("no_output_for_universe", "F", "2"),
        ),
        (
            Rig(dmx_outputs=(OUT, DmxOutputConfig("U2", "artnet", "10.0.0.9", 1))),
            RigProblem("duplicate_universe", "U2", "U1"),
        ),
        # console.core.dmx's own checks of the patch:
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 1, 511, ("dimmer", "cct", "red")),)),
            RigProblem("address_out_of_range", "F"),
        ),
        (
            Rig(fixtures=(Fixture("F", 70000, 1, ("dimmer",)),)),
            RigProblem("universe_out_of_range", "F"),
        ),
        (
            Rig(
                dmx_outputs=(OUT,),
                fixtures=(Fixture("A", 1, 1, ("dimmer", "cct")), Fixture("B", 1, 2, ("dimmer",))),
            ),
            RigProblem("overlapping_fixtures", "A", "B"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 1, 1, ("dimmer", "strobe")),)),
            RigProblem("unknown_role", "F", "strobe"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 1, 1, ("dimmer", "dimmer")),)),
            RigProblem("duplicate_role", "F", "dimmer"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 1, 1, ("cct_fine",)),)),
            RigProblem("fine_without_coarse", "F", "cct_fine"),
        ),
        (
            Rig(dmx_outputs=(OUT,), fixtures=(Fixture("F", 1, 1, ("cct",), 5000, 3000),)),
            RigProblem("bad_kelvin_range", "F"),
        ),
    ],
)
def test_each_mistake_is_named_with_the_device_at_fault(rig, expected):
    assert expected in rig.problems()


def test_a_duplicate_fixture_name_is_reported_once_not_also_by_the_patch_check():
    rig = Rig(
        dmx_outputs=(OUT,),
        fixtures=(Fixture("F", 1, 1, ("dimmer",)), Fixture("F", 1, 2, ("dimmer",))),
    )
    assert rig.problems() == [RigProblem("duplicate_name", "F", "fixture")]


def test_names_of_devices_and_of_obs_sources_do_not_clash():
    """A camera source may well be named like the PTZ camera it shows."""
    rig = Rig(ptz_cameras=(PtzCameraConfig("Cam", "10.0.0.4"),), camera_sources=("Cam",))
    assert rig.problems() == []


def test_hosts_a_user_types_are_accepted():
    for host in ("10.0.0.2", "fe80::1", "elgato-key-light-1a2b.local", "keylight"):
        assert Rig(keylights=(KeyLightConfig("L", host),)).problems() == []


@pytest.mark.parametrize(
    ("data", "code", "path"),
    [
        ([], "not_an_object", "$"),
        ({"keylights": {}}, "not_a_list", "keylights"),
        ({"keylights": ["L"]}, "not_an_object", "keylights[0]"),
        ({"keylights": [{"host": "10.0.0.2"}]}, "missing", "keylights[0].name"),
        ({"keylights": [{"name": "L"}]}, "missing", "keylights[0].host"),
        ({"keylights": [{"name": "L", "host": 10}]}, "wrong_type", "keylights[0].host"),
        (
            {"keylights": [{"name": "L", "host": "h", "port": "9123"}]},
            "wrong_type",
            "keylights[0].port",
        ),
        (
            {"ptz_cameras": [{"name": "P", "host": "h", "port": 52381.0}]},
            "wrong_type",
            "ptz_cameras[0].port",
        ),
        (
            {"ptz_cameras": [{"name": "P", "host": "h", "max_preset": True}]},
            "wrong_type",
            "ptz_cameras[0].max_preset",
        ),
        (
            {"dmx_outputs": [{"name": "U", "protocol": "sacn", "address": "a"}]},
            "missing",
            "dmx_outputs[0].universe",
        ),
        (
            {
                "dmx_outputs": [
                    {"name": "U", "protocol": "sacn", "address": "a", "universe": 1, "multicast": 1}
                ]
            },
            "wrong_type",
            "dmx_outputs[0].multicast",
        ),
        (
            {"fixtures": [{"name": "F", "universe": 1, "address": 1}]},
            "missing",
            "fixtures[0].channels",
        ),
        (
            {"fixtures": [{"name": "F", "universe": 1, "address": 1, "channels": "dimmer"}]},
            "not_a_list",
            "fixtures[0].channels",
        ),
        (
            {
                "fixtures": [
                    {"name": "F", "universe": 1, "address": 1, "channels": ["dimmer", None]}
                ]
            },
            "wrong_type",
            "fixtures[0].channels[1]",
        ),
        (
            {
                "fixtures": [
                    {"name": "F", "universe": 1, "address": 1, "channels": [], "kelvin_min": "warm"}
                ]
            },
            "wrong_type",
            "fixtures[0].kelvin_min",
        ),
        ({"camera_sources": "Cam"}, "not_a_list", "camera_sources"),
        ({"mic_inputs": ["Mic", 2]}, "wrong_type", "mic_inputs[1]"),
    ],
)
def test_a_damaged_rig_is_refused_with_the_path_of_the_field(data, code, path):
    with pytest.raises(RigError) as caught:
        rig_from_dict(data)
    assert (caught.value.code, caught.value.path) == (code, path)
