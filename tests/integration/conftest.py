"""Integration tests against a real OBS Studio (see tests/helpers/real_obs.py).

Every test in tests/integration gets the ``real_obs`` marker.  Without obs/Xvfb the tests are
skipped, unless LIVEDESK_REQUIRE_OBS=1 (CI), where the missing OBS is a failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent
_ROOT = _HERE.parent.parent
if str(_ROOT) not in sys.path:  # `tests.helpers` must be importable under a bare `pytest` too
    sys.path.insert(0, str(_ROOT))

from tests.helpers.raw_obs import Inputs, Outputs, RawObs, Scenes  # noqa: E402
from tests.helpers.real_obs import RealObs, obs_available  # noqa: E402


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items: mark only the ones under this directory.
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(_HERE):
            item.add_marker(pytest.mark.real_obs)


@pytest.fixture(scope="session")
def real_obs(tmp_path_factory):
    """One real OBS (own Xvfb, private HOME, random password, free port) for the session."""
    ok, reason = obs_available()
    if not ok:
        if os.environ.get("LIVEDESK_REQUIRE_OBS") == "1":
            pytest.fail(f"LIVEDESK_REQUIRE_OBS=1 but no real OBS can run: {reason}", pytrace=False)
        pytest.skip(f"real OBS not available: {reason} (set LIVEDESK_REQUIRE_OBS=1 to fail)")
    obs = RealObs(tmp_path_factory.mktemp("real_obs"))
    try:
        obs.start()
        yield obs
    finally:
        obs.stop()


@pytest.fixture(autouse=True)
def obs_clean_state(real_obs):
    """Before every test: program scene = first scene, mic/desktop unmuted at 0 dB,
    studio mode off, transition Cut (OBS restarted if a test left it dead)."""
    real_obs.reset_state()
    return real_obs


@pytest.fixture
def raw_obs(real_obs, obs_clean_state):
    """An independent raw obs-websocket client (Scenes|Inputs|Outputs events) to the real OBS."""
    with RawObs(real_obs.url, real_obs.password, subscriptions=Scenes | Inputs | Outputs) as client:
        yield client
