import pytest

from console.devices.obs.fake_server import FakeObsServer
from tests.helpers.console import Console


@pytest.fixture
def fake():
    server = FakeObsServer(password="pw")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def console(qtbot, fake):
    c = Console(qtbot, "127.0.0.1", fake.port, "pw")
    c.fake = fake
    yield c
    c.close()
