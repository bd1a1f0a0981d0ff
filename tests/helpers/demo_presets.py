"""A PresetService over a show database on disk and the demo's device fakes
(console.services.device_service.demo_rig, real HTTP, UDP and DMX frames on loopback), as the
preset service's and the presets panel's tests (tests/qt/test_preset_service.py,
tests/qt/test_presets_panel.py) build on it."""

from console.services.device_service import DemoDevices, DeviceService, demo_rig
from console.services.preset_service import PresetService


class DemoPresets:
    """The service on `writer` (closed with the rest by close()), the console's OBS service and
    the demo devices; `queue`, if given, is the queue whose 讲解 and segments recall looks."""

    def __init__(self, qtbot, console, writer, queue=None):
        self.qtbot, self.writer = qtbot, writer
        self.fakes = DemoDevices()
        self.devices = DeviceService(demo_rig(), self.fakes)
        self.service = PresetService(self.writer, console.service, self.devices, queue)

    def close(self):
        self.writer.close()
        self.devices.close()
        self.fakes.stop()

    def saved(self, preset):
        """`preset` saved, as the service lists it (with its id)."""
        with self.qtbot.waitSignal(self.service.presets_changed, timeout=3000):
            self.service.save(preset)
        return next(p for p in self.service.presets if p.name == preset.name)


def stores(camera):
    """The VISCA "store preset" commands the fake camera received."""
    return [c for c in camera.commands if c[:5] == bytes.fromhex("81 01 04 3F 01")]
