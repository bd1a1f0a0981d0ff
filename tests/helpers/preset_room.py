"""A room of real receivers for presets: the real OBS (a second camera in the close-up scene,
a noise filter on the mic), two Key Lights (FakeKeyLight checks every body as the light does),
a PTZ camera (FakeViscaCamera checks the VISCA bytes) and a DMX top light sent over sACN to
OLA's olad in its own network namespace; the console's window with the presets dock, a queue
and a show database."""

from console.core.dmx import Fixture, Frame, Levels, look_frames
from console.core.lights import kelvin_to_mireds
from console.core.rig import DmxOutputConfig, KeyLightConfig, PtzCameraConfig, Rig
from console.devices.camera.fake_visca import FakeViscaCamera
from console.devices.lights.dmx import SACN
from console.devices.lights.fake_keylight import FakeKeyLight
from console.devices.obs.client import ObsAddress, ObsClient
from console.services.device_service import DeviceService
from console.services.obs_service import ObsService
from console.services.queue_service import QueueService
from console.services.rundown_service import RundownService
from console.settings import Settings
from console.store.writer import DbWriter
from console.ui.main_window import MainWindow
from console.ui.room_looks import RoomLooks
from console.ui.rundown_panel import RundownPanel
from tests.helpers.ola_peer import SACN_UNIVERSE
from tests.helpers.real_obs import CAMERAS, MIC, SCENES
from tests.helpers.show_db import make_show

CLOSE_UP, WIDE = SCENES[2], SCENES[3]
SECOND_CAMERA = CAMERAS[WIDE]  # put into the close-up scene as its second camera
NOISE = "降噪 Noise suppression"
TOP = Fixture("顶灯", SACN_UNIVERSE, 1, ("dimmer", "cct"))


class Room:
    def __init__(self, qtbot, real_obs, raw_obs, ola, tmp_path):
        self.qtbot, self.raw, self.ola = qtbot, raw_obs, ola
        self.lights = {"主灯": FakeKeyLight(), "辅灯": FakeKeyLight()}
        for light in self.lights.values():
            light.start()
        self.camera = FakeViscaCamera().start()
        rig = Rig(
            keylights=tuple(
                KeyLightConfig(name, "127.0.0.1", light.port) for name, light in self.lights.items()
            ),
            dmx_outputs=(DmxOutputConfig("顶灯 sACN", SACN, ola.address, SACN_UNIVERSE),),
            fixtures=(TOP,),
            ptz_cameras=(PtzCameraConfig("云台", self.camera.host, self.camera.port),),
            camera_sources=tuple(CAMERAS.values()),
        )
        self.devices = DeviceService(rig)
        path = tmp_path / "shows.db"
        show_id = make_show(path, [{"sku": "MZ-1", "name": "丝绒哑光口红", "live_price_fen": 9900}])
        self.writer = DbWriter(path)
        self.queue = QueueService(self.writer)
        self.client = ObsClient(ObsAddress(real_obs.host, real_obs.port, real_obs.password))
        self.obs = ObsService(self.client)
        self.window = MainWindow(self.obs, Settings(), self.queue)
        rundown = RundownPanel(RundownService(self.writer, self.queue))
        self.looks = RoomLooks(
            self.window, self.writer, self.obs, self.devices, self.queue, rundown
        )
        self.presets = self.looks.presets
        self.window.finish_docks()
        qtbot.addWidget(self.window)
        self.window.show()
        with qtbot.waitSignal(self.queue.changed, timeout=3000):
            self.queue.open_show(show_id)
        self.client.start()
        qtbot.waitUntil(lambda: self.obs.connected, timeout=8000)

    def close(self):
        self.client.stop()
        self.devices.close()
        self.writer.close()
        for light in self.lights.values():
            light.stop()
        self.camera.stop()

    # -- the room, by hand ------------------------------------------------------------------
    def set_room(self, scene, camera, mic_db, noise_on, light_levels, top: Levels):
        raw = self.raw
        raw.request("SetCurrentProgramScene", {"sceneName": scene})
        for item in raw.request("GetSceneItemList", {"sceneName": CLOSE_UP})["sceneItems"]:
            raw.request(
                "SetSceneItemEnabled",
                {
                    "sceneName": CLOSE_UP,
                    "sceneItemId": item["sceneItemId"],
                    "sceneItemEnabled": item["sourceName"] == camera,
                },
            )
        raw.request("SetInputVolume", {"inputName": MIC, "inputVolumeDb": mic_db})
        raw.request(
            "SetSourceFilterEnabled",
            {"sourceName": MIC, "filterName": NOISE, "filterEnabled": noise_on},
        )
        for name, (brightness, kelvin) in light_levels.items():
            self.devices.keylight(name).apply(True, brightness, kelvin).result(timeout=3)
        for future in self.devices.apply_fixtures({TOP.name: top}, 0).values():
            future.result(timeout=3)

    # -- reading back where the values landed -----------------------------------------------
    def shown_cameras(self):
        items = self.raw.request("GetSceneItemList", {"sceneName": CLOSE_UP})["sceneItems"]
        return {i["sourceName"] for i in items if i["sceneItemEnabled"]}

    def mic(self):
        db = self.raw.request("GetInputVolume", {"inputName": MIC})["inputVolumeDb"]
        filters = self.raw.request("GetSourceFilterList", {"sourceName": MIC})["filters"]
        return round(db, 1), {f["filterName"]: f["filterEnabled"] for f in filters}[NOISE]

    def assert_the_look_is_back(self, top: Levels):
        program = self.raw.request("GetCurrentProgramScene")["currentProgramSceneName"]
        assert program == CLOSE_UP
        assert self.shown_cameras() == {SECOND_CAMERA}
        assert self.mic() == (-4.0, True)
        assert self.lights["主灯"].state == {
            "on": 1,
            "brightness": 85,
            "temperature": kelvin_to_mireds(5000),
        }
        assert self.lights["辅灯"].state["brightness"] == 40
        wanted = list(
            look_frames([TOP], {TOP.name: top}, {SACN_UNIVERSE: Frame()})[SACN_UNIVERSE].values
        )
        got = self.ola.wait_for(SACN_UNIVERSE, lambda v: v[:2] == wanted[:2], timeout=4)
        assert got is not None and got[:2] == wanted[:2], self.ola.log_tail()

    def recall_by(self, press, origin):
        done = []

        self.presets.recall_changed.connect(
            lambda r: r.finished and r.origin == origin and done.append(r)
        )
        press()
        self.qtbot.waitUntil(lambda: bool(done), timeout=4000)
        return done[0]


def prepare_obs(raw_obs) -> None:
    """The second camera and the mic's noise filter (the real-OBS reset removes both)."""
    raw_obs.request("CreateSceneItem", {"sceneName": CLOSE_UP, "sourceName": SECOND_CAMERA})
    raw_obs.request(
        "CreateSourceFilter",
        {
            "sourceName": MIC,
            "filterName": NOISE,
            "filterKind": "noise_suppress_filter_v2",
            "filterSettings": {},
        },
    )
