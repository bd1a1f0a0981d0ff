"""One look that touches every device of the demo rig (console.services.device_service
.demo_rig) and of the fake OBS: for the preset service and panel tests."""

from console.core.presets import (
    CameraChoice,
    FixtureSetting,
    LightSetting,
    MicSetting,
    Preset,
    PtzRecall,
)
from console.devices.obs.fake_state import CAMERA, MIC, NOISE_SUPPRESSION

CLOSE_UP, WIDE = "商品特写 Product close-up", "全景 Wide"
LOOK = Preset(
    "美妆特写",
    scene=CLOSE_UP,
    camera=CameraChoice(CLOSE_UP, CAMERA),
    ptz=PtzRecall("PTZ 1", 3),
    lights=(LightSetting("Key Light L", True, 80, 5600), LightSetting("Key Light R", True, 40)),
    fixtures=(FixtureSetting("Top light", 50.0, 4000),),
    fade_s=0.3,
    mics=(MicSetting(MIC, False, -6.0, ((NOISE_SUPPRESSION, False),)),),
    hotkey=2,
)
