"""Multi-window: the host view placed on the second of two virtual screens, and put back there
by the next run. A two-screen Xvfb of our own (two X screens, no +xinerama: Qt then sees two
QScreens, shared notes/qt.md), and two processes of tests/helpers/host_view_rig.py sharing a
settings file under tmp_path. Needs Xvfb only, not OBS."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from console.ui.host_view import SIZES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _known_obs_state():
    """This module needs no OBS: override the directory's real-OBS fixture."""
    return None


@pytest.fixture
def two_screens():
    """A display number of an Xvfb with a 1600x900 and a 1280x720 screen; killed by pid."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb not installed (apt-get install -y xvfb)")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp"]
        + ["-screen", "0", "1600x900x24", "-screen", "1", "1280x720x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not report its display number")
        yield f":{number}"
    finally:
        os.close(read_end)
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def run_rig(display: str, home: Path, *args: str, scale: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(mode=0o700, exist_ok=True)
    if scale:
        env["QT_SCREEN_SCALE_FACTORS"] = scale
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.host_view_rig", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def saved(home: Path) -> dict:
    return json.loads((home / "config" / "LiveDesk" / "settings.json").read_text("utf-8"))


def test_host_window_goes_back_to_the_second_screen_and_position(two_screens, tmp_path):
    placed = run_rig(two_screens, tmp_path, "place", "1", "100", "120", "800", "450")
    assert placed["screens"] == ["screen#0", "screen#1"]  # both X screens are named "screen"
    assert placed["screen_index"] == 1 and placed["geometry"] == [100, 120, 800, 450]
    assert saved(tmp_path)["host_view_screen"] == "screen#1"
    assert saved(tmp_path)["host_view_fullscreen"] is False
    restored = run_rig(two_screens, tmp_path, "restore")
    assert restored["screen"] == "screen#1" and restored["screen_index"] == 1
    assert restored["geometry"] == [100, 120, 800, 450]
    assert restored["fullscreen"] is False


def test_full_screen_on_the_second_screen_is_restored(two_screens, tmp_path):
    placed = run_rig(two_screens, tmp_path, "place", "1", "0", "0", "0", "0", "--fullscreen")
    assert placed["screen_index"] == 1 and placed["fullscreen"] is True
    restored = run_rig(two_screens, tmp_path, "restore")
    assert restored["screen_index"] == 1 and restored["fullscreen"] is True


def test_second_screen_of_another_scale(two_screens, tmp_path):
    """The host's screen at twice the console's scale (a 4K TV beside a laptop): geometry in
    logical pixels comes back, and the type is sized from the logical height, not pixels."""
    args = ("place", "1", "40", "30", "400", "225")
    placed = run_rig(two_screens, tmp_path, *args, scale="1;2")
    restored = run_rig(two_screens, tmp_path, "restore", scale="1;2")
    assert placed["dpr"] == restored["dpr"] == 2.0
    assert restored["screen_index"] == 1 and restored["geometry"] == [40, 30, 400, 225]
    bound = round(225 * SIZES["hostProduct"])  # from the logical height, not device pixels
    assert placed["font_px"] <= bound and restored["font_px"] <= bound
    assert abs(restored["font_px"] - placed["font_px"]) <= 1  # the fit can land a pixel apart


def test_first_run_avoids_the_console_s_screen_and_leaves_it_the_keys(two_screens, tmp_path):
    """The console on the second screen (not the primary): the host view goes full-screen on
    the other one, and the console keeps the keyboard."""
    restored = run_rig(two_screens, tmp_path, "restore", "--console", "1")
    assert restored["screen_index"] == 0 and restored["fullscreen"] is True
    assert restored["console_active"] is True
    assert saved(tmp_path)["host_view_screen"] == "screen#0"


def test_showing_the_host_view_full_screen_leaves_the_console_active(two_screens, tmp_path):
    args = ("place", "1", "0", "0", "0", "0", "--fullscreen", "--console", "0")
    placed = run_rig(two_screens, tmp_path, *args)
    assert placed["screen_index"] == 1 and placed["fullscreen"] is True
    assert placed["console_active"] is True


@pytest.mark.parametrize("fullscreen", [False, True], ids=["windowed", "full-screen"])
def test_the_host_s_tv_back_from_standby_gets_the_view_back(two_screens, tmp_path, fullscreen):
    args = ["place", "1", "100", "120", "800", "450"] + (["--fullscreen"] if fullscreen else [])
    run_rig(two_screens, tmp_path, *args)
    replugged = run_rig(two_screens, tmp_path, "replug")
    assert replugged["screen_index"] == 1 and replugged["fullscreen"] is fullscreen
    fallback, back = replugged["fallback"], replugged["back"]
    assert fallback["screen_index"] == 0 and fallback["fullscreen"] is False  # never covers
    assert fallback["visible"] is True
    assert back["screen_index"] == 1 and back["fullscreen"] is fullscreen
    if not fullscreen:
        assert back["geometry"] == [100, 120, 800, 450]
    assert saved(tmp_path)["host_view_screen"] == "screen#1"  # the fallback was not saved
