"""The room's devices as the rig describes them: one Key Light, DMX output or PTZ camera object
per configured device, each on its own worker thread (console/devices/device.py), so one dead
device never holds up another or the GUI.

The service owns the devices' lives (`configure` opens, keeps and closes them as the rig
changes), turns their status callbacks, which come on device threads, into `status_changed` on
the GUI thread, and keeps what DMX cannot tell us: the levels last sent per fixture and the
frame last asked of each output (DMX is one-way; there is nothing to read back).

Devices come from a DeviceFactory: real ones by default, the fakes of `DemoDevices` for
`--demo`. A device the factory cannot make (a bad address, a fake whose port is taken) is
listed with an error status, not raised: the rest of the rig still works; the next configure
(Apply) or test of it tries to make it again.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from console.core.devices import ERROR, OFFLINE, DeviceStatus
from console.core.dmx import DmxError, Fixture, Frame, Levels, look_frames
from console.core.rig import (
    ARTNET,
    SACN,
    DmxOutputConfig,
    KeyLightConfig,
    PtzCameraConfig,
    Rig,
)
from console.devices.camera.fake_visca import FakeViscaCamera
from console.devices.camera.visca import POWER_INQ, PtzCamera
from console.devices.device import Device, DeviceError, failed_future
from console.devices.lights.dmx import DmxUniverseOutput
from console.devices.lights.fake_dmx import FakeDmxUniverseOutput
from console.devices.lights.fake_keylight import FakeKeyLight
from console.devices.lights.keylight import KeyLight

log = logging.getLogger(__name__)

KEYLIGHT, DMX, PTZ = KeyLight.kind, DmxUniverseOutput.kind, PtzCamera.kind
# Key Lights are asked for their state now and then so an unplugged light shows as such before
# a preset needs it. DMX outputs report through their keepalive; cameras are not polled: a
# camera's worker is busy for a whole move, and a poll would queue behind it.
POLL_MS = 5000


class DeviceFactory:
    """Makes the device of a configuration. May raise DeviceError (or ValueError for a
    configuration the adapter refuses): the service shows that device in error."""

    def keylight(self, config: KeyLightConfig) -> KeyLight:
        return KeyLight(config.name, config.host, config.port)

    def dmx_output(self, config: DmxOutputConfig) -> DmxUniverseOutput:
        return DmxUniverseOutput(
            config.name,
            config.protocol,
            config.address,
            config.universe,
            multicast=config.multicast,
        )

    def ptz(self, config: PtzCameraConfig) -> PtzCamera:
        return PtzCamera(config.name, config.host, config.port, max_preset=config.max_preset)

    def release(self, name: str) -> None:
        """The rig has no device of that name any more (removed or renamed)."""


class DeviceService(QObject):
    status_changed = Signal(str, str, object)  # kind, name, DeviceStatus; on the GUI thread
    rig_changed = Signal(object)  # Rig
    _status_arrived = Signal(object, object)  # Device, DeviceStatus; from any thread

    def __init__(self, rig: Rig, factory: DeviceFactory | None = None, parent=None):
        super().__init__(parent)
        self.rig = Rig()
        self._factory = factory or DeviceFactory()
        self._configs: dict[str, object] = {}  # name -> its config, for what configure keeps
        self._devices: dict[str, Device] = {}  # in rig order
        self._failed: dict[str, tuple[str, DeviceStatus]] = {}  # name -> (kind, status)
        self._levels: dict[str, Levels] = {}  # per fixture, as last sent
        self._targets: dict[str, Frame] = {}  # per output: the frame last asked (fade's end)
        self._polls: dict[str, Future] = {}
        self._emit_lock = threading.Lock()
        self._closed = False
        # Queued even from the GUI thread: statuses always arrive in the order they happened.
        self._status_arrived.connect(self._on_device_status, Qt.ConnectionType.QueuedConnection)
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._poll_timer.start()
        self.configure(rig)

    # -- the rig ------------------------------------------------------------------------------
    def configure(self, rig: Rig) -> None:
        """Make the devices match `rig`: a device whose configuration is unchanged keeps
        running (its connection, its DMX frame, its queue); a removed or changed one is closed
        (without waiting for it); a new one, or one that could not be made last time (a demo
        fake's port was taken, say), is made and asked once how it is."""
        wanted = _configs(rig)
        for name in list(self._devices):
            if wanted.get(name) != self._configs.get(name):
                self._configs.pop(name)
                self._targets.pop(name, None)
                self._polls.pop(name, None)
                self._devices.pop(name).close()
                if name not in wanted:
                    self._factory.release(name)
        self._failed = {}  # each is tried again below
        fixtures = {f.name for f in rig.fixtures}
        self._levels = {n: lv for n, lv in self._levels.items() if n in fixtures}
        self.rig = rig
        devices, made = {}, []
        for name, (kind, config) in wanted.items():
            if name in self._devices:
                devices[name] = self._devices[name]
            else:
                device = self._make(kind, config)
                if device is not None:
                    devices[name] = device
                    made.append(device)
        self._devices = devices
        self._configs = {n: c for n, c in wanted.items() if n in devices or n in self._failed}
        self.rig_changed.emit(rig)
        for name, (kind, status) in self._failed.items():
            self.status_changed.emit(kind, name, status)
        for device in made:
            self.status_changed.emit(device.kind, device.name, device.status)
            self._probe(device)

    def _make(self, kind: str, config) -> Device | None:
        make = {
            KEYLIGHT: self._factory.keylight,
            DMX: self._factory.dmx_output,
            PTZ: self._factory.ptz,
        }[kind]
        try:
            device = make(config)
        except DeviceError as e:
            self._failed[config.name] = (kind, DeviceStatus(ERROR, e.reason, e.detail))
            return None
        except ValueError as e:  # the adapter refuses the settings (Rig.problems says which)
            status = DeviceStatus(ERROR, "not_configured", str(e))
            self._failed[config.name] = (kind, status)
            return None
        device.on_status(self._on_status_from_any_thread)
        return device

    def _retry(self, name: str) -> Device | None:
        """Make a device that could not be made before; None if it still cannot be."""
        if name not in self._failed:
            return None
        kind, config = self._configs[name]
        del self._failed[name]
        device = self._make(kind, config)
        if device is None:
            self.status_changed.emit(kind, name, self._failed[name][1])
            return None
        self._devices[name] = device
        self._devices = {n: self._devices[n] for n in self._configs if n in self._devices}
        self.status_changed.emit(device.kind, name, device.status)
        self._probe(device)
        return device

    def _probe(self, device: Device) -> None:
        """One harmless call, so the status says online or why not before it is needed."""
        if isinstance(device, KeyLight):
            self._polls[device.name] = device.read_state()
        elif isinstance(device, PtzCamera):
            # An inquiry, not IF_Clear, which cancels a move (another controller's too).
            # visca-over-ip still sends one IF_Clear when it first connects.
            device.inquire(POWER_INQ)
        elif isinstance(device, DmxUniverseOutput):
            device.open()
            self._restore_look(device)

    def _restore_look(self, output: DmxUniverseOutput) -> None:
        """A replaced output (say, a new node address) picks up the look its fixtures had,
        instead of leaving the universe dark or frozen."""
        patch = [f for f in self.rig.fixtures if f.universe == output.universe]
        look = {f.name: self._levels[f.name] for f in patch if f.name in self._levels}
        if not look:
            return
        try:
            frame = look_frames([f for f in patch if f.name in look], look)[output.universe]
        except DmxError:
            return  # the patch changed under the levels; the next look sets it
        self._targets[output.name] = frame
        output.set_frame(frame)

    # -- lookups ------------------------------------------------------------------------------
    def keylight(self, name: str) -> KeyLight | None:
        device = self._devices.get(name)
        return device if isinstance(device, KeyLight) else None

    def ptz(self, name: str) -> PtzCamera | None:
        device = self._devices.get(name)
        return device if isinstance(device, PtzCamera) else None

    def output(self, name: str) -> DmxUniverseOutput | None:
        device = self._devices.get(name)
        return device if isinstance(device, DmxUniverseOutput) else None

    def devices(self) -> list[Device]:
        """The devices that exist: key lights, DMX outputs, PTZ cameras, each in rig order."""
        return list(self._devices.values())

    def status(self, name: str) -> DeviceStatus:
        if name in self._devices:
            return self._devices[name].status
        if name in self._failed:
            return self._failed[name][1]
        return DeviceStatus(OFFLINE, "not_configured")

    # -- DMX ----------------------------------------------------------------------------------
    def fixture_levels(self) -> dict[str, Levels]:
        return dict(self._levels)

    def apply_fixtures(self, levels: dict[str, Levels], fade_s: float) -> dict[str, Future]:
        """Send a look: the given fixtures' levels, over what each universe shows now (other
        fixtures keep theirs). One Future per DMX output sent to, done when the frame is sent
        or the fade has started; a fixture that is unknown or has no output gets a failed
        Future of its own, under its name. A fade replaces a running one from where it is."""
        fixtures = {f.name: f for f in self.rig.fixtures}
        outputs = self._outputs_by_universe()
        futures: dict[str, Future] = {}
        looks: dict[int, dict[str, Levels]] = {}
        for name, lv in levels.items():
            fixture = fixtures.get(name)
            if fixture is None or fixture.universe not in outputs:
                futures[name] = failed_future(DeviceError("not_configured", name))
            else:
                looks.setdefault(fixture.universe, {})[name] = lv
        for universe, look in looks.items():
            output = outputs[universe]
            base = self._targets.get(output.name, output.frame)
            try:
                patch = [fixtures[name] for name in look]
                frame = look_frames(patch, look, {universe: base})[universe]
                if fade_s > 0:
                    future = output.fade_to(frame, fade_s)
                else:
                    future = output.set_frame(frame)
            except DmxError as e:  # a level out of range, a broken patch, a bad fade time
                futures[output.name] = failed_future(e)
                continue
            self._targets[output.name] = frame
            self._levels.update(look)
            futures[output.name] = future
        return futures

    def _outputs_by_universe(self) -> dict[int, DmxUniverseOutput]:
        outputs: dict[int, DmxUniverseOutput] = {}
        for device in self._devices.values():
            if isinstance(device, DmxUniverseOutput):
                outputs.setdefault(device.universe, device)
        return outputs

    # -- the Test button ----------------------------------------------------------------------
    def test(self, name: str) -> Future[str]:
        """Show that the device is there: a Key Light blinks ("identified"), a PTZ camera
        answers the power inquiry, which neither moves nor stops it ("answered"), a DMX
        output resends its frame ("sent"). An output that has sent nothing yet only opens its
        socket ("opened"): a blank frame would black out a rig someone else is lighting. A
        device that could not be made is first made again."""
        device = self._devices.get(name) or self._retry(name)
        if isinstance(device, KeyLight):
            return _then(device.identify(), "identified")
        if isinstance(device, PtzCamera):
            return _then(device.inquire(POWER_INQ), "answered")
        if isinstance(device, DmxUniverseOutput):
            frame = self._targets.get(name)
            if frame is None:
                return _then(device.open(), "opened")
            return _then(device.set_frame(frame), "sent")
        reason = self._failed[name][1].reason if name in self._failed else "not_configured"
        return failed_future(DeviceError(reason, name))

    def close(self) -> None:
        with self._emit_lock:
            self._closed = True
        self._poll_timer.stop()
        devices, self._devices = list(self._devices.values()), {}
        for device in devices:
            device.close()

    # -- slots --------------------------------------------------------------------------------
    def _on_status_from_any_thread(self, device: Device, status: DeviceStatus) -> None:
        with self._emit_lock:  # not after close(): the service may be gone by then
            if not self._closed:
                self._status_arrived.emit(device, status)

    @Slot(object, object)
    def _on_device_status(self, device: Device, status: DeviceStatus) -> None:
        if self._devices.get(device.name) is device:  # not one closed by configure meanwhile
            self.status_changed.emit(device.kind, device.name, status)

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        for device in self._devices.values():
            if isinstance(device, KeyLight):
                poll = self._polls.get(device.name)
                if poll is None or poll.done():  # a silent light gets one question at a time
                    self._polls[device.name] = device.read_state()


def _configs(rig: Rig) -> dict[str, tuple[str, object]]:
    """name -> (kind, config) in rig order; a repeated name (Rig.problems reports it) keeps
    its first device."""
    out: dict[str, tuple[str, object]] = {}
    for kind, configs in (
        (KEYLIGHT, rig.keylights),
        (DMX, rig.dmx_outputs),
        (PTZ, rig.ptz_cameras),
    ):
        for config in configs:
            out.setdefault(config.name, (kind, config))
    return out


def _then(future: Future, result: str) -> Future[str]:
    """A Future of `result` once `future` succeeds, of its error when it fails."""
    out: Future[str] = Future()

    def done(f: Future) -> None:
        if f.cancelled():
            out.set_exception(DeviceError("closed"))
        elif f.exception() is not None:
            out.set_exception(f.exception())
        else:
            out.set_result(result)

    future.add_done_callback(done)
    return out


# -- --demo -----------------------------------------------------------------------------------
def demo_rig() -> Rig:
    """What `--demo` shows: two Key Lights, one sACN universe with two fixtures, one PTZ
    camera. The names are data (the user renames them), not UI text."""
    return Rig(
        keylights=(
            KeyLightConfig("Key Light L", "127.0.0.1"),
            KeyLightConfig("Key Light R", "127.0.0.1"),
        ),
        dmx_outputs=(DmxOutputConfig("sACN 1", SACN, "127.0.0.1", 1),),
        fixtures=(
            Fixture("Top light", 1, 1, ("dimmer", "cct")),
            Fixture("Back light", 1, 3, ("dimmer", "red", "green", "blue")),
        ),
        ptz_cameras=(PtzCameraConfig("PTZ 1", "127.0.0.2"),),
    )


class DemoDevices(DeviceFactory):
    """Devices backed by the shipped fakes, on loopback only, whatever address the rig gives:
    a FakeKeyLight per key light (127.0.0.1, a free port), a FakeViscaCamera per PTZ camera
    (127.0.0.2), and DMX outputs that record instead of sending. A device made again under
    its name (its settings changed) keeps its fake; a released one's fake stops. The rest
    run until stop()."""

    def __init__(self):
        self.keylights: dict[str, FakeKeyLight] = {}
        self.cameras: dict[str, FakeViscaCamera] = {}
        self._fakes: list[FakeKeyLight | FakeViscaCamera] = []
        self._stopping: list[threading.Thread] = []

    def keylight(self, config: KeyLightConfig) -> KeyLight:
        fake = self.keylights.get(config.name)
        if fake is None:
            self.release(config.name)  # a camera of that name before, say
            fake = FakeKeyLight("127.0.0.1", 0, display_name=config.name)
            self._start(fake)
            self.keylights[config.name] = fake
        return KeyLight(config.name, fake.host, fake.port)

    def dmx_output(self, config: DmxOutputConfig) -> DmxUniverseOutput:
        protocol = config.protocol if config.protocol in (SACN, ARTNET) else SACN
        return FakeDmxUniverseOutput(config.name, config.universe, protocol)

    def ptz(self, config: PtzCameraConfig) -> PtzCamera:
        fake = self.cameras.get(config.name)
        if fake is None:
            self.release(config.name)
            fake = FakeViscaCamera("127.0.0.2", 0)
            self._start(fake)
            self.cameras[config.name] = fake
        return PtzCamera(config.name, fake.host, fake.port, max_preset=config.max_preset)

    def release(self, name: str) -> None:
        """Stop the fake of a device the rig no longer has, on a thread of its own: stopping
        joins the fake's threads, and this runs on the GUI thread (Apply)."""
        for fakes in (self.keylights, self.cameras):
            fake = fakes.pop(name, None)
            if fake is not None:
                self._fakes.remove(fake)
                stopper = threading.Thread(target=fake.stop, name=f"demo-release-{name}")
                stopper.start()
                self._stopping.append(stopper)

    def _start(self, fake: FakeKeyLight | FakeViscaCamera) -> None:
        try:
            fake.start()
        except OSError as e:  # e.g. no 127.0.0.2 on this system: that device shows an error
            raise DeviceError("unreachable", f"demo device: {e}") from e
        self._fakes.append(fake)

    def stop(self) -> None:
        fakes, self._fakes = self._fakes, []
        for fake in fakes:
            fake.stop()
        stopping, self._stopping = self._stopping, []
        for stopper in stopping:
            stopper.join()
