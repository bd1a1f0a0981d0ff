"""console.core.dmx: channel maps, looks as frames, fades, patch validation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core import dmx
from console.core.dmx import DmxError, Fixture, Frame, Levels

KEY = Fixture("key", 1, 1, ("dimmer", "cct"), 2700, 6500)
FILL16 = Fixture("fill", 1, 10, ("dimmer", "dimmer_fine", "cct", "cct_fine"), 3200, 5600)
PAR = Fixture("par", 2, 100, ("red", "green", "blue", ""))
RGBW = Fixture("rgbw", 2, 1, ("dimmer", "red", "green", "blue", "red_fine"))


def test_dimmer_and_kelvin_8_bit():
    assert dmx.channel_values(KEY, Levels(100, 6500)) == {1: 255, 2: 255}
    assert dmx.channel_values(KEY, Levels(0, 2700)) == {1: 0, 2: 0}
    assert dmx.channel_values(KEY, Levels(50, 4600)) == {1: 128, 2: 128}  # 127.5 rounds to 128
    assert dmx.channel_values(KEY, Levels(40)) == {1: 102}  # no kelvin: cct left alone


def test_kelvin_is_clamped_to_the_fixture_range():
    assert dmx.channel_values(KEY, Levels(10, 9000))[2] == 255
    assert dmx.channel_values(KEY, Levels(10, 1000))[2] == 0


def test_fine_channels_carry_the_low_byte():
    values = dmx.channel_values(FILL16, Levels(50, 4400))
    dim16 = round(0.5 * 65535)
    cct16 = round((4400 - 3200) / (5600 - 3200) * 65535)
    assert values == {10: dim16 >> 8, 11: dim16 & 0xFF, 12: cct16 >> 8, 13: cct16 & 0xFF}
    assert dmx.channel_values(FILL16, Levels(100, 5600)) == {10: 255, 11: 255, 12: 255, 13: 255}


def test_rgb_with_and_without_a_dimmer_channel():
    assert dmx.channel_values(PAR, Levels(100, rgb=(255, 128, 0))) == {100: 255, 101: 128, 102: 0}
    # no dimmer channel: the dimmer scales the colour
    assert dmx.channel_values(PAR, Levels(50, rgb=(200, 100, 0))) == {100: 100, 101: 50, 102: 0}
    values = dmx.channel_values(RGBW, Levels(100, rgb=(200, 10, 0)))
    assert values == {1: 255, 2: 200, 3: 10, 4: 0, 5: 200}  # 200 * 257 = 0xC8C8


@pytest.mark.parametrize(
    "levels, what",
    [
        (Levels(101), "dimmer"),
        (Levels(-1), "dimmer"),
        (Levels(float("nan")), "dimmer"),
        (Levels(10, 0), "kelvin"),
        (Levels(10, rgb=(0, 256, 0)), "rgb"),
        (Levels(10, rgb=(0, 0)), "rgb"),
    ],
)
def test_levels_out_of_range_are_codes(levels, what):
    with pytest.raises(DmxError) as caught:
        dmx.channel_values(PAR, levels)
    assert caught.value.problem == dmx.Problem(dmx.LEVEL_OUT_OF_RANGE, "par", what)


def test_a_look_is_frames_per_universe_and_keeps_what_it_does_not_name():
    frames = dmx.look_frames(
        [KEY, FILL16, PAR], {"key": Levels(100, 6500), "par": Levels(100, rgb=(1, 2, 3))}
    )
    assert set(frames) == {1, 2}
    assert frames[1].values[:2] == bytes([255, 255])
    assert frames[1].values[2:] == bytes(510)
    assert (frames[2].channel(100), frames[2].channel(101), frames[2].channel(102)) == (1, 2, 3)

    again = dmx.look_frames([KEY, FILL16, PAR], {"fill": Levels(100, 5600)}, base=frames)
    assert again[1].values[:2] == bytes([255, 255])  # key untouched
    assert again[1].values[9:13] == bytes([255] * 4)
    assert again[2] == frames[2]


def test_a_look_with_an_unknown_fixture_or_a_bad_patch_fails_with_a_code():
    with pytest.raises(DmxError) as caught:
        dmx.look_frames([KEY], {"back": Levels(10)})
    assert caught.value.code == dmx.UNKNOWN_FIXTURE
    clash = Fixture("clash", 1, 2, ("dimmer",))
    with pytest.raises(DmxError) as caught:
        dmx.look_frames([KEY, clash], {"key": Levels(10)})
    assert caught.value.problem == dmx.Problem(dmx.OVERLAPPING_FIXTURES, "key", "clash")


def test_patch_validation():
    assert dmx.validate_fixtures([KEY, FILL16, PAR, RGBW]) == []
    problems = dmx.validate_fixtures(
        [
            Fixture("zero", 1, 0, ("dimmer",)),
            Fixture("tail", 1, 511, ("dimmer", "cct", "red")),  # 511..513
            Fixture("edge", 3, 512, ("dimmer",)),  # fits exactly
            Fixture("a", 4, 1, ("dimmer", "cct", "red")),
            Fixture("b", 4, 3, ("dimmer",)),  # on a's red
            Fixture("c", 4, 4, ("dimmer",)),  # right after a: fine
            Fixture("c", 5, 1, ("dimmer",)),
            Fixture("odd", 6, 1, ("dimmer", "strobe", "cct_fine", "dimmer")),
            Fixture("cold", 7, 1, ("cct",), 5000, 5000),
            Fixture("far", 64000, 1, ("dimmer",)),
        ]
    )
    assert set(problems) == {
        dmx.Problem(dmx.ADDRESS_OUT_OF_RANGE, "zero"),
        dmx.Problem(dmx.ADDRESS_OUT_OF_RANGE, "tail"),
        dmx.Problem(dmx.OVERLAPPING_FIXTURES, "a", "b"),
        dmx.Problem(dmx.DUPLICATE_NAME, "c"),
        dmx.Problem(dmx.UNKNOWN_ROLE, "odd", "strobe"),
        dmx.Problem(dmx.FINE_WITHOUT_COARSE, "odd", "cct_fine"),
        dmx.Problem(dmx.DUPLICATE_ROLE, "odd", "dimmer"),
        dmx.Problem(dmx.BAD_KELVIN_RANGE, "cold"),
        dmx.Problem(dmx.UNIVERSE_OUT_OF_RANGE, "far"),
    }
    assert len(problems) == len(set(problems))


def test_frames_are_512_channels():
    assert Frame().values == bytes(512)
    assert Frame(bytearray(512)).values == bytes(512)
    with pytest.raises(DmxError) as caught:
        Frame(bytes(511))
    assert caught.value.code == dmx.BAD_FRAME
    frame = Frame().with_channels({1: 7, 512: 9})
    assert (frame.channel(1), frame.channel(512)) == (7, 9)
    assert (frame.values[0], frame.values[511]) == (7, 9)


def test_fade_steps_from_one_after_the_start_to_the_target():
    start, target = Frame().with_channels({1: 0, 2: 200}), Frame().with_channels({1: 30, 2: 0})
    frames = dmx.fade_frames(start, target, 1.0, fps=30)
    assert len(frames) == 30
    assert [f.channel(1) for f in frames] == list(range(1, 31))
    assert frames[0].channel(2) == 193  # 200 - 6.67, rounded
    assert frames[-1] == target
    assert dmx.fade_frames(start, target, 0) == [target]
    assert dmx.fade_frames(start, target, 0.01) == [target]  # under half a frame: a cut
    assert len(dmx.fade_frames(start, target, 0.5, fps=10)) == 5


@pytest.mark.parametrize("duration", [-0.1, float("nan"), float("inf")])
def test_bad_fade_durations_are_codes(duration):
    with pytest.raises(DmxError) as caught:
        dmx.fade_frames(Frame(), Frame(), duration)
    assert caught.value.code == dmx.BAD_DURATION


def test_fade_over_universes():
    a = {1: Frame().with_channels({1: 100}), 2: Frame().with_channels({5: 50})}
    b = {1: Frame(), 3: Frame().with_channels({9: 90})}
    steps = dmx.fade(a, b, 0.1, fps=30)
    assert len(steps) == 3
    assert [s[1].channel(1) for s in steps] == [67, 33, 0]
    assert all(s[2] == a[2] for s in steps)  # not in the target: unchanged
    assert [s[3].channel(9) for s in steps] == [30, 60, 90]  # not in the start: from blank
    assert dmx.fade(a, b, 0) == [{1: b[1], 2: a[2], 3: b[3]}]


byte_frames = st.binary(min_size=512, max_size=512).map(Frame)


@given(byte_frames, byte_frames, st.floats(0, 3), st.sampled_from([10, 25, 30, 60]))
def test_fades_are_monotone_and_end_on_the_target(start, target, duration, fps):
    frames = dmx.fade_frames(start, target, duration, fps)
    assert len(frames) == max(1, round(duration * fps))
    assert frames[-1] == target
    for i in range(512):
        path = [start.values[i]] + [f.values[i] for f in frames]
        step = sorted(path) if target.values[i] >= start.values[i] else sorted(path, reverse=True)
        assert path == step
