import pytest

from tests.helpers.console import FAKE_PASSWORD, Console


@pytest.fixture
def console(qtbot, fake):
    c = Console(qtbot, "127.0.0.1", fake.port, FAKE_PASSWORD)
    c.fake = fake
    yield c
    c.close()
