"""Every test in tests/integration runs against the real OBS (fixtures in
tests/helpers/obs_fixtures.py), from a known state, and carries the ``real_obs`` marker."""

from pathlib import Path

import pytest

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items: mark only the ones under this directory.
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(_HERE):
            item.add_marker(pytest.mark.real_obs)


@pytest.fixture(autouse=True)
def _known_obs_state(obs_clean_state):
    return obs_clean_state
