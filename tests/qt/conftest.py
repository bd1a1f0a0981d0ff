import pytest

from console.devices.obs.client import ObsAddress, ObsClient
from console.devices.obs.fake_server import FakeObsServer
from console.services.obs_service import ObsService
from console.settings import Settings
from console.ui.main_window import MainWindow


class Console:
    """The app's objects wired as app.py wires them, against the fake OBS."""

    def __init__(self, qtbot, fake: FakeObsServer):
        self.fake = fake
        self.client = ObsClient(ObsAddress("127.0.0.1", fake.port, "pw"))
        self.service = ObsService(self.client)
        self.window = MainWindow(self.service, Settings())
        qtbot.addWidget(self.window)
        self.window.show()
        with qtbot.waitSignal(self.service.changed, timeout=5000):
            self.client.start()
        qtbot.waitUntil(lambda: self.service.connected, timeout=3000)


@pytest.fixture
def fake():
    server = FakeObsServer(password="pw")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def console(qtbot, fake):
    c = Console(qtbot, fake)
    yield c
    c.client.stop()
