"""Fixtures for tests against a real OBS Studio (see tests/helpers/real_obs.py), shared by
tests/integration and tests/perf through tests/conftest.py.

Without obs/Xvfb the tests that use them are skipped, unless LIVEDESK_REQUIRE_OBS=1 (CI), where
the missing OBS is a failure. As root (with iproute2) OBS runs in its own network namespace and is
reached at ``real_obs.host`` over a veth: it can reach nothing but us. Otherwise it runs on
127.0.0.1 and is NOT network-isolated. The terminal summary says which.
"""

from __future__ import annotations

import os

import pytest

from tests.helpers.raw_obs import Inputs, Outputs, RawObs, Scenes
from tests.helpers.real_obs import RealObs, obs_available

_summary: list[str] = []  # for the terminal summary


@pytest.fixture(scope="session")
def real_obs(tmp_path_factory):
    """One real OBS (own Xvfb, private HOME, random password, free port, own network namespace
    when possible: see ``real_obs.isolated``/``host``/``url``) for the session.  stop() removes
    the namespace even when a test (or start()) failed."""
    ok, reason = obs_available()
    if not ok:
        if os.environ.get("LIVEDESK_REQUIRE_OBS") == "1":
            pytest.fail(f"LIVEDESK_REQUIRE_OBS=1 but no real OBS can run: {reason}", pytrace=False)
        pytest.skip(f"real OBS not available: {reason} (set LIVEDESK_REQUIRE_OBS=1 to fail)")
    obs = RealObs(tmp_path_factory.mktemp("real_obs"))
    try:
        obs.start()
        where = (
            f"isolated in network namespace {obs.netns}, {obs.url}"
            if obs.isolated
            else f"NOT network-isolated, {obs.url}"
        )
        _summary.append(
            f"real OBS {obs.version.get('obsVersion', '?')}: {where}; ready in "
            f"{obs.start_seconds:.2f} s (start() {obs.total_start_seconds:.2f} s)"
        )
        yield obs
    finally:
        obs.stop()


@pytest.fixture
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


def pytest_terminal_summary(terminalreporter):
    for line in _summary:
        terminalreporter.write_line(line)
