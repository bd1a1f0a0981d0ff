"""The console's objects wired as app.py wires them, for tests against a fake or real OBS."""

from console.devices.obs.client import ObsAddress, ObsClient
from console.services.obs_service import ObsService
from console.settings import Settings
from console.ui.main_window import MainWindow

FAKE_PASSWORD = "pw"


class Console:
    def __init__(self, qtbot, host: str, port: int, password: str, wait: bool = True):
        self.client = ObsClient(ObsAddress(host, port, password))
        self.service = ObsService(self.client)
        self.window = MainWindow(self.service, Settings())
        self.window.finish_docks()
        qtbot.addWidget(self.window)
        self.window.show()
        if wait:
            with qtbot.waitSignal(self.service.changed, timeout=8000):
                self.client.start()
            qtbot.waitUntil(lambda: self.service.connected, timeout=3000)
        else:
            self.client.start()

    def close(self):
        self.client.stop()
